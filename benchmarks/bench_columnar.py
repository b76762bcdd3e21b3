"""Columnar export and import: statements per second to a Parquet dataset and back.

    PYTHONPATH=src python benchmarks/bench_columnar.py            # N = 100,000 statements
    PYTHONPATH=src python benchmarks/bench_columnar.py -n 10000   # a quick run

The corpus is bench_format's statements story (each statement with a position and two
citations, 97 persons, 53 sources). Measured, median of ``--repeat`` runs taken in turns:

* export: ``write_parquet`` of the story (objects → Arrow tables → Parquet files);
* floor: pyarrow writing the same rows from plain dicts (``Table.from_pylist`` with the same
  schemas, then ``write_table``), the rows made beforehand, so only pyarrow's work is timed;
* read: ``read_parquet`` back into checked objects (a ``Story`` equal to the one written);
* and the two halves of each: ``to_arrow`` and ``from_arrow`` without files.

Rates are statements per CPU second of the process (all threads), which a machine shared with
other work distorts less than wall-clock time; both are printed.

Targets (issue 16): export >= 300,000 statements/s and within 3x of the floor; read >= 200,000
statements/s. No timed assertions anywhere: this prints a table.
"""

from __future__ import annotations

import argparse
import gc
import statistics
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq
from bench_format import statements_document

from policyconflict.columnar import (
    arrow_schema,
    from_arrow,
    read_parquet,
    to_arrow,
    write_parquet,
)
from policyconflict.serialization import loads
from policyconflict.story import Story


def timed(runs: dict[str, Callable[[], object]], repeat: int) -> dict[str, tuple[float, float]]:
    """Median wall-clock and CPU seconds (of every thread of the process) of each run, taken
    in turns so that a busy machine slows all alike. On a shared machine the CPU time says
    more: it does not count the time other processes held the cores."""
    times: dict[str, list[tuple[float, float]]] = {name: [] for name in runs}
    for _ in range(repeat):
        for name, run in runs.items():
            gc.collect()
            start, cpu = time.perf_counter(), time.process_time()
            run()
            times[name].append((time.perf_counter() - start, time.process_time() - cpu))
    return {
        name: (statistics.median(w for w, _ in found), statistics.median(c for _, c in found))
        for name, found in times.items()
    }


def floor_rows(story: Story) -> dict[str, list[dict[str, Any]]]:
    """The rows of every non-empty table as plain dicts (made before timing)."""
    return {name: table.to_pylist() for name, table in to_arrow([story]).items() if table.num_rows}


def write_floor(rows: dict[str, list[dict[str, Any]]], directory: Path) -> None:
    for name, found in rows.items():
        table = pa.Table.from_pylist(found, schema=arrow_schema(name))
        target = directory / f"kind={name}"
        target.mkdir(parents=True, exist_ok=True)
        pq.write_table(table, target / "part-0.parquet")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("-n", type=int, default=100_000, help="statements (default 100,000)")
    parser.add_argument("--repeat", type=int, default=3, help="runs of each (default 3)")
    args = parser.parse_args()
    n = args.n
    story = loads(statements_document(n))
    rows = floor_rows(story)
    tables = to_arrow([story])
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        written = root / "read"
        write_parquet([story], written)
        assert read_parquet(written) == (story,), "the round trip is identity"
        counter = iter(range(10**9))

        def export() -> None:
            write_parquet([story], root / f"export-{next(counter)}")

        def floor() -> None:
            write_floor(rows, root / f"floor-{next(counter)}")

        medians = timed(
            {
                "export (write_parquet)": export,
                "floor (pyarrow from dicts)": floor,
                "read (read_parquet)": lambda: read_parquet(written),
                "to_arrow": lambda: to_arrow([story]),
                "from_arrow": lambda: from_arrow(tables),
            },
            args.repeat,
        )
    rate = {name: n / cpu for name, (_wall, cpu) in medians.items()}
    export, floor_cpu = (
        medians["export (write_parquet)"][1],
        medians["floor (pyarrow from dicts)"][1],
    )
    ratio = export / floor_cpu
    print(f"{n:,} statements (each with a position and two citations); median of {args.repeat}")
    print("rates are per CPU second (the process's, all threads)")
    print(f"{'measure':<28}{'wall s':>9}{'cpu s':>9}{'statements/s':>15}  target")
    print("-" * 100)
    targets = {
        "export (write_parquet)": (
            f">= 300,000/s and <= 3x floor ({ratio:.2f}x): "
            + ("met" if rate["export (write_parquet)"] >= 300_000 and ratio <= 3 else "MISSED")
        ),
        "read (read_parquet)": ">= 200,000/s: "
        + ("met" if rate["read (read_parquet)"] >= 200_000 else "MISSED"),
    }
    for name, (wall, cpu) in medians.items():
        print(f"{name:<28}{wall:>9.3f}{cpu:>9.3f}{rate[name]:>15,.0f}  {targets.get(name, '')}")


if __name__ == "__main__":
    main()
