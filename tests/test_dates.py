"""The time model: PartialDate, Period, FiscalCalendar. Examples first, then laws, one test each."""

from __future__ import annotations

import calendar
import datetime as dt
import itertools
import pickle
import random
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from format_helpers import small_document, text_of
from policyconflict.dates import (
    CALENDAR_YEAR,
    OPEN,
    UNKNOWN,
    US_FEDERAL,
    US_STATE,
    Certainty,
    Endpoint,
    FiscalCalendar,
    PartialDate,
    Period,
)
from policyconflict.errors import DateTextError, PolicyConflictError, ShapeError, ValidationError
from policyconflict.serialization import loads
from policyconflict.testing import partial_dates, periods

P = PartialDate.parse
UK = FiscalCalendar(name="uk", first_month=4)

# Narrow years make equal and overlapping bounds common, which the comparison laws need.
near_dates = partial_dates(min_year=2019, max_year=2021)
near_periods = periods(near_dates)
# A period end: a date, OPEN or UNKNOWN.
near_bounds = st.one_of(st.just(OPEN), st.just(UNKNOWN), near_dates)


# -- PartialDate examples ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "precision", "earliest", "latest"),
    [
        ("2020", "year", dt.date(2020, 1, 1), dt.date(2020, 12, 31)),
        ("2020-02", "month", dt.date(2020, 2, 1), dt.date(2020, 2, 29)),
        ("2019-02", "month", dt.date(2019, 2, 1), dt.date(2019, 2, 28)),
        ("2020-02-14", "day", dt.date(2020, 2, 14), dt.date(2020, 2, 14)),
        ("2020-02-14?", "day", dt.date(2020, 2, 14), dt.date(2020, 2, 14)),
        ("2025-07-21~", "day", dt.date(2025, 7, 21), dt.date(2025, 7, 21)),
        ("2017-10-27T20:26+02:00", "minute", dt.date(2017, 10, 27), dt.date(2017, 10, 27)),
        ("2017-10-27T18:26:05Z", "second", dt.date(2017, 10, 27), dt.date(2017, 10, 27)),
    ],
)
def test_partial_date_examples(
    text: str, precision: str, earliest: dt.date, latest: dt.date
) -> None:
    date = P(text)
    assert str(date) == text
    assert date.precision == precision
    assert (date.earliest, date.latest) == (earliest, latest)


def test_partial_date_fields_left_out_are_unknown_not_filled_in() -> None:
    date = PartialDate(year=2020, month=2)
    assert (date.day, date.hour, date.utc_offset) == (None, None, None)
    assert str(date) == "2020-02"


def test_qualifiers_do_not_widen_bounds() -> None:
    assert P("2020-02%").uncertain
    assert P("2020-02%").approximate
    assert P("2020-02%").earliest_key == P("2020-02").earliest_key
    assert P("2020-02%") != P("2020-02")


def test_from_date_and_from_datetime() -> None:
    assert PartialDate.from_date(dt.date(2020, 2, 14)) == P("2020-02-14")
    pacific = dt.timezone(dt.timedelta(hours=-8))
    moment = dt.datetime(2020, 2, 14, 18, 30, tzinfo=pacific)
    assert str(PartialDate.from_datetime(moment)) == "2020-02-14T18:30-08:00"
    assert str(PartialDate.from_date(moment.replace(second=7))) == "2020-02-14T18:30:07-08:00"
    assert P("2020-02-14T18:30-08:00").instant == moment
    assert P("2020-02-14").instant is None
    with pytest.raises(ValueError, match="naive"):
        PartialDate.from_datetime(dt.datetime(2020, 2, 14, 18, 30))


