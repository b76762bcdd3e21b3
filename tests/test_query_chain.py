"""The legal chain of any target (``Corpus.rulings_affecting``, ``rulings_in_effect``) and the
status of any target at any moment (``Corpus.status_on``): the shipped grants story with exact
answers, small worked chains, the laws' answers unchanged, invalid input, same-as clusters, and
index-equals-scan properties on generated chains of rulings on rulings."""

from __future__ import annotations

import importlib.util
from pathlib import Path
from typing import Any, Literal

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from policyconflict import (
    Agency,
    AgencyKind,
    Certainty,
    ControlTransfer,
    Deployment,
    Jurisdiction,
    JurisdictionLevel,
    Law,
    LawKind,
    LegalCase,
    Outcome,
    OutcomeEffect,
    PartialDate,
    Period,
    Person,
    Predicate,
    Provision,
    ProvisionEffect,
    Relation,
    Role,
    Ruling,
    RulingKind,
    Scope,
    Source,
    SourceKind,
    Story,
)
from policyconflict.query import Corpus, RulingEffect, TargetKindError, UnknownEntityError
from policyconflict.status import LawState, status_on

S = LawState
EXAMPLE = Path(__file__).resolve().parents[1] / "examples" / "sanctuary_grants_litigation.py"


def _grants() -> Story:
    spec = importlib.util.spec_from_file_location("sanctuary_grants_litigation", EXAMPLE)
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    story = module.build_story()
    assert isinstance(story, Story)
    return story


GRANTS = _grants()
EO = "law:us/executive-order-13768"
JAG = "law:us/fy2017/fy2017-byrne-jag-conditions"
SC = "ruling:us/n.d-cal/3-17-cv-00574-who"
CHI = "ruling:us/n.d-ill/1-17-cv-05720"
SC_PI, SC_PERM, SC_APPEAL = (
    f"{SC}/2017-04-25/preliminary-injunction",
    (f"{SC}/2017-11-20/permanent-injunction"),
    f"{SC}/2018-08-01/affirmed-in-part-vacated-in-part",
)
CHI_PI, CHI_AFF, CHI_STAY = (
    f"{CHI}/2017-09-15/preliminary-injunction",
    (f"{CHI}/2018-04-19/affirmed"),
    f"{CHI}/2018-06/stay-of-nationwide-scope",
)
CHICAGO = "ocd-division/country:us/state:il/place:chicago"


@pytest.fixture(scope="module", params=["index", "scan"])
def grants(request: pytest.FixtureRequest) -> Corpus:
    return Corpus([GRANTS], backend=request.param)


def windows(effect: RulingEffect) -> list[tuple[str, str, str | None, tuple[str, ...], set[str]]]:
    return [
        (str(p.start), str(p.until), p.place, p.excluding, {s.value for s in p.possible})
        for p in effect.pieces
    ]


# -- the shipped grants story ----------------------------------------------------------------


def test_the_chain_of_the_executive_order_follows_the_supersession_and_the_partial_vacatur(
    grants: Corpus,
) -> None:
    chain = grants.rulings_affecting(EO)
    assert [(e.id, e.depth) for e in chain] == [(SC_PI, 1), (SC_PERM, 1), (SC_APPEAL, 2)]
    pi, perm, appeal = chain
    assert windows(pi) == [
        ("2017-04-25", "2017-11-20", None, (), {"in-force"}),
        ("2017-11-20", "None", None, (), {"ended"}),
    ]
    assert pi.evidence == (SC_PERM,)
    county = "ocd-division/country:us/state:ca/county:"
    kept = (f"{county}san_francisco", f"{county}santa_clara")
    assert windows(perm) == [
        ("2017-11-20", "None", kept[0], (), {"in-force"}),
        ("2017-11-20", "None", kept[1], (), {"in-force"}),
        ("2017-11-20", "2018-08-01", None, kept, {"in-force"}),
        ("2018-08-01", "None", None, kept, {"ended"}),
    ]
    assert perm.acts_on == (f"{EO}#sec-9-a", SC_PI)
    assert appeal.acts_on == (SC_PERM,)
    assert [o.effect for o in appeal.outcomes] == [OutcomeEffect.AFFIRMS, OutcomeEffect.VACATES]


