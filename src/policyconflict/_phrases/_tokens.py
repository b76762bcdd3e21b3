"""The words of date phrases: tokens, the tables of words, and the small values the parser
builds (a calendar date as written, a phrase already resolved)."""

from __future__ import annotations

import calendar
import datetime as _dt
import re
from typing import Final, Literal, NamedTuple, TypeAlias

import attrs
from dateutil import parser as _du_parser
from dateutil.relativedelta import FR, MO, SA, SU, TH, TU, WE

from policyconflict.dates import (
    CALENDAR_YEAR,
    PartialDate,
    Period,
)

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
_PARTS_OF_DAY: Final = ("morning", "afternoon", "evening", "night", "noon", "midnight")
_MID_DAYS: Final = (11, 20)  # "mid-December": December 11 to 20
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
    "mid": "'mid' is read only before a month (mid-December): give the month or the range",
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
    **{
        part: f"'{part}' is a time of day, not read from copy (it needs a UTC offset): "
        "give the date alone"
        for part in _PARTS_OF_DAY
    },
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
