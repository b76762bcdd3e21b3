"""The :class:`Story` container: building from entities, canonical order, lookups, and every
problem reported at once in document order; the error types pickle."""

from __future__ import annotations

import pickle
import random
from typing import Any

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from helpers import (
    CA,
    US,
    agency,
    cite,
    jurisdiction,
    law,
    organization,
    person,
    source,
    state,
    statement,
    story,
)
from policyconflict import (
    Citation,
    Position,
    Problem,
    Provision,
    ProvisionEffect,
    Role,
    ShapeError,
    Stance,
    Statement,
    Story,
    ValidationError,
)
from policyconflict.errors import render_problem, render_problems
from policyconflict.story import COLLECTIONS, story_problems

SB54 = "law:us/ca/2017-2018/sb-54"
PROVISION = f"{SB54}#cooperation"


def _entities() -> list[object]:
    """A small valid set of entities of several kinds."""
    return [
        source(),
        jurisdiction(),
        state(),
        agency("agency:us/dhs", jurisdiction=US),
        agency("agency:us/dhs/ice", parent="agency:us/dhs"),
        organization(),
        person(sources=(cite("Ann"),)),
        person("person:bob", name="Bob"),
        Role(id="role:ann/aclu/counsel", person="person:ann", organization="org:aclu", title="c"),
        law(
            provisions=(
                Provision(
                    id=PROVISION,
                    label="cooperation",
                    effect=ProvisionEffect.RESTRICTS,
                    counterparty=("agency:us/dhs/ice",),
                ),
            )
        ),
        statement(positions=(Position(target=SB54, stance=Stance.SUPPORT),)),
        statement("statement:bob/undated/no", speaker="person:bob", text="No."),
    ]


def _story(entities: list[object]) -> Story:
    return Story.from_entities(id="story:test", title="A test", entities=entities)  # type: ignore[arg-type]


# -- building -------------------------------------------------------------------------------------


def test_from_entities_sorts_each_kind_by_id() -> None:
    built = _story(list(reversed(_entities())))
    assert [p.id for p in built.persons] == ["person:ann", "person:bob"]
    assert [j.id for j in built.jurisdictions] == [US, CA]
    assert [s.id for s in built.statements] == sorted(s.id for s in built.statements)


def test_from_entities_ignores_the_order_given() -> None:
    entities = _entities()
    first = _story(entities)
    for seed in range(5):
        random.Random(seed).shuffle(entities)
        assert _story(entities) == first


def test_from_entities_refuses_what_is_not_an_entity() -> None:
    with pytest.raises(TypeError, match="not a story entity: Citation"):
        _story([*_entities(), cite()])


def test_canonical_sorts_and_is_idempotent() -> None:
    given_order = story(
        persons=(person("person:zed", name="Zed"), person("person:amy", name="Amy")),
    )
    assert [p.id for p in given_order.persons] == ["person:zed", "person:amy"]
    canonical = given_order.canonical()
    assert [p.id for p in canonical.persons] == ["person:amy", "person:zed"]
    assert canonical.canonical() == canonical
    assert canonical != given_order


def test_entities_come_kind_by_kind_in_document_order() -> None:
    built = _story(_entities())
    kinds = [e.kind_name for e in built.entities()]
    order = [COLLECTIONS[name].kind_name for name in COLLECTIONS]
    assert kinds == sorted(kinds, key=order.index)
    assert len(kinds) == len(_entities())


def test_index_holds_every_entity_and_provision() -> None:
    built = _story(_entities())
    index = built.index()
    assert set(index) == {e.id for e in built.entities()} | {PROVISION}
    assert index[PROVISION].kind_name == "provision"
    assert index["person:bob"].name == "Bob"  # type: ignore[union-attr]


def test_get_finds_entities_and_provisions() -> None:
    built = _story(_entities())
    assert built.get("person:ann") == person(sources=(cite("Ann"),))
    provision = built.get(PROVISION)
    assert isinstance(provision, Provision)
    assert provision.counterparty == ("agency:us/dhs/ice",)
    with pytest.raises(KeyError):
        built.get("person:nobody")


