"""The command line, run as a user runs it: a subprocess, checked by exit status and output."""

from __future__ import annotations

import importlib.util
import io
import json
import os
import pty
import signal
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from policyconflict import Certainty, Person, Story
from policyconflict.serialization import dumps, loads
from policyconflict.testing import STRATEGIES, stories

ROOT = Path(__file__).resolve().parent.parent
SRC = ROOT / "src"
EXAMPLE = ROOT / "examples" / "la_sanctuary_2020.py"
LA_CITY = "ocd-division/country:us/state:ca/place:los_angeles"


def _env() -> dict[str, str]:
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(SRC), env.get("PYTHONPATH")]))
    env["PYTHONIOENCODING"] = "utf-8"
    return env


def cli(
    *args: str, stdin: bytes | None = None, cwd: Path | None = None
) -> subprocess.CompletedProcess[str]:
    """Run ``python -m policyconflict ARGS`` and capture its output as text."""
    return subprocess.run(
        [sys.executable, "-m", "policyconflict", *args],
        input=stdin.decode("utf-8", "surrogateescape") if stdin is not None else None,
        capture_output=True,
        text=True,
        env=_env(),
        cwd=cwd,
        check=False,
        timeout=120,
    )


def assert_clean_error(result: subprocess.CompletedProcess[str], status: int) -> None:
    """The run failed with ``status`` and a plain message, not a traceback."""
    assert result.returncode == status, result.stderr
    assert "Traceback" not in result.stderr
    assert "policyconflict" in result.stderr


@pytest.fixture(scope="module")
def founding_story() -> Story:
    spec = importlib.util.spec_from_file_location("la_sanctuary_2020", EXAMPLE)
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    story = module.build_story()
    assert isinstance(story, Story)
    return story


@pytest.fixture
def story_file(tmp_path: Path, founding_story: Story) -> Path:
    path = tmp_path / "story.json"
    path.write_text(dumps(founding_story) + "\n", encoding="utf-8")
    return path


@pytest.fixture
def bad_story_file(tmp_path: Path, story_file: Path) -> Path:
    document = json.loads(story_file.read_text(encoding="utf-8"))
    document["laws"][0]["titel"] = document["laws"][0].pop("title")
    document["statements"][0]["date"] = "2020-13-45"
    path = tmp_path / "bad.json"
    path.write_text(json.dumps(document, indent=1), encoding="utf-8")
    return path


# --- the program -------------------------------------------------------------------------------


def test_version_and_help() -> None:
    version = cli("--version")
    assert version.returncode == 0
    assert version.stdout.startswith("policyconflict ")
    usage = cli("--help")
    assert usage.returncode == 0
    for command in ("validate", "convert", "query", "schema", "gazetteer"):
        assert command in usage.stdout


@pytest.mark.parametrize(
    "args",
    [(), ("frobnicate",), ("validate",), ("gazetteer", "US", "--level", "planet")],
    ids=["no-command", "unknown-command", "no-files", "bad-choice"],
)
def test_usage_errors_exit_2(args: Sequence[str]) -> None:
    result = cli(*args)
    assert_clean_error(result, 2)
    assert "usage:" in result.stderr


# --- gazetteer -------------------------------------------------------------------------------


def test_gazetteer_resolves_a_name_within_a_level() -> None:
    result = cli("gazetteer", "Los", "Angeles", "--level", "city")
    assert result.returncode == 0, result.stderr
    assert LA_CITY in result.stdout
    assert "California < United States" in result.stdout


def test_gazetteer_json_gives_the_ancestors() -> None:
    result = cli("gazetteer", "US-CA", "--format", "json")
    assert result.returncode == 0
    place = json.loads(result.stdout)
    assert place["id"] == "ocd-division/country:us/state:ca"
    assert place["ancestors"] == ["ocd-division/country:us"]


def test_gazetteer_ambiguous_name_lists_candidates_and_exits_1() -> None:
    result = cli("gazetteer", "Los Angeles")
    assert_clean_error(result, 1)
    assert "ambiguous" in result.stderr
    assert LA_CITY in result.stdout
    assert "ocd-division/country:us/state:ca/county:los_angeles" in result.stdout


def test_gazetteer_unknown_name_exits_1() -> None:
    result = cli("gazetteer", "Atlantis of the Deep")
    assert_clean_error(result, 1)
    assert "no place named" in result.stderr


def test_gazetteer_all_lists_every_match() -> None:
    result = cli("gazetteer", "Springfield", "--all", "--within", "US-IL", "--format", "json")
    assert result.returncode == 0
    found = json.loads(result.stdout)
    assert len(found) >= 2
    assert all(p["id"].startswith("ocd-division/country:us/state:il/") for p in found)
    none = cli("gazetteer", "Atlantis of the Deep", "--all")
    assert_clean_error(none, 1)


def test_gazetteer_bad_within_is_a_clean_error() -> None:
    result = cli("gazetteer", "Springfield", "--within", "XX-NOWHERE")
    assert_clean_error(result, 1)


