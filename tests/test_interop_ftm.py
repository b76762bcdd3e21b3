"""FollowTheMoney export and import, checked by the real ``followthemoney`` package."""

from __future__ import annotations

import io
from collections import Counter
from typing import Any

import attrs
import orjson
import pytest
from hypothesis import HealthCheck, given, settings

from interop_helpers import example_stories, grants_story, la_story, transfer_story
from policyconflict import Agency, Citation, Organization, Person, Relation, Role, Source, Story
from policyconflict.interop._ftmids import decode, encode
from policyconflict.interop.ftm import from_ftm, to_ftm, write_ftm
from policyconflict.testing import entity_ids, stories

followthemoney = pytest.importorskip("followthemoney")

from followthemoney import model  # noqa: E402
from followthemoney.types import registry  # noqa: E402


def check_ftm(entities: list[dict[str, Any]]) -> None:
    """Every entity loads into the FtM model unchanged, validates, and each entity reference
    points at an exported entity of the schema the property allows."""
    by_id = {e["id"]: e for e in entities}
    assert len(by_id) == len(entities), "ids repeat"
    for entity in entities:
        assert registry.entity.validate(entity["id"]), entity["id"]
        proxy = model.get_proxy(entity, cleaned=False)
        proxy.schema.validate(entity)  # type: ignore[arg-type]
        cleaned = proxy.to_dict()["properties"]
        written = entity["properties"]
        assert {k: sorted(v) for k, v in cleaned.items()} == {
            k: sorted(v) for k, v in written.items()
        }, entity["id"]
        for prop in proxy.iterprops():
            if prop.type is registry.entity:
                for value in proxy.get(prop):
                    target = model.get(by_id[value]["schema"])
                    assert target is not None
                    assert target.is_a(prop.range), (entity["id"], prop.name, value)


@pytest.mark.parametrize("name", ["la", "grants"])
def test_examples_export_valid_ftm(name: str) -> None:
    check_ftm(to_ftm(example_stories()[name]))


def test_la_export_holds_the_story() -> None:
    story = la_story()
    exported = to_ftm(story)
    schemas = Counter(e["schema"] for e in exported)
    assert schemas["Person"] == len(story.persons)
    assert schemas["Occupancy"] + schemas["Membership"] == len(story.roles)
    assert schemas["PublicBody"] == len(story.agencies) + len(story.jurisdictions)
    cbp = next(e for e in exported if e["id"] == encode("agency:us/dhs/cbp"))
    assert cbp["schema"] == "PublicBody"
    assert cbp["properties"]["parent"] == [encode("agency:us/dhs")]
    assert cbp["properties"]["jurisdiction"] == ["us"]


def test_grants_export_has_cases_and_parties() -> None:
    story = grants_story()
    exported = to_ftm(story)
    cases = [e for e in exported if e["schema"] == "CourtCase"]
    parties = [e for e in exported if e["schema"] == "CourtCaseParty"]
    assert len(cases) == len(story.legal_cases)
    assert len(parties) == sum(len(c.parties) for c in story.legal_cases)
    rulings = [e for e in exported if "ruling" in e["properties"].get("keywords", [])]
    assert len(rulings) == len(story.rulings)


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(stories(max_entities=25))
def test_generated_stories_export_valid_ftm(story: Story) -> None:
    check_ftm(to_ftm(story))


@given(entity_ids())
def test_ids_spell_back(entity_id: str) -> None:
    spelled = encode(entity_id)
    assert registry.entity.validate(spelled)
    if not spelled.startswith("pc") or len(entity_id) * 2 < 200:
        assert decode(spelled) == entity_id


def _cited_sources(entity: Any) -> Any:
    """The entity as FtM gives it back: citations reduced to the sources cited (FtM's
    ``proof``), and without the fields FtM does not hold."""
    cited = tuple(Citation(source=s) for s in dict.fromkeys(c.source for c in entity.sources))
    changes: dict[str, Any] = {"sources": cited}
    if isinstance(entity, Organization):
        changes["jurisdiction"] = None
    return attrs.evolve(entity, **changes)


