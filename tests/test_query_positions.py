"""``Corpus.positions``: who supported and who opposed a target, placed in government on the
date, on the shipped example stories (exact answers) and on small stories made for one rule."""

from __future__ import annotations

import pickle
from typing import Any

import pytest

from interop_helpers import grants_story, la_story
from policyconflict import (
    Agency,
    AgencyKind,
    Certainty,
    Deployment,
    Event,
    EventKind,
    Jurisdiction,
    JurisdictionLevel,
    PartialDate,
    Participant,
    Period,
    Person,
    Position,
    Predicate,
    Relation,
    Role,
    Stance,
    Statement,
    Story,
)
from policyconflict.query import (
    POSITION_LEVELS,
    Corpus,
    StanceRecord,
    TargetKindError,
    UnknownEntityError,
    positions_by_level,
)

DEPLOYMENT = "deployment:us/dhs/cbp/2020-02/sanctuary-cities"
SB_54 = "law:us/ca/2017-2018/sb-54"
BYRNE_JAG = "law:us/fy2017/fy2017-byrne-jag-conditions"
EO_13768 = "law:us/executive-order-13768"


def both_stories() -> list[Story]:
    """The two shipped stories, as the Questions guide loads them."""
    return [la_story(), grants_story()]


def rows(records: tuple[StanceRecord, ...]) -> list[tuple[Any, ...]]:
    return [
        (r.level, r.actor, r.stance.value, r.speaking_for, None if r.when is None else str(r.when))
        for r in records
    ]


@pytest.fixture(scope="module", params=["index", "scan"])
def corpus(request: pytest.FixtureRequest) -> Corpus:
    return Corpus(both_stories(), backend=request.param)


def test_positions_on_the_deployment(corpus: Corpus) -> None:
    assert rows(corpus.positions(DEPLOYMENT)) == [
        ("country", "agency:us/dhs/ice", "support", None, None),
        ("country", "person:matthew-albence", "support", "agency:us/dhs/ice", None),
        (
            "county",
            "person:alex-villanueva",
            "oppose",
            "agency:us/ca/los_angeles/lasd",
            "2020-02-14/2020-02-14",
        ),
        (
            "city",
            "person:eric-garcetti",
            "oppose",
            "ocd-division/country:us/state:ca/place:los_angeles",
            "2020-02-14/2020-02-14",
        ),
        (
            "city",
            "person:michel-moore",
            "oppose",
            "agency:us/ca/los_angeles/lapd",
            "2020-02-14/2020-02-14",
        ),
        (
            "non-governmental",
            "person:hamid-yazdan-panah",
            "oppose",
            "org:immigrant-defense-advocates",
            None,
        ),
        (
            "non-governmental",
            "person:naureen-shah",
            "oppose",
            "org:american-civil-liberties-union",
            None,
        ),
    ]
    garcetti = corpus.positions(DEPLOYMENT)[3]
    assert garcetti.role == "role:eric-garcetti/us-ca-los_angeles/mayor"
    assert garcetti.jurisdiction == "ocd-division/country:us/state:ca/place:los_angeles"
    assert garcetti.evidence == (  # the dated statement first, the undated one last
        "statement:eric-garcetti/2020-02-14/local-police-won-t-be-working-with-ice-620a5422",
        "statement:eric-garcetti/undated/regardless-of-your-immigration-status-i-cac131ef",
    )


def test_a_date_keeps_only_the_evidence_dated_then(corpus: Corpus) -> None:
    assert [r.actor for r in corpus.positions(DEPLOYMENT, on="2020-02-14")] == [
        "person:alex-villanueva",
        "person:eric-garcetti",
        "person:michel-moore",
    ]
    assert corpus.positions(DEPLOYMENT, during="2019") == ()


def test_positions_on_a_law_count_filings_and_rulings(corpus: Corpus) -> None:
    assert rows(corpus.positions(BYRNE_JAG)) == [
        ("city", "ocd-division/country:us/state:il/place:chicago", "oppose", None, "2017-08-07/"),
        ("court", "agency:us/n.d-ill", "oppose", None, "2017-09-15/2017-09-15"),
        ("other government", "person:jeff-sessions", "support", None, "2017-08-07/2018-11-07"),
        ("other government", "person:matthew-whitaker", "support", None, "2018-11-07/2019-02-14"),
        ("other government", "person:william-barr", "support", None, "2019-02-14/"),
    ]
    # The Attorney General in office on a date: the defendant's period as a party.
    on_a_day = corpus.positions(BYRNE_JAG, on="2018-12-01", certainty=Certainty.SURELY)
    assert [r.actor for r in on_a_day if r.stance is Stance.SUPPORT] == ["person:matthew-whitaker"]
    court = corpus.positions(EO_13768)[1]
    assert (court.actor, court.level, court.stance) == ("agency:us/n.d-cal", "court", Stance.OPPOSE)
    assert len(court.evidence) == 2  # the preliminary and the permanent injunction


def test_positions_on_sb_54(corpus: Corpus) -> None:
    assert [(r.actor, r.stance.value) for r in corpus.positions(SB_54)] == [
        ("agency:us/dhs/ice", "oppose"),
        ("person:matthew-albence", "oppose"),
        ("person:hamid-yazdan-panah", "support"),
    ]


