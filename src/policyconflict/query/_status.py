"""Whether a law is in force, and whether a provision matches a question: one place for both.

Law status comes from :func:`policyconflict.status.status_on` (the law's own dates and every
ruling that reaches it, in the place asked about). A law that has an effective date and that no
ruling reaches takes a fast path through its own dates
(``Law.effective_period``), which gives the same answer — a property
test holds the two together.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Mapping, Sequence

from policyconflict._lawstatus import reaching
from policyconflict.dates import Certainty, PartialDate, Period
from policyconflict.model.courts import Ruling
from policyconflict.model.laws import Law, Provision, ProvisionEffect
from policyconflict.model.places import Jurisdiction
from policyconflict.status import LawState, status_on

RESTRICTING = frozenset({ProvisionEffect.PROHIBITS, ProvisionEffect.RESTRICTS})
"""Effects that restrict an activity with a counterparty."""


class Courts:
    """The rulings that reach each law, and the places their scopes are read against."""

    def __init__(
        self,
        rulings: Sequence[Ruling],
        jurisdictions: Sequence[Jurisdiction],
        by_target: Mapping[str, Collection[int]] | None = None,
    ) -> None:
        self._rulings = rulings
        self._jurisdictions = jurisdictions
        self._by_target: Mapping[str, Collection[int]] | None = by_target

    def reaching(self, law: Law) -> list[Ruling]:
        """The rulings that reach ``law`` (:func:`policyconflict._lawstatus.reaching`), by id."""
        found = reaching({law.id, *(p.id for p in law.provisions)}, self._on)
        return sorted(found.values(), key=lambda r: r.id)

    def _on(self, target: str) -> Iterable[Ruling]:
        if self._by_target is None:  # the scan: one pass over the rulings, on first use
            by_target: dict[str, list[int]] = {}
            self._by_target = by_target
            for pos, ruling in enumerate(self._rulings):
                for outcome in ruling.outcomes:
                    by_target.setdefault(outcome.target, []).append(pos)
        return [self._rulings[p] for p in self._by_target.get(target, ())]

    def status_story(self, law: Law) -> list[Ruling | Jurisdiction] | None:
        """What :func:`status_on` needs for ``law``, or ``None`` when no ruling reaches it."""
        rulings = self.reaching(law)
        if not rulings:
            return None
        return [*rulings, *self._jurisdictions]


def _decide(possible: Iterable[LawState], state: LawState, certainty: Certainty) -> bool:
    if certainty is Certainty.SURELY:
        return state is LawState.IN_FORCE
    return LawState.IN_FORCE in possible


def in_force(
    law: Law,
    on: PartialDate | Period,
    certainty: Certainty,
    courts: Courts,
    place: str | None = None,
) -> bool:
    """Whether ``law`` is in force on ``on`` (a date, or at some moment of a period) in
    ``place``: *may* (possibly) or *surely* (certainly, all of the time asked about)."""
    story = courts.status_story(law)
    if story is None and law.effective is not None:
        period = law.effective_period
        if isinstance(on, Period):
            if certainty is Certainty.SURELY:
                return on.within(period, certainty=Certainty.SURELY)
            return period.may_overlap(on)
        return period.contains(on, certainty=certainty)
    status = status_on(law, on, story=story or (), place=place)
    return _decide(status.possible, status.state, certainty)


def provisions_in_force(
    law: Law,
    provisions: Sequence[Provision],
    on: PartialDate | Period,
    certainty: Certainty,
    courts: Courts,
    place: str | None,
) -> list[Provision]:
    """Those of ``provisions`` (of ``law``) that are in force on ``on`` in ``place``: the rule
    for every question about what a law does there. A provision has the law's own dates and
    every ruling on the law; a ruling on another provision does not reach it. When no ruling
    reaches the law, each provision is in force exactly when the law is."""
    if not provisions:
        return []
    story = courts.status_story(law)
    if story is None:
        return list(provisions) if in_force(law, on, certainty, courts, place) else []
    found = []
    for provision in provisions:
        status = status_on(law, on, story=story, provision=provision.id, place=place)
        if _decide(status.possible, status.state, certainty):
            found.append(provision)
    return found


def answers_law_question(
    law: Law,
    on: PartialDate,
    certainty: Certainty,
    courts: Courts,
    place: str,
    *,
    restricted: frozenset[str] | None,
    counterparty: str | None,
    topic: str | None,
) -> bool:
    """Whether ``law`` (applying in ``place``) answers a
    :meth:`~policyconflict.query.Corpus.laws_in_force` question: without provision filters,
    the law is in force on ``on`` in ``place``; with them, one provision that matches every
    filter given (see :func:`provision_matches`) is in force there
    (:func:`provisions_in_force`). Every query backend asks this one function."""
    if restricted is None and counterparty is None and topic is None:
        return in_force(law, on, certainty, courts, place)
    matching = [
        p
        for p in law.provisions
        if provision_matches(p, restricted=restricted, counterparty=counterparty, topic=topic)
    ]  # the provisions are cheaper to check than the status
    return bool(provisions_in_force(law, matching, on, certainty, courts, place))


def topics_match(first: str | None, second: str | None) -> bool:
    """Whether two topic words are about the same thing.

    Equal topics match, and so does a topic with a narrower one that extends it by whole words:
    ``immigration-enforcement`` matches ``immigration-enforcement-cooperation``. A missing topic
    matches anything.
    """
    if first is None or second is None:
        return True
    short, long = sorted((first, second), key=len)
    return long == short or long.startswith(short + "-")


def provision_matches(
    provision: Provision,
    *,
    restricted: frozenset[str] | None,
    counterparty: str | None,
    topic: str | None,
) -> bool:
    """Whether one provision answers every given part of a question about laws.

    ``restricted``: it prohibits or restricts an activity with one of these agencies;
    ``counterparty``: that agency is among its counterparties; ``topic``: its activity matches.
    """
    if restricted is not None and (
        provision.effect not in RESTRICTING or restricted.isdisjoint(provision.counterparty)
    ):
        return False
    if counterparty is not None and counterparty not in provision.counterparty:
        return False
    return topic is None or (
        provision.activity is not None and topics_match(provision.activity, topic)
    )
