"""Load/dump benchmark of the interchange format against pydantic v2, msgspec and orjson.

Two deterministic corpora:

* ``statements`` — one story document with N statements (default 200,000), each with two
  citations and a position, referring to a pool of persons and sources (about 600 bytes each);
* ``mixed`` — a JSON Lines corpus of N/4 records of six kinds (sources, persons, agencies, laws
  with provisions, figures with quantities, statements).

For each, in one run and as the median of several repetitions, per record: **load** (bytes →
validated objects), **dump** (objects → bytes), **memory** retained by the loaded objects
(tracemalloc) and, once, **cold start** (a fresh interpreter: import + first load of a small
document). The peers are models written in ``peers.py`` with the same constraints (unknown keys
forbidden, strict types, id and date patterns, enums, non-empty text): pydantic v2
(``strict=True, extra="forbid"``), ``msgspec.Struct`` (``forbid_unknown_fields=True`` with
``Meta`` constraints), and ``orjson.loads`` to plain dicts as the floor.

Then **load by corpus size**: each corpus loaded at 5,000, 50,000 and 200,000 records
(``--sizes``), since the ratio to pydantic depends on how often the garbage collector runs, and
that depends on how many objects a load makes.

Run ``PYTHONPATH=src python benchmarks/bench_format.py`` (``--quick`` for N=20,000 and one run
per size). It prints a table with ratios to pydantic and msgspec and checks them against the
targets, then the table of load by size.
"""

import argparse
import gc
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
import tracemalloc
from collections.abc import Callable
from pathlib import Path
from typing import Any

from peers import CHANNELS, STANCES, TAGS, msgspec_models, pydantic_models

from policyconflict.serialization import FORMAT_VERSION

WORDS = [
    "officers",
    "agency",
    "city",
    "police",
    "federal",
    "sanctuary",
    "deployment",
    "immigration",
    "enforcement",
    "mayor",
    "sheriff",
    "county",
    "state",
    "law",
    "cooperation",
    "detainers",
    "retaliation",
    "public",
    "safety",
    "residents",
]


# -- deterministic corpora -------------------------------------------------------------------------


def _words(i: int, n: int) -> str:
    return " ".join(WORDS[(i * 7 + k * 3) % len(WORDS)] for k in range(n))


def statement_value(i: int) -> dict[str, Any]:
    """Statement ``i`` as plain JSON values (canonical: default fields left out)."""
    value: dict[str, Any] = {
        "id": f"statement:p{i % 97}/2020-02-{i % 28 + 1:02d}/s{i:07d}",
        "speaker": f"person:p{i % 97}",
        "text": f"{_words(i, 14).capitalize()}, the spokesperson said on Friday ({i}).",
        "date": f"2020-02-{i % 28 + 1:02d}",
        "channel": CHANNELS[i % len(CHANNELS)],
        "language": "en",
        "positions": [{"target": f"person:p{(i + 1) % 97}", "stance": STANCES[i % 4]}],
        "sources": [
            {
                "source": f"source:s{i % 53}",
                "quote": _words(i + 1, 6),
                "start": i % 1000,
                "end": i % 1000 + 40,
            },
            {"source": f"source:s{(i + 7) % 53}", "quote": _words(i + 2, 5), "note": "as reported"},
        ],
    }
    if value["channel"] == "statement":  # the default: canonical text leaves it out
        del value["channel"]
    return value


def person_value(i: int) -> dict[str, Any]:
    return {"id": f"person:p{i}", "name": f"Person {i}"}


def source_value(i: int) -> dict[str, Any]:
    return {
        "id": f"source:s{i}",
        "kind": "news-article",
        "title": f"Article {i} about {_words(i, 4)}",
        "url": f"https://news.example/{i}",
        "published": f"2020-02-{i % 28 + 1:02d}",
    }


def agency_value(i: int) -> dict[str, Any]:
    return {"id": f"agency:a{i}", "name": f"Agency {i}", "kind": "agency", "abbreviation": f"A{i}"}


def law_value(i: int) -> dict[str, Any]:
    return {
        "id": f"law:l{i}",
        "kind": "statute",
        "jurisdiction": "ocd-division/country:us",
        "title": f"An act on {_words(i, 5)}",
        "identifier": f"SB {i}",
        "signed": "2017-10-05",
        "effective": "2018-01-01",
        "provisions": [
            {
                "id": f"law:l{i}#p1",
                "label": "Section 1",
                "effect": "restricts",
                "activity": "immigration-enforcement-cooperation",
                "binds": [f"agency:a{i % 29}"],
            }
        ],
        "sources": [{"source": f"source:s{i % 53}", "quote": _words(i, 5)}],
    }


