"""The corpus's storage: entities by kind in arrival order, by id, merged by the rules of
:mod:`policyconflict.merge` as stories arrive."""

from __future__ import annotations

import bisect
from typing import Any, Literal

from policyconflict._merging.errors import IdentityClash
from policyconflict._merging.incremental import Merger
from policyconflict._sameas import Clusters
from policyconflict.model.laws import Law, Provision
from policyconflict.model.relations import Predicate, Relation
from policyconflict.query._merge import MergeConflict, differing_fields, source_ids
from policyconflict.story import COLLECTIONS, Entity, Story

OnConflict = Literal["raise", "collect"]

STRUCTURAL = frozenset({"jurisdictions", "agencies", "organizations", "roles"})
"""Collections that change places, memberships or the hierarchy: adding to them rebuilds."""

_NAME_OF = {cls: name for name, cls in COLLECTIONS.items()}


def _first(entry: tuple[int, str]) -> int:
    return entry[0]


class Store:
    """Entities of every kind, each list in arrival order (an entity stays where it first
    arrived, merged with every later definition); ids unique across kinds."""

    def __init__(self) -> None:
        self.lists: dict[str, list[Any]] = {name: [] for name in COLLECTIONS}
        self.where: dict[str, tuple[str, int]] = {}
        self.provisions: dict[str, tuple[str, Provision]] = {}
        self.stories: list[str] = []
        self.merger = Merger(self)
        """What the stories sharing an id say of it, and the claims."""
        # Per collection, the first position each story added: where an entity came from.
        self._starts: dict[str, list[tuple[int, str]]] = {name: [] for name in COLLECTIONS}
        self._clusters: Clusters | None = None
        self.cluster_version = 0
        """Grows each time the same-as clusters may have changed (what a backend that derived
        something from them checks on :meth:`~policyconflict.query._backend.Backend.added`)."""

    @property
    def clusters(self) -> Clusters:
        """The same-as clusters of the relations held (:mod:`policyconflict._sameas`), made on
        first use after they may have changed."""
        if self._clusters is None:
            self._clusters = Clusters(self.lists["relations"], self._kind_of)
        return self._clusters

    def cluster(self, entity_id: str) -> tuple[str, ...]:
        """The ids of ``entity_id``'s same-as cluster, in code-point order (itself alone when no
        link joins it)."""
        return self.clusters.of(entity_id)

    def _kind_of(self, entity_id: str) -> str:
        found = self.get(entity_id)
        return "unknown id" if found is None else found.kind_name

    def origin(self, entity_id: str) -> str:
        """The id of the story that added ``entity_id`` (a provision: its law's story)."""
        provision = self.provisions.get(entity_id)
        if provision is not None:
            entity_id = provision[0]
        name, pos = self.where[entity_id]
        starts = self._starts[name]
        return starts[bisect.bisect_right(starts, pos, key=_first) - 1][1]

    def held(self, entity_id: str) -> Entity | None:
        """The entity with this id (not a provision), or ``None``."""
        found = self.where.get(entity_id)
        return None if found is None else self.lists[found[0]][found[1]]

    def get(self, entity_id: str) -> Entity | Provision | None:
        """The entity or provision with this id, or ``None``."""
        found = self.where.get(entity_id)
        if found is not None:
            entity: Entity = self.lists[found[0]][found[1]]
            return entity
        provision = self.provisions.get(entity_id)
        return None if provision is None else provision[1]

    def plan(self, story: Story) -> tuple[list[MergeConflict], frozenset[str], list[IdentityClash]]:
        """The identity clashes adding ``story`` would make — an id that names another kind of
        thing than before, or a provision of another law — as conflicts, the ids of the
        story's entities they leave out (the entity, or the law holding the provision), and
        the clashes themselves (for :meth:`apply`)."""
        clashes = self.merger.clashes(story)
        if not clashes:
            return [], frozenset(), clashes
        holders = {p.id: law.id for law in story.laws for p in law.provisions}
        conflicts: list[MergeConflict] = []
        leave_out: set[str] = set()
        for clash in clashes:
            old, new = self.get(clash.id), story.get(clash.id)
            same_class = type(old) is type(new)
            conflicts.append(
                MergeConflict(
                    id=clash.id,
                    kind=new.kind_name,
                    fields=("law",) if same_class else differing_fields(old, new),
                    first_story=self.origin(clash.id),
                    second_story=story.id,
                    first_sources=source_ids(old),
                    second_sources=source_ids(new),
                )
            )
            leave_out.add(holders.get(clash.id, clash.id))
        return conflicts, frozenset(leave_out), clashes

    def apply(
        self,
        story: Story,
        leave_out: frozenset[str] = frozenset(),
        clashes: list[IdentityClash] | None = None,
    ) -> tuple[list[tuple[str, Any]], bool]:
        """Merge ``story`` in (but the entities ``leave_out`` names; ``clashes`` as
        :meth:`plan` found them): the entities added, in the story's order, and whether an
        entity already stored was replaced by its merge with the story's definition (then
        every index must be rebuilt)."""
        added, changed = self.merger.add(story, leave_out, clashes)
        self.stories.append(story.id)
        for name, items in self.lists.items():
            self._starts[name].append((len(items), story.id))
        new: list[tuple[str, Any]] = []
        for entity in added:
            name = _NAME_OF[type(entity)]
            items = self.lists[name]
            self.where[entity.id] = (name, len(items))
            items.append(entity)
            new.append((name, entity))
            if type(entity) is Law:
                self._hold_provisions(entity)
        for entity_id, entity in changed.items():
            name, pos = self.where[entity_id]
            self.lists[name][pos] = entity
            if type(entity) is Law:
                self._hold_provisions(entity)
        if changed or any(
            type(e) is Relation and e.predicate is Predicate.SAME_AS for _name, e in new
        ):
            self._clusters = None
            self.cluster_version += 1
        return new, bool(changed)

    def _hold_provisions(self, law: Law) -> None:
        for provision in law.provisions:
            self.provisions[provision.id] = (law.id, provision)
