"""Strategies for sources and actors: :class:`~policyconflict.model.Source`,
:class:`~policyconflict.model.Jurisdiction`, :class:`~policyconflict.model.Agency`,
:class:`~policyconflict.model.Organization`, :class:`~policyconflict.model.Person` and
:class:`~policyconflict.model.Role`.

Each takes an optional :class:`~.pool.IdPool` to draw references from, and an optional fixed
``id``. Parents are drawn from ``parent_ids`` when given (a story passes the ids of earlier
entities only, so parent chains never loop).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Final

from hypothesis import strategies as st

from policyconflict.model.actors import (
    Agency,
    AgencyKind,
    Organization,
    OrganizationKind,
    Person,
    Role,
)
from policyconflict.model.places import ExternalId, Jurisdiction, JurisdictionLevel
from policyconflict.model.sources import PUBLISHERS, Republication, Source, SourceKind

from .dates import partial_dates, periods
from .pool import (
    IdPool,
    below,
    built,
    candidates,
    cite,
    draw_assessments,
    draw_notes,
    maybe,
    pick,
    pick_optional,
    require,
)
from .text import entity_ids, external_ids, jurisdiction_ids, language_tags, names, urls

__all__ = ["agencies", "jurisdictions", "organizations", "persons", "roles", "sources"]

_ABBREVIATIONS: Final = maybe(
    st.one_of(
        st.sampled_from(("ICE", "CBP", "ERO", "LAPD", "LASD", "DHS", "BORTAC", "Mossos")),
        names(max_size=6),
    )
)
_ALIASES: Final = st.lists(names(), unique=True, max_size=2).map(tuple)
_EXTERNAL_IDS: Final[st.SearchStrategy[tuple[ExternalId, ...]]] = st.lists(
    external_ids(), unique=True, max_size=2
).map(tuple)
_LEVEL_NAMES: Final = maybe(st.sampled_from(("comunidad autónoma", "parish", "Land")))
_TITLES: Final = st.one_of(
    st.sampled_from(("Mayor", "Chief of Police", "Acting Director")), names()
)
_SOURCE_KINDS: Final = st.sampled_from(SourceKind)
_REPUBLICATIONS: Final = st.sampled_from(Republication)
_LEVELS: Final = st.sampled_from(JurisdictionLevel)
_AGENCY_KINDS: Final = st.sampled_from(AgencyKind)
_ORGANIZATION_KINDS: Final = st.sampled_from(OrganizationKind)
_COIN: Final = st.booleans()


def own_id(draw: st.DrawFn, id: str | None, ids: st.SearchStrategy[str]) -> str:
    """``id`` when given, else a drawn one."""
    return id if id is not None else draw(ids)


def _parent(
    draw: st.DrawFn,
    pool: IdPool | None,
    kind: str,
    own: str,
    parent_ids: Sequence[str] | None,
) -> str | None:
    if parent_ids is None:
        return pick_optional(draw, pool, (kind,), exclude=(own,))
    allowed = [p for p in parent_ids if p != own]
    if not allowed or not draw(_COIN):
        return None
    return allowed[draw(below(len(allowed)))]


def draw_source(draw: st.DrawFn, pool: IdPool | None, id: str | None = None) -> Source:
    """One source: sometimes without a title, dated or only bounded in time, sometimes a copy
    of another source (one of the pool's, or just its publisher) or of a wire story."""
    own = own_id(draw, id, entity_ids("source"))
    published = draw(maybe(partial_dates()))
    within = draw(maybe(periods())) if published is None else None
    republication = draw(maybe(_REPUBLICATIONS))
    original = publisher = wire = None
    if republication is not None:
        original = pick_optional(draw, pool, ("source",), exclude=(own,))
        publisher = pick_optional(draw, pool, PUBLISHERS)
        wire = pick_optional(draw, pool, PUBLISHERS)
        if original is None and publisher is None and wire is None:
            if pool is not None and not candidates(pool, PUBLISHERS):
                republication = None  # nothing in the pool to be a copy of
            else:
                publisher = pick(draw, pool, PUBLISHERS)
    return Source(
        id=own,
        kind=draw(_SOURCE_KINDS),
        title=draw(maybe(names(max_size=40))),
        url=draw(maybe(urls())),
        publisher=pick_optional(draw, pool, PUBLISHERS),
        authors=draw(_ALIASES),
        published=published,
        published_within=within,
        language=draw(maybe(language_tags())),
        edition=draw(maybe(names(max_size=20))),
        republication=republication,
        republished_from=original,
        original_publisher=publisher,
        wire_service=wire,
        assessments=draw_assessments(draw, pool),
        notes=draw_notes(draw, pool),
    )


def sources(pool: IdPool | None = None, *, id: str | None = None) -> st.SearchStrategy[Source]:
    """:class:`~policyconflict.model.Source` documents: a kind, a title, sometimes a URL, a
    publisher (an organization or agency), authors, a publication date and a language.

    >>> from hypothesis import find
    >>> from policyconflict.testing import sources
    >>> find(sources(id="source:la-times"), lambda s: s.url is not None).id
    'source:la-times'
    """
    return built(draw_source, pool, id)


def draw_jurisdiction(
    draw: st.DrawFn,
    pool: IdPool | None,
    id: str | None = None,
    parent_ids: Sequence[str] | None = None,
) -> Jurisdiction:
    """One jurisdiction."""
    own = own_id(draw, id, jurisdiction_ids())
    return Jurisdiction(
        id=own,
        name=draw(names()),
        level=draw(_LEVELS),
        level_name=draw(_LEVEL_NAMES),
        parent=_parent(draw, pool, "jurisdiction", own, parent_ids),
        aliases=draw(_ALIASES),
        external_ids=draw(_EXTERNAL_IDS),
        valid=draw(maybe(periods())),
        sources=cite(draw, pool),
        notes=draw_notes(draw, pool),
    )


def jurisdictions(
    pool: IdPool | None = None, *, id: str | None = None, parent_ids: Sequence[str] | None = None
) -> st.SearchStrategy[Jurisdiction]:
    """:class:`~policyconflict.model.Jurisdiction` places, often with OCD division ids, a level
    and its local name, a parent (from ``parent_ids`` when given), aliases, external ids and a
    validity period.

    >>> from hypothesis import find
    >>> from policyconflict.testing import jurisdictions
    >>> from policyconflict.ids import ocd_division_problem
    >>> j = find(jurisdictions(), lambda j: j.id.startswith("ocd-division/"))
    >>> ocd_division_problem(j.id) is None
    True
    """
    return built(draw_jurisdiction, pool, id, parent_ids)


def draw_agency(
    draw: st.DrawFn,
    pool: IdPool | None,
    id: str | None = None,
    kinds: st.SearchStrategy[AgencyKind] | None = None,
    parent_ids: Sequence[str] | None = None,
) -> Agency:
    """One agency."""
    own = own_id(draw, id, entity_ids("agency"))
    return Agency(
        id=own,
        name=draw(names()),
        kind=draw(kinds if kinds is not None else _AGENCY_KINDS),
        abbreviation=draw(_ABBREVIATIONS),
        jurisdiction=pick_optional(draw, pool, ("jurisdiction",)),
        parent=_parent(draw, pool, "agency", own, parent_ids),
        aliases=draw(_ALIASES),
        external_ids=draw(_EXTERNAL_IDS),
        sources=cite(draw, pool),
        notes=draw_notes(draw, pool),
    )


def agencies(
    pool: IdPool | None = None,
    *,
    id: str | None = None,
    kinds: st.SearchStrategy[AgencyKind] | None = None,
    parent_ids: Sequence[str] | None = None,
) -> st.SearchStrategy[Agency]:
    """:class:`~policyconflict.model.Agency` bodies of any kind (or of ``kinds``), with an
    abbreviation, a jurisdiction and a parent agency (from ``parent_ids`` when given).

    >>> from hypothesis import find, strategies as st
    >>> from policyconflict.model import AgencyKind
    >>> from policyconflict.testing import agencies
    >>> find(agencies(kinds=st.just(AgencyKind.COURT)), lambda a: True).kind.value
    'court'
    """
    return built(draw_agency, pool, id, kinds, parent_ids)


def draw_organization(draw: st.DrawFn, pool: IdPool | None, id: str | None = None) -> Organization:
    """One organization."""
    return Organization(
        id=own_id(draw, id, entity_ids("organization")),
        name=draw(names()),
        kind=draw(_ORGANIZATION_KINDS),
        abbreviation=draw(_ABBREVIATIONS),
        jurisdiction=pick_optional(draw, pool, ("jurisdiction",)),
        aliases=draw(_ALIASES),
        external_ids=draw(_EXTERNAL_IDS),
        sources=cite(draw, pool),
        notes=draw_notes(draw, pool),
    )


def organizations(
    pool: IdPool | None = None, *, id: str | None = None
) -> st.SearchStrategy[Organization]:
    """:class:`~policyconflict.model.Organization` bodies: NGOs, publishers, parties, ...

    >>> from hypothesis import find
    >>> from policyconflict.testing import IdPool, organizations
    >>> pool = IdPool(jurisdictions=["ocd-division/country:us"])
    >>> find(organizations(pool), lambda o: o.jurisdiction is not None).jurisdiction
    'ocd-division/country:us'
    """
    return built(draw_organization, pool, id)


def draw_person(draw: st.DrawFn, pool: IdPool | None, id: str | None = None) -> Person:
    """One person."""
    return Person(
        id=own_id(draw, id, entity_ids("person")),
        name=draw(names()),
        aliases=draw(_ALIASES),
        external_ids=draw(_EXTERNAL_IDS),
        sources=cite(draw, pool),
        notes=draw_notes(draw, pool),
    )


def persons(pool: IdPool | None = None, *, id: str | None = None) -> st.SearchStrategy[Person]:
    """:class:`~policyconflict.model.Person` values with aliases and external ids.

    >>> from hypothesis import find
    >>> from policyconflict.testing import persons
    >>> len(find(persons(), lambda p: len(p.external_ids) == 2).external_ids)
    2
    """
    return built(draw_person, pool, id)


def draw_role(draw: st.DrawFn, pool: IdPool | None, id: str | None = None) -> Role:
    """One role (the pool must hold a person and a post holder)."""
    return Role(
        id=own_id(draw, id, entity_ids("role")),
        person=pick(draw, pool, ("person",)),
        organization=pick(draw, pool, ("agency", "organization", "jurisdiction")),
        title=draw(_TITLES),
        period=draw(periods()),
        acting=draw(_COIN),
        sources=cite(draw, pool),
        notes=draw_notes(draw, pool),
    )


def roles(pool: IdPool | None = None, *, id: str | None = None) -> st.SearchStrategy[Role]:
    """:class:`~policyconflict.model.Role` posts held by a person in an agency, organization or
    jurisdiction over a period. A pool must hold a person and at least one such holder.

    >>> from hypothesis import find
    >>> from policyconflict.testing import IdPool, roles
    >>> pool = IdPool(persons=["person:ada"], organizations=["org:aclu"])
    >>> r = find(roles(pool), lambda r: r.acting)
    >>> (r.person, r.organization)
    ('person:ada', 'org:aclu')
    """
    require(pool, ("person",), "roles()")
    require(pool, ("agency", "organization", "jurisdiction"), "roles()")
    return built(draw_role, pool, id)
