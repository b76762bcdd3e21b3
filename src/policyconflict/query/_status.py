"""Whether a law is in force, and whether a provision matches a question: one place for both.

:func:`in_force` uses the law's own dates (:attr:`~policyconflict.model.Law.effective_period`).
It is the single switch point for ruling-aware status: every query and conflict that asks
whether a law is in force goes through it.
"""

from __future__ import annotations

from policyconflict.dates import Certainty, PartialDate, Period
from policyconflict.model.laws import Law, Provision, ProvisionEffect

RESTRICTING = frozenset({ProvisionEffect.PROHIBITS, ProvisionEffect.RESTRICTS})
"""Effects that restrict an activity with a counterparty."""


def in_force(law: Law, on: PartialDate, certainty: Certainty) -> bool:
    """Whether ``law`` is in force on ``on`` (*may*: possibly; *surely*: certainly)."""
    return law.effective_period.contains(on, certainty=certainty)


def in_force_during(law: Law, during: Period, certainty: Certainty) -> bool:
    """Whether ``law`` is in force at some moment of ``during``."""
    return law.effective_period.overlaps(during, certainty=certainty)


def topics_match(first: str | None, second: str | None) -> bool:
    """Whether two topic words are about the same thing.

    Equal topics match, and so does a topic with a narrower one that extends it by whole words:
    ``immigration-enforcement`` matches ``immigration-enforcement-cooperation``. A missing topic
    matches anything.
    """
    if first is None or second is None:
        return True
    short, long = sorted((first, second), key=len)
    return long == short or long.startswith(short + "-")


def provision_matches(
    provision: Provision,
    *,
    restricted: frozenset[str] | None,
    counterparty: str | None,
    topic: str | None,
) -> bool:
    """Whether one provision answers every given part of a question about laws.

    ``restricted``: it prohibits or restricts an activity with one of these agencies;
    ``counterparty``: that agency is among its counterparties; ``topic``: its activity matches.
    """
    if restricted is not None and (
        provision.effect not in RESTRICTING or restricted.isdisjoint(provision.counterparty)
    ):
        return False
    if counterparty is not None and counterparty not in provision.counterparty:
        return False
    return topic is None or (
        provision.activity is not None and topics_match(provision.activity, topic)
    )
