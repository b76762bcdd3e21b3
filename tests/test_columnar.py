"""Columnar form: stories → Arrow tables and Parquet datasets → the same stories; the layout's
columns are typed so that date filters are column comparisons."""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

import pyarrow as pa
import pyarrow.compute as pc
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from format_helpers import small_story
from policyconflict import PartialDate, Person, Statement, Story, ValidationError
from policyconflict.columnar import (
    LAYOUT_VERSION,
    arrow_schema,
    from_arrow,
    read_parquet,
    table_names,
    to_arrow,
    to_pandas,
    to_polars,
    write_parquet,
)
from policyconflict.interop import MissingExtraError
from policyconflict.merge import merge
from policyconflict.query import Corpus
from policyconflict.testing import overlapping_stories, partial_dates, stories


@st.composite
def story_lists(draw: st.DrawFn) -> list[Story]:
    """Stories with distinct ids, one of them perhaps merged from overlapping ones (so it
    carries claims)."""
    items = draw(st.lists(stories(max_entities=10), max_size=3))
    if draw(st.booleans()):
        items.append(merge(draw(overlapping_stories(max_entities=6)), id="story:m", title="M"))
    return [s for n, s in enumerate(items) if s.id not in {t.id for t in items[:n]}]


@given(story_lists())
def test_arrow_round_trip_is_identity(items: list[Story]) -> None:
    assert from_arrow(to_arrow(items)) == tuple(items)


@settings(max_examples=20, deadline=None)
@given(story_lists(), st.sampled_from([("kind",), ("kind", "year")]))
def test_parquet_round_trip_is_identity(items: list[Story], partition_by: tuple[str, ...]) -> None:
    with tempfile.TemporaryDirectory() as directory:
        counts = write_parquet(items, Path(directory) / "data", partition_by=partition_by)
        assert counts["stories"] == len(items)
        assert read_parquet(Path(directory) / "data") == tuple(items)


@settings(max_examples=20, deadline=None)
@given(overlapping_stories(max_entities=8))
def test_a_corpus_of_the_stories_read_back_has_the_same_entities_and_disputes(
    versions: list[Story],
) -> None:
    back = from_arrow(to_arrow(versions))
    before, after = Corpus(versions), Corpus(back)
    assert list(after) == list(before)
    assert after.disputes() == before.disputes()


def test_every_table_has_the_layout_version_and_its_keys() -> None:
    for name in table_names():
        schema = arrow_schema(name)
        assert schema.metadata[b"policyconflict.layout"] == str(LAYOUT_VERSION).encode()
        assert "ordinal" in schema.names
        assert name == "stories" or "in_story" in schema.names
    assert arrow_schema("statements__positions").names[:4] == [
        "in_story",
        "owner",
        "owner_ordinal",
        "ordinal",
    ]
    assert "outcomes_ordinal" in arrow_schema("rulings__outcomes__scope_places").names
    assert arrow_schema("claims__sources").names[:3] == ["in_story", "owner_ordinal", "ordinal"]
    with pytest.raises(KeyError):
        arrow_schema("nothing")


def test_enums_are_dictionary_encoded_and_dates_typed() -> None:
    schema = arrow_schema("statements")
    assert schema.field("channel").type == pa.dictionary(pa.int8(), pa.string())
    assert schema.field("date_earliest").type == pa.timestamp("s", tz="UTC")
    assert schema.field("date").type == pa.string()
    period = arrow_schema("deployments")
    assert {"period_earliest", "period_surely_from", "period_surely"} <= set(period.names)


def dated(texts: list[str]) -> Story:
    person = Person(id="person:a", name="A")
    return Story(
        id="story:d",
        title="D",
        persons=(person,),
        statements=tuple(
            Statement(id=f"st:{n}", speaker=person.id, text="x", date=PartialDate.parse(t))
            for n, t in enumerate(texts)
        ),
    )


@given(st.lists(partial_dates(), min_size=1, max_size=5), partial_dates())
def test_a_date_filter_is_a_column_comparison(dates: list[PartialDate], day: PartialDate) -> None:
    """Law: the rows whose bounds meet a date's bounds are the dates that may overlap it."""
    table = to_arrow([dated([str(d) for d in dates])])["statements"]
    low = pa.scalar(_seconds(day.earliest_key), pa.int64()).cast(pa.timestamp("s", tz="UTC"))
    high = pa.scalar(_seconds(day.latest_key), pa.int64()).cast(pa.timestamp("s", tz="UTC"))
    mask = pc.and_(
        pc.less_equal(table["date_earliest"], high), pc.greater_equal(table["date_latest"], low)
    )
    assert mask.to_pylist() == [d.may_overlap(day) for d in dates]


