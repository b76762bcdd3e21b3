"""The query engine's sorted runs and date blocks select exactly the intervals a window admits,
built at once or grown record by record."""

from __future__ import annotations

from array import array

from hypothesis import given
from hypothesis import strategies as st

from policyconflict.query._index._blocks import Blocks
from policyconflict.query._index._runs import (
    BUCKET,
    Columns,
    Runs,
    class_order,
    widest,
    width_classes,
)
from policyconflict.query._time import DAY, NEVER, Window

# Starts near bucket edges and widths across every class (a day, a month, a year, more).
_BASE = 900_000 * DAY
starts = st.integers(-3, 60).map(lambda k: _BASE + k * (BUCKET // 4) + (k % 3) * 7)
widths = st.sampled_from([0, DAY - 1, 3 * DAY, 31 * DAY, 200 * DAY, 800 * DAY])
intervals = st.one_of(
    st.tuples(starts, widths).map(lambda pair: (pair[0], pair[0] + pair[1])),
    st.just((NEVER, NEVER)),  # no date
)
bounds = st.integers(-5, 70).map(lambda k: _BASE + k * (BUCKET // 4) + k % 5)
windows = st.builds(Window, bounds, bounds, st.sampled_from(["overlap", "inside"])).filter(
    lambda w: w.test == "overlap" or w.low <= w.high
)


def _columns(items: list[tuple[int, int]]) -> Columns:
    los = array("q", [lo for lo, _ in items])
    his = array("q", [hi for _, hi in items])
    return Columns(los, his, width_classes(los, his))


def _expected(items: list[tuple[int, int]], window: Window) -> list[int]:
    return [p for p, (lo, hi) in enumerate(items) if window.admits(lo, hi)]


@given(st.lists(intervals, max_size=40), windows)
def test_runs_select_exactly_the_intervals_the_window_admits(
    items: list[tuple[int, int]], window: Window
) -> None:
    columns = _columns(items)
    runs = Runs.build(
        class_order(columns), columns.classes, widest(columns.los, columns.his, columns.classes)
    )
    found: list[int] = []
    runs.select(window, columns, found)
    assert sorted(found) == _expected(items, window)
    assert len(found) == len(set(found))
    assert runs.count(window, columns) >= len(found)


@given(st.lists(intervals, max_size=40), windows)
def test_runs_grown_one_record_at_a_time_select_as_runs_built_at_once(
    items: list[tuple[int, int]], window: Window
) -> None:
    columns = _columns([])
    runs = Runs()
    for lo, hi in items:
        columns.append(lo, hi)
        runs.insert(len(columns.los) - 1, columns)
    found: list[int] = []
    runs.select(window, columns, found)
    assert sorted(found) == _expected(items, window)


@given(st.lists(intervals, max_size=40), st.integers(0, 40), windows)
def test_blocks_select_exactly_the_intervals_the_window_admits(
    items: list[tuple[int, int]], built: int, window: Window
) -> None:
    first = items[:built]
    columns = _columns(first)
    distinct = sorted({(lo, hi, columns.classes[p]) for p, (lo, hi) in enumerate(first)})
    ranked = sorted(distinct, key=lambda e: (e[2], e[0]))
    members = [[p for p, pair in enumerate(first) if pair == (lo, hi)] for lo, hi, _ in ranked]
    blocks = Blocks([p for group in members for p in group], ranked, [len(g) for g in members])
    for pos in range(len(first), len(items)):  # the rest arrive after the build
        lo, hi = items[pos]
        blocks.insert(pos, lo, hi, columns.append(lo, hi))
    found: list[int] = []
    blocks.select(window, found)
    assert sorted(found) == _expected(items, window)
    assert len(found) == len(set(found))
