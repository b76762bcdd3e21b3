"""Date phrases from news copy, read relative to a reference date (the publication date).

:func:`parse_phrase` is the machinery behind :func:`policyconflict.dates.parse_date_text`. It is a
small tokenizer and a recursive-descent grammar; python-dateutil supplies the month and weekday
names (:class:`dateutil.parser.parserinfo`) and the calendar arithmetic
(:class:`dateutil.relativedelta.relativedelta`). :func:`dateutil.parser.parse` is never called: it
fills missing fields from today's date, and here nothing may depend on the machine's clock, date or
time zone. The result is a pure function of ``(text, reference, fiscal)``, and never more precise
than the phrase: "February" is a month, "last year" a year, "last week" the seven days of a week.

Phrases read (case-insensitive; surrounding space, a trailing period or comma, and a leading "on",
"in", "during" or "over" are tolerated):

* absolute: ``February 14, 2020``, ``Feb. 4, 1971``, ``Sept. 5, 2019``, ``14 February 2020``,
  ``the 14th of February``, ``Friday, Feb. 14, 2020`` (the weekday is checked), ``2020-02-14``,
  ``February 2020``, ``February of 2020``, ``2019``, ``2020-02``, ``the 1990s``, ``2/14/2020``
  (only when the order of day and month is unambiguous);
* ranges (a :class:`~policyconflict.dates.Period`): ``February through May``,
  ``from February to May 2020``, ``2018-2020``, ``2018–19``, ``between March 1 and March 5``,
  ``March 1-5, 2020``, ``Feb. 28-March 2``, ``from Jan. 1 until March 31, 2021``; open-ended:
  ``since 2017`` (``2017/..``: still going) and ``until May 2020`` (``/2020-05``: the start is
  *unknown*, not open — copy saying "until" rarely means "since the beginning of time");
* relative: ``today``, ``tonight``, ``yesterday``, ``tomorrow``, ``last night``, ``Friday``,
  ``last Friday``, ``next Friday``, ``this week``/``last week``/``next week`` (Monday to Sunday),
  ``this weekend``/``last weekend``/``next weekend``, ``the weekend``/``over the weekend``,
  ``this month``/``last month``/``next month``, ``this year``/``last year``/``next year``,
  ``this quarter``/``last quarter``/``next quarter``, ``last May``/``next May``,
  ``earlier this week|month|year``, ``later this week|month|year``, ``3 days ago``,
  ``two weeks ago``, ``a month ago``, ``two years ago``;
* fiscal (resolved with the ``fiscal`` calendar; a fiscal year is named by the calendar year it
  ends in): ``fiscal year 2019``, ``fiscal 2019``, ``FY2019``, ``FY 2019``, ``FY19``,
  ``FY 2018-19``, ``fiscal year 2018-2019``, ``fiscal years 2018-2020``, ``this fiscal year``,
  ``last fiscal year``, ``Q3 FY2018``, ``FY2018 Q3``, ``the third quarter of fiscal 2018``,
  ``fiscal Q3 2018``, ``the first half of fiscal 2019``. Without "fiscal" or "FY" a quarter or a
  half is of the calendar year: ``Q3 2018`` is 2018-07-01/2018-09-30.

The rules, where copy leaves room for more than one reading:

* **Weekdays.** "Friday" is the most recent Friday on or before the reference (news copy is
  written in the past tense; on a Friday, "Friday" is that day). "last Friday" is the most recent
  Friday strictly before the reference, "next Friday" the first one strictly after it. "this
  Friday" is ambiguous (this week's, or the coming one?) and raises.
* **Weeks and weekends** are ISO weeks, Monday to Sunday. "last week" is the week before the
  reference's, "this weekend" the Saturday and Sunday of the reference's week, "last weekend" of
  the week before. "the weekend" / "over the weekend" is the *nearest* weekend: the reference's
  own on a Saturday or Sunday, the one just past on Monday or Tuesday, the coming one on Thursday
  or Friday; on a Wednesday both are three days away and the phrase raises as ambiguous.
* **Yearless dates.** A month, a day of a month or a range of months written without a year
  takes the year that puts it nearest the reference, counted in whole months (0 when the phrase
  covers the reference's month): "February through May" on 2020-02-14 is 2020-02/2020-05,
  "December" on 2020-01-10 is 2019-12. When two years are equally near ("August" on
  2020-02-14: six months either way) the phrase raises as ambiguous. After "since", the latest
  occurrence that starts no later than the reference's month is taken instead. In a range, a year
  written on one end carries to the other: the end is in the start's year unless its month comes
  before the start's month (then the next year), and the other way round.
* "last May" is the latest May before the reference's month, "next May" the first one after it,
  "this May" the reference year's.
* **Two-digit years** ("FY19", "2/14/20") take the century that puts them nearest the reference
  year, and raise when two are 50 years away. In ``2018-19`` the second year follows the first.
  ``YYYY-NN`` is read as a month when NN is 01-12 and as a span of years when NN is the last two
  digits of one of the following ten years; when both fit (``2011-12``) it raises as ambiguous.
* **Numeric dates** ``12/3`` and ``12/03/2020`` raise as ambiguous (3 December or 12 March?);
  ``2/14/2020`` and ``14/2/2020`` are unambiguous. ISO ``2020-12-03`` is always fine.
* "the following fiscal year", "the same month" and other phrases that refer back to something
  earlier in the story raise: they need a context this function does not have.
"""