def test_the_chicago_injunction_is_stayed_outside_chicago_some_time_in_june_2018(
    grants: Corpus,
) -> None:
    chain = grants.rulings_affecting(JAG)
    assert [e.id for e in chain] == [CHI_PI, CHI_AFF, CHI_STAY]
    assert windows(chain[0]) == [
        ("2017-09-15", "None", CHICAGO, (), {"in-force"}),
        ("2017-09-15", "2018-06-01", None, (CHICAGO,), {"in-force"}),
        ("2018-06-01", "2018-06-30", None, (CHICAGO,), {"in-force", "stayed"}),
        ("2018-06-30", "None", None, (CHICAGO,), {"stayed"}),
    ]
    in_chicago = grants.rulings_affecting(JAG, place=CHICAGO)
    assert windows(in_chicago[0]) == [("2017-09-15", "None", CHICAGO, (), {"in-force"})]
    notice = grants.rulings_affecting(f"{JAG}#notice-condition")
    assert [e.id for e in notice] == [e.id for e in chain]
    assert notice[0].acts_on == (f"{JAG}#notice-condition",)


def test_rulings_in_effect_at_a_moment(grants: Corpus) -> None:
    def ids(*args: Any, **kw: Any) -> list[str]:
        return [e.id for e in grants.rulings_in_effect(*args, **kw)]

    assert ids(EO, "2017-06-01") == [SC_PI]
    assert ids(EO, "2018-01-01") == [SC_PERM]
    assert ids(EO, "2018-09-01") == [SC_PERM, SC_APPEAL]  # kept for the two plaintiffs
    assert ids(EO, "2018-09-01", certainty=Certainty.SURELY) == [SC_APPEAL]
    assert ids(EO, "2018-09-01", place="US-CA") == [SC_PERM, SC_APPEAL]
    assert ids(EO, "2017-01-01") == []
    assert ids(JAG, "2018-07-01", certainty="surely") == [CHI_AFF, CHI_STAY]
    # in Chicago the injunction is in effect; the stay is in effect too (nothing stays it),
    # its scope leaves Chicago out
    assert ids(JAG, "2018-07-01", place=CHICAGO, certainty="surely") == [CHI_PI, CHI_AFF, CHI_STAY]
    assert ids(JAG, "2017-10-01/2018-05-01", certainty="surely") == [CHI_PI]


def test_the_status_of_a_ruling_is_its_effect(grants: Corpus) -> None:
    found = grants.status_on(CHI_PI, "2018-07-01")
    assert (found.kind, found.target, found.state) == ("ruling", CHI_PI, S.PARTLY_IN_FORCE)
    assert [(p.place, p.state) for p in found.pieces] == [(CHICAGO, S.IN_FORCE), (None, S.STAYED)]
    assert grants.status_on(CHI_PI, "2018-07-01", place=CHICAGO).state is S.IN_FORCE
    assert grants.status_on(CHI_PI, "2017-09-14").state is S.NOT_YET_EFFECTIVE
    assert grants.status_on(SC_PI, "2018").state is S.ENDED
    assert grants.status_on(SC_PI, "2017").state is S.PARTLY_IN_FORCE  # each piece is certain
    assert grants.status_on(SC_PI, "2017").possible == {S.NOT_YET_EFFECTIVE, S.IN_FORCE, S.ENDED}


def test_a_case_s_chain_is_its_rulings_and_those_acting_on_them(grants: Corpus) -> None:
    chain = grants.rulings_affecting("case:us/n.d-ill/1-17-cv-05720")
    en_banc = f"{CHI}/2018-06-04/rehearing-en-banc-granted-in-part"
    assert [(e.id, e.depth) for e in chain] == [
        (CHI_PI, 1),
        (CHI_AFF, 1),
        (CHI_STAY, 1),
        (en_banc, 1),
    ]


