"""The unit of exchange: a :class:`Story` holds the entities of one story and checks them
together.

A story is checked when it is made: every reference must point at an entity of the story of an
allowed kind, ids are unique, parent chains have no cycles, and courts are courts. All problems
are reported at once in one :class:`~policyconflict.errors.ValidationError`, each with a path
such as ``$.statements[3].speaker``.
"""

from __future__ import annotations

import re
import typing
import weakref
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from typing import Any, ClassVar, Final, TypeAlias

import attrs

from policyconflict.dates import PartialDate, Period
from policyconflict.errors import Problem, ValidationError
from policyconflict.model import _fields as f
from policyconflict.model.actions import ControlTransfer, Deployment, Event
from policyconflict.model.actors import Agency, AgencyKind, Organization, Person, Role
from policyconflict.model.claims import Claim
from policyconflict.model.courts import LegalCase, Ruling
from policyconflict.model.figures import Figure
from policyconflict.model.laws import Law, Provision
from policyconflict.model.places import Jurisdiction
from policyconflict.model.relations import Relation
from policyconflict.model.sources import Source
from policyconflict.model.statements import Statement

__all__ = [
    "COLLECTIONS",
    "Entity",
    "Story",
    "reference_fields",
    "references_in",
    "story_problems",
]

Entity: TypeAlias = (
    Source
    | Jurisdiction
    | Agency
    | Organization
    | Person
    | Role
    | Law
    | Deployment
    | ControlTransfer
    | Event
    | Statement
    | Figure
    | Relation
    | LegalCase
    | Ruling
)

COLLECTIONS: Final[Mapping[str, type[Any]]] = {
    "sources": Source,
    "jurisdictions": Jurisdiction,
    "agencies": Agency,
    "organizations": Organization,
    "persons": Person,
    "roles": Role,
    "laws": Law,
    "deployments": Deployment,
    "control_transfers": ControlTransfer,
    "events": Event,
    "statements": Statement,
    "figures": Figure,
    "relations": Relation,
    "legal_cases": LegalCase,
    "rulings": Ruling,
}
"""Story field name → entity class, in document order."""


def _entities(cls: type[Any]) -> Any:
    return attrs.field(default=(), validator=f.tuple_of(cls))


@attrs.frozen(kw_only=True)
class Story:
    """One story: its sources and one tuple per entity kind, checked together.

    Entities keep the order given; :meth:`canonical` sorts them by id, and the JSON format
    always writes that order. :meth:`from_entities` builds a story from entities of any kinds
    in any order. ``claims`` are the alternative values of disputed fields that a merged story
    carries (see :mod:`policyconflict.merge`); a story written by hand has none.
    """

    kind_name: ClassVar[str] = "story"

    id: str = attrs.field(validator=f.identifier)
    title: str = attrs.field(validator=f.text)
    sources: tuple[Source, ...] = _entities(Source)
    jurisdictions: tuple[Jurisdiction, ...] = _entities(Jurisdiction)
    agencies: tuple[Agency, ...] = _entities(Agency)
    organizations: tuple[Organization, ...] = _entities(Organization)
    persons: tuple[Person, ...] = _entities(Person)
    roles: tuple[Role, ...] = _entities(Role)
    laws: tuple[Law, ...] = _entities(Law)
    deployments: tuple[Deployment, ...] = _entities(Deployment)
    control_transfers: tuple[ControlTransfer, ...] = _entities(ControlTransfer)
    events: tuple[Event, ...] = _entities(Event)
    statements: tuple[Statement, ...] = _entities(Statement)
    figures: tuple[Figure, ...] = _entities(Figure)
    relations: tuple[Relation, ...] = _entities(Relation)
    legal_cases: tuple[LegalCase, ...] = _entities(LegalCase)
    rulings: tuple[Ruling, ...] = _entities(Ruling)
    claims: tuple[Claim, ...] = _entities(Claim)

    def __attrs_post_init__(self) -> None:
        # The story's checks are its validator: off, like every other, inside
        # ``attrs.validators.disabled()`` (the benchmarks build large valid-by-construction
        # stories that way).
        if attrs.validators.get_disabled():
            return
        self._check_story()

    def _check_story(self) -> None:
        problems = story_problems(self)
        if problems:
            raise ValidationError(problems)

    @classmethod
    def from_entities(cls, *, id: str, title: str, entities: Iterable[Entity]) -> Story:
        """A story from entities of any kinds, in any order; each kind is sorted by id."""
        buckets: dict[str, list[Any]] = {name: [] for name in COLLECTIONS}
        by_class = {klass: name for name, klass in COLLECTIONS.items()}
        for entity in entities:
            name = by_class.get(type(entity))
            if name is None:
                raise TypeError(f"not a story entity: {type(entity).__name__}")
            buckets[name].append(entity)
        fields = {name: tuple(sorted(items, key=_id)) for name, items in buckets.items()}
        return cls(id=id, title=title, **fields)

    def canonical(self) -> Story:
        """The same story with every kind of entity sorted by id (the order JSON uses)."""
        fields = {name: tuple(sorted(getattr(self, name), key=_id)) for name in COLLECTIONS}
        fields["claims"] = tuple(sorted(self.claims, key=Claim.sort_key))
        evolve: Any = attrs.evolve
        return evolve(self, **fields)  # type: ignore[no-any-return]

    def entities(self) -> Iterator[Entity]:
        """Every entity, kind by kind in document order."""
        for name in COLLECTIONS:
            yield from getattr(self, name)

    def index(self) -> dict[str, Entity | Provision]:
        """Every entity and provision by id (a new dict: changing it changes nothing here)."""
        return dict(_index_of(self))

    def get(self, entity_id: str) -> Entity | Provision:
        """The entity or provision with ``entity_id``; :class:`KeyError` if there is none.

        The table of ids is built on the first call and kept as long as the story lives (a
        story never changes), so looking up every entity costs one pass, not one per lookup.
        """
        return _index_of(self)[entity_id]


