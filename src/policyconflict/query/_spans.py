"""The index of records that last a period: deployments, roles, laws and found conflicts.

:class:`SpanIndex` keeps, per key of each named dimension, two
:class:`~policyconflict.query._runs.Runs`: one over the widest bounds of each record's period
(for *may* questions) and one over the part it surely covers (for *surely* questions). A query
takes the filter with the fewest records in the window, bisects its runs on the window and
checks the other filters on the candidates.

Callers that ask about places index each record under its places *and the places above them*,
so a ``within`` question names one key.
"""

from __future__ import annotations

from array import array
from collections.abc import Iterable, Mapping, Sequence

from policyconflict.dates import Period
from policyconflict.query._runs import Runs, class_order, fill, widest, width_class
from policyconflict.query._time import PeriodBounds, Window


class _Bounds:
    """One set of interval columns (outer or inner) and their width classes."""

    def __init__(self) -> None:
        self.los = array("q")
        self.his = array("q")
        self.classes = bytearray()

    def append(self, lo: int, hi: int) -> None:
        self.los.append(lo)
        self.his.append(hi)
        self.classes.append(width_class(lo, hi))

    def runs(self, members: list[int], widest: int) -> Runs:
        return Runs.build(members, self.classes, widest)


class SpanIndex:
    """Records that last a period, by keys in named dimensions (see module doc)."""

    def __init__(self, records: Sequence[tuple[Period, Mapping[str, Iterable[str]]]]) -> None:
        self.bounds = (_Bounds(), _Bounds())
        outer, inner = self.bounds
        self.keys: list[dict[str, frozenset[str]]] = []
        tables: dict[str, dict[str, tuple[list[int], list[int]]]] = {}
        sinks: tuple[list[list[list[int]]], list[list[list[int]]]] = ([], [])
        bounds_of = PeriodBounds()
        for period, keys in records:
            outer_lo, outer_hi, inner_lo, inner_hi = bounds_of(period)
            outer.append(outer_lo, outer_hi)
            inner.append(inner_lo, inner_hi)
            frozen = {dim: frozenset(values) for dim, values in keys.items()}
            self.keys.append(frozen)
            mine: tuple[list[list[int]], list[list[int]]] = ([], [])
            for dim, values in frozen.items():
                table = tables.setdefault(dim, {})
                for value in values:
                    pair = table.get(value)
                    if pair is None:
                        pair = table[value] = ([], [])
                    mine[0].append(pair[0])
                    mine[1].append(pair[1])
            sinks[0].append(mine[0])
            sinks[1].append(mine[1])
        orders = [class_order(b.los, b.classes) for b in self.bounds]
        for order, which in zip(orders, sinks, strict=True):
            fill(order, which)
        wide = [widest(b.los, b.his, b.classes) for b in self.bounds]
        self.every = (outer.runs(orders[0], wide[0]), inner.runs(orders[1], wide[1]))
        self.dims: dict[str, dict[str, tuple[Runs, Runs]]] = {
            dim: {
                value: (outer.runs(pair[0], wide[0]), inner.runs(pair[1], wide[1]))
                for value, pair in table.items()
            }
            for dim, table in tables.items()
        }

    def query(self, filters: Mapping[str, frozenset[str]], window: Window | None) -> list[int]:
        """Positions of the records with a key in each filter's set and passing ``window``,
        ascending."""
        which = 1 if window is not None and window.inner else 0
        bounds = self.bounds[which]
        los, his = bounds.los, bounds.his
        best: tuple[int, list[Runs], str] | None = None
        for dim, wanted in filters.items():
            table = self.dims.get(dim, {})
            runs = [
                pair[which]
                for pair in (
                    [table[k] for k in wanted if k in table]
                    if len(wanted) <= len(table)
                    else [pair for k, pair in table.items() if k in wanted]
                )
            ]
            size = sum(r.count(window, los) for r in runs)
            if best is None or size < best[0]:
                best = (size, runs, dim)
        found: list[int] = []
        if best is None:
            if window is None:
                return list(range(len(los)))
            self.every[which].select(window, los, his, found)
        else:
            if best[0] == 0:
                return []
            for item in best[1]:
                if window is None:
                    found.extend(item.positions())
                else:
                    item.select(window, los, his, found)
            if len(best[1]) > 1:  # a record can sit under several of the keys
                found = list(set(found))
        found.sort()
        rest = [(dim, wanted) for dim, wanted in filters.items() if best is None or dim != best[2]]
        if not rest:
            return found
        keys = self.keys
        empty: frozenset[str] = frozenset()
        return [
            p
            for p in found
            if all(not keys[p].get(dim, empty).isdisjoint(wanted) for dim, wanted in rest)
        ]
