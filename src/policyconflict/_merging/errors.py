"""The errors of merging: an id used for two kinds of thing, and a merged view its class
rejects."""

from __future__ import annotations

from collections.abc import Iterable

import attrs

from policyconflict.errors import PolicyConflictError, Problem, render_problem

__all__ = ["IdentityClash", "IdentityClashError", "MergeError"]


@attrs.frozen(kw_only=True)
class IdentityClash:
    """One id used for different kinds of thing: ``kinds`` (``"person"``, ``"law"``, or
    ``"provision of law:..."``) by ``stories``, both sorted."""

    id: str
    kinds: tuple[str, ...]
    stories: tuple[str, ...]

    def describe(self) -> str:
        """A one-line plain description."""
        return (
            f"id {self.id!r} names different kinds of thing ({', '.join(self.kinds)}) in "
            f"stories {', '.join(map(repr, self.stories))}"
        )


class IdentityClashError(PolicyConflictError, ValueError):
    """Stories use one id for different kinds of thing; ``clashes`` lists every one."""

    def __init__(self, clashes: Iterable[IdentityClash]) -> None:
        self.clashes: tuple[IdentityClash, ...] = tuple(clashes)
        shown = "; ".join(c.describe() for c in self.clashes[:5])
        more = len(self.clashes) - 5
        super().__init__(
            f"{len(self.clashes)} identity clash(es): {shown}"
            + (f"; and {more} more" if more > 0 else "")
        )

    def __reduce__(self) -> tuple[type[IdentityClashError], tuple[tuple[IdentityClash, ...]]]:
        return (type(self), (self.clashes,))


class MergeError(PolicyConflictError, ValueError):
    """The merged view of ``entity`` breaks a rule of its class or of a story (for example a
    law's effective date before its signed date, each from another story, or a parent chain
    that loops once two stories' parents are put together); ``problems`` say which."""

    def __init__(self, entity: str, problems: Iterable[Problem]) -> None:
        self.entity = entity
        self.problems: tuple[Problem, ...] = tuple(problems)
        super().__init__(
            f"the merged definition of {entity!r} is not valid: "
            + "; ".join(render_problem(p) for p in self.problems)
        )

    def __reduce__(self) -> tuple[type[MergeError], tuple[str, tuple[Problem, ...]]]:
        return (type(self), (self.entity, self.problems))
