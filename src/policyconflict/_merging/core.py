"""Merging the definitions of one id, field by field, by the rules of :mod:`.rules`.

The work is done on the canonical JSON values of the definitions (what the interchange format
writes), so that a value is compared, ordered and kept in a claim in one spelling, and the
merged value is checked by the format's own structuring hooks. Every step is a function of the
*set* of definitions, never of their order: unions are sorted, a preferred value is the least
in a total order, and a value all definitions share is kept as it is.
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

__all__ = ["Definition", "Merged", "merge_definitions", "preferred_name", "shown_value"]

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


@attrs.frozen
class _Item:
    story: str
    entity: Any
    value: dict[str, Any]
    claims: tuple[Claim, ...]


@attrs.frozen
class _Said:
    story: str
    text: str
    sources: tuple[Citation, ...]


def merge_definitions(definitions: Sequence[Definition]) -> Merged:
    """The definitions of one id merged; all are entities of one class with that id."""
    first = definitions[0]
    if len(definitions) == 1:
        return Merged(first.entity, first.claims)
    claims = tuple(c for d in definitions for c in d.claims)
    if not claims and all(d.entity == first.entity for d in definitions):
        return Merged(first.entity)
    found: list[Claim] = []
    entity = _merge(type(first.entity), [_item(d) for d in definitions], found)
    return Merged(entity, tuple(sorted(set(found), key=Claim.sort_key)))


def _item(definition: Definition) -> _Item:
    entity = definition.entity
    return _Item(definition.story, entity, _UNSTRUCTURE[type(entity)](entity), definition.claims)


def _merge(cls: type[Any], items: list[_Item], found: list[Claim]) -> Any:
    entity_id: str = items[0].entity.id
    value: dict[str, Any] = {}
    said: dict[str, list[_Said]] = {}
    for name, rule in rules_of(cls):
        given = [item.value[name] for item in items if name in item.value]
        if rule is Rule.IDENTITY:
            value[name] = entity_id
        elif rule is Rule.PARTS:
            parts = _merge_parts(items, found)
            if parts:
                value[name] = parts
        elif rule is Rule.SINGLE or rule is Rule.NAME:
            said[name] = _said(items, entity_id, name, lambda item, n=name: item.value.get(n))
        elif given:
            value[name] = _united(given)
        if rule is Rule.EXTERNAL_IDS:
            for scheme in sorted(_schemes(items)):
                key = f"{name}.{scheme}"
                said[key] = _said(items, entity_id, key, lambda item, s=scheme: _in_scheme(item, s))
    for name, rule in rules_of(cls):
        if rule is Rule.NAME:
            _name(value, said.pop(name))
    for key, told in said.items():
        texts = {s.text for s in told}
        if "." not in key and texts:
            value[key] = orjson.loads(shown_value(texts))
        if len(texts) > 1:
            found.extend(_claims(entity_id, key, told))
    _fit_count(value, said, entity_id, found)
    try:
        return _build(cls, value)
    except MergeError:
        pass
    # The shown values, each the least of its field, do not go together (a law's effective date
    # before its signed date, each from another story): show every single-valued fact of one
    # definition instead, and keep as claims every value that is not shown.
    chosen = min(items, key=lambda item: _text(_singles(cls, item.value)))
    for name, rule in rules_of(cls):
        if rule is not Rule.SINGLE:
            continue
        value.pop(name, None)
        if name in chosen.value:
            value[name] = chosen.value[name]
        told = said[name]
        if any(s.text != _text(value.get(name)) for s in told):
            found.extend(_claims(entity_id, name, told))
    _fit_count(value, said, entity_id, found)
    return _build(cls, value)


def _said(items: list[_Item], entity_id: str, key: str, read: Any) -> list[_Said]:
    """What each story says for ``key``: its claims where it carries them (a merged story's
    disputed fields), else its own value where it gives one."""
    told: list[_Said] = []
    for item in items:
        claims = [c for c in item.claims if c.entity == entity_id and c.field == key]
        if claims:
            told.extend(_Said(c.story, c.value, c.sources) for c in claims)
            continue
        given = read(item)
        if given is not None:
            told.append(_Said(item.story, _text(given), getattr(item.entity, "sources", ())))
    return told


def _claims(entity_id: str, key: str, told: list[_Said]) -> list[Claim]:
    grouped: dict[tuple[str, str], set[Citation]] = {}
    for said in told:
        grouped.setdefault((said.story, said.text), set()).update(said.sources)
    return [
        Claim(entity=entity_id, field=key, value=text, story=story, sources=_sorted(sources))
        for (story, text), sources in grouped.items()
    ]


def _sorted(citations: Iterable[Citation]) -> tuple[Citation, ...]:
    return tuple(sorted(citations, key=lambda c: _text(_UNSTRUCTURE[Citation](c))))


def _united(given: list[Any]) -> list[Any]:
    """One list of every value given, or the list itself when every definition gives the same."""
    if all(g == given[0] for g in given):
        return list(given[0])
    texts = {_text(v): v for g in given for v in g}
    return [texts[t] for t in sorted(texts)]


def _schemes(items: list[_Item]) -> set[str]:
    schemes = {e["scheme"] for item in items for e in item.value.get("external_ids", ())}
    schemes.update(
        c.field.partition(".")[2] for item in items for c in item.claims if "." in c.field
    )
    return schemes


def _in_scheme(item: _Item, scheme: str) -> list[str] | None:
    values = sorted(e["value"] for e in item.value.get("external_ids", ()) if e["scheme"] == scheme)
    return values or None


def _name(value: dict[str, Any], told: list[_Said]) -> None:
    """The preferred name, and every other name given kept among the aliases."""
    names = {orjson.loads(s.text) for s in told}
    name = preferred_name(names)
    value["name"] = name
    others = names - {name}
    aliases = value.get("aliases", [])
    if others or name in aliases:
        value["aliases"] = sorted((set(aliases) | others) - {name}, key=_text)
    if not value.get("aliases"):
        value.pop("aliases", None)


def _fit_count(
    value: dict[str, Any], said: dict[str, list[_Said]], entity_id: str, found: list[Claim]
) -> None:
    """A deployment's count of places cannot be below the places the stories name together:
    then no count is shown, and every count given stays a claim."""
    count = value.get("target_count")
    if count is not None and count < len(value.get("targets", ())):
        del value["target_count"]
        if len({s.text for s in said["target_count"]}) == 1:
            found.extend(_claims(entity_id, "target_count", said["target_count"]))


def _singles(cls: type[Any], value: dict[str, Any]) -> dict[str, Any]:
    return {n: value[n] for n, rule in rules_of(cls) if rule is Rule.SINGLE and n in value}


def _merge_parts(items: list[_Item], found: list[Claim]) -> list[Any]:
    """Provisions matched by id and merged; in the definitions' order when they all list the
    same ones, else by id."""
    lists = [item.entity.provisions for item in items if item.entity.provisions]
    by_id: dict[str, list[Definition]] = {}
    for item in items:
        for part in item.entity.provisions:
            told = tuple(c for c in item.claims if c.entity == part.id)
            by_id.setdefault(part.id, []).append(Definition(item.story, part, told))
    merged: dict[str, Provision] = {}
    for part_id, definitions in by_id.items():
        result = merge_definitions(definitions)
        merged[part_id] = result.entity
        found.extend(result.claims)
    if lists and all(ids == [p.id for p in lists[0]] for ids in ([p.id for p in x] for x in lists)):
        order = [p.id for p in lists[0]]
    else:
        order = sorted(merged)
    return [_UNSTRUCTURE[Provision](merged[i]) for i in order]


def _build(cls: type[Any], value: dict[str, Any]) -> Any:
    try:
        return _STRUCTURE[cls](value, cls)
    except Exception as exc:
        raise MergeError(str(value.get("id")), problems_from(exc, "$")) from None