_INDEXES: dict[int, tuple[weakref.ref[Story], dict[str, Entity | Provision]]] = {}
"""``id(story)`` → (a weak reference to the story, its table of ids): built once per story
and dropped with it. Keyed by identity, since hashing a story hashes all its entities."""


def _index_of(story: Story) -> dict[str, Entity | Provision]:
    key = id(story)
    cached = _INDEXES.get(key)
    if cached is not None and cached[0]() is story:
        return cached[1]
    found: dict[str, Entity | Provision] = {}
    for entity in story.entities():
        found[entity.id] = entity
        if isinstance(entity, Law):
            for provision in entity.provisions:
                found[provision.id] = provision

    def forget(ref: weakref.ref[Story]) -> None:
        entry = _INDEXES.get(key)
        if entry is not None and entry[0] is ref:
            del _INDEXES[key]

    _INDEXES[key] = (weakref.ref(story, forget), found)
    return found


def _id(entity: Any) -> str:
    return str(entity.id)


# -- checks ------------------------------------------------------------------------------------

_SKIP: Final = (PartialDate, Period)


Step: TypeAlias = tuple[str, "tuple[str, ...] | None", bool]


def _holds_model_values(hint: Any) -> bool:
    """Whether a type hint can hold a model value (an attrs class other than a date)."""
    if isinstance(hint, type):
        return attrs.has(hint) and not issubclass(hint, _SKIP)
    return any(_holds_model_values(arg) for arg in typing.get_args(hint))


def _plan(cls: type[Any]) -> tuple[Step, ...]:
    """The fields of ``cls`` worth visiting, worked out once per class from the field rules
    and type hints: references (with their allowed kinds) and fields holding nested model
    values, each with whether it holds a tuple. Plain strings, numbers, enums and dates are
    left out, so the check touches only what can refer to something."""
    cached = _PLANS.get(cls)
    if cached is None:
        hints = typing.get_type_hints(cls)
        steps: list[Step] = []
        for field in attrs.fields(cls):
            many = typing.get_origin(hints[field.name]) is tuple
            allowed = f.reference_kinds(field)
            if allowed is not None or _holds_model_values(hints[field.name]):
                steps.append((field.name, allowed, many))
        cached = _PLANS[cls] = tuple(steps)
    return cached


_PLANS: dict[type[Any], tuple[Step, ...]] = {}


