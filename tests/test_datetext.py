"""Date phrases from news copy: a golden table, errors with carets, and laws."""

from __future__ import annotations

import calendar
import contextlib
import datetime as dt
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from dateutil.relativedelta import relativedelta
from hypothesis import given
from hypothesis import strategies as st

from golden_date_phrases import ERRORS, FOUNDING, GOLDEN
from policyconflict.dates import (
    CALENDAR_YEAR,
    US_FEDERAL,
    US_STATE,
    FiscalCalendar,
    PartialDate,
    Period,
)
from policyconflict.errors import DateTextError
from policyconflict.phrases import parse_date_text


def reference_dates(
    *, min_value: dt.date = dt.date(2, 1, 1), max_value: dt.date = dt.date(9998, 12, 31)
) -> st.SearchStrategy[dt.date]:
    """Publication dates away from the ends of the supported years, so that "last year" and "next
    year" stay in range."""
    return st.dates(min_value=min_value, max_value=max_value)


CALENDARS = {"us-federal": US_FEDERAL, "us-state": US_STATE, "calendar": CALENDAR_YEAR}
TESTS = Path(__file__).parent
SRC = TESTS.parent / "src"

# -- the golden table -------------------------------------------------------------------------


def test_golden_table_is_large_and_holds_the_founding_story() -> None:
    assert len(GOLDEN) >= 60
    phrases = {(text, reference) for text, reference, _fiscal, _expected in GOLDEN}
    for text in ("Friday", "last year", "February through May", "fiscal year 2018"):
        assert (text, FOUNDING) in phrases
    assert ("fiscal year 2019", FOUNDING) in phrases
    assert ("over the weekend", FOUNDING) in phrases
    assert any(row[0] == "the following fiscal year" for row in ERRORS)


@pytest.mark.parametrize(("text", "reference", "fiscal", "expected"), GOLDEN)
def test_golden_phrase(text: str, reference: str, fiscal: str, expected: str) -> None:
    result = parse_date_text(
        text, reference=dt.date.fromisoformat(reference), fiscal=CALENDARS[fiscal]
    )
    assert str(result) == expected
    assert isinstance(result, Period) == ("/" in expected)


@pytest.mark.parametrize(("text", "reference", "reason", "start", "end"), ERRORS)
def test_golden_error(text: str, reference: str, reason: str, start: int, end: int) -> None:
    with pytest.raises(DateTextError) as info:
        parse_date_text(text, reference=dt.date.fromisoformat(reference))
    error = info.value
    assert (error.reason, error.start, error.end) == (reason, start, end)
    assert error.text == text


def test_error_caret_points_at_the_offending_words() -> None:
    with pytest.raises(DateTextError) as info:
        parse_date_text("the 32nd of May", reference=dt.date(2020, 2, 14))
    assert info.value.render() == "there is no day 32\n    the 32nd of May\n        ^^^^"
    with pytest.raises(DateTextError) as info:
        parse_date_text("from Febtober 3 to May", reference=dt.date(2020, 2, 14))
    assert info.value.render().splitlines()[-1] == "         ^^^^^^^^"


def test_a_phrase_error_pickles() -> None:
    import pickle

    with pytest.raises(DateTextError) as info:
        parse_date_text("12/3", reference=dt.date(2020, 2, 14))
    copy = pickle.loads(pickle.dumps(info.value))
    assert (copy.reason, copy.text, copy.start, copy.end) == (
        info.value.reason,
        "12/3",
        0,
        4,
    )


# -- the reference ----------------------------------------------------------------------------


def test_reference_may_be_a_full_day_partial_date_or_a_datetime() -> None:
    expected = parse_date_text("last Friday", reference=dt.date(2020, 2, 14))
    assert parse_date_text("last Friday", reference=PartialDate.parse("2020-02-14")) == expected
    aware = dt.datetime(2020, 2, 14, 23, 30, tzinfo=dt.timezone(dt.timedelta(hours=-8)))
    assert parse_date_text("last Friday", reference=aware) == expected  # its own local date
    moment = PartialDate.parse("2020-02-14T23:30-08:00")
    assert parse_date_text("last Friday", reference=moment) == expected


@pytest.mark.parametrize("reference", ["2020-02", "2020", "2020-02-14?"])
def test_reference_less_than_a_certain_day_is_rejected(reference: str) -> None:
    with pytest.raises(DateTextError, match="reference date"):
        parse_date_text("Friday", reference=PartialDate.parse(reference))
    with pytest.raises(ValueError, match="reference date"):
        parse_date_text("2019", reference=PartialDate.parse(reference))


