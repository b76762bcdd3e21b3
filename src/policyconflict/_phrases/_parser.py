"""The whole phrase: a single point, a range ("February through May", "March 1-5, 2020",
"since 2017", "until May 2020"), and :func:`parse_phrase`."""

from __future__ import annotations

import datetime as _dt

import attrs

from policyconflict._phrases._absolute import _Absolute
from policyconflict._phrases._tokens import (
    _CONNECTORS,
    _PREFIXES,
    _VAGUE,
    _Cal,
    _Fail,
    _Fixed,
    _Mode,
    _Point,
)
from policyconflict.dates import (
    OPEN,
    UNKNOWN,
    Endpoint,
    FiscalCalendar,
    PartialDate,
    Period,
)
from policyconflict.errors import DateTextError

__all__ = ["parse_phrase"]


class _Parser(_Absolute):
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
