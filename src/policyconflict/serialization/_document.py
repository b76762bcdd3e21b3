"""One story as one JSON document: :func:`dumps`, :func:`loads`, :func:`dump`, :func:`load`.

The document is the story's own object with two more keys, ``format`` (always
``"policyconflict"``) and ``version`` (the format version, :data:`FORMAT_VERSION`), so paths in
problems are the story's paths: ``$.statements[3].date``.
"""

from __future__ import annotations

import io
import operator
import os
from collections.abc import Mapping
from typing import IO, Any, Final

from policyconflict._gc import gc_paused
from policyconflict.errors import Problem, ValidationError
from policyconflict.model.claims import Claim
from policyconflict.serialization._converter import CONVERTER, HookTable, problems_from, wrong
from policyconflict.serialization._json import (
    UNSURE,
    DuplicateKeys,
    encode,
    parse,
    parse_fast,
    with_depth_problem,
)
from policyconflict.serialization._migrations import (
    FORMAT_NAME,
    FORMAT_VERSION,
    check_version,
    envelope,
    migrate,
)
from policyconflict.serialization._references import failed_ids, ids_in, problems_among
from policyconflict.story import COLLECTIONS, Story

__all__ = [
    "dump",
    "dumps",
    "envelope_problems",
    "load",
    "loads",
    "story_from_value",
    "story_to_value",
]

PathOrFile = str | os.PathLike[str] | IO[str] | IO[bytes]

ENVELOPE: Final = ("format", "version")

_STRUCTURE_STORY: Final = CONVERTER.get_structure_hook(Story)
_UNSTRUCTURE: Final = HookTable(CONVERTER.get_unstructure_hook)
_STRUCTURE: Final = HookTable(CONVERTER.get_structure_hook)
_MISSING: Final = object()


_id: Final = operator.attrgetter("id")


def story_to_value(story: Story) -> dict[str, Any]:
    """The document for ``story`` as plain JSON values: entities in id order, fields equal to
    their default left out, the envelope keys added."""
    if not isinstance(story, Story):
        raise TypeError(f"expected a Story, got {type(story).__name__}")
    value: dict[str, Any] = {**envelope(), "id": story.id, "title": story.title}
    for name, cls in COLLECTIONS.items():
        items = getattr(story, name)
        if items:
            hook = _UNSTRUCTURE[cls]
            value[name] = [hook(item) for item in sorted(items, key=_id)]
    if story.claims:
        hook = _UNSTRUCTURE[Claim]
        value["claims"] = [hook(c) for c in sorted(story.claims, key=Claim.sort_key)]
    return value


def dumps(story: Story) -> str:
    """The canonical JSON text of ``story``: sorted keys, entities in id order, no spaces,
    fields equal to their default omitted. The same story built in any order gives the same
    text, and ``loads(dumps(s)) == s.canonical()``."""
    return _dump_bytes(story).decode("utf-8")


def _dump_bytes(story: Story) -> bytes:
    with gc_paused():
        value = story_to_value(story)
    try:
        return encode(value)
    except UnicodeEncodeError as exc:
        raise ValidationError(
            [
                Problem(
                    path="$",
                    code="bad-text",
                    message=f"the story holds a lone surrogate, which JSON text cannot "
                    f"carry (character {exc.start} of the output)",
                )
            ]
        ) from None


def story_from_value(value: Any, *, root: str = "$") -> Story:
    """A story from a parsed document (plain JSON values), checked strictly.

    Raises :class:`~policyconflict.errors.ValidationError` with every problem found, paths
    starting at ``root``.
    """
    problems: list[Problem] = []
    if not isinstance(value, dict):
        raise ValidationError([_problem(root, wrong(value, "an object"))])
    if isinstance(value, DuplicateKeys):
        problems.extend(
            Problem(path=f"{root}.{key}", code="duplicate-key", message=f"key {key!r} repeats")
            for key in value.duplicates
        )
    envelope_found, version = envelope_problems(value, root)
    problems.extend(envelope_found)
    if version is None:
        raise ValidationError(problems)
    body = {k: v for k, v in value.items() if k not in ENVELOPE}
    if version != FORMAT_VERSION:
        try:
            body = migrate(dict(value), version, path=root)
        except ValidationError as exc:
            raise ValidationError([*problems, *exc.problems]) from None
        if not isinstance(body, dict):
            raise ValidationError([*problems, _problem(root, wrong(body, "an object"))])
        body = {k: v for k, v in body.items() if k not in ENVELOPE}
    try:
        with gc_paused():
            story: Story = _STRUCTURE_STORY(body, Story)
    except Exception as exc:
        problems.extend(problems_from(exc, root))
        seen = set(problems)
        problems.extend(p for p in _reference_problems(body, root) if p not in seen)
    if problems:
        raise ValidationError(with_depth_problem(problems, value, root))
    return story


