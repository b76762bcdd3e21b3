"""Reports that disagree (:func:`policyconflict.disagreements.disagreements`): figures and
dates kept side by side, each with its source and as-of date."""

from __future__ import annotations

from typing import Any

from hypothesis import given
from hypothesis import strategies as st

from policyconflict import (
    Agency,
    AgencyKind,
    Citation,
    Event,
    EventKind,
    Figure,
    PartialDate,
    Period,
    Predicate,
    Quantity,
    Relation,
    Source,
    SourceKind,
    Story,
)
from policyconflict.disagreements import (
    Disagreement,
    DisagreementKind,
    Revision,
    compare_dates,
    compare_quantities,
    disagreements,
    revisions,
)
from policyconflict.query import Corpus

US = "ocd-division/country:us"
DHS = "agency:us/dhs"
A = "source:a/2020-05-05/report"
B = "source:b/2020-05-06/report"
C = "source:c/2020-05-07/report"
CONTRADICTS, DIFFERS = DisagreementKind.CONTRADICTS, DisagreementKind.DIFFERS


def d(text: str) -> PartialDate:
    return PartialDate.parse(text)


def sources() -> tuple[Source, ...]:
    return tuple(
        Source(id=s, kind=SourceKind.NEWS_ARTICLE, title="A report", published=d(day))
        for s, day in ((A, "2020-05-05"), (B, "2020-05-06"), (C, "2020-05-07"))
    )


def figure(id: str, quantity: Quantity, source: str = A, **changes: Any) -> Figure:
    fields: dict[str, Any] = {
        "id": id,
        "metric": "arrests",
        "quantity": quantity,
        "period": Period.parse("2020-05-03/2020-05-03"),
        "sources": (Citation(source=source),),
    }
    return Figure(**(fields | changes))


def raid(id: str, day: str, source: str) -> Event:
    return Event(
        id=id,
        kind=EventKind.RAID,
        name="A raid",
        period=Period.parse(f"{day}/{day}"),
        sources=(Citation(source=source, note="The report dates the raid."),),
    )


def same_as(a: str, b: str) -> Relation:
    return Relation(
        id=f"relation:same-as/{a[-1]}{b[-1]}", subject=a, predicate=Predicate.SAME_AS, object=b
    )


def story(*entities: Any) -> Story:
    return Story.from_entities(
        id="story:t", title="T", entities=(*sources(), *CLAIMANTS, *entities)
    )


POLICE = "agency:us/il/chicago/police"
CLAIMANTS = (
    Agency(id=DHS, name="DHS", kind=AgencyKind.DEPARTMENT),
    Agency(id=POLICE, name="Chicago Police", kind=AgencyKind.POLICE),
)


def test_about_200_against_250_contradicts_with_both_sides_and_sources() -> None:
    found = disagreements(
        story(figure("figure:a", Quantity.about(200)), figure("figure:b", Quantity.exact(250), B))
    )
    assert len(found) == 1
    (only,) = found
    assert only.kind is CONTRADICTS
    assert only.aspect == "arrests"
    assert only.entities == ("figure:a", "figure:b")
    assert only.values == ("about 200", "250")
    assert only.evidence == (A, B)
    assert [str(s.as_of) for s in only.sides] == ["2020-05-05", "2020-05-06"]


def test_about_200_against_210_only_differs() -> None:
    (only,) = disagreements(
        story(figure("figure:a", Quantity.about(200)), figure("figure:b", Quantity.exact(210), B))
    )
    assert only.kind is DIFFERS


def test_dozens_against_at_least_30_differs() -> None:
    dozens = Quantity.at_least(24, text="dozens")
    (only,) = disagreements(
        story(figure("figure:a", dozens), figure("figure:b", Quantity.at_least(30), B))
    )
    assert only.kind is DIFFERS
    assert only.values == ("dozens", "at least 30")


def test_equal_figures_and_undisclosed_ones_are_not_listed() -> None:
    assert (
        disagreements(
            story(
                figure("figure:a", Quantity.exact(250)),
                figure("figure:b", Quantity.exact(250), B),
                figure("figure:c", Quantity.undisclosed(), C),
            )
        )
        == ()
    )


def test_figures_for_other_periods_subjects_or_metrics_are_not_compared() -> None:
    other_period = figure("figure:b", Quantity.exact(1), period=Period.parse("2020-05/2020-05"))
    other_metric = figure("figure:c", Quantity.exact(2), metric="detentions")
    assert (
        disagreements(story(figure("figure:a", Quantity.exact(250)), other_period, other_metric))
        == ()
    )


