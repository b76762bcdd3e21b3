"""Conflicts of each kind, found in small stories built for the purpose."""

from __future__ import annotations

from typing import Any

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from policyconflict import (
    Agency,
    AgencyKind,
    Citation,
    Deployment,
    Docket,
    Event,
    EventKind,
    Figure,
    Jurisdiction,
    JurisdictionLevel,
    Law,
    LawKind,
    LegalCase,
    Outcome,
    OutcomeEffect,
    PartialDate,
    Party,
    PartyRole,
    Period,
    Position,
    Provision,
    ProvisionEffect,
    Quantity,
    Ruling,
    RulingKind,
    Source,
    SourceKind,
    Stance,
    Statement,
    Story,
)
from policyconflict.disagreements import DisagreementKind, disagreements, figure_key, revisions
from policyconflict.query import ConflictKind, Corpus

_d = PartialDate.parse

STATE = "ocd-division/country:us/state:tx"
CITY = "ocd-division/country:us/state:tx/place:austin"


def _story(*, provision_effect: ProvisionEffect = ProvisionEffect.RESTRICTS) -> Story:
    places = (
        Jurisdiction(id=STATE, name="Texas", level=JurisdictionLevel.STATE),
        Jurisdiction(id=CITY, name="Austin", level=JurisdictionLevel.CITY, parent=STATE),
    )
    agencies = (
        Agency(id="dhs", name="DHS", kind=AgencyKind.DEPARTMENT),
        Agency(id="ice", name="ICE", kind=AgencyKind.AGENCY, parent="dhs"),
        Agency(id="cbp", name="CBP", kind=AgencyKind.AGENCY, parent="dhs"),
        Agency(id="court", name="District Court", kind=AgencyKind.COURT),
    )
    law = Law(
        id="law-tx",
        kind=LawKind.STATUTE,
        jurisdiction=STATE,
        title="A cooperation law",
        effective=PartialDate.parse("2019-09-01"),
        provisions=(
            Provision(
                id="law-tx#1",
                label="§1",
                effect=provision_effect,
                activity="immigration-enforcement-cooperation",
                counterparty=("dhs",),
            ),
        ),
    )
    deployment = Deployment(
        id="surge",
        agency="cbp",
        in_support_of=("ice",),
        targets=(CITY,),
        period=Period.parse("2020-02/2020-05"),
        topic="immigration-enforcement",
    )
    case = LegalCase(
        id="us-v-texas",
        name="United States v. Texas",
        filed=PartialDate.parse("2020-03-01"),
        dockets=(Docket(court="court", number="1:20-cv-1"),),
        parties=(Party(entity="dhs", role=PartyRole.PLAINTIFF),),
        challenges=("law-tx#1",),
    )
    ruling = Ruling(
        id="pi",
        case="us-v-texas",
        court="court",
        date=PartialDate.parse("2020-04-01"),
        kind=RulingKind.PRELIMINARY_INJUNCTION,
        outcomes=(Outcome(target="law-tx", effect=OutcomeEffect.ENJOINS),),
    )
    figures = (
        Figure(
            id="fig-a",
            metric="arrests",
            quantity=Quantity.exact(100),
            subject="ice",
            claimed_by=("ice",),
        ),
        Figure(
            id="fig-b",
            metric="arrests",
            quantity=Quantity.about(150),
            subject="ice",
            claimed_by=("dhs",),
        ),
        Figure(id="fig-c", metric="detentions", quantity=Quantity.between(5, 9), subject="ice"),
        Figure(id="fig-d", metric="detentions", quantity=Quantity.at_least(7), subject="ice"),
    )
    return Story(
        id="texas",
        title="Texas",
        jurisdictions=places,
        agencies=agencies,
        laws=(law,),
        deployments=(deployment,),
        legal_cases=(case,),
        rulings=(ruling,),
        figures=figures,
    )


@pytest.fixture(params=[True, False], ids=["indexed", "scan"])
def indexed(request: pytest.FixtureRequest) -> bool:
    flag: bool = request.param
    return flag


def test_a_deployment_supporting_an_agency_where_a_law_restricts_cooperation(indexed: bool) -> None:
    corpus = Corpus([_story()], gazetteer=None, indexed=indexed)
    (conflict,) = corpus.conflicts([ConflictKind.COOPERATION_RESTRICTED])
    assert conflict.subject == "surge"
    assert conflict.places == (CITY,)
    assert conflict.evidence == ("law-tx", "law-tx#1", "surge")
    assert conflict.parties == ("cbp", "ice", STATE)
    assert str(conflict.period) == "2020-02/2020-05"


