"""Identifiers: the id grammar, deterministic id helpers that never collide for different
things, slugs, and external id schemes."""

from __future__ import annotations

import itertools

import pytest
from hypothesis import given
from hypothesis import strategies as st

from policyconflict.errors import PolicyConflictError, ShapeError
from policyconflict.ids import (
    ID_PATTERN,
    IdScheme,
    agency_id,
    case_id,
    deployment_id,
    derive_id,
    event_id,
    external_id_problem,
    figure_id,
    id_problem,
    is_valid_id,
    law_id,
    ocd_division_problem,
    organization_id,
    person_id,
    provision_id,
    relation_id,
    role_id,
    ruling_id,
    scope_of,
    slugify,
    source_id,
    statement_id,
)

US = "ocd-division/country:us"
CA = "ocd-division/country:us/state:ca"
TX = "ocd-division/country:us/state:tx"
LA = "ocd-division/country:us/state:ca/place:los_angeles"

# -- the helpers give readable, documented ids ----------------------------------------------------


def test_law_id_is_qualified_by_jurisdiction_and_session() -> None:
    assert law_id(CA, "SB 54", session="2017-2018") == "law:us/ca/2017-2018/sb-54"
    assert law_id(CA, "SB 54") == "law:us/ca/sb-54"


def test_the_texas_sb_4s_never_collide() -> None:
    ids = {
        law_id(TX, "SB 4", session="85(R)"),  # 2017: bans sanctuary policies
        law_id(TX, "SB 4", session="88(4)"),  # 2023: state crime of illegal entry
        law_id(TX, "SB 4", session="86(R)"),
        law_id(CA, "SB 4", session="85(R)"),  # same bill and session words, another state
        law_id(CA, "SB 4"),
    }
    assert len(ids) == 5
    assert law_id(TX, "SB 4", session="85(R)") == "law:us/tx/85-r/sb-4"


def test_the_same_bill_written_differently_gets_one_id() -> None:
    assert law_id(CA, "SB 54", session="2017-2018") == law_id(CA, "sb-54", session="2017–2018")


def test_other_helpers_give_readable_ids() -> None:
    dhs = agency_id("DHS", within=US)
    assert dhs == "agency:us/dhs"
    assert agency_id("ICE", within=dhs) == "agency:us/dhs/ice"
    assert agency_id("LAPD", within=LA) == "agency:us/ca/los_angeles/lapd"
    assert organization_id("American Civil Liberties Union") == "org:american-civil-liberties-union"
    assert person_id("Eric Garcetti") == "person:eric-garcetti"
    assert person_id("Eric Garcetti", external_id="Q1356986") == "person:eric-garcetti/q1356986"
    sb54 = law_id(CA, "SB 54", session="2017-2018")
    assert provision_id(sb54, "Gov. Code §7284.6") == "law:us/ca/2017-2018/sb-54#gov-code-7284.6"
    assert role_id("person:eric-garcetti", LA, "Mayor") == (
        "role:eric-garcetti/us-ca-los_angeles/mayor"
    )
    assert deployment_id("agency:us/dhs/cbp", "2020-02", "Sanctuary cities") == (
        "deployment:us/dhs/cbp/2020-02/sanctuary-cities"
    )
    assert event_id("raid", None, "7-Eleven raids") == "event:raid/undated/7-eleven-raids"
    assert source_id("Los Angeles Times", "2020-02-14", "LA officials oppose ICE plan") == (
        "source:los-angeles-times/2020-02-14/la-officials-oppose-ice-plan"
    )
    assert figure_id("non-detained-cases", None, "2017-10-01/2018-09-30", dhs) == (
        "figure:non-detained-cases/2017-10-01--2018-09-30/by-us-dhs"
    )
    case = case_id("agency:us/court/cacd", "2:18-cv-00490")
    assert case == "case:us/court/cacd/2-18-cv-00490"
    assert ruling_id(case, "2018-07-05T12:00", "preliminary injunction") == (
        "ruling:us/court/cacd/2-18-cv-00490/2018-07-05t1200/preliminary-injunction"
    )


