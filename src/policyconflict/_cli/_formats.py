"""Which kind of file an input is — one story document or a JSON Lines corpus — and loading
either through :mod:`policyconflict.serialization`."""

from __future__ import annotations

import contextlib
import io
import json
import re
from collections.abc import Iterable, Iterator, Sequence
from pathlib import PurePath
from typing import Any, BinaryIO, Literal, TextIO

import attrs

from policyconflict._cli._files import STDIO, open_input
from policyconflict.errors import Problem, ValidationError
from policyconflict.story import Story

__all__ = [
    "CORPUS_SUFFIXES",
    "STORY_SUFFIXES",
    "Kind",
    "count_entities",
    "kind_of",
    "kind_of_name",
    "load_stories",
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


def load_stories(name: str, err: TextIO) -> Iterator[Story]:
    """The stories of input ``name`` — one for a story document, each story of a corpus in
    turn (streamed) — as its kind says."""
    if kind_of(name, err) == "story":
        yield load_story(name, err)
        return
    from policyconflict.serialization.jsonl import read_stories

    with open_source(name, err) as handle:
        yield from read_stories(handle)


def count_entities(name: str, kind: Kind, err: TextIO) -> int:
    """Load input ``name`` as ``kind`` and count its entities; :class:`ValidationError` with
    every problem when it is invalid — for a corpus, the problems of every line and of every
    story, not only the first one found."""
    if kind == "story":
        return sum(1 for _ in load_story(name, err).entities())
    from policyconflict.serialization.jsonl import read_stories

    try:
        with open_source(name, err) as handle:
            return sum(sum(1 for _ in story.entities()) for story in read_stories(handle))
    except ValidationError:
        pass  # the fast pass stops at the first problem: look again, line by line
    with open_source(name, err) as handle:
        problems = _corpus_problems(handle)
    raise ValidationError(problems)


_LINE_PATH = re.compile(r"line ([0-9]+): ")


def _renumber(problems: Iterable[Problem], numbers: Sequence[int]) -> list[Problem]:
    """Problems found in a small corpus made of some lines of a big one, with the big one's
    line numbers (``numbers[k - 1]`` is the number of the small one's line ``k``)."""

    def fix(problem: Problem) -> Problem:
        def number(match: re.Match[str]) -> str:
            k = int(match.group(1))
            return f"line {numbers[k - 1] if 0 < k <= len(numbers) else k}: "

        return attrs.evolve(problem, path=_LINE_PATH.sub(number, problem.path, count=1))

    return [fix(p) for p in problems]


def _corpus_problems(handle: BinaryIO) -> list[Problem]:
    """Every problem of a corpus: each line checked on its own after the header, then each
    story checked as a whole — a story whose lines are all good exactly as the loader checks
    it, and a story with bad lines for the references among the entities of its good lines.

    Each line (or story) is checked as a small corpus of the header and that line (or the
    story's lines), so the checks are exactly the loader's; only the line numbers are mapped
    back. One story's lines are held in memory at a time.
    """
    from policyconflict.serialization._references import failed_ids, problems_among
    from policyconflict.serialization.jsonl import StoryStart, iter_jsonl, read_stories

    problems: list[Problem] = []
    header: bytes | None = None
    in_story = False
    story_lines: list[tuple[int, bytes, Any]] = []  # the good lines: number, text, record
    missing: set[str] = set()  # the ids on the story's bad lines
    unreadable = False  # a bad line whose entity's id cannot be read
    story_ok = True

    def close_story() -> None:
        if header is None or not story_lines:
            return
        if story_ok:
            data = b"".join([header, *(line for _, line, _ in story_lines)])
            try:
                for _ in read_stories(io.BytesIO(data)):
                    pass
            except ValidationError as error:
                problems.extend(_renumber(error.problems, [1, *(n for n, _, _ in story_lines)]))
            return
        loaded = [
            (f"line {number}: $", record)
            for number, _, record in story_lines
            if not isinstance(record, StoryStart)
        ]
        problems.extend(problems_among(loaded, None if unreadable else missing))

    def open_story() -> None:
        nonlocal in_story, story_ok, unreadable
        close_story()
        story_lines.clear()
        missing.clear()
        in_story, story_ok, unreadable = True, True, False

    number = 0
    for number, raw in enumerate(handle, start=1):
        line = raw if raw.endswith(b"\n") else raw + b"\n"
        if header is None:
            try:
                for _ in iter_jsonl(io.BytesIO(line)):
                    pass
            except ValidationError as error:
                problems.extend(_renumber(error.problems, [number]))
                return problems  # without a good header no line can be read
            header = line
            continue
        try:
            records = list(iter_jsonl(io.BytesIO(header + line)))
        except ValidationError as error:
            problems.extend(_renumber(error.problems, [1, number]))
            value = _raw_value(line)
            if isinstance(value, dict) and value.get("type") == "story":
                open_story()  # a bad story record still opens a story
            ids = failed_ids(value)
            if isinstance(value, dict) and value.get("type") in ("header", "story"):
                ids = set()  # not an entity: no reference can be meant for it
            unreadable = unreadable or ids is None
            missing.update(ids or ())
            story_ok = False
            continue
        if isinstance(records[0], StoryStart):
            open_story()
            story_lines.append((number, line, records[0]))
        elif not in_story:
            problems.append(
                Problem(
                    path=f"line {number}: $",
                    code="outside-story",
                    message="an entity record comes before any story record",
                )
            )
        else:
            story_lines.append((number, line, records[0]))
    close_story()
    if header is None:
        problems.append(
            Problem(
                path=f"line {number + 1}: $",
                code="missing-header",
                message="the corpus is empty: no header",
            )
        )
    return problems


def _raw_value(line: bytes) -> Any:
    """The JSON value on a bad line, if it is JSON at all (for the ids it holds)."""
    try:
        return json.loads(line)
    except (ValueError, RecursionError):  # not JSON, or nested too deep to read back here
        return None


def problems_of(error: ValidationError) -> tuple[Problem, ...]:
    """The problems of ``error`` (at least one)."""
    return error.problems or (Problem(path="$", code="invalid", message=str(error)),)
