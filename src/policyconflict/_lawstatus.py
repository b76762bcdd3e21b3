"""Machinery for :mod:`policyconflict.status`: change points, cells and the evaluation of one
moment. The rules are documented in :mod:`policyconflict.status`.

Moments are the ordered keys of :mod:`policyconflict.dates` (``PartialDate.earliest_key``). A
*change* (the law taking effect, expiring, being repealed; a ruling taking effect) happens at
one key when its date has a time of day, or at the start of some day in a span (``lo`` to
``hi``) when it is known to the day, month or year. A *cell* is one target (law or provision),
one part of the asked place and one class.

What is asked about is a :class:`Subject`: a law (its own dates and its provisions), a ruling
(in effect from when it takes effect until another ruling stays or ends it), or any other target
a ruling can name (a deployment, an order, a vote, an appointment, a body), which has no dates
of its own here: only the rulings change its status. The same rules decide all of them, in
:meth:`Evaluator.state` and :meth:`Evaluator.ruling_state`.
"""

from __future__ import annotations

import datetime as _dt
import enum
import itertools
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from typing import Final, TypeAlias

import attrs

from policyconflict.dates import MINUS_INF, PLUS_INF, Key, PartialDate, Period
from policyconflict.model.courts import Outcome, OutcomeEffect, Ruling, Scope
from policyconflict.model.laws import Law, LawKind

MAX_UNCERTAIN: Final = 12
"""At most this many changes of uncertain date are followed both ways in one piece (2**12
combinations); beyond that the piece is ``unknown``."""


class LawState(enum.StrEnum):
    """The status of a law or provision."""

    NOT_YET_EFFECTIVE = "not-yet-effective"
    IN_FORCE = "in-force"
    ENJOINED = "enjoined"
    STAYED = "stayed"
    STRUCK = "struck"
    REPEALED = "repealed"
    EXPIRED = "expired"
    PARTLY_IN_FORCE = "partly-in-force"
    """In force for some of the time, places, classes or provisions asked about, not others."""
    NOT_IN_FORCE = "not-in-force"
    """Not in force at any of the time, places, classes or provisions asked about, for more
    than one reason: see the pieces."""
    UNKNOWN = "unknown"
    """The dates known cannot settle it: see ``LawStatus.possible``."""
    ENDED = "ended"
    """Of a ruling only: another ruling vacated, reversed, lifted or superseded it (a ruling in
    effect is ``in-force``, a suspended one ``stayed``)."""


class LawDate(enum.Enum):
    """A change of the law's own: a name of its own kind, which no ruling id can equal."""

    EFFECTIVE = "effective"
    EXPIRES = "expires"
    REPEALED = "repealed"


EFFECTIVE: Final = LawDate.EFFECTIVE
EXPIRES: Final = LawDate.EXPIRES
REPEALED: Final = LawDate.REPEALED
Name: TypeAlias = str | LawDate
"""What a :class:`Change` is: a ruling taking effect (its id) or a date of the law's own."""
_END_STATES: Final = {EXPIRES: LawState.EXPIRED, REPEALED: LawState.REPEALED}
_ENDING: Final = frozenset(
    {
        OutcomeEffect.VACATES,
        OutcomeEffect.REVERSES,
        OutcomeEffect.LIFTS,
        OutcomeEffect.SUPERSEDES,
    }
)
_SUSPENDING: Final = _ENDING | {OutcomeEffect.STAYS}
_BLOCKS: Final = {
    OutcomeEffect.STRIKES: LawState.STRUCK,
    OutcomeEffect.VACATES: LawState.STRUCK,
    OutcomeEffect.ENJOINS: LawState.ENJOINED,
    OutcomeEffect.STAYS: LawState.STAYED,
}
_RANK: Final = (LawState.STRUCK, LawState.ENJOINED, LawState.STAYED)


@attrs.frozen
class Change:
    """Something that happens at a moment between ``lo`` and ``hi`` (keys), dated for display
    by ``lo_date`` and ``hi_date``."""

    name: Name
    lo: Key
    hi: Key
    lo_date: PartialDate | None
    hi_date: PartialDate | None