def test_the_figures_as_of_is_used_when_given() -> None:
    late = figure("figure:b", Quantity.exact(9), B, as_of=d("2020-06"))
    (only,) = disagreements(story(figure("figure:a", Quantity.exact(250)), late))
    assert str(only.sides[1].as_of) == "2020-06"


def test_the_same_raid_dated_may_3_and_may_4_contradicts() -> None:
    found = disagreements(
        story(
            raid("event:a", "2020-05-03", A),
            raid("event:b", "2020-05-04", B),
            same_as("event:a", "event:b"),
        )
    )
    assert [(x.aspect, x.kind, x.values) for x in found] == [
        ("period", CONTRADICTS, ("2020-05-03", "2020-05-04")),
    ]
    assert all(x.subject == "event:a" and x.evidence == (A, B) for x in found)


def test_a_month_against_a_day_in_it_differs_and_chains_of_same_as_are_one_group() -> None:
    found = disagreements(
        story(
            raid("event:a", "2020-05", A),
            raid("event:b", "2020-05-04", B),
            raid("event:c", "2020-05-04", C),
            same_as("event:a", "event:b"),
            same_as("event:b", "event:c"),
        )
    )
    pairs = {(x.entities, x.kind) for x in found}
    assert pairs == {(("event:a", "event:b"), DIFFERS), (("event:a", "event:c"), DIFFERS)}


def test_groups_are_the_corpus_clusters_so_a_link_to_another_kind_of_thing_joins_nothing() -> None:
    """Two raids each linked by same-as to one agency (a mistake, not an identity) are not one
    group, as they are not one cluster of a corpus: one rule of clusters for both."""
    told = story(
        raid("event:a", "2020-05-03", A),
        raid("event:b", "2020-05-04", B),
        same_as("event:a", DHS),
        same_as(DHS, "event:b"),
    )
    assert disagreements(told) == ()
    corpus = Corpus([told], gazetteer=None)
    assert corpus.cluster("event:a") == ("event:a",)
    assert len(corpus.same_as_problems) == 2


def test_unlinked_events_are_not_compared() -> None:
    assert (
        disagreements(story(raid("event:a", "2020-05-03", A), raid("event:b", "2020-05-04", B)))
        == ()
    )


def test_nothing_is_merged_away() -> None:
    told = story(
        raid("event:a", "2020-05-03", A),
        raid("event:b", "2020-05-04", B),
        same_as("event:a", "event:b"),
    )
    disagreements(told)
    assert {e.id for e in told.events} == {"event:a", "event:b"}


def test_compare_dates_rules() -> None:
    assert compare_dates(d("2020-05-03"), d("2020-05-03")) is None
    assert compare_dates(d("2020-05-03"), None) is None
    assert compare_dates(d("2020-05-03"), d("2020-05-04")) is CONTRADICTS
    assert compare_dates(d("2020-05"), d("2020-05-04")) is DIFFERS
    assert compare_dates(Period.parse("2020-05/..").end, d("2020-06")) is DIFFERS
    assert compare_dates(Period.parse("2020-05/").end, d("2020-06")) is None


_NUMBERS = st.integers(min_value=0, max_value=500)
QUANTITIES = st.one_of(
    _NUMBERS.map(Quantity.exact),
    _NUMBERS.map(Quantity.about),
    _NUMBERS.map(Quantity.at_least),
    _NUMBERS.map(Quantity.at_most),
    st.tuples(_NUMBERS, _NUMBERS).map(lambda t: Quantity.between(min(t), max(t))),
    st.just(Quantity.undisclosed()),
)
DATES = st.sampled_from(("2020", "2020-05", "2020-05-03", "2020-05-04", "2020-06-01")).map(d)


@given(QUANTITIES, QUANTITIES)
def test_quantity_comparison_is_symmetric(a: Quantity, b: Quantity) -> None:
    assert compare_quantities(a, b) == compare_quantities(b, a)


@given(QUANTITIES, QUANTITIES)
def test_quantities_that_may_be_equal_never_contradict(a: Quantity, b: Quantity) -> None:
    if a.may_equal(b):
        assert compare_quantities(a, b) is not CONTRADICTS


@given(DATES, DATES)
def test_dates_that_may_be_the_same_day_never_contradict(a: PartialDate, b: PartialDate) -> None:
    assert (compare_dates(a, b) is CONTRADICTS) == (not a.may_overlap(b))
    assert compare_dates(a, b) == compare_dates(b, a)


