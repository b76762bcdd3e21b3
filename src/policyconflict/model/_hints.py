"""What a model field's type hint says: optional, a tuple of items, a nested model class, an enum.

The one set of helpers that the converter, the generated structuring and unstructuring code and
the JSON Schema read type hints with.
"""

from __future__ import annotations

import enum
import types
import typing
from typing import Any, Final

import attrs

from policyconflict.dates import PartialDate, Period

__all__ = ["DATE_TYPES", "is_enum", "is_model", "optional_inner", "tuple_item"]

DATE_TYPES: Final = (PartialDate, Period)
"""The attrs classes that are written as EDTF text, not as objects."""


def optional_inner(tp: Any) -> Any | None:
    """``X`` for ``X | None`` (``A | B`` for ``A | B | None``); ``None`` if ``tp`` is not
    optional."""
    if typing.get_origin(tp) in (typing.Union, types.UnionType):
        args = typing.get_args(tp)
        if type(None) in args:
            rest = tuple(a for a in args if a is not type(None))
            return rest[0] if len(rest) == 1 else typing.Union[rest]  # noqa: UP007
    return None


def tuple_item(tp: Any) -> Any | None:
    """``X`` for ``tuple[X, ...]``; ``None`` for any other type."""
    args = typing.get_args(tp)
    if typing.get_origin(tp) is tuple and len(args) == 2 and args[1] is Ellipsis:
        return args[0]
    return None


def is_model(tp: Any) -> bool:
    """Whether ``tp`` is a model class written as a JSON object (an attrs class, not a date)."""
    return attrs.has(tp) and tp not in DATE_TYPES


def is_enum(tp: Any) -> bool:
    """Whether ``tp`` is an enum class."""
    return isinstance(tp, type) and issubclass(tp, enum.Enum)
