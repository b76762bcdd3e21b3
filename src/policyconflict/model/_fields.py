"""Field rules as data: one small declarative object per rule a model field obeys.

Each field of a model class is declared with exactly one rule as its attrs validator
(``attrs.field(validator=f.text)``): text, an id (and, for a reference, the kinds of entity it
may point at), a pattern, a numeric range, an enum, a nested value, a tuple of either. Calling
the rule checks a value and raises :class:`~policyconflict.errors.ShapeError` with a stable
code and the field name. The rule's fields are public data, read by everything else that must
agree with it: :class:`~policyconflict.story.Story` finds references by their kinds, the
generated structuring code (:mod:`policyconflict.serialization._structure`) writes its inline
checks from the rule, the JSON Schema (:mod:`policyconflict.serialization.schema`) its
``pattern``, ``minimum`` and ``enum``, and the hypothesis strategies their choices of kinds.
:func:`rule_of` gives a field's rule.

Checks across fields (an end before a start, a relation linking an entity to itself) are named
methods of the class, run after every field's rule from its ``__attrs_post_init__``.
"""

from __future__ import annotations

import enum
import math
import re
from collections.abc import Callable
from typing import Any, Final, NoReturn

import attrs

from policyconflict.dates import PartialDate, Period
from policyconflict.errors import ShapeError
from policyconflict.ids import ID_PATTERN

__all__ = [
    "ANY_KIND",
    "MAX_INT",
    "Flag",
    "Id",
    "Ids",
    "Instance",
    "Many",
    "OneOf",
    "Range",
    "Rule",
    "Text",
    "Texts",
    "Word",
    "count",
    "flag",
    "identifier",
    "instance",
    "language",
    "not_before",
    "number",
    "one_of",
    "optional_date",
    "optional_identifier",
    "optional_period",
    "optional_text",
    "period",
    "ref",
    "reference_kinds",
    "refs",
    "required_topic",
    "rule_of",
    "text",
    "texts",
    "topic",
    "tuple_of",
    "url",
]

ANY_KIND: Final = "*"
"""The kind of a reference that may point at an entity of any kind."""

MAX_INT: Final = 2**53
"""Numbers must lie within ±2**53: every JSON implementation reads those integers exactly."""

TOPIC_PATTERN: Final = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*", re.ASCII)
LANGUAGE_PATTERN: Final = re.compile(r"[a-z]{2,3}(?:-[A-Za-z0-9]{2,8})*", re.ASCII)
URL_PATTERN: Final = re.compile(r"https?://[^\s]+")


def _fail(code: str, name: str, message: str) -> NoReturn:
    raise ShapeError(code, message, name)


def _type_name(value: object) -> str:
    return type(value).__name__


@attrs.frozen
class Rule:
    """The base of every field rule: ``optional`` rules also accept ``None``.

    A rule is an attrs validator: ``rule(instance, attribute, value)`` checks ``value`` (see
    :meth:`check`).
    """

    optional: bool = attrs.field(default=False, kw_only=True)

    def __call__(self, _inst: object, attribute: attrs.Attribute[Any], value: object) -> None:
        if value is None and self.optional:
            return
        self.check(value, attribute.name)

    def check(self, value: object, name: str) -> None:
        """Raise :class:`~policyconflict.errors.ShapeError` (naming field ``name``) unless
        ``value`` obeys the rule (``None`` is handled by the caller)."""
        raise TypeError(f"{type(self).__name__} is not a rule by itself")  # pragma: no cover


@attrs.frozen
class Text(Rule):
    """A non-empty string that does not begin or end with white space."""

    def check(self, value: object, name: str) -> None:
        if type(value) is not str:
            _fail("wrong-type", name, f"must be a string, got {_type_name(value)}")
        if not value.strip():
            _fail("empty", name, "must not be empty")
        if value != value.strip():
            _fail("untrimmed", name, "must not begin or end with white space")