def test_a_time_of_day_falls_on_its_utc_day_where_it_meets_a_day() -> None:
    evening = P("2020-02-14T18:00-08:00")  # 2020-02-15T02:00Z
    assert evening.earliest == dt.date(2020, 2, 14)  # the day as written
    assert not Period.of(P("2020-02-14")).may_contain(evening)
    assert Period.of(P("2020-02-15")).surely_contains(evening)
    assert Period.of(P("2020-02-15T02:00Z")).surely_contains(evening)


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"year": 2019, "month": 2, "day": 29}, "day must be between 1 and 28"),
        ({"year": 2020, "day": 3}, "a day needs a month"),
        ({"year": 2020, "month": 13}, "month must be between 1 and 12"),
        ({"year": 2020, "month": 2, "day": 14, "hour": 9, "minute": 0}, "needs a UTC offset"),
        ({"year": 2020, "utc_offset": 60}, "a UTC offset needs a time of day"),
        ({"year": 0}, "year must be between 1 and 9999"),
    ],
)
def test_partial_date_rejects_impossible_fields(kwargs: dict[str, Any], message: str) -> None:
    with pytest.raises(ValueError, match=message):
        PartialDate(**kwargs)


@pytest.mark.parametrize(
    ("text", "start", "reason"),
    [
        ("2020-2-14", 4, "not an EDTF date"),
        ("2020-02-14T18:00", 16, "needs a UTC offset"),
        ("2020-02-14T18:00+00:00", 16, "write a zero UTC offset as Z"),
        ("2020-02-30", 0, "day must be between 1 and 29"),
        ("2020-02-14T18:00+05:75", 16, "UTC offset minutes"),
    ],
)
def test_partial_date_parse_errors_point_at_the_problem(text: str, start: int, reason: str) -> None:
    with pytest.raises(DateTextError) as info:
        P(text)
    assert reason in info.value.reason
    assert info.value.start == start


def test_date_text_error_renders_a_caret_under_the_problem() -> None:
    with pytest.raises(DateTextError) as info:
        P("2020-02-14T18:00")
    assert info.value.render() == (
        "a time of day needs a UTC offset (Z or +HH:MM): without one the moment is unknown\n"
        "    2020-02-14T18:00\n"
        "                    ^"
    )
    error = DateTextError("bad day", "the 32nd of May", 4, 8)
    assert error.render().splitlines()[-1] == "        ^^^^"


def test_date_text_error_is_a_value_error_and_pickles() -> None:
    error = DateTextError("bad day", "the 32nd of May", 4, 8)
    assert isinstance(error, ValueError)
    assert isinstance(error, PolicyConflictError)
    copy = pickle.loads(pickle.dumps(error))
    assert type(copy) is DateTextError
    assert (copy.reason, copy.text, copy.start, copy.end) == ("bad day", "the 32nd of May", 4, 8)
    assert copy.render() == error.render()
    assert str(copy) == str(error)


# -- Period examples --------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text", ["2020-02/2020-05", "2018-01-01/..", "/2022-12-11", "../..", "/", "2017/"]
)
def test_period_text(text: str) -> None:
    assert str(Period.parse(text)) == text


def test_period_text_has_one_slash() -> None:
    with pytest.raises(DateTextError, match="one '/'") as info:
        Period.parse("2020//2021")
    assert info.value.start == 5


def test_open_and_unknown_ends_are_different_answers() -> None:
    still_going, end_unknown = Period.parse("2018/.."), Period.parse("2018/")
    assert still_going != end_unknown
    assert still_going.end is OPEN
    assert end_unknown.end is UNKNOWN
    assert still_going.surely_contains(dt.date(2030, 1, 1))
    assert not end_unknown.surely_contains(dt.date(2030, 1, 1))
    assert end_unknown.may_contain(dt.date(2030, 1, 1))


def test_period_may_and_surely_contain() -> None:
    period = Period.parse("2020-02/2020-05")
    assert period.may_contain(P("2020-02-01"))
    assert not period.surely_contains(P("2020-02-01"))  # the start may be February 29
    assert period.surely_contains(P("2020-03"))
    assert period.contains(P("2020-02-29"), certainty=Certainty.SURELY)
    assert not period.may_contain(dt.date(2020, 6, 1))


def test_a_period_surely_covers_the_whole_days_it_names() -> None:
    """SB 54 took effect 2018-01-01: it was in force on 2018-01-01 (found by a law below)."""
    in_force = Period.parse("2018-01-01/..")
    assert in_force.surely_contains(dt.date(2018, 1, 1))
    assert Period.parse("2020-02-14/2020-02-14").surely_contains(P("2020-02-14"))
    assert Period.parse("2020-02-14/2020-02-15").surely_overlaps(Period.parse("2020-02-15/.."))
    assert not Period.parse("2020-02-14/2020-02-14").surely_contains(P("2020-02"))


