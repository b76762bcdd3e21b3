"""What actors said: :class:`Statement`, with its stance toward targets."""

from __future__ import annotations

import enum
from typing import ClassVar

import attrs

from policyconflict.dates import PartialDate
from policyconflict.errors import ShapeError
from policyconflict.model import _fields as f
from policyconflict.model.citations import Citation, Note, notes_field

__all__ = ["Channel", "Position", "QuoteForm", "Stance", "Statement"]

SPEAKERS = ("person", "agency", "organization", "jurisdiction")


class Channel(enum.StrEnum):
    """How a statement was made public."""

    PRESS_RELEASE = "press-release"
    STATEMENT = "statement"
    SOCIAL_MEDIA = "social-media"
    VIDEO = "video"
    INTERVIEW = "interview"
    PRESS_CONFERENCE = "press-conference"
    SPEECH = "speech"
    COURT_FILING = "court-filing"
    TESTIMONY = "testimony"
    LETTER = "letter"
    OTHER = "other"


class QuoteForm(enum.StrEnum):
    """How close ``text`` is to the words actually said."""

    DIRECT_QUOTE = "direct-quote"
    PARAPHRASE = "paraphrase"
    FRAGMENT = "fragment"
    TRANSLATION = "translation"


class Stance(enum.StrEnum):
    """An actor's stance toward a target."""

    SUPPORT = "support"
    OPPOSE = "oppose"
    NEUTRAL = "neutral"
    MIXED = "mixed"


@attrs.frozen(kw_only=True)
class Position:
    """A stance toward one target (any entity: a deployment, a law, an agency)."""

    target: str = attrs.field(validator=f.ref())
    stance: Stance = attrs.field(validator=f.one_of(Stance))


@attrs.frozen(kw_only=True)
class Statement:
    """Something an actor said or published.

    ``speaker`` said it; ``on_behalf_of`` is the principal a spokesperson speaks for. ``text``
    holds the words as the source gives them and ``form`` says how close they are: a direct
    quote, a paraphrase, a fragment, or a translation — then ``original`` is the statement in
    the original language and ``translated_by`` who translated it.
    """

    kind_name: ClassVar[str] = "statement"

    id: str = attrs.field(validator=f.identifier)
    speaker: str = attrs.field(validator=f.ref(*SPEAKERS))
    text: str = attrs.field(validator=f.text)
    form: QuoteForm = attrs.field(default=QuoteForm.DIRECT_QUOTE, validator=f.one_of(QuoteForm))
    on_behalf_of: str | None = attrs.field(default=None, validator=f.ref(*SPEAKERS, optional=True))
    date: PartialDate | None = attrs.field(default=None, validator=f.optional_date)
    channel: Channel = attrs.field(default=Channel.STATEMENT, validator=f.one_of(Channel))
    language: str | None = attrs.field(default=None, validator=f.language)
    original: str | None = attrs.field(default=None, validator=f.ref("statement", optional=True))
    translated_by: str | None = attrs.field(
        default=None,
        validator=f.ref("source", "organization", "person", "agency", optional=True),
    )
    positions: tuple[Position, ...] = attrs.field(default=(), validator=f.tuple_of(Position))
    sources: tuple[Citation, ...] = attrs.field(default=(), validator=f.tuple_of(Citation))
    notes: tuple[Note, ...] = notes_field()

    def __attrs_post_init__(self) -> None:
        self._check_translation_and_speaker()

    def _check_translation_and_speaker(self) -> None:
        if self.form is QuoteForm.TRANSLATION and self.translated_by is None:
            raise ShapeError("missing-field", "a translation needs translated_by", "translated_by")
        if self.form is not QuoteForm.TRANSLATION and (
            self.original is not None or self.translated_by is not None
        ):
            raise ShapeError(
                "unexpected-field", "only a translation has original or translated_by", "form"
            )
        if self.on_behalf_of is not None and self.on_behalf_of == self.speaker:
            raise ShapeError("self-reference", "on_behalf_of repeats the speaker", "on_behalf_of")
        targets = [p.target for p in self.positions]
        if len(set(targets)) != len(targets):
            raise ShapeError("duplicate", "one position per target", "positions")
