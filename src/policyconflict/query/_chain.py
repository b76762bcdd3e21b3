"""The legal chain of a target and its status at a moment, for any target a ruling can name.

One module answers :meth:`Corpus.rulings_affecting <policyconflict.query.Corpus.rulings_affecting>`,
:meth:`~policyconflict.query.Corpus.rulings_in_effect` and
:meth:`~policyconflict.query.Corpus.status_on` for every backend: the backend gives the rulings
with an outcome on one id (``rulings_on``), the chain is followed by
:func:`policyconflict._lawstatus.reaching`, and every state — of the target and of each ruling
of its chain — comes from :class:`policyconflict._lawstatus.Evaluator`, the one place the
rules of :mod:`policyconflict.status` are written.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from functools import partial
from typing import Final

import attrs

from policyconflict._lawstatus import (
    Cell,
    Evaluator,
    LawState,
    Subject,
    at_keys,
    reaching,
)
from policyconflict.dates import PLUS_INF, Certainty, Key, PartialDate, Period
from policyconflict.model.courts import CHALLENGEABLE, LegalCase, Outcome, Ruling
from policyconflict.model.laws import Law, Provision
from policyconflict.model.places import Jurisdiction
from policyconflict.status import LawStatus, StatusPiece, piece, subject_status
from policyconflict.story import Entity

__all__ = ["CHAIN_TARGETS", "STATUS_TARGETS", "RulingEffect"]

STATUS_TARGETS: Final = CHALLENGEABLE
"""The kinds of target :meth:`~policyconflict.query.Corpus.status_on` takes: every kind a
ruling's outcome can name."""

CHAIN_TARGETS: Final = (*CHALLENGEABLE, "legal_case")
"""The kinds of target :meth:`~policyconflict.query.Corpus.rulings_affecting` takes: every
kind a ruling can name, and a legal case (its rulings and those acting on them)."""


@attrs.frozen(kw_only=True)
class RulingEffect:
    """One ruling of a target's legal chain, with the windows in which it had effect.

    ``ruling`` is the ruling; ``depth`` is 1 when it acts on the target itself (or one of its
    provisions, or is a ruling of the case asked about), 2 when it acts on a ruling of depth 1
    (a stay of an injunction), and so on; ``acts_on`` the ids of the chain it names (the
    target, its provisions, rulings of the chain) and ``outcomes`` its outcomes on them.

    ``pieces`` are its states from the moment it takes effect on, as
    :class:`~policyconflict.status.StatusPiece` s whose ``target`` is the ruling: ``in-force``
    while it is in effect, ``stayed`` while a ruling in effect stays it, ``ended`` once one
    vacates, reverses, lifts or supersedes it, several possible states where the dates do not
    settle it; each piece's ``evidence`` names the rulings that stayed or ended it. A piece
    with ``until`` ``None`` lasts to the end of the data. A ruling with ``no_effect`` never took
    effect: ``takes_effect`` is ``None`` and it has no pieces.
    """

    ruling: Ruling
    depth: int
    acts_on: tuple[str, ...]
    outcomes: tuple[Outcome, ...]
    pieces: tuple[StatusPiece, ...]

    @property
    def id(self) -> str:
        """The ruling's id."""
        return self.ruling.id

    @property
    def date(self) -> PartialDate:
        """When the ruling was issued."""
        return self.ruling.date

    @property
    def takes_effect(self) -> PartialDate | None:
        """When it takes effect (``Ruling.effective_from``), ``None`` if it never did."""
        return self.ruling.effective_from

    @property
    def evidence(self) -> tuple[str, ...]:
        """The rulings that stayed or ended it, in id order."""
        return tuple(sorted({e for p in self.pieces for e in p.evidence}))

    def sort_key(self) -> tuple[object, ...]:
        """Date order: by the date issued, then when it takes effect, then id."""
        start = self.takes_effect
        effect = (start.earliest_key, start.latest_key) if start is not None else (PLUS_INF,) * 2
        return (self.date.earliest_key, self.date.latest_key, *effect, self.id)