# --- validate --------------------------------------------------------------------------------


def test_validate_a_valid_story(story_file: Path, founding_story: Story) -> None:
    result = cli("validate", str(story_file))
    assert result.returncode == 0, result.stdout + result.stderr
    count = len(list(founding_story.entities()))
    assert f"valid story ({count} entities)" in result.stdout


def test_validate_reports_every_problem_with_path_and_code(bad_story_file: Path) -> None:
    result = cli("validate", str(bad_story_file))
    assert result.returncode == 1
    assert "$.laws[0].titel: unknown-field:" in result.stdout
    assert "$.laws[0].title: missing-field:" in result.stdout
    assert "$.statements[0].date:" in result.stdout


def test_validate_json_report(story_file: Path, bad_story_file: Path) -> None:
    result = cli("validate", "--format", "json", str(story_file), str(bad_story_file))
    assert result.returncode == 1
    report = json.loads(result.stdout)
    assert report["valid"] is False
    good, bad = report["files"]
    assert good["valid"] is True
    assert good["problems"] == []
    assert bad["valid"] is False
    problems = {(p["path"], p["code"]) for p in bad["problems"]}
    assert ("$.laws[0].titel", "unknown-field") in problems
    assert all(set(p) == {"path", "code", "message"} for p in bad["problems"])


def test_validate_reads_standard_input(story_file: Path) -> None:
    result = cli("validate", "-", stdin=story_file.read_bytes())
    assert result.returncode == 0, result.stdout
    assert "-: valid story" in result.stdout


@pytest.mark.parametrize(
    ("content", "code"),
    [
        (b"\xff\xfe{}", "bad-json"),
        (b"", "bad-json"),
        (b'{"format": "policyconflict", "version": 1, ', "bad-json"),
        (b'{"format": "policyconflict", "version": 999, "id": "s", "title": "t"}', None),
    ],
    ids=["bad-utf8", "empty", "truncated", "future-version"],
)
def test_validate_bad_bytes_are_problems_not_crashes(
    tmp_path: Path, content: bytes, code: str | None
) -> None:
    path = tmp_path / "doc.json"
    path.write_bytes(content)
    result = cli("validate", "--format", "json", str(path))
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    problems = json.loads(result.stdout)["files"][0]["problems"]
    assert problems
    if code is not None:
        assert problems[0]["code"] == code


def test_validate_missing_file_and_directory_exit_2(tmp_path: Path, story_file: Path) -> None:
    result = cli("validate", str(story_file), str(tmp_path / "missing.json"), str(tmp_path))
    assert_clean_error_or_report(result)
    assert "missing.json: cannot read: no such file or directory" in result.stdout
    assert "cannot read: is a directory" in result.stdout
    assert "valid story" in result.stdout  # the readable file is still checked


def assert_clean_error_or_report(result: subprocess.CompletedProcess[str]) -> None:
    assert result.returncode == 2
    assert "Traceback" not in result.stderr + result.stdout


def test_validate_path_through_a_file_exits_2(story_file: Path) -> None:
    result = cli("validate", str(story_file / "inner.json"))
    assert_clean_error_or_report(result)
    assert "not a directory" in result.stdout


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0, reason="root reads any file")
def test_validate_unreadable_file_exits_2(story_file: Path) -> None:
    story_file.chmod(0)
    result = cli("validate", str(story_file))
    assert_clean_error_or_report(result)
    assert "permission denied" in result.stdout


# --- progress ----------------------------------------------------------------------------------


def test_progress_is_shown_on_a_terminal_only(story_file: Path) -> None:
    quiet = cli("validate", str(story_file))
    assert quiet.stderr == ""
    primary, secondary = pty.openpty()
    try:
        result = subprocess.run(
            [sys.executable, "-m", "policyconflict", "validate", str(story_file)],
            stdout=subprocess.PIPE,
            stderr=secondary,
            env=_env(),
            check=False,
            timeout=120,
        )
        os.close(secondary)
        shown = b""
        while True:
            try:
                chunk = os.read(primary, 4096)
            except OSError:  # the terminal is closed: everything has been read
                break
            if not chunk:
                break
            shown += chunk
    finally:
        os.close(primary)
    assert result.returncode == 0
    assert f"reading {story_file}".encode() in shown
    assert shown.endswith(b"\r\x1b[K")  # the progress line is erased at the end


# --- convert ---------------------------------------------------------------------------------


def test_convert_writes_the_canonical_document(tmp_path: Path, story_file: Path) -> None:
    pretty = tmp_path / "pretty.json"
    pretty.write_text(json.dumps(json.loads(story_file.read_bytes()), indent=2), encoding="utf-8")
    out = tmp_path / "out.json"
    result = cli("convert", str(pretty), str(out))
    assert result.returncode == 0, result.stderr
    assert out.read_bytes() == story_file.read_bytes()