from __future__ import annotations

import calendar
import datetime as _dt
import re
from typing import Final, Literal, NamedTuple, NoReturn, TypeAlias

import attrs
from dateutil import parser as _du_parser
from dateutil.relativedelta import FR, MO, SA, SU, TH, TU, WE, relativedelta

from policyconflict.dates import (
    CALENDAR_YEAR,
    OPEN,
    UNKNOWN,
    Endpoint,
    FiscalCalendar,
    PartialDate,
    Period,
)
from policyconflict.errors import DateTextError

__all__ = ["parse_phrase"]


_INFO: Final = _du_parser.parserinfo()  # English month and weekday names
_MORE_WEEKDAYS: Final = {
    "tues": 1,
    "weds": 2,
    "thur": 3,
    "thurs": 3,
}  # AP copy abbreviates these too


def _weekday(word: str) -> int | None:
    """Monday=0 ... Sunday=6 for a weekday name or abbreviation, else ``None``."""
    found = _INFO.weekday(word)
    return _MORE_WEEKDAYS.get(word) if found is None else found


_RD_WEEKDAYS: Final = (MO, TU, WE, TH, FR, SA, SU)
_DAY: Final = _dt.timedelta(days=1)

_TOKEN: Final = re.compile(
    r"""
      (?P<iso>[0-9]{4}-[0-9]{2}-[0-9]{2})(?![0-9])
    | (?P<yn>[0-9]{4}[-–—][0-9]{2})(?![0-9])
    | (?P<num>[0-9]+)(?P<suffix>st|nd|rd|th|s)?
    | (?P<word>[^\W\d_]+)(?P<abbr>\.)?
    | (?P<dash>[-–—])
    | (?P<slash>/)
    | (?P<comma>,)
    | (?P<dot>\.)
    | (?P<space>\s+)
    """,
    re.VERBOSE,
)
_KINDS: Final = ("iso", "yn", "num", "word", "dash", "slash", "comma", "dot", "space")

_PREFIXES: Final = frozenset({"on", "in", "during", "over"})
_CONNECTORS: Final = frozenset({"to", "through", "thru", "until", "till"})
_PARTS_OF_DAY: Final = frozenset({"morning", "afternoon", "evening", "night"})
_NUMBER_WORDS: Final = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
}  # fmt: skip
_UNITS: Final = {
    "day": "day", "days": "day", "week": "week", "weeks": "week",
    "month": "month", "months": "month", "year": "year", "years": "year",
}  # fmt: skip
_ORDINAL_WORDS: Final = {"first": 1, "second": 2, "third": 3, "fourth": 4}
_CONTEXT_WORDS: Final = frozenset(
    {"following", "previous", "prior", "preceding", "same", "that", "subsequent"}
)
_VAGUE: Final = {
    "early": "'early' has no exact bounds: give the month or the range",
    "late": "'late' has no exact bounds: give the month or the range",
    "mid": "'mid' has no exact bounds: give the month or the range",
    "around": "'around' has no exact bounds: give the date",
    "about": "'about' has no exact bounds: give the date",
    "recently": "'recently' has no exact bounds: give the date",
    "before": "'before' is not read: the period it names excludes the date (use 'until')",
    "after": "'after' is not read: the period it names excludes the date (use 'since')",
    "spring": "seasons depend on the hemisphere: give the months",
    "summer": "seasons depend on the hemisphere: give the months",
    "fall": "seasons depend on the hemisphere: give the months",
    "autumn": "seasons depend on the hemisphere: give the months",
    "winter": "seasons depend on the hemisphere: give the months",
    "at": "a time of day is not read from copy (it needs a UTC offset): give the date alone",
}


class _Fail(Exception):
    """A reading failure at ``start:end`` of the text; becomes a DateTextError."""

    def __init__(self, reason: str, start: int, end: int) -> None:
        super().__init__(reason)
        self.reason = reason
        self.start = start
        self.end = end


class _Tok(NamedTuple):
    kind: str
    text: str  # lower case, without an abbreviation dot or an ordinal suffix
    start: int
    end: int
    suffix: str  # "st", "nd", "rd", "th" or "s" after a number; "." after an abbreviation


def _tokenize(text: str) -> list[_Tok]:
    tokens: list[_Tok] = []
    pos = 0
    while pos < len(text):
        match = _TOKEN.match(text, pos)
        if match is None:
            raise _Fail(f"unexpected character {text[pos]!r}", pos, pos + 1)
        kind = next(k for k in _KINDS if match.group(k) is not None)
        if kind != "space":
            suffix = match.group("suffix") or match.group("abbr") or ""
            body = match.group(kind).lower()
            tokens.append(_Tok(kind, body, match.start(), match.end(), suffix))
        pos = match.end()
    return tokens


@attrs.frozen
class _Cal:
    """A calendar date as written: the year may be missing, and (at one end of a range, as in
    "March 1-5") the month too. ``weekday`` is a weekday written with it, to check."""

    year: int | None
    month: int | None
    day: int | None
    start: int
    end: int
    day_at: tuple[int, int] | None = None
    weekday: tuple[int, int, int] | None = None  # (Monday=0 ..., start, end)


