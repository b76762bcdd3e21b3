"""The corpus's storage: entities by kind in arrival order, by id, and the merge rules."""

from __future__ import annotations

import bisect
from typing import Any, Literal

from policyconflict.model.laws import Law, Provision
from policyconflict.query._merge import MergeConflict, differing_fields, source_ids
from policyconflict.story import COLLECTIONS, Entity, Story

OnConflict = Literal["raise", "collect"]

STRUCTURAL = frozenset({"jurisdictions", "agencies", "organizations", "roles"})
"""Collections that change places, memberships or the hierarchy: adding to them rebuilds."""

_NAME_OF = {cls: name for name, cls in COLLECTIONS.items()}


def _first(entry: tuple[int, str]) -> int:
    return entry[0]


class Store:
    """Entities of every kind, each list in arrival order; ids unique across kinds."""

    def __init__(self) -> None:
        self.lists: dict[str, list[Any]] = {name: [] for name in COLLECTIONS}
        self.where: dict[str, tuple[str, int]] = {}
        self.provisions: dict[str, tuple[str, Provision]] = {}
        self.stories: list[str] = []
        # Per collection, the first position each story added: where an entity came from.
        self._starts: dict[str, list[tuple[int, str]]] = {name: [] for name in COLLECTIONS}

    def origin(self, entity_id: str) -> str:
        """The id of the story that added ``entity_id`` (a provision: its law's story)."""
        provision = self.provisions.get(entity_id)
        if provision is not None:
            entity_id = provision[0]
        name, pos = self.where[entity_id]
        starts = self._starts[name]
        return starts[bisect.bisect_right(starts, pos, key=_first) - 1][1]

    def get(self, entity_id: str) -> Entity | Provision | None:
        """The entity or provision with this id, or ``None``."""
        found = self.where.get(entity_id)
        if found is not None:
            entity: Entity = self.lists[found[0]][found[1]]
            return entity
        provision = self.provisions.get(entity_id)
        return None if provision is None else provision[1]

    def _conflict(self, entity_id: str, kind: str, old: Any, new: Any, story: str) -> MergeConflict:
        return MergeConflict(
            id=entity_id,
            kind=kind,
            fields=differing_fields(old, new),
            first_story=self.origin(entity_id),
            second_story=story,
            first_sources=source_ids(old),
            second_sources=source_ids(new),
        )

    def plan(self, story: Story) -> tuple[list[tuple[str, Any]], list[MergeConflict]]:
        """What adding ``story`` would add, and the conflicts it would report."""
        new: list[tuple[str, Any]] = []
        conflicts: list[MergeConflict] = []
        for entity in story.entities():
            old = self.get(entity.id)
            if old is not None and old != entity:
                conflicts.append(self._conflict(entity.id, entity.kind_name, old, entity, story.id))
                continue
            if isinstance(entity, Law) and not self._law_fits(entity, story.id, conflicts):
                continue
            if old is None:
                new.append((_NAME_OF[type(entity)], entity))
        return new, conflicts

    def _law_fits(self, law: Law, story: str, conflicts: list[MergeConflict]) -> bool:
        fits = True
        for provision in law.provisions:
            known = self.provisions.get(provision.id)
            clash: Any = None
            if known is not None and (known[0] != law.id or known[1] != provision):
                clash = known[1]
            elif known is None and provision.id in self.where:
                clash = self.get(provision.id)
            if clash is not None:
                conflicts.append(self._conflict(provision.id, "provision", clash, provision, story))
                fits = False
        return fits

    def apply(self, story: Story, new: list[tuple[str, Any]]) -> None:
        """Add the planned entities of ``story``."""
        self.stories.append(story.id)
        for name, items in self.lists.items():
            self._starts[name].append((len(items), story.id))
        for name, entity in new:
            items = self.lists[name]
            self.where[entity.id] = (name, len(items))
            items.append(entity)
            if isinstance(entity, Law):
                for provision in entity.provisions:
                    self.provisions[provision.id] = (entity.id, provision)
