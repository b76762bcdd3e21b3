"""Law status over time (:func:`policyconflict.status.status_on`): worked examples, then the
laws it obeys as property tests."""

from __future__ import annotations

import datetime as dt
from typing import Any

import attrs
import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from policyconflict import (
    Agency,
    AgencyKind,
    Deployment,
    Jurisdiction,
    JurisdictionLevel,
    Law,
    LawKind,
    LegalCase,
    Outcome,
    OutcomeEffect,
    PartialDate,
    Period,
    Provision,
    ProvisionEffect,
    Ruling,
    RulingKind,
    Scope,
    Story,
)
from policyconflict.dates import Certainty
from policyconflict.query import Corpus
from policyconflict.status import LawState, LawStatus, StatusPiece, status_on

US = "ocd-division/country:us"
IL = f"{US}/state:il"
COOK = f"{IL}/county:cook"
CHICAGO = f"{IL}/place:chicago"
TX = f"{US}/state:tx"
PLACES = (
    Jurisdiction(id=US, name="United States", level=JurisdictionLevel.COUNTRY),
    Jurisdiction(id=IL, name="Illinois", level=JurisdictionLevel.STATE, parent=US),
    Jurisdiction(id=COOK, name="Cook County", level=JurisdictionLevel.COUNTY, parent=IL),
    Jurisdiction(id=CHICAGO, name="Chicago", level=JurisdictionLevel.CITY, parent=COOK),
    Jurisdiction(id=TX, name="Texas", level=JurisdictionLevel.STATE, parent=US),
)
LAW = "law:us/grant-conditions"
NOTICE = f"{LAW}#notice"
ACCESS = f"{LAW}#access"
S = LawState


def d(text: str) -> PartialDate:
    return PartialDate.parse(text)


def law(**changes: Any) -> Law:
    fields: dict[str, Any] = {
        "id": LAW,
        "kind": LawKind.AGENCY_POLICY,
        "jurisdiction": US,
        "title": "Grant conditions",
        "effective": d("2017-07-25"),
        "provisions": (
            Provision(id=NOTICE, label="notice", effect=ProvisionEffect.REQUIRES),
            Provision(id=ACCESS, label="access", effect=ProvisionEffect.REQUIRES),
        ),
    }
    return Law(**(fields | changes))


def ruling(
    id: str,
    date: str,
    *outcomes: tuple[str, OutcomeEffect] | tuple[str, OutcomeEffect, Scope],
    **changes: Any,
) -> Ruling:
    return Ruling(
        id=id,
        case="case:x",
        court="agency:us/court",
        date=d(date),
        kind=changes.pop("kind", RulingKind.OTHER),
        outcomes=tuple(
            Outcome(target=o[0], effect=o[1], scope=o[2] if len(o) == 3 else Scope())
            for o in outcomes
        ),
        **changes,
    )


def status(at: str, *rulings: Ruling, **kwargs: Any) -> LawStatus:
    target = kwargs.pop("law", None) or law()
    return status_on(target, at, story=(*rulings, *PLACES), **kwargs)


ENJOINS, STAYS, VACATES = OutcomeEffect.ENJOINS, OutcomeEffect.STAYS, OutcomeEffect.VACATES
PI = ruling("ruling:pi", "2017-09-15", (LAW, ENJOINS))


# -- the law's own dates -----------------------------------------------------------------------


def test_before_effective_date_not_yet_effective_then_in_force_from_the_first_day() -> None:
    assert status("2017-07-24").state is S.NOT_YET_EFFECTIVE
    assert status("2017-07-25").state is S.IN_FORCE
    assert status("2017").state is S.PARTLY_IN_FORCE


def test_expired_and_repealed_after_the_last_day() -> None:
    expiring = law(expires=d("2018-09-30"), repealed=d("2019-01-31"))
    assert status("2018-09-30", law=expiring).state is S.IN_FORCE
    assert status("2018-10-01", law=expiring).state is S.EXPIRED
    repealed = law(repealed=d("2018-09-30"))
    assert status("2018-10", law=repealed).state is S.REPEALED


def test_unknown_effective_date_is_unknown_after_signing() -> None:
    undated = law(effective=None, signed=d("2017-07-20"))
    assert status("2017-07-19", law=undated).state is S.NOT_YET_EFFECTIVE
    later = status("2020-01-01", law=undated)
    assert later.state is S.UNKNOWN
    assert later.possible == {S.NOT_YET_EFFECTIVE, S.IN_FORCE}


