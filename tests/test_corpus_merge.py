"""A corpus merges the stories it holds by the rules of :mod:`policyconflict.merge`."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from helpers import CA, law, person, source, state
from helpers import jurisdiction as country
from policyconflict import (
    Agency,
    AgencyKind,
    Certainty,
    Citation,
    Deployment,
    PartialDate,
    Person,
    Stance,
    Story,
)
from policyconflict.merge import Claim, merge
from policyconflict.query import Corpus, MergeConflictError, UnknownEntityError
from policyconflict.query._backend import BackendFactory
from policyconflict.serialization import load
from policyconflict.testing import overlapping_stories
from test_example_grants import example
from test_query_properties import BACKENDS, ids, outcome, time_filters
from test_query_worlds import dates

ROOT = Path(__file__).resolve().parents[1]
OTHER = "source:test/2020-02-15/other"
OTHER_CITED = (Citation(source=OTHER),)


@pytest.fixture(scope="module", params=list(BACKENDS), ids=list(BACKENDS))
def backend(request: pytest.FixtureRequest) -> BackendFactory:
    return BACKENDS[request.param]


def test_the_two_shipped_stories_share_a_corpus_keeping_every_citation() -> None:
    la = load(ROOT / "examples/data/la-sanctuary-2020.json")
    grants = example.build_story()
    corpus = Corpus([la, grants])
    assert corpus.stories == (la.id, grants.id)
    merged = merge([la, grants], id="story:both", title="Both")
    assert {e.id: e for e in corpus} == {e.id: e for e in merged.entities()}
    for story in (la, grants):
        for entity in story.entities():
            kept = corpus.get(entity.id)
            assert set(getattr(entity, "sources", ())) <= set(getattr(kept, "sources", ()))
    assert corpus.disputes() == ()
    assert corpus.claims("ocd-division/country:us") == ()


def two(a: dict[str, Any], b: dict[str, Any]) -> tuple[Story, Story]:
    base: dict[str, Any] = {
        "sources": (source(), source(id=OTHER, title="Another article")),
        "jurisdictions": (country(), state()),
    }
    return Story(id="a", title="A", **(base | a)), Story(id="b", title="B", **(base | b))


def test_claims_list_every_story_value_of_a_disputed_field() -> None:
    first, second = two(
        {"laws": (law(effective=PartialDate.parse("2018-01-01")),)},
        {
            "laws": (
                law(effective=PartialDate.parse("2019-01-01"), sources=(Citation(source=OTHER),)),
            )
        },
    )
    corpus = Corpus([first, second])
    sb54 = "law:us/ca/2017-2018/sb-54"
    claims = corpus.claims(sb54)
    assert [(c.field, c.story, c.json_value) for c in claims] == [
        ("effective", "a", "2018-01-01"),
        ("effective", "b", "2019-01-01"),
    ]
    assert [c.source for c in claims[1].sources] == [OTHER]
    (dispute,) = corpus.disputes()
    assert (dispute.entity, dispute.field) == (sb54, "effective")
    assert corpus.claims(CA) == ()
    with pytest.raises(UnknownEntityError):
        corpus.claims("law:nowhere")


def test_stories_that_agree_are_each_a_claim_once_a_later_story_disputes_them() -> None:
    # Two stories define the law identically (nothing is worked out for it then); the third
    # gives another date: each of the three is a claim, in a corpus as in merge().
    agree, _ = two({"laws": (law(effective=PartialDate.parse("2018-01-01")),)}, {})
    other = law(effective=PartialDate.parse("2019-01-01"), sources=(Citation(source=OTHER),))
    stories = [
        agree,
        attrs.evolve(agree, id="b", title="B"),
        attrs.evolve(agree, id="c", title="C", laws=(other,)),
    ]
    corpus = Corpus(stories, gazetteer=None)
    sb54 = "law:us/ca/2017-2018/sb-54"
    assert [(c.story, c.json_value) for c in corpus.claims(sb54)] == [
        ("a", "2018-01-01"),
        ("b", "2018-01-01"),
        ("c", "2019-01-01"),
    ]
    assert corpus.get(sb54) == merge(stories, id="m", title="M").get(sb54)


def test_adding_a_story_that_disputes_a_fact_updates_the_answers(backend: BackendFactory) -> None:
    cbp = Agency(id="agency:us/dhs/cbp", name="CBP", kind=AgencyKind.COMPONENT)
    sent = Deployment(id="deployment:x", agency=cbp.id, targets=(CA,))
    elsewhere = Deployment(id="deployment:x", agency=cbp.id, targets=("ocd-division/country:us",))
    first, second = two(
        {"agencies": (cbp,), "deployments": (sent,)},
        {"agencies": (cbp,), "deployments": (elsewhere,)},
    )
    corpus = Corpus([first], gazetteer=None, backend=backend)
    corpus.build_indexes()
    assert corpus.deployments(target_within="ocd-division/country:us")[0].targets == (CA,)
    early = Corpus([second], gazetteer=None, backend=backend)
    assert ids(early.deployments(target_within=CA)) == []
    early.build_indexes()
    early.add(first)
    assert ids(early.deployments(target_within=CA)) == ["deployment:x"]
    merged = early.get("deployment:x")
    assert isinstance(merged, Deployment)
    assert merged.targets == ("ocd-division/country:us", CA)


def test_a_different_name_is_an_alias_not_a_conflict() -> None:
    first, second = two(
        {"persons": (person(name="Ann"),)}, {"persons": (person(name="Ann Smith"),)}
    )
    corpus = Corpus([first, second])
    merged = corpus.get("person:ann")
    assert isinstance(merged, Person)
    assert (merged.name, merged.aliases) == ("Ann Smith", ("Ann",))
    assert corpus.merge_conflicts == ()


def test_an_id_used_for_another_kind_of_thing_stays_an_error() -> None:
    first, second = two({"persons": (person(id="thing:x"),)}, {"laws": (law(id="thing:x"),)})
    with pytest.raises(MergeConflictError) as caught:
        Corpus([first, second])
    (conflict,) = caught.value.conflicts
    assert (conflict.id, conflict.fields, conflict.first_story) == ("thing:x", ("type",), "a")
    collected = Corpus([first, second], on_conflict="collect")
    assert [c.id for c in collected.merge_conflicts] == ["thing:x"]
    assert isinstance(collected.get("thing:x"), Person)
    assert collected.stories == ("a", "b")


@settings(max_examples=60)
@given(overlapping_stories(max_stories=3), st.data(), st.sampled_from(list(Certainty)))
def test_answers_after_merging_by_every_backend_equal_the_scan(
    backend: BackendFactory, stories: list[Story], data: st.DataObject, certainty: Certainty
) -> None:
    *early, late = stories
    growing = Corpus(early, gazetteer=None, backend=backend)
    growing.build_indexes()
    growing.add(late)
    scanned = Corpus(stories, gazetteer=None, backend="scan")
    merged = merge(stories, id="story:all", title="All")
    assert {e.id: e for e in growing} == {e.id: e for e in merged.entities()}
    claims = [c for e in merged.entities() for c in growing.claims(e.id)]
    provisions = [p for law in merged.laws for p in law.provisions]
    claims += [c for p in provisions for c in growing.claims(p.id)]
    assert sorted(claims, key=Claim.sort_key) == list(merged.claims)
    known = sorted(e.id for e in merged.entities()) or ["nothing"]
    places = sorted(j.id for j in merged.jurisdictions) or ["nowhere"]
    some = st.sampled_from(known)
    query = data.draw(
        st.fixed_dictionaries(
            {},
            optional={
                "speaker": some,
                "target": some,
                "stance": st.sampled_from(list(Stance)),
                "within": st.sampled_from(places),
            },
        )
    )
    args = {**query, **data.draw(time_filters()), "certainty": certainty}
    assert outcome(lambda: growing.statements(**args)) == outcome(
        lambda: scanned.statements(**args)
    )
    within = data.draw(st.sampled_from(places))
    assert outcome(lambda: growing.deployments(target_within=within)) == outcome(
        lambda: scanned.deployments(target_within=within)
    )
    on = data.draw(dates)
    assert outcome(lambda: growing.laws_in_force(within, on, certainty=certainty)) == outcome(
        lambda: scanned.laws_in_force(within, on, certainty=certainty)
    )
    assert growing.conflicts() == scanned.conflicts()


def test_conflicts_list_each_disputed_field_with_every_story_value_and_its_sources() -> None:
    from policyconflict.query import ConflictKind

    first, second = two(
        {"laws": (law(effective=PartialDate.parse("2018-01-01")),)},
        {"laws": (law(effective=PartialDate.parse("2019-01-01"), sources=OTHER_CITED),)},
    )
    corpus = Corpus([first, second], gazetteer=None)
    (found,) = corpus.conflicts([ConflictKind.DISAGREEING_REPORTS])
    assert found.subject == "law:us/ca/2017-2018/sb-54"
    assert found.evidence == ("law:us/ca/2017-2018/sb-54", OTHER)
    assert found.description == (
        "stories give effective differently: '2018-01-01' (a); '2019-01-01' (b)"
    )
    assert found in corpus.conflicts()
    assert corpus.conflicts(within=CA) == ()
    assert corpus.conflicts([ConflictKind.LAW_CHALLENGED]) == ()


@settings(max_examples=40)
@given(overlapping_stories(min_stories=3, max_stories=3), st.data())
def test_a_corpus_of_a_merged_story_and_another_answers_as_one_of_the_three(
    backend: BackendFactory, stories: list[Story], data: st.DataObject
) -> None:
    """Corpus([merge([a, b]), c]) holds the entities of Corpus([a, b, c]) and disputes the same
    values, every value with at least the same citations (the merging guide's law: a value a
    and b agree on is the merged story's claim once c disputes it)."""
    a, b, c = data.draw(st.permutations(stories), label="order")
    nested = Corpus([merge([a, b], id="story:ab", title="AB"), c], gazetteer=None, backend=backend)
    flat = Corpus([a, b, c], gazetteer=None, backend="scan")
    assert {e.id: e for e in nested} == {e.id: e for e in flat}

    def told(corpus: Corpus) -> dict[tuple[str, str, str], set[Any]]:
        found: dict[tuple[str, str, str], set[Any]] = {}
        for dispute in corpus.disputes():
            for claim in dispute.claims:
                key = (claim.entity, claim.field, claim.value)
                found.setdefault(key, set()).update(claim.sources)
        return found

    nested_told, flat_told = told(nested), told(flat)
    assert set(nested_told) == set(flat_told)
    assert all(flat_told[key] <= nested_told[key] for key in flat_told)
    speaker = data.draw(st.sampled_from([None, *sorted(e.id for e in flat)]), label="speaker")
    assert {s.id for s in nested.statements(speaker=speaker)} == {
        s.id for s in flat.statements(speaker=speaker)
    }