def test_convert_in_place_canonicalizes(tmp_path: Path, story_file: Path) -> None:
    path = tmp_path / "edited.json"
    path.write_text(json.dumps(json.loads(story_file.read_bytes()), indent=2), encoding="utf-8")
    path.chmod(0o640)
    result = cli("convert", "--in-place", str(path))
    assert result.returncode == 0, result.stderr
    assert path.read_bytes() == story_file.read_bytes()
    assert path.stat().st_mode & 0o777 == 0o640
    assert sorted(p.name for p in tmp_path.iterdir()) == ["edited.json", "story.json"]


def test_convert_in_place_leaves_an_invalid_file_untouched(
    tmp_path: Path, bad_story_file: Path
) -> None:
    before = bad_story_file.read_bytes()
    listing = sorted(tmp_path.iterdir())
    result = cli("convert", "--in-place", str(bad_story_file))
    assert_clean_error(result, 1)
    assert "$.laws[0].titel" in result.stderr
    assert bad_story_file.read_bytes() == before
    assert sorted(tmp_path.iterdir()) == listing  # no temporary file left behind


def test_convert_to_standard_output(story_file: Path, founding_story: Story) -> None:
    result = cli("convert", str(story_file), "-", "--to", "story")
    assert result.returncode == 0, result.stderr
    assert loads(result.stdout) == founding_story.canonical()


def test_convert_onto_a_directory_exits_2(tmp_path: Path, story_file: Path) -> None:
    target = tmp_path / "dir.json"
    target.mkdir()
    result = cli("convert", str(story_file), str(target))
    assert_clean_error(result, 2)
    assert "is a directory" in result.stderr
    assert list(target.iterdir()) == []


def test_convert_into_a_missing_directory_exits_2(tmp_path: Path, story_file: Path) -> None:
    target = tmp_path / "nowhere" / "out.json"
    result = cli("convert", str(story_file), str(target))
    assert_clean_error(result, 2)
    # the file the user named, not the temporary file the writer would have made beside it
    assert f"{str(target)!r}: no such file or directory" in result.stderr
    assert ".tmp" not in result.stderr


@pytest.mark.parametrize(
    "args",
    [
        ("convert", "a.json"),
        ("convert", "--in-place", "a.json", "b.json"),
        ("convert", "--in-place", "-"),
        ("convert", "STORY", "out.txt"),
        ("convert", "--in-place", "STORY", "--to", "corpus"),
    ],
    ids=["one-path", "in-place-two", "in-place-stdin", "unknown-out", "in-place-to"],
)
def test_convert_usage_errors_exit_2(story_file: Path, args: Sequence[str]) -> None:
    args = [str(story_file) if a == "STORY" else a for a in args]
    result = cli(*args, cwd=story_file.parent)
    assert_clean_error(result, 2)
    assert "usage:" in result.stderr


# --- corpora ---------------------------------------------------------------------------------


@pytest.fixture
def corpus_file(tmp_path: Path, story_file: Path) -> Path:
    path = tmp_path / "corpus.jsonl"
    result = cli("convert", str(story_file), str(path))
    assert result.returncode == 0, result.stderr
    return path


def _corpus_lines(corpus_file: Path) -> list[str]:
    return corpus_file.read_text(encoding="utf-8").splitlines()


def test_story_to_corpus_and_back_is_lossless(
    tmp_path: Path, story_file: Path, corpus_file: Path
) -> None:
    lines = _corpus_lines(corpus_file)
    assert json.loads(lines[0])["type"] == "header"
    assert json.loads(lines[1])["type"] == "story"
    back = tmp_path / "back.json"
    assert cli("convert", str(corpus_file), str(back)).returncode == 0
    assert back.read_bytes() == story_file.read_bytes()


def test_validate_a_corpus_by_extension_and_by_content(
    tmp_path: Path, corpus_file: Path, founding_story: Story
) -> None:
    renamed = tmp_path / "corpus.txt"
    renamed.write_bytes(corpus_file.read_bytes())
    count = len(list(founding_story.entities()))
    for path in (corpus_file, renamed):
        result = cli("validate", str(path))
        assert result.returncode == 0, result.stdout
        assert f"valid corpus ({count} entities)" in result.stdout
    piped = cli("validate", "-", stdin=corpus_file.read_bytes())
    assert piped.returncode == 0
    assert "valid corpus" in piped.stdout


def test_validate_a_corpus_reports_every_bad_line(tmp_path: Path, corpus_file: Path) -> None:
    lines = _corpus_lines(corpus_file)
    lines[4] = lines[4].replace('"id":', '"identifier_typo":', 1)
    lines[8] = lines[8][:-1]  # cut the closing brace
    other_story = [lines[1].replace('"id":"story:', '"id":"story:other-'), lines[2]]
    bad_ref = lines[2].replace('"type":"source"', '"type":"source","bogus":true')
    path = tmp_path / "bad.jsonl"
    path.write_text("\n".join([*lines, *other_story, bad_ref]) + "\n", encoding="utf-8")
    result = cli("validate", "--format", "json", str(path))
    assert result.returncode == 1
    problems = json.loads(result.stdout)["files"][0]["problems"]
    found = {(p["path"], p["code"]) for p in problems}
    assert ("line 5: $.id", "missing-field") in found
    assert any(path.startswith("line 9: $") and code == "bad-json" for path, code in found)
    assert (f"line {len(lines) + 3}: $.bogus", "unknown-field") in found


