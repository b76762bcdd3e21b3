"""Sorted runs: the compact date index behind every time-aware query.

A :class:`Runs` holds the records of one index key (one speaker, one place, ...) as arrays sorted
by the start of their interval, split by the interval's width into a few classes. To find the
records whose interval meets a window ``low..high``, each class is bisected for starts between
``low - widest`` and ``high`` (``widest``: the widest interval of the class) and the survivors
are checked against their end. Splitting by width keeps a few year-long records from widening
the search for the many day-long ones.

Positions are ``int32`` and starts ``int64`` in :mod:`array` arrays: twelve bytes a record.
"""

from __future__ import annotations

from array import array
from bisect import bisect_left, bisect_right
from collections.abc import Iterator, Sequence
from typing import Final

from policyconflict.query._time import DAY, NEVER, Window

_LIMITS: Final = (DAY, 32 * DAY, 400 * DAY)


def width_class(lo: int, hi: int) -> int:
    """The width class of an interval: one day, a month, a year, or more."""
    width = hi - lo
    for index, limit in enumerate(_LIMITS):
        if width <= limit:
            return index
    return len(_LIMITS)


class _Run:
    """One width class of one key: starts and positions sorted by start, and the widest width."""

    __slots__ = ("los", "poss", "widest")

    def __init__(self) -> None:
        self.los = array("q")
        self.poss = array("i")
        self.widest = 0


class Runs:
    """The records of one key, by width class; see the module docstring."""

    __slots__ = ("_runs", "size")

    def __init__(self) -> None:
        self._runs: list[_Run | None] = [None] * (len(_LIMITS) + 1)
        self.size = 0

    def append(self, lo: int, hi: int, pos: int) -> None:
        """Add a record whose start is not below any start added before (bulk building)."""
        cls = width_class(lo, hi) if lo < NEVER else len(_LIMITS)
        run = self._runs[cls]
        if run is None:
            run = self._runs[cls] = _Run()
        run.los.append(lo)
        run.poss.append(pos)
        if lo < NEVER and hi - lo > run.widest:
            run.widest = hi - lo
        self.size += 1

    def insert(self, lo: int, hi: int, pos: int) -> None:
        """Add a record anywhere (an ``add`` to a built index)."""
        cls = width_class(lo, hi) if lo < NEVER else len(_LIMITS)
        run = self._runs[cls]
        if run is None:
            run = self._runs[cls] = _Run()
        at = bisect_right(run.los, lo)
        run.los.insert(at, lo)
        run.poss.insert(at, pos)
        if lo < NEVER and hi - lo > run.widest:
            run.widest = hi - lo
        self.size += 1

    def positions(self) -> Iterator[int]:
        """Every position of the key, unordered."""
        for run in self._runs:
            if run is not None:
                yield from run.poss

    def select(self, window: Window, his: Sequence[int], out: list[int]) -> None:
        """Append to ``out`` the positions whose interval passes ``window``.

        ``his`` maps a position to the end of its interval (the same interval the starts were
        taken from).
        """
        low, high = window.low, window.high
        inside = window.test == "inside"
        for run in self._runs:
            if run is None:
                continue
            los, poss = run.los, run.poss
            start = bisect_left(los, low) if inside else bisect_left(los, low - run.widest)
            stop = bisect_right(los, high, start)
            if start >= stop:
                continue
            if inside:
                out.extend(p for p in poss[start:stop] if his[p] <= high)
            else:
                out.extend(p for p in poss[start:stop] if his[p] >= low)
