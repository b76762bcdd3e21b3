"""Corpora as JSON Lines: one record per line, each an object with a ``type`` tag.

The first line is a header, ``{"format":"policyconflict","type":"header","version":2}``. A
``story`` record (``{"id":...,"title":...,"type":"story"}``) opens a story: the entity records
after it, up to the next ``story`` record, belong to it, and so do the ``claim`` records a
merged story carries (written after its entities, in claim order). Entity records carry the entity's
fields and a ``type`` from :data:`TAGS` — an explicit, stable map, never a Python class name.

Every entity and claim record also names its story (:data:`IN_STORY`, new in format version 2),
so any slice of lines reads on its own (:func:`iter_story_records` with ``header=False``), and
corpora concatenate: a later header line is checked like the first and the lines after it are
read at its version (a version-1 line takes its story from the story record above it).
Each line is written canonically (sorted keys, no spaces, fields equal to their default left
out); :func:`write_jsonl` writes a story's entities kind by kind, in id order.

Two levels, each a pair whose reader reads back what its writer writes:

* stories: :func:`write_jsonl` writes :class:`~policyconflict.story.Story` objects, and
  :func:`read_stories` (and ``policyconflict validate``) reads them back, equal to their
  :meth:`~policyconflict.story.Story.canonical` form. It refuses a bare entity with a
  :class:`TypeError`: an entity record before any story record is not part of a story, so
  :func:`read_stories` could not read it back (and after a story's records it would silently
  join that story). Gather loose entities with
  :meth:`Story.from_entities <policyconflict.story.Story.from_entities>` first, which also
  checks that their references resolve;
* records: :func:`write_records` writes entities and :class:`StoryStart` markers as they are,
  and :func:`iter_jsonl` reads them back, one record at a time, without the story checks.

:func:`iter_jsonl` streams: it reads a batch of lines at a time and yields one record at a
time. It checks each line as strictly as :func:`~policyconflict.serialization.loads` checks a
document and raises :class:`~policyconflict.errors.ValidationError` at the first bad line, with
every problem of that line, paths starting ``line N: $``. :func:`read_stories` groups the
records into stories and checks each story's references.
"""

from __future__ import annotations

import io
import itertools
import operator
import os
import re
from collections.abc import Callable, Iterable, Iterator, Mapping
from typing import Any, Final

import attrs

from policyconflict._gc import gc_paused
from policyconflict.errors import Problem, ValidationError
from policyconflict.ids import ID_PATTERN
from policyconflict.model import (
    Agency,
    ControlTransfer,
    Deployment,
    Event,
    Figure,
    Jurisdiction,
    Law,
    LegalCase,
    Organization,
    Person,
    Relation,
    Role,
    Ruling,
    Source,
    Statement,
)
from policyconflict.model import _fields as f
from policyconflict.model.claims import Claim
from policyconflict.serialization._converter import CONVERTER, HookTable, problems_from, wrong
from policyconflict.serialization._document import PathOrFile, envelope_problems
from policyconflict.serialization._json import (
    DuplicateKeys,
    encode,
    parse,
    parse_fast,
    with_depth_problem,
)
from policyconflict.serialization._migrations import (
    FORMAT_VERSION,
    envelope,
    migrate,
)
from policyconflict.story import COLLECTIONS, Entity, Story

__all__ = [
    "IN_STORY",
    "TAGS",
    "StoryRecord",
    "StoryStart",
    "iter_jsonl",
    "iter_story_records",
    "read_stories",
    "write_jsonl",
    "write_records",
]

TAGS: Final[Mapping[str, type[Any]]] = {
    "source": Source,
    "jurisdiction": Jurisdiction,
    "agency": Agency,
    "organization": Organization,
    "person": Person,
    "role": Role,
    "law": Law,
    "deployment": Deployment,
    "control_transfer": ControlTransfer,
    "event": Event,
    "statement": Statement,
    "figure": Figure,
    "relation": Relation,
    "legal_case": LegalCase,
    "ruling": Ruling,
}
"""``type`` tag → entity class. Tags are part of the format: they never change."""

