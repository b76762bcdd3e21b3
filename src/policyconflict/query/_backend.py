"""The interface between a :class:`~policyconflict.query.Corpus` and the engine that answers it.

A :class:`Corpus <policyconflict.query.Corpus>` keeps the entities (a
:class:`~policyconflict.query._store.Store`), checks and coerces every argument of a question,
and hands the question to one :class:`Backend`, chosen when the corpus is made. Two backends ship:

* :class:`~policyconflict.query._scan.ScanBackend` (``"scan"``) walks the collections and tests
  every record with the definitions written out directly. It is the reference: every other
  backend must give exactly its answers, in its order.
* :class:`~policyconflict.query._index.IndexBackend` (``"index"``, the default) answers from
  indexes built on first use and kept current on :meth:`Corpus.add
  <policyconflict.query.Corpus.add>`.

Another engine is a new module with a class that implements :class:`Backend` and a constructor
of the :class:`BackendFactory` shape; ``Corpus(stories, backend=TheClass)`` uses it, and adding
it to the ``backend`` fixture of ``tests/test_query_properties.py`` runs every
index-equals-scan property against it.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from typing import Protocol

from policyconflict.dates import Certainty, PartialDate, Period
from policyconflict.model.actions import ControlTransfer, Deployment, Event, EventKind
from policyconflict.model.actors import Role
from policyconflict.model.courts import LegalCase, Ruling
from policyconflict.model.laws import Law, Provision
from policyconflict.model.relations import Predicate, Relation
from policyconflict.model.statements import Channel, Stance, Statement
from policyconflict.query._figures import FigureReport
from policyconflict.query._places import PlaceSource
from policyconflict.query._positions import StanceRecord
from policyconflict.query._store import Store
from policyconflict.query.conflicts import Conflict, ConflictKind
from policyconflict.story import Entity

__all__ = ["Backend", "BackendFactory"]


class Backend(Protocol):
    """The questions a corpus can answer, over the entities of one :class:`Store`.

    **What a backend may rely on.** The corpus calls a backend only with checked arguments:
    every id names an entity of the store (a place argument is the id of a place the corpus or
    its gazetteer knows), dates are :class:`~policyconflict.dates.PartialDate` and periods
    :class:`~policyconflict.dates.Period`, at most one of ``on`` and ``during`` is given, enums
    are enum members, and a law is the :class:`~policyconflict.model.laws.Law` itself. Every
    argument is passed by its name in this protocol. An id argument is one id: the corpus asks
    once for each id of a same-as cluster and unites the answers
    (:mod:`policyconflict._sameas`) — but an actor's places (:meth:`places_of`, and so where a
    statement is placed), the members of a body (:meth:`members`) and the targets and roles of
    :meth:`positions` are of the clusters themselves, which a backend reads from
    ``store.cluster`` (and, if it keeps something derived from them, rebuilds when
    ``store.cluster_version`` changes). The store is only ever
    grown, by :meth:`Corpus.add <policyconflict.query.Corpus.add>`, which calls :meth:`added`
    right after.

    **What a backend must give.** Exactly what the scan backend gives: the same entities in the
    same order — arrival order (``store.lists[kind]`` order) for every question but
    :meth:`conflicts` (sorted by :meth:`Conflict.sort_key
    <policyconflict.query.Conflict.sort_key>`). The meaning of each filter is documented once,
    on the :class:`~policyconflict.query.Corpus` method of the same name; the rules a backend
    must share rather than re-implement are imported from their one place: law status and
    provision matching from :mod:`policyconflict.query._status`, what a conflict is from
    :mod:`policyconflict.query.conflicts` and :mod:`policyconflict.query._detect`, the places a
    deployment is sent to from :func:`~policyconflict.query._places.deployment_places`.

    **How it is made.** By a :class:`BackendFactory`: ``factory(store, places)``, where
    ``places`` is the gazetteer that gives parent chains the corpus lacks (or ``None``).
    """

    def added(self, names: Collection[str], statements: Sequence[Statement]) -> None:
        """The store has grown: ``names`` are the collections that received entities and
        ``statements`` the statements added (in order, at the end of their list)."""
        ...

    def build(self) -> None:
        """Prepare everything now rather than on first use (may do nothing)."""
        ...

    # -- places and actors --------------------------------------------------------------------

    def ancestors(self, place: str) -> tuple[str, ...]:
        """The places above ``place``, nearest first (the corpus's parents, else the
        gazetteer's)."""
        ...

    def descendants(self, place: str) -> frozenset[str]:
        """``place`` and every place below it, at any depth."""
        ...

    def level(self, place: str) -> str | None:
        """The level of ``place``, if known."""
        ...

    def members(self, organization: str) -> frozenset[str]:
        """``organization``, the agencies below it and everyone who held a role in any of
        them, with every id of the same-as cluster of each."""
        ...

    def places_of(self, actor: str) -> frozenset[str]:
        """The places of ``actor`` and of every id of its same-as cluster (where a statement is
        placed by its speaker and principal)."""
        ...

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
        """See :meth:`Corpus.statements <policyconflict.query.Corpus.statements>`."""
        ...

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
        """See :meth:`Corpus.deployments <policyconflict.query.Corpus.deployments>`."""
        ...

    def roles_on(
        self,
        on: PartialDate,
        *,
        organization: str | None,
        title: str | None,
        certainty: Certainty,
    ) -> tuple[Role, ...]:
        """See :meth:`Corpus.roles_on <policyconflict.query.Corpus.roles_on>`."""
        ...

    def roles_of(self, person: str) -> tuple[Role, ...]:
        """Every role ``person`` held, in arrival order (the corpus sorts them by time)."""
        ...

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
        """See :meth:`Corpus.laws_in_force <policyconflict.query.Corpus.laws_in_force>`."""
        ...

    def cases_affecting(self, law: Law) -> tuple[LegalCase, ...]:
        """See :meth:`Corpus.cases_affecting <policyconflict.query.Corpus.cases_affecting>`."""
        ...

    def rulings_affecting(self, law: Law) -> tuple[Ruling, ...]:
        """See :meth:`Corpus.rulings_affecting
        <policyconflict.query.Corpus.rulings_affecting>`."""
        ...

    def rulings_on(self, target: str) -> tuple[Ruling, ...]:
        """The rulings with an outcome on ``target`` (any id: a law, a provision, a ruling...),
        in arrival order. The legal chain and the status of any target
        (:mod:`policyconflict.query._chain`) are computed from this, once, for every backend."""
        ...

    # -- the legal chain and parties (q2) -------------------------------------------------------

    def rulings_in_case(self, case: str) -> tuple[Ruling, ...]:
        """The rulings of ``case`` (the id of a legal case of the store), in arrival order."""
        ...

    def conflicts(
        self,
        kinds: frozenset[ConflictKind],
        *,
        within: str | None,
        during: Period | None,
        certainty: Certainty,
    ) -> tuple[Conflict, ...]:
        """See :meth:`Corpus.conflicts <policyconflict.query.Corpus.conflicts>`."""
        ...

    # -- positions, figures, relations and events (issue 14, items 1, 2 and 7) ----------------

    def positions(
        self,
        target: Entity | Provision,
        *,
        on: PartialDate | None,
        during: Period | None,
        certainty: Certainty,
    ) -> tuple[StanceRecord, ...]:
        """See :meth:`Corpus.positions <policyconflict.query.Corpus.positions>` (sorted by
        :meth:`StanceRecord.sort_key <policyconflict.query.StanceRecord.sort_key>`; the records
        are made from the candidates by :func:`policyconflict.query._positions.records`)."""
        ...

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
        """See :meth:`Corpus.figures <policyconflict.query.Corpus.figures>` (sorted by
        :meth:`FigureReport.sort_key <policyconflict.query.FigureReport.sort_key>`; each
        report made by :func:`policyconflict.query._figures.reports`)."""
        ...

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
        """See :meth:`Corpus.relations <policyconflict.query.Corpus.relations>` (the test of
        one relation is :func:`policyconflict.query._happenings.relation_passes`)."""
        ...

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
        """See :meth:`Corpus.events <policyconflict.query.Corpus.events>` (the test of one
        event is :func:`policyconflict.query._happenings.event_passes`, its places
        :func:`~policyconflict.query._places.event_places`)."""
        ...

    # -- who controls a force (issue 14, item 5) ------------------------------------------------

    def control_records(self, force: str) -> tuple[Deployment | ControlTransfer, ...]:
        """The records that move ``force`` (an agency id): the deployments with a command
        change of it, then the control transfers of it, each in arrival order. The corpus makes
        the answer of :meth:`Corpus.command_on <policyconflict.query.Corpus.command_on>` from
        them (:func:`policyconflict.query._command.answer`)."""
        ...


class BackendFactory(Protocol):
    """What makes a :class:`Backend`: a backend class, or any callable of this shape."""

    def __call__(self, store: Store, places: PlaceSource | None, /) -> Backend: ...
