"""Time as integers: the bounds of dates and periods encoded for sorted arrays and bisection.

Every bound key of :mod:`policyconflict.dates` (a ``(day ordinal, sub)`` pair) maps to one int,
order kept, so an index can store a date as eight bytes and compare with ``<=``. A query's time
filter becomes a :class:`Window`: two ints and a test, ``"overlap"`` (the record's interval meets
the window) or ``"inside"`` (the record's interval lies inside the window).
"""

from __future__ import annotations

import datetime as _dt
from typing import Final, Literal, TypeAlias

import attrs

from policyconflict.dates import Certainty, Key, PartialDate, Period

Test: TypeAlias = Literal["overlap", "inside"]
DateLike: TypeAlias = PartialDate | _dt.date | str
PeriodLike: TypeAlias = Period | str

_SCALE: Final = 2_000_001
_SHIFT: Final = 1_000_000
NEVER: Final = 10**15
"""The key given to a record without a date: above every real key, so no window reaches it."""

DAY: Final = _SCALE
"""The width of one day in encoded units."""


def encode(key: Key) -> int:
    """One int for a bound key, keeping its order."""
    return key[0] * _SCALE + key[1] + _SHIFT


def as_date(value: PartialDate | _dt.date | str) -> PartialDate:
    """A :class:`PartialDate` from a PartialDate, a :class:`datetime.date` or EDTF text."""
    if isinstance(value, PartialDate):
        return value
    if isinstance(value, str):
        return PartialDate.parse(value)
    if isinstance(value, _dt.date):
        return PartialDate.from_date(value)
    raise TypeError(f"expected a PartialDate, a date or EDTF text, got {type(value).__name__}")


def as_period(value: Period | str) -> Period:
    """A :class:`Period` from a Period or EDTF interval text."""
    if isinstance(value, Period):
        return value
    if isinstance(value, str):
        return Period.parse(value)
    raise TypeError(f"expected a Period or EDTF interval text, got {type(value).__name__}")


def opt_date(value: DateLike | None) -> PartialDate | None:
    """:func:`as_date`, passing ``None`` through."""
    return None if value is None else as_date(value)


def opt_period(value: PeriodLike | None) -> Period | None:
    """:func:`as_period`, passing ``None`` through."""
    return None if value is None else as_period(value)


_CACHE: dict[tuple[int, int | None, int | None], tuple[int, int]] = {}


def date_bounds(date: PartialDate | None) -> tuple[int, int]:
    """The encoded earliest and latest moments of ``date`` (``NEVER`` twice for no date)."""
    if date is None:
        return NEVER, NEVER
    if date.hour is None:
        short = (date.year, date.month, date.day)
        found = _CACHE.get(short)
        if found is None:
            found = (encode(date.earliest_key), encode(date.latest_key))
            if len(_CACHE) < 200_000:
                _CACHE[short] = found
        return found
    return encode(date.earliest_key), encode(date.latest_key)


def outer_bounds(period: Period) -> tuple[int, int]:
    """The encoded widest bounds of ``period``."""
    start, end = period.outer()
    return encode(start), encode(end)


def inner_bounds(period: Period) -> tuple[int, int]:
    """The encoded bounds of what ``period`` surely covers (``NEVER`` twice when nothing is)."""
    inner = period.inner()
    if inner is None:
        return NEVER, NEVER
    return encode(inner[0]), encode(inner[1])


@attrs.frozen
class Window:
    """A time filter: records whose interval passes ``test`` against ``low``..``high``.

    ``inner`` says which interval of an interval record (a period) is tested: its widest
    bounds (``False``) or the part it surely covers (``True``). Point records (dates) always use
    their own bounds.
    """

    low: int
    high: int
    test: Test
    inner: bool = False

    def admits(self, lo: int, hi: int) -> bool:
        """Whether an interval ``lo``..``hi`` passes."""
        if lo >= NEVER:
            return False
        if self.test == "overlap":
            return lo <= self.high and hi >= self.low
        return self.low <= lo and hi <= self.high


EMPTY: Final = Window(NEVER + 1, -1, "overlap")
"""A window no record passes (a *surely* question about a period that surely covers nothing)."""


def point_window(
    on: PartialDate | None, during: Period | None, certainty: Certainty
) -> Window | None:
    """The window for dated records (statements): ``None`` when there is no time filter.

    *may*: the record's date may fall on ``on`` / within ``during`` (bounds intersect);
    *surely*: it does however the uncertain dates resolve.
    """
    if on is not None and during is not None:
        raise ValueError("give on= or during=, not both")
    surely = certainty is Certainty.SURELY
    if on is not None:
        lo, hi = date_bounds(on)
        return Window(lo, hi, "inside" if surely else "overlap")
    if during is not None:
        if surely:
            inner = during.inner()
            if inner is None:
                return EMPTY
            return Window(encode(inner[0]), encode(inner[1]), "inside")
        lo, hi = outer_bounds(during)
        return Window(lo, hi, "overlap")
    return None


def span_window(
    on: PartialDate | None, during: Period | None, certainty: Certainty
) -> Window | None:
    """The window for interval records (deployments, roles, laws): ``None`` for no filter.

    *may*: the record's period may contain ``on`` / may overlap ``during``; *surely*: it surely
    contains ``on`` / surely overlaps ``during``. Surely containing a date is an overlap test
    of the record's inner bounds with the date's bounds reversed (``inner.lo <= date.lo`` and
    ``inner.hi >= date.hi``).
    """
    if on is not None and during is not None:
        raise ValueError("give on= or during=, not both")
    surely = certainty is Certainty.SURELY
    if on is not None:
        lo, hi = date_bounds(on)
        if surely:
            return Window(hi, lo, "overlap", inner=True)
        return Window(lo, hi, "overlap")
    if during is not None:
        if surely:
            inner = during.inner()
            if inner is None:
                return EMPTY
            return Window(encode(inner[0]), encode(inner[1]), "overlap", inner=True)
        lo, hi = outer_bounds(during)
        return Window(lo, hi, "overlap")
    return None
