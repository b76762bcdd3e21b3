"""Everything a corpus derives from its entities, built lazily and dropped when stale."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from operator import attrgetter
from typing import Any

from policyconflict._gc import gc_paused
from policyconflict.model.actions import Deployment
from policyconflict.model.actors import Role
from policyconflict.model.courts import LegalCase, Ruling
from policyconflict.model.laws import Law
from policyconflict.query._actors import Actors
from policyconflict.query._index._bulk import append_each
from policyconflict.query._index._spans import SpanIndex
from policyconflict.query._index._statements import StatementIndex
from policyconflict.query._index._thresholds import DEFAULT, Thresholds
from policyconflict.query._places import PlaceSource, PlaceTree, deployment_places
from policyconflict.query._status import Courts
from policyconflict.query._store import STRUCTURAL, Store


def _targets_of_law(law: Law) -> tuple[str, ...]:
    return (law.id, *(p.id for p in law.provisions))


class Engine:
    """The place tree, actor derivations and indexes of one corpus (each built on first use)."""

    def __init__(
        self, store: Store, gazetteer: PlaceSource | None, thresholds: Thresholds = DEFAULT
    ) -> None:
        self.store = store
        self.gazetteer = gazetteer
        self.thresholds = thresholds
        self.reset()

    def reset(self) -> None:
        """Forget everything derived."""
        self._clusters_seen = self.store.cluster_version
        self._tree: PlaceTree | None = None
        self._actors: Actors | None = None
        self._statements: StatementIndex | None = None
        self.soft_reset()

    def soft_reset(self) -> None:
        """Forget the small indexes (rebuilt in milliseconds) and cached answers."""
        self._deployments: SpanIndex | None = None
        self._roles: SpanIndex | None = None
        self._roles_by_person: dict[str, list[int]] | None = None
        self._laws: SpanIndex | None = None
        self._challenges: dict[str, list[int]] | None = None
        self._outcomes: dict[str, list[int]] | None = None
        self.cache: dict[str, Any] = {}

    def added(self, names: Iterable[str], statements: list[Any]) -> None:
        """Keep current after an ``add``: new statements go into a built statement index;
        anything structural (places, agencies, organizations, roles) or a change of the same-as
        clusters (actors are placed by their clusters) rebuilds from scratch."""
        names = set(names)
        if names & STRUCTURAL or self.store.cluster_version != self._clusters_seen:
            self.reset()
            return
        if self._statements is not None:
            for statement in statements:
                self._statements.add(statement)
        self.soft_reset()

    def build_all(self) -> None:
        """Build every index (the conflicts are found on first use of a conflicts question)."""
        for name in (
            "tree",
            "actors",
            "statements",
            "deployments",
            "roles",
            "roles_by_person",
            "laws",
        ):
            getattr(self, name)  # mutate: skip equivalent: built now or on first use, same answers
        self.challenges, self.outcomes  # noqa: B018 - built for their side effect

    @property
    def tree(self) -> PlaceTree:
        """The place hierarchy."""
        if self._tree is None:
            self._tree = PlaceTree(self.store.lists["jurisdictions"], self.gazetteer)
        return self._tree

    @property
    def actors(self) -> Actors:
        """Places of actors and members of organizations."""
        if self._actors is None:
            lists = self.store.lists
            self._actors = Actors(
                lists["agencies"],
                lists["organizations"],
                lists["roles"],
                (j.id for j in lists["jurisdictions"]),
                self.store.cluster,
            )
        return self._actors

    def areas(self, places: Iterable[str]) -> frozenset[str]:
        """``places`` and every place above them: the keys a record placed there is filed
        under."""
        lineage = self.tree.lineage
        found: set[str] = set()
        for place in places:
            found |= lineage(place)
        return frozenset(found)

    @property
    def statements(self) -> StatementIndex:
        """The statement index."""
        if self._statements is None:
            with gc_paused():
                self._statements = StatementIndex(
                    self.store.lists["statements"], self.actors.places_of, self.thresholds
                )
        return self._statements

    @property
    def deployments(self) -> SpanIndex:
        """Deployments by place (and the places above), deploying agency and supported agency,
        over their periods."""
        if self._deployments is None:
            with gc_paused():
                items: list[Deployment] = self.store.lists["deployments"]
                self._deployments = SpanIndex(
                    [d.period for d in items],
                    {
                        "place": [self.areas(deployment_places(d)) for d in items],
                        "agency": [(d.agency,) for d in items],
                        "supports": [frozenset(d.in_support_of) for d in items],
                    },
                    self.thresholds.bucket,
                )
        return self._deployments

    @property
    def roles(self) -> SpanIndex:
        """Roles by organization and title (case-folded), over their periods."""
        if self._roles is None:
            with gc_paused():
                items: list[Role] = self.store.lists["roles"]
                self._roles = SpanIndex(
                    list(map(attrgetter("period"), items)),
                    {
                        "organization": list(zip(map(attrgetter("organization"), items))),
                        "title": list(zip(map(str.casefold, map(attrgetter("title"), items)))),
                    },
                    self.thresholds.bucket,
                )
        return self._roles

    @property
    def roles_by_person(self) -> dict[str, list[int]]:
        """Person → positions of their roles, ascending (no dates needed: every role is asked
        for)."""
        if self._roles_by_person is None:
            roles: list[Role] = self.store.lists["roles"]
            found: defaultdict[str, list[int]] = defaultdict(list)
            with gc_paused():
                people = map(attrgetter("person"), roles)
                append_each(map(found.__getitem__, people), range(len(roles)))
            self._roles_by_person = dict(found)
        return self._roles_by_person

    @property
    def laws(self) -> SpanIndex:
        """Laws by jurisdiction, over their effective periods."""
        if self._laws is None:
            with gc_paused():
                items: list[Law] = self.store.lists["laws"]
                self._laws = SpanIndex(
                    [law.effective_period for law in items],
                    {"jurisdiction": [(law.jurisdiction,) for law in items]},
                    self.thresholds.bucket,
                )
        return self._laws

    @property
    def courts(self) -> Courts:
        """The rulings reaching each law, found through the outcome index."""
        lists = self.store.lists
        return Courts(lists["rulings"], lists["jurisdictions"], self.outcomes)

    @property
    def challenges(self) -> dict[str, list[int]]:
        """Law or provision id → positions of the cases that challenge it."""
        if self._challenges is None:
            found: dict[str, list[int]] = {}
            cases: list[LegalCase] = self.store.lists["legal_cases"]
            for pos, case in enumerate(cases):
                for target in case.challenges:
                    found.setdefault(target, []).append(pos)
            self._challenges = found
        return self._challenges

    @property
    def outcomes(self) -> dict[str, list[int]]:
        """Target id → positions of the rulings with an outcome on it."""
        if self._outcomes is None:
            found: dict[str, list[int]] = {}
            rulings: list[Ruling] = self.store.lists["rulings"]
            for pos, ruling in enumerate(rulings):
                for outcome in ruling.outcomes:
                    found.setdefault(outcome.target, []).append(pos)
            self._outcomes = found
        return self._outcomes

    def affecting(self, table: dict[str, list[int]], law: Law) -> list[int]:
        """Positions listed under the law or any of its provisions, ascending, once each."""
        found: set[int] = set()
        for target in _targets_of_law(law):
            found.update(table.get(target, ()))
        return sorted(found)
