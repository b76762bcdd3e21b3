"""Time as integers: the bounds of dates and periods encoded for sorted arrays and bisection.

Every bound key of :mod:`policyconflict.dates` (a ``(day ordinal, sub)`` pair) maps to one int,
order kept, so an index can store a date as eight bytes and compare with ``<=``. A query's time
filter becomes a :class:`Window`: two ints and a test, ``"overlap"`` (the record's interval meets
the window) or ``"inside"`` (the record's interval lies inside the window).
"""

from __future__ import annotations

from operator import attrgetter
from typing import Final, Literal, TypeAlias

import attrs

from policyconflict.dates import (
    OPEN,
    Bound,
    Certainty,
    DateLike,
    Endpoint,
    Key,
    PartialDate,
    Period,
    PeriodLike,
    as_date,
    as_period,
)

Test: TypeAlias = Literal["overlap", "inside"]

_SCALE: Final = 2_000_001
_SHIFT: Final = 1_000_000
NEVER: Final = 10**15
"""The key given to a record without a date: above every real key, so no window reaches it."""

DAY: Final = _SCALE
"""The width of one day in encoded units."""


def encode(key: Key) -> int:
    """One int for a bound key, keeping its order."""
    return key[0] * _SCALE + key[1] + _SHIFT


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


_FIELDS = attrgetter("year", "month", "day", "hour", "minute", "second", "utc_offset")
"""Every field of a :class:`PartialDate` its bounds depend on."""


class PeriodBounds:
    """:func:`outer_bounds` and :func:`inner_bounds` of many periods, with the work done once
    per distinct end rather than once per period.

    Each of a period's four bounds depends on one end only (:meth:`Period.outer`,
    :meth:`Period.inner`): the start's on the start, the end's on the end, and the inner part is
    empty when an end is unknown or the sure part ends before it starts. So each distinct end is
    read once, through a period that keeps it and leaves the other end open, and a period's
    bounds are put together from its two ends. Many records share ends (a million statements
    have a few thousand dates; roles and laws start and end on the same days).
    """

    def __init__(self) -> None:
        self._ends: tuple[dict[object, tuple[int, int | None]], ...] = ({}, {})

    def __call__(self, period: Period) -> tuple[int, int, int, int]:
        """Encoded outer start, outer end, inner start and inner end (``NEVER`` twice for the
        inner ones when the period surely covers nothing)."""
        first = self._end(period.start, 0)
        last = self._end(period.end, 1)
        if first[1] is None or last[1] is None or first[1] > last[1]:  # nothing is sure
            return first[0], last[0], NEVER, NEVER
        return first[0], last[0], first[1], last[1]

    def _end(self, bound: Bound, side: int) -> tuple[int, int | None]:
        """The outer and inner bound (``None``: nothing sure) given by ``bound`` as the start
        (``side`` 0) or the end (1) of a period."""
        key = bound if isinstance(bound, Endpoint) else _FIELDS(bound)
        seen = self._ends[side]
        found = seen.get(key)
        if found is None:
            alone = Period(start=bound, end=OPEN) if side == 0 else Period(start=OPEN, end=bound)
            inner = alone.inner()
            found = seen[key] = (
                encode(alone.outer()[side]),
                None if inner is None else encode(inner[side]),
            )
        return found


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