def test_a_law_that_only_permits_is_no_conflict(indexed: bool) -> None:
    corpus = Corpus(
        [_story(provision_effect=ProvisionEffect.PERMITS)], gazetteer=None, indexed=indexed
    )
    assert corpus.conflicts([ConflictKind.COOPERATION_RESTRICTED]) == ()


def test_a_law_challenged_and_enjoined(indexed: bool) -> None:
    corpus = Corpus([_story()], gazetteer=None, indexed=indexed)
    (conflict,) = corpus.conflicts(["law-challenged"])
    assert conflict.subject == "law-tx"
    assert conflict.evidence == ("pi", "us-v-texas")
    assert conflict.parties == ("dhs", STATE)
    assert str(conflict.period) == "2020-03-01/2020-04-01"
    assert [c.id for c in corpus.cases_affecting("law-tx")] == ["us-v-texas"]
    assert [r.id for r in corpus.rulings_affecting("law-tx")] == ["pi"]


def test_reports_that_cannot_both_be_true(indexed: bool) -> None:
    corpus = Corpus([_story()], gazetteer=None, indexed=indexed)
    found = corpus.conflicts([ConflictKind.DISAGREEING_REPORTS])
    # 100 and about 150 cannot both be the number; 5 to 9 and at least 7 can.
    assert [c.evidence for c in found] == [("fig-a", "fig-b")]
    assert found[0].parties == ("dhs", "ice")


def test_conflicts_come_sorted_by_kind_then_subject(indexed: bool) -> None:
    corpus = Corpus([_story()], gazetteer=None, indexed=indexed)
    found = corpus.conflicts()
    assert [c.kind for c in found] == [
        ConflictKind.COOPERATION_RESTRICTED,
        ConflictKind.LAW_CHALLENGED,
        ConflictKind.DISAGREEING_REPORTS,
    ]
    assert list(found) == sorted(found, key=lambda c: c.sort_key())
    assert corpus.conflicts(within=CITY) == found[:1]
    assert corpus.conflicts(during="2021/2022") == ()


# -- one rule for disagreeing figures ------------------------------------------------------------


def _reports(*figures: Figure, sources: tuple[Source, ...] = ()) -> Story:
    agencies = (
        Agency(id="ice", name="ICE", kind=AgencyKind.AGENCY),
        Agency(id="dhs", name="DHS", kind=AgencyKind.DEPARTMENT),
    )
    return Story(id="reports", title="Reports", agencies=agencies, sources=sources, figures=figures)


def _people(id: str, quantity: Quantity, unit: str = "people", **changes: Any) -> Figure:
    return Figure(id=id, metric="protesters", quantity=quantity, unit=unit, **changes)


def test_about_200_people_against_210_people_and_5_percent_is_no_conflict(indexed: bool) -> None:
    told = _reports(
        _people("fig-a", Quantity.about(200)),
        _people("fig-b", Quantity.exact(210)),
        _people("fig-c", Quantity.exact(5), unit="percent"),
    )
    corpus = Corpus([told], gazetteer=None, indexed=indexed)
    assert corpus.conflicts([ConflictKind.DISAGREEING_REPORTS]) == ()
    assert [x.kind for x in disagreements(told)] == [DisagreementKind.DIFFERS]


def test_about_200_people_against_250_people_is_a_conflict(indexed: bool) -> None:
    told = _reports(_people("fig-a", Quantity.about(200)), _people("fig-b", Quantity.exact(250)))
    corpus = Corpus([told], gazetteer=None, indexed=indexed)
    (conflict,) = corpus.conflicts([ConflictKind.DISAGREEING_REPORTS])
    assert conflict.evidence == ("fig-a", "fig-b")


