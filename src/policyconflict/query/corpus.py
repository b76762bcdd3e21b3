"""A :class:`Corpus`: many stories merged by id, and the questions asked of them.

A corpus checks and coerces the arguments of every question once — dates and periods in any of
their forms, places as ids, ISO 3166 codes or names (:meth:`Corpus.place`), ids that must name
something in the corpus — and hands the question to its *backend*, chosen when the corpus is
made: the index engine (the default; indexes built on first use, kept current on
:meth:`Corpus.add`) or the plain scan (``backend="scan"``), the reference the test suite checks
every other backend against. Both give the same answers in the same order.

Answers are tuples of entities **in the order the corpus received them** (story by story, each
story in its own order), so the same stories added in the same order give the same answers.
"""

from __future__ import annotations

import itertools
import os
from collections.abc import Callable, Iterable, Iterator, Mapping
from typing import IO, Any, Literal, TypeVar

from policyconflict._merging.disputes import Dispute, disputes
from policyconflict._sameas import Clusters, SameAsMismatch, over_cluster
from policyconflict.dates import Certainty, DateLike, PeriodLike, as_date, as_date_or_period
from policyconflict.errors import ShapeError
from policyconflict.model.actions import ControlTransfer, Deployment, Event, EventKind
from policyconflict.model.actors import Role
from policyconflict.model.citations import Confidence, best_confidence
from policyconflict.model.claims import Claim
from policyconflict.model.courts import LegalCase
from policyconflict.model.laws import Law, Provision
from policyconflict.model.relations import Predicate, Relation
from policyconflict.model.statements import Channel, Stance, Statement
from policyconflict.query._backend import Backend, BackendFactory
from policyconflict.query._chain import CHAIN_TARGETS, STATUS_TARGETS, Chain, RulingEffect
from policyconflict.query._command import CommandAnswer, answer
from policyconflict.query._errors import TargetKindError, UnknownEntityError, UnknownKindError
from policyconflict.query._figures import FigureReport
from policyconflict.query._index import IndexBackend
from policyconflict.query._merge import MergeConflict, MergeConflictError
from policyconflict.query._parties import PartiesAtRuling, parties_at_rulings
from policyconflict.query._places import PlaceSource, default_places, resolve_place
from policyconflict.query._positions import StanceRecord, provision_law
from policyconflict.query._scan_backend import ScanBackend
from policyconflict.query._store import OnConflict, Store
from policyconflict.query._time import opt_date, opt_period
from policyconflict.query.conflicts import Conflict, ConflictKind, disputed_facts
from policyconflict.query.timeline import TimelineEntry, timeline
from policyconflict.status import LawStatus
from policyconflict.story import COLLECTIONS, Entity, Story

__all__ = ["Corpus"]

_DEFAULT: Any = object()

_T = TypeVar("_T")

_BACKENDS: dict[str, BackendFactory] = {"index": IndexBackend, "scan": ScanBackend}
"""The backends known by name."""

_KINDS = {
    **{name: name for name in COLLECTIONS},
    **{cls.kind_name: name for name, cls in COLLECTIONS.items()},
}
"""Collection name or type tag (``"laws"`` or ``"law"``) → collection name."""


