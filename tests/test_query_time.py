"""The query engine's integer time: bounds read once per distinct end equal the bounds of each
period read on its own."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from policyconflict.dates import Period
from policyconflict.query._time import NEVER, PeriodBounds, inner_bounds, outer_bounds
from policyconflict.testing import periods
from test_query_worlds import periods as world_periods

mixed = st.one_of(periods(), world_periods())


def _direct(period: Period) -> tuple[int, int, int, int]:
    return (*outer_bounds(period), *inner_bounds(period))


@given(st.lists(mixed, max_size=12))
def test_period_bounds_shared_across_periods_equal_each_period_read_alone(
    items: list[Period],
) -> None:
    bounds_of = PeriodBounds()  # one reader for all: ends seen before come from its tables
    for period in items + items[::-1]:
        assert bounds_of(period) == _direct(period)


@given(world_periods(), world_periods())
def test_period_bounds_of_ends_swapped_between_periods_equal_each_read_alone(
    first: Period, second: Period
) -> None:
    bounds_of = PeriodBounds()
    bounds_of(first)
    bounds_of(second)
    for start, end in ((first.start, second.end), (second.start, first.end)):
        try:
            crossed = Period(start=start, end=end)
        except ValueError:
            continue  # ends before it starts: not a period
        assert bounds_of(crossed) == _direct(crossed)


def test_a_period_with_an_unknown_end_surely_covers_nothing() -> None:
    period = Period.parse("2020-01-01/")
    assert PeriodBounds()(period)[2:] == (NEVER, NEVER)
    assert PeriodBounds()(period)[:2] == outer_bounds(period)
