"""Plain scans: the reference answer to every query shape.

Each function walks a whole collection in order and tests every record with the definitions
written out directly (parent chains walked upwards, periods compared with the methods of
:class:`~policyconflict.dates.Period`). The indexed :class:`~policyconflict.query.Corpus` must give
exactly the same answers in the same order; the property tests and the benchmark compare them.
:class:`~policyconflict.query._scan_backend.ScanBackend` (``Corpus(..., backend="scan")``)
answers with these functions.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence

from policyconflict._sameas import over_cluster
from policyconflict.dates import Certainty, PartialDate, Period
from policyconflict.model.actions import Deployment
from policyconflict.model.actors import Agency, Organization, Role
from policyconflict.model.courts import LegalCase, Ruling
from policyconflict.model.laws import Law
from policyconflict.model.statements import Channel, Stance, Statement
from policyconflict.query._places import deployment_places
from policyconflict.query._status import Courts, answers_law_question

Parent = Callable[[str], str | None]


class Lookup:
    """What a scan may consult besides the collection it walks: entities by id, place parents."""

    def __init__(
        self,
        agencies: Mapping[str, Agency],
        organizations: Mapping[str, Organization],
        jurisdictions: frozenset[str],
        roles: Sequence[Role],
        parent: Parent,
        cluster: Callable[[str], Iterable[str]],
    ) -> None:
        self.cluster = cluster
        """An id's same-as cluster (read when asked: the scan keeps nothing derived)."""
        self.agencies = agencies
        self.organizations = organizations
        self.jurisdictions = jurisdictions
        self.parent = parent
        # One pass over the roles, as a scan of the statements needs a person's roles.
        self.roles_of: dict[str, list[Role]] = {}
        for role in roles:
            self.roles_of.setdefault(role.person, []).append(role)

    def agency_chain(self, agency: str) -> list[str]:
        """``agency``, its parent, its parent's parent, ..."""
        chain = [agency]
        found = self.agencies.get(agency)
        while found is not None and found.parent is not None and found.parent not in chain:
            chain.append(found.parent)
            found = self.agencies.get(found.parent)
        return chain

    def is_within(self, place: str, area: str) -> bool:
        """Whether ``place`` is ``area`` or lies below it."""
        seen: set[str] = set()
        current: str | None = place
        while current is not None and current not in seen:
            if current == area:
                return True
            seen.add(current)
            current = self.parent(current)
        return False

    def own_places(self, actor: str) -> set[str]:
        """Places of a jurisdiction, organization or agency (see ``_actors``)."""
        if actor in self.jurisdictions:
            return {actor}
        organization = self.organizations.get(actor)
        if organization is not None:
            return set() if organization.jurisdiction is None else {organization.jurisdiction}
        for agency in self.agency_chain(actor):
            found = self.agencies.get(agency)
            if found is not None and found.jurisdiction is not None:
                return {found.jurisdiction}
        return set()

    def places(self, actor: str) -> frozenset[str]:
        """Places of any actor — a person's through every role they held — and of every id
        of its same-as cluster."""
        return over_cluster(self.cluster, actor, self._places_of_one)

    def _places_of_one(self, actor: str) -> frozenset[str]:
        roles = self.roles_of.get(actor)
        if roles is None:
            return frozenset(self.own_places(actor))
        found: set[str] = set()
        for role in roles:
            found |= self.own_places(role.organization)
        return frozenset(found)

    def member(self, actor: str, organization: str) -> bool:
        """Whether ``actor`` — or an id of its same-as cluster — is ``organization``, below it,
        or held a role in either."""
        return any(self._member_one(m, organization) for m in self.cluster(actor))

    def _member_one(self, actor: str, organization: str) -> bool:
        if organization in self.agency_chain(actor):
            return True
        return any(
            organization in self.agency_chain(role.organization)
            for role in self.roles_of.get(actor, ())
        )


def _memo(function: Callable[[str], bool]) -> Callable[[str], bool]:
    cache: dict[str, bool] = {}

    def memo(key: str) -> bool:
        found = cache.get(key)
        if found is None:
            found = cache[key] = function(key)
        return found

    return memo


def _date_passes(
    date: PartialDate | None, on: PartialDate | None, during: Period | None, certainty: Certainty
) -> bool:
    if date is None:
        return False
    if on is not None:
        if certainty is Certainty.SURELY:
            return on.earliest_key <= date.earliest_key and date.latest_key <= on.latest_key
        return on.may_overlap(date)
    assert during is not None
    return during.contains(date, certainty=certainty)