def test_the_status_of_laws_and_provisions_is_that_of_status_on(grants: Corpus) -> None:
    for law in GRANTS.laws:
        for provision in (None, *(p.id for p in law.provisions)):
            for at in ("2017-06", "2017-10-01", "2018-06", "2018-09-01", "2017/2019"):
                for place in (None, CHICAGO):
                    expected = status_on(law, at, story=GRANTS, provision=provision, place=place)
                    found = grants.status_on(provision or law.id, at, place=place)
                    assert found == expected


# -- worked chains -------------------------------------------------------------------------------

US = "ocd-division/country:us"
STATE = f"{US}/state:or"
CITY = f"{STATE}/place:portland"
GUARD = "agency:or-guard"
COURT = "agency:court"
CASE = "case:guard"
ORDER = "transfer:guard"


def _ruling(rid: str, date: str, *outcomes: tuple[str, OutcomeEffect], **kw: Any) -> Ruling:
    return Ruling(
        id=rid,
        case=CASE,
        court=COURT,
        date=PartialDate.parse(date),
        kind=RulingKind.OTHER,
        outcomes=tuple(Outcome(target=t, effect=e) for t, e in outcomes),
        **kw,
    )


def _corpus(*rulings: Ruling, backend: Literal["index", "scan"] = "index", **extra: Any) -> Corpus:
    story = Story(
        id="story:guard",
        title="A guard placed under federal command",
        jurisdictions=(
            Jurisdiction(id=US, name="United States", level=JurisdictionLevel.COUNTRY),
            Jurisdiction(id=STATE, name="Oregon", level=JurisdictionLevel.STATE, parent=US),
            Jurisdiction(id=CITY, name="Portland", level=JurisdictionLevel.CITY, parent=STATE),
        ),
        agencies=(
            Agency(id=GUARD, name="Oregon Guard", kind=AgencyKind.MILITARY),
            Agency(id="agency:dod", name="DoD", kind=AgencyKind.DEPARTMENT),
            Agency(id=COURT, name="A court", kind=AgencyKind.COURT),
        ),
        control_transfers=(
            ControlTransfer(
                id=ORDER,
                force=GUARD,
                to_command="agency:dod",
                period=Period.parse("2025-10-04/.."),
            ),
        ),
        deployments=(Deployment(id="deployment:guard", agency=GUARD, targets=(CITY,)),),
        legal_cases=(LegalCase(id=CASE, name="Oregon v. Trump", challenges=(ORDER,)),),
        rulings=rulings,
        **extra,
    )
    return Corpus([story], backend=backend, gazetteer=None)


E = OutcomeEffect
TRO = _ruling("ruling:tro", "2025-10-05T10:00-07:00", (ORDER, E.ENJOINS))
ADMIN_STAY = _ruling("ruling:admin-stay", "2025-10-05T15:30-07:00", ("ruling:tro", E.STAYS))


@pytest.mark.parametrize("backend", ["index", "scan"])
def test_an_order_enforceable_for_hours_between_two_rulings_of_one_day(
    backend: Literal["index", "scan"],
) -> None:
    corpus = _corpus(TRO, ADMIN_STAY, backend=backend)
    day = corpus.status_on(ORDER, "2025-10-05")
    assert day.kind == "control_transfer"
    assert [(str(p.start), str(p.until), p.state) for p in day.pieces] == [
        ("None", "2025-10-05T10:00-07:00", S.IN_FORCE),
        ("2025-10-05T10:00-07:00", "2025-10-05T15:30-07:00", S.ENJOINED),
        ("2025-10-05T15:30-07:00", "None", S.IN_FORCE),
    ]
    assert day.state is S.PARTLY_IN_FORCE
    assert corpus.status_on(ORDER, "2025-10-05T12:00-07:00").state is S.ENJOINED
    assert corpus.status_on(ORDER, "2025-10-05T19:00Z").state is S.ENJOINED  # 12:00 in Oregon
    assert corpus.status_on(ORDER, "2025-10-05T16:00-07:00").state is S.IN_FORCE
    tro, stay = corpus.rulings_affecting(ORDER)
    assert windows(tro) == [
        ("2025-10-05T10:00-07:00", "2025-10-05T15:30-07:00", None, (), {"in-force"}),
        ("2025-10-05T15:30-07:00", "None", None, (), {"stayed"}),
    ]
    assert tro.evidence == ("ruling:admin-stay",)
    assert (stay.depth, stay.acts_on) == (2, ("ruling:tro",))
    noon = corpus.rulings_in_effect(ORDER, "2025-10-05T12:00-07:00")
    assert [e.id for e in noon] == ["ruling:tro"]


