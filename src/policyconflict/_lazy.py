"""Module attributes imported on first use (PEP 562), so that start-up pays only for the parts
of the library a program uses."""

from __future__ import annotations

import importlib
from collections.abc import Callable, Mapping, MutableMapping
from typing import Any

__all__ = ["lazy_attributes"]


def lazy_attributes(
    module: str,
    namespace: MutableMapping[str, Any],
    sources: Mapping[str, str],
    computed: Mapping[str, Callable[[], Any]] | None = None,
) -> tuple[Callable[[str], Any], Callable[[], list[str]]]:
    """The ``__getattr__`` and ``__dir__`` of ``module``: a name in ``sources`` is imported
    from the module it maps to, a name in ``computed`` is made by its function; either is then
    kept in ``namespace``, so each is looked up once."""
    made = computed or {}

    def getattr_(name: str) -> Any:
        source = sources.get(name)
        if source is not None:
            value = getattr(importlib.import_module(source), name)
        elif name in made:
            value = made[name]()
        else:
            raise AttributeError(f"module {module!r} has no attribute {name!r}")
        namespace[name] = value
        return value

    def dir_() -> list[str]:
        return sorted({*namespace, *namespace.get("__all__", ())})

    return getattr_, dir_
