"""The mutation-testing tool, ``tools/mutate.py``: what it mutates; it tells caught from missed."""

from __future__ import annotations

import importlib.util
import subprocess
import sys
import textwrap
from pathlib import Path
from types import ModuleType

import pytest

ROOT = Path(__file__).resolve().parent.parent


def _load_tool() -> ModuleType:
    spec = importlib.util.spec_from_file_location("mutate_tool", ROOT / "tools" / "mutate.py")
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up while the class is made
    spec.loader.exec_module(module)
    return module


tool = _load_tool()


def _changes(source: str) -> list[tuple[int, str, str, str]]:
    mutants, _excluded = tool.generate_mutants(textwrap.dedent(source))
    return [(m.line, m.kind, m.before, m.after) for m in mutants]


def test_each_kind_of_mutation() -> None:
    changes = _changes(
        """
        def f(a, b, items):
            if a < b and not items:
                raise ValueError("empty")
            total = a + 2
            items.append(total)
            return items[a:b], True
        """
    )
    assert (3, "comparison", "a < b", "a <= b") in changes
    assert (3, "boolean", "a < b and (not items)", "a < b or not items") in changes
    assert (3, "unary", "not items", "items") in changes
    assert (4, "statement", "raise ValueError('empty')", "pass") in changes
    assert (5, "arithmetic", "a + 2", "a - 2") in changes
    assert (5, "constant", "2", "3") in changes
    assert (5, "constant", "2", "1") in changes
    assert (6, "statement", "items.append(total)", "pass") in changes
    assert (7, "return", "return (items[a:b], True)", "return None") in changes
    assert (7, "slice", "a:b", "a + 1:b") in changes
    assert (7, "slice", "a:b", ":b") in changes
    assert (7, "constant", "True", "False") in changes


def test_what_is_never_mutated() -> None:
    changes = _changes(
        '''
        """Docstring."""
        import logging
        from typing import TYPE_CHECKING
        __all__ = ["f"] + ["g"]
        if TYPE_CHECKING:
            X = 1
        logger = logging.getLogger(__name__)
        def f(a: int = 1) -> int:
            """Docstring."""
            logger.debug("a is %s", a + 1)
            return a + 1  # mutate: skip equivalent: a reason is required
        '''
    )
    assert [line for line, *_ in changes] == [9, 9]  # only the default value 1 -> 2, 0
    assert changes[0][1] == "constant"


def test_a_skip_marker_needs_a_reason() -> None:
    with pytest.raises(SystemExit, match="needs a reason"):
        tool.generate_mutants("x = 1  # mutate: skip\n")


def test_mutants_compile_and_keep_line_numbers() -> None:
    # Replacing a multi-line expression or statement keeps every later line where it was, so the
    # line numbers in a report and in tracebacks are the original file's.
    source = (ROOT / "src" / "policyconflict" / "status.py").read_text(encoding="utf-8")
    mutants, _excluded = tool.generate_mutants(source)
    assert len(mutants) > 30
    for mutant in mutants:
        assert mutant.source.count("\n") == source.count("\n")
        compile(mutant.source, "<mutant>", "exec")


def test_a_run_tells_killed_from_survived(tmp_path: Path) -> None:
    package = tmp_path / "src" / "tiny"
    package.mkdir(parents=True)
    (package / "__init__.py").write_text("", encoding="utf-8")
    module = package / "rules.py"
    source = textwrap.dedent(
        """
        def is_adult(age: int) -> bool:
            return age >= 18


        def unused(x: int) -> int:
            return x * 2
        """
    )
    module.write_text(source, encoding="utf-8")
    (tmp_path / "test_rules.py").write_text(
        textwrap.dedent(
            """
            from tiny.rules import is_adult


            def test_adult() -> None:
                assert is_adult(18)
                assert not is_adult(5)
            """
        ),
        encoding="utf-8",
    )
    tool_command = [sys.executable, str(ROOT / "tools" / "mutate.py"), str(module), "test_rules.py"]
    # Without the hypothesis plugin, which imports the package's model on start-up: fast runs.
    tool_command.append("--pytest-args=-p no:hypothesispytest")
    result = subprocess.run(
        tool_command,
        cwd=tmp_path,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    out = result.stdout
    # Mutants: >= -> >, 18 -> 19 (caught by is_adult(18)), return None (caught), 18 -> 17 (missed),
    # and in unused(): * -> //, 2 -> 3, 2 -> 1, return None (never run: not covered).
    assert "       8        3         5     37.5%" in out
    assert "line 3     constant    `18` -> `17`" in out
    assert "line 3     comparison" not in out
    assert out.count("(not covered)") == 4
    assert module.read_text(encoding="utf-8") == source  # the original is never modified
