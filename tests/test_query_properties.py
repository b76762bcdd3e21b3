"""Every query shape answered by the indexes equals the plain scan: same results, same order."""

from __future__ import annotations

import itertools
from typing import Any

from hypothesis import given
from hypothesis import strategies as st

from policyconflict import Certainty, Channel, Stance, Story
from policyconflict.query import ConflictKind, Corpus
from policyconflict.testing import stories
from test_query_worlds import (
    AGENCIES,
    ORGS,
    PERSONS,
    PLACES,
    TITLES,
    TOPICS,
    dates,
    periods,
    story_of,
    worlds,
)

certainties = st.sampled_from(list(Certainty))
actors = st.sampled_from([*PERSONS, *AGENCIES, *ORGS, *PLACES, "nobody"])
places = st.sampled_from([*PLACES, "nowhere"])
agencies = st.sampled_from([*AGENCIES, "no-agency"])


def maybe(strategy: st.SearchStrategy[Any]) -> st.SearchStrategy[Any]:
    return st.one_of(st.none(), strategy)


def pair(world: dict[str, list[Any]]) -> tuple[Corpus, Corpus]:
    story = story_of(world)
    return Corpus([story], gazetteer=None), Corpus([story], gazetteer=None, indexed=False)


def ids(items: tuple[Any, ...]) -> list[str]:
    return [item.id for item in items]


@st.composite
def time_filters(draw: st.DrawFn) -> dict[str, Any]:
    choice = draw(st.sampled_from(["none", "on", "during"]))
    if choice == "on":
        return {"on": draw(dates)}
    if choice == "during":
        return {"during": draw(periods())}
    return {}


statement_queries = st.fixed_dictionaries(
    {},
    optional={
        "speaker": actors,
        "speaker_org": actors,
        "stance": st.sampled_from(list(Stance)),
        "target": st.sampled_from(["deployment-0", "law-0", "law-1", *AGENCIES[:2], "nothing"]),
        "channel": st.sampled_from([Channel.STATEMENT, Channel.INTERVIEW]),
        "within": places,
    },
)


@given(worlds(), statement_queries, time_filters(), certainties)
def test_statement_queries_by_index_equal_the_scan(
    world: dict[str, list[Any]], query: dict[str, Any], time: dict[str, Any], certainty: Certainty
) -> None:
    indexed, scanned = pair(world)
    args = {**query, **time, "certainty": certainty}
    assert ids(indexed.statements(**args)) == ids(scanned.statements(**args))


@given(
    worlds(),
    maybe(places),
    maybe(agencies),
    maybe(agencies),
    time_filters(),
    certainties,
)
def test_deployment_queries_by_index_equal_the_scan(
    world: dict[str, list[Any]],
    target_within: str | None,
    agency: str | None,
    supports: str | None,
    time: dict[str, Any],
    certainty: Certainty,
) -> None:
    indexed, scanned = pair(world)
    args: dict[str, Any] = {
        "target_within": target_within,
        "agency": agency,
        "supports": supports,
        "certainty": certainty,
    }
    if "on" in time:
        args["active_on"] = time["on"]
    if "during" in time:
        args["active_during"] = time["during"]
    assert ids(indexed.deployments(**args)) == ids(scanned.deployments(**args))


@given(
    worlds(),
    dates,
    maybe(st.sampled_from([*AGENCIES, *ORGS, *PLACES])),
    maybe(st.sampled_from([*TITLES, "mayor", "Nobody"])),
    certainties,
    st.sampled_from(PERSONS),
)
def test_role_queries_by_index_equal_the_scan(
    world: dict[str, list[Any]],
    on: Any,
    organization: str | None,
    title: str | None,
    certainty: Certainty,
    person: str,
) -> None:
    indexed, scanned = pair(world)
    args: dict[str, Any] = {"organization": organization, "title": title, "certainty": certainty}
    assert ids(indexed.roles_on(on, **args)) == ids(scanned.roles_on(on, **args))
    assert ids(indexed.roles_of(person)) == ids(scanned.roles_of(person))


@given(
    worlds(),
    places,
    dates,
    certainties,
    maybe(agencies),
    maybe(agencies),
    maybe(st.sampled_from(TOPICS)),
)
def test_laws_in_force_by_index_equal_the_scan(
    world: dict[str, list[Any]],
    place: str,
    on: Any,
    certainty: Certainty,
    restricts: str | None,
    counterparty: str | None,
    topic: str | None,
) -> None:
    indexed, scanned = pair(world)
    args: dict[str, Any] = {
        "certainty": certainty,
        "restricts": restricts,
        "counterparty": counterparty,
        "topic": topic,
    }
    assert ids(indexed.laws_in_force(place, on, **args)) == ids(
        scanned.laws_in_force(place, on, **args)
    )


