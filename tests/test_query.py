"""Corpus basics: merging by id, places from the gazetteer, and the may/surely time choice."""

from __future__ import annotations

import pickle
from pathlib import Path

import attrs
import pytest

from policyconflict import (
    Agency,
    AgencyKind,
    Certainty,
    Deployment,
    Jurisdiction,
    JurisdictionLevel,
    Law,
    LawKind,
    PartialDate,
    Period,
    Person,
    Role,
    Statement,
    Story,
)
from policyconflict.query import Corpus, MergeConflict, MergeConflictError
from policyconflict.serialization import write_jsonl

CA = "ocd-division/country:us/state:ca"
LA = "ocd-division/country:us/state:ca/place:los_angeles"
SF = "ocd-division/country:us/state:ca/county:san_francisco"


def _base(story_id: str = "one", text: str = "No.") -> Story:
    return Story(
        id=story_id,
        title="Base",
        jurisdictions=(
            Jurisdiction(id=LA, name="Los Angeles", level=JurisdictionLevel.CITY),
            Jurisdiction(id=SF, name="San Francisco", level=JurisdictionLevel.COUNTY),
        ),
        persons=(Person(id="mayor", name="A Mayor"),),
        roles=(
            Role(
                id="role-mayor",
                person="mayor",
                organization=LA,
                title="Mayor",
                period=Period.parse("2013-07-01/2022-12-11"),
            ),
        ),
        statements=(
            Statement(id="said", speaker="mayor", text=text, date=PartialDate.parse("2020-02-14")),
            Statement(
                id="said-later", speaker=SF, text="Also no.", date=PartialDate.parse("2020-03")
            ),
        ),
    )


def test_identical_definitions_are_kept_once() -> None:
    corpus = Corpus([_base("one"), _base("two")])
    assert len(corpus) == len(list(_base().entities()))
    assert corpus.stories == ("one", "two")
    assert corpus.merge_conflicts == ()


def test_a_redefined_id_raises_and_adds_nothing_of_that_story() -> None:
    corpus = Corpus([_base("one")])
    with pytest.raises(MergeConflictError) as caught:
        corpus.add(_base("two", text="Yes."))
    (conflict,) = caught.value.conflicts
    assert conflict.id == "said"
    assert conflict.fields == ("text",)
    assert (conflict.first_story, conflict.second_story) == ("one", "two")
    assert corpus.stories == ("one",)
    assert pickle.loads(pickle.dumps(caught.value)).conflicts == caught.value.conflicts


def test_a_redefined_id_is_collected_and_the_first_definition_kept() -> None:
    corpus = Corpus([_base("one"), _base("two", text="Yes.")], on_conflict="collect")
    assert [c.id for c in corpus.merge_conflicts] == ["said"]
    assert isinstance(corpus.merge_conflicts[0], MergeConflict)
    said = corpus.get("said")
    assert isinstance(said, Statement)
    assert said.text == "No."


def test_an_id_reused_for_another_kind_is_a_conflict() -> None:
    other = Story(id="two", title="Other", persons=(Person(id="said", name="Said"),))
    with pytest.raises(MergeConflictError) as caught:
        Corpus([_base(), other])
    assert caught.value.conflicts[0].fields == ("type",)


def test_on_conflict_must_be_raise_or_collect() -> None:
    with pytest.raises(ValueError, match="on_conflict"):
        Corpus(on_conflict="ignore")  # type: ignore[arg-type]


def test_the_gazetteer_supplies_parent_chains_the_corpus_lacks() -> None:
    with_gazetteer = Corpus([_base()])
    assert CA in with_gazetteer.ancestors(LA)
    assert [s.id for s in with_gazetteer.statements(within=CA)] == ["said", "said-later"]
    assert LA in with_gazetteer.descendants(CA)
    own_only = Corpus([_base()], gazetteer=None)
    assert own_only.ancestors(LA) == ()
    assert own_only.statements(within=CA) == ()


