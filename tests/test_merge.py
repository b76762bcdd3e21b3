"""Merging stories, rule by rule, on small stories, and on the two shipped examples."""

from __future__ import annotations

import pickle
from typing import Any

import attrs
import pytest

from helpers import CA, SOURCE, cite, jurisdiction, law, person, source, state, statement
from policyconflict import Citation, ExternalId, PartialDate, Provision, ProvisionEffect, Story
from policyconflict._merging.rules import NESTED, merged_classes
from policyconflict.ids import IdScheme
from policyconflict.merge import (
    Claim,
    IdentityClashError,
    MergeError,
    Rule,
    disputed,
    merge,
    preferred_name,
    rule_of,
    shown_value,
)
from policyconflict.model.places import JurisdictionLevel
from policyconflict.serialization import dumps, loads
from test_example_grants import example

OTHER = "source:test/2020-02-15/other"


def two(a: dict[str, Any], b: dict[str, Any]) -> tuple[Story, Story]:
    """Two stories that differ in the collections given."""
    base: dict[str, Any] = {
        "sources": (source(), source(id=OTHER, title="Another article")),
        "jurisdictions": (jurisdiction(), state()),
    }
    return (
        Story(id="story:a", title="A", **(base | a)),
        Story(id="story:b", title="B", **(base | b)),
    )


def both(a: Story, b: Story) -> Story:
    return merge([a, b], id="story:ab", title="A and B")


# -- the rule table ---------------------------------------------------------------------------


def test_every_field_of_every_class_has_a_rule() -> None:
    seen = set()
    for cls in merged_classes():
        for field in attrs.fields(cls):
            assert isinstance(rule_of(cls, field), Rule)
            seen.add(field.name)
    assert set(NESTED) <= seen  # no stale entries in the table


def test_a_new_tuple_of_nested_values_has_no_rule_until_it_is_listed() -> None:
    @attrs.frozen
    class WithParts:
        id: str
        pieces: tuple[Citation, ...] = ()

    with pytest.raises(LookupError, match=r"WithParts\.pieces"):
        rule_of(WithParts, attrs.fields(WithParts).pieces)


def test_rules_by_kind_of_field() -> None:
    fields = attrs.fields_dict
    person_fields = fields(type(person()))
    assert rule_of(type(person()), person_fields["id"]) is Rule.IDENTITY
    assert rule_of(type(person()), person_fields["name"]) is Rule.NAME
    assert rule_of(type(person()), person_fields["aliases"]) is Rule.SET
    assert rule_of(type(person()), person_fields["external_ids"]) is Rule.EXTERNAL_IDS
    assert rule_of(type(person()), person_fields["sources"]) is Rule.PROVENANCE
    law_fields = fields(type(law()))
    assert rule_of(type(law()), law_fields["effective"]) is Rule.SINGLE
    assert rule_of(type(law()), law_fields["title"]) is Rule.SINGLE
    assert rule_of(type(law()), law_fields["provisions"]) is Rule.PARTS


# -- each rule --------------------------------------------------------------------------------


def test_citations_of_every_story_are_kept() -> None:
    a, b = two(
        {"persons": (person(sources=(cite("one"),)),)},
        {"persons": (person(sources=(Citation(source=OTHER, quote="two"),)),)},
    )
    merged = both(a, b).get("person:ann")
    assert isinstance(merged, type(person()))
    assert {(c.source, c.quote) for c in merged.sources} == {(SOURCE, "one"), (OTHER, "two")}


def test_sets_unite_and_a_name_becomes_an_alias() -> None:
    a, b = two(
        {"persons": (person(name="Tom Homan", aliases=("Homan",)),)},
        {"persons": (person(name="Thomas D. Homan", aliases=("T. Homan",)),)},
    )
    merged = both(a, b).persons[0]
    assert merged.name == "Thomas D. Homan"
    assert merged.aliases == ("Homan", "T. Homan", "Tom Homan")


def test_preferred_name_is_the_longest_then_the_first_in_code_point_order() -> None:
    assert preferred_name(["DHS", "U.S. Department of Homeland Security"]) == (
        "U.S. Department of Homeland Security"
    )
    assert preferred_name(["Bb", "Ab", "C"]) == "Ab"


