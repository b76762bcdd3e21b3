"""Questions asked of stories: the :class:`Corpus`, its conflicts and timelines.

* :class:`Corpus` — stories merged by id (by the rules of :mod:`policyconflict.merge`), with
  indexed, place- and time-aware queries: statements, deployments, roles, laws in force, cases
  and rulings affecting a law, a timeline, and :meth:`Corpus.conflicts`.
* :class:`Conflict` and :class:`ConflictKind` — what :meth:`Corpus.conflicts` returns.
* :class:`CommandAnswer` — who controls a force at a moment (:meth:`Corpus.command_on`); the
  relations and events of a corpus come from :meth:`Corpus.relations` and :meth:`Corpus.events`.
* :class:`MergeConflict` and :class:`MergeConflictError` — an id that stories use for different
  kinds of thing.
* :class:`SameAsMismatch` — a same-as relation between two kinds of thing, which joins nothing
  (:attr:`Corpus.same_as_problems`; same-as clusters: :meth:`Corpus.cluster`).
* :class:`UnknownEntityError` and :class:`UnknownKindError` — an id or a kind of entity the
  corpus does not hold (an unknown place raises
  :class:`~policyconflict.gazetteer.UnknownPlaceError`).
* :func:`timeline` and :class:`TimelineEntry` — dated facts in time order.
* :class:`RulingEffect` — one ruling of a target's legal chain with the windows in which it had
  effect (:meth:`Corpus.rulings_affecting`, :meth:`Corpus.rulings_in_effect`).

The founding story's conflict in a few lines: CBP sends officers to Los Angeles in support of
ICE while California's SB 54 restricts cooperation with ICE. Los Angeles is not given a parent
here: the gazetteer knows it lies in California, so the state law applies there.

>>> from policyconflict import (Agency, AgencyKind, Deployment, Jurisdiction, JurisdictionLevel,
...     Law, LawKind, PartialDate, Period, Provision, ProvisionEffect, Story)
>>> CA = "ocd-division/country:us/state:ca"
>>> LA = f"{CA}/place:los_angeles"
>>> story = Story(id="la-2020", title="CBP in Los Angeles",
...     jurisdictions=(Jurisdiction(id=CA, name="California", level=JurisdictionLevel.STATE),
...                    Jurisdiction(id=LA, name="Los Angeles", level=JurisdictionLevel.CITY)),
...     agencies=(Agency(id="dhs", name="DHS", kind=AgencyKind.DEPARTMENT),
...               Agency(id="ice", name="ICE", kind=AgencyKind.AGENCY, parent="dhs"),
...               Agency(id="cbp", name="CBP", kind=AgencyKind.AGENCY, parent="dhs")),
...     laws=(Law(id="sb-54", kind=LawKind.STATUTE, jurisdiction=CA, title="SB 54",
...               effective=PartialDate.parse("2018-01-01"),
...               provisions=(Provision(id="sb-54#7284.6", label="7284.6",
...                                     effect=ProvisionEffect.RESTRICTS,
...                                     activity="immigration-enforcement-cooperation",
...                                     counterparty=("ice",)),)),),
...     deployments=(Deployment(id="surge", agency="cbp", in_support_of=("ice",), targets=(LA,),
...                             period=Period.parse("2020-02/2020-05"),
...                             topic="immigration-enforcement"),))
>>> corpus = Corpus([story])
>>> [law.id for law in corpus.laws_in_force(LA, "2020-02-15", restricts="ice")]
['sb-54']
>>> [d.id for d in corpus.deployments(target_within=CA, active_on="2020-03-01")]
['surge']
>>> [(c.kind.value, c.subject, c.evidence) for c in corpus.conflicts(within=CA)]
[('cooperation-restricted', 'surge', ('sb-54', 'sb-54#7284.6', 'surge'))]
"""

from __future__ import annotations

from policyconflict._sameas import SameAsMismatch
from policyconflict.query._chain import RulingEffect
from policyconflict.query._command import CommandAnswer
from policyconflict.query._errors import TargetKindError, UnknownEntityError, UnknownKindError
from policyconflict.query._figures import FigureReport
from policyconflict.query._merge import MergeConflict, MergeConflictError
from policyconflict.query._parties import PartiesAtRuling
from policyconflict.query._positions import POSITION_LEVELS, StanceRecord, positions_by_level
from policyconflict.query.conflicts import Conflict, ConflictKind
from policyconflict.query.corpus import Corpus
from policyconflict.query.timeline import TimelineEntry, timeline

__all__ = [
    "POSITION_LEVELS",
    "CommandAnswer",
    "Conflict",
    "ConflictKind",
    "Corpus",
    "FigureReport",
    "MergeConflict",
    "MergeConflictError",
    "PartiesAtRuling",
    "RulingEffect",
    "SameAsMismatch",
    "StanceRecord",
    "TargetKindError",
    "TimelineEntry",
    "UnknownEntityError",
    "UnknownKindError",
    "positions_by_level",
    "timeline",
]
