"""The generated structuring functions, one behaviour at a time, on small classes of their own:
what they accept they build exactly as ``__init__`` would, what they reject they hand to the
detailed function, and what is a bug they raise."""

from __future__ import annotations

import enum
import inspect
from typing import Any

import attrs
import pytest
from cattrs.errors import ClassValidationError

from policyconflict.dates import PartialDate, Period
from policyconflict.errors import ShapeError
from policyconflict.model import Person, Quantity
from policyconflict.model import _fields as f
from policyconflict.serialization._converter import _PRIMITIVE, CONVERTER, Invalid, _enum_factory
from policyconflict.serialization._structure import (
    EXPECTED,
    _plain_slots,
    inline_condition,
    make_structure_fn,
)


def _detailed_for(cls: type[Any]) -> Any:
    """A detailed function that reports by raising what cattrs' does, naming its class."""

    def detailed(value: Any, _type: Any = None) -> Any:
        raise ClassValidationError(f"reported {cls.__name__}", [ValueError(value)], cls)

    return detailed


def reported(structure: Any, value: Any) -> str:
    """The class whose detailed function reported ``value``."""
    with pytest.raises(ClassValidationError) as caught:
        structure(value)
    return caught.value.message.removeprefix("reported ")


class Colour(enum.StrEnum):
    RED = "red"
    BLUE = "blue"


@attrs.frozen(kw_only=True)
class Inner:
    name: str = attrs.field(validator=f.text)


@attrs.frozen(kw_only=True)
class Shapes:
    """One field of every shape the generator writes code for."""

    id: str = attrs.field(validator=f.identifier)
    label: str | None = attrs.field(default=None, validator=f.optional_text)
    count: int | None = attrs.field(default=None, validator=f.count)
    size: int | float | None = attrs.field(default=None, validator=f.number)
    flag: bool = attrs.field(default=False, validator=f.flag)
    colour: Colour = attrs.field(default=Colour.RED, validator=f.one_of(Colour))
    topic: str | None = attrs.field(default=None, validator=f.topic)
    tags: tuple[str, ...] = attrs.field(default=(), validator=f.texts)
    refs: tuple[str, ...] = attrs.field(default=(), validator=f.refs("person"))
    inner: Inner | None = attrs.field(default=None, validator=f.instance(Inner, optional=True))
    inners: tuple[Inner, ...] = attrs.field(default=(), validator=f.tuple_of(Inner))
    date: PartialDate | None = attrs.field(default=None, validator=f.optional_date)
    period: Period | None = attrs.field(default=None, validator=f.optional_period)
    raw: str | None = attrs.field(default=None, validator=f.instance(str, optional=True))
    colours: tuple[Colour, ...] = attrs.field(default=(), validator=f.tuple_of(Colour))

    def __attrs_post_init__(self) -> None:
        self._check_label_not_id()

    def _check_label_not_id(self) -> None:
        if self.label == self.id:
            raise ShapeError("self-reference", "label repeats the id", "label")


def _hook(tp: Any) -> Any:
    if attrs.has(tp) and tp not in (PartialDate, Period):
        return structure_of(tp)
    if tp is Colour:  # the converter knows the model's enums only
        return _enum_factory(Colour)
    return CONVERTER.get_structure_hook(tp)


_MADE: dict[Any, Any] = {}


def structure_of(cls: type[Any], **options: Any) -> Any:
    key = (cls, tuple(sorted(options.items())))
    if key not in _MADE:
        _MADE[key] = make_structure_fn(
            cls, _hook, _PRIMITIVE, _detailed_for(cls), expected=(Invalid,), **options
        )
    return _MADE[key]


FULL: dict[str, Any] = {
    "id": "thing:a",
    "label": "A thing",
    "count": 3,
    "size": 2.5,
    "flag": True,
    "colour": "blue",
    "topic": "some-topic",
    "tags": ["x", "y"],
    "refs": ["person:a", "person:b"],
    "inner": {"name": "in"},
    "inners": [{"name": "one"}, {"name": "two"}],
    "date": "2020-02-14",
    "period": "2020-02/2020-05",
    "raw": " any text ",
    "colours": ["red", "blue"],
}


