"""JSON Lines corpora: writing then reading gives the same entities and stories, line by line;
reading streams; a bad line is reported with its line number."""

from __future__ import annotations

import io
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from format_helpers import small_story
from policyconflict import PartialDate, Person, Statement, ValidationError
from policyconflict.serialization import (
    TAGS,
    StoryStart,
    dumps,
    iter_jsonl,
    read_stories,
    write_jsonl,
    write_records,
)
from policyconflict.serialization.jsonl import BATCH
from policyconflict.story import Story
from policyconflict.testing import STRATEGIES, stories

HEADER = '{"format":"policyconflict","type":"header","version":2}\n'


def corpus_text(items: list[Story]) -> str:
    buffer = io.StringIO()
    write_jsonl(items, buffer)
    return buffer.getvalue()


def records_text(records: list[Any]) -> str:
    buffer = io.StringIO()
    write_records(records, buffer)
    return buffer.getvalue()


@pytest.mark.parametrize("tag", sorted(TAGS))
@given(data=st.data())
def test_iter_jsonl_inverts_write_jsonl_for_every_kind(tag: str, data: st.DataObject) -> None:
    entity = data.draw(STRATEGIES[TAGS[tag]]())
    text = records_text([entity])
    _header, line, end = text.split("\n")  # only \n ends a line: U+2028 or U+0085 may not
    assert end == ""
    assert json.loads(line)["type"] == tag
    assert list(iter_jsonl(io.StringIO(text))) == [entity]


@given(st.lists(stories(max_entities=8), max_size=3))
def test_read_stories_inverts_write_jsonl(items: list[Story]) -> None:
    text = corpus_text(items)
    assert list(read_stories(io.BytesIO(text.encode("utf-8")))) == [s.canonical() for s in items]


@pytest.mark.slow
@given(stories())
def test_jsonl_lines_match_the_document(story: Story) -> None:
    """Each entity line is the entity's object in the story document plus its type tag and
    the id of its story."""
    document = json.loads(dumps(story))
    lines = [json.loads(line) for line in corpus_text([story]).split("\n")[2:-1]]
    expected = [
        {**value, "type": tag, "in_story": story.id}
        for name, cls in _collections().items()
        for tag in [_tag(cls)]
        for value in document.get(name, [])
    ]
    assert lines == expected


def _collections() -> dict[str, type[Any]]:
    from policyconflict.story import COLLECTIONS

    return dict(COLLECTIONS)


def _tag(cls: type[Any]) -> str:
    return next(tag for tag, klass in TAGS.items() if klass is cls)


class CountingLines:
    """An iterable of lines that counts how many have been taken."""

    def __init__(self, lines: list[str]) -> None:
        self.lines = lines
        self.taken = 0

    def __iter__(self) -> Iterator[str]:
        for line in self.lines:
            self.taken += 1
            yield line


def test_iter_jsonl_reads_at_most_one_batch_ahead() -> None:
    """Streaming: the reader never holds more than one batch of lines that it has not yielded
    yet, however long the corpus."""
    persons = [Person(id=f"person:p{i:05d}", name=f"Person {i}") for i in range(3 * BATCH + 7)]
    lines = [line + "\n" for line in records_text(persons).split("\n")[:-1]]
    source = CountingLines(lines)
    yielded = 0
    for record in iter_jsonl(source):  # type: ignore[arg-type]
        assert record == persons[yielded]
        yielded += 1
        assert yielded <= source.taken - 1 <= yielded + BATCH  # the header is taken, not yielded
    assert yielded == len(persons)
    assert source.taken == len(lines)


def test_records_before_a_bad_line_are_yielded_first() -> None:
    persons = [Person(id=f"person:p{i:03d}", name=f"Person {i}") for i in range(5)]
    lines = records_text(persons).split("\n")[:-1]
    lines.insert(4, '{"type":"person","id":"person:bad","name":""}')
    records = iter_jsonl(io.StringIO("\n".join(lines) + "\n"))
    assert [next(records) for _ in range(3)] == persons[:3]
    with pytest.raises(ValidationError) as caught:
        next(records)
    assert [(p.path, p.code) for p in caught.value.problems] == [("line 5: $.name", "empty")]


def test_paths_and_files(tmp_path: Path) -> None:
    story = small_story()
    target = tmp_path / "corpus.jsonl"
    count = write_jsonl([story], target)
    assert count == target.read_bytes().count(b"\n")
    assert list(read_stories(target)) == [story.canonical()]
    assert list(read_stories(str(target))) == [story.canonical()]
    binary = io.BytesIO()
    write_jsonl([story], binary)
    assert binary.getvalue().decode("utf-8") == target.read_text("utf-8")


def expect(text: str | bytes, code: str, path: str) -> None:
    source = io.BytesIO(text.encode("utf-8") if isinstance(text, str) else text)
    with pytest.raises(ValidationError) as caught:
        list(read_stories(source))
    assert [(p.code, p.path) for p in caught.value.problems] == [(code, path)]


PERSON = '{"id":"person:x","name":"X","type":"person"}\n'
STORY = '{"id":"story:x","title":"T","type":"story"}\n'