def test_an_alias_that_is_the_preferred_name_is_not_kept_as_an_alias() -> None:
    a, b = two(
        {"persons": (person(name="Ann", aliases=("Ann Smith",)),)},
        {"persons": (person(name="Ann Smith", aliases=("Ann",)),)},
    )
    merged = both(a, b).persons[0]
    assert (merged.name, merged.aliases) == ("Ann Smith", ("Ann",))


def test_two_values_in_one_external_id_scheme_are_kept_side_by_side_and_disputed() -> None:
    q1 = ExternalId(scheme=IdScheme.WIKIDATA, value="Q1")
    q2 = ExternalId(scheme=IdScheme.WIKIDATA, value="Q2")
    a, b = two(
        {"persons": (person(external_ids=(q1,)),)}, {"persons": (person(external_ids=(q2,)),)}
    )
    merged = both(a, b)
    assert merged.persons[0].external_ids == (q1, q2)
    claims = disputed(merged, "person:ann")["external_ids.wikidata"]
    assert [(c.story, c.value) for c in claims] == [("story:a", '["Q1"]'), ("story:b", '["Q2"]')]


def test_a_different_single_valued_fact_becomes_claims_with_their_sources() -> None:
    a, b = two(
        {"laws": (law(effective=PartialDate.parse("2018-01-01"), sources=(cite("jan"),)),)},
        {"laws": (law(effective=PartialDate.parse("2018-01-02"), sources=(cite("feb"),)),)},
    )
    merged = both(a, b)
    assert str(merged.laws[0].effective) == shown_value(['"2018-01-02"', '"2018-01-01"'])[1:-1]
    claims = disputed(merged, "law:us/ca/2017-2018/sb-54")["effective"]
    assert [(c.story, c.json_value, [s.quote for s in c.sources]) for c in claims] == [
        ("story:a", "2018-01-01", ["jan"]),
        ("story:b", "2018-01-02", ["feb"]),
    ]


def test_a_field_left_at_its_default_disputes_nothing() -> None:
    a, b = two(
        {"jurisdictions": (jurisdiction(level_name="country"), state())},
        {"jurisdictions": (jurisdiction(), state())},
    )
    merged = both(a, b)
    assert merged.jurisdictions[0].level_name == "country"
    assert merged.claims == ()


def test_a_different_level_is_disputed() -> None:
    a, b = two({}, {"jurisdictions": (jurisdiction(), state(level=JurisdictionLevel.OTHER))})
    merged = both(a, b)
    assert set(disputed(merged, CA)) == {"level"}


def test_provisions_are_matched_by_id_and_merged() -> None:
    p = Provision(id="law:us/ca/2017-2018/sb-54#a", label="§ 1", effect=ProvisionEffect.RESTRICTS)
    q = Provision(id="law:us/ca/2017-2018/sb-54#b", label="§ 2", effect=ProvisionEffect.PROTECTS)
    a, b = two(
        {"laws": (law(provisions=(p,)),)},
        {"laws": (law(provisions=(attrs.evolve(p, label="Section 1"), q)),)},
    )
    merged = both(a, b)
    assert [x.id for x in merged.laws[0].provisions] == [p.id, q.id]
    assert {c.json_value for c in disputed(merged, p.id)["label"]} == {"§ 1", "Section 1"}


def test_an_id_naming_two_kinds_of_thing_is_an_error() -> None:
    a, b = two(
        {"persons": (person(id="thing:x"),)},
        {"laws": (law(id="thing:x"),)},
    )
    with pytest.raises(IdentityClashError) as caught:
        both(a, b)
    (clash,) = caught.value.clashes
    assert (clash.id, clash.kinds, clash.stories) == (
        "thing:x",
        ("law", "person"),
        ("story:a", "story:b"),
    )
    assert pickle.loads(pickle.dumps(caught.value)).clashes == caught.value.clashes


