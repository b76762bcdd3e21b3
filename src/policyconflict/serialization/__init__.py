"""The interchange format: strict, canonical, versioned JSON for stories and JSON Lines for
corpora, with a JSON Schema generated from the model classes.

* :func:`dumps` / :func:`loads`, :func:`dump` / :func:`load` — one story as one document.
* :func:`write_jsonl` / :func:`iter_jsonl` / :func:`read_stories` — corpora, one entity a line.
* :func:`json_schema` — the JSON Schema (2020-12) of a document.

See ``docs/format.md`` for the format itself.
"""

from __future__ import annotations

from policyconflict.serialization._document import dump, dumps, load, loads
from policyconflict.serialization._json import MAX_DEPTH, MAX_INT
from policyconflict.serialization._migrations import (
    FORMAT_NAME,
    FORMAT_VERSION,
    MIGRATIONS,
    register_migration,
)

__all__ = [
    "FORMAT_NAME",
    "FORMAT_VERSION",
    "MAX_DEPTH",
    "MAX_INT",
    "MIGRATIONS",
    "dump",
    "dumps",
    "load",
    "loads",
    "register_migration",
]
