"""Every script in ``examples/`` runs as a user would run it, says what it shows, and prints it."""

from __future__ import annotations

import ast
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = sorted((ROOT / "examples").glob("*.py"))

# What a correct run must print, for the examples whose answers are known.
EXPECTED = {
    "query_corpus.py": [
        "loaded 73 entities",
        "city: Eric Garcetti, Michel Moore",
        "county: Alex Villanueva",
        "SB 54: ",
        "cooperation-restricted: deployment:us/dhs/cbp/2020-02/sanctuary-cities",
    ],
    "property_test_your_code.py": [
        "ok  every position becomes exactly one row",
        "ok  csv reads back to the same rows",
        "ok  rows do not depend on entity order",
    ],
}


def test_the_issue_examples_exist() -> None:
    names = {path.name for path in EXAMPLES}
    assert {"la_sanctuary_2020.py", "query_corpus.py", "property_test_your_code.py"} <= names


@pytest.mark.parametrize("script", EXAMPLES, ids=lambda p: p.name)
def test_example_says_what_it_shows(script: Path) -> None:
    docstring = ast.get_docstring(ast.parse(script.read_text(encoding="utf-8")))
    assert docstring is not None
    assert len(docstring.split()) >= 10
    assert f"python examples/{script.name}" in docstring  # it says how to run it


@pytest.mark.parametrize("script", EXAMPLES, ids=lambda p: p.name)
def test_example_runs(script: Path, tmp_path: Path) -> None:
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(ROOT / "src"), env.get("PYTHONPATH")]))
    env["PYTHONIOENCODING"] = "utf-8"
    result = subprocess.run(
        [sys.executable, str(script)],
        capture_output=True,
        text=True,
        env=env,
        cwd=tmp_path,  # examples must not depend on the directory they are run from
        check=False,
        timeout=600,
    )
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr
    assert result.stdout.strip(), "an example shows something"
    for line in EXPECTED.get(script.name, []):
        assert line in result.stdout
