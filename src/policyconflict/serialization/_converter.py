"""The one cattrs converter: strict structuring hooks and canonical unstructuring hooks.

:func:`make_converter` builds it; :data:`CONVERTER` is the instance built once at import (a
converter per call would leak generated code). The model classes know nothing about it.

Structuring never coerces: every primitive hook checks the exact JSON type (``"100"`` is not
``100``, ``true`` is not ``1``, ``1.9`` is not ``1``, ``null`` only where a field is optional).
Failures are raised as :class:`Invalid` (a code and a message) inside cattrs' detailed
validation groups, whose notes carry the attribute names and list indexes;
:func:`problems_from` turns such a tree into :class:`~policyconflict.errors.Problem` values with
JSON paths.
"""

from __future__ import annotations

import enum
import sys
import typing
from collections.abc import Callable
from typing import Any, Final

import attrs
import cattrs
from cattrs.errors import (
    AttributeValidationNote,
    BaseValidationError,
    ClassValidationError,
    ForbiddenExtraKeysError,
    IterableValidationError,
    IterableValidationNote,
)
from cattrs.gen import make_dict_structure_fn

import policyconflict.model  # noqa: F401  (loads every model module)
from policyconflict.dates import PartialDate, Period
from policyconflict.errors import DateTextError, Problem, ShapeError, ValidationError
from policyconflict.model import _hints as hints
from policyconflict.model._fields import MAX_INT
from policyconflict.serialization._json import DuplicateKeys, Marker
from policyconflict.serialization._structure import EXPECTED, make_structure_fn
from policyconflict.serialization._unstructure import make_unstructure_fn

__all__ = ["CONVERTER", "Invalid", "make_converter", "problems_from"]

Hook = Callable[..., Any]
_Number = typing.TypeVar("_Number", int, float)


class Invalid(Exception):
    """One problem found by a structuring hook, before its path is known."""

    def __init__(self, code: str, message: str) -> None:
        super().__init__(message)
        self.code = code
        self.message = message


def json_kind(value: object) -> str:
    """How a JSON reader would name the type of ``value``, with short scalars shown."""
    if value is None:
        return "null"
    if type(value) is bool:
        return "true" if value else "false"
    if type(value) is int:
        return f"integer {value}"
    if type(value) is float:
        return f"number {value!r}"
    if type(value) is str:
        return f"string {value[:40]!r}" if len(value) <= 40 else "a long string"
    if isinstance(value, list):
        return "an array"
    if isinstance(value, dict):
        return "an object"
    return type(value).__name__


def wrong(value: object, expected: str) -> Invalid:
    """The problem for ``value`` where ``expected`` was wanted (markers keep their own code)."""
    if isinstance(value, Marker):
        return Invalid(value.code, value.message)
    return Invalid("wrong-type", f"expected {expected}, got {json_kind(value)}")


# -- primitive hooks -----------------------------------------------------------------------------


def _structure_str(value: Any, _type: Any = None) -> str:
    if type(value) is str:
        if not value.isascii():
            try:
                value.encode("utf-8")
            except UnicodeEncodeError as exc:
                raise Invalid(
                    "bad-text", f"text holds a lone surrogate at character {exc.start}"
                ) from None
        return value
    raise wrong(value, "a string")


def _structure_int(value: Any, _type: Any = None) -> int:
    if type(value) is int:
        return _in_range(value)
    raise wrong(value, "an integer")


def _in_range(value: _Number) -> _Number:
    """``value`` if it lies within ±2**53 (the strict parser marks larger numbers already;
    this keeps values parsed any other way to the same range)."""
    if -MAX_INT <= value <= MAX_INT:
        return value
    raise Invalid("too-large", f"number {value!r} is beyond ±2**53")


def _structure_bool(value: Any, _type: Any = None) -> bool:
    if type(value) is bool:
        return value
    raise wrong(value, "true or false")


def _structure_number(value: Any, _type: Any = None) -> int | float:
    kind = type(value)
    if kind is int or kind is float:
        return _in_range(typing.cast(int | float, value))
    raise wrong(value, "a number")


_CACHE_LIMIT: Final = 4096


def _text_hook(parse: Callable[[str], Any], what: str) -> Hook:
    """A hook reading EDTF text with ``parse``; results are cached (the values are frozen)."""
    cache: dict[str, Any] = {}

    def structure(value: Any, _type: Any = None) -> Any:
        found = cache.get(value) if type(value) is str else None
        if found is not None:
            return found
        if type(value) is not str:
            raise wrong(value, f"{what} as EDTF text")
        try:
            result = parse(value)
        except DateTextError as exc:
            raise Invalid("bad-date", str(exc)) from None
        if len(cache) >= _CACHE_LIMIT:
            cache.clear()
        cache[value] = result
        return result

    return structure


