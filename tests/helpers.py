"""Small valid building blocks for the model and story tests.

Each function returns a valid entity with readable defaults; tests break one thing at a time.
"""

from __future__ import annotations

from typing import Any

from policyconflict import (
    Agency,
    AgencyKind,
    Citation,
    Jurisdiction,
    JurisdictionLevel,
    Law,
    LawKind,
    Organization,
    OrganizationKind,
    PartialDate,
    Person,
    Source,
    SourceKind,
    Statement,
    Story,
)

SOURCE = "source:test/2020-02-14/article"
US = "ocd-division/country:us"
CA = "ocd-division/country:us/state:ca"


def cite(quote: str | None = "words") -> Citation:
    """A citation of :data:`SOURCE`."""
    return Citation(source=SOURCE, quote=quote)


def source(**changes: Any) -> Source:
    fields: dict[str, Any] = {
        "id": SOURCE,
        "kind": SourceKind.NEWS_ARTICLE,
        "title": "An article",
        "published": PartialDate.parse("2020-02-14"),
    }
    return Source(**(fields | changes))


def jurisdiction(id: str = US, **changes: Any) -> Jurisdiction:
    fields: dict[str, Any] = {
        "id": id,
        "name": "United States",
        "level": JurisdictionLevel.COUNTRY,
    }
    return Jurisdiction(**(fields | changes))


def state(**changes: Any) -> Jurisdiction:
    fields: dict[str, Any] = {
        "id": CA,
        "name": "California",
        "level": JurisdictionLevel.STATE,
        "parent": US,
    }
    return Jurisdiction(**(fields | changes))


def agency(id: str = "agency:us/dhs", **changes: Any) -> Agency:
    fields: dict[str, Any] = {"id": id, "name": "An agency", "kind": AgencyKind.AGENCY}
    return Agency(**(fields | changes))


def organization(id: str = "org:aclu", **changes: Any) -> Organization:
    fields: dict[str, Any] = {"id": id, "name": "ACLU", "kind": OrganizationKind.ADVOCACY}
    return Organization(**(fields | changes))


def person(id: str = "person:ann", **changes: Any) -> Person:
    fields: dict[str, Any] = {"id": id, "name": "Ann"}
    return Person(**(fields | changes))


def law(id: str = "law:us/ca/2017-2018/sb-54", **changes: Any) -> Law:
    fields: dict[str, Any] = {
        "id": id,
        "kind": LawKind.STATUTE,
        "jurisdiction": CA,
        "title": "Senate Bill 54",
    }
    return Law(**(fields | changes))


def statement(id: str = "statement:ann/undated/hello", **changes: Any) -> Statement:
    fields: dict[str, Any] = {"id": id, "speaker": "person:ann", "text": "Hello."}
    return Statement(**(fields | changes))


def story(**collections: Any) -> Story:
    """A story with the source, the US and California, plus ``collections``; those given
    replace the defaults."""
    fields: dict[str, Any] = {
        "sources": (source(),),
        "jurisdictions": (jurisdiction(), state()),
    }
    return Story(id="story:test", title="A test story", **(fields | collections))