def test_one_provision_id_in_two_laws_is_an_error() -> None:
    p = Provision(id="provision:shared", label="§ 1", effect=ProvisionEffect.RESTRICTS)
    a, b = two({"laws": (law(provisions=(p,)),)}, {"laws": (law(id="law:other", provisions=(p,)),)})
    with pytest.raises(IdentityClashError, match="provision:shared"):
        both(a, b)


def test_parents_that_loop_once_merged_are_a_clear_error() -> None:
    a, b = two({}, {"jurisdictions": (jurisdiction(parent=CA), state(parent=None))})
    with pytest.raises(MergeError) as caught:
        both(a, b)
    assert "cycle" in {p.code for p in caught.value.problems}
    assert pickle.loads(pickle.dumps(caught.value)).problems == caught.value.problems


def test_values_that_do_not_go_together_come_from_one_definition_and_stay_claims() -> None:
    from policyconflict import QuoteForm

    translated = statement(form=QuoteForm.TRANSLATION, translated_by=SOURCE)
    a, b = two(
        {"persons": (person(),), "statements": (translated,)},
        {"persons": (person(),), "statements": (statement(form=QuoteForm.PARAPHRASE),)},
    )
    # Field by field, "paraphrase" would be shown with a's translator: the class rejects that.
    shown = both(a, b).statements[0]
    assert (shown.form, shown.translated_by) == (QuoteForm.PARAPHRASE, None)
    claims = disputed(both(a, b), translated.id)
    assert {c.value for c in claims["form"]} == {'"paraphrase"', '"translation"'}
    assert [(c.story, c.json_value) for c in claims["translated_by"]] == [("story:a", SOURCE)]


def test_a_count_of_places_below_the_places_named_together_is_not_shown() -> None:
    from policyconflict import Agency, AgencyKind, Deployment

    cbp = Agency(id="agency:us/dhs/cbp", name="CBP", kind=AgencyKind.COMPONENT)
    us = "ocd-division/country:us"
    a, b = two(
        {
            "agencies": (cbp,),
            "deployments": (
                Deployment(id="deployment:x", agency=cbp.id, targets=(us,), target_count=1),
            ),
        },
        {
            "agencies": (cbp,),
            "deployments": (Deployment(id="deployment:x", agency=cbp.id, targets=(CA,)),),
        },
    )
    merged = both(a, b)
    assert merged.deployments[0].targets == (us, CA)
    assert merged.deployments[0].target_count is None
    assert [c.json_value for c in disputed(merged, "deployment:x")["target_count"]] == [1]


def test_merge_needs_stories_and_names_for_different_ones() -> None:
    a, b = two({}, {})
    with pytest.raises(ValueError, match="at least one"):
        merge([])
    with pytest.raises(ValueError, match="id="):
        merge([a, b])
    with pytest.raises(TypeError):
        merge([a, "story"])  # type: ignore[list-item]
    assert merge([a, a]) == a.canonical()


def test_disputed_of_an_unknown_id_is_a_key_error() -> None:
    a, _b = two({}, {})
    with pytest.raises(KeyError):
        disputed(a, "person:nobody")


# -- claims in the format ---------------------------------------------------------------------


def test_a_claim_is_plain_checked_data() -> None:
    claim = Claim(
        entity="person:ann", field="external_ids.wikidata", value='["Q1"]', story="story:a"
    )
    assert hash(claim) == hash(attrs.evolve(claim))
    assert claim.json_value == ["Q1"]
    bad = [
        ("value", "{not json", "JSON"),
        ("field", "Bad Field", "field name"),
        ("entity", "x y", "id"),
    ]
    for name, value, message in bad:
        changes: dict[str, Any] = {name: value}
        with pytest.raises(ValueError, match=message):
            attrs.evolve(claim, **changes)


def test_a_claim_about_an_unknown_id_is_a_story_problem() -> None:
    a, _b = two({}, {})
    claim = Claim(entity="person:nobody", field="name", value='"X"', story="story:a")
    with pytest.raises(ValueError, match="not the id"):
        attrs.evolve(a, claims=(claim,))


def test_a_story_without_claims_is_written_as_before() -> None:
    a, _b = two({}, {})
    assert '"claims"' not in dumps(a)