def reference_fields(cls: type[Any]) -> tuple[tuple[str, tuple[str, ...] | None, bool], ...]:
    """The fields of a model class that the reference check visits, as ``(name, allowed
    kinds, holds a tuple)``: allowed kinds are ``None`` for a field holding nested model values
    (walk into them), else the kinds a reference may point at (``"*"``: any)."""
    return _plan(cls)


def references_in(
    value: Any, *, skip: frozenset[str] = frozenset(), prefix: str = ""
) -> Iterator[tuple[str, str]]:
    """Every ``(field, id)`` reference held by ``value`` (an entity or a nested model value),
    nested values included, in field order; nested fields are joined by dots
    (``positions.target``). Fields named in ``skip`` are left out at every depth (``sources``:
    the citations; ``provisions``: a law's parts)."""
    for name, allowed, many in reference_fields(type(value)):
        if name in skip:
            continue
        found = getattr(value, name)
        if found is None:
            continue
        field = f"{prefix}{name}"
        for item in found if many else (found,):
            if allowed is None:
                yield from references_in(item, skip=skip, prefix=f"{field}.")
            else:
                yield field, item


def _kinds_text(kinds: tuple[str, ...]) -> str:
    names = [k.replace("_", " ") for k in kinds]
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " or " + names[-1]


Check: TypeAlias = Callable[[Any, Mapping[str, str]], bool]


def _check_of(cls: type[Any]) -> Check:
    """A function telling whether every reference in an instance of ``cls`` (nested values
    included) resolves to an allowed kind, generated once per class from :func:`_plan`: it
    builds no paths and stops at the first miss, so a story without problems is checked at
    the cost of a few dict lookups per entity."""
    cached = _CHECKS.get(cls)
    if cached is not None:
        return cached
    namespace: dict[str, Any] = {"nested": _nested_ok}
    lines = ["def check(o, kinds):"]
    for i, (name, allowed, many) in enumerate(_plan(cls)):
        if allowed is None:
            miss = "not nested(x, kinds)"
        elif f.ANY_KIND in allowed:
            miss = "x not in kinds"
        else:
            namespace[f"allowed{i}"] = frozenset(allowed)
            miss = f"kinds.get(x) not in allowed{i}"
        if many:
            lines += [f"    for x in o.{name}:", f"        if {miss}:", "            return False"]
        else:
            lines += [
                f"    x = o.{name}",
                f"    if x is not None and {miss}:",
                "        return False",
            ]
    lines.append("    return True")
    exec("\n".join(lines) + "\n", namespace)
    check: Check = namespace["check"]
    _CHECKS[cls] = check
    return check


def _nested_ok(value: Any, kinds: Mapping[str, str]) -> bool:
    return _check_of(type(value))(value, kinds)


_CHECKS: dict[type[Any], Check] = {}


def _no_problems(story: Story) -> bool:
    """True when ``story`` surely has no cross-entity problem (the fast way: the slow way
    below finds and places every problem, and runs only when this says False)."""
    kinds: dict[str, str] = {}
    count = 0
    for name in COLLECTIONS:
        items = getattr(story, name)
        kinds.update({entity.id: entity.kind_name for entity in items})
        count += len(items)
    for law in story.laws:
        kinds.update({provision.id: "provision" for provision in law.provisions})
        count += len(law.provisions)
    if len(kinds) != count:
        return False  # an id is used twice
    for entity in story.entities():
        if not _check_of(type(entity))(entity, kinds):
            return False
    for claim in story.claims:
        if not _check_of(Claim)(claim, kinds):
            return False
    found: list[Problem] = []
    _check_cycles(story.jurisdictions, "jurisdictions", found.append)
    _check_cycles(story.agencies, "agencies", found.append)
    _check_courts(story, found.append)
    return not found