def test_a_law_repealed_at_a_minute_is_in_force_until_that_minute_ends() -> None:
    repealed = law(repealed=d("2018-03-01T12:00-05:00"))
    result = status("2018-03-01", law=repealed)
    assert result.state is S.PARTLY_IN_FORCE
    assert [(str(p.until), p.state) for p in result.pieces] == [
        ("2018-03-01T12:01-05:00", S.IN_FORCE),
        ("None", S.REPEALED),
    ]


def test_a_bill_is_not_in_force_until_it_is_enacted() -> None:
    bill = law(kind=LawKind.BILL, effective=None)
    for at in ("1990", "2017-09-15", "2030"):
        result = status(at, law=bill)
        assert result.state is S.NOT_YET_EFFECTIVE
        assert result.possible == {S.NOT_YET_EFFECTIVE}
    signed = law(kind=LawKind.BILL, effective=None, signed=d("2017-07-20"))
    assert status("2017-07-19", law=signed).state is S.NOT_YET_EFFECTIVE
    assert status("2020", law=signed).possible == {S.NOT_YET_EFFECTIVE, S.IN_FORCE}
    dated = law(kind=LawKind.BILL)
    assert status("2017-07-25", law=dated).state is S.IN_FORCE


@pytest.mark.parametrize("kind", [k for k in LawKind if k is not LawKind.BILL])
def test_other_kinds_without_an_effective_date_may_be_in_force_at_any_time(kind: LawKind) -> None:
    undated = law(kind=kind, effective=None)
    assert status("1990", law=undated).possible == {S.NOT_YET_EFFECTIVE, S.IN_FORCE}


@pytest.mark.parametrize("indexed", [True, False])
def test_laws_in_force_leaves_out_a_bill_that_never_became_law(indexed: bool) -> None:
    bill = law(id="law:us/bill", kind=LawKind.BILL, effective=None, provisions=())
    undated = law(id="law:us/undated", effective=None, provisions=())
    told = Story.from_entities(id="story:t", title="T", entities=(*PLACES, bill, undated))
    corpus = Corpus([told], indexed=indexed, gazetteer=None)
    assert [x.id for x in corpus.laws_in_force(CHICAGO, "1990")] == ["law:us/undated"]
    assert [x.id for x in corpus.laws_in_force(CHICAGO, "2020-01-01")] == ["law:us/undated"]


# -- rulings -----------------------------------------------------------------------------------


def test_injunction_blocks_from_its_day_with_the_ruling_as_evidence() -> None:
    assert status("2017-09-14", PI).state is S.IN_FORCE
    on = status("2017-09-15", PI)
    assert on.state is S.ENJOINED
    assert on.evidence == ("ruling:pi",)


def test_a_law_enforceable_for_a_few_hours_of_one_day() -> None:
    tro = ruling("ruling:tro", "2017-09-15T09:00-05:00", (LAW, ENJOINS))
    stay = ruling("ruling:stay", "2017-09-15T13:30-05:00", ("ruling:tro", STAYS))
    back = ruling("ruling:lift", "2017-09-15T17:00-05:00", ("ruling:stay", VACATES))
    result = status("2017-09-15", tro, stay, back)
    assert result.state is S.PARTLY_IN_FORCE
    assert [(str(p.start), str(p.until), p.state) for p in result.pieces] == [
        ("None", "2017-09-15T09:00-05:00", S.IN_FORCE),
        ("2017-09-15T09:00-05:00", "2017-09-15T13:30-05:00", S.ENJOINED),
        ("2017-09-15T13:30-05:00", "2017-09-15T17:00-05:00", S.IN_FORCE),
        ("2017-09-15T17:00-05:00", "None", S.ENJOINED),
    ]
    assert status("2017-09-16", tro, stay, back).state is S.ENJOINED


def test_struck_beats_enjoined_beats_stayed() -> None:
    a = ruling("ruling:a", "2017-09-01", (LAW, STAYS))
    b = ruling("ruling:b", "2017-09-02", (LAW, ENJOINS))
    c = ruling("ruling:c", "2017-09-03", (LAW, OutcomeEffect.STRIKES))
    assert status("2017-09-01", a, b, c).state is S.STAYED
    assert status("2017-09-02", a, b, c).state is S.ENJOINED
    assert status("2017-09-03", a, b, c).state is S.STRUCK


