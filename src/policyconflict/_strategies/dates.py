"""Strategies for :class:`~policyconflict.dates.PartialDate` and
:class:`~policyconflict.dates.Period`, valid by construction: a time of day always has a UTC
offset and no qualifier, and a period never ends before it starts."""

from __future__ import annotations

import calendar
import functools
from collections.abc import Sequence
from typing import Final, Literal

from hypothesis import strategies as st

from policyconflict.dates import OPEN, UNKNOWN, Endpoint, PartialDate, Period

__all__ = ["Precision", "chronological", "partial_dates", "periods"]

Precision = Literal["year", "month", "day", "minute", "second"]
PRECISIONS: Final[tuple[Precision, ...]] = ("year", "month", "day", "minute", "second")

# Offsets in use around the world, including the extremes and the odd quarter hours.
_OFFSETS: Final = (0, 60, -300, -420, -480, 330, 345, 525, 540, 840, -840, -570)


def _years(min_year: int, max_year: int) -> st.SearchStrategy[int]:
    # Most news is recent: favour 1990-2030 when the range allows it, but reach the ends too.
    low, high = max(min_year, 1990), min(max_year, 2030)
    anywhere = st.integers(min_year, max_year)
    if low > high:
        return anywhere
    # Edges: the range's ends and leap years (2000 is one, as a multiple of 400).
    edges = [y for y in (min_year, max_year, 2000, 2020, 2024) if min_year <= y <= max_year]
    return st.one_of(st.integers(low, high), anywhere, st.sampled_from(edges))


def partial_dates(
    *,
    min_year: int = 1,
    max_year: int = 9999,
    precisions: Sequence[Precision] = PRECISIONS,
    qualifiers: bool = True,
) -> st.SearchStrategy[PartialDate]:
    """:class:`~policyconflict.dates.PartialDate` values at every precision: a year, a month, a
    day (leap days included), or a time of day to the minute or second with a UTC offset from
    -14:00 to +14:00. Dates without a time are sometimes uncertain (``?``), approximate (``~``)
    or both (``%``) when ``qualifiers`` is true.

    >>> from hypothesis import find
    >>> moment = find(partial_dates(precisions=["minute"]), lambda d: True)
    >>> moment.utc_offset is not None and not moment.uncertain
    True
    """
    if not 1 <= min_year <= max_year <= 9999:
        raise ValueError("need 1 <= min_year <= max_year <= 9999")
    if not precisions or any(p not in PRECISIONS for p in precisions):
        raise ValueError(f"precisions must be a non-empty selection of {PRECISIONS}")
    return _cached_partial_dates(min_year, max_year, tuple(precisions), qualifiers)


@functools.cache
def _cached_partial_dates(
    min_year: int, max_year: int, precisions: tuple[Precision, ...], qualifiers: bool
) -> st.SearchStrategy[PartialDate]:
    return _partial_dates(_years(min_year, max_year), st.sampled_from(precisions), qualifiers)


_MONTHS: Final = st.integers(1, 12)
# Days of a month of each length, with its last day (a leap day in February) often enough.
_DAYS: Final = {n: st.one_of(st.integers(1, n), st.just(n)) for n in (28, 29, 30, 31)}
_HOURS: Final = st.integers(0, 23)
_SIXTY: Final = st.integers(0, 59)
_UTC_OFFSETS: Final = st.one_of(st.sampled_from(_OFFSETS), st.integers(-840, 840))
# Mostly plain dates; each qualifier some of the time.
_QUALIFIER_PAIRS: Final = st.sampled_from(
    ((False, False), (False, False), (True, False), (False, True), (True, True))
)


