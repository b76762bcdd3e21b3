"""Which kind of file an input is — one story document or a JSON Lines corpus — and loading
either through :mod:`policyconflict.serialization`."""

from __future__ import annotations

import contextlib
import io
import json
import sys
from collections.abc import Iterator
from pathlib import PurePath
from typing import BinaryIO, Literal, TextIO

from policyconflict._cli._files import STDIO, open_input
from policyconflict.errors import Problem, ValidationError
from policyconflict.story import Entity, Story

__all__ = [
    "CORPUS_SUFFIXES",
    "STORY_SUFFIXES",
    "Kind",
    "count_entities",
    "kind_of",
    "kind_of_name",
    "load_entities",
    "load_story",
    "open_source",
    "problems_of",
    "sniff",
]

Kind = Literal["story", "corpus"]

STORY_SUFFIXES = (".json",)
"""File name endings of one story document."""
CORPUS_SUFFIXES = (".jsonl", ".ndjson")
"""File name endings of a JSON Lines corpus."""

_SNIFF_BYTES = 1 << 16
_stdin: list[bytes] = []


def kind_of_name(name: str) -> Kind | None:
    """The kind a file name's ending promises, or ``None`` when it promises nothing."""
    if name == STDIO:
        return None
    suffix = PurePath(name).suffix.lower()
    if suffix in STORY_SUFFIXES:
        return "story"
    if suffix in CORPUS_SUFFIXES:
        return "corpus"
    return None


def sniff(head: bytes) -> Kind:
    """The kind of a file from its first bytes.

    A corpus is one JSON object per line; a story is one JSON object, on one line (as this
    library writes it) or spread over many (as an editor may). So: two lines that each hold a
    whole object make a corpus; a first line that is a whole object with a ``type`` tag and no
    story keys is a corpus line; anything else is read as a story, whose loader then reports
    what is wrong with it.
    """
    lines = [line.strip() for line in head.splitlines() if line.strip()]
    if len(lines) >= 2 and all(_is_object_line(line) for line in lines[:2]):
        return "corpus"
    if lines and _is_object_line(lines[0]):
        try:
            value = json.loads(lines[0])
        except ValueError:
            return "story"
        if isinstance(value, dict) and "type" in value and "title" not in value:
            return "corpus"
    return "story"


def _is_object_line(line: bytes) -> bool:
    return line.startswith(b"{") and line.endswith(b"}")


@contextlib.contextmanager
def open_source(name: str, err: TextIO) -> Iterator[BinaryIO]:
    """Input ``name`` as a binary stream, with progress on a terminal. Standard input is read
    once and kept, so that its kind can be sniffed before it is loaded."""
    if name != STDIO:
        with open_input(name, err) as handle:
            yield handle
        return
    if not _stdin:
        with open_input(name, err) as handle:
            _stdin.append(handle.read())
    yield io.BytesIO(_stdin[0])


def kind_of(name: str, err: TextIO) -> Kind:
    """The kind of input ``name``: by its ending, else by its content."""
    known = kind_of_name(name)
    if known is not None:
        return known
    with open_source(name, err) as handle:
        head = handle.read(_SNIFF_BYTES)
    return sniff(head)


def load_story(name: str, err: TextIO) -> Story:
    """The story in document ``name``; :class:`ValidationError` with every problem."""
    from policyconflict.serialization import loads

    with open_source(name, err) as handle:
        data = handle.read()
    return loads(data)


def load_entities(name: str, err: TextIO) -> Iterator[Entity]:
    """The entities of corpus ``name``, streamed."""
    from policyconflict import serialization

    with open_source(name, err) as handle:
        yield from serialization.iter_jsonl(handle)  # type: ignore[attr-defined]


def count_entities(name: str, kind: Kind, err: TextIO) -> int:
    """Load input ``name`` as ``kind`` and count its entities; :class:`ValidationError` with
    every problem when it is invalid."""
    if kind == "story":
        return sum(1 for _ in load_story(name, err).entities())
    return sum(1 for _ in load_entities(name, err))


def problems_of(error: ValidationError) -> tuple[Problem, ...]:
    """The problems of ``error`` (at least one)."""
    return error.problems or (Problem(path="$", code="invalid", message=str(error)),)


def stdin_is_terminal() -> bool:
    """Whether standard input is a terminal (reading it would wait for typing)."""
    return sys.stdin is not None and sys.stdin.isatty()
