"""``Corpus.command_on``: who controls a force at a moment — home authority, deployments'
command changes and control transfers, releases, uncertain dates, the chain above, errors."""

from __future__ import annotations

from typing import Any, Literal

import pytest

from interop_helpers import grants_story, la_story
from policyconflict import (
    Agency,
    AgencyKind,
    CommandChange,
    ControlTransfer,
    Deployment,
    Jurisdiction,
    JurisdictionLevel,
    Law,
    LawKind,
    PartialDate,
    Period,
    Person,
    Predicate,
    Relation,
    Role,
    Story,
)
from policyconflict.query import CommandAnswer, Corpus, TargetKindError, UnknownEntityError

US = "ocd-division/country:us"
CA = "ocd-division/country:us/state:ca"
GUARD = "agency:us/ca/guard"
GOVERNOR = "agency:us/ca/governor"
NORTHCOM = "agency:us/dod/northcom"
TASK_FORCE = "agency:us/dod/northcom/tf-51"
DOD = "agency:us/dod"
PRESIDENT = "agency:us/president"
ORDER = "law:us/2025/memorandum-guard"

AGENCIES = (
    Agency(id=GUARD, name="California National Guard", kind=AgencyKind.NATIONAL_GUARD,
           jurisdiction=CA),
    Agency(id=GOVERNOR, name="Governor of California", kind=AgencyKind.EXECUTIVE,
           jurisdiction=CA),
    Agency(id=PRESIDENT, name="President", kind=AgencyKind.EXECUTIVE, jurisdiction=US),
    Agency(id=DOD, name="Department of Defense", kind=AgencyKind.DEPARTMENT, parent=PRESIDENT),
    Agency(id=NORTHCOM, name="U.S. Northern Command", kind=AgencyKind.MILITARY, parent=DOD),
    Agency(id=TASK_FORCE, name="Task Force 51", kind=AgencyKind.MILITARY, parent=NORTHCOM),
)  # fmt: skip
PLACES = (
    Jurisdiction(id=US, name="United States", level=JurisdictionLevel.COUNTRY),
    Jurisdiction(id=CA, name="California", level=JurisdictionLevel.STATE, parent=US),
)
MEMO = Law(id=ORDER, kind=LawKind.MEMORANDUM, jurisdiction=US, title="Guard memorandum")


def transfer(id: str = "transfer:guard/2025-06", **changes: Any) -> ControlTransfer:
    fields: dict[str, Any] = {
        "id": id,
        "force": GUARD,
        "to_command": TASK_FORCE,
        "from_command": GOVERNOR,
        "period": Period.parse("2025-06-07/2025-07-15"),
        "legal_basis": (ORDER,),
        "legal_status": "federal-service",
    }
    fields.update(changes)
    return ControlTransfer(**fields)


def corpus_of(backend: Literal["index", "scan"] = "index", **collections: Any) -> Corpus:
    story = Story(
        id="story:guard",
        title="Guard",
        jurisdictions=PLACES,
        agencies=AGENCIES,
        laws=(MEMO,),
        **collections,
    )
    return Corpus([story], gazetteer=None, backend=backend)


BACKENDS = pytest.mark.parametrize("backend", ["index", "scan"])


@BACKENDS
def test_a_transfer_moves_the_force_and_its_end_releases_it(
    backend: Literal["index", "scan"],
) -> None:
    corpus = corpus_of(backend, control_transfers=(transfer(),))
    before = corpus.command_on(GUARD, "2025-06-06")
    assert (before.authority, before.by, before.evidence) == (
        GOVERNOR,
        None,
        ("transfer:guard/2025-06",),
    )
    assert before.chain == (GOVERNOR, CA)
    during = corpus.command_on(GUARD, "2025-06-07")
    assert during == CommandAnswer(
        force=GUARD,
        at=PartialDate.parse("2025-06-07"),
        authority=TASK_FORCE,
        chain=(TASK_FORCE, NORTHCOM, DOD, PRESIDENT, US),
        legal_status="federal-service",
        legal_basis=(ORDER,),
        by="transfer:guard/2025-06",
        evidence=("transfer:guard/2025-06",),
        certain=True,
        possible=(TASK_FORCE,),
    )
    assert corpus.command_on(GUARD, "2025-07-15").authority == TASK_FORCE  # its last day
    after = corpus.command_on(GUARD, "2025-07-16")
    assert (after.authority, after.legal_status, after.by, after.certain) == (
        GOVERNOR,
        None,
        None,
        True,
    )


