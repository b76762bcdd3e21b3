"""The ids a generated entity may refer to: :class:`IdPool`, and the reference strategies the
entity strategies draw from it.

Without a pool (``pool=None``) references are fresh, valid ids that point at nothing: the object
is valid on its own, but a :class:`~policyconflict.story.Story` would report the dangling
references. With a pool every reference is drawn from the pool's ids of an allowed kind, so the
entity fits in a story holding those entities.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Collection, Iterable
from typing import Any, Final, TypeVar

import attrs
from hypothesis import strategies as st

from policyconflict.model import _fields as f
from policyconflict.model.actors import AgencyKind
from policyconflict.model.citations import (
    ASSESSORS,
    Assessment,
    Citation,
    Confidence,
    Note,
    Reliability,
)
from policyconflict.model.laws import Law
from policyconflict.story import Story

from .dates import partial_dates
from .text import entity_ids, names

__all__ = ["KIND_FIELDS", "IdPool"]

T = TypeVar("T")

KIND_FIELDS: Final = {
    "source": "sources",
    "jurisdiction": "jurisdictions",
    "agency": "agencies",
    "organization": "organizations",
    "person": "persons",
    "role": "roles",
    "law": "laws",
    "provision": "provisions",
    "deployment": "deployments",
    "control_transfer": "control_transfers",
    "event": "events",
    "statement": "statements",
    "figure": "figures",
    "relation": "relations",
    "legal_case": "legal_cases",
    "ruling": "rulings",
}
"""Entity kind (``kind_name``) → the :class:`IdPool` field holding ids of that kind."""


def _ids(value: Iterable[str]) -> tuple[str, ...]:
    return tuple(value)


@attrs.frozen(kw_only=True)
class IdPool:
    """Ids that generated entities may refer to, by kind.

    ``courts`` lists the agency ids that are courts (of kind ``court``): dockets and rulings
    refer only to those. Build one by hand, or from an existing story with :meth:`from_story`
    to generate entities that fit into it.

    >>> pool = IdPool(persons=["person:ada"], agencies=["agency:us/dhs"])
    >>> pool.of(("person", "agency"))
    ('person:ada', 'agency:us/dhs')
    """

    sources: tuple[str, ...] = attrs.field(default=(), converter=_ids)
    jurisdictions: tuple[str, ...] = attrs.field(default=(), converter=_ids)
    agencies: tuple[str, ...] = attrs.field(default=(), converter=_ids)
    courts: tuple[str, ...] = attrs.field(default=(), converter=_ids)
    organizations: tuple[str, ...] = attrs.field(default=(), converter=_ids)
    persons: tuple[str, ...] = attrs.field(default=(), converter=_ids)
    roles: tuple[str, ...] = attrs.field(default=(), converter=_ids)
    laws: tuple[str, ...] = attrs.field(default=(), converter=_ids)
    provisions: tuple[str, ...] = attrs.field(default=(), converter=_ids)
    deployments: tuple[str, ...] = attrs.field(default=(), converter=_ids)
    control_transfers: tuple[str, ...] = attrs.field(default=(), converter=_ids)
    events: tuple[str, ...] = attrs.field(default=(), converter=_ids)
    statements: tuple[str, ...] = attrs.field(default=(), converter=_ids)
    figures: tuple[str, ...] = attrs.field(default=(), converter=_ids)
    relations: tuple[str, ...] = attrs.field(default=(), converter=_ids)
    legal_cases: tuple[str, ...] = attrs.field(default=(), converter=_ids)
    rulings: tuple[str, ...] = attrs.field(default=(), converter=_ids)

    @classmethod
    def from_story(cls, story: Story) -> IdPool:
        """The ids of every entity and provision of ``story``, by kind."""
        found: dict[str, list[str]] = {name: [] for name in KIND_FIELDS.values()}
        courts: list[str] = []
        for entity in story.entities():
            found[KIND_FIELDS[entity.kind_name]].append(entity.id)
            if isinstance(entity, Law):
                found["provisions"].extend(p.id for p in entity.provisions)
        courts.extend(a.id for a in story.agencies if a.kind is AgencyKind.COURT)
        return cls(courts=courts, **found)

    def of(self, kinds: Collection[str]) -> tuple[str, ...]:
        """The ids of the given kinds (``"*"``: of every kind), in pool order."""
        if f.ANY_KIND in kinds:
            kinds = tuple(KIND_FIELDS)
        return tuple(i for kind in kinds for i in getattr(self, KIND_FIELDS[kind]))


def fixed_or(id: str | None, ids: st.SearchStrategy[str]) -> st.SearchStrategy[str]:
    """``id`` when given, else ids from ``ids``."""
    return ids if id is None else st.just(id)


# Reference choices are drawn as indices from cached strategies: building a new strategy for
# every draw (``st.sampled_from(ids)``) costs more than everything else in a story.


@functools.lru_cache(maxsize=512)
def below(n: int) -> st.SearchStrategy[int]:
    """Indices ``0 .. n-1`` (cached)."""
    return st.integers(0, n - 1)


@functools.lru_cache(maxsize=2048)
def _subsets(n: int, max_size: int) -> st.SearchStrategy[list[int]]:
    return st.lists(st.integers(0, n - 1), unique=True, max_size=min(n, max_size))


@functools.cache
def maybe(strategy: st.SearchStrategy[T]) -> st.SearchStrategy[T | None]:
    """``None`` or a value of ``strategy`` (cached per strategy object)."""
    return st.one_of(st.none(), strategy)


_FREE_IDS: Final = entity_ids()
_COIN: Final = st.booleans()


def _fresh(draw: st.DrawFn, exclude: Collection[str]) -> str:
    drawn = value = draw(_FREE_IDS)
    n = 0
    while value in exclude:
        n += 1
        value = f"{drawn[:290]}~{n}"
    return value


def candidates(pool: IdPool, kinds: Collection[str], exclude: Collection[str] = ()) -> list[str]:
    """The pool's ids of ``kinds``, without ``exclude``, each once."""
    return [i for i in dict.fromkeys(pool.of(kinds)) if i not in exclude]