def figure_value(i: int) -> dict[str, Any]:
    return {
        "id": f"figure:f{i}",
        "metric": "officers-deployed",
        "quantity": {"kind": "exact", "value": i % 500},
        "unit": "officers",
        "period": "2020-02/2020-05",
        "claimed_by": [f"agency:a{i % 29}"],
        "sources": [{"source": f"source:s{i % 53}", "quote": _words(i, 4)}],
    }


def statements_document(n: int) -> bytes:
    """One story document: ``n`` statements plus the persons and sources they refer to."""
    doc = {
        "format": "policyconflict",
        "version": FORMAT_VERSION,
        "id": "story:benchmark",
        "title": "Benchmark story",
        "persons": sorted((person_value(i) for i in range(97)), key=lambda v: v["id"]),
        "sources": sorted((source_value(i) for i in range(53)), key=lambda v: v["id"]),
        "statements": sorted((statement_value(i) for i in range(n)), key=lambda s: s["id"]),
    }
    return json.dumps(doc, sort_keys=True, separators=(",", ":")).encode()


MIXED = (
    ("source", source_value),
    ("person", person_value),
    ("agency", agency_value),
    ("law", law_value),
    ("figure", figure_value),
    ("statement", statement_value),
)


assert [tag for tag, _make in MIXED] == TAGS, "the peers' record union follows MIXED"


def mixed_corpus(n: int) -> bytes:
    """A JSON Lines corpus of ``n`` records of six kinds, round robin."""
    lines = [f'{{"format":"policyconflict","type":"header","version":{FORMAT_VERSION}}}']
    for i in range(n):
        tag, make = MIXED[i % len(MIXED)]
        value = {**make(i), "type": tag}
        lines.append(json.dumps(value, sort_keys=True, separators=(",", ":")))
    return ("\n".join(lines) + "\n").encode()


# -- measuring -------------------------------------------------------------------------------------


def interleaved(runs: dict[str, Callable[[], object]], repeat: int) -> dict[str, float]:
    """Median seconds of ``repeat`` runs of each, taken in turns (library A, B, C, A, B, C...)
    so that a busy machine slows every library alike. Each result is dropped before the next."""
    times: dict[str, list[float]] = {name: [] for name in runs}
    for _ in range(repeat):
        for name, run in runs.items():
            gc.collect()
            start = time.perf_counter()
            result = run()
            times[name].append(time.perf_counter() - start)
            del result
    return {name: statistics.median(values) for name, values in times.items()}


def retained(run: Callable[[], object]) -> int:
    """Bytes still allocated after ``run`` returns, held by its result."""
    gc.collect()
    tracemalloc.start()
    result = run()
    gc.collect()
    size = tracemalloc.get_traced_memory()[0]
    tracemalloc.stop()
    del result
    return size


COLD = {
    "policyconflict": (
        "import policyconflict.serialization as s; s.loads(DATA)",
        "import policyconflict.serialization.jsonl as j; import io; "
        "list(j.iter_jsonl(io.BytesIO(DATA)))",
    ),
    "pydantic": (
        "from peers import pydantic_models as m; m()['document'].model_validate_json(DATA)",
        "from peers import pydantic_models as m; r = m()['record']; "
        "[r.validate_json(x) for x in DATA.splitlines()[1:]]",
    ),
    "msgspec": (
        "from peers import msgspec_models as m; m()['document'].decode(DATA)",
        "from peers import msgspec_models as m; r = m()['record']; "
        "[r.decode(x) for x in DATA.splitlines()[1:]]",
    ),
    "orjson": (
        "import orjson; orjson.loads(DATA)",
        "import orjson; [orjson.loads(x) for x in DATA.splitlines()]",
    ),
}


def cold_starts(libraries: list[str], corpus: int, data: bytes, repeat: int) -> dict[str, float]:
    """Median seconds for a fresh interpreter to import each library and load ``data`` once,
    minus the median for a fresh interpreter that only reads the file; taken in turns."""
    with tempfile.NamedTemporaryFile(suffix=".json", delete=False) as handle:
        handle.write(data)
        path = handle.name
    here = Path(__file__).resolve().parent
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(here.parent / "src"), str(here)])}
    read = f"DATA = open({path!r}, 'rb').read()\n"
    sources = {"": read, **{lib: read + COLD[lib][corpus] for lib in libraries}}
    times: dict[str, list[float]] = {name: [] for name in sources}
    try:
        for _ in range(repeat):
            for name, source in sources.items():
                start = time.perf_counter()
                subprocess.run([sys.executable, "-c", source], check=True, env=env)
                times[name].append(time.perf_counter() - start)
    finally:
        os.unlink(path)
    base = statistics.median(times[""])
    return {lib: statistics.median(times[lib]) - base for lib in libraries}


