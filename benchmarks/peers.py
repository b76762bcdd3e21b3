"""The peers of the format benchmark: pydantic v2 models and msgspec Structs with the
constraints of the library's classes (unknown keys forbidden, strict types, id, text and date
patterns, enums, ranges).

A module of its own, importing nothing but what the models need, so that the cold-start
measure of each peer (a fresh interpreter importing it and loading one document) counts the
peer's own start-up and not the benchmark's.
"""

from typing import Any

ID = r"^[a-z0-9][a-z0-9._:/~#-]{0,299}$"
DATE = (
    r"^[0-9]{4}(?:-[0-9]{2}(?:-[0-9]{2}"
    r"(?:T[0-9]{2}:[0-9]{2}(?::[0-9]{2})?(?:Z|[+-][0-9]{2}:[0-9]{2}))?)?)?[?~%]?$"
)
TEXT = r"^\S(?:[\s\S]*\S)?$"
CHANNELS = ["press-release", "statement", "social-media", "interview", "press-conference"]
STANCES = ["support", "oppose", "neutral", "mixed"]
TAGS = ["source", "person", "agency", "law", "figure", "statement"]


def pydantic_models() -> dict[str, Any]:
    """Pydantic v2 models with the library's constraints."""
    from typing import Annotated, Literal

    from pydantic import BaseModel, ConfigDict, Field, TypeAdapter

    Id = Annotated[str, Field(pattern=ID)]
    Text = Annotated[str, Field(min_length=1, pattern=TEXT)]
    Date = Annotated[str, Field(pattern=DATE)]
    Count = Annotated[int, Field(ge=0, le=2**53)]

    class Model(BaseModel):
        model_config = ConfigDict(strict=True, extra="forbid", frozen=True)

    class Citation(Model):
        source: Id
        quote: Text | None = None
        prefix: str | None = None
        suffix: str | None = None
        start: Count | None = None
        end: Count | None = None
        note: Text | None = None

    class Position(Model):
        target: Id
        stance: Literal["support", "oppose", "neutral", "mixed"]

    class Statement(Model):
        id: Id
        speaker: Id
        text: Text
        form: Literal["direct-quote", "paraphrase", "fragment", "translation"] = "direct-quote"
        on_behalf_of: Id | None = None
        date: Date | None = None
        channel: Literal[
            "press-release", "statement", "social-media", "video", "interview",
            "press-conference", "speech", "court-filing", "testimony", "letter", "other",
        ] = "statement"  # fmt: skip
        language: Annotated[str, Field(pattern=r"^[a-z]{2,3}(?:-[A-Za-z0-9]{2,8})*$")] | None = None
        original: Id | None = None
        translated_by: Id | None = None
        positions: tuple[Position, ...] = ()
        sources: tuple[Citation, ...] = ()

    class Person(Model):
        id: Id
        name: Text
        aliases: tuple[Text, ...] = ()
        sources: tuple[Citation, ...] = ()

    class Source(Model):
        id: Id
        kind: Literal["news-article", "press-release", "social-post", "dataset", "other"]
        title: Text
        url: Annotated[str, Field(pattern=r"^https?://[^\s]+$")] | None = None
        publisher: Id | None = None
        authors: tuple[Text, ...] = ()
        published: Date | None = None
        language: str | None = None

    class Agency(Model):
        id: Id
        name: Text
        kind: Literal["agency", "department", "police", "court", "other"]
        abbreviation: Text | None = None
        jurisdiction: Id | None = None
        parent: Id | None = None
        sources: tuple[Citation, ...] = ()

    class Provision(Model):
        id: Id
        label: Text
        effect: Literal["prohibits", "requires", "permits", "restricts", "other"]
        activity: str | None = None
        binds: tuple[Id, ...] = ()
        sources: tuple[Citation, ...] = ()

    class Law(Model):
        id: Id
        kind: Literal["statute", "ordinance", "executive-order", "other"]
        jurisdiction: Id
        title: Text
        identifier: Text | None = None
        signed: Date | None = None
        effective: Date | None = None
        provisions: tuple[Provision, ...] = ()
        sources: tuple[Citation, ...] = ()

    class Quantity(Model):
        kind: Literal["exact", "approximate", "range", "at-least", "at-most", "undisclosed"]
        value: int | float | None = None
        low: int | float | None = None
        high: int | float | None = None

    class Figure(Model):
        id: Id
        metric: str
        quantity: Quantity
        unit: Text | None = None
        period: Annotated[str, Field(pattern=r"^[0-9./-]*$")] | None = None
        claimed_by: tuple[Id, ...] = ()
        sources: tuple[Citation, ...] = ()

    class Document(Model):
        format: Literal["policyconflict"]
        version: Literal[2]
        id: Id
        title: Text
        persons: tuple[Person, ...] = ()
        sources: tuple[Source, ...] = ()
        statements: tuple[Statement, ...] = ()

    def tagged(cls: Any, tag: str) -> Any:
        return type(cls.__name__ + "Record", (cls,), {"__annotations__": {"type": Literal[tag]}})

    records = [tagged(cls, tag) for tag, cls in zip(
        TAGS, [Source, Person, Agency, Law, Figure, Statement], strict=True
    )]  # fmt: skip
    union: Any = Annotated[
        records[0] | records[1] | records[2] | records[3] | records[4] | records[5],
        Field(discriminator="type"),
    ]
    return {"document": Document, "record": TypeAdapter(union)}


