"""The two shipped example stories, for the tests of :mod:`policyconflict.interop`."""

from __future__ import annotations

import importlib.util
from functools import cache
from pathlib import Path

from policyconflict import Story
from policyconflict.serialization import load

ROOT = Path(__file__).resolve().parents[1]
LA = ROOT / "examples" / "data" / "la-sanctuary-2020.json"
GRANTS = ROOT / "examples" / "sanctuary_grants_litigation.py"
DATA = Path(__file__).resolve().parent / "data"


@cache
def la_story() -> Story:
    """The founding story, from its shipped document."""
    with LA.open("rb") as handle:
        return load(handle)


@cache
def grants_story() -> Story:
    """The second story, built by its example script."""
    spec = importlib.util.spec_from_file_location("sanctuary_grants_litigation", GRANTS)
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    story = module.build_story()
    assert isinstance(story, Story)
    return story


def example_stories() -> dict[str, Story]:
    """Both shipped stories by name."""
    return {"la": la_story(), "grants": grants_story()}


@cache
def transfer_story() -> Story:
    """A state's guard placed under federal command by an order, and released: a story
    holding a :class:`~policyconflict.ControlTransfer`."""
    from policyconflict import (
        Agency,
        AgencyKind,
        Citation,
        ControlTransfer,
        Jurisdiction,
        JurisdictionLevel,
        Law,
        LawKind,
        Period,
        Source,
        SourceKind,
    )

    us = "ocd-division/country:us"
    return Story(
        id="story:guard",
        title="The guard federalized",
        jurisdictions=(Jurisdiction(id=us, name="United States", level=JurisdictionLevel.COUNTRY),),
        sources=(
            Source(
                id="source:order",
                kind=SourceKind.LEGISLATION,
                title="The order",
                url="https://example.org/order",
            ),
        ),
        agencies=(
            Agency(
                id="agency:us/ca/guard",
                name="California Guard",
                kind=AgencyKind.NATIONAL_GUARD,
            ),
            Agency(id="agency:us/ca/governor", name="Governor", kind=AgencyKind.EXECUTIVE),
            Agency(id="agency:us/dod/northcom", name="Northern Command", kind=AgencyKind.MILITARY),
        ),
        laws=(Law(id="law:us/order", kind=LawKind.MEMORANDUM, jurisdiction=us, title="The order"),),
        control_transfers=(
            ControlTransfer(
                id="control-transfer:us/ca/guard/2025-06",
                force="agency:us/ca/guard",
                to_command="agency:us/dod/northcom",
                from_command="agency:us/ca/governor",
                period=Period.parse("2025-06-07/2025-07-15"),
                legal_basis=("law:us/order",),
                legal_status="federal-service",
                sources=(Citation(source="source:order"),),
            ),
        ),
    )