def test_validate_a_corpus_reports_broken_references_per_story(
    tmp_path: Path, corpus_file: Path
) -> None:
    lines = _corpus_lines(corpus_file)
    number = next(i for i, line in enumerate(lines) if '"speaker":"person:' in line)
    lines[number] = lines[number].replace('"speaker":"person:', '"speaker":"person:nobody-', 1)
    path = tmp_path / "refs.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    result = cli("validate", str(path))
    assert result.returncode == 1
    assert f"line {number + 1}: $.speaker: unknown-reference:" in result.stdout


def test_validate_reports_bad_values_and_dangling_references_together(
    tmp_path: Path, story_file: Path, corpus_file: Path
) -> None:
    document = json.loads(story_file.read_text(encoding="utf-8"))
    document["statements"][0]["date"] = "2020-13-45"
    document["statements"][1]["speaker"] = "person:nobody"
    story = tmp_path / "both.json"
    story.write_text(json.dumps(document), encoding="utf-8")
    lines = _corpus_lines(corpus_file)
    bad, dangling = [i for i, line in enumerate(lines) if '"type":"statement"' in line][:2]
    lines[bad] = lines[bad].replace('"date":"', '"date":"x', 1)
    lines[dangling] = lines[dangling].replace('"speaker":"', '"speaker":"person:nobody-', 1)
    corpus = tmp_path / "both.jsonl"
    corpus.write_text("\n".join(lines) + "\n", encoding="utf-8")
    result = cli("validate", "--format", "json", str(story), str(corpus))
    assert result.returncode == 1, result.stderr
    reports = json.loads(result.stdout)["files"]
    assert [(p["path"], p["code"]) for p in reports[0]["problems"]] == [
        ("$.statements[0].date", "bad-date"),
        ("$.statements[1].speaker", "unknown-reference"),
    ]
    assert [(p["path"], p["code"]) for p in reports[1]["problems"]] == [
        (f"line {bad + 1}: $.date", "bad-date"),
        (f"line {dangling + 1}: $.speaker", "unknown-reference"),
    ]


@pytest.mark.parametrize(
    ("content", "code"),
    [
        (b"", "missing-header"),
        (b'{"type":"story","id":"s","title":"t"}\n', "missing-header"),
        (b'{"format":"policyconflict","type":"header","version":1}\n\n', "bad-json"),
    ],
    ids=["empty", "no-header", "blank-line"],
)
def test_validate_broken_corpora(tmp_path: Path, content: bytes, code: str) -> None:
    path = tmp_path / "c.jsonl"
    path.write_bytes(content)
    result = cli("validate", "--format", "json", str(path))
    assert result.returncode == 1
    codes = [p["code"] for p in json.loads(result.stdout)["files"][0]["problems"]]
    assert code in codes


def test_convert_two_stories_into_one_needs_id_and_title(
    tmp_path: Path, corpus_file: Path, founding_story: Story
) -> None:
    lines = _corpus_lines(corpus_file)
    extra = lines[1].replace('"id":"story:', '"id":"story:other-')
    two = tmp_path / "two.jsonl"
    two.write_text("\n".join([*lines, extra]) + "\n", encoding="utf-8")
    refused = cli("convert", str(two), str(tmp_path / "one.json"))
    assert_clean_error(refused, 2)
    assert "--id and --title" in refused.stderr
    made = cli("convert", str(two), "-", "--to", "story", "--id", "story:all", "--title", "All")
    assert made.returncode == 0, made.stderr
    merged = loads(made.stdout)
    assert merged.id == "story:all"
    assert len(list(merged.entities())) == len(list(founding_story.entities()))


# --- query -----------------------------------------------------------------------------------


def _json(*args: str) -> Any:
    result = cli(*args, "--format", "json")
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def test_query_statements_filters_like_the_corpus(
    story_file: Path, corpus_file: Path, founding_story: Story
) -> None:
    from policyconflict.query import Corpus

    corpus = Corpus([founding_story])
    expected = [s.id for s in corpus.statements(stance="oppose", within=LA_CITY, on="2020-02-14")]
    assert expected
    for path in (story_file, corpus_file):
        found = _json(
            "query",
            "statements",
            str(path),
            "--stance",
            "oppose",
            "--within",
            LA_CITY,
            "--on",
            "2020-02-14",
        )
        assert [s["id"] for s in found] == expected
        assert all(s["type"] == "statement" for s in found)
    surely = _json(
        "query", "statements", str(story_file), "--during", "2020-02", "--certainty", "surely"
    )
    assert [s["id"] for s in surely] == [
        s.id for s in corpus.statements(during="2020-02", certainty=Certainty.SURELY)
    ]  # the same reading of "2020-02" as the library's (all of February, day by day)
    assert surely


