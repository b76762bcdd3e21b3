"""Generated structuring functions: plain JSON values → model instances, the fast way.

For each model class :func:`make_structure_fn` writes one Python function that reads every
field from the dict, checks and converts its JSON value inline (``type(v) is str``, an enum's
member by value, a nested class's own function), counts the keys it used to find unknown ones,
makes the instance with ``object.__new__`` and the slots' setters, and runs the class's
validators — except those that only check a Python type the function has just guaranteed (a
:class:`~policyconflict.model._fields.InstanceOf` of the annotated class, a
:class:`~policyconflict.model._fields.TupleOf` of the annotated item class). Every value check
stays: ids, text, ranges and the checks across fields are the model's own validators.

The generated function does not explain problems: on any exception it hands the same value to
the ``detailed`` function (cattrs' generated function with detailed validation), which collects
every problem with its path. So a valid document costs one fast pass, and an invalid one gets
the same report as before.
"""

from __future__ import annotations

import enum
import linecache
import types
import typing
from collections.abc import Callable, Mapping
from typing import Any, Final

import attrs

from policyconflict.dates import PartialDate, Period
from policyconflict.ids import ID_PATTERN
from policyconflict.model import _fields as f

__all__ = ["make_structure_fn"]

Hook = Callable[..., Any]
GetHook = Callable[[Any], Hook]

_DATES: Final = (PartialDate, Period)


class _Unknown(Exception):
    """A dict holds a key that is not a field (the detailed function names it)."""


def _fail() -> typing.NoReturn:
    raise _Unknown


def _optional_inner(tp: Any) -> Any | None:
    if typing.get_origin(tp) in (typing.Union, types.UnionType):
        args = typing.get_args(tp)
        if type(None) in args:
            rest = tuple(a for a in args if a is not type(None))
            return rest[0] if len(rest) == 1 else typing.Union[rest]  # noqa: UP007
    return None


def _is_model(tp: Any) -> bool:
    return attrs.has(tp) and tp not in _DATES


def _item_type(tp: Any) -> Any | None:
    args = typing.get_args(tp)
    if typing.get_origin(tp) is tuple and len(args) == 2 and args[1] is Ellipsis:
        return args[0]
    return None


class _Writer:
    """The source of one generated function and the names it refers to."""

    def __init__(self, get_hook: GetHook, primitive: typing.Mapping[Any, Hook]) -> None:
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
        if isinstance(tp, type) and issubclass(tp, enum.Enum):
            return self.name("members", {m.value: m for m in tp}) + ".__getitem__"
        if _is_model(tp):
            # Looked up on the first call, then called directly: a class's function is only
            # generated when a document holds one.
            name = f"h_{len(self.namespace)}"
            self.namespace[name] = _Deferred(self.get_hook, tp, name, self.namespace)
            return name
        hook = self.get_hook(tp)
        if tp in _DATES:
            return self.name("h", hook)  # the library's own hooks take the value alone
        return self.name("h", _one_argument(hook, tp))

    def expression(self, tp: Any, v: str) -> str:
        """Python source converting the JSON value named ``v`` to ``tp`` or raising."""
        inner = _optional_inner(tp)
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
        if isinstance(tp, type) and issubclass(tp, enum.Enum):
            return f"{self.name('members', {m.value: m for m in tp})}[{v}]"
        item = _item_type(tp)
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


def _validators(validator: Any) -> tuple[Any, ...]:
    """The validators that ``validator`` runs one after another (attrs combines a field's
    validator with ``@field.validator`` methods into one)."""
    parts = getattr(validator, "_validators", None)
    return tuple(parts) if isinstance(parts, tuple) else (validator,)


def _type_only(validator: Any, tp: Any) -> bool:
    """True when ``validator`` only checks what converting to ``tp`` already guarantees."""
    if validator is f.flag:
        return tp is bool
    if isinstance(validator, f.InstanceOf):
        target = _optional_inner(tp) if validator.optional else tp
        guaranteed = target is not None and (
            target in (str, int, bool)
            or _is_model(target)
            or target in _DATES
            or (isinstance(target, type) and issubclass(target, enum.Enum))
        )
        return guaranteed and validator.cls is target
    if isinstance(validator, f.TupleOf):
        item = _item_type(tp)
        return item is not None and _is_model(item) and validator.cls is item
    return False


_INLINE: Final[Mapping[Any, tuple[Any, str]]] = {
    # validator: (the field type it is inlined for, a condition true when the value is bad)
    f.identifier: (str, "id_match({x}) is None"),
    f.optional_identifier: (str | None, "{x} is not None and id_match({x}) is None"),
    f.text: (str, "not {x} or {x}.strip() != {x}"),
    f.optional_text: (str | None, "{x} is not None and (not {x} or {x}.strip() != {x})"),
    f.count: (int | None, "{x} is not None and not 0 <= {x} <= MAX_INT"),
}
"""The commonest value validators written out inline (no call per value), for fields whose
conversion has already guaranteed the type. Each condition is true exactly when the validator
raises; a property test holds them to that. A bad value then goes to the detailed function,
whose validator call names the problem."""


def _inline(validator: Any, tp: Any, x: str) -> str | None:
    """An ``if`` condition replacing the call of ``validator`` on ``x``, if there is one."""
    try:
        entry = _INLINE.get(validator)
    except TypeError:  # an unhashable validator is never one of them
        return None
    if entry is None or entry[0] != tp:
        return None
    return entry[1].format(x=x)


def _plain_slots(cls: type[Any], names: set[str]) -> bool:
    """True when the instance's slots are exactly its fields (no cached hash, no weakref
    trick): then setting the slots makes the same object ``__init__`` makes."""
    slots: set[str] = set()
    for klass in cls.__mro__:
        slots.update(klass.__dict__.get("__slots__", ()))
    slots.discard("__weakref__")
    return slots == names and "__attrs_post_init__" not in dir(cls)


def make_structure_fn(
    cls: type[Any],
    get_hook: GetHook,
    primitive: typing.Mapping[Any, Hook],
    detailed: Hook,
    *,
    fall_back: bool = True,
) -> Hook:
    """The fast structuring function of ``cls`` (see the module docstring).

    ``get_hook`` gives the structuring hook of a nested type, ``primitive`` the hooks of
    ``str``, ``int``, ``bool`` and ``float``, ``detailed`` the function that reports problems.
    With ``fall_back=False`` a problem is raised as it is, which tests use to prove that valid
    values never leave the fast path.
    """
    fields = attrs.fields(attrs.resolve_types(cls))
    writer = _Writer(get_hook, primitive)
    ns = writer.namespace
    ns.update(cls=cls, new=object.__new__, detailed=detailed)
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
            if field.validator is None:
                continue
            checks = [v for v in _validators(field.validator) if not _type_only(v, field.type)]
            for j, check in enumerate(checks):
                condition = _inline(check, field.type, f"x{i}")
                if condition is not None:
                    body.append(f"if {condition}:")
                    body.append("    fail()")
                    continue
                ns[f"check{i}_{j}"] = check
                ns[f"attribute{i}"] = field
                body.append(f"check{i}_{j}(o, attribute{i}, x{i})")
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
        "    except Exception:",
        "        return detailed(d, _t)" if fall_back else "        raise",
    ]
    source = "\n".join(lines) + "\n"
    filename = f"<policyconflict structure {cls.__module__}.{cls.__qualname__}>"
    linecache.cache[filename] = (len(source), None, source.splitlines(True), filename)
    exec(compile(source, filename, "exec"), ns)
    function: Hook = ns["structure"]
    return function