BATCH: Final = 1024
"""Lines read, checked and made into records at a time (with the garbage collector paused)
before they are yielded one by one, and lines written at a time: memory stays bounded, and the
collector is not switched on and off for every line."""

HEADER: Final = "header"
STORY: Final = "story"
CLAIM: Final = "claim"
IN_STORY: Final = "in_story"
"""The key of an entity or claim line naming the story the line belongs to (new in format
version 2)."""

_TAG_OF: Final = {cls: tag for tag, cls in TAGS.items()}
_UNSTRUCTURE: Final = HookTable(CONVERTER.get_unstructure_hook)
_ALLOWED: Final = ", ".join(repr(t) for t in sorted([*TAGS, STORY, CLAIM]))


@attrs.frozen(kw_only=True)
class StoryStart:
    """A ``story`` record: the entity records that follow belong to this story."""

    id: str = attrs.field(validator=f.identifier)
    title: str = attrs.field(validator=f.text)


_STRUCTURE: Final = HookTable(lambda tag: CONVERTER.get_structure_hook(_RECORDS[tag]))
"""``type`` tag (or ``story``) → structuring hook; a ``KeyError`` for any other tag."""
Record = Entity | StoryStart | Claim
_RECORDS: Final[Mapping[str, type[Any]]] = {**TAGS, STORY: StoryStart, CLAIM: Claim}


# -- writing ---------------------------------------------------------------------------------------


def _story_lines(stories: Iterable[Story]) -> Iterator[bytes]:
    yield _header_line()
    for story in stories:
        if not isinstance(story, Story):
            raise TypeError(_not_a_story(story))
        yield _story_start_line(story.id, story.title)
        for name in COLLECTIONS:
            for entity in sorted(getattr(story, name), key=_BY_ID):
                yield _entity_line(entity, story.id)
        for claim in sorted(story.claims, key=Claim.sort_key):
            yield _claim_line(claim, story.id)


def _not_a_story(item: object) -> str:
    tag = _TAG_OF.get(type(item))
    if tag is None:
        return f"write_jsonl writes stories, not {type(item).__name__}"
    return (
        f"write_jsonl writes stories, and {tag} {getattr(item, 'id', '')!r} is not in one: "
        "read_stories could not read it back. Gather entities with Story.from_entities(id=..., "
        "title=..., entities=...), or write bare records with write_records (read by iter_jsonl)"
    )


def _record_lines(records: Iterable[Record]) -> Iterator[bytes]:
    yield _header_line()
    story: str | None = None
    for record in records:
        if isinstance(record, StoryStart):
            story = record.id
            yield _story_start_line(record.id, record.title)
        elif isinstance(record, Claim):
            yield _claim_line(record, story)
        else:
            yield _entity_line(record, story)


def _header_line() -> bytes:
    return encode({**envelope(), "type": HEADER})


def _story_start_line(story_id: str, title: str) -> bytes:
    return encode({"id": story_id, "title": title, "type": STORY})


_BY_ID: Final = operator.attrgetter("id")


def _entity_line(entity: Any, story: str | None) -> bytes:
    tag = _TAG_OF.get(type(entity))
    if tag is None:
        raise TypeError(f"not an entity or a StoryStart: {type(entity).__name__}")
    value = _UNSTRUCTURE[type(entity)](entity)
    value["type"] = tag
    if story is not None:
        value[IN_STORY] = story
    try:
        return encode(value)
    except UnicodeEncodeError as exc:
        raise _fail(
            "$",
            "bad-text",
            f"{tag} {entity.id!r} holds a lone surrogate, which JSON text cannot carry "
            f"(character {exc.start} of its line)",
        ) from None


def _claim_line(claim: Claim, story: str | None) -> bytes:
    value = _UNSTRUCTURE[Claim](claim)
    value["type"] = CLAIM
    if story is not None:
        value[IN_STORY] = story
    return encode(value)


