"""Provenance and confidence: copies of sources, reliability assessments, confidence per
citation (and the ``confidence=`` filter), notes on any entity, figures claimed by documents
and shares with a denominator."""

from __future__ import annotations

import json
from typing import Any, Literal

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from format_helpers import small_document
from helpers import SOURCE, cite, law, organization, person, source, statement, story
from policyconflict import (
    Assessment,
    Citation,
    Confidence,
    Figure,
    Note,
    PartialDate,
    Period,
    Quantity,
    Reliability,
    Republication,
    ShapeError,
    Source,
    SourceKind,
    Story,
    ValidationError,
    disagreements,
    dumps,
    loads,
)
from policyconflict.interop.jsonld import to_jsonld
from policyconflict.merge import merge
from policyconflict.model import best_confidence
from policyconflict.model.citations import NOTES
from policyconflict.model.laws import Provision
from policyconflict.query import Corpus
from policyconflict.story import COLLECTIONS
from policyconflict.testing import stories

Backend = Literal["index", "scan"]
BACKENDS: tuple[Backend, ...] = ("index", "scan")
ORIGINAL = "source:la-times/2020-02-14"


def shape_error(make: Any) -> tuple[str, str | None]:
    with pytest.raises(ShapeError) as caught:
        make()
    return caught.value.code, caught.value.field


# -- sources -------------------------------------------------------------------------------------


def test_a_source_needs_no_title_and_may_be_dated_by_bounds() -> None:
    after_july = Source(
        id="source:flyer", kind=SourceKind.OTHER, published_within=Period.parse("2025-08/")
    )
    assert after_july.title is None
    assert loads(dumps(story(sources=(after_july,)))).sources == (after_july,)


SOURCE_CASES: dict[str, tuple[dict[str, Any], str, str]] = {
    "a date and bounds": (
        {"published": PartialDate.parse("2025-08-02"), "published_within": Period.parse("2025/")},
        "two-dates",
        "published_within",
    ),
    "an original without the kind of copy": (
        {"republished_from": ORIGINAL},
        "missing-republication",
        "republication",
    ),
    "an original publisher without the kind of copy": (
        {"original_publisher": "org:ap"},
        "missing-republication",
        "republication",
    ),
    "a copy of nothing": (
        {"republication": Republication.MIRROR},
        "missing-original",
        "republished_from",
    ),
    "a copy of itself": (
        {"republication": Republication.REPOST, "republished_from": SOURCE},
        "self-reference",
        "republished_from",
    ),
    "a republication that is no member": (
        {"republication": "repost"},
        "wrong-type",
        "republication",
    ),
    "an empty edition": ({"edition": ""}, "empty", "edition"),
}


@pytest.mark.parametrize(
    ("changes", "code", "name"), SOURCE_CASES.values(), ids=SOURCE_CASES.keys()
)
def test_bad_source_is_refused_with_code_and_field(
    changes: dict[str, Any], code: str, name: str
) -> None:
    assert shape_error(lambda: source(**changes)) == (code, name)


def test_a_wire_copy_may_name_only_its_wire_service() -> None:
    copy = source(republication=Republication.WIRE_COPY, wire_service="org:ap")
    assert copy.republished_from is None


STORY_CASES: dict[str, tuple[Any, str, str]] = {
    "a copy of a source the story lacks": (
        lambda: story(
            sources=(source(republication=Republication.REPOST, republished_from=ORIGINAL),)
        ),
        "unknown-reference",
        "$.sources[0].republished_from",
    ),
    "a wire service that is a person": (
        lambda: story(
            persons=(person(),),
            sources=(source(republication=Republication.WIRE_COPY, wire_service="person:ann"),),
        ),
        "wrong-kind",
        "$.sources[0].wire_service",
    ),
    "an assessment by a law": (
        lambda: story(
            laws=(law(),),
            sources=(source(assessments=(Assessment(rating=Reliability.LOW, by=law().id),)),),
        ),
        "wrong-kind",
        "$.sources[0].assessments[0].by",
    ),
    "a note citing a source the story lacks": (
        lambda: story(
            persons=(person(notes=(Note(text="x", citation=Citation(source="source:nope")),)),)
        ),
        "unknown-reference",
        "$.persons[0].notes[0].citation.source",
    ),
}