@given(st.lists(st.tuples(QUANTITIES, st.sampled_from((A, B, C))), max_size=5))
def test_every_listed_disagreement_is_between_two_kept_figures(
    reports: list[tuple[Quantity, str]],
) -> None:
    figures = [figure(f"figure:f{i}", q, s) for i, (q, s) in enumerate(reports)]
    found = disagreements(story(*figures))
    ids = {f.id for f in figures}
    by_id = {f.id: f for f in figures}
    for item in found:
        assert isinstance(item, Disagreement)
        assert set(item.entities) <= ids
        first, second = (by_id[e].quantity for e in item.entities)
        assert item.kind is compare_quantities(first, second)
    listed = {x.entities for x in found}
    for i, a in enumerate(figures):
        for b in figures[i + 1 :]:
            expected = compare_quantities(a.quantity, b.quantity) is not None
            assert (tuple(sorted((a.id, b.id))) in listed) == expected


# -- as of: a change over time is a revision, not a disagreement ---------------------------------


def remain(id: str, quantity: Quantity, source: str = A, **changes: Any) -> Figure:
    fields: dict[str, Any] = {"metric": "officers-remaining", "period": None}
    return figure(id, quantity, source, **(fields | changes))


def test_figures_as_of_different_dates_are_a_revision_not_a_disagreement() -> None:
    before = remain("figure:a", Quantity.about(200), as_of=d("2020-03-01"))
    after = remain("figure:b", Quantity.about(50), B, as_of=d("2020-04-01"))
    told = story(after, before)
    assert disagreements(told) == ()
    (only,) = revisions(told)
    assert isinstance(only, Revision)
    assert (only.kind, only.aspect, only.subject) == (CONTRADICTS, "officers-remaining", None)
    assert only.entities == ("figure:a", "figure:b")
    assert only.values == ("about 200", "about 50")
    assert (str(only.earlier.as_of), str(only.later.as_of)) == ("2020-03-01", "2020-04-01")


def test_as_of_dates_that_may_be_the_same_day_are_compared() -> None:
    month = remain("figure:a", Quantity.about(200), as_of=d("2020-04"))
    day = remain("figure:b", Quantity.about(50), B, as_of=d("2020-04-10"))
    (only,) = disagreements(story(month, day))
    assert only.kind is CONTRADICTS
    assert revisions(story(month, day)) == ()


def test_a_preliminary_and_a_final_count_by_one_claimant_published_days_apart_are_a_revision() -> (
    None
):
    preliminary = figure("figure:a", Quantity.exact(120), A, claimed_by=(POLICE,))
    final = figure("figure:b", Quantity.exact(134), C, claimed_by=(POLICE,))
    told = story(preliminary, final)
    assert disagreements(told) == ()
    (only,) = revisions(told)
    assert (str(only.earlier.as_of), str(only.later.as_of)) == ("2020-05-05", "2020-05-07")
    assert only.later.entity == "figure:b"


def test_two_claimants_that_give_different_counts_disagree_whenever_they_published() -> None:
    police = figure("figure:a", Quantity.exact(120), A, claimed_by=(POLICE,))
    dhs = figure("figure:b", Quantity.exact(134), C, claimed_by=(DHS,))
    unclaimed = figure("figure:c", Quantity.exact(150), B)
    told = story(police, dhs, unclaimed)
    assert [x.entities for x in disagreements(told)] == [
        ("figure:a", "figure:b"),
        ("figure:a", "figure:c"),
        ("figure:b", "figure:c"),
    ]
    assert revisions(told) == ()


def test_same_as_figures_as_of_different_dates_are_a_revision() -> None:
    first = remain("figure:a", Quantity.exact(200), as_of=d("2020-03-01"))
    second = remain("figure:b", Quantity.exact(50), B, as_of=d("2020-04-01"), metric="remaining")
    told = story(first, second, same_as("figure:a", "figure:b"))
    assert disagreements(told) == ()
    assert [x.entities for x in revisions(told)] == [("figure:a", "figure:b")]


def test_one_day_periods_against_longer_ones_compare_each_end() -> None:
    longer = Event(
        id="event:b",
        kind=EventKind.RAID,
        name="A raid",
        period=Period.parse("2020-05-03/2020-05-04"),
    )
    found = disagreements(
        story(raid("event:a", "2020-05-03", A), longer, same_as("event:a", "event:b"))
    )
    assert [(x.aspect, x.values) for x in found] == [("period.end", ("2020-05-03", "2020-05-04"))]