def _day(day: _dt.date) -> PartialDate:
    return PartialDate.from_date(day)


def start_change(name: Name, date: PartialDate) -> Change:
    """A change that takes effect at ``date``: its minute, or the start of one of its days."""
    if date.hour is not None:
        return Change(name, date.earliest_key, date.earliest_key, date, date)
    first, last = _day(date.earliest), _day(date.latest)
    return Change(name, first.earliest_key, last.earliest_key, first, last)


def end_change(name: Name, date: PartialDate) -> Change:
    """A change that happens just after ``date`` ends (``date`` is the last moment before it)."""
    instant = date.instant
    if instant is not None:
        step = _dt.timedelta(seconds=1 if date.second is not None else 60)
        after = PartialDate.from_datetime(instant + step)
        return Change(name, after.earliest_key, after.earliest_key, after, after)
    day = _dt.timedelta(days=1)
    if date.latest == _dt.date.max:
        return Change(name, PLUS_INF, PLUS_INF, None, None)
    first, last = _day(date.earliest + day), _day(date.latest + day)
    return Change(name, first.earliest_key, last.earliest_key, first, last)


def at_keys(at: PartialDate | Period) -> tuple[Key, Key]:
    """The first and last moments of what was asked (a period's widest bounds)."""
    if isinstance(at, PartialDate):
        return at.earliest_key, at.latest_key
    return at.outer()


@attrs.frozen
class Cell:
    """One target, one part of the asked place, one class (see :class:`StatusPiece`)."""

    target: str
    place: str | None
    excluding: tuple[str, ...]
    applies_to: str | None
    excluding_classes: tuple[str, ...]


@attrs.frozen
class Segment:
    """A span of what was asked: from the key ``lo`` up to (not including) ``hi``; ``hi`` is
    ``None`` for the last span, which ends where the question ends."""

    lo: Key
    hi: Key | None
    start: PartialDate | None
    until: PartialDate | None


Raw: TypeAlias = tuple[Cell, Segment, frozenset[LawState], frozenset[str]]
Judge: TypeAlias = Callable[[Cell, frozenset[Name]], tuple[LawState, frozenset[str]]]
"""The state of a cell once exactly the given changes have happened, and its evidence."""


ALWAYS: Final = Change(EFFECTIVE, MINUS_INF, MINUS_INF, None, None)
"""The start of a target without dates of its own: it has surely begun at every moment."""


@attrs.frozen(kw_only=True)
class Subject:
    """What a status is asked of: ``id``, the ids rulings may name it by (``names``: itself
    and its same-as cluster), its ``parts`` (a law's provisions), its own changes (``own``:
    a law's dates; :data:`ALWAYS` for a target without dates of its own), whether it is a
    ruling (whose state is :meth:`Evaluator.ruling_state`), and its ``members``: the rulings
    that belong to it and are evaluated with it (a ruling: itself; a legal case: its
    rulings)."""

    id: str
    names: frozenset[str]
    parts: tuple[str, ...] = ()
    own: tuple[Change, ...] = (ALWAYS,)
    ruling: bool = False
    members: frozenset[str] = frozenset()

    @classmethod
    def of_law(cls, law: Law, names: Iterable[str] = ()) -> Subject:
        """A law, named by its id (and ``names``), with its provisions and dates."""
        parts = tuple(p.id for p in law.provisions)
        return cls(id=law.id, names=frozenset({law.id, *names}), parts=parts, own=law_changes(law))

    @classmethod
    def of_target(cls, target: str, names: Iterable[str] = (), *, ruling: bool = False) -> Subject:
        """Any other target a ruling can name (a ruling when ``ruling``)."""
        own = () if ruling else (ALWAYS,)
        members = frozenset({target}) if ruling else frozenset()
        names_ = frozenset({target, *names})
        return cls(id=target, names=names_, own=own, ruling=ruling, members=members)

    @classmethod
    def of_case(cls, case: str, rulings: Iterable[str]) -> Subject:
        """A legal case: its rulings and the rulings that act on them."""
        return cls(id=case, names=frozenset({case}), members=frozenset(rulings))


