"""The place hierarchy a corpus answers ``within=`` questions with.

Parents come from the corpus's own :class:`~policyconflict.model.Jurisdiction` records first;
where a jurisdiction has no parent in the corpus (or is not in the corpus at all), the
gazetteer's parent chain is used. So a corpus that only names Los Angeles by its OCD id still
knows that it lies in California. Descendant sets are computed once per place and cached.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Protocol

from policyconflict.gazetteer import (
    _ISO_CODE,
    AmbiguousPlaceError,
    UnknownPlaceError,
    normalize_name,
)
from policyconflict.ids import IdScheme
from policyconflict.model.actions import Deployment, Event
from policyconflict.model.places import Jurisdiction


class PlaceSource(Protocol):
    """What the hierarchy needs from a gazetteer (:class:`policyconflict.gazetteer.Gazetteer`)."""

    def __contains__(self, ocd_id: object) -> bool: ...

    def get(self, ocd_id: str) -> _GazPlace: ...

    def children(self, place: str) -> tuple[_GazPlace, ...]: ...

    def resolve(self, name_or_code: str) -> _GazPlace: ...


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


def deployment_places(deployment: Deployment) -> set[str]:
    """The places a deployment is sent to: its targets and those of its phases."""
    places = set(deployment.targets)
    for phase in deployment.phases:
        places.update(phase.targets)
    return places


def event_places(event: Event) -> set[str]:
    """The places an event happened in: its ``places``. The one rule every question that takes
    ``within=`` follows for an event — :meth:`Corpus.events
    <policyconflict.query.Corpus.events>`, and :meth:`Corpus.conflicts
    <policyconflict.query.Corpus.conflicts>` for a conflict about an event."""
    return set(event.places)


_ISO_SCHEMES = frozenset({IdScheme.ISO_3166_1, IdScheme.ISO_3166_2})


def _own_matches(text: str, jurisdictions: Sequence[Jurisdiction]) -> list[Jurisdiction]:
    """The corpus's jurisdictions that ``text`` names: by an ISO 3166 code among their external
    ids when ``text`` has the form of one, else by name or alias (compared as the gazetteer
    compares names, :func:`~policyconflict.gazetteer.normalize_name`)."""
    stripped = text.strip()
    if _ISO_CODE.fullmatch(stripped):
        code = stripped.upper()
        coded = [
            j
            for j in jurisdictions
            if any(e.scheme in _ISO_SCHEMES and e.value.upper() == code for e in j.external_ids)
        ]
        if coded:
            return coded
    key = normalize_name(stripped)
    if not key:
        return []
    return [
        j
        for j in jurisdictions
        if any(normalize_name(name) == key for name in (j.name, *j.aliases))
    ]


def resolve_place(
    text: str, jurisdictions: Sequence[Jurisdiction], gazetteer: PlaceSource | None
) -> str:
    """The id of the place ``text`` stands for, by the one rule every place parameter uses.

    ``text`` (not itself a place id of the corpus: the caller returns those as they are) is an
    OCD division id the gazetteer knows (giving its canonical id: an alias id gives the place's
    own id), an ISO 3166 code (``US``, ``US-IL``) or a name — matched first against the
    corpus's jurisdictions (their ISO 3166 external ids; their names and aliases), then by the
    gazetteer (:meth:`~policyconflict.gazetteer.Gazetteer.resolve`).

    A place nobody knows raises :class:`~policyconflict.gazetteer.UnknownPlaceError` (a
    :class:`KeyError`); a name that several places answer to raises
    :class:`~policyconflict.gazetteer.AmbiguousPlaceError` (a :class:`ValueError`).
    """
    if not text.startswith("ocd-division/"):  # an OCD id is never a code or a name
        own = _own_matches(text, jurisdictions)
        if len(own) == 1:
            return own[0].id
        if len(own) > 1:
            names = "; ".join(f"{j.name} ({j.id})" for j in own)
            raise AmbiguousPlaceError(
                text, (), f"{text!r} is ambiguous, {len(own)} places of the corpus match: {names}"
            )
    if gazetteer is None:
        raise UnknownPlaceError(
            text, f"unknown place: {text!r} is not a jurisdiction of the corpus (no gazetteer)"
        )
    return gazetteer.resolve(text).id
