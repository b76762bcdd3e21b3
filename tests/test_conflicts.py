"""Conflicts of each kind, found in small stories built for the purpose."""

from __future__ import annotations

import pytest

from policyconflict import (
    Agency,
    AgencyKind,
    Deployment,
    Docket,
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
    Provision,
    ProvisionEffect,
    Quantity,
    Ruling,
    RulingKind,
    Story,
)
from policyconflict.query import ConflictKind, Corpus

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
            claimed_by="ice",
        ),
        Figure(
            id="fig-b",
            metric="arrests",
            quantity=Quantity.about(150),
            subject="ice",
            claimed_by="dhs",
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