@attrs.frozen(kw_only=True)
class Evaluator:
    """Everything needed to evaluate the status of one subject (a law or provision, a ruling,
    any target a ruling can name), and of each ruling that reaches it."""

    subject: Subject
    rulings: Mapping[str, Ruling]
    about: Mapping[str, tuple[tuple[Ruling, Outcome], ...]]
    parents: Mapping[str, str | None]
    changes: tuple[Change, ...]
    cells: tuple[Cell, ...]

    @classmethod
    def build(
        cls,
        *,
        law: Law,
        provision: str | None,
        rulings: Sequence[Ruling],
        parents: Mapping[str, str | None],
        place: str | None,
        applies_to: str | None,
    ) -> Evaluator:
        """The evaluator of a law (or one of its provisions): :meth:`build_for` its subject."""
        return cls.build_for(
            subject=Subject.of_law(law),
            provision=provision,
            rulings=rulings,
            parents=parents,
            place=place,
            applies_to=applies_to,
        )

    @classmethod
    def build_for(
        cls,
        *,
        subject: Subject,
        provision: str | None,
        rulings: Sequence[Ruling],
        parents: Mapping[str, str | None],
        place: str | None,
        applies_to: str | None,
    ) -> Evaluator:
        """Keep the rulings that reach the subject (or the provision), directly or through
        other rulings, and split the question into cells. The subject's ``members`` (when in
        ``rulings`` and with effect) are evaluated with it, and the rulings that reach them."""
        own = subject.names | ({provision} if provision else set(subject.parts))
        on: dict[str, list[Ruling]] = {}
        for ruling in rulings:
            for outcome in ruling.outcomes:
                on.setdefault(outcome.target, []).append(ruling)
        found = reaching(own, lambda target: on.get(target, ()))
        members = [r for r in rulings if r.id in subject.members and not r.no_effect]
        if members:
            found.update((r.id, r) for r in members)
            found.update(reaching([r.id for r in members], lambda target: on.get(target, ())))
        relevant = dict(sorted(found.items()))
        about: dict[str, list[tuple[Ruling, Outcome]]] = {}
        for ruling in relevant.values():
            for outcome in ruling.outcomes:
                about.setdefault(outcome.target, []).append((ruling, outcome))
        # only outcomes about the target or about the rulings that reach it tell parts apart: a
        # class or place a ruling names for another law does not split this law's answer
        reached = own | relevant.keys()
        outcomes = [o for r in relevant.values() for o in r.outcomes if o.target in reached]
        if provision is not None:
            targets: tuple[str, ...] = (provision,)
        elif any(p in about for p in subject.parts):
            targets = subject.parts
        else:
            targets = (subject.id,)
        cells = tuple(
            Cell(target, where, carved, cls_name, other_classes)
            for target in targets
            for where, carved in _place_parts(outcomes, parents, place)
            for cls_name, other_classes in _class_parts(outcomes, applies_to)
        )
        return cls(
            subject=subject,
            rulings=relevant,
            about={k: tuple(v) for k, v in about.items()},
            parents=parents,
            changes=(*subject.own, *_ruling_changes(relevant.values())),
            cells=cells,
        )

    # -- scope ----------------------------------------------------------------------------------

    def within(self, place: str, other: str) -> bool:
        """Whether ``place`` is ``other`` or lies inside it by the parent chains."""
        return _within(self.parents, place, other)

    def covers(self, scope: Scope, cell: Cell) -> bool:
        """Whether an outcome with ``scope`` holds in all of ``cell``."""
        if scope.applies_to is not None and scope.applies_to != cell.applies_to:
            return False
        region = cell.place
        if scope.places and (
            region is None or not any(self.within(region, s) for s in scope.places)
        ):
            return False
        return region is None or not any(self.within(region, e) for e in scope.excluding)

    # -- one moment -----------------------------------------------------------------------------

    def _activity(
        self, cell: Cell, happened: frozenset[Name], evidence: set[str]
    ) -> Callable[[str], bool]:
        """Whether a ruling is in effect in ``cell`` once exactly ``happened`` have happened
        (rule 2 of :mod:`policyconflict.status`); the rulings that suspend or end one go into
        ``evidence``."""
        memo: dict[str, bool] = {}

        def active(ruling_id: str) -> bool:
            if ruling_id in memo:
                return memo[ruling_id]
            memo[ruling_id] = False  # a cycle of rulings staying each other counts as inactive
            ruling = self.rulings[ruling_id]
            live = not ruling.no_effect and ruling_id in happened
            if live:
                for other, outcome in self._suspenders(ruling_id, cell):
                    # superseding is for good: a preliminary injunction merged into a judgment
                    # does not come back when the judgment is vacated
                    superseded = outcome.effect is OutcomeEffect.SUPERSEDES and other.id in happened
                    if superseded or active(other.id):
                        evidence.add(other.id)
                        live = False
            memo[ruling_id] = live
            return live

        return active

    def _suspenders(self, ruling_id: str, cell: Cell) -> Iterator[tuple[Ruling, Outcome]]:
        """The outcomes that stay or end ``ruling_id`` in all of ``cell``."""
        for other, outcome in self.about.get(ruling_id, ()):
            if outcome.effect in _SUSPENDING and self.covers(outcome.scope, cell):
                yield other, outcome

    def state(self, cell: Cell, happened: frozenset[Name]) -> tuple[LawState, frozenset[str]]:
        """The state of ``cell`` once exactly the changes in ``happened`` have happened, and the
        rulings that decided it."""
        if self.subject.ruling:
            return self.ruling_state(self.subject.id, cell, happened)
        if EFFECTIVE not in happened:
            return LawState.NOT_YET_EFFECTIVE, frozenset()
        ended = [
            (c.lo, c.name is not REPEALED, c.name)
            for c in self.changes
            if isinstance(c.name, LawDate) and c.name in _END_STATES and c.name in happened
        ]
        if ended:
            return _END_STATES[min(ended, key=lambda e: e[:2])[2]], frozenset()
        evidence: set[str] = set()
        active = self._activity(cell, happened, evidence)
        others = sorted(self.subject.names - {cell.target})
        targets = (cell.target, *others)
        blocks: list[tuple[LawState, Ruling]] = []
        lifts: list[Ruling] = []
        for target in targets:
            for ruling, outcome in self.about.get(target, ()):
                if not self.covers(outcome.scope, cell) or not active(ruling.id):
                    continue
                evidence.add(ruling.id)
                if outcome.effect in _BLOCKS:
                    blocks.append((_BLOCKS[outcome.effect], ruling))
                elif outcome.effect is OutcomeEffect.LIFTS:
                    lifts.append(ruling)
        order = {c.name: c for c in self.changes}
        kept = {
            kind
            for kind, ruling in blocks
            if not any(order[ruling.id].hi < order[lift.id].lo for lift in lifts)
        }
        state = next((kind for kind in _RANK if kind in kept), LawState.IN_FORCE)
        return state, frozenset(evidence)

    def ruling_state(
        self, ruling_id: str, cell: Cell, happened: frozenset[Name]
    ) -> tuple[LawState, frozenset[str]]:
        """The state of the ruling ``ruling_id`` (one of :attr:`rulings`) in ``cell`` once
        exactly ``happened`` have happened: not yet effective before it takes effect; then in
        force (in effect), stayed, or ended (vacated, reversed, lifted, superseded), by the
        same rule that decides a law's state; and the rulings that decided it."""
        if ruling_id not in happened:
            return LawState.NOT_YET_EFFECTIVE, frozenset()
        evidence: set[str] = set()
        active = self._activity(cell, happened, evidence)
        if active(ruling_id):
            return LawState.IN_FORCE, frozenset(evidence)
        ending = any(
            outcome.effect in _ENDING
            and (
                (outcome.effect is OutcomeEffect.SUPERSEDES and other.id in happened)
                or active(other.id)
            )
            for other, outcome in self._suspenders(ruling_id, cell)
        )
        return (LawState.ENDED if ending else LawState.STAYED), frozenset(evidence)

    # -- over what was asked --------------------------------------------------------------------

    def segments(
        self, low: Key, high: Key
    ) -> Iterator[tuple[Segment, frozenset[Name], list[Name]]]:
        """The spans of ``low..high`` between changes, each with the changes surely happened
        before it and those that may or may not have."""
        dates: dict[Key, PartialDate | None] = {}
        for change in self.changes:
            dates.setdefault(change.lo, change.lo_date)
            dates.setdefault(change.hi, change.hi_date)
        inside = {k for c in self.changes for k in (c.lo, c.hi) if low < k <= high}
        bounds = sorted({low} | inside)
        for i, start in enumerate(bounds):
            end = bounds[i + 1] if i + 1 < len(bounds) else None
            segment = Segment(
                lo=start,
                hi=end,
                start=None if start == low else dates.get(start),
                until=None if end is None else dates.get(end),
            )
            done = frozenset(c.name for c in self.changes if c.hi <= start)
            maybe = [
                c.name
                for c in self.changes
                if c.name not in done and (c.lo < end if end is not None else c.lo <= high)
            ]
            yield segment, done, maybe

    def pieces(
        self,
        low: Key,
        high: Key,
        whole: Cell,
        judge: Judge | None = None,
        cells: Sequence[Cell] | None = None,
    ) -> list[Raw]:
        """Every cell over every span, adjacent spans with the same answer merged; when every
        cell has the same answers throughout, one piece list for ``whole``. ``judge`` gives
        the state of a cell at one moment (:meth:`state` unless given) and ``cells`` the
        cells to split into (:attr:`cells` unless given)."""
        spans = list(self.segments(low, high))
        judged = self.state if judge is None else judge
        split = self.cells if cells is None else tuple(cells)
        per_cell: list[list[tuple[Segment, frozenset[LawState], frozenset[str]]]] = []
        for cell in split:
            rows: list[tuple[Segment, frozenset[LawState], frozenset[str]]] = []
            for segment, done, maybe in spans:
                possible, evidence = self._follow(cell, done, maybe, judged)
                if rows and rows[-1][1:] == (possible, evidence):
                    merged = attrs.evolve(rows[-1][0], hi=segment.hi, until=segment.until)
                    rows[-1] = (merged, possible, evidence)
                else:
                    rows.append((segment, possible, evidence))
            per_cell.append(rows)
        if all(rows == per_cell[0] for rows in per_cell):
            return [(whole, *row) for row in per_cell[0]]
        return [(cell, *row) for cell, rows in zip(split, per_cell, strict=True) for row in rows]

    def _follow(
        self, cell: Cell, done: frozenset[Name], maybe: list[Name], judge: Judge
    ) -> tuple[frozenset[LawState], frozenset[str]]:
        if len(maybe) > MAX_UNCERTAIN:
            return frozenset({LawState.UNKNOWN}), frozenset()
        states: set[LawState] = set()
        evidence: set[str] = set()
        for chosen in itertools.product((False, True), repeat=len(maybe)):
            happened = done | {name for name, yes in zip(maybe, chosen, strict=True) if yes}
            state, decided = judge(cell, happened)
            states.add(state)
            evidence |= decided
        return frozenset(states), frozenset(evidence)


