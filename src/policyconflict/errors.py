"""The library's exceptions.

Every exception raised on purpose by ``policyconflict`` derives from :class:`PolicyConflictError`.
Errors about bad input also derive from :class:`ValueError`, so callers can catch either.

Where a problem is, is data on the exception (``path``, ``code``, ``position``); turning it into
text is done by :func:`render_problem` and :meth:`DateTextError.render`, not by the exception.
"""

from __future__ import annotations

from collections.abc import Iterable

import attrs

__all__ = [
    "DateTextError",
    "PolicyConflictError",
    "Problem",
    "ShapeError",
    "ValidationError",
    "render_problem",
    "render_problems",
]


class PolicyConflictError(Exception):
    """The root of every error this library raises on purpose."""


class DateTextError(PolicyConflictError, ValueError):
    """A date, period or news date phrase that cannot be read, or can be read more than one way.

    ``text`` is the whole input, ``start``/``end`` the offending part of it and ``reason`` a plain
    explanation. :meth:`render` draws a caret under the offending part.
    """

    def __init__(self, reason: str, text: str, start: int = 0, end: int | None = None) -> None:
        if end is None or end <= start:
            end = start + 1
        self.reason = reason
        self.text = text
        self.start = start
        self.end = end
        super().__init__(f"{reason}: {text!r}")

    def __reduce__(self) -> tuple[type[DateTextError], tuple[str, str, int, int]]:
        return (type(self), (self.reason, self.text, self.start, self.end))

    def render(self) -> str:
        """The reason, the input, and carets under the offending part."""
        width = max(1, min(self.end, len(self.text) + 1) - self.start)
        return f"{self.reason}\n    {self.text}\n    {' ' * self.start}{'^' * width}"


@attrs.frozen(kw_only=True)
class Problem:
    """One problem found in a document or a story.

    ``path`` is a JSONPath-like location (``$.statements[3].speaker``), ``code`` a stable,
    lower-case, hyphenated code (``unknown-reference``) and ``message`` plain text.
    """

    path: str
    code: str
    message: str


def render_problem(problem: Problem) -> str:
    """``message @ path [code]`` on one line."""
    return f"{problem.message} @ {problem.path} [{problem.code}]"


def render_problems(problems: Iterable[Problem]) -> str:
    """One line per problem, in the order given."""
    return "\n".join(render_problem(p) for p in problems)


class ValidationError(PolicyConflictError, ValueError):
    """One or more problems in a story or a document, all reported at once.

    ``problems`` is a tuple of :class:`Problem`, in document order.
    """

    def __init__(self, problems: Iterable[Problem]) -> None:
        self.problems: tuple[Problem, ...] = tuple(problems)
        count = len(self.problems)
        head = render_problem(self.problems[0]) if self.problems else "no problems"
        more = f" (and {count - 1} more)" if count > 1 else ""
        super().__init__(f"{count} problem{'s' if count != 1 else ''}: {head}{more}")

    def __reduce__(self) -> tuple[type[ValidationError], tuple[tuple[Problem, ...]]]:
        return (type(self), (self.problems,))

    @property
    def codes(self) -> tuple[str, ...]:
        """The problem codes, in order."""
        return tuple(p.code for p in self.problems)

    @property
    def paths(self) -> tuple[str, ...]:
        """The problem paths, in order."""
        return tuple(p.path for p in self.problems)


class ShapeError(PolicyConflictError, ValueError):
    """A value that does not have the right shape for a field: an empty name, a bad id, an end
    before a start, a negative count.

    ``code`` is a stable problem code (``empty``, ``bad-id``, ``end-before-start``, ...), ``field``
    the name of the offending field when known. Raised by the model classes' validators; the
    loader and :class:`~policyconflict.story.Story` turn it into a :class:`Problem` with a path.
    """

    def __init__(self, code: str, message: str, field: str | None = None) -> None:
        self.code = code
        self.message = message
        self.field = field
        super().__init__(f"{field}: {message}" if field else message)

    def __reduce__(self) -> tuple[type[ShapeError], tuple[str, str, str | None]]:
        return (type(self), (self.code, self.message, self.field))
