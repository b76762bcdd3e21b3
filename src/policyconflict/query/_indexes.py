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
from itertools import chain

from policyconflict.dates import Period
from policyconflict.model.statements import Statement
from policyconflict.query._runs import CLASSES, Runs, width_class
from policyconflict.query._time import Window, date_bounds, inner_bounds, outer_bounds

Check = Callable[[int], bool]

_INTERSECT = 25
"""Intersect another filter's posting lists when they are at most this many times as long as
the candidates; check the filter on each candidate otherwise."""


def _size(dim: Mapping[str, Runs], keys: Collection[str]) -> int:
    if len(keys) <= len(dim):
        return sum(dim[k].size for k in keys if k in dim)
    return sum(runs.size for k, runs in dim.items() if k in keys)


def _present(dim: Mapping[str, Runs], keys: Collection[str]) -> list[Runs]:
    if len(keys) <= len(dim):
        return [dim[k] for k in keys if k in dim]
    return [runs for k, runs in dim.items() if k in keys]


def _gather(
    runs: Iterable[Runs], window: Window | None, los: Sequence[int], his: Sequence[int]
) -> list[int]:
    out: list[int] = []
    for item in runs:
        if window is None:
            for positions in item.arrays():
                out.extend(positions)
        else:
            item.select(window, los, his, out)
    return out


def _merge(tables: list[dict[str, list[int]]], widest: int) -> dict[str, Runs]:
    """One :class:`Runs` per key from per-width-class tables of sorted positions."""
    keys = set().union(*tables)
    return {key: Runs.from_classes([t.get(key) for t in tables], widest) for key in keys}


class StatementIndex:
    """Statements by speaker, principal, place and target, each with dates (see module doc)."""

    def __init__(
        self, statements: Sequence[Statement], places_of: Callable[[str], frozenset[str]]
    ) -> None:
        self._places_of = places_of
        n = len(statements)
        self.los = los = array("q", bytes(8 * n))
        self.his = his = array("q", bytes(8 * n))
        classes = bytearray(n)
        cache: dict[int, tuple[int, int, int]] = {}
        for pos, statement in enumerate(statements):
            date = statement.date
            if date is None or date.hour is not None:
                lo, hi = date_bounds(date)
                width = width_class(lo, hi)
            else:
                # Year, month and day packed in one int: a cheaper cache key than a tuple.
                short = (date.year << 9) | ((date.month or 0) << 5) | (date.day or 0)
                found = cache.get(short)
                if found is None:
                    lo, hi = date_bounds(date)
                    found = cache[short] = (lo, hi, width_class(lo, hi))
                lo, hi, width = found
            los[pos] = lo
            his[pos] = hi
            classes[pos] = width
        # One pass in position order (sequential in memory); each list is sorted by start after.
        dims: list[list[dict[str, list[int]]]] = [[{} for _ in range(CLASSES)] for _ in range(4)]
        speaker, principal, place, target = dims
        for pos, statement in enumerate(statements):
            width = classes[pos]
            table = speaker[width]
            who = statement.speaker
            members = table.get(who)
            if members is None:
                table[who] = [pos]
            else:
                members.append(pos)
            places = places_of(who)
            if statement.on_behalf_of is not None:
                principal[width].setdefault(statement.on_behalf_of, []).append(pos)
                places = places | places_of(statement.on_behalf_of)
            table = place[width]
            for where in places:
                members = table.get(where)
                if members is None:
                    table[where] = [pos]
                else:
                    members.append(pos)
            table = target[width]
            for position in statement.positions:
                members = table.get(position.target)
                if members is None:
                    table[position.target] = [pos]
                else:
                    members.append(pos)
        start_of = los.__getitem__
        for tables in dims:
            for table in tables:
                for members in table.values():
                    members.sort(key=start_of)
        order = sorted(range(n), key=start_of)
        every: list[list[int] | None] = [[] for _ in range(CLASSES)]
        widest = 0
        last = CLASSES - 1
        for pos in order:
            width = classes[pos]
            every[width].append(pos)  # type: ignore[union-attr]
            if width == last:
                widest = max(widest, his[pos] - los[pos])
        self.every = Runs.from_classes(every, widest)
        self.speaker, self.principal, self.place, self.target = (
            _merge(tables, widest) for tables in dims
        )

    def _put(self, statement: Statement, pos: int) -> None:
        def put(dim: dict[str, Runs], key: str) -> None:
            runs = dim.get(key)
            if runs is None:
                runs = dim[key] = Runs()
            runs.insert(pos, self.los, self.his)

        self.every.insert(pos, self.los, self.his)
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
        self._put(statement, pos)

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
            found = _gather([self.every], window, self.los, self.his)
            found.sort()
            return [p for p in found if all(check(p) for check in checks)]
        plans.sort(key=lambda plan: plan[0])
        size, runs, _ = plans[0]
        if size == 0:
            return []
        found = _gather(runs, window, self.los, self.his)
        if len(runs) > 1:  # a statement can sit under several of the keys
            found = list(set(found))
        rest: list[Check] = []
        for other_size, other_runs, check in plans[1:]:
            if other_size <= _INTERSECT * len(found):
                # Posting lists about as short as the candidates: intersect them (in C).
                arrays = chain.from_iterable(r.arrays() for r in other_runs)
                found = list(set(found).intersection(chain.from_iterable(arrays)))
            elif check is not None:
                rest.append(check)
        found.sort()
        rest.extend(checks)
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
        self.los = los = array("q")
        self.his = array("q")
        self.ilos = ilos = array("q")
        self.ihis = array("q")
        self.keys: list[dict[str, frozenset[str]]] = []
        for period, keys in records:
            lo, hi = outer_bounds(period)
            ilo, ihi = inner_bounds(period)
            los.append(lo)
            self.his.append(hi)
            ilos.append(ilo)
            self.ihis.append(ihi)
            self.keys.append({dim: frozenset(values) for dim, values in keys.items()})
        lists: dict[str, dict[str, list[int]]] = {}
        for pos, keys in enumerate(self.keys):
            for dim, values in keys.items():
                table = lists.setdefault(dim, {})
                for value in values:
                    table.setdefault(value, []).append(pos)
        every = list(range(len(records)))
        self.every = (Runs.bulk(every, los, self.his), Runs.bulk(every[:], ilos, self.ihis))
        self.dims: dict[str, dict[str, tuple[Runs, Runs]]] = {
            dim: {
                value: (Runs.bulk(members, los, self.his), Runs.bulk(members[:], ilos, self.ihis))
                for value, members in table.items()
            }
            for dim, table in lists.items()
        }

    def query(self, filters: Mapping[str, frozenset[str]], window: Window | None) -> list[int]:
        """Positions of the records with a key in each filter's set and passing ``window``."""
        which = 1 if window is not None and window.inner else 0
        los, his = (self.ilos, self.ihis) if which else (self.los, self.his)
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
            found = _gather([self.every[which]], window, los, his)
        else:
            found = list(set(_gather(best[1], window, los, his)))
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