def _period_passes(
    period: Period, on: PartialDate | None, during: Period | None, certainty: Certainty
) -> bool:
    if on is not None:
        return period.contains(on, certainty=certainty)
    if during is not None:
        return period.overlaps(during, certainty=certainty)
    return True


def statements(
    items: Sequence[Statement],
    lookup: Lookup,
    *,
    speaker: str | None,
    speaker_org: str | None,
    stance: Stance | None,
    target: str | None,
    channel: Channel | None,
    within: str | None,
    on: PartialDate | None,
    during: Period | None,
    certainty: Certainty,
) -> list[Statement]:
    """Statements passing every given filter, in corpus order."""
    member = _memo(lambda actor: speaker_org is not None and lookup.member(actor, speaker_org))
    placed = _memo(
        lambda actor: (
            within is not None and any(lookup.is_within(p, within) for p in lookup.places(actor))
        )
    )
    timed = on is not None or during is not None
    found: list[Statement] = []
    for statement in items:
        if speaker is not None and statement.speaker != speaker:
            continue
        if channel is not None and statement.channel is not channel:
            continue
        if (target is not None or stance is not None) and not any(
            (target is None or p.target == target) and (stance is None or p.stance is stance)
            for p in statement.positions
        ):
            continue
        principal = statement.on_behalf_of
        if speaker_org is not None and not (
            member(statement.speaker) or (principal is not None and member(principal))
        ):
            continue
        if within is not None and not (
            placed(statement.speaker) or (principal is not None and placed(principal))
        ):
            continue
        if timed and not _date_passes(statement.date, on, during, certainty):
            continue
        found.append(statement)
    return found


def deployments(
    items: Sequence[Deployment],
    lookup: Lookup,
    *,
    target_within: str | None,
    agency: str | None,
    supports: str | None,
    on: PartialDate | None,
    during: Period | None,
    certainty: Certainty,
) -> list[Deployment]:
    """Deployments passing every given filter, in corpus order."""
    found: list[Deployment] = []
    for deployment in items:
        if agency is not None and agency not in lookup.agency_chain(deployment.agency):
            continue
        if supports is not None and not any(
            supports in lookup.agency_chain(a) for a in deployment.in_support_of
        ):
            continue
        if target_within is not None and not any(
            lookup.is_within(p, target_within) for p in deployment_places(deployment)
        ):
            continue
        if not _period_passes(deployment.period, on, during, certainty):
            continue
        found.append(deployment)
    return found


def roles_on(
    items: Sequence[Role],
    *,
    on: PartialDate,
    organization: str | None,
    title: str | None,
    certainty: Certainty,
) -> list[Role]:
    """Roles held on ``on``, in corpus order."""
    return [
        role
        for role in items
        if (organization is None or role.organization == organization)
        and (title is None or role.title.casefold() == title.casefold())
        and role.period.contains(on, certainty=certainty)
    ]


def laws_in_force(
    items: Sequence[Law],
    lookup: Lookup,
    courts: Courts,
    *,
    place: str,
    on: PartialDate,
    certainty: Certainty,
    restricts: str | None,
    counterparty: str | None,
    topic: str | None,
) -> list[Law]:
    """Laws applying in ``place`` and in force on ``on``, in corpus order."""
    restricted = None if restricts is None else frozenset(lookup.agency_chain(restricts))
    return [
        law
        for law in items
        if lookup.is_within(place, law.jurisdiction)
        and answers_law_question(
            law,
            on,
            certainty,
            courts,
            place,
            restricted=restricted,
            counterparty=counterparty,
            topic=topic,
        )
    ]


def _law_targets(law: Law) -> set[str]:
    return {law.id, *(p.id for p in law.provisions)}


def cases_affecting(items: Sequence[LegalCase], law: Law) -> list[LegalCase]:
    """Cases that challenge ``law`` or one of its provisions, in corpus order."""
    targets = _law_targets(law)
    return [case for case in items if targets.intersection(case.challenges)]


def rulings_affecting(items: Sequence[Ruling], law: Law) -> list[Ruling]:
    """Rulings with an outcome on ``law`` or one of its provisions, in corpus order."""
    targets = _law_targets(law)
    return [r for r in items if any(o.target in targets for o in r.outcomes)]
