"""A :class:`Corpus`: many stories merged by id, and the questions asked of them.

Every question is answered from indexes built on first use (see
:mod:`policyconflict.query._indexes`), and gives exactly what a plain scan gives, in the same
order: ``Corpus(..., indexed=False)`` answers by scanning, and the test suite checks the two agree.

Answers are tuples of entities **in the order the corpus received them** (story by story, each
story in its own order), so the same stories added in the same order give the same answers.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator, Sequence
from operator import itemgetter
from typing import IO, Any

from policyconflict.dates import Certainty
from policyconflict.model.actions import Deployment
from policyconflict.model.actors import Role
from policyconflict.model.laws import Provision
from policyconflict.model.statements import Channel, Stance, Statement
from policyconflict.query import _scan
from policyconflict.query._engine import Engine
from policyconflict.query._merge import MergeConflict, MergeConflictError
from policyconflict.query._places import PlaceSource, default_places
from policyconflict.query._questions import LawQuestions
from policyconflict.query._store import OnConflict, Store
from policyconflict.query._time import (
    DateLike,
    PeriodLike,
    as_date,
    opt_date,
    opt_period,
    point_window,
    span_window,
)
from policyconflict.story import Entity, Story

__all__ = ["Corpus"]

_DEFAULT: Any = object()


def _pick(items: Sequence[Any], positions: list[int]) -> tuple[Any, ...]:
    """The items at ``positions``, as a tuple (one C call for many)."""
    if len(positions) > 1:
        found: tuple[Any, ...] = itemgetter(*positions)(items)
        return found
    return tuple(items[p] for p in positions)


class Corpus(LawQuestions):
    """Stories merged by id, with place- and time-aware questions.

    ``stories`` are added in order (see :meth:`add`). ``on_conflict`` says what an id defined
    two different ways does: ``"raise"`` (the default) raises
    :class:`~policyconflict.query.MergeConflictError` and adds nothing of that story;
    ``"collect"`` keeps the first definition, leaves the other out, and lists the conflict in
    :attr:`merge_conflicts`. ``gazetteer`` gives parent chains for places the corpus does not
    describe (the shipped gazetteer by default; ``None`` for the corpus's own chains only).
    ``indexed=False`` answers every question by a plain scan (the reference the indexes are
    tested against).

    >>> from policyconflict import Jurisdiction, JurisdictionLevel, PartialDate, Statement, Story
    >>> ca = Jurisdiction(id="ocd-division/country:us/state:ca", name="California",
    ...                   level=JurisdictionLevel.STATE)
    >>> story = Story(id="story-1", title="One", jurisdictions=(ca,),
    ...               statements=(Statement(id="st-1", speaker=ca.id, text="No.",
    ...                                     date=PartialDate.parse("2020-02-14")),))
    >>> corpus = Corpus([story])
    >>> [s.id for s in corpus.statements(within="ocd-division/country:us", on="2020-02")]
    ['st-1']
    """

    def __init__(
        self,
        stories: Iterable[Story] = (),
        *,
        on_conflict: OnConflict = "raise",
        gazetteer: PlaceSource | None = _DEFAULT,
        indexed: bool = True,
    ) -> None:
        if on_conflict not in ("raise", "collect"):
            raise ValueError(f"on_conflict must be 'raise' or 'collect', not {on_conflict!r}")
        self._on_conflict = on_conflict
        self._store = Store()
        self._engine = Engine(self._store, default_places() if gazetteer is _DEFAULT else gazetteer)
        self._indexed = indexed
        self._merge_conflicts: list[MergeConflict] = []
        for story in stories:
            self.add(story)

    @classmethod
    def from_jsonl(
        cls,
        source: str | os.PathLike[str] | IO[str] | IO[bytes],
        *,
        on_conflict: OnConflict = "raise",
        gazetteer: PlaceSource | None = _DEFAULT,
        indexed: bool = True,
    ) -> Corpus:
        """A corpus of the stories of a JSON Lines corpus (a path or an open file), streamed
        one story at a time (:func:`policyconflict.serialization.read_stories`)."""
        from policyconflict.serialization import read_stories

        return cls(
            read_stories(source), on_conflict=on_conflict, gazetteer=gazetteer, indexed=indexed
        )

    # -- contents -------------------------------------------------------------------------------

    def add(self, story: Story) -> None:
        """Merge ``story`` in: new ids are added, identical definitions kept once, and an id
        defined differently is a merge conflict (raised or collected, see the class doc).
        Indexes already built are kept current."""
        new, conflicts = self._store.plan(story)
        if conflicts and self._on_conflict == "raise":
            raise MergeConflictError(conflicts)
        self._merge_conflicts.extend(conflicts)
        self._store.apply(story, new)
        self._engine.added(
            (name for name, _ in new), [e for name, e in new if name == "statements"]
        )

    @property
    def merge_conflicts(self) -> tuple[MergeConflict, ...]:
        """The merge conflicts collected so far (``on_conflict="collect"``), in order."""
        return tuple(self._merge_conflicts)

    @property
    def stories(self) -> tuple[str, ...]:
        """The ids of the stories added, in order."""
        return tuple(self._store.stories)

    def __len__(self) -> int:
        """The number of entities (provisions not counted)."""
        return len(self._store.where)

    def __contains__(self, entity_id: object) -> bool:
        return isinstance(entity_id, str) and self._store.get(entity_id) is not None

    def __iter__(self) -> Iterator[Entity]:
        """Every entity, kind by kind (the order of a story), each kind in arrival order."""
        for items in self._store.lists.values():
            yield from items

    def get(self, entity_id: str) -> Entity | Provision:
        """The entity or provision with ``entity_id``; :class:`KeyError` if there is none."""
        found = self._store.get(entity_id)
        if found is None:
            raise KeyError(entity_id)
        return found

    def entities(self, kind: str) -> tuple[Any, ...]:
        """Every entity of one collection (``"statements"``, ``"laws"``...), in arrival order."""
        return tuple(self._store.lists[kind])

    def build_indexes(self) -> None:
        """Build every index now rather than on first use (indexes stay current on :meth:`add`)."""
        if self._indexed:
            self._engine.build_all()

    # -- places ---------------------------------------------------------------------------------

    def ancestors(self, place: str) -> tuple[str, ...]:
        """The places above ``place``, nearest first (the corpus's parents, then the
        gazetteer's)."""
        return self._engine.tree.ancestors(place)

    def descendants(self, place: str) -> frozenset[str]:
        """``place`` and every place below it."""
        return self._engine.tree.descendants(place)

    def level(self, place: str) -> str | None:
        """The level of ``place`` (``country``, ``state``, ``county``, ``city``...), if known."""
        return self._engine.tree.level(place)

    def members(self, organization: str) -> frozenset[str]:
        """``organization``, the agencies below it, and everyone who held a role in any of them
        (the speakers ``statements(speaker_org=...)`` counts)."""
        return self._engine.actors.members(organization)

    def places_of(self, actor: str) -> frozenset[str]:
        """The places an actor is placed in (how statements are placed; see :meth:`statements`)."""
        return self._engine.actors.places_of(actor)

    # -- statements -----------------------------------------------------------------------------

    def statements(
        self,
        *,
        speaker: str | None = None,
        speaker_org: str | None = None,
        stance: Stance | str | None = None,
        target: str | None = None,
        channel: Channel | str | None = None,
        within: str | None = None,
        on: DateLike | None = None,
        during: PeriodLike | None = None,
        certainty: Certainty = Certainty.MAY,
    ) -> tuple[Statement, ...]:
        """Statements matching every filter given, in arrival order.

        * ``speaker``: said by this actor; ``speaker_org``: said by, or on behalf of, a member of
          this agency or organization — itself, an agency below it (``parent`` chains), or a
          person who held a role in one of those (at any time);
        * ``stance`` and ``target``: a position with this stance, on this target (both given:
          the same position);
        * ``channel``: made this way;
        * ``within``: *placed* in this place or below it. A statement is placed where its
          speaker and its principal (``on_behalf_of``) are: a jurisdiction is placed in itself,
          an agency in its jurisdiction (or its nearest parent agency's), an organization in
          its jurisdiction, and a person in the places of every body they held a role in;
        * ``on`` a date or ``during`` a period: ``certainty=Certainty.MAY`` keeps statements
          whose date may fall there (bounds intersect), ``Certainty.SURELY`` those whose date
          surely does. Statements without a date never pass a time filter.
        """
        on_date, period = opt_date(on), opt_period(during)
        stance_value = None if stance is None else Stance(stance)
        channel_value = None if channel is None else Channel(channel)
        items: list[Statement] = self._store.lists["statements"]
        if not self._indexed:
            return tuple(
                _scan.statements(
                    items,
                    self._engine.lookup,
                    speaker=speaker,
                    speaker_org=speaker_org,
                    stance=stance_value,
                    target=target,
                    channel=channel_value,
                    within=within,
                    on=on_date,
                    during=period,
                    certainty=certainty,
                )
            )
        found = self._engine.statements.query(
            items,
            speaker=speaker,
            voices=None if speaker_org is None else self._engine.actors.members(speaker_org),
            places=None if within is None else self._engine.tree.descendants(within),
            target=target,
            stance=stance_value,
            channel=channel_value,
            window=point_window(on_date, period, certainty),
        )
        return _pick(items, found)

    # -- deployments ----------------------------------------------------------------------------

    def deployments(
        self,
        *,
        target_within: str | None = None,
        agency: str | None = None,
        supports: str | None = None,
        active_on: DateLike | None = None,
        active_during: PeriodLike | None = None,
        certainty: Certainty = Certainty.MAY,
    ) -> tuple[Deployment, ...]:
        """Deployments matching every filter given, in arrival order.

        ``target_within``: sent to this place or below it (its targets and its phases'
        targets); ``agency``: deployed by this agency or one below it; ``supports``: in support
        of this agency or one below it; ``active_on`` / ``active_during``: the deployment's
        period may (``Certainty.MAY``) or surely (``Certainty.SURELY``) contain the date /
        overlap the period.
        """
        on_date, period = opt_date(active_on), opt_period(active_during)
        items: list[Deployment] = self._store.lists["deployments"]
        engine = self._engine
        if not self._indexed:
            return tuple(
                _scan.deployments(
                    items,
                    engine.lookup,
                    target_within=target_within,
                    agency=agency,
                    supports=supports,
                    on=on_date,
                    during=period,
                    certainty=certainty,
                )
            )
        filters: dict[str, frozenset[str]] = {}
        if target_within is not None:
            filters["place"] = frozenset((target_within,))
        if agency is not None:
            filters["agency"] = engine.actors.subtree(agency)
        if supports is not None:
            filters["supports"] = engine.actors.subtree(supports)
        found = engine.deployments.query(filters, span_window(on_date, period, certainty))
        return _pick(items, found)

    # -- roles ----------------------------------------------------------------------------------

    def roles_on(
        self,
        date: DateLike,
        *,
        organization: str | None = None,
        title: str | None = None,
        certainty: Certainty = Certainty.MAY,
    ) -> tuple[Role, ...]:
        """Roles held on ``date`` (the role's period may / surely contains it), in arrival order.

        ``organization``: in exactly this agency, organization or jurisdiction; ``title``: with
        this title, compared case-insensitively.
        """
        on_date = as_date(date)
        items: list[Role] = self._store.lists["roles"]
        if not self._indexed:
            return tuple(
                _scan.roles_on(
                    items,
                    on=on_date,
                    organization=organization,
                    title=title,
                    certainty=certainty,
                )
            )
        filters: dict[str, frozenset[str]] = {}
        if organization is not None:
            filters["organization"] = frozenset((organization,))
        if title is not None:
            filters["title"] = frozenset((title.casefold(),))
        found = self._engine.roles.query(filters, span_window(on_date, None, certainty))
        return _pick(items, found)

    def roles_of(self, person: str) -> tuple[Role, ...]:
        """Every role ``person`` held, in time order (by period, then id)."""
        items: list[Role] = self._store.lists["roles"]
        if self._indexed:
            held = [items[p] for p in self._engine.roles_by_person.get(person, ())]
        else:
            held = [r for r in items if r.person == person]
        return tuple(sorted(held, key=lambda r: (r.period.sort_key(), r.id)))