def envelope_problems(value: Mapping[str, Any], root: str) -> tuple[list[Problem], int | None]:
    """The problems of the ``format`` and ``version`` keys of a story document or a JSON Lines
    header (the one check both use), and the version to read the rest at.

    The version is ``None`` when the rest cannot be read: the version is newer than this library,
    or older with no migration all the way up (an ``unsupported-version`` problem). A missing or
    non-integer version is a problem too, and the rest is then read as :data:`FORMAT_VERSION`, so
    its own problems are reported beside it.
    """
    problems: list[Problem] = []
    name = value.get("format", _MISSING)
    if name is _MISSING:
        problems.append(
            Problem(
                path=f"{root}.format", code="missing-field", message="a required field is missing"
            )
        )
    elif name != FORMAT_NAME or type(name) is not str:
        problems.append(
            Problem(
                path=f"{root}.format",
                code="bad-format",
                message=f"expected {FORMAT_NAME!r}, got {_short(name)}",
            )
        )
    version = value.get("version", _MISSING)
    if version is _MISSING:
        problems.append(
            Problem(
                path=f"{root}.version", code="missing-field", message="a required field is missing"
            )
        )
    elif type(version) is not int:
        problems.append(_problem(f"{root}.version", wrong(version, "an integer")))
    else:
        try:
            check_version(version, path=root)
        except ValidationError as exc:
            return [*problems, *exc.problems], None
        return problems, version
    return problems, FORMAT_VERSION


def _reference_problems(body: Any, root: str) -> list[Problem]:
    """The cross-entity problems among the entities of ``body`` that load on their own (see
    :mod:`~policyconflict.serialization._references`): a story that did not load still has its
    references checked."""
    if not isinstance(body, dict):
        return []
    loaded: list[tuple[str, Any]] = []
    missing: set[str] = set()
    unreadable = False  # an entity failed to load and its id cannot be known
    for key, items in body.items():
        cls = COLLECTIONS.get(key)
        if cls is None or not isinstance(items, list):
            found = ids_in(items)  # a misspelt or malformed collection: its ids may be meant
            unreadable = unreadable or (cls is not None and not found)
            missing |= found
            continue
        hook = _STRUCTURE[cls]
        for i, item in enumerate(items):
            try:
                loaded.append((f"{root}.{key}[{i}]", hook(item, cls)))
            except Exception:
                ids = failed_ids(item)
                unreadable = unreadable or ids is None
                missing |= ids or set()
    return problems_among(loaded, None if unreadable else missing)


def _short(value: object) -> str:
    text = repr(value)
    return text if len(text) <= 40 else text[:37] + "..."


def _problem(path: str, invalid: Any) -> Problem:
    return Problem(path=path, code=invalid.code, message=invalid.message)


def loads(data: str | bytes | bytearray | memoryview) -> Story:
    """The story in a JSON document (text, or UTF-8 bytes), checked strictly.

    Every problem is reported at once in one :class:`~policyconflict.errors.ValidationError`;
    no other exception escapes, whatever the input. Entities keep the document's order.
    """
    with gc_paused():
        value = parse_fast(data)
        if value is not UNSURE:
            try:
                return story_from_value(value)
            except ValidationError:
                pass  # parsed again strictly below, for every problem's exact path and message
        return story_from_value(parse(data))


def dump(story: Story, target: PathOrFile) -> None:
    """Write :func:`dumps` of ``story`` and a final newline to a path or an open file (text
    or binary; a path is written as UTF-8)."""
    data = _dump_bytes(story) + b"\n"
    if isinstance(target, str | os.PathLike):
        with open(target, "wb") as handle:
            handle.write(data)
    elif isinstance(target, io.TextIOBase):
        target.write(data.decode("utf-8"))
    else:
        binary: Any = target  # IO[bytes]: anything else that is not a text file
        binary.write(data)


def load(source: PathOrFile) -> Story:
    """:func:`loads` of the whole of a path or an open file (text or binary)."""
    if isinstance(source, str | os.PathLike):
        with open(source, "rb") as handle:
            data: str | bytes = handle.read()
    else:
        data = source.read()
    return loads(data)
