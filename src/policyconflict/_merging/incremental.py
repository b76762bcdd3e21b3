"""Merging as stories arrive one at a time: what a corpus needs.

:class:`Merger` keeps every story's definition of every id and the merged result, so adding a
story re-merges only the ids it defines. The result after any sequence of additions equals
:func:`policyconflict.merge.merge` of the same stories (same rules, same functions).
"""

from __future__ import annotations

from collections.abc import Collection, Iterable

from policyconflict._merging.core import Definition, Merged, merge_definitions
from policyconflict._merging.errors import IdentityClash, IdentityClashError
from policyconflict._merging.stories import Kinds, clash_of, definitions_by_id, kinds_in, note_kinds
from policyconflict.model.claims import Claim
from policyconflict.story import Story

__all__ = ["Merger"]


class Merger:
    """Every id's definitions from the stories added so far, and their merge."""

    def __init__(self) -> None:
        self._definitions: dict[str, list[Definition]] = {}
        self._merged: dict[str, Merged] = {}
        self._kinds: Kinds = {}
        self._parts: dict[str, str] = {}
        """Provision id → the id of its law."""

    def clashes(self, story: Story) -> list[IdentityClash]:
        """The identity clashes adding ``story`` would make, in id order."""
        found: dict[str, IdentityClash] = {}
        for entity_id, kind, _holder in kinds_in(story):
            named = self._kinds.get(entity_id, {})
            if named and kind not in named:
                trial: Kinds = {entity_id: {**named, kind: {story.id}}}
                found[entity_id] = clash_of(trial, entity_id)
        return [found[i] for i in sorted(found)]

    def add(self, story: Story, leave_out: Collection[str] = ()) -> dict[str, Merged]:
        """Add ``story`` but the entities ``leave_out`` names; the merged form of every id it
        defines that is new or changed, in the story's order. Raises
        :class:`~policyconflict.merge.IdentityClashError` (and adds nothing) when an id names
        another kind of thing than before (unless its entity is left out)."""
        clashes = [c for c in self.clashes(story) if c.id not in leave_out]
        holders = {i: h for i, _kind, h in kinds_in(story)}
        clashes = [c for c in clashes if holders[c.id] not in leave_out]
        if clashes:
            raise IdentityClashError(clashes)
        note_kinds(self._kinds, story, leave_out)
        changed: dict[str, Merged] = {}
        for entity_id, definitions in definitions_by_id([story]).items():
            if entity_id in leave_out:
                continue
            known = self._definitions.setdefault(entity_id, [])
            known.extend(definitions)
            merged = merge_definitions(known)
            if self._merged.get(entity_id) != merged:
                changed[entity_id] = merged
            self._merged[entity_id] = merged
        for law in story.laws:
            if law.id not in leave_out:
                self._parts.update(dict.fromkeys((p.id for p in law.provisions), law.id))
        return changed

    def merged(self, entity_id: str) -> Merged | None:
        """The merged form of an entity id (``None`` if no story defines it)."""
        return self._merged.get(entity_id)

    def claims(self, entity_id: str) -> tuple[Claim, ...]:
        """Every claim about ``entity_id`` (an entity or a provision), in claim order."""
        owner = self._parts.get(entity_id, entity_id)
        merged = self._merged.get(owner)
        if merged is None:
            return ()
        return tuple(c for c in merged.claims if c.entity == entity_id)

    def all_claims(self) -> Iterable[Claim]:
        """Every claim about every id, id by id in arrival order."""
        for merged in self._merged.values():
            yield from merged.claims
