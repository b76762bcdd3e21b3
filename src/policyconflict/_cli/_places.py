"""Place arguments on the command line: resolved by the corpus's rule (or the gazetteer's),
with errors that name the option the user typed (``--within``), not the library's parameter
(``within=``)."""

from __future__ import annotations

from collections.abc import Callable

from policyconflict.gazetteer import AmbiguousPlaceError, UnknownPlaceError

__all__ = ["ambiguous_query", "resolve_option"]

_SHOWN = 5


def resolve_option(resolve: Callable[[str], str], option: str, text: str) -> str:
    """The id of the one place that ``text``, given to ``option``, names by ``resolve`` (the
    corpus's or the gazetteer's rule); an error naming ``option`` when it names none or
    several (the several are listed, with how to pick one)."""
    try:
        return resolve(text)
    except AmbiguousPlaceError as error:
        if not error.candidates:  # places of the corpus, which its message names
            message = f"{option}: {error}: give the id of the one you mean"
            raise AmbiguousPlaceError(error.query, (), message) from None
        shown = "; ".join(f"{p.name} ({p.level}, {p.id})" for p in error.candidates[:_SHOWN])
        more = len(error.candidates) - _SHOWN
        tail = f"; and {more} more (policyconflict gazetteer {text!r} --all)" if more > 0 else ""
        message = (
            f"{option}: {text!r} is ambiguous, {len(error.candidates)} places match: "
            f"{shown}{tail}: give the OCD division id of the one you mean"
        )
        raise AmbiguousPlaceError(error.query, error.candidates, message) from None
    except UnknownPlaceError as error:
        raise UnknownPlaceError(error.query, f"{option}: {error}") from None


def ambiguous_query(error: AmbiguousPlaceError, within: str | None, level: str | None) -> str:
    """The message for a ``policyconflict gazetteer QUERY`` that matches several places
    (listed on standard output), naming the options that narrow it."""
    narrowed = "".join(
        [f" within {within!r}" if within else "", f" at level {level!r}" if level else ""]
    )
    return (
        f"{error.query!r}{narrowed} is ambiguous: {len(error.candidates)} places match (listed "
        "on standard output); narrow it with --within or --level, or list them with --all"
    )