def write_jsonl(stories: Iterable[Story], target: PathOrFile) -> int:
    """Write a header line, then each story (a ``story`` line and its entities, kind by kind
    in id order), to a path or an open file (text or binary). Returns the number of lines
    written; :func:`read_stories` reads the stories back.

    A bare entity is a :class:`TypeError` (see the module's description: it would not be
    read back as part of any story). Lines are written ``BATCH`` at a time.

    >>> import io
    >>> from policyconflict import Person, Story
    >>> person = Person(id="person:ada", name="Ada")
    >>> buffer = io.StringIO()
    >>> write_jsonl([Story.from_entities(id="story:a", title="A", entities=[person])], buffer)
    3
    >>> [s.persons for s in read_stories(io.StringIO(buffer.getvalue()))]
    [(Person(id='person:ada', name='Ada'...),)]
    >>> write_jsonl([person], io.StringIO())
    Traceback (most recent call last):
        ...
    TypeError: write_jsonl writes stories, and person 'person:ada' is not in one: ...
    """
    return _write_lines(_story_lines(stories), target)


def write_records(records: Iterable[Record], target: PathOrFile) -> int:
    """Write a header line, then each record — an entity, or a :class:`StoryStart` — as it is,
    to a path or an open file (text or binary). Returns the number of lines written;
    :func:`iter_jsonl` reads the records back.

    Nothing checks that the entities follow a story record or that their references resolve:
    :func:`read_stories` and ``policyconflict validate`` accept the file only if they do. To
    write stories, use :func:`write_jsonl`.
    """
    return _write_lines(_record_lines(records), target)


def _write_lines(lines: Iterable[bytes], target: PathOrFile) -> int:
    if isinstance(target, str | os.PathLike):
        with open(target, "wb") as handle:
            return _write_lines(lines, handle)
    text_mode = isinstance(target, io.TextIOBase)
    out: Any = target
    count = 0
    batch: list[bytes] = []
    with gc_paused():
        for line in lines:
            batch.append(line)
            if len(batch) == BATCH:
                count += _write(out, batch, text_mode)
        count += _write(out, batch, text_mode)
    return count


def _write(out: Any, batch: list[bytes], text_mode: bool) -> int:
    """Write the lines in ``batch``, each followed by a newline; empty ``batch``."""
    if not batch:
        return 0
    data = b"\n".join(batch) + b"\n"
    out.write(data.decode("utf-8") if text_mode else data)
    count = len(batch)
    batch.clear()
    return count


# -- reading ---------------------------------------------------------------------------------------


def _raw_lines(source: PathOrFile | Iterable[str] | Iterable[bytes]) -> Iterator[str | bytes]:
    if isinstance(source, str | os.PathLike):
        with open(source, "rb") as handle:
            yield from handle
    else:
        yield from source


def _fail(root: str, code: str, message: str) -> ValidationError:
    return ValidationError([Problem(path=root, code=code, message=message)])


def _check_header(value: Any, root: str) -> int:
    problems: list[Problem] = []
    if not isinstance(value, dict):
        raise ValidationError([_as_problem(root, wrong(value, "a header object"))])
    if value.get("type") != HEADER:
        raise _fail(
            root, "missing-header", 'the first line must be the header ({"type":"header",...})'
        )
    if isinstance(value, DuplicateKeys):
        problems.extend(
            Problem(path=f"{root}.{k}", code="duplicate-key", message=f"key {k!r} repeats")
            for k in value.duplicates
        )
    for key in sorted(set(value) - {"format", "type", "version"}):
        problems.append(
            Problem(path=f"{root}.{key}", code="unknown-field", message=f"unknown key {key!r}")
        )
    found, version = envelope_problems(value, root)
    problems.extend(found)
    if problems or version is None:
        raise ValidationError(problems)
    return version


def _as_problem(path: str, invalid: Any) -> Problem:
    return Problem(path=path, code=invalid.code, message=invalid.message)


