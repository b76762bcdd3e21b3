"""Sorted runs: the compact date index behind every time-aware query.

A :class:`Runs` holds the records of one index key (one speaker, one place, ...) as one array of
positions ordered by the width class of each record's interval (a day, a month, a year, more),
then by a *sort key* (:class:`Columns`), then by position. The sort key is the start of the
interval, except in the first class (a day at most), where it is the start of the start's
*bucket* (``BUCKET``, sixteen days, unless the index's
:class:`~policyconflict.query._index._thresholds.Thresholds` say otherwise).

To find the records whose interval meets a window ``low..high``, each class's segment is
bisected (on the sort keys, looked up through the positions) for starts between ``low - widest``
and ``high`` (``widest``: the widest interval the class can hold); records that start inside the
window pass without a look at their end, the others are checked in C. In the first class, the
records of the buckets lying wholly inside the window pass, and those of the (at most two)
buckets at its edges are checked. Splitting by width keeps a few year-long records from widening
the search for the many day-long ones.

Bucketing the day-long records keeps each bucket's records in position order: a window over a
year gives a couple of dozen ascending stretches of them, which the final sort into arrival
order merges in a few passes, where exact starts would give one stretch per day.

A run stores only ``int32`` positions — four bytes a record — and the class boundaries; the
starts, ends and sort keys are columns shared by every key of the index. A key with very many
records can also keep a membership column (:meth:`Runs.mark`, one byte per record of the index),
so another filter's candidates are checked against it in C instead of being intersected with
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
from operator import and_, mul, sub
from typing import Final

from policyconflict.query._time import DAY, Window

LIMITS: Final = (DAY, 32 * DAY, 400 * DAY)
"""The widest interval of each width class but the last (a day, a month, a year)."""

CLASSES: Final = len(LIMITS) + 1
"""The number of width classes."""

_LAST: Final = CLASSES - 1

BUCKET: Final = 16 * DAY
"""The span of starts one bucket of day-long records holds."""


def sort_key(lo: int, width: int, bucket: int = BUCKET) -> int:
    """Where a record of interval start ``lo`` and width class ``width`` sorts in its class:
    the start of its bucket (of ``bucket`` units) in the first class, its start in the
    others."""
    return lo - lo % bucket if width == 0 else lo


class Columns:
    """The intervals of every record of an index: starts, ends, width classes and sort keys
    (see the module docstring)."""

    __slots__ = ("bucket", "classes", "his", "los", "sorts")

    def __init__(
        self,
        los: array[int],
        his: array[int],
        classes: bytearray,
        sorts: array[int] | None = None,
        bucket: int = BUCKET,
    ) -> None:
        """``sorts``: the sort keys when the caller has them (worked out from ``los`` and
        ``classes`` otherwise); ``bucket``: the span of a bucket of the first class."""
        self.los = los
        self.his = his
        self.classes = classes
        self.bucket = bucket
        if sorts is None:  # sort_key in C: lo - (lo % bucket) * (width == 0)
            offsets = map(mul, map(bucket.__rmod__, los), map((0).__eq__, classes))
            sorts = array("q", map(sub, los, offsets))
        self.sorts = sorts

    def append(self, lo: int, hi: int) -> int:
        """Add a record's interval at the next position; returns its width class."""
        width = width_class(lo, hi)
        self.los.append(lo)
        self.his.append(hi)
        self.classes.append(width)
        self.sorts.append(sort_key(lo, width, self.bucket))
        return width


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


def class_order(columns: Columns) -> list[int]:
    """Every position, ordered by width class, then sort key, then position (two stable sorts
    in C)."""
    by_key = sorted(range(len(columns.los)), key=columns.sorts.__getitem__)
    return sorted(by_key, key=columns.classes.__getitem__)


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


def _meeting(segment: Sequence[int], columns: Columns, low: int, high: int) -> Iterable[int]:
    """The positions of ``segment`` whose interval meets ``low..high`` (order kept; in C)."""
    starts = map(high.__ge__, map(columns.los.__getitem__, segment))
    ends = map(low.__le__, map(columns.his.__getitem__, segment))
    return compress(segment, map(and_, starts, ends))


