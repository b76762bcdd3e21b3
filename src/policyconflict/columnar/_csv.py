"""Stories as CSV files, one per table: for tools that read nothing else."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable
from pathlib import Path

import pyarrow as pa
import pyarrow.csv as csv

from policyconflict.columnar._arrow import to_arrow
from policyconflict.story import Story

__all__ = ["write_csv"]


def _plain(table: pa.Table) -> pa.Table:
    """``table`` with its dictionary-encoded columns as plain strings (CSV has no codes)."""
    fields = [
        pa.field(f.name, f.type.value_type, f.nullable) if pa.types.is_dictionary(f.type) else f
        for f in table.schema
    ]
    return table.cast(pa.schema(fields, metadata=table.schema.metadata))


def write_csv(
    stories: Iterable[Story],
    directory: str | os.PathLike[str],
    *,
    progress: Callable[[str, int, int], None] | None = None,
) -> dict[str, int]:
    """Write every table of ``stories`` to ``directory/<table>.csv`` (with a header row; dates
    and bounds as ISO 8601 text); the directory is made if missing, files of the same names are
    replaced. Returns each table's row count; ``progress`` as for ``write_parquet``."""
    root = Path(directory)
    root.mkdir(parents=True, exist_ok=True)
    data = to_arrow(stories)
    for done, (name, table) in enumerate(data.items()):
        if progress is not None:
            progress(name, done, len(data))
        csv.write_csv(_plain(table), root / f"{name}.csv")
    return {name: table.num_rows for name, table in data.items()}
