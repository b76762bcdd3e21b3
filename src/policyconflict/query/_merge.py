"""What a corpus reports when stories cannot be merged: an id used for different kinds of thing.

Definitions of one id by several stories are merged (:mod:`policyconflict.merge`). An id that
names another kind of thing than before — a person in one story, a law in another, or one
provision id in two laws — is a :class:`MergeConflict` naming both stories (``fields`` is
``("type",)``, or ``("law",)`` for a provision of another law).
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

import attrs

from policyconflict.errors import PolicyConflictError

__all__ = ["MergeConflict", "MergeConflictError"]


@attrs.frozen(kw_only=True)
class MergeConflict:
    """One id used for different kinds of thing by two stories.

    ``kind`` is the kind the second story uses it for (``person``, ``law``, ``provision``...),
    ``fields`` says what differs (``("type",)``; ``("law",)`` for a provision of another law),
    ``first_story``/``second_story`` the story that used it first and the one that used it
    otherwise, and ``first_sources``/``second_sources`` the ids of the sources each cites.
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
            f"{self.kind} {self.id!r} is used for another kind of thing by story "
            f"{self.first_story!r} than by story {self.second_story!r} "
            f"(fields: {', '.join(self.fields)})"
        )


class MergeConflictError(PolicyConflictError, ValueError):
    """Adding a story would use ids for other kinds of thing; ``conflicts`` lists every one."""

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
