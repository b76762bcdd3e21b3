"""Stories as columns: Arrow tables, Parquet datasets, pandas and polars data frames.

An explicit, versioned layout (``LAYOUT_VERSION``), derived from the model's field rules:

* ``stories`` — ``ordinal``, ``id``, ``title``;
* one table per collection of a story (``statements``, ``laws``, ...) and ``claims``: the
  story each row came from (``in_story``), its position in the story (``ordinal``), then one
  column per single-valued field; a nested value is flattened with its field's name as prefix
  (``quantity_kind``, ``quantity_value``);
* one **link table** per tuple field, named ``<owner table>__<field>``
  (``statements__positions``, ``deployments__targets``, ``rulings__outcomes__scope_places``,
  ``persons__aliases``): ``in_story``, ``owner`` (the entity's id), ``owner_ordinal``, the
  positions of the tuples above (``outcomes_ordinal``) and ``ordinal``; a tuple of ids or texts
  has one column, ``value``.

Column types: ids and text are strings; enums are dictionary-encoded strings; counts are
``int64``; other numbers ``float64`` with ``<name>_is_integer``; flags ``bool``. A date ``d`` is
``d`` (EDTF text), ``d_earliest`` and ``d_latest`` (UTC timestamps in seconds: the first and
the last second the date can be) and ``d_precision``; a period ``p`` is ``p`` (EDTF interval
text), ``p_earliest`` and ``p_latest`` (the widest it can be; null: no bound, the end is open or
unknown), ``p_surely_from`` and ``p_surely_to`` (the part it surely covers; null: unbounded)
and ``p_surely`` (false when no part is sure). So a date filter is a column comparison: a
statement *may* fall on a day when ``date_earliest <= day_end AND date_latest >= day_start``.

Every function needs pyarrow (the ``columnar`` extra); without it they raise
:class:`~policyconflict.interop.MissingExtraError` naming the extra. The rest of the library
never imports pyarrow.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Sequence
from typing import TYPE_CHECKING, Any

from policyconflict.columnar._layout import LAYOUT_VERSION
from policyconflict.interop._common import require
from policyconflict.story import Story

if TYPE_CHECKING:
    import pyarrow as pa

__all__ = [
    "LAYOUT_VERSION",
    "arrow_schema",
    "from_arrow",
    "read_parquet",
    "table_names",
    "to_arrow",
    "to_pandas",
    "to_polars",
    "write_csv",
    "write_parquet",
]

EXTRA = "columnar"


def _arrow_module() -> Any:
    require("pyarrow", EXTRA)
    from policyconflict.columnar import _arrow

    return _arrow


def _parquet_module() -> Any:
    require("pyarrow", EXTRA)
    from policyconflict.columnar import _parquet

    return _parquet


def table_names() -> tuple[str, ...]:
    """The name of every table, ``stories`` first, each table before its link tables.

    >>> names = table_names()
    >>> names[:3], "statements__positions" in names
    (('stories', 'sources', 'sources__authors'), True)
    """
    from policyconflict.columnar._layout import STORIES, tables

    return (STORIES, *tables())


def arrow_schema(name: str) -> pa.Schema:
    """The Arrow schema of table ``name`` (:func:`table_names`); its metadata carries the
    layout version (``policyconflict.layout``)."""
    schema: pa.Schema = _arrow_module().arrow_schema(name)
    return schema


def to_arrow(stories: Iterable[Story]) -> dict[str, pa.Table]:
    """Every table of ``stories`` by name (all of :func:`table_names`, empty ones too). Story
    ids must be distinct (merge stories that share an id first: :func:`policyconflict.merge.merge`).

    >>> from policyconflict import PartialDate, Person, Statement, Story
    >>> story = Story(id="story:a", title="A", persons=(Person(id="person:ada", name="Ada"),),
    ...     statements=(Statement(id="st:1", speaker="person:ada", text="No.",
    ...                           date=PartialDate.parse("2020-02")),))
    >>> tables = to_arrow([story])
    >>> row = tables["statements"].to_pylist()[0]
    >>> row["in_story"], row["date"], row["date_precision"]
    ('story:a', '2020-02', 'month')
    >>> row["date_earliest"].isoformat(), row["date_latest"].isoformat()
    ('2020-02-01T00:00:00+00:00', '2020-02-29T23:59:59+00:00')
    >>> from_arrow(tables) == (story,)
    True
    """
    tables: dict[str, pa.Table] = _arrow_module().to_arrow(stories)
    return tables


def from_arrow(tables: dict[str, pa.Table]) -> tuple[Story, ...]:
    """The stories of ``tables`` (as :func:`to_arrow` gives them), checked as documents are:
    a value breaking a rule raises :class:`~policyconflict.errors.ValidationError` naming the
    table, the story and the row's position."""
    stories: tuple[Story, ...] = _arrow_module().from_arrow(tables)
    return stories


def write_parquet(
    stories: Iterable[Story],
    directory: str | os.PathLike[str],
    *,
    partition_by: Sequence[str] = ("kind",),
    progress: Callable[[str, int, int], None] | None = None,
) -> dict[str, int]:
    """Write ``stories`` as a Parquet dataset: ``directory/kind=<table>/`` for each table,
    partitioned further by ``year=<year>/`` (the year of the first date of the row's entity)
    with ``partition_by=("kind", "year")``, and ``directory/_policyconflict.json`` naming the
    layout version. ``directory`` must not hold a dataset yet. Returns each table's row count.
    ``progress``, if given, is called before each table is written with the table's name, the
    number of tables written and the number of tables.
    """
    counts: dict[str, int] = _parquet_module().write_parquet(
        stories, directory, partition_by=partition_by, progress=progress
    )
    return counts


def read_parquet(directory: str | os.PathLike[str]) -> tuple[Story, ...]:
    """The stories of a dataset written by :func:`write_parquet`, equal to those written
    (build a :class:`~policyconflict.query.Corpus` of them to ask questions)."""
    stories: tuple[Story, ...] = _parquet_module().read_parquet(directory)
    return stories


def write_csv(
    stories: Iterable[Story],
    directory: str | os.PathLike[str],
    *,
    progress: Callable[[str, int, int], None] | None = None,
) -> dict[str, int]:
    """Write every table of ``stories`` as ``directory/<table>.csv`` (a header row, enums as
    their text, timestamps as ISO 8601 text). Returns each table's row count; ``progress`` as
    for :func:`write_parquet`."""
    require("pyarrow", EXTRA)
    from policyconflict.columnar._csv import write_csv as write

    counts: dict[str, int] = write(stories, directory, progress=progress)
    return counts


def to_pandas(stories: Iterable[Story]) -> dict[str, Any]:
    """Every table of ``stories`` as a pandas DataFrame, by name (the ``pandas`` extra)."""
    require("pandas", "pandas")
    return {name: table.to_pandas() for name, table in to_arrow(stories).items()}


def to_polars(stories: Iterable[Story]) -> dict[str, Any]:
    """Every table of ``stories`` as a polars DataFrame, by name (the ``polars`` extra)."""
    polars = require("polars", "polars")
    return {name: polars.from_arrow(table) for name, table in to_arrow(stories).items()}
