"""Finding and filtering conflicts, by index or by scan (the two must agree)."""

from __future__ import annotations

from collections.abc import Callable, Collection, Iterable

from policyconflict.dates import Certainty, Period
from policyconflict.model.actions import Deployment
from policyconflict.model.laws import Law
from policyconflict.query import _scan
from policyconflict.query._engine import Engine
from policyconflict.query._spans import SpanIndex
from policyconflict.query._status import Courts
from policyconflict.query._time import span_window
from policyconflict.query.conflicts import (
    Conflict,
    ConflictKind,
    cooperation_restricted,
    disagreeing_reports,
    law_challenged,
    opposing_stances,
)


def _subject_places(engine: Engine) -> dict[str, tuple[str, ...]]:
    lists = engine.store.lists
    found: dict[str, tuple[str, ...]] = {j.id: (j.id,) for j in lists["jurisdictions"]}
    for law in lists["laws"]:
        found[law.id] = (law.jurisdiction,)
    for deployment in lists["deployments"]:
        found[deployment.id] = tuple(sorted(_scan.deployment_places(deployment)))
    return found


def _chain(parent: Callable[[str], str | None], place: str) -> list[str]:
    """``place`` and the places above it, walking parents (stops at a repeat)."""
    chain = [place]
    current = parent(place)
    while current is not None and current not in chain:
        chain.append(current)
        current = parent(current)
    return chain


def _restricted(engine: Engine, indexed: bool) -> list[Conflict]:
    lists = engine.store.lists
    laws: list[Law] = lists["laws"]
    by_place: dict[str, list[Law]] = {}
    for law in laws:
        by_place.setdefault(law.jurisdiction, []).append(law)
    found: list[Conflict] = []
    courts = engine.courts if indexed else Courts(lists["rulings"], lists["jurisdictions"])
    deployment: Deployment
    for deployment in lists["deployments"]:
        if not deployment.in_support_of:
            continue
        places = sorted(_scan.deployment_places(deployment))
        pairs: list[tuple[str, Law]]
        if indexed:
            supported = frozenset(
                a
                for helped in deployment.in_support_of
                for a in (helped, *engine.actors.agency_ancestors(helped))
            )
            tree = engine.tree
            pairs = [
                (place, law)
                for place in places
                for area in (place, *tree.ancestors(place))
                for law in by_place.get(area, ())
            ]
        else:
            lookup = engine.lookup
            supported = frozenset(
                a for helped in deployment.in_support_of for a in lookup.agency_chain(helped)
            )
            pairs = [
                (place, law)
                for place in places
                for area in _chain(lookup.parent, place)
                for law in by_place.get(area, ())
            ]
        found.extend(cooperation_restricted(deployment, supported, pairs, courts))
    return found


def _challenged(engine: Engine, indexed: bool) -> list[Conflict]:
    lists = engine.store.lists
    cases, rulings = lists["legal_cases"], lists["rulings"]
    found = []
    for law in lists["laws"]:
        if indexed:
            affecting_cases = [cases[p] for p in engine.affecting(engine.challenges, law)]
            affecting_rulings = [rulings[p] for p in engine.affecting(engine.outcomes, law)]
        else:
            affecting_cases = _scan.cases_affecting(cases, law)
            affecting_rulings = _scan.rulings_affecting(rulings, law)
        conflict = law_challenged(law, affecting_cases, affecting_rulings)
        if conflict is not None:
            found.append(conflict)
    return found


def detect(engine: Engine, kinds: Collection[ConflictKind], *, indexed: bool) -> list[Conflict]:
    """Every conflict of ``kinds``, sorted."""
    lists = engine.store.lists
    found: list[Conflict] = []
    places = _subject_places(engine) if kinds else {}
    if ConflictKind.OPPOSING_STANCES in kinds:
        found += opposing_stances(lists["statements"], lists["relations"], places)
    if ConflictKind.COOPERATION_RESTRICTED in kinds:
        found += _restricted(engine, indexed)
    if ConflictKind.LAW_CHALLENGED in kinds:
        found += _challenged(engine, indexed)
    if ConflictKind.DISAGREEING_REPORTS in kinds:
        found += disagreeing_reports(lists["figures"], places)
    found.sort(key=Conflict.sort_key)
    return found


def scan_select(
    engine: Engine,
    conflicts: Iterable[Conflict],
    *,
    within: str | None,
    during: Period | None,
    certainty: Certainty,
) -> list[Conflict]:
    """The conflicts placed ``within`` a place and overlapping ``during``, by scan."""
    lookup = engine.lookup
    return [
        c
        for c in conflicts
        if (within is None or any(lookup.is_within(p, within) for p in c.places))
        and (
            during is None
            or (c.period is not None and c.period.overlaps(during, certainty=certainty))
        )
    ]


def index_select(
    engine: Engine,
    kinds: Collection[ConflictKind],
    *,
    within: str | None,
    during: Period | None,
    certainty: Certainty,
) -> list[Conflict]:
    """Conflicts of ``kinds`` as :func:`detect` then :func:`scan_select` give them, from
    conflicts found once per kind and an index over them (both cached until the next ``add``)."""
    found: list[Conflict] = []
    window = span_window(None, during, certainty)
    filters = {} if within is None else {"place": frozenset((within,))}
    for kind in ConflictKind:
        if kind not in kinds:
            continue
        entry = engine.cache.get(kind.value)
        if entry is None:
            items = detect(engine, (kind,), indexed=True)
            index = SpanIndex(
                [c.period or Period() for c in items],
                {"place": [engine.areas(c.places) for c in items]},
            )
            entry = engine.cache[kind.value] = (items, index)
        items, index = entry
        found.extend(
            items[p]
            for p in index.query(filters, window)
            if during is None or items[p].period is not None
        )
    return found
