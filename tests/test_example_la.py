"""The founding-story example (``examples/la_sanctuary_2020.py``) runs, validates, and says what
the article says."""

from __future__ import annotations

import importlib.util
import random
from pathlib import Path
from types import ModuleType
from typing import Any, TypeVar

import attrs
import pytest

from policyconflict import (
    Agency,
    Channel,
    Citation,
    Deployment,
    Jurisdiction,
    Law,
    Organization,
    PartialDate,
    Period,
    Person,
    Quantity,
    QuantityKind,
    Source,
    Stance,
    Story,
)
from policyconflict.dates import US_FEDERAL
from policyconflict.model import QuoteForm
from policyconflict.story import story_problems

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "examples" / "la_sanctuary_2020.py"
T = TypeVar("T")
SEED = ROOT.parent / "shared" / "seed" / "la-times-2020-02-ice-cbp-sanctuary-cities.txt"


def _load() -> ModuleType:
    spec = importlib.util.spec_from_file_location("la_sanctuary_2020", EXAMPLE)
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


example = _load()


@pytest.fixture(scope="module")
def story() -> Story:
    built = example.build_story()
    assert isinstance(built, Story)
    return built


@pytest.fixture(scope="module")
def article_text() -> str:
    if not SEED.is_file():
        pytest.skip(f"the seed article is not at {SEED} (it lives in ../shared/seed/)")
    return SEED.read_text(encoding="utf-8")


def _citations(obj: object) -> list[Citation]:
    """Every citation inside ``obj``, at any depth."""
    found: list[Citation] = []
    if isinstance(obj, Citation):
        found.append(obj)
    elif isinstance(obj, tuple):
        for item in obj:
            found.extend(_citations(item))
    elif attrs.has(type(obj)) and not isinstance(obj, PartialDate | Period):
        cls: Any = type(obj)
        for field in attrs.fields(cls):
            found.extend(_citations(getattr(obj, field.name)))
    return found


def _get(story: Story, entity_id: str | None, cls: type[T]) -> T:
    """The entity ``entity_id`` of the story, checked to be a ``cls``."""
    assert entity_id is not None
    entity = story.get(entity_id)
    assert isinstance(entity, cls), entity
    return entity


def _name(story: Story, entity_id: str) -> str:
    entity = story.get(entity_id)
    assert isinstance(entity, Agency | Organization | Jurisdiction), entity
    return entity.name


def _deployment(story: Story) -> Deployment:
    (deployment,) = story.deployments
    return deployment


# -- the story as a whole -------------------------------------------------------------------------


def test_story_validates_with_no_problems(story: Story) -> None:
    assert story_problems(story) == ()
    assert attrs.evolve(story) == story


def test_story_holds_every_kind_the_article_needs(story: Story) -> None:
    assert len(story.sources) == 1
    assert len(story.deployments) == 1
    assert len(story.laws) == 2
    assert len(story.figures) == 3
    assert {o.name for o in story.organizations} == {
        "American Civil Liberties Union",
        "Immigrant Defense Advocates",
        "Los Angeles Times",
    }
    assert {a.abbreviation for a in story.agencies} >= {"DHS", "ICE", "ERO", "CBP", "OFO", "LAPD"}


def test_the_article_is_a_source_with_three_authors(story: Story) -> None:
    (source,) = story.sources
    assert source.authors == ("Brittny Mejia", "Molly Hennessy-Fiske", "Leila Miller")
    assert source.published == PartialDate.parse("2020-02-14")
    assert source.url is None
    assert source.publisher is not None
    assert _get(story, source.publisher, Organization).name == "Los Angeles Times"


def test_every_entity_cites_the_article(story: Story) -> None:
    (source,) = story.sources
    for entity in story.entities():
        if isinstance(entity, Source):
            continue
        citations = _citations(entity)
        assert citations, f"{entity.id} has no citation"
        assert {c.source for c in citations} == {source.id}, entity.id