def test_a_full_value_is_built_as_init_builds_it() -> None:
    made = structure_of(Shapes)(dict(FULL))
    expected = Shapes(
        id="thing:a",
        label="A thing",
        count=3,
        size=2.5,
        flag=True,
        colour=Colour.BLUE,
        topic="some-topic",
        tags=("x", "y"),
        refs=("person:a", "person:b"),
        inner=Inner(name="in"),
        inners=(Inner(name="one"), Inner(name="two")),
        date=PartialDate.parse("2020-02-14"),
        period=Period.parse("2020-02/2020-05"),
        raw=" any text ",
        colours=(Colour.RED, Colour.BLUE),
    )
    assert made == expected
    assert type(made.tags) is tuple
    assert type(made.inners) is tuple
    assert made.colour is Colour.BLUE


def test_left_out_fields_get_their_defaults() -> None:
    assert structure_of(Shapes)({"id": "thing:a"}) == Shapes(id="thing:a")


def test_null_is_taken_where_a_field_is_optional() -> None:
    value = {"id": "thing:a", "label": None, "count": None, "size": None, "inner": None}
    assert structure_of(Shapes)(value) == Shapes(id="thing:a")


def test_numbers_keep_their_type() -> None:
    made = structure_of(Shapes)({"id": "thing:a", "size": 2, "count": 0})
    assert type(made.size) is int
    assert made.count == 0
    top = structure_of(Shapes)({"id": "thing:a", "size": -(2**53), "count": 2**53})
    assert top.size == -(2**53)
    assert top.count == 2**53


@pytest.mark.parametrize(
    ("key", "value"),
    [
        ("id", "Not An Id"),
        ("id", 5),
        ("label", " padded"),
        ("label", ""),
        ("label", 7),
        ("count", -1),
        ("count", 2**53 + 1),
        ("count", 1.0),
        ("count", True),
        ("size", 2**53 + 1),
        ("size", -(2**53) - 1),
        ("size", "1"),
        ("flag", 1),
        ("flag", "true"),
        ("colour", "green"),
        ("colour", ["red"]),
        ("colour", 1),
        ("topic", "Not A Topic"),
        ("tags", ["x", "x"]),
        ("tags", ["x", " y"]),
        ("tags", "x"),
        ("refs", ["person:a", "person:a"]),
        ("refs", ["Person A"]),
        ("inner", {"name": ""}),
        ("inner", {"name": "x", "other": 1}),
        ("inner", "x"),
        ("inners", [{"name": "ok"}, {}]),
        ("inners", {"name": "x"}),
        ("date", "2020-02-30"),
        ("date", 2020),
        ("period", "2020-05/2020-02"),
        ("raw", 5),
        ("colours", ["red", "green"]),
        ("label", "thing:a"),  # the check across fields
        ("unknown", 1),
    ],
)
def test_a_bad_value_goes_to_the_detailed_function(key: str, value: Any) -> None:
    assert reported(structure_of(Shapes), {**FULL, key: value}) == "Shapes"


@pytest.mark.parametrize("missing", ["id"])
def test_a_missing_required_field_goes_to_the_detailed_function(missing: str) -> None:
    value = dict(FULL)
    del value[missing]
    assert reported(structure_of(Shapes), value) == "Shapes"


def test_a_value_that_is_not_an_object_goes_to_the_detailed_function() -> None:
    assert reported(structure_of(Shapes), ["id", "thing:a"]) == "Shapes"
    assert reported(structure_of(Shapes), {**FULL, "inner": ["x"]}) == "Shapes"


def test_without_fall_back_a_problem_is_raised() -> None:
    structure = structure_of(Shapes, fall_back=False)
    with pytest.raises(ShapeError):
        structure({**FULL, "label": "thing:a"})
    with pytest.raises(EXPECTED):
        structure({**FULL, "unknown": 1})
    with pytest.raises(KeyError):
        structure({"label": "x"})
    assert structure(dict(FULL)) == structure_of(Shapes)(dict(FULL))


