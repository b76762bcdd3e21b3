"""Laws of merging, over generated stories that share ids and disagree on fields."""

from __future__ import annotations

import io
import itertools
from collections.abc import Iterator
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from policyconflict import Story
from policyconflict._merging.incremental import Merger
from policyconflict._merging.rules import Rule, rules_of
from policyconflict.merge import Claim, merge
from policyconflict.model.laws import Law
from policyconflict.serialization import dumps, loads, read_stories, write_jsonl
from policyconflict.serialization._converter import CONVERTER
from policyconflict.serialization._json import encode
from policyconflict.testing import overlapping_stories, stories

NAME = {"id": "story:merged", "title": "Merged"}


def jsonl(story: Story) -> str:
    out = io.StringIO()
    write_jsonl([story], out)
    return out.getvalue()


def parts(story: Story) -> Iterator[Any]:
    """Every entity and provision of ``story``."""
    for entity in story.entities():
        yield entity
        if isinstance(entity, Law):
            yield from entity.provisions


def text(value: Any) -> str:
    return encode(value).decode("utf-8")


@pytest.mark.slow
@settings(max_examples=100)
@given(overlapping_stories(max_stories=3))
def test_the_merged_story_is_the_same_for_every_order(given_stories: list[Story]) -> None:
    first = merge(given_stories, **NAME)
    for order in itertools.permutations(given_stories):
        again = merge(order, **NAME)
        assert dumps(again) == dumps(first)
        assert jsonl(again) == jsonl(first)


@pytest.mark.slow
@settings(max_examples=100)
@given(overlapping_stories(max_stories=3))
def test_nothing_is_lost(given_stories: list[Story]) -> None:
    merged = merge(given_stories, **NAME)
    index = {p.id: p for p in parts(merged)}
    claimed = {(c.entity, c.field, c.value, c.story): set(c.sources) for c in merged.claims}
    for story in given_stories:
        for part in parts(story):
            kept = index[part.id]
            assert type(kept) is type(part)
            assert set(getattr(part, "sources", ())) <= set(getattr(kept, "sources", ()))
            assert set(getattr(part, "external_ids", ())) <= set(getattr(kept, "external_ids", ()))
            if hasattr(part, "aliases"):
                assert {part.name, *part.aliases} <= {kept.name, *kept.aliases}
            told = CONVERTER.unstructure(part)
            shown = CONVERTER.unstructure(kept)
            for name, rule in rules_of(type(part)):
                # Aliases are names: checked above with the name (an alias equal to the
                # preferred name is not repeated as an alias).
                if rule is Rule.SET and name in told and name != "aliases":
                    assert set(map(text, told[name])) <= set(map(text, shown.get(name, ())))
                if rule is not Rule.SINGLE or name not in told:
                    continue
                value = text(told[name])
                if name in shown and text(shown[name]) == value:
                    continue
                key = (part.id, name, value, story.id)
                assert key in claimed, key
                assert set(getattr(part, "sources", ())) <= claimed[key]


@pytest.mark.slow
@given(stories(max_entities=12))
def test_merging_a_story_with_itself_changes_nothing(story: Story) -> None:
    assert merge([story, story]) == story.canonical()
    assert dumps(merge([story])) == dumps(story)


@pytest.mark.slow
@settings(max_examples=100)
@given(overlapping_stories(max_stories=3))
def test_merging_a_merged_story_with_itself_changes_nothing(given_stories: list[Story]) -> None:
    merged = merge(given_stories, **NAME)
    assert merge([merged, merged]) == merged


def evidence(story: Story) -> dict[tuple[str, str, str], frozenset[Any]]:
    """Each disputed value of each field with every citation that gives it."""
    found: dict[tuple[str, str, str], set[Any]] = {}
    for claim in story.claims:
        found.setdefault((claim.entity, claim.field, claim.value), set()).update(claim.sources)
    return {key: frozenset(value) for key, value in found.items()}


@pytest.mark.slow
@settings(max_examples=100)
@given(overlapping_stories(min_stories=3, max_stories=3), st.permutations(range(3)))
def test_merging_is_associative(given_stories: list[Story], order: list[int]) -> None:
    a, b, c = (given_stories[i] for i in order)
    left = merge([merge([a, b], id="story:inner", title="Inner"), c], **NAME)
    right = merge([a, merge([b, c], id="story:inner", title="Inner")], **NAME)
    flat = merge([a, b, c], **NAME)
    for result in (left, right):
        assert list(result.entities()) == list(flat.entities())
        # The same disputed values. A value that the inner stories agreed on comes out of the
        # inner merge undisputed, so when the outer merge disputes it, it is the inner merged
        # story's claim, with all that story's citations of the entity: at least the flat ones.
        nested, flat_evidence = evidence(result), evidence(flat)
        assert set(nested) == set(flat_evidence)
        assert all(flat_evidence[key] <= nested[key] for key in nested)


@pytest.mark.slow
@settings(max_examples=100)
@given(overlapping_stories(max_stories=3))
def test_a_merged_story_round_trips_with_its_claims(given_stories: list[Story]) -> None:
    merged = merge(given_stories, **NAME)
    assert loads(dumps(merged)) == merged
    assert list(read_stories(io.StringIO(jsonl(merged)))) == [merged]


@pytest.mark.slow
@settings(max_examples=100)
@given(overlapping_stories(max_stories=3))
def test_the_strategy_gives_overlapping_stories_that_disagree(given_stories: list[Story]) -> None:
    ids = [{e.id for e in s.entities()} for s in given_stories]
    assert all(i == ids[0] for i in ids)
    assert len({s.id for s in given_stories}) == len(given_stories)


@pytest.mark.slow
@settings(max_examples=100)
@given(overlapping_stories(max_stories=3))
def test_merging_one_story_at_a_time_equals_merging_them_all(given_stories: list[Story]) -> None:
    merger = Merger()
    for story in given_stories:
        changed = merger.add(story)
        assert set(changed) <= {e.id for e in story.entities()}
    merged = merge(given_stories, **NAME)
    for entity in merged.entities():
        found = merger.merged(entity.id)
        assert found is not None
        assert found.entity == entity
    assert sorted(merger.all_claims(), key=Claim.sort_key) == list(merged.claims)
    for claim in merged.claims:
        assert claim in merger.claims(claim.entity)