def test_wrong_argument_types_are_type_errors() -> None:
    with pytest.raises(TypeError):
        parse_date_text("Friday", reference="2020-02-14")  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        parse_date_text(b"Friday", reference=dt.date(2020, 2, 14))  # type: ignore[arg-type]


# -- independence from the machine's clock and time zone ---------------------------------------

_RUNNER = r"""
import json, sys, time

sys.modules["_datetime"] = None  # use the pure-Python datetime, whose today() reads time.time()
sys.modules["_zoneinfo"] = None  # (the C zoneinfo needs the C datetime)
time.time = lambda: FAKE_NOW  # a faked clock, as faketime would
time.tzset()

import datetime as dt
assert dt.date.today().year == FAKE_YEAR, dt.date.today()

import dateutil.parser
def _never(*args, **kwargs):
    raise AssertionError("dateutil.parser.parse fills missing fields from today's date")
dateutil.parser.parse = _never

from golden_date_phrases import GOLDEN, ERRORS
from policyconflict.dates import CALENDAR_YEAR, US_FEDERAL, US_STATE
from policyconflict.phrases import parse_date_text
from policyconflict.errors import DateTextError

CALENDARS = {"us-federal": US_FEDERAL, "us-state": US_STATE, "calendar": CALENDAR_YEAR}
out = []
for text, reference, fiscal, _expected in GOLDEN:
    day = dt.date.fromisoformat(reference)
    out.append(str(parse_date_text(text, reference=day, fiscal=CALENDARS[fiscal])))
for text, reference, *_ in ERRORS:
    try:
        parse_date_text(text, reference=dt.date.fromisoformat(reference))
    except DateTextError as exc:
        out.append([exc.reason, exc.start, exc.end])
print(json.dumps(out))
"""


def _in_process() -> list[object]:
    out: list[object] = []
    for text, reference, fiscal, _expected in GOLDEN:
        day = dt.date.fromisoformat(reference)
        out.append(str(parse_date_text(text, reference=day, fiscal=CALENDARS[fiscal])))
    for text, reference, *_ in ERRORS:
        with pytest.raises(DateTextError) as info:
            parse_date_text(text, reference=dt.date.fromisoformat(reference))
        out.append([info.value.reason, info.value.start, info.value.end])
    return out


@pytest.mark.parametrize(
    ("zone", "now"),
    [
        ("Pacific/Kiritimati", dt.datetime(2087, 6, 30, 23, 59, tzinfo=dt.UTC)),  # UTC+14
        ("America/Adak", dt.datetime(1999, 12, 31, 12, 0, tzinfo=dt.UTC)),  # UTC-10, DST
        ("Asia/Kathmandu", dt.datetime(2020, 2, 29, 20, 0, tzinfo=dt.UTC)),  # UTC+5:45
    ],
)
def test_results_do_not_depend_on_the_clock_or_the_time_zone(zone: str, now: dt.datetime) -> None:
    script = _RUNNER.replace("FAKE_NOW", repr(now.timestamp()))
    script = script.replace("FAKE_YEAR", repr(now.year))  # no clock here is near a new year
    env = {
        "TZ": zone,
        "PYTHONPATH": os.pathsep.join([str(SRC), str(TESTS)]),
        "PATH": os.environ.get("PATH", ""),
        "PYTHONHASHSEED": "0",
    }
    completed = subprocess.run(
        [sys.executable, "-c", script], env=env, capture_output=True, text=True, check=False
    )
    assert completed.returncode == 0, completed.stderr
    assert json.loads(completed.stdout) == _in_process()


# -- laws -------------------------------------------------------------------------------------

PHRASES = tuple(dict.fromkeys([row[0] for row in GOLDEN] + [row[0] for row in ERRORS]))
AP_MONTHS = ("Jan.", "Feb.", "March", "April", "May", "June", "July", "Aug.", "Sept.", "Oct.",
             "Nov.", "Dec.")  # fmt: skip


def _parse(text: str, reference: dt.date | PartialDate) -> str:
    try:
        return str(parse_date_text(text, reference=reference))
    except DateTextError as exc:
        return f"error {exc.reason} @{exc.start}:{exc.end}"


@given(st.sampled_from(PHRASES), reference_dates())
def test_law_result_is_a_pure_function_of_text_and_reference(text: str, reference: dt.date) -> None:
    first = _parse(text, reference)
    assert _parse(text, reference) == first
    assert _parse(text, reference=PartialDate.from_date(reference)) == first