def test_upholding_and_denying_change_nothing_but_are_evidence() -> None:
    upheld = ruling("ruling:up", "2017-09-01", (LAW, OutcomeEffect.UPHOLDS))
    result = status("2017-10-01", upheld)
    assert result.state is S.IN_FORCE
    assert result.evidence == ("ruling:up",)


def test_lifting_an_injunction_ends_it() -> None:
    lift = ruling("ruling:lift", "2018-01-10", ("ruling:pi", OutcomeEffect.LIFTS))
    assert status("2018-01-09", PI, lift).state is S.ENJOINED
    assert status("2018-01-10", PI, lift).state is S.IN_FORCE


def test_lifts_on_the_law_ends_earlier_blocks_only() -> None:
    lift = ruling("ruling:lift", "2018-01-10", (LAW, OutcomeEffect.LIFTS))
    later = ruling("ruling:later", "2018-02-01", (LAW, ENJOINS))
    assert status("2018-01-20", PI, lift, later).state is S.IN_FORCE
    assert status("2018-02-02", PI, lift, later).state is S.ENJOINED


def test_appellate_reversal_ends_the_injunction() -> None:
    reversal = ruling(
        "ruling:appeal",
        "2018-04-19",
        ("ruling:pi", OutcomeEffect.REVERSES),
        kind=RulingKind.REVERSED,
    )
    assert status("2018-04-19", PI, reversal).state is S.IN_FORCE
    assert status("2018-04-18", PI, reversal).state is S.ENJOINED


def test_staying_a_stay_restores_the_injunction() -> None:
    stay = ruling("ruling:stay", "2017-10-01", ("ruling:pi", STAYS))
    unstay = ruling("ruling:unstay", "2017-11-01", ("ruling:stay", STAYS))
    assert status("2017-10-15", PI, stay, unstay).state is S.IN_FORCE
    result = status("2017-11-15", PI, stay, unstay)
    assert result.state is S.ENJOINED
    assert result.evidence == ("ruling:pi", "ruling:unstay")


def test_a_ruling_that_takes_effect_later_blocks_from_then() -> None:
    delayed = ruling("ruling:pi", "2017-09-15", (LAW, ENJOINS), takes_effect=d("2017-09-29"))
    assert status("2017-09-20", delayed).state is S.IN_FORCE
    assert status("2017-09-29", delayed).state is S.ENJOINED


def test_a_ruling_that_never_took_effect_blocks_nothing() -> None:
    never = ruling("ruling:pi", "2017-09-15", (LAW, ENJOINS), no_effect=True)
    result = status("2017-10", never)
    assert result.state is S.IN_FORCE
    assert result.evidence == ()


# -- scope -------------------------------------------------------------------------------------


def test_an_injunction_for_one_city_holds_within_it_and_not_elsewhere() -> None:
    local = ruling("ruling:pi", "2017-09-15", (LAW, ENJOINS, Scope(places=(CHICAGO,))))
    assert status("2017-10-01", local, place=CHICAGO).state is S.ENJOINED
    assert status("2017-10-01", local, place=TX).state is S.IN_FORCE
    assert status("2017-10-01", local, place=IL).state is S.PARTLY_IN_FORCE
    everywhere = status("2017-10-01", local)
    assert everywhere.state is S.PARTLY_IN_FORCE
    assert {(p.place, p.excluding, p.state) for p in everywhere.pieces} == {
        (CHICAGO, (), S.ENJOINED),
        (None, (CHICAGO,), S.IN_FORCE),
    }


def test_a_statewide_injunction_holds_in_its_counties_and_cities() -> None:
    state = ruling("ruling:pi", "2017-09-15", (LAW, ENJOINS, Scope(places=(IL,))))
    assert status("2017-10-01", state, place=CHICAGO).state is S.ENJOINED
    assert status("2017-10-01", state, place=COOK).state is S.ENJOINED


def test_a_loop_of_parent_places_among_loose_entities_is_followed_once() -> None:
    # Loose entities are not checked as a Story is, so places may name each other as parents;
    # the answer still comes, and an injunction for one place of the loop reaches the other.
    a, b = f"{US}/state:aa", f"{US}/state:bb"
    loop = (
        Jurisdiction(id=a, name="A", level=JurisdictionLevel.STATE, parent=b),
        Jurisdiction(id=b, name="B", level=JurisdictionLevel.STATE, parent=a),
    )
    for scoped, expected in ((TX, S.IN_FORCE), (b, S.ENJOINED)):
        pi = ruling("ruling:pi", "2017-09-15", (LAW, ENJOINS, Scope(places=(scoped,))))
        found = status_on(law(), "2017-10-01", story=(pi, *PLACES, *loop), place=a)
        assert found.state is expected