@pytest.mark.parametrize("name", ["la", "grants"])
def test_read_back_what_maps(name: str) -> None:
    story = example_stories()[name]
    reading = from_ftm(to_ftm(story))
    back = {e.id: e for e in reading.entities}
    for kind in (Person, Organization):
        mine = [_cited_sources(e) for e in story.entities() if isinstance(e, kind)]
        assert [back[e.id] for e in mine] == mine
    for agency in story.agencies:
        got = back[agency.id]
        assert isinstance(got, Agency)
        assert (got.name, got.kind, got.abbreviation) == (
            agency.name,
            agency.kind,
            agency.abbreviation,
        )
    for role in story.roles:
        got_role = back[role.id]
        assert isinstance(got_role, Role)
        assert (got_role.person, got_role.organization, got_role.title, got_role.acting) == (
            role.person,
            role.organization,
            role.title,
            role.acting,
        )
    for source in story.sources:
        got_source = back[source.id]
        assert isinstance(got_source, Source)
        assert (got_source.title, got_source.kind, got_source.url) == (
            source.title,
            source.kind,
            source.url,
        )
    for case in story.legal_cases:
        got_case = back[case.id]
        assert [(p.entity, p.role) for p in got_case.parties] == [  # type: ignore[union-attr]
            (p.entity, p.role) for p in case.parties
        ]
    # Every record is either mapped or reported, never dropped.
    assert reading.read == len(to_ftm(story))
    mapped_relations = [e for e in reading.entities if isinstance(e, Relation)]
    reported = {u.record_id for u in reading.unmapped}
    for relation in story.relations:
        if encode(relation.id) not in reported and any(
            e["id"] == encode(relation.id) for e in to_ftm(story)
        ):
            assert relation.id in {r.id for r in mapped_relations}


def test_reader_reports_what_it_cannot_map() -> None:
    records: list[dict[str, Any]] = [
        {"id": "p1", "schema": "Person", "properties": {"name": ["Ann Lee"]}},
        {"id": "v1", "schema": "Vessel", "properties": {"name": ["Ship"]}},
        {"id": "m1", "schema": "Membership", "properties": {"member": ["p1"]}},
        {"id": "c1", "schema": "Company", "properties": {"name": ["Acme"]}},
        {"id": "Q42", "schema": "Person", "properties": {}},
    ]
    reading = from_ftm(records)
    assert reading.read == 5
    assert [e.id for e in reading.entities] == ["c1", "p1"]
    reasons = {u.record_id: u.reason for u in reading.unmapped}
    assert set(reasons) == {"v1", "m1", "Q42"}
    assert "Vessel" in reasons["v1"]
    assert "organization" in reasons["m1"]
    assert "name" in reasons["Q42"]
    assert reading.mapped == 2


def test_write_ftm_lines() -> None:
    out = io.BytesIO()
    count = write_ftm(la_story(), out)
    lines = out.getvalue().splitlines()
    assert count == len(lines) == len(to_ftm(la_story()))
    assert [orjson.loads(line) for line in lines] == to_ftm(la_story())


def test_a_control_transfer_is_an_event_and_is_reported_when_read_back() -> None:
    story = transfer_story()
    entities = to_ftm(story)
    check_ftm(entities)
    (event,) = [e for e in entities if e["id"] == encode(story.control_transfers[0].id)]
    props = event["properties"]
    assert event["schema"] == "Event"
    assert props["keywords"] == ["control-transfer"]
    assert props["organizer"] == [encode("agency:us/dod/northcom")]
    assert sorted(props["involved"]) == sorted(
        [encode("agency:us/ca/guard"), encode("agency:us/ca/governor")]
    )
    assert (props["startDate"], props["endDate"]) == (["2025-06-07"], ["2025-07-15"])
    assert props["name"] == ["California Guard placed under Northern Command (from Governor)"]
    reading = from_ftm(entities)
    (left,) = [u for u in reading.unmapped if u.record_id == event["id"]]
    assert "control transfer" in left.reason
