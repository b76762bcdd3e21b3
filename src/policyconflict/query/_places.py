"""The place hierarchy a corpus answers ``within=`` questions with.

Parents come from the corpus's own :class:`~policyconflict.model.Jurisdiction` records first;
where a jurisdiction has no parent in the corpus (or is not in the corpus at all), the
gazetteer's parent chain is used. So a corpus that only names Los Angeles by its OCD id still
knows that it lies in California. Descendant sets are computed once per place and cached.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Protocol

from policyconflict.model.places import Jurisdiction


class PlaceSource(Protocol):
    """What the hierarchy needs from a gazetteer (:class:`policyconflict.gazetteer.Gazetteer`)."""

    def __contains__(self, ocd_id: object) -> bool: ...

    def get(self, ocd_id: str) -> _GazPlace: ...

    def children(self, place: str) -> tuple[_GazPlace, ...]: ...


class _GazPlace(Protocol):
    @property
    def id(self) -> str: ...

    @property
    def parent_id(self) -> str | None: ...

    @property
    def level(self) -> str: ...


class PlaceTree:
    """Parents, ancestors and descendants of places, from a corpus and a gazetteer."""

    def __init__(
        self, jurisdictions: Iterable[Jurisdiction], gazetteer: PlaceSource | None
    ) -> None:
        self._gazetteer = gazetteer
        self._own: dict[str, Jurisdiction] = {}
        self._own_children: dict[str, list[str]] = {}
        for jurisdiction in jurisdictions:
            self._own[jurisdiction.id] = jurisdiction
        for jurisdiction in self._own.values():
            parent = self.parent(jurisdiction.id)
            if parent is not None:
                self._own_children.setdefault(parent, []).append(jurisdiction.id)
        self._descendants: dict[str, frozenset[str]] = {}
        self._lineages: dict[str, frozenset[str]] = {}

    def _known(self, place: str) -> bool:
        return self._gazetteer is not None and place.startswith("ocd-") and place in self._gazetteer

    def parent(self, place: str) -> str | None:
        """The parent of ``place``: the corpus's, else the gazetteer's, else ``None``."""
        own = self._own.get(place)
        if own is not None and own.parent is not None:
            return own.parent
        if self._gazetteer is not None and self._known(place):
            return self._gazetteer.get(place).parent_id
        return None

    def level(self, place: str) -> str | None:
        """The level of ``place`` (``country``, ``state``, ``county``, ``city``, ...)."""
        own = self._own.get(place)
        if own is not None:
            return own.level.value
        if self._gazetteer is not None and self._known(place):
            return self._gazetteer.get(place).level
        return None

    def ancestors(self, place: str) -> tuple[str, ...]:
        """The parent, its parent, ... nearest first (stops at a repeat, so never loops)."""
        chain: list[str] = []
        seen = {place}
        current = self.parent(place)
        while current is not None and current not in seen:
            chain.append(current)
            seen.add(current)
            current = self.parent(current)
        return tuple(chain)

    def lineage(self, place: str) -> frozenset[str]:
        """``place`` and every place above it (cached): the keys an index files a record
        placed in ``place`` under, so that ``within=X`` is one key."""
        cached = self._lineages.get(place)
        if cached is None:
            cached = self._lineages[place] = frozenset((place, *self.ancestors(place)))
        return cached

    def children(self, place: str) -> tuple[str, ...]:
        """The places whose parent is ``place``, sorted."""
        found = set(self._own_children.get(place, ()))
        if self._gazetteer is not None and self._known(place):
            for child in self._gazetteer.children(place):
                if self.parent(child.id) == place:
                    found.add(child.id)
        return tuple(sorted(found))

    def descendants(self, place: str) -> frozenset[str]:
        """``place`` and every place below it, at any depth (cached)."""
        cached = self._descendants.get(place)
        if cached is None:
            found = {place}
            todo = [place]
            while todo:
                for child in self.children(todo.pop()):
                    if child not in found:
                        found.add(child)
                        todo.append(child)
            cached = self._descendants[place] = frozenset(found)
        return cached


def default_places() -> PlaceSource | None:
    """The shipped gazetteer, or ``None`` when it cannot be loaded."""
    try:
        from policyconflict.gazetteer import default_gazetteer
    except ImportError:  # pragma: no cover - the gazetteer ships with the package
        return None
    gazetteer: PlaceSource = default_gazetteer()
    return gazetteer