def test_staying_the_nationwide_reach_keeps_the_injunction_for_the_plaintiff() -> None:
    stay = ruling("ruling:stay", "2018-06", ("ruling:pi", STAYS, Scope(excluding=(CHICAGO,))))
    assert status("2018-07-01", PI, stay, place=CHICAGO).state is S.ENJOINED
    assert status("2018-07-01", PI, stay, place=TX).state is S.IN_FORCE
    during = status("2018-06-15", PI, stay, place=TX)
    assert during.state is S.UNKNOWN
    assert during.possible == {S.ENJOINED, S.IN_FORCE}
    assert during.may_be(S.IN_FORCE)
    assert not during.surely(S.ENJOINED)


def test_an_injunction_as_applied_to_one_class() -> None:
    scoped = Scope(applies_to="private-employers")
    pi = ruling("ruling:pi", "2017-09-15", (LAW, ENJOINS, scoped))
    assert status("2017-10", pi, applies_to="private-employers").state is S.ENJOINED
    assert status("2017-10", pi, applies_to="cities").state is S.IN_FORCE
    everyone = status("2017-10", pi)
    assert everyone.state is S.PARTLY_IN_FORCE
    assert {(p.applies_to, p.excluding_classes) for p in everyone.pieces} == {
        ("private-employers", ()),
        (None, ("private-employers",)),
    }


def test_one_provision_enjoined_leaves_the_law_partly_in_force() -> None:
    pi = ruling("ruling:pi", "2017-09-15", (NOTICE, ENJOINS))
    assert status("2017-10", pi).state is S.PARTLY_IN_FORCE
    assert status("2017-10", pi, provision=NOTICE).state is S.ENJOINED
    assert status("2017-10", pi, provision=ACCESS).state is S.IN_FORCE
    both = ruling("ruling:pi", "2017-09-15", (NOTICE, ENJOINS), (ACCESS, ENJOINS))
    assert status("2017-10", both).state is S.ENJOINED


def test_an_injunction_of_the_law_reaches_each_provision() -> None:
    assert status("2017-10", PI, provision=ACCESS).state is S.ENJOINED


# -- certainty ---------------------------------------------------------------------------------


def test_a_ruling_dated_to_the_month_may_or_may_not_have_taken_effect_within_it() -> None:
    vague = ruling("ruling:pi", "2017-09", (LAW, ENJOINS))
    assert status("2017-08-31", vague).state is S.IN_FORCE
    mid = status("2017-09-10", vague)
    assert mid.state is S.UNKNOWN
    assert mid.possible == {S.IN_FORCE, S.ENJOINED}
    assert status("2017-09-30", vague).state is S.ENJOINED
    assert status("2017-10-01", vague).state is S.ENJOINED


def test_up_to_twelve_changes_of_uncertain_date_are_followed_and_more_are_unknown() -> None:
    month = [ruling(f"ruling:pi{i:02d}", "2017-09", (LAW, ENJOINS)) for i in range(13)]
    followed = status("2017-09-15", *month[:12])
    assert followed.possible == {S.ENJOINED, S.IN_FORCE}
    assert followed.evidence == tuple(r.id for r in month[:12])
    too_many = status("2017-09-15", *month)
    assert (too_many.state, too_many.possible, too_many.evidence) == (
        S.UNKNOWN,
        frozenset({S.UNKNOWN}),
        (),
    )


def test_answers_at_the_precision_asked() -> None:
    assert status("2017-09", PI).state is S.PARTLY_IN_FORCE
    assert status("2017-09-15T08:00-05:00", PI).state is S.ENJOINED
    period = status_on(law(), Period.parse("2017-08-01/2017-08-31"), story=(PI,))
    assert period.state is S.IN_FORCE
    assert status_on(law(), dt.date(2017, 9, 16), story=(PI,)).state is S.ENJOINED


def test_bad_arguments_are_refused() -> None:
    with pytest.raises(ValueError, match="not a provision"):
        status("2017-10", provision="law:other#x")
    with pytest.raises(TypeError):
        status_on(law(), 2017, story=())  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="rulings and jurisdictions"):
        status_on(law(), "2017", story=("ruling:pi",))  # type: ignore[arg-type]


