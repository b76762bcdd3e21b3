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

from collections.abc import Collection, Iterable, Iterator, Mapping
from typing import Any, Protocol

from policyconflict._merging.core import Accumulator, Definition, Merged
from policyconflict._merging.errors import IdentityClash, IdentityClashError
from policyconflict._merging.stories import claims_about, claims_by_entity, kind_of, kinds_in
from policyconflict.model.claims import Claim
from policyconflict.model.laws import Law
from policyconflict.story import Story

__all__ = ["Held", "Merger"]


class Held(Protocol):
    """What the storage beside a :class:`Merger` tells it about the ids it holds."""

    @property
    def where(self) -> Mapping[str, object]:
        """The ids of the entities held (provisions not included)."""
        ...

    @property
    def provisions(self) -> Mapping[str, tuple[str, object]]:
        """The ids of the provisions held, each with its law's id first."""
        ...

    def held(self, entity_id: str) -> Any | None:
        """The (merged) entity held now with this id; ``None`` for any other id (a provision
        id too)."""
        ...

    def origin(self, entity_id: str) -> str:
        """The id of the story that added the entity held with this id."""
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
        part = self._held.provisions.get(entity_id)
        holder = entity_id if part is None else part[0]
        held = self._held.held(holder)
        if held is None:
            return None
        kind = kind_of(held) if part is None else kind_of(None, holder)
        merging = self._many.get(holder)
        return kind, ({self._held.origin(holder)} if merging is None else merging.stories)

    def clashes(self, story: Story) -> list[IdentityClash]:
        """The identity clashes adding ``story`` would make, in id order."""
        where, parts = self._held.where, self._held.provisions
        found: dict[str, IdentityClash] = {}
        for entity in story.entities():
            if entity.id in where or entity.id in parts:
                self._clash(found, story.id, entity.id, kind_of(entity))
            if type(entity) is Law:
                for part in entity.provisions:
                    if part.id in where or part.id in parts:
                        self._clash(found, story.id, part.id, kind_of(part, entity.id))
        return [found[i] for i in sorted(found)]

    def _clash(
        self, found: dict[str, IdentityClash], story: str, entity_id: str, kind: str
    ) -> None:
        known = self._known(entity_id)
        if known is not None and known[0] != kind:
            found[entity_id] = IdentityClash(
                id=entity_id,
                kinds=tuple(sorted({known[0], kind})),
                stories=tuple(sorted(known[1] | {story})),
            )

    def add(
        self,
        story: Story,
        leave_out: Collection[str] = (),
        clashes: list[IdentityClash] | None = None,
    ) -> tuple[list[Any], dict[str, Any]]:
        """Add ``story`` but the entities ``leave_out`` names: the entities of ids new to the
        merger, and the merged entity of every id held before that the story changes, both in
        the story's order (the caller holds them). Raises
        :class:`~policyconflict.merge.IdentityClashError` (and adds nothing) when an id names
        another kind of thing than before (unless its entity is left out); ``clashes`` are
        those of :meth:`clashes`, when the caller has them already."""
        if clashes is None:
            clashes = self.clashes(story)
        if clashes:
            holders = {i: h for i, _kind, h in kinds_in(story)}
            clashes = [
                c for c in clashes if c.id not in leave_out and holders[c.id] not in leave_out
            ]
            if clashes:
                raise IdentityClashError(clashes)
        where = self._held.where
        told = claims_by_entity(story)
        new: list[Any] = []
        changed: dict[str, Any] = {}
        for entity in story.entities():
            entity_id = entity.id
            if leave_out and entity_id in leave_out:
                continue
            claims = claims_about(entity, told) if told else ()
            if entity_id not in where:
                new.append(entity)
                if claims:
                    self._claims[entity_id] = claims
                continue
            merged = self._merge(story.id, entity, claims)
            if merged is not None:
                changed[entity_id] = merged.entity
                if merged.claims:
                    self._claims[entity_id] = merged.claims
                else:
                    self._claims.pop(entity_id, None)
        return new, changed

    def _merge(self, story: str, entity: Any, claims: tuple[Claim, ...]) -> Merged | None:
        """Merge one more definition of an id held; the merged form if it changed."""
        before = self.merged(entity.id)
        assert before is not None
        merging = self._many.get(entity.id)
        if merging is None:
            first = Definition(self._held.origin(entity.id), before.entity, before.claims)
            merging = self._many[entity.id] = Accumulator(first)
        merging.add(Definition(story, entity, claims))
        merged = merging.result()
        return None if merged == before else merged

    def merged(self, entity_id: str) -> Merged | None:
        """The merged form of an entity id held (``None`` for any other id)."""
        held = self._held.held(entity_id)
        if held is None:
            return None
        return Merged(held, self._claims.get(entity_id, ()))

    def claims(self, entity_id: str) -> tuple[Claim, ...]:
        """Every claim about ``entity_id`` (an entity or a provision), in claim order."""
        part = self._held.provisions.get(entity_id)
        owner = entity_id if part is None else part[0]
        return tuple(c for c in self._claims.get(owner, ()) if c.entity == entity_id)

    def all_claims(self) -> Iterable[Claim]:
        """Every claim about every id, id by id."""
        return _chain(self._claims.values())


def _chain(groups: Iterable[tuple[Claim, ...]]) -> Iterator[Claim]:
    for group in groups:
        yield from group
