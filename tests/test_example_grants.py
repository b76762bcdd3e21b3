"""The second worked example (``examples/sanctuary_grants_litigation.py``) runs, validates, and
answers the questions a reader asks of it."""

from __future__ import annotations

import importlib.util
from pathlib import Path
from types import ModuleType

import pytest

from policyconflict import OutcomeEffect, PartialDate, SourceKind, Story
from policyconflict.dates import Certainty
from policyconflict.disagreements import disagreements
from policyconflict.status import LawState, status_on

EXAMPLE = Path(__file__).resolve().parents[1] / "examples" / "sanctuary_grants_litigation.py"


def _load() -> ModuleType:
    spec = importlib.util.spec_from_file_location("sanctuary_grants_litigation", EXAMPLE)
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


def _state(story: Story, law: str, provision: str, at: str, place: str) -> LawState:
    (found,) = [x for x in story.laws if x.id == law]
    return status_on(found, at, story=story, provision=provision, place=place).state


def test_the_story_is_deterministic_and_cites_only_court_and_official_documents(
    story: Story,
) -> None:
    assert example.build_story() == story
    assert {s.kind for s in story.sources} <= {SourceKind.COURT_DOCUMENT, SourceKind.LEGISLATION}
    assert all(s.url is None for s in story.sources)
    cited = {c.source for e in story.entities() for c in getattr(e, "sources", ())}
    assert cited <= {s.id for s in story.sources}


def test_no_quotation_is_stored(story: Story) -> None:
    citations = [c for e in story.entities() for c in getattr(e, "sources", ())]
    assert citations
    assert all(c.quote is None and c.note is not None for c in citations)


def test_which_rulings_blocked_what_and_when(story: Story) -> None:
    blocked = sorted(
        (str(r.date), r.court, o.target)
        for r in story.rulings
        for o in r.outcomes
        if o.effect is OutcomeEffect.ENJOINS
    )
    assert blocked == [
        ("2017-04-25", example.CAND, example.SEC_9A),
        ("2017-09-15", example.ILND, example.ACCESS),
        ("2017-09-15", example.ILND, example.NOTICE),
        ("2017-11-20", example.CAND, example.SEC_9A),
    ]
    (stay,) = [r for r in story.rulings if r.id == example.CHI_STAY]
    assert stay.outcomes[0].scope.excluding == (example.CHICAGO,)
    assert stay.date.uncertain


@pytest.mark.parametrize(
    ("at", "place", "expected"),
    [
        ("2017-09-14", example.TX, LawState.IN_FORCE),
        ("2017-09-15", example.TX, LawState.ENJOINED),
        ("2018-05-01", example.TX, LawState.ENJOINED),
        ("2018-06-15", example.TX, LawState.UNKNOWN),
        ("2018-06-15", example.CHICAGO, LawState.ENJOINED),
        ("2018-07-01", example.TX, LawState.IN_FORCE),
        ("2018-07-01", example.CHICAGO, LawState.ENJOINED),
    ],
)
def test_the_notice_condition_over_time(
    story: Story, at: str, place: str, expected: LawState
) -> None:
    assert _state(story, example.JAG, example.NOTICE, at, place) is expected


def test_the_compliance_condition_was_never_enjoined(story: Story) -> None:
    for at in ("2017-09-15", "2018-05-01", "2018-07-01"):
        assert _state(story, example.JAG, example.COMPLIANCE, at, example.CHICAGO) is (
            LawState.IN_FORCE
        )


@pytest.mark.parametrize(
    ("at", "place", "expected"),
    [
        ("2017-04-24", example.TX, LawState.IN_FORCE),
        ("2017-04-25", example.TX, LawState.ENJOINED),
        ("2018-07-31", example.TX, LawState.ENJOINED),
        ("2018-08-01", example.TX, LawState.IN_FORCE),
        ("2018-08-01", example.SANTA_CLARA, LawState.ENJOINED),
        ("2021-01-21", example.SANTA_CLARA, LawState.REPEALED),
    ],
)
def test_section_9a_over_time(story: Story, at: str, place: str, expected: LawState) -> None:
    assert _state(story, example.EO_13768, example.SEC_9A, at, place) is expected


def test_the_whole_grant_conditions_nationwide_in_july_2018_are_partly_in_force(
    story: Story,
) -> None:
    (jag,) = [x for x in story.laws if x.id == example.JAG]
    result = status_on(jag, "2018-07-01", story=story)
    assert result.state is LawState.PARTLY_IN_FORCE
    assert set(result.evidence) == {example.CHI_PI, example.CHI_STAY}


def test_who_the_parties_were_at_filing_and_at_the_end(story: Story) -> None:
    (case,) = [c for c in story.legal_cases if c.id == example.CHICAGO_CASE]
    assert case.filed is not None
    at_filing = {p.entity for p in case.parties_on(case.filed)}
    assert at_filing == {example.CHICAGO, example.SESSIONS}
    later = PartialDate.parse("2019-06-01")
    assert {p.entity for p in case.parties_on(later, certainty=Certainty.SURELY)} == {
        example.CHICAGO
    }
    at_end = {p.entity for p in case.parties_on(later, certainty=Certainty.MAY)}
    assert at_end == {example.CHICAGO, example.BARR}
    acting = {p.entity for p in case.parties_on(PartialDate.parse("2018-12"))}
    assert acting == {example.CHICAGO, example.WHITAKER}


def test_each_case_has_a_docket_per_court(story: Story) -> None:
    (case,) = [c for c in story.legal_cases if c.id == example.CHICAGO_CASE]
    assert [d.number for d in case.dockets_in(example.ILND)] == ["1:17-cv-05720"]
    assert [d.number for d in case.dockets_in(example.CA7)] == ["17-2991"]


def test_no_reports_disagree(story: Story) -> None:
    assert disagreements(story) == ()


def test_main_prints_the_timeline_and_statuses(capsys: pytest.CaptureFixture[str]) -> None:
    example.main()
    out = capsys.readouterr().out
    assert "stays preliminary-injunction except in Chicago" in out
    assert out.count("\n") > 20
