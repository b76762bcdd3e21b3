"""Pictures of a story (matplotlib, the ``plot`` extra): a timeline, and positions on a target.

:func:`timeline_figure` draws each law's status over time as bands (in force, enjoined,
stayed, struck, ... from :func:`policyconflict.status.status_on`), rulings as marks on the laws
they act on, deployments and their phases as bars, and statements as points coloured by stance,
one row per stance. :func:`positions_figure` draws the actors with a position on a target,
grouped by level of government, each linked to the target by a line coloured by its stance;
:func:`positions` computes those positions.

Both return a ``matplotlib.figure.Figure`` (no pyplot, no global state; saving uses the
Agg backend), to be saved with ``figure.savefig("timeline.svg")``.
"""

from __future__ import annotations

import datetime as _dt
from typing import Any, Final

import attrs

from policyconflict.dates import PartialDate, Period
from policyconflict.interop._common import require
from policyconflict.model import Stance
from policyconflict.query._positions import POSITION_LEVELS
from policyconflict.status import LawState, status_on
from policyconflict.story import Story

__all__ = ["ActorPosition", "positions", "positions_figure", "timeline_figure"]

STATE_COLOURS: Final = {
    LawState.IN_FORCE: "#2e7d32",
    LawState.ENJOINED: "#c62828",
    LawState.STAYED: "#ef6c00",
    LawState.STRUCK: "#6a1b9a",
    LawState.NOT_YET_EFFECTIVE: "#e0e0e0",
    LawState.REPEALED: "#9e9e9e",
    LawState.EXPIRED: "#9e9e9e",
    LawState.UNKNOWN: "#fff59d",
}
STANCE_COLOURS: Final = {
    Stance.SUPPORT: "#1565c0",
    Stance.OPPOSE: "#c62828",
    Stance.NEUTRAL: "#757575",
    Stance.MIXED: "#8e24aa",
}
GROUPS: Final = POSITION_LEVELS
"""The groups of :func:`positions_figure`, in drawing order (levels of government first): the
levels of :meth:`Corpus.positions <policyconflict.query.Corpus.positions>`."""


def _figure(width: float, height: float) -> Any:
    require("matplotlib", "plot")
    from matplotlib.figure import Figure

    return Figure(figsize=(width, height), layout="constrained")


def _start(bound: Any, default: _dt.date) -> _dt.date:
    return bound.earliest if isinstance(bound, PartialDate) else default


def _end(bound: Any, default: _dt.date) -> _dt.date:
    return bound.latest if isinstance(bound, PartialDate) else default