@functools.cache
def kinds_of(cls: type[Any], name: str) -> tuple[str, ...]:
    """The kinds the reference field ``name`` of ``cls`` may point at, read from its rule."""
    kinds = f.reference_kinds(attrs.fields_dict(cls)[name])
    if kinds is None:
        raise TypeError(f"{cls.__name__}.{name} is not a reference")
    return kinds


def pick(
    draw: st.DrawFn, pool: IdPool | None, kinds: Collection[str], exclude: Collection[str] = ()
) -> str:
    """One reference of ``kinds``: a fresh id without a pool, a pool id otherwise.

    Callers check first (with :func:`require`) that the pool has a candidate.
    """
    if pool is None:
        return _fresh(draw, exclude)
    found = candidates(pool, kinds, exclude)
    return found[draw(below(len(found)))]


def pick_optional(
    draw: st.DrawFn, pool: IdPool | None, kinds: Collection[str], exclude: Collection[str] = ()
) -> str | None:
    """``None`` or one reference of ``kinds`` (``None`` when the pool has no candidate)."""
    if pool is not None and not candidates(pool, kinds, exclude):
        return None
    return pick(draw, pool, kinds, exclude) if draw(_COIN) else None


def pick_many(
    draw: st.DrawFn,
    pool: IdPool | None,
    kinds: Collection[str],
    exclude: Collection[str] = (),
    max_size: int = 3,
) -> tuple[str, ...]:
    """Distinct references of ``kinds`` (none when the pool has none)."""
    if pool is None:
        chosen: list[str] = []
        for _ in range(draw(below(max_size + 1))):
            chosen.append(_fresh(draw, {*exclude, *chosen}))
        return tuple(chosen)
    found = candidates(pool, kinds, exclude)
    if not found:
        return ()
    return tuple(found[i] for i in draw(_subsets(len(found), max_size)))


