"""``policyconflict export FILE --to FORMAT -o OUT``: a story in another format."""

from __future__ import annotations

import argparse
import io
from typing import Any, TextIO

import orjson

from policyconflict._cli import _formats
from policyconflict._cli._files import STDIO, atomic_writer
from policyconflict.story import Story

__all__ = ["FORMATS", "register"]

FORMATS = ("ftm", "popolo", "jsonld", "plover", "gexf", "graphml")


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
            "and relations). A corpus of several stories is exported as one story gathering "
            "their entities. Some formats need an optional extra: pip install "
            "'policyconflict[interop]'. OUT is replaced only once the output is complete."
        ),
    )
    parser.add_argument("file", metavar="FILE", help="the story document or corpus to export")
    parser.add_argument("--to", required=True, choices=FORMATS, help="the format to write")
    parser.add_argument(
        "-o", "--output", default=STDIO, metavar="OUT", help="where to write (default: -)"
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
    data = render(_story(args.file, err), args.to)
    with atomic_writer(args.output) as handle:
        handle.write(data)
    return 0
