"""Validators shared by the model classes.

Each raises :class:`~policyconflict.errors.ShapeError` with a stable code and the field name.
Fields that refer to other entities carry ``metadata={"ref": (kind, ...)}`` so that
:class:`~policyconflict.story.Story` can check every reference generically.
"""

from __future__ import annotations

import enum
import re
from collections.abc import Callable, Mapping
from typing import Any, Final

import attrs

from policyconflict.dates import PartialDate, Period
from policyconflict.errors import ShapeError
from policyconflict.ids import ID_PATTERN

Validator = Callable[[Any, "attrs.Attribute[Any]", Any], None]

ANY_KIND: Final = "*"
_TOPIC: Final = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
_LANGUAGE: Final = re.compile(r"[a-z]{2,3}(?:-[A-Za-z0-9]{2,8})*")
_URL: Final = re.compile(r"https?://[^\s]+")
MAX_INT: Final = 2**53


def refs(*kinds: str) -> Mapping[str, tuple[str, ...]]:
    """Field metadata saying which entity kinds a reference may point at."""
    return {"ref": kinds or (ANY_KIND,)}


def _fail(code: str, attribute: attrs.Attribute[Any], message: str) -> None:
    raise ShapeError(code, message, attribute.name)


def text(_inst: object, attribute: attrs.Attribute[Any], value: object) -> None:
    """A non-empty string that does not begin or end with white space."""
    if type(value) is not str:
        _fail("wrong-type", attribute, f"must be a string, got {type(value).__name__}")
    assert isinstance(value, str)
    if not value.strip():
        _fail("empty", attribute, "must not be empty")
    if value != value.strip():
        _fail("untrimmed", attribute, "must not begin or end with white space")


def optional_text(inst: object, attribute: attrs.Attribute[Any], value: object) -> None:
    """``None`` or :func:`text`."""
    if value is not None:
        text(inst, attribute, value)


def identifier(_inst: object, attribute: attrs.Attribute[Any], value: object) -> None:
    """A string in the id grammar."""
    if type(value) is not str:
        _fail("wrong-type", attribute, f"must be an id string, got {type(value).__name__}")
    assert isinstance(value, str)
    if ID_PATTERN.fullmatch(value) is None:
        _fail("bad-id", attribute, f"{value!r} is not a valid id (lower-case a-z, 0-9, ._:/~#-)")


def optional_identifier(inst: object, attribute: attrs.Attribute[Any], value: object) -> None:
    """``None`` or :func:`identifier`."""
    if value is not None:
        identifier(inst, attribute, value)


def _tuple(attribute: attrs.Attribute[Any], value: object) -> tuple[Any, ...]:
    if type(value) is not tuple:
        _fail("wrong-type", attribute, f"must be a tuple, got {type(value).__name__}")
    assert isinstance(value, tuple)
    return value


def identifiers(inst: object, attribute: attrs.Attribute[Any], value: object) -> None:
    """A tuple of ids without repeats."""
    items = _tuple(attribute, value)
    for item in items:
        identifier(inst, attribute, item)
    if len(set(items)) != len(items):
        _fail("duplicate", attribute, "must not list the same id twice")


def texts(inst: object, attribute: attrs.Attribute[Any], value: object) -> None:
    """A tuple of non-empty strings without repeats."""
    items = _tuple(attribute, value)
    for item in items:
        text(inst, attribute, item)
    if len(set(items)) != len(items):
        _fail("duplicate", attribute, "must not list the same text twice")


@attrs.frozen
class TupleOf:
    """Validator: a tuple whose members are instances of ``cls``.

    A class rather than a closure, so that code which already guarantees the type (the JSON
    reader builds tuples of the annotated class) can recognise the check and skip it.
    """

    cls: type

    def __call__(self, _inst: object, attribute: attrs.Attribute[Any], value: object) -> None:
        cls = self.cls
        for item in _tuple(attribute, value):
            if not isinstance(item, cls):
                _fail(
                    "wrong-type",
                    attribute,
                    f"members must be {cls.__name__}, got {type(item).__name__}",
                )