@pytest.mark.parametrize(("make", "code", "path"), STORY_CASES.values(), ids=STORY_CASES.keys())
def test_story_problem_is_reported_with_code_and_path(make: Any, code: str, path: str) -> None:
    with pytest.raises(ValidationError) as caught:
        make()
    assert [(p.code, p.path) for p in caught.value.problems] == [(code, path)]


def test_copies_assessments_and_notes_round_trip() -> None:
    told = story(
        organizations=(organization(), organization("org:ap", name="AP")),
        sources=(
            source(),
            Source(
                id="source:feed",
                kind=SourceKind.AGGREGATOR,
                republication=Republication.WIRE_COPY,
                republished_from=SOURCE,
                wire_service="org:ap",
                edition="late edition",
                assessments=(
                    Assessment(rating=Reliability.LOW, reason="rewrites others' reports"),
                    Assessment(rating=Reliability.UNRELIABLE, by="org:aclu"),
                ),
                notes=(Note(text="Seen on 2020-02-15.", by_encoder=True),),
            ),
        ),
    )
    assert loads(dumps(told)) == told.canonical()


# -- documents -----------------------------------------------------------------------------------


def problems_of(document: dict[str, Any]) -> list[tuple[str, str]]:
    with pytest.raises(ValidationError) as caught:
        loads(json.dumps(document))
    return [(p.path, p.code) for p in caught.value.problems]


def test_bad_provenance_values_in_a_document_are_reported_with_paths() -> None:
    document = small_document()
    document["figures"][0]["sources"] = [{"source": SOURCE, "confidence": "certain"}]
    document["figures"][0]["notes"] = [{"text": "x"}, {"text": "y", "by_encoder": True, "extra": 1}]
    document["sources"][0]["assessments"] = [{"rating": "good"}]
    document["sources"][0]["republication"] = "copy"
    assert problems_of(document) == [
        ("$.sources[0].republication", "bad-enum"),
        ("$.sources[0].assessments[0].rating", "bad-enum"),
        ("$.figures[0].sources[0].confidence", "bad-enum"),
        ("$.figures[0].notes[0].citation", "unbacked-note"),
        ("$.figures[0].notes[1].extra", "unknown-field"),
    ]


def test_a_v2_figure_claimant_must_be_a_list() -> None:
    document = small_document()
    document["figures"][0]["claimed_by"] = "agency:us/dhs/ice"
    assert problems_of(document) == [("$.figures[0].claimed_by", "wrong-type")]


# -- notes ---------------------------------------------------------------------------------------


def test_a_note_is_backed_by_a_citation_or_is_the_encoders_own() -> None:
    assert shape_error(lambda: Note(text="says who?")) == ("unbacked-note", "citation")
    assert Note(text="cited", citation=cite()).by_encoder is False
    assert Note(text="both", citation=cite(), by_encoder=True).citation == cite()
    assert shape_error(lambda: Note(text=" padded ", by_encoder=True)) == ("untrimmed", "text")


def test_every_entity_class_has_notes() -> None:
    for cls in (*COLLECTIONS.values(), Provision):
        assert attrs.fields_dict(cls)["notes"].validator is NOTES, cls.__name__


def test_notes_of_two_stories_unite_when_merged() -> None:
    mine = Note(text="Mine.", by_encoder=True)
    theirs = Note(text="Theirs.", citation=cite())
    a = Story(id="story:a", title="A", sources=(source(),), persons=(person(notes=(mine,)),))
    b = Story(id="story:b", title="B", sources=(source(),), persons=(person(notes=(theirs,)),))
    (merged,) = merge([a, b], id="story:ab", title="A and B").persons
    assert set(merged.notes) == {mine, theirs}


# -- confidence ----------------------------------------------------------------------------------


