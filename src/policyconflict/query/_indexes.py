"""The indexes behind :class:`~policyconflict.query.Corpus`.

:class:`StatementIndex` (built for a million records) keeps, per speaker, per principal
(``on_behalf_of``), per place and per target, a :class:`~policyconflict.query._runs.Runs` of
date-sorted starts and positions, plus one ``Runs`` over every statement, and two columns of
date ends. A query picks its most selective filter (the one whose posting lists are shortest),
bisects those lists on the date window, and checks the remaining filters on the few candidates.

:class:`SpanIndex` does the same for records that last a period (deployments, roles, laws),
with a second set of runs over the part of each period that is certain, for *surely* questions.

Results are positions into the corpus's lists, in ascending order: the corpus returns entities
in the order it received them.
"""

from __future__ import annotations

from array import array
from collections.abc import Callable, Collection, Iterable, Mapping, Sequence

from policyconflict.dates import Period
from policyconflict.model.statements import Statement
from policyconflict.query._runs import Runs
from policyconflict.query._time import Window, date_bounds, inner_bounds, outer_bounds

Check = Callable[[int], bool]


def _size(dim: Mapping[str, Runs], keys: Collection[str]) -> int:
    if len(keys) <= len(dim):
        return sum(dim[k].size for k in keys if k in dim)
    return sum(runs.size for k, runs in dim.items() if k in keys)


def _present(dim: Mapping[str, Runs], keys: Collection[str]) -> list[Runs]:
    if len(keys) <= len(dim):
        return [dim[k] for k in keys if k in dim]
    return [runs for k, runs in dim.items() if k in keys]


def _gather(runs: Iterable[Runs], window: Window | None, his: Sequence[int]) -> list[int]:
    out: list[int] = []
    for item in runs:
        if window is None:
            out.extend(item.positions())
        else:
            item.select(window, his, out)
    return out


class StatementIndex:
    """Statements by speaker, principal, place and target, each with dates (see module doc)."""

    def __init__(
        self, statements: Sequence[Statement], places_of: Callable[[str], frozenset[str]]
    ) -> None:
        self._places_of = places_of
        self.los = array("q")
        self.his = array("q")
        self.every = Runs()
        self.speaker: dict[str, Runs] = {}
        self.principal: dict[str, Runs] = {}
        self.place: dict[str, Runs] = {}
        self.target: dict[str, Runs] = {}
        los, his = self.los, self.his
        for statement in statements:
            lo, hi = date_bounds(statement.date)
            los.append(lo)
            his.append(hi)
        for pos in sorted(range(len(statements)), key=los.__getitem__):
            self._put(statements[pos], pos, los[pos], his[pos], bulk=True)

    def _put(self, statement: Statement, pos: int, lo: int, hi: int, *, bulk: bool) -> None:
        def put(dim: dict[str, Runs], key: str) -> None:
            runs = dim.get(key)
            if runs is None:
                runs = dim[key] = Runs()
            if bulk:
                runs.append(lo, hi, pos)
            else:
                runs.insert(lo, hi, pos)

        if bulk:
            self.every.append(lo, hi, pos)
        else:
            self.every.insert(lo, hi, pos)
        put(self.speaker, statement.speaker)
        places = self._places_of(statement.speaker)
        if statement.on_behalf_of is not None:
            put(self.principal, statement.on_behalf_of)
            places = places | self._places_of(statement.on_behalf_of)
        for place in places:
            put(self.place, place)
        for position in statement.positions:
            put(self.target, position.target)

    def add(self, statement: Statement) -> None:
        """Index one more statement, at the next position."""
        pos = len(self.los)
        lo, hi = date_bounds(statement.date)
        self.los.append(lo)
        self.his.append(hi)
        self._put(statement, pos, lo, hi, bulk=False)

    def query(
        self,
        statements: Sequence[Statement],
        *,
        speakers: frozenset[str] | None,
        voices: frozenset[str] | None,
        places: frozenset[str] | None,
        targets: frozenset[str] | None,
        checks: Sequence[Check],
        window: Window | None,
    ) -> list[int]:
        """Positions of the statements passing every filter, ascending.

        ``speakers``: the speaker is one of them; ``voices``: the speaker or the principal is;
        ``places``: the statement is placed in one of them; ``targets``: it takes a position on
        one of them. ``checks`` are further tests on positions (stance, channel...).
        """
        plans: list[tuple[int, list[Runs], Check | None]] = []
        if speakers is not None:
            plans.append(
                (
                    _size(self.speaker, speakers),
                    _present(self.speaker, speakers),
                    lambda p: statements[p].speaker in speakers,
                )
            )
        if voices is not None:
            runs = _present(self.speaker, voices) + _present(self.principal, voices)
            plans.append(
                (
                    sum(r.size for r in runs),
                    runs,
                    lambda p: (
                        statements[p].speaker in voices or statements[p].on_behalf_of in voices
                    ),
                )
            )
        if places is not None:
            plans.append(
                (
                    _size(self.place, places),
                    _present(self.place, places),
                    lambda p: self._placed_in(statements[p], places),
                )
            )
        if targets is not None:
            plans.append(
                (
                    _size(self.target, targets),
                    _present(self.target, targets),
                    lambda p: any(x.target in targets for x in statements[p].positions),
                )
            )
        if not plans:
            found = _gather([self.every], window, self.his)
            found.sort()
            return [p for p in found if all(check(p) for check in checks)]
        plans.sort(key=lambda plan: plan[0])
        size, runs, _ = plans[0]
        if size == 0:
            return []
        found = _gather(runs, window, self.his)
        if len(runs) > 1:  # a statement can sit under several of the keys
            found = list(set(found))
        found.sort()
        rest = [plan[2] for plan in plans[1:] if plan[2] is not None] + list(checks)
        if not rest:
            return found
        return [p for p in found if all(check(p) for check in rest)]

    def _placed_in(self, statement: Statement, places: frozenset[str]) -> bool:
        if not self._places_of(statement.speaker).isdisjoint(places):
            return True
        principal = statement.on_behalf_of
        return principal is not None and not self._places_of(principal).isdisjoint(places)


