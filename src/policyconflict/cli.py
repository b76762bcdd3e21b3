"""The ``policyconflict`` command line, for pipelines and quick questions.

``policyconflict validate``, ``convert``, ``query``, ``schema`` and ``gazetteer``; run
``policyconflict COMMAND --help`` for each one's options, or read the CLI reference in the docs.

Exit status: 0 on success; 1 when the input is invalid or the answer is "no" (a document with
problems, a place that is not found); 2 for a usage error or a file that cannot be read or
written; 130 when interrupted. Errors are one plain line on standard error, never a traceback.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence
from typing import TextIO

from policyconflict._cli import convert, export, lookup, plot, query, validate
from policyconflict._cli._files import describe_os_error
from policyconflict._cli._usage import UsageError
from policyconflict.errors import PolicyConflictError, render_problem

__all__ = ["EXIT_INVALID", "EXIT_OK", "EXIT_USAGE", "build_parser", "main"]

EXIT_OK = 0
"""Success: the input is valid, the question was answered."""
EXIT_INVALID = 1
"""The input is invalid, or what was asked for does not exist."""
EXIT_USAGE = 2
"""The command was used wrongly, or a file could not be read or written."""
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
    parser = build_parser()
    args = parser.parse_args(argv)
    out: TextIO = sys.stdout
    err: TextIO = sys.stderr
    try:
        status: int = args.run(args, out, err)
        out.flush()
    except UsageError as error:
        parser.print_usage(err)
        err.write(f"{_PROG}: error: {error}\n")
        return EXIT_USAGE
    except BrokenPipeError:
        # The reader went away (`policyconflict query ... | head`): stop quietly, and keep
        # Python from complaining again when it flushes stdout at exit.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return EXIT_INVALID
    except OSError as error:
        err.write(f"{_PROG}: error: {describe_os_error(error)}\n")
        return EXIT_USAGE
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
    return str(error)
