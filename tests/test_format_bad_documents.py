"""A catalogue of bad documents: each is rejected with one ValidationError whose problems have
exactly the expected codes and paths."""

from __future__ import annotations

import enum
import typing
from collections.abc import Callable
from typing import Any

import attrs
import pytest

from format_helpers import small_document, text_of
from policyconflict import ValidationError
from policyconflict.dates import PartialDate, Period
from policyconflict.serialization import MAX_DEPTH, loads
from policyconflict.serialization._converter import CONVERTER, Invalid
from policyconflict.story import Story

Doc = dict[str, Any]
CITE = "$.statements[0].sources[0]"


def edit(change: Callable[[Doc], None]) -> str:
    """The small document's text after ``change``."""
    doc = small_document()
    change(doc)
    return text_of(doc)


def replace(old: str, new: str) -> str:
    """The small document's text with one piece of its text replaced."""
    text = text_of(small_document())
    assert old in text
    return text.replace(old, new, 1)


def setter(path: tuple[Any, ...], value: Any) -> Callable[[Doc], None]:
    def change(doc: Doc) -> None:
        target: Any = doc
        for step in path[:-1]:
            target = target[step]
        target[path[-1]] = value

    return change


def deleter(path: tuple[Any, ...]) -> Callable[[Doc], None]:
    def change(doc: Doc) -> None:
        target: Any = doc
        for step in path[:-1]:
            target = target[step]
        del target[path[-1]]

    return change


def add_role(acting: Any) -> Callable[[Doc], None]:
    def change(doc: Doc) -> None:
        doc["roles"] = [
            {
                "id": "role:eric-garcetti/mayor",
                "person": "person:eric-garcetti",
                "organization": "ocd-division/country:us",
                "title": "Mayor",
                "acting": acting,
            }
        ]

    return change


def nested(depth: int) -> Any:
    value: Any = []
    for _ in range(depth - 1):
        value = [value]
    return value


START = ("statements", 0, "sources", 0, "start")
DEEP_PATH = "$.x" + "[0]" * (MAX_DEPTH - 1)  # the root is level 1, $.x level 2

