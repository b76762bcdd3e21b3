"""Merging stories by id: identical entities kept once, different ones reported.

Two entities with the same id are *the same definition* when they are equal as values (every
field, sources included). Otherwise the corpus keeps the first and reports a
:class:`MergeConflict` naming the fields that differ and both stories — never a silent
overwrite. Provisions are checked too: a provision id used by two different laws, or defined
two ways, is a conflict.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

import attrs

from policyconflict.errors import PolicyConflictError

__all__ = ["MergeConflict", "MergeConflictError"]


@attrs.frozen(kw_only=True)
class MergeConflict:
    """One id defined two different ways by two stories.

    ``kind`` is the entity kind (``statement``, ``law``...), ``fields`` the names of the fields
    that differ (sorted), ``first_story``/``second_story`` the stories that defined it first and
    then differently, and ``first_sources``/``second_sources`` the ids of the sources each
    definition cites.
    """

    id: str
    kind: str
    fields: tuple[str, ...]
    first_story: str
    second_story: str
    first_sources: tuple[str, ...]
    second_sources: tuple[str, ...]

    def describe(self) -> str:
        """A one-line plain description."""
        return (
            f"{self.kind} {self.id!r} is defined differently by story {self.first_story!r} and "
            f"story {self.second_story!r} (fields: {', '.join(self.fields)})"
        )


class MergeConflictError(PolicyConflictError, ValueError):
    """Adding a story would redefine ids; ``conflicts`` lists every one of them."""

    def __init__(self, conflicts: Iterable[MergeConflict]) -> None:
        self.conflicts: tuple[MergeConflict, ...] = tuple(conflicts)
        lines = "; ".join(c.describe() for c in self.conflicts[:5])
        more = len(self.conflicts) - 5
        tail = f"; and {more} more" if more > 0 else ""
        super().__init__(f"{len(self.conflicts)} merge conflict(s): {lines}{tail}")

    def __reduce__(self) -> tuple[type[MergeConflictError], tuple[tuple[MergeConflict, ...]]]:
        return (type(self), (self.conflicts,))


def differing_fields(first: Any, second: Any) -> tuple[str, ...]:
    """The attrs fields whose values differ (``("type",)`` when the classes differ)."""
    if type(first) is not type(second):
        return ("type",)
    return tuple(
        sorted(
            field.name
            for field in attrs.fields(type(first))
            if getattr(first, field.name) != getattr(second, field.name)
        )
    )


def source_ids(entity: object) -> tuple[str, ...]:
    """The ids of the sources an entity cites, sorted and without repeats."""
    citations = getattr(entity, "sources", ())
    return tuple(sorted({c.source for c in citations if hasattr(c, "source")}))
