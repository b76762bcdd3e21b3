"""Where migrations from older format versions go.

``MIGRATIONS`` maps a version ``n`` to a function that rewrites the plain JSON value of a
version-``n`` document (a dict, before any checking) into a version ``n + 1`` document. The
loader applies them one after another up to :data:`FORMAT_VERSION`; each is registered here
with :func:`register_migration`. The same function rewrites one record of a JSON Lines corpus
(an entity object with its ``type`` tag, without ``format`` and ``version``).

Version 2 (in progress: later changes of this release add to it) adds the ``control_transfers``
collection (type tag ``control_transfer``); a version-1 document has none, so it reads as
version 2 unchanged. In JSON Lines, every entity and claim line of version 2 names the story it
belongs to (``in_story``), so that any slice of lines reads on its own; a version-1 line takes
its story from the story record above it (the reader fills it in: one line alone cannot say).

Version 2 also adds provenance and confidence: ``notes`` on every entity; on a source
``published_within``, ``edition``, ``republication``, ``republished_from``,
``original_publisher``, ``wire_service`` and ``assessments`` (and ``title`` becomes optional);
on a citation ``confidence`` and ``assessments``; on a figure ``denominator``. A figure's
``claimed_by`` becomes a list of claimant ids: the migration turns a version-1 claimant
string ``"agency:x"`` into ``["agency:x"]``.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any, Final

from policyconflict.errors import PolicyConflictError, Problem, ValidationError

__all__ = [
    "FORMAT_NAME",
    "FORMAT_VERSION",
    "MIGRATIONS",
    "Migration",
    "check_version",
    "envelope",
    "migrate",
    "register_migration",
]

FORMAT_NAME: Final = "policyconflict"
"""The ``format`` every document and JSON Lines header carries."""

FORMAT_VERSION: Final = 2
"""The version this library writes, and the newest it reads."""


def envelope() -> dict[str, Any]:
    """The keys that say what a file is, written first in every story document and in the
    header line of every JSON Lines corpus: ``{"format": "policyconflict", "version": 2}``."""
    return {"format": FORMAT_NAME, "version": FORMAT_VERSION}


Migration = Callable[[dict[str, Any]], dict[str, Any]]

MIGRATIONS: dict[int, Migration] = {}
"""Version ``n`` → function turning a version-``n`` document into a version ``n + 1`` one."""


def register_migration(from_version: int) -> Callable[[Migration], Migration]:
    """Register the decorated function as the migration from ``from_version`` to the next."""

    def register(function: Migration) -> Migration:
        if from_version in MIGRATIONS:
            raise ValueError(f"a migration from version {from_version} is already registered")
        MIGRATIONS[from_version] = function
        return function

    return register


def check_version(version: int, *, path: str = "$") -> None:
    """Raise an ``unsupported-version`` problem naming both versions unless ``version`` is
    :data:`FORMAT_VERSION` or an older one with registered migrations all the way up."""
    if version > FORMAT_VERSION:
        raise ValidationError(
            [
                Problem(
                    path=f"{path}.version",
                    code="unsupported-version",
                    message=f"the document is format version {version}, but this library "
                    f"reads versions up to {FORMAT_VERSION}: upgrade policyconflict",
                )
            ]
        )
    for older in range(version, FORMAT_VERSION):
        if older not in MIGRATIONS:
            raise ValidationError(
                [
                    Problem(
                        path=f"{path}.version",
                        code="unsupported-version",
                        message=f"the document is format version {version}, and this library "
                        f"(format version {FORMAT_VERSION}) has no migration from it",
                    )
                ]
            )


def migrate(document: dict[str, Any], version: int, *, path: str = "$") -> dict[str, Any]:
    """``document`` (of ``version``) rewritten to :data:`FORMAT_VERSION` by the registered
    migrations, one version at a time; see :func:`check_version` for what is refused."""
    check_version(version, path=path)
    while version < FORMAT_VERSION:
        step = MIGRATIONS[version]
        try:
            document = step(document)
        except PolicyConflictError:
            raise
        except Exception as exc:
            raise ValidationError(
                [
                    Problem(
                        path=path,
                        code="migration-failed",
                        message=f"migrating from format version {version} failed: {exc}",
                    )
                ]
            ) from exc
        version += 1
    return document


_PROVENANCE_KEYS: Final = frozenset(
    {
        "notes",
        "published_within",
        "edition",
        "republication",
        "republished_from",
        "original_publisher",
        "wire_service",
        "assessments",
        "confidence",
        "denominator",
    }
)
"""Keys that version 2 added to existing objects (no version-1 object has a key of these
names): a version-1 document holding one is refused."""


def _objects(value: Any) -> Iterator[dict[str, Any]]:
    """Every JSON object in ``value``, ``value`` itself included."""
    stack = [value]
    while stack:
        item = stack.pop()
        if isinstance(item, dict):
            yield item
            stack.extend(item.values())
        elif isinstance(item, list):
            stack.extend(item)


def _claimants_as_list(figure: Any) -> Any:
    """A version-1 figure with its ``claimed_by`` string as a one-claimant list."""
    if not isinstance(figure, dict) or "claimed_by" not in figure:
        return figure
    claimant = figure["claimed_by"]
    if isinstance(claimant, list):
        raise ValueError("a list of claimants is new in format version 2, and this says version 1")
    return {**figure, "claimed_by": [] if claimant is None else [claimant]}


@register_migration(1)
def _one_to_two(document: dict[str, Any]) -> dict[str, Any]:
    """Version 1 → 2: a figure's claimant becomes a list of claimants; what version 1 could
    not hold is refused (a ``migration-failed`` problem saying what)."""
    if "control_transfers" in document or document.get("type") == "control_transfer":
        raise ValueError("control transfers are new in format version 2, and this says version 1")
    if "in_story" in document:
        raise ValueError(
            "a line naming its story (in_story) is new in format version 2, and this says version 1"
        )
    for found in _objects(document):
        new = _PROVENANCE_KEYS.intersection(found)
        if new:
            raise ValueError(
                f"{', '.join(sorted(new))}: new in format version 2, and this says version 1"
            )
    if document.get("type") == "figure":
        document = _claimants_as_list(document)
    figures = document.get("figures")
    if isinstance(figures, list):
        document = {**document, "figures": [_claimants_as_list(f) for f in figures]}
    if "version" in document:
        return {**document, "version": 2}
    return document
