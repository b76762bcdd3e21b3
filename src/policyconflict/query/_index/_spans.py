"""The index of records that last a period: deployments, roles, laws and found conflicts.

:class:`SpanIndex` keeps, per key of each named dimension, two
:class:`~policyconflict.query._index._runs.Runs`: one over the widest bounds of each record's period
(for *may* questions) and one over the part it surely covers (for *surely* questions). A query
takes the filter with the fewest records in the window, bisects its runs on the window and
checks the other filters on the candidates.

Callers that ask about places index each record under its places *and the places above them*,
so a ``within`` question names one key.

Building takes columns (each record's period, and its keys in each dimension): the bounds are
read once per distinct period end (:class:`~policyconflict.query._time.PeriodBounds`), and the
width classes, the date order and each key's list are made in C.
"""

from __future__ import annotations

from array import array
from collections import defaultdict
from collections.abc import Collection, Iterable, Mapping, Sequence
from itertools import chain
from operator import itemgetter

from policyconflict.dates import Period
from policyconflict.query._index._bulk import append_each, repeat_each
from policyconflict.query._index._runs import (
    BUCKET,
    Columns,
    Runs,
    class_order,
    widest,
    width_classes,
)
from policyconflict.query._time import PeriodBounds, Window


class _Bounds:
    """One set of interval columns (outer or inner), their width classes, and the positions in
    class and start order."""

    def __init__(self, los: Iterable[int], his: Iterable[int], bucket: int) -> None:
        starts, ends = array("q", los), array("q", his)
        self.columns = columns = Columns(starts, ends, width_classes(starts, ends), None, bucket)
        self.order = class_order(columns)
        self.widest = widest(starts, ends, columns.classes)

    def runs(self, members: list[int]) -> Runs:
        return Runs.build(members, self.columns.classes, self.widest)


class SpanIndex:
    """Records that last a period, by keys in named dimensions (see module doc)."""

    def __init__(
        self,
        periods: Sequence[Period],
        dims: Mapping[str, Sequence[Collection[str]]],
        bucket: int = BUCKET,
    ) -> None:
        """``periods``: each record's period; ``dims[dim][p]``: the keys of record ``p`` in
        ``dim``; ``bucket``: see :class:`~policyconflict.query._index._runs.Columns`."""
        quads = list(map(PeriodBounds(), periods))
        self.bounds = outer, inner = (
            _Bounds(map(itemgetter(0), quads), map(itemgetter(1), quads), bucket),
            _Bounds(map(itemgetter(2), quads), map(itemgetter(3), quads), bucket),
        )
        del quads
        self.columns = dict(dims)
        self.dims: dict[str, dict[str, tuple[Runs, Runs]]] = {}
        for dim, column in dims.items():
            pair = [_grouped(column, outer.order), _grouped(column, inner.order)]
            self.dims[dim] = {
                key: (outer.runs(members), inner.runs(pair[1][key]))
                for key, members in pair[0].items()
            }
        self.every = (outer.runs(outer.order), inner.runs(inner.order))

    def query(self, filters: Mapping[str, frozenset[str]], window: Window | None) -> list[int]:
        """Positions of the records with a key in each filter's set and passing ``window``,
        ascending."""
        which = 1 if window is not None and window.inner else 0
        bounds = self.bounds[which]
        columns = bounds.columns
        best: tuple[int, list[Runs], str] | None = None
        for dim, wanted in filters.items():
            table = self.dims[dim]
            runs = [
                pair[which]
                for pair in (
                    [table[k] for k in wanted if k in table]
                    if len(wanted) <= len(table)
                    else [pair for k, pair in table.items() if k in wanted]
                )
            ]
            size = sum(r.count(window, columns) for r in runs)
            if best is None or size < best[0]:
                best = (size, runs, dim)
        found: list[int] = []
        if best is None:
            if window is None:
                return list(range(len(columns.los)))
            self.every[which].select(window, columns, found)
        else:
            if best[0] == 0:
                return []
            for item in best[1]:
                if window is None:
                    found.extend(item.positions())
                else:
                    item.select(window, columns, found)
            if len(best[1]) > 1:  # a record can sit under several of the keys
                found = list(set(found))
        found.sort()
        rest = [(dim, wanted) for dim, wanted in filters.items() if best is None or dim != best[2]]
        for dim, wanted in rest:
            column = self.columns[dim]
            found = [p for p in found if not wanted.isdisjoint(column[p])]
        return found


def _grouped(column: Sequence[Collection[str]], order: list[int]) -> dict[str, list[int]]:
    """Key → the positions filed under it, in ``order`` (in C: no per-key sort)."""
    values = list(map(column.__getitem__, order))
    table: defaultdict[str, list[int]] = defaultdict(list)
    append_each(
        map(table.__getitem__, chain.from_iterable(values)), repeat_each(order, map(len, values))
    )
    return table