CATALOGUE: list[tuple[str, str | bytes, list[tuple[str, str]]]] = [
    ("unknown top-level key", edit(setter(("extra",), 1)), [("unknown-field", "$.extra")]),
    (
        "unknown nested key",
        edit(setter(("statements", 0, "sources", 0, "page"), 3)),
        [("unknown-field", f"{CITE}.page")],
    ),
    (
        "missing required field",
        edit(deleter(("persons", 0, "name"))),
        [("missing-field", "$.persons[0].name")],
    ),
    ("missing story id", edit(deleter(("id",))), [("missing-field", "$.id")]),
    ("string for integer", edit(setter(START, "10")), [("wrong-type", f"{CITE}.start")]),
    ("float for integer", edit(setter(START, 1.9)), [("wrong-type", f"{CITE}.start")]),
    ("true for integer", edit(setter(START, True)), [("wrong-type", f"{CITE}.start")]),
    (
        "null for text",
        edit(setter(("persons", 0, "name"), None)),
        [("wrong-type", "$.persons[0].name")],
    ),
    ('"false" for a bool', edit(add_role("false")), [("wrong-type", "$.roles[0].acting")]),
    ("1 for a bool", edit(add_role(1)), [("wrong-type", "$.roles[0].acting")]),
    (
        "number for text",
        edit(setter(("statements", 0, "text"), 100)),
        [("wrong-type", "$.statements[0].text")],
    ),
    (
        "NaN",
        replace('"value":100', '"value":NaN'),
        [("not-finite", "$.figures[0].quantity.value")],
    ),
    (
        "Infinity",
        replace('"value":100', '"value":Infinity'),
        [("not-finite", "$.figures[0].quantity.value")],
    ),
    (
        "-Infinity",
        replace('"value":100', '"value":-Infinity'),
        [("not-finite", "$.figures[0].quantity.value")],
    ),
    (
        "float overflowing to infinity",
        replace('"value":100', '"value":1e999'),
        [("too-large", "$.figures[0].quantity.value")],
    ),
    (
        "number beyond 2**53",
        replace('"value":100', '"value":1.5e20'),
        [("too-large", "$.figures[0].quantity.value")],
    ),
    (
        "integer beyond 2**53 where any number may go",
        replace('"value":100', f'"value":{2**60}'),
        [("too-large", "$.figures[0].quantity.value")],
    ),
    (
        "integer beyond 2**53",
        replace('"start":10', f'"start":{2**53 + 1}'),
        [("too-large", f"{CITE}.start")],
    ),
    (
        "integer of 5,000 digits",
        replace('"start":10', '"start":' + "9" * 5000),
        [("too-large", f"{CITE}.start")],
    ),
    (
        "duplicate top-level key",
        replace('{"', '{"title": "again", "'),
        [("duplicate-key", "$.title")],
    ),
    (
        "duplicate nested key",
        replace('"name":"Eric Garcetti"', '"name":"Eric Garcetti","name":"Eric"'),
        [("duplicate-key", "$.persons[0].name")],
    ),
    (
        "nesting deeper than the limit",
        edit(setter(("x",), nested(MAX_DEPTH + 5))),
        [("unknown-field", "$.x"), ("too-deep", DEEP_PATH)],
    ),
    ("nesting too deep to parse", "[" * 100_000 + "]" * 100_000, [("too-deep", "$")]),
    (
        "impossible date",
        edit(setter(("statements", 0, "date"), "2020-02-30")),
        [("bad-date", "$.statements[0].date")],
    ),
    (
        "date not in EDTF",
        edit(setter(("statements", 0, "date"), "Feb 14, 2020")),
        [("bad-date", "$.statements[0].date")],
    ),
    (
        "period ending before it starts",
        edit(setter(("figures", 0, "period"), "2020-05/2020-02")),
        [("bad-date", "$.figures[0].period")],
    ),
    (
        "date as a number",
        edit(setter(("statements", 0, "date"), 2020)),
        [("wrong-type", "$.statements[0].date")],
    ),
    (
        "invalid id",
        edit(setter(("persons", 0, "id"), "Eric Garcetti")),
        [("bad-id", "$.persons[0].id")],
    ),
    (
        "invalid enum value",
        edit(setter(("statements", 0, "channel"), "television")),
        [("bad-enum", "$.statements[0].channel")],
    ),
    (
        "enum value in the wrong case",
        edit(setter(("sources", 0, "kind"), "NEWS-ARTICLE")),
        [("bad-enum", "$.sources[0].kind")],
    ),
    (
        "lone surrogate",
        replace("We will not", "We \\ud800 will not"),
        [("bad-text", "$.statements[0].text")],
    ),
    ("truncated JSON", text_of(small_document())[:-5], [("bad-json", "$")]),
    ("trailing comma", replace('],"title"', '],,"title"'), [("bad-json", "$")]),
    ("bytes that are not UTF-8", b'{"id": "\xff"}', [("bad-json", "$")]),
    ("byte order mark", "\ufeff" + text_of(small_document()), [("bad-json", "$")]),
    ("newer version", edit(setter(("version",), 3)), [("unsupported-version", "$.version")]),
    ("version as text", edit(setter(("version",), "1")), [("wrong-type", "$.version")]),
    ("missing version", edit(deleter(("version",))), [("missing-field", "$.version")]),
    ("another format", edit(setter(("format",), "popolo")), [("bad-format", "$.format")]),
    ("array at the root", "[]", [("wrong-type", "$")]),
    (
        "entity that is not an object",
        edit(setter(("persons", 0), "x")),
        [("wrong-type", "$.persons[0]")],
    ),
    (
        "collection that is not an array",
        edit(setter(("persons",), {})),
        [("wrong-type", "$.persons")],
    ),
    (
        "dangling reference",
        edit(setter(("statements", 0, "speaker"), "person:nobody")),
        [("unknown-reference", "$.statements[0].speaker")],
    ),
    (
        "reference to the wrong kind",
        edit(setter(("laws", 0, "jurisdiction"), "person:eric-garcetti")),
        [("wrong-kind", "$.laws[0].jurisdiction")],
    ),
    (
        "end offset before start offset",
        edit(setter(("statements", 0, "sources", 0, "end"), 5)),
        [("end-before-start", f"{CITE}.end")],
    ),
    ("empty name", edit(setter(("persons", 0, "name"), " ")), [("empty", "$.persons[0].name")]),
    (
        "negative count",
        edit(setter(START, -1)),
        [("negative", f"{CITE}.start")],
    ),
    (
        "same id twice",
        edit(setter(("persons", 1, "id"), "person:eric-garcetti")),
        [
            ("duplicate-id", "$.persons[1].id"),
            ("unknown-reference", "$.statements[1].speaker"),
        ],
    ),
]