def test_get_builds_the_table_of_ids_once_per_story(monkeypatch: pytest.MonkeyPatch) -> None:
    built = _story(_entities())
    passes = 0
    walk = Story.entities

    def counted(self: Story) -> Any:
        nonlocal passes
        passes += 1
        return walk(self)

    monkeypatch.setattr(Story, "entities", counted)
    ids = [e.id for e in walk(built)]
    assert [built.get(i).id for i in ids * 3] == ids * 3
    assert passes == 1  # not one pass over the story per lookup


def test_index_is_a_copy_and_the_table_goes_with_its_story() -> None:
    import gc

    from policyconflict import story as story_module

    before = len(story_module._INDEXES)
    built = _story(_entities())
    built.index().clear()
    assert built.get("person:bob").id == "person:bob"
    assert len(story_module._INDEXES) == before + 1
    del built
    gc.collect()
    assert len(story_module._INDEXES) == before


def test_problems_within_one_entity_follow_its_fields() -> None:
    provision = Provision(
        id=PROVISION, label="a", effect=ProvisionEffect.RESTRICTS, counterparty=("agency:x",)
    )
    with pytest.raises(ValidationError) as info:
        story(
            agencies=(
                agency(
                    "agency:a",
                    jurisdiction="ocd-division/country:mx",
                    parent="agency:b",
                    sources=(Citation(source="source:nowhere"),),
                ),
                agency("agency:b", parent="agency:a"),
            ),
            laws=(
                law(provisions=(provision,)),
                law("law:us/ca/2019-2020/sb-54", provisions=(provision,)),
            ),
        )
    assert [(p.code, p.path) for p in info.value.problems] == [
        ("unknown-reference", "$.agencies[0].jurisdiction"),
        ("cycle", "$.agencies[0].parent"),
        ("unknown-reference", "$.agencies[0].sources[0].source"),
        ("cycle", "$.agencies[1].parent"),
        ("unknown-reference", "$.laws[0].provisions[0].counterparty[0]"),
        ("duplicate-id", "$.laws[1].provisions[0].id"),
        ("unknown-reference", "$.laws[1].provisions[0].counterparty[0]"),
    ]


def test_a_story_is_hashable_and_evolves_to_a_checked_story() -> None:
    built = _story(_entities())
    assert hash(built) == hash(_story(_entities()))
    with pytest.raises(ValidationError) as info:
        attrs.evolve(built, sources=())
    assert set(info.value.codes) == {"unknown-reference"}
    assert "$.persons[0].sources[0].source" in info.value.paths


def test_empty_story_is_valid() -> None:
    empty = Story(id="story:empty", title="Nothing yet")
    assert list(empty.entities()) == []
    assert story_problems(empty) == ()


# -- all problems at once -------------------------------------------------------------------------


def test_every_problem_is_listed_in_document_order() -> None:
    with pytest.raises(ValidationError) as info:
        story(
            agencies=(agency("agency:a", parent="agency:b"), agency("agency:b", parent="agency:a")),
            persons=(person(), person(name="Ann again")),
            roles=(Role(id="role:x", person="person:nobody", organization="agency:a", title="c"),),
            laws=(law(jurisdiction="ocd-division/country:mx"),),
            statements=(
                statement(
                    speaker=SB54,
                    positions=(Position(target="deployment:missing", stance=Stance.OPPOSE),),
                ),
            ),
        )
    # Found by different checks (ids, references, cycles), listed in document order.
    assert [(p.code, p.path) for p in info.value.problems] == [
        ("cycle", "$.agencies[0].parent"),
        ("cycle", "$.agencies[1].parent"),
        ("duplicate-id", "$.persons[1].id"),
        ("unknown-reference", "$.roles[0].person"),
        ("unknown-reference", "$.laws[0].jurisdiction"),
        ("wrong-kind", "$.statements[0].speaker"),
        ("unknown-reference", "$.statements[0].positions[0].target"),
    ]
    assert str(info.value).startswith("7 problems: ")
    assert "(and 6 more)" in str(info.value)