def test_query_places_may_be_codes_or_names(story_file: Path) -> None:
    by_id = _json("query", "deployments", str(story_file), "--within", LA_CITY)
    by_name = _json("query", "deployments", str(story_file), "--within", "City of Los Angeles")
    assert by_id == by_name
    assert by_id
    unknown = cli("query", "deployments", str(story_file), "--within", "Atlantis of the Deep")
    assert_clean_error(unknown, 1)


def test_query_an_unknown_place_or_id_is_an_error_not_an_empty_answer(story_file: Path) -> None:
    zz = "ocd-division/country:us/state:zz"
    unknown = cli("query", "deployments", str(story_file), "--within", zz)
    assert_clean_error(unknown, 1)
    assert zz in unknown.stderr
    assert "nothing matches" not in unknown.stderr
    nobody = cli("query", "statements", str(story_file), "--speaker", "person:nobody")
    assert_clean_error(nobody, 1)
    assert "unknown speaker: 'person:nobody'" in nobody.stderr
    by_code = _json("query", "deployments", str(story_file), "--within", "US-CA")
    assert by_code == _json("query", "deployments", str(story_file), "--within", LA_CITY)


def test_query_laws_in_force_in_los_angeles(story_file: Path) -> None:
    laws = _json(
        "query", "laws-in-force", str(story_file), "--place", LA_CITY, "--on", "2020-02-15"
    )
    assert "law:us/ca/2017-2018/sb-54" in [law["id"] for law in laws]
    table = cli("query", "laws-in-force", str(story_file), "--place", LA_CITY, "--on", "2020-02-15")
    assert table.returncode == 0
    header, rule, *rows = table.stdout.splitlines()
    assert header.split()[:2] == ["ID", "IDENTIFIER"]
    assert set(rule) <= {"-", " "}
    assert any("SB 54" in row for row in rows)


def test_query_roles_conflicts_and_timeline(story_file: Path, founding_story: Story) -> None:
    from policyconflict.query import Corpus

    corpus = Corpus([founding_story])
    roles = _json("query", "roles", str(story_file), "--on", "2020-02-14")
    assert [r["id"] for r in roles] == [r.id for r in corpus.roles_on("2020-02-14")]
    conflicts = _json("query", "conflicts", str(story_file), "--kind", "cooperation-restricted")
    assert conflicts
    assert {c["kind"] for c in conflicts} == {"cooperation-restricted"}
    assert all(c["evidence"] for c in conflicts)
    timeline = _json("query", "timeline", str(story_file))
    assert [(t["entity"], t["what"]) for t in timeline] == [
        (e.entity, e.what) for e in corpus.timeline()
    ]
    assert [(t["field"], t["detail"], t["evidence"]) for t in timeline] == [
        (e.field, e.detail, list(e.evidence)) for e in corpus.timeline()
    ]


def test_query_with_no_match_says_so(story_file: Path) -> None:
    result = cli("query", "statements", str(story_file), "--on", "1999-01-01")
    assert result.returncode == 0
    assert result.stdout == ""
    assert "nothing matches" in result.stderr
    assert _json("query", "statements", str(story_file), "--on", "1999-01-01") == []


@pytest.mark.parametrize(
    "args",
    [
        ("query", "statements", "STORY", "--on", "2020-13-01"),
        ("query", "statements", "STORY", "--during", "2020-05/2020-02"),
        ("query", "statements", "STORY", "--on", "2020", "--during", "2020"),
        ("query", "roles", "STORY"),
        ("query", "laws-in-force", "STORY", "--on", "2020"),
        ("query", "conflicts", "STORY", "--kind", "feud"),
        ("query", "statements", "STORY", "--certainty", "perhaps"),
    ],
    ids=[
        "bad-date",
        "bad-period",
        "on-and-during",
        "roles-no-date",
        "laws-no-place",
        "bad-kind",
        "bad-certainty",
    ],
)
def test_query_usage_errors_exit_2(story_file: Path, args: Sequence[str]) -> None:
    result = cli(*[str(story_file) if a == "STORY" else a for a in args])
    assert_clean_error(result, 2)


def test_query_merges_files_and_reports_merge_conflicts(
    tmp_path: Path, story_file: Path, corpus_file: Path
) -> None:
    twice = _json("query", "timeline", str(story_file), str(corpus_file))
    once = _json("query", "timeline", str(story_file))
    assert twice == once  # the same entities defined identically are kept once
    document = json.loads(story_file.read_text(encoding="utf-8"))
    renamed = document["persons"][0]["name"] = "Someone Else"
    changed = tmp_path / "changed.json"
    changed.write_text(json.dumps(document), encoding="utf-8")
    merged = _json("query", "timeline", str(story_file), str(changed))
    assert merged == once  # a different name is an alias: nothing else changes
    # An id used for another kind of thing is a merge conflict.
    person = document["persons"][0]
    group = {"id": person["id"], "name": renamed, "kind": "ngo"}
    document["organizations"] = [*document.get("organizations", []), group]
    document["persons"] = document["persons"][1:]
    document["roles"] = [r for r in document.get("roles", []) if r["person"] != person["id"]]
    clash = tmp_path / "clash.json"
    clash.write_text(json.dumps(document), encoding="utf-8")
    result = cli("query", "timeline", str(story_file), str(clash))
    assert_clean_error(result, 1)
    assert "merge conflict" in result.stderr


