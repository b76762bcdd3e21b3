"""schema.org JSON-LD: stories as linked data for the web.

:func:`to_jsonld` gives one JSON-LD document with an inline ``@context`` (no network is needed
to read it) and a ``@graph`` of nodes:

=======================  =====================================================================
``Law``                  ``Legislation`` (``legislationIdentifier``, ``legislationDate``,
                         ``legislationJurisdiction``, ``legislationType``,
                         ``legislationPassedBy``, ``expires``; provisions as ``hasPart``)
``Jurisdiction``         ``Country`` or ``AdministrativeArea`` (``containedInPlace``)
``Agency``               ``GovernmentOrganization`` (``parentOrganization``, ``areaServed``)
``Organization``         ``NGO``, ``NewsMediaOrganization``, ``PoliticalParty``,
                         ``Corporation`` or ``Organization``, by kind
``Person``, ``Role``     ``Person``, ``memberOf`` an ``OrganizationRole`` that is ``memberOf``
                         the agency or organization (schema.org's role pattern)
``Event``,               ``Event`` (``startDate``, ``endDate``, ``location``, ``attendee``;
``Deployment``,          a deployment's agency as ``organizer``; a control transfer's new
``ControlTransfer``      command as ``organizer``, the force and its home command as
                         ``attendee``)
``Source``               ``NewsArticle``, ``Report``, ``Dataset``, ``Legislation``,
                         ``DigitalDocument`` or ``CreativeWork``, by kind; a copy
                         ``isBasedOn`` its original (``translationOfWork`` for a translation),
                         its edition as ``version``, a wire service as ``sourceOrganization``
``Statement``            ``Quotation`` (``text``, ``creator``, ``about`` its targets)
``Figure``               ``Claim`` (``text``, ``author`` its claimants, ``about`` its subject)
=======================  =====================================================================

Node ids are IRIs made from the library's ids under ``base`` (``urn:policyconflict:`` unless
given); every node cites its sources with ``citation``. Cases, rulings and relations have no
schema.org type and are left out.

>>> from policyconflict import Person, Story
>>> doc = to_jsonld(Story(id="s", title="T", persons=(Person(id="person:a", name="Ann"),)))
>>> doc["@graph"]
[{'@id': 'urn:policyconflict:person:a', '@type': 'Person', 'name': 'Ann'}]
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any, Final

import orjson

from policyconflict.dates import PartialDate
from policyconflict.interop._common import iso_date, period_dates, transfer_text
from policyconflict.model import (
    Citation,
    JurisdictionLevel,
    OrganizationKind,
    Republication,
    SourceKind,
)
from policyconflict.story import Story

__all__ = ["CONTEXT", "DEFAULT_BASE", "dumps_jsonld", "to_jsonld"]

DEFAULT_BASE: Final = "urn:policyconflict:"
CONTEXT: Final = {"@vocab": "https://schema.org/", "schema": "https://schema.org/"}
"""The inline context: schema.org terms as the vocabulary."""

_ORG_TYPES: Final = {
    OrganizationKind.NGO: "NGO",
    OrganizationKind.ADVOCACY: "NGO",
    OrganizationKind.PUBLISHER: "NewsMediaOrganization",
    OrganizationKind.PARTY: "PoliticalParty",
    OrganizationKind.COMPANY: "Corporation",
}
_SOURCE_TYPES: Final = {
    SourceKind.NEWS_ARTICLE: "NewsArticle",
    SourceKind.PRESS_RELEASE: "Article",
    SourceKind.GOVERNMENT_REPORT: "Report",
    SourceKind.DATASET: "Dataset",
    SourceKind.LEGISLATION: "Legislation",
    SourceKind.COURT_DOCUMENT: "DigitalDocument",
    SourceKind.VIDEO: "VideoObject",
    SourceKind.SOCIAL_POST: "SocialMediaPosting",
}


def _node(**fields: Any) -> dict[str, Any]:
    return {k: v for k, v in fields.items() if v is not None and v != [] and v != ()}


def to_jsonld(story: Story, *, base: str = DEFAULT_BASE) -> dict[str, Any]:
    """The story as a schema.org JSON-LD document (see the module docs for the mapping)."""
    story = story.canonical()

    def ref(entity_id: str | None) -> dict[str, str] | None:
        return None if entity_id is None else {"@id": base + entity_id.replace("#", "%23")}

    def refs(ids: Iterable[str]) -> list[dict[str, str]]:
        return [{"@id": base + i.replace("#", "%23")} for i in dict.fromkeys(ids)]

    def cites(sources: tuple[Citation, ...]) -> list[dict[str, str]]:
        return refs(c.source for c in sources)

    def day(date: PartialDate | None) -> str | None:
        return None if date is None else iso_date(date)

    graph: list[dict[str, Any]] = []
    add = graph.append
    for source in story.sources:
        add(
            _node(
                **ref(source.id),  # type: ignore[arg-type]
                **{"@type": _SOURCE_TYPES.get(source.kind, "CreativeWork")},
                headline=source.title,
                name=source.title,
                url=source.url,
                author=list(source.authors),
                datePublished=day(source.published),
                publisher=ref(source.publisher),
                inLanguage=source.language,
                version=source.edition,
                isBasedOn=ref(source.republished_from),
                translationOfWork=ref(source.republished_from)
                if source.republication is Republication.TRANSLATION
                else None,
                sourceOrganization=ref(source.wire_service),
            )
        )
    for place in story.jurisdictions:
        country = place.level is JurisdictionLevel.COUNTRY
        add(
            _node(
                **ref(place.id),  # type: ignore[arg-type]
                **{"@type": "Country" if country else "AdministrativeArea"},
                name=place.name,
                alternateName=list(place.aliases),
                containedInPlace=ref(place.parent),
                citation=cites(place.sources),
            )
        )
    for agency in story.agencies:
        add(
            _node(
                **ref(agency.id),  # type: ignore[arg-type]
                **{"@type": "GovernmentOrganization"},
                name=agency.name,
                alternateName=[n for n in (agency.abbreviation, *agency.aliases) if n],
                parentOrganization=ref(agency.parent),
                areaServed=ref(agency.jurisdiction),
                citation=cites(agency.sources),
            )
        )
    for org in story.organizations:
        add(
            _node(
                **ref(org.id),  # type: ignore[arg-type]
                **{"@type": _ORG_TYPES.get(org.kind, "Organization")},
                name=org.name,
                alternateName=[n for n in (org.abbreviation, *org.aliases) if n],
                areaServed=ref(org.jurisdiction),
                citation=cites(org.sources),
            )
        )
    roles_of: dict[str, list[str]] = {}
    for role in story.roles:
        roles_of.setdefault(role.person, []).append(role.id)
        start, end = period_dates(role.period)
        add(
            _node(
                **ref(role.id),  # type: ignore[arg-type]
                **{"@type": "OrganizationRole"},
                roleName=role.title,
                memberOf=ref(role.organization),
                startDate=start,
                endDate=end,
                citation=cites(role.sources),
            )
        )
    for person in story.persons:
        add(
            _node(
                **ref(person.id),  # type: ignore[arg-type]
                **{"@type": "Person"},
                name=person.name,
                alternateName=list(person.aliases),
                memberOf=refs(roles_of.get(person.id, ())),
                citation=cites(person.sources),
            )
        )
    for law in story.laws:
        add(
            _node(
                **ref(law.id),  # type: ignore[arg-type]
                **{"@type": "Legislation"},
                name=law.title,
                alternateName=law.short_title,
                legislationIdentifier=law.identifier,
                legislationType=law.kind.value,
                legislationDate=day(law.signed or law.effective),
                legislationJurisdiction=ref(law.jurisdiction),
                legislationPassedBy=ref(law.issuer),
                expires=day(law.expires or law.repealed),
                hasPart=[
                    _node(**{"@type": "Legislation"}, name=p.label, abstract=p.summary)
                    for p in law.provisions
                ],
                citation=cites(law.sources),
            )
        )
    for event in story.events:
        start, end = period_dates(event.period)
        add(
            _node(
                **ref(event.id),  # type: ignore[arg-type]
                **{"@type": "Event"},
                name=event.name,
                additionalType=event.kind.value,
                startDate=start,
                endDate=end,
                location=refs(event.places),
                attendee=refs(p.entity for p in event.participants),
                description=event.outcome,
                citation=cites(event.sources),
            )
        )
    for dep in story.deployments:
        start, end = period_dates(dep.period)
        add(
            _node(
                **ref(dep.id),  # type: ignore[arg-type]
                **{"@type": "Event"},
                name=dep.name or f"Deployment {dep.id}",
                additionalType="deployment",
                organizer=ref(dep.agency),
                startDate=start,
                endDate=end,
                location=refs(dep.targets),
                description=dep.purpose,
                citation=cites(dep.sources),
            )
        )
    for transfer in story.control_transfers:
        start, end = period_dates(transfer.period)
        add(
            _node(
                **ref(transfer.id),  # type: ignore[arg-type]
                **{"@type": "Event"},
                name=transfer_text(transfer, story),
                additionalType="control-transfer",
                organizer=ref(transfer.to_command),
                attendee=refs(x for x in (transfer.force, transfer.from_command) if x),
                startDate=start,
                endDate=end,
                description=transfer.legal_status,
                citation=cites(transfer.sources),
            )
        )
    for statement in story.statements:
        add(
            _node(
                **ref(statement.id),  # type: ignore[arg-type]
                **{"@type": "Quotation"},
                text=statement.text,
                creator=ref(statement.on_behalf_of or statement.speaker),
                spokenByCharacter=ref(statement.speaker),
                dateCreated=day(statement.date),
                inLanguage=statement.language,
                about=refs(p.target for p in statement.positions),
                citation=cites(statement.sources),
            )
        )
    for figure in story.figures:
        text = figure.quantity.text or str(figure.quantity.value or figure.quantity.kind.value)
        add(
            _node(
                **ref(figure.id),  # type: ignore[arg-type]
                **{"@type": "Claim"},
                name=figure.metric,
                text=f"{figure.metric}: {text}" + (f" {figure.unit}" if figure.unit else ""),
                author=refs(figure.claimed_by),
                about=ref(figure.subject),
                dateCreated=day(figure.as_of),
                citation=cites(figure.sources),
            )
        )
    return {"@context": CONTEXT, "@graph": graph}


def dumps_jsonld(story: Story, *, base: str = DEFAULT_BASE) -> bytes:
    """:func:`to_jsonld` as indented UTF-8 JSON text."""
    return orjson.dumps(to_jsonld(story, base=base), option=orjson.OPT_INDENT_2)