@given(reference_dates())
def test_law_relative_days_shift_with_the_reference(reference: dt.date) -> None:
    def day(text: str) -> PartialDate:
        result = parse_date_text(text, reference=reference)
        assert isinstance(result, PartialDate)
        assert result.precision == "day"
        return result

    assert day("today") == PartialDate.from_date(reference)
    assert day("yesterday") == PartialDate.from_date(reference - dt.timedelta(days=1))
    assert day("tomorrow") == PartialDate.from_date(reference + dt.timedelta(days=1))
    assert day("5 days ago") == PartialDate.from_date(reference - dt.timedelta(days=5))


@given(reference_dates(min_value=dt.date(3, 1, 1)))  # "two years ago" must stay in year 1+
def test_law_relative_months_and_years_keep_their_precision(reference: dt.date) -> None:
    def parse(text: str) -> PartialDate | Period:
        return parse_date_text(text, reference=reference)

    assert parse("last year") == PartialDate(year=reference.year - 1)
    assert parse("this year") == PartialDate(year=reference.year)
    assert parse("next year") == PartialDate(year=reference.year + 1)
    assert parse("two years ago") == PartialDate(year=reference.year - 2)
    previous = reference - relativedelta(months=1)
    assert parse("last month") == PartialDate(year=previous.year, month=previous.month)
    assert parse("a month ago") == parse("last month")
    assert parse("this month") == PartialDate(year=reference.year, month=reference.month)
    assert parse("a year ago") == parse("last year")


@given(reference_dates(), st.sampled_from(list(calendar.day_name)))
def test_law_weekday_rules(reference: dt.date, name: str) -> None:
    weekday = list(calendar.day_name).index(name)

    def back(text: str) -> int:
        result = parse_date_text(text, reference=reference)
        assert isinstance(result, PartialDate)
        assert result.earliest.weekday() == weekday
        return (reference - result.earliest).days

    assert 0 <= back(name) <= 6  # on or before the reference
    assert 1 <= back(f"last {name}") <= 7  # strictly before
    assert -7 <= back(f"next {name}") <= -1  # strictly after
    assert back(f"this past {name}") == back(f"last {name}")


@given(reference_dates())
def test_law_weeks_are_monday_to_sunday(reference: dt.date) -> None:
    for text, holds in (
        ("this week", reference),
        ("last week", reference - dt.timedelta(days=7)),
        ("a week ago", reference - dt.timedelta(days=7)),
        ("next week", reference + dt.timedelta(days=7)),
    ):
        week = parse_date_text(text, reference=reference)
        assert isinstance(week, Period)
        assert isinstance(week.start, PartialDate)
        assert isinstance(week.end, PartialDate)
        assert week.start.earliest.weekday() == 0
        assert (week.end.earliest - week.start.earliest).days == 6
        assert week.surely_contains(holds)


@given(reference_dates(), st.integers(1, 12))
def test_law_a_yearless_month_is_the_nearest_one(reference: dt.date, month: int) -> None:
    name = calendar.month_name[month]
    ahead = (month - reference.month) % 12
    if ahead == 6:
        with pytest.raises(DateTextError, match="ambiguous without a year"):
            parse_date_text(name, reference=reference)
        return
    result = parse_date_text(name, reference=reference)
    assert isinstance(result, PartialDate)
    assert result.precision == "month"  # "February" is a month, never a day filled from today
    months_away = (result.year - reference.year) * 12 + month - reference.month
    assert abs(months_away) <= 5


@given(st.dates(min_value=dt.date(1000, 1, 1), max_value=dt.date(9999, 12, 31)), reference_dates())
def test_law_absolute_dates_in_news_styles_read_back_whatever_the_reference(
    date: dt.date, reference: dt.date
) -> None:
    day = PartialDate.from_date(date)
    month_name = calendar.month_name[date.month]
    weekday = calendar.day_name[date.weekday()]
    for text in (
        f"{month_name} {date.day}, {date.year}",
        f"{AP_MONTHS[date.month - 1]} {date.day}, {date.year}",
        f"{date.day} {month_name} {date.year}",
        f"{weekday}, {month_name} {date.day}, {date.year}",
        f"on {date.isoformat()}.",
    ):
        assert parse_date_text(text, reference=reference) == day, text
    month = parse_date_text(f"{month_name} {date.year}", reference=reference)
    assert month == PartialDate(year=date.year, month=date.month)
    assert isinstance(month, PartialDate)
    assert month.precision == "month"
    year = parse_date_text(f"{date.year}", reference=reference)
    assert year == PartialDate(year=date.year)


