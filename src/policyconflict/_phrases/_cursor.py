"""The parser's cursor over the tokens, the numbers and month names it reads, and the placing of
a date written without a year (see :mod:`policyconflict.phrases` for the rules)."""

from __future__ import annotations

import calendar
import datetime as _dt
from typing import NoReturn

from policyconflict._phrases._tokens import (
    _CONNECTORS,
    _INFO,
    _PARTS_OF_DAY,
    _VAGUE,
    _Cal,
    _date_words,
    _Fail,
    _Fixed,
    _Mode,
    _ordinal_suffix,
    _Tok,
    _tokenize,
)
from policyconflict.dates import (
    FiscalCalendar,
    PartialDate,
    Period,
)


class _Cursor:
    def __init__(self, text: str, reference: _dt.date, fiscal: FiscalCalendar) -> None:
        self.text = text
        self.tokens = _tokenize(text)
        self.ref = reference
        self.fiscal = fiscal
        self.i = 0

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

    def refuse_part_of_day(self) -> None:
        """Raise at a part of the day ("Tuesday afternoon"): a window of hours needs a UTC
        offset, which copy does not give, and dropping the word would claim the whole day."""
        tok = self.peek()
        if tok is not None and tok.kind == "word" and tok.text in _PARTS_OF_DAY:
            self.fail(_VAGUE[tok.text], tok)

    def last_end(self) -> int:
        return self.tokens[self.i - 1].end

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

    def fixed(self, value: PartialDate | Period, first: _Tok, *, fiscal: bool = False) -> _Fixed:
        return _Fixed(value, first.start, self.last_end(), fiscal=fiscal)

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

    def two_digit_year(self, value: int, tok: _Tok) -> int:
        century = self.ref.year - self.ref.year % 100
        candidates = sorted(
            (abs(c - self.ref.year), c) for c in (century - 100 + value, century + value,
                                                  century + 100 + value)
        )  # fmt: skip
        if candidates[0][0] == candidates[1][0]:
            self.fail(f"ambiguous two-digit year: {candidates[0][1]} or {candidates[1][1]}", tok)
        return candidates[0][1]

    @staticmethod
    def second_year(first: int, tail: int) -> int:
        """The year after ``first`` whose last two digits are ``tail`` (2018-19 → 2019)."""
        year = first - first % 100 + tail
        return year + 100 if year <= first else year

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
