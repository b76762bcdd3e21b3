"""Corpus basics: merging by id, places from the gazetteer, and the may/surely time choice."""

from __future__ import annotations

import pickle
from collections.abc import Callable
from pathlib import Path
from typing import Literal

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
    Organization,
    OrganizationKind,
    PartialDate,
    Period,
    Person,
    Position,
    Role,
    Stance,
    Statement,
    Story,
)
from policyconflict.errors import PolicyConflictError
from policyconflict.gazetteer import AmbiguousPlaceError, UnknownPlaceError, default_gazetteer
from policyconflict.query import (
    ConflictKind,
    Corpus,
    MergeConflict,
    MergeConflictError,
    UnknownEntityError,
    UnknownKindError,
)
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


def test_a_redefined_id_is_merged_and_both_values_kept_as_claims() -> None:
    corpus = Corpus([_base("one")])
    corpus.add(_base("two", text="Yes."))
    assert corpus.stories == ("one", "two")
    assert corpus.merge_conflicts == ()
    assert [(c.field, c.story, c.json_value) for c in corpus.claims("said")] == [
        ("text", "one", "No."),
        ("text", "two", "Yes."),
    ]
    said = corpus.get("said")
    assert isinstance(said, Statement)
    assert said.text == "No."  # the least canonical JSON text is shown


def test_an_id_reused_for_another_kind_raises_and_adds_nothing_of_that_story() -> None:
    corpus = Corpus([_base("one")])
    other = Story(id="two", title="Other", persons=(Person(id="said", name="Said"),))
    with pytest.raises(MergeConflictError) as caught:
        corpus.add(other)
    (conflict,) = caught.value.conflicts
    assert (conflict.id, conflict.kind) == ("said", "person")
    assert (conflict.first_story, conflict.second_story) == ("one", "two")
    assert corpus.stories == ("one",)
    assert pickle.loads(pickle.dumps(caught.value)).conflicts == caught.value.conflicts


def test_an_id_reused_for_another_kind_is_collected_and_the_first_definition_kept() -> None:
    other = Story(id="two", title="Other", persons=(Person(id="said", name="Said"),))
    corpus = Corpus([_base("one"), other], on_conflict="collect")
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
    with pytest.raises(UnknownPlaceError, match="not a jurisdiction of the corpus"):
        own_only.statements(within=CA)  # nobody knows California here


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
    group = Organization(id="someone", name="Someone", kind=OrganizationKind.NGO)
    corpus.add(Story(id="three", title="Three", organizations=(group,)))
    corpus.add(_base("four", text="Yes."))
    assert [(c.id, c.first_story, c.second_story) for c in corpus.merge_conflicts] == [
        ("someone", "two", "three"),
    ]


def test_a_corpus_streams_stories_from_json_lines(tmp_path: Path) -> None:
    path = tmp_path / "corpus.jsonl"
    write_jsonl([_base("one"), _base("two")], path)
    corpus = Corpus.from_jsonl(path)
    assert corpus.stories == ("one", "two")
    assert [s.id for s in corpus.statements(within=LA)] == ["said"]


# -- places, ids and kinds given to questions (one rule for every parameter) -------------------

IL = "ocd-division/country:us/state:il"
ZZ = "ocd-division/country:us/state:zz"


def _illinois(*, gazetteer: bool = True, backend: Literal["index", "scan"] = "index") -> Corpus:
    story = Story(
        id="il",
        title="Illinois",
        jurisdictions=(Jurisdiction(id=IL, name="Illinois", level=JurisdictionLevel.STATE),),
        agencies=(Agency(id="isp", name="State Police", kind=AgencyKind.POLICE, jurisdiction=IL),),
        statements=(
            Statement(id="said", speaker="isp", text="No.", date=PartialDate.parse("2021-08")),
        ),
        deployments=(Deployment(id="surge", agency="isp", targets=(IL,)),),
    )
    return Corpus([story], gazetteer=default_gazetteer() if gazetteer else None, backend=backend)


@pytest.mark.parametrize("backend", ["index", "scan"])
@pytest.mark.parametrize("place", [IL, "US-IL", "us-il", "Illinois", "illinois"])
def test_a_place_is_an_ocd_id_an_iso_code_or_a_name(
    place: str, backend: Literal["index", "scan"]
) -> None:
    corpus = _illinois(backend=backend)
    assert corpus.place(place) == IL
    assert [s.id for s in corpus.statements(within=place)] == ["said"]  # US-IL was () before
    assert [d.id for d in corpus.deployments(target_within=place)] == ["surge"]
    assert IL in corpus.descendants(place)


def test_the_corpus_own_places_answer_to_names_and_codes_without_a_gazetteer() -> None:
    corpus = _illinois(gazetteer=False)
    assert corpus.place("Illinois") == IL
    with pytest.raises(UnknownPlaceError, match="not a jurisdiction of the corpus"):
        corpus.place("US-IL")  # the corpus's Illinois carries no ISO code, and nothing else knows