# -- hook factories ------------------------------------------------------------------------------


def _is_optional(tp: Any) -> bool:
    return hints.optional_inner(tp) is not None


def _optional_factory(converter: cattrs.Converter) -> Callable[[Any], Hook]:
    def factory(tp: Any) -> Hook:
        inner_type = hints.optional_inner(tp)
        inner = converter.get_structure_hook(inner_type)

        def structure(value: Any, _type: Any = None) -> Any:
            if value is None:
                return None
            return inner(value, inner_type)

        return structure

    return factory


def _is_tuple(tp: Any) -> bool:
    return hints.tuple_item(tp) is not None


def _tuple_factory(converter: cattrs.Converter) -> Callable[[Any], Hook]:
    def factory(tp: Any) -> Hook:
        item_type = hints.tuple_item(tp)
        item = converter.get_structure_hook(item_type)

        def structure(value: Any, _type: Any = None) -> tuple[Any, ...]:
            if type(value) is not list:
                raise wrong(value, "an array")
            try:
                return tuple([item(x, item_type) for x in value])
            except _BAD_VALUE:
                pass  # collect every member's problem below
            errors: list[Exception] = []
            for index, x in enumerate(value):
                try:
                    item(x, item_type)
                except Exception as exc:
                    exc.add_note(IterableValidationNote(f"@ index {index}", index, item_type))
                    errors.append(exc)
            raise IterableValidationError("while structuring an array", errors, tp)

        return structure

    return factory


def _tuple_unstructure_factory(converter: cattrs.Converter) -> Callable[[Any], Hook]:
    def factory(tp: Any) -> Hook:
        item_type = typing.get_args(tp)[0]
        if not attrs.has(item_type):
            return list
        item = converter.get_unstructure_hook(item_type)

        def unstructure(value: tuple[Any, ...]) -> list[Any]:
            return [item(x) for x in value]

        return unstructure

    return factory


def _model_enums() -> list[type[enum.Enum]]:
    """Every enum defined in the modules of :mod:`policyconflict.model` (cheaper at start-up
    than walking every field type; a test checks that every enum a story can hold is here)."""
    found = {
        value
        for name, module in list(sys.modules.items())
        if name.startswith("policyconflict.model.")
        for value in vars(module).values()
        if hints.is_enum(value)
    }
    return sorted(found, key=lambda e: e.__name__)


def _enum_factory(tp: type[enum.Enum]) -> Hook:
    members = {member.value: member for member in tp}
    allowed = ", ".join(repr(v) for v in sorted(members))

    def structure(value: Any, _type: Any = None) -> enum.Enum:
        if type(value) is str:
            member = members.get(value)
            if member is not None:
                return member
            raise Invalid("bad-enum", f"{value!r} is not one of {allowed}")
        raise wrong(value, "a string")

    return structure


_BAD_VALUE: Final[tuple[type[Exception], ...]] = (*EXPECTED, Invalid)
"""The errors a hook raises for a bad value (anything else is a bug and propagates)."""

_PRIMITIVE: Final = {
    str: _structure_str,
    int: _structure_int,
    bool: _structure_bool,
    float: _structure_number,
}


def _class_factory(converter: cattrs.Converter, *, fall_back: bool) -> Callable[[Any], Hook]:
    def factory(cls: type[Any]) -> Hook:
        detailed = _detailed_class_hook(cls, converter)
        return make_structure_fn(
            cls,
            converter.get_structure_hook,
            _PRIMITIVE,
            detailed,
            expected=_BAD_VALUE,
            fall_back=fall_back,
        )

    return factory


def _detailed_class_hook(cls: type[Any], converter: cattrs.Converter) -> Hook:
    """cattrs' generated function with detailed validation: slower, and names every problem.

    Generated on first use: valid input never needs it.
    """
    made: list[Hook] = []

    def structure(value: Any, _type: Any = None) -> Any:
        if not made:
            made.append(make_dict_structure_fn(cls, converter))
        generated = made[0]
        if type(value) is dict:
            return generated(value, cls)
        if type(value) is DuplicateKeys:
            errors: list[Exception] = []
            for key in value.duplicates:
                problem = Invalid("duplicate-key", f"key {key!r} appears more than once")
                problem.add_note(AttributeValidationNote(f"@ {key}", key, None))
                errors.append(problem)
            try:
                generated(dict(value), cls)
            except BaseValidationError as exc:
                errors.extend(exc.exceptions)
            except Exception as exc:
                errors.append(exc)
            raise ClassValidationError(f"while structuring {cls.__name__}", errors, cls)
        raise wrong(value, "an object")

    return structure


