"""``policyconflict validate FILE...``: check story documents and corpora, report every problem."""

from __future__ import annotations

import argparse
from typing import Any, TextIO

import attrs

from policyconflict._cli import _formats
from policyconflict._cli._files import os_reason
from policyconflict._cli._output import plural, print_json
from policyconflict._cli._usage import add_command, add_format
from policyconflict.errors import Problem, ValidationError

__all__ = ["FileReport", "check_file", "register"]


@attrs.frozen(kw_only=True)
class FileReport:
    """What validating one file found: its kind, its problems, or why it could not be read."""

    file: str
    kind: str | None
    problems: tuple[Problem, ...] = ()
    entities: int | None = None
    error: str | None = None
    disputed: int | None = None
    """Merged files only: how many fields the stories dispute."""

    @property
    def valid(self) -> bool:
        """Read, and without problems."""
        return self.error is None and not self.problems

    def to_json(self) -> dict[str, Any]:
        """The report as plain JSON values."""
        return {
            "file": self.file,
            "kind": self.kind,
            "valid": self.valid,
            "entities": self.entities,
            **({} if self.disputed is None else {"disputed": self.disputed}),
            "error": self.error,
            "problems": [attrs.asdict(p) for p in self.problems],
        }


def register(commands: Any) -> None:
    """Add the ``validate`` command."""
    parser = add_command(
        commands,
        "validate",
        help="check story documents and JSON Lines corpora",
        description=(
            "Check each FILE — a story document (.json) or a JSON Lines corpus (.jsonl, "
            ".ndjson; other names are recognised by their content; - is standard input) — and "
            "report every problem with its path, code and message. Exit status: 0 when every "
            "file is valid, 1 when one is not, 2 when one cannot be read."
        ),
    )
    parser.add_argument("files", nargs="+", metavar="FILE", help="files to check")
    parser.add_argument(
        "--merge",
        action="store_true",
        help="also check that the stories of every FILE merge (no id names two kinds of "
        "thing) and count the fields they dispute",
    )
    add_format(parser, "json")
    parser.set_defaults(run=run)


def check_file(name: str, err: TextIO) -> FileReport:
    """Validate one file; a file that cannot be read is reported, not raised."""
    kind: str | None = None
    try:
        kind = _formats.kind_of(name, err)
        count = _formats.count_entities(name, kind, err)
    except OSError as error:
        return FileReport(file=name, kind=kind, error=os_reason(error))
    except ValidationError as error:
        return FileReport(file=name, kind=kind, problems=_formats.problems_of(error))
    return FileReport(file=name, kind=kind, entities=count)


MERGED = "(merged)"
"""The name of the report on merging every file (``--merge``)."""


def check_merge(names: list[str], err: TextIO) -> FileReport:
    """Merge the stories of every file: the identity clashes (code ``identity-clash``) or the
    rules the merged story breaks are its problems; ``entities`` counts the merged entities and
    ``disputed`` the disputed fields."""
    from policyconflict.merge import IdentityClashError, MergeError, merge

    stories = [story for name in names for story in _formats.load_stories(name, err)]
    try:
        merged = merge(stories, id="story:merged", title="merged")
    except IdentityClashError as error:
        problems = tuple(
            Problem(path="$", code="identity-clash", message=c.describe()) for c in error.clashes
        )
        return FileReport(file=MERGED, kind="merge", problems=problems)
    except MergeError as error:
        return FileReport(file=MERGED, kind="merge", problems=error.problems)
    disputed = len({(c.entity, c.field) for c in merged.claims})
    count = sum(1 for _ in merged.entities())
    return FileReport(file=MERGED, kind="merge", entities=count, disputed=disputed)


def run(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    """Validate every file; the exit status is the worst outcome."""
    reports = [check_file(name, err) for name in args.files]
    if args.merge and all(r.valid for r in reports):
        reports.append(check_merge(args.files, err))
    if args.format == "json":
        print_json(
            out,
            {"valid": all(r.valid for r in reports), "files": [r.to_json() for r in reports]},
        )
    else:
        for report in reports:
            _print_report(out, report)
        if len(reports) > 1:
            bad = sum(not r.valid for r in reports)
            out.write(f"{plural(len(reports), 'file')} checked, {bad} with problems\n")
    if any(r.error is not None for r in reports):
        return 2
    return 0 if all(r.valid for r in reports) else 1


def _print_report(out: TextIO, report: FileReport) -> None:
    if report.error is not None:
        out.write(f"{report.file}: cannot read: {report.error}\n")
        return
    if report.valid:
        count = plural(report.entities or 0, "entity", "entities")
        if report.disputed is not None:
            count += f", {plural(report.disputed, 'disputed field')}"
        out.write(f"{report.file}: valid {report.kind} ({count})\n")
        return
    out.write(f"{report.file}: {plural(len(report.problems), 'problem')} in this {report.kind}\n")
    for problem in report.problems:
        out.write(f"{report.file}: {problem.path}: {problem.code}: {problem.message}\n")