def test_period_rejects_an_end_before_its_start() -> None:
    with pytest.raises(DateTextError, match="before it starts") as info:
        Period.parse("2020-05/2020-02")
    assert info.value.start == 0
    with pytest.raises(ValueError, match="before it starts"):
        Period.between("2020-02-15", "2020-02-14")
    Period.between("2020", "2020-02")  # the year may end in February: allowed


def test_period_parse_points_into_the_second_date() -> None:
    with pytest.raises(DateTextError) as info:
        Period.parse("2020-02/2020-5")
    assert info.value.start == len("2020-02/2020")


def test_intersection_examples() -> None:
    deployment = Period.parse("2020-02/2020-05")
    assert str(deployment.intersection(Period.parse("2020-03-15/.."))) == "2020-03-15/2020-05"
    assert deployment.intersection(Period.parse("2021/..")) is None
    assert deployment.intersection(Period.parse("../..")) == deployment
    # An unknown start may be any time: the period both *may* cover starts with the known one.
    assert str(deployment.intersection(Period.parse("/2020-03"))) == "2020-02/2020-03"
    assert str(Period.parse("../2020").intersection(Period.parse("/2020"))) == "/2020"


def test_within_examples() -> None:
    march = Period.parse("2020-03-01/2020-03-31")
    deployment = Period.parse("2020-02/2020-05")
    assert march.within(deployment, certainty=Certainty.MAY)
    assert march.within(deployment, certainty=Certainty.SURELY)
    assert Period.parse("2020-02-10/2020-02-20").within(deployment, certainty=Certainty.MAY)
    assert not Period.parse("2020-02-10/2020-02-20").within(deployment, certainty=Certainty.SURELY)


# -- FiscalCalendar examples ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("calendar", "year", "text"),
    [
        (US_FEDERAL, 2019, "2018-10-01/2019-09-30"),
        (US_FEDERAL, 2018, "2017-10-01/2018-09-30"),
        (US_STATE, 2019, "2018-07-01/2019-06-30"),  # California's FY2018-19
        (CALENDAR_YEAR, 2019, "2019-01-01/2019-12-31"),
        (UK, 2019, "2018-04-01/2019-03-31"),  # a calendar by its first month: April
    ],
)
def test_fiscal_years(calendar: FiscalCalendar, year: int, text: str) -> None:
    assert str(calendar.year(year)) == text


@pytest.mark.parametrize(
    ("calendar", "year", "quarter", "text"),
    [
        (US_FEDERAL, 2019, 1, "2018-10-01/2018-12-31"),
        (US_FEDERAL, 2018, 3, "2018-04-01/2018-06-30"),
        (US_FEDERAL, 2019, 4, "2019-07-01/2019-09-30"),
        (US_STATE, 2019, 3, "2019-01-01/2019-03-31"),
        (CALENDAR_YEAR, 2018, 3, "2018-07-01/2018-09-30"),
        (UK, 2020, 4, "2020-01-01/2020-03-31"),
    ],
)
def test_fiscal_quarters(calendar: FiscalCalendar, year: int, quarter: int, text: str) -> None:
    assert str(calendar.quarter(year, quarter)) == text


def test_fiscal_year_of_a_day() -> None:
    assert US_FEDERAL.year_of(dt.date(2018, 9, 30)) == 2018
    assert US_FEDERAL.year_of(dt.date(2018, 10, 1)) == 2019
    assert US_STATE.year_of(dt.date(2018, 7, 1)) == 2019
    assert CALENDAR_YEAR.year_of(dt.date(2018, 12, 31)) == 2018


def test_fiscal_calendar_rejects_bad_months_and_quarters() -> None:
    with pytest.raises(ValueError, match="first_month"):
        FiscalCalendar(name="bad", first_month=13)
    with pytest.raises(ValueError, match="quarter"):
        US_FEDERAL.quarter(2019, 5)


# -- strategies -------------------------------------------------------------------------------


