"""Finding conflicts: one definition, asked of any backend through :class:`Facts`."""

from __future__ import annotations

from collections.abc import Collection, Iterable, Sequence
from typing import Any, Protocol

from policyconflict.model.actions import Deployment
from policyconflict.model.courts import LegalCase, Ruling
from policyconflict.model.laws import Law
from policyconflict.query._places import deployment_places, event_places
from policyconflict.query._status import Courts
from policyconflict.query.conflicts import (
    Conflict,
    ConflictKind,
    cooperation_restricted,
    disagreeing_reports,
    law_challenged,
    opposing_stances,
)


class Facts(Protocol):
    """What finding conflicts asks of a backend: each backend answers with its own engine."""

    @property
    def lists(self) -> dict[str, list[Any]]:
        """The corpus's entities by collection, in arrival order."""
        ...

    @property
    def courts(self) -> Courts:
        """The rulings that reach each law."""
        ...

    def agency_lineage(self, agency: str) -> Iterable[str]:
        """``agency`` and the agencies above it."""
        ...

    def place_lineage(self, place: str) -> Iterable[str]:
        """``place`` and the places above it, nearest first."""
        ...

    def cases_affecting(self, law: Law) -> Sequence[LegalCase]:
        """The cases challenging ``law`` or one of its provisions, in arrival order."""
        ...

    def rulings_affecting(self, law: Law) -> Sequence[Ruling]:
        """The rulings with an outcome on ``law`` or one of its provisions, in arrival order."""
        ...


def _subject_places(lists: dict[str, list[Any]]) -> dict[str, tuple[str, ...]]:
    found: dict[str, tuple[str, ...]] = {j.id: (j.id,) for j in lists["jurisdictions"]}
    for law in lists["laws"]:
        found[law.id] = (law.jurisdiction,)
    for deployment in lists["deployments"]:
        found[deployment.id] = tuple(sorted(deployment_places(deployment)))
    for event in lists["events"]:
        found[event.id] = tuple(sorted(event_places(event)))
    return found


def _restricted(facts: Facts) -> list[Conflict]:
    lists = facts.lists
    laws: list[Law] = lists["laws"]
    by_place: dict[str, list[Law]] = {}
    for law in laws:
        by_place.setdefault(law.jurisdiction, []).append(law)
    found: list[Conflict] = []
    courts = facts.courts
    deployment: Deployment
    for deployment in lists["deployments"]:
        if not deployment.in_support_of:
            continue
        places = sorted(deployment_places(deployment))
        supported = frozenset(
            a for helped in deployment.in_support_of for a in facts.agency_lineage(helped)
        )
        pairs = [
            (place, law)
            for place in places
            for area in facts.place_lineage(place)
            for law in by_place.get(area, ())
        ]
        found.extend(cooperation_restricted(deployment, supported, pairs, courts))
    return found


def _challenged(facts: Facts) -> list[Conflict]:
    found = []
    for law in facts.lists["laws"]:
        conflict = law_challenged(law, facts.cases_affecting(law), facts.rulings_affecting(law))
        if conflict is not None:
            found.append(conflict)
    return found


def detect(facts: Facts, kinds: Collection[ConflictKind]) -> list[Conflict]:
    """Every conflict of ``kinds``, sorted."""
    lists = facts.lists
    found: list[Conflict] = []
    places = _subject_places(lists) if kinds else {}
    if ConflictKind.OPPOSING_STANCES in kinds:
        found += opposing_stances(lists["statements"], lists["relations"], places)
    if ConflictKind.COOPERATION_RESTRICTED in kinds:
        found += _restricted(facts)
    if ConflictKind.LAW_CHALLENGED in kinds:
        found += _challenged(facts)
    if ConflictKind.DISAGREEING_REPORTS in kinds:
        published = {s.id: s.published for s in lists["sources"]}
        found += disagreeing_reports(lists["figures"], published, places)
    found.sort(key=Conflict.sort_key)
    return found
