"""Generated structuring functions: plain JSON values → model instances, the fast way.

For each model class :func:`make_structure_fn` writes one Python function that reads every
field from the dict, checks and converts its JSON value inline (``type(v) is str``, an enum's
member by value, a nested class's own function), counts the keys it used to find unknown ones,
makes the instance with ``object.__new__`` and the slots' setters, and checks each field's
rule (``policyconflict.model._fields``), then the class's checks across fields. A rule that
converting to the annotated type already guarantees (an enum, a nested class, a bool) is
skipped; the common value rules (text, ids, patterns, ranges) are written out inline from the
rule's data (:func:`inline_condition`); any other rule is called.

The generated function does not explain problems: when it meets one (a value breaking a rule,
a missing or unknown key: the errors in :data:`EXPECTED` and those the caller names) it hands
the same value to the ``detailed`` function (cattrs' generated function with detailed
validation), which collects every problem with its path. So a valid document costs one fast
pass, and an invalid one gets the same report as before. Any other exception is a bug and
propagates.
"""

from __future__ import annotations

import linecache
from collections.abc import Callable, Mapping
from typing import Any, Final, NoReturn

import attrs
from cattrs.errors import BaseValidationError

from policyconflict.errors import PolicyConflictError
from policyconflict.ids import ID_PATTERN
from policyconflict.model import _fields as f
from policyconflict.model import _hints as hints

__all__ = ["EXPECTED", "inline_condition", "make_structure_fn"]

Hook = Callable[..., Any]
GetHook = Callable[[Any], Hook]


class _Unknown(Exception):
    """A value the generated code rejects itself: a key that is not a field, a JSON type that
    is not the annotated one, a value breaking an inlined rule (the detailed function names
    the problem)."""


def _fail() -> NoReturn:
    raise _Unknown


EXPECTED: Final[tuple[type[Exception], ...]] = (
    _Unknown,
    KeyError,  # a required key is missing, or a text is no member of an enum
    PolicyConflictError,  # a rule or a check across fields (ShapeError, ValidationError, ...)
    BaseValidationError,  # a nested value's detailed report
)
"""The errors on which a generated function hands its value to the detailed function."""


class _Writer:
    """The source of one generated function and the names it refers to."""

    def __init__(self, get_hook: GetHook, primitive: Mapping[Any, Hook]) -> None:
        self.get_hook = get_hook
        self.primitive = primitive
        self.namespace: dict[str, Any] = {
            "fail": _fail,
            "id_match": ID_PATTERN.fullmatch,
            "MAX_INT": f.MAX_INT,
        }

    def name(self, prefix: str, value: Any) -> str:
        for key, existing in self.namespace.items():
            if existing is value and key.startswith(prefix):
                return key
        key = f"{prefix}_{len(self.namespace)}"
        self.namespace[key] = value
        return key

    def function(self, tp: Any) -> str:
        """The name of a one-argument function converting a JSON value to ``tp``."""
        if tp is str or tp is int or tp is bool or tp is float:
            return self.name("p", self.primitive[tp])
        if hints.is_enum(tp):
            return self.name("h", _one_argument(self.get_hook(tp), tp))
        if hints.is_model(tp):
            # Looked up on the first call, then called directly: a class's function is only
            # generated when a document holds one.
            name = f"h_{len(self.namespace)}"
            self.namespace[name] = _Deferred(self.get_hook, tp, name, self.namespace)
            return name
        hook = self.get_hook(tp)
        if tp in hints.DATE_TYPES:
            return self.name("h", hook)  # the library's own hooks take the value alone
        return self.name("h", _one_argument(hook, tp))

    def expression(self, tp: Any, v: str) -> str:
        """Python source converting the JSON value named ``v`` to ``tp`` or raising."""
        inner = hints.optional_inner(tp)
        if inner is not None:
            return f"(None if {v} is None else {self.expression(inner, v)})"
        if tp is str:
            return f"({v} if type({v}) is str and {v}.isascii() else {self.function(str)}({v}))"
        if tp is bool:
            return f"({v} if type({v}) is bool else fail())"
        in_range = f"-MAX_INT <= {v} <= MAX_INT"
        if tp is int:
            return f"({v} if type({v}) is int and {in_range} else fail())"
        if tp == (int | float) or tp is float:
            return f"({v} if (type({v}) is int or type({v}) is float) and {in_range} else fail())"
        if hints.is_enum(tp):
            members = self.name("members", {m.value: m for m in tp})
            return f"({members}[{v}] if isinstance({v}, str) else fail())"
        item = hints.tuple_item(tp)
        if item is not None:
            convert = self.function(item)
            return f"(tuple(map({convert}, {v})) if type({v}) is list else fail())"
        return f"{self.function(tp)}({v})"


class _Deferred:
    """Stands in a generated function's namespace for a nested class's hook until the first
    call, which looks the hook up and puts it in its place."""

    __slots__ = ("get_hook", "name", "namespace", "tp")

    def __init__(self, get_hook: GetHook, tp: Any, name: str, namespace: dict[str, Any]) -> None:
        self.get_hook = get_hook
        self.tp = tp
        self.name = name
        self.namespace = namespace

    def __call__(self, value: Any, _type: Any = None) -> Any:
        hook = self.get_hook(self.tp)
        self.namespace[self.name] = hook
        return hook(value)


def _one_argument(hook: Hook, tp: Any) -> Hook:
    """cattrs hooks take the value and its type; the generated code passes the value only."""

    def convert(value: Any) -> Any:
        return hook(value, tp)

    return convert


