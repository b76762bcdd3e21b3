"""Laws of the model, stated over generated stories: generated objects validate, ``attrs.evolve``
keeps validity, one broken reference is reported exactly where it is and as what it is, the order
entities are given in does not matter, and a repeated id is reported."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

import attrs
import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from policyconflict.errors import Problem, ValidationError
from policyconflict.model import Law
from policyconflict.model import _fields as f
from policyconflict.story import COLLECTIONS, Story, story_problems
from policyconflict.testing import entity_ids, stories

STEP = re.compile(r"\.(\w+)|\[(\d+)\]")


def references(obj: Any, path: str) -> Iterator[tuple[str, tuple[str, ...]]]:
    """Every reference in ``obj``: its path and the kinds it may point at.

    Written independently of the story's own checker, from the field rules only."""
    for field in attrs.fields(type(obj)):
        value = getattr(obj, field.name)
        kinds = f.reference_kinds(field)
        here = f"{path}.{field.name}"
        if kinds is not None:
            if isinstance(value, tuple):
                for i, _ in enumerate(value):
                    yield f"{here}[{i}]", kinds
            elif value is not None:
                yield here, kinds
        elif isinstance(value, tuple):
            for i, item in enumerate(value):
                if attrs.has(type(item)):
                    yield from references(item, f"{here}[{i}]")
        elif attrs.has(type(value)):
            yield from references(value, here)


def story_references(story: Story) -> list[tuple[str, tuple[str, ...]]]:
    return [
        site
        for name in COLLECTIONS
        for i, entity in enumerate(getattr(story, name))
        for site in references(entity, f"$.{name}[{i}]")
    ]


def replaced(obj: Any, steps: list[tuple[str, str]], value: str) -> Any:
    """``obj`` with the value at ``steps`` replaced; every object on the way is rebuilt, so
    its validators run again."""
    if not steps:
        return value
    (name, index), rest = steps[0], steps[1:]
    if name:
        evolve: Any = attrs.evolve
        return evolve(obj, **{name: replaced(getattr(obj, name), rest, value)})
    i = int(index)
    return (*obj[:i], replaced(obj[i], rest, value), *obj[i + 1 :])


def break_at(story: Story, path: str, value: str) -> tuple[Problem, ...]:
    """The problems of ``story`` with the reference at ``path`` set to ``value``."""
    with pytest.raises(ValidationError) as caught:
        replaced(story, STEP.findall(path), value)
    return caught.value.problems


def kind_of(story: Story) -> dict[str, str]:
    found = {e.id: e.kind_name for e in story.entities()}
    for law in story.laws:
        found.update((p.id, "provision") for p in law.provisions)
    return found


@pytest.mark.slow
@given(story=stories())
def test_generated_stories_have_no_problems(story: Story) -> None:
    assert story_problems(story) == ()
    for entity in story.entities():
        attrs.validate(entity)


@pytest.mark.slow
@given(story=stories())
def test_evolve_keeps_validity(story: Story) -> None:
    assert attrs.evolve(story) == story
    for entity in story.entities():
        assert attrs.evolve(entity) == entity


@pytest.mark.slow
@given(story=stories(min_entities=3), data=st.data())
def test_one_unknown_reference_is_reported_at_its_path(story: Story, data: st.DataObject) -> None:
    sites = story_references(story)
    assume(sites)
    path, _kinds = data.draw(st.sampled_from(sites))
    known = kind_of(story)
    base = fresh = data.draw(entity_ids())[:290]
    n = 0
    while fresh in known:
        n += 1
        fresh = f"{base}~{n}"
    problems = break_at(story, path, fresh)
    assert [(p.path, p.code) for p in problems] == [(path, "unknown-reference")]


@pytest.mark.slow
@given(story=stories(min_entities=3), data=st.data())
def test_one_reference_to_the_wrong_kind_is_reported_at_its_path(
    story: Story, data: st.DataObject
) -> None:
    known = kind_of(story)
    choices = [
        (path, other)
        for path, kinds in story_references(story)
        if f.ANY_KIND not in kinds
        for other, kind in known.items()
        if kind not in kinds
    ]
    assume(choices)
    path, other = data.draw(st.sampled_from(choices))
    problems = break_at(story, path, other)
    assert [(p.path, p.code) for p in problems] == [(path, "wrong-kind")]


@pytest.mark.slow
@given(story=stories(), data=st.data())
def test_from_entities_in_any_order_equals_the_canonical_story(
    story: Story, data: st.DataObject
) -> None:
    shuffled = data.draw(st.permutations(list(story.entities())))
    rebuilt = Story.from_entities(id=story.id, title=story.title, entities=shuffled)
    assert rebuilt == story.canonical()
    assert rebuilt.canonical() == rebuilt


@pytest.mark.slow
@given(story=stories(min_entities=1), data=st.data())
def test_a_repeated_id_is_reported_as_a_duplicate_at_the_later_entity(
    story: Story, data: st.DataObject
) -> None:
    names = [name for name in COLLECTIONS if getattr(story, name)]
    name = data.draw(st.sampled_from(names))
    items = getattr(story, name)
    entity = data.draw(st.sampled_from(items))
    at = data.draw(st.integers(0, len(items)))
    grown = (*items[:at], entity, *items[at:])
    later = max(i for i, e in enumerate(grown) if e.id == entity.id)
    expected = [(f"$.{name}[{later}].id", "duplicate-id")]
    if isinstance(entity, Law):
        expected += [
            (f"$.{name}[{later}].provisions[{j}].id", "duplicate-id")
            for j in range(len(entity.provisions))
        ]
    evolve: Any = attrs.evolve
    with pytest.raises(ValidationError) as caught:
        evolve(story, **{name: grown})
    assert [(p.path, p.code) for p in caught.value.problems] == expected
