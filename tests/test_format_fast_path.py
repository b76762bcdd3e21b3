"""The fast way in agrees with the strict way: orjson's parse is used only when no key was
dropped, valid values never leave the generated hooks, and the inlined value checks say exactly
what the model's validators say."""

from __future__ import annotations

import json
from typing import Any

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from policyconflict.errors import ShapeError
from policyconflict.serialization import TAGS, dumps
from policyconflict.serialization._converter import make_converter
from policyconflict.serialization._json import UNSURE, parse, parse_fast
from policyconflict.serialization._structure import _INLINE
from policyconflict.story import Story
from policyconflict.testing import STRATEGIES, stories

FAST_ONLY = make_converter(fall_back=False)

keys = st.sampled_from(["a", "b", "id", "a:b", "x:", ":", "é", "text"])
scalars = st.none() | st.booleans() | st.integers(-(2**53), 2**53) | st.text(max_size=8)
json_values = st.recursive(
    scalars,
    lambda inner: st.lists(inner, max_size=4) | st.lists(st.tuples(keys, inner), max_size=4),
    max_leaves=12,
)
"""JSON values where an object is a list of (key, value) pairs, so keys may repeat."""


def _write(value: Any, spaced: bool, ascii_only: bool) -> str:
    """JSON text of ``value`` (pairs lists become objects, repeats kept)."""
    comma, colon = (", ", ": ") if spaced else (",", ":")
    if isinstance(value, list) and value and all(isinstance(x, tuple) for x in value):
        members = (
            json.dumps(k, ensure_ascii=ascii_only) + colon + _write(v, spaced, ascii_only)
            for k, v in value
        )
        return "{" + comma.join(members) + "}"
    if isinstance(value, list):
        return "[" + comma.join(_write(x, spaced, ascii_only) for x in value) + "]"
    return json.dumps(value, ensure_ascii=ascii_only)


def _repeats_a_key(value: Any) -> bool:
    if isinstance(value, list) and value and all(isinstance(x, tuple) for x in value):
        names = [k for k, _v in value]
        return len(set(names)) < len(names) or any(_repeats_a_key(v) for _k, v in value)
    if isinstance(value, list):
        return any(_repeats_a_key(x) for x in value)
    return False


repeating = st.builds(
    lambda before, key, first, second, after: [*before, (key, first), (key, second), *after],
    st.lists(st.tuples(keys, json_values), max_size=2),
    keys,
    json_values,
    json_values,
    st.lists(st.tuples(keys, json_values), max_size=2),
)
"""An object that surely repeats a key."""


@given(repeating | st.lists(repeating, min_size=1, max_size=2), st.booleans(), st.booleans())
def test_parse_fast_never_accepts_a_repeated_key(
    value: Any, spaced: bool, ascii_only: bool
) -> None:
    assert _repeats_a_key(value)
    assert parse_fast(_write(value, spaced, ascii_only).encode("utf-8")) is UNSURE


@given(json_values, st.booleans(), st.booleans())
def test_parse_fast_never_hides_a_repeated_key(value: Any, spaced: bool, ascii_only: bool) -> None:
    text = _write(value, spaced, ascii_only)
    fast = parse_fast(text.encode("utf-8"))
    if _repeats_a_key(value):
        assert fast is UNSURE
    elif fast is not UNSURE:
        assert fast == parse(text)


@given(json_values, st.booleans())
def test_parse_fast_vouches_for_text_without_repeats_or_escapes(value: Any, spaced: bool) -> None:
    text = _write(value, spaced, ascii_only=False)
    if not _repeats_a_key(value) and "\\u" not in text:
        assert parse_fast(text) == json.loads(text)


def test_parse_fast_leaves_what_orjson_rejects_to_the_strict_parser() -> None:
    for text in (b"[NaN]", b'{"a":1,}', b'"\\ud800"', b"\xef\xbb\xbf{}", b"\xff", b""):
        assert parse_fast(text) is UNSURE
    assert parse_fast(12) is UNSURE  # type: ignore[arg-type]


@pytest.mark.slow
@given(stories())
def test_valid_stories_never_leave_the_fast_hooks(story: Story) -> None:
    """With the fall-back switched off, any problem would raise: none does, and the result is
    the story."""
    body = {k: v for k, v in json.loads(dumps(story)).items() if k not in ("format", "version")}
    assert FAST_ONLY.get_structure_hook(Story)(body, Story) == story.canonical()


@pytest.mark.parametrize("tag", sorted(TAGS))
@given(data=st.data())
def test_valid_entities_never_leave_the_fast_hooks(tag: str, data: st.DataObject) -> None:
    cls = TAGS[tag]
    entity = data.draw(STRATEGIES[cls]())
    value = FAST_ONLY.unstructure(entity)
    assert FAST_ONLY.get_structure_hook(cls)(json.loads(json.dumps(value)), cls) == entity


@attrs.define
class _Holder:
    value: Any = None


_TEXTS = st.text(alphabet=st.sampled_from("ab :/\t\n\u00a0é-0"), max_size=6)
_VALUES = {
    str: _TEXTS | st.from_regex(r"[a-z0-9][a-z0-9._:/~#-]{0,5}", fullmatch=True),
    int: st.integers(-5, 5) | st.integers(2**53 - 2, 2**53 + 2),
}


@pytest.mark.parametrize("validator", list(_INLINE), ids=lambda v: v.__name__)
@given(data=st.data())
def test_inlined_checks_agree_with_the_validators(validator: Any, data: st.DataObject) -> None:
    tp, condition = _INLINE[validator]
    base = str if str in getattr(tp, "__args__", (tp,)) else int
    values = _VALUES[base] | (st.none() if tp is not base else st.nothing())
    x = data.draw(values)
    bad = eval(condition.format(x="x"), {"id_match": _id_match(), "MAX_INT": 2**53}, {"x": x})
    attribute = attrs.fields(_Holder).value
    try:
        validator(None, attribute, x)
        raised = False
    except ShapeError:
        raised = True
    assert bool(bad) == raised


def _id_match() -> Any:
    from policyconflict.ids import ID_PATTERN

    return ID_PATTERN.fullmatch


EDGES = [
    "",
    " ",
    "a",
    " a",
    "a ",
    "\ta",
    "a\n",
    "\u00a0a",
    "a\u00a0",
    "a b",
    "A",
    "a:b",
    "-a",
    None,
]
EDGES_INT = [None, -1, 0, 1, 2**53, 2**53 + 1]


@pytest.mark.parametrize("validator", list(_INLINE), ids=lambda v: v.__name__)
def test_inlined_checks_agree_with_the_validators_on_edge_values(validator: Any) -> None:
    tp, condition = _INLINE[validator]
    values = EDGES_INT if tp in (int, int | None) else EDGES
    attribute = attrs.fields(_Holder).value
    for x in values:
        if x is None and tp in (str, int):
            continue  # the conversion has ruled None out for a required field
        bad = eval(condition.format(x="x"), {"id_match": _id_match(), "MAX_INT": 2**53}, {"x": x})
        try:
            validator(None, attribute, x)
            raised = False
        except ShapeError:
            raised = True
        assert bool(bad) == raised, (validator.__name__, x)