def story_problems(story: Story) -> tuple[Problem, ...]:
    """Every cross-entity problem in ``story``, in document order (the story's own order)."""
    if _no_problems(story):
        return ()
    problems: list[Problem] = []
    emit = problems.append
    kinds: dict[str, str] = {}
    owners: dict[str, str] = {}

    def claim(entity_id: str, kind: str, path: str) -> None:
        if entity_id in kinds:
            emit(
                Problem(
                    path=f"{path}.id",
                    code="duplicate-id",
                    message=f"id {entity_id!r} is already used at {owners[entity_id]}",
                )
            )
        else:
            kinds[entity_id] = kind
            owners[entity_id] = path

    for name in COLLECTIONS:
        for i, entity in enumerate(getattr(story, name)):
            path = f"$.{name}[{i}]"
            claim(entity.id, entity.kind_name, path)
            if isinstance(entity, Law):
                for j, provision in enumerate(entity.provisions):
                    claim(provision.id, "provision", f"{path}.provisions[{j}]")

    def check_ref(value: str, allowed: tuple[str, ...], path: str) -> None:
        kind = kinds.get(value)
        if kind is None:
            emit(
                Problem(
                    path=path,
                    code="unknown-reference",
                    message=f"{value!r} is not the id of anything in this story",
                )
            )
        elif f.ANY_KIND not in allowed and kind not in allowed:
            emit(
                Problem(
                    path=path,
                    code="wrong-kind",
                    message=f"{value!r} is a {kind.replace('_', ' ')}, expected "
                    f"{_kinds_text(allowed)}",
                )
            )

    def walk(obj: Any, path: str) -> None:
        # Paths of references are built only for a problem: this runs for every entity loaded.
        for field_name, allowed, many in _plan(type(obj)):
            value = getattr(obj, field_name)
            if value is None:
                continue
            if allowed is None:
                if many:
                    for k, item in enumerate(value):
                        walk(item, f"{path}.{field_name}[{k}]")
                else:
                    walk(value, f"{path}.{field_name}")
                continue
            any_kind = f.ANY_KIND in allowed
            for k, item in enumerate(value if many else (value,)):
                kind = kinds.get(item)
                if kind is None or not (any_kind or kind in allowed):
                    at = f"{path}.{field_name}[{k}]" if many else f"{path}.{field_name}"
                    check_ref(item, allowed, at)

    for name in COLLECTIONS:
        for i, entity in enumerate(getattr(story, name)):
            walk(entity, f"$.{name}[{i}]")
    for i, told in enumerate(story.claims):
        walk(told, f"$.claims[{i}]")

    _check_cycles(story.jurisdictions, "jurisdictions", emit)
    _check_cycles(story.agencies, "agencies", emit)
    _check_courts(story, emit)
    return tuple(sorted(problems, key=lambda problem: _position(story, problem.path)))


_STEP: Final = re.compile(r"\.(\w+)|\[(\d+)\]", re.ASCII)  # paths hold ASCII names and indexes


def _position(story: Story, path: str) -> tuple[int, ...]:
    """Where ``path`` is in the document: the checks above run one after another, and sorting
    on this key (a stable sort) puts their problems back in document order."""
    key: list[int] = []
    current: Any = story
    for name, index in _STEP.findall(path):
        if name:
            key.append([field.name for field in attrs.fields(type(current))].index(name))
            current = getattr(current, name)
        else:
            key.append(int(index))
            current = current[int(index)]
    return tuple(key)


def _check_cycles(
    items: Sequence[Jurisdiction | Agency],
    name: str,
    emit: Callable[[Problem], None],
) -> None:
    parents = {item.id: item.parent for item in items}
    for i, item in enumerate(items):
        seen = {item.id}
        current = item.parent
        while current is not None and current in parents:
            if current in seen:
                emit(
                    Problem(
                        path=f"$.{name}[{i}].parent",
                        code="cycle",
                        message=f"{item.id!r} is its own ancestor through its parents",
                    )
                )
                break
            seen.add(current)
            current = parents[current]


def _check_courts(story: Story, emit: Callable[[Problem], None]) -> None:
    agencies = {a.id: a for a in story.agencies}

    def check(court: str, path: str) -> None:
        agency = agencies.get(court)
        if agency is not None and agency.kind is not AgencyKind.COURT:
            emit(
                Problem(
                    path=path,
                    code="not-a-court",
                    message=f"{court!r} is an agency of kind {agency.kind.value!r}, not a court",
                )
            )

    for i, case in enumerate(story.legal_cases):
        for j, docket in enumerate(case.dockets):
            check(docket.court, f"$.legal_cases[{i}].dockets[{j}].court")
    for i, ruling in enumerate(story.rulings):
        check(ruling.court, f"$.rulings[{i}].court")
