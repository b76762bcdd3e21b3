"""Strict JSON text → plain Python values, with the problems the stdlib parser lets through
kept as markers for the structuring pass to report with their paths.

:func:`json.loads` accepts ``NaN``/``Infinity``, keeps the last of duplicate keys, turns
``1e999`` into infinity and fails on integers longer than 4,300 digits. Here:

* ``NaN``, ``Infinity``, ``-Infinity`` and floats that overflow become :class:`Marker` values
  (codes ``not-finite`` and ``too-large``); integers beyond ±2**53 become ``too-large`` markers;
* an object with a repeated key becomes a :class:`DuplicateKeys` dict naming the repeats;
* malformed text raises :class:`~policyconflict.errors.ValidationError` (``bad-json``, with
  line and column); nesting too deep for the parser raises it with ``too-deep``.

The structuring pass (:mod:`policyconflict.serialization._converter`) reports markers and
duplicate keys at their paths, so every problem in a document is reported at once.

:func:`parse_fast` is the fast way in: orjson parses, and the result is used only when it is
certain to equal what the strict parser would give. orjson rejects ``NaN``, invalid UTF-8 and
lone surrogates itself; it keeps the last of duplicate keys silently, so :func:`parse_fast` proves
that no key was dropped (see :func:`_no_key_dropped`). Integers beyond ±2**53 and over-deep
nesting are left to the structuring hooks, which reject both. Whenever the fast way cannot vouch
for a document, or the document has a problem, the caller parses again with :func:`parse`,
whose markers give every problem its exact path and message.
"""

from __future__ import annotations

import json
from typing import Any, Final

import orjson

from policyconflict.errors import Problem, ValidationError
from policyconflict.model._fields import MAX_INT

__all__ = [
    "MAX_DEPTH",
    "MAX_INT",
    "UNSURE",
    "DuplicateKeys",
    "Marker",
    "decode_text",
    "encode",
    "parse",
    "parse_fast",
    "with_depth_problem",
]


MAX_DEPTH: Final = 64
"""Arrays and objects may nest at most this deep; valid documents nest far less."""


class Marker:
    """A JSON value that parses but can never be valid: its ``code`` and ``message`` say why."""

    __slots__ = ("code", "message")

    def __init__(self, code: str, message: str) -> None:
        self.code = code
        self.message = message

    def __repr__(self) -> str:
        return f"Marker({self.code!r}, {self.message!r})"


class DuplicateKeys(dict[str, Any]):
    """An object in which some keys appear more than once (the last value is kept here only so
    that the rest of the object can still be checked)."""

    __slots__ = ("duplicates",)

    def __init__(self, pairs: list[tuple[str, Any]], duplicates: list[str]) -> None:
        super().__init__(pairs)
        self.duplicates = duplicates


