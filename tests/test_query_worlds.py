"""Small generated worlds for the query property tests (one valid story's worth of entities),
and a test that they are valid.

Ids come from small pools so that queries hit often; dates mix years, months, days, times of
day and missing dates; periods mix open, unknown and dated ends.
"""

from __future__ import annotations

from typing import Any

import attrs
from hypothesis import given
from hypothesis import strategies as st

from policyconflict import (
    OPEN,
    UNKNOWN,
    Agency,
    AgencyKind,
    Channel,
    CommandChange,
    ControlTransfer,
    Deployment,
    DeploymentPhase,
    Event,
    EventKind,
    Figure,
    Jurisdiction,
    JurisdictionLevel,
    Law,
    LawKind,
    LegalCase,
    Organization,
    OrganizationKind,
    Outcome,
    OutcomeEffect,
    PartialDate,
    Participant,
    Party,
    PartyRole,
    Period,
    Person,
    Position,
    Predicate,
    Provision,
    ProvisionEffect,
    Quantity,
    Relation,
    Role,
    Ruling,
    RulingKind,
    Stance,
    Statement,
    Story,
)

PLACES = [f"place-{i}" for i in range(6)]
AGENCIES = [f"agency-{i}" for i in range(4)]
ORGS = ["org-0", "org-1"]
PERSONS = [f"person-{i}" for i in range(4)]
TITLES = ["Mayor", "Chief", "Director"]
TOPICS = ["immigration", "immigration-enforcement", "immigration-enforcement-cooperation", "tax"]
COURT = "court-0"
METRICS = ["arrests", "officers"]
VOTE_ROLES = ["yes", "no", "aye", "abstain", "organizer"]
PREDICATES = [
    Predicate.SUPPORTS,
    Predicate.OPPOSES,
    Predicate.CHALLENGES,
    Predicate.OTHER,
    Predicate.RESPONDS_TO,
]

dates = st.one_of(
    st.builds(PartialDate, year=st.integers(2019, 2021)),
    st.builds(PartialDate, year=st.integers(2019, 2021), month=st.integers(1, 12)),
    st.builds(
        PartialDate, year=st.integers(2019, 2021), month=st.integers(1, 12), day=st.integers(1, 28)
    ),
    st.builds(
        PartialDate,
        year=st.just(2020),
        month=st.just(2),
        day=st.integers(13, 15),
        hour=st.integers(0, 23),
        minute=st.just(0),
        utc_offset=st.sampled_from([-480, 0, 60]),
    ),
)
bounds = st.one_of(st.just(OPEN), st.just(UNKNOWN), dates)


@st.composite
def periods(draw: st.DrawFn) -> Period:
    """A period; ends are swapped when the draw puts them the wrong way round."""
    start, end = draw(bounds), draw(bounds)
    if (
        isinstance(start, PartialDate)
        and isinstance(end, PartialDate)
        and start.earliest_key > end.latest_key
    ):
        start, end = end, start
    return Period(start=start, end=end)


def _pick(draw: st.DrawFn, pool: list[str], *, most: int = 3) -> tuple[str, ...]:
    return tuple(draw(st.lists(st.sampled_from(pool), max_size=most, unique=True)))