@given(partial_dates())
def test_strategy_partial_dates_are_valid(date: PartialDate) -> None:
    assert date.precision in ("year", "month", "day", "minute", "second")
    assert PartialDate(**{f: getattr(date, f) for f in _FIELDS}) == date  # validators pass


@given(periods())
def test_strategy_periods_are_valid(period: Period) -> None:
    assert Period(start=period.start, end=period.end) == period


_FIELDS = (
    "year", "month", "day", "hour", "minute", "second", "utc_offset", "uncertain", "approximate"
)  # fmt: skip


# -- laws -------------------------------------------------------------------------------------


@given(partial_dates())
def test_law_partial_date_edtf_text_round_trips(date: PartialDate) -> None:
    text = str(date)
    assert PartialDate.parse(text) == date
    assert str(PartialDate.parse(text)) == text


@given(periods())
def test_law_period_edtf_text_round_trips(period: Period) -> None:
    text = str(period)
    assert Period.parse(text) == period
    assert str(Period.parse(text)) == text


_NUMBER = st.integers(0, 99).map("{:02d}".format)


@given(
    st.tuples(
        st.integers(0, 9999).map("{:04d}".format),
        st.integers(0, 13).map("-{:02d}".format),
        st.integers(0, 32).map("-{:02d}".format),
        st.tuples(st.integers(0, 24), st.integers(0, 60)).map("T{0[0]:02d}:{0[1]:02d}".format),
        st.one_of(st.just(""), _NUMBER.map(":{}".format)),
        st.one_of(
            st.sampled_from(["Z", ""]),
            st.tuples(st.sampled_from("+-"), st.integers(0, 15), st.integers(0, 99)).map(
                lambda t: f"{t[0]}{t[1]:02d}:{t[2]:02d}"
            ),
        ),
        st.sampled_from(["", "?", "~", "%"]),
        st.integers(1, 7),
    )
)
def test_law_parse_accepts_only_canonical_text(
    parts: tuple[str, str, str, str, str, str, str, int],
) -> None:
    *pieces, qualifier, length = parts
    text = "".join(pieces[:length]) + qualifier
    try:
        date = PartialDate.parse(text)
    except DateTextError as exc:
        error = exc
    else:
        assert str(date) == text
        return
    assert 0 <= error.start < error.end <= len(text) + 1


@given(partial_dates())
def test_law_earliest_is_not_after_latest(date: PartialDate) -> None:
    assert date.earliest <= date.latest
    assert date.earliest_key <= date.latest_key
    assert date.sort_key()[0] == date.earliest_key


@given(near_periods)
def test_law_period_outer_bounds_are_ordered_and_hold_the_inner(period: Period) -> None:
    start, end = period.outer()
    assert start <= end
    inner = period.inner()
    if inner is not None:
        assert start <= inner[0] <= inner[1] <= end


@given(near_dates, near_dates)
def test_law_partial_date_may_overlap_is_symmetric(a: PartialDate, b: PartialDate) -> None:
    assert a.may_overlap(b) == b.may_overlap(a)


@given(near_periods, near_periods)
def test_law_period_may_overlap_is_symmetric(a: Period, b: Period) -> None:
    assert a.may_overlap(b) == b.may_overlap(a)
    assert a.surely_overlaps(b) == b.surely_overlaps(a)


@given(near_periods, near_periods)
def test_law_surely_overlaps_implies_may_overlap(a: Period, b: Period) -> None:
    if a.surely_overlaps(b):
        assert a.may_overlap(b)
    assert a.overlaps(b, certainty=Certainty.MAY) == a.may_overlap(b)
    assert a.overlaps(b, certainty=Certainty.SURELY) == a.surely_overlaps(b)


@given(near_periods, near_dates)
def test_law_surely_contains_implies_may_contain(period: Period, date: PartialDate) -> None:
    if period.surely_contains(date):
        assert period.may_contain(date)
    assert period.contains(date, certainty=Certainty.MAY) == period.may_contain(date)


