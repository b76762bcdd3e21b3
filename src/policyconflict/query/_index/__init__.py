"""The index engine: every :class:`~policyconflict.query.Corpus` question answered from
indexes, exactly as the plain scan answers it.

* :class:`IndexBackend` — the backend (:class:`~policyconflict.query._backend.Backend`).
* :class:`Thresholds` — where its planner switches strategy (any setting, same answers).
* ``_engine`` — the place tree, actor derivations and indexes of one corpus, built on first use
  and kept current on ``add``.
* ``_statements`` — the statement index and its planner; ``_spans`` — the index of records that
  last a period (deployments, roles, laws, found conflicts); ``_runs`` and ``_blocks`` — the
  sorted date arrays both are made of; ``_bulk`` — whole-column steps in C.
"""

from __future__ import annotations

from policyconflict.query._index._backend import IndexBackend
from policyconflict.query._index._thresholds import DEFAULT, Thresholds

__all__ = ["DEFAULT", "IndexBackend", "Thresholds"]