@attrs.frozen
class Id(Rule):
    """A string in the id grammar (:data:`~policyconflict.ids.ID_PATTERN`).

    ``kinds`` makes it a reference: the entity kinds it may point at (:data:`ANY_KIND`: any);
    ``None`` is an entity's own id. ``grammar``, when given, returns a problem with the id
    beyond the id grammar (an OCD division id's own grammar), or ``None``.
    """

    kinds: tuple[str, ...] | None = None
    grammar: Callable[[str], str | None] | None = attrs.field(default=None, kw_only=True)

    def check(self, value: object, name: str) -> None:
        if type(value) is not str:
            _fail("wrong-type", name, f"must be an id string, got {_type_name(value)}")
        if ID_PATTERN.fullmatch(value) is None:
            _fail("bad-id", name, f"{value!r} is not a valid id (lower-case a-z, 0-9, ._:/~#-)")
        if self.grammar is not None:
            problem = self.grammar(value)
            if problem is not None:
                _fail("bad-id", name, problem)


def _tuple(value: object, name: str) -> tuple[Any, ...]:
    if type(value) is not tuple:
        _fail("wrong-type", name, f"must be a tuple, got {_type_name(value)}")
    return value


def _unique(items: tuple[Any, ...], name: str, what: str) -> None:
    if len(set(items)) != len(items):
        _fail("duplicate", name, f"must not list the same {what} twice")


@attrs.frozen
class Ids(Rule):
    """A tuple of ids without repeats; ``kinds`` as for :class:`Id`."""

    kinds: tuple[str, ...] | None = None

    @property
    def item(self) -> Id:
        """The rule of each member."""
        return Id(self.kinds)

    def check(self, value: object, name: str) -> None:
        items = _tuple(value, name)
        for item in items:
            identifier.check(item, name)
        _unique(items, name, "id")


@attrs.frozen
class Texts(Rule):
    """A tuple of :class:`Text` strings without repeats."""

    @property
    def item(self) -> Text:
        """The rule of each member."""
        return text

    def check(self, value: object, name: str) -> None:
        items = _tuple(value, name)
        for item in items:
            text.check(item, name)
        _unique(items, name, "text")


@attrs.frozen
class Word(Rule):
    """A string matching ``pattern`` in full; otherwise problem ``code``, "... is not
    ``what``"."""

    pattern: re.Pattern[str]
    code: str
    what: str

    def __call__(self, _inst: object, attribute: attrs.Attribute[Any], value: object) -> None:
        if value is None:
            if self.optional:
                return
            _fail("wrong-type", attribute.name, "is required")
        self.check(value, attribute.name)

    def check(self, value: object, name: str) -> None:
        if type(value) is not str or self.pattern.fullmatch(value) is None:
            _fail(self.code, name, f"{value!r} is not {self.what}")


@attrs.frozen
class Range(Rule):
    """A number from ``low`` to ``high``: an int when ``integer``, else an int or a finite
    float."""

    low: int
    high: int
    integer: bool = True

    def check(self, value: object, name: str) -> None:
        if self.integer:
            if type(value) is not int:
                _fail("wrong-type", name, f"must be a whole number, got {_type_name(value)}")
        elif type(value) is not int and type(value) is not float:
            _fail("wrong-type", name, f"must be a number, got {_type_name(value)}")
        assert isinstance(value, int | float)
        if type(value) is float and not math.isfinite(value):
            _fail("not-finite", name, "must be a finite number")
        if self.low <= value <= self.high:
            return
        if self.low == -self.high:
            _fail("too-large", name, f"must be at most {_bound(self.high)} in size")
        if value < self.low:
            _fail("negative", name, f"must not be negative, got {value}")
        _fail("too-large", name, f"must be at most {_bound(self.high)}, got {value}")


def _bound(value: int) -> str:
    return "2**53" if value == MAX_INT else str(value)


@attrs.frozen
class OneOf(Rule):
    """A member of the enum ``enum``."""

    enum: type[enum.Enum]

    def check(self, value: object, name: str) -> None:
        if not isinstance(value, self.enum):
            got = repr(value) if isinstance(value, str) else _type_name(value)
            _fail("wrong-type", name, f"must be a valid value, got {got}")