def _span(story: Story) -> tuple[_dt.date, _dt.date]:
    """The days the picture covers: every date of the story, with a margin."""
    days: list[_dt.date] = []
    for law in story.laws:
        days += [d.earliest for d in (law.signed, law.effective, law.expires, law.repealed) if d]
    days += [r.date.earliest for r in story.rulings]
    days += [s.date.earliest for s in story.statements if s.date]
    periods = [d.period for d in story.deployments] + [e.period for e in story.events]
    for period in periods:
        days += [b.earliest for b in (period.start, period.end) if isinstance(b, PartialDate)]
    if not days:
        today = _dt.date(2000, 1, 1)
        return today, today + _dt.timedelta(days=365)
    low, high = min(days), max(days)
    margin = _dt.timedelta(days=max(7, (high - low).days // 20))
    return low - margin, high + margin


def _law_label(law: Any) -> str:
    text = str(law.short_title or law.identifier or law.title)
    return text if len(text) <= 40 else text[:39] + "…"


def timeline_figure(story: Story) -> Any:
    """The timeline of ``story`` (see the module docs)."""
    low, high = _span(story)
    rows: list[str] = []
    drawn: list[tuple[int, _dt.date, _dt.date, str, float]] = []
    marks: list[tuple[int, _dt.date, str, str]] = []
    row_of: dict[str, int] = {}
    whole = Period(start=PartialDate.from_date(low), end=PartialDate.from_date(high))
    for law in story.laws:
        row = len(rows)
        rows.append(_law_label(law))
        row_of[law.id] = row
        for provision in law.provisions:
            row_of[provision.id] = row
        status = status_on(law, whole, story=story)
        for piece in sorted(status.pieces, key=lambda p: p.place is not None):
            start = piece.start.earliest if piece.start else low
            until = piece.until.earliest if piece.until else high
            height = 0.6 if piece.place is None else 0.3
            drawn.append((row, start, until, STATE_COLOURS.get(piece.state, "#fff59d"), height))
    for ruling in story.rulings:
        for row in sorted(_law_rows(ruling.id, story, row_of)):
            marks.append((row, ruling.date.earliest, "v", "black"))
    agencies = {a.id: a for a in story.agencies}
    for dep in story.deployments:
        row = len(rows)
        agency = agencies.get(dep.agency)
        by = (agency.abbreviation or agency.name) if agency else dep.agency
        rows.append(dep.name or f"Deployment by {by}")
        start, end = _start(dep.period.start, low), _end(dep.period.end, high)
        drawn.append((row, start, end, "#90a4ae", 0.6))
        for phase in dep.phases:
            p_start, p_end = _start(phase.period.start, start), _end(phase.period.end, end)
            drawn.append((row, p_start, p_end, "#37474f", 0.25))
    stance_rows: dict[Stance | None, int] = {}
    for statement in sorted(story.statements, key=lambda s: s.id):
        if statement.date is None:
            continue
        stance = statement.positions[0].stance if statement.positions else None
        if stance not in stance_rows:
            stance_rows[stance] = -1
    for stance in [*Stance, None]:
        if stance in stance_rows:
            stance_rows[stance] = len(rows)
            rows.append(f"statements: {stance.value if stance else 'no stance'}")
    for statement in story.statements:
        if statement.date is None:
            continue
        stance = statement.positions[0].stance if statement.positions else None
        colour = STANCE_COLOURS[stance] if stance else "#bdbdbd"
        marks.append((stance_rows[stance], statement.date.earliest, "o", colour))
    figure = _figure(11, max(2.5, 0.45 * len(rows) + 1.5))
    axes = figure.add_subplot()
    for row, start, end, colour, height in drawn:
        axes.barh(row, (end - start).days + 1, left=start, height=height, color=colour)
    for row, day, marker, colour in marks:
        axes.plot([day], [row], marker=marker, color=colour, markersize=6, linestyle="none")
    axes.set_yticks(range(len(rows)), rows)
    axes.invert_yaxis()
    axes.set_xlim(low, high)
    axes.set_title(story.title)
    axes.grid(axis="x", alpha=0.3)
    _legend(axes)
    return figure


def _law_rows(ruling: str, story: Story, row_of: dict[str, int]) -> set[int]:
    """The rows of the laws a ruling acts on, through the rulings it acts on (a stay of an
    injunction is marked on the enjoined law)."""
    rulings = {r.id: r for r in story.rulings}
    rows: set[int] = set()
    seen = {ruling}
    todo = list(rulings[ruling].targets)
    while todo:
        target = todo.pop()
        if target in row_of:
            rows.add(row_of[target])
        elif target in rulings and target not in seen:
            seen.add(target)
            todo += rulings[target].targets
    return rows


def _legend(axes: Any) -> None:
    from matplotlib.patches import Patch

    shown = (
        LawState.IN_FORCE,
        LawState.ENJOINED,
        LawState.STAYED,
        LawState.STRUCK,
        LawState.UNKNOWN,
        LawState.NOT_YET_EFFECTIVE,
    )
    handles = [Patch(color=STATE_COLOURS[s], label=s.value) for s in shown]
    handles += [
        Patch(color=STANCE_COLOURS[s], label=s.value) for s in (Stance.SUPPORT, Stance.OPPOSE)
    ]
    axes.legend(handles=handles, loc="upper left", bbox_to_anchor=(1.0, 1.0), fontsize="small")


@attrs.frozen(kw_only=True)
class ActorPosition:
    """One actor's stance toward a target, with the group it is drawn in and the evidence."""

    actor: str
    name: str
    stance: Stance
    group: str
    evidence: tuple[str, ...]


def positions(story: Story, target: str) -> tuple[ActorPosition, ...]:
    """Who took which stance toward ``target``: the records of
    :meth:`Corpus.positions <policyconflict.query.Corpus.positions>` (one rule for both), one
    per actor and stance — the evidence of an actor who spoke for several bodies put together
    — each in its group (``GROUPS``: the record's level), in group then name order.

    :class:`KeyError` when ``target`` is not in the story.
    """
    from policyconflict.query import Corpus

    corpus = Corpus([story])
    found: dict[tuple[str, Stance], tuple[str, list[str]]] = {}
    for record in corpus.positions(target):
        _group, evidence = found.setdefault((record.actor, record.stance), (record.level, []))
        evidence.extend(e for e in record.evidence if e not in evidence)
    records = [
        ActorPosition(
            actor=actor,
            name=getattr(corpus.get(actor), "name", actor),
            stance=stance,
            group=group,
            evidence=tuple(evidence),
        )
        for (actor, stance), (group, evidence) in found.items()
    ]
    return tuple(sorted(records, key=lambda r: (GROUPS.index(r.group), r.name, r.stance.value)))


def positions_figure(story: Story, target: str) -> Any:
    """The actors with a position on ``target``, grouped by level (see :func:`positions`)."""
    found = positions(story, target)
    groups = [g for g in GROUPS if any(p.group == g for p in found)]
    tallest = max((sum(1 for p in found if p.group == g) for g in groups), default=1)
    figure = _figure(max(6.0, 2.3 * len(groups) + 2.5), max(3.0, 0.5 * tallest + 2.0))
    axes = figure.add_subplot()
    target_entity = story.get(target)
    label = str(
        getattr(target_entity, "name", None) or getattr(target_entity, "title", None) or target
    )
    target_xy = (len(groups) + 0.3, (tallest - 1) / 2)
    for column, group in enumerate(groups):
        members = [p for p in found if p.group == group]
        axes.text(column, -1, group, ha="center", va="bottom", fontweight="bold")
        for row, record in enumerate(members):
            colour = STANCE_COLOURS[record.stance]
            axes.plot(
                [column, target_xy[0]], [row, target_xy[1]], color=colour, alpha=0.5, linewidth=1.2
            )
            axes.plot([column], [row], marker="o", color=colour, markersize=9)
            axes.text(column, row + 0.28, record.name, ha="center", va="top", fontsize="small")
    axes.plot([target_xy[0]], [target_xy[1]], marker="s", color="black", markersize=12)
    axes.text(target_xy[0], target_xy[1] + 0.3, label, ha="center", va="top", fontweight="bold")
    axes.set_xlim(-0.8, target_xy[0] + 0.9)
    axes.set_ylim(tallest, -1.6)
    axes.set_axis_off()
    axes.set_title(f"Positions on {label}")
    from matplotlib.patches import Patch

    stances = sorted({p.stance for p in found}, key=list(Stance).index)
    handles = [Patch(color=STANCE_COLOURS[s], label=s.value) for s in stances]
    if handles:
        axes.legend(handles=handles, loc="lower right", fontsize="small")
    return figure