Runs = dict[str, Callable[[], object]]


def load_runs(name: str, n: int) -> tuple[Runs, int]:
    """The load runs of each library for corpus ``name`` of ``n`` records, and the number of
    records."""
    import io

    import orjson

    import policyconflict.serialization as pcs
    from policyconflict.serialization import jsonl

    pyd = pydantic_models()
    ms = msgspec_models()
    if name == "statements":
        document = statements_document(n)
        return {
            "policyconflict": lambda: pcs.loads(document),
            "pydantic": lambda: pyd["document"].model_validate_json(document),
            "msgspec": lambda: ms["document"].decode(document),
            "orjson": lambda: orjson.loads(document),
        }, n
    corpus = mixed_corpus(n)
    lines = corpus.splitlines()[1:]
    return {
        "policyconflict": lambda: list(jsonl.iter_jsonl(io.BytesIO(corpus))),
        "pydantic": lambda: [pyd["record"].validate_json(x) for x in lines],
        "msgspec": lambda: [ms["record"].decode(x) for x in lines],
        "orjson": lambda: [orjson.loads(x) for x in lines],
    }, len(lines)


def load_by_size(libraries: list[str], sizes: list[int], repeat: int) -> None:
    """Print load µs per record of each corpus at each size, with the ratios to the peers.

    One corpus and size at a time, its data dropped before the next (as in :func:`main`)."""
    header = (
        f"{'corpus':<11}{'records':>9} "
        + "".join(f"{lib:>16}" for lib in libraries)
        + f"{'÷pydantic':>11}{'÷msgspec':>10}"
    )
    print(f"\nload µs per record by corpus size (median of {repeat})")
    print(header)
    print("-" * len(header))
    for corpus_name in ("statements", "mixed"):
        for size in sizes:
            loads, records_n = load_runs(corpus_name, size)
            runs = {lib: loads[lib] for lib in libraries}
            row = [t / records_n * 1e6 for t in interleaved(runs, repeat).values()]
            del loads, runs
            gc.collect()
            print(
                f"{corpus_name:<11}{records_n:>9,} "
                + "".join(f"{value:>16.2f}" for value in row)
                + f"{row[0] / row[1]:>10.2f}×{row[0] / row[2]:>9.2f}×"
            )


def corpus_runs(name: str, statements_n: int, mixed_n: int) -> tuple[Runs, Runs, int, int]:
    """The load and dump runs of each library for one corpus, the number of records and the
    size of the data (each library's objects to dump are made here)."""
    import io

    import orjson

    import policyconflict.serialization as pcs
    from policyconflict.serialization import jsonl

    pyd = pydantic_models()
    ms = msgspec_models()
    if name == "statements":
        document = statements_document(statements_n)
        story = pcs.loads(document)
        assert pcs.dumps(story).encode() == document, "the generator must write canonical text"
        pyd_doc = pyd["document"].model_validate_json(document)
        ms_doc = ms["document"].decode(document)
        plain_doc = orjson.loads(document)
        loads: Runs = {
            "policyconflict": lambda: pcs.loads(document),
            "pydantic": lambda: pyd["document"].model_validate_json(document),
            "msgspec": lambda: ms["document"].decode(document),
            "orjson": lambda: orjson.loads(document),
        }
        dumps: Runs = {
            "policyconflict": lambda: pcs.dumps(story).encode(),
            "pydantic": lambda: pyd_doc.model_dump_json(exclude_defaults=True),
            "msgspec": lambda: ms["encoder"].encode(ms_doc),
            "orjson": lambda: orjson.dumps(plain_doc, option=orjson.OPT_SORT_KEYS),
        }
        return loads, dumps, statements_n, len(document)

    corpus = mixed_corpus(mixed_n)
    lines = corpus.splitlines()[1:]
    records = list(jsonl.iter_jsonl(io.BytesIO(corpus)))
    pyd_records = [pyd["record"].validate_json(line) for line in lines]
    ms_records = [ms["record"].decode(line) for line in lines]
    plain_records = [orjson.loads(line) for line in lines]

    def write_corpus() -> bytes:
        out = io.BytesIO()
        jsonl.write_records(records, out)
        return out.getvalue()

    loads = {
        "policyconflict": lambda: list(jsonl.iter_jsonl(io.BytesIO(corpus))),
        "pydantic": lambda: [pyd["record"].validate_json(x) for x in lines],
        "msgspec": lambda: [ms["record"].decode(x) for x in lines],
        "orjson": lambda: [orjson.loads(x) for x in lines],
    }
    dumps = {
        "policyconflict": write_corpus,
        "pydantic": lambda: b"\n".join(
            pyd["record"].dump_json(r, exclude_defaults=True) for r in pyd_records
        ),
        "msgspec": lambda: b"\n".join(ms["encoder"].encode(r) for r in ms_records),
        "orjson": lambda: b"\n".join(
            orjson.dumps(r, option=orjson.OPT_SORT_KEYS) for r in plain_records
        ),
    }
    return loads, dumps, len(lines), len(corpus)