def tuple_of(cls: type) -> Validator:
    """A tuple whose members are instances of ``cls``."""
    return TupleOf(cls)


@attrs.frozen
class InstanceOf:
    """Validator: an instance of ``cls`` (or ``None`` when ``optional``); a class for the
    same reason as :class:`TupleOf`."""

    cls: type | tuple[type, ...]
    optional: bool = False

    def __call__(self, _inst: object, attribute: attrs.Attribute[Any], value: object) -> None:
        cls = self.cls
        if value is None and self.optional:
            return
        if not isinstance(value, cls) or (isinstance(value, bool) and bool not in _as_tuple(cls)):
            names = cls.__name__ if isinstance(cls, type) else " or ".join(c.__name__ for c in cls)
            expected = (
                "a valid value" if isinstance(cls, type) and issubclass(cls, enum.Enum) else names
            )
            got = repr(value) if isinstance(value, str) else type(value).__name__
            _fail("wrong-type", attribute, f"must be {expected}, got {got}")


def instance(cls: type | tuple[type, ...], *, optional: bool = False) -> Validator:
    """An instance of ``cls`` (or ``None`` when ``optional``)."""
    return InstanceOf(cls, optional)


def _as_tuple(cls: type | tuple[type, ...]) -> tuple[type, ...]:
    return cls if isinstance(cls, tuple) else (cls,)


def flag(_inst: object, attribute: attrs.Attribute[Any], value: object) -> None:
    """A real bool."""
    if type(value) is not bool:
        _fail("wrong-type", attribute, f"must be true or false, got {type(value).__name__}")


def count(_inst: object, attribute: attrs.Attribute[Any], value: object) -> None:
    """``None`` or an int from 0 to 2**53."""
    if value is None:
        return
    if type(value) is not int:
        _fail("wrong-type", attribute, f"must be a whole number, got {type(value).__name__}")
    assert isinstance(value, int)
    if value < 0:
        _fail("negative", attribute, f"must not be negative, got {value}")
    if value > MAX_INT:
        _fail("too-large", attribute, f"must be at most 2**53, got {value}")


def topic(_inst: object, attribute: attrs.Attribute[Any], value: object) -> None:
    """``None`` or a lower-case hyphenated topic word (``immigration-enforcement``)."""
    if value is None:
        return
    if type(value) is not str or _TOPIC.fullmatch(value) is None:
        _fail("bad-topic", attribute, f"{value!r} is not a lower-case hyphenated topic")


def required_topic(inst: object, attribute: attrs.Attribute[Any], value: object) -> None:
    """A lower-case hyphenated word (``non-detained-cases``)."""
    if value is None:
        _fail("wrong-type", attribute, "is required")
    topic(inst, attribute, value)


def language(_inst: object, attribute: attrs.Attribute[Any], value: object) -> None:
    """``None`` or a BCP 47 language tag starting with a lower-case code (``en``, ``es-MX``)."""
    if value is None:
        return
    if type(value) is not str or _LANGUAGE.fullmatch(value) is None:
        _fail("bad-language", attribute, f"{value!r} is not a language tag like en or es-MX")


def url(_inst: object, attribute: attrs.Attribute[Any], value: object) -> None:
    """``None`` or an http(s) URL without white space."""
    if value is None:
        return
    if type(value) is not str or _URL.fullmatch(value) is None:
        _fail("bad-url", attribute, f"{value!r} is not an http or https URL")


optional_date = instance(PartialDate, optional=True)
optional_period = instance(Period, optional=True)
period = instance(Period)


def not_before(later: PartialDate | None, earlier: PartialDate | None) -> bool:
    """False when ``later`` surely lies before ``earlier``."""
    if later is None or earlier is None:
        return True
    return later.latest_key >= earlier.earliest_key