@attrs.frozen
class _Fixed:
    """A phrase already resolved (relative, fiscal, decades...)."""

    value: PartialDate | Period
    start: int
    end: int
    fiscal: bool = False


_Point: TypeAlias = _Cal | _Fixed
_Mode: TypeAlias = Literal["nearest", "past"]


def _day(value: _dt.date) -> PartialDate:
    return PartialDate.from_date(value)


def _days(first: _dt.date, last: _dt.date) -> Period:
    return Period(start=_day(first), end=_day(last))


def _month(value: _dt.date) -> PartialDate:
    return PartialDate(year=value.year, month=value.month)


def _monday(value: _dt.date) -> _dt.date:
    return value - value.weekday() * _DAY


def _week(value: _dt.date) -> Period:
    monday = _monday(value)
    return _days(monday, monday + 6 * _DAY)


def _weekend(value: _dt.date) -> Period:
    monday = _monday(value)
    return _days(monday + 5 * _DAY, monday + 6 * _DAY)


def _quarter_of(value: _dt.date) -> Period:
    return CALENDAR_YEAR.quarter(value.year, (value.month - 1) // 3 + 1)


def _ordinal_suffix(day: int) -> str:
    if 11 <= day % 100 <= 13:
        return "th"
    return {1: "st", 2: "nd", 3: "rd"}.get(day % 10, "th")


def _date_words(year: int, month: int, day: int | None = None) -> str:
    name = calendar.month_name[month]
    return f"{name} {year}" if day is None else f"{name} {day}, {year}"


class _Parser:
    def __init__(self, text: str, reference: _dt.date, fiscal: FiscalCalendar) -> None:
        self.text = text
        self.tokens = _tokenize(text)
        self.ref = reference
        self.fiscal = fiscal
        self.i = 0

    # -- token helpers ------------------------------------------------------------------------

    def peek(self, k: int = 0) -> _Tok | None:
        index = self.i + k
        return self.tokens[index] if index < len(self.tokens) else None

    def is_word(self, *words: str, k: int = 0) -> bool:
        tok = self.peek(k)
        return tok is not None and tok.kind == "word" and (not words or tok.text in words)

    def is_kind(self, kind: str, k: int = 0) -> bool:
        tok = self.peek(k)
        return tok is not None and tok.kind == kind

    def take_word(self, *words: str) -> _Tok | None:
        if self.is_word(*words):
            return self.advance()
        return None

    def advance(self) -> _Tok:
        tok = self.peek()
        if tok is None:
            self.fail("the phrase ends too early")
        self.i += 1
        return tok

    def fail(self, reason: str, tok: _Tok | None = None) -> NoReturn:
        tok = tok or self.peek()
        if tok is None:
            end = len(self.text.rstrip())
            raise _Fail(reason, end, end + 1)
        raise _Fail(reason, tok.start, tok.end)

    def last_end(self) -> int:
        return self.tokens[self.i - 1].end

    # -- the phrase ---------------------------------------------------------------------------

    def parse(self) -> PartialDate | Period:
        if not self.tokens:
            raise _Fail("empty date phrase", 0, max(1, len(self.text)))
        self.take_word(*_PREFIXES)
        result: PartialDate | Period
        if self.take_word("since"):
            start = self.single(self.point(), mode="past")
            result = Period(start=self.bound(start, first=True), end=OPEN)
        elif self.take_word(*_CONNECTORS) or self.take_two("up", "to"):
            end = self.single(self.point(), mode="nearest")
            result = Period(start=UNKNOWN, end=self.bound(end, first=False))
        elif self.take_word("between"):
            first = self.point()
            if not self.take_word("and"):
                self.fail("expected 'and' after the start of 'between ... and ...'")
            result = self.range(first, self.point())
        elif self.take_word("from"):
            first = self.point()
            if not self.take_connector():
                self.fail("expected 'to', 'through' or 'until' after the start of the range")
            result = self.range(first, self.point())
        else:
            first = self.point()
            if self.take_connector():
                result = self.range(first, self.point())
            else:
                result = self.single(first, mode="nearest")
        while (tok := self.peek()) is not None and tok.kind in ("comma", "dot"):
            self.i += 1
        if (tok := self.peek()) is not None:
            reason = _VAGUE.get(tok.text, "") if tok.kind == "word" else ""
            reason = reason or "unexpected words after the date"
            raise _Fail(reason, tok.start, self.tokens[-1].end)
        return result

    def take_two(self, first: str, second: str) -> bool:
        if self.is_word(first) and self.is_word(second, k=1):
            self.i += 2
            return True
        return False

    def take_connector(self) -> bool:
        tok = self.peek()
        if tok is not None and (tok.kind == "dash" or self.is_word(*_CONNECTORS)):
            self.i += 1
            return True
        return False

    # -- resolving points into results --------------------------------------------------------

    def single(self, point: _Point, *, mode: _Mode) -> PartialDate | Period:
        if isinstance(point, _Fixed):
            return point.value
        if point.year is None:
            if point.month is None:
                raise _Fail("a day needs a month", point.start, point.end)
            year = self.place(point.month, point.month, 0, mode, point.start, point.end)
            point = attrs.evolve(point, year=year)
        return self.to_date(point)

    def bound(self, value: PartialDate | Period, *, first: bool) -> PartialDate | Endpoint:
        if isinstance(value, PartialDate):
            return value
        return value.start if first else value.end

    def to_date(self, cal: _Cal) -> PartialDate:
        if cal.year is None or (cal.month is None and cal.day is not None):
            raise _Fail("a day needs a month", cal.start, cal.end)
        if cal.day is not None and cal.month is not None:
            last = calendar.monthrange(cal.year, cal.month)[1]
            if not 1 <= cal.day <= last:
                at = cal.day_at or (cal.start, cal.end)
                month = _date_words(cal.year, cal.month)
                raise _Fail(f"there is no day {cal.day} in {month}", *at)
        date = PartialDate(year=cal.year, month=cal.month, day=cal.day)
        if cal.weekday is not None and cal.month is not None and cal.day is not None:
            weekday, start, end = cal.weekday
            actual = _dt.date(cal.year, cal.month, cal.day).weekday()
            if actual != weekday:
                written = _date_words(cal.year, cal.month, cal.day)
                names = calendar.day_name
                raise _Fail(f"{written} is a {names[actual]}, not a {names[weekday]}", start, end)
        return date

    def place(self, first: int, last: int, wrap: int, mode: _Mode, start: int, end: int) -> int:
        """The year for months ``first``..``last`` (+12 when ``wrap``) written without one."""
        here = self.ref.year * 12 + self.ref.month - 1
        spans = [
            (year, year * 12 + first - 1, year * 12 + last - 1 + 12 * wrap)
            for year in range(self.ref.year - 2, self.ref.year + 3)
        ]
        if mode == "past":
            return max((s, year) for year, s, _e in spans if s <= here)[1]
        distances = [(max(0, s - here, here - e), year) for year, s, e in spans]
        best = min(distances)[0]
        years = [year for distance, year in distances if distance == best]
        if len(years) > 1:

            def reading(year: int) -> str:
                text = _date_words(year, first)
                if wrap or last != first:
                    text += f" to {_date_words(year + wrap, last)}"
                return text

            raise _Fail(
                f"ambiguous without a year: {reading(years[0])} or {reading(years[1])}",
                start,
                end,
            )
        return years[0]

    def range(self, a: _Point, b: _Point) -> Period:
        fiscal_end = isinstance(b, _Cal) and b.month is None and b.year is not None
        if isinstance(a, _Fixed) and a.fiscal and isinstance(b, _Cal) and fiscal_end:
            assert b.year is not None  # "fiscal year 2018 to 2019": the end is a fiscal year too
            b = _Fixed(self.fiscal.year(b.year), b.start, b.end, fiscal=True)
        if isinstance(a, _Cal) and isinstance(b, _Cal):
            a, b = self.share_years(a, b)
        elif isinstance(a, _Cal) and a.year is None:
            assert isinstance(b, _Fixed)
            anchor = self.bound(b.value, first=False)
            if not isinstance(anchor, PartialDate) or a.month is None:
                raise _Fail("the start of the range needs a year", a.start, a.end)
            last = anchor.latest
            a = attrs.evolve(a, year=last.year - (1 if a.month > last.month else 0))
        elif isinstance(b, _Cal) and b.year is None:
            assert isinstance(a, _Fixed)
            anchor = self.bound(a.value, first=True)
            if not isinstance(anchor, PartialDate) or b.month is None:
                raise _Fail("the end of the range needs a year", b.start, b.end)
            first = anchor.earliest
            b = attrs.evolve(b, year=first.year + (1 if b.month < first.month else 0))
        start = self.bound(self.single(a, mode="nearest"), first=True)
        end = self.bound(self.single(b, mode="nearest"), first=False)
        try:
            return Period(start=start, end=end)
        except ValueError:
            raise _Fail("the range ends before it starts", a.start, b.end) from None

    def share_years(self, a: _Cal, b: _Cal) -> tuple[_Cal, _Cal]:
        """Carry a month and a year written on one end of a range to the other."""
        if b.month is None and b.day is not None:  # "March 1-5"
            if a.month is None or a.day is None:
                raise _Fail("a day needs a month", b.start, b.end)
            b = attrs.evolve(b, month=a.month, year=a.year if b.year is None else b.year)
        elif a.month is None and a.day is not None:  # "5-7 March"
            if b.month is None or b.day is None:
                raise _Fail("a day needs a month", a.start, a.end)
            a = attrs.evolve(a, month=b.month, year=b.year if a.year is None else a.year)
        if a.year is None and b.year is None:
            assert a.month is not None
            assert b.month is not None
            wrap = 1 if b.month < a.month else 0
            year = self.place(a.month, b.month, wrap, "nearest", a.start, b.end)
            return attrs.evolve(a, year=year), attrs.evolve(b, year=year + wrap)
        if a.year is None:
            assert a.month is not None
            assert b.year is not None
            return attrs.evolve(a, year=b.year - (1 if a.month > (b.month or 12) else 0)), b
        if b.year is None:
            assert b.month is not None
            return a, attrs.evolve(b, year=a.year + (1 if b.month < (a.month or 1) else 0))
        return a, b

    # -- points -------------------------------------------------------------------------------

    def point(self) -> _Point:
        self.take_word("the")
        tok = self.peek()
        if tok is None:
            self.fail("expected a date")
        if tok.kind == "iso":
            self.i += 1
            year, month, day = (int(part) for part in tok.text.split("-"))
            if year == 0:
                raise _Fail("there is no year 0000", tok.start, tok.start + 4)
            if not 1 <= month <= 12:
                raise _Fail(f"there is no month {month}", tok.start + 5, tok.start + 7)
            cal = _Cal(year, month, day, tok.start, tok.end, day_at=(tok.start + 8, tok.end))
            self.to_date(cal)
            return cal
        if tok.kind == "yn":
            self.i += 1
            return self.year_dash_two_digits(tok)
        if tok.kind == "num":
            return self.numeric()
        if tok.kind != "word":
            self.fail("expected a date")
        return self.worded(tok)

    def worded(self, tok: _Tok) -> _Point:
        word = tok.text
        ref = self.ref
        if word in ("today", "tonight", "yesterday", "tomorrow"):
            self.i += 1
            if word != "tonight":
                self.take_word(*_PARTS_OF_DAY)
            shift = {"yesterday": -1, "tomorrow": 1}.get(word, 0)
            return self.fixed(_day(ref + shift * _DAY), tok)
        if word in ("last", "next", "this"):
            return self.relative()
        if word in ("earlier", "later"):
            return self.earlier_later()
        if word in ("fiscal", "fy"):
            return self.fiscal_point()
        if word == "calendar":
            self.i += 1
            self.take_word("year")
            year = self.year_number()
            if year is None:
                self.fail("expected a four-digit year")
            return _Cal(year, None, None, tok.start, self.last_end())
        if word == "q" or (word in _ORDINAL_WORDS and self.is_word("quarter", "half", k=1)):
            return self.quarter_point(fiscal=False, start=tok.start)
        if word in _ORDINAL_WORDS and self.is_kind("dash", k=1):  # "third-quarter 2018"
            return self.quarter_point(fiscal=False, start=tok.start)
        if word == "weekend":
            self.i += 1
            return self.fixed(self.nearest_weekend(tok), tok)
        if word in _NUMBER_WORDS and self.is_word(*_UNITS, k=1):
            self.i += 1
            return self.ago(_NUMBER_WORDS[word], tok)
        if (weekday := _weekday(word)) is not None:
            return self.weekday_point(weekday, tok)
        if (month := _INFO.month(word)) is not None:
            return self.month_first(month, tok)
        if word == "current" and self.is_word("fiscal", k=1):
            self.i += 1
            return self.fiscal_relative(0, tok)
        if word in _CONTEXT_WORDS:
            self.fail(
                f"'{word}' refers to a date named earlier in the story: give the date itself",
                tok,
            )
        if word in _VAGUE:
            self.fail(_VAGUE[word], tok)
        self.fail(f"cannot read {self.text[tok.start : tok.end]!r} as a date", tok)

    def fixed(self, value: PartialDate | Period, first: _Tok, *, fiscal: bool = False) -> _Fixed:
        return _Fixed(value, first.start, self.last_end(), fiscal=fiscal)

    # numbers: years, days, decades, numeric dates, "3 days ago"

    def numeric(self) -> _Point:
        tok = self.advance()
        digits, suffix = tok.text, tok.suffix
        value = int(digits)
        if suffix == "s":
            if len(digits) != 4 or value % 10:
                self.fail("a decade is written like 1990s", tok)
            return self.fixed(Period.between(f"{value:04d}", f"{value + 9:04d}"), tok)
        if suffix and self.is_word("quarter", "half"):
            self.i -= 1
            return self.quarter_point(fiscal=False, start=tok.start)
        nxt = self.peek()
        if nxt is not None and nxt.kind == "slash" and nxt.start == tok.end and not suffix:
            return self.numeric_date(tok)
        if not suffix and self.is_word(*_UNITS):
            return self.ago(value, tok)
        if self.is_word("of") and self.peek(1) is not None and self.month_word(k=1) is not None:
            self.i += 1
        if (month := self.month_word()) is not None:  # "14 February 2020", "the 14th of May"
            day = self.day_number(tok)
            self.i += 1
            year = self.after_month_year()
            return _Cal(year, month, day, tok.start, self.last_end(), day_at=(tok.start, tok.end))
        if len(digits) == 4 and not suffix:
            self.i -= 1
            year = self.year_number()
            assert year is not None
            return _Cal(year, None, None, tok.start, tok.end)
        if len(digits) <= 2:  # a bare day: only at one end of a range ("March 1-5")
            day = self.day_number(tok)
            year = self.after_month_year()
            return _Cal(year, None, day, tok.start, self.last_end(), day_at=(tok.start, tok.end))
        self.fail("not a day or a four-digit year", tok)

    def month_word(self, k: int = 0) -> int | None:
        tok = self.peek(k)
        if tok is None or tok.kind != "word":
            return None
        return _INFO.month(tok.text)

    def day_number(self, tok: _Tok) -> int:
        day = int(tok.text)
        if len(tok.text) > 2 or not 1 <= day <= 31:
            self.fail(f"there is no day {tok.text}", tok)
        if tok.suffix not in ("", _ordinal_suffix(day)):
            self.fail(f"write {day}{_ordinal_suffix(day)}, not {day}{tok.suffix}", tok)
        return day

    def year_number(self, k: int = 0) -> int | None:
        """Take a four-digit year at ``k`` tokens ahead (skipping those before it), if any."""
        tok = self.peek(k)
        if tok is not None and tok.kind == "num" and len(tok.text) == 4 and not tok.suffix:
            self.i += k + 1
            if tok.text == "0000":
                self.fail("there is no year 0000", tok)
            return int(tok.text)
        return None

    def after_month_year(self) -> int | None:
        """An optional year after a month or a day: ``, 2020``, ``2020`` or ``of 2020``."""
        if self.is_kind("comma") or self.is_word("of"):
            return self.year_number(k=1)
        return self.year_number()

    def month_first(self, month: int, tok: _Tok) -> _Cal:
        self.i += 1
        nxt = self.peek()
        if nxt is not None and nxt.kind == "num" and len(nxt.text) <= 3 and nxt.suffix != "s":
            self.i += 1
            day = self.day_number(nxt)
            year = self.after_month_year()
            return _Cal(year, month, day, tok.start, self.last_end(), day_at=(nxt.start, nxt.end))
        year = self.after_month_year()
        return _Cal(year, month, None, tok.start, self.last_end())

    def numeric_date(self, first: _Tok) -> _Cal:
        self.i += 1  # the slash
        second = self.advance()
        if second.kind != "num" or len(second.text) > 2 or second.suffix:
            self.fail("expected a day or a month after '/'", second)
        a, b = int(first.text), int(second.text)
        at = (first.start, second.end)
        if len(first.text) > 2 or a == 0 or b == 0 or (a > 12 and b > 12) or max(a, b) > 31:
            raise _Fail("not a numeric date (month/day or day/month)", *at)
        if a <= 12 and b <= 12 and a != b:
            text = self.text[at[0] : at[1]]
            names = calendar.month_name
            raise _Fail(
                f"ambiguous: {text} is {names[a]} {b} or {names[b]} {a}: write the month's name",
                *at,
            )
        month, day = (a, b) if a <= 12 else (b, a)
        year: int | None = None
        slash = self.peek()
        if slash is not None and slash.kind == "slash" and slash.start == second.end:
            self.i += 1
            year_tok = self.advance()
            if year_tok.kind != "num" or len(year_tok.text) not in (2, 4) or year_tok.suffix:
                self.fail("expected a two- or four-digit year", year_tok)
            year = int(year_tok.text)
            if year_tok.text == "0000":
                self.fail("there is no year 0000", year_tok)
            if len(year_tok.text) == 2:
                year = self.two_digit_year(year, year_tok)
        return _Cal(year, month, day, first.start, self.last_end(), day_at=at)

    def two_digit_year(self, value: int, tok: _Tok) -> int:
        century = self.ref.year - self.ref.year % 100
        candidates = sorted(
            (abs(c - self.ref.year), c) for c in (century - 100 + value, century + value,
                                                  century + 100 + value)
        )  # fmt: skip
        if candidates[0][0] == candidates[1][0]:
            self.fail(f"ambiguous two-digit year: {candidates[0][1]} or {candidates[1][1]}", tok)
        return candidates[0][1]

    def year_dash_two_digits(self, tok: _Tok) -> _Point:
        year, tail = int(tok.text[:4]), int(tok.text[5:])
        end_year = self.second_year(year, tail)
        as_years = end_year - year <= 10
        as_month = 1 <= tail <= 12
        if as_years and as_month:
            raise _Fail(
                f"ambiguous: {_date_words(year, tail)} or the years {year} to {end_year}",
                tok.start,
                tok.end,
            )
        if as_years:
            return _Fixed(Period.between(f"{year:04d}", f"{end_year:04d}"), tok.start, tok.end)
        if as_month:
            return _Cal(year, tail, None, tok.start, tok.end)
        raise _Fail("not a month (01-12) or the end of a span of years", tok.start + 5, tok.end)

    @staticmethod
    def second_year(first: int, tail: int) -> int:
        """The year after ``first`` whose last two digits are ``tail`` (2018-19 → 2019)."""
        year = first - first % 100 + tail
        return year + 100 if year <= first else year

    # relative phrases

    def ago(self, count: int, first: _Tok) -> _Fixed:
        unit = _UNITS[self.advance().text]
        if not self.take_word("ago"):
            self.fail("expected 'ago'")
        ref = self.ref
        if unit == "day":
            value: PartialDate | Period = _day(ref - count * _DAY)
        elif unit == "week":
            value = _week(ref - 7 * count * _DAY)
        elif unit == "month":
            value = _month(ref - relativedelta(months=count))
        else:
            value = PartialDate(year=ref.year - count)
        return self.fixed(value, first)

    def relative(self) -> _Point:
        first = self.advance()
        which = first.text
        if which == "this" and self.take_word("past"):
            which = "last"
        elif which == "this" and self.take_word("coming"):
            which = "next"
        step = {"last": -1, "this": 0, "next": 1}[which]
        tok = self.peek()
        if tok is None or tok.kind != "word":
            self.fail(f"expected week, month, year or a weekday after '{first.text}'")
        word = tok.text
        ref = self.ref
        if word == "fiscal":
            return self.fiscal_relative(step, first)
        self.i += 1
        value: PartialDate | Period
        if (weekday := _weekday(word)) is not None:
            if step == 0:
                name = self.text[tok.start : tok.end]
                self.fail(
                    f"ambiguous: 'this {name}' may be this week's or the coming one: "
                    f"write 'last {name}', 'next {name}' or the date",
                    _Tok("word", word, first.start, tok.end, ""),
                )
            start = ref + step * _DAY
            value = _day(start + relativedelta(weekday=_RD_WEEKDAYS[weekday](step)))
            self.take_word(*_PARTS_OF_DAY)
        elif (month := _INFO.month(word)) is not None:
            year = ref.year
            if step < 0:
                year -= 1 if month >= ref.month else 0
            elif step > 0:
                year += 1 if month <= ref.month else 0
            value = PartialDate(year=year, month=month)
        elif word in ("week", "weekend"):
            shifted = ref + 7 * step * _DAY
            value = _week(shifted) if word == "week" else _weekend(shifted)
        elif word == "month":
            value = _month(ref + relativedelta(months=step))
        elif word == "year":
            value = PartialDate(year=ref.year + step)
        elif word == "quarter":
            value = _quarter_of(ref + relativedelta(months=3 * step))
        elif word == "night" and step == -1:
            value = _day(ref - _DAY)
        elif word in _PARTS_OF_DAY and step == 0:
            value = _day(ref)
        else:
            self.fail(f"cannot read '{first.text} {word}' as a date", tok)
        return self.fixed(value, first)

    def earlier_later(self) -> _Fixed:
        first = self.advance()
        ref = self.ref
        if self.take_word("today"):
            return self.fixed(_day(ref), first)
        if not self.take_word("this"):
            self.fail(f"expected 'this week', 'this month' or 'this year' after '{first.text}'")
        unit = self.take_word("week", "month", "year")
        if unit is None:
            self.fail(f"expected 'week', 'month' or 'year' after '{first.text} this'")
        if unit.text == "week":
            whole = _week(ref)
        elif unit.text == "month":
            last = calendar.monthrange(ref.year, ref.month)[1]
            whole = _days(ref.replace(day=1), ref.replace(day=last))
        else:
            whole = _days(_dt.date(ref.year, 1, 1), _dt.date(ref.year, 12, 31))
        if first.text == "earlier":
            value = Period(start=whole.start, end=_day(ref))
        else:
            value = Period(start=_day(ref), end=whole.end)
        return self.fixed(value, first)

    def nearest_weekend(self, tok: _Tok) -> Period:
        weekday = self.ref.weekday()
        if weekday >= 5:
            return _weekend(self.ref)
        back, ahead = weekday + 1, 5 - weekday
        if back == ahead:
            last, coming = _weekend(self.ref - 7 * _DAY), _weekend(self.ref)
            raise _Fail(
                f"ambiguous: the weekend just past ({last}) or the coming one ({coming})",
                tok.start,
                tok.end,
            )
        return _weekend(self.ref - 7 * _DAY) if back < ahead else _weekend(self.ref)

    def weekday_point(self, weekday: int, tok: _Tok) -> _Point:
        self.i += 1
        comma = self.peek()
        has_comma = comma is not None and comma.kind == "comma"
        k = 1 if has_comma else 0
        nxt = self.peek(k)
        dated = nxt is not None and (
            self.month_word(k) is not None
            or (
                nxt.kind == "num"
                and (self.month_word(k + 1) is not None or self.is_word("of", k=k + 1))
            )
            or nxt.kind == "iso"
        )
        if dated:
            self.i += k
            point = self.point()
            if not isinstance(point, _Cal) or point.day is None:
                self.fail("a weekday goes with a day", tok)
            return attrs.evolve(point, start=tok.start, weekday=(weekday, tok.start, tok.end))
        self.take_word(*_PARTS_OF_DAY)
        value = _day(self.ref + relativedelta(weekday=_RD_WEEKDAYS[weekday](-1)))
        return self.fixed(value, tok)

    # fiscal years and quarters

    def fiscal_relative(self, step: int, first: _Tok) -> _Fixed:
        self.advance()  # "fiscal"
        if not self.take_word("year"):
            self.fail("expected 'year' after 'fiscal'")
        year = self.fiscal.year_of(self.ref) + step
        return self.fixed(self.fiscal.year(year), first, fiscal=True)

    def fiscal_point(self) -> _Point:
        first = self.advance()
        if first.text == "fiscal":
            if self.is_word("q") or self.is_word(*_ORDINAL_WORDS):
                return self.quarter_point(fiscal=True, start=first.start)
            plural = self.take_word("years") is not None
            if not plural:
                self.take_word("year")
        else:
            plural = False
        first_year, last_year = self.fiscal_years(plural=plural)
        if plural:
            value = Period(
                start=self.fiscal.year(first_year).start, end=self.fiscal.year(last_year).end
            )
            return self.fixed(value, first, fiscal=True)
        if self.is_word("q"):  # "FY2018 Q3"
            quarter = self.quarter_number()
            return self.fixed(self.fiscal.quarter(last_year, quarter), first, fiscal=True)
        return self.fixed(self.fiscal.year(last_year), first, fiscal=True)

    def fiscal_years(self, *, plural: bool) -> tuple[int, int]:
        """``2019``, ``19``, ``2018-19``, ``2018-2019``: the first and the last year written."""
        tok = self.peek()
        if tok is None or tok.kind not in ("num", "yn") or tok.suffix:
            self.fail("expected the fiscal year (2019, FY19, 2018-19)")
        self.i += 1
        if tok.kind == "yn":
            first = int(tok.text[:4])
            last = self.second_year(first, int(tok.text[5:]))
            second_at = (tok.start + 5, tok.end)
        else:
            if len(tok.text) not in (2, 4):
                self.fail("expected a two- or four-digit year", tok)
            first = int(tok.text) if len(tok.text) == 4 else self.two_digit_year(int(tok.text), tok)
            dash, nxt = self.peek(), self.peek(1)
            if (
                dash is not None
                and dash.kind == "dash"
                and nxt is not None
                and nxt.kind == "num"
                and len(nxt.text) in (2, 4)
                and not nxt.suffix
            ):
                self.i += 2
                if len(nxt.text) == 4:
                    last = int(nxt.text)
                else:
                    last = self.second_year(first, int(nxt.text))
                second_at = (nxt.start, nxt.end)
            else:
                return first, first
        if plural:
            if last <= first:
                raise _Fail("the range of fiscal years ends before it starts", *second_at)
            return first, last
        if self.fiscal.first_month == 1:
            raise _Fail(
                f"fiscal years of the {self.fiscal.name!r} calendar are calendar years: "
                "write one year",
                *second_at,
            )
        if last != first + 1:
            raise _Fail("a fiscal year spans two consecutive calendar years", *second_at)
        return first, last

    def quarter_number(self) -> int:
        self.advance()  # "q"
        tok = self.advance()
        if tok.kind != "num" or tok.suffix or not 1 <= int(tok.text) <= 4:
            self.fail("a quarter is Q1, Q2, Q3 or Q4", tok)
        return int(tok.text)

    def quarter_point(self, *, fiscal: bool, start: int) -> _Fixed:
        half = False
        if self.is_word("q"):
            quarter = self.quarter_number()
        else:
            tok = self.advance()
            if tok.kind == "num":
                quarter = int(tok.text)
                if tok.suffix != _ordinal_suffix(quarter) or not 1 <= quarter <= 4:
                    self.fail("expected first, second, third or fourth", tok)
            else:
                quarter = _ORDINAL_WORDS[tok.text]
            if self.is_kind("dash"):
                self.i += 1
            unit = self.take_word("quarter", "half")
            if unit is None:
                self.fail("expected 'quarter' or 'half'")
            half = unit.text == "half"
            if half and quarter > 2:
                self.fail("a year has a first and a second half", tok)
        self.take_word("of")
        self.take_word("the")
        if self.is_word("fiscal", "fy"):
            word = self.advance()
            if word.text == "fiscal":
                self.take_word("year")
            fiscal = True
        if fiscal:
            year = self.fiscal_years(plural=False)[1]
            calendar_ = self.fiscal
        else:
            calendar_year = self.year_number()
            if calendar_year is None:
                self.fail("a quarter needs a year (Q3 2018, the third quarter of fiscal 2018)")
            year = calendar_year
            calendar_ = CALENDAR_YEAR
        if half:
            first_q, last_q = 2 * quarter - 1, 2 * quarter
            value = Period(
                start=calendar_.quarter(year, first_q).start,
                end=calendar_.quarter(year, last_q).end,
            )
        else:
            value = calendar_.quarter(year, quarter)
        return _Fixed(value, start, self.last_end(), fiscal=fiscal)


def _reference_day(reference: _dt.date | PartialDate) -> _dt.date:
    if isinstance(reference, PartialDate):
        if reference.month is None or reference.day is None:
            text = str(reference)
            raise DateTextError(
                "the reference date must be a full day, not a year or a month", text, 0, len(text)
            )
        if reference.uncertain or reference.approximate:
            text = str(reference)
            raise DateTextError("the reference date must be certain", text, 0, len(text))
        return reference.earliest
    if isinstance(reference, _dt.datetime):
        return reference.date()
    if isinstance(reference, _dt.date):
        return reference
    raise TypeError(f"reference must be a date or a PartialDate, got {type(reference).__name__}")


def parse_phrase(
    text: str, *, reference: _dt.date | PartialDate, fiscal: FiscalCalendar
) -> PartialDate | Period:
    """Read a date phrase relative to ``reference``; see the module documentation for the rules.

    Raises :class:`~policyconflict.errors.DateTextError` when the phrase cannot be read or can be
    read more than one way, with ``start``/``end`` at the offending words.
    """
    if not isinstance(text, str):
        raise TypeError(f"text must be a str, got {type(text).__name__}")
    if not isinstance(fiscal, FiscalCalendar):
        raise TypeError(f"fiscal must be a FiscalCalendar, got {type(fiscal).__name__}")
    day = _reference_day(reference)
    try:
        return _Parser(text, day, fiscal).parse()
    except _Fail as exc:
        raise DateTextError(exc.reason, text, exc.start, exc.end) from None
    except (ValueError, OverflowError) as exc:
        if isinstance(exc, DateTextError):
            raise
        reason = "the date falls outside the years 1 to 9999"
        raise DateTextError(reason, text, 0, len(text)) from None