def test_every_quote_is_verbatim_from_the_article(story: Story, article_text: str) -> None:
    citations = [c for entity in story.entities() for c in _citations(entity)]
    assert len(citations) > 50
    for citation in citations:
        assert citation.quote is not None, citation
        passage = (citation.prefix or "") + citation.quote + (citation.suffix or "")
        assert passage in article_text, passage


def test_direct_quotes_and_paraphrases_are_the_articles_words(
    story: Story, article_text: str
) -> None:
    for statement in story.statements:
        assert statement.text in article_text, statement.id
        if statement.form is QuoteForm.DIRECT_QUOTE:
            # A direct quote opens with a quotation mark in the article.
            assert f"“{statement.text}" in article_text, statement.id


# -- places ---------------------------------------------------------------------------------------


def test_nine_target_areas_eight_named(story: Story) -> None:
    deployment = _deployment(story)
    assert deployment.target_count == 9
    assert len(deployment.targets) == 8
    names = [_get(story, t, Jurisdiction).name for t in deployment.targets]
    assert names == [
        "Los Angeles",
        "Chicago",
        "New York",
        "San Francisco",
        "Boston",
        "New Orleans",
        "Detroit",
        "Newark",
    ]


def test_targets_carry_ocd_ids_and_parent_chains_to_the_country(story: Story) -> None:
    expected_states = {
        "Los Angeles": "ocd-division/country:us/state:ca",
        "Chicago": "ocd-division/country:us/state:il",
        "New York": "ocd-division/country:us/state:ny",
        "San Francisco": "ocd-division/country:us/state:ca",
        "Boston": "ocd-division/country:us/state:ma",
        "New Orleans": "ocd-division/country:us/state:la",
        "Detroit": "ocd-division/country:us/state:mi",
        "Newark": "ocd-division/country:us/state:nj",
    }
    for target in _deployment(story).targets:
        place = _get(story, target, Jurisdiction)
        assert target.startswith(expected_states[place.name] + "/")
        assert place.parent == expected_states[place.name]
        state = _get(story, place.parent, Jurisdiction)
        assert state.parent == "ocd-division/country:us"
        assert _get(story, state.parent, Jurisdiction).parent is None
    assert story.get("ocd-division/country:us/state:ca/place:los_angeles")
    assert story.get("ocd-division/country:us/state:ca/county:los_angeles")


def test_bay_area_is_not_a_jurisdiction(story: Story) -> None:
    assert not any("bay" in j.id or "Bay" in j.name for j in story.jurisdictions)
    (ida,) = [o for o in story.organizations if o.name == "Immigrant Defense Advocates"]
    assert ida.jurisdiction is None
    assert any("Bay Area" in (c.note or "") for c in ida.sources)


# -- agencies, people -----------------------------------------------------------------------------


def test_agency_parent_chains(story: Story) -> None:
    by_abbreviation = {a.abbreviation: a for a in story.agencies if a.abbreviation}
    dhs, ice, ero, cbp, ofo = (by_abbreviation[k] for k in ("DHS", "ICE", "ERO", "CBP", "OFO"))
    assert (ero.parent, ice.parent, cbp.parent, ofo.parent) == (ice.id, dhs.id, dhs.id, cbp.id)
    (tactical,) = [a for a in story.agencies if "tactical" in a.name]
    border_patrol = _get(story, tactical.parent, Agency)
    assert border_patrol.name == "Border Patrol"
    assert border_patrol.parent == cbp.id


