"""Events and forces on the ground: :class:`Event` with participants and tallies, deployment
phases and command changes — examples, invalid input with codes and fields, story problems with
codes and paths."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from helpers import CA, agency, person, story
from policyconflict import (
    AgencyKind,
    CommandChange,
    Deployment,
    DeploymentPhase,
    Event,
    EventKind,
    PartialDate,
    Participant,
    Period,
    Quantity,
    ShapeError,
    Tally,
    ValidationError,
)

GUARD = "agency:us/ca/national-guard"
GOVERNOR = "person:governor"
PRESIDENT = "person:president"
TX = "ocd-division/country:us/state:tx"


def d(text: str) -> PartialDate:
    return PartialDate.parse(text)


def change(date: str, to: str, source: str | None = None) -> CommandChange:
    return CommandChange(date=d(date), unit=GUARD, to_command=to, from_command=source)


def deployment(**changes: Any) -> Deployment:
    fields: dict[str, Any] = {
        "id": "deployment:us/ca/national-guard/2025-06-07/los-angeles",
        "agency": GUARD,
        "period": Period.parse("2025-06-07/2025-07"),
        "command_changes": (
            change("2025-06-07", PRESIDENT, GOVERNOR),
            change("2025-07-15~", GOVERNOR, PRESIDENT),
        ),
    }
    return Deployment(**(fields | changes))


def test_a_guard_federalized_and_later_returned() -> None:
    force = deployment()
    assert (
        force.command_of(GUARD, d("2025-06-06")) == GOVERNOR
    )  # its home command, before any change
    assert force.command_of(GUARD, d("2025-06-07")) == PRESIDENT
    assert force.command_of(GUARD, d("2025-06")) is None  # federalized during the month
    assert force.command_of(GUARD, d("2025-07-10")) == PRESIDENT
    assert force.command_of(GUARD, d("2025-08-01")) == GOVERNOR
    assert force.command_of("agency:other", d("2025-08-01")) is None


def test_a_command_change_at_a_minute() -> None:
    force = deployment(command_changes=(change("2025-06-07T18:00-07:00", PRESIDENT),))
    assert force.command_of(GUARD, d("2025-06-07T18:30-07:00")) == PRESIDENT
    assert force.command_of(GUARD, d("2025-06-07")) is None


def test_phases_hold_drawdowns_extensions_and_a_move_into_another_state() -> None:
    phases = (
        DeploymentPhase(
            period=Period.parse("2025-06-07/2025-06-30"),
            description="initial deployment",
            count=Quantity.exact(4000),
            targets=(CA,),
        ),
        DeploymentPhase(
            period=Period.parse("2025-07/2025-07"),
            description="drawdown",
            count=Quantity.about(300),
            targets=(CA,),
        ),
        DeploymentPhase(
            period=Period.parse("2025-08/.."),
            description="part of the force moved to another state",
            count=Quantity.at_least(100),
            targets=(TX,),
        ),
    )
    force = deployment(phases=phases)
    assert [p.targets for p in force.phases] == [(CA,), (CA,), (TX,)]


def test_a_vote_with_tallies_claimed_by_different_parties() -> None:
    vote = Event(
        id="event:referendum/2017-10-01/independence-referendum",
        kind=EventKind.REFERENDUM,
        name="Independence referendum",
        period=Period.of(d("2017-10-01")),
        places=(CA,),
        participants=(Participant(entity="agency:regional-government", role="organizer"),),
        tallies=(
            Tally(label="turnout", count=Quantity.about(43, text="43%"), claimed_by="agency:a"),
            Tally(label="yes", count=Quantity.exact(2_044_038), claimed_by="agency:a"),
            Tally(label="turnout", count=Quantity.undisclosed(), claimed_by="agency:b"),
        ),
        outcome="Results announced by the regional government; not recognized by the central "
        "government.",
    )
    claimants = {(t.label, t.claimed_by) for t in vote.tallies}
    assert claimants == {("turnout", "agency:a"), ("yes", "agency:a"), ("turnout", "agency:b")}


INVALID: dict[str, tuple[Callable[[], object], str, str]] = {
    "command change to the same command": (
        lambda: change("2025-06-07", PRESIDENT, PRESIDENT),
        "self-reference",
        "to_command",
    ),
    "unit placed under its own command": (
        lambda: change("2025-06-07", GUARD),
        "self-reference",
        "to_command",
    ),
    "command change with a date as text": (
        lambda: CommandChange(date="2025-06-07", unit=GUARD, to_command=PRESIDENT),  # type: ignore[arg-type]
        "wrong-type",
        "date",
    ),
    "event with an unknown kind": (
        lambda: Event(id="event:x", kind="riot", name="X"),  # type: ignore[arg-type]
        "wrong-type",
        "kind",
    ),
    "event with a bad place id": (
        lambda: Event(id="event:x", kind=EventKind.PROTEST, name="X", places=("Los Angeles",)),
        "bad-id",
        "places",
    ),
    "participant with an empty role": (
        lambda: Participant(entity="person:a", role=""),
        "empty",
        "role",
    ),
    "tally with a bare number": (
        lambda: Tally(label="yes", count=10),  # type: ignore[arg-type]
        "wrong-type",
        "count",
    ),
    "phase without a description": (
        lambda: DeploymentPhase(period=Period(), description=" "),
        "empty",
        "description",
    ),
    "deployment naming more targets than its count": (
        lambda: deployment(targets=(CA, TX), target_count=1),
        "count-below-named",
        "target_count",
    ),
}


@pytest.mark.parametrize("name", sorted(INVALID))
def test_invalid_event_values_raise_shape_errors_with_code_and_field(name: str) -> None:
    make, code, field = INVALID[name]
    with pytest.raises(ShapeError) as caught:
        make()
    assert (caught.value.code, caught.value.field) == (code, field)


def _guard() -> Any:
    return agency(GUARD, kind=AgencyKind.NATIONAL_GUARD)


STORY_PROBLEMS: dict[str, tuple[Callable[[], object], str, str]] = {
    "participant that does not exist": (
        lambda: story(
            events=(
                Event(
                    id="event:x",
                    kind=EventKind.PROTEST,
                    name="X",
                    participants=(Participant(entity="person:nobody"),),
                ),
            )
        ),
        "unknown-reference",
        "$.events[0].participants[0].entity",
    ),
    "tally claimed by someone unknown": (
        lambda: story(
            events=(
                Event(
                    id="event:x",
                    kind=EventKind.VOTE,
                    name="X",
                    tallies=(Tally(label="yes", count=Quantity.exact(1), claimed_by="org:x"),),
                ),
            )
        ),
        "unknown-reference",
        "$.events[0].tallies[0].claimed_by",
    ),
    "command change of a unit that is a person": (
        lambda: story(
            agencies=(_guard(),),
            persons=(person(GOVERNOR), person(PRESIDENT)),
            deployments=(
                deployment(
                    command_changes=(
                        CommandChange(date=d("2025-06-07"), unit=GOVERNOR, to_command=PRESIDENT),
                    )
                ),
            ),
        ),
        "wrong-kind",
        "$.deployments[0].command_changes[0].unit",
    ),
    "phase target that does not exist": (
        lambda: story(
            agencies=(_guard(),),
            persons=(person(GOVERNOR), person(PRESIDENT)),
            deployments=(
                deployment(
                    phases=(DeploymentPhase(period=Period(), description="x", targets=(TX,)),)
                ),
            ),
        ),
        "unknown-reference",
        "$.deployments[0].phases[0].targets[0]",
    ),
}


@pytest.mark.parametrize("name", sorted(STORY_PROBLEMS))
def test_story_problems_in_events_have_codes_and_paths(name: str) -> None:
    make, code, path = STORY_PROBLEMS[name]
    with pytest.raises(ValidationError) as caught:
        make()
    assert (code, path) in set(zip(caught.value.codes, caught.value.paths, strict=True))


def test_a_valid_federalization_makes_a_story() -> None:
    told = story(
        agencies=(_guard(),),
        persons=(person(GOVERNOR), person(PRESIDENT)),
        deployments=(deployment(),),
    )
    assert told.deployments[0].command_of(GUARD, d("2025-06-20")) == PRESIDENT