@BACKENDS
def test_a_month_that_holds_the_change_is_not_certain(backend: Literal["index", "scan"]) -> None:
    corpus = corpus_of(backend, control_transfers=(transfer(),))
    june = corpus.command_on(GUARD, "2025-06")
    assert (june.authority, june.certain, june.possible) == (
        GOVERNOR,
        False,
        (GOVERNOR, TASK_FORCE),
    )
    july = corpus.command_on(GUARD, "2025-07")
    assert (july.authority, july.certain, july.possible) == (
        TASK_FORCE,
        False,
        (TASK_FORCE, GOVERNOR),
    )


@BACKENDS
def test_a_transfer_dated_to_the_month_is_uncertain_within_it(
    backend: Literal["index", "scan"],
) -> None:
    corpus = corpus_of(backend, control_transfers=(transfer(period=Period.parse("2025-06/..")),))
    mid = corpus.command_on(GUARD, "2025-06-15")
    assert (mid.authority, mid.certain, mid.possible) == (GOVERNOR, False, (GOVERNOR, TASK_FORCE))
    assert corpus.command_on(GUARD, "2025-07-01").certain


@BACKENDS
def test_a_transfer_of_unknown_end_may_have_ended_at_any_moment_after_its_start(
    backend: Literal["index", "scan"],
) -> None:
    corpus = corpus_of(backend, control_transfers=(transfer(period=Period.parse("2025-06-07/")),))
    before = corpus.command_on(GUARD, "2025-06-06")
    assert (before.authority, before.certain) == (GOVERNOR, True)
    later = corpus.command_on(GUARD, "2025-09-01")
    assert (later.authority, later.certain, later.possible) == (
        TASK_FORCE,
        False,
        (TASK_FORCE, GOVERNOR),
    )


@BACKENDS
def test_a_transfer_of_unknown_start_was_surely_made_by_its_end(
    backend: Literal["index", "scan"],
) -> None:
    corpus = corpus_of(backend, control_transfers=(transfer(period=Period.parse("/2025-07-15")),))
    assert corpus.command_on(GUARD, "2025-07-16").authority == GOVERNOR
    assert corpus.command_on(GUARD, "2025-07-16").certain
    early = corpus.command_on(GUARD, "2025-06-01")
    assert (early.authority, early.certain) == (GOVERNOR, False)


@BACKENDS
def test_a_later_transfer_ends_an_earlier_one_whose_release_then_does_nothing(
    backend: Literal["index", "scan"],
) -> None:
    first = transfer(period=Period.parse("2025-06-07/.."))
    second = transfer(
        "transfer:guard/2025-06-20",
        to_command=NORTHCOM,
        from_command=None,
        period=Period.parse("2025-06-20/2025-08-01"),
        legal_status="title-32",
        legal_basis=(),
    )
    corpus = corpus_of(backend, control_transfers=(first, second))
    answer = corpus.command_on(GUARD, "2025-07-01")
    assert (answer.authority, answer.legal_status, answer.by) == (
        NORTHCOM,
        "title-32",
        "transfer:guard/2025-06-20",
    )
    # the second names no home to return to: the force goes home (the first's from_command)
    assert corpus.command_on(GUARD, "2025-08-02").authority == GOVERNOR
    early_release = transfer(period=Period.parse("2025-06-07/2025-06-30"))
    corpus = corpus_of(backend, control_transfers=(early_release, second))
    assert corpus.command_on(GUARD, "2025-07-01").authority == NORTHCOM  # still the second's


