"""Fiscal years and quarters: "fiscal year 2019", "FY 2018-19", "Q3 FY2018", "this fiscal year",
calendar quarters and halves ("Q3 2018")."""

from __future__ import annotations

from policyconflict._phrases._cursor import _Cursor
from policyconflict._phrases._tokens import (
    _ORDINAL_WORDS,
    _Fail,
    _Fixed,
    _ordinal_suffix,
    _Point,
    _Tok,
)
from policyconflict.dates import (
    CALENDAR_YEAR,
    Period,
)


class _Fiscal(_Cursor):
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
