"""Merge benchmark: the cost of merging a corpus that arrives as many overlapping stories.

The query benchmark's world (:func:`bench_query.build_corpus_story`) is cut into stories of
``--size`` statements. Each story also repeats, identically, a share of the world around them
(places, agencies, persons, laws, deployments, roles — what independent encoders using the
deterministic ids would write), cites its own source, and retells ``--overlap`` of the previous
story's statements: with its own citation, and for one in four with another date (a disputed
field) — and it spells some persons' names differently (an alias). Every record of every story
counts, repeats included.

Measured: :func:`policyconflict.merge.merge` of all the stories into one, and a ``Corpus`` built
from them, against a ``Corpus`` of the one story holding the world once.

Run ``PYTHONPATH=src python benchmarks/bench_merge.py`` (``--n 100000`` for a quick run); the
query benchmark runs it too with ``--merge``.
"""

from __future__ import annotations

import argparse
import gc
import random
import time
from collections.abc import Sequence
from typing import Any

import attrs
from bench_query import build_corpus_story

from policyconflict import Citation, PartialDate, Source, SourceKind, Story
from policyconflict.merge import merge
from policyconflict.query import Corpus

WORLD = ("jurisdictions", "agencies", "persons", "roles", "laws", "deployments")


def overlapping_stories(story: Story, size: int, overlap: float, seed: int = 11) -> list[Story]:
    """``story`` told again as many overlapping stories (built without validation)."""
    rng = random.Random(seed)
    statements = list(story.statements)
    world = {name: list(getattr(story, name)) for name in WORLD}
    found: list[Story] = []
    previous: list[Any] = []
    for number, start in enumerate(range(0, len(statements), size)):
        source = Source(id=f"source:bench/{number}", kind=SourceKind.NEWS_ARTICLE, title="A")
        cite = (Citation(source=source.id),)
        own = [attrs.evolve(s, sources=cite) for s in statements[start : start + size]]
        retold = []
        for s in rng.sample(previous, int(len(previous) * overlap)):
            changes: dict[str, Any] = {"sources": cite}
            if rng.random() < 0.25:
                changes["date"] = PartialDate.parse(f"20{rng.randrange(10, 25)}-01-01")
            retold.append(attrs.evolve(s, **changes))
        parts: dict[str, list[Any]] = {
            name: rng.sample(items, len(items) // 10) for name, items in world.items()
        }
        parts["persons"] = [
            attrs.evolve(p, name=p.name + " Jr.") if rng.random() < 0.05 else p
            for p in parts["persons"]
        ]
        seen = {s.id for s in own}
        found.append(
            Story(
                id=f"story:bench/{number}",
                title=f"Part {number}",
                sources=(source,),
                statements=(*own, *(s for s in retold if s.id not in seen)),
                **{name: tuple(items) for name, items in parts.items()},
            )
        )
        previous = own
    return found


def timed(what: str, make: Any) -> tuple[float, Any]:
    gc.collect()
    start = time.perf_counter()
    result = make()
    elapsed = time.perf_counter() - start
    print(f"  {what}: {elapsed:.2f} s")
    return elapsed, result


def run(n: int, size: int, overlap: float) -> None:
    """Build the stories, merge them, and print the costs."""
    with attrs.validators.disabled():
        whole = build_corpus_story(n)
        stories = overlapping_stories(whole, size, overlap)
        records = sum(sum(1 for _ in s.entities()) for s in stories)
        print(
            f"merge: {len(stories):,} overlapping stories, {records:,} records "
            f"({sum(1 for _ in whole.entities()):,} in the world told once)"
        )
        once, _ = timed("Corpus of the world told once", lambda: Corpus([whole]))
        merged_time, merged = timed(
            "merge(stories) into one story",
            lambda: merge(stories, id="story:merged", title="Merged"),
        )
        disputed = len({(c.entity, c.field) for c in merged.claims})
        count = sum(1 for _ in merged.entities())
        print(f"  merged: {count:,} entities, {disputed:,} disputed fields")
        corpus_time, each = added_one_by_one(stories)
    per_million = merged_time / records * 1e6
    print(
        f"  cost of merging: merge() {per_million:.2f} s per million records, Corpus(stories) "
        f"{corpus_time / records * 1e6:.2f} s per million records "
        f"({corpus_time / once:.1f}x the corpus of the world told once)"
    )
    tenth = max(1, len(each) // 10)
    first, last = sum(each[:tenth]) / tenth, sum(each[-tenth:]) / tenth
    print(
        f"  Corpus.add per story: {1000 * first:.0f} ms for the first tenth of the stories, "
        f"{1000 * last:.0f} ms for the last tenth (later stories share more entities, which "
        "hold more citations)"
    )


def added_one_by_one(stories: Sequence[Story]) -> tuple[float, list[float]]:
    """A corpus built by adding ``stories`` one at a time: the total time and each add's."""
    gc.collect()
    corpus = Corpus()
    each = []
    for story in stories:
        start = time.perf_counter()
        corpus.add(story)
        each.append(time.perf_counter() - start)
    print(f"  Corpus(stories), added one by one: {sum(each):.2f} s")
    return sum(each), each


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--n", type=int, default=1_000_000, help="statements (default 1,000,000)")
    parser.add_argument("--size", type=int, default=10_000, help="statements per story")
    parser.add_argument("--overlap", type=float, default=0.1, help="share retold by the next")
    args = parser.parse_args(argv)
    run(args.n, args.size, args.overlap)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
