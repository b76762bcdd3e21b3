"""The JSON Schema is generated from the classes, shipped up to date, and describes what the
library writes."""

from __future__ import annotations

import importlib.util
import io
import json
import re
from pathlib import Path
from typing import Any

import attrs
import jsonschema
import pytest
from hypothesis import given
from hypothesis import strategies as st

from format_helpers import small_document
from policyconflict.dates import PartialDate, Period
from policyconflict.errors import PolicyConflictError
from policyconflict.serialization import TAGS, json_schema, load, write_jsonl, write_records
from policyconflict.serialization.schema import (
    LINE_DEFINITION,
    date_pattern,
    line_schema,
    schema_text,
    shipped_schema,
)
from policyconflict.story import COLLECTIONS, Story
from policyconflict.testing import stories
from test_format_bad_documents import CATALOGUE

SHIPPED = Path(__file__).resolve().parents[1] / "src" / "policyconflict" / "data" / "schema.json"


def test_shipped_schema_is_up_to_date() -> None:
    assert SHIPPED.read_text("utf-8") == schema_text(), (
        "src/policyconflict/data/schema.json is out of date: run tools/write_schema.py"
    )
    assert shipped_schema() == json_schema()


def test_schema_is_a_valid_2020_12_schema() -> None:
    schema = json_schema()
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    jsonschema.Draft202012Validator.check_schema(schema)


def test_every_class_is_a_closed_object_with_its_required_fields() -> None:
    definitions = json_schema()["$defs"]
    for tag, cls in TAGS.items():
        definition = definitions[tag]
        assert definition["additionalProperties"] is False
        fields = attrs.fields(cls)
        assert set(definition["properties"]) == {f.name for f in fields}
        required = {f.name for f in fields if f.default is attrs.NOTHING}
        assert set(definition.get("required", [])) == required


def test_every_collection_is_an_array_of_its_entity() -> None:
    properties = json_schema()["properties"]
    for name, cls in COLLECTIONS.items():
        assert properties[name]["items"] == {"$ref": f"#/$defs/{cls.kind_name}"}


def test_enums_dates_and_references_get_their_constraints() -> None:
    statement = json_schema()["$defs"]["statement"]["properties"]
    assert "press-release" in statement["channel"]["enum"]
    assert statement["date"]["type"] == ["string", "null"]
    assert statement["date"]["pattern"].startswith("^")
    assert statement["speaker"]["pattern"].startswith("^(?:[a-z0-9]")


VALIDATOR = jsonschema.Draft202012Validator(json_schema())


def test_the_small_document_validates() -> None:
    VALIDATOR.validate(small_document())


@pytest.mark.parametrize(
    ("path", "value"),
    [
        (("extra",), 1),
        (("persons", 0, "id"), "Eric Garcetti"),
        (("statements", 0, "channel"), "television"),
        (("statements", 0, "date"), "Feb 2020"),
        (("figures", 0, "period"), "2020-02 to 2020-05"),
        (("statements", 0, "sources", 0, "start"), -1),
        (("statements", 0, "sources", 0, "start"), "10"),
        (("persons", 0, "name"), ""),
        (("version",), 3),
    ],
)
def test_schema_rejects_what_the_loader_rejects(path: tuple[Any, ...], value: Any) -> None:
    doc = small_document()
    target: Any = doc
    for step in path[:-1]:
        target = target[step]
    target[path[-1]] = value
    assert not VALIDATOR.is_valid(json.loads(json.dumps(doc)))


# -- dates: the schema's pattern says what the date parser says ----------------------------------

DATE = re.compile(f"^{date_pattern()}$")
PERIOD = re.compile(json_schema()["$defs"]["figure"]["properties"]["period"]["pattern"])


def _two(low: int, high: int) -> st.SearchStrategy[str]:
    return st.integers(low, high).map(lambda n: f"{n:02d}")


_YEARS = st.sampled_from(["0000", "0001", "1900", "2000", "2019", "2020", "9999"]) | st.integers(
    0, 9999
).map(lambda n: f"{n:04d}")
_OFFSETS = st.sampled_from(
    ["Z", "+00:00", "-00:00", "+14:00", "-14:00", "+14:01", "+13:59", "-05:30", "+05:60", "+15:00"]
) | st.tuples(st.sampled_from("+-"), _two(0, 19), _two(0, 65)).map("{0[0]}{0[1]}:{0[2]}".format)


@st.composite
def near_dates(draw: st.DrawFn) -> str:
    """Text shaped like EDTF dates, with values in and beyond every field's range."""
    text = draw(_YEARS)
    depth = draw(st.integers(0, 4))
    if depth >= 1:
        text += "-" + draw(_two(0, 13) | st.sampled_from(["02", "04", "11"]))
    if depth >= 2:
        text += "-" + draw(_two(0, 32) | st.sampled_from(["28", "29", "30", "31"]))
    if depth >= 3:
        text += "T" + draw(_two(0, 25)) + ":" + draw(_two(0, 61))
        if draw(st.booleans()):
            text += ":" + draw(_two(0, 61))
        text += draw(st.just("") | _OFFSETS)
    return text + draw(st.sampled_from(["", "", "?", "~", "%"]))


