"""Graphs: references, networkx, GEXF and GraphML."""

from __future__ import annotations

import io
from collections import Counter

import pytest
from hypothesis import HealthCheck, given, settings

from interop_helpers import example_stories, la_story, transfer_story
from policyconflict import Story
from policyconflict.interop.graph import (
    Reference,
    references,
    to_networkx,
    write_gexf,
    write_graphml,
)
from policyconflict.query import Corpus
from policyconflict.story import story_problems
from policyconflict.testing import stories

nx = pytest.importorskip("networkx")


def test_references_of_a_statement() -> None:
    story = la_story()
    statement = next(s for s in story.statements if s.positions)
    found = references(statement)
    assert Reference("speaker", statement.speaker) in found
    for position in statement.positions:
        assert Reference("positions.target", position.target) in found
    for citation in statement.sources:
        assert Reference("sources.source", citation.source) in found


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(stories(max_entities=25))
def test_every_reference_resolves_in_the_story(story: Story) -> None:
    """references() lists exactly ids the story holds (the story checked them all)."""
    assert story_problems(story) == ()
    index = story.index()
    for entity in story.entities():
        for ref in references(entity):
            assert ref.target in index


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(stories(max_entities=25))
def test_graph_has_every_entity_and_reference(story: Story) -> None:
    graph = to_networkx(story)
    relations = {r.id for r in story.relations}
    for entity_id in story.index():
        if entity_id not in relations:
            assert graph.nodes[entity_id]["kind"]
    expected = Counter(
        (e.id, ref.target, ref.field)
        for e in story.entities()
        if e.id not in relations
        for ref in references(e)
    )
    got = Counter((u, v, d["type"]) for u, v, d in graph.edges(data=True) if "relation" not in d)
    for key, count in expected.items():
        assert got[key] >= 1, key
        assert count >= 1
    typed = {
        (d["relation"], u, v, d["type"]) for u, v, d in graph.edges(data=True) if "relation" in d
    }
    assert typed == {(r.id, r.subject, r.object, r.predicate.value) for r in story.relations}


def test_la_graph_dates_and_stances() -> None:
    story = la_story()
    graph = to_networkx(Corpus([story]))
    statement = next(s for s in story.statements if s.positions and s.date)
    for position in statement.positions:
        edges = graph.get_edge_data(statement.id, position.target)
        (edge,) = [d for d in edges.values() if d["type"] == "positions.target"]
        assert edge["stance"] == position.stance.value
        assert edge["date"] == str(statement.date)
    role = story.roles[0]
    assert graph.nodes[role.id]["start"] == str(role.period).split("/")[0]


@pytest.mark.parametrize("name", ["la", "grants"])
def test_gexf_and_graphml_read_back(name: str) -> None:
    story = example_stories()[name]
    graph = to_networkx(story)
    for write, read in ((write_gexf, nx.read_gexf), (write_graphml, nx.read_graphml)):
        out = io.BytesIO()
        write(story, out)
        back = read(io.BytesIO(out.getvalue()))
        assert set(back.nodes) == set(graph.nodes)
        assert back.number_of_edges() == graph.number_of_edges()
        some = next(iter(graph.nodes))
        assert back.nodes[some]["kind"] == graph.nodes[some]["kind"]


def test_a_control_transfer_is_a_node_with_edges_to_its_commands() -> None:
    pytest.importorskip("networkx")
    story = transfer_story()
    graph = to_networkx(story)
    transfer = story.control_transfers[0].id
    assert graph.nodes[transfer]["kind"] == "control_transfer"
    assert (graph.nodes[transfer]["start"], graph.nodes[transfer]["end"]) == (
        "2025-06-07",
        "2025-07-15",
    )
    edges = {(data["type"], target) for _s, target, data in graph.out_edges(transfer, data=True)}
    assert {
        ("force", "agency:us/ca/guard"),
        ("to_command", "agency:us/dod/northcom"),
        ("from_command", "agency:us/ca/governor"),
        ("legal_basis", "law:us/order"),
    } <= edges