class Corpus:
    """Stories merged by id, with place- and time-aware questions.

    ``stories`` are added in order (see :meth:`add`) and merged by the rules of
    :mod:`policyconflict.merge`: an id defined by several stories is one entity, with every
    story's citations, the other names as aliases, and each fact the stories give differently
    kept as claims (:meth:`claims`, :meth:`disputes`). ``on_conflict`` says what an id used for
    another kind of thing than before (a person in one story, a law in another) does:
    ``"raise"`` (the default) raises :class:`~policyconflict.query.MergeConflictError` and adds
    nothing of that story; ``"collect"`` leaves that entity of the story out and lists the
    conflict in :attr:`merge_conflicts`. ``gazetteer`` gives parent chains and place names for
    places the corpus does not describe (the shipped gazetteer by default; ``None`` for the
    corpus's own places only).

    ``same-as`` relations make clusters (:meth:`cluster`): both ids stay entities of their own,
    listed by :meth:`entities` and :meth:`get`, but a question about either — the statements of
    a speaker or about a target, the roles of a person, the members and places of an actor, the
    places below a place, the cases and rulings about a law, the deployments of an agency —
    answers for every id of the cluster. A same-as link between two kinds of thing joins
    nothing and is listed by :attr:`same_as_problems`. Claims stay those of the id asked
    (:meth:`claims`).

    ``backend`` is the engine that answers: ``"index"`` (the default) or ``"scan"`` (a plain
    scan, the reference the indexes are tested against), or a backend class of your own (see
    ``policyconflict/query/_backend.py``). ``indexed=False`` is the same as ``backend="scan"``.

    Every question checks its arguments the same way. A date is a
    :class:`~policyconflict.dates.PartialDate`, a :class:`datetime.date` or EDTF text, a
    period a :class:`~policyconflict.dates.Period` or EDTF interval text. A place is an id, an
    ISO 3166 code or a name (:meth:`place`); a place nobody knows raises
    :class:`~policyconflict.gazetteer.UnknownPlaceError`. An id that is not in the corpus
    (a speaker, a target, an agency, a law...) raises
    :class:`~policyconflict.query.UnknownEntityError`; an id that is in the corpus but matches
    nothing gives an empty answer. Both errors are :class:`KeyError` subclasses.

    >>> from policyconflict import Jurisdiction, JurisdictionLevel, PartialDate, Statement, Story
    >>> ca = Jurisdiction(id="ocd-division/country:us/state:ca", name="California",
    ...                   level=JurisdictionLevel.STATE)
    >>> story = Story(id="story-1", title="One", jurisdictions=(ca,),
    ...               statements=(Statement(id="st-1", speaker=ca.id, text="No.",
    ...                                     date=PartialDate.parse("2020-02-14")),))
    >>> corpus = Corpus([story])
    >>> [s.id for s in corpus.statements(within="ocd-division/country:us", on="2020-02")]
    ['st-1']
    >>> [s.id for s in corpus.statements(within="US-CA")], corpus.statements(within="US-IL")
    (['st-1'], ())
    >>> corpus.statements(speaker="nobody")
    Traceback (most recent call last):
        ...
    policyconflict.query._errors.UnknownEntityError: unknown speaker: 'nobody' is not the id ...
    """

    def __init__(
        self,
        stories: Iterable[Story] = (),
        *,
        on_conflict: OnConflict = "raise",
        gazetteer: PlaceSource | None = _DEFAULT,
        indexed: bool = True,
        backend: Literal["index", "scan"] | BackendFactory | None = None,
    ) -> None:
        if on_conflict not in ("raise", "collect"):
            raise ValueError(f"on_conflict must be 'raise' or 'collect', not {on_conflict!r}")
        if backend is None:
            backend = "index" if indexed else "scan"
        if isinstance(backend, str):
            if backend not in _BACKENDS:
                raise ValueError(f"backend must be one of {', '.join(_BACKENDS)}, not {backend!r}")
            backend = _BACKENDS[backend]
        self._on_conflict = on_conflict
        self._store = Store()
        self._gazetteer = default_places() if gazetteer is _DEFAULT else gazetteer
        self._make_backend = backend
        self._backend: Backend = backend(self._store, self._gazetteer)
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
        backend: Literal["index", "scan"] | BackendFactory | None = None,
    ) -> Corpus:
        """A corpus of the stories of a JSON Lines corpus (a path or an open file), streamed
        one story at a time (:func:`policyconflict.serialization.read_stories`)."""
        from policyconflict.serialization import read_stories

        return cls(
            read_stories(source),
            on_conflict=on_conflict,
            gazetteer=gazetteer,
            indexed=indexed,
            backend=backend,
        )

    # -- contents -------------------------------------------------------------------------------

    def add(self, story: Story) -> None:
        """Merge ``story`` in: new ids are added, and an id the corpus holds already is merged
        with the story's definition (identical definitions change nothing). An id used for
        another kind of thing is a merge conflict (raised or collected, see the class doc).
        The answers take the story into account at once: indexes already built are kept
        current, or rebuilt when the story changed entities the corpus held."""
        conflicts, leave_out, clashes = self._store.plan(story)
        if conflicts and self._on_conflict == "raise":
            raise MergeConflictError(conflicts)
        self._merge_conflicts.extend(conflicts)
        new, replaced = self._store.apply(story, leave_out, clashes)
        if replaced:
            self._backend = self._make_backend(self._store, self._gazetteer)
        else:
            self._backend.added(
                {name for name, _ in new}, [e for name, e in new if name == "statements"]
            )

    def claims(self, entity_id: str) -> tuple[Claim, ...]:
        """Every claim about ``entity_id`` (an entity or a provision): for each field the
        stories give different values, each story's value with the citations it gives, in
        field, story and value order (empty when nothing about it is disputed).
        :class:`~policyconflict.query.UnknownEntityError` for an id the corpus does not hold."""
        self.get(entity_id)
        return self._store.merger.claims(entity_id)

    def disputes(self) -> tuple[Dispute, ...]:
        """Every disputed field of every entity, by entity and field, each with its claims."""
        return disputes(self._store.merger.all_claims())

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
        """Whether ``entity_id`` is the id of an entity or a provision of the corpus."""
        return isinstance(entity_id, str) and self._store.get(entity_id) is not None

    def __iter__(self) -> Iterator[Entity]:
        """Every entity, kind by kind (the order of a story), each kind in arrival order."""
        for items in self._store.lists.values():
            yield from items

    def get(self, entity_id: str) -> Entity | Provision:
        """The entity or provision with ``entity_id``;
        :class:`~policyconflict.query.UnknownEntityError` (a :class:`KeyError`) if there is
        none."""
        found = self._store.get(entity_id)
        if found is None:
            raise UnknownEntityError(entity_id)
        return found

    def entities(self, kind: str) -> tuple[Any, ...]:
        """Every entity of one kind, in arrival order. ``kind`` is a collection name
        (``"statements"``, ``"legal_cases"``) or a type tag of the format (``"statement"``,
        ``"legal_case"``); any other raises :class:`~policyconflict.query.UnknownKindError`
        (a :class:`KeyError`) listing the kinds."""
        name = _KINDS.get(kind)
        if name is None:
            raise UnknownKindError(kind, COLLECTIONS)
        return tuple(self._store.lists[name])

    # -- same-as clusters -----------------------------------------------------------------------

    def cluster(self, entity_id: str) -> tuple[str, ...]:
        """The ids that ``same-as`` relations join to ``entity_id`` (chains and cycles of links
        included), ``entity_id`` among them, in code-point order; ``(entity_id,)`` when no link
        joins it. Every question about one of them answers for all (see
        :mod:`the class doc <policyconflict.query.corpus>`).
        :class:`~policyconflict.query.UnknownEntityError` for an id the corpus does not hold.

        >>> from policyconflict import Person, Predicate, Relation, Story
        >>> corpus = Corpus([Story(id="s", title="S",
        ...     persons=(Person(id="person:tom-homan", name="Tom Homan"),
        ...              Person(id="person:thomas-homan", name="Thomas Homan")),
        ...     relations=(Relation(id="rel:homan", subject="person:tom-homan",
        ...                         predicate=Predicate.SAME_AS,
        ...                         object="person:thomas-homan"),))])
        >>> corpus.cluster("person:tom-homan")
        ('person:thomas-homan', 'person:tom-homan')
        """
        self.get(entity_id)
        return self._same_as().of(entity_id)

    @property
    def same_as_problems(self) -> tuple[SameAsMismatch, ...]:
        """The same-as relations that join nothing because they link ids of different kinds
        (a person and a law), in arrival order."""
        return self._same_as().problems

    def _same_as(self) -> Clusters:
        return self._store.clusters

    def _ask(
        self, ask: Callable[..., tuple[_T, ...]], ids: Mapping[str, str | None], **rest: Any
    ) -> tuple[_T, ...]:
        """``ask(**ids, **rest)`` for the same-as cluster of every id given: asked for each
        combination of their members, the answers united in arrival order."""
        clusters = self._same_as()
        if not clusters:
            return ask(**ids, **rest)
        choices = [
            [(name, member) for member in (clusters.of(value) if value is not None else (None,))]
            for name, value in ids.items()
        ]
        answers = [ask(**dict(chosen), **rest) for chosen in itertools.product(*choices)]
        return self._united(answers)

    def _united(self, answers: list[tuple[_T, ...]]) -> tuple[_T, ...]:
        """Answers of one kind of entity as one answer in arrival order, without repeats."""
        if len(answers) == 1:
            return answers[0]
        found = {getattr(e, "id"): e for answer in answers for e in answer}  # noqa: B009
        where = self._store.where
        return tuple(found[i] for i in sorted(found, key=lambda i: where[i][1]))

    def _for_law(self, law: Law | str, ask: Callable[[Law], tuple[_T, ...]]) -> tuple[_T, ...]:
        """``ask`` of the law and of every law of its cluster, united in arrival order."""
        found = self._law(law)
        cluster = self._same_as().of(found.id)
        if len(cluster) == 1:
            return ask(found)
        return self._united([ask(self._law(member)) for member in cluster])

    def _each(self, entity_id: str, ask: Callable[[str], frozenset[str]]) -> frozenset[str]:
        """``ask`` of every id of ``entity_id``'s cluster, united."""
        return over_cluster(self._store.cluster, entity_id, ask)

    def build_indexes(self) -> None:
        """Build every index now rather than on first use (indexes stay current on :meth:`add`;
        a backend without indexes does nothing)."""
        self._backend.build()

    # -- arguments --------------------------------------------------------------------------------

    def place(self, place: str) -> str:
        """The id of the place ``place`` stands for: a place id of the corpus as it is, else an
        OCD division id, an ISO 3166 code (``US-IL``) or a name, matched against the corpus's
        jurisdictions first, then by the gazetteer. Every question's place parameter goes
        through this (and so does the command line).

        :class:`~policyconflict.gazetteer.UnknownPlaceError` (a :class:`KeyError`) when no
        place matches, or when ``place`` is the id of an entity that is not a jurisdiction;
        :class:`~policyconflict.gazetteer.AmbiguousPlaceError` (a :class:`ValueError`) when
        several places share the name.

        >>> from policyconflict import Jurisdiction, JurisdictionLevel, Story
        >>> corpus = Corpus([Story(id="s", title="S", jurisdictions=(Jurisdiction(
        ...     id="ocd-division/country:us/state:il", name="Illinois",
        ...     level=JurisdictionLevel.STATE),))])
        >>> corpus.place("US-IL"), corpus.place("Illinois") == corpus.place("US-IL")
        ('ocd-division/country:us/state:il', True)
        >>> corpus.place("ocd-division/country:us/state:zz")
        Traceback (most recent call last):
            ...
        policyconflict.gazetteer.UnknownPlaceError: unknown OCD division id: 'ocd-division/...'
        """
        if not isinstance(place, str):
            raise TypeError(f"a place is given as text (an id, a code or a name), not {place!r}")
        found = self._store.where.get(place)
        if found is not None:
            if found[0] != "jurisdictions":
                from policyconflict.gazetteer import UnknownPlaceError

                kind = COLLECTIONS[found[0]].kind_name.replace("_", " ")
                raise UnknownPlaceError(place, f"{place!r} is a {kind}, not a place")
            return place
        return resolve_place(place, self._store.lists["jurisdictions"], self._gazetteer)

    def _place(self, place: str | None) -> str | None:
        return None if place is None else self.place(place)

    def _known(self, entity_id: str | None, role: str) -> str | None:
        """``entity_id`` when it is ``None`` or in the corpus; else an error naming ``role``."""
        if entity_id is not None and self._store.get(entity_id) is None:
            if not isinstance(entity_id, str):
                raise TypeError(f"{role} is given as an id (text), not {entity_id!r}")
            raise UnknownEntityError(entity_id, role)
        return entity_id

    def _law(self, law: Law | str) -> Law:
        found = self.get(law) if isinstance(law, str) else law
        if not isinstance(found, Law):
            raise TypeError(f"{getattr(found, 'id', found)!r} is not a law")
        return found

    # -- places ---------------------------------------------------------------------------------

    def ancestors(self, place: str) -> tuple[str, ...]:
        """The places above ``place``, nearest first (the corpus's parents, then the
        gazetteer's). Of ``place`` itself: a same-as cluster does not join parent chains,
        whose order would then be lost."""
        return self._backend.ancestors(self.place(place))

    def descendants(self, place: str) -> frozenset[str]:
        """``place`` and every place below it (and below every place of its same-as
        cluster, with them)."""
        return self._each(self.place(place), self._backend.descendants)

    def level(self, place: str) -> str | None:
        """The level of ``place`` (``country``, ``state``, ``county``, ``city``...), if known
        (of ``place`` itself, as :meth:`ancestors`)."""
        return self._backend.level(self.place(place))

    def members(self, organization: str) -> frozenset[str]:
        """``organization``, the agencies below it, and everyone who held a role in any of them
        (the speakers ``statements(speaker_org=...)`` counts), with every id of the same-as
        cluster of each (and of ``organization``'s)."""
        self._known(organization, "organization")
        return self._each(organization, self._backend.members)

    def places_of(self, actor: str) -> frozenset[str]:
        """The places an actor is placed in (how statements are placed; see :meth:`statements`):
        those of every id of its same-as cluster."""
        self._known(actor, "actor")
        return self._backend.places_of(actor)

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
        confidence: Confidence | str | None = None,
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
          its jurisdiction, and a person in the places of every body they held a role in — and
          an actor also where every id of its same-as cluster is (:meth:`places_of`);
        * ``on`` a date or ``during`` a period (not both): ``certainty=Certainty.MAY`` keeps
          statements whose date may fall there (bounds intersect), ``Certainty.SURELY`` those
          whose date surely does. Statements without a date never pass a time filter;
        * ``confidence``: supported at least this well (:class:`~policyconflict.model.Confidence`):
          by one citation of this level or a stronger one (an uncited statement is unverified).
        """
        on_date, period = _one_time(opt_date(on), opt_period(during))
        minimum = _confidence(confidence)
        found = self._ask(
            self._backend.statements,
            {
                "speaker": self._known(speaker, "speaker"),
                "speaker_org": self._known(speaker_org, "organization"),
                "target": self._known(target, "target"),
                "within": self._place(within),
            },
            stance=None if stance is None else Stance(stance),
            channel=None if channel is None else Channel(channel),
            on=on_date,
            during=period,
            certainty=_certainty(certainty),
        )
        if minimum is None:
            return found
        return tuple(s for s in found if _confident(best_confidence(s.sources), minimum))

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
        of this agency or one below it; ``active_on`` / ``active_during`` (not both): the
        deployment's period may (``Certainty.MAY``) or surely (``Certainty.SURELY``) contain the
        date / overlap the period.
        """
        on_date, period = _one_time(opt_date(active_on), opt_period(active_during))
        return self._ask(
            self._backend.deployments,
            {
                "target_within": self._place(target_within),
                "agency": self._known(agency, "agency"),
                "supports": self._known(supports, "agency"),
            },
            on=on_date,
            during=period,
            certainty=_certainty(certainty),
        )

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
        return self._ask(
            self._backend.roles_on,
            {"organization": self._known(organization, "organization")},
            on=as_date(date),
            title=title,
            certainty=_certainty(certainty),
        )

    def roles_of(self, person: str) -> tuple[Role, ...]:
        """Every role ``person`` held, in time order (by period, then id)."""
        self._known(person, "person")
        held = self._ask(self._backend.roles_of, {"person": person})
        return tuple(sorted(held, key=lambda r: (r.period.sort_key(), r.id)))

    # -- laws and courts ------------------------------------------------------------------------

    def laws_in_force(
        self,
        place: str,
        on: DateLike,
        *,
        certainty: Certainty = Certainty.MAY,
        restricts: str | None = None,
        counterparty: str | None = None,
        topic: str | None = None,
    ) -> tuple[Law, ...]:
        """Laws that apply in ``place`` and are in force on ``on``, in arrival order.

        A law applies in its jurisdiction and everywhere below it (California's SB 54 applies in
        Los Angeles). In force: :func:`policyconflict.status.status_on` says the law may be in
        force on the date in ``place`` (``MAY``: in force is among the possible states) or
        surely is (``SURELY``) — from the law's own dates and every ruling that reaches it.

        ``restricts``: one provision prohibits or restricts an activity with this agency or an
        agency above it (restricting cooperation with DHS restricts it with ICE);
        ``counterparty``: one provision names this counterparty; ``topic``: one provision's
        activity matches this topic (equal, or narrower/wider by whole hyphenated words). All the
        provision filters given must hold for the same provision.
        """
        return self._ask(
            self._backend.laws_in_force,
            {
                "place": self.place(place),
                "restricts": self._known(restricts, "agency"),
                "counterparty": self._known(counterparty, "counterparty"),
            },
            on=as_date(on),
            certainty=_certainty(certainty),
            topic=topic,
        )

    def cases_affecting(self, law: Law | str) -> tuple[LegalCase, ...]:
        """Cases that challenge the law (a :class:`~policyconflict.model.laws.Law` or its id) or
        one of its provisions, in arrival order."""
        return self._for_law(law, self._backend.cases_affecting)

    # -- the legal chain and the status of any target (issue 14, items 3 and 4) ---------------

    def rulings_affecting(
        self,
        target: Entity | Provision | str,
        *,
        place: str | None = None,
        applies_to: str | None = None,
    ) -> tuple[RulingEffect, ...]:
        """The legal chain of ``target``: every ruling that acts on it — or on one of its
        provisions, or on a ruling of the chain (a stay of an injunction, a vacatur of the
        stay, an affirmance, a stay of a stay), down to the target — as a
        :class:`~policyconflict.query.RulingEffect` with the windows in which it had effect
        (from when it takes effect: in force, stayed, ended), in date order (issued, then
        takes effect, then id). Rulings with ``no_effect`` that act on the chain are listed,
        without windows.

        ``target`` is the id (or the entity) of anything a ruling can name — a law, provision,
        deployment, control transfer, event (a vote), role (an appointment), agency (a body)
        or another ruling — or a legal case (its rulings and those acting on them). The
        windows are read in ``place`` and for the class ``applies_to`` (everywhere and for
        everyone by default, split into the parts the rulings' scopes name). Rulings on any
        id of the target's same-as cluster count. The rules are those of
        :func:`policyconflict.status.status_on`.
        """
        chain = self._chain(target, "rulings_affecting()", CHAIN_TARGETS, place, applies_to)
        return chain.effects()

    def rulings_in_effect(
        self,
        target: Entity | Provision | str,
        at: PeriodLike,
        *,
        place: str | None = None,
        applies_to: str | None = None,
        certainty: Certainty = Certainty.MAY,
    ) -> tuple[RulingEffect, ...]:
        """The rulings of ``target``'s legal chain (:meth:`rulings_affecting`) in effect at
        ``at`` — a date, a moment with a time of day, or a period — in date order: that *may*
        be in effect at some moment of it (``Certainty.MAY``, the default) or are *surely* in
        effect all of it (``Certainty.SURELY``), in ``place`` for ``applies_to``."""
        moment = as_date_or_period(at)
        chain = self._chain(target, "rulings_in_effect()", CHAIN_TARGETS, place, applies_to)
        return chain.in_effect(moment, _certainty(certainty))

    def status_on(
        self,
        target: Entity | Provision | str,
        at: PeriodLike,
        *,
        place: str | None = None,
        applies_to: str | None = None,
    ) -> LawStatus:
        """The status of ``target`` at ``at``, in ``place``, for the class ``applies_to``, as a
        :class:`~policyconflict.status.LawStatus` (its ``kind`` says what the target is).

        A law or a provision gets exactly the answer of :func:`policyconflict.status.status_on`
        (its own dates and every ruling that reaches it). Any other target a ruling can name —
        a deployment, control transfer, event, role, agency or ruling — has no dates of its
        own here: it is ``in-force`` unless a ruling in effect enjoins, stays or strikes it
        (by the same rules). A ruling's own status is ``not-yet-effective`` before it takes
        effect, then ``in-force`` (in effect), ``stayed`` or ``ended``. ``at`` is a date, a
        moment (an order enforceable for a few hours between two rulings of one day comes out
        as those hours) or a period. Rulings on any id of the target's same-as cluster count.
        """
        moment = as_date_or_period(at)
        chain = self._chain(target, "status_on()", STATUS_TARGETS, place, applies_to)
        found = self.get(chain.subject.id if chain.provision is None else chain.provision)
        return chain.status(moment, "law" if isinstance(found, Provision) else found.kind_name)

    def _chain(
        self,
        target: Entity | Provision | str,
        question: str,
        kinds: tuple[str, ...],
        place: str | None,
        applies_to: str | None,
    ) -> Chain:
        if not isinstance(target, str):
            target = getattr(target, "id", target)
        if not isinstance(target, str):
            raise TypeError(f"{question} takes the id of a target (text), not {target!r}")
        found = self._target(target, question, kinds)
        if applies_to is not None and not isinstance(applies_to, str):
            raise TypeError(f"applies_to is a class word (text), not {applies_to!r}")
        backend = self._backend
        names = self._same_as().of(found.id) if not isinstance(found, Provision) else ()
        return Chain.of(
            found,
            names=names,
            rulings_on=backend.rulings_on,
            law_of=lambda provision: provision_law(self._store, provision),
            case_rulings=backend.rulings_in_case,
            jurisdictions=self._store.lists["jurisdictions"],
            place=self._place(place),
            applies_to=applies_to,
        )

    # -- parties at each ruling (q2) ------------------------------------------------------------

    def parties_at_rulings(
        self, case: str, *, certainty: Certainty = Certainty.MAY
    ) -> tuple[PartiesAtRuling, ...]:
        """The named parties at each ruling of ``case`` (a legal case id), in one call: for
        every ruling of the case, by date (then id), the parties whose role holds on the
        ruling's date — an official sued in their official capacity is the holder of the office
        then (:meth:`LegalCase.parties_on <policyconflict.model.courts.LegalCase.parties_on>`).
        ``certainty`` is ``MAY`` by default, as for every question: a party whose period *may*
        hold on the date counts. An unknown id raises
        :class:`~policyconflict.query.UnknownEntityError`; an id of another kind a
        :class:`TypeError`."""
        found = self.get(case)
        if not isinstance(found, LegalCase):
            raise TypeError(
                f"parties_at_rulings() takes a legal case, and {case!r} is a "
                f"{getattr(found, 'kind_name', 'provision').replace('_', ' ')}"
            )
        rulings = self._backend.rulings_in_case(found.id)
        return parties_at_rulings(found, rulings, _certainty(certainty))

    # -- timeline and conflicts -----------------------------------------------------------------

    def timeline(
        self,
        *,
        during: PeriodLike | None = None,
        involving: str | None = None,
        certainty: Certainty = Certainty.MAY,
    ) -> tuple[TimelineEntry, ...]:
        """Every dated fact in the corpus — each date of each entity, nested parts included —
        in one total order: by time, then by what acts on what, then by a stable key (see
        :func:`~policyconflict.query.timeline` and ``docs/questions/timeline.md``).

        ``during``: only entries whose date may (``Certainty.MAY``) or surely
        (``Certainty.SURELY``) fall in the period; ``involving``: only entries of this entity
        (and its same-as cluster) or of entities that refer to it or to one of its provisions
        (an id the corpus must hold)."""
        self._known(involving, "entity")
        ids = None if involving is None else self._same_as().of(involving)
        return timeline(
            self, during=opt_period(during), involving=ids, certainty=_certainty(certainty)
        )

    def conflicts(
        self,
        kinds: Iterable[ConflictKind | str] | None = None,
        *,
        within: str | None = None,
        during: PeriodLike | None = None,
        certainty: Certainty = Certainty.MAY,
    ) -> tuple[Conflict, ...]:
        """The conflicts the corpus contains (see :mod:`policyconflict.query.conflicts`), sorted
        by kind, subject and evidence.

        ``kinds``: only these kinds (all by default); ``within``: only conflicts with a place in
        this place or below it; ``during``: only conflicts whose period may (``MAY``) or surely
        (``SURELY``) overlap this period (conflicts without a period are left out).
        """
        wanted = frozenset(ConflictKind) if kinds is None else frozenset(map(ConflictKind, kinds))
        place, period = self._place(within), opt_period(during)
        places = (None,) if place is None else self._same_as().of(place)
        answers = [
            self._backend.conflicts(
                wanted, within=member, during=period, certainty=_certainty(certainty)
            )
            for member in places
        ]
        found = (
            answers[0]
            if len(answers) == 1
            else tuple(sorted(set().union(*answers), key=Conflict.sort_key))
        )
        if ConflictKind.DISAGREEING_REPORTS not in wanted or (within, during) != (None, None):
            return found  # a disputed field has no place and no period
        disputed = disputed_facts(self.disputes())
        return tuple(sorted([*found, *disputed], key=Conflict.sort_key)) if disputed else found

    # -- positions, figures, relations and events (issue 14, items 1, 2 and 7) ----------------

    def _target(self, entity_id: str, question: str, kinds: tuple[str, ...]) -> Entity | Provision:
        """The entity ``entity_id`` names, checked to be one of ``kinds``."""
        self._known(entity_id, "target")
        found = self.get(entity_id)
        if found.kind_name not in kinds:
            names = [k.replace("_", " ") for k in kinds]
            raise TargetKindError(entity_id, found.kind_name.replace("_", " "), question, names)
        return found

    def positions(
        self,
        target: str,
        *,
        on: DateLike | None = None,
        during: PeriodLike | None = None,
        certainty: Certainty = Certainty.MAY,
    ) -> tuple[StanceRecord, ...]:
        """Who took which stance toward ``target``: one
        :class:`~policyconflict.query.StanceRecord` per actor, stance and the body the actor
        spoke for, each placed in government on the dates of its evidence (level,
        jurisdiction, the organization spoken for and the role held), with the ids of the
        evidence — statements, ``supports``/``opposes``/``challenges`` relations, votes, the
        parties to cases challenging it, and the rulings on it (a court by its ruling's
        direction). For a law, evidence about any of its provisions counts; evidence about any
        id of the target's same-as cluster counts, and an actor is placed by the roles of
        every id of its cluster (each actor id keeps its own records). The rules are
        given in full in the Questions guide (``docs/questions/positions.md``).

        ``target`` is the id of a law, provision, deployment, event, legal case, ruling,
        agency, organization, jurisdiction, person, relation or statement; another kind
        raises :class:`~policyconflict.query.TargetKindError` (a :class:`TypeError`).
        ``on`` / ``during`` (not both): only evidence whose date may (``Certainty.MAY``) or
        surely (``Certainty.SURELY``) fall on the date / within the period; undated evidence
        then never counts. Sorted by level (in
        :data:`~policyconflict.query.POSITION_LEVELS` order), actor, stance, body spoken for
        and role; group them with
        :func:`~policyconflict.query.positions_by_level`.
        """
        found = self._target(target, "positions", _POSITION_TARGETS)
        on_date, period = _one_time(opt_date(on), opt_period(during))
        return self._backend.positions(
            found, on=on_date, during=period, certainty=_certainty(certainty)
        )

    def figures(
        self,
        metric: str | None = None,
        subject: str | None = None,
        claimed_by: str | None = None,
        *,
        on: DateLike | None = None,
        during: PeriodLike | None = None,
        certainty: Certainty = Certainty.MAY,
        confidence: Confidence | str | None = None,
    ) -> tuple[FigureReport, ...]:
        """Every figure matching the filters given, each as a
        :class:`~policyconflict.query.FigureReport`: claimant, the date it is true as of,
        period, quantity and sources, and — against every other figure of the corpus that
        reports the same number (same metric, subject, unit and period) — the ones it
        revises or is revised by (a change over time) and the ones it contradicts or differs
        from, by the rule of :func:`policyconflict.disagreements.compare_figures`.

        ``metric``: this metric; ``subject``: about this entity; ``claimed_by``: claimed by
        this actor (both ids the corpus must hold); ``on`` / ``during`` (not both): the
        figure's period, else the date it is true as of, may (``Certainty.MAY``) or surely
        (``Certainty.SURELY``) contain the date / overlap the period; ``confidence``: figures
        supported at least this well, as for :meth:`statements` (the report's
        ``confidence``). Sorted by metric, subject, unit, denominator, period, as-of date
        (undated last) and id.
        """
        on_date, period = _one_time(opt_date(on), opt_period(during))
        if metric is not None and not isinstance(metric, str):
            raise TypeError(f"a metric is given as text, not {metric!r}")
        minimum = _confidence(confidence)
        found = self._backend.figures(
            metric=metric,
            subject=self._known(subject, "subject"),
            claimed_by=self._known(claimed_by, "claimant"),
            on=on_date,
            during=period,
            certainty=_certainty(certainty),
        )
        if minimum is None:
            return found
        return tuple(r for r in found if _confident(r.confidence, minimum))

    def relations(
        self,
        subject: str | None = None,
        predicate: Predicate | str | None = None,
        object: str | None = None,
        *,
        on: DateLike | None = None,
        during: PeriodLike | None = None,
        certainty: Certainty = Certainty.MAY,
    ) -> tuple[Relation, ...]:
        """Relations matching every filter given, in arrival order.

        ``subject`` / ``object``: linking from / to this entity (ids the corpus must hold; the
        same-as cluster of each counts); ``predicate``: of this kind (a
        :class:`~policyconflict.Predicate` or its text, ``"retaliation-for"``); ``on`` /
        ``during`` (not both): the relation's period may (``Certainty.MAY``) or surely
        (``Certainty.SURELY``) contain the date / overlap the period — a relation without a
        period never passes a time filter. Same-as relations are relations too
        (``predicate="same-as"`` lists them).
        """
        on_date, period = _one_time(opt_date(on), opt_period(during))
        return self._ask(
            self._backend.relations,
            {
                "subject": self._known(subject, "subject"),
                "object": self._known(object, "object"),
            },
            predicate=None if predicate is None else Predicate(predicate),
            on=on_date,
            during=period,
            certainty=_certainty(certainty),
        )

    def events(
        self,
        kind: EventKind | str | None = None,
        *,
        within: str | None = None,
        participant: str | None = None,
        on: DateLike | None = None,
        during: PeriodLike | None = None,
        certainty: Certainty = Certainty.MAY,
    ) -> tuple[Event, ...]:
        """Events matching every filter given, in arrival order.

        ``kind``: of this kind (an :class:`~policyconflict.EventKind` or its text,
        ``"protest"``); ``within``: that happened in this place or below it (an event's
        ``places``, by the one rule that also places a conflict about an event for
        :meth:`conflicts`); ``participant``: with this entity among
        its participants (an id the corpus must hold; its same-as cluster counts); ``on`` /
        ``during`` (not both): the event's period may (``Certainty.MAY``) or surely
        (``Certainty.SURELY``) contain the date / overlap the period (an event of unknown
        period may be at any time, but never surely).
        """
        on_date, period = _one_time(opt_date(on), opt_period(during))
        return self._ask(
            self._backend.events,
            {
                "within": self._place(within),
                "participant": self._known(participant, "participant"),
            },
            kind=None if kind is None else EventKind(kind),
            on=on_date,
            during=period,
            certainty=_certainty(certainty),
        )

    # -- who controls a force (issue 14, item 5) ------------------------------------------------

    def command_on(self, force: str, at: DateLike) -> CommandAnswer:
        """Who controls ``force`` (an agency id: a guard, a police force, a unit) at ``at`` (a
        date in any form; a month or a year is asked as a whole): one
        :class:`~policyconflict.query.CommandAnswer` with the controlling authority, the chain
        above it, the legal status and basis it serves under, the record that put it there and
        the evidence ids.

        Control moves by the command changes of deployments and by control transfers (made by
        a law or an order), a later one ending an earlier one; a transfer's end releases the
        force. Before the first, the force is under its home authority (the first record's
        ``from_command``, else its parent agency, else its jurisdiction). When a record's
        uncertain date may fall within ``at``, the answer is not ``certain`` and ``possible``
        lists every authority that may hold the force then. The records of every id of the
        force's same-as cluster count. The rules are given in full in the Questions guide
        (``docs/questions/command.md``).

        An unknown id raises :class:`~policyconflict.query.UnknownEntityError`; an id that is
        not an agency :class:`~policyconflict.query.TargetKindError` (a :class:`TypeError`).
        """
        found = self._target(force, "command_on", ("agency",))
        when = as_date(at)
        members = self._same_as().of(found.id)
        records: dict[str, Deployment | ControlTransfer] = {}
        for member in members:
            for record in self._backend.control_records(member):
                records.setdefault(record.id, record)
        return answer(
            found.id, when, records.values(), frozenset(members), self._store.get, self.roles_of
        )


