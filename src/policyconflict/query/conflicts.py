"""Conflicts a corpus contains, as records: who, about what, when, where, and the evidence.

Four kinds (:class:`ConflictKind`):

* ``opposing-stances`` — actors take opposite stances (support / oppose) toward the same target,
  in statements (the actor is the principal when a spokesperson speaks, else the speaker) or
  in ``supports`` / ``opposes`` relations. One conflict per target.
* ``cooperation-restricted`` — a deployment in support of an agency is sent into a place where a
  provision of a law prohibits or restricts an activity with that agency (or an agency above it),
  on a matching topic (see ``topics_match``), and that
  provision may be in force there at some moment of the deployment (ruling-aware status of the
  provision, in that place: a provision struck there is no evidence). The law applies in its
  jurisdiction and below. One conflict per deployment and law.
* ``law-challenged`` — a law (or one of its provisions) is challenged in a legal case, or
  enjoined, stayed or struck by a ruling. One conflict per law.
* ``disagreeing-reports`` — reports of the same number (the same metric, subject, unit and
  period) that cannot both be true, by the rule :func:`policyconflict.disagreements.disagreements`
  follows: the figures it lists as ``contradicts`` (a revision, a change over time, is no
  conflict). One conflict per such group. Also each field that stories give differently for
  one entity (a disputed field of a merged corpus, see :mod:`policyconflict.merge`): one
  conflict per entity and field, whose evidence is the entity and the sources each story cites
  (it has no period and no place).

Conflicts are returned sorted by kind (in the order above), then subject, then evidence.
"""

from __future__ import annotations

import enum
from collections.abc import Iterable, Mapping, Sequence
from typing import Final

import attrs

from policyconflict._merging.disputes import Dispute, value_text
from policyconflict.dates import Certainty, PartialDate, Period
from policyconflict.disagreements import (
    DisagreementKind,
    FigureKey,
    Published,
    compare_figures,
    figure_key,
)
from policyconflict.model.actions import Deployment
from policyconflict.model.courts import LegalCase, OutcomeEffect, Ruling
from policyconflict.model.figures import Figure
from policyconflict.model.laws import Law
from policyconflict.model.relations import Predicate, Relation
from policyconflict.model.statements import Stance, Statement
from policyconflict.query._status import RESTRICTING, Courts, provisions_in_force, topics_match

__all__ = ["Conflict", "ConflictKind"]


class ConflictKind(enum.StrEnum):
    """What kind of conflict a :class:`Conflict` is."""

    OPPOSING_STANCES = "opposing-stances"
    COOPERATION_RESTRICTED = "cooperation-restricted"
    LAW_CHALLENGED = "law-challenged"
    DISAGREEING_REPORTS = "disagreeing-reports"


_ORDER: Final = {kind: rank for rank, kind in enumerate(ConflictKind)}
BLOCKING: Final = frozenset({OutcomeEffect.ENJOINS, OutcomeEffect.STAYS, OutcomeEffect.STRIKES})
"""Ruling effects that count as a court blocking a law."""


@attrs.frozen(kw_only=True)
class Conflict:
    """One conflict: its ``kind``, its ``subject`` (the id it is about: the target, the
    deployment, the law, or the figures' subject or metric), the ``parties`` (actor ids,
    sorted), the ``period`` it spans (``None`` when no evidence is dated), the ``places`` where
    it happens (sorted; may be empty) and the ids of its ``evidence`` (sorted)."""

    kind: ConflictKind
    subject: str
    parties: tuple[str, ...]
    period: Period | None
    places: tuple[str, ...]
    evidence: tuple[str, ...]
    description: str

    def sort_key(self) -> tuple[int, str, tuple[str, ...], tuple[str, ...]]:
        """Kind, subject, evidence, places: the order conflicts are listed in."""
        return (_ORDER[self.kind], self.subject, self.evidence, self.places)


def span(dates: Iterable[PartialDate]) -> Period | None:
    """The period from the earliest to the latest of ``dates`` (``None`` when there are none)."""
    known = list(dates)
    if not known:
        return None
    first = min(known, key=PartialDate.sort_key)
    last = max(known, key=lambda d: (d.latest_key, d.earliest_key, str(d)))
    return Period(start=first, end=last)


def _sorted(items: Iterable[str]) -> tuple[str, ...]:
    return tuple(sorted(set(items)))


def opposing_stances(
    statements: Sequence[Statement],
    relations: Sequence[Relation],
    places_of_target: Mapping[str, tuple[str, ...]],
) -> list[Conflict]:
    """Kind (a), from statements' positions and supports/opposes relations."""
    sides: dict[str, tuple[dict[str, list[str]], dict[str, list[str]]]] = {}
    dates: dict[str, list[PartialDate]] = {}
    for statement in statements:
        actor = statement.on_behalf_of or statement.speaker
        for position in statement.positions:
            if position.stance is Stance.SUPPORT or position.stance is Stance.OPPOSE:
                pair = sides.setdefault(position.target, ({}, {}))
                side = pair[0] if position.stance is Stance.SUPPORT else pair[1]
                side.setdefault(actor, []).append(statement.id)
                if statement.date is not None:
                    dates.setdefault(position.target, []).append(statement.date)
    for relation in relations:
        if relation.predicate in (Predicate.SUPPORTS, Predicate.OPPOSES):
            pair = sides.setdefault(relation.object, ({}, {}))
            side = pair[0] if relation.predicate is Predicate.SUPPORTS else pair[1]
            side.setdefault(relation.subject, []).append(relation.id)
    found = []
    for target, (supporters, opposers) in sides.items():
        if not supporters or not opposers or len(supporters.keys() | opposers.keys()) < 2:
            continue
        evidence = [e for side in (supporters, opposers) for ids in side.values() for e in ids]
        found.append(
            Conflict(
                kind=ConflictKind.OPPOSING_STANCES,
                subject=target,
                parties=_sorted([*supporters, *opposers]),
                period=span(dates.get(target, ())),
                places=places_of_target.get(target, ()),
                evidence=_sorted(evidence),
                description=f"{', '.join(sorted(supporters))} support {target}; "
                f"{', '.join(sorted(opposers))} oppose it",
            )
        )
    return found


