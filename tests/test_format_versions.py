"""Versions: every document carries one, newer ones are refused naming both versions, and older
ones go through the migration registry."""

from __future__ import annotations

import io
import json
from typing import Any

import attrs
import pytest

from format_helpers import small_document, small_story
from policyconflict import ValidationError
from policyconflict.serialization import (
    FORMAT_VERSION,
    MIGRATIONS,
    iter_jsonl,
    loads,
    read_stories,
    register_migration,
    write_jsonl,
)
from policyconflict.serialization.jsonl import iter_story_records


def write_jsonl_text(stories: list[Any]) -> str:
    out = io.StringIO()
    write_jsonl(stories, out)
    return out.getvalue()


def test_every_document_carries_format_and_version() -> None:
    value = small_document()
    assert value["format"] == "policyconflict"
    assert value["version"] == FORMAT_VERSION == 2


def test_version_two_registers_the_one_migration_from_version_one() -> None:
    assert set(MIGRATIONS) == {1}


def one_claimant(figure: dict[str, Any]) -> dict[str, Any]:
    """A version-2 figure of one claimant written as version 1 wrote it: a claimant string."""
    (claimant,) = figure["claimed_by"]
    return {**figure, "claimed_by": claimant}


def version_one(document: dict[str, Any]) -> dict[str, Any]:
    """A version-2 document of figures with one claimant each, as version 1 wrote it."""
    return {**document, "version": 1, "figures": [one_claimant(f) for f in document["figures"]]}


def test_a_version_one_document_loads_as_the_same_story() -> None:
    old = version_one(small_document())
    assert old["figures"][0]["claimed_by"] == "agency:us/dhs/ice"
    assert loads(json.dumps(old)) == small_story().canonical()


def version_one_text(text: str) -> str:
    """A version-2 corpus written as version 1 wrote it: the header says 1, and no line names
    its story."""
    lines = [json.loads(line) for line in text.splitlines()]
    assert lines[0]["version"] == 2
    lines[0]["version"] = 1
    for line in lines:
        line.pop("in_story", None)
    lines = [one_claimant(line) if line["type"] == "figure" else line for line in lines]
    return "".join(json.dumps(line, sort_keys=True) + "\n" for line in lines)


def test_a_version_one_corpus_loads_as_the_same_stories() -> None:
    text = write_jsonl_text([small_story()])
    old = version_one_text(text)
    assert "in_story" in text
    assert "in_story" not in old
    assert '"claimed_by": "agency:us/dhs/ice"' in old
    assert list(read_stories(io.StringIO(old))) == list(read_stories(io.StringIO(text)))


def test_version_one_lines_take_their_story_from_the_story_line_above() -> None:
    other = attrs.evolve(small_story(), id="story:other")
    text = write_jsonl_text([small_story(), other])
    new = [(r.story, r.record) for r in iter_story_records(io.StringIO(text))]
    old = [(r.story, r.record) for r in iter_story_records(io.StringIO(version_one_text(text)))]
    assert old == new
    assert {story for story, _ in new} == {small_story().id, "story:other"}


def test_a_version_one_corpus_line_cannot_name_its_story() -> None:
    text = write_jsonl_text([small_story()])
    old = text.replace('"version":2', '"version":1', 1)
    with pytest.raises(ValidationError, match="in_story") as caught:
        list(read_stories(io.StringIO(old)))
    assert caught.value.problems[0].code == "migration-failed"


def test_a_version_one_figure_without_claimant_loads_with_none() -> None:
    old = version_one(small_document())
    del old["figures"][0]["claimed_by"]
    (figure,) = loads(json.dumps(old)).figures
    assert figure.claimed_by == ()


@pytest.mark.parametrize(
    ("where", "key", "value"),
    [
        ("figure", "notes", [{"text": "x", "by_encoder": True}]),
        ("figure", "denominator", "ballots-cast"),
        ("citation", "confidence", "inferred"),
        ("citation", "assessments", [{"rating": "low"}]),
        ("source", "edition", "late edition"),
        ("source", "republication", "repost"),
        ("source", "published_within", "2025-08/"),
    ],
)
def test_a_version_one_document_cannot_hold_provenance_keys(
    where: str, key: str, value: object
) -> None:
    old = version_one(small_document())
    if where == "figure":
        old["figures"][0][key] = value
    elif where == "citation":
        old["figures"][0]["sources"] = [{"source": old["sources"][0]["id"], key: value}]
    else:
        old["sources"][0][key] = value
    with pytest.raises(ValidationError) as caught:
        loads(json.dumps(old))
    (problem,) = caught.value.problems
    assert (problem.code, problem.path) == ("migration-failed", "$")
    assert f"{key}: new in format version 2" in problem.message


