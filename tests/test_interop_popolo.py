"""Popolo export, validated by Popolo's own JSON Schemas (draft-03), resolved locally."""

from __future__ import annotations

import datetime as dt
import json
import re
from functools import cache
from typing import Any

import jsonschema
import pytest
from hypothesis import HealthCheck, given, settings
from referencing import Registry, Resource
from referencing.jsonschema import DRAFT3

from interop_helpers import DATA, example_stories, grants_story, la_story, transfer_story
from policyconflict import (
    Citation,
    Event,
    EventKind,
    PartialDate,
    Participant,
    Period,
    Person,
    Quantity,
    QuantityKind,
    Source,
    SourceKind,
    Statement,
    Story,
    Tally,
)
from policyconflict.interop.popolo import to_popolo
from policyconflict.testing import stories

SCHEMAS = DATA / "popolo-schemas"
KINDS = {
    "persons": "person",
    "organizations": "organization",
    "areas": "area",
    "posts": "post",
    "memberships": "membership",
    "events": "event",
    "vote_events": "vote_event",
    "speeches": "speech",
}
_URL = re.compile(r"https?://[^\s]+")


@cache
def _registry() -> Registry[Any]:
    resources = []
    for path in SCHEMAS.glob("*.json"):
        contents = json.loads(path.read_text(encoding="utf-8"))
        uri = contents["id"].rstrip("#")
        resources.append((uri, Resource.from_contents(contents, default_specification=DRAFT3)))
    # No retrieve function: a $ref outside these files fails instead of reaching the network.
    return Registry().with_resources(resources)


def _date_time(value: object) -> bool:
    if not isinstance(value, str) or "T" not in value:
        return False
    return dt.datetime.fromisoformat(value).tzinfo is not None


def _uri(value: object) -> bool:
    return isinstance(value, str) and _URL.fullmatch(value) is not None


def _checker() -> jsonschema.FormatChecker:
    """A format checker (a new one: the shared one stays as it is) with date-time and uri
    checked for real (jsonschema checks them only when optional packages are installed)."""
    checker = jsonschema.FormatChecker()
    checker.checkers["date-time"] = (_date_time, (ValueError,))
    checker.checkers["uri"] = (_uri, ())
    return checker


def _validator(kind: str) -> jsonschema.Draft3Validator:
    schema = json.loads((SCHEMAS / f"{kind}.json").read_text(encoding="utf-8"))
    return jsonschema.Draft3Validator(schema, registry=_registry(), format_checker=_checker())


def check_popolo(document: dict[str, list[dict[str, Any]]]) -> None:
    """Every object validates against its Popolo schema; every *_id points at an object of
    the document of the right collection."""
    assert set(document) == set(KINDS)
    ids = {name: {o["id"] for o in items} for name, items in document.items()}
    for name, items in document.items():
        validator = _validator(KINDS[name])
        for item in items:
            errors = list(validator.iter_errors(item))
            assert not errors, (name, item["id"], [e.message for e in errors])
            for field, collection in _LINKS.items():
                if field in item:
                    assert item[field] in ids[collection], (name, item["id"], field)


_LINKS = {
    "person_id": "persons",
    "post_id": "posts",
    "area_id": "areas",
    "organization_id": "organizations",
    "legislative_session_id": "events",
    "creator_id": "persons",
}


@pytest.mark.parametrize("name", ["la", "grants"])
def test_examples_validate(name: str) -> None:
    story = example_stories()[name]
    document = to_popolo(story)
    check_popolo(document)
    assert len(document["persons"]) == len(story.persons)
    assert len(document["memberships"]) == len(story.roles)
    assert len(document["areas"]) == len(story.jurisdictions)


def test_la_mayor_post_is_in_the_city() -> None:
    document = to_popolo(la_story())
    city = "ocd-division/country:us/state:ca/place:los_angeles"
    mayors = [p for p in document["posts"] if p.get("area_id") == city]
    assert [p["label"] for p in mayors] == ["Mayor"]
    speeches = document["speeches"]
    assert speeches
    assert {s["creator_id"] for s in speeches} <= {p["id"] for p in document["persons"]}


