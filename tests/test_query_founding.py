"""The founding story's questions, answered by the query helpers.

The story is built by ``examples/la_sanctuary_2020.py``; these tests skip only if that file is
missing.
"""

from __future__ import annotations

import importlib.util
from collections import defaultdict
from pathlib import Path
from types import ModuleType

import pytest

from policyconflict import Agency, Deployment, Law, PartialDate, Stance, Story
from policyconflict.query import ConflictKind, Corpus

EXAMPLE = Path(__file__).resolve().parent.parent / "examples" / "la_sanctuary_2020.py"
if not EXAMPLE.exists():
    pytest.skip("examples/la_sanctuary_2020.py is not there", allow_module_level=True)

LOS_ANGELES = "ocd-division/country:us/state:ca/place:los_angeles"
CALIFORNIA = "ocd-division/country:us/state:ca"


def _load() -> ModuleType:
    spec = importlib.util.spec_from_file_location("la_sanctuary_2020", EXAMPLE)
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def story() -> Story:
    built = _load().build_story()
    assert isinstance(built, Story)
    return built


@pytest.fixture(scope="module", params=[True, False], ids=["indexed", "scan"])
def corpus(story: Story, request: pytest.FixtureRequest) -> Corpus:
    return Corpus([story], indexed=request.param)


def _deployment(story: Story) -> Deployment:
    (deployment,) = story.deployments
    return deployment


def _ice(story: Story) -> Agency:
    (ice,) = [a for a in story.agencies if a.abbreviation == "ICE"]
    return ice


def test_who_opposed_the_deployment_grouped_by_jurisdiction_level(
    story: Story, corpus: Corpus
) -> None:
    opposed = corpus.statements(target=_deployment(story).id, stance=Stance.OPPOSE)
    by_level: dict[str | None, set[str]] = defaultdict(set)
    for statement in opposed:
        actor = statement.on_behalf_of or statement.speaker
        levels = {corpus.level(place) for place in corpus.places_of(actor)} or {None}
        for level in levels:
            by_level[level].add(actor)
    # The mayor and the police chief speak for the city; the sheriff for the county.
    assert by_level["city"] == {"person:eric-garcetti", "person:michel-moore"}
    assert by_level["county"] == {"person:alex-villanueva"}
    # The advocates belong to organizations without a place; nobody federal opposed it.
    assert "person:matthew-albence" not in set().union(*by_level.values())
    assert all(not corpus.places_of(actor) for actor in by_level[None])


def test_laws_restricting_cooperation_with_ice_in_force_in_los_angeles(
    story: Story, corpus: Corpus
) -> None:
    ice = _ice(story).id
    laws = corpus.laws_in_force(LOS_ANGELES, "2020-02-15", restricts=ice)
    by_id = {law.id: law for law in laws}
    sb54 = [law for law in story.laws if law.identifier == "SB 54"]
    assert len(sb54) == 1
    assert sb54[0].id in by_id
    # SB 54 is California's, and applies in Los Angeles because LA lies within California.
    assert sb54[0].jurisdiction == CALIFORNIA
    assert CALIFORNIA in corpus.ancestors(LOS_ANGELES)
    # Every answer restricts cooperation with ICE and was in force on the day.
    for law in laws:
        assert law.effective_period.may_contain(PartialDate.parse("2020-02-15"))
        assert any(ice in p.counterparty for p in law.provisions)
    # Before SB 54 took effect it is not an answer.
    assert sb54[0].effective is not None
    before = corpus.laws_in_force(LOS_ANGELES, "2017-06-01", restricts=ice)
    assert sb54[0].id not in {law.id for law in before}


def test_the_story_contains_the_founding_conflict_with_its_evidence(
    story: Story, corpus: Corpus
) -> None:
    deployment = _deployment(story)
    (sb54,) = [law for law in story.laws if law.identifier == "SB 54"]
    restricted = corpus.conflicts([ConflictKind.COOPERATION_RESTRICTED])
    founding = [c for c in restricted if c.subject == deployment.id and sb54.id in c.evidence]
    assert len(founding) == 1
    conflict = founding[0]
    assert LOS_ANGELES in conflict.places
    assert {deployment.agency, *deployment.in_support_of, CALIFORNIA} <= set(conflict.parties)
    assert deployment.id in conflict.evidence
    assert conflict.period is not None
    assert conflict.period.may_contain(PartialDate.parse("2020-02-15"))
    every = {c.subject for c in corpus.conflicts()}
    # The deployment is also opposed by some and supported by others.
    stances = corpus.conflicts([ConflictKind.OPPOSING_STANCES])
    (on_deployment,) = [c for c in stances if c.subject == deployment.id]
    assert "person:eric-garcetti" in on_deployment.parties
    assert _ice(story).id in on_deployment.parties
    assert deployment.id in every
    # Every piece of evidence is something the corpus holds.
    for item in corpus.conflicts():
        assert all(evidence in corpus for evidence in item.evidence)
    # The founding conflict is found within California in 2020, and not within New York.
    assert conflict in corpus.conflicts(within=CALIFORNIA, during="2020/2020")
    assert conflict not in corpus.conflicts(within="ocd-division/country:us/state:ny")


def test_roles_of_the_speakers_on_the_day_they_spoke(story: Story, corpus: Corpus) -> None:
    persons = {p.id for p in story.persons}
    dated = [s for s in story.statements if s.date is not None and s.speaker in persons]
    assert dated
    for statement in dated:
        assert statement.date is not None
        held = [r for r in corpus.roles_on(statement.date) if r.person == statement.speaker]
        assert held, statement.id
        assert set(held) <= set(corpus.roles_of(statement.speaker))
    mayors = corpus.roles_on("2020-02-14", organization=LOS_ANGELES, title="mayor")
    assert [r.person for r in mayors] == ["person:eric-garcetti"]


def test_the_timeline_of_the_story_is_in_time_order(story: Story, corpus: Corpus) -> None:
    entries = corpus.timeline()
    assert entries
    keys = [e.when.sort_key() for e in entries]
    assert keys == sorted(keys)
    assert {e.entity for e in entries} >= {_deployment(story).id}
    law_ids = {law.id for law in story.laws if isinstance(law, Law) and law.effective is not None}
    assert law_ids <= {e.entity for e in entries if e.what == "effective"}
