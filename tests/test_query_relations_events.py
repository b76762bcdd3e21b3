"""``Corpus.relations`` and ``Corpus.events``: exact answers on the shipped stories and small
ones, same-as clusters, the one rule of an event's places (conflicts too), invalid input."""

from __future__ import annotations

from typing import Literal

import pytest

from interop_helpers import grants_story, la_story
from policyconflict import (
    Certainty,
    Event,
    EventKind,
    Jurisdiction,
    JurisdictionLevel,
    Participant,
    Period,
    Person,
    Position,
    Predicate,
    Relation,
    Stance,
    Statement,
    Story,
)
from policyconflict.gazetteer import UnknownPlaceError
from policyconflict.query import ConflictKind, Corpus, UnknownEntityError

SURGE = "deployment:us/dhs/cbp/2020-02/sanctuary-cities"
SB54 = "law:us/ca/2017-2018/sb-54"
LAPD = "agency:us/ca/los_angeles/lapd"
ICE = "agency:us/dhs/ice"
US = "ocd-division/country:us"
CA = "ocd-division/country:us/state:ca"
LA = "ocd-division/country:us/state:ca/place:los_angeles"
BACKENDS = ["index", "scan"]


@pytest.fixture(scope="module", params=BACKENDS)
def shipped(request: pytest.FixtureRequest) -> Corpus:
    return Corpus([la_story(), grants_story()], backend=request.param)


def ids(items: tuple[object, ...]) -> list[str]:
    return [getattr(item, "id") for item in items]  # noqa: B009 - any entity


def test_relations_of_the_shipped_story(shipped: Corpus) -> None:
    assert ids(shipped.relations(subject=SURGE)) == [
        "relation:responds-to/175a721e",
        "relation:responds-to/f30dab18",
        "relation:retaliation-for/32ddb7ee",
        "relation:retaliation-for/41b7b4e8",
    ]
    assert ids(shipped.relations(SURGE, "retaliation-for", SB54)) == [
        "relation:retaliation-for/32ddb7ee"
    ]
    refusals = shipped.relations(predicate=Predicate.REFUSES_TO_COOPERATE_WITH, object=ICE)
    assert [(r.subject, r.asserted_by) for r in refusals] == [
        (LAPD, "person:eric-garcetti"),
        (LAPD, None),
        (LAPD, "person:michel-moore"),
    ]
    assert len(shipped.relations()) == 8
    # no relation of the story has a period: none passes a time filter
    assert shipped.relations(subject=SURGE, on="2020-02-14") == ()


def test_the_shipped_stories_hold_no_events(shipped: Corpus) -> None:
    assert shipped.events() == ()
    assert shipped.events(within=CA, during="2020-02/2020-05") == ()


PLACES = (
    Jurisdiction(id=US, name="United States", level=JurisdictionLevel.COUNTRY),
    Jurisdiction(id=CA, name="California", level=JurisdictionLevel.STATE, parent=US),
    Jurisdiction(id=LA, name="Los Angeles", level=JurisdictionLevel.CITY, parent=CA),
)
ANN = Person(id="person:ann", name="Ann")
BOB = Person(id="person:bob", name="Bob")
ANNE = Person(id="person:anne", name="Anne")
PROTEST = Event(
    id="event:la/2020-02-15/protest",
    kind=EventKind.PROTEST,
    name="Protest at City Hall",
    period=Period.parse("2020-02-15/2020-02-15"),
    places=(LA,),
    participants=(Participant(entity=ANN.id, role="organizer"),),
)
VOTE = Event(
    id="event:ca/2020-03/vote",
    kind=EventKind.VOTE,
    name="Vote",
    period=Period.parse("2020-03-03/2020-03-04"),
    places=(CA,),
    participants=(Participant(entity=BOB.id, role="yes"),),
)
UNDATED = Event(id="event:undated", kind=EventKind.RAID, name="A raid")