def reaching(targets: Iterable[str], on: Callable[[str], Iterable[Ruling]]) -> dict[str, Ruling]:
    """The rulings that reach ``targets`` (a law, its provisions), by id: those with an outcome
    on one of them, or on a ruling found so far (again and again: a stay of an injunction of the
    law). ``on(target)`` gives the rulings with an outcome on ``target``. A ruling with
    ``no_effect`` changes nothing, anywhere, so it reaches nothing. This is the one definition:
    :func:`policyconflict.status.status_on` and the query engines use it."""
    found: dict[str, Ruling] = {}
    frontier = list(dict.fromkeys(targets))
    while frontier:
        following: list[str] = []
        for target in frontier:
            for ruling in on(target):
                if ruling.id not in found and not ruling.no_effect:
                    found[ruling.id] = ruling
                    following.append(ruling.id)
        frontier = following
    return found


def _within(parents: Mapping[str, str | None], place: str, other: str) -> bool:
    seen: set[str] = set()
    current: str | None = place
    while current is not None and current not in seen:
        if current == other:
            return True
        seen.add(current)
        current = parents.get(current)
    return False


def law_changes(law: Law) -> tuple[Change, ...]:
    """The changes of a law's own dates: taking effect, expiring, being repealed."""
    changes: list[Change] = []
    if law.effective is not None:
        changes.append(start_change(EFFECTIVE, law.effective))
    elif law.signed is not None:  # unknown: at any moment from the signing on
        signed = start_change(EFFECTIVE, law.signed)
        changes.append(Change(EFFECTIVE, signed.lo, PLUS_INF, signed.lo_date, None))
    elif law.kind is not LawKind.BILL:  # unknown: at any moment
        changes.append(Change(EFFECTIVE, MINUS_INF, PLUS_INF, None, None))
    # a bill neither signed nor given an effective date was never enacted: it never takes effect
    if law.expires is not None:
        changes.append(end_change(EXPIRES, law.expires))
    if law.repealed is not None:
        changes.append(end_change(REPEALED, law.repealed))
    return tuple(changes)