def test_the_fall_back_is_on_by_default() -> None:
    structure = make_structure_fn(
        Inner, _hook, _PRIMITIVE, _detailed_for(Inner), expected=(Invalid,)
    )
    assert reported(structure, {"name": ""}) == "Inner"


def test_an_unexpected_error_is_raised_not_reported() -> None:
    def broken(value: Any, _type: Any = None) -> Any:
        raise ZeroDivisionError("a bug")

    structure = make_structure_fn(Inner, _hook, {**_PRIMITIVE, str: broken}, _detailed_for(Inner))
    assert structure({"name": "plain"}) == Inner(name="plain")
    with pytest.raises(ZeroDivisionError):
        structure({"name": "é"})


def test_the_caller_names_more_expected_errors() -> None:
    structure = make_structure_fn(Inner, _hook, _PRIMITIVE, _detailed_for(Inner))
    with pytest.raises(Invalid):  # not named: raised as it is
        structure({"name": "\ud800"})
    assert reported(structure_of(Inner), {"name": "\ud800"}) == "Inner"


def test_text_that_is_not_ascii_goes_through_the_str_hook() -> None:
    assert structure_of(Inner)({"name": "Señor"}) == Inner(name="Señor")


class _Weak:
    """A class whose instances hold more than their fields: built by calling it."""


@attrs.frozen(kw_only=True, cache_hash=True)
class Hashed:
    name: str = attrs.field(validator=f.text)


def test_plain_slots_are_set_directly_other_classes_are_called() -> None:
    assert _plain_slots(Person, {field.name for field in attrs.fields(Person)})
    assert _plain_slots(Inner, {"name"})
    assert not _plain_slots(Inner, {"name", "other"})
    assert not _plain_slots(Hashed, {"name"})
    structure = structure_of(Hashed)
    made = structure({"name": "x"})
    assert made == Hashed(name="x")
    assert hash(made) == hash(Hashed(name="x"))
    assert reported(structure, {"name": " x"}) == "Hashed"
    assert "new(cls)" in inspect.getsource(structure_of(Inner))
    assert "cls(name=x0)" in inspect.getsource(structure)


def test_the_source_of_a_generated_function_can_be_read() -> None:
    source = inspect.getsource(structure_of(Shapes))
    assert source.startswith("def structure(d, _t=None):\n")
    assert "post_init(o)" in source
    assert "except expected:" in source


def test_each_rule_is_inlined_called_or_skipped_as_it_needs() -> None:
    source = inspect.getsource(structure_of(Shapes))
    assert "id_match(x0) is None" in source  # an id: inlined
    assert "x1 is not None and (not x1 or x1.strip() != x1)" in source  # optional text
    assert f"not 0 <= x2 <= {2**53}" in source  # a count
    assert f"not -{2**53} <= x3 <= {2**53}" in source  # a number
    assert "check7(o, attribute7, x7)" in source  # a tuple of texts: called
    assert "check8(o, attribute8, x8)" in source  # a tuple of references: called
    for skipped in (4, 5, 9, 10, 11, 12, 13):  # flag, enum, nested, dates, any string
        assert f"check{skipped}(" not in source
    assert "check14(o, attribute14, x14)" in source  # a tuple of enum members: called


def test_inline_conditions_need_the_type_they_were_written_for() -> None:
    def name(_prefix: str, _value: Any) -> str:
        return "match"

    assert inline_condition(f.text, str, "x", name) == "not x or x.strip() != x"
    assert inline_condition(f.text, str | None, "x", name) == "x is None or not x or x.strip() != x"
    assert inline_condition(f.text, int, "x", name) is None
    assert inline_condition(f.identifier, str, "x", name) == "id_match(x) is None"
    assert inline_condition(f.Id(grammar=lambda v: None), str, "x", name) is None
    assert inline_condition(f.identifier, int, "x", name) is None
    assert inline_condition(f.topic, str | None, "x", name) == (
        "x is not None and (match(x) is None)"
    )
    assert inline_condition(f.topic, int, "x", name) is None
    assert inline_condition(f.count, int, "x", name) == f"not 0 <= x <= {2**53}"
    assert inline_condition(f.count, str, "x", name) is None
    assert inline_condition(f.number, int | float, "x", name) is not None
    assert inline_condition(f.number, int, "x", name) is None
    assert inline_condition(f.flag, bool, "x", name) is None
    assert inline_condition(f.texts, tuple[str, ...], "x", name) is None