def _seconds(key: tuple[int, int]) -> int:
    day, sub = key
    return (day - 719_163) * 86_400 + min(max(sub, 0), 86_399)


def test_a_period_has_may_and_surely_bounds() -> None:
    from policyconflict import Agency, AgencyKind, Deployment, Period

    agency = Agency(id="agency:a", name="A", kind=AgencyKind.EXECUTIVE)
    periods = ["2020-02/2020-05", "2020/..", "/2020-03-01"]
    story = Story(
        id="story:p",
        title="P",
        agencies=(agency,),
        deployments=tuple(
            Deployment(id=f"dep:{n}", agency=agency.id, period=Period.parse(p))
            for n, p in enumerate(periods)
        ),
    )
    rows = to_arrow([story])["deployments"].to_pylist()
    iso = [
        [
            None if r[c] is None else r[c].date().isoformat()
            for c in ("period_earliest", "period_latest", "period_surely_from", "period_surely_to")
        ]
        for r in rows
    ]
    assert iso == [
        ["2020-02-01", "2020-05-31", "2020-02-29", "2020-05-01"],
        ["2020-01-01", None, "2020-12-31", None],
        [None, "2020-03-01", None, None],
    ]
    assert [r["period_surely"] for r in rows] == [True, True, False]


def test_numbers_keep_whole_and_fractional_apart() -> None:
    from policyconflict import Figure, Quantity

    figures = (
        Figure(id="fig:a", metric="officers", quantity=Quantity.exact(100)),
        Figure(id="fig:b", metric="officers", quantity=Quantity.exact(100.0)),
    )
    story = Story(id="story:n", title="N", figures=figures)
    (back,) = from_arrow(to_arrow([story]))
    assert [type(f.quantity.value) for f in back.figures] == [int, float]


def test_stories_sharing_an_id_must_be_merged_first() -> None:
    with pytest.raises(ValueError, match="comes twice"):
        to_arrow([small_story(), small_story()])
    with pytest.raises(TypeError, match="takes stories"):
        to_arrow([Person(id="person:a", name="A")])  # type: ignore[list-item]


def test_a_bad_value_in_a_table_is_reported_with_its_row(tmp_path: Path) -> None:
    tables = to_arrow([small_story()])
    statements = tables["statements"]
    bad = pa.array(["Not An Id"] * statements.num_rows, pa.string())
    tables["statements"] = statements.set_column(
        statements.schema.get_field_index("speaker"), "speaker", bad
    )
    with pytest.raises(ValidationError) as caught:
        from_arrow(tables)
    problem = caught.value.problems[0]
    assert problem.path.startswith(f"statements of {small_story().id!r} [0]: $.speaker")
    assert problem.code == "bad-id"


def test_parquet_directories_and_their_errors(tmp_path: Path) -> None:
    write_parquet([small_story()], tmp_path / "d", partition_by=("kind", "year"))
    assert (tmp_path / "d" / "kind=statements").is_dir()
    assert any((tmp_path / "d" / "kind=statements").glob("year=*/*.parquet"))
    with pytest.raises(FileExistsError):
        write_parquet([small_story()], tmp_path / "d")
    for wrong in [("year",), ("kind", "month"), ("kind", "kind")]:
        with pytest.raises(ValueError, match="partition_by"):
            write_parquet([small_story()], tmp_path / "e", partition_by=wrong)
    with pytest.raises(ValidationError, match="missing-manifest"):
        read_parquet(tmp_path)
    manifest = tmp_path / "d" / "_policyconflict.json"
    manifest.write_text(manifest.read_text().replace('"layout": 1', '"layout": 99'))
    with pytest.raises(ValidationError, match="unsupported-version"):
        read_parquet(tmp_path / "d")


def test_data_frames_through_arrow() -> None:
    frames = to_pandas([small_story()])
    assert list(frames["statements"]["id"]) == [s.id for s in small_story().statements]
    polars = to_polars([small_story()])
    assert polars["statements"]["id"].to_list() == [s.id for s in small_story().statements]


def test_without_pyarrow_the_error_names_the_extra(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "pyarrow", None)
    with pytest.raises(MissingExtraError, match=r"policyconflict\[columnar\]"):
        to_arrow([small_story()])


def test_the_core_and_the_layout_import_no_pyarrow() -> None:
    import subprocess

    code = (
        "import sys, policyconflict, policyconflict.columnar as c; c.table_names();"
        "import policyconflict.query, policyconflict.serialization.jsonl;"
        "assert 'pyarrow' not in sys.modules, 'pyarrow imported'"
    )
    subprocess.run([sys.executable, "-c", code], check=True)
