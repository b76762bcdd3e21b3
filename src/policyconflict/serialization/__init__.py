"""The interchange format: strict, canonical, versioned JSON for stories and JSON Lines for
corpora, with a JSON Schema generated from the model classes.

* :func:`dumps` / :func:`loads`, :func:`dump` / :func:`load` — one story as one document.
* :func:`write_jsonl` / :func:`read_stories` — corpora of stories, one entity a line; and
  :func:`write_records` / :func:`iter_jsonl` — their records, one at a time;
  :func:`iter_story_records` — each record with its story's id, from any slice of lines.
* :func:`json_schema` — the JSON Schema (2020-12) of a document.

Format rules in brief (the module docstrings say more):

* a document is the story's object plus ``"format": "policyconflict"`` and ``"version": 2``;
  problem paths are the story's own (``$.statements[3].date``);
* canonical text: keys sorted, entities in id order, no spaces, UTF-8, and **a field equal to
  its default is left out** (``null``, empty arrays, ``false``, default enum values); reading
  accepts a default written out too;
* dates and periods are EDTF text, enums their lower-case values, numbers within ±2**53,
  arrays and objects nested at most ``MAX_DEPTH`` deep;
* loading never coerces and reports every problem at once in one
  :class:`~policyconflict.errors.ValidationError`; nothing else escapes. Entities keep the
  document's order (:meth:`~policyconflict.story.Story.canonical` sorts them).

Problem codes of the format (the model adds its own: ``empty``, ``end-before-start``,
``unknown-reference``, ``wrong-kind``, ...): ``bad-json`` (malformed text or bytes that are not
UTF-8; the message gives line and column), ``unknown-field``, ``missing-field``, ``wrong-type``,
``not-finite`` (NaN, Infinity), ``too-large`` (numbers beyond ±2**53),
``duplicate-key``, ``too-deep``, ``bad-date``, ``bad-id``, ``bad-enum`` (the message lists the
allowed values), ``bad-text`` (lone surrogates), ``bad-format``, ``unsupported-version``,
``migration-failed``; in JSON Lines also ``missing-header``, ``bad-tag``, ``outside-story``
and ``wrong-story``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from policyconflict._lazy import lazy_attributes
from policyconflict.serialization._document import dump, dumps, load, loads
from policyconflict.serialization._json import MAX_DEPTH, MAX_INT
from policyconflict.serialization._migrations import (
    FORMAT_NAME,
    FORMAT_VERSION,
    MIGRATIONS,
    register_migration,
)

if TYPE_CHECKING:
    from policyconflict.serialization.jsonl import (
        TAGS,
        StoryRecord,
        StoryStart,
        iter_jsonl,
        iter_story_records,
        read_stories,
        write_jsonl,
        write_records,
    )
    from policyconflict.serialization.schema import json_schema, line_schema

_LAZY = {
    **dict.fromkeys(
        (
            "TAGS",
            "StoryRecord",
            "StoryStart",
            "iter_jsonl",
            "iter_story_records",
            "read_stories",
            "write_jsonl",
            "write_records",
        ),
        "policyconflict.serialization.jsonl",
    ),
    **dict.fromkeys(("json_schema", "line_schema"), "policyconflict.serialization.schema"),
}
"""JSON Lines and the schema are imported on first use (start-up time matters to a program
that reads one document)."""


__getattr__, __dir__ = lazy_attributes(__name__, globals(), _LAZY)


__all__ = [
    "FORMAT_NAME",
    "FORMAT_VERSION",
    "MAX_DEPTH",
    "MAX_INT",
    "MIGRATIONS",
    "TAGS",
    "StoryRecord",
    "StoryStart",
    "dump",
    "dumps",
    "iter_jsonl",
    "iter_story_records",
    "json_schema",
    "line_schema",
    "load",
    "loads",
    "read_stories",
    "register_migration",
    "write_jsonl",
    "write_records",
]
