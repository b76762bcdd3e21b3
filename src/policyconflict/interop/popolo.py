"""Popolo: the open data specification for legislatures, people, posts and votes.

:func:`to_popolo` gives one document in the usual Popolo layout, a dict of lists:

============================  ====================================================================
``persons``                   every ``Person`` (aliases as ``other_names``, external ids as
                              ``identifiers``)
``organizations``             every ``Agency`` (kind as ``classification``, parent, area) and
                              ``Organization``
``areas``                     every ``Jurisdiction`` (level as ``classification``, ISO 3166 code
                              as ``identifier``, parent)
``posts``                     one per title held in an agency, organization or jurisdiction
``memberships``               every ``Role``: the person, the post, its organization or area
``events``                    every ``Event``, ``Deployment`` and ``ControlTransfer``
                              (classification: the event's kind, ``deployment`` or
                              ``control-transfer``; a transfer's organization is the force)
``vote_events``               every vote or referendum ``Event``, with its exact tallies as
                              ``counts``, its voters (participants whose role is a vote option:
                              ``yes``, ``no``, ``abstain``, ...) as ``votes``, and the event as its
                              ``legislative_session``
``speeches``                  every ``Statement`` made by a person
============================  ====================================================================

Every object's cited sources with a URL become its ``sources`` links. Dates are written at their
precision; Popolo's vote events and speeches take full date-times only, so theirs are written
when the time of day is known (a vote's day stays on its session event).

>>> from policyconflict import Person, Story
>>> story = Story(id="s", title="T", persons=(Person(id="person:a", name="Ann Lee"),))
>>> to_popolo(story)["persons"]
[{'id': 'person:a', 'name': 'Ann Lee'}]
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any, Final

from policyconflict.dates import PartialDate, Period
from policyconflict.interop._common import period_dates, transfer_text
from policyconflict.model import Citation, EventKind, ExternalId, QuantityKind, Source
from policyconflict.story import Story

__all__ = ["VOTE_OPTIONS", "to_popolo"]

VOTE_OPTIONS: Final = frozenset(
    {"yes", "no", "abstain", "absent", "not voting", "paired", "aye", "nay", "excused"}
)
"""Participant roles of a vote event that make the participant a voter."""

Document = dict[str, list[dict[str, Any]]]


def _drop_empty(obj: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in obj.items() if v is not None and v != []}


def _links(sources: Iterable[Citation], by_id: Mapping[str, Source]) -> list[dict[str, str]]:
    links: dict[str, dict[str, str]] = {}
    for citation in sources:
        source = by_id.get(citation.source)
        if source is not None and source.url is not None:
            link = {"url": source.url}
            if source.title is not None:
                link["note"] = source.title
            links.setdefault(source.url, link)
    return list(links.values())


def _identifiers(external_ids: tuple[ExternalId, ...]) -> list[dict[str, str]]:
    return [{"identifier": e.value, "scheme": e.scheme.value} for e in external_ids]


def _date_time(date: PartialDate | None) -> str | None:
    instant = None if date is None else date.instant
    return None if instant is None else instant.isoformat()


def _dates(period: Period | None) -> dict[str, str | None]:
    start, end = period_dates(period)
    return {"start_date": start, "end_date": end}


def to_popolo(story: Story) -> Document:
    """The story as a Popolo document (see the module docs for the mapping)."""
    story = story.canonical()
    by_id = {s.id: s for s in story.sources}
    persons = [
        _drop_empty(
            {
                "id": p.id,
                "name": p.name,
                "other_names": [{"name": a} for a in p.aliases],
                "identifiers": _identifiers(p.external_ids),
                "sources": _links(p.sources, by_id),
            }
        )
        for p in story.persons
    ]
    organizations = [
        _drop_empty(
            {
                "id": a.id,
                "name": a.name,
                "other_names": [{"name": n} for n in (a.abbreviation, *a.aliases) if n],
                "identifiers": _identifiers(a.external_ids),
                "classification": a.kind.value,
                "parent_id": a.parent,
                "area_id": a.jurisdiction,
                "sources": _links(a.sources, by_id),
            }
        )
        for a in story.agencies
    ] + [
        _drop_empty(
            {
                "id": o.id,
                "name": o.name,
                "other_names": [{"name": n} for n in (o.abbreviation, *o.aliases) if n],
                "identifiers": _identifiers(o.external_ids),
                "classification": o.kind.value,
                "area_id": o.jurisdiction,
                "sources": _links(o.sources, by_id),
            }
        )
        for o in story.organizations
    ]
    areas = [
        _drop_empty(
            {
                "id": j.id,
                "name": j.name,
                "identifier": next(
                    (e.value for e in j.external_ids if e.scheme.value.startswith("iso")), None
                ),
                "classification": j.level_name or j.level.value,
                "parent_id": j.parent,
                "sources": _links(j.sources, by_id),
            }
        )
        for j in story.jurisdictions
    ]
    posts, memberships = _posts(story, by_id)
    events, vote_events = _events(story, by_id)
    speeches = [
        _drop_empty(
            {
                "id": s.id,
                "creator_id": s.speaker,
                "text": s.text,
                "date": _date_time(s.date),
                "type": s.channel.value,
                "sources": _links(s.sources, by_id),
            }
        )
        for s in story.statements
        if s.speaker in {p.id for p in story.persons}
    ]
    return {
        "persons": persons,
        "organizations": organizations,
        "areas": areas,
        "posts": posts,
        "memberships": memberships,
        "events": events,
        "vote_events": vote_events,
        "speeches": speeches,
    }


def _posts(
    story: Story, by_id: Mapping[str, Source]
) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    places = {j.id for j in story.jurisdictions}
    posts: dict[str, dict[str, Any]] = {}
    memberships = []
    for role in story.roles:
        in_place = role.organization in places
        post_id = f"{role.organization}#post:{role.title}"
        posts.setdefault(
            post_id,
            _drop_empty(
                {
                    "id": post_id,
                    "label": role.title,
                    "role": role.title,
                    "organization_id": None if in_place else role.organization,
                    "area_id": role.organization if in_place else None,
                }
            ),
        )
        memberships.append(
            _drop_empty(
                {
                    "id": role.id,
                    "label": f"acting {role.title}" if role.acting else role.title,
                    "role": role.title,
                    "person_id": role.person,
                    "post_id": post_id,
                    "organization_id": None if in_place else role.organization,
                    "area_id": role.organization if in_place else None,
                    **_dates(role.period),
                    "sources": _links(role.sources, by_id),
                }
            )
        )
    return [posts[k] for k in sorted(posts)], memberships


def _events(
    story: Story, by_id: Mapping[str, Source]
) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    names = {j.id: j.name for j in story.jurisdictions}
    agencies = {a.id for a in story.agencies}
    events = []
    vote_events = []
    for event in story.events:
        organization = next((p.entity for p in event.participants if p.entity in agencies), None)
        events.append(
            _drop_empty(
                {
                    "id": event.id,
                    "name": event.name,
                    "description": event.outcome,
                    "classification": event.kind.value,
                    "location": ", ".join(names[p] for p in event.places if p in names) or None,
                    "organization_id": organization,
                    **_dates(event.period),
                    "sources": _links(event.sources, by_id),
                }
            )
        )
        if event.kind not in (EventKind.VOTE, EventKind.REFERENDUM):
            continue
        start = event.period.start if isinstance(event.period.start, PartialDate) else None
        counts = [
            {"option": t.label, "value": int(t.count.value)}
            for t in event.tallies
            if t.count.kind is QuantityKind.EXACT
            and isinstance(t.count.value, int | float)
            and float(t.count.value).is_integer()
        ]
        votes = [
            {"vote_event_id": event.id, "voter_id": p.entity, "option": p.role}
            for p in event.participants
            if p.role is not None and p.role.lower() in VOTE_OPTIONS
        ]
        vote_events.append(
            _drop_empty(
                {
                    "id": event.id,
                    "identifier": event.name,
                    "classification": event.kind.value,
                    "organization_id": organization,
                    "legislative_session_id": event.id,
                    "start_date": _date_time(start),
                    "result": event.outcome,
                    "counts": counts,
                    "votes": votes,
                    "sources": _links(event.sources, by_id),
                }
            )
        )
    for dep in story.deployments:
        events.append(
            _drop_empty(
                {
                    "id": dep.id,
                    "name": dep.name or f"Deployment {dep.id}",
                    "description": dep.purpose,
                    "classification": "deployment",
                    "location": ", ".join(names[p] for p in dep.targets if p in names) or None,
                    "organization_id": dep.agency,
                    **_dates(dep.period),
                    "sources": _links(dep.sources, by_id),
                }
            )
        )
    for transfer in story.control_transfers:
        events.append(
            _drop_empty(
                {
                    "id": transfer.id,
                    "name": transfer_text(transfer, story),
                    "description": transfer.legal_status,
                    "classification": "control-transfer",
                    "organization_id": transfer.force,
                    **_dates(transfer.period),
                    "sources": _links(transfer.sources, by_id),
                }
            )
        )
    return events, vote_events
