"""The reference backend: every question answered by a plain scan (:mod:`._scan`).

:class:`ScanBackend` builds nothing but the place hierarchy and the id tables a scan consults
(:class:`~policyconflict.query._scan.Lookup`); every other backend is tested against it.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Sequence
from typing import Any

from policyconflict.dates import Certainty, PartialDate, Period
from policyconflict.model.actions import ControlTransfer, Deployment, Event, EventKind
from policyconflict.model.actors import Role
from policyconflict.model.courts import LegalCase, Ruling
from policyconflict.model.laws import Law, Provision
from policyconflict.model.relations import Predicate, Relation
from policyconflict.model.statements import Channel, Stance, Statement
from policyconflict.query import _figures, _scan
from policyconflict.query._command import commands_force
from policyconflict.query._detect import detect
from policyconflict.query._figures import FigureReport
from policyconflict.query._happenings import event_passes, relation_passes
from policyconflict.query._places import PlaceSource, PlaceTree, event_places
from policyconflict.query._positions import (
    Affiliations,
    Candidates,
    StanceRecord,
    cluster_targets,
    provision_law,
    records,
    when_passes,
)
from policyconflict.query._status import Courts
from policyconflict.query._store import STRUCTURAL, Store
from policyconflict.query.conflicts import Conflict, ConflictKind
from policyconflict.story import Entity

__all__ = ["ScanBackend"]


class ScanBackend:
    """Answers every question by walking the collections (see :class:`~._backend.Backend`)."""

    def __init__(self, store: Store, places: PlaceSource | None) -> None:
        self._store = store
        self._places = places
        self._tree: PlaceTree | None = None
        self._lookup: _scan.Lookup | None = None

    def added(self, names: Collection[str], statements: Sequence[Statement]) -> None:
        if STRUCTURAL.intersection(names):
            self._tree = self._lookup = None

    def build(self) -> None:
        """Nothing to build: a scan reads the collections as they are."""

    @property
    def tree(self) -> PlaceTree:
        if self._tree is None:
            self._tree = PlaceTree(self._store.lists["jurisdictions"], self._places)
        return self._tree

    @property
    def lookup(self) -> _scan.Lookup:
        if self._lookup is None:
            lists = self._store.lists
            self._lookup = _scan.Lookup(
                {a.id: a for a in lists["agencies"]},
                {o.id: o for o in lists["organizations"]},
                frozenset(j.id for j in lists["jurisdictions"]),
                lists["roles"],
                self.tree.parent,
                self._store.cluster,
            )
        return self._lookup

    # -- places and actors --------------------------------------------------------------------

    def ancestors(self, place: str) -> tuple[str, ...]:
        return tuple(self.place_lineage(place))[1:]

    def descendants(self, place: str) -> frozenset[str]:
        return self.tree.descendants(place)

    def level(self, place: str) -> str | None:
        return self.tree.level(place)

    def members(self, organization: str) -> frozenset[str]:
        lookup = self.lookup
        held = {organization, *lookup.agencies, *lookup.roles_of}
        actors = {m for a in held for m in lookup.cluster(a)}
        return frozenset(a for a in actors if lookup.member(a, organization))

    def places_of(self, actor: str) -> frozenset[str]:
        return self.lookup.places(actor)

    # -- what finding conflicts asks (policyconflict.query._detect.Facts) ----------------------

    @property
    def lists(self) -> dict[str, list[Any]]:
        return self._store.lists

    @property
    def courts(self) -> Courts:
        lists = self._store.lists
        return Courts(lists["rulings"], lists["jurisdictions"])

    def agency_lineage(self, agency: str) -> Iterable[str]:
        return self.lookup.agency_chain(agency)

    def place_lineage(self, place: str) -> Iterable[str]:
        parent = self.lookup.parent
        chain = [place]
        current = parent(place)
        while current is not None and current not in chain:
            chain.append(current)
            current = parent(current)
        return chain

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
        return tuple(
            _scan.statements(
                self._store.lists["statements"],
                self.lookup,
                speaker=speaker,
                speaker_org=speaker_org,
                stance=stance,
                target=target,
                channel=channel,
                within=within,
                on=on,
                during=during,
                certainty=certainty,
            )
        )

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
        return tuple(
            _scan.deployments(
                self._store.lists["deployments"],
                self.lookup,
                target_within=target_within,
                agency=agency,
                supports=supports,
                on=on,
                during=during,
                certainty=certainty,
            )
        )

    def roles_on(
        self,
        on: PartialDate,
        *,
        organization: str | None,
        title: str | None,
        certainty: Certainty,
    ) -> tuple[Role, ...]:
        return tuple(
            _scan.roles_on(
                self._store.lists["roles"],
                on=on,
                organization=organization,
                title=title,
                certainty=certainty,
            )
        )

    def roles_of(self, person: str) -> tuple[Role, ...]:
        return tuple(r for r in self._store.lists["roles"] if r.person == person)

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
        return tuple(
            _scan.laws_in_force(
                self._store.lists["laws"],
                self.lookup,
                self.courts,
                place=place,
                on=on,
                certainty=certainty,
                restricts=restricts,
                counterparty=counterparty,
                topic=topic,
            )
        )

    def cases_affecting(self, law: Law) -> tuple[LegalCase, ...]:
        return tuple(_scan.cases_affecting(self._store.lists["legal_cases"], law))

    def rulings_affecting(self, law: Law) -> tuple[Ruling, ...]:
        return tuple(_scan.rulings_affecting(self._store.lists["rulings"], law))

    def rulings_on(self, target: str) -> tuple[Ruling, ...]:
        return tuple(
            r for r in self._store.lists["rulings"] if any(o.target == target for o in r.outcomes)
        )

    # -- the legal chain and parties (q2) -------------------------------------------------------

    def rulings_in_case(self, case: str) -> tuple[Ruling, ...]:
        return tuple(r for r in self._store.lists["rulings"] if r.case == case)

    def conflicts(
        self,
        kinds: frozenset[ConflictKind],
        *,
        within: str | None,
        during: Period | None,
        certainty: Certainty,
    ) -> tuple[Conflict, ...]:
        lookup = self.lookup
        return tuple(
            c
            for c in detect(self, kinds)
            if (within is None or any(lookup.is_within(p, within) for p in c.places))
            and (
                during is None
                or (c.period is not None and c.period.overlaps(during, certainty=certainty))
            )
        )

    # -- positions, figures, relations and events (issue 14, items 1, 2 and 7) ----------------

    def affiliations(self) -> Affiliations:
        roles_of = self.lookup.roles_of
        return Affiliations(
            self._store.lists,
            self.place_lineage,
            self.level,
            lambda p: roles_of.get(p, ()),
            cluster=self._store.cluster,
        )

    def positions(
        self,
        target: Entity | Provision,
        *,
        on: PartialDate | None,
        during: Period | None,
        certainty: Certainty,
    ) -> tuple[StanceRecord, ...]:
        lists = self._store.lists
        ids = cluster_targets(target, self._store)
        found = Candidates(
            statements=[
                s for s in lists["statements"] if any(p.target in ids for p in s.positions)
            ],
            relations=[r for r in lists["relations"] if r.object in ids],
            events=lists["events"],
            cases=[c for c in lists["legal_cases"] if not ids.isdisjoint(c.challenges)],
            rulings=[r for r in lists["rulings"] if any(o.target in ids for o in r.outcomes)],
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
        published = {s.id: s.published for s in lists["sources"]}
        found = [
            f
            for f in lists["figures"]
            if (metric is None or f.metric == metric)
            and (subject is None or f.subject == subject)
            and (claimed_by is None or claimed_by in f.claimed_by)
            and when_passes(_figures.dated(f, published), on, during, certainty)
        ]
        return _figures.reports(found, _figures.groups_of(lists["figures"]), published)

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
        return tuple(
            r
            for r in self._store.lists["relations"]
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
        lookup = self.lookup
        return tuple(
            e
            for e in self._store.lists["events"]
            if event_passes(
                e, kind=kind, participant=participant, on=on, during=during, certainty=certainty
            )
            and (within is None or any(lookup.is_within(p, within) for p in event_places(e)))
        )

    # -- who controls a force (issue 14, item 5) ------------------------------------------------

    def control_records(self, force: str) -> tuple[Deployment | ControlTransfer, ...]:
        lists = self._store.lists
        return tuple(
            record
            for record in (*lists["deployments"], *lists["control_transfers"])
            if commands_force(record, (force,))
        )