def test_a_revision_by_one_claimant_is_no_conflict(indexed: bool) -> None:
    published = (
        Source(id="s1", kind=SourceKind.PRESS_RELEASE, title="P", published=_d("2020-05-05")),
        Source(id="s2", kind=SourceKind.PRESS_RELEASE, title="F", published=_d("2020-05-09")),
    )
    told = _reports(
        _people(
            "fig-a", Quantity.exact(120), claimed_by=("ice",), sources=(Citation(source="s1"),)
        ),
        _people(
            "fig-b", Quantity.exact(134), claimed_by=("ice",), sources=(Citation(source="s2"),)
        ),
        sources=published,
    )
    corpus = Corpus([told], gazetteer=None, indexed=indexed)
    assert corpus.conflicts([ConflictKind.DISAGREEING_REPORTS]) == ()
    assert [x.entities for x in revisions(told)] == [("fig-a", "fig-b")]


_NUMBERS = st.integers(min_value=0, max_value=400)
_QUANTITIES = st.one_of(
    _NUMBERS.map(Quantity.exact),
    _NUMBERS.map(Quantity.about),
    _NUMBERS.map(Quantity.at_least),
    _NUMBERS.map(Quantity.at_most),
    st.tuples(_NUMBERS, _NUMBERS).map(lambda t: Quantity.between(min(t), max(t))),
    st.just(Quantity.undisclosed()),
)
_SOURCES = tuple(
    Source(id=f"s{i}", kind=SourceKind.NEWS_ARTICLE, title="R", published=_d(day))
    for i, day in enumerate(("2020-05-05", "2020-05-06", "2020-05"))
)


@st.composite
def _figure_lists(draw: st.DrawFn) -> list[Figure]:
    made = []
    for i in range(draw(st.integers(min_value=0, max_value=6))):
        source = draw(st.sampled_from((None, *(s.id for s in _SOURCES))))
        made.append(
            Figure(
                id=f"fig-{i}",
                metric=draw(st.sampled_from(("arrests", "detentions"))),
                quantity=draw(_QUANTITIES),
                unit=draw(st.sampled_from((None, "people", "percent"))),
                subject=draw(st.sampled_from((None, "ice"))),
                period=draw(st.sampled_from((None, Period.parse("2020-05/2020-05")))),
                as_of=draw(st.sampled_from((None, _d("2020-05-01"), _d("2020-06")))),
                claimed_by=draw(st.sampled_from(((), ("ice",), ("dhs",), ("ice", "dhs")))),
                sources=() if source is None else (Citation(source=source),),
            )
        )
    return made


@given(_figure_lists(), st.booleans())
def test_disagreeing_reports_are_the_contradictions_disagreements_lists(
    figures: list[Figure], indexed: bool
) -> None:
    told = _reports(*figures, sources=_SOURCES)
    contradictions = [x for x in disagreements(told) if x.kind is DisagreementKind.CONTRADICTS]
    found = Corpus([told], gazetteer=None, indexed=indexed).conflicts(["disagreeing-reports"])
    assert {e for c in found for e in c.evidence} == {e for x in contradictions for e in x.entities}
    by_id = {f.id: f for f in figures}
    for conflict in found:
        assert len({figure_key(by_id[e]) for e in conflict.evidence}) == 1
    assert len(found) == len({figure_key(by_id[x.entities[0]]) for x in contradictions})


# -- places of events --------------------------------------------------------------------------


def test_a_conflict_about_an_event_has_the_events_places(indexed: bool) -> None:
    raid = Event(
        id="raid",
        kind=EventKind.RAID,
        name="A raid",
        places=(CITY,),
        period=Period.parse("2020-03/2020-03"),
    )
    says = (
        Statement(
            id=f"st-{who}",
            speaker=who,
            text="About the raid.",
            positions=(Position(target="raid", stance=stance),),
        )
        for who, stance in (("ice", Stance.SUPPORT), ("dhs", Stance.OPPOSE))
    )
    counts = (
        Figure(id="fig-a", metric="arrests", quantity=Quantity.exact(5), subject="raid"),
        Figure(id="fig-b", metric="arrests", quantity=Quantity.exact(50), subject="raid"),
    )
    told = attrs.evolve(_story(), events=(raid,), statements=tuple(says), figures=counts)
    corpus = Corpus([told], gazetteer=None, indexed=indexed)
    about = [c for c in corpus.conflicts() if c.subject == "raid"]
    assert [(c.kind, c.places) for c in about] == [
        (ConflictKind.OPPOSING_STANCES, (CITY,)),
        (ConflictKind.DISAGREEING_REPORTS, (CITY,)),
    ]
    within = [c for c in corpus.conflicts(within=STATE) if c.subject == "raid"]
    assert within == about
