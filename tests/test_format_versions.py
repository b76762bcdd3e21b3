"""Versions: every document carries one, newer ones are refused naming both versions, and older
ones go through the migration registry."""

from __future__ import annotations

import json
from typing import Any

import pytest

from format_helpers import small_document, small_story
from policyconflict import ValidationError
from policyconflict.serialization import FORMAT_VERSION, MIGRATIONS, loads, register_migration


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