@pytest.mark.parametrize(
    ("text", "expected"),
    [pytest.param(text, expected, id=name) for name, text, expected in CATALOGUE],
)
def test_bad_document_is_rejected_with_code_and_path(
    text: str | bytes, expected: list[tuple[str, str]]
) -> None:
    with pytest.raises(ValidationError) as caught:
        loads(text)
    found = [(p.code, p.path) for p in caught.value.problems]
    assert sorted(found) == sorted(expected)


def test_catalogue_is_large_and_covers_every_documented_code() -> None:
    codes = {code for _name, _text, expected in CATALOGUE for code, _path in expected}
    documented = {
        "unknown-field", "missing-field", "wrong-type", "not-finite", "duplicate-key",
        "too-large", "too-deep", "bad-date", "bad-id", "bad-enum", "bad-text", "bad-json",
        "unsupported-version", "bad-format", "unknown-reference", "wrong-kind",
    }  # fmt: skip
    assert len(CATALOGUE) >= 25
    assert documented <= codes


def test_all_problems_are_reported_at_once() -> None:
    def change(doc: Doc) -> None:
        doc["extra"] = True
        doc["statements"][0]["date"] = "2020-13"
        doc["statements"][1]["channel"] = "tv"
        del doc["persons"][0]["name"]
        doc["figures"][0]["quantity"]["value"] = "100"

    with pytest.raises(ValidationError) as caught:
        loads(edit(change))
    assert sorted(caught.value.paths) == sorted(
        [
            "$.extra",
            "$.statements[0].date",
            "$.statements[1].channel",
            "$.persons[0].name",
            "$.figures[0].quantity.value",
        ]
    )


def test_malformed_json_gives_line_and_column() -> None:
    with pytest.raises(ValidationError) as caught:
        loads('{\n  "format": "policyconflict",\n  "version": 1,\n  "id" "story:x"\n}')
    (problem,) = caught.value.problems
    assert problem.code == "bad-json"
    assert "line 4 column 8" in problem.message


def test_newer_version_names_both_versions() -> None:
    with pytest.raises(ValidationError) as caught:
        loads(edit(setter(("version",), 7)))
    message = caught.value.problems[0].message
    assert "version 7" in message
    assert "up to 2" in message


def test_bad_enum_lists_the_allowed_values() -> None:
    with pytest.raises(ValidationError) as caught:
        loads(edit(setter(("statements", 0, "channel"), "tv")))
    message = caught.value.problems[0].message
    assert "'press-release'" in message
    assert "'social-media'" in message


def _enums_reachable_from(root: type[Any]) -> set[type[enum.Enum]]:
    found: set[type[enum.Enum]] = set()
    seen: set[Any] = set()
    pending: list[Any] = [root]
    while pending:
        tp = pending.pop()
        if tp in seen:
            continue
        seen.add(tp)
        if isinstance(tp, type) and issubclass(tp, enum.Enum):
            found.add(tp)
        elif attrs.has(tp) and tp not in (PartialDate, Period):
            pending.extend(field.type for field in attrs.fields(attrs.resolve_types(tp)))
        else:
            pending.extend(typing.get_args(tp))
    return found


def test_every_enum_a_story_can_hold_reports_bad_enum() -> None:
    """The converter registers the model's enums from its modules; none may be missing (an
    unregistered str enum would reach the str hook and accept any text)."""
    enums = _enums_reachable_from(Story)
    assert len(enums) >= 15
    for enum_type in enums:
        hook = CONVERTER.get_structure_hook(enum_type)
        member = next(iter(enum_type))
        assert hook(member.value, enum_type) is member
        with pytest.raises(Invalid) as caught:
            hook("no-such-value", enum_type)
        assert caught.value.code == "bad-enum", enum_type


def test_bad_date_message_comes_from_the_date_parser() -> None:
    with pytest.raises(ValidationError) as caught:
        loads(edit(setter(("statements", 0, "date"), "2020-02-14T10:00")))
    assert "UTC offset" in caught.value.problems[0].message
