"""policyconflict: typed, validated, immutable data for news stories about policy conflicts.

The core nouns are re-exported here; each lives in its own module (:mod:`policyconflict.dates`,
:mod:`policyconflict.model`, :mod:`policyconflict.story`, ...).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from policyconflict._lazy import lazy_attributes
from policyconflict.dates import (
    OPEN,
    UNKNOWN,
    Certainty,
    FiscalCalendar,
    PartialDate,
    Period,
)
from policyconflict.disagreements import (
    Disagreement,
    DisagreementKind,
    Revision,
    disagreements,
    revisions,
)
from policyconflict.errors import (
    DateTextError,
    PolicyConflictError,
    Problem,
    ShapeError,
    ValidationError,
)
from policyconflict.model import (
    Agency,
    AgencyKind,
    Assessment,
    Channel,
    Citation,
    CommandChange,
    Confidence,
    ControlTransfer,
    Deployment,
    DeploymentPhase,
    DeploymentStatus,
    DeploymentUnit,
    Docket,
    Event,
    EventKind,
    ExternalId,
    Figure,
    Jurisdiction,
    JurisdictionLevel,
    Law,
    LawKind,
    LegalCase,
    Note,
    Organization,
    OrganizationKind,
    Outcome,
    OutcomeEffect,
    Participant,
    Party,
    PartyRole,
    Person,
    Position,
    Predicate,
    Provision,
    ProvisionEffect,
    Quantity,
    QuantityKind,
    QuoteForm,
    Relation,
    Reliability,
    Republication,
    Role,
    Ruling,
    RulingKind,
    Scope,
    Source,
    SourceKind,
    Stance,
    Statement,
    Tally,
)
from policyconflict.story import Story

if TYPE_CHECKING:
    from policyconflict.phrases import parse_date_text
    from policyconflict.query import (
        Conflict,
        ConflictKind,
        Corpus,
        FigureReport,
        MergeConflict,
        MergeConflictError,
        PartiesAtRuling,
        RulingEffect,
        StanceRecord,
        TargetKindError,
        positions_by_level,
    )
    from policyconflict.serialization import dump, dumps, json_schema, load, loads
    from policyconflict.status import LawState, LawStatus, status_on

    __version__: str

_LAZY = {
    **dict.fromkeys(
        (
            "Conflict",
            "ConflictKind",
            "Corpus",
            "FigureReport",
            "MergeConflict",
            "MergeConflictError",
            "PartiesAtRuling",
            "RulingEffect",
            "StanceRecord",
            "TargetKindError",
            "positions_by_level",
        ),
        "policyconflict.query",
    ),
    **dict.fromkeys(("LawState", "LawStatus", "status_on"), "policyconflict.status"),
    "parse_date_text": "policyconflict.phrases",
    **dict.fromkeys(
        ("dump", "dumps", "json_schema", "load", "loads"), "policyconflict.serialization"
    ),
}
"""Names imported on first use: a program pays at start-up only for the parts it uses (the
JSON format, the query engine, the law-status rules, the date-phrase parser and dateutil)."""


def _version() -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("policyconflict")
    except PackageNotFoundError:  # running from a source tree that is not installed
        return "0+unknown"


__getattr__, __dir__ = lazy_attributes(__name__, globals(), _LAZY, {"__version__": _version})


__all__ = [
    "OPEN",
    "UNKNOWN",
    "Agency",
    "AgencyKind",
    "Assessment",
    "Certainty",
    "Channel",
    "Citation",
    "CommandChange",
    "Confidence",
    "Conflict",
    "ConflictKind",
    "ControlTransfer",
    "Corpus",
    "DateTextError",
    "Deployment",
    "DeploymentPhase",
    "DeploymentStatus",
    "DeploymentUnit",
    "Disagreement",
    "DisagreementKind",
    "Docket",
    "Event",
    "EventKind",
    "ExternalId",
    "Figure",
    "FigureReport",
    "FiscalCalendar",
    "Jurisdiction",
    "JurisdictionLevel",
    "Law",
    "LawKind",
    "LawState",
    "LawStatus",
    "LegalCase",
    "MergeConflict",
    "MergeConflictError",
    "Note",
    "Organization",
    "OrganizationKind",
    "Outcome",
    "OutcomeEffect",
    "PartialDate",
    "Participant",
    "PartiesAtRuling",
    "Party",
    "PartyRole",
    "Period",
    "Person",
    "PolicyConflictError",
    "Position",
    "Predicate",
    "Problem",
    "Provision",
    "ProvisionEffect",
    "Quantity",
    "QuantityKind",
    "QuoteForm",
    "Relation",
    "Reliability",
    "Republication",
    "Revision",
    "Role",
    "Ruling",
    "RulingEffect",
    "RulingKind",
    "Scope",
    "ShapeError",
    "Source",
    "SourceKind",
    "Stance",
    "StanceRecord",
    "Statement",
    "Story",
    "Tally",
    "TargetKindError",
    "ValidationError",
    "__version__",
    "disagreements",
    "dump",
    "dumps",
    "json_schema",
    "load",
    "loads",
    "parse_date_text",
    "positions_by_level",
    "revisions",
    "status_on",
]
