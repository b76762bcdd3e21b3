"""Law status over time, derived from a law's own dates and the rulings about it.

:func:`status_on` answers *what was the status of this law (or one of its provisions), in this
place, for this class, on this date?* It is derived, never stored: from ``Law.effective``,
``expires`` and ``repealed``, and from every ruling whose outcomes reach the law, its
provisions, or those rulings themselves.

The rules, in the order they apply at one moment, in one place, for one class:

1. Before the law takes effect it is *not yet effective*; after it expires or is repealed it is
   *expired* or *repealed* (whichever came first). Rulings do not change these three.
2. A ruling is in effect from ``Ruling.effective_from`` (its ``takes_effect``, else its
   ``date``) unless it has ``no_effect``. A ruling that another ruling in effect *stays* is
   suspended while that stay is in effect (and comes back when the stay is lifted, vacated or
   itself stayed); one that another ruling in effect *vacates*, *reverses*, *lifts* or
   *supersedes* has no more effect from then on. This is prospective: the law *was* enjoined
   on the days before the injunction was vacated, and the answer for those days says so. Ending
   follows the ender: a ruling that reverses a vacatur restores what was vacated. Superseding
   is for good: a preliminary injunction that a permanent one superseded does not come back
   when the permanent one is vacated.
3. Of the outcomes in effect on the law or the provision: *strikes* (and *vacates*, read as
   striking) → struck; else *enjoins* → enjoined; else *stays* → stayed; else in force.
   *lifts* on a law ends the blocks of rulings that surely took effect before it. *upholds*,
   *affirms* and *denies* change nothing.
4. Scope: an outcome holds in ``Scope.places`` and every place within them (by the story's
   ``Jurisdiction.parent`` chains), not in ``Scope.excluding`` and the places within those,
   and only for ``Scope.applies_to`` when that is given.

Other targets. :meth:`Corpus.status_on <policyconflict.query.Corpus.status_on>` asks the same
rules of anything a ruling can name. A deployment, control transfer, event, role or agency has
no dates of its own here (rule 1 does not apply): it is in force unless rule 3 blocks it. A
ruling's own state is rule 2: *not yet effective* before it takes effect, then *in force* (in
effect), *stayed*, or *ended* (:attr:`LawState.ENDED`) once vacated, reversed, lifted or
superseded; :meth:`Corpus.rulings_affecting <policyconflict.query.Corpus.rulings_affecting>`
gives these states for every ruling of a target's chain.

Time and certainty. A date with a time of day takes effect at that minute; a date known to the
day takes effect at the start of that day (a law effective 2018-01-01 is in force all that day;
a law that expires or is repealed on a day is in force to the end of it, as in
``Law.effective_period``). A date known only to
the month or the year takes effect at the start of *some* day in it: during that span the change
*may* or *may not* have happened, and both are followed. The asked-for ``at`` is split at every
change that falls inside it into :class:`StatusPiece` s, and the asked-for place and class into
the parts the rulings' scopes name. Each piece lists every state it *may* be in; it *surely* is
in a state when that is the only one. :attr:`LawStatus.state` is:

* the one state, when every piece can only be that state;
* ``partly-in-force`` when each piece is certain, they differ, and some are in force (a law
  enforceable for a few hours of a day, enjoined in one city only, or with one provision
  enjoined); ``not-in-force`` when they differ and none is in force;
* ``unknown`` otherwise: the data cannot settle it (``LawStatus.possible`` says what may be).

A law without an ``effective`` date. Its ``signed`` date is the enactment: from then on it *may*
be in force (``unknown``, with in force among the possible states). Without a ``signed`` date
either, it depends on the kind: a ``LawKind.BILL`` is a proposal, not
in force until an enactment says so, so it is *not yet effective* at every date; every other
kind is an instrument that was made at some time the data does not give, so it *may* be in force
at any date.
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import Iterable, Mapping, Sequence
from typing import Final

import attrs

from policyconflict._lawstatus import Cell, Evaluator, LawState, Segment, Subject, at_keys
from policyconflict.dates import PartialDate, Period, as_date_or_period
from policyconflict.model.courts import Ruling
from policyconflict.model.laws import Law, Provision
from policyconflict.model.places import Jurisdiction
from policyconflict.story import COLLECTIONS, Entity, Story

__all__ = ["LawState", "LawStatus", "StatusPiece", "status_on"]


@attrs.frozen(kw_only=True)
class StatusPiece:
    """The status over one part of what was asked: a span of time, a place, a class, a target.

    ``start`` is the date the piece begins (``None``: at the start of what was asked) and
    ``until`` the date the next piece begins (``None``: to the end of what was asked). ``place``
    is the place the piece covers, less the places in ``excluding`` (which have pieces of their
    own); ``None`` means every place. ``applies_to`` is the class the piece covers (``None``:
    every class but those in ``excluding_classes``). ``target`` is the law or provision id.
    ``possible`` holds every state the piece may be in; ``evidence`` the rulings that decided
    it.
    """

    start: PartialDate | None
    until: PartialDate | None
    target: str
    place: str | None
    excluding: tuple[str, ...]
    applies_to: str | None
    excluding_classes: tuple[str, ...]
    possible: frozenset[LawState]
    evidence: tuple[str, ...]

    @property
    def state(self) -> LawState:
        """The state the piece surely is in, or ``unknown``."""
        if len(self.possible) == 1:
            return next(iter(self.possible))
        return LawState.UNKNOWN


@attrs.frozen(kw_only=True)
class LawStatus:
    """The derived status of a law (or one provision) at a date, in a place, for a class.

    ``state`` is the answer (see :mod:`policyconflict.status` for the rule), ``possible`` every
    state some part of the question may be in, ``evidence`` the ids of the rulings that decided
    it, and ``pieces`` the parts it was split into (one piece when nothing changes).

    The same record answers :meth:`Corpus.status_on <policyconflict.query.Corpus.status_on>`
    for any target a ruling can name: then ``law`` is the id of that target and ``kind`` its
    kind (``"deployment"``, ``"ruling"``...; ``"law"`` for a law or a provision).
    """

    law: str
    provision: str | None
    at: PartialDate | Period
    place: str | None
    applies_to: str | None
    state: LawState
    possible: frozenset[LawState]
    evidence: tuple[str, ...]
    pieces: tuple[StatusPiece, ...]
    kind: str = "law"

    @property
    def target(self) -> str:
        """The id of what was asked about: the provision, else the law or other target."""
        return self.law if self.provision is None else self.provision

    def may_be(self, state: LawState) -> bool:
        """Whether some part of what was asked may be in ``state``."""
        return state in self.possible

    def surely(self, state: LawState) -> bool:
        """Whether all of what was asked is surely in ``state``."""
        return self.state is state

    @property
    def changes(self) -> bool:
        """Whether the status is not one state throughout what was asked."""
        return len(self.possible) > 1


def status_on(
    law: Law,
    at: PartialDate | Period | _dt.date | str,
    *,
    story: Story | Iterable[Entity],
    provision: Provision | str | None = None,
    place: str | None = None,
    applies_to: str | None = None,
) -> LawStatus:
    """The status of ``law`` (or its ``provision``) at ``at``, in ``place``, for ``applies_to``.

    ``at`` is a :class:`PartialDate` (a year, month, day or minute), a :class:`Period`, a
    :class:`datetime.date` or aware :class:`datetime.datetime`, or EDTF text. ``story`` gives
    the rulings and the place hierarchy: a :class:`Story`, a
    :class:`~policyconflict.query.Corpus`, or any iterable of entities (its rulings, and its
    :class:`Jurisdiction` records for the hierarchy; other entities are passed over).
    ``place`` is a jurisdiction id
    (``None``: everywhere) and ``applies_to`` a class word such as ``private-employers``
    (``None``: everyone). The order of the rulings does not matter.

    >>> from policyconflict import LawKind
    >>> law = Law(id="law:x", kind=LawKind.STATUTE, jurisdiction="ocd-division/country:us",
    ...           title="A law", effective=PartialDate.parse("2018-01-01"))
    >>> status_on(law, "2017-12-31", story=()).state.value
    'not-yet-effective'
    >>> status_on(law, "2018-01", story=()).state.value
    'in-force'
    """
    if not isinstance(law, Law):
        raise TypeError(
            "status_on() takes a Law (and, with provision=, one of its provisions), "
            f"not a {type(law).__name__}"
        )
    rulings, parents = _gather(story)
    return subject_status(
        Subject.of_law(law),
        _as_at(at),
        rulings=rulings,
        parents=parents,
        provision=_provision_id(law, provision),
        place=place,
        applies_to=applies_to,
    )


def subject_status(
    subject: Subject,
    moment: PartialDate | Period,
    *,
    rulings: Sequence[Ruling],
    parents: Mapping[str, str | None],
    provision: str | None = None,
    place: str | None = None,
    applies_to: str | None = None,
    kind: str = "law",
) -> LawStatus:
    """The status of ``subject`` (a law, a ruling, any target a ruling can name) at
    ``moment``, from ``rulings`` and the place hierarchy ``parents``, by the rules of this
    module: what :func:`status_on` and :meth:`Corpus.status_on
    <policyconflict.query.Corpus.status_on>` answer."""
    evaluator = Evaluator.build_for(
        subject=subject,
        provision=provision,
        rulings=rulings,
        parents=parents,
        place=place,
        applies_to=applies_to,
    )
    low, high = at_keys(moment)
    whole = Cell(provision or subject.id, place, (), applies_to, ())
    raw = evaluator.pieces(low, high, whole)
    pieces = tuple(
        piece(cell, segment, possible, evidence) for cell, segment, possible, evidence in raw
    )
    possible = frozenset().union(*(p.possible for p in pieces))
    if len(possible) == 1:
        state = next(iter(possible))
    elif all(len(p.possible) == 1 for p in pieces):
        state = LawState.PARTLY_IN_FORCE if LawState.IN_FORCE in possible else LawState.NOT_IN_FORCE
    else:
        state = LawState.UNKNOWN
    evidence = tuple(sorted({e for p in pieces for e in p.evidence}))
    return LawStatus(
        law=subject.id,
        provision=provision,
        at=moment,
        place=place,
        applies_to=applies_to,
        state=state,
        possible=possible,
        evidence=evidence,
        pieces=pieces,
        kind=kind,
    )


def piece(
    cell: Cell, segment: Segment, possible: frozenset[LawState], evidence: frozenset[str]
) -> StatusPiece:
    """The public piece of one raw piece of :meth:`Evaluator.pieces
    <policyconflict._lawstatus.Evaluator.pieces>`."""
    return StatusPiece(
        start=segment.start,
        until=segment.until,
        target=cell.target,
        place=cell.place,
        excluding=cell.excluding,
        applies_to=cell.applies_to,
        excluding_classes=cell.excluding_classes,
        possible=possible,
        evidence=tuple(sorted(evidence)),
    )


_ENTITIES: Final = tuple(COLLECTIONS.values())


def _gather(story: Story | Iterable[Entity]) -> tuple[tuple[Ruling, ...], dict[str, str | None]]:
    items: Iterable[Entity]
    if isinstance(story, Story):
        items = (*story.rulings, *story.jurisdictions)
    elif isinstance(story, Iterable) and not isinstance(story, str | bytes):
        items = story
    else:
        raise TypeError(_STORY_TYPES + f", not {type(story).__name__}")
    rulings: list[Ruling] = []
    parents: dict[str, str | None] = {}
    for item in items:
        if isinstance(item, Ruling):
            rulings.append(item)
        elif isinstance(item, Jurisdiction):
            parents[item.id] = item.parent
        elif not isinstance(item, _ENTITIES):
            raise TypeError(_STORY_TYPES + f", and it holds a {type(item).__name__}")
    return tuple(sorted(rulings, key=lambda r: r.id)), parents


_STORY_TYPES: Final = (
    "story must be a Story, a Corpus or an iterable of entities (its rulings and "
    "jurisdictions are used)"
)


def _provision_id(law: Law, provision: Provision | str | None) -> str | None:
    if provision is None:
        return None
    wanted = provision if isinstance(provision, str) else provision.id
    if wanted not in {p.id for p in law.provisions}:
        raise ValueError(f"{wanted!r} is not a provision of {law.id!r}")
    return wanted


def _as_at(at: PartialDate | Period | _dt.date | str) -> PartialDate | Period:
    return as_date_or_period(at)  # the library's one reading of a date parameter
