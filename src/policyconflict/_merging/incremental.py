"""Merging as stories arrive one at a time: what a corpus needs.

A :class:`Merger` works beside the storage that holds the merged entities (a :class:`Held`:
the corpus's store). An id that one story defines needs nothing more: its definition *is* the
entity held, from the story that added it. Only when a second definition of an id arrives does
the merger keep an :class:`~policyconflict._merging.core.Accumulator` for it — rebuilt from the
held entity and its story — so that memory grows with the ids stories share, not with every id,
and adding a story costs the size of that story and of the entities it shares. The result after
any sequence of additions equals :func:`policyconflict.merge.merge` of the same stories (the
same accumulator does both).
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Iterator
from typing import Any, Protocol

from policyconflict._merging.core import Accumulator, Definition, Merged
from policyconflict._merging.errors import IdentityClash, IdentityClashError
from policyconflict._merging.stories import definitions_by_id, kind_of, kinds_in
from policyconflict.model.claims import Claim
from policyconflict.story import Story

__all__ = ["Held", "Merger"]


class Held(Protocol):
    """What the storage beside a :class:`Merger` tells it about the ids it holds."""

    def held(self, entity_id: str) -> Any | None:
        """The (merged) entity held now with this id; ``None`` for any other id (a provision
        id too)."""
        ...

    def origin(self, entity_id: str) -> str:
        """The id of the story that added the entity held with this id."""
        ...

    def holder(self, entity_id: str) -> str | None:
        """For a provision id held: the id of its law; ``None`` for any other id."""
        ...


class Merger:
    """Merges each story's definitions into the entities ``held``; the claims of every
    disputed field."""

    def __init__(self, held: Held) -> None:
        self._held = held
        self._many: dict[str, Accumulator] = {}
        """The ids defined more than once, each with what its definitions say."""
        self._claims: dict[str, tuple[Claim, ...]] = {}
        """The claims about each entity that has any (its provisions' included)."""

    def _known(self, entity_id: str) -> tuple[str, set[str]] | None:
        """What a held id names (:func:`~policyconflict._merging.stories.kind_of`) and the
        stories that use it so."""
        law = self._held.holder(entity_id)
        holder = entity_id if law is None else law
        held = self._held.held(holder)
        if held is None:
            return None
        kind = kind_of(held) if law is None else kind_of(None, law)
        merging = self._many.get(holder)
        return kind, ({self._held.origin(holder)} if merging is None else merging.stories)

    def clashes(self, story: Story) -> list[IdentityClash]:
        """The identity clashes adding ``story`` would make, in id order."""
        found: dict[str, IdentityClash] = {}
        for entity_id, kind, _holder in kinds_in(story):
            known = self._known(entity_id)
            if known is not None and known[0] != kind:
                found[entity_id] = IdentityClash(
                    id=entity_id,
                    kinds=tuple(sorted({known[0], kind})),
                    stories=tuple(sorted(known[1] | {story.id})),
                )
        return [found[i] for i in sorted(found)]

    def add(self, story: Story, leave_out: Collection[str] = ()) -> dict[str, Merged]:
        """Add ``story`` but the entities ``leave_out`` names; the merged form of every id it
        defines that is new or changed, in the story's order (the caller holds them). Raises
        :class:`~policyconflict.merge.IdentityClashError` (and adds nothing) when an id names
        another kind of thing than before (unless its entity is left out)."""
        holders = {i: h for i, _kind, h in kinds_in(story)}
        clashes = [
            c
            for c in self.clashes(story)
            if c.id not in leave_out and holders[c.id] not in leave_out
        ]
        if clashes:
            raise IdentityClashError(clashes)
        changed: dict[str, Merged] = {}
        for entity_id, (definition,) in definitions_by_id([story]).items():
            if entity_id in leave_out:
                continue
            before = self.merged(entity_id)
            if before is None:
                merged = Merged(definition.entity, definition.claims)
            else:
                merging = self._many.get(entity_id)
                if merging is None:
                    origin = self._held.origin(entity_id)
                    first = Definition(origin, before.entity, before.claims)
                    merging = self._many[entity_id] = Accumulator(first)
                merging.add(definition)
                merged = merging.result()
                if merged == before:
                    continue
            changed[entity_id] = merged
            if merged.claims:
                self._claims[entity_id] = merged.claims
        return changed

    def merged(self, entity_id: str) -> Merged | None:
        """The merged form of an entity id held (``None`` for any other id)."""
        held = self._held.held(entity_id)
        if held is None:
            return None
        return Merged(held, self._claims.get(entity_id, ()))

    def claims(self, entity_id: str) -> tuple[Claim, ...]:
        """Every claim about ``entity_id`` (an entity or a provision), in claim order."""
        owner = self._held.holder(entity_id) or entity_id
        return tuple(c for c in self._claims.get(owner, ()) if c.entity == entity_id)

    def all_claims(self) -> Iterable[Claim]:
        """Every claim about every id, id by id."""
        return _chain(self._claims.values())


def _chain(groups: Iterable[tuple[Claim, ...]]) -> Iterator[Claim]:
    for group in groups:
        yield from group
