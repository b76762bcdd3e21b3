"""Totality of the loaders: whatever the input, they return a story (or records) or raise the
library's ValidationError — never any other exception."""

from __future__ import annotations

import io
import json
from typing import Any

from hypothesis import given
from hypothesis import strategies as st

from format_helpers import small_document
from policyconflict import Problem, Story, ValidationError
from policyconflict.serialization import iter_jsonl, loads

SCALARS = (
    st.none()
    | st.booleans()
    | st.integers()
    | st.floats(allow_nan=True, allow_infinity=True)
    | st.text()
    | st.sampled_from(["2020-02-14", "..", "/", "person:x", "exact", "news-article", ""])
)
JSON_VALUES = st.recursive(
    SCALARS,
    lambda children: (
        st.lists(children, max_size=4)
        | st.dictionaries(
            st.sampled_from(["id", "title", "format", "version", "persons", "name", "x"])
            | st.text(),
            children,
            max_size=4,
        )
    ),
    max_leaves=20,
)


def _loads_totally(data: str | bytes) -> None:
    try:
        result = loads(data)
    except ValidationError as exc:
        problems = exc.problems
    else:
        assert isinstance(result, Story)
        return
    assert problems
    assert all(p.path.startswith("$") for p in problems)
    assert all(p.code for p in problems)


@given(st.binary(max_size=300))
def test_loads_of_any_bytes_returns_a_story_or_raises_validation_error(data: bytes) -> None:
    _loads_totally(data)


@given(st.text(max_size=300))
def test_loads_of_any_text_returns_a_story_or_raises_validation_error(text: str) -> None:
    _loads_totally(text)


@given(JSON_VALUES)
def test_loads_of_any_json_value_returns_a_story_or_raises_validation_error(value: Any) -> None:
    _loads_totally(json.dumps(value))


def _replace_somewhere(value: Any, path: list[int], new: Any) -> Any:
    """``value`` with the node reached by following ``path`` (indexes modulo size) replaced."""
    if not path or not isinstance(value, dict | list) or not value:
        return new
    if isinstance(value, dict):
        keys = sorted(value)
        key = keys[path[0] % len(keys)]
        return {**value, key: _replace_somewhere(value[key], path[1:], new)}
    index = path[0] % len(value)
    return [*value[:index], _replace_somewhere(value[index], path[1:], new), *value[index + 1 :]]


@given(st.lists(st.integers(min_value=0, max_value=50), max_size=6), JSON_VALUES)
def test_loads_of_a_valid_document_with_one_node_replaced_is_total(
    path: list[int], new: Any
) -> None:
    _loads_totally(json.dumps(_replace_somewhere(small_document(), path, new)))


@given(st.lists(JSON_VALUES, max_size=4), st.binary(max_size=40))
def test_iter_jsonl_of_any_lines_yields_or_raises_validation_error(
    values: list[Any], tail: bytes
) -> None:
    header = b'{"format":"policyconflict","type":"header","version":2}\n'
    body = b"".join(json.dumps(v).encode() + b"\n" for v in values) + tail
    problems: tuple[Problem, ...] = ()
    try:
        for _record in iter_jsonl(io.BytesIO(header + body)):
            pass
    except ValidationError as exc:
        problems = exc.problems
    else:
        return
    assert problems
