"""Who belongs where: the places of actors and the members of organizations.

How a statement is placed (documented on :meth:`Corpus.statements`): by its speaker and its
principal (``on_behalf_of``). An actor's places are those of every id of its same-as cluster
(:func:`~policyconflict._sameas.over_cluster`: a question about an id answers for its
cluster), and the places of one id are

* a jurisdiction: itself;
* an agency: its ``jurisdiction``, or the nearest parent agency's;
* an organization: its ``jurisdiction``, if it has one;
* a person: the places of every agency, organization or jurisdiction they held a role in (at any
  time: a mayor quoted the week after leaving office is still placed in the city).

The members of an organization ``X`` are ``X``, every agency below it (``parent`` chains: ICE is a
member of DHS), and every person who held a role in any of those — and every id of the same-as
cluster of each of them.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from policyconflict._sameas import over_cluster
from policyconflict.model.actors import Agency, Organization, Role


class Actors:
    """Places of actors and members of organizations, cached; ``cluster`` gives an id's
    same-as cluster."""

    def __init__(
        self,
        agencies: Iterable[Agency],
        organizations: Iterable[Organization],
        roles: Iterable[Role],
        jurisdictions: Iterable[str],
        cluster: Callable[[str], Iterable[str]],
    ) -> None:
        self._cluster = cluster
        self._agencies = {a.id: a for a in agencies}
        self._organizations = {o.id: o for o in organizations}
        self._jurisdictions = set(jurisdictions)
        self._roles_of: dict[str, list[Role]] = {}
        self._holders: dict[str, set[str]] = {}
        for role in roles:
            self._roles_of.setdefault(role.person, []).append(role)
            self._holders.setdefault(role.organization, set()).add(role.person)
        self._sub: dict[str, list[str]] = {}
        for agency in self._agencies.values():
            if agency.parent is not None:
                self._sub.setdefault(agency.parent, []).append(agency.id)
        self._places: dict[str, frozenset[str]] = {}
        self._members: dict[str, frozenset[str]] = {}
        self._subtrees: dict[str, frozenset[str]] = {}

    def agency_ancestors(self, agency: str) -> tuple[str, ...]:
        """The parent agency, its parent, ... nearest first."""
        chain: list[str] = []
        seen = {agency}
        found = self._agencies.get(agency)
        while found is not None and found.parent is not None and found.parent not in seen:
            chain.append(found.parent)
            seen.add(found.parent)
            found = self._agencies.get(found.parent)
        return tuple(chain)

    def subtree(self, agency: str) -> frozenset[str]:
        """``agency`` and every agency below it."""
        cached = self._subtrees.get(agency)
        if cached is None:
            found = {agency}
            todo = [agency]
            while todo:
                for child in self._sub.get(todo.pop(), ()):
                    if child not in found:
                        found.add(child)
                        todo.append(child)
            cached = self._subtrees[agency] = frozenset(found)
        return cached

    def places_of(self, actor: str) -> frozenset[str]:
        """The places of ``actor`` and of every id of its same-as cluster (see the module
        doc)."""
        cached = self._places.get(actor)
        if cached is None:
            cached = self._places[actor] = over_cluster(self._cluster, actor, self._places_of_one)
        return cached

    def _places_of_one(self, actor: str) -> frozenset[str]:
        if actor in self._roles_of:
            found: set[str] = set()
            for role in self._roles_of[actor]:
                found |= self._own_places(role.organization)
            return frozenset(found)
        return self._own_places(actor)

    def _own_places(self, actor: str) -> frozenset[str]:
        if actor in self._jurisdictions:
            return frozenset((actor,))
        organization = self._organizations.get(actor)
        if organization is not None:
            place = organization.jurisdiction
            return frozenset(()) if place is None else frozenset((place,))
        for agency in (actor, *self.agency_ancestors(actor)):
            found = self._agencies.get(agency)
            if found is not None and found.jurisdiction is not None:
                return frozenset((found.jurisdiction,))
        return frozenset()

    def members(self, organization: str) -> frozenset[str]:
        """``organization``, the agencies below it and everyone who held a role in any of them."""
        cached = self._members.get(organization)
        if cached is None:
            bodies = self.subtree(organization)
            found = set(bodies)
            for body in bodies:
                found |= self._holders.get(body, set())
            cached = self._members[organization] = frozenset(
                m for actor in found for m in self._cluster(actor)
            )
        return cached