class SpanIndex:
    """Records that last a period, by keys in named dimensions (see module doc)."""

    def __init__(self, records: Sequence[tuple[Period, Mapping[str, Iterable[str]]]]) -> None:
        self.his = array("q")
        self.ihis = array("q")
        los: list[int] = []
        ilos: list[int] = []
        self.keys: list[dict[str, frozenset[str]]] = []
        for period, keys in records:
            lo, hi = outer_bounds(period)
            ilo, ihi = inner_bounds(period)
            los.append(lo)
            self.his.append(hi)
            ilos.append(ilo)
            self.ihis.append(ihi)
            self.keys.append({dim: frozenset(values) for dim, values in keys.items()})
        self.every = (Runs(), Runs())
        self.dims: dict[str, dict[str, tuple[Runs, Runs]]] = {}
        for which, starts, ends in ((0, los, self.his), (1, ilos, self.ihis)):
            for pos in sorted(range(len(records)), key=starts.__getitem__):
                lo, hi = starts[pos], ends[pos]
                self.every[which].append(lo, hi, pos)
                for dim, values in self.keys[pos].items():
                    table = self.dims.setdefault(dim, {})
                    for value in values:
                        pair = table.get(value)
                        if pair is None:
                            pair = table[value] = (Runs(), Runs())
                        pair[which].append(lo, hi, pos)

    def query(self, filters: Mapping[str, frozenset[str]], window: Window | None) -> list[int]:
        """Positions of the records with a key in each filter's set and passing ``window``."""
        which = 1 if window is not None and window.inner else 0
        his = self.ihis if which else self.his
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
            size = sum(r.size for r in runs)
            if best is None or size < best[0]:
                best = (size, runs, dim)
        if best is None:
            found = _gather([self.every[which]], window, his)
        else:
            found = list(set(_gather(best[1], window, his)))
        found.sort()
        rest = [(dim, wanted) for dim, wanted in filters.items() if best is None or dim != best[2]]
        if not rest:
            return found
        keys = self.keys
        return [
            p
            for p in found
            if all(not keys[p].get(dim, frozenset()).isdisjoint(wanted) for dim, wanted in rest)
        ]