def _pairs(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    result = dict(pairs)
    if len(result) == len(pairs):
        return result
    seen: set[str] = set()
    repeats: list[str] = []
    for key, _value in pairs:
        if key in seen and key not in repeats:
            repeats.append(key)
        seen.add(key)
    return DuplicateKeys(pairs, repeats)


def _constant(name: str) -> Marker:
    return Marker("not-finite", f"{name} is not allowed: JSON numbers must be finite")


def _int(text: str) -> int | Marker:
    if len(text) < 16:
        return int(text)
    if len(text.lstrip("-")) > 30:
        return Marker("too-large", f"integer with {len(text)} digits is beyond ±2**53")
    value = int(text)
    if -MAX_INT <= value <= MAX_INT:
        return value
    return Marker("too-large", f"integer {text} is beyond ±2**53")


def _float(text: str) -> float | Marker:
    value = float(text)
    if value in (float("inf"), float("-inf")):
        return Marker("too-large", f"number {text} is too large for a 64-bit float")
    return value


_DECODER: Final = json.JSONDecoder(
    object_pairs_hook=_pairs,
    parse_constant=_constant,
    parse_int=_int,
    parse_float=_float,
)


UNSURE: Final = object()
"""What :func:`parse_fast` returns when only the strict parser can answer."""


def parse_fast(data: str | bytes | bytearray | memoryview) -> Any:
    """The JSON value in ``data`` as plain Python values, or :data:`UNSURE`.

    The value is the one :func:`parse` would return for a document without markers or
    repeated keys; anything else (malformed text, ``NaN``, a repeated key, text the check
    below cannot clear) gives :data:`UNSURE`.
    """
    if not isinstance(data, str | bytes | bytearray | memoryview):
        return UNSURE
    try:
        value = orjson.loads(data)
    except orjson.JSONDecodeError:
        return UNSURE
    raw = data.encode("utf-8") if isinstance(data, str) else bytes(data)
    return value if _no_key_dropped(value, raw) else UNSURE


def _no_key_dropped(value: Any, raw: bytes) -> bool:
    """True when no object in ``raw`` repeats a key (so parsing dropped no member).

    Canonical text (sorted keys, no spaces: what this library writes) is recognised by writing
    ``value`` again: the writer never repeats a key, so equal bytes prove none was repeated.
    Other text is checked by counting colons. Outside strings, every colon separates one member
    of an object; inside strings, without ``\\u`` escapes, every colon of the parsed string is
    one colon of the text. So the members and string colons of ``value`` add up to the colons
    of ``raw`` exactly when no member was dropped. Text with ``\\u`` escapes is left to the
    strict parser (an escaped colon would spoil the count).
    """
    try:
        again = orjson.dumps(value, option=orjson.OPT_SORT_KEYS)
    except (TypeError, orjson.JSONEncodeError):
        return False
    if raw.startswith(again) and not raw[len(again) :].strip(b" \t\r\n"):
        return True
    if b"\\u" in raw:
        return False
    return _members_and_colons(value) == raw.count(b":")


def _members_and_colons(value: Any) -> int:
    total = 0
    pending = [value]
    while pending:
        current = pending.pop()
        if type(current) is dict:
            total += len(current)
            for key, item in current.items():
                total += key.count(":")
                kind = type(item)
                if kind is str:
                    total += item.count(":")
                elif kind is dict or kind is list:
                    pending.append(item)
        elif type(current) is list:
            for item in current:
                kind = type(item)
                if kind is str:
                    total += item.count(":")
                elif kind is dict or kind is list:
                    pending.append(item)
    return total


def encode(value: Any) -> bytes:
    """Canonical JSON bytes of plain values: sorted keys, no spaces, UTF-8 (not ``\\u``
    escapes) for text, floats in their shortest round-trip form.

    Raises :class:`UnicodeEncodeError` for text holding a lone surrogate, which UTF-8 cannot
    carry (the callers report it as a problem).
    """
    try:
        return orjson.dumps(value, option=orjson.OPT_SORT_KEYS)
    except orjson.JSONEncodeError:
        # The standard library writes the same text and says where UTF-8 fails.
        text = json.dumps(value, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
        return text.encode("utf-8")


def _line_column(text: str, position: int) -> tuple[int, int]:
    line = text.count("\n", 0, position) + 1
    column = position - (text.rfind("\n", 0, position) + 1) + 1
    return line, column


def decode_text(data: str | bytes | bytearray | memoryview, *, root: str = "$") -> str:
    """The document as text: bytes must be UTF-8 (without a byte order mark)."""
    if isinstance(data, str):
        return data
    if not isinstance(data, bytes | bytearray | memoryview):
        raise ValidationError(
            [
                Problem(
                    path=root,
                    code="wrong-type",
                    message=f"expected str or bytes, got {_kind(data)}",
                )
            ]
        )
    raw = bytes(data)
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line, column = _line_column(raw[: exc.start].decode("utf-8", "replace"), exc.start)
        raise ValidationError(
            [
                Problem(
                    path=root,
                    code="bad-json",
                    message=f"bytes are not UTF-8 at line {line} column {column} "
                    f"(byte {exc.start})",
                )
            ]
        ) from None


def _kind(value: object) -> str:
    return type(value).__name__


def parse(data: str | bytes | bytearray | memoryview, *, root: str = "$") -> Any:
    """Parse one JSON document strictly (see the module docstring).

    ``root`` is the path reported for document-level problems (``$``, or ``line 3: $`` in
    JSON Lines).
    """
    text = decode_text(data, root=root)
    try:
        return _DECODER.decode(text)
    except json.JSONDecodeError as exc:
        message = f"{exc.msg} at line {exc.lineno} column {exc.colno}"
        raise ValidationError([Problem(path=root, code="bad-json", message=message)]) from None
    except RecursionError:
        message = f"arrays and objects nest deeper than the limit of {MAX_DEPTH}"
        raise ValidationError([Problem(path=root, code="too-deep", message=message)]) from None


def _deep_path(value: Any, root: str) -> str | None:
    """The path of the first array or object nested deeper than ``MAX_DEPTH`` (the root
    is level 1)."""
    stack: list[tuple[Any, str, int]] = [(value, root, 1)]
    while stack:
        current, path, depth = stack.pop()
        if depth > MAX_DEPTH and isinstance(current, dict | list):
            return path
        if isinstance(current, dict):
            stack.extend((v, f"{path}.{k}", depth + 1) for k, v in current.items())
        elif isinstance(current, list):
            stack.extend((v, f"{path}[{i}]", depth + 1) for i, v in enumerate(current))
    return None


def with_depth_problem(problems: list[Problem], value: Any, root: str) -> list[Problem]:
    """``problems`` plus a ``too-deep`` problem when ``value`` nests deeper than the limit.

    Only called once something is already wrong: valid documents nest far less than the limit,
    so the check costs nothing on the good path.
    """
    deep = _deep_path(value, root)
    if deep is None:
        return problems
    message = f"arrays and objects nest deeper than the limit of {MAX_DEPTH}"
    return [*problems, Problem(path=deep, code="too-deep", message=message)]