def test_a_version_one_figure_with_a_list_of_claimants_is_refused() -> None:
    old = version_one(small_document())
    old["figures"][0]["claimed_by"] = ["agency:us/dhs/ice"]
    with pytest.raises(ValidationError) as caught:
        loads(json.dumps(old))
    (problem,) = caught.value.problems
    assert problem.code == "migration-failed"
    assert "list of claimants is new in format version 2" in problem.message


def test_a_version_one_document_cannot_hold_what_version_two_added() -> None:
    old = small_document()
    old["version"] = 1
    old["control_transfers"] = []
    with pytest.raises(ValidationError) as caught:
        loads(json.dumps(old))
    (problem,) = caught.value.problems
    assert (problem.code, problem.path) == ("migration-failed", "$")
    assert "new in format version 2" in problem.message


def test_a_version_one_corpus_cannot_hold_a_control_transfer() -> None:
    text = (
        '{"format":"policyconflict","type":"header","version":1}\n'
        '{"id":"story:x","title":"T","type":"story"}\n'
        '{"force":"agency:a","id":"transfer:x","to_command":"agency:b","type":"control_transfer"}\n'
    )
    with pytest.raises(ValidationError) as caught:
        list(read_stories(io.StringIO(text)))
    assert [(p.code, p.path) for p in caught.value.problems] == [("migration-failed", "line 3: $")]


def test_a_registered_migration_upgrades_an_older_document(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("policyconflict.serialization._migrations.MIGRATIONS", dict(MIGRATIONS))
    from policyconflict.serialization import _migrations

    seen: list[int] = []

    @register_migration(0)
    def rename_people(document: dict[str, Any]) -> dict[str, Any]:
        seen.append(document["version"])
        people = document.pop("people")
        return {**document, "persons": people, "version": 1}

    assert {0: rename_people, 1: MIGRATIONS[1]} == _migrations.MIGRATIONS
    old = version_one(small_document())
    old["version"] = 0
    old["people"] = old.pop("persons")
    assert loads(json.dumps(old)) == small_story().canonical()
    assert seen == [0]


def test_registering_twice_is_an_error(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("policyconflict.serialization._migrations.MIGRATIONS", {})
    register_migration(0)(lambda d: d)
    with pytest.raises(ValueError, match="already registered"):
        register_migration(0)(lambda d: d)


def test_an_older_version_without_migration_is_refused() -> None:
    old = small_document()
    old["version"] = 0
    with pytest.raises(ValidationError) as caught:
        loads(json.dumps(old))
    (problem,) = caught.value.problems
    assert (problem.code, problem.path) == ("unsupported-version", "$.version")
    assert "version 0" in problem.message
    assert "version 2" in problem.message


def test_a_failing_migration_is_reported_not_raised(monkeypatch: pytest.MonkeyPatch) -> None:
    def broken(document: dict[str, Any]) -> dict[str, Any]:
        raise KeyError("people")

    monkeypatch.setattr(
        "policyconflict.serialization._migrations.MIGRATIONS", {0: broken, 1: MIGRATIONS[1]}
    )
    old = small_document()
    old["version"] = 0
    with pytest.raises(ValidationError) as caught:
        loads(json.dumps(old))
    assert caught.value.codes == ("migration-failed",)


_ENVELOPES: dict[str, dict[str, Any]] = {
    "format missing": {"version": 1},
    "another format": {"format": "popolo", "version": 1},
    "format not a string": {"format": 1, "version": 1},
    "version missing": {"format": "policyconflict"},
    "version a string": {"format": "policyconflict", "version": "1"},
    "version a boolean": {"format": "policyconflict", "version": True},
    "version newer": {"format": "policyconflict", "version": 3},
    "version older, no migration": {"format": "policyconflict", "version": 0},
    "both wrong": {"format": "other", "version": 3},
}


@pytest.mark.parametrize("keys", _ENVELOPES.values(), ids=_ENVELOPES.keys())
def test_a_document_and_a_corpus_header_report_the_same_envelope_problems(
    keys: dict[str, Any],
) -> None:
    """One check of ``format`` and ``version``: the same bad keys give the same problems (code,
    path, message), whether they head a story document or a JSON Lines corpus."""
    document = {k: v for k, v in small_document().items() if k not in ("format", "version")}
    with pytest.raises(ValidationError) as in_document:
        loads(json.dumps({**document, **keys}))
    header = json.dumps({**keys, "type": "header"}) + "\n"
    with pytest.raises(ValidationError) as in_corpus:
        list(iter_jsonl(io.StringIO(header)))
    envelope_problems = [
        (p.code, p.path, p.message)
        for p in in_document.value.problems
        if p.path in ("$.format", "$.version")
    ]
    assert envelope_problems
    assert [
        (p.code, p.path.removeprefix("line 1: "), p.message) for p in in_corpus.value.problems
    ] == (envelope_problems)
