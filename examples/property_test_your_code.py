"""Property-test your own code with the strategies ``policyconflict`` ships.

Suppose your newsroom tool exports every statement of a story as a CSV row for a spreadsheet,
one row per position (speaker, date, stance, target). Example-based tests check the three stories
you thought of; a property test checks hundreds of stories you did not think of — empty ones,
statements without a date, speakers with commas in their names, several positions at once —
because :func:`policyconflict.testing.stories` makes whole, valid, referentially consistent
stories of every shape.

The properties below are laws your exporter should obey: every position becomes exactly one row,
and the CSV text reads back to the same rows. Run the file with
``python examples/property_test_your_code.py``: it calls the ``@given`` test functions directly,
as pytest would, and prints what it checked. In your project, put the test functions in a test
module and let pytest find them.
"""

from __future__ import annotations

import csv
import io
from random import Random

from hypothesis import given, settings
from hypothesis import strategies as st

from policyconflict import Story
from policyconflict.testing import stories

HEADER = ("statement", "speaker", "date", "stance", "target")


# --- the code under test: yours ---------------------------------------------------------------


def position_rows(story: Story) -> list[tuple[str, str, str, str, str]]:
    """One row per position of every statement, in statement order."""
    return [
        (s.id, s.speaker, "" if s.date is None else str(s.date), p.stance.value, p.target)
        for s in story.statements
        for p in s.positions
    ]


def to_csv(story: Story) -> str:
    """The rows as CSV text with a header line."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(HEADER)
    writer.writerows(position_rows(story))
    return buffer.getvalue()


# --- the properties ---------------------------------------------------------------------------

checked: dict[str, int] = {}


def _count(name: str) -> None:
    checked[name] = checked.get(name, 0) + 1


@settings(max_examples=50, deadline=None)
@given(stories(max_entities=25))
def test_every_position_becomes_exactly_one_row(story: Story) -> None:
    rows = position_rows(story)
    assert len(rows) == sum(len(s.positions) for s in story.statements)
    speakers = story.index()
    assert all(row[1] in speakers for row in rows)  # the strategies keep references valid
    _count("every position becomes exactly one row")


@settings(max_examples=50, deadline=None)
@given(stories(max_entities=25))
def test_csv_reads_back_to_the_same_rows(story: Story) -> None:
    header, *rows = csv.reader(io.StringIO(to_csv(story)))
    assert tuple(header) == HEADER
    assert [tuple(row) for row in rows] == position_rows(story)
    _count("csv reads back to the same rows")


@settings(max_examples=50, deadline=None)
@given(stories(max_entities=25), st.randoms())
def test_rows_do_not_depend_on_entity_order(story: Story, random: Random) -> None:
    # Two people entering the same story in a different order get the same export.
    shuffled = list(story.entities())
    random.shuffle(shuffled)
    again = Story.from_entities(id=story.id, title=story.title, entities=shuffled)
    assert sorted(position_rows(again)) == sorted(position_rows(story))
    _count("rows do not depend on entity order")


def main() -> None:
    """Run each property as pytest would, and say how many stories each one saw."""
    test_every_position_becomes_exactly_one_row()
    test_csv_reads_back_to_the_same_rows()
    test_rows_do_not_depend_on_entity_order()
    for name, count in checked.items():
        print(f"ok  {name} ({count} generated stories)")


if __name__ == "__main__":
    main()
