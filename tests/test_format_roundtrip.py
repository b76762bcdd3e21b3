"""Laws of the story document format, on generated stories: loading inverts dumping, the text is
canonical whatever the entity order, and every document written validates against the shipped
schema."""

from __future__ import annotations

import io
import json
from pathlib import Path
from typing import Any

import attrs
import jsonschema
import orjson
import pytest
from hypothesis import given
from hypothesis import strategies as st

from format_helpers import small_story
from policyconflict import Story
from policyconflict.serialization import dump, dumps, load, loads
from policyconflict.serialization.schema import shipped_schema
from policyconflict.story import COLLECTIONS
from policyconflict.testing import stories

VALIDATOR = jsonschema.Draft202012Validator(shipped_schema())


@pytest.mark.slow
@given(stories())
def test_loads_inverts_dumps(story: Story) -> None:
    text = dumps(story)
    loaded = loads(text)
    assert loaded == story.canonical()
    assert dumps(loaded) == text


@pytest.mark.slow
@given(stories(), st.randoms(use_true_random=False))
def test_dumps_ignores_entity_order(story: Story, random: Any) -> None:
    shuffled: dict[str, Any] = {}
    for name in COLLECTIONS:
        items = list(getattr(story, name))
        random.shuffle(items)
        shuffled[name] = tuple(items)
    evolve: Any = attrs.evolve
    assert dumps(evolve(story, **shuffled)) == dumps(story)


@pytest.mark.slow
@given(stories())
def test_every_dump_validates_against_the_shipped_schema(story: Story) -> None:
    VALIDATOR.validate(json.loads(dumps(story)))


@pytest.mark.slow
@given(stories())
def test_dumps_is_canonical_json_text(story: Story) -> None:
    text = dumps(story)
    value = json.loads(text)
    # sorted keys, no spaces, UTF-8 text, shortest round-trip floats: what orjson writes
    assert text == orjson.dumps(value, option=orjson.OPT_SORT_KEYS).decode("utf-8")
    assert text == json.dumps(
        _floats_as_text(value), sort_keys=True, separators=(",", ":"), ensure_ascii=False
    ).replace(f'"{_OPEN}', "").replace(f'{_CLOSE}"', "")
    for name in COLLECTIONS:
        ids = [entity["id"] for entity in value.get(name, [])]
        assert ids == sorted(ids)


_OPEN = json.dumps("\x00\x01float\x01")[1:-1]  # the marker as JSON writes it
_CLOSE = json.dumps("\x01\x00")[1:-1]


def _floats_as_text(value: Any) -> Any:
    """``value`` with each float replaced by its orjson spelling between markers, so that the
    standard library writes everything else and the floats come out as orjson wrote them."""
    if isinstance(value, float):
        return "\x00\x01float\x01" + orjson.dumps(value).decode() + "\x01\x00"
    if isinstance(value, dict):
        return {k: _floats_as_text(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_floats_as_text(v) for v in value]
    return value


@pytest.mark.slow
@given(stories())
def test_loads_accepts_bytes_and_text_alike(story: Story) -> None:
    text = dumps(story)
    assert loads(text.encode("utf-8")) == loads(text) == loads(bytearray(text.encode("utf-8")))


def test_defaults_are_left_out_and_accepted_when_written() -> None:
    story = small_story()
    text = dumps(story)
    assert "null" not in text
    assert '"acting"' not in text
    assert "[]" not in text
    value = json.loads(text)
    value["statements"][1]["channel"] = "statement"  # the default, written out
    value["statements"][1]["positions"] = []
    value["statements"][1]["date"] = None
    assert loads(json.dumps(value)) == story.canonical()


def test_non_ascii_text_is_written_as_utf8() -> None:
    story = small_story()
    person = attrs.evolve(story.persons[0], name="Éric Garcetti — 市長")
    changed = attrs.evolve(story, persons=(person, *story.persons[1:]))
    text = dumps(changed)
    assert "Éric Garcetti — 市長" in text
    assert loads(text.encode("utf-8")) == changed.canonical()


def test_a_lone_surrogate_in_a_story_cannot_be_dumped() -> None:
    story = small_story()
    person = attrs.evolve(story.persons[0], name="Eric \ud800")
    changed = attrs.evolve(story, persons=(person, *story.persons[1:]))
    with pytest.raises(ValueError, match="surrogate"):
        dumps(changed)


@pytest.mark.parametrize("kind", ["str", "path"])
def test_dump_and_load_with_paths(tmp_path: Path, kind: str) -> None:
    story = small_story()
    target = tmp_path / "story.json"
    dump(story, str(target) if kind == "str" else target)
    assert target.read_bytes() == dumps(story).encode("utf-8") + b"\n"
    assert load(str(target) if kind == "str" else target) == story.canonical()


def test_dump_and_load_with_binary_files() -> None:
    story = small_story()
    buffer = io.BytesIO()
    dump(story, buffer)
    buffer.seek(0)
    assert load(buffer) == story.canonical()


def test_dump_and_load_with_text_files(tmp_path: Path) -> None:
    story = small_story()
    target = tmp_path / "story.json"
    with open(target, "w", encoding="utf-8") as handle:
        dump(story, handle)
    with open(target, encoding="utf-8") as handle:
        assert load(handle) == story.canonical()


def test_loading_keeps_document_order() -> None:
    value = json.loads(dumps(small_story()))
    value["persons"].reverse()
    story = loads(json.dumps(value))
    assert [p.id for p in story.persons] == [p["id"] for p in value["persons"]]
    assert story.canonical() == small_story().canonical()


def _founding_story() -> Story:
    import importlib.util

    path = Path(__file__).resolve().parents[1] / "examples" / "la_sanctuary_2020.py"
    spec = importlib.util.spec_from_file_location("la_sanctuary_2020", path)
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    story: Story = module.build_story()
    return story


def test_founding_story_round_trips_and_validates() -> None:
    story = _founding_story()
    text = dumps(story)
    assert loads(text) == story.canonical()
    VALIDATOR.validate(json.loads(text))
