"""Reports that disagree: two figures or two dates for the same thing, both kept.

Nothing is merged away. Two sources that give different values for the same thing are stored as
two entities, each citing its own source, and :func:`disagreements` lists every pair that does
not agree:

* **Figures** for the same ``metric``, ``subject``, ``unit``, ``denominator`` and ``period``
  (:func:`figure_key`): "5 percent" is not compared with "200 people", nor 55 % of ballots
  cast with 57 % of valid votes.
* **Dates** of the same thing told twice: the model keeps one date per entity, so a second
  account of an event, a deployment, a statement, a ruling, ... is a second entity linked to
  the first by a ``Relation(predicate=same-as)``: the entities of one same-as cluster, by the
  rule every question follows (``policyconflict._sameas``: chains join, and a link between
  two kinds of thing joins nothing).
  Every date field of entities of the same kind in a group is compared (``date``, ``filed``,
  ``effective``, ``period.start``, ``period.end``, ...; a period of one date on both sides is
  compared once, as ``period``), and so are the quantities of same-as-linked figures.

What counts, per pair of values:

* ``contradicts`` — the two cannot both be true: dates that cannot be the same day or moment
  (May 3 against May 4); quantities that cannot be the same number
  (:meth:`Quantity.may_equal <policyconflict.model.Quantity.may_equal>`: an approximate number
  is read as within :data:`APPROXIMATE_TOLERANCE` of its value, so "about 200" may be 210 but
  not 250).
* ``differs`` — both can be true but they are not the same statement: a month against a day in
  it ("May" against "May 4"), an open end against an end date, "dozens" (stored as
  ``Quantity.at_least(24, text="dozens")``) against "at least 30".
* equal values, and a value against a missing, unknown or undisclosed one, are not listed.

* **Claims** of a merged story (see :mod:`policyconflict.merge`): stories that gave one field of
  one entity different values. Each pair of values is a disagreement about ``subject`` (the
  entity) and ``aspect`` (the field); its sides name the same entity, each with the story that
  gives the value (dates compared as above, other values ``contradicts``).

**A change over time is not a disagreement.** A figure is true *as of* a date: its ``as_of``,
else the latest publication date of the sources it cites (:func:`reported_on`). Two figures are
a *revision* (:func:`is_revision`), listed by :func:`revisions` and not by
:func:`disagreements`, when

* both give an ``as_of`` and the two cannot be the same day ("about 200 officers remain" as of
  March 1, "about 50" as of April 1), or
* they are claimed by the same claimant and the dates they are true as of cannot be the same
  day (a preliminary and a final count that a police department published days apart).

Two different claimants (or unclaimed reports) that give different numbers for the same thing
without saying as of when disagree, however far apart they were published: two newspapers that
report different arrest counts for one day tell the same past differently.

:func:`compare_figures` is that rule for two figures. ``Corpus.conflicts()`` uses it too: its
``disagreeing-reports`` conflicts are the figures that :func:`disagreements` lists as
contradicting, grouped by :func:`figure_key`.

Each :class:`Disagreement` (and :class:`Revision`) names the entities on each side with their
values as text, the sources they cite, and each side's as-of date (:func:`reported_on`).
"""

from __future__ import annotations

import enum
import json
from collections.abc import Iterator, Mapping
from typing import Any, TypeAlias

import attrs

from policyconflict._merging.disputes import Dispute, disputes, value_text
from policyconflict._sameas import Clusters
from policyconflict.dates import UNKNOWN, Endpoint, PartialDate, Period
from policyconflict.errors import DateTextError
from policyconflict.model.figures import APPROXIMATE_TOLERANCE, Figure, Quantity, QuantityKind
from policyconflict.story import Entity, Story

__all__ = [
    "APPROXIMATE_TOLERANCE",
    "Disagreement",
    "DisagreementKind",
    "FigureKey",
    "Published",
    "Revision",
    "Side",
    "compare_dates",
    "compare_figures",
    "compare_quantities",
    "disagreements",
    "figure_key",
    "is_revision",
    "reported_on",
    "revisions",
]

Published: TypeAlias = Mapping[str, PartialDate | None]
"""Source id → the date it was published (``None``: not known)."""


