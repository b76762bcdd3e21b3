"""Printing results: aligned plain-text tables for people, JSON for programs; text that the
output cannot carry is escaped, never a crash."""

from __future__ import annotations

import codecs
import contextlib
import io
import json
import re
from collections.abc import Iterator, Sequence
from typing import Any, TextIO

__all__ = ["cell", "escaping", "plural", "print_json", "print_table"]

_SURROGATE = re.compile(r"[\ud800-\udfff]")

_ELLIPSIS = "…"
_ESCAPE = "backslashreplace"


def cell(value: object) -> str:
    """The text of one table cell: ``-`` for nothing, items of a sequence joined by commas."""
    if value is None or value == ():
        return "-"
    if isinstance(value, tuple | list):
        return ", ".join(cell(item) for item in value)
    return " ".join(str(value).split())


def _clip(text: str, width: int) -> str:
    return text if len(text) <= width else text[: max(1, width - 1)] + _ELLIPSIS


def print_table(
    out: TextIO,
    headers: Sequence[str],
    rows: Sequence[Sequence[object]],
    *,
    max_width: int | None = 60,
) -> None:
    """Columns aligned with two spaces between them, a header line and a rule under it.

    Cells longer than ``max_width`` characters are cut with an ellipsis (``None``: never cut),
    so that one long quotation does not push every other column off the screen.
    """
    texts = [[cell(value) for value in row] for row in rows]
    if max_width is not None:
        texts = [[_clip(text, max_width) for text in row] for row in texts]
    widths = [len(h) for h in headers]
    for row in texts:
        for i, text in enumerate(row):
            widths[i] = max(widths[i], len(text))

    def line(values: Sequence[str]) -> str:
        return "  ".join(v.ljust(w) for v, w in zip(values, widths, strict=True)).rstrip()

    out.write(line([h.upper() for h in headers]) + "\n")
    out.write(line(["-" * w for w in widths]) + "\n")
    for row in texts:
        out.write(line(row) + "\n")


def print_json(out: TextIO, value: Any) -> None:
    """``value`` as indented JSON with sorted keys and a final newline.

    Characters are written as they are when ``out`` is UTF-8, except lone surrogates (which no
    encoding carries: a key ``"\\ud800"`` in a problem's path), written as JSON escapes; any
    other output gets ASCII with JSON escapes. Either way the output is valid JSON that reads
    back as ``value``.
    """
    encoding = getattr(out, "encoding", None) or "utf-8"
    if codecs.lookup(encoding).name != "utf-8":
        out.write(json.dumps(value, indent=2, sort_keys=True) + "\n")
        return
    text = json.dumps(value, indent=2, sort_keys=True, ensure_ascii=False)
    out.write(_SURROGATE.sub(_json_escape, text) + "\n")


def _json_escape(match: re.Match[str]) -> str:
    return f"\\u{ord(match.group()):04x}"


@contextlib.contextmanager
def escaping(stream: TextIO) -> Iterator[None]:
    """While the body runs, ``stream`` writes what its encoding cannot carry as backslash
    escapes (``\\ud800``) instead of raising :class:`UnicodeEncodeError` (``strict``, and also
    ``surrogateescape``, which carries only the surrogates of undecodable bytes); its error
    handler is restored afterwards. Streams other than :class:`io.TextIOWrapper` are left alone (a
    :class:`io.StringIO` holds any text)."""
    if not isinstance(stream, io.TextIOWrapper) or stream.errors == _ESCAPE:
        yield
        return
    before = stream.errors
    stream.reconfigure(errors=_ESCAPE)
    try:
        yield
    finally:
        with contextlib.suppress(ValueError):  # closed meanwhile: nothing to restore
            stream.reconfigure(errors=before)


def plural(count: int, noun: str, nouns: str | None = None) -> str:
    """``"1 problem"``, ``"3 problems"``; ``nouns`` for an irregular plural."""
    if count == 1:
        return f"1 {noun}"
    return f"{count} {nouns if nouns is not None else noun + 's'}"
