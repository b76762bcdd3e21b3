"""A timeline: every dated fact of a story or corpus, in one total, deterministic order.

Every date an entity holds is one entry, at any depth: a law's four dates, a deployment's
announcement, start and end, each phase's start and end and each command change, a ruling's
date and the moment it takes effect, a case's filing, each docket's filing and each party's
start and end, a role's start and end, a control transfer's start and end (see the table of
entry words in ``docs/questions/timeline.md``). A period gives an entry for each end that is a
date (an open or unknown end gives none), or one entry when both ends are the same date.

Entries are ordered by time, on the UTC time line of :mod:`policyconflict.dates`:

1. by the first day the date can be (``2020-02`` and ``2020-02-01`` start on one day);
2. by the time of day: a date with a time at its moment; a date of one day without a time at
   the start of its day, or — when it refers to an entry of the same day that has a time, or
   follows one in its own entity (a ruling that takes effect the day it was issued at 16:00) —
   at the latest such time, since it cannot come before what it acts on;
3. by the latest moment the date can be (a day before the month it starts);
4. by what acts on what: an entity that refers to another (a ruling to the order it stays or
   the ruling it reverses, a case to the law it challenges, a statement to its target) comes
   after it when their times tie. Each entity has a *rank*, one more than the highest rank of
   the dated entities it refers to (a reference that would close a loop is not followed,
   visiting ids in code-point order);
5. then the date's text, the entity id, the order of the entry words in the guide's table
   (a law's signing before its taking effect, an announcement before the deployment), and
   the entry's position within its entity (field order; a tuple's items in their order).

Every key is a property of the corpus's contents, so the same entities give the same timeline
whatever order the stories came in.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any

import attrs

from policyconflict.dates import Certainty, Key, PartialDate, Period
from policyconflict.model.laws import Law
from policyconflict.query._dated import DatedValue, dated_values, detail_of, word_for
from policyconflict.story import Story, references_in

__all__ = ["TimelineEntry", "timeline"]

_NOT_REFERENCES = frozenset({"sources", "provisions"})


@attrs.frozen(kw_only=True)
class TimelineEntry:
    """One dated fact: ``when`` it happened, the ``entity`` id, its ``kind`` (``statement``,
    ``law``...), ``what`` happened (``said``, ``signed``, ``phase-started``, ``takes-effect``,
    ...; see the guide's table), the ``field`` of the entity that gives the date
    (``phases[1].period.end``), a ``detail`` telling a nested part apart (a phase's
    description, a docket's court and number, a party and its role; ``None`` for the entity's
    own dates), and the ``evidence``: the ids of the sources cited for the part (a phase or a
    command change with citations of its own) or else for the entity."""

    when: PartialDate
    entity: str
    kind: str
    what: str
    field: str
    detail: str | None = None
    evidence: tuple[str, ...] = ()


def timeline(
    entities: Story | Iterable[Any],
    *,
    during: Period | None = None,
    involving: str | Iterable[str] | None = None,
    certainty: Certainty = Certainty.MAY,
) -> tuple[TimelineEntry, ...]:
    """The dated facts of ``entities`` (a :class:`~policyconflict.story.Story`, a
    :class:`~policyconflict.query.Corpus`, or any iterable of entities), in the order of the
    module docs.

    ``during``: only entries whose date may (``Certainty.MAY``) or surely
    (``Certainty.SURELY``) fall in this period. ``involving``: only entries of the entity with
    this id (or one of these ids), or of an entity referring to it (a citation does not count)
    or to a provision of it. Filters pick entries; the order stays that of the whole timeline.

    >>> from policyconflict import Statement
    >>> entries = timeline([
    ...     Statement(id="b", speaker="x", text="Later.", date=PartialDate.parse("2020-02-14")),
    ...     Statement(id="a", speaker="x", text="Sooner.", date=PartialDate.parse("2020-02")),
    ... ])
    >>> [(str(e.when), e.entity, e.what) for e in entries]
    [('2020-02', 'a', 'said'), ('2020-02-14', 'b', 'said')]
    """
    source = list(entities.entities() if isinstance(entities, Story) else entities)
    law_of = {p.id: e.id for e in source if isinstance(e, Law) for p in e.provisions}
    dated: dict[str, tuple[Any, tuple[DatedValue, ...]]] = {}
    refers: dict[str, tuple[str, ...]] = {}
    for entity in source:
        values = tuple(dated_values(entity))
        if not values:
            continue
        dated[entity.id] = (entity, values)
        raw = {target for _field, target in references_in(entity, skip=_NOT_REFERENCES)}
        refers[entity.id] = tuple(sorted(raw | {law_of[t] for t in raw if t in law_of}))
    wanted = _involved(dated, refers, involving)
    keyed = [
        (key, entry)
        for key, entry in _keyed(dated, refers)
        if entry.entity in wanted
        and (during is None or during.contains(entry.when, certainty=certainty))
    ]
    keyed.sort(key=lambda pair: pair[0])
    return tuple(entry for _key, entry in keyed)


def _involved(
    dated: dict[str, tuple[Any, tuple[DatedValue, ...]]],
    refers: dict[str, tuple[str, ...]],
    involving: str | Iterable[str] | None,
) -> set[str]:
    if involving is None:
        return set(dated)
    ids = {involving} if isinstance(involving, str) else set(involving)
    return {e for e in dated if e in ids or not ids.isdisjoint(refers[e])}


_Sort = tuple[int, int, Key, int, str, str, int, int]


def _keyed(
    dated: dict[str, tuple[Any, tuple[DatedValue, ...]]], refers: dict[str, tuple[str, ...]]
) -> Iterator[tuple[_Sort, TimelineEntry]]:
    """Each entry with its sort key, entities visited references first."""
    rank: dict[str, int] = {}
    times: dict[str, dict[int, int]] = {}  # entity → day → latest time of its one-day entries
    for entity_id in _references_first(dated, refers):
        entity, values = dated[entity_id]
        done = [r for r in refers[entity_id] if r in rank and r != entity_id]
        rank[entity_id] = 1 + max((rank[r] for r in done), default=-1)
        own: dict[int, int] = {}
        for position, value in enumerate(values):
            first, last = value.date.earliest_key, value.date.latest_key
            at = first[1]
            if first[0] == last[0]:
                if value.date.hour is None:
                    inherited = [times[r][first[0]] for r in done if first[0] in times[r]]
                    at = max([at, *inherited, own.get(first[0], at)])
                own[first[0]] = max(at, own.get(first[0], at))
            what, order = word_for(entity.kind_name, value.field)
            key = (first[0], at, last, rank[entity_id], str(value.date), entity_id, order, position)
            yield key, _entry(entity, value, what)
        times[entity_id] = own


def _entry(entity: Any, value: DatedValue, what: str) -> TimelineEntry:
    cited = getattr(value.part, "sources", ()) or getattr(entity, "sources", ())
    return TimelineEntry(
        when=value.date,
        entity=entity.id,
        kind=entity.kind_name,
        what=what,
        field=value.field,
        detail=None if value.part is entity else detail_of(value.part),
        evidence=(entity.id,) if entity.kind_name == "source" else _cited(cited),
    )


def _cited(citations: tuple[Any, ...]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(c.source for c in citations))


def _references_first(
    dated: dict[str, tuple[Any, tuple[DatedValue, ...]]], refers: dict[str, tuple[str, ...]]
) -> Iterator[str]:
    """The dated entities' ids, each after the dated entities it refers to (depth first from
    ids in code-point order; a reference back to an entity being visited is not followed)."""
    state: dict[str, int] = {}  # 1: being visited, 2: done
    for root in sorted(dated):
        if root in state:
            continue
        state[root] = 1
        stack = [(root, iter(refers[root]))]
        while stack:
            node, pending = stack[-1]
            step = next((r for r in pending if r in dated and r not in state), None)
            if step is None:
                stack.pop()
                state[node] = 2
                yield node
            else:
                state[step] = 1
                stack.append((step, iter(refers[step])))
