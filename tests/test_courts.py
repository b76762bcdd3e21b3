"""Courts in the model: :class:`LegalCase`, :class:`Docket`, :class:`Party`, :class:`Ruling`,
:class:`Outcome` and :class:`Scope` — examples, invalid input with codes and fields, and story
problems with codes and paths."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from helpers import CA, US, law, person, story
from policyconflict import (
    Agency,
    AgencyKind,
    Docket,
    LegalCase,
    Outcome,
    OutcomeEffect,
    PartialDate,
    Party,
    PartyRole,
    Period,
    Ruling,
    RulingKind,
    Scope,
    ShapeError,
    ValidationError,
)
from policyconflict.dates import Certainty

COURT = "agency:us/court"
CASE = "case:us/court/1-17-cv-1"


def court(kind: AgencyKind = AgencyKind.COURT) -> Agency:
    return Agency(id=COURT, name="A court", kind=kind)


def case(**changes: Any) -> LegalCase:
    fields: dict[str, Any] = {
        "id": CASE,
        "name": "X v. Y",
        "dockets": (Docket(court=COURT, number="1:17-cv-1"),),
    }
    return LegalCase(**(fields | changes))


def ruling(**changes: Any) -> Ruling:
    fields: dict[str, Any] = {
        "id": "ruling:x/2018-07-05/preliminary-injunction",
        "case": CASE,
        "court": COURT,
        "date": PartialDate.parse("2018-07-05"),
        "kind": RulingKind.PRELIMINARY_INJUNCTION,
        "outcomes": (Outcome(target="law:us/ca/2017-2018/sb-54", effect=OutcomeEffect.ENJOINS),),
    }
    return Ruling(**(fields | changes))


def test_a_ruling_takes_effect_at_its_date_or_stated_time_or_never() -> None:
    assert ruling().effective_from == PartialDate.parse("2018-07-05")
    later = PartialDate.parse("2018-07-06T17:00-07:00")
    assert ruling(takes_effect=later).effective_from == later
    assert ruling(no_effect=True).effective_from is None


def test_targets_lists_each_target_once() -> None:
    both = ruling(
        outcomes=(
            Outcome(target="law:a", effect=OutcomeEffect.AFFIRMS),
            Outcome(target="law:a", effect=OutcomeEffect.VACATES, scope=Scope(excluding=(CA,))),
            Outcome(target="law:b", effect=OutcomeEffect.ENJOINS),
        )
    )
    assert both.targets == ("law:a", "law:b")


def test_parties_on_a_date_follow_official_capacity_succession() -> None:
    first = Party(
        entity="person:a",
        role=PartyRole.DEFENDANT,
        official_capacity=True,
        period=Period.parse("2017-08-07/2018-11-07"),
    )
    second = Party(
        entity="person:b",
        role=PartyRole.DEFENDANT,
        official_capacity=True,
        period=Period.parse("2018-11-07/"),
    )
    plaintiff = Party(entity=US, role=PartyRole.PLAINTIFF)
    suit = case(parties=(plaintiff, first, second))
    assert suit.parties_on(PartialDate.parse("2018-01")) == (plaintiff, first)
    day = PartialDate.parse("2018-11-07")
    assert suit.parties_on(day, certainty=Certainty.SURELY) == (plaintiff, first)
    assert suit.parties_on(day, certainty=Certainty.MAY) == (plaintiff, first, second)


def test_parties_on_defaults_to_may_like_every_question() -> None:
    first = Party(entity="person:a", role=PartyRole.DEFENDANT, period=Period.parse("2017/2018-11"))
    second = Party(entity="person:b", role=PartyRole.DEFENDANT, period=Period.parse("2018-11/.."))
    suit = case(parties=(first, second))
    # November 2018 may belong to either (the handover day is not known): both may be parties.
    assert suit.parties_on(PartialDate.parse("2018-11")) == (first, second)
    assert suit.parties_on(PartialDate.parse("2018-11"), certainty=Certainty.SURELY) == ()


def test_a_voluntary_dismissal_ends_one_plaintiffs_period_while_the_case_goes_on() -> None:
    leaving = Party(
        entity="org:a",
        role=PartyRole.PLAINTIFF,
        period=Period.parse("2018-01-01/2018-03-01"),
        note="Dismissed its claims voluntarily; the other plaintiffs went on.",
    )
    staying = Party(entity="org:b", role=PartyRole.PLAINTIFF)
    suit = case(parties=(leaving, staying))
    assert suit.parties_on(PartialDate.parse("2018-06")) == (staying,)


def test_dockets_in_one_court_and_in_appeals() -> None:
    appeals = "agency:us/ca9"
    suit = case(
        dockets=(
            Docket(court=COURT, number="1:17-cv-1"),
            Docket(court=appeals, number="17-100"),
            Docket(court=appeals, number="18-200"),
        )
    )
    assert [d.number for d in suit.dockets_in(appeals)] == ["17-100", "18-200"]


def test_scope_everywhere() -> None:
    assert Scope().everywhere
    assert not Scope(excluding=(CA,)).everywhere


INVALID: dict[str, tuple[Callable[[], object], str, str]] = {
    "case consolidated with itself": (
        lambda: case(consolidated_with=(CASE,)),
        "self-reference",
        "consolidated_with",
    ),
    "case with an empty name": (lambda: case(name=" "), "empty", "name"),
    "docket with an empty number": (
        lambda: Docket(court=COURT, number=""),
        "empty",
        "number",
    ),
    "party with a role that is not a role": (
        lambda: Party(entity="person:a", role="judge"),  # type: ignore[arg-type]
        "wrong-type",
        "role",
    ),
    "party with a capacity that is not a bool": (
        lambda: Party(entity="person:a", role=PartyRole.DEFENDANT, official_capacity=1),  # type: ignore[arg-type]
        "wrong-type",
        "official_capacity",
    ),
    "ruling that targets itself": (
        lambda: ruling(
            outcomes=(
                Outcome(
                    target="ruling:x/2018-07-05/preliminary-injunction",
                    effect=OutcomeEffect.STAYS,
                ),
            )
        ),
        "self-reference",
        "outcomes",
    ),
    "ruling taking effect before its date": (
        lambda: ruling(takes_effect=PartialDate.parse("2018-07-04")),
        "end-before-start",
        "takes_effect",
    ),
    "ruling with no effect and an effect date": (
        lambda: ruling(no_effect=True, takes_effect=PartialDate.parse("2018-07-06")),
        "unexpected-field",
        "takes_effect",
    ),
    "ruling with a date as text": (lambda: ruling(date="2018-07-05"), "wrong-type", "date"),
    "outcome with an unknown effect": (
        lambda: Outcome(target="law:a", effect="overrules"),  # type: ignore[arg-type]
        "wrong-type",
        "effect",
    ),
    "scope with a place both in and out": (
        lambda: Scope(places=(CA,), excluding=(CA,)),
        "contradiction",
        "excluding",
    ),
    "scope with a class that is not a topic word": (
        lambda: Scope(applies_to="Private Employers"),
        "bad-topic",
        "applies_to",
    ),
    "scope naming a place twice": (lambda: Scope(excluding=(CA, CA)), "duplicate", "excluding"),
}


@pytest.mark.parametrize("name", sorted(INVALID))
def test_invalid_court_values_raise_shape_errors_with_code_and_field(name: str) -> None:
    make, code, field = INVALID[name]
    with pytest.raises(ShapeError) as caught:
        make()
    assert (caught.value.code, caught.value.field) == (code, field)


STORY_PROBLEMS: dict[str, tuple[Callable[[], object], str, str]] = {
    "ruling in a case that does not exist": (
        lambda: story(agencies=(court(),), rulings=(ruling(),), laws=(law(),)),
        "unknown-reference",
        "$.rulings[0].case",
    ),
    "ruling whose court is not a court": (
        lambda: story(
            agencies=(court(AgencyKind.POLICE),),
            legal_cases=(case(),),
            rulings=(ruling(),),
            laws=(law(),),
        ),
        "not-a-court",
        "$.rulings[0].court",
    ),
    "docket in a court that is not a court": (
        lambda: story(agencies=(court(AgencyKind.PROSECUTOR),), legal_cases=(case(),)),
        "not-a-court",
        "$.legal_cases[0].dockets[0].court",
    ),
    "outcome whose target does not exist": (
        lambda: story(agencies=(court(),), legal_cases=(case(),), rulings=(ruling(),)),
        "unknown-reference",
        "$.rulings[0].outcomes[0].target",
    ),
    "scope excluding a place that does not exist": (
        lambda: story(
            agencies=(court(),),
            legal_cases=(case(),),
            laws=(law(),),
            rulings=(
                ruling(
                    outcomes=(
                        Outcome(
                            target=law().id,
                            effect=OutcomeEffect.ENJOINS,
                            scope=Scope(excluding=("ocd-division/country:us/state:tx",)),
                        ),
                    )
                ),
            ),
        ),
        "unknown-reference",
        "$.rulings[0].outcomes[0].scope.excluding[0]",
    ),
    "party that is a law": (
        lambda: story(
            agencies=(court(),),
            laws=(law(),),
            legal_cases=(case(parties=(Party(entity=law().id, role=PartyRole.PLAINTIFF),)),),
        ),
        "wrong-kind",
        "$.legal_cases[0].parties[0].entity",
    ),
    "judge who is not a person": (
        lambda: story(
            agencies=(court(),),
            legal_cases=(case(),),
            laws=(law(),),
            rulings=(ruling(judges=(COURT,)),),
        ),
        "wrong-kind",
        "$.rulings[0].judges[0]",
    ),
}


@pytest.mark.parametrize("name", sorted(STORY_PROBLEMS))
def test_story_problems_in_courts_have_codes_and_paths(name: str) -> None:
    make, code, path = STORY_PROBLEMS[name]
    with pytest.raises(ValidationError) as caught:
        make()
    assert (code, path) in set(zip(caught.value.codes, caught.value.paths, strict=True))


def test_a_valid_case_with_rulings_makes_a_story() -> None:
    told = story(
        agencies=(court(),),
        persons=(person(),),
        laws=(law(),),
        legal_cases=(case(parties=(Party(entity=person().id, role=PartyRole.PLAINTIFF),)),),
        rulings=(ruling(judges=(person().id,)),),
    )
    assert told.get(CASE) == told.legal_cases[0]


@given(st.lists(st.sampled_from((US, CA)), max_size=2, unique=True), st.booleans())
def test_scope_places_and_exclusions_never_overlap(places: list[str], flip: bool) -> None:
    rest = tuple(p for p in (US, CA) if p not in places)
    scope = Scope(places=tuple(places), excluding=rest) if flip else Scope(excluding=rest)
    assert not set(scope.places) & set(scope.excluding)