def test_people_hold_the_roles_the_article_gives(story: Story) -> None:
    titles = {
        _get(story, r.person, Person).name: (r.title, _name(story, r.organization))
        for r in story.roles
    }
    assert titles == {
        "Eric Garcetti": ("Mayor", "Los Angeles"),
        "Michel Moore": ("Chief", "Los Angeles Police Department"),
        "Alex Villanueva": ("Sheriff", "Los Angeles County Sheriff's Department"),
        "Matthew Albence": ("Director", "Immigration and Customs Enforcement"),
        "Naureen Shah": (
            "senior policy and advocacy counsel on immigrants’ rights",
            "American Civil Liberties Union",
        ),
        "Hamid Yazdan Panah": ("advocacy director", "Immigrant Defense Advocates"),
    }
    # The article says "ICE Director"; nothing is added about an acting capacity.
    assert not any(r.acting for r in story.roles)


# -- laws -----------------------------------------------------------------------------------------


def test_sb54_is_stored_as_the_article_dates_it(story: Story) -> None:
    sb54 = _get(story, example.SB_54, Law)
    assert sb54.identifier == "SB 54"
    assert sb54.session == "2017-2018"
    assert sb54.effective == PartialDate.parse("2019")
    (citation,) = sb54.sources
    assert citation.quote is not None
    assert "went into effect last year" in citation.quote
    assert citation.note is not None
    assert "2018-01-01" in citation.note
    effects = {p.effect.value: p.counterparty for p in sb54.provisions}
    assert effects["restricts"] == (example.ICE,)


def test_lapd_policy_restricts_cooperation_with_ice(story: Story) -> None:
    policy = _get(story, example.LAPD_POLICY, Law)
    assert policy.kind.value == "agency-policy"
    assert policy.issuer == example.LAPD
    assert len(policy.provisions) == 2
    for provision in policy.provisions:
        assert provision.counterparty == (example.ICE,)
        assert provision.binds == (example.LAPD,)


# -- the deployment -------------------------------------------------------------------------------


def test_deployment_total_is_derived_exactly(story: Story) -> None:
    deployment = _deployment(story)
    assert [u.count for u in deployment.units] == [Quantity.exact(50), Quantity.exact(50)]
    assert deployment.total == Quantity.exact(100)


def test_deployment_when_why_and_for_whom(story: Story) -> None:
    deployment = _deployment(story)
    assert deployment.period == Period.parse("2020-02/2020-05")
    assert deployment.announced == PartialDate.parse("2020-02-14")
    assert deployment.in_support_of == (example.ICE,)
    assert deployment.agency == example.CBP
    assert deployment.purpose == "to assist in the arrests of immigrants in the country illegally"
    assert deployment.topic == "immigration-enforcement"


# -- statements -----------------------------------------------------------------------------------


def _speakers(story: Story, stance: Stance) -> set[str]:
    return {
        s.speaker
        for s in story.statements
        for p in s.positions
        if p.target == example.DEPLOYMENT and p.stance is stance
    }


def test_who_opposed_and_who_supported_the_deployment(story: Story) -> None:
    assert _speakers(story, Stance.OPPOSE) == {
        example.GARCETTI,
        example.MOORE,
        example.VILLANUEVA,
        example.SHAH,
        example.YAZDAN_PANAH,
    }
    assert _speakers(story, Stance.SUPPORT) == {example.ALBENCE, example.ICE}


def test_statement_channels_and_forms(story: Story) -> None:
    (tweet,) = [s for s in story.statements if s.channel is Channel.SOCIAL_MEDIA]
    assert tweet.speaker == example.GARCETTI
    assert tweet.text.startswith("Regardless of your immigration status")
    video = [s for s in story.statements if s.channel is Channel.VIDEO]
    assert {s.speaker for s in video} == {example.GARCETTI, example.MOORE}
    assert all(s.form is QuoteForm.PARAPHRASE for s in video)
    assert all(s.date == PartialDate.parse("2020-02-14") for s in video)
    villanueva = [s for s in story.statements if s.speaker == example.VILLANUEVA]
    assert len(villanueva) == 3
    assert villanueva[0].text.startswith("I strongly oppose")
    albence_forms = sorted(s.form.value for s in story.statements if s.speaker == example.ALBENCE)
    assert albence_forms == [
        "direct-quote",
        "direct-quote",
        "direct-quote",
        "fragment",
        "paraphrase",
    ]
    (ice,) = [s for s in story.statements if s.speaker == example.ICE]
    assert "5,300 ERO" in ice.text


