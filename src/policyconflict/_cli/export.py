"""``policyconflict export FILE --to FORMAT -o OUT``: a story in another format."""

from __future__ import annotations

import argparse
import io
from typing import Any, TextIO

import orjson

from policyconflict._cli import _formats
from policyconflict._cli._files import STDIO, atomic_writer
from policyconflict._cli._usage import UsageError, located
from policyconflict.story import Story

__all__ = ["FORMATS", "register"]

FORMATS = ("ftm", "popolo", "jsonld", "plover", "gexf", "graphml", "parquet", "csv")
TABLES = ("parquet", "csv")
"""The formats written as a directory of tables (policyconflict.columnar)."""


def register(commands: Any) -> None:
    """Add the ``export`` command."""
    parser = commands.add_parser(
        "export",
        help="write a story in another format (FollowTheMoney, Popolo, JSON-LD, PLOVER, graphs)",
        description=(
            "Read FILE (a story document or a JSON Lines corpus; - is standard input) and write "
            "it to OUT in FORMAT: ftm (FollowTheMoney entities, one JSON object a line), popolo "
            "(a Popolo JSON document), jsonld (schema.org JSON-LD), plover (PLOVER event records "
            "of the statements and events), gexf or graphml (the graph of entities, references "
            "and relations), parquet (a Parquet dataset in directory OUT, one hive partition "
            "per table: kind=statements/...) or csv (one OUT/<table>.csv per table). A corpus "
            "of several stories is exported as one story gathering their entities, except to "
            "parquet and csv, which keep the stories (those sharing an id merged). Some formats "
            "need an optional extra: pip install 'policyconflict[interop]' or "
            "'policyconflict[columnar]'. OUT is replaced only once the output is complete; a "
            "directory OUT must not hold a Parquet dataset yet. A terminal shows progress."
        ),
    )
    parser.add_argument("file", metavar="FILE", help="the story document or corpus to export")
    parser.add_argument(
        "--to",
        required=True,
        nargs="+",
        metavar=("FORMAT", "DIR"),
        help=f"the format to write ({', '.join(FORMATS)}), and for parquet or csv the directory",
    )
    parser.add_argument(
        "-o", "--output", default=None, metavar="OUT", help="where to write (default: -)"
    )
    parser.set_defaults(run=run)


def _story(name: str, err: TextIO) -> Story:
    if _formats.kind_of(name, err) == "story":
        return _formats.load_story(name, err)
    stories = list(_formats.load_stories(name, err))
    if len(stories) == 1:
        return stories[0]
    entities = {e.id: e for story in stories for e in story.entities()}
    return Story.from_entities(
        id="export", title=f"{len(stories)} stories from {name}", entities=entities.values()
    )


def render(story: Story, to: str) -> bytes:
    """The bytes of ``story`` in format ``to`` (one of :data:`FORMATS`)."""
    indent = orjson.OPT_INDENT_2
    if to == "ftm":
        from policyconflict.interop.ftm import write_ftm

        buffer = io.BytesIO()
        write_ftm(story, buffer)
        return buffer.getvalue()
    if to == "popolo":
        from policyconflict.interop.popolo import to_popolo

        return orjson.dumps(to_popolo(story), option=indent) + b"\n"
    if to == "jsonld":
        from policyconflict.interop.jsonld import dumps_jsonld

        return dumps_jsonld(story) + b"\n"
    if to == "plover":
        from policyconflict.interop.plover import to_plover

        return orjson.dumps(to_plover(story.entities()), option=indent) + b"\n"
    from policyconflict.interop import graph

    buffer = io.BytesIO()
    (graph.write_gexf if to == "gexf" else graph.write_graphml)(story, buffer)
    return buffer.getvalue()


def run(args: argparse.Namespace, _out: TextIO, err: TextIO) -> int:
    """Export."""
    to, *rest = args.to
    if to not in FORMATS:
        raise UsageError(f"--to: {to!r} is not one of {', '.join(FORMATS)}")
    if len(rest) > 1 or (rest and args.output is not None):
        raise UsageError("give the output once: --to FORMAT DIR, or -o OUT")
    target = rest[0] if rest else args.output
    if to in TABLES:
        if target is None or target == STDIO:
            raise UsageError(f"--to {to} writes a directory: give --to {to} DIR")
        return _tables(args.file, to, target, err)
    data = render(_story(args.file, err), to)
    with atomic_writer(STDIO if target is None else target) as handle:
        handle.write(data)
    return 0


def _stories(name: str, err: TextIO) -> list[Story]:
    """The stories of ``name``, those sharing an id merged (in order of first appearance)."""
    from policyconflict.merge import merge

    if _formats.kind_of(name, err) == "story":
        return [_formats.load_story(name, err)]
    groups: dict[str, list[Story]] = {}
    for story in _formats.load_stories(name, err):
        groups.setdefault(story.id, []).append(story)
    return [group[0] if len(group) == 1 else merge(group) for group in groups.values()]


def _tables(name: str, to: str, target: str, err: TextIO) -> int:
    from policyconflict import columnar

    with located(name):
        stories = _stories(name, err)
    progress = _TableProgress(to, err)
    with located(target):
        try:
            if to == "parquet":
                columnar.write_parquet(stories, target, progress=progress)
            else:
                columnar.write_csv(stories, target, progress=progress)
        finally:
            progress.finish()
    return 0


class _TableProgress:
    """``writing parquet: 12 of 70 tables (statements)`` redrawn in place on a terminal;
    nothing when standard error is not one."""

    def __init__(self, to: str, stream: TextIO) -> None:
        self.to = to
        self.stream = stream
        self.enabled = stream.isatty()
        self.drawn = False

    def __call__(self, table: str, done: int, total: int) -> None:
        if self.enabled:
            self.stream.write(f"\r\x1b[Kwriting {self.to}: {done} of {total} tables ({table})")
            self.stream.flush()
            self.drawn = True

    def finish(self) -> None:
        if self.drawn:
            self.stream.write("\r\x1b[K")
            self.stream.flush()