@BACKENDS
def test_a_deployments_command_change_moves_its_unit(backend: Literal["index", "scan"]) -> None:
    deployment = Deployment(
        id="deployment:us/dod/2025-06/los-angeles",
        agency=NORTHCOM,
        legal_basis=(ORDER,),
        command_changes=(
            CommandChange(
                date=PartialDate.parse("2025-06-07T18:00-07:00"),
                unit=GUARD,
                to_command=TASK_FORCE,
                from_command=GOVERNOR,
            ),
        ),
    )
    corpus = corpus_of(backend, deployments=(deployment,))
    answer = corpus.command_on(GUARD, "2025-06-09")
    assert (answer.authority, answer.by, answer.legal_basis, answer.legal_status) == (
        TASK_FORCE,
        deployment.id,
        (ORDER,),
        None,
    )
    assert corpus.command_on(GUARD, "2025-06-07T17:59-07:00").authority == GOVERNOR
    assert corpus.command_on(GUARD, "2025-06-07T18:00-07:00").authority == TASK_FORCE
    # a day is a UTC day: 18:00 at -07:00 is 01:00 on the 8th
    assert corpus.command_on(GUARD, "2025-06-07").certain
    day = corpus.command_on(GUARD, "2025-06-08")
    assert (day.authority, day.certain, day.possible) == (GOVERNOR, False, (GOVERNOR, TASK_FORCE))


@BACKENDS
def test_a_person_in_command_continues_the_chain_through_their_role(
    backend: Literal["index", "scan"],
) -> None:
    person = Person(id="person:gavin-newsom", name="Gavin Newsom")
    role = Role(
        id="role:newsom/governor",
        person=person.id,
        organization=GOVERNOR,
        title="Governor",
        period=Period.parse("2019-01-07/.."),
    )
    corpus = corpus_of(
        backend,
        persons=(person,),
        roles=(role,),
        control_transfers=(transfer(from_command=person.id),),
    )
    home = corpus.command_on(GUARD, "2025-01-01")
    assert (home.authority, home.chain) == (person.id, (person.id, GOVERNOR, CA))


@BACKENDS
def test_without_records_the_home_is_the_parent_agency_else_the_jurisdiction(
    backend: Literal["index", "scan"],
) -> None:
    corpus = corpus_of(backend)
    assert corpus.command_on(TASK_FORCE, "2025-06-07").chain == (NORTHCOM, DOD, PRESIDENT, US)
    guard = corpus.command_on(GUARD, "2025-06-07")
    assert (guard.authority, guard.chain, guard.evidence, guard.certain) == (CA, (CA,), (), True)


def test_the_shipped_stories_units_are_under_their_parent_agencies() -> None:
    corpus = Corpus([la_story(), grants_story()])
    unit = "agency:us/dhs/cbp/border-patrol/tactical-units"
    answer = corpus.command_on(unit, "2020-02-14")
    assert answer.chain == (
        "agency:us/dhs/cbp/border-patrol",
        "agency:us/dhs/cbp",
        "agency:us/dhs",
        US,
    )
    assert (answer.by, answer.evidence, answer.certain) == (None, (), True)


def test_a_transfer_of_a_same_as_id_moves_the_force() -> None:
    alias = Agency(id="agency:us/ca/cng", name="CalGuard", kind=AgencyKind.NATIONAL_GUARD)
    corpus = Corpus(
        [
            Story(
                id="story:guard",
                title="Guard",
                jurisdictions=PLACES,
                agencies=(*AGENCIES, alias),
                laws=(MEMO,),
                relations=(
                    Relation(
                        id="relation:same-guard",
                        subject=GUARD,
                        predicate=Predicate.SAME_AS,
                        object=alias.id,
                    ),
                ),
                control_transfers=(transfer(force=alias.id),),
            )
        ],
        gazetteer=None,
    )
    assert corpus.command_on(GUARD, "2025-06-10").authority == TASK_FORCE


def test_unknown_and_wrong_kind_ids_are_clear_errors() -> None:
    corpus = corpus_of(control_transfers=(transfer(),))
    with pytest.raises(UnknownEntityError, match="nobody"):
        corpus.command_on("nobody", "2025-06-07")
    with pytest.raises(TargetKindError, match="a jurisdiction: it takes an agency"):
        corpus.command_on(CA, "2025-06-07")
    with pytest.raises(ValueError, match="2025-13"):
        corpus.command_on(GUARD, "2025-13")
