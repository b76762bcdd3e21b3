"""``policyconflict plot timeline|positions FILE -o OUT``: pictures of a story (matplotlib)."""

from __future__ import annotations

import argparse
from typing import Any, TextIO

from policyconflict._cli import _formats
from policyconflict._cli._files import atomic_writer
from policyconflict._cli._usage import UsageError

__all__ = ["register"]


def register(commands: Any) -> None:
    """Add the ``plot`` command with its ``timeline`` and ``positions`` pictures."""
    parser = commands.add_parser(
        "plot",
        help="draw a story's timeline or the positions on a target (needs matplotlib)",
        description=(
            "Draw a picture of the story in FILE (a story document) to OUT; the format is "
            "OUT's extension (.svg, .png, .pdf). Needs the plot extra: pip install "
            "'policyconflict[plot]'."
        ),
    )
    pictures = parser.add_subparsers(title="pictures", metavar="PICTURE", required=True)
    timeline = pictures.add_parser(
        "timeline",
        help="laws' status over time, rulings, deployments and statements",
        description=(
            "Each law's status over time as bands (in force, enjoined, stayed, struck), rulings "
            "as marks, deployments and their phases as bars, statements as points coloured by "
            "stance."
        ),
    )
    positions = pictures.add_parser(
        "positions",
        help="who supported and who opposed a target, grouped by level of government",
        description=(
            "The actors with a position on TARGET (from statements and relations), grouped by "
            "level of government, linked to the target and coloured by stance."
        ),
    )
    positions.add_argument("--target", required=True, metavar="ID", help="the target's id")
    for sub in (timeline, positions):
        sub.add_argument("file", metavar="FILE", help="the story document")
        sub.add_argument("-o", "--output", required=True, metavar="OUT", help="the picture file")
        sub.set_defaults(run=run, picture=sub.prog.rsplit(" ", 1)[-1])


def run(args: argparse.Namespace, _out: TextIO, err: TextIO) -> int:
    """Draw."""
    from policyconflict.interop import plot

    suffix = args.output.rsplit(".", 1)[-1].lower() if "." in args.output else ""
    if suffix not in ("svg", "png", "pdf"):
        raise UsageError(
            f"cannot tell the picture format of {args.output!r}: use .svg, .png or .pdf"
        )
    story = _formats.load_story(args.file, err)
    if args.picture == "timeline":
        figure = plot.timeline_figure(story)
    else:
        figure = plot.positions_figure(story, args.target)
    with atomic_writer(args.output) as handle:
        figure.savefig(handle, format=suffix)
    return 0