class DisagreementKind(enum.StrEnum):
    """How strongly two values disagree."""

    CONTRADICTS = "contradicts"
    """They cannot both be true."""
    DIFFERS = "differs"
    """They can both be true but say different things (one is less precise)."""


@attrs.frozen(kw_only=True)
class Side:
    """One side of a disagreement: an entity, its value as text, its sources and as-of date."""

    entity: str
    value: str
    sources: tuple[str, ...]
    as_of: PartialDate | None
    story: str | None = None
    """For a claim of a merged story: the stories that give the value (comma-separated)."""


@attrs.frozen(kw_only=True)
class Disagreement:
    """Two values for the same thing that do not agree.

    ``subject`` is what the values are about (a figure's subject, else the first id of the
    same-as group; ``None`` for a figure without a subject), ``aspect`` which value it is (a
    figure's metric, or a date field such as ``date`` or ``period.start``), ``sides`` the two
    entities in id order.
    """

    kind: DisagreementKind
    subject: str | None
    aspect: str
    sides: tuple[Side, Side]

    @property
    def entities(self) -> tuple[str, str]:
        """The ids of the two entities."""
        return self.sides[0].entity, self.sides[1].entity

    @property
    def values(self) -> tuple[str, str]:
        """The two values, as text."""
        return self.sides[0].value, self.sides[1].value

    @property
    def evidence(self) -> tuple[str, ...]:
        """Every source id either side cites, sorted."""
        return tuple(sorted({s for side in self.sides for s in side.sources}))


@attrs.frozen(kw_only=True)
class Revision:
    """A report of the same thing as of a later date with another value: a change over time
    (see the module doc), not a disagreement.

    ``kind`` says how the later value differs from the earlier one; ``subject`` and ``aspect``
    are as in :class:`Disagreement`; ``earlier`` and ``later`` are the two sides in the order
    of the dates they are true as of.
    """

    kind: DisagreementKind
    subject: str | None
    aspect: str
    earlier: Side
    later: Side

    @property
    def entities(self) -> tuple[str, str]:
        """The ids of the earlier and the later entity."""
        return self.earlier.entity, self.later.entity

    @property
    def values(self) -> tuple[str, str]:
        """The earlier and the later value, as text."""
        return self.earlier.value, self.later.value


def disagreements(story: Story) -> tuple[Disagreement, ...]:
    """Every pair of reports in ``story`` that disagree, sorted by aspect, subject and ids."""
    return _compared(story)[0]


def revisions(story: Story) -> tuple[Revision, ...]:
    """Every pair of figures in ``story`` that are a revision (a change over time, see the
    module doc), sorted by aspect, subject and ids."""
    return _compared(story)[1]


_Pair: TypeAlias = tuple[tuple[Any, str], tuple[Any, str]]


def _compared(story: Story) -> tuple[tuple[Disagreement, ...], tuple[Revision, ...]]:
    published = {s.id: s.published for s in story.sources}
    found: dict[tuple[str, str, str], Disagreement] = {}
    revised: dict[tuple[str, str, str], Revision] = {}

    def add(kind: DisagreementKind | None, subject: str | None, aspect: str, pair: _Pair) -> None:
        if kind is None:
            return
        first, second = sorted(pair, key=lambda item: item[0].id)
        sides = (_side(first[0], first[1], published), _side(second[0], second[1], published))
        key = (aspect, sides[0].entity, sides[1].entity)
        found.setdefault(key, Disagreement(kind=kind, subject=subject, aspect=aspect, sides=sides))

    def add_figures(subject: str | None, aspect: str, a: Figure, b: Figure) -> None:
        pair = ((a, _quantity_text(a.quantity)), (b, _quantity_text(b.quantity)))
        if not is_revision(a, b, published):
            add(compare_figures(a, b, published), subject, aspect, pair)
            return
        kind = compare_quantities(a.quantity, b.quantity)
        if kind is None:
            return
        earlier, later = sorted((_side(f, text, published) for f, text in pair), key=_as_of_order)
        key = (aspect, earlier.entity, later.entity)
        revised.setdefault(
            key, Revision(kind=kind, subject=subject, aspect=aspect, earlier=earlier, later=later)
        )

    groups: dict[FigureKey, list[Figure]] = {}
    for figure in story.figures:
        groups.setdefault(figure_key(figure), []).append(figure)
    for (metric, subject, *_), figures in groups.items():
        for a, b in _pairs(figures):
            add_figures(subject, metric, a, b)

    for group in _same_as_groups(story):
        subject = group[0].id
        for a, b in _pairs(group):
            if type(a) is not type(b):
                continue
            if isinstance(a, Figure) and isinstance(b, Figure):
                add_figures(subject, a.metric, a, b)
            for aspect, left, right in _dates(a, b):
                add(compare_dates(left, right), subject, aspect, ((a, str(left)), (b, str(right))))
    claimed = list(_claimed(story, published))
    return (
        tuple(
            sorted(
                [*found.values(), *claimed],
                key=lambda d: (d.aspect, d.subject or "", d.entities, d.values),
            )
        ),
        tuple(sorted(revised.values(), key=lambda r: (r.aspect, r.subject or "", r.entities))),
    )


