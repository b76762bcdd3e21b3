"""Stories that overlap: the same ids in several stories, defined differently.

One story is drawn, then each of the others is a copy of it in which some entities are drawn
again with the same id and the same references to choose from, and take some of their fields
from that second draw. The fields taken are those whose merged values always go together
(:data:`VARIED`): names, aliases, external ids, citations, and single-valued facts without a
rule that ties them to another field, so every merge of these stories succeeds. Dates a law's
checks order, parents (which could loop once merged) and an agency's kind (courts) stay as
drawn first.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any, Final

import attrs
from hypothesis import strategies as st

from policyconflict.errors import PolicyConflictError
from policyconflict.model.laws import Law
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
    draw_provision,
    draw_relation,
    draw_ruling,
    draw_statement,
)
from .control import draw_control_transfer
from .pool import IdPool
from .stories import stories

__all__ = ["VARIED", "overlapping_stories"]

_NAMES: Final = ("name", "aliases", "external_ids", "sources")

VARIED: Final[Mapping[str, tuple[str, ...]]] = {
    "source": ("title", "kind", "url", "authors", "published", "language"),
    "jurisdiction": (*_NAMES, "level", "level_name", "valid"),
    "agency": (*_NAMES, "abbreviation", "jurisdiction"),
    "organization": (*_NAMES, "kind", "abbreviation", "jurisdiction"),
    "person": _NAMES,
    "role": ("title", "period", "acting", "sources"),
    "law": ("title", "short_title", "kind", "identifier", "session", "issuer", "sources"),
    "provision": ("label", "summary", "effect", "activity", "binds", "counterparty", "sources"),
    "deployment": ("name", "purpose", "status", "announced", "in_support_of", "units", "sources"),
    "control_transfer": ("period", "legal_basis", "legal_status", "sources"),
    "event": ("kind", "name", "period", "places", "participants", "outcome", "tallies", "sources"),
    "statement": ("text", "date", "channel", "language", "positions", "sources"),
    "figure": ("metric", "quantity", "unit", "period", "as_of", "claimed_by", "sources"),
    "relation": ("predicate", "description", "period", "sources"),
    "legal_case": ("name", "dockets", "parties", "filed", "challenges", "sources"),
    "ruling": ("kind", "judges", "outcomes", "summary", "sources"),
}
"""Kind → the fields a second definition of an entity may give differently."""

_DRAW: Final[Mapping[str, Callable[..., Any]]] = {
    "source": draw_source,
    "jurisdiction": draw_jurisdiction,
    "agency": draw_agency,
    "organization": draw_organization,
    "person": draw_person,
    "role": draw_role,
    "law": draw_law,
    "deployment": draw_deployment,
    "control_transfer": draw_control_transfer,
    "event": draw_event,
    "statement": draw_statement,
    "figure": draw_figure,
    "relation": draw_relation,
    "legal_case": draw_legal_case,
    "ruling": draw_ruling,
}


def overlapping_stories(
    *, min_stories: int = 2, max_stories: int = 3, max_entities: int = 12
) -> st.SearchStrategy[list[Story]]:
    """Lists of ``min_stories`` to ``max_stories`` stories (ids ``story:v0``, ``story:v1``,
    ...) that hold the same ids, many of them defined differently: names, aliases, external
    ids, citations and single-valued facts differ from story to story.

    >>> from hypothesis import find
    >>> from policyconflict.testing import overlapping_stories
    >>> found = find(overlapping_stories(), lambda s: s[0].persons and s[0] != s[1])
    >>> sorted(story.id for story in found)
    ['story:v0', 'story:v1']
    """
    if not 1 <= min_stories <= max_stories:
        raise ValueError("need 1 <= min_stories <= max_stories")
    return _overlapping(min_stories, max_stories, max_entities)


@st.composite
def _overlapping(draw: st.DrawFn, low: int, high: int, max_entities: int) -> list[Story]:
    base = draw(stories(min_entities=1, max_entities=max_entities))
    pool = IdPool.from_story(base)
    count = draw(st.integers(low, high))
    found = [attrs.evolve(base, id="story:v0", title="Version 0")]
    for n in range(1, count):
        fields = {
            name: tuple(_vary(draw, pool, entity) for entity in getattr(base, name))
            for name in COLLECTIONS
        }
        found.append(Story(id=f"story:v{n}", title=f"Version {n}", **fields))
    return found


def _vary(draw: st.DrawFn, pool: IdPool, entity: Any) -> Any:
    if not draw(st.booleans()):
        return entity
    kind: str = entity.kind_name
    if isinstance(entity, Law):
        second = draw_law(draw, pool, entity.id, ())
        parts = tuple(_vary_part(draw, pool, p) for p in entity.provisions)
        return _evolve(_mix(draw, entity, second, VARIED[kind]), {"provisions": parts})
    second = _DRAW[kind](draw, pool, entity.id)
    return _mix(draw, entity, second, VARIED[kind])


def _vary_part(draw: st.DrawFn, pool: IdPool, provision: Any) -> Any:
    if not draw(st.booleans()):
        return provision
    return _mix(draw, provision, draw_provision(draw, pool, provision.id), VARIED["provision"])


def _mix(draw: st.DrawFn, first: Any, second: Any, fields: tuple[str, ...]) -> Any:
    taken = {name: getattr(second, name) for name in fields if draw(st.booleans())}
    return _evolve(first, taken)


def _evolve(entity: Any, changes: dict[str, Any]) -> Any:
    try:
        return attrs.evolve(entity, **changes)
    except PolicyConflictError:
        return entity  # a combination the class rejects: this entity stays as it was