def _within(segment: Sequence[int], columns: Columns, low: int, high: int) -> Iterable[int]:
    """The positions of ``segment`` whose interval lies inside ``low..high`` (in C)."""
    starts = map(low.__le__, map(columns.los.__getitem__, segment))
    ends = map(high.__ge__, map(columns.his.__getitem__, segment))
    return compress(segment, map(and_, starts, ends))


def _ending_from(segment: Sequence[int], columns: Columns, low: int) -> Iterable[int]:
    """The positions of ``segment`` whose end is at or after ``low`` (in C)."""
    return compress(segment, map(low.__le__, map(columns.his.__getitem__, segment)))


def _starting_by(segment: Sequence[int], columns: Columns, high: int) -> Iterable[int]:
    """The positions of ``segment`` whose start is at or before ``high`` (in C)."""
    return compress(segment, map(high.__ge__, map(columns.los.__getitem__, segment)))


def _ending_by(segment: Sequence[int], columns: Columns, high: int) -> Iterable[int]:
    """The positions of ``segment`` whose end is at or before ``high`` (in C)."""
    return compress(segment, map(high.__ge__, map(columns.his.__getitem__, segment)))


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

    def insert(self, pos: int, columns: Columns) -> None:
        """Add one record anywhere (an ``add`` to a built index). A membership column must
        already cover ``pos`` (the index grows every column by one for each record added)."""
        if self.marks is not None:
            self.marks[pos] = 1
        cuts, sorts = self._cuts, columns.sorts
        width = columns.classes[pos]
        at = bisect_right(
            self._run, sorts[pos], cuts[width], cuts[width + 1], key=sorts.__getitem__
        )
        self._run.insert(at, pos)
        for later in range(width + 1, CLASSES + 1):
            cuts[later] += 1
        if width == _LAST:
            self._widest = max(self._widest, columns.his[pos] - columns.los[pos])

    def positions(self) -> array[int]:
        """Every position of the key (unordered as positions)."""
        return self._run

    def _span(self, width: int, window: Window, columns: Columns) -> tuple[int, int]:
        """The part of class ``width``'s segment whose sort keys allow a record to pass."""
        begin, end = self._cuts[width], self._cuts[width + 1]
        if begin == end:
            return begin, begin
        first = window.low if window.test == "inside" else window.low - self._limit(width)
        sort_of = columns.sorts.__getitem__
        first_key = sort_key(first, width, columns.bucket)
        start = bisect_left(self._run, first_key, begin, end, key=sort_of)
        return start, bisect_right(self._run, window.high, start, end, key=sort_of)

    def select(self, window: Window, columns: Columns, out: list[int]) -> None:
        """Append to ``out`` the positions whose interval passes ``window``."""
        low, high = window.low, window.high
        inside = window.test == "inside"
        run = self._run
        sort_of = columns.sorts.__getitem__
        bucket = columns.bucket
        for width in range(CLASSES):
            start, stop = self._span(width, window, columns)
            if start >= stop:
                continue
            if low > high:  # a reversed window (a period surely holding a day): check all
                out.extend(_meeting(run[start:stop], columns, low, high))
                continue
            # [start, free): may start before the window; [free, after): start inside it;
            # [after, stop): start at or after ``low`` (in the first class: a bucket at the
            # window's end, which may start after it).
            free = bisect_left(run, low, start, stop, key=sort_of)
            last = high - bucket + 1 if width == 0 else high
            after = max(free, bisect_right(run, last, free, stop, key=sort_of))
            if free > start:
                part = run[start:free]
                if inside:
                    out.extend(_within(part, columns, low, high))
                elif width == 0 and low + bucket - 2 > high:  # may also start after ``high``
                    out.extend(_meeting(part, columns, low, high))
                else:
                    out.extend(_ending_from(part, columns, low))
            if after > free:
                started = run[free:after]
                out.extend(_ending_by(started, columns, high) if inside else started)
            if stop > after:
                part = run[after:stop]
                out.extend(
                    _ending_by(part, columns, high) if inside else _starting_by(part, columns, high)
                )

    def count(self, window: Window | None, columns: Columns) -> int:
        """At most how many positions :meth:`select` gives (all of them without a window)."""
        if window is None:
            return len(self._run)
        total = 0
        for width in range(CLASSES):
            start, stop = self._span(width, window, columns)
            total += max(stop - start, 0)
        return total
