"""The questions a :class:`~policyconflict.query.Corpus` answers about laws, courts, conflicts
and time (a base class of ``Corpus``, kept in its own module for size)."""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from policyconflict.dates import Certainty
from policyconflict.model.courts import LegalCase, Ruling
from policyconflict.model.laws import Law, Provision
from policyconflict.query import _scan
from policyconflict.query._detect import detect, index_select, scan_select
from policyconflict.query._engine import Engine
from policyconflict.query._status import Courts, in_force, provision_matches
from policyconflict.query._store import Store
from policyconflict.query._time import DateLike, PeriodLike, as_date, opt_period, span_window
from policyconflict.query.conflicts import Conflict, ConflictKind
from policyconflict.query.timeline import TimelineEntry, timeline
from policyconflict.story import Entity


class LawQuestions:
    """Laws in force, cases and rulings affecting a law, the timeline, and the conflicts."""

    _store: Store
    _engine: Engine
    _indexed: bool

    def get(self, entity_id: str) -> Entity | Provision:  # provided by Corpus
        raise KeyError(entity_id)

    def __iter__(self) -> Iterator[Entity]:  # provided by Corpus
        return iter(())

    def laws_in_force(
        self,
        place: str,
        on: DateLike,
        *,
        certainty: Certainty = Certainty.MAY,
        restricts: str | None = None,
        counterparty: str | None = None,
        topic: str | None = None,
    ) -> tuple[Law, ...]:
        """Laws that apply in ``place`` and are in force on ``on``, in arrival order.

        A law applies in its jurisdiction and everywhere below it (California's SB 54 applies in
        Los Angeles). In force: :func:`policyconflict.status.status_on` says the law may be in
        force on the date in ``place`` (``MAY``: in force is among the possible states) or
        surely is (``SURELY``) — from the law's own dates and every ruling that reaches it.

        ``restricts``: one provision prohibits or restricts an activity with this agency or an
        agency above it (restricting cooperation with DHS restricts it with ICE);
        ``counterparty``: one provision names this counterparty; ``topic``: one provision's
        activity matches this topic (equal, or narrower/wider by whole hyphenated words). All the
        provision filters given must hold for the same provision.
        """
        on_date = as_date(on)
        items: list[Law] = self._store.lists["laws"]
        engine = self._engine
        if not self._indexed:
            return tuple(
                _scan.laws_in_force(
                    items,
                    engine.lookup,
                    Courts(self._store.lists["rulings"], self._store.lists["jurisdictions"]),
                    place=place,
                    on=on_date,
                    certainty=certainty,
                    restricts=restricts,
                    counterparty=counterparty,
                    topic=topic,
                )
            )
        places = frozenset((place, *engine.tree.ancestors(place)))
        candidates = engine.laws.query(
            {"jurisdiction": places}, span_window(on_date, None, Certainty.MAY)
        )
        restricted = (
            None
            if restricts is None
            else frozenset((restricts, *engine.actors.agency_ancestors(restricts)))
        )
        courts = engine.courts
        wanted = restricted is not None or counterparty is not None or topic is not None
        found = []
        for pos in candidates:
            law = items[pos]
            if wanted and not any(
                provision_matches(p, restricted=restricted, counterparty=counterparty, topic=topic)
                for p in law.provisions
            ):
                continue  # the provisions are cheaper to check than the status
            if not in_force(law, on_date, certainty, courts, place):
                continue
            found.append(law)
        return tuple(found)

    def _law(self, law: Law | str) -> Law:
        found = self.get(law) if isinstance(law, str) else law
        if not isinstance(found, Law):
            raise TypeError(f"{getattr(found, 'id', found)!r} is not a law")
        return found

    def cases_affecting(self, law: Law | str) -> tuple[LegalCase, ...]:
        """Cases that challenge the law or one of its provisions, in arrival order."""
        target = self._law(law)
        items: list[LegalCase] = self._store.lists["legal_cases"]
        if not self._indexed:
            return tuple(_scan.cases_affecting(items, target))
        engine = self._engine
        return tuple(items[p] for p in engine.affecting(engine.challenges, target))

    def rulings_affecting(self, law: Law | str) -> tuple[Ruling, ...]:
        """Rulings with an outcome on the law or one of its provisions, in arrival order."""
        target = self._law(law)
        items: list[Ruling] = self._store.lists["rulings"]
        if not self._indexed:
            return tuple(_scan.rulings_affecting(items, target))
        engine = self._engine
        return tuple(items[p] for p in engine.affecting(engine.outcomes, target))

    # -- timeline and conflicts -----------------------------------------------------------------

    def timeline(self) -> tuple[TimelineEntry, ...]:
        """Every dated fact in the corpus, in time order (see :func:`timeline`)."""
        return timeline(self)

    def conflicts(
        self,
        kinds: Iterable[ConflictKind | str] | None = None,
        *,
        within: str | None = None,
        during: PeriodLike | None = None,
        certainty: Certainty = Certainty.MAY,
    ) -> tuple[Conflict, ...]:
        """The conflicts the corpus contains (see :mod:`policyconflict.query.conflicts`), sorted
        by kind, subject and evidence.

        ``kinds``: only these kinds (all by default); ``within``: only conflicts with a place in
        this place or below it; ``during``: only conflicts whose period may (``MAY``) or surely
        (``SURELY``) overlap this period (conflicts without a period are left out).
        """
        wanted = frozenset(ConflictKind) if kinds is None else frozenset(map(ConflictKind, kinds))
        period = opt_period(during)
        if not self._indexed:
            found = detect(self._engine, wanted, indexed=False)
            return tuple(
                scan_select(self._engine, found, within=within, during=period, certainty=certainty)
            )
        return tuple(
            index_select(self._engine, wanted, within=within, during=period, certainty=certainty)
        )
