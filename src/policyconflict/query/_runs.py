"""Sorted runs: the compact date index behind every time-aware query.

A :class:`Runs` holds the records of one index key (one speaker, one place, ...) as arrays of
positions sorted by the start of each record's interval, split by the interval's width into a
few classes. To find the records whose interval meets a window ``low..high``, each class is
bisected (on the starts, looked up through the positions) for starts between ``low - widest``
and ``high`` (``widest``: the widest interval the class can hold) and the survivors are checked
against their end. Splitting by width keeps a few year-long records from widening the search
for the many day-long ones.

A run stores only ``int32`` positions — four bytes a record; the starts and ends are two
columns shared by every key of the index.
"""

from __future__ import annotations

from array import array
from bisect import bisect_left, bisect_right, insort
from collections.abc import Iterator, Sequence
from typing import Final

from policyconflict.query._time import DAY, Window

_LIMITS: Final = (DAY, 32 * DAY, 400 * DAY)

CLASSES: Final = len(_LIMITS) + 1
"""The number of width classes."""


def width_class(lo: int, hi: int) -> int:
    """The width class of an interval: one day, a month, a year, or more (no date: 0)."""
    width = hi - lo
    for index, limit in enumerate(_LIMITS):
        if width <= limit:
            return index
    return len(_LIMITS)


class Runs:
    """The records of one key, by width class; see the module docstring."""

    __slots__ = ("_runs", "_widest", "size")

    def __init__(self) -> None:
        self._runs: list[array[int] | None] = [None] * CLASSES
        self._widest = 0  # the widest interval of the last class (the others have limits)
        self.size = 0

    def _limit(self, width: int) -> int:
        return _LIMITS[width] if width < len(_LIMITS) else self._widest

    @classmethod
    def from_classes(cls, lists: Sequence[list[int] | None], widest: int) -> Runs:
        """Runs from one position list per width class, each already sorted by start;
        ``widest`` bounds the widths of the last class."""
        runs = cls()
        for width, members in enumerate(lists):
            if members:
                runs._runs[width] = array("i", members)
                runs.size += len(members)
        runs._widest = widest
        return runs

    @classmethod
    def bulk(cls, positions: list[int], los: Sequence[int], his: Sequence[int]) -> Runs:
        """The runs of ``positions`` (any order; sorted here by start)."""
        positions.sort(key=los.__getitem__)
        lists: list[list[int] | None] = [None] * CLASSES
        widest = 0
        for pos in positions:
            width = width_class(los[pos], his[pos])
            if width == len(_LIMITS):
                widest = max(widest, his[pos] - los[pos])
            found = lists[width]
            if found is None:
                lists[width] = [pos]
            else:
                found.append(pos)
        return cls.from_classes(lists, widest)

    def insert(self, pos: int, los: Sequence[int], his: Sequence[int]) -> None:
        """Add one record anywhere (an ``add`` to a built index)."""
        lo, hi = los[pos], his[pos]
        width = width_class(lo, hi)
        run = self._runs[width]
        if run is None:
            run = self._runs[width] = array("i")
        insort(run, pos, key=los.__getitem__)
        if width == len(_LIMITS):
            self._widest = max(self._widest, hi - lo)
        self.size += 1

    def arrays(self) -> Iterator[array[int]]:
        """The position arrays of the key (every position, unordered across arrays)."""
        for run in self._runs:
            if run is not None:
                yield run

    def select(
        self, window: Window, los: Sequence[int], his: Sequence[int], out: list[int]
    ) -> None:
        """Append to ``out`` the positions whose interval (``los[p]``..``his[p]``) passes
        ``window``."""
        low, high = window.low, window.high
        inside = window.test == "inside"
        start_of = los.__getitem__
        for width, run in enumerate(self._runs):
            if run is None:
                continue
            first = low if inside else low - self._limit(width)
            start = bisect_left(run, first, key=start_of)
            stop = bisect_right(run, high, start, key=start_of)
            if start >= stop:
                continue
            if inside:
                out.extend(p for p in run[start:stop] if his[p] <= high)
            elif low <= high:
                # Records starting inside the window need no check of their end.
                cut = bisect_left(run, low, start, stop, key=start_of)
                out.extend(p for p in run[start:cut] if his[p] >= low)
                out.extend(run[cut:stop])
            else:
                out.extend(p for p in run[start:stop] if his[p] >= low)