def test_confidence_levels_are_ordered_and_reported_is_the_default() -> None:
    assert Citation(source=SOURCE).confidence is Confidence.REPORTED
    order = list(Confidence)
    assert order == [
        Confidence.CONFIRMED,
        Confidence.REPORTED,
        Confidence.INFERRED,
        Confidence.UNVERIFIED,
    ]
    for i, level in enumerate(order):
        assert [level.meets(other) for other in order] == [j >= i for j in range(len(order))]


def test_a_fact_without_citations_is_unverified() -> None:
    assert best_confidence([]) is Confidence.UNVERIFIED
    inferred = Citation(source=SOURCE, confidence=Confidence.INFERRED)
    confirmed = Citation(source=SOURCE, confidence=Confidence.CONFIRMED, quote="q")
    assert best_confidence([inferred, confirmed]) is Confidence.CONFIRMED


def _confidence_story() -> Story:
    def citation(level: Confidence) -> tuple[Citation, ...]:
        return (Citation(source=SOURCE, confidence=level),)

    statements = tuple(
        statement(f"statement:ann/{level.value}", sources=citation(level)) for level in Confidence
    )
    figures = tuple(
        Figure(
            id=f"figure:{level.value}",
            metric=f"count-{level.value}",
            quantity=Quantity.exact(1),
            sources=citation(level),
        )
        for level in Confidence
    )
    uncited = statement("statement:ann/uncited")
    return story(persons=(person(),), statements=(*statements, uncited), figures=figures)


@pytest.mark.parametrize("backend", BACKENDS)
def test_statements_and_figures_filter_on_confidence(backend: Backend) -> None:
    corpus = Corpus([_confidence_story()], backend=backend)
    assert [s.id for s in corpus.statements(confidence=Confidence.REPORTED)] == [
        "statement:ann/confirmed",
        "statement:ann/reported",
    ]
    assert [s.id for s in corpus.statements(confidence="confirmed")] == ["statement:ann/confirmed"]
    assert len(corpus.statements(confidence="unverified")) == len(corpus.statements()) == 5
    assert [r.figure for r in corpus.figures(confidence="inferred")] == [
        "figure:confirmed",
        "figure:inferred",
        "figure:reported",
    ]
    assert {r.figure: r.confidence.value for r in corpus.figures()} == {
        f"figure:{c.value}": c.value for c in Confidence
    }


def test_a_confidence_that_is_no_level_is_a_clear_error() -> None:
    corpus = Corpus([_confidence_story()])
    with pytest.raises(ShapeError, match="'sure' is no confidence level"):
        corpus.statements(confidence="sure")
    with pytest.raises(ShapeError) as caught:
        corpus.figures(confidence=2)  # type: ignore[arg-type]
    assert caught.value.code == "wrong-type"


@settings(max_examples=25, deadline=None)
@given(stories(max_entities=12), st.sampled_from(Confidence))
def test_a_confidence_filter_keeps_exactly_what_is_supported_that_well(
    told: Story, minimum: Confidence
) -> None:
    corpus = Corpus([told])
    kept = corpus.statements(confidence=minimum)
    assert kept == tuple(
        s for s in corpus.statements() if best_confidence(s.sources).meets(minimum)
    )
    figures = corpus.figures(confidence=minimum)
    by_id = {f.id: f for f in told.figures}
    assert [r.figure for r in figures] == [
        r.figure
        for r in corpus.figures()
        if best_confidence(by_id[r.figure].sources).meets(minimum)
    ]
    # A weaker minimum keeps at least as much; the weakest keeps everything.
    assert set(kept) <= set(corpus.statements(confidence=Confidence.UNVERIFIED))
    assert corpus.statements(confidence=Confidence.UNVERIFIED) == corpus.statements()


# -- figures -------------------------------------------------------------------------------------


def share(id: str, denominator: str | None, value: int) -> Figure:
    return Figure(
        id=id,
        metric="yes-share",
        unit="percent",
        denominator=denominator,
        quantity=Quantity.exact(value),
        sources=(cite(),),
    )


