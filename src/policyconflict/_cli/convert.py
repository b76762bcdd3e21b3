"""``policyconflict convert``: story document ↔ JSON Lines corpus, and safe canonicalization."""

from __future__ import annotations

import argparse
from typing import Any, TextIO

from policyconflict._cli import _formats
from policyconflict._cli._files import STDIO, atomic_writer
from policyconflict._cli._usage import UsageError
from policyconflict.story import Story

__all__ = ["register"]


def register(commands: Any) -> None:
    """Add the ``convert`` command."""
    parser = commands.add_parser(
        "convert",
        help="convert between a story document and a JSON Lines corpus, or canonicalize",
        description=(
            "Read IN (a story document or a JSON Lines corpus) and write it to OUT in the kind "
            "OUT's name asks for (.json: a story document; .jsonl or .ndjson: a corpus; use "
            "--to for other names and for - , standard output). The output is always canonical. "
            "With --in-place, rewrite one FILE canonically in its own kind. OUT is replaced "
            "only once the new content is complete: a failure leaves it untouched."
        ),
    )
    parser.add_argument("paths", nargs="+", metavar="IN [OUT]", help="input, then output")
    parser.add_argument(
        "--in-place", action="store_true", help="rewrite the one file given canonically"
    )
    parser.add_argument(
        "--to", choices=("story", "corpus"), help="the kind to write (default: from OUT's name)"
    )
    parser.add_argument("--id", help="the story id, when a corpus becomes one story")
    parser.add_argument("--title", help="the story title, when a corpus becomes one story")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace, _out: TextIO, err: TextIO) -> int:
    """Convert, or canonicalize in place."""
    if args.in_place:
        if len(args.paths) != 1:
            raise UsageError("--in-place takes exactly one FILE")
        source = target = args.paths[0]
        if source == STDIO:
            raise UsageError("--in-place needs a file, not standard input")
    else:
        if len(args.paths) != 2:
            raise UsageError("convert takes IN and OUT (or --in-place FILE)")
        source, target = args.paths
    kind_in = _formats.kind_of(source, err)
    kind_out = args.to or (kind_in if args.in_place else _formats.kind_of_name(target))
    if kind_out is None:
        raise UsageError(
            f"cannot tell what kind of file {target!r} should be: "
            "give it a .json, .jsonl or .ndjson name, or use --to story|corpus"
        )
    if args.in_place and kind_out != kind_in:
        raise UsageError("--in-place keeps the file's kind; convert to another file instead")
    stories = _read(source, kind_in, err)
    if kind_out == "story":
        story = _one_story(stories, args.id, args.title, source)
        _write_story(story, target)
    else:
        _write_corpus(stories, target)
    return 0


def _read(name: str, kind: _formats.Kind, err: TextIO) -> list[Story]:
    if kind == "story":
        return [_formats.load_story(name, err)]
    return list(_formats.load_stories(name, err))


def _one_story(stories: list[Story], story_id: str | None, title: str | None, name: str) -> Story:
    """The one story to write: the only story read, or all entities merged under a new id."""
    if len(stories) == 1 and story_id is None and title is None:
        return stories[0]
    if story_id is None or title is None:
        raise UsageError(
            f"{name!r} holds {len(stories)} stories: give --id and --title for the one story "
            "that gathers their entities"
        )
    entities = {e.id: e for story in stories for e in story.entities()}
    return Story.from_entities(id=story_id, title=title, entities=entities.values())


def _write_story(story: Story, target: str) -> None:
    from policyconflict.serialization import dumps

    data = (dumps(story) + "\n").encode("utf-8")
    with atomic_writer(target) as handle:
        handle.write(data)


def _write_corpus(stories: list[Story], target: str) -> None:
    from policyconflict.serialization.jsonl import write_jsonl

    with atomic_writer(target) as handle:
        write_jsonl(stories, handle)