def test_a_nested_class_is_structured_by_its_own_function_once_looked_up() -> None:
    looked_up: list[Any] = []

    def hook(tp: Any) -> Any:
        looked_up.append(tp)
        return _hook(tp)

    structure = make_structure_fn(
        Shapes, hook, _PRIMITIVE, _detailed_for(Shapes), expected=(Invalid,)
    )
    assert Inner not in looked_up  # generated on first use
    value = {**FULL, "inners": [{"name": "a"}, {"name": "b"}, {"name": "c"}]}
    assert structure(value).inners == (Inner(name="a"), Inner(name="b"), Inner(name="c"))
    first = looked_up.count(Inner)
    assert first >= 2
    assert structure(value).inner == Inner(name="in")
    assert looked_up.count(Inner) == first  # then the hook itself is called


def test_two_primitive_hooks_are_not_confused() -> None:
    def text(value: Any, _type: Any = None) -> Any:
        return "TEXT" if type(value) is str else _PRIMITIVE[str](value)

    @attrs.frozen(kw_only=True)
    class Pair:
        a: str = attrs.field(validator=f.instance(str))
        b: float = attrs.field(validator=f.number)

    structure = make_structure_fn(Pair, _hook, {**_PRIMITIVE, str: text}, _detailed_for(Pair))
    assert structure({"a": "é", "b": 1.5}) == Pair(a="TEXT", b=1.5)


def test_quantities_of_the_model_check_their_kind_after_their_fields() -> None:
    structure = structure_of(Quantity)
    assert structure({"kind": "exact", "value": 3}) == Quantity.exact(3)
    assert reported(structure, {"kind": "exact"}) == "Quantity"  # the check across fields
    assert reported(structure, {"kind": "range", "low": 5, "high": 1}) == "Quantity"


@attrs.frozen(kw_only=True)
class Table:
    """Tuples of tuples: the item type is converted by the converter's own hook."""

    rows: tuple[tuple[str, ...], ...] = attrs.field(validator=f.instance(tuple))


def test_a_tuple_of_tuples_is_structured_through_the_converter_hook_of_its_items() -> None:
    structure = structure_of(Table)
    made = structure({"rows": [["a", "b"], ["c"], []]})
    assert made == Table(rows=(("a", "b"), ("c",), ()))
    assert all(type(row) is tuple for row in made.rows)
    assert reported(structure, {"rows": [["a", 1]]}) == "Table"
    assert reported(structure, {"rows": ["ab"]}) == "Table"


def test_a_cattrs_hook_is_called_with_its_value_and_its_type() -> None:
    seen: list[Any] = []

    def rows(value: Any, tp: Any) -> Any:  # a cattrs hook: the type is not optional
        seen.append(tp)
        return CONVERTER.get_structure_hook(tp)(value, tp)

    def hook(tp: Any) -> Any:
        return rows if tp == tuple[str, ...] else _hook(tp)

    structure = make_structure_fn(Table, hook, _PRIMITIVE, _detailed_for(Table))
    assert structure({"rows": [["a"], ["b", "c"]]}) == Table(rows=(("a",), ("b", "c")))
    assert seen == [tuple[str, ...], tuple[str, ...]]


@attrs.frozen(kw_only=True)
class Mismatched:
    """A rule asking for another class than the annotation: every value breaks it."""

    name: str = attrs.field(validator=f.instance(Inner))


def test_a_type_check_vouches_only_for_its_own_class() -> None:
    # The annotation's type check proves a value is a `str`, not that it is an `Inner`: the rule
    # is still checked, so the fast path never builds a value that `__init__` refuses.
    with pytest.raises(ShapeError):
        Mismatched(name="a")
    assert reported(structure_of(Mismatched), {"name": "a"}) == "Mismatched"