def small(backend: Literal["index", "scan"]) -> Corpus:
    statements = (
        Statement(
            id="statement:ann/for",
            speaker=ANN.id,
            text="Yes.",
            positions=(Position(target=PROTEST.id, stance=Stance.SUPPORT),),
        ),
        Statement(
            id="statement:bob/against",
            speaker=BOB.id,
            text="No.",
            positions=(Position(target=PROTEST.id, stance=Stance.OPPOSE),),
        ),
    )
    relations = (
        Relation(id="relation:same-ann", subject=ANNE.id, predicate=Predicate.SAME_AS,
                 object=ANN.id),
        Relation(id="relation:bob-opposes", subject=BOB.id, predicate=Predicate.OPPOSES,
                 object=PROTEST.id, period=Period.parse("2020-02-10/2020-02-20")),
    )  # fmt: skip
    story = Story(
        id="story:small",
        title="Small",
        jurisdictions=PLACES,
        persons=(ANN, BOB, ANNE),
        events=(PROTEST, VOTE, UNDATED),
        statements=statements,
        relations=relations,
    )
    return Corpus([story], gazetteer=None, backend=backend)


@pytest.mark.parametrize("backend", BACKENDS)
def test_events_by_kind_place_participant_and_time(backend: Literal["index", "scan"]) -> None:
    corpus = small(backend)
    assert ids(corpus.events()) == [PROTEST.id, VOTE.id, UNDATED.id]
    assert ids(corpus.events("protest")) == [PROTEST.id]
    assert ids(corpus.events(within=CA)) == [PROTEST.id, VOTE.id]
    assert ids(corpus.events(within=LA)) == [PROTEST.id]
    assert ids(corpus.events(within="Los Angeles")) == [PROTEST.id]  # a place by its name
    assert ids(corpus.events(participant=BOB.id)) == [VOTE.id]
    # the same-as cluster of a participant counts
    assert ids(corpus.events(participant=ANNE.id)) == [PROTEST.id]
    # an event of unknown period may be at any time, never surely
    assert ids(corpus.events(on="2020-03-03")) == [VOTE.id, UNDATED.id]
    assert ids(corpus.events(on="2020-03", certainty=Certainty.SURELY)) == []
    assert ids(corpus.events(during="2020-03-01/2020-03-31", certainty=Certainty.SURELY)) == [
        VOTE.id
    ]


@pytest.mark.parametrize("backend", BACKENDS)
def test_relations_by_time_and_cluster(backend: Literal["index", "scan"]) -> None:
    corpus = small(backend)
    assert ids(corpus.relations(predicate="same-as")) == ["relation:same-ann"]
    assert ids(corpus.relations(on="2020-02-15", certainty=Certainty.SURELY)) == [
        "relation:bob-opposes"
    ]
    assert ids(corpus.relations(during="2020-03")) == []
    # either id of a same-as cluster asks for both
    assert ids(corpus.relations(subject=ANN.id, predicate="same-as")) == ["relation:same-ann"]


@pytest.mark.parametrize("backend", BACKENDS)
def test_a_conflict_about_an_event_is_placed_where_the_event_happened(
    backend: Literal["index", "scan"],
) -> None:
    corpus = small(backend)
    found = corpus.conflicts([ConflictKind.OPPOSING_STANCES], within=LA)
    assert [(c.subject, c.places) for c in found] == [(PROTEST.id, (LA,))]
    assert corpus.conflicts([ConflictKind.OPPOSING_STANCES], within=US) == found
    assert [e.id for e in corpus.events(within=LA)] == [found[0].subject]


def test_invalid_input_is_a_clear_error() -> None:
    corpus = small("index")
    with pytest.raises(UnknownEntityError, match="unknown subject: 'nobody'"):
        corpus.relations(subject="nobody")
    with pytest.raises(UnknownEntityError, match="unknown object"):
        corpus.relations(object="nothing")
    with pytest.raises(UnknownEntityError, match="unknown participant"):
        corpus.events(participant="nobody")
    with pytest.raises(ValueError, match="'likes'"):
        corpus.relations(predicate="likes")
    with pytest.raises(ValueError, match="'picnic'"):
        corpus.events("picnic")
    with pytest.raises(UnknownPlaceError):
        corpus.events(within="Atlantis")
    with pytest.raises(UnknownPlaceError, match="is a person, not a place"):
        corpus.events(within=ANN.id)
    with pytest.raises(ValueError, match="not both"):
        corpus.events(on="2020-02-15", during="2020-02")
