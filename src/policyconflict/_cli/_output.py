"""Printing results: aligned plain-text tables for people, JSON for programs."""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any, TextIO

__all__ = ["cell", "plural", "print_json", "print_table"]

_ELLIPSIS = "…"


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
    """``value`` as indented JSON with sorted keys and a final newline."""
    out.write(json.dumps(value, indent=2, sort_keys=True, ensure_ascii=False) + "\n")


def plural(count: int, noun: str, nouns: str | None = None) -> str:
    """``"1 problem"``, ``"3 problems"``; ``nouns`` for an irregular plural."""
    if count == 1:
        return f"1 {noun}"
    return f"{count} {nouns if nouns is not None else noun + 's'}"