def _confidence(value: Confidence | str | None) -> Confidence | None:
    """A ``confidence=`` argument as a level; a text that names none is a clear error."""
    if value is None or isinstance(value, Confidence):
        return value
    levels = ", ".join(repr(c.value) for c in Confidence)
    if not isinstance(value, str):
        raise ShapeError("wrong-type", f"must be one of {levels}, got {value!r}", "confidence")
    try:
        return Confidence(value)
    except ValueError:
        message = f"{value!r} is no confidence level: one of {levels}"
        raise ShapeError("bad-enum", message, "confidence") from None


def _confident(level: Confidence, minimum: Confidence) -> bool:
    """The one rule of every ``confidence=`` filter: evidence of ``level`` passes a filter of
    ``minimum`` when it is that level or stronger (an entity without citations is
    :attr:`~policyconflict.model.Confidence.UNVERIFIED`, see
    :func:`~policyconflict.model.best_confidence`)."""
    return level.meets(minimum)


_POSITION_TARGETS = (
    "law",
    "provision",
    "deployment",
    "event",
    "legal_case",
    "ruling",
    "agency",
    "organization",
    "jurisdiction",
    "person",
    "relation",
    "statement",
)
"""The kinds of entity a position can be taken toward (not a source, role or figure)."""


def _certainty(value: Certainty | str) -> Certainty:
    """``value`` as a :class:`~policyconflict.dates.Certainty` (``"may"`` and ``"surely"``
    too; anything else is a :class:`ValueError`)."""
    return value if type(value) is Certainty else Certainty(value)


def _one_time(on: Any, during: Any) -> tuple[Any, Any]:
    """``on`` and ``during``, of which at most one may be given."""
    if on is not None and during is not None:
        raise ValueError("give on= or during=, not both")
    return on, during
