"""Generated unstructuring functions: attrs instance → canonical plain JSON values.

cattrs' own generated hooks (``make_dict_unstructure_fn`` with ``omit_if_default``) compare
every field with ``!=`` against its default and dispatch each value through a hook. The
functions generated here know each field's type and default when they are made, so they test
``is not None`` or truthiness and inline the conversions: str enums stay as they are (the JSON
encoder writes their value), dates become cached EDTF text, tuples lists. The output is the
same: fields equal to their default are left out.
"""

from __future__ import annotations

import enum
import linecache
from collections.abc import Callable
from typing import Any

import attrs

from policyconflict.dates import PartialDate, Period
from policyconflict.model import _hints as hints

__all__ = ["make_unstructure_fn"]

GetHook = Callable[[Any], Callable[[Any], Any]]


_TEXT_CACHE: dict[PartialDate | Period, str] = {}
_CACHE_LIMIT = 4096


def _date_text(value: PartialDate | Period) -> str:
    """``str(value)``, cached: dates repeat across a corpus and the values are frozen."""
    text = _TEXT_CACHE.get(value)
    if text is None:
        if len(_TEXT_CACHE) >= _CACHE_LIMIT:
            _TEXT_CACHE.clear()
        text = _TEXT_CACHE[value] = str(value)
    return text


def _expression(tp: Any, value: str, namespace: dict[str, Any], get_hook: GetHook) -> str:
    """Python source turning ``value`` (never ``None`` here) of type ``tp`` into JSON values."""
    inner = hints.optional_inner(tp)
    if inner is not None:
        return f"(None if {value} is None else {_expression(inner, value, namespace, get_hook)})"
    if tp is PartialDate or tp is Period:
        namespace["date_text"] = _date_text
        return f"date_text({value})"
    if hints.is_enum(tp):
        # A str enum member is written by the JSON encoder as its value already.
        return value if issubclass(tp, str) else f"{value}.value"
    if attrs.has(tp):
        name = f"hook_{len(namespace)}"
        namespace[name] = get_hook(tp)
        return f"{name}({value})"
    item_type = hints.tuple_item(tp)
    if item_type is not None:
        if hints.is_model(item_type):
            # map() runs the item hook without a comprehension's frame
            name = f"hook_{len(namespace)}"
            namespace[name] = get_hook(item_type)
            return f"list(map({name}, {value}))"
        item = _expression(item_type, "x", namespace, get_hook)
        return f"list({value})" if item == "x" else f"[{item} for x in {value}]"
    return value  # str, int, float, bool: already JSON values


def make_unstructure_fn(cls: type[Any], get_hook: GetHook) -> Callable[[Any], dict[str, Any]]:
    """A function writing an instance of ``cls`` as a dict, fields equal to their default
    left out, keys in sorted order."""
    fields = sorted(attrs.fields(attrs.resolve_types(cls)), key=lambda f: f.name)
    namespace: dict[str, Any] = {}
    lines = ["def unstructure(o):", "    r = {}"]
    for field in fields:
        expr = _expression(field.type, "v", namespace, get_hook)
        default = field.default
        lines.append(f"    v = o.{field.name}")
        if default is attrs.NOTHING:
            lines.append(f"    r[{field.name!r}] = {expr}")
            continue
        if isinstance(default, attrs.Factory):  # type: ignore[arg-type]  # a class at run time
            default = default.factory()
        if default is None:
            test = "v is not None"
            inner = hints.optional_inner(field.type)
            if inner is not None:  # the test has ruled None out
                expr = _expression(inner, "v", namespace, get_hook)
        elif default == () or default is False:
            test = "v"
        elif isinstance(default, enum.Enum):
            namespace[f"default_{field.name}"] = default
            test = f"v is not default_{field.name}"
        else:
            namespace[f"default_{field.name}"] = default
            test = f"v != default_{field.name}"
        lines.append(f"    if {test}:")
        lines.append(f"        r[{field.name!r}] = {expr}")
    lines.append("    return r")
    source = "\n".join(lines) + "\n"
    filename = f"<policyconflict unstructure {cls.__module__}.{cls.__qualname__}>"
    linecache.cache[filename] = (len(source), None, source.splitlines(True), filename)
    exec(compile(source, filename, "exec"), namespace)
    function: Callable[[Any], dict[str, Any]] = namespace["unstructure"]
    return function
