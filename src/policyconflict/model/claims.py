"""What one story says about one field of an entity that stories disagree on: :class:`Claim`.

When stories that share an id give different values for a single-valued field (an enactment
date, a parent, a level, a count), merging keeps every value as a claim, each with the story and
the citations that give it (see :mod:`policyconflict.merge`). A claim is plain data: its value
is the canonical JSON text of the field's value, exactly as the interchange format writes it,
so a claim compares, hashes and round-trips like any other value.
"""

from __future__ import annotations

import json
import re
from typing import Any, ClassVar, Final

import attrs

from policyconflict.errors import ShapeError
from policyconflict.model import _fields as f
from policyconflict.model.sources import Citation

__all__ = ["Claim"]

_FIELD: Final = re.compile(r"[a-z][a-z0-9_]*(?:\.[a-z0-9][a-z0-9_-]*)?")


@attrs.frozen
class _JsonText(f.Rule):
    """Text (:class:`~policyconflict.model._fields.Text`) that is JSON."""

    def check(self, value: object, name: str) -> None:
        f.text.check(value, name)
        assert isinstance(value, str)
        try:
            json.loads(value)
        except ValueError:
            raise ShapeError("bad-json", "must be JSON text", name) from None


@attrs.frozen
class _FieldPath(f.Rule):
    """Text naming a field, optionally with one qualifier."""

    def check(self, value: object, name: str) -> None:
        f.text.check(value, name)
        assert isinstance(value, str)
        if _FIELD.fullmatch(value) is None:
            raise ShapeError(
                "bad-field",
                "must be a field name, optionally with one qualifier (external_ids.wikidata)",
                name,
            )


@attrs.frozen(kw_only=True)
class Claim:
    """One story's value for one disputed field of one entity (or provision).

    ``field`` is the field's name (``effective``, ``level``), or for external ids the field and
    the scheme (``external_ids.wikidata``: two stories give different identifiers in one
    scheme). ``value`` is the canonical JSON text of the value (``"\\"2018-01-01\\""`` for a
    date, ``"100"`` for a count); :attr:`json_value` decodes it. ``sources`` are the citations
    the story gives for the entity, ``story`` the id of the story that says it.

    >>> claim = Claim(entity="law:x", field="effective", value='"2018-01-01"', story="story:a")
    >>> claim.json_value
    '2018-01-01'
    """

    kind_name: ClassVar[str] = "claim"

    entity: str = attrs.field(validator=f.ref())
    field: str = attrs.field(validator=_FieldPath())
    value: str = attrs.field(validator=_JsonText())
    story: str = attrs.field(validator=f.identifier)
    sources: tuple[Citation, ...] = attrs.field(default=(), validator=f.tuple_of(Citation))

    @property
    def json_value(self) -> Any:
        """The value as plain JSON values (text, a number, a list, an object...)."""
        return json.loads(self.value)

    def sort_key(self) -> tuple[str, str, str, str]:
        """The order claims are written in: entity, field, story, value."""
        return (self.entity, self.field, self.story, self.value)
