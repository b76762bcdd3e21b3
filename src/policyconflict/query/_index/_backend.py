"""The index backend: every question answered from the indexes of an :class:`Engine`."""

from __future__ import annotations

from collections.abc import Callable, Collection, Iterable, Sequence
from operator import itemgetter
from typing import Any

from policyconflict.dates import Certainty, PartialDate, Period
from policyconflict.model.actions import ControlTransfer, Deployment, Event, EventKind
from policyconflict.model.actors import Role
from policyconflict.model.courts import LegalCase, Ruling
from policyconflict.model.laws import Law, Provision
from policyconflict.model.relations import Predicate, Relation
from policyconflict.model.statements import Channel, Stance, Statement
from policyconflict.query import _figures
from policyconflict.query._detect import detect
from policyconflict.query._figures import FigureReport
from policyconflict.query._happenings import event_passes, relation_passes
from policyconflict.query._index._engine import Engine
from policyconflict.query._index._spans import SpanIndex
from policyconflict.query._index._thresholds import DEFAULT, Thresholds
from policyconflict.query._places import PlaceSource, event_places
from policyconflict.query._positions import (
    Affiliations,
    Candidates,
    StanceRecord,
    cluster_targets,
    provision_law,
    records,
    when_passes,
)
from policyconflict.query._status import Courts, answers_law_question
from policyconflict.query._store import Store
from policyconflict.query._time import point_window, span_window
from policyconflict.query.conflicts import Conflict, ConflictKind
from policyconflict.story import Entity

__all__ = ["IndexBackend"]


def _pick(items: Sequence[Any], positions: list[int]) -> tuple[Any, ...]:
    """The items at ``positions``, as a tuple (one C call for many)."""
    if len(positions) > 1:
        found: tuple[Any, ...] = itemgetter(*positions)(items)
        return found
    return tuple(items[p] for p in positions)


