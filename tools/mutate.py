"""Mutation testing for one module: how many small deliberate bugs do its tests catch?

Usage (from the repository root, in the development venv)::

    python tools/mutate.py src/policyconflict/_lawstatus.py tests/test_status.py --sample 200

The tool parses the module, makes *mutants* (copies with one small change each: ``<``
becomes ``<=``, ``and`` becomes ``or``, a constant moves by one, a ``raise`` is removed, ...),
runs the given tests against each mutant and prints how many were *killed* (a test failed or
timed out) and which *survived* (every test passed), with their line numbers and changes, so that
the module's owner can add the missing tests.

How it runs, so that it is safe on a shared machine:

* The repository is never modified. The module's top-level package is copied to a temporary
  directory, which is put first on ``PYTHONPATH``; each mutant is written into that copy only.
* Each mutant runs ``python -m pytest -x -q -p no:cacheprovider TESTS`` in a subprocess with a time
  limit, with the ``mutate`` hypothesis profile of ``tests/conftest.py`` (few examples,
  derandomized, no example database). ``--jobs`` runs several mutants at once (default 1).
* The unmutated module is run first under coverage.py (when installed): the tests must pass on it,
  its time sets the time limit, and mutants on lines the tests never execute are reported as
  survivors ("not covered") without a run.

Excluding equivalent mutants: a line that ends with the comment ``# mutate: skip <reason>`` makes
no mutants (the reason is required). ``__all__``, docstrings, annotations, ``if TYPE_CHECKING:``
blocks and logging calls are never mutated. See ``tools/README.md``.
"""

from __future__ import annotations

import argparse
import ast
import compileall
import copy
import importlib.util
import os
import random
import re
import shlex
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

SKIP_MARKER = re.compile(r"#\s*mutate:\s*skip\b(?P<reason>.*)$")
_LOGGING_NAMES = frozenset({"logging", "logger", "log", "_logger", "_log", "LOGGER", "LOG"})
_SKIPPED_ASSIGNMENTS = frozenset({"__all__", "__slots__", "__match_args__"})

_COMPARE_SWAPS: dict[type[ast.cmpop], type[ast.cmpop]] = {
    ast.Lt: ast.LtE,
    ast.LtE: ast.Lt,
    ast.Gt: ast.GtE,
    ast.GtE: ast.Gt,
    ast.Eq: ast.NotEq,
    ast.NotEq: ast.Eq,
    ast.Is: ast.IsNot,
    ast.IsNot: ast.Is,
    ast.In: ast.NotIn,
    ast.NotIn: ast.In,
}
_BINOP_SWAPS: dict[type[ast.operator], type[ast.operator]] = {
    ast.Add: ast.Sub,
    ast.Sub: ast.Add,
    ast.Mult: ast.FloorDiv,
    ast.Div: ast.Mult,
    ast.FloorDiv: ast.Mult,
    ast.Mod: ast.FloorDiv,
    ast.Pow: ast.Mult,
    ast.LShift: ast.RShift,
    ast.RShift: ast.LShift,
    ast.BitOr: ast.BitAnd,
    ast.BitAnd: ast.BitOr,
    ast.BitXor: ast.BitAnd,
}


@dataclass(frozen=True)
class Mutant:
    """One change to the module: where, what, and the whole mutated source."""

    line: int
    kind: str
    before: str
    after: str
    source: str

    def describe(self) -> str:
        """The change as one line of text: ``line 12  comparison  `a < b` -> `a <= b```."""
        change = f"`{_short(self.before)}` -> `{_short(self.after)}`"
        return f"line {self.line:<5} {self.kind:<11} {change}"


@dataclass(frozen=True)
class Outcome:
    """What the tests did with one mutant."""

    mutant: Mutant
    killed: bool
    note: str = ""


def _short(text: str, width: int = 60) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 3] + "..."


# -- generating mutants --------------------------------------------------------------------------


def _skipped_lines(source: str) -> dict[int, str]:
    """Line numbers carrying ``# mutate: skip <reason>``; a marker without a reason is an error."""
    skipped: dict[int, str] = {}
    for number, text in enumerate(source.splitlines(), start=1):
        match = SKIP_MARKER.search(text)
        if match is None:
            continue
        reason = match.group("reason").strip()
        if not reason:
            raise SystemExit(f"line {number}: `# mutate: skip` needs a reason after it")
        skipped[number] = reason
    return skipped


