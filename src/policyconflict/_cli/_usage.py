"""What every command shares: the usage error, the signature of a command's ``run``, and the
way a command is added so that its own usage is shown when it is used wrongly."""

from __future__ import annotations

import argparse
import contextlib
from collections.abc import Callable, Iterator
from typing import Any, TextIO, TypeAlias

from policyconflict.errors import PolicyConflictError

__all__ = [
    "COMMAND_PARSER",
    "Located",
    "Run",
    "UsageError",
    "add_command",
    "add_format",
    "located",
]

Run: TypeAlias = Callable[[argparse.Namespace, TextIO, TextIO], int]
"""A command: its parsed arguments, standard output and standard error in; an exit code out."""

COMMAND_PARSER = "command_parser"
"""The attribute of the parsed arguments that holds the parser of the command that was run."""


class UsageError(Exception):
    """Arguments that argparse accepts but that do not make sense together (exit status 2)."""


def add_command(commands: Any, name: str, **options: Any) -> argparse.ArgumentParser:
    """``commands.add_parser(name, **options)``, remembered in the parsed arguments so that a
    :class:`UsageError` raised while it runs prints this command's usage (``policyconflict
    query conflicts ...``), not the program's."""
    parser: argparse.ArgumentParser = commands.add_parser(name, **options)
    parser.set_defaults(**{COMMAND_PARSER: parser})
    return parser


def add_format(parser: argparse.ArgumentParser, *choices: str) -> None:
    """The ``--format`` option: ``text`` for people (the default) or machine-readable output."""
    parser.add_argument(
        "--format",
        choices=("text", *choices),
        default="text",
        help="output format (default: text)",
    )


class Located(Exception):
    """A library error met while working on ``where`` (a file name, or the files a question is
    asked of): the command line prints ``where: message``."""

    def __init__(self, where: str, error: PolicyConflictError) -> None:
        super().__init__(where, error)
        self.where = where
        self.error = error


@contextlib.contextmanager
def located(where: str) -> Iterator[None]:
    """Re-raise a :class:`~policyconflict.errors.PolicyConflictError` of the body as
    :class:`Located` at ``where``, so that its message names the file it comes from."""
    try:
        yield
    except PolicyConflictError as error:
        raise Located(where, error) from error
