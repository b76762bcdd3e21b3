"""A transfer of control made by a law or an order, outside any deployment: the record, its
checks, its place in a story and in the format (version 2), and the home command before a
deployment's first command change."""

from __future__ import annotations

import pytest

from policyconflict import (
    Agency,
    AgencyKind,
    CommandChange,
    ControlTransfer,
    Deployment,
    PartialDate,
    Period,
    ShapeError,
    Story,
    ValidationError,
    dumps,
    loads,
)

GUARD = Agency(
    id="agency:us/ca/guard", name="California National Guard", kind=AgencyKind.NATIONAL_GUARD
)
GOVERNOR = Agency(
    id="agency:us/ca/governor", name="Governor of California", kind=AgencyKind.EXECUTIVE
)
NORTHCOM = Agency(
    id="agency:us/dod/northcom", name="U.S. Northern Command", kind=AgencyKind.MILITARY
)


def transfer(**changes: object) -> ControlTransfer:
    fields: dict[str, object] = {
        "id": "transfer:us/ca/guard/2025-06",
        "force": GUARD.id,
        "to_command": NORTHCOM.id,
        "from_command": GOVERNOR.id,
        "period": Period.parse("2025-06-07/.."),
        "legal_status": "federal-service",
    }
    fields.update(changes)
    return ControlTransfer(**fields)  # type: ignore[arg-type]


def test_a_transfer_round_trips_through_the_format() -> None:
    story = Story(
        id="story:x",
        title="T",
        agencies=(GUARD, GOVERNOR, NORTHCOM),
        control_transfers=(transfer(),),
    )
    text = dumps(story)
    assert '"control_transfers":[' in text
    assert '"version":2' in text
    assert loads(text) == story.canonical()


@pytest.mark.parametrize(
    "changes",
    [{"from_command": NORTHCOM.id}, {"to_command": GUARD.id}],
    ids=["from-equals-to", "to-itself"],
)
def test_a_transfer_moves_a_force_to_another_command(changes: dict[str, object]) -> None:
    with pytest.raises(ShapeError) as caught:
        transfer(**changes)
    assert caught.value.code == "self-reference"


def test_the_story_checks_what_a_transfer_refers_to() -> None:
    with pytest.raises(ValidationError) as caught:
        Story(id="story:x", title="T", agencies=(GUARD,), control_transfers=(transfer(),))
    assert [(p.code, p.path) for p in caught.value.problems] == [
        ("unknown-reference", "$.control_transfers[0].to_command"),
        ("unknown-reference", "$.control_transfers[0].from_command"),
    ]


def test_before_the_first_change_a_unit_is_under_its_home_command() -> None:
    deployment = Deployment(
        id="deployment:x",
        agency=NORTHCOM.id,
        command_changes=(
            CommandChange(
                date=PartialDate.parse("2025-06-07"),
                unit=GUARD.id,
                to_command=NORTHCOM.id,
                from_command=GOVERNOR.id,
            ),
        ),
    )
    assert deployment.command_of(GUARD.id, "2025-06-06") == GOVERNOR.id  # was None
    assert deployment.command_of(GUARD.id, "2025-06-07") == NORTHCOM.id
    assert deployment.command_of(GUARD.id, "2025-06") is None  # may change during June
    assert deployment.command_of("agency:other", "2025-06-06") is None
