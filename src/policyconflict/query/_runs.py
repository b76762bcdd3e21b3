"""Sorted runs: the compact date index behind every time-aware query.

A :class:`Runs` holds the records of one index key (one speaker, one place, ...) as one array of
positions ordered by the width class of each record's interval (a day, a month, a year, more),
then by the start of the interval, then by position. To find the records whose interval meets a
window ``low..high``, each class's segment is bisected (on the starts, looked up through the
positions) for starts between ``low - widest`` and ``high`` (``widest``: the widest interval
the class can hold) and the survivors are checked against their end. Splitting by width keeps a
few year-long records from widening the search for the many day-long ones.

A run stores only ``int32`` positions — four bytes a record — and the class boundaries; the
starts and ends are two columns shared by every key of the index. A key with very many records
can also keep a membership column (:meth:`Runs.mark`, one byte per record of the index), so
another filter's candidates are checked against it in C instead of being intersected with
its whole list.

:func:`class_order` sorts a whole collection once; :func:`fill` then distributes the positions
to every key's list in that order, so no key's list is ever sorted on its own.
"""

from __future__ import annotations

from array import array
from bisect import bisect_left, bisect_right
from collections import deque
from collections.abc import Iterable, Sequence
from itertools import compress, repeat
from operator import sub
from typing import Final

from policyconflict.query._time import DAY, Window

LIMITS: Final = (DAY, 32 * DAY, 400 * DAY)
"""The widest interval of each width class but the last (a day, a month, a year)."""

CLASSES: Final = len(LIMITS) + 1
"""The number of width classes."""

_LAST: Final = CLASSES - 1


def width_class(lo: int, hi: int) -> int:
    """The width class of an interval: one day, a month, a year, or more (no date: 0)."""
    width = hi - lo
    for index, limit in enumerate(LIMITS):
        if width <= limit:
            return index
    return len(LIMITS)


def width_classes(los: Sequence[int], his: Sequence[int]) -> bytearray:
    """:func:`width_class` of every interval (in C: the first limit at or above its width)."""
    return bytearray(map(bisect_left, repeat(LIMITS), map(sub, his, los)))


def class_order(los: Sequence[int], classes: bytearray) -> list[int]:
    """Every position, ordered by width class, then start, then position (two stable sorts in
    C)."""
    return sorted(sorted(range(len(los)), key=los.__getitem__), key=classes.__getitem__)


def fill(order: Iterable[int], sinks: Sequence[Sequence[list[int]]]) -> None:
    """Append each position of ``order`` to every list of ``sinks[position]``.

    With ``order`` from :func:`class_order`, every list ends up in the order :class:`Runs`
    keeps: one pass over the records builds every key of an index.
    """
    for pos in order:
        for members in sinks[pos]:
            members.append(pos)


def widest(los: Sequence[int], his: Sequence[int], classes: bytearray) -> int:
    """The widest interval of the last class (0 when it is empty): one bound shared by every
    key of an index."""
    return max(
        (hi - lo for lo, hi, width in zip(los, his, classes, strict=True) if width == _LAST),
        default=0,
    )


def ending_from(segment: Sequence[int], his: Sequence[int], low: int) -> Iterable[int]:
    """The positions of ``segment`` whose end is at or after ``low`` (order kept; in C)."""
    return compress(segment, map(low.__le__, map(his.__getitem__, segment)))


def ending_by(segment: Sequence[int], his: Sequence[int], high: int) -> Iterable[int]:
    """The positions of ``segment`` whose end is at or before ``high`` (order kept; in C)."""
    return compress(segment, map(high.__ge__, map(his.__getitem__, segment)))