def test_query_missing_file_exits_2(tmp_path: Path) -> None:
    result = cli("query", "timeline", str(tmp_path / "absent.jsonl"))
    assert_clean_error(result, 2)
    assert "no such file or directory" in result.stderr


def test_schema_is_the_shipped_schema() -> None:
    result = cli("schema")
    assert result.returncode == 0
    shipped = (SRC / "policyconflict" / "data" / "schema.json").read_text(encoding="utf-8")
    assert json.loads(result.stdout) == json.loads(shipped)
    assert json.loads(result.stdout)["$schema"].endswith("2020-12/schema")


@pytest.mark.parametrize(
    "args",
    [("schema",), ("query", "timeline", "STORY"), ("validate", "--format", "json", "STORY")],
    ids=["schema", "query", "validate"],
)
def test_a_closed_pipe_ends_quietly_with_status_141(story_file: Path, args: Sequence[str]) -> None:
    # `policyconflict query timeline FILE | head -1`: the reader leaves before the writer is
    # done. The status is the one a shell reports for a program a closed pipe ends (128 +
    # SIGPIPE), not 1, which says the input is invalid.
    process = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "policyconflict",
            *[str(story_file) if a == "STORY" else a for a in args],
        ],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env=_env(),
    )
    assert process.stdout is not None
    process.stdout.close()
    _, stderr = process.communicate(timeout=120)
    assert b"Traceback" not in stderr
    assert b"Exception ignored" not in stderr
    assert stderr == b""
    assert process.returncode == 141


# --- the safe writer, where a failure can be made to happen ------------------------------------


def test_atomic_writer_keeps_the_old_file_when_the_writer_fails(tmp_path: Path) -> None:
    from policyconflict._cli._files import atomic_writer

    target = tmp_path / "story.json"
    target.write_bytes(b"old content\n")

    class DiskFull(Exception):
        pass

    def write_half() -> None:
        with atomic_writer(str(target)) as handle:
            handle.write(b"half of the new")
            raise DiskFull

    with pytest.raises(DiskFull):
        write_half()
    assert target.read_bytes() == b"old content\n"
    assert [p.name for p in tmp_path.iterdir()] == ["story.json"]


def test_atomic_writer_replaces_the_file_only_when_complete(tmp_path: Path) -> None:
    from policyconflict._cli._files import atomic_writer

    target = tmp_path / "new.jsonl"
    with atomic_writer(str(target)) as handle:
        handle.write(b"first line\n")
        assert not target.exists()  # nothing is visible under the name until the end
        handle.write(b"second line\n")
    assert target.read_bytes() == b"first line\nsecond line\n"
    assert [p.name for p in tmp_path.iterdir()] == ["new.jsonl"]


def test_query_an_invalid_file_reports_its_problems(story_file: Path, bad_story_file: Path) -> None:
    result = cli("query", "timeline", str(story_file), str(bad_story_file))
    assert_clean_error(result, 1)
    assert "$.laws[0].titel [unknown-field]" in result.stderr
    # the message names the file the problems come from, and only that one
    assert f"error: {bad_story_file}: 3 problems:" in result.stderr
    assert str(story_file) not in result.stderr


def test_convert_an_invalid_story_names_it(tmp_path: Path, bad_story_file: Path) -> None:
    result = cli("convert", str(bad_story_file), str(tmp_path / "out.jsonl"))
    assert_clean_error(result, 1)
    assert f"error: {bad_story_file}: 3 problems:" in result.stderr


def test_query_merge_conflict_names_the_file(tmp_path: Path, story_file: Path) -> None:
    # an id used for another kind of thing: the file that brings it is named
    document = json.loads(story_file.read_text(encoding="utf-8"))
    person = document["persons"].pop(0)
    group = {"id": person["id"], "name": person["name"], "kind": "ngo"}
    document["organizations"] = [*document.get("organizations", []), group]
    document["roles"] = [r for r in document.get("roles", []) if r["person"] != person["id"]]
    changed = tmp_path / "changed.json"
    changed.write_text(json.dumps(document), encoding="utf-8")
    result = cli("query", "timeline", str(story_file), str(changed))
    assert_clean_error(result, 1)
    assert f"error: {changed}: " in result.stderr


def test_query_ambiguous_place_names_the_option(story_file: Path) -> None:
    result = cli("query", "deployments", str(story_file), "--within", "Los Angeles")
    assert_clean_error(result, 1)
    assert f"error: query of {story_file}: --within: 'Los Angeles' is ambiguous" in result.stderr
    assert LA_CITY in result.stderr
    assert "within=" not in result.stderr