class IndexBackend:
    """Answers every question from indexes built on first use and kept current on ``add``
    (see :class:`~policyconflict.query._backend.Backend`). ``thresholds`` tune the planner
    (:class:`~policyconflict.query._index._thresholds.Thresholds`); every setting gives the
    same answers."""

    def __init__(
        self, store: Store, places: PlaceSource | None, thresholds: Thresholds = DEFAULT
    ) -> None:
        self._store = store
        self.engine = Engine(store, places, thresholds)

    @classmethod
    def tuned(cls, thresholds: Thresholds) -> Callable[[Store, PlaceSource | None], IndexBackend]:
        """A backend factory (``Corpus(..., backend=IndexBackend.tuned(t))``) with these
        thresholds."""

        def make(store: Store, places: PlaceSource | None) -> IndexBackend:
            return cls(store, places, thresholds)

        return make

    def added(self, names: Collection[str], statements: Sequence[Statement]) -> None:
        self.engine.added(names, list(statements))

    def build(self) -> None:
        self.engine.build_all()

    # -- places and actors --------------------------------------------------------------------

    def ancestors(self, place: str) -> tuple[str, ...]:
        return self.engine.tree.ancestors(place)

    def descendants(self, place: str) -> frozenset[str]:
        return self.engine.tree.descendants(place)

    def level(self, place: str) -> str | None:
        return self.engine.tree.level(place)

    def members(self, organization: str) -> frozenset[str]:
        return self.engine.actors.members(organization)

    def places_of(self, actor: str) -> frozenset[str]:
        return self.engine.actors.places_of(actor)

    # -- what finding conflicts asks (policyconflict.query._detect.Facts) ----------------------

    @property
    def lists(self) -> dict[str, list[Any]]:
        return self._store.lists

    @property
    def courts(self) -> Courts:
        return self.engine.courts

    def agency_lineage(self, agency: str) -> Iterable[str]:
        return (agency, *self.engine.actors.agency_ancestors(agency))

    def place_lineage(self, place: str) -> Iterable[str]:
        return (place, *self.engine.tree.ancestors(place))

    # -- questions ----------------------------------------------------------------------------

    def statements(
        self,
        *,
        speaker: str | None,
        speaker_org: str | None,
        stance: Stance | None,
        target: str | None,
        channel: Channel | None,
        within: str | None,
        on: PartialDate | None,
        during: Period | None,
        certainty: Certainty,
    ) -> tuple[Statement, ...]:
        engine = self.engine
        items: list[Statement] = self._store.lists["statements"]
        found = engine.statements.query(
            items,
            speaker=speaker,
            voices=None if speaker_org is None else engine.actors.members(speaker_org),
            places=None if within is None else engine.tree.descendants(within),
            target=target,
            stance=stance,
            channel=channel,
            window=point_window(on, during, certainty),
        )
        return _pick(items, found)

    def deployments(
        self,
        *,
        target_within: str | None,
        agency: str | None,
        supports: str | None,
        on: PartialDate | None,
        during: Period | None,
        certainty: Certainty,
    ) -> tuple[Deployment, ...]:
        engine = self.engine
        filters: dict[str, frozenset[str]] = {}
        if target_within is not None:
            filters["place"] = frozenset((target_within,))
        if agency is not None:
            filters["agency"] = engine.actors.subtree(agency)
        if supports is not None:
            filters["supports"] = engine.actors.subtree(supports)
        found = engine.deployments.query(filters, span_window(on, during, certainty))
        return _pick(self._store.lists["deployments"], found)

    def roles_on(
        self,
        on: PartialDate,
        *,
        organization: str | None,
        title: str | None,
        certainty: Certainty,
    ) -> tuple[Role, ...]:
        filters: dict[str, frozenset[str]] = {}
        if organization is not None:
            filters["organization"] = frozenset((organization,))
        if title is not None:
            filters["title"] = frozenset((title.casefold(),))
        found = self.engine.roles.query(filters, span_window(on, None, certainty))
        return _pick(self._store.lists["roles"], found)

    def roles_of(self, person: str) -> tuple[Role, ...]:
        items: list[Role] = self._store.lists["roles"]
        return tuple(items[p] for p in self.engine.roles_by_person.get(person, ()))

    def laws_in_force(
        self,
        place: str,
        on: PartialDate,
        *,
        certainty: Certainty,
        restricts: str | None,
        counterparty: str | None,
        topic: str | None,
    ) -> tuple[Law, ...]:
        engine = self.engine
        items: list[Law] = self._store.lists["laws"]
        places = frozenset(self.place_lineage(place))
        candidates = engine.laws.query(
            {"jurisdiction": places}, span_window(on, None, Certainty.MAY)
        )
        restricted = None if restricts is None else frozenset(self.agency_lineage(restricts))
        courts = engine.courts
        return tuple(
            law
            for law in map(items.__getitem__, candidates)
            if answers_law_question(
                law,
                on,
                certainty,
                courts,
                place,
                restricted=restricted,
                counterparty=counterparty,
                topic=topic,
            )
        )

    def cases_affecting(self, law: Law) -> tuple[LegalCase, ...]:
        engine = self.engine
        items: list[LegalCase] = self._store.lists["legal_cases"]
        return tuple(items[p] for p in engine.affecting(engine.challenges, law))

    def rulings_affecting(self, law: Law) -> tuple[Ruling, ...]:
        engine = self.engine
        items: list[Ruling] = self._store.lists["rulings"]
        return tuple(items[p] for p in engine.affecting(engine.outcomes, law))

    def rulings_on(self, target: str) -> tuple[Ruling, ...]:
        """From the outcome index (target id → ruling positions)."""
        items: list[Ruling] = self._store.lists["rulings"]
        return _pick(items, self.engine.outcomes.get(target, []))

    # -- the legal chain and parties (q2) -------------------------------------------------------

    def rulings_in_case(self, case: str) -> tuple[Ruling, ...]:
        """From a table of the rulings by case (cached until the next ``add``)."""
        engine = self.engine
        items: list[Ruling] = self._store.lists["rulings"]
        table: dict[str, list[int]] | None = engine.cache.get("rulings-by-case")
        if table is None:
            table = engine.cache["rulings-by-case"] = {}
            for pos, ruling in enumerate(items):
                table.setdefault(ruling.case, []).append(pos)
        return _pick(items, table.get(case, []))

    def conflicts(
        self,
        kinds: frozenset[ConflictKind],
        *,
        within: str | None,
        during: Period | None,
        certainty: Certainty,
    ) -> tuple[Conflict, ...]:
        """The conflicts of each kind are found once and indexed by place and period (both
        cached until the next ``add``)."""
        engine = self.engine
        found: list[Conflict] = []
        window = span_window(None, during, certainty)
        filters = {} if within is None else {"place": frozenset((within,))}
        for kind in ConflictKind:
            if kind not in kinds:
                continue
            entry = engine.cache.get(kind.value)
            if entry is None:
                items = detect(self, (kind,))
                index = SpanIndex(
                    [c.period or Period() for c in items],
                    {"place": [engine.areas(c.places) for c in items]},
                    engine.thresholds.bucket,
                )
                entry = engine.cache[kind.value] = (items, index)
            items, index = entry
            found.extend(
                items[p]
                for p in index.query(filters, window)
                if during is None or items[p].period is not None
            )
        return tuple(found)

    # -- positions, figures, relations and events (issue 14, items 1, 2 and 7) ----------------

    def _cached(self, name: str, make: Callable[[], Any]) -> Any:
        """``make()``, kept until the next ``add``."""
        cache = self.engine.cache
        if name not in cache:
            cache[name] = make()
        return cache[name]

    def _by(self, kind: str, keys: Callable[[Any], Iterable[str]]) -> dict[str, list[int]]:
        """Key → positions (ascending) of the ``kind`` records filed under it."""

        def make() -> dict[str, list[int]]:
            table: dict[str, list[int]] = {}
            for pos, item in enumerate(self._store.lists[kind]):
                for key in dict.fromkeys(keys(item)):
                    table.setdefault(key, []).append(pos)
            return table

        found: dict[str, list[int]] = self._cached(f"{kind}-by-{keys.__name__}", make)
        return found

    def affiliations(self) -> Affiliations:
        engine = self.engine
        roles: list[Role] = self._store.lists["roles"]
        by_person = engine.roles_by_person

        def make() -> Affiliations:
            return Affiliations(
                self._store.lists,
                self.place_lineage,
                self.level,
                lambda p: [roles[i] for i in by_person.get(p, ())],
                cluster=self._store.cluster,
            )

        found: Affiliations = self._cached("affiliations", make)
        return found

    def positions(
        self,
        target: Entity | Provision,
        *,
        on: PartialDate | None,
        during: Period | None,
        certainty: Certainty,
    ) -> tuple[StanceRecord, ...]:
        engine = self.engine
        lists = self._store.lists
        ids = cluster_targets(target, self._store)
        statements: set[int] = set()
        for key in ids:
            statements.update(engine.statements.query(lists["statements"], target=key))
        relations = self._by("relations", _relation_object)
        events = self._by("events", _own_id)
        related = _union(relations, ids)
        voted = {*ids, *(lists["relations"][p].subject for p in related)}
        found = Candidates(
            statements=_pick(lists["statements"], sorted(statements)),
            relations=_pick(lists["relations"], related),
            events=_pick(lists["events"], _union(events, voted)),
            cases=_pick(lists["legal_cases"], _union(engine.challenges, ids)),
            rulings=_pick(lists["rulings"], _union(engine.outcomes, ids)),
        )
        return records(
            target,
            found,
            self.affiliations(),
            lambda provision: provision_law(self._store, provision),
            on=on,
            during=during,
            certainty=certainty,
            targets=ids,
        )

    def figures(
        self,
        *,
        metric: str | None,
        subject: str | None,
        claimed_by: str | None,
        on: PartialDate | None,
        during: Period | None,
        certainty: Certainty,
    ) -> tuple[FigureReport, ...]:
        lists = self._store.lists
        items: list[Any] = lists["figures"]
        published = self._cached("published", lambda: {s.id: s.published for s in lists["sources"]})
        groups = self._cached("figure-groups", lambda: _figures.groups_of(items))
        tables = {
            "metric": (metric, self._by("figures", _metric)),
            "subject": (subject, self._by("figures", _subject)),
            "claimed_by": (claimed_by, self._by("figures", _claimant)),
        }
        chosen = [table.get(key, []) for key, table in tables.values() if key is not None]
        candidates = min(chosen, key=len) if chosen else range(len(items))
        found = [
            f
            for f in map(items.__getitem__, candidates)
            if (metric is None or f.metric == metric)
            and (subject is None or f.subject == subject)
            and (claimed_by is None or claimed_by in f.claimed_by)
            and when_passes(_figures.dated(f, published), on, during, certainty)
        ]
        return _figures.reports(found, groups, published)

    def _spans(self, kind: str, dims: Callable[[list[Any]], dict[str, Any]]) -> SpanIndex:
        """A :class:`SpanIndex` of the ``kind`` records over their periods (none: unknown),
        by the keys ``dims`` gives (cached until the next ``add``)."""

        def make() -> SpanIndex:
            items: list[Any] = self._store.lists[kind]
            periods = [item.period or Period() for item in items]
            return SpanIndex(periods, dims(items), self.engine.thresholds.bucket)

        found: SpanIndex = self._cached(f"{kind}-spans", make)
        return found

    def relations(
        self,
        *,
        subject: str | None,
        predicate: Predicate | None,
        object: str | None,
        on: PartialDate | None,
        during: Period | None,
        certainty: Certainty,
    ) -> tuple[Relation, ...]:
        """From a span index by subject, predicate and object; the candidates are checked by
        the one rule (:func:`~policyconflict.query._happenings.relation_passes`)."""
        index = self._spans(
            "relations",
            lambda items: {
                "subject": [(r.subject,) for r in items],
                "predicate": [(r.predicate.value,) for r in items],
                "object": [(r.object,) for r in items],
            },
        )
        filters = {
            dim: frozenset((key,))
            for dim, key in (
                ("subject", subject),
                ("predicate", None if predicate is None else predicate.value),
                ("object", object),
            )
            if key is not None
        }
        items: list[Relation] = self._store.lists["relations"]
        found = index.query(filters, span_window(on, during, certainty))
        return tuple(
            r
            for r in map(items.__getitem__, found)
            if relation_passes(
                r,
                subject=subject,
                predicate=predicate,
                object=object,
                on=on,
                during=during,
                certainty=certainty,
            )
        )

    def events(
        self,
        *,
        kind: EventKind | None,
        within: str | None,
        participant: str | None,
        on: PartialDate | None,
        during: Period | None,
        certainty: Certainty,
    ) -> tuple[Event, ...]:
        """From a span index by place (and the places above), participant and kind; the
        candidates are checked by the one rule
        (:func:`~policyconflict.query._happenings.event_passes`)."""
        engine = self.engine
        index = self._spans(
            "events",
            lambda items: {
                "place": [engine.areas(event_places(e)) for e in items],
                "participant": [frozenset(p.entity for p in e.participants) for e in items],
                "kind": [(e.kind.value,) for e in items],
            },
        )
        filters = {
            dim: frozenset((key,))
            for dim, key in (
                ("place", within),
                ("participant", participant),
                ("kind", None if kind is None else kind.value),
            )
            if key is not None
        }
        items: list[Event] = self._store.lists["events"]
        found = index.query(filters, span_window(on, during, certainty))
        return tuple(
            e
            for e in map(items.__getitem__, found)
            if event_passes(
                e, kind=kind, participant=participant, on=on, during=during, certainty=certainty
            )
        )

    # -- who controls a force (issue 14, item 5) ------------------------------------------------

    def control_records(self, force: str) -> tuple[Deployment | ControlTransfer, ...]:
        """From tables of the deployments by the units their command changes move and of the
        transfers by force (cached until the next ``add``)."""
        lists = self._store.lists
        deployments = self._by("deployments", _commanded_units)
        transfers = self._by("control_transfers", _force)
        return (
            *_pick(lists["deployments"], deployments.get(force, [])),
            *_pick(lists["control_transfers"], transfers.get(force, [])),
        )


def _union(table: dict[str, list[int]], keys: Iterable[str]) -> list[int]:
    """The positions filed under any of ``keys``, ascending, once each."""
    found: set[int] = set()
    for key in keys:
        found.update(table.get(key, ()))
    return sorted(found)


def _relation_object(relation: Any) -> tuple[str]:
    return (relation.object,)


def _own_id(entity: Any) -> tuple[str]:
    return (entity.id,)


def _metric(figure: Any) -> tuple[str]:
    return (figure.metric,)


def _subject(figure: Any) -> tuple[str, ...]:
    return () if figure.subject is None else (figure.subject,)


def _claimant(figure: Any) -> tuple[str, ...]:
    claimants: tuple[str, ...] = figure.claimed_by
    return claimants


def _commanded_units(deployment: Any) -> tuple[str, ...]:
    return tuple(c.unit for c in deployment.command_changes)


def _force(transfer: Any) -> tuple[str]:
    return (transfer.force,)