def _is_docstring(node: ast.stmt, parent: ast.AST) -> bool:
    body = getattr(parent, "body", None)
    return (
        isinstance(body, list)
        and bool(body)
        and body[0] is node
        and isinstance(parent, ast.Module | ast.ClassDef | ast.FunctionDef | ast.AsyncFunctionDef)
        and isinstance(node, ast.Expr)
        and isinstance(node.value, ast.Constant)
        and isinstance(node.value.value, str)
    )


def _is_logging_call(node: ast.AST) -> bool:
    if isinstance(node, ast.Expr):
        node = node.value
    if not isinstance(node, ast.Call):
        return False
    func = node.func
    while isinstance(func, ast.Attribute):
        func = func.value
    return isinstance(func, ast.Name) and func.id in _LOGGING_NAMES


def _is_type_checking(node: ast.AST) -> bool:
    if not isinstance(node, ast.If):
        return False
    test = node.test
    name = test.attr if isinstance(test, ast.Attribute) else getattr(test, "id", None)
    return name == "TYPE_CHECKING"


def _assigns_skipped_name(node: ast.AST) -> bool:
    targets: list[ast.expr] = []
    if isinstance(node, ast.Assign):
        targets = node.targets
    elif isinstance(node, ast.AnnAssign | ast.AugAssign):
        targets = [node.target]
    return any(isinstance(t, ast.Name) and t.id in _SKIPPED_ASSIGNMENTS for t in targets)


def _children(node: ast.AST) -> Iterator[ast.AST]:
    """Child nodes worth mutating: annotations, f-strings and match patterns are left out."""
    for field, value in ast.iter_fields(node):
        if field in ("annotation", "returns", "type_comment"):
            continue
        if field == "pattern" and isinstance(node, ast.match_case):
            continue
        items = value if isinstance(value, list) else [value]
        for item in items:
            if isinstance(item, ast.AST):
                yield item


def _candidates(tree: ast.Module) -> Iterator[ast.AST]:
    """Every node of ``tree`` that may be mutated, in source order, skipping excluded regions."""

    def visit(node: ast.AST, parent: ast.AST) -> Iterator[ast.AST]:
        if isinstance(node, ast.JoinedStr) or _is_logging_call(node) or _is_type_checking(node):
            return
        if _assigns_skipped_name(node):
            return
        if isinstance(node, ast.stmt) and _is_docstring(node, parent):
            return
        yield node
        for child in _children(node):
            yield from visit(child, node)

    for child in _children(tree):
        yield from visit(child, tree)


def _variants(node: ast.AST) -> Iterator[tuple[str, ast.AST | None]]:
    """The mutations of one node: (kind, replacement); a replacement of None removes a statement."""
    if isinstance(node, ast.Compare):
        for index, op in enumerate(node.ops):
            swap = _COMPARE_SWAPS.get(type(op))
            if swap is not None:
                new = copy.deepcopy(node)
                new.ops[index] = swap()
                yield "comparison", new
    elif isinstance(node, ast.BoolOp):
        new_bool = copy.deepcopy(node)
        new_bool.op = ast.Or() if isinstance(node.op, ast.And) else ast.And()
        yield "boolean", new_bool
    elif isinstance(node, ast.UnaryOp) and isinstance(node.op, ast.Not | ast.USub | ast.Invert):
        yield "unary", copy.deepcopy(node.operand)
    elif isinstance(node, ast.BinOp | ast.AugAssign):
        swap_op = _BINOP_SWAPS.get(type(node.op))
        if swap_op is not None:
            new_op = copy.deepcopy(node)
            new_op.op = swap_op()
            yield "arithmetic", new_op
        if isinstance(node, ast.AugAssign):
            yield "statement", None
    elif isinstance(node, ast.Constant):
        yield from _constant_variants(node)
    elif isinstance(node, ast.Slice):
        for bound in ("lower", "upper"):
            value = getattr(node, bound)
            if value is not None and not isinstance(value, ast.Constant):
                new_slice = copy.deepcopy(node)
                setattr(new_slice, bound, ast.BinOp(value, ast.Add(), ast.Constant(1)))
                yield "slice", new_slice
                removed = copy.deepcopy(node)
                setattr(removed, bound, None)
                yield "slice", removed
    elif isinstance(node, ast.Return):
        # ``return None`` already, or a bool (whose constant swap is the better mutant): no change.
        if node.value is not None and not (
            isinstance(node.value, ast.Constant)
            and any(node.value.value is v for v in (None, True, False))
        ):
            yield "return", ast.Return(value=ast.Constant(None))
    elif isinstance(node, ast.Raise | ast.Assert | ast.Continue | ast.Break) or (
        isinstance(node, ast.Expr) and isinstance(node.value, ast.Call)
    ):
        yield "statement", None