def _claimed(story: Story, published: dict[str, PartialDate | None]) -> Iterator[Disagreement]:
    """A disagreement for each pair of values of each disputed field of a merged story."""
    for dispute in disputes(story.claims):
        values = dispute.values
        for i, left in enumerate(values):
            for right in values[i + 1 :]:
                yield from _claim_pair(dispute, left, right, published)


def _claim_pair(
    dispute: Dispute, left: str, right: str, published: dict[str, PartialDate | None]
) -> Iterator[Disagreement]:
    kind = _claim_kind(left, right)
    if kind is None:
        return
    sides = []
    for value in (left, right):
        cited = tuple(dict.fromkeys(c.source for c in dispute.sources(value)))
        dates = [p for p in (published.get(s) for s in cited) if p is not None]
        as_of = max(dates, key=PartialDate.sort_key) if dates else None
        story = ", ".join(dispute.stories(value))
        sides.append(
            Side(
                entity=dispute.entity,
                value=value_text(value),
                sources=cited,
                as_of=as_of,
                story=story,
            )
        )
    yield Disagreement(
        kind=kind, subject=dispute.entity, aspect=dispute.field, sides=(sides[0], sides[1])
    )


def _claim_kind(left: str, right: str) -> DisagreementKind | None:
    try:
        dates = PartialDate.parse(json.loads(left)), PartialDate.parse(json.loads(right))
    except (DateTextError, TypeError, AttributeError):
        return DisagreementKind.CONTRADICTS
    return compare_dates(*dates)


def _as_of_order(side: Side) -> tuple[object, ...]:
    assert side.as_of is not None  # both sides of a revision have one
    return (side.as_of.sort_key(), side.entity)


# -- the rule for figures ------------------------------------------------------------------------


FigureKey = tuple[str, str | None, str | None, str | None, str]
"""What two figures share when they report the same number (:func:`figure_key`)."""


def figure_key(figure: Figure) -> FigureKey:
    """What two figures must share to be reports of the same number: ``metric``, ``subject``,
    ``unit``, ``denominator`` (what a share is a share of) and ``period`` (as text; ``""`` for
    none)."""
    period = "" if figure.period is None else str(figure.period)
    return figure.metric, figure.subject, figure.unit, figure.denominator, period


def reported_on(entity: Any, published: Published) -> PartialDate | None:
    """The date a report is true as of: its ``as_of`` when it has one, else the latest
    publication date of the sources it cites (``None`` when none is known)."""
    as_of: PartialDate | None = getattr(entity, "as_of", None)
    if as_of is not None:
        return as_of
    dates = [published.get(c.source) for c in getattr(entity, "sources", ())]
    known = [p for p in dates if p is not None]
    return max(known, key=PartialDate.sort_key) if known else None


def is_revision(first: Figure, second: Figure, published: Published) -> bool:
    """Whether two figures are a change over time rather than two accounts of one number: both
    give an ``as_of`` and the two cannot be the same day, or both are claimed by a same
    claimant and the dates they are true as of (:func:`reported_on`) cannot be the same day."""
    if first.as_of is not None and second.as_of is not None:
        return not first.as_of.may_overlap(second.as_of)
    if not set(first.claimed_by).intersection(second.claimed_by):
        return False
    a, b = reported_on(first, published), reported_on(second, published)
    return a is not None and b is not None and not a.may_overlap(b)


