"""Every figure for a thing, with who claims it: :class:`FigureReport`.

A report is one :class:`~policyconflict.model.figures.Figure` as a reader needs it — claimant,
the date it is true as of, period, quantity and sources — together with how it stands against
the other reports **of the same number** (the figures that share its
:func:`~policyconflict.disagreements.figure_key`: metric, subject, unit, denominator and
period), by the one
rule of :mod:`policyconflict.disagreements`:

* ``revises`` / ``revised_by``: a change over time
  (:func:`~policyconflict.disagreements.is_revision` and a different quantity), the earlier
  and the later report by the date each is true as of;
* ``contradicts``: the two cannot both be true
  (:func:`~policyconflict.disagreements.compare_figures` says ``contradicts``);
* ``differs``: both can be true but they say different things (``differs``).

So the reports of a number that went from about 200 to about 50 between March and April are a
revision, while two newspapers giving different arrest counts for one day contradict.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence

import attrs

from policyconflict.dates import PartialDate, Period
from policyconflict.disagreements import (
    DisagreementKind,
    FigureKey,
    Published,
    compare_figures,
    compare_quantities,
    figure_key,
    is_revision,
    reported_on,
)
from policyconflict.model.citations import Confidence, best_confidence
from policyconflict.model.figures import Figure, Quantity

__all__ = ["FigureReport", "Key", "dated", "groups_of", "report", "reports"]

Key = FigureKey
"""What two figures share when they report the same number (:func:`figure_key`)."""


@attrs.frozen(kw_only=True)
class FigureReport:
    """One figure with its claimant, as-of date and sources, and how it stands against the
    other reports of the same number (see the module doc).

    ``as_of`` is the date the figure is true as of: its own ``as_of``, else the latest
    publication date of the sources it cites (:func:`~policyconflict.disagreements.reported_on`;
    ``None`` when neither is known). ``sources`` are the ids of the sources it cites, each
    once. ``claimed_by`` lists the figure's claimants, ``denominator`` what a share is a share
    of, ``confidence`` the strongest confidence of its citations
    (:func:`~policyconflict.model.best_confidence`). ``revises``, ``revised_by``,
    ``contradicts`` and ``differs`` hold figure ids, in id order.
    """

    figure: str
    metric: str
    subject: str | None
    unit: str | None
    period: Period | None
    quantity: Quantity
    claimed_by: tuple[str, ...]
    as_of: PartialDate | None
    sources: tuple[str, ...]
    denominator: str | None = None
    confidence: Confidence = Confidence.UNVERIFIED
    revises: tuple[str, ...] = ()
    revised_by: tuple[str, ...] = ()
    contradicts: tuple[str, ...] = ()
    differs: tuple[str, ...] = ()

    def sort_key(self) -> tuple[str, str, str, str, str, bool, object, str]:
        """Metric, subject, unit, period (as text), then the as-of date (undated last), then
        the figure id."""
        period = "" if self.period is None else str(self.period)
        as_of = self.as_of.sort_key() if self.as_of is not None else ()
        return (
            self.metric,
            self.subject or "",
            self.unit or "",
            self.denominator or "",
            period,
            self.as_of is None,
            as_of,
            self.figure,
        )


def report(figure: Figure, same: Sequence[Figure], published: Published) -> FigureReport:
    """The report of ``figure`` against ``same``, the figures of its key (itself included)."""
    revises: list[str] = []
    revised_by: list[str] = []
    contradicts: list[str] = []
    differs: list[str] = []
    mine = reported_on(figure, published)
    for other in same:
        if other.id == figure.id:
            continue
        if is_revision(figure, other, published):
            if compare_quantities(figure.quantity, other.quantity) is None:
                continue
            theirs = reported_on(other, published)
            assert mine is not None  # a revision has both dates
            assert theirs is not None
            later = (mine.sort_key(), figure.id) > (theirs.sort_key(), other.id)
            (revises if later else revised_by).append(other.id)
            continue
        kind = compare_figures(figure, other, published)
        if kind is DisagreementKind.CONTRADICTS:
            contradicts.append(other.id)
        elif kind is DisagreementKind.DIFFERS:
            differs.append(other.id)
    return FigureReport(
        figure=figure.id,
        metric=figure.metric,
        subject=figure.subject,
        unit=figure.unit,
        period=figure.period,
        quantity=figure.quantity,
        claimed_by=figure.claimed_by,
        as_of=mine,
        sources=tuple(dict.fromkeys(c.source for c in figure.sources)),
        denominator=figure.denominator,
        confidence=best_confidence(figure.sources),
        revises=tuple(sorted(revises)),
        revised_by=tuple(sorted(revised_by)),
        contradicts=tuple(sorted(contradicts)),
        differs=tuple(sorted(differs)),
    )


def reports(
    found: Iterable[Figure], groups: Mapping[Key, Sequence[Figure]], published: Published
) -> tuple[FigureReport, ...]:
    """The reports of ``found``, each against its key's group in ``groups``, sorted by
    :meth:`FigureReport.sort_key`."""
    made = [report(f, groups[figure_key(f)], published) for f in found]
    return tuple(sorted(made, key=FigureReport.sort_key))


def groups_of(figures: Iterable[Figure]) -> dict[Key, list[Figure]]:
    """The figures by :func:`figure_key`, each group in arrival order."""
    found: dict[Key, list[Figure]] = {}
    for figure in figures:
        found.setdefault(figure_key(figure), []).append(figure)
    return found


def dated(figure: Figure, published: Published) -> PartialDate | Period | None:
    """What a figure's time filter looks at: its period, else the date it is true as of
    (:func:`~policyconflict.disagreements.reported_on`)."""
    return figure.period if figure.period is not None else reported_on(figure, published)