@st.composite
def _partial_dates(
    draw: st.DrawFn,
    years: st.SearchStrategy[int],
    precisions: st.SearchStrategy[Precision],
    qualifiers: bool,
) -> PartialDate:
    year = draw(years)
    precision = draw(precisions)
    if precision == "year":
        month = day = None
    else:
        month = draw(_MONTHS)
        day = None
        if precision != "month":
            day = draw(_DAYS[calendar.monthrange(year, month)[1]])
    if precision in ("minute", "second"):
        return PartialDate(
            year=year,
            month=month,
            day=day,
            hour=draw(_HOURS),
            minute=draw(_SIXTY),
            second=draw(_SIXTY) if precision == "second" else None,
            utc_offset=draw(_UTC_OFFSETS),
        )
    uncertain = approximate = False
    if qualifiers:
        uncertain, approximate = draw(_QUALIFIER_PAIRS)
    return PartialDate(
        year=year, month=month, day=day, uncertain=uncertain, approximate=approximate
    )


def _ordered(first: PartialDate, second: PartialDate) -> tuple[PartialDate, PartialDate]:
    # If ``first`` surely starts after ``second`` ends, the other order is valid:
    # second.earliest <= second.latest < first.earliest <= first.latest.
    if first.earliest_key > second.latest_key:
        return second, first
    return first, second


def periods(
    dates: st.SearchStrategy[PartialDate] | None = None,
    *,
    open_ends: bool = True,
    unknown_ends: bool = True,
) -> st.SearchStrategy[Period]:
    """:class:`~policyconflict.dates.Period` values whose ends are dates (from ``dates``,
    :func:`partial_dates` by default), :data:`~policyconflict.dates.OPEN` (``..``) or
    :data:`~policyconflict.dates.UNKNOWN`. A period never ends before it starts: two drawn
    dates in the wrong order are swapped, never filtered out.

    >>> from hypothesis import find
    >>> from policyconflict.dates import OPEN
    >>> find(periods(), lambda p: p.end is OPEN).end
    Endpoint.OPEN
    """
    return _cached_periods(dates, open_ends, unknown_ends)


@functools.cache
def _cached_periods(
    dates: st.SearchStrategy[PartialDate] | None, open_ends: bool, unknown_ends: bool
) -> st.SearchStrategy[Period]:
    ends: list[st.SearchStrategy[PartialDate | Endpoint]] = [
        dates if dates is not None else partial_dates()
    ]
    if open_ends:
        ends.append(st.just(OPEN))
    if unknown_ends:
        ends.append(st.just(UNKNOWN))
    return st.builds(_period, st.one_of(ends), st.one_of(ends))


def _period(start: PartialDate | Endpoint, end: PartialDate | Endpoint) -> Period:
    if isinstance(start, PartialDate) and isinstance(end, PartialDate):
        start, end = _ordered(start, end)
    return Period(start=start, end=end)


def chronological(
    count: int, dates: st.SearchStrategy[PartialDate] | None = None
) -> st.SearchStrategy[tuple[PartialDate | None, ...]]:
    """``count`` optional dates, each one not before any earlier one that is given: for fields
    such as a law's signed, effective, expires and repealed dates.

    Sorting by the earliest moment makes every later date end no sooner than an earlier date
    begins, which is the model's "not before" rule; dropping some dates keeps it.

    >>> from hypothesis import find
    >>> len(find(chronological(4), lambda ds: True))
    4
    """
    return _cached_chronological(count, dates)


@functools.cache
def _cached_chronological(
    count: int, dates: st.SearchStrategy[PartialDate] | None
) -> st.SearchStrategy[tuple[PartialDate | None, ...]]:
    source = dates if dates is not None else partial_dates()
    return st.tuples(
        st.lists(source, min_size=count, max_size=count),
        st.lists(st.booleans(), min_size=count, max_size=count),
    ).map(_chronological)


def _chronological(pair: tuple[list[PartialDate], list[bool]]) -> tuple[PartialDate | None, ...]:
    dates, keep = pair
    ordered = sorted(dates, key=PartialDate.sort_key)
    return tuple(d if k else None for d, k in zip(ordered, keep, strict=True))
