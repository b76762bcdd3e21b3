"""A document that does not load still has its references checked: a bad value and a dangling
reference are both reported, and a reference to an entity that failed to load is not."""

from __future__ import annotations

import json
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from format_helpers import small_document, text_of
from policyconflict import ValidationError
from policyconflict.serialization import dumps, loads
from policyconflict.story import Story
from policyconflict.testing import stories

SPEAKER = "person:eric-garcetti"


def problems(document: dict[str, Any]) -> list[tuple[str, str]]:
    with pytest.raises(ValidationError) as caught:
        loads(text_of(document))
    return [(p.path, p.code) for p in caught.value.problems]


def _statement_index(document: dict[str, Any], speaker: str) -> int:
    return next(i for i, s in enumerate(document["statements"]) if s["speaker"] == speaker)


def test_a_bad_value_and_a_dangling_reference_are_both_reported() -> None:
    document = small_document()
    document["figures"][0]["period"] = "2020-13"
    document["statements"][0]["speaker"] = "person:nobody"
    found = problems(document)
    assert ("$.figures[0].period", "bad-date") in found
    assert ("$.statements[0].speaker", "unknown-reference") in found
    assert len(found) == 2


def test_a_dangling_reference_in_the_entity_with_the_bad_value_is_reported() -> None:
    document = small_document()
    document["figures"][0]["period"] = "2020-13"
    document["figures"][0]["claimed_by"] = ["agency:nobody"]
    assert problems(document) == [("$.figures[0].period", "bad-date")]
    # the figure did not load, so its references are not known: only its own problem is told;
    # other entities' references are
    document["statements"][1]["positions"] = [{"target": "agency:nobody", "stance": "oppose"}]
    assert ("$.statements[1].positions[0].target", "unknown-reference") in problems(document)


def test_a_reference_to_an_entity_that_did_not_load_is_not_reported() -> None:
    document = small_document()
    person = next(i for i, p in enumerate(document["persons"]) if p["id"] == SPEAKER)
    document["persons"][person]["name"] = ""
    assert problems(document) == [(f"$.persons[{person}].name", "empty")]
    # nor to a provision of a law that did not load, nor into a collection that is not a list
    document = small_document()
    document["laws"][0]["title"] = ""
    i = _statement_index(document, SPEAKER)
    document["statements"][i]["positions"][0]["target"] = document["laws"][0]["provisions"][0]["id"]
    assert problems(document) == [("$.laws[0].title", "empty")]
    document = small_document()
    document["persons"] = {"all": document["persons"]}
    assert problems(document) == [("$.persons", "wrong-type")]


@pytest.mark.parametrize(
    "unreadable",
    [
        pytest.param("x", id="not-an-object"),
        pytest.param({}, id="no-id"),
        pytest.param({"id": "Eric Garcetti"}, id="bad-id"),
    ],
)
def test_an_entity_without_a_readable_id_hides_every_dangling_reference(unreadable: Any) -> None:
    # Any reference may be meant for the entity whose id cannot be read: none is reported,
    # even one that dangles for another reason.
    document = small_document()
    person = next(i for i, p in enumerate(document["persons"]) if p["id"] == SPEAKER)
    document["persons"][person] = unreadable
    other = next(i for i, s in enumerate(document["statements"]) if s["speaker"] != SPEAKER)
    document["statements"][other]["speaker"] = "person:nobody"
    assert all(code != "unknown-reference" for _, code in problems(document))
    # the same reference dangles and is reported once every entity's id can be read
    document["persons"][person] = small_document()["persons"][person]
    assert problems(document) == [(f"$.statements[{other}].speaker", "unknown-reference")]


def test_a_duplicate_id_is_reported_beside_a_bad_value() -> None:
    document = small_document()
    document["figures"][0]["period"] = "2020-13"
    document["persons"].append(dict(document["persons"][0]))
    found = problems(document)
    assert ("$.figures[0].period", "bad-date") in found
    assert (f"$.persons[{len(document['persons']) - 1}].id", "duplicate-id") in found


@given(stories(max_entities=8), st.data())
def test_a_bad_value_never_hides_a_dangling_reference(story: Story, data: st.DataObject) -> None:
    """Law: breaking the story's title (a value problem that loads no entity differently)
    leaves every cross-entity problem of the entities to be found: a dangling reference added
    to a statement is reported with the title's problem."""
    document: dict[str, Any] = json.loads(dumps(story))
    document["title"] = ""
    statements = document.get("statements", [])
    expected = [("$.title", "empty")]
    if statements:
        i = data.draw(st.integers(0, len(statements) - 1))
        statements[i]["speaker"] = "person:nobody-at-all"
        expected.append((f"$.statements[{i}].speaker", "unknown-reference"))
    assert problems(document) == expected