def test_grouped_by_level(corpus: Corpus) -> None:
    groups = positions_by_level(corpus.positions(DEPLOYMENT))
    assert list(groups) == ["country", "county", "city", "non-governmental"]
    assert [r.actor for r in groups["city"]] == ["person:eric-garcetti", "person:michel-moore"]
    assert all(level in POSITION_LEVELS for level in groups)


US = "ocd-division/country:us"
MX = "ocd-division/country:mx"
TOWN = f"{US}/state:tx/place:town"


def small_corpus() -> Corpus:
    """A town whose mayor changes, a foreign ministry, a council vote on an ordinance."""
    places = (
        Jurisdiction(id=US, name="United States", level=JurisdictionLevel.COUNTRY),
        Jurisdiction(id=MX, name="Mexico", level=JurisdictionLevel.COUNTRY),
        Jurisdiction(id=TOWN, name="Town", level=JurisdictionLevel.CITY, parent=US),
    )
    agencies = (
        Agency(id="sre", name="Foreign ministry", kind=AgencyKind.DEPARTMENT, jurisdiction=MX),
        Agency(id="council", name="Council", kind=AgencyKind.LEGISLATURE, jurisdiction=TOWN),
        Agency(id="police", name="Town police", kind=AgencyKind.POLICE, jurisdiction=TOWN),
    )
    people = tuple(Person(id=p, name=p) for p in ("ann", "bob", "cy"))
    roles = (
        Role(
            id="r-ann",
            person="ann",
            organization=TOWN,
            title="Mayor",
            period=Period.parse("2019-01-01/2019-12-31"),
        ),
        Role(
            id="r-bob",
            person="bob",
            organization=TOWN,
            title="Mayor",
            period=Period.parse("2020-01-01/.."),
        ),
        Role(
            id="r-ann-2",
            person="ann",
            organization="police",
            title="Chief",
            period=Period.parse("2020-01-01/.."),
        ),
    )
    deployment = "op"

    def said(i: int, who: str, when: str, stance: Stance, **more: Any) -> Statement:
        return Statement(
            id=f"s{i}",
            speaker=who,
            text=f"Words {i}.",
            date=PartialDate.parse(when),
            positions=(Position(target=deployment, stance=stance),),
            **more,
        )

    statements = (
        said(1, "ann", "2019-06-01", Stance.OPPOSE),
        said(2, "ann", "2020-06-01", Stance.OPPOSE),
        said(3, "bob", "2020-06-02", Stance.SUPPORT),
        said(4, "cy", "2020-06-03", Stance.OPPOSE, on_behalf_of="sre"),
    )
    vote = Event(
        id="vote",
        kind=EventKind.VOTE,
        name="Council vote",
        period=Period.of(PartialDate.parse("2020-07-01")),
        places=(TOWN,),
        participants=(
            Participant(entity="ann", role="aye"),
            Participant(entity="bob", role="No"),
            Participant(entity="council", role="organizer"),
        ),
    )
    link = Relation(id="about", subject="vote", predicate=Predicate.OTHER, object=deployment)
    story = Story(
        id="small",
        title="Small",
        jurisdictions=places,
        agencies=agencies,
        persons=people,
        roles=roles,
        statements=statements,
        events=(vote,),
        relations=(link,),
        deployments=(Deployment(id=deployment, agency="police", targets=(TOWN,)),),
    )
    return Corpus([story], gazetteer=None)


def test_a_person_is_placed_by_the_role_held_on_the_date() -> None:
    found = small_corpus().positions("op")
    ann = [(r.stance.value, r.speaking_for, r.role, str(r.when)) for r in found if r.actor == "ann"]
    assert ann == [
        ("support", "police", "r-ann-2", "2020-07-01/2020-07-01"),  # the vote, as chief
        ("oppose", TOWN, "r-ann", "2019-06-01/2019-06-01"),  # as mayor
        ("oppose", "police", "r-ann-2", "2020-06-01/2020-06-01"),  # as chief, a year later
    ]


def test_a_vote_counts_its_voters_and_a_foreign_government_is_named() -> None:
    found = small_corpus().positions("op")
    assert [(r.actor, r.stance.value, r.level, r.evidence) for r in found if r.actor != "ann"] == [
        ("bob", "support", "city", ("s3",)),
        ("bob", "oppose", "city", ("vote",)),
        ("cy", "oppose", "foreign government", ("s4",)),
    ]


def test_invalid_targets() -> None:
    corpus = Corpus(both_stories())
    with pytest.raises(UnknownEntityError, match="unknown target: 'law:nowhere'"):
        corpus.positions("law:nowhere")
    role = corpus.entities("roles")[0].id
    with pytest.raises(TargetKindError, match=r"positions cannot take .* a role: it takes a law"):
        corpus.positions(role)
    with pytest.raises(ValueError, match="not both"):
        corpus.positions(SB_54, on="2020-01-01", during="2020")
    error = TargetKindError("x", "role", "positions", ("law",))
    assert str(pickle.loads(pickle.dumps(error))) == str(error)
