"""PLOVER: PLOVER's own 323 gold-standard records read into the model, and written back."""

from __future__ import annotations

from collections import Counter
from functools import cache

import orjson
import pytest

from interop_helpers import DATA, la_story, transfer_story
from policyconflict import Event, EventKind, Stance, Statement, Story
from policyconflict.gazetteer import default_gazetteer
from policyconflict.interop import NotExportedWarning, Reading
from policyconflict.interop._alpha3 import ALPHA3
from policyconflict.interop.plover import read_plover, to_plover

GOLD = DATA / "plover" / "PLOVER_GSR_CAMEO.txt"


@cache
def _gold() -> Reading:
    return read_plover(GOLD.read_bytes())


def test_gold_records_counted() -> None:
    reading = _gold()
    assert reading.read == 323
    assert reading.mapped == 310
    assert len(reading.unmapped) == 13
    reasons = Counter(u.reason.split(" is not")[0] for u in reading.unmapped)
    assert reasons == {
        "actor code 'JAP'": 3,
        "actor code 'ITL'": 2,
        "actor code 'IMG'": 2,
        "actor code 'ISM'": 1,
        "actor code 'VTN'": 1,
        "a documentation record, not a coded event": 1,
        "actors are not a list: 'diplomatic'": 1,
        "a record without a source actor": 1,
        "the id repeats record 277's: ids must be unique": 1,
    }
    assert all(u.record_id is not None for u in reading.unmapped)
    kinds = Counter(e.kind_name for e in reading.entities)
    assert kinds["statement"] == 199
    assert kinds["event"] == 126


def test_gold_entities_make_a_valid_story() -> None:
    story = Story.from_entities(id="story:plover", title="PLOVER", entities=_gold().entities)
    assert len(story.statements) == 199


def test_a_rejection_is_an_opposing_statement_with_its_quote() -> None:
    statements = [
        e
        for e in _gold().entities
        if isinstance(e, Statement) and "PLOVER-GSR01-REJECT-0001" in (e.sources[0].note or "")
    ]
    assert statements
    for statement in statements:
        assert all(p.stance is Stance.OPPOSE for p in statement.positions)
        assert statement.sources[0].quote == statement.text


def test_compound_source_gives_a_statement_per_actor() -> None:
    agreed = [
        e
        for e in _gold().entities
        if isinstance(e, Statement) and '"PLOVER-GSR01-AGREE-0001"' in (e.sources[0].note or "")
    ]
    assert sorted(s.speaker for s in agreed) == [
        "agency:hu/government",
        "agency:ro/government",
    ]


def test_protests_are_events_with_participants() -> None:
    protests = [e for e in _gold().entities if isinstance(e, Event) and e.kind is EventKind.PROTEST]
    assert len(protests) == 27 - sum(
        1 for u in _gold().unmapped if u.record_id and "PROTEST" in u.record_id
    )
    assert all(any(p.role == "source" for p in e.participants) for e in protests)


def test_writing_and_reading_back_gives_the_same_records() -> None:
    reading = _gold()
    written = to_plover(reading.entities)
    assert len(written) == reading.mapped  # one record per mapped record
    again = read_plover(orjson.dumps(written))
    assert again.unmapped == ()
    assert again.read == len(written)
    assert again.entities == reading.entities
    # and the writer is stable: writing what was read back gives the same text
    assert to_plover(again.entities) == written


def test_bad_records_are_reported_not_dropped() -> None:
    text = """
    {"id": "A", "event": "PROTEST", "text": "People marched.", "date": "2020-01-02",
     "source": [{"actorText": "Chileans", "code": "CHL", "sector": "CVL"}],},
    {"id": "B", "event": "PROTEST", "text": broken},
    {"id": "C", "event": "DANCE", "text": "x", "source": []},
    {"id": "D", "event": "AGREE", "text": "y", "date": "yesterday",
     "source": [{"code": "USA"}]}
    """
    reading = read_plover(text)
    assert reading.read == 4
    assert reading.mapped == 1
    reasons = {u.index: u.reason for u in reading.unmapped}
    assert reasons[1].startswith("not JSON")
    assert "DANCE" in reasons[2]
    assert "yesterday" in reasons[3]
    (event,) = [e for e in reading.entities if isinstance(e, Event)]
    assert event.name == "PROTEST"


def test_statements_of_another_story_are_written() -> None:
    story = la_story()
    written = to_plover(story.entities())
    assert len(written) == len(story.statements) + len(story.events)
    events = {r["event"] for r in written}
    assert events <= {"SUPPORT", "DISAPPROVE", "CONSULT", "PROTEST", "COERCE", "MOBILIZE"}
    again = read_plover(orjson.dumps(written))
    assert again.read == len(written)
    # People are not PLOVER actors: their statements are reported, each with the reason.
    for unmapped in again.unmapped:
        assert "actor code" in unmapped.reason


def test_alpha3_table_matches_the_gazetteer() -> None:
    countries = {p.iso3166 for p in default_gazetteer() if p.level == "country"}
    assert set(ALPHA3.values()) == countries
    assert len(set(ALPHA3.values())) == len(ALPHA3)
    assert all(len(k) == 3 and k.isupper() for k in ALPHA3)


def test_a_control_transfer_is_named_as_not_exported() -> None:
    story = transfer_story()
    with pytest.warns(NotExportedWarning, match="control-transfer:us/ca/guard/2025-06"):
        records = to_plover(story.entities())
    assert records == []