def _guaranteed(rule: f.Rule, tp: Any) -> bool:
    """True when converting a JSON value to ``tp`` already makes it obey ``rule`` (a type
    check of the annotated type: a bool, an enum member, a nested class, a date, any string,
    a tuple of a nested class)."""
    target = hints.optional_inner(tp) if rule.optional else tp
    if isinstance(rule, f.Flag):
        return tp is bool
    if isinstance(rule, f.OneOf):
        return target is rule.enum
    if isinstance(rule, f.Instance):
        return target is rule.cls and (
            target is str or hints.is_model(target) or target in hints.DATE_TYPES
        )
    if isinstance(rule, f.Many):
        return not rule.unique and hints.tuple_item(tp) is rule.cls and hints.is_model(rule.cls)
    return False


def inline_condition(rule: f.Rule, tp: Any, x: str, name: Callable[[str, Any], str]) -> str | None:
    """Python source true exactly when the value named ``x``, already converted to ``tp``,
    breaks ``rule``; ``None`` when the rule is called instead. ``name`` puts a value in the
    generated function's namespace and gives its name."""
    inner = hints.optional_inner(tp)
    base = tp if inner is None else inner
    condition: str | None = None
    if isinstance(rule, f.Text) and base is str:
        condition = f"not {x} or {x}.strip() != {x}"
    elif isinstance(rule, f.Id) and rule.grammar is None and base is str:
        condition = f"id_match({x}) is None"
    elif isinstance(rule, f.Word) and base is str:
        condition = f"{name('match', rule.pattern.fullmatch)}({x}) is None"
    elif isinstance(rule, f.Range) and base == (int if rule.integer else int | float):
        condition = f"not {rule.low} <= {x} <= {rule.high}"
    if condition is None or inner is None:
        return condition
    if not rule.optional:
        return f"{x} is None or {condition}"
    return f"{x} is not None and ({condition})"


def _plain_slots(cls: type[Any], names: set[str]) -> bool:
    """True when the instance's slots are exactly its fields (no cached hash, no weakref
    trick): then setting the slots makes the same object ``__init__`` makes."""
    slots: set[str] = set()
    for klass in cls.__mro__:
        slots.update(klass.__dict__.get("__slots__", ()))
    slots.discard("__weakref__")
    return slots == names


def make_structure_fn(
    cls: type[Any],
    get_hook: GetHook,
    primitive: Mapping[Any, Hook],
    detailed: Hook,
    *,
    expected: tuple[type[Exception], ...] = (),
    fall_back: bool = True,
) -> Hook:
    """The fast structuring function of ``cls`` (see the module docstring).

    ``get_hook`` gives the structuring hook of a nested type, ``primitive`` the hooks of
    ``str``, ``int``, ``bool`` and ``float``, ``detailed`` the function that reports problems,
    ``expected`` the errors those hooks raise for a bad value (besides :data:`EXPECTED`).
    With ``fall_back=False`` a problem is raised as it is, which tests use to prove that valid
    values never leave the fast path.
    """
    fields = attrs.fields(attrs.resolve_types(cls))
    writer = _Writer(get_hook, primitive)
    ns = writer.namespace
    ns.update(cls=cls, new=object.__new__, detailed=detailed, expected=(*EXPECTED, *expected))
    required = sum(1 for field in fields if field.default is attrs.NOTHING)
    body = [f"n = {required}"]
    for i, field in enumerate(fields):
        x = f"x{i}"
        if field.default is attrs.NOTHING:
            body.append(f"v = d[{field.name!r}]")
            body.append(f"{x} = {writer.expression(field.type, 'v')}")
            continue
        default = field.default
        if isinstance(default, attrs.Factory):  # type: ignore[arg-type]  # a class at run time
            default = default.factory()  # the model's defaults are immutable: one is shared
        ns[f"default{i}"] = default
        body.append(f"if {field.name!r} in d:")
        body.append(f"    v = d[{field.name!r}]")
        body.append(f"    {x} = {writer.expression(field.type, 'v')}")
        body.append("    n += 1")
        body.append("else:")
        body.append(f"    {x} = default{i}")
    body.append("if len(d) != n:")
    body.append("    fail()")
    if _plain_slots(cls, {field.name for field in fields}):
        body.append("o = new(cls)")
        for i, field in enumerate(fields):
            ns[f"set{i}"] = cls.__dict__[field.name].__set__
            body.append(f"set{i}(o, x{i})")
        for i, field in enumerate(fields):
            rule = f.rule_of(field)
            if _guaranteed(rule, field.type):
                continue
            condition = inline_condition(rule, field.type, f"x{i}", writer.name)
            if condition is not None:
                body.append(f"if {condition}:")
                body.append("    fail()")
                continue  # mutate: skip equivalent: calling the rule after it passes inline
            ns[f"check{i}"] = rule
            ns[f"attribute{i}"] = field
            body.append(f"check{i}(o, attribute{i}, x{i})")
        post_init = getattr(cls, "__attrs_post_init__", None)
        if post_init is not None:  # the checks across fields
            ns["post_init"] = post_init
            body.append("post_init(o)")
    else:
        arguments = ", ".join(f"{field.alias}=x{i}" for i, field in enumerate(fields))
        body.append(f"o = cls({arguments})")
    body.append("return o")
    lines = [
        "def structure(d, _t=None):",
        "    if type(d) is not dict:",
        "        return detailed(d, _t)",
        "    try:",
        *(f"        {line}" for line in body),
        "    except expected:",
        "        return detailed(d, _t)" if fall_back else "        raise",
    ]
    source = "\n".join(lines) + "\n"
    filename = f"<policyconflict structure {cls.__module__}.{cls.__qualname__}>"
    linecache.cache[filename] = (len(source), None, source.splitlines(True), filename)
    exec(compile(source, filename, "exec"), ns)
    function: Hook = ns["structure"]
    return function
