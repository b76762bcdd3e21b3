"""Who acts: government :class:`Agency`, non-government :class:`Organization`, :class:`Person`,
and the :class:`Role` a person holds over a period."""

from __future__ import annotations

import enum
from typing import ClassVar

import attrs

from policyconflict.dates import Period
from policyconflict.errors import ShapeError
from policyconflict.model import _fields as f
from policyconflict.model.citations import Citation, Note, notes_field
from policyconflict.model.places import ExternalId, external_ids

__all__ = ["Agency", "AgencyKind", "Organization", "OrganizationKind", "Person", "Role"]


class AgencyKind(enum.StrEnum):
    """What kind of government body an agency is."""

    EXECUTIVE = "executive"
    DEPARTMENT = "department"
    AGENCY = "agency"
    COMPONENT = "component"
    UNIT = "unit"
    POLICE = "police"
    SHERIFF = "sheriff"
    MILITARY = "military"
    NATIONAL_GUARD = "national-guard"
    LEGISLATURE = "legislature"
    COURT = "court"
    PROSECUTOR = "prosecutor"
    OTHER = "other"


class OrganizationKind(enum.StrEnum):
    """What kind of non-government body an organization is."""

    NGO = "ngo"
    ADVOCACY = "advocacy"
    PUBLISHER = "publisher"
    PARTY = "party"
    COMPANY = "company"
    UNION = "union"
    ACADEMIC = "academic"
    INTERNATIONAL = "international"
    OTHER = "other"


@attrs.frozen(kw_only=True)
class Agency:
    """A government body: a department, police force, military unit, legislature, court,
    prosecutor. ``parent`` nests it (ICE → DHS; BORTAC → Border Patrol → CBP)."""

    kind_name: ClassVar[str] = "agency"

    id: str = attrs.field(validator=f.identifier)
    name: str = attrs.field(validator=f.text)
    kind: AgencyKind = attrs.field(validator=f.one_of(AgencyKind))
    abbreviation: str | None = attrs.field(default=None, validator=f.optional_text)
    jurisdiction: str | None = attrs.field(
        default=None, validator=f.ref("jurisdiction", optional=True)
    )
    parent: str | None = attrs.field(
        default=None,
        validator=f.ref("agency", optional=True),
    )
    aliases: tuple[str, ...] = attrs.field(default=(), validator=f.texts)
    external_ids: tuple[ExternalId, ...] = attrs.field(default=(), validator=external_ids)
    sources: tuple[Citation, ...] = attrs.field(default=(), validator=f.tuple_of(Citation))
    notes: tuple[Note, ...] = notes_field()

    def __attrs_post_init__(self) -> None:
        self._check_not_own_parent()

    def _check_not_own_parent(self) -> None:
        if self.parent is not None and self.parent == self.id:
            raise ShapeError("self-reference", "an agency cannot be its own parent", "parent")


@attrs.frozen(kw_only=True)
class Organization:
    """A non-government body: an NGO, advocacy group, publisher, party or company."""

    kind_name: ClassVar[str] = "organization"

    id: str = attrs.field(validator=f.identifier)
    name: str = attrs.field(validator=f.text)
    kind: OrganizationKind = attrs.field(validator=f.one_of(OrganizationKind))
    abbreviation: str | None = attrs.field(default=None, validator=f.optional_text)
    jurisdiction: str | None = attrs.field(
        default=None, validator=f.ref("jurisdiction", optional=True)
    )
    aliases: tuple[str, ...] = attrs.field(default=(), validator=f.texts)
    external_ids: tuple[ExternalId, ...] = attrs.field(default=(), validator=external_ids)
    sources: tuple[Citation, ...] = attrs.field(default=(), validator=f.tuple_of(Citation))
    notes: tuple[Note, ...] = notes_field()


@attrs.frozen(kw_only=True)
class Person:
    """A human being."""

    kind_name: ClassVar[str] = "person"

    id: str = attrs.field(validator=f.identifier)
    name: str = attrs.field(validator=f.text)
    aliases: tuple[str, ...] = attrs.field(default=(), validator=f.texts)
    external_ids: tuple[ExternalId, ...] = attrs.field(default=(), validator=external_ids)
    sources: tuple[Citation, ...] = attrs.field(default=(), validator=f.tuple_of(Citation))
    notes: tuple[Note, ...] = notes_field()


@attrs.frozen(kw_only=True)
class Role:
    """A person holding a post in an agency, organization or jurisdiction over a period.

    ``acting`` marks an acting (interim) holder. Ask who held a post on a date with the query
    helpers.
    """

    kind_name: ClassVar[str] = "role"

    id: str = attrs.field(validator=f.identifier)
    person: str = attrs.field(validator=f.ref("person"))
    organization: str = attrs.field(validator=f.ref("agency", "organization", "jurisdiction"))
    title: str = attrs.field(validator=f.text)
    period: Period = attrs.field(factory=Period, validator=f.period)
    acting: bool = attrs.field(default=False, validator=f.flag)
    sources: tuple[Citation, ...] = attrs.field(default=(), validator=f.tuple_of(Citation))
    notes: tuple[Note, ...] = notes_field()
