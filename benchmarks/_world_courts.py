"""The benchmark world's figures, courts, transfers of control, events and relations (for
``bench_query.py``).

Figures: each subject (a deployment) has two or three claimants, and each claimant revises its
number over time (same metric, subject, unit and period, later ``as_of``) — so the figures of one
subject mix revisions and contradictions. Cases challenge a law and name an official defendant
succeeded through time (official capacity), and their rulings act on the law and then on each
other (a stay of the injunction, an affirmance or a vacatur, a stay of the stay). Control
transfers place a local police force under a federal department for a period. Events (raids,
protests, arrests) happen in one or two places on a day or a few days; relations link
deployments to the laws they respond to or retaliate for, asserted by an agency.
"""

from __future__ import annotations

import random
from collections.abc import Sequence
from typing import Any

from policyconflict import (
    OPEN,
    Agency,
    AgencyKind,
    ControlTransfer,
    Event,
    EventKind,
    Figure,
    LegalCase,
    Outcome,
    OutcomeEffect,
    PartialDate,
    Participant,
    Party,
    PartyRole,
    Period,
    Predicate,
    Quantity,
    Relation,
    Ruling,
    RulingKind,
)

COURTS = [Agency(id=f"court-{i}", name=f"Court {i}", kind=AgencyKind.COURT) for i in range(4)]
"""Courts for the generated cases (district courts and courts of appeals)."""

_CLAIMANTS = ["dhs", "ice", "cbp", "doj"]
_ON_RULINGS = [
    (RulingKind.STAY_PENDING_APPEAL, OutcomeEffect.STAYS),
    (RulingKind.AFFIRMED, OutcomeEffect.AFFIRMS),
    (RulingKind.VACATED, OutcomeEffect.VACATES),
    (RulingKind.ADMINISTRATIVE_STAY, OutcomeEffect.STAYS),
]


def _day(ordinal: int) -> PartialDate:
    import datetime as dt

    return PartialDate.from_date(dt.date.fromordinal(ordinal))


def figures(
    rng: random.Random, deployments: Sequence[Any], organizations: Sequence[str], count: int
) -> list[Figure]:
    """About ``count`` figures about the first deployments: each subject has two or three
    claimants, each reporting one to three numbers over time (a revision keeps the metric,
    unit and period and has a later ``as_of``), so a subject holds up to nine figures."""
    found: list[Figure] = []
    pool = _CLAIMANTS + list(organizations[:3])
    for subject in deployments:
        if len(found) >= count:
            break
        start = subject.period.start
        base = start.earliest.toordinal() if isinstance(start, PartialDate) else 736_000
        for claimant in rng.sample(pool, rng.randint(2, 3)):
            value = rng.choice([50, 100, 150, 200, 500])
            for k in range(rng.randint(1, 3)):
                found.append(
                    Figure(
                        id=f"figure-{len(found)}",
                        metric="officers-deployed",
                        quantity=Quantity.exact(value + 10 * k),
                        unit="people",
                        subject=subject.id,
                        period=subject.period,
                        as_of=_day(base + 30 * k + rng.randint(0, 20)),
                        claimed_by=(claimant,),
                    )
                )
    return found