def test_a_corpus_or_any_entities_give_the_rulings_and_places() -> None:
    local = ruling("ruling:pi", "2017-09-15", (LAW, ENJOINS, Scope(places=(IL,))))
    court = Agency(id="agency:us/court", name="A court", kind=AgencyKind.COURT)
    case = LegalCase(id="case:x", name="X v. United States")
    told = Story.from_entities(
        id="story:t", title="T", entities=(*PLACES, law(), court, case, local)
    )
    expected = status("2017-10-01", local, place=CHICAGO)
    assert expected.state is S.ENJOINED
    for story in (told, Corpus([told], gazetteer=None), list(told.entities())):
        assert status_on(law(), "2017-10-01", story=story, place=CHICAGO) == expected


def test_status_of_anything_but_a_law_is_a_clear_type_error() -> None:
    deployment = Deployment(
        id="deployment:x", agency="agency:us/court", period=Period.parse("2017/2018")
    )
    with pytest.raises(TypeError, match=r"status_on\(\) takes a Law .* not a Deployment"):
        status_on(deployment, "2017", story=())  # type: ignore[arg-type]


# -- laws (property tests) ---------------------------------------------------------------------

_DAYS = st.integers(min_value=0, max_value=120).map(
    lambda n: dt.date(2017, 9, 1) + dt.timedelta(days=n)
)


@st.composite
def dates(draw: st.DrawFn) -> PartialDate:
    """Dates near each other, known to the month, the day or the minute."""
    day = draw(_DAYS)
    precision = draw(st.sampled_from(("month", "day", "day", "minute")))
    if precision == "month":
        return PartialDate(year=day.year, month=day.month)
    if precision == "day":
        return PartialDate.from_date(day)
    hour = draw(st.integers(min_value=0, max_value=23))
    return PartialDate(
        year=day.year, month=day.month, day=day.day, hour=hour, minute=0, utc_offset=-300
    )


SCOPES = st.builds(
    Scope,
    places=st.sampled_from(((), (IL,), (CHICAGO,))),
    excluding=st.sampled_from(((), (TX,))),
    applies_to=st.sampled_from((None, "private-employers")),
)
BLOCKS = st.sampled_from(
    (OutcomeEffect.ENJOINS, OutcomeEffect.STAYS, OutcomeEffect.STRIKES, OutcomeEffect.LIFTS)
)
TARGETS = st.sampled_from((LAW, NOTICE, ACCESS))


@st.composite
def laws(draw: st.DrawFn) -> Law:
    effective = draw(st.one_of(st.none(), dates()))
    expires = draw(st.one_of(st.none(), dates()))
    if (
        effective is not None
        and expires is not None
        and expires.latest_key < effective.earliest_key
    ):
        effective, expires = expires, effective
    return law(effective=effective, expires=expires, signed=None)


@st.composite
def law_rulings(draw: st.DrawFn, prefix: str = "ruling:r") -> tuple[Ruling, ...]:
    """Rulings on the law and its provisions, and rulings staying or vacating those."""
    made: list[Ruling] = []
    for i in range(draw(st.integers(min_value=0, max_value=4))):
        outcomes = [Outcome(target=draw(TARGETS), effect=draw(BLOCKS), scope=draw(SCOPES))]
        chained: bool = draw(st.booleans())
        if made and chained:
            effect = draw(st.sampled_from((STAYS, VACATES, OutcomeEffect.LIFTS)))
            target = draw(st.sampled_from([r.id for r in made]))
            outcomes.append(Outcome(target=target, effect=effect, scope=draw(SCOPES)))
        made.append(
            Ruling(
                id=f"{prefix}{i}",
                case="case:x",
                court="agency:us/court",
                date=draw(dates()),
                kind=RulingKind.OTHER,
                outcomes=tuple(dict.fromkeys(outcomes)),
            )
        )
    return tuple(made)


ASKED = st.one_of(dates(), _DAYS.map(PartialDate.from_date))
WHERE = st.sampled_from((None, US, IL, CHICAGO, TX))
CLASSES = st.sampled_from((None, "private-employers", "cities"))


def _answer(result: LawStatus) -> tuple[LawState, frozenset[LawState]]:
    return result.state, result.possible


def _ask(target: Law, at: PartialDate, rulings: tuple[Ruling, ...], **kw: Any) -> LawStatus:
    return status_on(target, at, story=(*rulings, *PLACES), **kw)