def test_a_stay_of_a_stay_and_a_vacatur_of_it_bring_the_injunction_back_and_end_it() -> None:
    unstay = _ruling("ruling:unstay", "2025-10-08", ("ruling:admin-stay", E.STAYS))
    lift = _ruling("ruling:lift", "2025-10-20", ("ruling:unstay", E.VACATES))
    corpus = _corpus(TRO, ADMIN_STAY, unstay, lift)
    chain = corpus.rulings_affecting(ORDER)
    assert [(e.id, e.depth) for e in chain] == [
        ("ruling:tro", 1),
        ("ruling:admin-stay", 2),
        ("ruling:unstay", 3),
        ("ruling:lift", 4),
    ]
    tro = chain[0]
    assert [(str(p.start), p.state) for p in tro.pieces] == [
        ("2025-10-05T10:00-07:00", S.IN_FORCE),
        ("2025-10-05T15:30-07:00", S.STAYED),
        ("2025-10-08", S.IN_FORCE),
        ("2025-10-20", S.STAYED),
    ]
    assert [(str(p.start), p.state) for p in chain[2].pieces] == [
        ("2025-10-08", S.IN_FORCE),
        ("2025-10-20", S.ENDED),
    ]
    assert corpus.status_on(ORDER, "2025-10-10").state is S.ENJOINED
    assert corpus.status_on(ORDER, "2025-10-21").state is S.IN_FORCE
    assert corpus.status_on("ruling:admin-stay", "2025-10-10").state is S.STAYED


def test_every_kind_a_ruling_can_name_has_a_status_and_a_chain() -> None:
    role = "role:adjutant"
    rulings = (
        _ruling("ruling:on-deployment", "2025-10-06", ("deployment:guard", E.ENJOINS)),
        _ruling("ruling:on-guard", "2025-10-06", (GUARD, E.STAYS)),
        _ruling("ruling:on-role", "2025-10-06", (role, E.STRIKES)),
    )
    corpus = _corpus(
        *rulings,
        persons=(Person(id="person:a", name="A"),),
        roles=(Role(id=role, person="person:a", organization=GUARD, title="Adjutant"),),
    )
    expected = {"deployment:guard": S.ENJOINED, GUARD: S.STAYED, role: S.STRUCK}
    for target, state in expected.items():
        assert corpus.status_on(target, "2025-10-05").state is S.IN_FORCE
        assert corpus.status_on(target, "2025-10-07").state is state
        assert len(corpus.rulings_affecting(target)) == 1
    assert corpus.rulings_affecting(ORDER) == ()


def test_an_outcome_for_one_class_splits_the_answer_and_applies_to_reads_one_class() -> None:
    employers = Outcome(target=ORDER, effect=E.ENJOINS, scope=Scope(applies_to="employers"))
    on_class = attrs.evolve(TRO, outcomes=(employers,))
    corpus = _corpus(on_class)
    found = corpus.status_on(ORDER, "2025-10-06")
    assert found.state is S.PARTLY_IN_FORCE
    assert [(p.applies_to, p.state) for p in found.pieces] == [
        ("employers", S.ENJOINED),
        (None, S.IN_FORCE),
    ]
    assert corpus.status_on(ORDER, "2025-10-06", applies_to="employers").state is S.ENJOINED
    assert corpus.status_on(ORDER, "2025-10-06", applies_to="tenants").state is S.IN_FORCE