def require(pool: IdPool | None, kinds: Collection[str], what: str) -> None:
    """:class:`ValueError` when ``pool`` has no id of ``kinds`` for ``what``."""
    if pool is not None and not candidates(pool, kinds):
        raise ValueError(f"{what} needs ids of kind {' or '.join(sorted(kinds))} in the pool")


def repeat(draw: st.DrawFn, max_size: int, make: Callable[[], T]) -> tuple[T, ...]:
    """Zero to ``max_size`` values, each from ``make``."""
    return tuple(make() for _ in range(draw(below(max_size + 1))))


_NOTES: Final = maybe(names())
_RAW: Final = maybe(st.text(max_size=10))
_OFFSET: Final = st.integers(0, f.MAX_INT)
_CONFIDENCE: Final = st.sampled_from(Confidence)
_RATINGS: Final = st.sampled_from(Reliability)


def draw_assessment(draw: st.DrawFn, pool: IdPool | None) -> Assessment:
    """One reliability assessment: by the encoder, or (with a pool) by one of the pool's
    people, bodies or sources; sometimes a reason and a date."""
    return Assessment(
        rating=draw(_RATINGS),
        by=pick_optional(draw, pool, ASSESSORS) if pool is not None else None,
        reason=draw(_NOTES),
        date=draw(maybe(partial_dates())),
    )


def draw_assessments(draw: st.DrawFn, pool: IdPool | None) -> tuple[Assessment, ...]:
    """The ``assessments`` of a source or a citation: none or one."""
    return (draw_assessment(draw, pool),) if draw(_COIN) else ()


def draw_note(draw: st.DrawFn, pool: IdPool | None) -> Note:
    """One note: the encoder's own, or citing one of the pool's sources (or both)."""
    citation = None
    if pool is not None and pool.sources and draw(_COIN):
        citation = draw_citation(draw, pick(draw, pool, ("source",)), pool)
    by_encoder = citation is None or draw(_COIN)
    return Note(text=draw(names()), citation=citation, by_encoder=by_encoder)


def draw_notes(draw: st.DrawFn, pool: IdPool | None) -> tuple[Note, ...]:
    """The ``notes`` field of an entity: none or one note."""
    return (draw_note(draw, pool),) if draw(_COIN) else ()


def draw_citation(draw: st.DrawFn, source: str, pool: IdPool | None = None) -> Citation:
    """One citation of ``source``: sometimes a quote with the raw text around it (any string,
    even blank), offsets with ``end >= start``, a note, a confidence level and an assessment
    of the claim (by one of ``pool``'s assessors, or by the encoder)."""
    quote = draw(maybe(names(max_size=40)))
    prefix = suffix = None
    if quote is not None:
        prefix, suffix = draw(_RAW), draw(_RAW)
    start = end = None
    if draw(_COIN):
        start, end = sorted((draw(_OFFSET), draw(_OFFSET)))
    return Citation(
        source=source,
        quote=quote,
        prefix=prefix,
        suffix=suffix,
        start=start,
        end=end,
        note=draw(_NOTES),
        confidence=draw(_CONFIDENCE),
        assessments=draw_assessments(draw, pool),
    )


def cite(draw: st.DrawFn, pool: IdPool | None, max_size: int = 2) -> tuple[Citation, ...]:
    """The ``sources`` field of an entity: citations of the pool's sources (none without any)."""
    if pool is not None and not pool.sources:
        return ()
    return repeat(draw, max_size, lambda: draw_citation(draw, pick(draw, pool, ("source",)), pool))


@st.composite
def built(draw: st.DrawFn, builder: Callable[..., T], *args: object) -> T:
    """A strategy from a ``builder(draw, *args)`` function: the entity strategies are such
    builders, so that :func:`~.stories.stories` can call them directly without making a new
    strategy per entity."""
    return builder(draw, *args)


def _citation_of(draw: st.DrawFn, source_ids: st.SearchStrategy[str]) -> Citation:
    return draw_citation(draw, draw(source_ids))


def citations(source_ids: st.SearchStrategy[str]) -> st.SearchStrategy[Citation]:
    """Citations of sources drawn from ``source_ids``."""
    return built(_citation_of, source_ids)