class Runs:
    """The records of one key, in class and start order; see the module docstring."""

    __slots__ = ("_cuts", "_run", "_widest", "marks")

    def __init__(self) -> None:
        self._run: array[int] = array("i")
        self._cuts = [0] * (CLASSES + 1)  # class c is _run[_cuts[c]:_cuts[c + 1]]
        self._widest = 0  # the widest interval of the last class (the others have limits)
        self.marks: bytearray | None = None
        """With :meth:`mark`: one byte per position of the index, 1 for this key's."""

    @property
    def size(self) -> int:
        """The number of records."""
        return len(self._run)

    def _limit(self, width: int) -> int:
        return LIMITS[width] if width < _LAST else self._widest

    @classmethod
    def build(cls, members: list[int], classes: bytearray, widest: int) -> Runs:
        """The runs of ``members``, already in class and start order; ``widest`` bounds the
        widths of the last class (see :func:`widest`)."""
        runs = cls.__new__(cls)  # every slot set here: no empty array made and dropped
        runs._widest = widest
        runs._run = run = array("i", members)
        runs.marks = None
        size = len(members)
        class_of = classes.__getitem__
        if size and class_of(run[-1]) == 0:  # all in the first class: the common case
            runs._cuts = [0] + [size] * CLASSES
            return runs
        runs._cuts = cuts = [0] * (CLASSES + 1)
        lo = 0
        for width in range(1, CLASSES):
            lo = cuts[width] = bisect_left(run, width, lo, size, key=class_of)
        cuts[CLASSES] = size
        return runs

    def mark(self, size: int) -> bytearray:
        """Keep :attr:`marks` for an index of ``size`` positions; returns it.

        Costs ``size`` bytes: worth it for keys holding a good share of the records, whose
        lists are too long to intersect quickly.
        """
        self.marks = marks = bytearray(size)
        deque(map(marks.__setitem__, self._run, repeat(1)), maxlen=0)  # in C
        return marks

    def insert(self, pos: int, width: int, los: Sequence[int], his: Sequence[int]) -> None:
        """Add one record anywhere (an ``add`` to a built index); ``width`` is its class."""
        lo, hi = los[pos], his[pos]
        marks = self.marks
        if marks is not None:
            if len(marks) <= pos:
                marks.extend(bytes(pos + 1 - len(marks)))
            marks[pos] = 1
        cuts = self._cuts
        start_of = los.__getitem__
        at = bisect_right(self._run, lo, cuts[width], cuts[width + 1], key=start_of)
        self._run.insert(at, pos)
        for later in range(width + 1, CLASSES + 1):
            cuts[later] += 1
        if width == _LAST:
            self._widest = max(self._widest, hi - lo)

    def positions(self) -> array[int]:
        """Every position of the key (unordered as positions)."""
        return self._run

    def select(
        self, window: Window, los: Sequence[int], his: Sequence[int], out: list[int]
    ) -> None:
        """Append to ``out`` the positions whose interval (``los[p]``..``his[p]``) passes
        ``window``."""
        low, high = window.low, window.high
        inside = window.test == "inside"
        start_of = los.__getitem__
        run, cuts = self._run, self._cuts
        for width in range(CLASSES):
            begin, end = cuts[width], cuts[width + 1]
            if begin == end:
                continue
            first = low if inside else low - self._limit(width)
            start = bisect_left(run, first, begin, end, key=start_of)
            stop = bisect_right(run, high, start, end, key=start_of)
            if start >= stop:
                continue
            if inside:
                out.extend(ending_by(run[start:stop], his, high))
            elif low <= high:
                # Records starting inside the window need no check of their end.
                cut = bisect_left(run, low, start, stop, key=start_of)
                if cut > start:
                    out.extend(ending_from(run[start:cut], his, low))
                out.extend(run[cut:stop])
            else:
                out.extend(ending_from(run[start:stop], his, low))

    def count(self, window: Window | None, los: Sequence[int]) -> int:
        """At most how many positions :meth:`select` gives (all of them without a window)."""
        if window is None:
            return len(self._run)
        low, high = window.low, window.high
        inside = window.test == "inside"
        start_of = los.__getitem__
        run, cuts = self._run, self._cuts
        total = 0
        for width in range(CLASSES):
            begin, end = cuts[width], cuts[width + 1]
            if begin == end:
                continue
            first = low if inside else low - self._limit(width)
            start = bisect_left(run, first, begin, end, key=start_of)
            total += bisect_right(run, high, start, end, key=start_of) - start
        return total
