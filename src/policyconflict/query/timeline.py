"""A timeline: every dated fact of a story or corpus, in time order.

Uncertain dates are ordered by their earliest possible moment, then their latest, then their
text (:meth:`PartialDate.sort_key <policyconflict.dates.PartialDate.sort_key>`; periods likewise by
their widest bounds), then by entity id and what happened. So ``2020-02`` (all of February) comes
before ``2020-02-14``, which comes before ``2020-02-14T18:00-08:00``'s successors on the same day.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any

import attrs

from policyconflict.dates import UNKNOWN, Key, PartialDate, Period
from policyconflict.model.actions import Deployment, Event
from policyconflict.model.actors import Role
from policyconflict.model.courts import LegalCase, Ruling
from policyconflict.model.figures import Figure
from policyconflict.model.laws import Law
from policyconflict.model.relations import Relation
from policyconflict.model.sources import Source
from policyconflict.model.statements import Statement
from policyconflict.story import Story

__all__ = ["TimelineEntry", "timeline"]


@attrs.frozen(kw_only=True)
class TimelineEntry:
    """One dated fact: ``when`` (a date or a period), the ``entity`` id, its ``kind``
    (``statement``, ``law``...) and ``what`` happened (``said``, ``signed``, ``effective``,
    ``expires``, ``repealed``, ``announced``, ``deployed``, ``held``, ``happened``, ``filed``,
    ``ruled``, ``reported``, ``published``, ``holds``)."""

    when: PartialDate | Period
    entity: str
    kind: str
    what: str

    def sort_key(self) -> tuple[tuple[Key, Key, str], str, str]:
        """Time (see the module doc), then entity id, then what happened."""
        return (self.when.sort_key(), self.entity, self.what)


def _facts(entity: Any) -> Iterator[tuple[PartialDate | Period | None, str]]:
    if isinstance(entity, Statement):
        yield entity.date, "said"
    elif isinstance(entity, Law):
        yield entity.signed, "signed"
        yield entity.effective, "effective"
        yield entity.expires, "expires"
        yield entity.repealed, "repealed"
    elif isinstance(entity, Deployment):
        yield entity.announced, "announced"
        yield entity.period, "deployed"
    elif isinstance(entity, Role):
        yield entity.period, "held"
    elif isinstance(entity, Event):
        yield entity.period, "happened"
    elif isinstance(entity, LegalCase):
        yield entity.filed, "filed"
    elif isinstance(entity, Ruling):
        yield entity.date, "ruled"
    elif isinstance(entity, Figure):
        yield entity.as_of, "reported"
    elif isinstance(entity, Source):
        yield entity.published, "published"
    elif isinstance(entity, Relation):
        yield entity.period, "holds"


def timeline(entities: Story | Iterable[Any]) -> tuple[TimelineEntry, ...]:
    """The dated facts of ``entities`` (a :class:`~policyconflict.story.Story`, a
    :class:`~policyconflict.query.Corpus`, or any iterable of entities), in time order.

    Periods with both ends unknown say nothing about time and are left out.

    >>> from policyconflict import Statement
    >>> entries = timeline([
    ...     Statement(id="b", speaker="x", text="Later.", date=PartialDate.parse("2020-02-14")),
    ...     Statement(id="a", speaker="x", text="Sooner.", date=PartialDate.parse("2020-02")),
    ... ])
    >>> [(str(e.when), e.entity) for e in entries]
    [('2020-02', 'a'), ('2020-02-14', 'b')]
    """
    source = entities.entities() if isinstance(entities, Story) else entities
    found = []
    for entity in source:
        for when, what in _facts(entity):
            if when is None:
                continue
            if isinstance(when, Period) and when.start is UNKNOWN and when.end is UNKNOWN:
                continue
            found.append(
                TimelineEntry(when=when, entity=entity.id, kind=entity.kind_name, what=what)
            )
    found.sort(key=TimelineEntry.sort_key)
    return tuple(found)
