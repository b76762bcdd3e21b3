"""Merging whole stories: definitions grouped by id, identities checked, each id merged."""

from __future__ import annotations

from collections.abc import Collection, Iterable, Iterator, Sequence
from typing import Any

from policyconflict._merging.core import Definition, merge_definitions
from policyconflict._merging.errors import IdentityClash, IdentityClashError, MergeError
from policyconflict.errors import ValidationError
from policyconflict.model.claims import Claim
from policyconflict.model.laws import Law
from policyconflict.story import COLLECTIONS, Story

__all__ = [
    "Kinds",
    "claims_about",
    "claims_by_entity",
    "clash_of",
    "definitions_by_id",
    "identity_clashes",
    "kind_of",
    "kinds_in",
    "merge_stories",
    "note_kinds",
]


def kind_of(entity: Any, law: str | None = None) -> str:
    """What an id names, for identity checks: the entity's kind, or for a provision the law it
    belongs to (one provision id in two laws is two things)."""
    return f"provision of {law}" if law is not None else str(entity.kind_name)


def claims_by_entity(story: Story) -> dict[str, list[Claim]]:
    """The claims ``story`` carries (a merged story carries some), by the id they are about."""
    told: dict[str, list[Claim]] = {}
    for claim in story.claims:
        told.setdefault(claim.entity, []).append(claim)
    return told


def claims_about(entity: Any, told: dict[str, list[Claim]]) -> tuple[Claim, ...]:
    """The claims of ``told`` about ``entity`` and, for a law, its provisions."""
    claims = list(told.get(entity.id, ()))
    if isinstance(entity, Law):
        for provision in entity.provisions:
            claims.extend(told.get(provision.id, ()))
    return tuple(claims)


def definitions_by_id(stories: Iterable[Story]) -> dict[str, list[Definition]]:
    """Every story's definition of every id (provisions are merged inside their laws)."""
    found: dict[str, list[Definition]] = {}
    for story in stories:
        told = claims_by_entity(story)
        for entity in story.entities():
            claims = claims_about(entity, told) if told else ()
            found.setdefault(entity.id, []).append(Definition(story.id, entity, claims))
    return found


def kinds_in(story: Story) -> Iterator[tuple[str, str, str]]:
    """Every id of ``story`` (entities and provisions) with what it names (:func:`kind_of`) and
    the id of the entity that holds it (a provision's law; an entity itself)."""
    for entity in story.entities():
        yield entity.id, kind_of(entity), entity.id
        if isinstance(entity, Law):
            for provision in entity.provisions:
                yield provision.id, kind_of(provision, entity.id), entity.id


Kinds = dict[str, dict[str, set[str]]]
"""id → what it names → the stories that use it so."""


def note_kinds(kinds: Kinds, story: Story, leave_out: Collection[str] = ()) -> list[str]:
    """Record what ``story``'s ids name in ``kinds`` (but not of the entities ``leave_out``
    names, nor of their provisions); the ids now naming two kinds of thing."""
    clashing: list[str] = []
    for entity_id, kind, holder in kinds_in(story):
        if holder in leave_out:
            continue
        named = kinds.setdefault(entity_id, {})
        named.setdefault(kind, set()).add(story.id)
        if len(named) > 1:
            clashing.append(entity_id)
    return clashing


def clash_of(kinds: Kinds, entity_id: str) -> IdentityClash:
    """The clash at ``entity_id`` as recorded in ``kinds``."""
    named = kinds[entity_id]
    return IdentityClash(
        id=entity_id,
        kinds=tuple(sorted(named)),
        stories=tuple(sorted(set().union(*named.values()))),
    )


def identity_clashes(stories: Sequence[Story]) -> list[IdentityClash]:
    """Every id that names different kinds of thing across ``stories``, in id order."""
    kinds: Kinds = {}
    clashing: set[str] = set()
    for story in stories:
        clashing.update(note_kinds(kinds, story))
    return [clash_of(kinds, entity_id) for entity_id in sorted(clashing)]


def merge_stories(stories: Sequence[Story], *, id: str, title: str) -> Story:
    """``stories`` merged into one story ``id`` with ``title``."""
    clashes = identity_clashes(stories)
    if clashes:
        raise IdentityClashError(clashes)
    buckets: dict[str, list[Any]] = {name: [] for name in COLLECTIONS}
    names = {cls: name for name, cls in COLLECTIONS.items()}
    claims: list[Claim] = []
    for _id, definitions in sorted(definitions_by_id(stories).items()):
        merged = merge_definitions(definitions)
        buckets[names[type(merged.entity)]].append(merged.entity)
        claims.extend(merged.claims)
    try:
        return Story(
            id=id,
            title=title,
            claims=tuple(sorted(set(claims), key=Claim.sort_key)),
            **{name: tuple(items) for name, items in buckets.items()},
        )
    except ValidationError as exc:
        raise MergeError(id, exc.problems) from None