@given(worlds())
def test_cases_and_rulings_affecting_a_law_by_index_equal_the_scan(
    world: dict[str, list[Any]],
) -> None:
    indexed, scanned = pair(world)
    for law in world["laws"]:
        assert ids(indexed.cases_affecting(law)) == ids(scanned.cases_affecting(law))
        assert ids(indexed.rulings_affecting(law.id)) == ids(scanned.rulings_affecting(law.id))


@given(
    worlds(),
    maybe(st.lists(st.sampled_from(list(ConflictKind)), min_size=1, unique=True)),
    maybe(places),
    maybe(periods()),
    certainties,
)
def test_conflicts_by_index_equal_the_scan(
    world: dict[str, list[Any]],
    kinds: list[ConflictKind] | None,
    within: str | None,
    during: Any,
    certainty: Certainty,
) -> None:
    indexed, scanned = pair(world)
    args = {"within": within, "during": during, "certainty": certainty}
    # Ask twice: the second answer comes from the cached conflicts and their index.
    first = indexed.conflicts(kinds, **args)
    assert first == scanned.conflicts(kinds, **args)
    assert indexed.conflicts(kinds, **args) == first


@given(worlds(), st.integers(0, 25), statement_queries, time_filters(), certainties)
def test_indexes_kept_current_on_add_equal_the_scan(
    world: dict[str, list[Any]],
    keep: int,
    query: dict[str, Any],
    time: dict[str, Any],
    certainty: Certainty,
) -> None:
    early = story_of(world, "early", statements=keep)
    late = story_of(world, "late")
    growing = Corpus([early], gazetteer=None)
    args = {**query, **time, "certainty": certainty}
    growing.statements(**args)  # builds the indexes before the add
    growing.deployments()
    growing.add(late)
    scanned = Corpus([early, late], gazetteer=None, indexed=False)
    assert ids(growing.statements(**args)) == ids(scanned.statements(**args))
    assert ids(growing.deployments(target_within=PLACES[0])) == ids(
        scanned.deployments(target_within=PLACES[0])
    )
    assert growing.conflicts() == scanned.conflicts()


@given(worlds())
def test_the_timeline_is_ordered_by_time_then_id(world: dict[str, list[Any]]) -> None:
    corpus = Corpus([story_of(world)], gazetteer=None)
    entries = corpus.timeline()
    keys = [entry.sort_key() for entry in entries]
    assert keys == sorted(keys)
    for earlier, later in itertools.pairwise(entries):
        assert earlier.when.sort_key()[0] <= later.when.sort_key()[0]


@given(worlds(), dates, certainties)
def test_the_fast_path_for_laws_without_rulings_agrees_with_status_on(
    world: dict[str, list[Any]], on: Any, certainty: Certainty
) -> None:
    from policyconflict.query._status import Courts, in_force
    from policyconflict.status import LawState, status_on

    nobody = Courts((), ())
    for law in world["laws"]:
        if law.effective is None:
            continue
        status = status_on(law, on, story=())
        expected = (
            status.state is LawState.IN_FORCE
            if certainty is Certainty.SURELY
            else LawState.IN_FORCE in status.possible
        )
        assert in_force(law, on, certainty, nobody) == expected


@given(stories(max_entities=40), st.data(), certainties)
def test_queries_over_the_public_story_strategy_by_index_equal_the_scan(
    story: Story, data: st.DataObject, certainty: Certainty
) -> None:
    indexed, scanned = Corpus([story]), Corpus([story], indexed=False)
    known = sorted(e.id for e in story.entities()) or ["nothing"]
    places = sorted(j.id for j in story.jurisdictions) or ["nowhere"]
    some = st.sampled_from(known)
    query = data.draw(
        st.fixed_dictionaries(
            {},
            optional={
                "speaker": some,
                "speaker_org": some,
                "target": some,
                "stance": st.sampled_from(list(Stance)),
                "within": st.sampled_from(places),
            },
        )
    )
    time = data.draw(time_filters())
    args = {**query, **time, "certainty": certainty}
    assert ids(indexed.statements(**args)) == ids(scanned.statements(**args))
    within = data.draw(maybe(st.sampled_from(places)))
    assert ids(indexed.deployments(target_within=within)) == ids(
        scanned.deployments(target_within=within)
    )
    on = data.draw(dates)
    place = data.draw(st.sampled_from(places))
    assert ids(indexed.laws_in_force(place, on, certainty=certainty)) == ids(
        scanned.laws_in_force(place, on, certainty=certainty)
    )
    assert ids(indexed.roles_on(on, certainty=certainty)) == ids(
        scanned.roles_on(on, certainty=certainty)
    )
    assert indexed.conflicts() == scanned.conflicts()