def _surely_after(at: PartialDate, date: PartialDate) -> bool:
    """Whether everything in ``at`` comes after a change dated ``date`` has surely happened."""
    last = (
        date.earliest_key
        if date.hour is not None
        else PartialDate.from_date(date.latest).earliest_key
    )
    return at.earliest_key >= last


def _surely_after_the_day(at: PartialDate, date: PartialDate) -> bool:
    """Whether everything in ``at`` comes after all of ``date``'s last day (or its moment)."""
    if date.hour is not None:
        return _surely_after(at, date)
    return at.earliest_key > PartialDate.from_date(date.latest).latest_key


@given(laws(), law_rulings(), dates(), ASKED, WHERE, CLASSES)
def test_a_ruling_with_no_effect_changes_nothing(
    target: Law,
    rulings: tuple[Ruling, ...],
    date: PartialDate,
    at: PartialDate,
    place: str | None,
    cls: str | None,
) -> None:
    never = Ruling(
        id="ruling:never",
        case="case:x",
        court="agency:us/court",
        date=date,
        kind=RulingKind.TEMPORARY_RESTRAINING_ORDER,
        outcomes=(
            Outcome(target=LAW, effect=ENJOINS, scope=Scope(places=(TX,))),
            *(Outcome(target=r.id, effect=VACATES) for r in rulings),
        ),
        no_effect=True,
    )
    kw = {"place": place, "applies_to": cls}
    assert _ask(target, at, (*rulings, never), **kw) == _ask(target, at, rulings, **kw)


@given(laws(), law_rulings(), dates(), dates(), ASKED, WHERE, CLASSES)
def test_staying_an_injunction_restores_the_status_before_it(
    target: Law,
    rulings: tuple[Ruling, ...],
    enjoined: PartialDate,
    stayed: PartialDate,
    at: PartialDate,
    place: str | None,
    cls: str | None,
) -> None:
    # Rulings dated to the same day without a time came in an unknown order (either may be
    # first that day, as may any other ruling of that day): ask after the days have ended.
    assume(_surely_after_the_day(at, stayed) and _surely_after_the_day(at, enjoined))
    injunction = ruling("ruling:injunction", str(enjoined), (LAW, ENJOINS))
    stay = ruling("ruling:stay", str(stayed), ("ruling:injunction", STAYS))
    kw = {"place": place, "applies_to": cls}
    with_both = _ask(target, at, (*rulings, injunction, stay), **kw)
    assert _answer(with_both) == _answer(_ask(target, at, rulings, **kw))


@given(laws(), law_rulings(), law_rulings(prefix="ruling:v"), dates(), ASKED, WHERE, CLASSES)
def test_vacating_a_ruling_removes_its_effect(
    target: Law,
    rulings: tuple[Ruling, ...],
    vacated: tuple[Ruling, ...],
    vacated_on: PartialDate,
    at: PartialDate,
    place: str | None,
    cls: str | None,
) -> None:
    assume(vacated and _surely_after_the_day(at, vacated_on))
    first = attrs.evolve(vacated[0], outcomes=vacated[0].outcomes[:1])
    # a ruling on the same day as others (no time) makes their order that day unknown
    assume(_surely_after_the_day(at, first.date))
    vacatur = ruling("ruling:vacatur", str(vacated_on), (first.id, VACATES))
    kw = {"place": place, "applies_to": cls}
    with_both = _ask(target, at, (*rulings, first, vacatur), **kw)
    assert _answer(with_both) == _answer(_ask(target, at, rulings, **kw))


@given(laws(), law_rulings(), ASKED, WHERE, CLASSES)
def test_status_outside_the_effective_period_is_never_in_force(
    target: Law, rulings: tuple[Ruling, ...], at: PartialDate, place: str | None, cls: str | None
) -> None:
    assume(not target.effective_period.may_contain(at))
    result = _ask(target, at, rulings, place=place, applies_to=cls)
    assert not result.may_be(S.IN_FORCE)
    assert result.state not in (S.IN_FORCE, S.PARTLY_IN_FORCE)


@given(laws(), law_rulings(), ASKED, WHERE, CLASSES, st.randoms(use_true_random=False))
def test_order_of_rulings_does_not_matter(
    target: Law,
    rulings: tuple[Ruling, ...],
    at: PartialDate,
    place: str | None,
    cls: str | None,
    rng: Any,
) -> None:
    shuffled = list(rulings)
    rng.shuffle(shuffled)
    kw = {"place": place, "applies_to": cls}
    assert _ask(target, at, tuple(shuffled), **kw) == _ask(target, at, rulings, **kw)


