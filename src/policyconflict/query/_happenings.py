"""What a relation and an event must match to answer :meth:`Corpus.relations
<policyconflict.query.Corpus.relations>` and :meth:`Corpus.events
<policyconflict.query.Corpus.events>`: one definition each, used by every backend.

Places are not checked here: an event is placed in
:func:`~policyconflict.query._places.event_places` (and below them for ``within=``), which each
backend tests with its own place hierarchy.
"""

from __future__ import annotations

from policyconflict.dates import Certainty, PartialDate, Period
from policyconflict.model.actions import Event, EventKind
from policyconflict.model.relations import Predicate, Relation
from policyconflict.query._positions import when_passes

__all__ = ["event_passes", "relation_passes"]


def relation_passes(
    relation: Relation,
    *,
    subject: str | None,
    predicate: Predicate | None,
    object: str | None,
    on: PartialDate | None,
    during: Period | None,
    certainty: Certainty,
) -> bool:
    """Whether ``relation`` has this subject, predicate and object (each when given) and
    passes the time filter: its period may / surely contains ``on`` or overlaps ``during``; a
    relation without a period never passes a time filter."""
    return (
        (subject is None or relation.subject == subject)
        and (predicate is None or relation.predicate is predicate)
        and (object is None or relation.object == object)
        and when_passes(relation.period, on, during, certainty)
    )


def event_passes(
    event: Event,
    *,
    kind: EventKind | None,
    participant: str | None,
    on: PartialDate | None,
    during: Period | None,
    certainty: Certainty,
) -> bool:
    """Whether ``event`` is of this kind, has this participant (each when given) and passes the
    time filter: its period may / surely contains ``on`` or overlaps ``during`` (an event of
    unknown period may be at any time, never surely)."""
    return (
        (kind is None or event.kind is kind)
        and (participant is None or any(p.entity == participant for p in event.participants))
        and when_passes(event.period, on, during, certainty)
    )
