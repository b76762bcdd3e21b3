"""The complete timeline: every dated value of every entity once, in one total order (time,
then what acts on what, then a stable key), with filters and evidence."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from typing import Any

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from policyconflict import (
    Agency,
    AgencyKind,
    Assessment,
    Citation,
    CommandChange,
    ControlTransfer,
    Deployment,
    DeploymentPhase,
    Docket,
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
    Person,
    Role,
    Ruling,
    RulingKind,
    Source,
    SourceKind,
    Story,
)
from policyconflict.query import Corpus, UnknownEntityError, timeline
from policyconflict.query._dated import WORDS
from policyconflict.testing import overlapping_stories, stories

US = "ocd-division/country:us"
COUNTRY = Jurisdiction(id=US, name="United States", level=JurisdictionLevel.COUNTRY)
COURT = Agency(id="agency:court", name="District Court", kind=AgencyKind.COURT)
APPEALS = Agency(id="agency:appeals", name="Court of Appeals", kind=AgencyKind.COURT)
DHS = Agency(id="agency:dhs", name="DHS", kind=AgencyKind.DEPARTMENT)
GUARD = Agency(id="agency:guard", name="Guard", kind=AgencyKind.NATIONAL_GUARD)
GOVERNOR = Agency(id="agency:governor", name="Governor", kind=AgencyKind.EXECUTIVE)
ARTICLE = Source(id="source:article", kind=SourceKind.NEWS_ARTICLE, title="Article")
ORDER_SOURCE = Source(id="source:order", kind=SourceKind.COURT_DOCUMENT, title="Order")


def day(text: str) -> PartialDate:
    return PartialDate.parse(text)


def story_of(*entities: Any) -> Story:
    return Story.from_entities(id="story:t", title="T", entities=(COUNTRY, *entities))


# -- an independent walk: every date an entity holds, as (entity, field, date text) ------------


EVIDENCE = (Citation, Assessment)
"""What holds dates that are no events: citations and reliability assessments."""


def expected_dates(value: Any, prefix: str = "") -> Iterator[tuple[str, str]]:
    if isinstance(value, EVIDENCE):
        return
    for field in attrs.fields(type(value)):
        found = getattr(value, field.name)
        path = prefix + field.name
        if isinstance(found, PartialDate):
            yield path, str(found)
        elif isinstance(found, Period):
            start, end = found.start, found.end
            if isinstance(start, PartialDate) and start == end:
                yield path, str(start)
                continue
            for name, bound in (("start", start), ("end", end)):
                if isinstance(bound, PartialDate):
                    yield f"{path}.{name}", str(bound)
        elif isinstance(found, tuple):
            for i, item in enumerate(found):
                if attrs.has(type(item)):
                    yield from expected_dates(item, f"{path}[{i}].")
        elif attrs.has(type(found)):
            yield from expected_dates(found, path + ".")


@given(stories(max_entities=30))
def test_every_dated_value_of_every_entity_appears_exactly_once(story: Story) -> None:
    expected = Counter(
        (e.id, field, text) for e in story.entities() for field, text in expected_dates(e)
    )
    found = Counter((e.entity, e.field, str(e.when)) for e in timeline(story))
    assert found == expected


@given(stories(max_entities=30), st.randoms(use_true_random=False))
def test_the_order_is_total_and_does_not_depend_on_the_order_of_entities(
    story: Story, random: Any
) -> None:
    entities = list(story.entities())
    shuffled = entities[:]
    random.shuffle(shuffled)
    first = timeline(entities)
    assert timeline(shuffled) == first
    assert Corpus([story], gazetteer=None).timeline() == first
    assert len({(e.entity, e.field) for e in first}) == len(first)


@given(stories(max_entities=30))
def test_entries_never_go_back_a_day(story: Story) -> None:
    days = [e.when.earliest_key[0] for e in timeline(story)]
    assert days == sorted(days)


@given(stories(max_entities=30))
def test_every_date_field_of_the_model_has_a_word_in_the_table(story: Story) -> None:
    words = set(WORDS.values())
    assert {e.what for e in timeline(story)} <= words


# -- what acts on what ----------------------------------------------------------------------

ORDER = Law(
    id="law:zz-order",
    kind=LawKind.EXECUTIVE_ORDER,
    jurisdiction=US,
    title="An order",
    signed=day("2020-06-01"),
    effective=day("2020-06-01"),
)
CASE = LegalCase(id="legal-case:b", name="B v. C", challenges=(ORDER.id,))


def ruling(ruling_id: str, when: str, target: str, effect: OutcomeEffect, **more: Any) -> Ruling:
    return Ruling(
        id=ruling_id,
        case=CASE.id,
        court=COURT.id,
        date=day(when),
        kind=RulingKind.OTHER,
        outcomes=(Outcome(target=target, effect=effect),),
        **more,
    )


def order_of(story: Story, **filters: Any) -> list[tuple[str, str]]:
    corpus = Corpus([story], gazetteer=None)
    return [(e.entity, e.what) for e in corpus.timeline(**filters)]


def test_an_order_comes_before_the_stay_of_it_on_the_same_day() -> None:
    stay = ruling("ruling:a-stay", "2020-06-01", ORDER.id, OutcomeEffect.STAYS)
    story = story_of(ORDER, CASE, COURT, stay)
    assert order_of(story) == [
        (ORDER.id, "signed"),
        (ORDER.id, "effective"),
        (stay.id, "ruled"),
    ]


def test_a_ruling_comes_before_a_ruling_that_acts_on_it() -> None:
    injunction = ruling("ruling:z-injunction", "2020-06-01", ORDER.id, OutcomeEffect.ENJOINS)
    stay = ruling("ruling:m-stay", "2020-06-01", injunction.id, OutcomeEffect.STAYS)
    stay_of_stay = ruling("ruling:a-lift", "2020-06-01", stay.id, OutcomeEffect.VACATES)
    story = story_of(ORDER, CASE, COURT, stay_of_stay, stay, injunction)
    assert [e for e, what in order_of(story) if what == "ruled"] == [
        injunction.id,
        stay.id,
        stay_of_stay.id,
    ]


def test_a_day_without_a_time_acting_on_a_moment_of_that_day_comes_after_it() -> None:
    injunction = ruling("ruling:z-injunction", "2020-06-01T16:00Z", ORDER.id, OutcomeEffect.ENJOINS)
    early = ruling("ruling:y-early", "2020-06-01T17:00Z", ORDER.id, OutcomeEffect.UPHOLDS)
    late = ruling("ruling:y-late", "2020-06-01T19:00Z", ORDER.id, OutcomeEffect.UPHOLDS)
    stay = ruling("ruling:a-stay", "2020-06-01", injunction.id, OutcomeEffect.STAYS)
    story = story_of(ORDER, CASE, COURT, stay, injunction, early, late)
    assert [e for e, what in order_of(story) if what == "ruled"] == [
        injunction.id,
        stay.id,  # placed at 16:00, the time of the injunction it stays
        early.id,
        late.id,
    ]


def test_times_come_before_what_acts_on_what() -> None:
    injunction = ruling("ruling:z-injunction", "2020-06-01T16:00Z", ORDER.id, OutcomeEffect.ENJOINS)
    stay = ruling("ruling:a-stay", "2020-06-01T15:00Z", injunction.id, OutcomeEffect.STAYS)
    story = story_of(ORDER, CASE, COURT, stay, injunction)
    assert [e for e, what in order_of(story) if what == "ruled"] == [stay.id, injunction.id]


def test_a_ruling_takes_effect_after_it_is_issued_on_the_same_day() -> None:
    issued = ruling(
        "ruling:a",
        "2020-06-01T16:00Z",
        ORDER.id,
        OutcomeEffect.ENJOINS,
        takes_effect=day("2020-06-01"),
    )
    other = ruling("ruling:b", "2020-06-01T17:00Z", ORDER.id, OutcomeEffect.UPHOLDS)
    story = story_of(ORDER, CASE, COURT, issued, other)
    found = [(e, what) for e, what in order_of(story) if e.startswith("ruling")]
    assert found == [
        (issued.id, "ruled"),
        (issued.id, "takes-effect"),
        (other.id, "ruled"),
    ]


def test_references_in_a_loop_still_give_one_order() -> None:
    one = ruling("ruling:a", "2020-06-01", "ruling:b", OutcomeEffect.STAYS)
    two = ruling("ruling:b", "2020-06-01", "ruling:a", OutcomeEffect.STAYS)
    story = story_of(ORDER, CASE, COURT, one, two)
    forward, backward = timeline([*story.entities()]), timeline([*story.entities()][::-1])
    assert forward == backward
    assert [e.entity for e in forward if e.kind == "ruling"] == ["ruling:b", "ruling:a"]


# -- every kind of dated fact -----------------------------------------------------------------

PERSON = Person(id="person:a", name="A")
DEPLOYMENT = Deployment(
    id="deployment:guard",
    agency=DHS.id,
    announced=day("2020-06-01"),
    period=Period.parse("2020-06-01/2020-07-31"),
    phases=(
        DeploymentPhase(
            period=Period.parse("2020-06-15/2020-06-30"),
            description="drawdown",
            sources=(Citation(source=ORDER_SOURCE.id),),
        ),
    ),
    command_changes=(
        CommandChange(date=day("2020-06-02T08:00-04:00"), unit=GUARD.id, to_command=DHS.id),
    ),
    sources=(Citation(source=ARTICLE.id),),
)
TRANSFER = ControlTransfer(
    id="control-transfer:guard",
    force=GUARD.id,
    to_command=DHS.id,
    from_command=GOVERNOR.id,
    period=Period.parse("2020-06-03/2020-06-20"),
    legal_basis=(ORDER.id,),
)
ROLE = Role(
    id="role:a",
    person=PERSON.id,
    organization=DHS.id,
    title="Secretary",
    period=Period.parse("2019-01-01/2020-06-10"),
)
FULL_CASE = LegalCase(
    id="legal-case:b",
    name="B v. C",
    filed=day("2020-06-04"),
    challenges=(ORDER.id,),
    dockets=(
        Docket(court=COURT.id, number="1:20-cv-1", filed=day("2020-06-04")),
        Docket(court=APPEALS.id, number="20-2", filed=day("2020-06-25")),
    ),
    parties=(
        Party(
            entity=PERSON.id,
            role=PartyRole.DEFENDANT,
            official_capacity=True,
            period=Period.parse("2020-06-04/2020-06-10"),
        ),
    ),
)
RULING = ruling(
    "ruling:c", "2020-06-05", ORDER.id, OutcomeEffect.ENJOINS, takes_effect=day("2020-06-08")
)
EVERYTHING = story_of(
    ORDER,
    FULL_CASE,
    COURT,
    APPEALS,
    DHS,
    GUARD,
    GOVERNOR,
    ARTICLE,
    ORDER_SOURCE,
    PERSON,
    DEPLOYMENT,
    TRANSFER,
    ROLE,
    RULING,
)


def test_every_kind_of_dated_fact_is_an_entry() -> None:
    rows = [
        (str(e.when), e.entity.split(":")[0], e.what, e.detail)
        for e in Corpus([EVERYTHING], gazetteer=None).timeline()
    ]
    assert rows == [
        ("2019-01-01", "role", "role-started", None),
        ("2020-06-01", "deployment", "announced", None),  # by id: "deployment:" < "law:"
        ("2020-06-01", "deployment", "deployed", None),
        ("2020-06-01", "law", "signed", None),
        ("2020-06-01", "law", "effective", None),
        ("2020-06-02T08:00-04:00", "deployment", "command-changed", "agency:guard to agency:dhs"),
        ("2020-06-03", "control-transfer", "control-transferred", None),
        ("2020-06-04", "legal-case", "filed", None),
        ("2020-06-04", "legal-case", "docket-filed", "agency:court 1:20-cv-1"),
        ("2020-06-04", "legal-case", "party-started", "person:a (defendant)"),
        ("2020-06-05", "ruling", "ruled", None),
        ("2020-06-08", "ruling", "takes-effect", None),
        ("2020-06-10", "role", "role-ended", None),
        ("2020-06-10", "legal-case", "party-ended", "person:a (defendant)"),
        ("2020-06-15", "deployment", "phase-started", "drawdown"),
        ("2020-06-20", "control-transfer", "control-returned", None),
        ("2020-06-25", "legal-case", "docket-filed", "agency:appeals 20-2"),
        ("2020-06-30", "deployment", "phase-ended", "drawdown"),
        ("2020-07-31", "deployment", "deployment-ended", None),
    ]


def test_entries_carry_the_field_and_the_evidence_of_their_part() -> None:
    entries = {(e.entity, e.field): e for e in timeline(EVERYTHING)}
    assert entries[DEPLOYMENT.id, "phases[0].period.start"].evidence == (ORDER_SOURCE.id,)
    assert entries[DEPLOYMENT.id, "command_changes[0].date"].evidence == (ARTICLE.id,)
    assert entries[DEPLOYMENT.id, "announced"].evidence == (ARTICLE.id,)
    assert entries[ORDER.id, "signed"].evidence == ()


def test_a_one_day_period_is_one_entry() -> None:
    role = attrs.evolve(ROLE, period=Period.parse("2020-06-01/2020-06-01"))
    (entry,) = timeline([role])
    assert (entry.field, entry.what, str(entry.when)) == ("period", "role-started", "2020-06-01")


# -- filters ----------------------------------------------------------------------------------


def test_during_keeps_the_entries_in_the_period() -> None:
    assert order_of(EVERYTHING, during="2020-06-04/2020-06-05") == [
        (FULL_CASE.id, "filed"),
        (FULL_CASE.id, "docket-filed"),
        (FULL_CASE.id, "party-started"),
        (RULING.id, "ruled"),
    ]
    noon = "2020-06-01T12:00Z/2020-06-02"  # a day may fall in it from noon; surely not
    assert order_of(EVERYTHING, during=noon)[0] == (DEPLOYMENT.id, "announced")
    assert order_of(EVERYTHING, during=noon, certainty="surely") == [
        (DEPLOYMENT.id, "command-changed")
    ]
    assert order_of(EVERYTHING, during="2021") == []


def test_involving_keeps_the_entity_and_what_refers_to_it() -> None:
    assert {e for e, _what in order_of(EVERYTHING, involving=ORDER.id)} == {
        ORDER.id,
        FULL_CASE.id,
        RULING.id,
        TRANSFER.id,
    }
    assert {e for e, _what in order_of(EVERYTHING, involving=PERSON.id)} == {
        ROLE.id,
        FULL_CASE.id,
    }


def test_involving_an_unknown_id_is_an_error() -> None:
    with pytest.raises(UnknownEntityError, match="nobody"):
        Corpus([EVERYTHING], gazetteer=None).timeline(involving="nobody")


def test_two_filters_at_once() -> None:
    assert order_of(EVERYTHING, involving=PERSON.id, during="2020-06-05/2020-06-20") == [
        (ROLE.id, "role-ended"),  # every entry of an entity that refers to the person
        (FULL_CASE.id, "party-ended"),
    ]


@given(overlapping_stories(max_entities=15))
def test_the_same_stories_in_another_order_give_the_same_timeline(found: list[Story]) -> None:
    forward = Corpus(found, gazetteer=None, on_conflict="collect").timeline()
    backward = Corpus(found[::-1], gazetteer=None, on_conflict="collect").timeline()
    assert forward == backward
