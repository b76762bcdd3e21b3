"""What every format module of :mod:`policyconflict.interop` shares: the optional-package
check, the report of records a reader could not map, the warning naming records a writer
could not export, and plain date text."""

from __future__ import annotations

import importlib
import re
import warnings
from collections.abc import Iterable
from types import ModuleType
from typing import Final

import attrs

from policyconflict.dates import PartialDate, Period
from policyconflict.errors import PolicyConflictError
from policyconflict.model.actions import ControlTransfer
from policyconflict.story import Entity, Story

__all__ = [
    "InteropError",
    "MissingExtraError",
    "NotExportedWarning",
    "Reading",
    "Unmapped",
    "country_code",
    "iso_date",
    "period_dates",
    "require",
    "transfer_text",
    "warn_not_exported",
]

_INTEROP: Final = frozenset({"ftm", "rdf", "graph", "plot"})
"""The extras that ``policyconflict[interop]`` installs together."""

_COUNTRY: Final = re.compile(r"ocd-division/country:([a-z]{2})(?:/|$)")


class MissingExtraError(PolicyConflictError, ImportError):
    """An optional third-party package that a function needs is not installed."""

    def __init__(self, package: str, extra: str) -> None:
        every = " (or 'policyconflict[interop]' for all formats)" if extra in _INTEROP else ""
        super().__init__(
            f"this needs the optional package {package!r}: pip install 'policyconflict[{extra}]'"
            + every
        )
        self.package = package
        self.extra = extra

    def __reduce__(self) -> tuple[type[MissingExtraError], tuple[str, str]]:
        return (type(self), (self.package, self.extra))


class InteropError(PolicyConflictError, ValueError):
    """Input in another format that cannot be read at all (not one bad record: a bad file)."""


def require(module: str, extra: str) -> ModuleType:
    """Import ``module`` of an optional package, or raise :class:`MissingExtraError` naming
    the extra that installs it."""
    try:
        return importlib.import_module(module)
    except ImportError:
        raise MissingExtraError(module.split(".")[0], extra) from None


@attrs.frozen(kw_only=True)
class Unmapped:
    """A record a reader read but could not map into the model, and why."""

    index: int
    """Where the record is in the input, from 0."""
    record_id: str | None
    """The record's own id, when it has one."""
    reason: str


@attrs.frozen(kw_only=True)
class Reading:
    """What a reader made of its input: the entities it mapped, and every record it could not
    map with the reason (nothing is dropped silently). ``read`` counts the records read."""

    entities: tuple[Entity, ...]
    unmapped: tuple[Unmapped, ...]
    read: int

    @property
    def mapped(self) -> int:
        """How many records were mapped into entities."""
        return self.read - len(self.unmapped)


def iso_date(date: PartialDate) -> str:
    """The date as plain ISO 8601 text at its precision (``2020``, ``2020-02``,
    ``2020-02-14``), without EDTF qualifiers or the time of day, as most formats take it."""
    text = f"{date.year:04d}"
    if date.month is not None:
        text += f"-{date.month:02d}"
    if date.day is not None:
        text += f"-{date.day:02d}"
    return text


def period_dates(period: Period | None) -> tuple[str | None, str | None]:
    """A period's start and end as :func:`iso_date` text (``None`` for an open or unknown
    end)."""
    if period is None:
        return None, None
    start = iso_date(period.start) if isinstance(period.start, PartialDate) else None
    end = iso_date(period.end) if isinstance(period.end, PartialDate) else None
    return start, end


def country_code(jurisdiction_id: str | None) -> str | None:
    """The ISO 3166-1 alpha-2 code (lower-case) of the country an OCD division id lies in,
    when the gazetteer knows that country (``None`` otherwise)."""
    if jurisdiction_id is None:
        return None
    match = _COUNTRY.match(jurisdiction_id)
    if match is None:
        return None
    from policyconflict.gazetteer import default_gazetteer

    known = f"ocd-division/country:{match.group(1)}" in default_gazetteer()
    return match.group(1) if known else None


class NotExportedWarning(UserWarning):
    """A writer left records out because its format has no shape for them; the message names
    the format, the kind and the ids (``warnings.simplefilter("error", NotExportedWarning)``
    makes it an error)."""


def warn_not_exported(format_name: str, kind: str, ids: Iterable[str], reason: str) -> None:
    """Warn with :class:`NotExportedWarning` that the ``kind`` records ``ids`` were not
    written as ``format_name`` (nothing when there are none)."""
    left_out = sorted(ids)
    if left_out:
        shown = ", ".join(repr(i) for i in left_out[:5])
        more = f" and {len(left_out) - 5} more" if len(left_out) > 5 else ""
        warnings.warn(
            NotExportedWarning(
                f"{format_name}: {len(left_out)} {kind} record(s) not exported ({reason}): "
                f"{shown}{more}"
            ),
            stacklevel=3,
        )


def transfer_text(transfer: ControlTransfer, story: Story) -> str:
    """A name for a control transfer: the force, the command it is placed under and the one
    it leaves, by their names in ``story`` (ids where the story does not name them)."""
    names: dict[str, str] = {a.id: a.name for a in story.agencies}
    names |= {p.id: p.name for p in story.persons}
    names |= {j.id: j.name for j in story.jurisdictions}
    text = f"{names.get(transfer.force, transfer.force)} placed under "
    text += names.get(transfer.to_command, transfer.to_command)
    if transfer.from_command is not None:
        text += f" (from {names.get(transfer.from_command, transfer.from_command)})"
    return text
