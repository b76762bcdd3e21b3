"""``Corpus.figures``: every figure for a thing, with who claims it, and which reports revise or
contradict which (the rule of :mod:`policyconflict.disagreements`)."""

from __future__ import annotations

from typing import Literal

import pytest

from interop_helpers import grants_story, la_story
from policyconflict import (
    Agency,
    AgencyKind,
    Certainty,
    Citation,
    Figure,
    Organization,
    OrganizationKind,
    PartialDate,
    Quantity,
    Source,
    SourceKind,
    Story,
    disagreements,
    revisions,
)
from policyconflict.query import Corpus, FigureReport, UnknownEntityError

ICE = "agency:us/dhs/ice"
DHS = "agency:us/dhs"
CASES = "non-detained-cases"


@pytest.fixture(scope="module", params=["index", "scan"])
def corpus(request: pytest.FixtureRequest) -> Corpus:
    return Corpus([la_story(), grants_story()], backend=request.param)


def test_every_figure_of_the_shipped_stories(corpus: Corpus) -> None:
    found = corpus.figures()
    assert [(r.metric, r.subject, str(r.period), r.quantity.text, r.claimed_by) for r in found] == [
        ("law-enforcement-officers", "agency:us/dhs/ice/ero", "None", "5,300", (ICE,)),
        (CASES, ICE, "2017-10-01/2018-09-30", "2.6 million", (DHS,)),
        (CASES, ICE, "2018-10-01/2019-09-30", "over 3.2 million", (DHS,)),
    ]
    # The as-of date: the figure's own, else the date of the article citing it.
    assert {str(r.as_of) for r in found} == {"2020-02-14"}
    assert all(len(r.sources) == 1 for r in found)
    # Two fiscal years are two different numbers, neither a revision nor a contradiction.
    assert all(not (r.revises or r.revised_by or r.contradicts or r.differs) for r in found)


def test_filters(corpus: Corpus) -> None:
    assert len(corpus.figures(CASES)) == 2
    assert len(corpus.figures(claimed_by=DHS, subject=ICE)) == 2
    assert corpus.figures(claimed_by=ICE, metric=CASES) == ()
    fy2019 = corpus.figures(CASES, during="2019-01-01/2019-01-31")
    assert [r.quantity.text for r in fy2019] == ["over 3.2 million"]
    assert len(corpus.figures(during="2018", certainty=Certainty.SURELY)) == 2
    assert len(corpus.figures(during="2017-11", certainty=Certainty.SURELY)) == 1
    # Without a period, the date it is true as of counts.
    assert [r.metric for r in corpus.figures(on="2020-02-14")] == ["law-enforcement-officers"]


def test_invalid_arguments(corpus: Corpus) -> None:
    with pytest.raises(UnknownEntityError, match="unknown claimant"):
        corpus.figures(claimed_by="agency:nowhere")
    with pytest.raises(UnknownEntityError, match="unknown subject"):
        corpus.figures(subject="deployment:nowhere")
    with pytest.raises(TypeError, match="metric"):
        corpus.figures(metric=3)  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="not both"):
        corpus.figures(on="2020", during="2020")


def officers_story() -> Story:
    """Officers of one operation: the agency's count and its later update, and a newspaper's."""
    paper = Source(
        id="src:paper",
        kind=SourceKind.NEWS_ARTICLE,
        title="Paper",
        published=PartialDate.parse("2020-03-02"),
    )

    def figure(
        i: str, claimant: str, value: int, as_of: str | None, approx: bool = False
    ) -> Figure:
        return Figure(
            id=f"fig-{i}",
            metric="officers",
            subject="op",
            claimed_by=(claimant,),
            quantity=Quantity.about(value) if approx else Quantity.exact(value),
            as_of=None if as_of is None else PartialDate.parse(as_of),
            sources=(Citation(source="src:paper"),),
        )

    return Story(
        id="officers",
        title="Officers",
        sources=(paper,),
        agencies=(
            Agency(id="op", name="Operation", kind=AgencyKind.UNIT),
            Agency(id="agency", name="Agency", kind=AgencyKind.AGENCY),
        ),
        organizations=(Organization(id="paper", name="Paper", kind=OrganizationKind.PUBLISHER),),
        figures=(
            figure("a", "agency", 200, "2020-03-01", approx=True),
            figure("b", "agency", 50, "2020-04-01", approx=True),
            figure("c", "paper", 400, None),
            figure("d", "paper", 210, None),
        ),
    )


@pytest.mark.parametrize("backend", ["index", "scan"])
def test_revisions_are_told_apart_from_contradictions(backend: Literal["index", "scan"]) -> None:
    story = officers_story()
    found = {r.figure: r for r in Corpus([story], backend=backend).figures("officers")}
    # In the order of the dates they are true as of (the paper's: its publication), then id.
    assert list(found) == ["fig-a", "fig-c", "fig-d", "fig-b"]
    assert (found["fig-a"].revised_by, found["fig-b"].revises) == (("fig-b",), ("fig-a",))
    # The paper's 400 (true as of its publication) cannot be the agency's "about 200".
    assert found["fig-c"].contradicts == ("fig-a", "fig-b", "fig-d")
    assert found["fig-d"].differs == ("fig-a",)  # 210 may be "about 200", but is not it
    assert found["fig-a"].contradicts == ("fig-c",)
    # The same rule as disagreements() and revisions():
    pairs = {frozenset(d.entities) for d in disagreements(story) if d.kind.value == "contradicts"}
    assert pairs == {frozenset((a.figure, b)) for a in found.values() for b in a.contradicts}
    assert {r.entities for r in revisions(story)} == {("fig-a", "fig-b")}
    assert isinstance(found["fig-a"], FigureReport)
