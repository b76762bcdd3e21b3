"""One point of a phrase: absolute dates ("February 14, 2020", "2/14/2020", "the 1990s",
"2018-19"), a weekday alone or with its date, and the dispatch to relative and fiscal phrases."""

from __future__ import annotations

import calendar
import datetime as _dt

import attrs
from dateutil.relativedelta import relativedelta

from policyconflict._phrases._relative import _Relative
from policyconflict._phrases._tokens import (
    _CONTEXT_WORDS,
    _DAY,
    _INFO,
    _MID_DAYS,
    _NUMBER_WORDS,
    _ORDINAL_WORDS,
    _RD_WEEKDAYS,
    _UNITS,
    _VAGUE,
    _Cal,
    _date_words,
    _day,
    _days,
    _Fail,
    _Fixed,
    _Point,
    _Tok,
    _weekday,
)
from policyconflict.dates import (
    Period,
)


class _Absolute(_Relative):
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
            self.refuse_part_of_day()
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
        if word == "mid" and self.month_word(k=2 if self.is_kind("dash", k=1) else 1):
            return self.mid_month(tok)
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
        self.refuse_part_of_day()
        value = _day(self.ref + relativedelta(weekday=_RD_WEEKDAYS[weekday](-1)))
        return self.fixed(value, tok)

    def mid_month(self, tok: _Tok) -> _Fixed:
        """ "mid-December", "mid-Dec. 2019": days 11 to 20 of the month (a yearless month takes
        the year nearest the reference, as "December" does)."""
        self.i += 2 if self.is_kind("dash", k=1) else 1
        name, number = self.peek(), self.month_word()
        assert name is not None
        assert number is not None  # checked by the caller
        month = self.month_first(number, name)
        if month.day is not None:
            assert month.day_at is not None
            raise _Fail("'mid' goes with a month, not a day", *month.day_at)
        assert month.month is not None
        year = month.year
        if year is None:
            year = self.place(month.month, month.month, 0, "nearest", tok.start, month.end)
        first, last = (_dt.date(year, month.month, day) for day in _MID_DAYS)
        return self.fixed(_days(first, last), tok)

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