def test_dates_with_a_time_of_day_or_a_qualifier_make_valid_ids() -> None:
    case = "case:us/court/cacd/x"
    assert ruling_id(case, "2017-10-27T20:26+02:00", "annulment") == (
        "ruling:us/court/cacd/x/2017-10-27t2026p0200/annulment"
    )
    assert ruling_id(case, "2017-10-27T20:26-02:00", "annulment") != ruling_id(
        case, "2017-10-27T20:26+02:00", "annulment"
    )
    assert statement_id("person:a", "2020-02-14?", "Hi").startswith("statement:a/2020-02-14u/")
    assert event_id("vote", "2025-07-21~", "Vote") == "event:vote/2025-07-21~/vote"
    assert role_id("person:a", "org:b", "Chair", start="2019-01") == "role:a/b/chair/2019-01"
    assert (
        len({statement_id("person:a", d, "Hi") for d in ("2020", "2020?", "2020~", "2020%")}) == 4
    )


def test_every_helper_output_is_in_the_id_grammar() -> None:
    produced = [
        law_id(TX, "SB 4", session="88(4)"),
        person_id("José Peña", external_id="Q42"),
        statement_id("person:ann", "2020-02-14", "“Quoted” words — with dashes…"),
        relation_id("deployment:x", "responds-to", "law:y", "person:z"),
        figure_id("officers", "agency:us/dhs/ice/ero", None, "agency:us/dhs/ice"),
    ]
    assert all(is_valid_id(value) for value in produced), produced


# -- determinism and collisions -------------------------------------------------------------------


def test_helpers_are_deterministic() -> None:
    text = "Immigration is a federal matter."
    assert statement_id("person:moore", "2020-02-14", text) == statement_id(
        "person:moore", "2020-02-14", text
    )
    assert relation_id("a:1", "opposes", "b:2", "c:3") == relation_id(
        "a:1", "opposes", "b:2", "c:3"
    )


def test_statement_ids_differ_by_speaker_date_and_text() -> None:
    text = "local police won’t be working with ICE"
    ids = {
        statement_id("person:garcetti", "2020-02-14", text),
        statement_id("person:moore", "2020-02-14", text),
        statement_id("person:moore", None, text),
        statement_id("person:moore", "2020-02-14", text + "."),
    }
    assert len(ids) == 4


def test_statement_ids_with_the_same_opening_words_differ() -> None:
    opening = "This is transparent retaliation against local governments for refusing "
    first = statement_id("person:shah", None, opening + "to do the administration’s bidding")
    second = statement_id("person:shah", None, opening + "anything at all")
    assert first != second
    assert first.rsplit("-", 1)[0] == second.rsplit("-", 1)[0]  # only the digest tells them apart


def test_relation_ids_differ_by_who_asserts_them_and_by_direction() -> None:
    ids = {
        relation_id("deployment:x", "responds-to", "law:sb-54", "person:albence"),
        relation_id("deployment:x", "responds-to", "law:sb-54", "person:shah"),
        relation_id("deployment:x", "responds-to", "law:sb-54"),
        relation_id("law:sb-54", "responds-to", "deployment:x"),
        relation_id("deployment:x", "retaliation-for", "law:sb-54"),
    }
    assert len(ids) == 5


def test_person_ids_tell_namesakes_apart_by_external_id() -> None:
    assert person_id("John Smith") != person_id("John Smith", external_id="Q123")
    assert person_id("John Smith", external_id="Q123") != person_id(
        "John Smith", external_id="Q456"
    )


_STATES = [US + f"/state:{code}" for code in ("ca", "tx", "az", "fl")]
_SESSIONS = [None, "2017-2018", "2019-2020", "85(R)", "85(1)", "88(4)", "2023"]
_BILLS = ["SB 4", "SB 54", "HB 4", "AB 450", "SB 1070"]