@given(st.integers(1, 12), st.integers(1001, 9998), st.integers(1, 4), reference_dates())
def test_law_fiscal_phrases_resolve_with_the_calendar(
    first_month: int, year: int, quarter: int, reference: dt.date
) -> None:
    fiscal = FiscalCalendar(name="any", first_month=first_month)

    def parse(text: str) -> PartialDate | Period:
        return parse_date_text(text, reference=reference, fiscal=fiscal)

    assert parse(f"FY{year}") == fiscal.year(year)
    assert parse(f"fiscal year {year}") == fiscal.year(year)
    assert parse(f"Q{quarter} FY{year}") == fiscal.quarter(year, quarter)
    assert parse(f"Q{quarter} {year}") == CALENDAR_YEAR.quarter(year, quarter)
    if first_month != 1:
        assert parse(f"FY {year - 1}-{year % 100:02d}") == fiscal.year(year)
    this_year = parse("this fiscal year")
    assert isinstance(this_year, Period)
    assert this_year.surely_contains(reference)


_WORDS = st.sampled_from(
    [
        "Friday", "last", "next", "this", "the", "of", "from", "to", "through", "between",
        "and", "since", "until", "fiscal", "year", "FY", "Q", "quarter", "third", "week",
        "weekend", "month", "ago", "two", "February", "Feb.", "Sept.", "May", "2020", "2019",
        "19", "14", "31", "32", "3rd", "1990s", "-", "–", "/", ",", ".", "2018-19",
        "2020-02-14", "earlier", "later", "today", "over", "on", "Febtober", "at", " ",
    ]
)  # fmt: skip


@given(
    st.one_of(
        st.lists(_WORDS, max_size=7).map(" ".join),
        st.lists(_WORDS, max_size=7).map("".join),
        st.text(max_size=20),
    ),
    reference_dates(),
)
def test_law_any_text_gives_a_date_a_period_or_a_date_text_error(
    text: str, reference: dt.date
) -> None:
    try:
        result = parse_date_text(text, reference=reference)
    except DateTextError as exc:
        error = exc
    else:
        assert isinstance(result, PartialDate | Period)
        assert type(result).parse(str(result)) == result
        return
    assert error.text == text
    assert 0 <= error.start < error.end <= len(text) + 1
    assert text in error.render()


@given(
    st.sampled_from(["Friday", "last year", "August", "December 31", "2019", "this week"]),
    st.one_of(
        st.dates(min_value=dt.date(1, 1, 1), max_value=dt.date(1, 12, 31)),
        st.dates(min_value=dt.date(9999, 1, 1), max_value=dt.date(9999, 12, 31)),
    ),
)
def test_law_the_ends_of_the_calendar_give_a_date_text_error_not_a_crash(
    text: str, reference: dt.date
) -> None:
    with contextlib.suppress(DateTextError):
        parse_date_text(text, reference=reference)


# -- the published specification: docs/concepts/date-phrases.md ------------------------------

PHRASES_DOC = TESTS.parent / "docs" / "concepts" / "date-phrases.md"


def _doc_table(heading: str) -> list[list[str]]:
    """The cells of the table whose header row starts with ``| heading |``, code marks removed."""
    rows: list[list[str]] = []
    inside = False
    for line in PHRASES_DOC.read_text(encoding="utf-8").splitlines():
        if line.startswith(f"| {heading} |"):
            inside = True
            continue
        if inside and line.startswith("|---"):
            continue
        if inside and not line.startswith("|"):
            break
        if inside:
            rows.append([cell.strip().strip("`") for cell in line.strip("|").split("|")])
    return rows


def test_every_row_of_the_published_phrase_table_reads_as_shown_and_is_golden() -> None:
    rows = _doc_table("form")
    assert len(rows) >= 40
    golden = set(GOLDEN)
    forms = set()
    for form, phrase, published, fiscal, expected in rows:
        assert (phrase, published, fiscal, expected) in golden, phrase
        day = dt.date.fromisoformat(published)
        assert str(parse_date_text(phrase, reference=day, fiscal=CALENDARS[fiscal])) == expected
        forms.add(form)
    assert forms >= {"absolute", "yearless", "range", "open range", "relative", "fiscal"}


def test_every_published_phrase_that_raises_raises() -> None:
    rows = _doc_table("phrase")
    assert len(rows) >= 5
    for phrase, published, _why in rows:
        with pytest.raises(DateTextError):
            parse_date_text(phrase, reference=dt.date.fromisoformat(published))