@given(laws(), law_rulings(), ASKED, WHERE)
def test_the_state_is_one_of_the_possible_states_or_a_summary_of_them(
    target: Law, rulings: tuple[Ruling, ...], at: PartialDate, place: str | None
) -> None:
    result = _ask(target, at, rulings, place=place)
    assert result.possible == frozenset().union(*(p.possible for p in result.pieces))
    if len(result.possible) == 1:
        assert result.possible == {result.state}
    else:
        assert result.state in (S.PARTLY_IN_FORCE, S.NOT_IN_FORCE, S.UNKNOWN)
        assert (result.state is S.PARTLY_IN_FORCE) <= (S.IN_FORCE in result.possible)


# -- what splits an answer ---------------------------------------------------------------------

OTHER = "law:us/other-rule"


def test_a_class_or_place_named_only_about_another_law_does_not_split_the_answer() -> None:
    both = ruling(
        "ruling:pi",
        "2017-09-15",
        (NOTICE, ENJOINS),
        (OTHER, ENJOINS, Scope(applies_to="private-employers")),
        (OTHER, STAYS, Scope(places=(CHICAGO,))),
    )
    result = status("2017-10", both)
    assert result.state is S.PARTLY_IN_FORCE
    assert [(p.target, p.place, p.applies_to, p.state) for p in result.pieces] == [
        (NOTICE, None, None, S.ENJOINED),
        (ACCESS, None, None, S.IN_FORCE),
    ]


@given(laws(), law_rulings(), ASKED, WHERE, CLASSES, SCOPES, BLOCKS)
def test_outcomes_about_another_law_change_nothing(
    target: Law,
    rulings: tuple[Ruling, ...],
    at: PartialDate,
    place: str | None,
    cls: str | None,
    scope: Scope,
    effect: OutcomeEffect,
) -> None:
    extra = Outcome(target=OTHER, effect=effect, scope=scope)
    widened = tuple(attrs.evolve(r, outcomes=(*r.outcomes, extra)) for r in rulings)
    kw = {"place": place, "applies_to": cls}
    assert _ask(target, at, widened, **kw) == _ask(target, at, rulings, **kw)


# -- questions about laws answered by the matching provisions -----------------------------------

ICE, CBP_ = "agency:us/dhs/ice", "agency:us/dhs/cbp"
DETAINERS = f"{LAW}#detainers"


def _cooperation_story(*targets: str) -> Story:
    restricting = law(
        provisions=(
            Provision(
                id=DETAINERS,
                label="detainers",
                effect=ProvisionEffect.RESTRICTS,
                counterparty=(ICE,),
            ),
            Provision(id=NOTICE, label="notice", effect=ProvisionEffect.REQUIRES),
        )
    )
    struck = ruling(
        "ruling:pi", "2017-09-15", (DETAINERS, OutcomeEffect.STRIKES, Scope(places=(CHICAGO,)))
    )
    deployments = tuple(
        Deployment(
            id=f"deployment:{i}",
            agency=CBP_,
            in_support_of=(ICE,),
            targets=(target,),
            period=Period.parse("2017-10/2017-11"),
        )
        for i, target in enumerate(targets)
    )
    return Story.from_entities(
        id="story:t",
        title="T",
        entities=(
            *PLACES,
            Agency(id="agency:us/court", name="A court", kind=AgencyKind.COURT),
            Agency(id=ICE, name="ICE", kind=AgencyKind.AGENCY),
            Agency(id=CBP_, name="CBP", kind=AgencyKind.AGENCY),
            LegalCase(id="case:x", name="X v. United States"),
            restricting,
            struck,
            *deployments,
        ),
    )


@pytest.mark.parametrize("indexed", [True, False])
def test_a_law_whose_only_restricting_provision_is_struck_there_does_not_restrict_there(
    indexed: bool,
) -> None:
    corpus = Corpus([_cooperation_story()], indexed=indexed, gazetteer=None)
    assert corpus.laws_in_force(CHICAGO, "2017-10-01", restricts=ICE) == ()
    assert corpus.laws_in_force(CHICAGO, "2017-10-01", counterparty=ICE) == ()
    assert [x.id for x in corpus.laws_in_force(CHICAGO, "2017-10-01")] == [LAW]
    assert [x.id for x in corpus.laws_in_force(TX, "2017-10-01", restricts=ICE)] == [LAW]
    assert [x.id for x in corpus.laws_in_force(CHICAGO, "2017-09-01", restricts=ICE)] == [LAW]
    surely = corpus.laws_in_force(COOK, "2017-10-01", restricts=ICE, certainty=Certainty.SURELY)
    assert surely == ()


