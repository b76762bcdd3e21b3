"""The fast way in agrees with the strict way: orjson's parse is used only when no key was
dropped, valid values never leave the generated hooks, and the inlined value checks say exactly
what the model's validators say."""

from __future__ import annotations

import json
import typing
from typing import Any

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from policyconflict.errors import ShapeError
from policyconflict.ids import ID_PATTERN
from policyconflict.model import _fields as f
from policyconflict.model import _hints as hints
from policyconflict.serialization import TAGS, dumps
from policyconflict.serialization._converter import make_converter
from policyconflict.serialization._json import UNSURE, parse, parse_fast
from policyconflict.serialization._structure import inline_condition, make_structure_fn
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


def _model_fields() -> list[tuple[type[Any], attrs.Attribute[Any]]]:
    """Every field of every model class a story can hold, with its class."""
    found: dict[type[Any], None] = {}
    pending: list[Any] = [Story]
    while pending:
        tp = pending.pop()
        if tp in found:
            continue
        if hints.is_model(tp):
            found[tp] = None
            pending.extend(field.type for field in attrs.fields(attrs.resolve_types(tp)))
        else:
            pending.extend(typing.get_args(tp))
    return [(cls, field) for cls in found for field in attrs.fields(cls)]


MODEL_FIELDS = _model_fields()
INLINED = {
    (rule, field.type): condition
    for _cls, field in MODEL_FIELDS
    if (rule := f.rule_of(field)) is not None
    and (condition := inline_condition(rule, field.type, "x", lambda _p, _v: "match")) is not None
}


def test_every_model_field_has_one_rule() -> None:
    assert len(MODEL_FIELDS) > 150
    for cls, field in MODEL_FIELDS:
        assert isinstance(field.validator, f.Rule), (cls.__name__, field.name)


def test_the_common_rules_are_inlined() -> None:
    kinds = {type(rule) for rule, _tp in INLINED}
    assert kinds == {f.Text, f.Id, f.Word, f.Range}
    assert (f.number, int | float | None) in INLINED
    assert (f.count, int | None) in INLINED


@attrs.define
class _Holder:
    value: Any = None


_TEXTS = st.text(alphabet=st.sampled_from("ab :/\t\n\u00a0é-0"), max_size=6)
_STRINGS = (
    _TEXTS
    | st.from_regex(r"[a-z0-9][a-z0-9._:/~#-]{0,5}", fullmatch=True)
    | st.from_regex(r"[a-zA-Z]{2,3}(?:-[A-Za-z0-9]{1,9}){0,2}", fullmatch=True)
    | st.from_regex(r"https?://[a-z/ ]{0,5}", fullmatch=True)
)
_INTS = (
    st.integers(-5, 5) | st.integers(2**53 - 2, 2**53 + 2) | st.integers(-(2**53) - 2, -(2**53) + 2)
)
_VALUES: dict[Any, st.SearchStrategy[Any]] = {
    str: _STRINGS,
    int: _INTS,
    int | float: _INTS | st.floats(allow_nan=False, allow_infinity=False),
}


def _agree(rule: f.Rule, tp: Any, condition: str, x: Any) -> None:
    match = rule.pattern.fullmatch if isinstance(rule, f.Word) else None
    bad = eval(condition, {"id_match": ID_PATTERN.fullmatch, "match": match}, {"x": x})
    attribute = attrs.fields(_Holder).value
    try:
        rule(None, attribute, x)
        raised = False
    except ShapeError:
        raised = True
    assert bool(bad) == raised, (rule, tp, x)


@pytest.mark.parametrize(("rule", "tp"), list(INLINED), ids=repr)
@given(data=st.data())
def test_inlined_checks_agree_with_the_rules(rule: f.Rule, tp: Any, data: st.DataObject) -> None:
    inner = hints.optional_inner(tp)
    base = tp if inner is None else inner
    x = data.draw(_VALUES[base] | (st.none() if inner is not None else st.nothing()))
    _agree(rule, tp, INLINED[rule, tp], x)


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
    "en",
    "es-MX",
    "http://x",
    "https:// x",
    None,
]
EDGES_INT = [None, -(2**53) - 1, -(2**53), -1, 0, 1, 2**53, 2**53 + 1, 0.5, -0.5, 1e300]


@pytest.mark.parametrize(("rule", "tp"), list(INLINED), ids=repr)
def test_inlined_checks_agree_with_the_rules_on_edge_values(rule: f.Rule, tp: Any) -> None:
    inner = hints.optional_inner(tp)
    base = tp if inner is None else inner
    for x in EDGES if base is str else EDGES_INT:
        if x is None and inner is None:
            continue  # the conversion has ruled None out for a required field
        if type(x) is float and base is int:
            continue  # the conversion has ruled floats out
        _agree(rule, tp, INLINED[rule, tp], x)


def test_a_bug_in_the_fast_path_is_not_hidden_by_the_detailed_path() -> None:
    """Only the errors a bad value causes send the value to the detailed function: any other
    exception in the generated function propagates."""

    def broken(value: Any, _type: Any = None) -> Any:
        raise ZeroDivisionError("a bug")

    def detailed(value: Any, _type: Any = None) -> Any:
        return "detailed"

    @attrs.frozen
    class Named:
        name: str = attrs.field(validator=f.text)

    structure = make_structure_fn(Named, lambda tp: broken, {str: broken}, detailed)
    assert structure({"name": "ok"}) == Named(name="ok")  # ASCII text needs no hook
    assert structure({"name": "ok", "extra": 1}) == "detailed"  # an expected problem
    assert structure({"name": " ok"}) == "detailed"  # a value breaking its rule
    with pytest.raises(ZeroDivisionError):
        structure({"name": "é"})  # the str hook is called, and its bug surfaces