def _constant_variants(node: ast.Constant) -> Iterator[tuple[str, ast.AST]]:
    value = node.value
    if isinstance(value, bool):
        yield "constant", ast.Constant(not value)
    elif isinstance(value, int):
        yield "constant", ast.Constant(value + 1)
        yield "constant", ast.Constant(value - 1)
    elif isinstance(value, float):
        yield "constant", ast.Constant(value + 1.0)


class _Lines:
    """Turns the (line, UTF-8 byte column) positions of ``ast`` into offsets in the source."""

    def __init__(self, data: bytes) -> None:
        self.data = data
        self.starts = [0]
        for index, byte in enumerate(data):
            if byte == 0x0A:
                self.starts.append(index + 1)

    def offset(self, line: int, column: int) -> int:
        return self.starts[line - 1] + column


def _replace(lines: _Lines, node: ast.AST, replacement: ast.AST | None) -> str:
    """The source with ``node`` replaced, keeping every other line at its line number."""
    start = lines.offset(node.lineno, node.col_offset)  # type: ignore[attr-defined]
    end = lines.offset(node.end_lineno, node.end_col_offset)  # type: ignore[attr-defined]
    newlines = node.end_lineno - node.lineno  # type: ignore[attr-defined]
    if replacement is None:
        text = "pass" + "\n" * newlines
    elif isinstance(replacement, ast.stmt):
        text = ast.unparse(replacement) + "\n" * newlines
    elif isinstance(node, ast.Slice):
        text = ast.unparse(replacement)  # a slice cannot be parenthesized; it is one line anyway
        if newlines:
            raise SyntaxError("a multi-line slice is not mutated")
    else:
        # Parentheses make the replacement one expression wherever it stands, and allow the
        # newlines that keep the following lines where they were.
        text = "(" + ast.unparse(replacement) + "\n" * newlines + ")"
    mutated: bytes = lines.data[:start] + text.encode() + lines.data[end:]
    return mutated.decode()


def generate_mutants(source: str) -> tuple[list[Mutant], int]:
    """All mutants of ``source`` that compile, and how many were excluded by a skip marker."""
    tree = ast.parse(source)
    skipped = _skipped_lines(source)
    lines = _Lines(source.encode())
    mutants: list[Mutant] = []
    excluded = 0
    for node in _candidates(tree):
        for kind, replacement in _variants(node):
            line: int = node.lineno  # type: ignore[attr-defined]
            if line in skipped:
                excluded += 1
                continue
            try:
                mutated = _replace(lines, node, replacement)
                compile(mutated, "<mutant>", "exec", dont_inherit=True)
            except SyntaxError:
                continue
            before = ast.unparse(node).splitlines()[0]
            after = "pass" if replacement is None else ast.unparse(replacement)
            mutants.append(Mutant(line, kind, before, after, mutated))
    return mutants, excluded


# -- running the tests ---------------------------------------------------------------------------


def _package_root(module: Path) -> Path:
    """The directory that holds the module's top-level package (``src`` for ``src/pkg/mod.py``)."""
    root = module.parent
    while (root / "__init__.py").exists():
        root = root.parent
    return root


def _statement_spans(tree: ast.Module) -> dict[int, tuple[int, int]]:
    """For every line, the line span of the innermost statement that starts on or encloses it."""
    spans: dict[int, tuple[int, int]] = {}
    for node in ast.walk(tree):
        if isinstance(node, ast.stmt) and node.end_lineno is not None:
            for line in range(node.lineno, node.end_lineno + 1):
                old = spans.get(line)
                if old is None or old[1] - old[0] >= node.end_lineno - node.lineno:
                    spans[line] = (node.lineno, node.end_lineno)
    return spans


