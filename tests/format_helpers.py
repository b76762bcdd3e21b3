"""A small valid story and its document, for the interchange-format tests to break one thing at
a time."""

from __future__ import annotations

import json
from typing import Any

from policyconflict import (
    Agency,
    AgencyKind,
    Channel,
    Citation,
    Figure,
    Jurisdiction,
    JurisdictionLevel,
    Law,
    LawKind,
    PartialDate,
    Period,
    Person,
    Position,
    Provision,
    ProvisionEffect,
    Quantity,
    Source,
    SourceKind,
    Stance,
    Statement,
    Story,
)
from policyconflict.serialization import dumps

SOURCE = "source:lat/2020-02-14/officers"
US = "ocd-division/country:us"


def small_story() -> Story:
    """A story touching most value types: dates, periods, enums, counts, nested citations."""
    cite = Citation(source=SOURCE, quote="will not", start=10, end=18)
    return Story(
        id="story:lat/2020-02-14",
        title="LA officials oppose ICE plan",
        sources=(
            Source(
                id=SOURCE,
                kind=SourceKind.NEWS_ARTICLE,
                title="LA officials oppose ICE plan to add officers in sanctuary cities",
                url="https://www.latimes.com/x",
                published=PartialDate.parse("2020-02-14"),
            ),
        ),
        jurisdictions=(Jurisdiction(id=US, name="United States", level=JurisdictionLevel.COUNTRY),),
        agencies=(
            Agency(id="agency:us/dhs/ice", name="ICE", kind=AgencyKind.AGENCY, jurisdiction=US),
        ),
        persons=(
            Person(id="person:eric-garcetti", name="Eric Garcetti"),
            Person(id="person:matthew-albence", name="Matthew Albence"),
        ),
        laws=(
            Law(
                id="law:us/ca/2017-2018/sb-54",
                kind=LawKind.STATUTE,
                jurisdiction=US,
                title="California Values Act",
                effective=PartialDate.parse("2018-01-01"),
                provisions=(
                    Provision(
                        id="law:us/ca/2017-2018/sb-54#gov-code-7284.6",
                        label="Gov. Code 7284.6",
                        effect=ProvisionEffect.RESTRICTS,
                        counterparty=("agency:us/dhs/ice",),
                    ),
                ),
            ),
        ),
        statements=(
            Statement(
                id="statement:eric-garcetti/2020-02-14/a",
                speaker="person:eric-garcetti",
                text="We will not be intimidated.",
                date=PartialDate.parse("2020-02-14"),
                channel=Channel.PRESS_CONFERENCE,
                positions=(Position(target="agency:us/dhs/ice", stance=Stance.OPPOSE),),
                sources=(cite, Citation(source=SOURCE, note="second mention")),
            ),
            Statement(
                id="statement:matthew-albence/2020-02-14/b",
                speaker="person:matthew-albence",
                text="Sanctuary policies put officers at risk.",
                sources=(Citation(source=SOURCE),),
            ),
        ),
        figures=(
            Figure(
                id="figure:officers/by-us-dhs-ice",
                metric="officers",
                quantity=Quantity.exact(100),
                period=Period.parse("2020-02/2020-05"),
                claimed_by=("agency:us/dhs/ice",),
            ),
        ),
    )


def small_document() -> dict[str, Any]:
    """The canonical document of :func:`small_story` as plain JSON values (a fresh copy)."""
    value: dict[str, Any] = json.loads(dumps(small_story()))
    return value


def text_of(value: Any) -> str:
    """JSON text of ``value`` as a document would hold it."""
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))
