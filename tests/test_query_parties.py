"""The named parties at each ruling of a case, in one call (official-capacity substitution)."""

from __future__ import annotations

import pytest

from interop_helpers import grants_story
from policyconflict import (
    Agency,
    AgencyKind,
    Certainty,
    Corpus,
    LegalCase,
    PartialDate,
    PartiesAtRuling,
    Party,
    PartyRole,
    Period,
    Person,
    Ruling,
    RulingKind,
    Story,
)
from policyconflict.query import UnknownEntityError

CHICAGO_CASE = "case:us/n.d-ill/1-17-cv-05720"


@pytest.fixture(scope="module", params=["index", "scan"])
def corpus(request: pytest.FixtureRequest) -> Corpus:
    return Corpus([grants_story()], backend=request.param)


def defendants(answer: PartiesAtRuling) -> list[str]:
    return [p.entity for p in answer.parties if p.role is PartyRole.DEFENDANT]


def test_the_named_defendant_at_each_ruling_of_chicago_v_sessions(corpus: Corpus) -> None:
    answers = corpus.parties_at_rulings(CHICAGO_CASE)
    assert [(str(a.date), a.ruling.rsplit("/", 1)[1], defendants(a)) for a in answers] == [
        ("2017-09-15", "preliminary-injunction", ["person:jeff-sessions"]),
        ("2018-04-19", "affirmed", ["person:jeff-sessions"]),
        ("2018-06?", "stay-of-nationwide-scope", ["person:jeff-sessions"]),  # earliest first
        ("2018-06-04", "rehearing-en-banc-granted-in-part", ["person:jeff-sessions"]),
    ]
    assert all(a.case == CHICAGO_CASE for a in answers)
    assert all(
        a.parties[0].entity == "ocd-division/country:us/state:il/place:chicago" for a in answers
    )


def test_surely_leaves_out_a_party_whose_period_may_not_hold(corpus: Corpus) -> None:
    may = corpus.parties_at_rulings(CHICAGO_CASE)
    surely = corpus.parties_at_rulings(CHICAGO_CASE, certainty=Certainty.SURELY)
    assert [a.ruling for a in surely] == [a.ruling for a in may]
    assert all(set(s.parties) <= set(m.parties) for s, m in zip(surely, may, strict=True))


def test_an_unknown_id_and_another_kind_are_clear_errors(corpus: Corpus) -> None:
    with pytest.raises(UnknownEntityError):
        corpus.parties_at_rulings("case:nothing")
    with pytest.raises(TypeError, match=r"takes a legal case, and .* is a person"):
        corpus.parties_at_rulings("person:jeff-sessions")


def test_an_official_sued_in_office_is_succeeded_by_the_next_holder() -> None:
    court = Agency(id="court:x", name="Court", kind=AgencyKind.COURT)
    first, second = Person(id="person:a", name="A"), Person(id="person:b", name="B")
    case = LegalCase(
        id="case:x",
        name="X v. A",
        parties=(
            Party(
                entity=first.id,
                role=PartyRole.DEFENDANT,
                official_capacity=True,
                period=Period.parse("2019-01-01/2019-06-30"),
            ),
            Party(
                entity=second.id,
                role=PartyRole.DEFENDANT,
                official_capacity=True,
                period=Period.parse("2019-07-01/.."),
            ),
        ),
    )
    rulings = tuple(
        Ruling(
            id=f"ruling:{day}",
            case=case.id,
            court=court.id,
            kind=RulingKind.OTHER,
            date=PartialDate.parse(day),
        )
        for day in ("2019-08-01", "2019-03-01")
    )
    story = Story(
        id="story:x",
        title="X",
        agencies=(court,),
        persons=(first, second),
        legal_cases=(case,),
        rulings=rulings,
    )
    for backend in ("index", "scan"):
        answers = Corpus([story], gazetteer=None, backend=backend).parties_at_rulings(case.id)
        assert [(a.ruling, defendants(a)) for a in answers] == [
            ("ruling:2019-03-01", ["person:a"]),
            ("ruling:2019-08-01", ["person:b"]),
        ]
