"""The dated values of an entity, found by walking its fields: what a timeline is made of.

Every :class:`~policyconflict.dates.PartialDate` held by an entity, at any depth (a deployment's
phases and command changes, a case's dockets and parties), is one dated value; a
:class:`~policyconflict.dates.Period` gives one for each end that is a date (an open or unknown
end gives none), or a single one when both ends are the same date. The walk follows the type
hints of the model classes, worked out once per class, so a date field added to the model
appears without a change here (its word is then the field's name). Citations and reliability
assessments are evidence, not events: their dates are left out.
"""

from __future__ import annotations

import functools
import typing
from collections.abc import Iterator
from typing import Any, Final, NamedTuple

import attrs

from policyconflict.dates import PartialDate, Period
from policyconflict.model.actions import CommandChange, DeploymentPhase
from policyconflict.model.citations import Assessment, Citation
from policyconflict.model.courts import Docket, Party

__all__ = ["WORDS", "DatedValue", "dated_values", "detail_of", "word_for"]


class DatedValue(NamedTuple):
    """One dated value: its ``field`` path (``phases[1].period.end``), the date, and the model
    value that holds it (the entity itself, or a phase, a docket, a party...)."""

    field: str
    date: PartialDate
    part: Any


WORDS: Final[dict[tuple[str, str], str]] = {
    ("statement", "date"): "said",
    ("law", "signed"): "signed",
    ("law", "effective"): "effective",
    ("law", "expires"): "expires",
    ("law", "repealed"): "repealed",
    ("deployment", "announced"): "announced",
    ("deployment", "period.start"): "deployed",
    ("deployment", "period.end"): "deployment-ended",
    ("deployment", "phases.period.end"): "phase-ended",
    ("deployment", "phases.period.start"): "phase-started",
    ("deployment", "command_changes.date"): "command-changed",
    ("control_transfer", "period.start"): "control-transferred",
    ("control_transfer", "period.end"): "control-returned",
    ("role", "period.start"): "role-started",
    ("role", "period.end"): "role-ended",
    ("event", "period.start"): "happened",
    ("event", "period.end"): "event-ended",
    ("legal_case", "filed"): "filed",
    ("legal_case", "dockets.filed"): "docket-filed",
    ("legal_case", "parties.period.end"): "party-ended",
    ("legal_case", "parties.period.start"): "party-started",
    ("ruling", "date"): "ruled",
    ("ruling", "takes_effect"): "takes-effect",
    ("figure", "as_of"): "reported",
    ("figure", "period.start"): "figure-period-started",
    ("figure", "period.end"): "figure-period-ended",
    ("source", "published"): "published",
    ("source", "published_within.start"): "published-after",
    ("source", "published_within.end"): "published-before",
    ("relation", "period.start"): "holds",
    ("relation", "period.end"): "relation-ended",
    ("jurisdiction", "valid.start"): "valid-from",
    ("jurisdiction", "valid.end"): "valid-until",
}
"""``(kind, field path without positions)`` → the word a timeline entry says happened. A
period of one day (both ends the same date) takes the word of its start. The order of the
table orders one entity's entries of the same moment: a law is signed before it takes effect,
a deployment announced before it starts, and one party's or phase's end comes before the next
one's start (an official's successor is named the day the predecessor leaves)."""


_RANKS: Final = {key: rank for rank, key in enumerate(WORDS)}


@functools.lru_cache(maxsize=4096)
def word_for(kind: str, field: str) -> tuple[str, int]:
    """The word for a dated value of ``kind`` at ``field`` (positions such as ``[1]`` are
    ignored; a single-day period is its start) and its place in :data:`WORDS`, which orders an
    entity's entries of one moment (signed before effective, announced before deployed): from
    the table, else the field path itself with dots and underscores as hyphens, after every
    word of the table (a date field the table does not know yet)."""
    bare = _bare(field)
    if bare.endswith("period") or bare.endswith("valid"):
        bare += ".start"
    key = (kind, bare)
    if key in WORDS:
        return WORDS[key], _RANKS[key]
    return bare.replace(".", "-").replace("_", "-"), len(WORDS)


def _bare(field: str) -> str:
    out, depth = [], 0
    for char in field:
        if char == "[":
            depth += 1
        elif char == "]":
            depth -= 1
        elif depth == 0:
            out.append(char)
    return "".join(out)


def dated_values(value: Any, prefix: str = "") -> Iterator[DatedValue]:
    """Every dated value of ``value`` (an entity or a nested model value), in field order."""
    for name in _plan(type(value)):
        found = getattr(value, name)
        if found is None:
            continue
        path = prefix + name
        if isinstance(found, PartialDate):
            yield DatedValue(path, found, value)
        elif isinstance(found, Period):
            yield from _bounds(found, path, value)
        elif isinstance(found, tuple):
            for i, item in enumerate(found):
                yield from dated_values(item, f"{path}[{i}].")
        else:
            yield from dated_values(found, path + ".")


def _bounds(period: Period, path: str, part: Any) -> Iterator[DatedValue]:
    start, end = period.start, period.end
    if isinstance(start, PartialDate) and start == end:
        yield DatedValue(path, start, part)
        return
    if isinstance(start, PartialDate):
        yield DatedValue(path + ".start", start, part)
    if isinstance(end, PartialDate):
        yield DatedValue(path + ".end", end, part)


_PLANS: dict[type[Any], tuple[str, ...]] = {}
_NO_DATES: Final = (Citation, Assessment)
"""Evidence and judgements of it: a citation, or the date a source or a claim was assessed,
is not an event of the story."""


def _plan(cls: type[Any]) -> tuple[str, ...]:
    """The fields of ``cls`` that can hold a date, directly or in nested model values."""
    cached = _PLANS.get(cls)
    if cached is None:
        if not attrs.has(cls) or issubclass(cls, _NO_DATES):
            cached = ()
        else:
            _PLANS[cls] = ()  # a class nested in itself holds no more dates than it has
            hints = typing.get_type_hints(cls)
            cached = tuple(a.name for a in attrs.fields(cls) if _may_hold_dates(hints[a.name]))
        _PLANS[cls] = cached
    return cached


def _may_hold_dates(hint: Any) -> bool:
    if isinstance(hint, type):
        return issubclass(hint, (PartialDate, Period)) or bool(_plan(hint))
    return any(_may_hold_dates(arg) for arg in typing.get_args(hint) if arg is not Ellipsis)


def detail_of(part: Any) -> str | None:
    """A few words telling a nested part apart from its siblings (``None`` for an entity)."""
    if isinstance(part, DeploymentPhase):
        return part.description
    if isinstance(part, CommandChange):
        return f"{part.unit} to {part.to_command}"
    if isinstance(part, Docket):
        return f"{part.court} {part.number}"
    if isinstance(part, Party):
        return f"{part.entity} ({part.role.value})"
    return None