def _record(value: Any, root: str, version: int) -> tuple[str | None, Record]:
    """The story id a line names (``None`` if none) and its record, read strictly."""
    if not isinstance(value, dict):
        raise ValidationError([_as_problem(root, wrong(value, "an object"))])
    if version != FORMAT_VERSION:
        value = migrate(value, version, path=root)
    tag = value.get("type")
    hook: Callable[..., Any]
    if type(tag) is str and tag in _RECORDS:
        hook = _STRUCTURE[tag]
    elif tag is None and "type" not in value:
        raise _fail(f"{root}.type", "missing-field", "a record needs a type")
    else:
        raise _fail(f"{root}.type", "bad-tag", f"{tag!r} is not one of {_ALLOWED}")
    problems: list[Problem] = []
    if isinstance(value, DuplicateKeys):
        problems.extend(
            Problem(path=f"{root}.{k}", code="duplicate-key", message=f"key {k!r} repeats")
            for k in value.duplicates
        )
    story = value.get(IN_STORY)
    if IN_STORY in value:
        problems.extend(_in_story_problems(story, tag, root))
    body = {k: v for k, v in value.items() if k != "type" and k != IN_STORY}
    try:
        record: Record = hook(body, None)
    except Exception as exc:
        problems.extend(problems_from(exc, root))
    if problems:
        raise ValidationError(with_depth_problem(problems, value, root))
    return story, record


def _in_story_problems(story: Any, tag: str, root: str) -> list[Problem]:
    path = f"{root}.{IN_STORY}"
    if tag == STORY:
        return [Problem(path=path, code="unknown-field", message=f"unknown key {IN_STORY!r}")]
    if type(story) is not str:
        return [_as_problem(path, wrong(story, "a story id"))]
    if ID_PATTERN.fullmatch(story) is None:
        return [Problem(path=path, code="bad-id", message=f"{story!r} is not a valid story id")]
    return []


def _fast_record(line: str | bytes, version: int) -> tuple[str | None, Record] | None:
    """The story id and record on ``line`` read the fast way, or ``None`` if only the strict
    way can say (a problem, a header, or text the fast parser cannot vouch for)."""
    if version != FORMAT_VERSION:
        return None
    value = parse_fast(line)
    if type(value) is not dict:
        return None
    story = value.pop(IN_STORY, None)
    try:
        tag = value.pop("type")
        hook = _STRUCTURE[tag]
        record: Record = hook(value)
    except Exception:
        return None
    if story is not None and (
        tag == STORY or type(story) is not str or ID_PATTERN.fullmatch(story) is None
    ):
        return None
    return story, record


def iter_jsonl(source: PathOrFile) -> Iterator[Record]:
    """The records of a JSON Lines corpus, one at a time: entities, claims and
    :class:`StoryStart` markers. Header lines are checked and not yielded. The file is read
    ``BATCH`` lines at a time, never as a whole.

    A bad line raises :class:`~policyconflict.errors.ValidationError` with every problem of
    that line (paths ``line N: $...``); records before it have already been yielded.
    """
    for _number, _story, record in _numbered(source, header=True):
        yield record


@attrs.frozen
class StoryRecord:
    """A record of a corpus line with the id of the story it belongs to: the line's own
    ``in_story``, else the story record above it (version 1 lines; ``None`` when there is
    none). A story record belongs to itself."""

    story: str | None
    record: Record


def iter_story_records(
    source: PathOrFile | Iterable[str] | Iterable[bytes], *, header: bool = True
) -> Iterator[StoryRecord]:
    """The records of a JSON Lines corpus, each with its story's id (:class:`StoryRecord`).

    ``source`` is a path, an open file or any iterable of lines. Format version 2 lines name
    their story, so any slice of a corpus's lines can be read on its own: with
    ``header=False`` the first line need not be the header, and lines up to a header are read
    as the current format version (``FORMAT_VERSION``). Checking and errors as in
    :func:`iter_jsonl`.

    >>> import io
    >>> from policyconflict import Person, Story
    >>> buffer = io.StringIO()
    >>> story = Story(id="story:a", title="A", persons=(Person(id="person:ada", name="Ada"),))
    >>> write_jsonl([story], buffer)
    3
    >>> header, start, person = buffer.getvalue().splitlines()
    >>> person
    '{"id":"person:ada","in_story":"story:a","name":"Ada","type":"person"}'
    >>> [(r.story, r.record.id) for r in iter_story_records([person], header=False)]
    [('story:a', 'person:ada')]
    """
    for _number, story, record in _numbered(source, header=header):
        yield StoryRecord(story, record)