def test_gazetteer_ambiguity_names_the_options_of_the_command() -> None:
    result = cli("gazetteer", "Los Angeles")
    assert_clean_error(result, 1)
    assert "--within or --level" in result.stderr
    assert "within=" not in result.stderr
    assert "level=" not in result.stderr
    within = cli("gazetteer", "Springfield", "--within", "Los Angeles")
    assert_clean_error(within, 1)
    assert "--within: 'Los Angeles' is ambiguous" in within.stderr
    assert "within=" not in within.stderr


def test_query_usage_error_prints_the_subcommand_usage(story_file: Path) -> None:
    result = cli("query", "conflicts", str(story_file), "--kind", "nonsense")
    assert_clean_error(result, 2)
    assert result.stderr.startswith("usage: policyconflict query conflicts ")
    assert (
        "policyconflict query conflicts: error: unknown conflict kind 'nonsense'" in result.stderr
    )
    convert = cli("convert", str(story_file))
    assert_clean_error(convert, 2)
    assert convert.stderr.startswith("usage: policyconflict convert ")


def test_convert_an_invalid_corpus_writes_nothing(tmp_path: Path, corpus_file: Path) -> None:
    lines = _corpus_lines(corpus_file)
    lines[3] = lines[3].replace('"type":', '"extra":1,"type":', 1)
    corpus_file.write_text("\n".join(lines) + "\n", encoding="utf-8")
    before = corpus_file.read_bytes()
    in_place = cli("convert", "--in-place", str(corpus_file))
    assert_clean_error(in_place, 1)
    assert "line 4: $.extra" in in_place.stderr
    assert corpus_file.read_bytes() == before
    target = tmp_path / "out.json"
    converted = cli("convert", str(corpus_file), str(target))
    assert_clean_error(converted, 1)
    assert not target.exists()


# --- telling a story from a corpus -----------------------------------------------------------


@pytest.mark.parametrize(
    ("head", "kind"),
    [
        (b'{"format":"policyconflict","id":"s","title":"t","version":1}\n', "story"),
        (b'{\n  "format": "policyconflict",\n  "id": "s"\n}\n', "story"),
        (b'{"format":"policyconflict","type":"header","version":1}\n{"id":"s"}\n', "corpus"),
        (b'{"format":"policyconflict","type":"header","version":1}\n', "corpus"),
        (b"", "story"),
        (b"not json at all", "story"),
    ],
    ids=["story-line", "story-pretty", "corpus", "corpus-header-only", "empty", "garbage"],
)
def test_sniff_tells_a_story_from_a_corpus(head: bytes, kind: str) -> None:
    from policyconflict._cli._formats import sniff

    assert sniff(head) == kind


def test_validate_a_story_with_an_unknown_ending(tmp_path: Path, story_file: Path) -> None:
    pretty = tmp_path / "story.data"
    pretty.write_text(json.dumps(json.loads(story_file.read_bytes()), indent=2), encoding="utf-8")
    result = cli("validate", str(pretty))
    assert result.returncode == 0, result.stdout
    assert "valid story" in result.stdout


def _interruptible() -> None:
    signal.signal(signal.SIGINT, signal.SIG_DFL)


def _blocked_reading(pid: int) -> bool:
    """Whether process ``pid`` is blocked in read() of its standard input (Linux x86-64:
    syscall number 0, on a descriptor open on the same pipe as descriptor 0), not of a module
    file during start-up."""
    try:
        fields = Path(f"/proc/{pid}/syscall").read_text().split()
        if len(fields) < 2 or fields[0] != "0":
            return False
        fd = int(fields[1], 16)
        return os.readlink(f"/proc/{pid}/fd/{fd}") == os.readlink(f"/proc/{pid}/fd/0")
    except OSError:
        return False


@pytest.mark.skipif(
    not sys.platform.startswith("linux") or os.uname().machine != "x86_64",
    reason="finds the moment to interrupt through /proc/PID/syscall",
)
def test_an_interrupt_ends_with_status_130_and_no_traceback() -> None:
    process = subprocess.Popen(
        [sys.executable, "-m", "policyconflict", "validate", "-"],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env=_env(),
        # as at a terminal: a shell starts background jobs with SIGINT ignored, and a child
        # inherits that, so a test run in the background would otherwise never see Ctrl-C
        preexec_fn=_interruptible,
    )
    try:
        # Wait until it is waiting for its input: seen blocked in read() three polls in a row,
        # so that a quick read of a module file during start-up is not mistaken for it.
        seen = 0
        for _ in range(6000):
            seen = seen + 1 if _blocked_reading(process.pid) else 0
            if seen == 3 or process.poll() is not None:
                break
            time.sleep(0.01)
        assert seen == 3
        process.send_signal(signal.SIGINT)
        _, stderr = process.communicate(timeout=60)
    finally:
        if process.poll() is None:
            process.kill()
            process.wait()
    assert process.returncode == 130, stderr.decode("utf-8", "replace")
    assert b"interrupted" in stderr
    assert b"Traceback" not in stderr


# --- text the output cannot carry --------------------------------------------------------------

SURROGATE = "\ud800"


