"""Every query shape answered by every backend equals the plain scan: same results, same order.

The ``backend`` fixture runs each property against each backend: the index engine with its
default thresholds and with every threshold forced to its extremes (so that the planner takes
each of its branches on small worlds; the defaults are only reached by large corpora). A new
backend is one more entry in :data:`BACKENDS`.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable
from typing import Any

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from policyconflict import (
    OPEN,
    Certainty,
    Channel,
    EventKind,
    PartialDate,
    Period,
    Predicate,
    Stance,
    Story,
)
from policyconflict.gazetteer import UnknownPlaceError
from policyconflict.query import ConflictKind, Corpus, UnknownEntityError
from policyconflict.query._backend import BackendFactory
from policyconflict.query._index import IndexBackend, Thresholds
from policyconflict.query._places import event_places
from policyconflict.query._time import DAY
from policyconflict.testing import stories
from test_query_worlds import (
    AGENCIES,
    FORCES,
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


BACKENDS: dict[str, BackendFactory] = {
    "index": IndexBackend,
    # No membership columns, never a count in the time window, never an intersection: every
    # other filter is checked record by record; buckets of one unit (exact starts).
    "index-low": IndexBackend.tuned(Thresholds(marked=0, counted=0, intersect=0, bucket=1)),
    # A membership column for every key, windows always counted, every other filter
    # intersected, buckets wider than a year.
    "index-high": IndexBackend.tuned(
        Thresholds(marked=10**9, counted=10**9, intersect=10**9, bucket=500 * DAY)
    ),
}
"""Every backend but the scan (the reference each is compared with), and the index engine with
its thresholds forced to their extremes."""


@pytest.fixture(scope="module", params=list(BACKENDS), ids=list(BACKENDS))
def backend(request: pytest.FixtureRequest) -> BackendFactory:
    """Each backend in turn (module scope: the factory is shared by every example)."""
    return BACKENDS[request.param]


def maybe(strategy: st.SearchStrategy[Any]) -> st.SearchStrategy[Any]:
    return st.one_of(st.none(), strategy)


def pair(world: dict[str, list[Any]], backend: BackendFactory) -> tuple[Corpus, Corpus]:
    story = story_of(world)
    return (
        Corpus([story], gazetteer=None, backend=backend),
        Corpus([story], gazetteer=None, backend="scan"),
    )


def ids(items: tuple[Any, ...]) -> list[str]:
    return [item.id for item in items]


def outcome(ask: Callable[[], tuple[Any, ...]]) -> list[Any] | str:
    """The ids answered (conflicts as they are), or the name of the error raised for an id or
    place that the corpus does not know (the strategies draw some on purpose)."""
    try:
        return [getattr(item, "id", item) for item in ask()]
    except (UnknownEntityError, UnknownPlaceError) as error:
        return type(error).__name__


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
    backend: BackendFactory,
    world: dict[str, list[Any]],
    query: dict[str, Any],
    time: dict[str, Any],
    certainty: Certainty,
) -> None:
    indexed, scanned = pair(world, backend)
    args = {**query, **time, "certainty": certainty}
    assert outcome(lambda: indexed.statements(**args)) == outcome(
        lambda: scanned.statements(**args)
    )


@given(
    worlds(),
    maybe(places),
    maybe(agencies),
    maybe(agencies),
    time_filters(),
    certainties,
)
def test_deployment_queries_by_index_equal_the_scan(
    backend: BackendFactory,
    world: dict[str, list[Any]],
    target_within: str | None,
    agency: str | None,
    supports: str | None,
    time: dict[str, Any],
    certainty: Certainty,
) -> None:
    indexed, scanned = pair(world, backend)
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
    assert outcome(lambda: indexed.deployments(**args)) == outcome(
        lambda: scanned.deployments(**args)
    )


@given(
    worlds(),
    dates,
    maybe(st.sampled_from([*AGENCIES, *ORGS, *PLACES])),
    maybe(st.sampled_from([*TITLES, "mayor", "Nobody"])),
    certainties,
    st.sampled_from(PERSONS),
)
def test_role_queries_by_index_equal_the_scan(
    backend: BackendFactory,
    world: dict[str, list[Any]],
    on: Any,
    organization: str | None,
    title: str | None,
    certainty: Certainty,
    person: str,
) -> None:
    indexed, scanned = pair(world, backend)
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
    backend: BackendFactory,
    world: dict[str, list[Any]],
    place: str,
    on: Any,
    certainty: Certainty,
    restricts: str | None,
    counterparty: str | None,
    topic: str | None,
) -> None:
    indexed, scanned = pair(world, backend)
    args: dict[str, Any] = {
        "certainty": certainty,
        "restricts": restricts,
        "counterparty": counterparty,
        "topic": topic,
    }
    assert outcome(lambda: indexed.laws_in_force(place, on, **args)) == outcome(
        lambda: scanned.laws_in_force(place, on, **args)
    )


@given(worlds())
def test_cases_and_rulings_affecting_a_law_by_index_equal_the_scan(
    backend: BackendFactory, world: dict[str, list[Any]]
) -> None:
    indexed, scanned = pair(world, backend)
    for law in world["laws"]:
        assert ids(indexed.cases_affecting(law)) == ids(scanned.cases_affecting(law))
        assert ids(indexed.rulings_affecting(law.id)) == ids(scanned.rulings_affecting(law.id))


@given(worlds(), certainties)
def test_parties_at_rulings_by_index_equal_the_scan(
    backend: BackendFactory, world: dict[str, list[Any]], certainty: Certainty
) -> None:
    indexed, scanned = pair(world, backend)
    for case in world["legal_cases"]:
        assert indexed.parties_at_rulings(case.id, certainty=certainty) == (
            scanned.parties_at_rulings(case.id, certainty=certainty)
        )


@given(
    worlds(),
    maybe(st.lists(st.sampled_from(list(ConflictKind)), min_size=1, unique=True)),
    maybe(places),
    maybe(periods()),
    certainties,
)
def test_conflicts_by_index_equal_the_scan(
    backend: BackendFactory,
    world: dict[str, list[Any]],
    kinds: list[ConflictKind] | None,
    within: str | None,
    during: Any,
    certainty: Certainty,
) -> None:
    indexed, scanned = pair(world, backend)
    args = {"within": within, "during": during, "certainty": certainty}
    # Ask twice: the second answer comes from the cached conflicts and their index.
    first = outcome(lambda: indexed.conflicts(kinds, **args))
    assert first == outcome(lambda: scanned.conflicts(kinds, **args))
    assert outcome(lambda: indexed.conflicts(kinds, **args)) == first


@given(worlds(), st.integers(0, 25), statement_queries, time_filters(), certainties)
def test_indexes_kept_current_on_add_equal_the_scan(
    backend: BackendFactory,
    world: dict[str, list[Any]],
    keep: int,
    query: dict[str, Any],
    time: dict[str, Any],
    certainty: Certainty,
) -> None:
    early = story_of(world, "early", statements=keep)
    late = story_of(world, "late")
    growing = Corpus([early], gazetteer=None, backend=backend)
    args = {**query, **time, "certainty": certainty}
    outcome(lambda: growing.statements(**args))  # builds the indexes before the add
    growing.build_indexes()
    growing.add(late)
    scanned = Corpus([early, late], gazetteer=None, backend="scan")
    assert outcome(lambda: growing.statements(**args)) == outcome(
        lambda: scanned.statements(**args)
    )
    assert ids(growing.deployments(target_within=PLACES[0])) == ids(
        scanned.deployments(target_within=PLACES[0])
    )
    assert growing.conflicts() == scanned.conflicts()


@given(worlds())
def test_the_timeline_is_ordered_by_first_day(world: dict[str, list[Any]]) -> None:
    corpus = Corpus([story_of(world)], gazetteer=None)
    entries = corpus.timeline()
    for earlier, later in itertools.pairwise(entries):
        assert earlier.when.earliest_key[0] <= later.when.earliest_key[0]


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
    backend: BackendFactory, story: Story, data: st.DataObject, certainty: Certainty
) -> None:
    indexed, scanned = Corpus([story], backend=backend), Corpus([story], backend="scan")
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
    assert outcome(lambda: indexed.statements(**args)) == outcome(
        lambda: scanned.statements(**args)
    )
    within = data.draw(maybe(st.sampled_from(places)))
    assert outcome(lambda: indexed.deployments(target_within=within)) == outcome(
        lambda: scanned.deployments(target_within=within)
    )
    on = data.draw(dates)
    place = data.draw(st.sampled_from(places))
    assert outcome(lambda: indexed.laws_in_force(place, on, certainty=certainty)) == outcome(
        lambda: scanned.laws_in_force(place, on, certainty=certainty)
    )
    assert ids(indexed.roles_on(on, certainty=certainty)) == ids(
        scanned.roles_on(on, certainty=certainty)
    )
    assert indexed.conflicts() == scanned.conflicts()


@given(worlds(), st.sampled_from(PLACES), st.sampled_from([*PERSONS, *AGENCIES, *ORGS, *PLACES]))
def test_places_and_members_by_every_backend_equal_the_scan(
    backend: BackendFactory, world: dict[str, list[Any]], place: str, actor: str
) -> None:
    corpus, scanned = pair(world, backend)
    assert corpus.ancestors(place) == scanned.ancestors(place)
    assert corpus.descendants(place) == scanned.descendants(place)
    assert corpus.level(place) == scanned.level(place)
    assert corpus.places_of(actor) == scanned.places_of(actor)
    assert corpus.members(actor) == scanned.members(actor)


@st.composite
def near(draw: st.DrawFn, date: Any) -> dict[str, Any]:
    """A time filter around ``date``: on it, during a period that starts or ends on it, or
    none (so the keys' date arrays are cut right where records are)."""
    choice = draw(st.sampled_from(["none", "on", "from", "until", "other"]))
    if date is None or choice == "none":
        return {}
    if choice == "on":
        return {"on": date}
    if choice in ("from", "until"):
        other = draw(st.one_of(st.just(OPEN), dates))
        first, last = (date, other) if choice == "from" else (other, date)
        if (
            isinstance(first, PartialDate)
            and isinstance(last, PartialDate)
            and first.earliest_key > last.latest_key
        ):
            first, last = last, first
        return {"during": Period(start=first, end=last)}
    return draw(time_filters())


def keys_of(statement: Any, scanned: Corpus, data: st.DataObject) -> dict[str, Any]:
    """Some of the filters ``statement`` passes (its speaker, principal, places, a target and
    its stance, its channel), and a time filter around its date."""
    choices: dict[str, Any] = {"speaker": statement.speaker, "channel": statement.channel}
    if statement.positions:
        position = data.draw(st.sampled_from(statement.positions))
        choices["target"] = position.target
        choices["stance"] = position.stance
    voices = [statement.speaker, *([statement.on_behalf_of] if statement.on_behalf_of else [])]
    choices["speaker_org"] = data.draw(st.sampled_from(voices))
    voice = data.draw(st.sampled_from(voices))
    places = sorted(scanned.places_of(voice))
    if places:  # a statement is placed where its voices are: their clusters' places too
        choices["within"] = data.draw(st.sampled_from(places))
    keys = data.draw(st.lists(st.sampled_from(sorted(choices)), min_size=1, unique=True))
    args = {key: choices[key] for key in keys}
    args.update(data.draw(near(statement.date)))
    return args


@given(worlds(), st.data(), certainties)
def test_statement_queries_on_the_keys_of_a_statement_equal_the_scan(
    backend: BackendFactory, world: dict[str, list[Any]], data: st.DataObject, certainty: Certainty
) -> None:
    """Filters taken from one statement of the world, so that several filters each hold
    records and the planner has to combine them."""
    indexed, scanned = pair(world, backend)
    assume(world["statements"])
    statement = data.draw(st.sampled_from(world["statements"]))
    args = {**keys_of(statement, scanned, data), "certainty": certainty}
    found = ids(indexed.statements(**args))
    assert found == ids(scanned.statements(**args))
    if "on" not in args and "during" not in args:
        assert statement.id in found  # the statement the filters came from passes them


@given(worlds(), st.integers(0, 25), st.data(), certainties)
def test_statements_added_after_a_build_are_found_by_their_keys(
    backend: BackendFactory,
    world: dict[str, list[Any]],
    keep: int,
    data: st.DataObject,
    certainty: Certainty,
) -> None:
    """An ``add`` after every index is built: a query on the keys of a statement that came
    later (its stance, channel, membership columns...) answers as the scan does."""
    early = story_of(world, "early", statements=keep)
    late = story_of(world, "late")
    growing = Corpus([early], gazetteer=None, backend=backend)
    growing.build_indexes()
    growing.add(late)
    scanned = Corpus([early, late], gazetteer=None, backend="scan")
    added = late.statements[keep:]
    assume(added)
    statement = data.draw(st.sampled_from(added))
    args = {**keys_of(statement, scanned, data), "certainty": certainty}
    found = ids(growing.statements(**args))
    assert found == ids(scanned.statements(**args))
    if "on" not in args and "during" not in args:
        assert statement.id in found


# -- positions, figures, relations and events (issue 14, items 1, 2 and 7) ---------------------


def position_targets(world: dict[str, list[Any]]) -> list[str]:
    """Every id a position question can be asked about in ``world``."""
    found = [*AGENCIES, *PERSONS[:1], *PLACES[:1]]
    for kind in ("laws", "deployments", "events", "legal_cases", "rulings"):
        found += [e.id for e in world[kind]]
    found += [p.id for law in world["laws"] for p in law.provisions]
    return found


@given(worlds(), st.data(), time_filters(), certainties)
def test_positions_by_every_backend_equal_the_scan(
    backend: BackendFactory,
    world: dict[str, list[Any]],
    data: st.DataObject,
    time: dict[str, Any],
    certainty: Certainty,
) -> None:
    indexed, scanned = pair(world, backend)
    target = data.draw(st.sampled_from(position_targets(world)))
    args = {**time, "certainty": certainty}
    first = indexed.positions(target, **args)
    assert first == scanned.positions(target, **args)
    assert indexed.positions(target, **args) == first  # the cached tables answer the same
    assert all(record.evidence for record in first)


@given(
    worlds(),
    maybe(st.sampled_from(["arrests", "officers", "nothing-counted"])),
    maybe(st.sampled_from(AGENCIES[:2])),
    maybe(st.sampled_from(AGENCIES)),
    time_filters(),
    certainties,
)
def test_figures_by_every_backend_equal_the_scan(
    backend: BackendFactory,
    world: dict[str, list[Any]],
    metric: str | None,
    subject: str | None,
    claimed_by: str | None,
    time: dict[str, Any],
    certainty: Certainty,
) -> None:
    indexed, scanned = pair(world, backend)
    args = {"metric": metric, "subject": subject, "claimed_by": claimed_by, **time}
    first = indexed.figures(**args, certainty=certainty)
    assert first == scanned.figures(**args, certainty=certainty)
    assert indexed.figures(**args, certainty=certainty) == first


# -- relations, events and who controls a force (issue 14, items 5 and 7) -------------------


@given(
    worlds(),
    maybe(st.sampled_from([*PERSONS, "event-0", "nobody"])),
    maybe(st.sampled_from(list(Predicate))),
    maybe(st.sampled_from(["deployment-0", "law-0", *AGENCIES[:3], *PERSONS[:2], "nothing"])),
    time_filters(),
    certainties,
)
def test_relation_queries_by_index_equal_the_scan(
    backend: BackendFactory,
    world: dict[str, list[Any]],
    subject: str | None,
    predicate: Predicate | None,
    object: str | None,
    time: dict[str, Any],
    certainty: Certainty,
) -> None:
    indexed, scanned = pair(world, backend)
    args = {"subject": subject, "predicate": predicate, "object": object, **time}
    first = outcome(lambda: indexed.relations(**args, certainty=certainty))
    assert first == outcome(lambda: scanned.relations(**args, certainty=certainty))
    assert outcome(lambda: indexed.relations(**args, certainty=certainty)) == first


@given(
    worlds(),
    maybe(st.sampled_from([EventKind.VOTE, EventKind.PROTEST, EventKind.RAID])),
    maybe(places),
    maybe(st.sampled_from([*PERSONS, *AGENCIES, "nobody"])),
    time_filters(),
    certainties,
)
def test_event_queries_by_index_equal_the_scan(
    backend: BackendFactory,
    world: dict[str, list[Any]],
    kind: EventKind | None,
    within: str | None,
    participant: str | None,
    time: dict[str, Any],
    certainty: Certainty,
) -> None:
    indexed, scanned = pair(world, backend)
    args = {"kind": kind, "within": within, "participant": participant, **time}
    first = outcome(lambda: indexed.events(**args, certainty=certainty))
    assert first == outcome(lambda: scanned.events(**args, certainty=certainty))
    if within is not None and isinstance(first, list):  # one rule of an event's places
        descendants = scanned.descendants(within)
        events = {e.id: e for e in world["events"]}
        assert all(not event_places(events[e]).isdisjoint(descendants) for e in first)


@given(worlds(), st.sampled_from([*FORCES, AGENCIES[3]]), dates)
def test_command_on_by_index_equals_the_scan(
    backend: BackendFactory, world: dict[str, list[Any]], force: str, at: PartialDate
) -> None:
    indexed, scanned = pair(world, backend)
    found = indexed.command_on(force, at)
    assert found == scanned.command_on(force, at)
    assert found.possible[0] == found.authority
    assert found.chain[:1] == (() if found.authority is None else (found.authority,))
    if found.certain:
        assert found.possible == (found.authority,)
