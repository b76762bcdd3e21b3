"""The statement index behind :meth:`Corpus.statements <policyconflict.query.Corpus.statements>`.

:class:`StatementIndex` (built for a million records) keeps one
:class:`~policyconflict.query._index._runs.Runs` per key of four dimensions, plus a
:class:`~policyconflict.query._index._blocks.Blocks` of every statement (for queries with only a
time filter):

* ``speaker``: the speaker;
* ``principal``: the principal (``on_behalf_of``);
* ``place``: every place the statement is placed in (its speaker's and its principal's);
* ``target``: the targets of its positions.

``speaker_org`` asks for the speaker and principal keys of every member of the organization and
``within`` for the place keys of every place below it.

Two per-statement columns answer the filters that are not keys: the stances of its positions
(one bit each) and its channel. Keys holding a good share of the records (see
:class:`~policyconflict.query._index._thresholds.Thresholds`) also keep a membership column (a
byte per statement). A query takes the filter with the fewest records,
bisects its runs on the time window, checks the candidates against the membership column of any
other filter that has one (in C), intersects the other filters' windowed records when they are
about as few (in C, with sets) and checks the rest on the candidates.

Building reads each field of the statements once, into columns, with C-level ``map`` calls where
it can; groups the positions of each key in one pass over the statements in date order (so no
key's list is sorted on its own); and keeps ``gc`` paused (see ``_engine``).

Results are positions into the corpus's list, ascending: the corpus returns entities in the
order it received them.
"""

from __future__ import annotations

from array import array
from collections.abc import Callable, Collection, Iterable, Mapping, Sequence
from itertools import chain, compress
from operator import attrgetter

from policyconflict.model.statements import Channel, Stance, Statement
from policyconflict.query._index._blocks import Blocks
from policyconflict.query._index._bulk import append_each
from policyconflict.query._index._runs import CLASSES, Columns, Runs, fill, sort_key, width_class
from policyconflict.query._index._thresholds import DEFAULT, Thresholds
from policyconflict.query._time import Window, date_bounds

PlacesOf = Callable[[str], frozenset[str]]

_VOICE = attrgetter("speaker", "on_behalf_of")

_STANCE_BITS = {stance: 1 << index for index, stance in enumerate(Stance)}
_CHANNEL_CODES = {channel: index for index, channel in enumerate(Channel)}

Table = dict[str, list[int]]


def _sink(table: Table, key: str) -> list[int]:
    members = table.get(key)
    if members is None:
        members = table[key] = []
    return members


def _runs(dim: Mapping[str, Runs], keys: Collection[str]) -> list[Runs]:
    """The runs of those of ``keys`` that ``dim`` has."""
    if len(keys) <= len(dim):  # mutate: skip equivalent: either loop finds the same runs
        return [dim[k] for k in keys if k in dim]
    return [runs for k, runs in dim.items() if k in keys]


def _keep(found: list[int], column: bytearray, test: Callable[[int], object]) -> list[int]:
    """The positions of ``found`` whose value in ``column`` passes ``test`` (order kept; in C)."""
    return list(compress(found, map(test, map(column.__getitem__, found))))


def _marked(found: list[int], marks: bytearray) -> list[int]:
    """The positions of ``found`` marked in ``marks`` (order kept; in C)."""
    return list(compress(found, map(marks.__getitem__, found)))


