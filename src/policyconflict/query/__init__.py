"""Questions asked of stories: the :class:`Corpus`, its conflicts and timelines.

* :class:`Corpus` — stories merged by id (merge conflicts reported, never overwritten), with
  indexed, place- and time-aware queries: statements, deployments, roles, laws in force, cases
  and rulings affecting a law, a timeline, and :meth:`Corpus.conflicts`.
* :class:`Conflict` and :class:`ConflictKind` — what :meth:`Corpus.conflicts` returns.
* :class:`MergeConflict` and :class:`MergeConflictError` — what merging stories reports.
* :func:`timeline` and :class:`TimelineEntry` — dated facts in time order.
"""

from __future__ import annotations

from policyconflict.query._merge import MergeConflict, MergeConflictError
from policyconflict.query.conflicts import Conflict, ConflictKind
from policyconflict.query.corpus import Corpus
from policyconflict.query.timeline import TimelineEntry, timeline

__all__ = [
    "Conflict",
    "ConflictKind",
    "Corpus",
    "MergeConflict",
    "MergeConflictError",
    "TimelineEntry",
    "timeline",
]
