"""Typed links between entities: :class:`Relation`."""

from __future__ import annotations

import enum
from typing import ClassVar

import attrs

from policyconflict.dates import Period
from policyconflict.errors import ShapeError
from policyconflict.model import _fields as f
from policyconflict.model.citations import Citation, Note, notes_field

__all__ = ["Predicate", "Relation"]


class Predicate(enum.StrEnum):
    """The kind of link ``subject → object``."""

    RESPONDS_TO = "responds-to"
    RETALIATION_FOR = "retaliation-for"
    SUPPORTS = "supports"
    OPPOSES = "opposes"
    COOPERATES_WITH = "cooperates-with"
    REFUSES_TO_COOPERATE_WITH = "refuses-to-cooperate-with"
    IMPLEMENTS = "implements"
    CHALLENGES = "challenges"
    PREEMPTS = "preempts"
    AMENDS = "amends"
    REPEALS = "repeals"
    PART_OF = "part-of"
    SAME_AS = "same-as"
    OTHER = "other"


@attrs.frozen(kw_only=True)
class Relation:
    """A typed link between two entities, with who asserts it.

    ``asserted_by`` is the actor who claims the link (ICE says the deployment *responds to*
    sanctuary policies); when absent the source itself asserts it.
    """

    kind_name: ClassVar[str] = "relation"

    id: str = attrs.field(validator=f.identifier)
    subject: str = attrs.field(validator=f.ref())
    predicate: Predicate = attrs.field(validator=f.one_of(Predicate))
    object: str = attrs.field(validator=f.ref())
    asserted_by: str | None = attrs.field(
        default=None,
        validator=f.ref("person", "agency", "organization", "jurisdiction", optional=True),
    )
    description: str | None = attrs.field(default=None, validator=f.optional_text)
    period: Period | None = attrs.field(default=None, validator=f.optional_period)
    sources: tuple[Citation, ...] = attrs.field(default=(), validator=f.tuple_of(Citation))
    notes: tuple[Note, ...] = notes_field()

    def __attrs_post_init__(self) -> None:
        self._check_two_entities()

    def _check_two_entities(self) -> None:
        if self.subject == self.object:
            raise ShapeError("self-reference", "a relation links two different entities", "object")
