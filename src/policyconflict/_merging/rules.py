"""How each field of each entity class merges: the rule table.

A field's rule comes from its name and type (``id``, ``sources``, tuples of strings, single
values) and, for tuples of nested values, from ``NESTED`` — a tuple of nested values has no
rule until it is listed there, so a new field of that sort cannot be merged by accident (a test
walks every field of every class). :func:`rule_of` is the one place that decides.
"""

from __future__ import annotations

import enum
import typing
from collections.abc import Mapping
from typing import Any, Final

import attrs

from policyconflict.model.laws import Provision
from policyconflict.model.sources import Citation
from policyconflict.story import COLLECTIONS

__all__ = ["NAMED", "NESTED", "Rule", "merged_classes", "rule_of", "rules_of"]


class Rule(enum.StrEnum):
    """What merging does with a field's values from several stories."""

    IDENTITY = "identity"
    """The id: the same in every definition, by definition."""
    PROVENANCE = "provenance"
    """Citations: every story's citations are kept (each points at its own source)."""
    SET = "set"
    """Aliases, target lists, judges, dockets...: the values of every story, united."""
    EXTERNAL_IDS = "external-ids"
    """External ids unite; two values in one scheme from two stories are also a dispute."""
    NAME = "name"
    """A name: one preferred name, the others become aliases."""
    SINGLE = "single"
    """A single-valued fact: different values become claims, one is shown."""
    PARTS = "parts"
    """Provisions: matched by id, each merged by these same rules."""


NESTED: Final[Mapping[str, Rule]] = {
    "external_ids": Rule.EXTERNAL_IDS,
    "provisions": Rule.PARTS,
    # Unions are harmless here: more dockets, parties or participants add, never contradict.
    "dockets": Rule.SET,
    # Notes and reliability assessments are remarks side by side: every story's are kept.
    "notes": Rule.SET,
    "assessments": Rule.SET,
    "parties": Rule.SET,
    "participants": Rule.SET,
    # These are one fact each: a union would double counts (units, tallies), give two stances
    # toward one target (positions) or two effects on one target (outcomes).
    "positions": Rule.SINGLE,
    "units": Rule.SINGLE,
    "phases": Rule.SINGLE,
    "command_changes": Rule.SINGLE,
    "tallies": Rule.SINGLE,
    "outcomes": Rule.SINGLE,
}
"""Rules of the fields that hold tuples of nested values, by field name."""

NAMED: Final = frozenset(
    cls for cls in COLLECTIONS.values() if {"name", "aliases"} <= set(attrs.fields_dict(cls))
)
"""Classes whose ``name`` merges by :attr:`Rule.NAME` (they have aliases to keep the others)."""


def rule_of(cls: type[Any], field: attrs.Attribute[Any]) -> Rule:
    """The rule for ``field`` of ``cls``; :class:`LookupError` for a tuple of nested values
    missing from ``NESTED``."""
    hint = typing.get_type_hints(cls)[field.name]
    if field.name == "id":
        return Rule.IDENTITY
    if field.name == "name" and cls in NAMED:
        return Rule.NAME
    if typing.get_origin(hint) is not tuple:
        return Rule.SINGLE
    item = typing.get_args(hint)[0]
    if item is Citation and field.name == "sources":
        return Rule.PROVENANCE
    if item is str:
        return Rule.SET
    rule = NESTED.get(field.name)
    if rule is None:
        raise LookupError(f"no merge rule for {cls.__name__}.{field.name}: add it to NESTED")
    return rule


def merged_classes() -> tuple[type[Any], ...]:
    """Every class whose instances are merged by id: the story's entities and provisions."""
    return (*COLLECTIONS.values(), Provision)


_RULES: dict[type[Any], tuple[tuple[str, Rule], ...]] = {}


def rules_of(cls: type[Any]) -> tuple[tuple[str, Rule], ...]:
    """Every field of ``cls`` with its rule, in field order (worked out once per class)."""
    found = _RULES.get(cls)
    if found is None:
        found = _RULES[cls] = tuple((f.name, rule_of(cls, f)) for f in attrs.fields(cls))
    return found