def test_law_ids_are_distinct_for_distinct_jurisdiction_session_and_bill() -> None:
    combos = list(itertools.product(_STATES, _SESSIONS, _BILLS))
    ids = {law_id(j, b, session=s) for j, s, b in combos}
    assert len(ids) == len(combos)


# -- slugs ----------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "slug"),
    [
        ("Eric Garcetti", "eric-garcetti"),
        ("Enrique Peña Nieto", "enrique-pena-nieto"),
        ("São Paulo", "sao-paulo"),
        ("Zürich", "zurich"),
        ("Gov. Code §7284.6", "gov-code-7284.6"),
        ("  L.A.  County  ", "l.a-county"),
        ("Hamid Yazdan Panah", "hamid-yazdan-panah"),
        ("O’Neill", "o-neill"),
    ],
)
def test_slugify_folds_accents_and_punctuation(text: str, slug: str) -> None:
    assert slugify(text) == slug


def test_slugify_keeps_whole_words_within_the_limit() -> None:
    assert slugify("one two three", max_length=9) == "one-two"
    assert slugify("supercalifragilistic", max_length=5) == "super"


def test_slugify_refuses_text_without_letters_or_digits() -> None:
    with pytest.raises(ValueError, match="no letters or digits"):
        slugify("— … —")
    with pytest.raises(ValueError, match="no letters or digits"):
        slugify("北京")  # no ASCII letters survive the folding
    with pytest.raises(ValueError, match="no letters or digits"):
        person_id("!!!")


@given(st.text(min_size=1, max_size=80))
def test_slugify_is_idempotent(text: str) -> None:
    try:
        slug = slugify(text)
    except ValueError:
        return
    assert slugify(slug) == slug


@given(st.text(min_size=1, max_size=80), st.integers(min_value=1, max_value=60))
def test_slugs_are_short_lowercase_ascii(text: str, limit: int) -> None:
    try:
        slug = slugify(text, max_length=limit)
    except ValueError:
        return
    assert 0 < len(slug) <= limit
    assert slug.isascii()
    assert slug == slug.lower()
    assert ID_PATTERN.fullmatch(slug)


@given(st.text(min_size=1, max_size=60), st.sampled_from(_STATES))
def test_law_ids_are_valid_ids_or_refused(bill: str, jurisdiction: str) -> None:
    try:
        value = law_id(jurisdiction, bill, session="2017-2018")
    except ValueError:
        return
    assert is_valid_id(value)
    assert value.startswith(f"law:{scope_of(jurisdiction)}/2017-2018/")


# -- the grammar and scopes -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "valid"),
    [
        ("person:eric-garcetti", True),
        ("ocd-division/country:us/state:ca/place:los_angeles", True),
        ("law:us/ca/2017-2018/sb-54#gov-code-7284.6", True),
        ("a", True),
        ("Person:eric", False),
        ("person:eric garcetti", False),
        ("-person", False),
        ("", False),
        ("x" * 300, True),
        ("x" * 301, False),
        (42, False),
        (None, False),
    ],
)
def test_id_grammar(value: object, valid: bool) -> None:
    assert is_valid_id(value) is valid


def test_scope_of_strips_kinds_and_ocd_types() -> None:
    assert scope_of(LA) == "us/ca/los_angeles"
    assert scope_of("agency:us/dhs") == "us/dhs"
    assert scope_of("plain") == "plain"


def test_derive_id_refuses_what_the_grammar_refuses() -> None:
    assert derive_id("event", "raid", "", "x") == "event:raid/x"
    with pytest.raises(ValueError, match="cannot make a valid id"):
        derive_id("Event", "raid")
    with pytest.raises(ValueError, match="cannot make a valid id"):
        derive_id("event", "x" * 300)
    with pytest.raises(ValueError, match="cannot make a valid provision id"):
        provision_id("law:" + "x" * 295, "section one")


