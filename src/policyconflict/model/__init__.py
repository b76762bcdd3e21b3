"""The domain model: frozen, validated classes that refer to each other by id."""

from __future__ import annotations

from policyconflict.model.actions import (
    CommandChange,
    ControlTransfer,
    Deployment,
    DeploymentPhase,
    DeploymentStatus,
    DeploymentUnit,
    Event,
    EventKind,
    Participant,
    Tally,
)
from policyconflict.model.actors import (
    Agency,
    AgencyKind,
    Organization,
    OrganizationKind,
    Person,
    Role,
)
from policyconflict.model.citations import (
    Assessment,
    Citation,
    Confidence,
    Note,
    Reliability,
    best_confidence,
)
from policyconflict.model.courts import (
    Docket,
    LegalCase,
    Outcome,
    OutcomeEffect,
    Party,
    PartyRole,
    Ruling,
    RulingKind,
    Scope,
)
from policyconflict.model.figures import Figure, Quantity, QuantityKind
from policyconflict.model.laws import Law, LawKind, Provision, ProvisionEffect
from policyconflict.model.places import ExternalId, Jurisdiction, JurisdictionLevel
from policyconflict.model.relations import Predicate, Relation
from policyconflict.model.sources import Republication, Source, SourceKind
from policyconflict.model.statements import Channel, Position, QuoteForm, Stance, Statement

__all__ = [
    "Agency",
    "AgencyKind",
    "Assessment",
    "Channel",
    "Citation",
    "CommandChange",
    "Confidence",
    "ControlTransfer",
    "Deployment",
    "DeploymentPhase",
    "DeploymentStatus",
    "DeploymentUnit",
    "Docket",
    "Event",
    "EventKind",
    "ExternalId",
    "Figure",
    "Jurisdiction",
    "JurisdictionLevel",
    "Law",
    "LawKind",
    "LegalCase",
    "Note",
    "Organization",
    "OrganizationKind",
    "Outcome",
    "OutcomeEffect",
    "Participant",
    "Party",
    "PartyRole",
    "Person",
    "Position",
    "Predicate",
    "Provision",
    "ProvisionEffect",
    "Quantity",
    "QuantityKind",
    "QuoteForm",
    "Relation",
    "Reliability",
    "Republication",
    "Role",
    "Ruling",
    "RulingKind",
    "Scope",
    "Source",
    "SourceKind",
    "Stance",
    "Statement",
    "Tally",
    "best_confidence",
]
