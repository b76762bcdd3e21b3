"""Whole, referentially consistent stories, valid by construction.

A story is made in three steps:

1. choose how many entities of each kind (``min_entities`` to ``max_entities`` in all), then
   repair the plan so that every kind with required references has something to refer to
   (a ruling needs a case and a court; a role a person and a post; a law a jurisdiction, ...)
   by turning one dependent entity into the missing prerequisite, which keeps the total;
2. give every entity and provision a unique id up front, so that references may point forward
   as well as back, and mark some agencies as courts;
3. draw each entity from its strategy with an :class:`~.pool.IdPool` of the whole story;
   jurisdictions and agencies take parents only among earlier ones, so parent chains never loop.

Nothing is filtered, so hypothesis' health checks stay quiet.
"""

from __future__ import annotations

import functools
from collections import Counter
from collections.abc import Callable
from typing import Any, Final

from hypothesis import strategies as st

from policyconflict.model.actors import AgencyKind
from policyconflict.story import COLLECTIONS, Story

from .actors import (
    draw_agency,
    draw_jurisdiction,
    draw_organization,
    draw_person,
    draw_role,
    draw_source,
)
from .acts import (
    draw_deployment,
    draw_event,
    draw_figure,
    draw_law,
    draw_legal_case,
    draw_relation,
    draw_ruling,
    draw_statement,
)
from .control import draw_control_transfer
from .pool import KIND_FIELDS, IdPool, below
from .text import entity_ids, jurisdiction_ids, names

__all__ = ["DEFAULT_MAX_ENTITIES", "stories"]

DEFAULT_MAX_ENTITIES: Final = 30
"""Stories are small by default so that 300 examples per test stay fast."""

KINDS: Final = tuple(cls.kind_name for cls in COLLECTIONS.values())
_ACTORS: Final = ("person", "agency", "organization", "jurisdiction")
_COMMANDERS: Final = ("agency", "person", "jurisdiction")

# kind → builder taking (draw, pool, id); jurisdictions, agencies and laws are special.
_SIMPLE: Final[dict[str, Callable[..., Any]]] = {
    "source": draw_source,
    "organization": draw_organization,
    "person": draw_person,
    "role": draw_role,
    "deployment": draw_deployment,
    "control_transfer": draw_control_transfer,
    "event": draw_event,
    "statement": draw_statement,
    "figure": draw_figure,
    "relation": draw_relation,
    "legal_case": draw_legal_case,
    "ruling": draw_ruling,
}
_KIND_CHOICES: Final = st.sampled_from(KINDS)
_COURT: Final = st.just(AgencyKind.COURT)


def stories(
    *, min_entities: int = 0, max_entities: int = DEFAULT_MAX_ENTITIES
) -> st.SearchStrategy[Story]:
    """Valid, referentially consistent :class:`~policyconflict.story.Story` values of
    ``min_entities`` to ``max_entities`` entities (provisions not counted).

    Every entity kind appears in some stories; references point at entities of allowed kinds
    (forward as well as back), ids are unique, parent chains never loop, dockets and rulings
    name agencies of kind court, and the entities are in no particular order (compare with
    :meth:`~policyconflict.story.Story.canonical`).

    >>> from hypothesis import given, settings
    >>> from policyconflict.testing import stories
    >>> @settings(max_examples=10)
    ... @given(stories(max_entities=12))
    ... def test_rulings_name_their_cases(story):
    ...     index = story.index()
    ...     assert all(index[r.case].kind_name == "legal_case" for r in story.rulings)
    >>> test_rulings_name_their_cases()
    """
    if not 0 <= min_entities <= max_entities:
        raise ValueError("need 0 <= min_entities <= max_entities")
    return _stories(min_entities, max_entities)


def repair(counts: Counter[str]) -> None:
    """Turn dependent entities into missing prerequisites, keeping the total."""

    def swap(dependent: str, prerequisite: str) -> None:
        counts[dependent] -= 1
        counts[prerequisite] += 1

    if counts["relation"] and counts.total() < 3:
        # A relation links two entities other than itself.
        counts["person"] += counts["relation"]
        counts["relation"] = 0
    if counts["ruling"] and not counts["legal_case"]:
        swap("ruling", "legal_case")
    if counts["ruling"] and not counts["agency"]:
        swap("ruling", "agency")
    if counts["statement"] and not any(counts[k] for k in _ACTORS):
        swap("statement", "person")
    if counts["deployment"] and not counts["agency"]:
        swap("deployment", "agency")
    if counts["control_transfer"] and not counts["agency"]:
        swap("control_transfer", "agency")
    if counts["control_transfer"] and sum(counts[k] for k in _COMMANDERS) < 2:
        swap("control_transfer", "person")  # a force moves to a command other than itself
    if counts["law"] and not counts["jurisdiction"]:
        swap("law", "jurisdiction")
    if counts["role"] and not counts["person"]:
        swap("role", "person")
    if counts["role"] and not any(counts[k] for k in ("agency", "organization", "jurisdiction")):
        swap("role", "organization")


class _Ids:
    """Hands out ids, making each unique by adding a suffix that keeps the id grammar (and, for
    OCD division ids, the OCD grammar)."""

    def __init__(self) -> None:
        self.used: set[str] = set()

    def claim(self, candidate: str) -> str:
        value, n = candidate, 1
        while value in self.used:
            n += 1
            if candidate.startswith("ocd-division/"):
                value = f"{candidate}/copy:{n}"
            else:
                value = f"{candidate[:290]}~{n}"
        self.used.add(value)
        return value


@functools.cache
def _sizes(min_entities: int, max_entities: int) -> st.SearchStrategy[int]:
    return st.integers(min_entities, max_entities)


@st.composite
def _stories(draw: st.DrawFn, min_entities: int, max_entities: int) -> Story:
    size = draw(_sizes(min_entities, max_entities))
    counts: Counter[str] = Counter(draw(_KIND_CHOICES) for _ in range(size))
    repair(counts)

    ids = _Ids()
    planned: dict[str, list[str]] = {}
    for kind in KINDS:
        strategy = jurisdiction_ids() if kind == "jurisdiction" else entity_ids(kind)
        planned[kind] = [ids.claim(draw(strategy)) for _ in range(counts[kind])]
    parts: dict[str, list[str]] = {
        law: [ids.claim(f"{law[:290]}#{n}") for n in range(draw(below(3)))]
        for law in planned["law"]
    }
    agency_ids = planned["agency"]
    least = 1 if planned["ruling"] else 0
    n_courts = least + draw(below(len(agency_ids) - least + 1)) if agency_ids else 0
    courts = agency_ids[:n_courts]
    pool = IdPool(
        courts=courts,
        provisions=[p for ps in parts.values() for p in ps],
        **{KIND_FIELDS[kind]: planned[kind] for kind in KINDS},
    )

    built: dict[str, list[Any]] = {}
    for kind in KINDS:
        mine = planned[kind]
        made: list[Any]
        if kind == "jurisdiction":
            made = [draw_jurisdiction(draw, pool, i, mine[:n]) for n, i in enumerate(mine)]
        elif kind == "agency":
            made = [
                draw_agency(draw, pool, i, _COURT if i in courts else None, mine[:n])
                for n, i in enumerate(mine)
            ]
        elif kind == "law":
            made = [draw_law(draw, pool, i, parts[i]) for i in mine]
        else:
            made = [_SIMPLE[kind](draw, pool, i) for i in mine]
        built[kind] = made

    fields = {name: tuple(built[cls.kind_name]) for name, cls in COLLECTIONS.items()}
    return Story(id=draw(entity_ids("story")), title=draw(names()), **fields)
