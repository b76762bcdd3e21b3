"""Who supported and who opposed a target: :class:`StanceRecord`, and how records are made.

The evidence for a stance toward a target (and, for a law, toward any of its provisions):

* a **statement** with a position on it: the speaker's stance;
* a **relation** ``supports`` (support), ``opposes`` or ``challenges`` (oppose) with the target
  as object: the subject's stance, as the relation's asserter claims it;
* a **vote** (an event of kind ``vote`` or ``referendum``) that is the target itself, or that is
  linked to it by a relation from the vote to the target (any predicate but ``same-as``): each
  participant whose role is a yes option (``yes``, ``aye``, ``for``, ``yea``) supports, each
  with a no option (``no``, ``nay``, ``against``) opposes;
* a **filing**: a case that challenges the target — its plaintiffs and petitioners oppose it,
  its defendants and respondents defend it (support), each over their own period as a party
  (a plaintiff that withdraws ends its period), else from the day the case was filed;
* a **ruling**: the court counts by the ruling's direction — an outcome that enjoins, strikes,
  stays, vacates or reverses the target is against it, one that upholds, affirms or lifts a
  block on it is for it (``denies`` and ``supersedes`` take no side).

Evidence about any id of the target's same-as cluster counts (:func:`cluster_targets`), as it
does for every question about an id.

Each actor is placed **on the date of the evidence** (:class:`Affiliations`): a person by the
principal they spoke for (``on_behalf_of``) or else their role on that date — a role held by
any id of their same-as cluster — then by the body's place and its level; a court is
``court``, a non-government organization (or a person without a role in government)
``non-governmental``, and a government whose country is not the target's ``foreign
government``.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from typing import Any, Final

import attrs

from policyconflict.dates import OPEN, UNKNOWN, Certainty, Endpoint, PartialDate, Period
from policyconflict.model.actions import Deployment, Event, EventKind
from policyconflict.model.actors import Agency, AgencyKind, Organization, Role
from policyconflict.model.courts import LegalCase, OutcomeEffect, PartyRole, Ruling
from policyconflict.model.laws import Law, Provision
from policyconflict.model.relations import Predicate, Relation
from policyconflict.model.statements import Stance, Statement
from policyconflict.query._places import deployment_places
from policyconflict.query._scan import _date_passes, _period_passes
from policyconflict.query._store import Store

__all__ = [
    "POSITION_LEVELS",
    "Affiliations",
    "Candidates",
    "StanceRecord",
    "cluster_targets",
    "positions_by_level",
    "provision_law",
    "records",
    "targets_of",
    "when_passes",
]

POSITION_LEVELS: Final = (
    "supranational",
    "country",
    "state",
    "county",
    "city",
    "district",
    "court",
    "foreign government",
    "other government",
    "non-governmental",
)
"""The levels a :class:`StanceRecord` can have, in the order records are listed: levels of
government from the widest (a jurisdiction's ``other`` level is ``other government``), then
courts, foreign governments, other government bodies (an agency with no place), and
non-governmental actors."""

_GOVERNMENT: Final = frozenset(POSITION_LEVELS[:6]) | {"other government"}

VOTE_KINDS: Final = frozenset({EventKind.VOTE, EventKind.REFERENDUM})
YES: Final = frozenset({"yes", "aye", "yea", "for", "voted-yes"})
NO: Final = frozenset({"no", "nay", "against", "voted-no"})
_RELATION_STANCES: Final = {
    Predicate.SUPPORTS: Stance.SUPPORT,
    Predicate.OPPOSES: Stance.OPPOSE,
    Predicate.CHALLENGES: Stance.OPPOSE,
}
_PARTY_STANCES: Final = {
    PartyRole.PLAINTIFF: Stance.OPPOSE,
    PartyRole.PETITIONER: Stance.OPPOSE,
    PartyRole.DEFENDANT: Stance.SUPPORT,
    PartyRole.RESPONDENT: Stance.SUPPORT,
}
_RULING_STANCES: Final = {
    OutcomeEffect.ENJOINS: Stance.OPPOSE,
    OutcomeEffect.STRIKES: Stance.OPPOSE,
    OutcomeEffect.STAYS: Stance.OPPOSE,
    OutcomeEffect.VACATES: Stance.OPPOSE,
    OutcomeEffect.REVERSES: Stance.OPPOSE,
    OutcomeEffect.UPHOLDS: Stance.SUPPORT,
    OutcomeEffect.AFFIRMS: Stance.SUPPORT,
    OutcomeEffect.LIFTS: Stance.SUPPORT,
}

When = PartialDate | Period


@attrs.frozen(kw_only=True)
class StanceRecord:
    """One actor's stance toward a target, placed in government on the evidence's dates.

    ``actor`` took ``stance``; ``speaking_for`` is the body they spoke for (the principal of a
    statement, else the organization of the ``role`` they held on that date; ``None`` when the
    actor speaks for itself); ``jurisdiction`` and ``level`` place that body (see
    :data:`~policyconflict.query.POSITION_LEVELS`); ``when`` spans the dates of the evidence
    (``None`` when none is dated); ``evidence`` holds the ids of the statements, relations,
    votes, cases and rulings it rests on, in time order (undated last), then by id.

    Named so as not to clash with :class:`~policyconflict.model.statements.Position`, the stance
    one statement takes.
    """

    actor: str
    stance: Stance
    level: str
    jurisdiction: str | None
    speaking_for: str | None
    role: str | None
    when: Period | None
    evidence: tuple[str, ...]

    def sort_key(self) -> tuple[int, str, int, str, str]:
        """Level (in :data:`~policyconflict.query.POSITION_LEVELS` order), actor, stance, body
        spoken for, role."""
        return (
            POSITION_LEVELS.index(self.level),
            self.actor,
            list(Stance).index(self.stance),
            self.speaking_for or "",
            self.role or "",
        )


def positions_by_level(found: Iterable[StanceRecord]) -> dict[str, tuple[StanceRecord, ...]]:
    """``found`` grouped by level, the levels in
    :data:`~policyconflict.query.POSITION_LEVELS` order (only those present), each group in
    the order given.

    >>> record = StanceRecord(actor="x", stance=Stance.OPPOSE, level="city", jurisdiction=None,
    ...                       speaking_for=None, role=None, when=None, evidence=("s",))
    >>> list(positions_by_level([record]))
    ['city']
    """
    groups: dict[str, list[StanceRecord]] = {}
    for record in found:
        groups.setdefault(record.level, []).append(record)
    return {level: tuple(groups[level]) for level in POSITION_LEVELS if level in groups}


@attrs.frozen(kw_only=True)
class Candidates:
    """The records that may be evidence for a stance toward the targets (a backend finds them;
    :func:`records` checks each): statements with a position on a target, relations with a
    target as object, vote events (or relations from them) and the cases and rulings naming a
    target. Each in arrival order."""

    statements: Sequence[Statement] = ()
    relations: Sequence[Relation] = ()
    events: Sequence[Event] = ()
    cases: Sequence[LegalCase] = ()
    rulings: Sequence[Ruling] = ()


def targets_of(target: object) -> frozenset[str]:
    """The ids evidence may name for ``target``: its own, and a law's provisions'."""
    ids = {getattr(target, "id", "")}
    if isinstance(target, Law):
        ids.update(p.id for p in target.provisions)
    return frozenset(ids)


def cluster_targets(target: object, store: Store) -> frozenset[str]:
    """The ids evidence may name for ``target`` and for every entity of its same-as cluster
    (:func:`targets_of` of each)."""
    members = store.cluster(getattr(target, "id", ""))
    if len(members) == 1:
        return targets_of(target)
    return frozenset().union(*(targets_of(store.get(m)) for m in members))


class Affiliations:
    """Where actors sit in government on a date (see the module doc); ``roles_of`` gives the
    roles of one id in arrival order, ``cluster`` an id's same-as cluster (the roles of every
    id of it count, in arrival order)."""

    def __init__(
        self,
        lists: Mapping[str, Sequence[Any]],
        lineage: Callable[[str], Iterable[str]],
        level: Callable[[str], str | None],
        roles_of: Callable[[str], Sequence[Role]],
        *,
        cluster: Callable[[str], Sequence[str]] = lambda entity_id: (entity_id,),
    ) -> None:
        self._roles = lists["roles"]
        self._arrival: dict[str, int] | None = None
        self._cluster = cluster
        self._agencies: dict[str, Agency] = {a.id: a for a in lists["agencies"]}
        self._organizations: dict[str, Organization] = {o.id: o for o in lists["organizations"]}
        self._jurisdictions = frozenset(j.id for j in lists["jurisdictions"])
        self._lineage = lineage
        self._level = level
        self._roles_of = roles_of

    def country(self, place: str | None) -> str | None:
        """The country ``place`` lies in (itself, or the nearest place above of level
        ``country``)."""
        if place is None:
            return None
        return next((p for p in self._lineage(place) if self._level(p) == "country"), None)

    def role_on(self, person: str, when: When | None) -> Role | None:
        """The role ``person`` may hold at ``when`` (any role for ``None``): the first, in
        arrival order, in an agency or jurisdiction, else the first of any kind."""
        held = [r for r in self.roles_of(person) if when is None or _overlaps(r.period, when)]
        governing = (
            r
            for r in held
            if r.organization in self._agencies or r.organization in self._jurisdictions
        )
        return next(governing, held[0] if held else None)

    def roles_of(self, person: str) -> Sequence[Role]:
        """The roles held by ``person`` or by any id of its same-as cluster, in arrival
        order."""
        members = self._cluster(person)
        if len(members) == 1:
            return self._roles_of(person)
        if self._arrival is None:
            self._arrival = {r.id: i for i, r in enumerate(self._roles)}
        arrival = self._arrival
        held = {r.id: r for m in members for r in self._roles_of(m)}
        return [held[i] for i in sorted(held, key=arrival.__getitem__)]

    def place_of(self, body: str) -> str | None:
        """The place of an agency (its own, or its nearest parent's), an organization or a
        jurisdiction."""
        if body in self._jurisdictions:
            return body
        organization = self._organizations.get(body)
        if organization is not None:
            return organization.jurisdiction
        seen: set[str] = set()
        agency = self._agencies.get(body)
        while agency is not None and agency.id not in seen:
            if agency.jurisdiction is not None:
                return agency.jurisdiction
            seen.add(agency.id)
            agency = None if agency.parent is None else self._agencies.get(agency.parent)
        return None

    def level_of(self, body: str | None, country: str | None) -> tuple[str, str | None]:
        """The level and place of ``body`` (``None``: no body, non-governmental), a government
        outside ``country`` (when both are known) being ``foreign government``."""
        if body is None:
            return "non-governmental", None
        place = self.place_of(body)
        if body in self._organizations:
            return "non-governmental", place
        agency = self._agencies.get(body)
        if agency is not None and agency.kind is AgencyKind.COURT:
            return "court", place
        if agency is None and body not in self._jurisdictions:
            return "non-governmental", place
        if place is None:
            return "other government", None
        home = self.country(place)
        if country is not None and home is not None and home != country:
            return "foreign government", place
        level = self._level(place)
        return (level if level in _GOVERNMENT else "other government"), place

    def place(
        self, actor: str, principal: str | None, when: When | None, country: str | None
    ) -> tuple[str, str | None, str | None, str | None]:
        """``(level, jurisdiction, speaking_for, role)`` of ``actor`` at ``when``."""
        role: Role | None = None
        body = principal
        if body is None:
            if self._is_body(actor):
                body = actor
            else:
                role = self.role_on(actor, when)
                body = None if role is None else role.organization
        if body is not None and not self._is_body(body):  # a principal who is a person
            held = self.role_on(body, when)
            body = None if held is None else held.organization
        level, place = self.level_of(body, country)
        return level, place, (None if body == actor else body), (None if role is None else role.id)

    def _is_body(self, actor: str) -> bool:
        return (
            actor in self._agencies or actor in self._organizations or actor in self._jurisdictions
        )


def provision_law(store: Store, provision: str) -> Law | None:
    """The law that holds ``provision`` in ``store``."""
    holder = store.provisions.get(provision)
    found = None if holder is None else store.get(holder[0])
    return found if isinstance(found, Law) else None


def target_places(
    target: object, affiliations: Affiliations, law_of: Callable[[str], Law | None]
) -> list[str]:
    """The places a target is about: a law's jurisdiction, a deployment's places, an event's
    places, a body's place, a ruling's court's place, a case's courts' places."""
    if isinstance(target, Provision):
        law = law_of(target.id)
        return [] if law is None else [law.jurisdiction]
    if isinstance(target, Law):
        return [target.jurisdiction]
    if isinstance(target, Deployment):
        return sorted(deployment_places(target))
    if isinstance(target, Event):
        return list(target.places)
    if isinstance(target, Ruling):
        courts = [target.court]
    elif isinstance(target, LegalCase):
        courts = [d.court for d in target.dockets]
    else:
        courts = [getattr(target, "id", "")]
    found = (affiliations.place_of(c) for c in courts)
    return [p for p in found if p is not None]


def _overlaps(period: Period, when: When) -> bool:
    if isinstance(when, PartialDate):
        return period.contains(when, certainty=Certainty.MAY)
    return period.overlaps(when, certainty=Certainty.MAY)


def _dated(when: When | None) -> When | None:
    """``None`` for a period with both ends unknown (it says nothing about time)."""
    if isinstance(when, Period) and when.start is UNKNOWN and when.end is UNKNOWN:
        return None
    return when


def _since(filed: PartialDate | None) -> Period | None:
    """From the day a case was filed, to an end not known."""
    return None if filed is None else Period(start=filed, end=UNKNOWN)


def when_passes(
    when: When | None, on: PartialDate | None, during: Period | None, certainty: Certainty
) -> bool:
    """Whether a record dated ``when`` (a date, a period, or ``None``: undated) passes a time
    filter: with none, every record; else a dated one whose date may / surely falls on ``on``
    or within ``during`` (a period: contains ``on`` / overlaps ``during``), as the scans of
    statements and deployments test them."""
    if on is None and during is None:
        return True
    if when is None:
        return False
    if isinstance(when, PartialDate):
        return _date_passes(when, on, during, certainty)
    return _period_passes(when, on, during, certainty)


_Item = tuple[str, Stance, str | None, When | None, str, bool]
"""actor, stance, principal, when, evidence id, and whether the actor acts in an official
capacity (a party sued as the holder of an office)."""


def _items(targets: frozenset[str], found: Candidates) -> Iterator[_Item]:
    for statement in found.statements:
        for position in statement.positions:
            if position.target in targets:
                yield (
                    statement.speaker,
                    position.stance,
                    statement.on_behalf_of,
                    statement.date,
                    statement.id,
                    False,
                )
    votes: set[str] = set(targets)
    for relation in found.relations:
        if relation.object not in targets:
            continue
        stance = _RELATION_STANCES.get(relation.predicate)
        if stance is not None:
            yield relation.subject, stance, None, _dated(relation.period), relation.id, False
        if relation.predicate is not Predicate.SAME_AS:
            votes.add(relation.subject)
    for event in found.events:
        if event.kind not in VOTE_KINDS or event.id not in votes:
            continue
        for participant in event.participants:
            option = (participant.role or "").casefold()
            stance = Stance.SUPPORT if option in YES else Stance.OPPOSE if option in NO else None
            if stance is not None:
                yield participant.entity, stance, None, _dated(event.period), event.id, False
    for case in found.cases:
        if targets.isdisjoint(case.challenges):
            continue
        for party in case.parties:
            stance = _PARTY_STANCES.get(party.role)
            if stance is not None:
                when = _dated(party.period) if party.period is not None else _since(case.filed)
                yield party.entity, stance, None, when, case.id, party.official_capacity
    for ruling in found.rulings:
        for outcome in ruling.outcomes:
            stance = _RULING_STANCES.get(outcome.effect)
            if outcome.target in targets and stance is not None:
                yield ruling.court, stance, None, ruling.date, ruling.id, False


def records(
    target: object,
    found: Candidates,
    affiliations: Affiliations,
    law_of: Callable[[str], Law | None],
    *,
    on: PartialDate | None,
    during: Period | None,
    certainty: Certainty,
    targets: frozenset[str] | None = None,
) -> tuple[StanceRecord, ...]:
    """The stance records on ``target`` from the candidate evidence ``found``: each piece of
    evidence that names one of ``targets`` (by default :func:`targets_of` the target) and
    passes the time filter, placed on its date, grouped by actor, stance, body spoken for and
    role; sorted by :meth:`StanceRecord.sort_key`."""
    places = target_places(target, affiliations, law_of)
    country = next((c for c in map(affiliations.country, places) if c is not None), None)
    groups: dict[tuple[str, Stance, str | None, str | None], list[tuple[When | None, str]]] = {}
    levels: dict[tuple[str, Stance, str | None, str | None], tuple[str, str | None]] = {}
    for actor, stance, principal, when, evidence, official in _items(
        targets_of(target) if targets is None else targets, found
    ):
        if not when_passes(when, on, during, certainty):
            continue
        level, place, speaking_for, role = affiliations.place(actor, principal, when, country)
        if official and level == "non-governmental":
            level = "other government"  # sued as the holder of an office not in the corpus
        key = (actor, stance, speaking_for, role)
        groups.setdefault(key, []).append((when, evidence))
        levels[key] = (level, place)
    made = []
    for key, items in groups.items():
        level, place = levels[key]
        made.append(
            StanceRecord(
                actor=key[0],
                stance=key[1],
                level=level,
                jurisdiction=place,
                speaking_for=key[2],
                role=key[3],
                when=_span(w for w, _ in items),
                evidence=_ordered(items),
            )
        )
    return tuple(sorted(made, key=StanceRecord.sort_key))


def _ordered(items: list[tuple[When | None, str]]) -> tuple[str, ...]:
    """Evidence ids in time order (undated last), then by id, once each."""
    ranked = sorted(items, key=lambda item: (item[0] is None, _key(item[0]), item[1]))
    return tuple(dict.fromkeys(evidence for _, evidence in ranked))


def _key(when: When | None) -> object:
    return ((0, 0), (0, 0), "") if when is None else when.sort_key()


def _span(dates: Iterable[When | None]) -> Period | None:
    """The period from the earliest start to the latest end of ``dates``: an open end is kept
    open, an unknown one counts only when no end is known; ``None`` when nothing is dated."""
    starts: list[PartialDate | Endpoint] = []
    ends: list[PartialDate | Endpoint] = []
    for when in dates:
        if when is None:
            continue
        if isinstance(when, PartialDate):
            starts.append(when)
            ends.append(when)
        else:
            starts.append(when.start)
            ends.append(when.end)
    if not starts:
        return None
    first, last = _extreme(starts, first=True), _extreme(ends, first=False)
    if (
        isinstance(first, PartialDate)
        and isinstance(last, PartialDate)
        and first.earliest_key > last.latest_key  # a start known only after an end: widen
    ):
        first, last = last, first
    return Period(start=first, end=last)


def _extreme(ends: list[PartialDate | Endpoint], *, first: bool) -> PartialDate | Endpoint:
    """The earliest (``first``) or latest of ``ends``: open if one is open, else the extreme
    known date, else unknown."""
    if OPEN in ends:
        return OPEN
    known = [e for e in ends if isinstance(e, PartialDate)]
    if not known:
        return UNKNOWN
    if first:
        return min(known, key=lambda d: (d.earliest_key, d.latest_key))
    return max(known, key=lambda d: (d.latest_key, d.earliest_key))
