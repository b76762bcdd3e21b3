"""Load a JSON Lines corpus and ask it questions.

A corpus is how stories travel between programs: one JSON object a line, streamed without
holding the file in memory. This example writes the founding story (``la_sanctuary_2020.py``)
as a corpus into a temporary directory, loads it back into a :class:`~policyconflict.query.Corpus`,
and asks the questions the story is about:

* who opposed the deployment, grouped by the level of their jurisdiction;
* which laws restricting cooperation with ICE were in force in Los Angeles on 2020-02-15;
* who held which post on the day they spoke;
* which conflicts the story contains, with the evidence for each.

Run it with ``python examples/query_corpus.py``.
"""

from __future__ import annotations

import sys
import tempfile
from collections import defaultdict
from pathlib import Path

from policyconflict.query import Corpus
from policyconflict.serialization.jsonl import read_stories, write_jsonl

sys.path.insert(0, str(Path(__file__).resolve().parent))
from la_sanctuary_2020 import build_story  # the sibling example, found by the path above

LOS_ANGELES = "ocd-division/country:us/state:ca/place:los_angeles"
ICE = "agency:us/dhs/ice"


def name_of(corpus: Corpus, entity_id: str) -> str:
    """The name of an entity, or its id when it has none."""
    entity = corpus.get(entity_id)
    return str(getattr(entity, "name", None) or entity_id)


def main() -> None:
    """Write the corpus, read it back, and print the answers."""
    with tempfile.TemporaryDirectory() as directory:
        path = Path(directory) / "corpus.jsonl"
        lines = write_jsonl([build_story()], path)
        print(f"wrote {lines} lines to {path.name}")
        with path.open("rb") as handle:
            corpus = Corpus(read_stories(handle))
    print(f"loaded {len(corpus)} entities from {len(corpus.stories)} story\n")

    deployment = corpus.entities("deployments")[0]
    print(f"Who opposed {deployment.id}?")
    by_level: dict[str, set[str]] = defaultdict(set)
    for statement in corpus.statements(stance="oppose", target=deployment.id):
        places = sorted(corpus.places_of(statement.speaker))
        level = corpus.level(places[0]) if places else None
        by_level[level or "no jurisdiction"].add(name_of(corpus, statement.speaker))
    for level, speakers in sorted(by_level.items()):
        print(f"  {level}: {', '.join(sorted(speakers))}")

    print("\nLaws restricting cooperation with ICE in force in Los Angeles on 2020-02-15:")
    for law in corpus.laws_in_force(LOS_ANGELES, "2020-02-15", restricts=ICE):
        print(f"  {law.identifier or law.id}: {law.title} ({name_of(corpus, law.jurisdiction)})")

    print("\nPosts held on 2020-02-14:")
    for role in corpus.roles_on("2020-02-14"):
        organization = name_of(corpus, role.organization)
        print(f"  {name_of(corpus, role.person)}, {role.title}, {organization}")

    print("\nConflicts:")
    for conflict in corpus.conflicts():
        print(f"  {conflict.kind.value}: {conflict.subject}")
        print(f"    evidence: {len(conflict.evidence)} ids, e.g. {conflict.evidence[0]}")


if __name__ == "__main__":
    main()
