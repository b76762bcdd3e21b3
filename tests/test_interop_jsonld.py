"""schema.org JSON-LD: rdflib reads the output offline, with the expected types and ids."""

from __future__ import annotations

import socket
import warnings
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings

from interop_helpers import example_stories, grants_story, la_story, transfer_story
from policyconflict import Story
from policyconflict.interop.jsonld import DEFAULT_BASE, dumps_jsonld, to_jsonld
from policyconflict.testing import stories

rdflib = pytest.importorskip("rdflib")
from rdflib.namespace import RDF  # noqa: E402

SDO = rdflib.Namespace("https://schema.org/")


@pytest.fixture(autouse=True)
def _no_network(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(*_args: Any, **_kwargs: Any) -> None:
        raise AssertionError("the JSON-LD reader tried to use the network")

    monkeypatch.setattr(socket.socket, "connect", refuse)


def _graph(story: Story) -> Any:
    with warnings.catch_warnings():
        # rdflib's own JSON-LD parser uses its deprecated ConjunctiveGraph inside.
        warnings.simplefilter("ignore", DeprecationWarning)
        return rdflib.Graph().parse(data=dumps_jsonld(story), format="json-ld")


def _iri(entity_id: str) -> Any:
    return rdflib.URIRef(DEFAULT_BASE + entity_id.replace("#", "%23"))


@pytest.mark.parametrize("name", ["la", "grants"])
def test_types_and_ids(name: str) -> None:
    story = example_stories()[name]
    graph = _graph(story)
    expected = (
        [(law.id, SDO.Legislation) for law in story.laws]
        + [(a.id, SDO.GovernmentOrganization) for a in story.agencies]
        + [(p.id, SDO.Person) for p in story.persons]
        + [(s.id, SDO.Quotation) for s in story.statements]
        + [(f.id, SDO.Claim) for f in story.figures]
        + [(e.id, SDO.Event) for e in story.events]
        + [(d.id, SDO.Event) for d in story.deployments]
    )
    assert expected
    for entity_id, rdf_type in expected:
        assert (_iri(entity_id), RDF.type, rdf_type) in graph, entity_id
    for law in story.laws:
        assert (_iri(law.id), SDO.legislationJurisdiction, _iri(law.jurisdiction)) in graph
        assert (_iri(law.id), SDO.name, rdflib.Literal(law.title)) in graph


def test_la_sb54() -> None:
    graph = _graph(la_story())
    dated = [law for law in la_story().laws if law.signed or law.effective]
    assert dated
    for law in dated:
        when = law.signed or law.effective
        assert when is not None
        assert (_iri(law.id), SDO.legislationDate, rdflib.Literal(str(when))) in graph
    assert (None, RDF.type, SDO.NewsArticle) in graph
    mayor = _iri("person:eric-garcetti")
    roles = list(graph.objects(mayor, SDO.memberOf))
    assert roles
    assert any(
        (role, SDO.memberOf, _iri("ocd-division/country:us/state:ca/place:los_angeles")) in graph
        for role in roles
    )


def test_quotations_point_at_their_speakers() -> None:
    story = grants_story()
    graph = _graph(story)
    for statement in story.statements:
        assert (_iri(statement.id), SDO.spokenByCharacter, _iri(statement.speaker)) in graph


def test_context_is_inline() -> None:
    document = to_jsonld(la_story())
    assert document["@context"]["@vocab"] == "https://schema.org/"


@settings(max_examples=20, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(stories(max_entities=20))
def test_generated_stories_parse(story: Story) -> None:
    graph = _graph(story)
    for person in story.persons:
        assert (_iri(person.id), RDF.type, SDO.Person) in graph
    for law in story.laws:
        assert (_iri(law.id), RDF.type, SDO.Legislation) in graph


def test_a_control_transfer_is_an_event_organized_by_its_new_command() -> None:
    story = transfer_story()
    graph = _graph(story)
    node = _iri(story.control_transfers[0].id)
    assert (node, rdflib.RDF.type, SDO.Event) in graph
    assert (node, SDO.organizer, _iri("agency:us/dod/northcom")) in graph
    assert set(graph.objects(node, SDO.attendee)) == {
        _iri("agency:us/ca/guard"),
        _iri("agency:us/ca/governor"),
    }
    assert str(graph.value(node, SDO.additionalType)) == "control-transfer"
