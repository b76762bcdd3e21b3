"""Other formats and pictures: FollowTheMoney, Popolo, schema.org JSON-LD, PLOVER event
records, graphs (networkx, GEXF, GraphML) and plots (matplotlib).

One module per format, at the edge of the library like :mod:`policyconflict.serialization`:
nothing else in the library imports this package. Third-party packages are optional extras,
imported only inside the functions that need them; a missing one raises
:class:`MissingExtraError` naming the extra to install (``pip install
'policyconflict[interop]'`` installs them all).

* :mod:`policyconflict.interop.ftm` — FollowTheMoney entities, both ways;
* :mod:`policyconflict.interop.popolo` — Popolo documents;
* :mod:`policyconflict.interop.jsonld` — schema.org JSON-LD;
* :mod:`policyconflict.interop.plover` — PLOVER event records, both ways;
* :mod:`policyconflict.interop.graph` — networkx graphs, GEXF, GraphML, and
  :func:`~policyconflict.interop.graph.references`;
* ``policyconflict.interop.plot`` — timeline and positions pictures.

A writer never drops a record silently: what its format has no shape for is either listed as
left out in the module's documentation, or named by a :class:`NotExportedWarning` when the
writer is called (a PLOVER export of a story with control transfers).
"""

from __future__ import annotations

from policyconflict.interop._common import (
    InteropError,
    MissingExtraError,
    NotExportedWarning,
    Reading,
    Unmapped,
)

__all__ = ["InteropError", "MissingExtraError", "NotExportedWarning", "Reading", "Unmapped"]