# -- external id schemes --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("scheme", "good", "bad"),
    [
        (IdScheme.WIKIDATA, ["Q65", "Q1356986"], ["Q0", "q65", "65", "P31", "Q65 "]),
        (IdScheme.ISO_3166_1, ["US", "MX"], ["us", "USA", "U"]),
        (IdScheme.ISO_3166_2, ["US-CA", "FR-75C", "ES-CT"], ["US-California", "us-ca", "USCA"]),
        (IdScheme.CENSUS_GEOID, ["06", "06037", "0644000", "060371011"], ["0644", "6", "06-037"]),
        (
            IdScheme.OCD_DIVISION,
            [US, LA, "ocd-division/country:mx/state:chh"],
            ["ocd-division/state:ca", "ocd-division/country:usa", "ocd-division/country:US"],
        ),
        (
            IdScheme.OCD_PERSON,
            ["ocd-person/0f9c8d41-0e2a-4b7c-9d7a-1a2b3c4d5e6f"],
            ["ocd-person/123", "ocd-organization/0f9c8d41-0e2a-4b7c-9d7a-1a2b3c4d5e6f"],
        ),
        (
            IdScheme.OCD_ORGANIZATION,
            ["ocd-organization/0f9c8d41-0e2a-4b7c-9d7a-1a2b3c4d5e6f"],
            ["ocd-organization/0F9C8D41-0E2A-4B7C-9D7A-1A2B3C4D5E6F"],
        ),
    ],
    ids=lambda v: v.value if isinstance(v, IdScheme) else None,
)
def test_external_id_schemes(scheme: IdScheme, good: list[str], bad: list[str]) -> None:
    for value in good:
        assert external_id_problem(scheme, value) is None, value
    for value in bad:
        problem = external_id_problem(scheme, value)
        assert problem is not None, value
        assert repr(value) in problem
        assert scheme.value in problem


def test_ocd_division_problem() -> None:
    assert ocd_division_problem(CA) is None
    assert ocd_division_problem("ocd-division/country:us/state:CA") is not None


def test_figure_id_accepts_a_period_with_uncertain_dates() -> None:
    assert (
        figure_id("officers", None, "2019-05-01?/2019-05-04?", None)
        == "figure:officers/2019-05-01u--2019-05-04u"
    )
    assert figure_id("officers", None, "2019-05~/..", None) == "figure:officers/2019-05~--.."
    assert figure_id("officers", None, "/2019%", None) == "figure:officers/--2019u~"
    moment = figure_id("arrests", None, "2019-05-01T18:00-05:00/2019-05-02", None)
    assert moment == "figure:arrests/2019-05-01t1800-0500--2019-05-02"
    assert is_valid_id(moment)


def test_a_bad_id_error_names_the_character_and_points_at_it() -> None:
    with pytest.raises(ShapeError) as info:
        derive_id("event", "Raid")
    message = str(info.value)
    assert "character 'R'" in message
    assert "at position 6" in message
    assert message.endswith("    event:Raid\n          ^")
    assert isinstance(info.value, PolicyConflictError)
    assert isinstance(info.value, ValueError)
    with pytest.raises(ShapeError, match="start with a lower-case letter or a digit"):
        derive_id("Event", "raid")
    with pytest.raises(ShapeError, match="at most 300 characters") as long:
        derive_id("event", "x" * 300)
    assert "at position 300" in str(long.value)


@pytest.mark.parametrize(
    ("value", "at"),
    [("", 0), ("-x", 0), ("person:a b", 8), ("person:٣", 7), ("person:é", 7), ("a" * 301, 300)],
)
def test_id_problem_finds_the_first_bad_character(value: str, at: int) -> None:
    problem = id_problem(value)
    assert problem is not None
    assert problem[0] == at
    assert not is_valid_id(value)


@given(st.text(alphabet="abz09._:/~#-A?é٣ ", max_size=12))
def test_id_problem_agrees_with_the_id_grammar(value: str) -> None:
    assert (id_problem(value) is None) == is_valid_id(value)