def _parses(parse: Any, text: str) -> bool:
    try:
        parse(text)
    except PolicyConflictError:
        return False
    return True


@given(near_dates())
def test_the_date_pattern_accepts_exactly_the_dates_the_parser_reads(text: str) -> None:
    assert bool(DATE.match(text)) == _parses(PartialDate.parse, text), text


@given(near_dates() | st.just("..") | st.just(""), near_dates() | st.just("..") | st.just(""))
def test_the_period_pattern_accepts_the_periods_the_parser_reads(start: str, end: str) -> None:
    """Alike except for the order of the ends, which no pattern can check."""
    text = f"{start}/{end}"
    both_dates = DATE.match(start) or start in ("", ".."), DATE.match(end) or end in ("", "..")
    assert bool(PERIOD.match(text)) == all(both_dates)
    if not _parses(Period.parse, text) and PERIOD.match(text):
        with pytest.raises(PolicyConflictError, match="before it starts"):
            Period.parse(text)


def test_the_date_pattern_rejects_digits_that_are_not_ascii() -> None:
    for text in ("２０２０", "२०२०", "2020-0٢", "2020-02-14T10:00+0５:00"):
        assert not DATE.match(text)


# -- the catalogue of bad documents: what the schema can see, it rejects -------------------------

SCHEMA_CODES = {"bad-date", "bad-id", "bad-enum"}
BEYOND_A_SCHEMA = {
    "period ending before it starts": "the order of a period's ends is no pattern",
}


@pytest.mark.parametrize(
    "text",
    [
        pytest.param(text, id=name)
        for name, text, expected in CATALOGUE
        if {code for code, _path in expected} <= SCHEMA_CODES and name not in BEYOND_A_SCHEMA
    ],
)
def test_the_schema_rejects_a_bad_date_id_or_enum_the_loader_rejects(text: str) -> None:
    assert not VALIDATOR.is_valid(json.loads(text))


def test_the_catalogue_has_bad_dates_ids_and_enums_for_the_schema() -> None:
    names = [
        name
        for name, _text, expected in CATALOGUE
        if {code for code, _path in expected} <= SCHEMA_CODES
    ]
    assert len(names) >= 6
    assert set(BEYOND_A_SCHEMA) <= set(names)


# -- corpus lines ---------------------------------------------------------------------------------

LINE = jsonschema.Draft202012Validator(line_schema())
ROOT = Path(__file__).resolve().parents[1]


def _example(name: str) -> Story:
    spec = importlib.util.spec_from_file_location(name, ROOT / "examples" / f"{name}.py")
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    built = module.build_story()
    assert isinstance(built, Story)
    return built


def _lines(*items: Any) -> list[Any]:
    """The lines of the stories among ``items`` written as a corpus, then of the other items
    written as bare records (each with its own header line)."""
    out = io.BytesIO()
    write_jsonl([item for item in items if isinstance(item, Story)], out)
    bare = [item for item in items if not isinstance(item, Story)]
    if bare:
        write_records(bare, out)
    return [json.loads(line) for line in out.getvalue().splitlines()]


@pytest.fixture(scope="module")
def example_lines() -> list[Any]:
    stories = [_example("la_sanctuary_2020"), _example("sanctuary_grants_litigation")]
    for path in sorted((ROOT / "examples" / "data").glob("*.json")):
        stories.append(load(path))
    lines = _lines(*stories)
    # The shipped stories hold no event and no control transfer; generated stories (below) do.
    assert {line["type"] for line in lines} >= {"header", "story", *TAGS} - {
        "event",
        "control_transfer",
    }
    return lines


def test_every_line_of_the_examples_validates_as_a_corpus_line(example_lines: list[Any]) -> None:
    for line in example_lines:
        LINE.validate(line)


def test_a_corpus_line_is_not_a_story_document(example_lines: list[Any]) -> None:
    law = next(line for line in example_lines if line["type"] == "law")
    assert not VALIDATOR.is_valid(law)
    assert not LINE.is_valid({**law, "type": "person"})
    assert not LINE.is_valid({**law, "type": "statute"})
    assert not LINE.is_valid({k: v for k, v in law.items() if k != "type"})
    assert not LINE.is_valid({**law, "effective": "2020-02-30"})


@given(stories())
def test_every_line_written_for_a_generated_story_validates(story: Story) -> None:
    for line in _lines(story, *story.persons):
        LINE.validate(line)


def test_the_line_schema_shares_the_shipped_definitions() -> None:
    assert line_schema()["$defs"] == shipped_schema()["$defs"]
    assert shipped_schema()["$defs"][LINE_DEFINITION]["oneOf"]
