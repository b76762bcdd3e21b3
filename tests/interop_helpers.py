"""The two shipped example stories, for the tests of :mod:`policyconflict.interop`."""

from __future__ import annotations

import importlib.util
from functools import cache
from pathlib import Path

from policyconflict import Story
from policyconflict.serialization import load

ROOT = Path(__file__).resolve().parents[1]
LA = ROOT / "examples" / "data" / "la-sanctuary-2020.json"
GRANTS = ROOT / "examples" / "sanctuary_grants_litigation.py"
DATA = Path(__file__).resolve().parent / "data"


@cache
def la_story() -> Story:
    """The founding story, from its shipped document."""
    with LA.open("rb") as handle:
        return load(handle)


@cache
def grants_story() -> Story:
    """The second story, built by its example script."""
    spec = importlib.util.spec_from_file_location("sanctuary_grants_litigation", GRANTS)
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    story = module.build_story()
    assert isinstance(story, Story)
    return story


def example_stories() -> dict[str, Story]:
    """Both shipped stories by name."""
    return {"la": la_story(), "grants": grants_story()}