def test_a_ruling_that_never_took_effect_is_never_in_effect_itself() -> None:
    never = _ruling("ruling:never", "2025-10-06", (ORDER, E.ENJOINS), no_effect=True)
    corpus = _corpus(never)
    assert corpus.status_on("ruling:never", "2025").state is S.NOT_YET_EFFECTIVE
    assert corpus.status_on(ORDER, "2025-10-07").state is S.IN_FORCE


def test_a_ruling_that_never_took_effect_is_listed_without_windows() -> None:
    never = _ruling("ruling:never", "2025-10-06", (ORDER, E.ENJOINS), no_effect=True)
    corpus = _corpus(TRO, never)
    listed = corpus.rulings_affecting(ORDER)
    assert [(e.id, e.takes_effect is None, e.pieces) for e in listed][1] == (
        "ruling:never",
        True,
        (),
    )
    assert [e.id for e in corpus.rulings_in_effect(ORDER, "2025-10-07")] == ["ruling:tro"]


def _aliased(*relations: Relation) -> Corpus:
    other = Deployment(id="deployment:other", agency=GUARD, targets=(CITY,))
    on_other = _ruling("ruling:other", "2025-10-06", ("deployment:other", E.ENJOINS))
    story = Story(
        id="story:alias",
        title="Alias",
        agencies=(
            Agency(id=GUARD, name="Oregon Guard", kind=AgencyKind.MILITARY),
            Agency(id=COURT, name="A court", kind=AgencyKind.COURT),
        ),
        jurisdictions=(Jurisdiction(id=CITY, name="Portland", level=JurisdictionLevel.CITY),),
        deployments=(Deployment(id="deployment:guard", agency=GUARD, targets=(CITY,)), other),
        legal_cases=(LegalCase(id=CASE, name="Case"),),
        rulings=(on_other,),
        relations=relations,
    )
    return Corpus([story], gazetteer=None)


def test_rulings_on_any_id_of_the_same_as_cluster_count() -> None:
    alias = Relation(
        id="rel:same",
        subject="deployment:guard",
        predicate=Predicate.SAME_AS,
        object="deployment:other",
    )
    linked = _aliased(alias)
    assert [e.id for e in linked.rulings_affecting("deployment:guard")] == ["ruling:other"]
    assert linked.status_on("deployment:guard", "2025-10-07").state is S.ENJOINED
    unlinked = _aliased()
    assert unlinked.rulings_affecting("deployment:guard") == ()
    assert unlinked.status_on("deployment:guard", "2025-10-07").state is S.IN_FORCE


# -- invalid input -------------------------------------------------------------------------------


def test_an_unknown_id_or_a_target_no_ruling_can_name_is_a_clear_error() -> None:
    corpus = _corpus(TRO, sources=(Source(id="src:a", kind=SourceKind.NEWS_ARTICLE, title="A"),))
    with pytest.raises(UnknownEntityError, match="nobody"):
        corpus.rulings_affecting("nobody")
    with pytest.raises(UnknownEntityError, match="nobody"):
        corpus.status_on("nobody", "2025")
    with pytest.raises(UnknownEntityError, match="nobody"):
        corpus.rulings_in_effect("nobody", "2025")
    with pytest.raises(TargetKindError, match="a source"):
        corpus.rulings_affecting("src:a")
    with pytest.raises(TargetKindError, match=r"status_on.*legal case"):
        corpus.status_on(CASE, "2025")
    with pytest.raises(TargetKindError, match="jurisdiction"):
        corpus.status_on(CITY, "2025")
    with pytest.raises(TypeError, match="id of a target"):
        corpus.rulings_affecting(3)  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="date"):
        corpus.status_on(ORDER, "not a date")
    with pytest.raises(ValueError, match="perhaps"):
        corpus.rulings_in_effect(ORDER, "2025", certainty="perhaps")  # type: ignore[arg-type]
    with pytest.raises(KeyError, match="nowhere"):
        corpus.status_on(ORDER, "2025", place="nowhere")