def cooperation_restricted(
    deployment: Deployment,
    supported: frozenset[str],
    places: Iterable[tuple[str, Law]],
    courts: Courts,
) -> list[Conflict]:
    """Kind (b) for one deployment: ``supported`` are the agencies it helps and those above
    them; ``places`` pairs each target place with each law that applies there."""
    matches: dict[str, tuple[Law, set[str], set[str]]] = {}
    for place, law in places:
        matching = [
            p
            for p in law.provisions
            if p.effect in RESTRICTING
            and not supported.isdisjoint(p.counterparty)
            and topics_match(p.activity, deployment.topic)
        ]
        live = provisions_in_force(law, matching, deployment.period, Certainty.MAY, courts, place)
        hits = [p.id for p in live]
        if hits:
            entry = matches.setdefault(law.id, (law, set(), set()))
            entry[1].add(place)
            entry[2].update(hits)
    found = []
    for law, where, provisions in matches.values():
        found.append(
            Conflict(
                kind=ConflictKind.COOPERATION_RESTRICTED,
                subject=deployment.id,
                parties=_sorted([deployment.agency, *deployment.in_support_of, law.jurisdiction]),
                period=deployment.period.intersection(law.effective_period),
                places=_sorted(where),
                evidence=_sorted([deployment.id, law.id, *provisions]),
                description=f"{deployment.id} supports {', '.join(deployment.in_support_of)} "
                f"where {law.id} restricts cooperation with it",
            )
        )
    return found


def law_challenged(
    law: Law, cases: Sequence[LegalCase], rulings: Sequence[Ruling]
) -> Conflict | None:
    """Kind (c) for one law, given the cases and rulings that affect it."""
    targets = {law.id, *(p.id for p in law.provisions)}
    blocking = [
        r for r in rulings if any(o.target in targets and o.effect in BLOCKING for o in r.outcomes)
    ]
    if not cases and not blocking:
        return None
    parties = [law.jurisdiction, *(p.entity for case in cases for p in case.parties)]
    dates = [c.filed for c in cases if c.filed is not None] + [r.date for r in blocking]
    return Conflict(
        kind=ConflictKind.LAW_CHALLENGED,
        subject=law.id,
        parties=_sorted(parties),
        period=span(dates),
        places=(law.jurisdiction,),
        evidence=_sorted([*(c.id for c in cases), *(r.id for r in blocking)]),
        description=f"{law.id} is challenged in {len(cases)} case(s) and blocked by "
        f"{len(blocking)} ruling(s)",
    )


def disagreeing_reports(
    figures: Sequence[Figure],
    published: Published,
    places_of_subject: Mapping[str, tuple[str, ...]],
) -> list[Conflict]:
    """Kind (d): groups of reports of the same number (:func:`figure_key`) of which some
    cannot both be true (:func:`compare_figures`, the rule :func:`disagreements` follows)."""
    groups: dict[FigureKey, list[Figure]] = {}
    for figure in figures:
        groups.setdefault(figure_key(figure), []).append(figure)
    found = []
    for (metric, subject, *_), members in groups.items():
        clashing = {
            f.id
            for f in members
            for g in members
            if f is not g and compare_figures(f, g, published) is DisagreementKind.CONTRADICTS
        }
        if not clashing:
            continue
        chosen = [f for f in members if f.id in clashing]
        found.append(
            Conflict(
                kind=ConflictKind.DISAGREEING_REPORTS,
                subject=subject if subject is not None else metric,
                parties=_sorted(c for f in chosen for c in f.claimed_by),
                period=chosen[0].period,
                places=places_of_subject.get(subject, ()) if subject is not None else (),
                evidence=_sorted(clashing),
                description=f"{len(chosen)} reports of {metric} disagree",
            )
        )
    return found


def disputed_facts(disputes: Iterable[Dispute]) -> list[Conflict]:
    """Kind (d) too: each disputed field of a merged corpus, with every story's value."""
    found = []
    for dispute in disputes:
        sides = "; ".join(
            f"{value_text(value)!r} ({', '.join(dispute.stories(value))})"
            for value in dispute.values
        )
        cited = {c.source for claim in dispute.claims for c in claim.sources}
        found.append(
            Conflict(
                kind=ConflictKind.DISAGREEING_REPORTS,
                subject=dispute.entity,
                parties=(),
                period=None,
                places=(),
                evidence=_sorted([dispute.entity, *cited]),
                description=f"stories give {dispute.field} differently: {sides}",
            )
        )
    return found