@st.composite
def worlds(draw: st.DrawFn) -> dict[str, list[Any]]:
    """Entities of one valid story, by collection name."""
    jurisdictions = [
        Jurisdiction(
            id=pid,
            name=f"Place {i}",
            level=draw(st.sampled_from(list(JurisdictionLevel))),
            parent=None if i == 0 else draw(st.sampled_from([None, *PLACES[:i]])),
        )
        for i, pid in enumerate(PLACES)
    ]
    agencies = [
        Agency(
            id=aid,
            name=f"Agency {i}",
            kind=AgencyKind.AGENCY,
            jurisdiction=draw(st.sampled_from([None, *PLACES])),
            parent=None if i == 0 else draw(st.sampled_from([None, *AGENCIES[:i]])),
        )
        for i, aid in enumerate(AGENCIES)
    ]
    agencies.append(Agency(id=COURT, name="Court", kind=AgencyKind.COURT))
    organizations = [
        Organization(
            id=oid,
            name=f"Org {i}",
            kind=OrganizationKind.NGO,
            jurisdiction=draw(st.sampled_from([None, *PLACES])),
        )
        for i, oid in enumerate(ORGS)
    ]
    persons = [Person(id=pid, name=f"Person {i}") for i, pid in enumerate(PERSONS)]
    bodies = AGENCIES + ORGS + PLACES
    roles = [
        Role(
            id=f"role-{i}",
            person=draw(st.sampled_from(PERSONS)),
            organization=draw(st.sampled_from(bodies)),
            title=draw(st.sampled_from(TITLES)),
            period=draw(periods()),
        )
        for i in range(draw(st.integers(0, 6)))
    ]
    laws = []
    for i in range(draw(st.integers(0, 4))):
        effective = draw(st.one_of(st.none(), dates))
        expires = draw(st.one_of(st.none(), dates))
        if (
            effective is not None
            and expires is not None
            and expires.latest_key < effective.earliest_key
        ):
            effective, expires = expires, effective
        provisions = tuple(
            Provision(
                id=f"law-{i}#p{j}",
                label=f"§{j}",
                effect=draw(st.sampled_from(list(ProvisionEffect))),
                activity=draw(st.sampled_from([None, *TOPICS])),
                counterparty=_pick(draw, AGENCIES, most=2),
            )
            for j in range(draw(st.integers(0, 2)))
        )
        laws.append(
            Law(
                id=f"law-{i}",
                kind=LawKind.STATUTE,
                jurisdiction=draw(st.sampled_from(PLACES)),
                title=f"Law {i}",
                effective=effective,
                expires=expires,
                provisions=provisions,
            )
        )
    deployments = [
        Deployment(
            id=f"deployment-{i}",
            agency=draw(st.sampled_from(AGENCIES)),
            in_support_of=_pick(draw, AGENCIES, most=2),
            targets=_pick(draw, PLACES),
            period=draw(periods()),
            topic=draw(st.sampled_from([None, *TOPICS])),
            phases=tuple(
                DeploymentPhase(
                    period=draw(periods()), description="phase", targets=_pick(draw, PLACES)
                )
                for _ in range(draw(st.integers(0, 1)))
            ),
        )
        for i in range(draw(st.integers(0, 4)))
    ]
    targets = [d.id for d in deployments] + [law.id for law in laws] + AGENCIES[:2]
    speakers = PERSONS + AGENCIES + ORGS + PLACES
    statements = []
    for i in range(draw(st.integers(0, 25))):
        speaker = draw(st.sampled_from(speakers))
        principal = draw(st.sampled_from([None, *[s for s in speakers if s != speaker]]))
        statements.append(
            Statement(
                id=f"statement-{i}",
                speaker=speaker,
                on_behalf_of=principal if draw(st.booleans()) else None,
                text=f"Words {i}.",
                date=draw(st.one_of(st.none(), dates)),
                channel=draw(st.sampled_from([Channel.STATEMENT, Channel.INTERVIEW])),
                positions=tuple(
                    Position(target=t, stance=draw(st.sampled_from(list(Stance))))
                    for t in _pick(draw, targets, most=2)
                ),
            )
        )
    events = [
        Event(
            id=f"event-{i}",
            kind=draw(st.sampled_from([EventKind.VOTE, EventKind.REFERENDUM, EventKind.PROTEST])),
            name=f"Event {i}",
            period=draw(periods()),
            places=_pick(draw, PLACES, most=2),
            participants=tuple(
                Participant(entity=entity, role=draw(st.sampled_from([None, *VOTE_ROLES])))
                for entity in _pick(draw, PERSONS + AGENCIES, most=3)
            ),
        )
        for i in range(draw(st.integers(0, 3)))
    ]
    relations = [
        Relation(
            id=f"relation-{i}",
            subject=draw(st.sampled_from(PERSONS + [e.id for e in events])),
            predicate=draw(st.sampled_from(PREDICATES)),
            object=draw(st.sampled_from(targets)),
            asserted_by=draw(st.sampled_from([None, *PERSONS[:2]])),
            period=draw(st.one_of(st.none(), periods())),
        )
        for i in range(draw(st.integers(0, 3)) if targets else 0)
    ]
    # Same-as links make clusters for questions: of persons, agencies or places (chains and
    # cycles among them), and now and then between two kinds (a link that joins nothing).
    for i in range(draw(st.integers(0, 3))):
        pool = draw(st.sampled_from([PERSONS, AGENCIES, PLACES, [*PERSONS, *AGENCIES]]))
        subject, other = draw(st.lists(st.sampled_from(pool), min_size=2, max_size=2, unique=True))
        relations.append(
            Relation(id=f"same-{i}", subject=subject, predicate=Predicate.SAME_AS, object=other)
        )
    law_targets = [law.id for law in laws] + [p.id for law in laws for p in law.provisions]
    cases = [
        LegalCase(
            id=f"case-{i}",
            name=f"Case {i}",
            filed=draw(st.one_of(st.none(), dates)),
            parties=(
                Party(entity=draw(st.sampled_from(AGENCIES)), role=PartyRole.PLAINTIFF),
                *(
                    Party(
                        entity=person,
                        role=PartyRole.DEFENDANT,
                        official_capacity=True,
                        period=draw(st.one_of(st.none(), periods())),
                    )
                    for person in _pick(draw, PERSONS, most=1)
                ),
            ),
            challenges=_pick(draw, law_targets, most=2),
        )
        for i in range(draw(st.integers(0, 2)) if law_targets else 0)
    ]
    rulings = [
        Ruling(
            id=f"ruling-{i}",
            case=draw(st.sampled_from([c.id for c in cases])),
            court=COURT,
            date=draw(dates),
            kind=RulingKind.PRELIMINARY_INJUNCTION,
            outcomes=tuple(
                Outcome(target=t, effect=draw(st.sampled_from(list(OutcomeEffect))))
                for t in _pick(draw, law_targets, most=2)
            ),
        )
        for i in range(draw(st.integers(0, 2)) if cases else 0)
    ]
    figures = [
        Figure(
            id=f"figure-{i}",
            metric=draw(st.sampled_from(METRICS)),
            quantity=Quantity.exact(draw(st.integers(1, 3))),
            subject=draw(st.sampled_from([None, *AGENCIES[:2]])),
            claimed_by=tuple(draw(st.lists(st.sampled_from(AGENCIES), max_size=2, unique=True))),
            period=draw(st.one_of(st.none(), periods())),
            as_of=draw(st.one_of(st.none(), dates)),
        )
        for i in range(draw(st.integers(0, 4)))
    ]
    # Control of a force: command changes inside deployments and transfers outside them (q4).
    deployments = [
        attrs.evolve(d, command_changes=tuple(_command_changes(draw))) for d in deployments
    ]
    transfers = [
        ControlTransfer(id=f"transfer-{i}", **_control(draw), period=draw(periods()))
        for i in range(draw(st.integers(0, 3)))
    ]
    return {
        "control_transfers": transfers,
        "jurisdictions": jurisdictions,
        "agencies": agencies,
        "organizations": organizations,
        "persons": persons,
        "roles": roles,
        "laws": laws,
        "deployments": deployments,
        "statements": statements,
        "relations": relations,
        "legal_cases": cases,
        "rulings": rulings,
        "figures": figures,
        "events": events,
    }


