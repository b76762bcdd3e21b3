"""Every example in the docstrings, the README and the docs pages runs, and gives what it shows."""

from __future__ import annotations

import doctest
import importlib
import pkgutil
from pathlib import Path
from types import ModuleType

import pytest

import policyconflict

ROOT = Path(__file__).resolve().parent.parent
FLAGS = doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE

MODULES = sorted(
    info.name
    for info in pkgutil.walk_packages(policyconflict.__path__, prefix="policyconflict.")
    if info.name != "policyconflict.__main__"
)
PAGES = sorted([ROOT / "README.md", *(ROOT / "docs").rglob("*.md")])


def _example_count(module: ModuleType) -> int:
    # The finder testmod uses: the docstrings of the module and of what it defines (not imports).
    return sum(len(test.examples) for test in doctest.DocTestFinder().find(module))


@pytest.mark.parametrize("name", MODULES)
def test_docstring_examples(name: str) -> None:
    module = importlib.import_module(name)
    if _example_count(module) == 0:
        pytest.skip(f"{name} has no examples in its docstrings")
    result = doctest.testmod(module, optionflags=FLAGS)
    assert result.failed == 0
    assert result.attempted > 0


@pytest.mark.parametrize("page", PAGES, ids=lambda p: str(p.relative_to(ROOT)))
def test_page_examples(page: Path) -> None:
    if not doctest.DocTestParser().get_examples(page.read_text(encoding="utf-8")):
        pytest.skip(f"{page.relative_to(ROOT)} has no examples")
    result = doctest.testfile(str(page), module_relative=False, optionflags=FLAGS)
    assert result.failed == 0
    assert result.attempted > 0


def test_a_module_without_examples_is_skipped_not_passed() -> None:
    # A module with no examples used to "pass" its doctest; counting them is what tells it apart.
    empty = ModuleType("no_examples", "A docstring with no example.")
    with_one = ModuleType("one_example", ">>> 1 + 1\n2\n")
    assert _example_count(empty) == 0
    assert _example_count(with_one) == 1


def test_the_readme_has_examples() -> None:
    # A README whose examples silently stopped being doctests would make the test above vacuous.
    parser = doctest.DocTestParser()
    examples = parser.get_examples((ROOT / "README.md").read_text(encoding="utf-8"))
    assert len(examples) >= 3