@attrs.frozen
class Instance(Rule):
    """An instance of ``cls``: a nested model value, a date, a period or any string."""

    cls: type

    def check(self, value: object, name: str) -> None:
        if not isinstance(value, self.cls):
            _fail("wrong-type", name, f"must be {self.cls.__name__}, got {_type_name(value)}")


@attrs.frozen
class Many(Rule):
    """A tuple of instances of ``cls``; without repeats when ``unique``."""

    cls: type
    unique: bool = False

    @property
    def item(self) -> Instance:
        """The rule of each member."""
        return Instance(self.cls)

    def check(self, value: object, name: str) -> None:
        cls = self.cls
        items = _tuple(value, name)
        for item in items:
            if not isinstance(item, cls):
                _fail("wrong-type", name, f"members must be {cls.__name__}, got {_type_name(item)}")
        if self.unique:
            _unique(items, name, re.sub(r"(?<!^)(?=[A-Z])", " ", cls.__name__).lower())


@attrs.frozen
class Flag(Rule):
    """A real bool."""

    def check(self, value: object, name: str) -> None:
        if type(value) is not bool:
            _fail("wrong-type", name, f"must be true or false, got {_type_name(value)}")


# -- the rules the model uses --------------------------------------------------------------------

text: Final = Text()
optional_text: Final = Text(optional=True)
texts: Final = Texts()
identifier: Final = Id()
optional_identifier: Final = Id(optional=True)
flag: Final = Flag()
count: Final = Range(0, MAX_INT, optional=True)
"""``None`` or an int from 0 to 2**53."""
number: Final = Range(-MAX_INT, MAX_INT, integer=False, optional=True)
"""``None`` or an int or finite float within ±2**53."""
topic: Final = Word(TOPIC_PATTERN, "bad-topic", "a lower-case hyphenated topic", optional=True)
"""``None`` or a lower-case hyphenated topic word (``immigration-enforcement``)."""
required_topic: Final = Word(TOPIC_PATTERN, "bad-topic", "a lower-case hyphenated topic")
language: Final = Word(
    LANGUAGE_PATTERN, "bad-language", "a language tag like en or es-MX", optional=True
)
"""``None`` or a BCP 47 language tag starting with a lower-case code (``en``, ``es-MX``)."""
url: Final = Word(URL_PATTERN, "bad-url", "an http or https URL", optional=True)
optional_date: Final = Instance(PartialDate, optional=True)
optional_period: Final = Instance(Period, optional=True)
period: Final = Instance(Period)


def ref(*kinds: str, optional: bool = False) -> Id:
    """A reference to an entity of one of ``kinds`` (none given: of any kind)."""
    return Id(kinds or (ANY_KIND,), optional=optional)


def refs(*kinds: str) -> Ids:
    """A tuple of references without repeats, each as :func:`ref`."""
    return Ids(kinds or (ANY_KIND,))


def one_of(cls: type[enum.Enum], *, optional: bool = False) -> OneOf:
    """A member of the enum ``cls`` (or ``None`` when ``optional``)."""
    return OneOf(cls, optional=optional)


def instance(cls: type, *, optional: bool = False) -> Instance:
    """An instance of ``cls`` (or ``None`` when ``optional``)."""
    return Instance(cls, optional=optional)


def tuple_of(cls: type, *, unique: bool = False) -> Many:
    """A tuple of instances of ``cls`` (without repeats when ``unique``)."""
    return Many(cls, unique)


def rule_of(field: attrs.Attribute[Any]) -> Rule:
    """The rule of a model field (its validator); :class:`TypeError` for a field without one."""
    rule = field.validator
    if not isinstance(rule, Rule):
        raise TypeError(f"field {field.name!r} has no field rule as its validator")
    return rule


def reference_kinds(field: attrs.Attribute[Any]) -> tuple[str, ...] | None:
    """The kinds a reference field may point at, or ``None`` if the field is no reference."""
    rule = field.validator
    if isinstance(rule, Id | Ids):
        return rule.kinds
    return None


def not_before(later: PartialDate | None, earlier: PartialDate | None) -> bool:
    """False when ``later`` surely lies before ``earlier``."""
    if later is None or earlier is None:
        return True
    return later.latest_key >= earlier.earliest_key
