"""JSON Lines corpora split and concatenate: every entity and claim line names its story, so
any slice of lines reads on its own, and two corpora written one after the other read as both."""

from __future__ import annotations

import io
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from format_helpers import small_story
from policyconflict import Person, ValidationError
from policyconflict.merge import merge
from policyconflict.model.claims import Claim
from policyconflict.query import Corpus
from policyconflict.serialization import (
    StoryRecord,
    StoryStart,
    iter_jsonl,
    iter_story_records,
    read_stories,
    write_jsonl,
    write_records,
)
from policyconflict.story import COLLECTIONS, Story
from policyconflict.testing import overlapping_stories, stories


def corpus_text(items: list[Story]) -> str:
    buffer = io.StringIO()
    write_jsonl(items, buffer)
    return buffer.getvalue()


def written_records(items: list[Story]) -> list[tuple[str, Any]]:
    """What write_jsonl writes after the header, each record with its story's id, worked out
    from the stories themselves."""
    found: list[tuple[str, Any]] = []
    for story in items:
        found.append((story.id, StoryStart(id=story.id, title=story.title)))
        for name in COLLECTIONS:
            found.extend((story.id, e) for e in sorted(getattr(story, name), key=lambda e: e.id))
        found.extend((story.id, c) for c in sorted(story.claims, key=Claim.sort_key))
    return found


@st.composite
def corpora(draw: st.DrawFn) -> list[Story]:
    """Distinct stories, one of them perhaps merged from overlapping ones (with claims)."""
    items = draw(st.lists(stories(max_entities=6), max_size=2))
    if draw(st.booleans()):
        items.append(merge(draw(overlapping_stories(max_entities=4)), id="story:m", title="M"))
    return [s for n, s in enumerate(items) if s.id not in {t.id for t in items[:n]}]


@given(corpora(), st.data())
def test_any_slice_of_lines_reads_alone_with_its_story_ids(
    items: list[Story], data: st.DataObject
) -> None:
    # only \n ends a line: str.splitlines would also split at U+0085 or U+2028 in a text
    lines = [line + "\n" for line in corpus_text(items).split("\n")[1:-1]]
    start = data.draw(st.integers(0, len(lines)), label="start")
    stop = data.draw(st.integers(start, len(lines)), label="stop")
    got = [(r.story, r.record) for r in iter_story_records(lines[start:stop], header=False)]
    assert got == written_records(items)[start:stop]


@given(corpora())
def test_every_record_of_a_whole_corpus_has_its_story_id(items: list[Story]) -> None:
    text = corpus_text(items)
    got = [(r.story, r.record) for r in iter_story_records(io.StringIO(text))]
    assert got == written_records(items)


def test_a_slice_without_a_header_needs_header_false() -> None:
    lines = corpus_text([small_story()]).splitlines(keepends=True)
    with pytest.raises(ValidationError, match="missing-header"):
        list(iter_story_records(lines[2:]))
    assert [r.story for r in iter_story_records(lines[2:], header=False)] == [small_story().id] * (
        len(lines) - 2
    )


@given(corpora(), corpora())
def test_two_corpora_concatenate(first: list[Story], second: list[Story]) -> None:
    text = corpus_text(first) + corpus_text(second)
    canonical = [s.canonical() for s in [*first, *second]]
    assert list(read_stories(io.StringIO(text))) == canonical
    assert list(iter_jsonl(io.StringIO(text))) == [r for _, r in written_records(first)] + [
        r for _, r in written_records(second)
    ]


def test_the_same_story_in_two_files_merges_in_a_corpus() -> None:
    a = Story(id="story:s", title="S", persons=(Person(id="person:x", name="Tom Homan"),))
    b = Story(id="story:s", title="S", persons=(Person(id="person:x", name="Thomas D. Homan"),))
    text = corpus_text([a]) + corpus_text([b])
    assert list(read_stories(io.StringIO(text))) == [a, b]
    corpus = Corpus.from_jsonl(io.StringIO(text))
    assert list(corpus) == list(merge([a, b]).persons)


def test_a_later_header_is_checked_like_the_first() -> None:
    text = corpus_text([small_story()])
    newer = text.replace('"version":2', '"version":3', 1)
    with pytest.raises(ValidationError, match="unsupported-version") as caught:
        list(read_stories(io.StringIO(text + newer)))
    assert caught.value.problems[0].path == f"line {len(text.splitlines()) + 1}: $.version"
    wrong = text.replace('"policyconflict"', '"other"', 1)
    with pytest.raises(ValidationError, match="bad-format"):
        list(read_stories(io.StringIO(text + wrong)))


def test_lines_after_a_later_header_need_a_story_line_of_their_own() -> None:
    """A header starts a new file: the story record above it is not theirs (version 1 lines,
    which do not name their story, are outside any story until one opens)."""
    person = Person(id="person:x", name="X")
    v1 = '{"format":"policyconflict","type":"header","version":1}\n'
    text = corpus_text([small_story()]) + v1 + '{"id":"person:x","name":"X","type":"person"}\n'
    assert [r.story for r in iter_story_records(io.StringIO(text))][-1] is None
    assert list(iter_jsonl(io.StringIO(text)))[-1] == person
    with pytest.raises(ValidationError, match="outside-story"):
        list(read_stories(io.StringIO(text)))


def test_a_line_naming_another_story_than_the_one_above_is_an_error() -> None:
    buffer = io.StringIO()
    person = Person(id="person:x", name="X")
    write_records([StoryStart(id="story:a", title="A"), person], buffer)
    text = buffer.getvalue().replace('"in_story":"story:a"', '"in_story":"story:b"')
    assert [r.story for r in iter_story_records(io.StringIO(text))] == ["story:a", "story:b"]
    with pytest.raises(ValidationError, match="wrong-story") as caught:
        list(read_stories(io.StringIO(text)))
    assert caught.value.problems[0].path == "line 3: $.in_story"


@pytest.mark.parametrize(
    ("line", "code"),
    [
        ('{"id":"person:x","in_story":7,"name":"X","type":"person"}', "wrong-type"),
        ('{"id":"person:x","in_story":"Not An Id","name":"X","type":"person"}', "bad-id"),
        ('{"id":"story:a","in_story":"story:b","title":"A","type":"story"}', "unknown-field"),
    ],
)
def test_a_bad_story_id_on_a_line_is_reported(line: str, code: str) -> None:
    with pytest.raises(ValidationError) as caught:
        list(iter_story_records([line], header=False))
    assert [(p.path, p.code) for p in caught.value.problems] == [("line 1: $.in_story", code)]


def test_records_written_before_any_story_name_none() -> None:
    person = Person(id="person:x", name="X")
    buffer = io.StringIO()
    write_records([person, StoryStart(id="story:a", title="A"), person], buffer)
    assert '"in_story"' not in buffer.getvalue().splitlines()[1]
    assert list(iter_story_records(io.StringIO(buffer.getvalue()))) == [
        StoryRecord(None, person),
        StoryRecord("story:a", StoryStart(id="story:a", title="A")),
        StoryRecord("story:a", person),
    ]