@given(near_dates, near_dates)
def test_law_a_period_surely_covers_the_whole_days_at_its_ends(
    a: PartialDate, b: PartialDate
) -> None:
    """A period from day D to day E surely covers D and E (likewise a minute or a second);
    from a month, it surely covers only from the month's last day."""
    exact = ("day", "minute", "second")
    if a.precision in exact:
        assert Period.of(a).surely_contains(a)
    if a.precision in exact and b.precision in exact and a.latest_key <= b.earliest_key:
        period = Period(start=a, end=b)
        assert period.surely_contains(a)
        assert period.surely_contains(b)
    if a.precision in ("year", "month"):
        assert Period(start=a, end=OPEN).surely_contains(a.latest)
        if a.earliest < a.latest:
            assert not Period(start=a, end=OPEN).surely_contains(a.earliest)


@given(st.sampled_from(list(Certainty)), near_periods, near_periods, near_periods)
def test_law_within_is_transitive(certainty: Certainty, a: Period, b: Period, c: Period) -> None:
    if a.within(b, certainty=certainty) and b.within(c, certainty=certainty):
        assert a.within(c, certainty=certainty)


@given(near_periods)
def test_law_a_period_may_lie_within_itself(period: Period) -> None:
    assert period.within(period, certainty=Certainty.MAY)
    if period.within(period, certainty=Certainty.SURELY):
        assert period.inner() == period.outer()


@given(near_periods, near_periods)
def test_law_surely_within_implies_may_within(a: Period, b: Period) -> None:
    if a.within(b, certainty=Certainty.SURELY):
        assert a.within(b, certainty=Certainty.MAY)


@given(near_periods, near_periods)
def test_law_intersection_is_commutative(a: Period, b: Period) -> None:
    assert a.intersection(b) == b.intersection(a)


@given(near_periods, near_periods)
def test_law_intersection_lies_within_both(a: Period, b: Period) -> None:
    both = a.intersection(b)
    if both is None:
        assert not a.may_overlap(b)
        return
    assert a.may_overlap(b)
    assert both.within(a, certainty=Certainty.MAY)
    assert both.within(b, certainty=Certainty.MAY)


@given(near_periods, near_periods)
def test_law_intersection_bounds_are_the_intersection_of_bounds(a: Period, b: Period) -> None:
    both = a.intersection(b)
    if both is not None:
        (a_start, a_end), (b_start, b_end) = a.outer(), b.outer()
        assert both.outer() == (max(a_start, b_start), min(a_end, b_end))


@given(near_periods)
def test_law_open_unknown_and_dates_stay_distinct(period: Period) -> None:
    def kinds(p: Period) -> tuple[object, object]:
        def kind(bound: PartialDate | Endpoint) -> object:
            return bound if isinstance(bound, Endpoint) else PartialDate

        return kind(p.start), kind(p.end)

    assert kinds(Period.parse(str(period))) == kinds(period)
    assert period.intersection(period) == period
    assert period.intersection(Period(start=OPEN, end=OPEN)) == period

    def swap(bound: PartialDate | Endpoint) -> PartialDate | Endpoint:
        return UNKNOWN if bound is OPEN else OPEN if bound is UNKNOWN else bound

    other = Period(start=swap(period.start), end=swap(period.end))
    if isinstance(period.start, Endpoint) or isinstance(period.end, Endpoint):
        assert other != period
        assert str(other) != str(period)


@given(st.lists(near_periods, max_size=8), st.randoms(use_true_random=False))
def test_law_period_sort_key_is_a_total_order_consistent_with_text(
    items: list[Period], rnd: random.Random
) -> None:
    for a in items:
        for b in items:
            assert (a.sort_key() == b.sort_key()) == (str(a) == str(b)) == (a == b)
    shuffled = list(items)
    rnd.shuffle(shuffled)
    assert [str(p) for p in sorted(items, key=Period.sort_key)] == [
        str(p) for p in sorted(shuffled, key=Period.sort_key)
    ]


@given(near_dates, near_dates)
def test_law_partial_date_sort_key_is_a_total_order_consistent_with_text(
    a: PartialDate, b: PartialDate
) -> None:
    assert (a.sort_key() == b.sort_key()) == (str(a) == str(b)) == (a == b)
    assert (a.sort_key() < b.sort_key()) != (b.sort_key() <= a.sort_key())