def msgspec_models() -> dict[str, Any]:
    """msgspec Structs with the library's constraints."""
    from typing import Annotated, Literal

    import msgspec
    from msgspec import Meta

    Id = Annotated[str, Meta(pattern=ID)]
    Text = Annotated[str, Meta(min_length=1, pattern=TEXT)]
    Date = Annotated[str, Meta(pattern=DATE)]
    Count = Annotated[int, Meta(ge=0, le=2**53)]
    opts: dict[str, Any] = {"forbid_unknown_fields": True, "frozen": True, "omit_defaults": True}

    class Citation(msgspec.Struct, **opts):
        source: Id
        quote: Text | None = None
        prefix: str | None = None
        suffix: str | None = None
        start: Count | None = None
        end: Count | None = None
        note: Text | None = None

    class Position(msgspec.Struct, **opts):
        target: Id
        stance: Literal["support", "oppose", "neutral", "mixed"]

    class Statement(msgspec.Struct, tag="statement", tag_field="type", **opts):
        id: Id
        speaker: Id
        text: Text
        form: Literal["direct-quote", "paraphrase", "fragment", "translation"] = "direct-quote"
        on_behalf_of: Id | None = None
        date: Date | None = None
        channel: Literal[
            "press-release", "statement", "social-media", "video", "interview",
            "press-conference", "speech", "court-filing", "testimony", "letter", "other",
        ] = "statement"  # fmt: skip
        language: Annotated[str, Meta(pattern=r"^[a-z]{2,3}(?:-[A-Za-z0-9]{2,8})*$")] | None = None
        original: Id | None = None
        translated_by: Id | None = None
        positions: tuple[Position, ...] = ()
        sources: tuple[Citation, ...] = ()

    class Person(msgspec.Struct, tag="person", tag_field="type", **opts):
        id: Id
        name: Text
        aliases: tuple[Text, ...] = ()
        sources: tuple[Citation, ...] = ()

    class Source(msgspec.Struct, tag="source", tag_field="type", **opts):
        id: Id
        kind: Literal["news-article", "press-release", "social-post", "dataset", "other"]
        title: Text
        url: Annotated[str, Meta(pattern=r"^https?://[^\s]+$")] | None = None
        publisher: Id | None = None
        authors: tuple[Text, ...] = ()
        published: Date | None = None
        language: str | None = None

    class Agency(msgspec.Struct, tag="agency", tag_field="type", **opts):
        id: Id
        name: Text
        kind: Literal["agency", "department", "police", "court", "other"]
        abbreviation: Text | None = None
        jurisdiction: Id | None = None
        parent: Id | None = None
        sources: tuple[Citation, ...] = ()

    class Provision(msgspec.Struct, **opts):
        id: Id
        label: Text
        effect: Literal["prohibits", "requires", "permits", "restricts", "other"]
        activity: str | None = None
        binds: tuple[Id, ...] = ()
        sources: tuple[Citation, ...] = ()

    class Law(msgspec.Struct, tag="law", tag_field="type", **opts):
        id: Id
        kind: Literal["statute", "ordinance", "executive-order", "other"]
        jurisdiction: Id
        title: Text
        identifier: Text | None = None
        signed: Date | None = None
        effective: Date | None = None
        provisions: tuple[Provision, ...] = ()
        sources: tuple[Citation, ...] = ()

    class Quantity(msgspec.Struct, **opts):
        kind: Literal["exact", "approximate", "range", "at-least", "at-most", "undisclosed"]
        value: int | float | None = None
        low: int | float | None = None
        high: int | float | None = None

    class Figure(msgspec.Struct, tag="figure", tag_field="type", **opts):
        id: Id
        metric: str
        quantity: Quantity
        unit: Text | None = None
        period: Annotated[str, Meta(pattern=r"^[0-9./-]*$")] | None = None
        claimed_by: tuple[Id, ...] = ()
        sources: tuple[Citation, ...] = ()

    class StatementNoTag(msgspec.Struct, **opts):
        id: Id
        speaker: Id
        text: Text
        form: Literal["direct-quote", "paraphrase", "fragment", "translation"] = "direct-quote"
        on_behalf_of: Id | None = None
        date: Date | None = None
        channel: str = "statement"
        language: str | None = None
        original: Id | None = None
        translated_by: Id | None = None
        positions: tuple[Position, ...] = ()
        sources: tuple[Citation, ...] = ()

    class PersonNoTag(msgspec.Struct, **opts):
        id: Id
        name: Text

    class SourceNoTag(msgspec.Struct, **opts):
        id: Id
        kind: str
        title: Text
        url: str | None = None
        published: Date | None = None

    class Document(msgspec.Struct, **opts):
        format: Literal["policyconflict"]
        version: Literal[2]
        id: Id
        title: Text
        persons: tuple[PersonNoTag, ...] = ()
        sources: tuple[SourceNoTag, ...] = ()
        statements: tuple[StatementNoTag, ...] = ()

    record = Source | Person | Agency | Law | Figure | Statement
    return {
        "document": msgspec.json.Decoder(Document),
        "record": msgspec.json.Decoder(record),
        "encoder": msgspec.json.Encoder(),
    }