@dataclass
class Runner:
    """Runs the tests against mutants, each in a private copy of the package tree."""

    module: Path
    tests: Sequence[str]
    profile: str
    pytest_args: Sequence[str] = ()
    timeout: float = 0.0

    def __post_init__(self) -> None:
        self.root = _package_root(self.module)
        self.relative = self.module.relative_to(self.root)
        self.package = self.relative.parts[0]

    def make_tree(self, into: Path) -> Path:
        """Copy the top-level package under ``into`` and compile it; returns the module's copy."""
        shutil.copytree(
            self.root / self.package,
            into / self.package,
            ignore=shutil.ignore_patterns("__pycache__", "*.pyc"),
        )
        compileall.compile_dir(into / self.package, quiet=2)
        return into / self.relative

    def environment(self, tree: Path) -> dict[str, str]:
        env = dict(os.environ)
        env.pop("CI", None)
        env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(tree), env.get("PYTHONPATH")]))
        env["PYTHONDONTWRITEBYTECODE"] = "1"
        env["POLICYCONFLICT_HYPOTHESIS_PROFILE"] = self.profile
        return env

    def command(self, *prefix: str) -> list[str]:
        pytest = ["-m", "pytest", "-x", "-q", "-p", "no:cacheprovider"]
        return [sys.executable, *prefix, *pytest, *self.pytest_args, *self.tests]

    def run(self, tree: Path, target: Path, source: str) -> tuple[bool, str]:
        """Write ``source`` as the module in ``tree`` and run the tests: (killed, note)."""
        target.write_text(source, encoding="utf-8")
        for stale in (target.parent / "__pycache__").glob(f"{target.stem}.*.pyc"):
            stale.unlink()
        with subprocess.Popen(
            self.command(),
            env=self.environment(tree),
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            start_new_session=True,
        ) as process:
            try:
                code = process.wait(timeout=self.timeout)
            except subprocess.TimeoutExpired:
                os.killpg(process.pid, 9)
                process.wait()
                return True, "timeout"
        return code != 0, "" if code in (0, 1) else f"exit {code}"

    def baseline(self, tree: Path, target: Path) -> tuple[float, set[int] | None]:
        """Run the unmutated tests (under coverage when available): time taken and lines run."""
        data_file = tree / ".coverage"
        measure = importlib.util.find_spec("coverage") is not None
        prefix: tuple[str, ...] = ()
        if measure:
            # An empty configuration: the project's own [tool.coverage] settings (its source
            # paths, its fail-under gate) must not apply to the copy.
            rcfile = tree / "coveragerc"
            rcfile.write_text("[run]\n", encoding="utf-8")
            prefix = ("-m", "coverage", "run", f"--rcfile={rcfile}", f"--data-file={data_file}")
            prefix += (f"--include={target}",)
        check = subprocess.run(
            [sys.executable, "-c", f"import {self.package}; print({self.package}.__file__)"],
            env=self.environment(tree),
            capture_output=True,
            text=True,
            check=False,
        )
        if not check.stdout.strip().startswith(str(tree)):
            raise SystemExit(f"the copy of {self.package} is not the one imported: {check.stdout}")
        started = time.monotonic()
        result = subprocess.run(
            self.command(*prefix),
            env=self.environment(tree),
            capture_output=True,
            text=True,
            check=False,
        )
        elapsed = time.monotonic() - started
        if result.returncode != 0:
            raise SystemExit(
                "the tests fail on the unmutated module; fix them first:\n" + result.stdout[-3000:]
            )
        if not measure:
            return elapsed, None
        import coverage  # type: ignore[import-not-found, unused-ignore]

        data = coverage.CoverageData(basename=str(data_file))
        data.read()
        executed: set[int] = set()
        for name in data.measured_files():
            if Path(name).resolve() == target.resolve():
                executed.update(data.lines(name) or [])
        return elapsed, executed


def _is_covered(mutant: Mutant, spans: dict[int, tuple[int, int]], executed: set[int]) -> bool:
    low, high = spans.get(mutant.line, (mutant.line, mutant.line))
    return any(line in executed for line in range(low, high + 1))