def compare_figures(first: Figure, second: Figure, published: Published) -> DisagreementKind | None:
    """How two reports of the same number disagree: as their quantities do
    (:func:`compare_quantities`), or ``None`` when they are a revision (:func:`is_revision`).
    ``published`` gives the publication dates of the sources they cite."""
    if is_revision(first, second, published):
        return None
    return compare_quantities(first.quantity, second.quantity)


# -- comparing values ----------------------------------------------------------------------------


def compare_dates(
    left: PartialDate | Endpoint | None, right: PartialDate | Endpoint | None
) -> DisagreementKind | None:
    """How two dates (or period ends) disagree, or ``None`` when they agree or one is missing
    or unknown."""
    if left is None or right is None or UNKNOWN in (left, right) or left == right:
        return None
    if isinstance(left, PartialDate) and isinstance(right, PartialDate):
        if left.may_overlap(right):
            return DisagreementKind.DIFFERS
        return DisagreementKind.CONTRADICTS
    return DisagreementKind.DIFFERS  # an open end against a date


def compare_quantities(left: Quantity, right: Quantity) -> DisagreementKind | None:
    """How two quantities disagree, or ``None`` when they say the same or one is undisclosed:
    ``contradicts`` when they cannot be the same number (:meth:`Quantity.may_equal
    <policyconflict.model.Quantity.may_equal>`), else ``differs``."""
    if QuantityKind.UNDISCLOSED in (left.kind, right.kind):
        return None
    if attrs.evolve(left, text=None) == attrs.evolve(right, text=None):
        return None
    if not left.may_equal(right):
        return DisagreementKind.CONTRADICTS
    return DisagreementKind.DIFFERS


def _quantity_text(quantity: Quantity) -> str:
    if quantity.text is not None:
        return quantity.text
    kind = quantity.kind
    if kind is QuantityKind.EXACT:
        return f"{quantity.value}"
    if kind is QuantityKind.APPROXIMATE:
        return f"about {quantity.value}"
    if kind is QuantityKind.RANGE:
        return f"{quantity.low} to {quantity.high}"
    if kind is QuantityKind.AT_LEAST:
        return f"at least {quantity.low}"
    if kind is QuantityKind.AT_MOST:
        return f"at most {quantity.high}"
    return "undisclosed"


# -- grouping ------------------------------------------------------------------------------------


def _pairs(items: list[Any]) -> Iterator[tuple[Any, Any]]:
    ordered = sorted(items, key=lambda item: item.id)
    for i, first in enumerate(ordered):
        for second in ordered[i + 1 :]:
            yield first, second


def _same_as_groups(story: Story) -> list[list[Entity]]:
    """The entities of each same-as cluster of ``story`` (:class:`~policyconflict._sameas.
    Clusters`) of two entities or more, each by id, the clusters by their first id."""
    if not story.relations:
        return []
    clusters = Clusters(story.relations, lambda i: story.get(i).kind_name)
    if not clusters:
        return []
    index = {e.id: e for e in story.entities()}
    groups = {clusters.of(r.subject) for r in story.relations}
    found = ([index[i] for i in group if i in index] for group in sorted(groups))
    return [g for g in found if len(g) > 1]


def _dates(
    a: Any, b: Any
) -> Iterator[tuple[str, PartialDate | Endpoint | None, PartialDate | Endpoint | None]]:
    """Every date field of two entities of one class, period ends separately."""
    for field in attrs.fields(type(a)):
        if field.name == "as_of":
            continue
        left, right = getattr(a, field.name), getattr(b, field.name)
        if isinstance(left, PartialDate) or isinstance(right, PartialDate):
            yield field.name, left, right
        elif _one_date(left) and _one_date(right):  # one day each: one comparison, not two
            yield field.name, left.start, right.start
        elif isinstance(left, Period) or isinstance(right, Period):
            for end in ("start", "end"):
                yield (
                    f"{field.name}.{end}",
                    None if left is None else getattr(left, end),
                    None if right is None else getattr(right, end),
                )


def _one_date(value: object) -> bool:
    return (
        isinstance(value, Period)
        and isinstance(value.start, PartialDate)
        and (value.start == value.end)
    )


def _side(entity: Any, value: str, published: Published) -> Side:
    cited = tuple(dict.fromkeys(c.source for c in getattr(entity, "sources", ())))
    return Side(entity=entity.id, value=value, sources=cited, as_of=reported_on(entity, published))