# -- parts of the day, "mid-December" and words never dropped (issue 15, Time) ---------------

TUESDAY = dt.date(2025, 6, 10)
_PART_OF_DAY_PHRASES = (
    ("Tuesday afternoon", "afternoon"),
    ("this morning", "morning"),
    ("this evening", "evening"),
    ("yesterday evening", "evening"),
    ("today afternoon", "afternoon"),
    ("tomorrow morning", "morning"),
    ("last Tuesday night", "night"),
    ("next Friday morning", "morning"),
    ("on the night of June 8", "night"),
    ("Monday afternoon to Friday", "afternoon"),
    ("from Monday evening to Friday", "evening"),
    ("noon", "noon"),
    ("Tuesday midnight", "midnight"),
)


@pytest.mark.parametrize(("text", "word"), _PART_OF_DAY_PHRASES)
def test_a_part_of_the_day_raises_naming_the_word_instead_of_being_dropped(
    text: str, word: str
) -> None:
    with pytest.raises(DateTextError) as caught:
        parse_date_text(text, reference=TUESDAY)
    error = caught.value
    assert text[error.start : error.end] == word
    assert f"'{word}' is a time of day" in error.reason
    assert "UTC offset" in error.reason


def test_tuesday_afternoon_is_no_longer_read_as_the_whole_day() -> None:
    with pytest.raises(DateTextError, match="'afternoon' is a time of day"):
        parse_date_text("Tuesday afternoon", reference=TUESDAY)
    assert parse_date_text("Tuesday", reference=TUESDAY) == PartialDate(year=2025, month=6, day=10)


def test_tonight_and_last_night_still_name_a_day() -> None:
    assert parse_date_text("tonight", reference=TUESDAY) == PartialDate(year=2025, month=6, day=10)
    assert parse_date_text("last night", reference=TUESDAY) == PartialDate(
        year=2025, month=6, day=9
    )


@pytest.mark.parametrize(("text", "reference", "_fiscal", "_expected"), GOLDEN)
def test_a_golden_phrase_with_an_unknown_word_after_it_raises_naming_the_word(
    text: str, reference: str, _fiscal: str, _expected: str
) -> None:
    phrase = f"{text} zorp"
    with pytest.raises(DateTextError) as caught:
        parse_date_text(phrase, reference=dt.date.fromisoformat(reference))
    assert phrase[caught.value.start : caught.value.end] == "zorp"


@given(st.integers(min_value=1, max_value=12), st.integers(min_value=1000, max_value=9999))
def test_law_mid_month_is_days_11_to_20_of_that_month(month: int, year: int) -> None:
    name = calendar.month_name[month]
    expected = Period(
        start=PartialDate(year=year, month=month, day=11),
        end=PartialDate(year=year, month=month, day=20),
    )
    for text in (f"mid-{name} {year}", f"mid {name} {year}", f"mid-{name[:3]}. {year}"):
        assert parse_date_text(text, reference=TUESDAY) == expected, text


@given(st.integers(min_value=1, max_value=12), reference_dates())
def test_law_a_yearless_mid_month_lies_in_the_month_read_alone(
    month: int, reference: dt.date
) -> None:
    name = calendar.month_name[month]
    try:
        whole = parse_date_text(name, reference=reference)
    except DateTextError:
        with pytest.raises(DateTextError, match="ambiguous"):
            parse_date_text(f"mid-{name}", reference=reference)
        return
    mid = parse_date_text(f"mid-{name}", reference=reference)
    assert isinstance(whole, PartialDate)
    assert isinstance(mid, Period)
    assert isinstance(mid.start, PartialDate)
    assert isinstance(mid.end, PartialDate)
    assert whole.earliest <= mid.start.earliest <= mid.end.latest <= whole.latest
    assert (mid.start.day, mid.end.day) == (11, 20)


@pytest.mark.parametrize(
    ("text", "reason", "word"),
    [
        ("mid-December 14", "'mid' goes with a month, not a day", "14"),
        ("mid-Dec. 14, 2019", "'mid' goes with a month, not a day", "14"),
        ("mid 2019", "'mid' is read only before a month", "mid"),
        ("mid-week", "'mid' is read only before a month", "mid"),
    ],
)
def test_mid_without_a_month_raises(text: str, reason: str, word: str) -> None:
    with pytest.raises(DateTextError) as caught:
        parse_date_text(text, reference=TUESDAY)
    assert reason in caught.value.reason
    assert text[caught.value.start : caught.value.end] == word