def main() -> None:
    """Measure and print the table."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("-n", type=int, default=200_000, help="statements (default 200,000)")
    parser.add_argument("--quick", action="store_true", help="N=20,000 and fewer repetitions")
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument(
        "--sizes",
        type=lambda text: [int(x) for x in text.split(",")],
        default=[5_000, 50_000, 200_000],
        help="corpus sizes of the load-by-size table (default 5000,50000,200000)",
    )
    args = parser.parse_args()
    n = 20_000 if args.quick else args.n
    repeat = 3 if args.quick else args.repeat

    libraries = ["policyconflict", "pydantic", "msgspec", "orjson"]
    statements_n = n
    mixed_n = max(n // 4, 60)
    print(
        f"statements: {statements_n:,} records; mixed: {mixed_n:,} records; "
        f"median of {repeat}; Python {sys.version.split()[0]}"
    )
    results: dict[tuple[str, str, str], float] = {}
    # One corpus at a time, its data dropped before the next: how often the garbage collector
    # runs a full collection depends on what else the process holds, so each corpus is
    # measured in a process holding that corpus only, as a program reading it would.
    for corpus_name in ("statements", "mixed"):
        loads, dumps, records_n, size = corpus_runs(corpus_name, statements_n, mixed_n)
        print(f"{corpus_name}: {size / records_n:.0f} bytes per record")
        for measure, table in (("load µs", loads), ("dump µs", dumps)):
            runs = {lib: table[lib] for lib in libraries}
            for lib, seconds in interleaved(runs, repeat).items():
                results[corpus_name, measure, lib] = seconds / records_n * 1e6
        for lib in libraries:
            results[corpus_name, "memory B", lib] = retained(loads[lib]) / records_n
        del loads, dumps
        gc.collect()
        small = statements_document(20) if corpus_name == "statements" else mixed_corpus(24)
        cold_index = 0 if corpus_name == "statements" else 1
        for lib, seconds in cold_starts(libraries, cold_index, small, max(5, repeat)).items():
            results[corpus_name, "cold ms", lib] = seconds * 1e3

    targets = {"load µs": 0.5, "dump µs": 0.6, "memory B": 0.5, "cold ms": 0.6}
    header = (
        f"{'corpus':<11}{'measure':<10}"
        + "".join(f"{lib:>16}" for lib in libraries)
        + f"{'÷pydantic':>11}{'÷msgspec':>10}  target"
    )
    print(header)
    print("-" * len(header))
    verdicts = []
    for corpus_name in ("statements", "mixed"):
        for measure, goal in targets.items():
            row = [results[corpus_name, measure, lib] for lib in libraries]
            ratio_p = row[0] / row[1]
            ratio_m = row[0] / row[2]
            ok = ratio_p <= goal and (measure != "load µs" or ratio_m <= 3)
            verdicts.append(ok)
            goal_text = f"≤{goal}×pyd" + (", ≤3×msgspec" if measure == "load µs" else "")
            print(
                f"{corpus_name:<11}{measure:<10}"
                + "".join(f"{value:>16.2f}" for value in row)
                + f"{ratio_p:>10.2f}×{ratio_m:>9.2f}×  {goal_text} {'met' if ok else 'MISSED'}"
            )
    print(f"targets met: {sum(verdicts)} of {len(verdicts)}")
    load_by_size(libraries, args.sizes, 1 if args.quick else repeat)


if __name__ == "__main__":
    main()