# -- figures and relations ------------------------------------------------------------------------


def test_figures_have_exact_fiscal_year_periods(story: Story) -> None:
    non_detained = sorted(
        (f for f in story.figures if f.metric == "non-detained-cases"),
        key=lambda f: str(f.period),
    )
    fy2018, fy2019 = non_detained
    assert str(fy2018.period) == "2017-10-01/2018-09-30"
    assert fy2018.period == US_FEDERAL.year(2018)
    assert str(fy2019.period) == "2018-10-01/2019-09-30"
    assert fy2018.quantity.value == 2_600_000
    assert fy2018.quantity.kind is QuantityKind.EXACT
    assert fy2019.quantity.kind is QuantityKind.AT_LEAST
    assert fy2019.quantity.bounds == (3_200_000, None)
    assert fy2019.quantity.text == "over 3.2 million"
    assert {f.claimed_by for f in non_detained} == {(example.DHS,)}
    (officers,) = [f for f in story.figures if f.metric == "law-enforcement-officers"]
    assert officers.quantity == Quantity(kind=QuantityKind.EXACT, value=5300, text="5,300")
    assert officers.claimed_by == (example.ICE,)


def test_competing_readings_of_the_deployment(story: Story) -> None:
    readings = {
        (r.predicate.value, r.asserted_by)
        for r in story.relations
        if r.subject == example.DEPLOYMENT
    }
    assert ("responds-to", example.ALBENCE) in readings
    assert ("retaliation-for", example.SHAH) in readings
    refusals = {
        r.asserted_by
        for r in story.relations
        if (r.subject, r.predicate.value, r.object)
        == (example.LAPD, "refuses-to-cooperate-with", example.ICE)
    }
    assert refusals == {None, example.GARCETTI, example.MOORE}


# -- identity -------------------------------------------------------------------------------------


def test_building_twice_gives_equal_stories(story: Story) -> None:
    assert example.build_story() == story


def test_shuffled_entities_give_the_same_canonical_story(story: Story) -> None:
    entities = list(story.entities())
    for seed in range(3):
        random.Random(seed).shuffle(entities)
        again = Story.from_entities(id=story.id, title=story.title, entities=entities)
        assert again == story.canonical()
        assert again.canonical() == story.canonical()


def test_main_prints_a_summary_and_writes_where_asked(
    story: Story, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from policyconflict import load

    target = tmp_path / "founding.json"
    assert example.main([str(target)]) == target
    out = capsys.readouterr().out
    assert "total: 100 (exact)" in out
    assert "9 target areas, 8 named" in out
    assert "Alex Villanueva (Sheriff, Los Angeles County Sheriff's Department)" in out
    assert "over 3.2 million cases in 2018-10-01/2019-09-30" in out
    assert f"to {target.resolve()}" in out  # it says where
    assert load(target) == story.canonical()


def test_main_writes_to_the_current_directory_not_the_source_tree(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    # It used to write into examples/data/, which fails from a read-only checkout.
    monkeypatch.chdir(tmp_path)
    before = example.DATA_FILE.stat().st_mtime_ns
    written = example.main([])
    assert (tmp_path / written).is_file()
    assert written == Path("la-sanctuary-2020.json")
    assert str(tmp_path / written) in capsys.readouterr().out
    assert example.DATA_FILE.stat().st_mtime_ns == before


def test_the_shipped_story_document_loads_back_equal_and_is_canonical(story: Story) -> None:
    from policyconflict import dumps, load

    path = example.DATA_FILE
    assert load(path) == story.canonical()
    assert path.read_text(encoding="utf-8") == dumps(story) + "\n"
