"""Merging the definitions of one id, field by field, by the rules of :mod:`.rules`.

The work is done on the canonical JSON values of the definitions (what the interchange format
writes), so that a value is compared, ordered and kept in a claim in one spelling, and the
merged value is checked by the format's own structuring hooks. Every step is a function of the
*set* of definitions, never of their order: unions are sorted, a preferred value is the least
in a total order, and a value all definitions share is kept as it is.

An :class:`Accumulator` holds what the definitions of one id have said so far — per field, the
values with the stories and citations that give them — so that one more definition costs its
own size, not the size of every definition before it (a corpus adds stories one at a time).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any, Final

import attrs
import orjson

from policyconflict._merging.errors import MergeError
from policyconflict._merging.rules import Rule, rules_of
from policyconflict.model.claims import Claim
from policyconflict.model.laws import Provision
from policyconflict.model.sources import Citation
from policyconflict.serialization._converter import CONVERTER, HookTable, problems_from
from policyconflict.serialization._json import encode

__all__ = [
    "Accumulator",
    "Definition",
    "Merged",
    "merge_definitions",
    "preferred_name",
    "shown_value",
]

_UNSTRUCTURE: Final = HookTable(CONVERTER.get_unstructure_hook)
_STRUCTURE: Final = HookTable(CONVERTER.get_structure_hook)


@attrs.frozen
class Definition:
    """One story's definition of an id: the entity (or provision) and the claims the story
    already carries about it and its provisions (a merged story carries some)."""

    story: str
    entity: Any
    claims: tuple[Claim, ...] = ()


@attrs.frozen
class Merged:
    """The merged entity and the claims of its disputed fields (its provisions' included)."""

    entity: Any
    claims: tuple[Claim, ...] = ()


def _text(value: Any) -> str:
    return encode(value).decode("utf-8")


def preferred_name(names: Iterable[str]) -> str:
    """The name shown when stories name an entity differently: the longest (the fullest form,
    "U.S. Department of Homeland Security" rather than "DHS"), and of names as long, the first
    in code-point order."""
    return min(names, key=lambda name: (-len(name), name))


def shown_value(texts: Iterable[str]) -> str:
    """The value shown for a disputed field: of the canonical JSON texts of the values, the
    first in code-point order. A plain, total order — not a judgement of which is right: the
    claims say who says what."""
    return min(texts)


def merge_definitions(definitions: Sequence[Definition]) -> Merged:
    """The definitions of one id merged; all are entities of one class with that id."""
    first = definitions[0]
    if len(definitions) == 1:
        return Merged(first.entity, first.claims)
    if all(not d.claims and d.entity == first.entity for d in definitions):
        return Merged(first.entity)
    merging = Accumulator(first)
    for definition in definitions[1:]:
        merging.add(definition)
    return merging.result()


Told = dict[tuple[str, str], set[Citation]]
"""What the definitions say for one field: (story, canonical JSON text) → the citations."""


class _Union:
    """The values of a set-like field: the first list given, and once another definition gives
    another list, every value by its canonical JSON text."""

    __slots__ = ("first", "values")

    def __init__(self, given: list[Any]) -> None:
        self.first = given
        self.values: dict[str, Any] | None = None
        """``None`` while every definition giving the field gave the same list."""

    def add(self, given: list[Any]) -> None:
        if self.values is None:
            if given == self.first:
                return
            self.values = {}
            self._unite(self.first)
        self._unite(given)

    def _unite(self, given: list[Any]) -> None:
        assert self.values is not None
        for value in given:
            self.values.setdefault(_text(value), value)

    def merged(self) -> list[Any]:
        """One list of every value given, or the list itself when every definition gives the
        same."""
        if self.values is None:
            return list(self.first)
        return [self.values[t] for t in sorted(self.values)]


class Accumulator:
    """What every definition of one id added so far says, field by field; :meth:`result` is
    their merge (the same whatever order they were added in)."""

    def __init__(self, first: Definition) -> None:
        self.cls: type[Any] = type(first.entity)
        self.id: str = first.entity.id
        self.stories: set[str] = set()
        self._first = first.entity
        self._same: list[str] | None = [first.story] if not first.claims else None
        """While every definition so far is the first's entity and none carries claims, the
        stories that gave it (nothing else is worked out until one differs); else ``None``."""
        self._told: dict[str, Told] = {}
        self._unions: dict[str, _Union] = {}
        self._chosen: tuple[str, dict[str, Any]] | None = None
        """The least single-valued fields of one definition, as JSON text and values."""
        self._parts: dict[str, Accumulator] = {}
        self._order: list[str] | None = None
        self._same_order = True
        self.stories.add(first.story)
        if self._same is None:
            self._add(first)

    def add(self, definition: Definition) -> None:
        """Add one more definition of the id (an entity of the same class)."""
        self.stories.add(definition.story)
        if self._same is not None:
            if not definition.claims and definition.entity == self._first:
                self._same.append(definition.story)
                return
            for story in self._same:
                self._add(Definition(story, self._first))
            self._same = None
        self._add(definition)

    def _add(self, definition: Definition) -> None:
        entity = definition.entity
        value: dict[str, Any] = _UNSTRUCTURE[self.cls](entity)
        sources: tuple[Citation, ...] = getattr(entity, "sources", ())
        carried: dict[str, list[Claim]] = {}
        for claim in definition.claims:
            if claim.entity == self.id:
                carried.setdefault(claim.field, []).append(claim)
        singles: dict[str, Any] = {}
        for name, rule in rules_of(self.cls):
            if rule is Rule.SINGLE or rule is Rule.NAME:
                self._tell(name, definition.story, value.get(name), sources, carried)
                if rule is Rule.SINGLE and name in value:
                    singles[name] = value[name]
            elif rule is Rule.PARTS:
                self._add_parts(definition)
            elif rule is not Rule.IDENTITY and name in value:
                union = self._unions.get(name)
                if union is None:
                    self._unions[name] = _Union(value[name])
                else:
                    union.add(value[name])
            if rule is Rule.EXTERNAL_IDS:
                schemes: dict[str, list[str]] = {}
                for given in value.get(name, ()):
                    schemes.setdefault(given["scheme"], []).append(given["value"])
                for key in carried:
                    if key.startswith(f"{name}."):
                        schemes.setdefault(key.partition(".")[2], [])
                for scheme, values in schemes.items():
                    key = f"{name}.{scheme}"
                    self._tell(key, definition.story, sorted(values) or None, sources, carried)
        text = _text(singles)
        if self._chosen is None or text < self._chosen[0]:
            self._chosen = (text, singles)

    def _tell(
        self,
        key: str,
        story: str,
        given: Any,
        sources: tuple[Citation, ...],
        carried: dict[str, list[Claim]],
    ) -> None:
        """Note what one definition says for ``key``: its claims where it carries them (a
        merged story's disputed fields), else its own value where it gives one."""
        claims = carried.get(key)
        if claims:
            told = self._told.setdefault(key, {})
            for claim in claims:
                told.setdefault((claim.story, claim.value), set()).update(claim.sources)
        elif given is not None:
            told = self._told.setdefault(key, {})
            told.setdefault((story, _text(given)), set()).update(sources)

    def _add_parts(self, definition: Definition) -> None:
        """Provisions matched by id, each accumulated with the claims about it."""
        parts = definition.entity.provisions
        if not parts:
            return
        ids = [p.id for p in parts]
        if self._order is None:
            self._order = ids
        elif ids != self._order:
            self._same_order = False
        for part in parts:
            told = tuple(c for c in definition.claims if c.entity == part.id)
            found = Definition(definition.story, part, told)
            merging = self._parts.get(part.id)
            if merging is None:
                self._parts[part.id] = Accumulator(found)
            else:
                merging.add(found)

    def result(self) -> Merged:
        """The merged entity and the claims of its disputed fields (its provisions' too)."""
        if self._same is not None:
            return Merged(self._first)
        found: list[Claim] = []
        entity = self._merge(found)
        return Merged(entity, tuple(sorted(set(found), key=Claim.sort_key)))

    def _merge(self, found: list[Claim]) -> Any:
        value: dict[str, Any] = {}
        for name, rule in rules_of(self.cls):
            if rule is Rule.IDENTITY:
                value[name] = self.id
            elif rule is Rule.PARTS:
                parts = self._merge_parts(found)
                if parts:
                    value[name] = parts
            elif name in self._unions:
                value[name] = self._unions[name].merged()
        named = {name for name, rule in rules_of(self.cls) if rule is Rule.NAME}
        for name in named:
            _name(value, self._told[name])
        for key, told in self._told.items():
            if key in named:
                continue
            texts = {text for _story, text in told}
            if "." not in key and texts:
                value[key] = orjson.loads(shown_value(texts))
            if len(texts) > 1:
                found.extend(_claims(self.id, key, told))
        self._fit_count(value, found)
        try:
            return _build(self.cls, value)
        except MergeError:
            pass
        # The shown values, each the least of its field, do not go together (a law's effective
        # date before its signed date, each from another story): show every single-valued fact
        # of one definition instead, and keep as claims every value that is not shown.
        assert self._chosen is not None
        chosen = self._chosen[1]
        for name, rule in rules_of(self.cls):
            if rule is not Rule.SINGLE:
                continue
            value.pop(name, None)
            if name in chosen:
                value[name] = chosen[name]
            told = self._told.get(name, {})
            if any(text != _text(value.get(name)) for _story, text in told):
                found.extend(_claims(self.id, name, told))
        self._fit_count(value, found)
        return _build(self.cls, value)

    def _fit_count(self, value: dict[str, Any], found: list[Claim]) -> None:
        """A deployment's count of places cannot be below the places the stories name together:
        then no count is shown, and every count given stays a claim."""
        count = value.get("target_count")
        if count is not None and count < len(value.get("targets", ())):
            del value["target_count"]
            told = self._told["target_count"]
            if len({text for _story, text in told}) == 1:
                found.extend(_claims(self.id, "target_count", told))

    def _merge_parts(self, found: list[Claim]) -> list[Any]:
        """Provisions merged; in the definitions' order when they all list the same ones, else
        by id."""
        merged: dict[str, Provision] = {}
        for part_id, merging in self._parts.items():
            result = merging.result()
            merged[part_id] = result.entity
            found.extend(result.claims)
        order = self._order if self._same_order and self._order is not None else sorted(merged)
        return [_UNSTRUCTURE[Provision](merged[i]) for i in order]


def _claims(entity_id: str, key: str, told: Told) -> list[Claim]:
    return [
        Claim(entity=entity_id, field=key, value=text, story=story, sources=_sorted(sources))
        for (story, text), sources in told.items()
    ]


def _sorted(citations: Iterable[Citation]) -> tuple[Citation, ...]:
    return tuple(sorted(citations, key=lambda c: _text(_UNSTRUCTURE[Citation](c))))


def _name(value: dict[str, Any], told: Told) -> None:
    """The preferred name, and every other name given kept among the aliases."""
    names = {orjson.loads(text) for _story, text in told}
    name = preferred_name(names)
    value["name"] = name
    others = names - {name}
    aliases = value.get("aliases", [])
    if others or name in aliases:
        value["aliases"] = sorted((set(aliases) | others) - {name}, key=_text)
    if not value.get("aliases"):
        value.pop("aliases", None)


def _build(cls: type[Any], value: dict[str, Any]) -> Any:
    try:
        return _STRUCTURE[cls](value, cls)
    except Exception as exc:
        raise MergeError(str(value.get("id")), problems_from(exc, "$")) from None
