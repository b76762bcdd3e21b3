"""What every command shares: the usage error and the signature of a command's ``run``."""

from __future__ import annotations

import argparse
from collections.abc import Callable
from typing import TextIO, TypeAlias

__all__ = ["Run", "UsageError", "add_format"]

Run: TypeAlias = Callable[[argparse.Namespace, TextIO, TextIO], int]
"""A command: its parsed arguments, standard output and standard error in; an exit code out."""


class UsageError(Exception):
    """Arguments that argparse accepts but that do not make sense together (exit status 2)."""


def add_format(parser: argparse.ArgumentParser, *choices: str) -> None:
    """The ``--format`` option: ``text`` for people (the default) or machine-readable output."""
    parser.add_argument(
        "--format",
        choices=("text", *choices),
        default="text",
        help="output format (default: text)",
    )