def test_a_merged_story_with_claims_round_trips_through_json_and_json_lines() -> None:
    import io

    from policyconflict.serialization import read_stories, write_jsonl

    a, b = two(
        {"persons": (person(name="Ann"),)}, {"persons": (person(name="Ann", aliases=("A",)),)}
    )
    a, b = two(
        {"laws": (law(title="SB 54"),)},
        {"laws": (law(title="California Values Act"),)},
    )
    merged = both(a, b)
    assert merged.claims
    assert loads(dumps(merged)) == merged
    out = io.StringIO()
    write_jsonl([merged], out)
    assert list(read_stories(io.StringIO(out.getvalue()))) == [merged]


# -- the shipped examples ---------------------------------------------------------------------


@pytest.fixture(scope="module")
def la() -> Story:
    from pathlib import Path

    from policyconflict.serialization import load

    return load(
        Path(__file__).resolve().parents[1] / "examples" / "data" / "la-sanctuary-2020.json"
    )


def test_the_two_shipped_stories_merge_keeping_every_citation(la: Story) -> None:
    grants = example.build_story()
    merged = merge([la, grants], id="story:both", title="Both")
    ids = {e.id for s in (la, grants) for e in s.entities()}
    assert {e.id for e in merged.entities()} == ids
    for story in (la, grants):
        for entity in story.entities():
            kept = merged.get(entity.id)
            assert set(getattr(entity, "sources", ())) <= set(getattr(kept, "sources", ()))
    assert dumps(merged) == dumps(merge([grants, la], id="story:both", title="Both"))
    assert merged.claims == ()  # they agree on every fact they share
    us = merged.get("ocd-division/country:us")
    assert isinstance(us, type(jurisdiction()))
    assert us.level_name == "country"
    assert "USA" in us.aliases


def test_a_merger_refuses_a_story_that_reuses_an_id_for_another_kind() -> None:
    from policyconflict.query._store import Store

    a, b = two({"persons": (person(id="thing:x"),)}, {"laws": (law(id="thing:x"),)})
    store = Store()
    store.apply(a, frozenset())
    merger = store.merger
    with pytest.raises(IdentityClashError, match="thing:x"):
        merger.add(b)
    assert merger.merged("thing:x") is not None
    assert merger.merged("law:us/ca/2017-2018/sb-54") is None
    assert merger.claims("thing:x") == ()
    assert merger.claims("nothing:here") == ()


def test_disputes_are_listed_and_are_disagreements_with_both_sides_sources() -> None:
    from policyconflict import DisagreementKind, disagreements
    from policyconflict.merge import disputes

    a, b = two(
        {"laws": (law(effective=PartialDate.parse("2018-01-01"), title="SB 54"),)},
        {
            "laws": (
                law(
                    effective=PartialDate.parse("2018-01-02"),
                    title="California Values Act",
                    sources=(Citation(source=OTHER),),
                ),
            )
        },
    )
    merged = both(a, b)
    (effective, title) = disputes(merged)
    assert (effective.field, title.field) == ("effective", "title")
    assert effective.values == ('"2018-01-01"', '"2018-01-02"')
    assert effective.stories('"2018-01-02"') == ("story:b",)
    assert [c.source for c in effective.sources('"2018-01-02"')] == [OTHER]
    found = {d.aspect: d for d in disagreements(merged)}
    assert found["effective"].kind is DisagreementKind.CONTRADICTS
    assert found["effective"].values == ("2018-01-01", "2018-01-02")
    assert [side.story for side in found["effective"].sides] == ["story:a", "story:b"]
    assert found["effective"].evidence == (OTHER,)
    assert found["title"].values == ("California Values Act", "SB 54")
    assert found["title"].kind is DisagreementKind.CONTRADICTS
    month = two(
        {"laws": (law(effective=PartialDate.parse("2018-01")),)},
        {"laws": (law(effective=PartialDate.parse("2018-01-02")),)},
    )
    (differs,) = disagreements(both(*month))
    assert differs.kind is DisagreementKind.DIFFERS
