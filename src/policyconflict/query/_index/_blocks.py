"""Every record of a dated index, as blocks of records sharing one interval.

Statements have few distinct dates (a day, a month or a year each; a few thousand in a million
statements), so the records of one date form a *block*: :class:`Blocks` keeps every position
in one ``int32`` array ordered by width class, then start, a block's positions contiguous and
ascending, and per block its interval and where it begins. A time window then costs a bisection
per class and a look at the few blocks near the window's edges; everything between them is one
slice of the array, copied in C. This answers the queries with only a time filter, whose
answers are large (every statement of a week), without a look at each record.
"""

from __future__ import annotations

from array import array
from bisect import bisect_left, bisect_right
from collections.abc import Sequence

from policyconflict.query._index._runs import CLASSES, LIMITS
from policyconflict.query._time import NEVER, Window


class Blocks:
    """Every position of an index, grouped by interval (see the module docstring)."""

    __slots__ = ("_cuts", "_his", "_los", "_offsets", "_order", "_widest", "_widths")

    def __init__(
        self,
        order: Sequence[int],
        intervals: Sequence[tuple[int, int, int]],
        sizes: Sequence[int],
    ) -> None:
        """``intervals``: each block's start, end and width class, ordered by class then
        start; ``sizes``: how many records each holds; ``order``: the positions, block after
        block, ascending within a block."""
        self._order = array("i", order)
        self._los = array("q", [item[0] for item in intervals])
        self._his = array("q", [item[1] for item in intervals])
        self._widths = bytearray(item[2] for item in intervals)
        self._offsets = offsets = array("q", [0])
        total = 0
        for size in sizes:
            total += size
            offsets.append(total)
        self._cuts = [0] * (CLASSES + 1)  # class c is blocks _cuts[c] .. _cuts[c + 1] - 1
        self._recut()
        self._widest = max(
            (hi - lo for lo, hi, width in intervals if width == CLASSES - 1), default=0
        )

    def _recut(self) -> None:
        widths, size = self._widths, len(self._widths)
        lo = 0
        for width in range(1, CLASSES):
            lo = self._cuts[width] = bisect_left(widths, width, lo, size)
        self._cuts[CLASSES] = size

    def select(self, window: Window, out: list[int]) -> None:
        """Append to ``out`` the positions whose interval passes ``window`` (block by block,
        each block ascending)."""
        low, high = window.low, window.high
        inside = window.test == "inside"
        los, his, offsets, order = self._los, self._his, self._offsets, self._order
        for width in range(CLASSES):
            begin, end = self._cuts[width], self._cuts[width + 1]
            if begin == end:
                continue
            limit = LIMITS[width] if width < CLASSES - 1 else self._widest
            first = low if inside else low - limit
            start = bisect_left(los, first, begin, end)
            stop = bisect_right(los, min(high, NEVER - 1), start, end)
            free = stop  # blocks from here to stop pass without a look at their end
            if not inside and low <= high:
                free = bisect_left(los, low, start, stop)
            for block in range(start, free):
                if (his[block] <= high) if inside else (his[block] >= low):
                    out.extend(order[offsets[block] : offsets[block + 1]])
            if free < stop:
                out.extend(order[offsets[free] : offsets[stop]])

    def insert(self, pos: int, lo: int, hi: int, width: int) -> None:
        """Add a record at ``pos``, after every position held (an ``add`` to a built index)."""
        los, his, widths = self._los, self._his, self._widths
        begin, end = self._cuts[width], self._cuts[width + 1]
        block = bisect_left(los, lo, begin, end)
        while block < end and los[block] == lo and his[block] != hi:
            block += 1
        offsets = self._offsets
        if block == end or los[block] != lo:  # a new interval: a new, empty block
            los.insert(block, lo)
            his.insert(block, hi)
            widths.insert(block, width)
            offsets.insert(block, offsets[block])
            self._recut()
            if width == CLASSES - 1:
                self._widest = max(self._widest, hi - lo)
        self._order.insert(offsets[block + 1], pos)
        for later in range(block + 1, len(offsets)):
            offsets[later] += 1