@pytest.mark.parametrize("indexed", [True, False])
def test_no_cooperation_conflict_whose_evidence_is_a_struck_provision(indexed: bool) -> None:
    corpus = Corpus([_cooperation_story(CHICAGO, TX)], indexed=indexed, gazetteer=None)
    found = corpus.conflicts(["cooperation-restricted"])
    assert [(c.subject, c.places, c.evidence) for c in found] == [
        ("deployment:1", (TX,), ("deployment:1", LAW, DETAINERS))
    ]


# -- the machinery: one definition of what reaches a law, states as LawState --------------------


def test_rulings_reach_a_law_through_chains_and_a_ruling_without_effect_reaches_nothing() -> None:
    from policyconflict._lawstatus import reaching

    stay = ruling("ruling:stay", "2017-10-01", ("ruling:pi", STAYS))
    unstay = ruling("ruling:unstay", "2017-11-01", ("ruling:stay", STAYS))
    never = ruling("ruling:never", "2017-09-01", (LAW, ENJOINS), no_effect=True)
    after_never = ruling("ruling:after", "2017-09-02", ("ruling:never", VACATES))
    other = ruling("ruling:other", "2017-09-03", (OTHER, ENJOINS))
    on: dict[str, list[Ruling]] = {}
    for r in (PI, stay, unstay, never, after_never, other):
        for o in r.outcomes:
            on.setdefault(o.target, []).append(r)
    found = reaching([LAW, NOTICE], lambda target: on.get(target, ()))
    assert sorted(found) == ["ruling:pi", "ruling:stay", "ruling:unstay"]


def test_the_laws_own_changes_are_names_no_ruling_id_can_be() -> None:
    from policyconflict._lawstatus import EFFECTIVE, EXPIRES, REPEALED

    assert not any(isinstance(name, str) for name in (EFFECTIVE, EXPIRES, REPEALED))


def test_every_state_the_machinery_gives_is_a_law_state() -> None:
    from policyconflict._lawstatus import Cell, Evaluator

    evaluator = Evaluator.build(
        law=law(), provision=None, rulings=(PI,), parents={}, place=None, applies_to=None
    )
    cell = Cell(LAW, None, (), None, ())
    names = [c.name for c in evaluator.changes]
    for happened in (frozenset(), frozenset(names)):
        state, _ = evaluator.state(cell, happened)
        assert type(state) is LawState
    for _cell, _segment, possible, _evidence in evaluator.pieces((0, 0), (10**7, 0), cell):
        assert all(type(s) is LawState for s in possible)


# -- the answer's shape ------------------------------------------------------------------------


def test_the_answer_for_a_whole_law_names_it_and_says_whether_it_changes() -> None:
    steady = status("2017-10", PI)
    assert [p.target for p in steady.pieces] == [LAW]
    assert steady.surely(S.ENJOINED) is True
    assert steady.surely(S.IN_FORCE) is False
    assert steady.changes is False
    changing = status("2017-09", PI)
    assert changing.changes is True
    vague = status("2017-09-10", ruling("ruling:pi", "2017-09", (LAW, ENJOINS)))
    (piece,) = vague.pieces
    assert piece.possible == {S.IN_FORCE, S.ENJOINED}
    assert piece.state is S.UNKNOWN


def test_an_aware_datetime_is_a_moment() -> None:
    at = dt.datetime(2017, 9, 15, 8, 0, tzinfo=dt.timezone(dt.timedelta(hours=-5)))
    assert status_on(law(), at, story=(PI,)).at == d("2017-09-15T08:00-05:00")


@pytest.mark.parametrize("story", ["ruling:pi", 5])
def test_a_story_that_is_no_collection_of_entities_is_a_type_error(story: Any) -> None:
    with pytest.raises(TypeError, match=f"not {type(story).__name__}"):
        status_on(law(), "2017", story=story)


def test_status_records_are_keyword_only() -> None:
    with pytest.raises(TypeError):
        StatusPiece(None, None, LAW, None, (), None, (), frozenset(), ())  # type: ignore[call-arg]
    with pytest.raises(TypeError):
        LawStatus(LAW, None, d("2017"), None, None, S.IN_FORCE, frozenset(), (), ())  # type: ignore[call-arg]