def _numbered(
    source: PathOrFile | Iterable[str] | Iterable[bytes], *, header: bool
) -> Iterator[tuple[int, str | None, Record]]:
    """Each record with its line number and story id. A header line may come again later (two
    corpora concatenated): it is checked like the first, and the lines after it are read at
    its version, with no story above them yet."""
    version: int | None = None if header else FORMAT_VERSION
    above: str | None = None
    number = 0
    lines = enumerate(_raw_lines(source), start=1)
    while True:
        chunk = list(itertools.islice(lines, BATCH))
        if not chunk:
            break
        done: list[tuple[int, str | None, Record]] = []
        failure: ValidationError | None = None
        with gc_paused():
            try:
                for number, line in chunk:
                    root = f"line {number}: $"
                    if version is None:
                        version = _check_header(_parsed(line, number), root)
                        continue
                    found = _fast_record(line, version)
                    if found is None:
                        # parsed again strictly, for every problem's exact path and message
                        value = _parsed(line, number)
                        if isinstance(value, dict) and value.get("type") == HEADER:
                            version, above = _check_header(value, root), None
                            continue
                        found = _record(value, root, version)
                    story, record = found
                    if isinstance(record, StoryStart):
                        story = above = record.id
                    elif story is None:
                        story = above
                    done.append((number, story, record))
            except ValidationError as exc:
                failure = exc
        yield from done
        if failure is not None:
            raise failure
    if version is None:
        raise _fail(f"line {number + 1}: $", "missing-header", "the corpus is empty: no header")


def _parsed(line: str | bytes, number: int) -> Any:
    root = f"line {number}: $"
    if not line.strip():
        raise _fail(root, "bad-json", "blank line: every line must hold one JSON object")
    return parse(line, root=root)


def read_stories(source: PathOrFile) -> Iterator[Story]:
    """The stories of a JSON Lines corpus, one at a time, each checked as a whole (its
    references resolve within the story; problems point at the entity's line). Entity records
    before the first ``story`` record are an error (``outside-story``), and so is a line naming
    another story than the story record above it (``wrong-story``).

    Corpora concatenate: a later header starts the next file's lines (see
    :func:`iter_story_records`). A story id that comes twice (the same story in two files) is
    read as two stories, in order; :class:`~policyconflict.query.Corpus` merges them by the
    rules of :mod:`policyconflict.merge`, as it merges any stories sharing ids."""
    current: StoryStart | None = None
    entities: list[tuple[int, Entity | Claim]] = []
    for number, story, record in _numbered(source, header=True):
        if isinstance(record, StoryStart):
            if current is not None:
                yield _story(current, entities)
            current, entities = record, []
        elif current is None or story is None:
            raise _fail(
                f"line {number}: $",
                "outside-story",
                "an entity record comes before any story record",
            )
        elif story != current.id:
            raise _fail(
                f"line {number}: ${'.' + IN_STORY}",
                "wrong-story",
                f"the line belongs to story {story!r}, but follows the story record of "
                f"{current.id!r}",
            )
        else:
            entities.append((number, record))
    if current is not None:
        yield _story(current, entities)


_STORY_PATH: Final = re.compile(r"\$\.([a-z_]+)\[([0-9]+)\](.*)", re.DOTALL)


def _story(start: StoryStart, entities: list[tuple[int, Entity | Claim]]) -> Story:
    buckets: dict[str, list[Any]] = {name: [] for name in (*COLLECTIONS, "claims")}
    lines: dict[str, list[int]] = {name: [] for name in buckets}
    names = {cls: name for name, cls in COLLECTIONS.items()}
    names[Claim] = "claims"
    for number, entity in entities:
        name = names[type(entity)]
        buckets[name].append(entity)
        lines[name].append(number)
    try:
        with gc_paused():
            return Story(
                id=start.id, title=start.title, **{k: tuple(v) for k, v in buckets.items()}
            )
    except ValidationError as exc:
        raise ValidationError(_line_path(p, lines) for p in exc.problems) from None


def _line_path(problem: Problem, lines: Mapping[str, list[int]]) -> Problem:
    match = _STORY_PATH.fullmatch(problem.path)
    if match is None:
        return problem
    number = lines[match.group(1)][int(match.group(2))]
    return attrs.evolve(problem, path=f"line {number}: ${match.group(3)}")