def _ruling_changes(rulings: Iterable[Ruling]) -> list[Change]:
    changes: list[Change] = []
    dated = [(r.id, r.effective_from) for r in rulings if r.effective_from is not None]
    days = Counter(_whole_day(start) for _, start in dated)
    for ruling_id, start in dated:
        day = _whole_day(start)
        if day is not None and days[day] > 1:
            # Rulings dated to the same day without a time of day came in an order that is not
            # known: each may take effect at any moment of that day, so the day may be in any
            # of the states between them. A ruling alone on its day takes effect at its start.
            first, after = _day(day), _day(day + _dt.timedelta(days=1))
            changes.append(Change(ruling_id, first.earliest_key, after.earliest_key, first, after))
        else:
            changes.append(start_change(ruling_id, start))
    return changes


def _whole_day(date: PartialDate) -> _dt.date | None:
    """The day of a date known to the day and no closer (no time of day), else ``None``."""
    return date.earliest if date.precision == "day" else None


def _place_parts(
    outcomes: Sequence[Outcome], parents: Mapping[str, str | None], place: str | None
) -> list[tuple[str | None, tuple[str, ...]]]:
    """The parts of ``place`` the scopes tell apart: each named place strictly inside it (less
    the named places inside that), then the rest of it."""
    named = {p for o in outcomes for p in (*o.scope.places, *o.scope.excluding)}
    inner = sorted(p for p in named if place is None or (p != place and _within(parents, p, place)))

    def tops(candidates: Iterable[str], outer: str | None) -> tuple[str, ...]:
        pool = [
            p for p in candidates if p != outer and (outer is None or _within(parents, p, outer))
        ]
        return tuple(p for p in pool if not any(q != p and _within(parents, p, q) for q in pool))

    parts: list[tuple[str | None, tuple[str, ...]]] = [(p, tops(inner, p)) for p in inner]
    parts.append((place, tops(inner, None)))
    return parts


def _class_parts(
    outcomes: Sequence[Outcome], applies_to: str | None
) -> list[tuple[str | None, tuple[str, ...]]]:
    if applies_to is not None:
        return [(applies_to, ())]
    named = sorted({o.scope.applies_to for o in outcomes if o.scope.applies_to is not None})
    return [*((c, ()) for c in named), (None, tuple(named))]