FORCES = AGENCIES[:2]
"""The agencies whose control the generated worlds move."""


def _control(draw: st.DrawFn) -> dict[str, Any]:
    """A force, the command it moves to and, now and then, the one it comes from."""
    force = draw(st.sampled_from(FORCES))
    commands = [c for c in [*AGENCIES, PERSONS[0], PLACES[0]] if c != force]
    to_command = draw(st.sampled_from(commands))
    from_command = draw(st.sampled_from([None, *[c for c in commands if c != to_command]]))
    return {"force": force, "to_command": to_command, "from_command": from_command}


def _command_changes(draw: st.DrawFn) -> list[CommandChange]:
    changes = []
    for _ in range(draw(st.integers(0, 2))):
        moved = _control(draw)
        changes.append(
            CommandChange(
                date=draw(dates),
                unit=moved["force"],
                to_command=moved["to_command"],
                from_command=moved["from_command"],
            )
        )
    return changes


def story_of(world: dict[str, list[Any]], story_id: str = "story", **drop: int) -> Story:
    """A story of the world, keeping only the first ``n`` of each collection named in ``drop``."""
    fields = {name: tuple(items[: drop.get(name, len(items))]) for name, items in world.items()}
    return Story(id=story_id, title="Generated", **fields)


@given(worlds())
def test_generated_worlds_are_valid_stories_that_exercise_the_queries(
    world: dict[str, list[Any]],
) -> None:
    story = story_of(world)
    assert len(story.jurisdictions) == len(PLACES)
    # Every dated statement's date lies in the years the query strategies ask about.
    assert all(s.date is None or 2019 <= s.date.year <= 2021 for s in story.statements)
    # Positions only target entities of the story.
    known = {e.id for e in story.entities()}
    assert all(p.target in known for s in story.statements for p in s.positions)
