"""The command line merges stories: ``convert`` of several inputs, ``validate --merge``."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from policyconflict import Person, Story
from policyconflict.cli import main
from policyconflict.merge import merge
from policyconflict.serialization import dump, dumps, load, read_stories
from test_example_grants import example

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture
def two_files(tmp_path: Path) -> tuple[Path, Path]:
    la = tmp_path / "la.json"
    grants = tmp_path / "grants.json"
    dump(load(ROOT / "examples/data/la-sanctuary-2020.json"), la)
    dump(example.build_story(), grants)
    return la, grants


def stories_of(*paths: Path) -> list[Story]:
    return [load(p) for p in paths]


def test_convert_merges_several_inputs_into_one_story(
    tmp_path: Path, two_files: tuple[Path, Path]
) -> None:
    out = tmp_path / "both.json"
    args = ["convert", *map(str, two_files), str(out), "--id", "story:both", "--title", "Both"]
    assert main(args) == 0
    expected = merge(stories_of(*two_files), id="story:both", title="Both")
    assert out.read_text("utf-8") == dumps(expected) + "\n"


def test_convert_keeps_stories_apart_in_a_corpus_unless_asked_to_merge(
    tmp_path: Path, two_files: tuple[Path, Path]
) -> None:
    apart, merged = tmp_path / "apart.jsonl", tmp_path / "merged.jsonl"
    assert main(["convert", *map(str, two_files), str(apart)]) == 0
    assert [s.id for s in read_stories(apart)] == [s.id for s in stories_of(*two_files)]
    ask = ["--merge", "--id", "story:both", "--title", "Both"]
    assert main(["convert", *map(str, two_files), str(merged), *ask]) == 0
    expected = merge(stories_of(*two_files), id="story:both", title="Both")
    assert list(read_stories(merged)) == [expected]


def test_convert_of_several_stories_into_one_needs_an_id_and_a_title(
    tmp_path: Path, two_files: tuple[Path, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["convert", *map(str, two_files), str(tmp_path / "x.json")]) == 2
    assert "--id and --title" in capsys.readouterr().err


@pytest.fixture
def person_file(tmp_path: Path) -> Path:
    """A story whose person has the id the shipped stories give the United States."""
    path = tmp_path / "person.json"
    person = Person(id="ocd-division/country:us", name="Someone")
    dump(Story(id="story:p", title="P", persons=(person,)), path)
    return path


def test_convert_reports_an_identity_clash(
    tmp_path: Path,
    two_files: tuple[Path, Path],
    person_file: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    out = tmp_path / "x.json"
    args = ["convert", str(two_files[0]), str(person_file), str(out), "--id", "s:x", "--title", "X"]
    assert main(args) == 1
    assert "identity clash" in capsys.readouterr().err
    assert not out.exists()


def test_validate_merge_counts_entities_and_disputed_fields(
    two_files: tuple[Path, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["validate", "--merge", *map(str, two_files)]) == 0
    text = capsys.readouterr().out
    merged = merge(stories_of(*two_files), id="story:both", title="Both")
    count = sum(1 for _ in merged.entities())
    assert f"(merged): valid merge ({count:,} entities, 0 disputed fields)" in text
    assert main(["validate", "--merge", "--format", "json", *map(str, two_files)]) == 0
    report = json.loads(capsys.readouterr().out)
    assert report["files"][-1]["disputed"] == 0
    assert report["files"][-1]["entities"] == count


def test_validate_merge_reports_an_identity_clash(
    two_files: tuple[Path, Path], person_file: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["validate", "--merge", str(two_files[0]), str(person_file)]) == 1
    assert "identity-clash" in capsys.readouterr().out
