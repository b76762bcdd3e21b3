"""One way to give a date: every public parameter that takes a date or a period reads it with
``dates.as_date`` / ``dates.as_period`` — PartialDate, datetime.date, aware datetime.datetime,
EDTF text at any precision; a period also as one date meaning all of it."""

from __future__ import annotations

import datetime as dt

import pytest

from policyconflict import (
    CommandChange,
    Deployment,
    LegalCase,
    PartialDate,
    Party,
    PartyRole,
    Period,
    Person,
    Statement,
    Story,
)
from policyconflict.dates import Certainty, as_date, as_date_or_period, as_period
from policyconflict.errors import DateTextError, ShapeError
from policyconflict.query import Corpus

P = PartialDate.parse
PACIFIC = dt.timezone(dt.timedelta(hours=-8))


@pytest.mark.parametrize(
    ("value", "text"),
    [
        (P("2018-03"), "2018-03"),
        ("2018-03", "2018-03"),
        ("2020", "2020"),
        ("2020-02-14T18:00-08:00", "2020-02-14T18:00-08:00"),
        (dt.date(2020, 2, 14), "2020-02-14"),
        (dt.datetime(2020, 2, 14, 18, 0, tzinfo=PACIFIC), "2020-02-14T18:00-08:00"),
    ],
)
def test_as_date_accepts_every_form_of_a_date(value: object, text: str) -> None:
    assert str(as_date(value)) == text  # type: ignore[arg-type]


def test_as_date_refuses_a_naive_datetime_and_other_types() -> None:
    with pytest.raises(ShapeError, match="naive"):
        as_date(dt.datetime(2020, 2, 14, 18, 0))
    with pytest.raises(TypeError, match="expected a date"):
        as_date(2020)  # type: ignore[arg-type]
    with pytest.raises(DateTextError):
        as_date("March 2020")


@pytest.mark.parametrize(
    ("value", "text"),
    [
        ("2020-07", "2020-07-01/2020-07-31"),
        ("2020", "2020-01-01/2020-12-31"),
        ("2020-07?", "2020-07?/2020-07?"),
        ("2020-07-04", "2020-07-04/2020-07-04"),
        ("2020-02/2020-05", "2020-02/2020-05"),
        ("2018-01-01/..", "2018-01-01/.."),
        (P("2020-02"), "2020-02-01/2020-02-29"),
        (dt.date(2020, 7, 4), "2020-07-04/2020-07-04"),
        (Period.parse("/2022"), "/2022"),
    ],
)
def test_as_period_reads_one_date_as_all_of_it(value: object, text: str) -> None:
    assert str(as_period(value)) == text  # type: ignore[arg-type]


def test_period_parse_reads_only_interval_text_and_says_what_to_write() -> None:
    with pytest.raises(DateTextError, match="for all of 2020-07, write 2020-07/2020-07"):
        Period.parse("2020-07")
    with pytest.raises(TypeError, match="expected a period"):
        as_period(3.5)  # type: ignore[arg-type]


def test_as_date_or_period() -> None:
    assert as_date_or_period("2020-07") == P("2020-07")
    assert as_date_or_period("2020-07/..") == Period.parse("2020-07/..")


def test_corpus_statements_during_a_month() -> None:
    said = Statement(id="statement:a", speaker="person:a", text="No.", date=P("2018-03-14"))
    other = Statement(id="statement:b", speaker="person:a", text="Yes.", date=P("2018-04-01"))
    speaker = Person(id="person:a", name="A")
    story = Story(id="story:x", title="X", persons=(speaker,), statements=(said, other))
    corpus = Corpus([story])
    for during in ("2018-03", P("2018-03"), Period.parse("2018-03/2018-03")):
        assert corpus.statements(during=during) == (said,)
    assert corpus.statements(on="2018") == (said, other)
    assert corpus.statements(during="2018-03", certainty=Certainty.SURELY) == (said,)


GUARD = "agency:us/ca/national-guard"


def test_command_of_takes_any_form_of_a_date() -> None:
    force = Deployment(
        id="deployment:x",
        agency=GUARD,
        command_changes=(
            CommandChange(date=P("2020-03-01"), unit=GUARD, to_command="person:president"),
        ),
    )
    assert force.command_of(GUARD, "2020-03-01") == "person:president"
    assert force.command_of(GUARD, dt.date(2020, 3, 2)) == "person:president"
    assert force.command_of(GUARD, "2020-02") is None
    assert force.command_of(GUARD, "2020-03") == "person:president"  # from the 1st, 00:00
    assert force.command_of(GUARD, "2020") is None  # the change comes during the year


def test_parties_on_takes_any_form_of_a_date() -> None:
    first = Party(entity="person:a", role=PartyRole.DEFENDANT, period=Period.parse("2017/2019-02"))
    case = LegalCase(id="case:x", name="X v. Y", parties=(first,))
    assert case.parties_on("2019-05-01") == ()
    assert case.parties_on("2018") == (first,)
    assert case.parties_on(dt.date(2018, 5, 1)) == (first,)
    assert case.parties_on(dt.datetime(2018, 5, 1, 9, 0, tzinfo=PACIFIC)) == (first,)
