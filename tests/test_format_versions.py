"""Versions: every document carries one, newer ones are refused naming both versions, and older
ones go through the migration registry."""

from __future__ import annotations

import io
import json
from typing import Any

import pytest

from format_helpers import small_document, small_story
from policyconflict import ValidationError
from policyconflict.serialization import (
    FORMAT_VERSION,
    MIGRATIONS,
    iter_jsonl,
    loads,
    register_migration,
)


def test_every_document_carries_format_and_version() -> None:
    value = small_document()
    assert value["format"] == "policyconflict"
    assert value["version"] == FORMAT_VERSION == 1


def test_version_one_is_the_first_so_no_migration_is_registered() -> None:
    assert MIGRATIONS == {}


def test_a_registered_migration_upgrades_an_older_document(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("policyconflict.serialization._migrations.MIGRATIONS", {})
    from policyconflict.serialization import _migrations

    seen: list[int] = []

    @register_migration(0)
    def rename_people(document: dict[str, Any]) -> dict[str, Any]:
        seen.append(document["version"])
        people = document.pop("people")
        return {**document, "persons": people, "version": 1}

    assert {0: rename_people} == _migrations.MIGRATIONS
    old = small_document()
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
    assert "version 1" in problem.message


def test_a_failing_migration_is_reported_not_raised(monkeypatch: pytest.MonkeyPatch) -> None:
    def broken(document: dict[str, Any]) -> dict[str, Any]:
        raise KeyError("people")

    monkeypatch.setattr("policyconflict.serialization._migrations.MIGRATIONS", {0: broken})
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
    "version newer": {"format": "policyconflict", "version": 2},
    "version older, no migration": {"format": "policyconflict", "version": 0},
    "both wrong": {"format": "other", "version": 2},
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