def test_grants_cases_leave_no_dangling_ids() -> None:
    document = to_popolo(grants_story())
    check_popolo(document)
    assert len(document["speeches"]) == len(
        [s for s in grants_story().statements if s.speaker.startswith("person:")]
    )


def test_cited_sources_with_a_url_become_links() -> None:
    article = Source(
        id="source:a",
        kind=SourceKind.NEWS_ARTICLE,
        title="An article",
        url="https://example.org/a",
    )
    offline = Source(id="source:b", kind=SourceKind.OTHER, title="A letter")
    person = Person(
        id="person:a",
        name="Ann Lee",
        sources=(Citation(source="source:a"), Citation(source="source:b", quote="Ann")),
    )
    story = Story(id="s", title="T", sources=(article, offline), persons=(person,))
    document = to_popolo(story)
    check_popolo(document)
    assert document["persons"][0]["sources"] == [
        {"url": "https://example.org/a", "note": "An article"}
    ]


def test_vote_event_with_counts_votes_and_times() -> None:
    council = Person(id="person:c", name="Cleo Diaz")
    vote = Event(
        id="event:vote",
        kind=EventKind.VOTE,
        name="Council vote on the ordinance",
        period=Period.of(PartialDate.parse("2020-03-01T10:30-08:00")),
        participants=(Participant(entity="person:c", role="yes"),),
        tallies=(
            Tally(label="yes", count=Quantity(kind=QuantityKind.EXACT, value=9)),
            Tally(label="no", count=Quantity(kind=QuantityKind.APPROXIMATE, value=3)),
        ),
        outcome="passed",
    )
    said = Statement(
        id="statement:c",
        speaker="person:c",
        text="We will not cooperate.",
        date=PartialDate.parse("2020-03-01T10:00-08:00"),
    )
    story = Story(id="s", title="T", persons=(council,), events=(vote,), statements=(said,))
    document = to_popolo(story)
    check_popolo(document)
    (vote_event,) = document["vote_events"]
    assert vote_event["counts"] == [{"option": "yes", "value": 9}]
    assert vote_event["votes"] == [
        {"vote_event_id": "event:vote", "voter_id": "person:c", "option": "yes"}
    ]
    assert vote_event["start_date"] == "2020-03-01T10:30:00-08:00"
    assert vote_event["legislative_session_id"] == "event:vote"
    (speech,) = document["speeches"]
    assert speech["date"] == "2020-03-01T10:00:00-08:00"


def test_schemas_reject_a_bad_date() -> None:
    """The check is real: a date that Popolo's pattern refuses fails validation."""
    errors = list(_validator("membership").iter_errors({"id": "m", "start_date": "2020-02~"}))
    assert errors
    assert list(_validator("speech").iter_errors({"id": "s", "date": "2020-03-01"}))
    assert not list(_validator("speech").iter_errors({"id": "s", "date": "2020-03-01T10:00Z"}))


def test_refs_resolve_locally() -> None:
    errors = list(_validator("person").iter_errors({"id": "p", "other_names": [{"name": 3}]}))
    assert errors  # other_name.json was found through the local registry and applied


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(stories(max_entities=25))
def test_generated_stories_validate(story: Story) -> None:
    check_popolo(to_popolo(story))


def test_a_control_transfer_is_an_event_of_its_force() -> None:
    document = to_popolo(transfer_story())
    check_popolo(document)
    (event,) = [e for e in document["events"] if e["classification"] == "control-transfer"]
    assert event["organization_id"] == "agency:us/ca/guard"
    assert (event["start_date"], event["end_date"]) == ("2025-06-07", "2025-07-15")
    assert event["description"] == "federal-service"
    assert event["sources"] == [{"url": "https://example.org/order", "note": "The order"}]