@pytest.fixture
def surrogate_files(tmp_path: Path, story_file: Path, corpus_file: Path) -> tuple[Path, Path]:
    """A story and a corpus whose problems' paths hold a lone surrogate (as JSON escapes)."""
    document = json.loads(story_file.read_text(encoding="utf-8"))
    document["laws"][0][SURROGATE] = 1
    story = tmp_path / "surrogate.json"
    story.write_text(json.dumps(document), encoding="utf-8")  # as the escape \\ud800
    lines = _corpus_lines(corpus_file)
    lines[3] = lines[3].replace('"type":', '"\\ud800":1,"type":', 1)
    corpus = tmp_path / "surrogate.jsonl"
    corpus.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return story, corpus


def test_validate_escapes_a_lone_surrogate_in_a_path(surrogate_files: tuple[Path, Path]) -> None:
    story, corpus = surrogate_files
    text = cli("validate", str(story), str(corpus))
    assert (text.returncode, text.stderr) == (1, "")
    assert f"{story}: $.laws[0].\\ud800: unknown-field:" in text.stdout
    assert f"{corpus}: line 4: $.\\ud800: unknown-field:" in text.stdout
    as_json = cli("validate", "--format", "json", str(story), str(corpus))
    assert (as_json.returncode, as_json.stderr) == (1, "")
    files = json.loads(as_json.stdout)["files"]  # valid JSON, reading back the very key
    assert [p["path"] for f in files for p in f["problems"]] == [
        f"$.laws[0].{SURROGATE}",
        f"line 4: $.{SURROGATE}",
    ]
    query = cli("query", "timeline", str(corpus))  # the error goes to standard error
    assert_clean_error(query, 1)
    assert "line 4: $.\\ud800" in query.stderr


def test_main_escapes_what_its_streams_cannot_encode(
    monkeypatch: pytest.MonkeyPatch, surrogate_files: tuple[Path, Path]
) -> None:
    from policyconflict.cli import main

    story, corpus = surrogate_files
    stdout = io.TextIOWrapper(io.BytesIO(), encoding="utf-8")  # strict, like a real stdout
    stderr = io.TextIOWrapper(io.BytesIO(), encoding="ascii")
    monkeypatch.setattr(sys, "stdout", stdout)
    monkeypatch.setattr(sys, "stderr", stderr)
    assert main(["validate", str(story)]) == 1
    assert main(["validate", "--format", "json", str(corpus)]) == 1
    assert main(["query", "timeline", str(story)]) == 1
    for stream in (stdout, stderr):
        stream.flush()
        assert stream.errors == "strict"  # restored after each run
    written = stdout.buffer.getvalue().decode("utf-8")
    report, document = written.split("\n", 2)[:2], written.split("\n", 2)[2]
    assert report[1].startswith(f"{story}: $.laws[0].\\ud800: unknown-field:")
    assert json.loads(document)["files"][0]["problems"][0]["path"] == f"line 4: $.{SURROGATE}"
    errors = stderr.buffer.getvalue().decode("ascii")
    assert "$.laws[0].\\ud800" in errors


def test_json_output_is_valid_in_any_encoding() -> None:
    from policyconflict._cli._output import print_json

    value = {"path": f"$.{SURROGATE}", "name": "Zoë 東京"}
    for encoding in ("utf-8", "ascii", "latin-1"):
        buffer = io.BytesIO()
        stream = io.TextIOWrapper(buffer, encoding=encoding)
        print_json(stream, value)
        stream.flush()
        assert json.loads(buffer.getvalue().decode(encoding)) == value


# --- what the library writes, validate reads back ------------------------------------------------


@settings(max_examples=25, deadline=None)
@given(st.lists(st.one_of(stories(max_entities=6), STRATEGIES[Person]()), max_size=3))
def test_validate_accepts_what_write_jsonl_writes(items: list[Any]) -> None:
    """Law: a file that write_jsonl writes, validate finds valid, with every entity counted;
    what validate would refuse (a bare entity outside a story), write_jsonl does not write."""
    from policyconflict._cli.validate import check_file
    from policyconflict.serialization import write_jsonl

    with tempfile.TemporaryDirectory() as directory:
        path = Path(directory) / "corpus.jsonl"
        try:
            write_jsonl(items, path)
        except TypeError:
            assert not all(isinstance(item, Story) for item in items)
            return
        report = check_file(str(path), io.StringIO())
    assert report.problems == ()
    assert report.valid
    assert report.entities == sum(len(list(s.entities())) for s in items)


def test_query_an_unknown_place_id_is_an_error_naming_the_file(story_file: Path) -> None:
    # an OCD id that no gazetteer or corpus knows: the corpus raises, the command line says so
    # (status 1, the file asked, no traceback), never "nothing matches" with status 0
    place = "ocd-division/country:us/state:zz"
    result = cli("query", "deployments", str(story_file), "--within", place)
    assert_clean_error(result, 1)
    assert f"error: query of {story_file}: " in result.stderr
    assert place in result.stderr
    assert "nothing matches" not in result.stderr
