"""Same-as clusters: a question about one id of a cluster answers for every id of it."""

from __future__ import annotations

from typing import Any

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from helpers import person, statement, story
from policyconflict import (
    Agency,
    AgencyKind,
    Jurisdiction,
    JurisdictionLevel,
    Predicate,
    Relation,
    Role,
    Stance,
    Story,
)
from policyconflict.model.statements import Position
from policyconflict.query import Corpus, UnknownEntityError
from policyconflict.query._backend import BackendFactory
from test_query_properties import BACKENDS
from test_query_worlds import AGENCIES, PERSONS, PLACES, story_of, worlds


@pytest.fixture(scope="module", params=list(BACKENDS), ids=list(BACKENDS))
def backend(request: pytest.FixtureRequest) -> BackendFactory:
    return BACKENDS[request.param]


US = "ocd-division/country:us"


def same(number: int, subject: str, other: str) -> Relation:
    return Relation(id=f"same-{number}", subject=subject, predicate=Predicate.SAME_AS, object=other)


def without_same_as(world: dict[str, list[Any]]) -> Story:
    plain = {**world, "relations": [r for r in world["relations"] if r.id[:5] != "same-"]}
    return story_of(plain)


def in_arrival_order(corpus: Corpus, kind: str, found: set[str]) -> list[str]:
    return [e.id for e in corpus.entities(kind) if e.id in found]


@given(worlds(), st.sampled_from([*PERSONS, *AGENCIES]), st.sampled_from(PLACES))
def test_a_question_about_one_id_answers_for_its_cluster(
    backend: BackendFactory, world: dict[str, list[Any]], actor: str, place: str
) -> None:
    corpus = Corpus([story_of(world)], gazetteer=None, backend=backend)
    plain = Corpus([without_same_as(world)], gazetteer=None, backend="scan")
    actors, places = corpus.cluster(actor), corpus.cluster(place)
    assert actor in actors
    assert list(actors) == sorted(actors)
    for member in actors:
        assert corpus.cluster(member) == actors  # chains and cycles: one cluster, either end

    def each(ask: Any, ids: tuple[str, ...]) -> set[str]:
        return {e.id for member in ids for e in ask(member)}

    asked = [s.id for s in corpus.statements(speaker=actor)]
    said = each(lambda m: plain.statements(speaker=m), actors)
    assert asked == in_arrival_order(plain, "statements", said)
    asked = [s.id for s in corpus.statements(target=actor, stance=Stance.OPPOSE)]
    said = each(lambda m: plain.statements(target=m, stance=Stance.OPPOSE), actors)
    assert asked == in_arrival_order(plain, "statements", said)
    # A statement is placed where its voices' clusters are, within the place's cluster.
    area = frozenset().union(*map(plain.descendants, places))

    def placed(voice: str | None) -> bool:
        if voice is None:
            return False
        where = frozenset().union(*(plain.places_of(m) for m in corpus.cluster(voice)))
        return not where.isdisjoint(area)

    asked = [s.id for s in corpus.statements(within=place, speaker=actor)]
    said = {
        s.id
        for s in plain.statements()
        if s.speaker in actors and (placed(s.speaker) or placed(s.on_behalf_of))
    }
    assert asked == in_arrival_order(plain, "statements", said)
    asked = [s.id for s in corpus.statements(within=place)]
    said = {s.id for s in plain.statements() if placed(s.speaker) or placed(s.on_behalf_of)}
    assert asked == in_arrival_order(plain, "statements", said)
    assert corpus.places_of(actor) == frozenset().union(*map(plain.places_of, actors))
    belong = frozenset().union(*map(plain.members, actors))
    assert corpus.members(actor) == {m for h in belong for m in corpus.cluster(h)}
    assert corpus.descendants(place) == frozenset().union(*map(plain.descendants, places))
    if actor in PERSONS:
        held = {r.id for m in actors if m in PERSONS for r in plain.roles_of(m)}
        assert {r.id for r in corpus.roles_of(actor)} == held
    else:
        sent = each(lambda m: plain.deployments(agency=m), actors)
        assert [d.id for d in corpus.deployments(agency=actor)] == in_arrival_order(
            plain, "deployments", sent
        )


def stances(records: Any) -> set[tuple[str, Stance, str]]:
    return {(r.actor, r.stance, e) for r in records for e in r.evidence}