def test_an_ocd_alias_id_gives_the_place_itself() -> None:
    corpus = _illinois()
    alias = "ocd-division/country:us/state:ca/place:san_francisco"
    assert corpus.place(alias) == "ocd-division/country:us/state:ca/county:san_francisco"


@pytest.mark.parametrize("backend", ["index", "scan"])
def test_an_unknown_place_is_an_error_in_every_question(backend: Literal["index", "scan"]) -> None:
    corpus = _illinois(backend=backend)
    asks: list[Callable[[], object]] = [
        lambda: corpus.statements(within=ZZ),
        lambda: corpus.deployments(target_within=ZZ),
        lambda: corpus.laws_in_force(ZZ, "2021-01-01"),
        lambda: corpus.conflicts(within=ZZ),
        lambda: corpus.ancestors(ZZ),
        lambda: corpus.descendants("Atlantis of the Deep"),
        lambda: corpus.level("XX-NOWHERE"),
    ]
    for ask in asks:
        with pytest.raises(UnknownPlaceError) as raised:
            ask()
        assert isinstance(raised.value, PolicyConflictError)
        assert isinstance(raised.value, KeyError)


def test_an_id_that_is_not_a_place_is_not_a_place() -> None:
    with pytest.raises(UnknownPlaceError, match="'isp' is a agency, not a place"):
        _illinois().statements(within="isp")


def test_an_ambiguous_name_is_an_error_that_lists_the_places() -> None:
    with pytest.raises(AmbiguousPlaceError, match="Springfield city") as raised:
        _illinois().place("Springfield")  # the gazetteer's many Springfields
    assert isinstance(raised.value, ValueError)
    two = Story(
        id="two",
        title="Two",
        jurisdictions=tuple(
            Jurisdiction(id=f"springfield-{n}", name="Springfield", level=JurisdictionLevel.CITY)
            for n in (1, 2)
        ),
    )
    with pytest.raises(AmbiguousPlaceError, match="2 places of the corpus match: Springfield"):
        Corpus([two]).place("springfield")


@pytest.mark.parametrize("backend", ["index", "scan"])
def test_an_unknown_id_is_an_error_and_a_known_one_that_matches_nothing_is_empty(
    backend: Literal["index", "scan"],
) -> None:
    corpus = _illinois(backend=backend)
    unknown: list[tuple[str, Callable[[], object]]] = [
        ("speaker", lambda: corpus.statements(speaker="nobody")),
        ("organization", lambda: corpus.statements(speaker_org="nobody")),
        ("target", lambda: corpus.statements(target="nobody")),
        ("agency", lambda: corpus.deployments(agency="nobody")),
        ("agency", lambda: corpus.deployments(supports="nobody")),
        ("organization", lambda: corpus.roles_on("2021", organization="nobody")),
        ("person", lambda: corpus.roles_of("nobody")),
        ("agency", lambda: corpus.laws_in_force(IL, "2021", restricts="nobody")),
        ("counterparty", lambda: corpus.laws_in_force(IL, "2021", counterparty="nobody")),
        ("entity", lambda: corpus.cases_affecting("nobody")),
        ("target", lambda: corpus.rulings_affecting("nobody")),
        ("target", lambda: corpus.rulings_in_effect("nobody", "2021")),
        ("target", lambda: corpus.status_on("nobody", "2021")),
        ("organization", lambda: corpus.members("nobody")),
        ("actor", lambda: corpus.places_of("nobody")),
        ("entity", lambda: corpus.get("nobody")),
    ]
    for role, ask in unknown:
        with pytest.raises(UnknownEntityError, match=f"unknown {role}: 'nobody'") as raised:
            ask()
        assert isinstance(raised.value, KeyError)
        assert raised.value.id == "nobody"
        assert isinstance(raised.value, PolicyConflictError)
    # Ids that exist but match nothing: empty answers.
    assert corpus.statements(speaker=IL) == ()
    assert corpus.statements(target="isp") == ()
    assert corpus.deployments(supports="isp") == ()
    assert corpus.roles_of("isp") == ()


def test_errors_about_unknown_ids_and_kinds_pickle() -> None:
    for error in (UnknownEntityError("x", "speaker"), UnknownKindError("x", ["laws"])):
        again = pickle.loads(pickle.dumps(error))
        assert type(again) is type(error)
        assert str(again) == str(error)


def test_entities_takes_the_collection_name_or_the_type_tag() -> None:
    corpus = _illinois()
    assert corpus.entities("statement") == corpus.entities("statements") != ()
    assert corpus.entities("legal_case") == corpus.entities("legal_cases") == ()
    with pytest.raises(UnknownKindError, match="'lawz': one of sources, jurisdictions") as raised:
        corpus.entities("lawz")
    assert isinstance(raised.value, KeyError)
    assert "legal_cases" in raised.value.kinds


def test_the_backend_is_chosen_once_by_name_or_class() -> None:
    assert _illinois(backend="scan").statements() == _illinois().statements()
    with pytest.raises(ValueError, match="backend must be one of index, scan"):
        Corpus(backend="fast")  # type: ignore[arg-type]


