"""Places with government authority."""

from __future__ import annotations

import enum
from typing import TYPE_CHECKING, ClassVar, Final

import attrs

from policyconflict.dates import Period
from policyconflict.errors import ShapeError
from policyconflict.ids import IdScheme, external_id_problem, ocd_division_problem
from policyconflict.model import _fields as f
from policyconflict.model.citations import Citation, Note, notes_field

if TYPE_CHECKING:
    from policyconflict.gazetteer import Place

__all__ = ["ExternalId", "Jurisdiction", "JurisdictionLevel"]


class JurisdictionLevel(enum.StrEnum):
    """The tier of government a jurisdiction sits at; ``level_name`` gives the local word."""

    SUPRANATIONAL = "supranational"
    COUNTRY = "country"
    STATE = "state"
    COUNTY = "county"
    CITY = "city"
    DISTRICT = "district"
    OTHER = "other"


@attrs.frozen(kw_only=True)
class ExternalId:
    """An identifier in another system, checked against its scheme's grammar."""

    scheme: IdScheme = attrs.field(validator=f.one_of(IdScheme))
    value: str = attrs.field(validator=f.text)

    def __attrs_post_init__(self) -> None:
        self._check_scheme()

    def _check_scheme(self) -> None:
        problem = external_id_problem(self.scheme, self.value)
        if problem is not None:
            raise ShapeError("bad-external-id", problem, "value")


external_ids: Final = f.tuple_of(ExternalId, unique=True)
"""A tuple of external ids without repeats."""


def _ocd_problem(value: str) -> str | None:
    """What is wrong with an id that claims to be an OCD division id, if anything."""
    return ocd_division_problem(value) if value.startswith("ocd-division/") else None


@attrs.frozen(kw_only=True)
class Jurisdiction:
    """A place with government authority: a country, state, county, city, district, or a
    supranational body's area.

    Use an Open Civic Data division id as ``id`` where one exists
    (``ocd-division/country:us/state:ca/place:los_angeles``); :mod:`policyconflict.gazetteer`
    finds them offline.
    """

    kind_name: ClassVar[str] = "jurisdiction"

    id: str = attrs.field(validator=f.Id(grammar=_ocd_problem))
    name: str = attrs.field(validator=f.text)
    level: JurisdictionLevel = attrs.field(validator=f.one_of(JurisdictionLevel))
    level_name: str | None = attrs.field(default=None, validator=f.optional_text)
    parent: str | None = attrs.field(default=None, validator=f.ref("jurisdiction", optional=True))
    aliases: tuple[str, ...] = attrs.field(default=(), validator=f.texts)
    external_ids: tuple[ExternalId, ...] = attrs.field(default=(), validator=external_ids)
    valid: Period | None = attrs.field(default=None, validator=f.optional_period)
    sources: tuple[Citation, ...] = attrs.field(default=(), validator=f.tuple_of(Citation))
    notes: tuple[Note, ...] = notes_field()

    def __attrs_post_init__(self) -> None:
        self._check_not_own_parent()

    def _check_not_own_parent(self) -> None:
        if self.parent == self.id:
            raise ShapeError("self-reference", "a jurisdiction cannot be its own parent", "parent")

    @classmethod
    def from_place(
        cls, place: Place, *, name: str | None = None, sources: tuple[Citation, ...] = ()
    ) -> Jurisdiction:
        """A jurisdiction from a gazetteer entry, keeping its id, parent, level, aliases and
        codes (ISO 3166, census GEOID).

        ``name`` overrides the gazetteer's name (the census calls Los Angeles "Los Angeles
        city"); the gazetteer's name is then kept as an alias.

        >>> from policyconflict.gazetteer import default_gazetteer
        >>> place = default_gazetteer().get("ocd-division/country:us/state:ca")
        >>> j = Jurisdiction.from_place(place)
        >>> j.name, j.level.value, j.parent, [str(e.value) for e in j.external_ids]
        ('California', 'state', 'ocd-division/country:us', ['US-CA'])
        """
        external: list[ExternalId] = []
        if place.iso3166 is not None:
            scheme = IdScheme.ISO_3166_1 if len(place.iso3166) == 2 else IdScheme.ISO_3166_2
            external.append(ExternalId(scheme=scheme, value=place.iso3166))
        if place.census_geoid is not None:
            external.append(ExternalId(scheme=IdScheme.CENSUS_GEOID, value=place.census_geoid))
        chosen = name if name is not None else place.name
        aliases = [a for a in (place.name, *place.aliases) if a != chosen]
        return cls(
            id=place.id,
            name=chosen,
            level=JurisdictionLevel(place.level),
            level_name=place.type,
            parent=place.parent_id,
            aliases=tuple(dict.fromkeys(aliases)),
            external_ids=tuple(external),
            sources=sources,
        )
