"""Phrases relative to the reference day: "today", "last week", "this month", "3 days ago",
"earlier this year", "the weekend"."""

from __future__ import annotations

import calendar
import datetime as _dt

from dateutil.relativedelta import relativedelta

from policyconflict._phrases._fiscal import _Fiscal
from policyconflict._phrases._tokens import (
    _DAY,
    _INFO,
    _PARTS_OF_DAY,
    _RD_WEEKDAYS,
    _UNITS,
    _VAGUE,
    _day,
    _days,
    _Fail,
    _Fixed,
    _month,
    _Point,
    _quarter_of,
    _Tok,
    _week,
    _weekday,
    _weekend,
)
from policyconflict.dates import (
    PartialDate,
    Period,
)


class _Relative(_Fiscal):
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
            self.refuse_part_of_day()
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
        elif word == "night" and step == -1:  # an idiom for the day before, like "tonight"
            value = _day(ref - _DAY)
        elif word in _PARTS_OF_DAY:
            self.fail(_VAGUE[word], tok)
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