@given(st.integers(min_value=0, max_value=11), st.data())
def test_a_broken_reference_is_reported_at_its_path(slot: int, data: st.DataObject) -> None:
    # Any one of these references, pointed at a missing id, is reported at exactly its path.
    refs = [
        ("agencies", 0, "jurisdiction"),
        ("agencies", 1, "parent"),
        ("roles", 0, "person"),
        ("roles", 0, "organization"),
        ("statements", 0, "speaker"),
        ("statements", 1, "speaker"),
        ("jurisdictions", 1, "parent"),
        ("laws", 0, "jurisdiction"),
        ("persons", 0, "sources"),
        ("statements", 0, "positions"),
        ("laws", 0, "provisions"),
        ("laws", 0, "issuer"),
    ]
    collection, index, field = refs[slot]
    missing = data.draw(st.sampled_from(["person:ghost", "agency:ghost", "x:y/z"]))
    valid = _story(_entities())
    items = list(getattr(valid, collection))
    target = items[index]
    path = f"$.{collection}[{index}].{field}"
    if field == "sources":
        new = attrs.evolve(target, sources=(attrs.evolve(target.sources[0], source=missing),))
        path += "[0].source"
    elif field == "positions":
        new = attrs.evolve(target, positions=(Position(target=missing, stance=Stance.OPPOSE),))
        path += "[0].target"
    elif field == "provisions":
        provision = attrs.evolve(target.provisions[0], counterparty=(missing,))
        new = attrs.evolve(target, provisions=(provision,))
        path += "[0].counterparty[0]"
    else:
        new = attrs.evolve(target, **{field: missing})
    items[index] = new
    evolve: Any = attrs.evolve
    with pytest.raises(ValidationError) as info:
        evolve(valid, **{collection: tuple(items)})
    assert info.value.problems == (
        Problem(
            path=path,
            code="unknown-reference",
            message=f"{missing!r} is not the id of anything in this story",
        ),
    )


# -- the errors as data ---------------------------------------------------------------------------


def test_validation_error_pickles_with_its_problems() -> None:
    with pytest.raises(ValidationError) as info:
        story(persons=(person(), person()))
    error = info.value
    again = pickle.loads(pickle.dumps(error))
    assert type(again) is ValidationError
    assert again.problems == error.problems
    assert str(again) == str(error)
    assert again.codes == ("duplicate-id",)


def test_shape_error_pickles_with_code_and_field() -> None:
    with pytest.raises(ShapeError) as info:
        person(name="")
    again = pickle.loads(pickle.dumps(info.value))
    assert type(again) is ShapeError
    assert (again.code, again.field, again.message) == ("empty", "name", "must not be empty")
    assert str(again) == str(info.value) == "name: must not be empty"


def test_problems_render_on_one_line_each() -> None:
    problems = [
        Problem(path="$.roles[0].person", code="unknown-reference", message="'p' is unknown"),
        Problem(path="$.persons[1].id", code="duplicate-id", message="'p' is used twice"),
    ]
    assert render_problem(problems[0]) == "'p' is unknown @ $.roles[0].person [unknown-reference]"
    assert render_problems(problems).splitlines() == [render_problem(p) for p in problems]
    assert ValidationError(problems).paths == ("$.roles[0].person", "$.persons[1].id")


def test_the_story_checks_are_off_with_the_attrs_validators() -> None:
    dangling = Statement(id="statement:x", speaker="person:nobody", text="Words.")
    with pytest.raises(ValidationError):
        Story(id="s", title="S", statements=(dangling,))
    with attrs.validators.disabled():
        assert Story(id="s", title="S", statements=(dangling,)).statements == (dangling,)