@pytest.mark.parametrize(
    ("text", "code", "path"),
    [
        ("", "missing-header", "line 1: $"),
        (PERSON, "missing-header", "line 1: $"),
        (HEADER.replace(":2}", ":3}"), "unsupported-version", "line 1: $.version"),
        (HEADER.replace('"policyconflict"', '"other"'), "bad-format", "line 1: $.format"),
        (HEADER.replace(":2}", ':2,"version":2}'), "duplicate-key", "line 1: $.version"),
        (HEADER.replace(":2}", ':2,"extra":1}'), "unknown-field", "line 1: $.extra"),
        (HEADER + STORY + "\n" + PERSON, "bad-json", "line 3: $"),
        (HEADER + STORY + '{"id":"person:x"', "bad-json", "line 3: $"),
        (HEADER + STORY + PERSON.replace('"person"}', '"human"}'), "bad-tag", "line 3: $.type"),
        (
            HEADER + STORY + PERSON.replace(',"type":"person"', ""),
            "missing-field",
            "line 3: $.type",
        ),
        (HEADER + STORY + PERSON.replace('"X"', "1"), "wrong-type", "line 3: $.name"),
        (
            HEADER + STORY + PERSON.replace('"X"', '"X","name":"Y"'),
            "duplicate-key",
            "line 3: $.name",
        ),
        (HEADER + STORY + PERSON.replace('"X"', '"X","age":3'), "unknown-field", "line 3: $.age"),
        (HEADER + STORY + "[1]\n", "wrong-type", "line 3: $"),
        (HEADER + PERSON, "outside-story", "line 2: $"),
        (
            HEADER + STORY + PERSON + PERSON,
            "duplicate-id",
            "line 4: $.id",
        ),
        (
            HEADER
            + STORY
            + '{"id":"role:x","organization":"person:x","person":"person:y","title":"T",'
            '"type":"role"}\n' + PERSON,
            "unknown-reference",
            "line 3: $.person",
        ),
        (HEADER + STORY + PERSON.replace('"X"', '"\\udc00"'), "bad-text", "line 3: $.name"),
        (HEADER.encode() + b'{"id":"\xff"}\n', "bad-json", "line 2: $"),
    ],
)
def test_bad_line_is_reported_with_its_line_number(text: str | bytes, code: str, path: str) -> None:
    problems = _problems(text)
    assert (code, path) in problems


def _problems(text: str | bytes) -> list[tuple[str, str]]:
    source = io.BytesIO(text.encode("utf-8") if isinstance(text, str) else text)
    with pytest.raises(ValidationError) as caught:
        list(read_stories(source))
    return [(p.code, p.path) for p in caught.value.problems]


def test_records_before_a_bad_line_are_yielded() -> None:
    text = HEADER + STORY + PERSON + "{oops}\n"
    records = iter_jsonl(io.StringIO(text))
    assert isinstance(next(records), StoryStart)
    assert isinstance(next(records), Person)
    with pytest.raises(ValidationError):
        next(records)


def test_writers_reject_what_is_not_a_story_or_a_record() -> None:
    with pytest.raises(TypeError, match="write_jsonl writes stories, not str"):
        write_jsonl(["story"], io.StringIO())  # type: ignore[list-item]
    with pytest.raises(TypeError, match="not an entity or a StoryStart: str"):
        write_records(["story"], io.StringIO())  # type: ignore[list-item]


def test_write_jsonl_refuses_entities_outside_a_story(tmp_path: Path) -> None:
    """The issue's case: a statement and its speaker, written without a story. read_stories
    would refuse the file (an entity record before any story record), so write_jsonl refuses
    to write it, and says how to write it instead."""
    person = Person(id="person:ada", name="Ada")
    statement = Statement(
        id="statement:ada/1",
        speaker=person.id,
        date=PartialDate.parse("2020-02-14"),
        text="No.",
    )
    with pytest.raises(
        TypeError, match=r"statement 'statement:ada/1' is not in one.*from_entities"
    ):
        write_jsonl([statement, person], tmp_path / "loose.jsonl")  # type: ignore[list-item]
    story = Story.from_entities(id="story:ada", title="Ada", entities=[statement, person])
    write_jsonl([story], tmp_path / "story.jsonl")
    assert list(read_stories(tmp_path / "story.jsonl")) == [story.canonical()]
    # after a story, a bare entity would silently join that story when read: refused too
    with pytest.raises(TypeError, match="is not in one"):
        write_jsonl([story, person], io.StringIO())  # type: ignore[list-item]
    # bare records are written by write_records, and read back by iter_jsonl only
    text = records_text([statement, person])
    assert list(iter_jsonl(io.StringIO(text))) == [statement, person]
    with pytest.raises(ValidationError, match="outside-story"):
        list(read_stories(io.StringIO(text)))


@given(st.lists(st.one_of(stories(max_entities=4), STRATEGIES[Person]()), max_size=4))
def test_what_write_jsonl_writes_read_stories_reads_back(items: list[Any]) -> None:
    """Law: whatever write_jsonl accepts, read_stories reads back as the canonical stories;
    what it cannot read back (a bare entity), write_jsonl refuses before writing it."""
    buffer = io.StringIO()
    try:
        write_jsonl(items, buffer)
    except TypeError:
        assert not all(isinstance(item, Story) for item in items)
        return
    assert all(isinstance(item, Story) for item in items)
    assert list(read_stories(io.StringIO(buffer.getvalue()))) == [s.canonical() for s in items]


@given(
    st.lists(
        st.one_of(
            st.builds(StoryStart, id=st.just("story:s"), title=st.just("S")),
            STRATEGIES[Person](),
            STRATEGIES[Statement](),
        ),
        max_size=6,
    )
)
def test_iter_jsonl_inverts_write_records(records: list[Any]) -> None:
    assert list(iter_jsonl(io.StringIO(records_text(records)))) == records