class StatementIndex:
    """Statements by speaker, principal, place and target, each with dates (see module doc)."""

    def __init__(
        self,
        statements: Sequence[Statement],
        places_of: PlacesOf,
        thresholds: Thresholds = DEFAULT,
    ) -> None:
        self._places_of = places_of
        self._thresholds = thresholds
        bucket = thresholds.bucket
        n = len(statements)
        # Dates: one entry per distinct (start, end); each statement's entry number.
        entries: list[tuple[int, int, int]] = []
        numbers: dict[tuple[int, int], int] = {}
        cache: dict[int, int] = {}
        entry_of = [0] * n
        for pos, date in enumerate(map(attrgetter("date"), statements)):
            if date is None or date.hour is not None:
                number = self._entry(date, entries, numbers)
            else:
                # Year, month and day packed in one int: a cheaper cache key than a tuple.
                short = (date.year << 9) | ((date.month or 0) << 5) | (date.day or 0)
                found = cache.get(short)
                if found is None:
                    found = cache[short] = self._entry(date, entries, numbers)
                number = found
            entry_of[pos] = number
        self.columns = columns = Columns(
            array("q", map([e[0] for e in entries].__getitem__, entry_of)),
            array("q", map([e[1] for e in entries].__getitem__, entry_of)),
            bytearray(map([e[2] for e in entries].__getitem__, entry_of)),
            array("q", map([sort_key(e[0], e[2], bucket) for e in entries].__getitem__, entry_of)),
            bucket,
        )
        classes = columns.classes
        # Every statement in blocks of one date: each entry's statements in position order,
        # entries by class and start.
        groups: list[list[int]] = [[] for _ in entries]
        append_each(map(groups.__getitem__, entry_of), range(n))
        ranked = sorted(range(len(entries)), key=lambda e: (entries[e][2], entries[e][0]))
        self.every = Blocks(
            list(chain.from_iterable(map(groups.__getitem__, ranked))),
            [entries[e] for e in ranked],
            [len(groups[e]) for e in ranked],
        )
        # The keys' order (see _runs): by class, then sort key, then position; the entries
        # sharing a class and sort key (the days of one bucket) are merged.
        slots = sorted({(width, sort_key(lo, width, bucket)) for lo, _, width in entries})
        slot_of = dict(zip(slots, range(len(slots)), strict=True))
        rank = [slot_of[width, sort_key(lo, width, bucket)] for lo, _, width in entries]
        rank_of = list(map(rank.__getitem__, entry_of))
        groups = [[] for _ in slots]
        append_each(map(groups.__getitem__, rank_of), range(n))
        order = list(chain.from_iterable(groups))
        del groups, entry_of
        self.channels = bytearray(
            map(_CHANNEL_CODES.__getitem__, map(attrgetter("channel"), statements))
        )
        self.stances = bytearray(n)
        tables: tuple[Table, Table, Table, Table] = ({}, {}, {}, {})
        sinks = self._actor_sinks(statements, tables)
        fill(order, sinks)
        del sinks
        self._group_targets(statements, tables[3], rank_of.__getitem__)
        wide = max((hi - lo for lo, hi, width in entries if width == CLASSES - 1), default=0)
        self.speaker, self.principal, self.place, self.target = (
            {key: Runs.build(members, classes, wide) for key, members in table.items()}
            for table in tables
        )
        self._marks = [
            runs.mark(n)
            for dim in (self.speaker, self.principal, self.place, self.target)
            for runs in dim.values()
            if runs.size * thresholds.marked >= n
        ]

    @staticmethod
    def _entry(
        date: object, entries: list[tuple[int, int, int]], numbers: dict[tuple[int, int], int]
    ) -> int:
        lo, hi = date_bounds(date)  # type: ignore[arg-type]
        number = numbers.get((lo, hi))
        if number is None:
            number = numbers[(lo, hi)] = len(entries)
            entries.append((lo, hi, width_class(lo, hi)))
        return number

    def _actor_sinks(
        self, statements: Sequence[Statement], tables: tuple[Table, ...]
    ) -> list[tuple[list[int], ...]]:
        """Per statement, the lists of its speaker, principal and place keys: one shared tuple
        per speaker and principal pair, made the first time the pair is met; the pairs are read
        and looked up in C."""
        speakers, principals, places = tables[0], tables[1], tables[2]
        places_of = self._places_of

        class Combos(dict[tuple[str, str | None], tuple[list[int], ...]]):
            def __missing__(self, pair: tuple[str, str | None]) -> tuple[list[int], ...]:
                speaker, principal = pair
                where = places_of(speaker)
                lists = [_sink(speakers, speaker)]
                if principal is not None:
                    where = where | places_of(principal)
                    lists.append(_sink(principals, principal))
                lists.extend(_sink(places, place) for place in where)
                found = self[pair] = tuple(lists)
                return found

        return list(map(Combos().__getitem__, map(_VOICE, statements)))

    def _group_targets(
        self, statements: Sequence[Statement], table: Table, rank_of: Callable[[int], int]
    ) -> None:
        """The positions of each target in date order (grouped in position order, then sorted
        stably on the rank of their date); fills the stance column on the way."""
        stances, bits = self.stances, _STANCE_BITS
        for pos, positions in enumerate(map(attrgetter("positions"), statements)):
            mask = 0
            for position in positions:
                members = table.get(position.target)
                if members is None:
                    table[position.target] = [pos]
                else:
                    members.append(pos)
                mask |= bits[position.stance]
            stances[pos] = mask
        for members in table.values():
            members.sort(key=rank_of)

    def add(self, statement: Statement) -> None:
        """Index one more statement, at the next position."""
        pos = len(self.columns.los)
        lo, hi = date_bounds(statement.date)
        width = self.columns.append(lo, hi)
        bits = 0
        for position in statement.positions:
            bits |= _STANCE_BITS[position.stance]
        self.stances.append(bits)
        self.channels.append(_CHANNEL_CODES[statement.channel])
        places = self._places_of(statement.speaker)
        principal = statement.on_behalf_of
        keys: list[tuple[dict[str, Runs], Collection[str]]] = [
            (self.speaker, (statement.speaker,)),
            (self.target, [x.target for x in statement.positions]),
        ]
        if principal is not None:
            keys.append((self.principal, (principal,)))
            places = places | self._places_of(principal)
        keys.append((self.place, places))
        self.every.insert(pos, lo, hi, width)
        for marks in self._marks:  # every membership column covers every position
            marks.append(0)
        for dim, values in keys:
            for value in values:
                runs = dim.get(value)
                if runs is None:
                    runs = dim[value] = Runs()
                runs.insert(pos, self.columns)

    def query(
        self,
        statements: Sequence[Statement],
        *,
        speaker: str | None = None,
        voices: frozenset[str] | None = None,
        places: frozenset[str] | None = None,
        target: str | None = None,
        stance: Stance | None = None,
        channel: Channel | None = None,
        window: Window | None = None,
    ) -> list[int]:
        """Positions of the statements passing every filter given, ascending.

        ``speaker``: said by this actor; ``voices``: the speaker or the principal is one of
        them; ``places``: placed in one of them; ``target``: takes a position on it;
        ``stance``: a position with this stance (with ``target``: on that target);
        ``channel``: made this way; ``window``: dated inside the window.
        """
        total = len(self.columns.los)
        plans: list[tuple[int, list[Runs], Callable[[int], bool]]] = []
        if speaker is not None:
            plans.append(
                self._plan(
                    [self.speaker.get(speaker)], window, lambda p: statements[p].speaker == speaker
                )
            )
        if voices is not None:
            plans.append(
                self._plan(
                    _runs(self.speaker, voices) + _runs(self.principal, voices),
                    window,
                    lambda p: (
                        statements[p].speaker in voices or statements[p].on_behalf_of in voices
                    ),
                )
            )
        if places is not None:
            plans.append(
                self._plan(
                    _runs(self.place, places),
                    window,
                    lambda p: self._placed_in(statements[p], places),
                )
            )
        if target is not None:
            plans.append(
                self._plan(
                    [self.target.get(target)],
                    window,
                    lambda p: any(x.target == target for x in statements[p].positions),
                )
            )
        found: list[int] = []
        if not plans:
            if window is None:
                found = list(range(total))
            else:
                self.every.select(window, found)
                found.sort()
        else:
            plans.sort(key=lambda plan: plan[0])
            if plans[0][0] == 0:
                return []
            found, unique = self._gather(plans[0][1], window)
            rest = []
            for plan in plans[1:]:
                marks = plan[1][0].marks if len(plan[1]) == 1 else None
                if marks is None:
                    rest.append(plan)
                else:
                    # A key with a membership column: check each candidate in C. The window
                    # needs no second look: every candidate already passed it.
                    found = _marked(found, marks)
            checks = []
            for count, runs, test in rest:
                if count <= self._thresholds.intersect * len(found):
                    # About as many records as candidates: intersect them (in C).
                    other: Iterable[int] = (
                        runs[0].positions()
                        if window is None and len(runs) == 1
                        else self._gather(runs, window)[0]
                    )
                    found = list(set(found).intersection(other))
                    unique = True
                else:
                    checks.append(test)
            if unique:
                found.sort()
            else:  # a statement can sit under several of the driving filter's keys
                found = sorted(set(found))
            for test in checks:
                found = [p for p in found if test(p)]
        if stance is not None:
            found = _keep(found, self.stances, _STANCE_BITS[stance].__and__)
            if target is not None:
                found = [
                    p
                    for p in found
                    if any(
                        x.target == target and x.stance is stance for x in statements[p].positions
                    )
                ]
        if channel is not None:
            found = _keep(found, self.channels, _CHANNEL_CODES[channel].__eq__)
        return found

    def _plan(
        self, runs: Sequence[Runs | None], window: Window | None, test: Callable[[int], bool]
    ) -> tuple[int, list[Runs], Callable[[int], bool]]:
        """How many records a filter may give (counted on the window when it has few keys),
        its runs and its test."""
        present = [r for r in runs if r is not None]
        if window is None or len(present) > self._thresholds.counted:
            return sum(r.size for r in present), present, test
        return sum(r.count(window, self.columns) for r in present), present, test

    def _gather(self, runs: list[Runs], window: Window | None) -> tuple[list[int], bool]:
        """The positions of ``runs`` passing ``window``, and whether each is there once (a
        statement can sit under several of the keys)."""
        out: list[int] = []
        for item in runs:
            if window is None:
                out.extend(item.positions())
            else:
                item.select(window, self.columns, out)
        return out, len(runs) <= 1

    def _placed_in(self, statement: Statement, places: frozenset[str]) -> bool:
        if not self._places_of(statement.speaker).isdisjoint(places):
            return True
        principal = statement.on_behalf_of
        return principal is not None and not self._places_of(principal).isdisjoint(places)
