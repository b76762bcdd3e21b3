"""Stories ↔ a Parquet dataset: one directory per table, hive-partitioned.

``DIR/_policyconflict.json`` names the layout version and the partitioning; each table is in
``DIR/kind=<table>/`` (partitioned further by ``year=<year>/`` when asked), readable by any
Parquet reader (pyarrow, DuckDB, Spark, polars) as a hive-partitioned dataset.
"""

from __future__ import annotations

import json
import os
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import Any, Final

import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.dataset as ds
import pyarrow.parquet as pq

from policyconflict.columnar._arrow import arrow_schema, from_arrow, to_arrow
from policyconflict.columnar._layout import (
    IN_STORY,
    LAYOUT_VERSION,
    ORDINAL,
    OWNER_ORDINAL,
    STORIES,
    TOP,
    tables,
)
from policyconflict.errors import Problem, ValidationError
from policyconflict.story import Story

__all__ = ["MANIFEST", "PARTITIONS", "read_parquet", "write_parquet"]

MANIFEST: Final = "_policyconflict.json"
"""The file naming the layout version, the partitioning and the row count of each table
(readers of Parquet datasets skip files whose names start with ``_``)."""

FORMAT: Final = "policyconflict-columnar"
PARTITIONS: Final = ("kind", "year")
"""What ``partition_by`` may name: ``kind`` (always first: tables of different kinds have
different columns) and ``year``."""
YEAR: Final = "year"
_BY_YEAR: Final = ds.partitioning(pa.schema([(YEAR, pa.int32())]), flavor="hive")


def _year_of(table: pa.Table, name: str) -> pa.Array:
    """The year of each row: of the first date or period of the row's top-level record."""
    top = TOP[name.split("__")[0]]
    dated = next((leaf for leaf in top.leaves if leaf.kind in ("date", "period")), None)
    if dated is None:
        return pa.nulls(table.num_rows, pa.int32())
    return pc.cast(pc.year(table.column(f"{dated.column}_earliest")), pa.int32())


def _with_years(data: dict[str, pa.Table]) -> dict[str, pa.Table]:
    out = {STORIES: data[STORIES]}
    for name, top in TOP.items():
        base = data[name]
        years = _year_of(base, name)
        out[name] = base.append_column(YEAR, years)
        lookup = {
            (story, position): year
            for story, position, year in zip(
                base.column(IN_STORY).to_pylist(),
                base.column(ORDINAL).to_pylist(),
                years.to_pylist(),
                strict=True,
            )
        }
        for table in list(top.walk())[1:]:
            link = data[table.name]
            keys = zip(
                link.column(IN_STORY).to_pylist(),
                link.column(OWNER_ORDINAL).to_pylist(),
                strict=True,
            )
            column = pa.array([lookup[key] for key in keys], pa.int32())
            out[table.name] = link.append_column(YEAR, column)
    return out


def _check_partitions(partition_by: Sequence[str]) -> tuple[str, ...]:
    chosen = tuple(partition_by)
    if not chosen or chosen[0] != "kind" or any(p not in PARTITIONS for p in chosen):
        raise ValueError(
            f"partition_by must start with 'kind' and name only {PARTITIONS}, not {chosen!r}"
        )
    if len(set(chosen)) != len(chosen):
        raise ValueError(f"partition_by names a partition twice: {chosen!r}")
    return chosen


def write_parquet(
    stories: Iterable[Story],
    directory: str | os.PathLike[str],
    *,
    partition_by: Sequence[str] = ("kind",),
    progress: Callable[[str, int, int], None] | None = None,
) -> dict[str, int]:
    """Write ``stories`` as a Parquet dataset in ``directory`` (made if missing; it must hold
    no dataset yet): one hive partition per table (``kind=statements/``), and below it one per
    year (``year=2020/``) when ``partition_by`` is ``("kind", "year")``. Returns the number of
    rows of each table. ``progress`` is called before each table is written, with its name,
    how many tables were written and how many there are."""
    chosen = _check_partitions(partition_by)
    root = Path(directory)
    if (root / MANIFEST).exists():
        raise FileExistsError(f"{root} holds a dataset already: write to a new directory")
    root.mkdir(parents=True, exist_ok=True)
    data = to_arrow(stories)
    if YEAR in chosen:
        data = _with_years(data)
    for done, (name, table) in enumerate(data.items()):
        if progress is not None:
            progress(name, done, len(data))
        target = root / f"kind={name}"
        if YEAR in chosen and name != STORIES:
            ds.write_dataset(
                table,
                target,
                format="parquet",
                partitioning=_BY_YEAR,
                basename_template="part-{i}.parquet",
                existing_data_behavior="overwrite_or_ignore",
            )
        else:
            target.mkdir(exist_ok=True)
            pq.write_table(table, target / "part-0.parquet")
    counts = {name: table.num_rows for name, table in data.items()}
    manifest = {
        "format": FORMAT,
        "layout": LAYOUT_VERSION,
        "partition_by": list(chosen),
        "tables": counts,
    }
    (root / MANIFEST).write_text(json.dumps(manifest, indent=1, sort_keys=True) + "\n")
    return counts


def _fail(path: str, code: str, message: str) -> ValidationError:
    return ValidationError([Problem(path=path, code=code, message=message)])


def _manifest(root: Path) -> dict[str, Any]:
    path = root / MANIFEST
    if not path.is_file():
        raise _fail(str(path), "missing-manifest", f"{root} is not a policyconflict dataset")
    manifest = json.loads(path.read_text())
    if not isinstance(manifest, dict) or manifest.get("format") != FORMAT:
        raise _fail(str(path), "bad-format", f"{path} does not describe a {FORMAT} dataset")
    layout = manifest.get("layout")
    if type(layout) is not int or layout > LAYOUT_VERSION:
        raise _fail(
            str(path),
            "unsupported-version",
            f"the dataset is layout version {layout!r}, but this library reads versions up to "
            f"{LAYOUT_VERSION}: upgrade policyconflict",
        )
    return manifest


def read_tables(directory: str | os.PathLike[str]) -> dict[str, pa.Table]:
    """Every table of the Parquet dataset in ``directory``, by name, without the partition
    columns."""
    root = Path(directory)
    manifest = _manifest(root)
    hive = YEAR in manifest.get("partition_by", [])
    out: dict[str, pa.Table] = {}
    for name in [STORIES, *tables()]:
        schema = arrow_schema(name)
        target = root / f"kind={name}"
        if not target.is_dir():
            out[name] = schema.empty_table()
            continue
        partitioning = _BY_YEAR if hive and name != STORIES else None
        dataset = ds.dataset(target, format="parquet", partitioning=partitioning)
        columns = [c for c in schema.names if c in dataset.schema.names]
        out[name] = dataset.to_table(columns=columns)
    return out


def read_parquet(directory: str | os.PathLike[str]) -> tuple[Story, ...]:
    """The stories of the Parquet dataset in ``directory`` (written by :func:`write_parquet`),
    equal to the stories written, each checked as a document is
    (:class:`~policyconflict.errors.ValidationError` otherwise)."""
    return from_arrow(read_tables(directory))
