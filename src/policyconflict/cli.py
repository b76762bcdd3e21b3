"""The ``policyconflict`` command line, for pipelines and quick questions.

``policyconflict validate``, ``convert``, ``query``, ``schema`` and ``gazetteer``; run
``policyconflict COMMAND --help`` for each one's options, or read the CLI reference in the docs.

Exit status: 0 on success; 1 when the input is invalid or the answer is "no" (a document with
problems, a place that is not found); 2 for a usage error or a file that cannot be read or
written; 130 when interrupted; 141 when the reader of standard output goes away (``... | head``).
Errors are one plain message on standard error, naming the file they come from, never a
traceback. Text that the output's encoding cannot carry (a lone surrogate in a key) is
written escaped (``\\ud800``), never a crash.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence
from typing import TextIO

from policyconflict._cli import convert, export, lookup, plot, query, validate
from policyconflict._cli._files import describe_os_error
from policyconflict._cli._output import escaping
from policyconflict._cli._usage import COMMAND_PARSER, Located, UsageError
from policyconflict.errors import PolicyConflictError, render_problem

__all__ = ["EXIT_CLOSED_PIPE", "EXIT_INVALID", "EXIT_OK", "EXIT_USAGE", "build_parser", "main"]

EXIT_OK = 0
"""Success: the input is valid, the question was answered."""
EXIT_INVALID = 1
"""The input is invalid, or what was asked for does not exist."""
EXIT_USAGE = 2
"""The command was used wrongly, or a file could not be read or written."""
EXIT_CLOSED_PIPE = 141
"""Standard output was closed by its reader: 128 + SIGPIPE, what a shell reports for a program
that a closed pipe ended (``yes | head -1`` under ``set -o pipefail``)."""
_EXIT_INTERRUPTED = 130
_PROG = "policyconflict"


def build_parser() -> argparse.ArgumentParser:
    """The argument parser of the command line, with one sub-parser per command."""
    from policyconflict import __version__

    parser = argparse.ArgumentParser(
        prog=_PROG,
        description="Validate, convert and query policy-conflict stories and corpora.",
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    commands = parser.add_subparsers(title="commands", metavar="COMMAND", required=True)
    validate.register(commands)
    convert.register(commands)
    query.register(commands)
    export.register(commands)
    plot.register(commands)

    lookup.register(commands)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line with ``argv`` (default: ``sys.argv[1:]``); return the exit status."""
    out: TextIO = sys.stdout
    err: TextIO = sys.stderr
    with escaping(out), escaping(err):
        parser = build_parser()
        args = parser.parse_args(argv)
        return _run(parser, args, out, err)


def _run(
    parser: argparse.ArgumentParser, args: argparse.Namespace, out: TextIO, err: TextIO
) -> int:
    try:
        status: int = args.run(args, out, err)
        out.flush()
    except UsageError as error:
        command: argparse.ArgumentParser = getattr(args, COMMAND_PARSER, parser)
        command.print_usage(err)
        err.write(f"{command.prog}: error: {error}\n")
        return EXIT_USAGE
    except BrokenPipeError:
        # The reader went away (`policyconflict query ... | head`): stop quietly, with the
        # status a shell reports for a program ended by SIGPIPE, and keep Python from
        # complaining again when it flushes stdout at exit.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return EXIT_CLOSED_PIPE
    except OSError as error:
        err.write(f"{_PROG}: error: {describe_os_error(error)}\n")
        return EXIT_USAGE
    except Located as error:
        err.write(f"{_PROG}: error: {error.where}: {_describe(error.error)}\n")
        return EXIT_INVALID
    except PolicyConflictError as error:
        err.write(f"{_PROG}: error: {_describe(error)}\n")
        return EXIT_INVALID
    except KeyboardInterrupt:
        err.write(f"{_PROG}: interrupted\n")
        return _EXIT_INTERRUPTED
    return status


def _describe(error: PolicyConflictError) -> str:
    problems = getattr(error, "problems", None)
    if problems:
        lines = [f"{len(problems)} problem{'s' if len(problems) != 1 else ''}:"]
        lines += [f"  {render_problem(p)}" for p in problems]
        return "\n".join(lines)
    text = str(error)
    if isinstance(error, KeyError) and len(error.args) == 1 and text == repr(error.args[0]):
        text = str(error.args[0])  # a KeyError shows its message quoted: show it as it is
    return text
