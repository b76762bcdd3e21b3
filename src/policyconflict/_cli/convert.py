"""``policyconflict convert``: story document ↔ JSON Lines corpus, merging several inputs, and
safe canonicalization."""

from __future__ import annotations

import argparse
from typing import Any, TextIO

from policyconflict._cli import _formats
from policyconflict._cli._files import STDIO, atomic_writer
from policyconflict._cli._usage import UsageError, add_command, located
from policyconflict.story import Story

__all__ = ["register"]


def register(commands: Any) -> None:
    """Add the ``convert`` command."""
    parser = add_command(
        commands,
        "convert",
        help="convert between a story document and a JSON Lines corpus, or canonicalize",
        description=(
            "Read IN (a story document or a JSON Lines corpus) and write it to OUT in the kind "
            "OUT's name asks for (.json: a story document; .jsonl or .ndjson: a corpus; use "
            "--to for other names and for - , standard output). The output is always canonical. "
            "Several INs are read in turn. A story document written from several stories "
            "merges them (the merging rules: every citation kept, names become aliases, "
            "differing facts become claims); a corpus keeps them apart unless --merge is "
            "given. With --in-place, rewrite one FILE canonically in its own kind. OUT is "
            "replaced only once the new content is complete: a failure leaves it untouched."
        ),
    )
    parser.add_argument("paths", nargs="+", metavar="IN... [OUT]", help="inputs, then output")
    parser.add_argument(
        "--in-place", action="store_true", help="rewrite the one file given canonically"
    )
    parser.add_argument(
        "--to", choices=("story", "corpus"), help="the kind to write (default: from OUT's name)"
    )
    parser.add_argument(
        "--merge", action="store_true", help="write a corpus of the one merged story"
    )
    parser.add_argument("--id", help="the story id, when several stories become one")
    parser.add_argument("--title", help="the story title, when several stories become one")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace, _out: TextIO, err: TextIO) -> int:
    """Convert, or canonicalize in place."""
    if args.in_place:
        if len(args.paths) != 1:
            raise UsageError("--in-place takes exactly one FILE")
        source = target = args.paths[0]
        sources = [source]
        if source == STDIO:
            raise UsageError("--in-place needs a file, not standard input")
    else:
        if len(args.paths) < 2:
            raise UsageError("convert takes IN... and OUT (or --in-place FILE)")
        *sources, target = args.paths
    kinds_in = [_formats.kind_of(name, err) for name in sources]
    kind_out = args.to or (kinds_in[0] if args.in_place else _formats.kind_of_name(target))
    if kind_out is None:
        raise UsageError(
            f"cannot tell what kind of file {target!r} should be: "
            "give it a .json, .jsonl or .ndjson name, or use --to story|corpus"
        )
    if args.in_place and kind_out != kinds_in[0]:
        raise UsageError("--in-place keeps the file's kind; convert to another file instead")
    stories: list[Story] = []
    for name, kind in zip(sources, kinds_in, strict=True):
        with located(name):
            stories.extend(_read(name, kind, err))
    names = ", ".join(map(repr, sources))
    with located(target):
        if kind_out == "story":
            _write_story(_one_story(stories, args.id, args.title, names), target)
        elif args.merge:
            _write_corpus([_one_story(stories, args.id, args.title, names)], target)
        else:
            _write_corpus(stories, target)
    return 0


def _read(name: str, kind: _formats.Kind, err: TextIO) -> list[Story]:
    if kind == "story":
        return [_formats.load_story(name, err)]
    return list(_formats.load_stories(name, err))


def _one_story(stories: list[Story], story_id: str | None, title: str | None, names: str) -> Story:
    """The one story to write: the only story read, or the stories merged under a new id."""
    from policyconflict.merge import merge

    if len(stories) == 1 and story_id is None and title is None:
        return stories[0]
    if story_id is None or title is None:
        raise UsageError(
            f"{len(stories)} stories were read ({names}): give --id and --title for the one "
            "story that merges them"
        )
    return merge(stories, id=story_id, title=title)


def _write_story(story: Story, target: str) -> None:
    from policyconflict.serialization import dumps

    data = (dumps(story) + "\n").encode("utf-8")
    with atomic_writer(target) as handle:
        handle.write(data)


def _write_corpus(stories: list[Story], target: str) -> None:
    from policyconflict.serialization.jsonl import write_jsonl

    with atomic_writer(target) as handle:
        write_jsonl(stories, handle)