def test_a_place_or_an_id_that_is_not_text_is_a_type_error() -> None:
    corpus = _illinois()
    with pytest.raises(TypeError, match="a place is given as text"):
        corpus.statements(within=5)  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="speaker is given as an id"):
        corpus.statements(speaker=5)  # type: ignore[arg-type]


def _later_statement() -> Story:
    said = Statement(
        id="said-again", speaker="mayor", text="Still no.", date=PartialDate.parse("2020-02-20")
    )
    return Story(
        id="two", title="Later", persons=(Person(id="mayor", name="A Mayor"),), statements=(said,)
    )


DISTRICT = f"{LA}/council_district:1"


def _later_places() -> Story:
    said = Statement(
        id="chief-said", speaker="chief", text="Agreed.", date=PartialDate.parse("2020-02-14")
    )
    return Story(
        id="three",
        title="Places",
        jurisdictions=(
            Jurisdiction(id=LA, name="Los Angeles", level=JurisdictionLevel.CITY),
            Jurisdiction(
                id=DISTRICT, name="District 1", level=JurisdictionLevel.DISTRICT, parent=LA
            ),
        ),
        persons=(Person(id="chief", name="A Chief"),),
        roles=(
            Role(
                id="role-chief",
                person="chief",
                organization=DISTRICT,
                title="Chief of Police",
                period=Period.parse("2018/2021"),
            ),
        ),
        statements=(said,),
    )


def _answers(corpus: Corpus) -> list[object]:
    """Questions answered by the statement, role and place indexes."""
    return [
        [s.id for s in corpus.statements()],
        [s.id for s in corpus.statements(speaker="mayor")],
        [s.id for s in corpus.statements(speaker="mayor", on="2020-02-20")],
        [s.id for s in corpus.statements(within=LA)],
        [r.id for r in corpus.roles_on("2020-02-14")],
        [r.id for r in corpus.roles_on("2020-02-14", title="chief of police")],
        [r.id for r in corpus.roles_on("2020-02-14", organization=LA)],
        [r.id for r in corpus.roles_of("mayor")],
    ]


def test_adds_after_every_index_is_built_answer_as_a_corpus_built_at_once() -> None:
    at_once = Corpus([_base(), _later_statement(), _later_places()], gazetteer=None)
    growing = Corpus([_base()], gazetteer=None)
    growing.build_indexes()
    before = _answers(growing)
    growing.add(_later_statement())  # statements only: the built indexes are kept current
    assert [s.id for s in growing.statements(speaker="mayor")] == ["said", "said-again"]
    assert [s.id for s in growing.statements(within=LA)] == ["said", "said-again"]
    growing.add(_later_places())  # a place and a role: everything derived is rebuilt
    assert _answers(growing) == _answers(at_once)
    assert _answers(growing) != before
    assert [r.id for r in growing.roles_of("chief")] == ["role-chief"]
    assert growing.ancestors(DISTRICT) == (LA,)
    assert [s.id for s in growing.statements(within=LA)] == ["said", "said-again", "chief-said"]
    assert [r.id for r in growing.roles_on("2020", title="CHIEF OF POLICE")] == ["role-chief"]


def test_a_law_added_after_every_index_is_built_is_in_force() -> None:
    law = Law(
        id="law-la",
        kind=LawKind.ORDINANCE,
        jurisdiction=LA,
        title="A city ordinance",
        effective=PartialDate.parse("2019-01-01"),
    )
    growing = Corpus([_base()], gazetteer=None)
    growing.build_indexes()
    assert growing.laws_in_force(LA, "2020-02-15") == ()
    place = Jurisdiction(id=LA, name="Los Angeles", level=JurisdictionLevel.CITY)
    growing.add(Story(id="law", title="Law", jurisdictions=(place,), laws=(law,)))
    assert [x.id for x in growing.laws_in_force(LA, "2020-02-15")] == ["law-la"]


def _stance(story_id: str, speaker: str, stance: Stance) -> Story:
    said = Statement(
        id=f"{speaker}-said",
        speaker=speaker,
        text="On the mayor.",
        date=PartialDate.parse("2020-02-15"),
        positions=(Position(target="mayor", stance=stance),),
    )
    people = (Person(id="mayor", name="A Mayor"), Person(id=speaker, name=speaker.title()))
    return Story(id=story_id, title="Stances", persons=people, statements=(said,))


def test_an_answer_found_before_an_add_of_statements_is_found_again_after_it() -> None:
    growing = Corpus([_stance("one", "fan", Stance.SUPPORT)], gazetteer=None)
    growing.build_indexes()
    assert growing.conflicts([ConflictKind.OPPOSING_STANCES]) == ()
    growing.add(_stance("two", "critic", Stance.OPPOSE))  # statements only: no rebuild
    (conflict,) = growing.conflicts([ConflictKind.OPPOSING_STANCES])
    assert conflict.subject == "mayor"
    assert set(conflict.evidence) == {"fan-said", "critic-said"}


def test_a_corpus_whose_first_story_has_no_places_answers() -> None:
    corpus = Corpus([_later_statement()], gazetteer=None)
    assert [s.id for s in corpus.statements(speaker="mayor")] == ["said-again"]
    assert corpus.roles_of("mayor") == ()