def test_an_entity_may_be_given_instead_of_its_id() -> None:
    corpus = _corpus(TRO)
    (transfer,) = corpus.entities("control_transfers")
    assert corpus.rulings_affecting(transfer) == corpus.rulings_affecting(ORDER)


# -- index equals scan on generated chains ------------------------------------------------------

LAW = Law(
    id="law:x",
    kind=LawKind.STATUTE,
    jurisdiction=STATE,
    title="A law",
    effective=PartialDate.parse("2025-01-01"),
    provisions=(Provision(id="law:x#1", label="1", effect=ProvisionEffect.RESTRICTS),),
)
TARGETS = [LAW.id, "law:x#1", ORDER, "deployment:guard", GUARD]
DATES = st.sampled_from(
    ["2025-10", "2025-10-05", "2025-10-05T10:00-07:00", "2025-10-06", "2025-11", "2025"]
)
SCOPES = st.sampled_from([Scope(), Scope(places=(CITY,)), Scope(excluding=(CITY,))])


@st.composite
def chains(draw: st.DrawFn) -> tuple[Ruling, ...]:
    count = draw(st.integers(1, 5))
    ids = [f"ruling:{i}" for i in range(count)]
    found = []
    for i, rid in enumerate(ids):
        pool = [*TARGETS, *(r for r in ids if r != rid)]
        picked = draw(st.lists(st.sampled_from(pool), min_size=1, max_size=2, unique=True))
        outcomes = tuple(
            Outcome(target=t, effect=draw(st.sampled_from(list(E))), scope=draw(SCOPES))
            for t in picked
        )
        found.append(
            Ruling(
                id=rid,
                case=CASE,
                court=COURT,
                date=PartialDate.parse(draw(DATES)),
                kind=RulingKind.OTHER,
                outcomes=outcomes,
                no_effect=draw(st.booleans()) if i else False,
            )
        )
    return tuple(found)


def _answers(corpus: Corpus, at: str, place: str | None) -> list[Any]:
    found: list[Any] = []
    rulings = [r.id for r in corpus.entities("rulings")]
    for target in [*TARGETS, CASE, *rulings]:
        found.append(corpus.rulings_affecting(target, place=place))
        for certainty in Certainty:
            found.append(corpus.rulings_in_effect(target, at, place=place, certainty=certainty))
        if target != CASE:
            found.append(corpus.status_on(target, at, place=place))
    return found


@given(chains(), DATES, st.sampled_from([None, CITY, STATE]))
def test_the_chain_and_the_status_by_index_equal_the_scan(
    rulings: tuple[Ruling, ...], at: str, place: str | None
) -> None:
    indexed = _corpus(*rulings, laws=(LAW,))
    scanned = _corpus(*rulings, laws=(LAW,), backend="scan")
    assert _answers(indexed, at, place) == _answers(scanned, at, place)


@given(chains(), DATES)
def test_a_law_s_status_is_that_of_status_on_and_rulings_in_effect_are_in_the_chain(
    rulings: tuple[Ruling, ...], at: str
) -> None:
    corpus = _corpus(*rulings, laws=(LAW,))
    story = (*rulings, *corpus.entities("jurisdictions"))
    assert corpus.status_on(LAW.id, at) == status_on(LAW, at, story=story)
    assert corpus.status_on("law:x#1", at) == status_on(LAW, at, story=story, provision="law:x#1")
    for target in TARGETS:
        chain = corpus.rulings_affecting(target)
        may = corpus.rulings_in_effect(target, at)
        surely = corpus.rulings_in_effect(target, at, certainty=Certainty.SURELY)
        assert set(surely) <= set(may) <= set(chain)
        assert list(chain) == sorted(chain, key=RulingEffect.sort_key)
        for effect in chain:
            assert (effect.pieces == ()) is (effect.ruling.no_effect)
