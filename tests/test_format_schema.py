"""The JSON Schema is generated from the classes, shipped up to date, and describes what the
library writes."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import attrs
import jsonschema
import pytest

from format_helpers import small_document
from policyconflict.serialization import TAGS, json_schema
from policyconflict.serialization.schema import schema_text, shipped_schema
from policyconflict.story import COLLECTIONS

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
