"""Moments are ordered, contained and overlapped by their instant, whatever UTC offset they are
written with; a date without a time of day stays its whole calendar day (the UTC day where it
meets a moment)."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from policyconflict import (
    Agency,
    AgencyKind,
    Docket,
    Jurisdiction,
    JurisdictionLevel,
    Law,
    LawKind,
    LegalCase,
    Outcome,
    OutcomeEffect,
    PartialDate,
    Period,
    Ruling,
    RulingKind,
    Story,
)
from policyconflict.dates import UNKNOWN, Certainty
from policyconflict.errors import DateTextError
from policyconflict.query import Corpus
from policyconflict.status import LawState, status_on
from policyconflict.testing import partial_dates

P = PartialDate.parse
US = "ocd-division/country:us"
LAW = "law:us/x"
EVENING = "2021-06-09T21:00-05:00"  # 2021-06-10T02:00Z


def _law() -> Law:
    return Law(
        id=LAW, kind=LawKind.STATUTE, jurisdiction=US, title="A law", effective=P("2021-01-01")
    )


def _ruling(id: str, date: str, target: str, effect: OutcomeEffect) -> Ruling:
    return Ruling(
        id=id,
        case="case:x",
        court="agency:us/court",
        date=P(date),
        kind=RulingKind.OTHER,
        outcomes=(Outcome(target=target, effect=effect),),
    )


PLACES = (Jurisdiction(id=US, name="United States", level=JurisdictionLevel.COUNTRY),)
ENJOINED_IN_THE_EVENING = _ruling("ruling:pi", EVENING, LAW, OutcomeEffect.ENJOINS)


# -- the reproductions ------------------------------------------------------------------


def test_earliest_keys_order_moments_by_their_instant() -> None:
    a, b = P("2021-06-10T01:30Z"), P(EVENING)
    assert a.instant is not None
    assert b.instant is not None
    assert a.instant < b.instant
    assert a.earliest_key < b.earliest_key
    assert a.latest_key < b.latest_key
    assert sorted([b, a], key=PartialDate.sort_key) == [a, b]
    assert not a.may_overlap(b)
    same = P("2021-06-10T02:00Z")
    assert same.earliest_key == b.earliest_key
    assert same.may_overlap(b)


def test_a_period_between_moments_written_with_different_offsets() -> None:
    period = Period.parse(f"2021-06-10T01:30Z/{EVENING}")
    assert str(period) == f"2021-06-10T01:30Z/{EVENING}"
    assert period.may_contain(P("2021-06-09T20:45-05:00"))  # 01:45Z
    assert period.surely_contains(P("2021-06-09T20:45-05:00"))
    assert not period.may_contain(P("2021-06-10T02:01Z"))
    with pytest.raises(DateTextError, match="before it starts"):
        Period.parse(f"{EVENING}/2021-06-10T01:30Z")


def test_status_at_the_same_instant_written_two_ways_is_the_same() -> None:
    story = (ENJOINED_IN_THE_EVENING, *PLACES)
    local = status_on(_law(), "2021-06-09T20:30-05:00", story=story)
    utc = status_on(_law(), "2021-06-10T01:30Z", story=story)
    assert local.state is LawState.IN_FORCE
    assert utc.state is LawState.IN_FORCE
    assert status_on(_law(), "2021-06-10T02:00Z", story=story).state is LawState.ENJOINED
    assert status_on(_law(), "2021-06-09T22:00-04:00", story=story).state is LawState.ENJOINED


def test_a_day_without_a_time_is_its_utc_day_where_it_meets_a_moment() -> None:
    story = (ENJOINED_IN_THE_EVENING, *PLACES)
    # The ruling is at 02:00Z on 2021-06-10: all of 2021-06-09 (UTC) is before it ...
    assert status_on(_law(), "2021-06-09", story=story).state is LawState.IN_FORCE
    # ... and 2021-06-10 holds it: in force, then enjoined.
    day = status_on(_law(), "2021-06-10", story=story)
    assert day.state is LawState.PARTLY_IN_FORCE
    assert status_on(_law(), "2021-06-11", story=story).state is LawState.ENJOINED
    evening = P(EVENING)
    assert Period.of(P("2021-06-10")).surely_contains(evening)
    assert not Period.of(P("2021-06-09")).may_contain(evening)


def test_two_orders_on_the_same_day_make_the_day_may_be_either() -> None:
    enjoin = _ruling("ruling:a", "2021-06-09", LAW, OutcomeEffect.ENJOINS)
    stay = _ruling("ruling:b", "2021-06-09", "ruling:a", OutcomeEffect.STAYS)
    result = status_on(_law(), "2021-06-09", story=(enjoin, stay, *PLACES))
    assert result.may_be(LawState.IN_FORCE)
    assert result.may_be(LawState.ENJOINED)
    assert not result.surely(LawState.ENJOINED)
    assert status_on(_law(), "2021-06-10", story=(enjoin, stay, *PLACES)).state is (
        LawState.IN_FORCE
    )


def _corpus(*rulings: Ruling) -> Corpus:
    court = Agency(id="agency:us/court", name="A court", kind=AgencyKind.COURT, jurisdiction=US)
    case = LegalCase(
        id="case:x", name="X v. Y", dockets=(Docket(court=court.id, number="1:21-cv-1"),)
    )
    story = Story(
        id="story:x",
        title="X",
        jurisdictions=PLACES,
        agencies=(court,),
        laws=(_law(),),
        legal_cases=(case,),
        rulings=rulings,
    )
    return Corpus([story])


@pytest.mark.parametrize("indexed", [False, True])
def test_laws_in_force_at_the_same_instant_written_two_ways(indexed: bool) -> None:
    corpus = _corpus(ENJOINED_IN_THE_EVENING)
    if indexed:
        corpus.build_indexes()
    sure = Certainty.SURELY
    for at in ("2021-06-09T20:30-05:00", "2021-06-10T01:30Z", "2021-06-10T07:30+06:00"):
        assert [law.id for law in corpus.laws_in_force(US, at, certainty=sure)] == [LAW]
    for at in ("2021-06-09T21:30-05:00", "2021-06-10T02:30Z"):
        assert corpus.laws_in_force(US, at, certainty=sure) == ()


def test_timeline_orders_moments_by_their_instant() -> None:
    later = _ruling("ruling:later", EVENING, LAW, OutcomeEffect.UPHOLDS)
    sooner = _ruling("ruling:sooner", "2021-06-10T01:30Z", LAW, OutcomeEffect.UPHOLDS)
    entries = [e.entity for e in _corpus(later, sooner).timeline() if e.kind == "ruling"]
    assert entries == ["ruling:sooner", "ruling:later"]


# -- the law: answers do not depend on the offset an instant is written with ------------------

near = partial_dates(min_year=2020, max_year=2021)
offsets = st.integers(min_value=-14 * 60, max_value=14 * 60)


def rewritten(date: PartialDate, offset: int) -> PartialDate:
    """The same instant written at another UTC offset (a date without a time is unchanged)."""
    instant = date.instant
    if instant is None:
        return date
    there = instant.astimezone(dt.timezone(dt.timedelta(minutes=offset)))
    return PartialDate(
        year=there.year,
        month=there.month,
        day=there.day,
        hour=there.hour,
        minute=there.minute,
        second=date.second,
        utc_offset=offset,
    )


def test_rewriting_keeps_the_instant_and_changes_the_text() -> None:
    moved = rewritten(P(EVENING), 0)
    assert str(moved) == "2021-06-10T02:00Z"
    assert moved.instant == P(EVENING).instant
    assert rewritten(P("2021-06-09"), 60) == P("2021-06-09")


def _period(a: PartialDate, b: PartialDate) -> Period:
    first, last = sorted((a, b), key=PartialDate.sort_key)
    try:
        return Period(start=first, end=last)
    except ValueError:
        return Period(start=first, end=UNKNOWN)


@given(st.lists(near, min_size=4, max_size=4), st.lists(offsets, min_size=4, max_size=4))
def test_answers_do_not_change_when_instants_are_written_with_other_offsets(
    dates: list[PartialDate], moved_to: list[int]
) -> None:
    moved = [rewritten(d, o) for d, o in zip(dates, moved_to, strict=True)]
    for a, b, a2, b2 in (
        (x, y, moved[i], moved[j]) for i, x in enumerate(dates) for j, y in enumerate(dates)
    ):
        assert (a.earliest_key < b.earliest_key) == (a2.earliest_key < b2.earliest_key)
        assert (a.latest_key <= b.earliest_key) == (a2.latest_key <= b2.earliest_key)
        assert a.may_overlap(b) == a2.may_overlap(b2)
    p, q = _period(dates[0], dates[1]), _period(dates[2], dates[3])
    p2, q2 = _period(moved[0], moved[1]), _period(moved[2], moved[3])
    assert (p.outer(), p.inner()) == (p2.outer(), p2.inner())
    for point, point2 in zip(dates, moved, strict=True):
        assert p.may_contain(point) == p2.may_contain(point2)
        assert p.surely_contains(point) == p2.surely_contains(point2)
    assert p.may_overlap(q) == p2.may_overlap(q2)
    assert p.surely_overlaps(q) == p2.surely_overlaps(q2)
    for certainty in Certainty:
        assert p.within(q, certainty=certainty) == p2.within(q2, certainty=certainty)
    meet, meet2 = p.intersection(q), p2.intersection(q2)
    assert (meet is None) == (meet2 is None)
    if meet is not None and meet2 is not None:
        assert meet.outer() == meet2.outer()


moments = partial_dates(min_year=2021, max_year=2021, precisions=["minute", "second"])
days = partial_dates(min_year=2021, max_year=2021, precisions=["day", "month"], qualifiers=False)


@given(
    st.lists(st.one_of(moments, days), min_size=1, max_size=3),
    st.lists(st.sampled_from(list(OutcomeEffect)), min_size=3, max_size=3),
    st.one_of(moments, days),
    st.lists(offsets, min_size=4, max_size=4),
)
def test_law_status_does_not_change_when_instants_are_written_with_other_offsets(
    dates: list[PartialDate],
    effects: list[OutcomeEffect],
    at: PartialDate,
    moved_to: list[int],
) -> None:
    def rulings(when: list[PartialDate]) -> tuple[Ruling, ...]:
        found = []
        for i, (date, effect) in enumerate(zip(when, effects, strict=False)):
            target = LAW if i == 0 or effect is OutcomeEffect.ENJOINS else f"ruling:r{i - 1}"
            found.append(_ruling(f"ruling:r{i}", str(date), target, effect))
        return tuple(found)

    moved = [rewritten(d, o) for d, o in zip(dates, moved_to, strict=False)]
    before = status_on(_law(), at, story=(*rulings(dates), *PLACES))
    after = status_on(_law(), rewritten(at, moved_to[-1]), story=(*rulings(moved), *PLACES))
    assert before.state is after.state
    assert before.possible == after.possible
    assert before.evidence == after.evidence
