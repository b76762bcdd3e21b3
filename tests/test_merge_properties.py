"""Laws of merging, over generated stories that share ids and disagree on fields."""

from __future__ import annotations

import io
import itertools
from collections.abc import Iterator
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from policyconflict import Citation, Jurisdiction, JurisdictionLevel, Source, SourceKind, Story
from policyconflict._merging.rules import Rule, rules_of
from policyconflict.merge import Claim, merge
from policyconflict.model.laws import Law
from policyconflict.query._store import Store
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


def _held_as_merged(store: Store, merged: Story) -> None:
    """The store holds exactly the entities and claims of ``merged``."""
    assert len(store.where) == sum(1 for _ in merged.entities())
    for entity in merged.entities():
        assert store.get(entity.id) == entity
    assert sorted(store.merger.all_claims(), key=Claim.sort_key) == list(merged.claims)
    for claim in merged.claims:
        assert claim in store.merger.claims(claim.entity)


@pytest.mark.slow
@settings(max_examples=100)
@given(overlapping_stories(max_stories=4), st.data())
def test_merging_one_story_at_a_time_equals_merging_them_all(
    given_stories: list[Story], data: st.DataObject
) -> None:
    # After every addition, in any order, and with a merged story (one carrying claims) among
    # them: what the store holds is the one-shot merge of the stories added so far.
    if len(given_stories) > 2 and data.draw(st.booleans(), label="one input merged already"):
        given_stories = [merge(given_stories[:2], **NAME), *given_stories[2:]]
    order = data.draw(st.permutations(given_stories), label="order")
    store = Store()
    for count, story in enumerate(order, 1):
        changed, _replaced = store.apply(story, frozenset())
        assert {e.id for _name, e in changed} <= {e.id for e in story.entities()}
        _held_as_merged(store, merge(order[:count], **NAME))


def test_adding_a_story_that_shares_an_id_costs_one_definition_not_all_before(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # The k-th story that shares an id is merged into what the k - 1 before it said: each
    # definition is read (turned into its JSON values) once, not once per later story.
    import policyconflict._merging.core as core

    read: list[str] = []
    hooks = core._UNSTRUCTURE

    class Counted:
        def __getitem__(self, cls: type[Any]) -> Any:
            if cls is Jurisdiction:
                read.append(cls.__name__)
            return hooks[cls]

    monkeypatch.setattr(core, "_UNSTRUCTURE", Counted())
    store = Store()
    costs = []
    for number in range(10):
        cited = (Citation(source=f"source:test/{number}"),)
        shared = Jurisdiction(
            id="ocd-division/country:us",
            name="United States",
            level=JurisdictionLevel.COUNTRY,
            sources=cited,
        )
        read.clear()
        told = Source(id=cited[0].source, kind=SourceKind.NEWS_ARTICLE, title="S")
        story = Story(id=f"story:{number}", title="S", sources=(told,), jurisdictions=(shared,))
        store.apply(story, frozenset())
        costs.append(len(read))
    assert costs == [0, 2] + [1] * 8
    merged = store.get("ocd-division/country:us")
    assert isinstance(merged, Jurisdiction)
    assert [c.source for c in merged.sources] == [f"source:test/{n}" for n in range(10)]