@given(worlds(), st.data())
def test_positions_on_one_id_are_the_evidence_about_every_id_of_its_cluster(
    backend: BackendFactory, world: dict[str, list[Any]], data: st.DataObject
) -> None:
    """Who took which stance on a target: the evidence about every id of the target's
    cluster; each actor placed by the roles of every id of the actor's cluster."""
    corpus = Corpus([story_of(world)], gazetteer=None, backend=backend)
    plain = Corpus([without_same_as(world)], gazetteer=None, backend="scan")
    target = data.draw(st.sampled_from([*AGENCIES, *PERSONS, *PLACES]))
    found = corpus.positions(target)
    told = set().union(*(stances(plain.positions(m)) for m in corpus.cluster(target)))
    assert stances(found) == told
    for record in found:
        if record.role is not None:
            held = corpus.get(record.role)
            assert isinstance(held, Role)
            assert held.person in corpus.cluster(record.actor) or record.speaking_for is not None


def test_an_actor_is_placed_by_a_role_of_its_cluster_and_is_a_member_of_its_body() -> None:
    homan = person(id="person:homan", name="Tom Homan")
    thomas = person(id="person:thomas-homan", name="Thomas Homan")
    ice = Agency(id="agency:us/dhs/ice", name="ICE", kind=AgencyKind.AGENCY, jurisdiction=US)
    director = Role(id="role:ice-director", person=thomas.id, organization=ice.id, title="Director")
    said = statement(
        id="statement:homan/1",
        speaker=homan.id,
        positions=(Position(target=ice.id, stance=Stance.SUPPORT),),
    )
    country = Jurisdiction(id=US, name="United States", level=JurisdictionLevel.COUNTRY)
    world = story(
        jurisdictions=(country,),
        persons=(person(), homan, thomas),
        agencies=(ice,),
        roles=(director,),
        statements=(said,),
    )
    for backend in BACKENDS.values():
        corpus = Corpus([world], gazetteer=None, backend=backend)
        (alone,) = corpus.positions(ice.id)
        assert (alone.level, alone.role) == ("non-governmental", None)
        assert corpus.statements(within=US) == ()
        assert corpus.statements(speaker_org=ice.id) == ()
        corpus.add(
            attrs.evolve(
                story(persons=(homan, thomas), relations=(same(1, homan.id, thomas.id),)),
                id="story:link",
            )
        )
        (joined,) = corpus.positions(ice.id)
        assert (joined.actor, joined.level, joined.role) == (homan.id, "country", director.id)
        assert corpus.places_of(homan.id) == {US}
        assert corpus.statements(within=US) == (said,)
        assert homan.id in corpus.members(ice.id)
        assert corpus.statements(speaker_org=ice.id) == (said,)


def test_both_ids_stay_entities_and_a_link_across_kinds_joins_nothing() -> None:
    homan = person(id="person:homan", name="Tom Homan")
    thomas = person(id="person:thomas-homan", name="Thomas Homan")
    ice = Agency(id="agency:us/dhs/ice", name="ICE", kind=AgencyKind.AGENCY)
    said = statement(id="statement:thomas/1", speaker=thomas.id)
    told = statement(
        id="statement:ann/1", positions=(Position(target=homan.id, stance=Stance.OPPOSE),)
    )
    links = (same(1, homan.id, thomas.id), same(2, thomas.id, ice.id))
    corpus = Corpus(
        [
            story(
                persons=(person(), homan, thomas),
                agencies=(ice,),
                statements=(said, told),
                relations=links,
            )
        ]
    )
    assert corpus.cluster(homan.id) == (homan.id, thomas.id)
    assert corpus.cluster(ice.id) == (ice.id,)
    assert [p.id for p in corpus.entities("persons")] == ["person:ann", homan.id, thomas.id]
    assert corpus.statements(speaker=homan.id) == (said,)
    assert corpus.statements(target=thomas.id) == (told,)
    assert corpus.statements(speaker=ice.id) == ()
    (problem,) = corpus.same_as_problems
    assert (problem.relation, problem.subject_kind, problem.object_kind) == (
        "same-2",
        "person",
        "agency",
    )
    assert "only ids of one kind are joined" in problem.describe()
    with pytest.raises(UnknownEntityError):
        corpus.cluster("person:nobody")


def test_a_same_as_added_later_joins_at_once() -> None:
    homan = person(id="person:homan", name="Tom Homan")
    thomas = person(id="person:thomas-homan", name="Thomas Homan")
    said = statement(id="statement:thomas/1", speaker=thomas.id)
    corpus = Corpus([story(persons=(person(), homan, thomas), statements=(said,))])
    assert corpus.statements(speaker=homan.id) == ()
    corpus.add(
        attrs.evolve(
            story(persons=(homan, thomas), relations=(same(1, homan.id, thomas.id),)),
            id="story:link",
        )
    )
    assert corpus.statements(speaker=homan.id) == (said,)
    assert corpus.cluster(thomas.id) == (homan.id, thomas.id)