def test_may_and_surely_answer_different_questions() -> None:
    corpus = Corpus([_base()])
    # "2020-03" is a month: it may fall on 2020-03-05 but does not surely.
    assert [s.id for s in corpus.statements(on="2020-03-05")] == ["said-later"]
    assert corpus.statements(on="2020-03-05", certainty=Certainty.SURELY) == ()
    assert [s.id for s in corpus.statements(on="2020-03", certainty=Certainty.SURELY)] == [
        "said-later"
    ]
    feb = Period.parse("2020-02-01/2020-02-29")
    assert [s.id for s in corpus.statements(during=feb, certainty=Certainty.SURELY)] == ["said"]


def test_a_person_is_placed_by_the_roles_they_held() -> None:
    corpus = Corpus([_base()])
    assert corpus.places_of("mayor") == frozenset({LA})
    assert [s.id for s in corpus.statements(within=LA)] == ["said"]


def test_laws_of_an_ancestor_apply_below_it() -> None:
    state = Jurisdiction(id=CA, name="California", level=JurisdictionLevel.STATE)
    law = Law(
        id="law-ca",
        kind=LawKind.STATUTE,
        jurisdiction=CA,
        title="A state law",
        effective=PartialDate.parse("2018-01-01"),
    )
    story = attrs.evolve(_base(), jurisdictions=(*_base().jurisdictions, state), laws=(law,))
    corpus = Corpus([story])
    assert [x.id for x in corpus.laws_in_force(LA, "2020-02-15")] == ["law-ca"]
    assert corpus.laws_in_force(LA, "2017-12-31") == ()
    assert [x.id for x in corpus.laws_in_force(CA, "2020")] == ["law-ca"]
    assert [x.id for x in corpus.laws_in_force(CA, "2018", certainty=Certainty.SURELY)] == [
        "law-ca"
    ]
    assert corpus.laws_in_force(CA, "2017", certainty=Certainty.SURELY) == ()


def test_deployments_by_agency_include_agencies_below_it() -> None:
    dhs = Agency(id="dhs", name="DHS", kind=AgencyKind.DEPARTMENT)
    cbp = Agency(id="cbp", name="CBP", kind=AgencyKind.AGENCY, parent="dhs")
    ice = Agency(id="ice", name="ICE", kind=AgencyKind.AGENCY, parent="dhs")
    deployment = Deployment(
        id="surge",
        agency="cbp",
        in_support_of=("ice",),
        targets=(LA,),
        period=Period.parse("2020-02/2020-05"),
    )
    story = attrs.evolve(_base(), agencies=(dhs, cbp, ice), deployments=(deployment,))
    corpus = Corpus([story])
    assert [d.id for d in corpus.deployments(agency="dhs")] == ["surge"]
    assert corpus.deployments(agency="ice") == ()
    assert [d.id for d in corpus.deployments(supports="dhs", target_within=CA)] == ["surge"]
    assert [d.id for d in corpus.deployments(active_on="2020-03-01")] == ["surge"]
    assert corpus.deployments(active_on="2020-02", certainty=Certainty.SURELY) == ()
    assert corpus.deployments(active_on="2020-06-01") == ()


def test_time_filters_take_one_of_on_and_during() -> None:
    with pytest.raises(ValueError, match="not both"):
        Corpus([_base()]).statements(on="2020", during="2020/2021")


def test_a_merge_conflict_names_the_story_that_defined_the_id_first() -> None:
    extra = Story(id="two", title="Two", persons=(Person(id="someone", name="Someone"),))
    corpus = Corpus([_base("one"), extra], on_conflict="collect")
    corpus.add(Story(id="three", title="Three", persons=(Person(id="someone", name="Other"),)))
    corpus.add(_base("four", text="Yes."))
    assert [(c.id, c.first_story, c.second_story) for c in corpus.merge_conflicts] == [
        ("someone", "two", "three"),
        ("said", "one", "four"),
    ]


def test_a_corpus_streams_stories_from_json_lines(tmp_path: Path) -> None:
    path = tmp_path / "corpus.jsonl"
    write_jsonl([_base("one"), _base("two")], path)
    corpus = Corpus.from_jsonl(path)
    assert corpus.stories == ("one", "two")
    assert [s.id for s in corpus.statements(within=LA)] == ["said"]