@given(near_bounds)
def test_law_unknown_sorts_after_open_and_before_any_date(bound: PartialDate | Endpoint) -> None:
    first = Period(start=OPEN, end=OPEN).sort_key()[0]
    second = Period(start=UNKNOWN, end=OPEN).sort_key()[0]
    key = Period(start=bound, end=OPEN).sort_key()[0]
    assert first < second
    if isinstance(bound, PartialDate):
        assert second < key


@given(
    st.integers(1, 12),
    st.integers(2, 9998),
    st.dates(min_value=dt.date(2, 1, 1), max_value=dt.date(9998, 12, 31)),
)
def test_law_fiscal_quarters_partition_the_fiscal_year(
    first_month: int, year: int, day: dt.date
) -> None:
    calendar = FiscalCalendar(name="any", first_month=first_month)
    whole = calendar.year(year)
    quarters = [calendar.quarter(year, q) for q in (1, 2, 3, 4)]
    assert quarters[0].start == whole.start
    assert quarters[3].end == whole.end
    for before, after in itertools.pairwise(quarters):
        assert isinstance(before.end, PartialDate)
        assert isinstance(after.start, PartialDate)
        assert before.end.earliest + dt.timedelta(days=1) == after.start.earliest
    assert calendar.year(calendar.year_of(day)).surely_contains(day)


@given(st.integers(1, 9999), st.integers(1, 12))
def test_the_last_day_of_a_month_is_the_gregorian_one(year: int, month: int) -> None:
    last = calendar.monthrange(year, month)[1]
    assert PartialDate(year=year, month=month).latest == dt.date(year, month, last)
    PartialDate(year=year, month=month, day=last)  # accepted
    with pytest.raises(ValueError, match="day"):
        PartialDate(year=year, month=month, day=last + 1)


# -- only ASCII digits; the library's own errors ----------------------------------------------


@pytest.mark.parametrize(
    "text", ["２０２０", "2020-0٣", "2020-02-1٤", "2020-02-14T1٨:00Z", "2020-02-14T18:00+0٥:00"]
)
def test_partial_date_accepts_only_ascii_digits(text: str) -> None:
    with pytest.raises(DateTextError, match="not an EDTF date"):
        P(text)


@pytest.mark.parametrize("text", ["२०२०/2021", "2020/２０２１", "२०२०/.."])
def test_period_accepts_only_ascii_digits(text: str) -> None:
    with pytest.raises(DateTextError, match="not an EDTF date"):
        Period.parse(text)


def test_a_document_with_a_non_ascii_digit_in_a_date_does_not_load() -> None:

    text = text_of(small_document())
    assert '"2020-02-14"' in text
    with pytest.raises(ValidationError):
        loads(text.replace('"2020-02-14"', '"２０２０-02-14"', 1))


@pytest.mark.parametrize(
    "kwargs",
    [
        {"year": 2020, "month": 13},
        {"year": 2019, "month": 2, "day": 29},
        {"year": 2020, "day": 3},
        {"year": 2020, "month": 2, "day": 14, "hour": 9, "minute": 0},
        {"year": 2020, "utc_offset": 60},
        {"year": 2020, "month": 2, "day": 14, "hour": 24, "minute": 0, "utc_offset": 0},
    ],
)
def test_invalid_partial_date_fields_raise_the_librarys_error(kwargs: dict[str, Any]) -> None:
    with pytest.raises(ShapeError) as info:
        PartialDate(**kwargs)
    assert isinstance(info.value, PolicyConflictError)
    assert isinstance(info.value, ValueError)


def test_other_date_constructors_raise_the_librarys_error() -> None:
    with pytest.raises(ShapeError, match="before it starts"):
        Period(start=P("2020-02"), end=P("2019"))
    with pytest.raises(ShapeError, match="naive"):
        PartialDate.from_datetime(dt.datetime(2020, 2, 14, 18, 30))
    with pytest.raises(ShapeError, match="first_month"):
        FiscalCalendar(name="x", first_month=13)
    with pytest.raises(ShapeError, match="quarter"):
        US_FEDERAL.quarter(2019, 5)