def mutate(
    module: Path,
    tests: Sequence[str],
    *,
    sample: int | None = None,
    seed: int = 0,
    jobs: int = 1,
    timeout: float | None = None,
    profile: str = "mutate",
    pytest_args: Sequence[str] = (),
    progress: Callable[[str], None] = lambda _text: None,
) -> tuple[list[Outcome], int]:
    """Run the tests against the module's mutants; returns the outcomes and the excluded count."""
    source = module.read_text(encoding="utf-8")
    mutants, excluded = generate_mutants(source)
    if sample is not None and sample < len(mutants):
        mutants = sorted(random.Random(seed).sample(mutants, sample), key=lambda m: m.line)
    runner = Runner(module.resolve(), tests, profile, pytest_args)
    spans = _statement_spans(ast.parse(source))
    with tempfile.TemporaryDirectory(prefix="mutate-") as scratch:
        trees = []
        for index in range(max(1, jobs)):
            home = Path(scratch) / f"tree{index}"
            trees.append((home, runner.make_tree(home)))
        elapsed, executed = runner.baseline(*trees[0])
        runner.timeout = timeout if timeout is not None else max(10.0, 3 * elapsed + 5)
        progress(f"baseline {elapsed:.1f}s; time limit {runner.timeout:.0f}s per mutant")
        outcomes: list[Outcome | None] = [None] * len(mutants)
        todo: list[int] = []
        for index, mutant in enumerate(mutants):
            if executed is not None and not _is_covered(mutant, spans, executed):
                outcomes[index] = Outcome(mutant, killed=False, note="not covered")
            else:
                todo.append(index)

        def work(slot: int) -> None:
            home, target = trees[slot]
            for position in range(slot, len(todo), len(trees)):
                index = todo[position]
                killed, note = runner.run(home, target, mutants[index].source)
                outcomes[index] = Outcome(mutants[index], killed, note)
                progress(f"[{position + 1}/{len(todo)}] {'killed' if killed else 'SURVIVED'}")

        with ThreadPoolExecutor(max_workers=len(trees)) as pool:
            list(pool.map(work, range(len(trees))))
    return [outcome for outcome in outcomes if outcome is not None], excluded


def report(module: Path, outcomes: Sequence[Outcome], excluded: int) -> str:
    """The table of results and the list of survivors."""
    killed = sum(outcome.killed for outcome in outcomes)
    survived = len(outcomes) - killed
    percent = 100.0 * killed / len(outcomes) if outcomes else 100.0
    lines = [
        f"mutation testing of {module}",
        f"{'mutants':>8} {'killed':>8} {'survived':>9} {'% killed':>9}",
        f"{len(outcomes):>8} {killed:>8} {survived:>9} {percent:>8.1f}%",
        f"(excluded by `# mutate: skip`: {excluded})",
    ]
    survivors = [outcome for outcome in outcomes if not outcome.killed]
    if survivors:
        lines.append("survivors:")
        for outcome in survivors:
            note = f"  ({outcome.note})" if outcome.note else ""
            lines.append(f"  {outcome.mutant.describe()}{note}")
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> int:
    """Command line entry point; returns 1 when ``--fail-under`` is not reached."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0] if __doc__ else None)
    parser.add_argument("module", type=Path, help="the module to mutate, e.g. src/pkg/mod.py")
    parser.add_argument(
        "tests", nargs="+", help="test files or node ids to run against each mutant"
    )
    parser.add_argument("--sample", type=int, help="run only this many mutants, chosen at random")
    parser.add_argument("--seed", type=int, default=0, help="random seed of --sample (default 0)")
    parser.add_argument("--jobs", type=int, default=1, help="mutants run at once (default 1)")
    parser.add_argument("--timeout", type=float, help="seconds per mutant (default: from baseline)")
    parser.add_argument("--profile", default="mutate", help="hypothesis profile (default mutate)")
    parser.add_argument(
        "--pytest-args", default="", help='more pytest arguments, e.g. "-k status_on"'
    )
    parser.add_argument("--fail-under", type=float, help="exit 1 below this percentage killed")
    parser.add_argument("--list", action="store_true", help="list the mutants and stop")
    parser.add_argument("--quiet", action="store_true", help="no progress lines")
    args = parser.parse_args(argv)
    if not args.module.is_file():
        parser.error(f"no such module: {args.module}")
    if args.list:
        mutants, excluded = generate_mutants(args.module.read_text(encoding="utf-8"))
        for mutant in mutants:
            print(mutant.describe())
        print(f"{len(mutants)} mutants ({excluded} excluded by `# mutate: skip`)")
        return 0

    def progress(text: str) -> None:
        if not args.quiet:
            print(text, file=sys.stderr, flush=True)

    outcomes, excluded = mutate(
        args.module,
        args.tests,
        sample=args.sample,
        seed=args.seed,
        jobs=args.jobs,
        timeout=args.timeout,
        profile=args.profile,
        pytest_args=shlex.split(args.pytest_args),
        progress=progress,
    )
    print(report(args.module, outcomes, excluded))
    if args.fail_under is not None and outcomes:
        return int(100.0 * sum(o.killed for o in outcomes) / len(outcomes) < args.fail_under)
    return 0


if __name__ == "__main__":
    sys.exit(main())
