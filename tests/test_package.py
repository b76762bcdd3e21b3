"""The package's public names: every one resolves, and the heavy parts load on first use."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

import policyconflict

SRC = Path(__file__).resolve().parent.parent / "src"


def test_every_public_name_resolves_and_is_listed() -> None:
    for name in policyconflict.__all__:
        assert getattr(policyconflict, name) is not None, name
    assert set(policyconflict.__all__) <= set(dir(policyconflict))
    with pytest.raises(AttributeError, match="no_such_name"):
        getattr(policyconflict, "no_such_name")  # noqa: B009


def test_importing_the_package_leaves_the_format_and_queries_for_later() -> None:
    script = (
        "import sys, policyconflict\n"
        "loaded = sorted(m for m in sys.modules if m.startswith(('policyconflict.query', "
        "'policyconflict.serialization', 'policyconflict.status', 'orjson', 'cattrs')))\n"
        "print(loaded)\n"
        "policyconflict.Corpus\n"
        "print('policyconflict.query' in sys.modules)\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", script],
        check=True,
        capture_output=True,
        text=True,
        env={"PYTHONPATH": str(SRC)},
    ).stdout.split("\n")
    assert out[0] == "[]"
    assert out[1] == "True"
