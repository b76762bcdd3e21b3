"""Hypothesis strategies for :class:`PartialDate` and :class:`Period`, valid by construction.

They cover every precision (year, month, day, minute, second with a UTC offset), the EDTF
qualifiers (``?``, ``~``, ``%``) and the :data:`OPEN` / :data:`UNKNOWN` ends of a period. They are
written by hand (``st.from_type`` on validated classes mostly produces invalid objects) and are
meant to move to the public ``policyconflict.testing`` module; every function works with no
arguments.
"""

from __future__ import annotations

import calendar
import datetime as dt

from hypothesis import strategies as st

from policyconflict.dates import OPEN, UNKNOWN, Endpoint, PartialDate, Period

__all__ = ["bounds", "partial_dates", "periods", "reference_dates"]

PRECISIONS = ("year", "month", "day", "minute", "second")


@st.composite
def _partial_dates(draw: st.DrawFn, min_year: int, max_year: int) -> PartialDate:
    year = draw(st.integers(min_year, max_year))
    precision = draw(st.sampled_from(PRECISIONS))
    if precision == "year":
        month = day = None
    else:
        month = draw(st.integers(1, 12))
        day = None
        if precision != "month":
            day = draw(st.integers(1, calendar.monthrange(year, month)[1]))
    if precision in ("minute", "second"):
        return PartialDate(
            year=year,
            month=month,
            day=day,
            hour=draw(st.integers(0, 23)),
            minute=draw(st.integers(0, 59)),
            second=draw(st.integers(0, 59)) if precision == "second" else None,
            utc_offset=draw(
                st.one_of(
                    st.sampled_from([0, 60, -300, -480, 330, 345, 840, -720]),
                    st.integers(-14 * 60, 14 * 60),
                )
            ),
        )
    uncertain, approximate = draw(
        st.sampled_from([(False, False), (True, False), (False, True), (True, True)])
    )
    return PartialDate(
        year=year, month=month, day=day, uncertain=uncertain, approximate=approximate
    )


def partial_dates(*, min_year: int = 1, max_year: int = 9999) -> st.SearchStrategy[PartialDate]:
    """Any valid :class:`PartialDate` with a year in ``min_year..max_year``.

    A narrow year range (say 2019-2021) makes overlaps and equal bounds frequent, which is what
    comparison laws need.
    """
    return _partial_dates(min_year, max_year)


def bounds(*, min_year: int = 1, max_year: int = 9999) -> st.SearchStrategy[PartialDate | Endpoint]:
    """A period end: a :class:`PartialDate`, :data:`OPEN` or :data:`UNKNOWN`."""
    return st.one_of(
        st.just(OPEN), st.just(UNKNOWN), partial_dates(min_year=min_year, max_year=max_year)
    )


@st.composite
def _periods(draw: st.DrawFn, min_year: int, max_year: int) -> Period:
    start = draw(bounds(min_year=min_year, max_year=max_year))
    end = draw(bounds(min_year=min_year, max_year=max_year))
    if (
        isinstance(start, PartialDate)
        and isinstance(end, PartialDate)
        and start.earliest_key > end.latest_key
    ):
        start, end = end, start  # then start.earliest <= start.latest < end.earliest: valid
    return Period(start=start, end=end)


def periods(*, min_year: int = 1, max_year: int = 9999) -> st.SearchStrategy[Period]:
    """Any valid :class:`Period`: ends are dates of any precision, :data:`OPEN` or
    :data:`UNKNOWN`, with the start never after the end."""
    return _periods(min_year, max_year)


def reference_dates(
    *, min_value: dt.date = dt.date(2, 1, 1), max_value: dt.date = dt.date(9998, 12, 31)
) -> st.SearchStrategy[dt.date]:
    """Publication dates for :func:`~policyconflict.dates.parse_date_text`, away from the ends of
    the supported years so that "last year" and "next year" stay in range."""
    return st.dates(min_value=min_value, max_value=max_value)