def _class_unstructure_factory(converter: cattrs.Converter) -> Callable[[Any], Hook]:
    def factory(cls: type[Any]) -> Hook:
        return make_unstructure_fn(cls, converter.get_unstructure_hook)

    return factory


def make_converter(*, fall_back: bool = True) -> cattrs.Converter:
    """A new strict converter for the model classes (the library builds exactly one).

    Class hooks are generated twice over: a fast function for valid input, which hands any
    problem to cattrs' detailed function for the report (see
    :mod:`policyconflict.serialization._structure`). ``fall_back=False`` makes the fast
    functions raise instead; tests use it to prove that valid input never needs the detour.

    Structuring: exact JSON types only, unknown keys rejected, every problem collected.
    Unstructuring: fields equal to their default are omitted; dates and periods become EDTF
    text, enums their values, tuples arrays.
    """
    converter = cattrs.Converter(
        forbid_extra_keys=True, detailed_validation=True, omit_if_default=True
    )
    for primitive, hook in _PRIMITIVE.items():
        converter.register_structure_hook(primitive, hook)
    # The model's enums are str subclasses, so single dispatch would send them to the str
    # hook: each gets its own registration, which is more specific.
    for enum_type in _model_enums():
        converter.register_structure_hook(enum_type, _enum_factory(enum_type))
    converter.register_structure_hook_func(lambda tp: tp == (int | float), _structure_number)
    converter.register_structure_hook(PartialDate, _text_hook(PartialDate.parse, "a date"))
    converter.register_structure_hook(Period, _text_hook(Period.parse, "a period"))
    converter.register_unstructure_hook(PartialDate, str)
    converter.register_unstructure_hook(Period, str)
    converter.register_structure_hook_factory(hints.is_enum, _enum_factory)
    converter.register_structure_hook_factory(_is_optional, _optional_factory(converter))
    converter.register_structure_hook_factory(_is_tuple, _tuple_factory(converter))
    converter.register_unstructure_hook_factory(_is_tuple, _tuple_unstructure_factory(converter))
    converter.register_structure_hook_factory(
        hints.is_model,
        _class_factory(converter, fall_back=fall_back),
    )
    converter.register_unstructure_hook_factory(
        hints.is_model,
        _class_unstructure_factory(converter),
    )
    return converter


CONVERTER: Final = make_converter()
"""The converter every function of :mod:`policyconflict.serialization` uses."""


class HookTable(dict[Any, Hook]):
    """Hooks by key, each looked up in :data:`CONVERTER` on first use (so that a program
    pays at start-up only for the classes it reads or writes)."""

    def __init__(self, lookup: Callable[[Any], Hook]) -> None:
        super().__init__()
        self.lookup = lookup

    def __missing__(self, key: Any) -> Hook:
        hook = self[key] = self.lookup(key)
        return hook


# -- error trees → problems ----------------------------------------------------------------------


def _child_path(exc: BaseException, path: str) -> str:
    for note in getattr(exc, "__notes__", ()):
        if isinstance(note, AttributeValidationNote):
            return f"{path}.{note.name}"
        if isinstance(note, IterableValidationNote):
            return f"{path}[{note.index}]"
    return path


def _missing(exc: KeyError, path: str) -> Problem:
    return Problem(path=path, code="missing-field", message="a required field is missing")


def problems_from(exc: BaseException, path: str) -> list[Problem]:
    """The problems in a structuring error tree, with paths under ``path``."""
    found: list[Problem] = []
    _collect(exc, path, found)
    return found


def _collect(exc: BaseException, path: str, found: list[Problem]) -> None:
    if isinstance(exc, ForbiddenExtraKeysError):
        for key in sorted(exc.extra_fields, key=repr):
            found.append(
                Problem(path=f"{path}.{key}", code="unknown-field", message=f"unknown key {key!r}")
            )
    elif isinstance(exc, BaseValidationError):
        for sub in exc.exceptions:
            _collect(sub, _child_path(sub, path), found)
    elif isinstance(exc, Invalid):
        found.append(Problem(path=path, code=exc.code, message=exc.message))
    elif isinstance(exc, ValidationError):
        found.extend(
            attrs.evolve(p, path=path + p.path[1:]) if p.path.startswith("$") else p
            for p in exc.problems
        )
    elif isinstance(exc, ShapeError):
        where = f"{path}.{exc.field}" if exc.field else path
        found.append(Problem(path=where, code=exc.code, message=exc.message))
    elif isinstance(exc, KeyError):
        found.append(_missing(exc, path))
    elif isinstance(exc, DateTextError):
        found.append(Problem(path=path, code="bad-date", message=str(exc)))
    else:
        found.append(Problem(path=path, code="bad-value", message=str(exc) or type(exc).__name__))