def test_shares_of_different_denominators_never_disagree() -> None:
    cast, valid = share("figure:cast", "ballots-cast", 55), share("figure:valid", "valid-votes", 57)
    assert disagreements(story(figures=(cast, valid))) == ()
    other = share("figure:cast-2", "ballots-cast", 57)
    (only,) = disagreements(story(figures=(cast, other)))
    assert only.entities == ("figure:cast", "figure:cast-2")


def test_a_denominator_is_a_topic_word() -> None:
    assert shape_error(lambda: share("figure:x", "Ballots cast", 1)) == ("bad-topic", "denominator")


@pytest.mark.parametrize("backend", BACKENDS)
def test_a_figure_claimed_by_a_document_and_an_agency_is_found_by_either(backend: Backend) -> None:
    memo = source(id="source:memo", kind=SourceKind.GOVERNMENT_REPORT)
    figure = Figure(
        id="figure:officers",
        metric="officers",
        quantity=Quantity.exact(100),
        claimed_by=("source:memo", "org:aclu"),
        sources=(cite(),),
    )
    corpus = Corpus(
        [story(sources=(source(), memo), organizations=(organization(),), figures=(figure,))],
        backend=backend,
    )
    assert [r.figure for r in corpus.figures(claimed_by="source:memo")] == ["figure:officers"]
    (report,) = corpus.figures(claimed_by="org:aclu")
    assert report.claimed_by == ("source:memo", "org:aclu")


def test_two_figures_sharing_one_claimant_published_apart_are_a_revision() -> None:
    from policyconflict.disagreements import is_revision

    early = source(id="source:a", published=PartialDate.parse("2020-05-01"))
    late = source(id="source:b", published=PartialDate.parse("2020-05-09"))
    published = {s.id: s.published for s in (early, late)}

    def figure(id: str, claimants: tuple[str, ...], src: str) -> Figure:
        return Figure(
            id=id,
            metric="arrests",
            quantity=Quantity.exact(1),
            claimed_by=claimants,
            sources=(Citation(source=src),),
        )

    first = figure("figure:a", ("org:police", "org:city"), "source:a")
    shared = figure("figure:b", ("org:city",), "source:b")
    apart = figure("figure:c", ("org:union",), "source:b")
    assert is_revision(first, shared, published)
    assert not is_revision(first, apart, published)


# -- interop -------------------------------------------------------------------------------------


def test_json_ld_says_what_a_copy_is_based_on() -> None:
    translated = Source(
        id="source:es",
        kind=SourceKind.NEWS_ARTICLE,
        republication=Republication.TRANSLATION,
        republished_from=SOURCE,
        edition="web",
    )
    graph = to_jsonld(story(sources=(source(), translated)))["@graph"]
    (node,) = [n for n in graph if n["@id"].endswith("source:es")]
    assert node["isBasedOn"]["@id"].endswith(SOURCE)
    assert node["translationOfWork"] == node["isBasedOn"]
    assert node["version"] == "web"


# -- timeline ------------------------------------------------------------------------------------


def test_a_bounded_publication_is_on_the_timeline_and_an_assessment_date_is_not() -> None:
    from policyconflict.query import timeline

    flyer = Source(
        id="source:flyer",
        kind=SourceKind.OTHER,
        published_within=Period.parse("2025-08/2025-10"),
        assessments=(Assessment(rating=Reliability.LOW, date=PartialDate.parse("2025-11-02")),),
    )
    entries = [(e.what, str(e.when)) for e in timeline(story(sources=(flyer,)))]
    assert entries == [("published-after", "2025-08"), ("published-before", "2025-10")]


def test_ftm_keeps_an_entitys_notes() -> None:
    from policyconflict.interop.ftm import to_ftm

    noted = person(notes=(Note(text="Also  spelled Anne.", by_encoder=True),))
    (found,) = [e for e in to_ftm(story(persons=(noted,))) if e["schema"] == "Person"]
    assert found["properties"]["notes"] == ["Also spelled Anne."]
