"""``policyconflict export CORPUS --to parquet DIR`` and ``--to csv DIR``: the stories as
tables, a progress line on a terminal only."""

from __future__ import annotations

import csv
import io
import subprocess
import sys
from pathlib import Path

import pytest

from format_helpers import small_story
from policyconflict import Person, Story
from policyconflict.cli import main
from policyconflict.columnar import read_parquet, table_names
from policyconflict.merge import merge
from policyconflict.serialization import dumps, write_jsonl


def corpus_file(path: Path, stories: list[Story]) -> Path:
    with path.open("w", encoding="utf-8") as handle:
        write_jsonl(stories, handle)
    return path


class Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_export_to_parquet_reads_back_as_the_stories(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    other = Story(id="story:other", title="O", persons=(Person(id="person:o", name="O"),))
    source = corpus_file(tmp_path / "c.jsonl", [small_story(), other])
    assert main(["export", str(source), "--to", "parquet", str(tmp_path / "out")]) == 0
    assert read_parquet(tmp_path / "out") == (small_story().canonical(), other)
    assert capsys.readouterr().err == ""


def test_a_story_in_two_concatenated_files_is_exported_merged(tmp_path: Path) -> None:
    a = Story(id="story:s", title="S", persons=(Person(id="person:x", name="Tom Homan"),))
    b = Story(id="story:s", title="S", persons=(Person(id="person:x", name="Thomas Homan"),))
    first = corpus_file(tmp_path / "a.jsonl", [a])
    second = corpus_file(tmp_path / "b.jsonl", [b])
    both = tmp_path / "both.jsonl"
    both.write_bytes(first.read_bytes() + second.read_bytes())
    assert main(["export", str(both), "--to", "parquet", str(tmp_path / "out")]) == 0
    assert read_parquet(tmp_path / "out") == (merge([a, b]),)


def test_export_to_csv_writes_one_file_per_table(tmp_path: Path) -> None:
    source = tmp_path / "story.json"
    source.write_text(dumps(small_story()) + "\n", encoding="utf-8")
    assert main(["export", str(source), "--to", "csv", "-o", str(tmp_path / "csv")]) == 0
    assert sorted(p.stem for p in (tmp_path / "csv").glob("*.csv")) == sorted(table_names())
    with (tmp_path / "csv" / "statements.csv").open(encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    assert [r["id"] for r in rows] == [s.id for s in small_story().canonical().statements]
    assert {r["in_story"] for r in rows} == {small_story().id}


def test_progress_shows_on_a_terminal_only(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    source = corpus_file(tmp_path / "c.jsonl", [small_story()])
    terminal = Terminal()
    monkeypatch.setattr(sys, "stderr", terminal)
    assert main(["export", str(source), "--to", "csv", str(tmp_path / "csv")]) == 0
    shown = terminal.getvalue()
    assert f"writing csv: 0 of {len(table_names())} tables (stories)" in shown
    assert shown.endswith("\r\x1b[K")


def test_nothing_on_a_pipe(tmp_path: Path) -> None:
    source = corpus_file(tmp_path / "c.jsonl", [small_story()])
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "policyconflict",
            "export",
            str(source),
            "--to",
            "parquet",
            str(tmp_path / "out"),
        ],
        capture_output=True,
        text=True,
        check=False,
        timeout=120,
    )
    assert (result.returncode, result.stdout, result.stderr) == (0, "", "")


def test_export_usage_errors(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    source = corpus_file(tmp_path / "c.jsonl", [small_story()])
    assert main(["export", str(source), "--to", "parquet"]) == 2
    assert "writes a directory" in capsys.readouterr().err
    assert main(["export", str(source), "--to", "csv", "a", "-o", "b"]) == 2
    assert "give the output once" in capsys.readouterr().err
    assert main(["export", str(source), "--to", "parquet", str(tmp_path / "out")]) == 0
    assert main(["export", str(source), "--to", "parquet", str(tmp_path / "out")]) == 2
    assert "holds a dataset already" in capsys.readouterr().err