def cases_and_rulings(
    rng: random.Random,
    laws: Sequence[Any],
    places: Sequence[str],
    persons: Sequence[str],
    count: int,
    deployments: Sequence[Any] = (),
) -> tuple[list[LegalCase], list[Ruling]]:
    """``count`` cases, each against one law, with two to six rulings acting on the law and
    then on the case's earlier rulings; every fourth case (``case-3``, ``case-7``...) is
    against a deployment instead: an injunction of it, stayed some weeks later half of the
    time."""
    cases: list[LegalCase] = []
    rulings: list[Ruling] = []
    for i in range(count):
        against_deployment = i % 4 == 3 and bool(deployments)
        law = deployments[i % len(deployments)] if against_deployment else laws[i % len(laws)]
        filed = 736_400 + rng.randint(0, 2000)
        holders = rng.sample(list(persons[:50]), 3)
        handover = [filed, filed + rng.randint(100, 400), filed + rng.randint(500, 900)]
        defendants = tuple(
            Party(
                entity=holder,
                role=PartyRole.DEFENDANT,
                official_capacity=True,
                period=Period(
                    start=_day(begin),
                    end=_day(handover[k + 1]) if k + 1 < len(handover) else OPEN,
                ),
            )
            for k, (holder, begin) in enumerate(zip(holders, handover, strict=True))
        )
        case = LegalCase(
            id=f"case-{i}",
            name=f"Case {i}",
            filed=_day(filed),
            challenges=(law.id,),
            parties=(Party(entity=rng.choice(places), role=PartyRole.PLAINTIFF), *defendants),
        )
        cases.append(case)
        when = filed + rng.randint(10, 60)
        first = Ruling(
            id=f"case-{i}/ruling-0",
            case=case.id,
            court=COURTS[i % 2].id,
            date=_day(when),
            kind=RulingKind.PRELIMINARY_INJUNCTION,
            outcomes=(Outcome(target=law.id, effect=OutcomeEffect.ENJOINS),),
        )
        chain = [first]
        if against_deployment:
            if rng.random() < 0.5:
                chain.append(
                    Ruling(
                        id=f"case-{i}/ruling-1",
                        case=case.id,
                        court=COURTS[2 + i % 2].id,
                        date=_day(when + rng.randint(10, 100)),
                        kind=RulingKind.STAY_PENDING_APPEAL,
                        outcomes=(Outcome(target=first.id, effect=OutcomeEffect.STAYS),),
                    )
                )
            rulings.extend(chain)
            continue
        for k in range(1, rng.randint(2, 6)):
            when += rng.randint(0, 200)
            kind, effect = rng.choice(_ON_RULINGS)
            chain.append(
                Ruling(
                    id=f"case-{i}/ruling-{k}",
                    case=case.id,
                    court=COURTS[2 + i % 2].id,
                    date=_day(when),
                    kind=kind,
                    outcomes=(Outcome(target=chain[-1].id, effect=effect),),
                )
            )
        rulings.extend(chain)
    return cases, rulings


def control_transfers(
    rng: random.Random, forces: Sequence[str], homes: Sequence[str | None], count: int
) -> list[ControlTransfer]:
    """``count`` transfers of a local force to DHS command, each for a few weeks."""
    found = []
    for i in range(count):
        k = rng.randrange(len(forces))
        start = 736_500 + rng.randint(0, 2500)
        found.append(
            ControlTransfer(
                id=f"transfer-{i}",
                force=forces[k],
                to_command="dhs",
                from_command=homes[k],
                period=Period(start=_day(start), end=_day(start + rng.randint(7, 90))),
                legal_status="federal-service",
            )
        )
    return found


def events(rng: random.Random, pick_place: Any, actors: Sequence[str], count: int) -> list[Event]:
    """``count`` events in one or two places each (``pick_place`` draws a place)."""
    found = []
    for i in range(count):
        start = 736_330 + rng.randint(0, 8 * 365)
        found.append(
            Event(
                id=f"event-{i}",
                kind=rng.choice([EventKind.RAID, EventKind.PROTEST, EventKind.ARREST]),
                name=f"Event {i}",
                period=Period(start=_day(start), end=_day(start + rng.choice([0, 0, 1, 3]))),
                places=tuple(sorted({pick_place() for _ in range(rng.randint(1, 2))})),
                participants=(Participant(entity=rng.choice(actors)),),
            )
        )
    return found


def relations(
    rng: random.Random,
    deployments: Sequence[Any],
    laws: Sequence[Any],
    asserters: Sequence[str],
    count: int,
) -> list[Relation]:
    """``count`` relations from deployments (the first the most linked) to laws."""
    predicates = [Predicate.RESPONDS_TO, Predicate.RETALIATION_FOR, Predicate.CHALLENGES]
    found = []
    for i in range(count):
        subject = deployments[min(int(rng.paretovariate(1.1)) - 1, len(deployments) - 1)]
        found.append(
            Relation(
                id=f"relation-{i}",
                subject=subject.id,
                predicate=rng.choice(predicates),
                object=rng.choice(laws).id,
                asserted_by=rng.choice(asserters),
                period=subject.period,
            )
        )
    return found