@attrs.frozen(kw_only=True)
class Chain:
    """The rulings that reach one target, ready to be evaluated."""

    subject: Subject
    provision: str | None
    place: str | None
    applies_to: str | None
    evaluator: Evaluator
    silent: tuple[Ruling, ...]
    """Rulings with ``no_effect`` that act on the target or on a ruling of its chain."""

    @classmethod
    def of(
        cls,
        target: Entity | Provision,
        *,
        names: Iterable[str],
        rulings_on: Callable[[str], Iterable[Ruling]],
        law_of: Callable[[str], Law | None],
        case_rulings: Callable[[str], Sequence[Ruling]],
        jurisdictions: Sequence[Jurisdiction],
        place: str | None,
        applies_to: str | None,
    ) -> Chain:
        """The chain of ``target`` (its same-as cluster ``names``), from the rulings
        ``rulings_on`` gives for each id."""
        provision: str | None = None
        members: list[Ruling] = []
        if isinstance(target, Law):
            subject = Subject.of_law(target, names)
        elif isinstance(target, Provision):
            law = law_of(target.id)
            if law is None:  # a provision is always held by a law of the corpus
                raise LookupError(f"no law holds the provision {target.id!r}")
            subject, provision = Subject.of_law(law), target.id
        elif isinstance(target, LegalCase):
            members = list(case_rulings(target.id))
            subject = Subject.of_case(target.id, (r.id for r in members))
        else:
            subject = Subject.of_target(target.id, names, ruling=isinstance(target, Ruling))
            members = [target] if isinstance(target, Ruling) else []
        own = subject.names | ({provision} if provision else set(subject.parts))
        found = reaching(own | {r.id for r in members}, rulings_on)
        rulings = sorted({**found, **{r.id: r for r in members}}.values(), key=lambda r: r.id)
        chain_ids = own | found.keys() | {r.id for r in members}
        silent = {
            r.id: r
            for name in sorted(chain_ids)
            for r in rulings_on(name)
            if r.no_effect and r.id not in subject.members
        }
        silent.update({r.id: r for r in members if r.no_effect})
        evaluator = Evaluator.build_for(
            subject=subject,
            provision=provision,
            rulings=rulings,
            parents=_parents(rulings, jurisdictions, place),
            place=place,
            applies_to=applies_to,
        )
        return cls(
            subject=subject,
            provision=provision,
            place=place,
            applies_to=applies_to,
            evaluator=evaluator,
            silent=tuple(silent[k] for k in sorted(silent)),
        )

    # -- the questions ------------------------------------------------------------------------

    def status(self, at: PartialDate | Period, kind: str) -> LawStatus:
        """The target's status at ``at``."""
        evaluator = self.evaluator
        return subject_status(
            self.subject,
            at,
            rulings=tuple(evaluator.rulings.values()),
            parents=evaluator.parents,
            provision=self.provision,
            place=self.place,
            applies_to=self.applies_to,
            kind=kind,
        )

    def effects(self) -> tuple[RulingEffect, ...]:
        """Every ruling of the chain with its windows, in date order."""
        evaluator = self.evaluator
        depth = self._depths()
        starts = {c.name: c for c in evaluator.changes}
        records = []
        for ruling in (*evaluator.rulings.values(), *self.silent):
            if ruling.id == self.subject.id:
                continue  # a ruling asked about is not in its own chain
            pieces: tuple[StatusPiece, ...] = ()
            if ruling.id in evaluator.rulings:
                change = starts[ruling.id]
                pieces = tuple(
                    p if p.start is not None else attrs.evolve(p, start=change.lo_date)
                    for p in self._pieces(ruling.id, change.lo, PLUS_INF)
                )
            acts_on = tuple(t for t in ruling.targets if t in depth or t in self._own)
            records.append(
                RulingEffect(
                    ruling=ruling,
                    depth=depth.get(ruling.id, 1),
                    acts_on=acts_on,
                    outcomes=tuple(o for o in ruling.outcomes if o.target in acts_on),
                    pieces=pieces,
                )
            )
        return tuple(sorted(records, key=RulingEffect.sort_key))

    def in_effect(self, at: PartialDate | Period, certainty: Certainty) -> tuple[RulingEffect, ...]:
        """The rulings of the chain in effect at ``at``: *may* be in effect at some moment of
        it, or *surely* in effect all of it (in every place and class asked about)."""
        low, high = at_keys(at)
        found = []
        for record in self.effects():
            if record.id not in self.evaluator.rulings:
                continue
            possible = {s for p in self._pieces(record.id, low, high) for s in p.possible}
            if certainty is Certainty.SURELY:
                if possible == {LawState.IN_FORCE}:
                    found.append(record)
            elif LawState.IN_FORCE in possible:
                found.append(record)
        return tuple(found)

    # -- machinery ----------------------------------------------------------------------------

    @property
    def _own(self) -> frozenset[str]:
        parts = {self.provision} if self.provision else set(self.subject.parts)
        return self.subject.names | parts

    def _pieces(self, ruling_id: str, low: Key, high: Key) -> tuple[StatusPiece, ...]:
        evaluator = self.evaluator
        cells = list(
            dict.fromkeys(
                Cell(ruling_id, c.place, c.excluding, c.applies_to, c.excluding_classes)
                for c in evaluator.cells
            )
        )
        whole = Cell(ruling_id, self.place, (), self.applies_to, ())
        judge = partial(evaluator.ruling_state, ruling_id)
        raw = evaluator.pieces(low, high, whole, judge, cells)
        return tuple(piece(*row) for row in raw)

    def _depths(self) -> dict[str, int]:
        """How many rulings down from the target each ruling of the chain acts."""
        rulings = self.evaluator.rulings
        silent = {r.id: r for r in self.silent}
        every = {**rulings, **silent}
        depth: dict[str, int] = {
            r.id: 1
            for r in every.values()
            if r.id in self.subject.members or any(t in self._own for t in r.targets)
        }
        changed = True
        while changed:  # shortest way down; a loop of rulings on rulings ends here too
            changed = False
            for ruling in every.values():
                below = [depth[t] + 1 for t in ruling.targets if t in depth]
                if below and min(below) < depth.get(ruling.id, len(every) + 2):
                    depth[ruling.id] = min(below)
                    changed = True
        return depth


def _parents(
    rulings: Sequence[Ruling], jurisdictions: Sequence[Jurisdiction], place: str | None
) -> Mapping[str, str | None]:
    """The parent chains, needed only when a scope names a place (or a place is asked)."""
    if place is None and not any(
        o.scope.places or o.scope.excluding for r in rulings for o in r.outcomes
    ):
        return {}
    return {j.id: j.parent for j in jurisdictions}
