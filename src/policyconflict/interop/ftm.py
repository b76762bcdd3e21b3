"""FollowTheMoney (FtM) entities: the data model of investigative tools (Aleph, OpenSanctions).

:func:`to_ftm` turns a story into FtM entity dicts (``{"id", "schema", "properties"}``, every
property a list of strings), :func:`write_ftm` writes them one a line, and :func:`from_ftm`
reads FtM entities back into model entities where a kind maps back.

The mapping, story → FtM:

=============================  =================================================================
``Person``                     ``Person`` (aliases, Wikidata id)
``Agency``                     ``PublicBody`` (abbreviation, kind as ``classification``, parent)
``Jurisdiction``               ``PublicBody`` with the ``jurisdiction`` keyword (the government
                               of the place: a city can be a party or a post's body)
``Organization``               ``Organization``
``Role``                       ``Occupancy`` of a ``Position`` in an agency or jurisdiction,
                               ``Membership`` in an organization
``LegalCase`` and its parties  ``CourtCase`` and ``CourtCaseParty``
``Event``, ``Deployment``,     ``Event`` (keywords: the event's kind, ``deployment``,
``Ruling``,                    ``ruling``, ``control-transfer``; a transfer's new command is
``ControlTransfer``            its ``organizer``, the force and its home command ``involved``)
``Source``, ``Law``            ``Document`` (keywords: the source's kind, ``law``); every
                               entity's citations become its ``proof``
``Relation``                   ``UnknownLink`` with the predicate as ``role``
=============================  =================================================================

An entity's notes become FtM ``notes``. Statements, figures and provisions have no FtM schema
and are left out, and so are relations to them. Ids are spelled in FtM's grammar reversibly
(``agency:us/dhs`` → ``agencyCusSdhs``).
Dates are written at their precision without EDTF qualifiers or time of day (FtM holds the
years 1000 to 2999; a date outside them is left out); countries as
ISO 3166-1 codes taken from the OCD division ids.

>>> from policyconflict import Person, Story
>>> story = Story(id="s", title="T", persons=(Person(id="person:a", name="Ann Lee"),))
>>> to_ftm(story)
[{'id': 'personCa', 'schema': 'Person', 'properties': {'name': ['Ann Lee']}}]
>>> [e.name for e in from_ftm(to_ftm(story)).entities]
['Ann Lee']

The writer needs no third-party package; checking its output with the ``followthemoney``
package (the ``ftm`` extra) is what the tests do.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import IO, Any, Final
from unicodedata import category, normalize

import attrs
import orjson

from policyconflict.dates import OPEN, UNKNOWN, PartialDate, Period
from policyconflict.ids import ID_PATTERN, IdScheme
from policyconflict.interop._common import (
    InteropError,
    Reading,
    Unmapped,
    country_code,
    iso_date,
    transfer_text,
)
from policyconflict.interop._ftmids import decode, encode
from policyconflict.model import (
    Agency,
    AgencyKind,
    Citation,
    Deployment,
    Event,
    EventKind,
    ExternalId,
    Jurisdiction,
    JurisdictionLevel,
    LegalCase,
    Organization,
    OrganizationKind,
    Participant,
    Party,
    PartyRole,
    Person,
    Predicate,
    Relation,
    Role,
    Source,
    SourceKind,
)
from policyconflict.story import Entity, Story

__all__ = ["from_ftm", "to_ftm", "write_ftm"]

FtmEntity = dict[str, Any]

_FTM_YEARS = (1000, 2999)
"""The years FtM's date type accepts; dates outside them are left out."""
_NAMED = frozenset({"Person", "PublicBody", "Organization", "Position", "CourtCase", "Event"})
_THINGS: tuple[str, ...] = ("person", "agency", "jurisdiction", "organization", "legal_case")
_THINGS += ("event", "deployment", "control_transfer", "ruling", "source", "law")


class _Out:
    def __init__(self) -> None:
        self.entities: list[FtmEntity] = []

    def add(self, schema: str, ftm_id: str, **props: Any) -> None:
        properties: dict[str, list[str]] = {}
        for name, value in props.items():
            values = [value] if isinstance(value, str) else list(value or ())
            cleaned = (_clean(v) for v in values if v is not None)
            values = list(dict.fromkeys(c for c in cleaned if c))
            if values:
                properties[name] = values
        if schema in _NAMED and "name" not in properties:
            properties["name"] = [ftm_id]
        self.entities.append({"id": ftm_id, "schema": schema, "properties": properties})


def _clean(text: str) -> str:
    """Text as FtM keeps it: without control or format characters, white space as single
    spaces."""
    kept = (" " if ch.isspace() else ch for ch in text if ch.isspace() or category(ch)[0] != "C")
    return normalize("NFC", " ".join("".join(kept).split()))


def _proof(sources: tuple[Citation, ...]) -> list[str]:
    return [encode(c.source) for c in sources]


def _wikidata(external_ids: tuple[ExternalId, ...]) -> list[str]:
    return [e.value for e in external_ids if e.scheme is IdScheme.WIKIDATA]


def _date(date: PartialDate | None) -> str | None:
    if date is None or not _FTM_YEARS[0] <= date.year <= _FTM_YEARS[1]:
        return None
    return iso_date(date)


def _span(period: Period | None) -> tuple[str | None, str | None]:
    if period is None:
        return None, None
    start = period.start if isinstance(period.start, PartialDate) else None
    end = period.end if isinstance(period.end, PartialDate) else None
    return _date(start), _date(end)


def to_ftm(story: Story) -> list[FtmEntity]:
    """The story as FtM entity dicts, in a stable order (kind by kind, then by id)."""
    story = story.canonical()
    out = _Out()
    exported = {e.id for e in story.entities() if e.kind_name in _THINGS}
    names: dict[str, str] = {j.id: j.name for j in story.jurisdictions}
    names |= {a.id: a.name for a in story.agencies}
    names |= {o.id: o.name for o in story.organizations}
    for source in story.sources:
        out.add(
            "Document",
            encode(source.id),
            fileName=source.id,
            title=source.title,
            # An empty query or fragment means nothing; FtM's URL type drops it.
            sourceUrl=source.url.rstrip("?#") if source.url else None,
            author=source.authors,
            publishedAt=_date(source.published),
            publisher=names.get(source.publisher or ""),
            keywords=source.kind.value,
        )
    for place in story.jurisdictions:
        out.add(
            "PublicBody",
            encode(place.id),
            name=place.name,
            alias=place.aliases,
            classification=place.level_name or place.level.value,
            keywords=["jurisdiction", place.level.value],
            country=country_code(place.id),
            parent=encode(place.parent) if place.parent in exported else None,
            wikidataId=_wikidata(place.external_ids),
            proof=_proof(place.sources),
        )
    for agency in story.agencies:
        out.add(
            "PublicBody",
            encode(agency.id),
            name=agency.name,
            abbreviation=agency.abbreviation,
            alias=agency.aliases,
            classification=agency.kind.value,
            jurisdiction=country_code(agency.jurisdiction),
            parent=encode(agency.parent) if agency.parent else None,
            wikidataId=_wikidata(agency.external_ids),
            proof=_proof(agency.sources),
        )
    for org in story.organizations:
        out.add(
            "Organization",
            encode(org.id),
            name=org.name,
            abbreviation=org.abbreviation,
            alias=org.aliases,
            classification=org.kind.value,
            jurisdiction=country_code(org.jurisdiction),
            wikidataId=_wikidata(org.external_ids),
            proof=_proof(org.sources),
        )
    for person in story.persons:
        out.add(
            "Person",
            encode(person.id),
            name=person.name,
            alias=person.aliases,
            wikidataId=_wikidata(person.external_ids),
            proof=_proof(person.sources),
        )
    _roles(story, out, names)
    _cases(story, out)
    _happenings(story, out, names, exported)
    for law in story.laws:
        out.add(
            "Document",
            encode(law.id),
            fileName=law.identifier or law.id,
            title=law.title,
            keywords=["law", law.kind.value],
            date=_date(law.signed or law.effective),
            country=country_code(law.jurisdiction),
            publisher=names.get(law.issuer or ""),
            proof=_proof(law.sources),
        )
    for rel in story.relations:
        if rel.subject in exported and rel.object in exported:
            start, end = _span(rel.period)
            out.add(
                "UnknownLink",
                encode(rel.id),
                subject=encode(rel.subject),
                object=encode(rel.object),
                role=rel.predicate.value,
                description=rel.description,
                startDate=start,
                endDate=end,
                proof=_proof(rel.sources),
            )
    _add_notes(out.entities, story)
    return out.entities


_WITH_NOTES: Final = _NAMED | {"Document"}
"""The schemas written here that have FtM's ``notes`` property (FtM's things; its intervals,
such as ``Occupancy`` for a role and ``CourtCaseParty``, have none, so a role's notes are not
written)."""


def _add_notes(entities: list[FtmEntity], story: Story) -> None:
    """Each exported entity's notes as FtM's ``notes`` property, where its schema has one."""
    notes = {encode(e.id): [n.text for n in e.notes] for e in story.entities() if e.notes}
    for entity in entities:
        texts = notes.get(entity["id"])
        if texts and entity["schema"] in _WITH_NOTES:
            cleaned = [c for c in dict.fromkeys(_clean(t) for t in texts) if c]
            if cleaned:  # a note of control characters alone has nothing FtM keeps
                entity["properties"]["notes"] = cleaned


def _roles(story: Story, out: _Out, names: Mapping[str, str]) -> None:
    public = {a.id for a in story.agencies} | {j.id for j in story.jurisdictions}
    for role in story.roles:
        start, end = _span(role.period)
        status = "acting" if role.acting else None
        if role.organization in public:
            post = encode(role.id) + "-post"
            out.add(
                "Position",
                post,
                name=f"{role.title}, {names[role.organization]}",
                organization=encode(role.organization),
                proof=_proof(role.sources),
            )
            out.add(
                "Occupancy",
                encode(role.id),
                holder=encode(role.person),
                post=post,
                startDate=start,
                endDate=end,
                status=status,
                description=role.title,
                proof=_proof(role.sources),
            )
        else:
            out.add(
                "Membership",
                encode(role.id),
                member=encode(role.person),
                organization=encode(role.organization),
                role=role.title,
                startDate=start,
                endDate=end,
                status=status,
                proof=_proof(role.sources),
            )


def _cases(story: Story, out: _Out) -> None:
    courts = {a.id: a.name for a in story.agencies}
    for case in story.legal_cases:
        out.add(
            "CourtCase",
            encode(case.id),
            name=case.name,
            caseNumber=[d.number for d in case.dockets],
            court=[courts[d.court] for d in case.dockets],
            fileDate=_date(case.filed),
            proof=_proof(case.sources),
        )
        for i, party in enumerate(case.parties):
            start, end = _span(party.period)
            out.add(
                "CourtCaseParty",
                f"{encode(case.id)}-party-{i}",
                case=encode(case.id),
                party=encode(party.entity),
                role=party.role.value,
                startDate=start,
                endDate=end,
                description=party.note,
            )


def _happenings(story: Story, out: _Out, names: Mapping[str, str], exported: set[str]) -> None:
    actors = {p.id for p in story.persons} | {a.id for a in story.agencies}
    actors |= {o.id for o in story.organizations} | {j.id for j in story.jurisdictions}
    for event in story.events:
        start, end = _span(event.period)
        out.add(
            "Event",
            encode(event.id),
            name=event.name,
            startDate=start,
            endDate=end,
            summary=event.outcome,
            keywords=event.kind.value,
            involved=[encode(p.entity) for p in event.participants if p.entity in actors],
            country=[country_code(p) for p in event.places],
            proof=_proof(event.sources),
        )
    for dep in story.deployments:
        start, end = _span(dep.period)
        out.add(
            "Event",
            encode(dep.id),
            name=dep.name or f"Deployment by {names[dep.agency]}",
            startDate=start,
            endDate=end,
            summary=dep.purpose,
            keywords="deployment",
            organizer=encode(dep.agency),
            involved=[encode(a) for a in (*dep.in_support_of, *(u.unit for u in dep.units))],
            country=[country_code(p) for p in dep.targets],
            proof=_proof(dep.sources),
        )
    for transfer in story.control_transfers:
        start, end = _span(transfer.period)
        out.add(
            "Event",
            encode(transfer.id),
            name=transfer_text(transfer, story),
            startDate=start,
            endDate=end,
            summary=transfer.legal_status,
            keywords="control-transfer",
            organizer=encode(transfer.to_command) if transfer.to_command in actors else None,
            involved=[
                encode(x) for x in (transfer.force, transfer.from_command or "") if x in actors
            ],
            proof=_proof(transfer.sources),
        )
    for ruling in story.rulings:
        out.add(
            "Event",
            encode(ruling.id),
            name=f"{ruling.kind.value.replace('-', ' ')} ({names[ruling.court]})",
            date=_date(ruling.date),
            summary=ruling.summary,
            keywords=["ruling", ruling.kind.value],
            involved=[encode(ruling.court), *(encode(j) for j in ruling.judges)],
            proof=_proof(ruling.sources),
        )


def write_ftm(story: Story, out: IO[bytes]) -> int:
    """Write :func:`to_ftm` of ``story`` to a binary file, one JSON entity a line (the form
    ``ftm`` tools read); return how many entities were written."""
    entities = to_ftm(story)
    for entity in entities:
        out.write(orjson.dumps(entity) + b"\n")
    return len(entities)


# -- reading ------------------------------------------------------------------------------------


def _values(entity: Mapping[str, Any], name: str) -> list[str]:
    props = entity.get("properties") or {}
    values = props.get(name) or []
    return [v.strip() for v in values if isinstance(v, str) and v.strip()]


def _first(entity: Mapping[str, Any], name: str) -> str | None:
    values = _values(entity, name)
    return values[0] if values else None


def _parse_date(text: str | None) -> PartialDate | None:
    if text is None:
        return None
    return PartialDate.parse(text[:10])


def _period(entity: Mapping[str, Any]) -> Period:
    start = _parse_date(_first(entity, "startDate"))
    end = _parse_date(_first(entity, "endDate"))
    return Period(start=start or UNKNOWN, end=end or (OPEN if start else UNKNOWN))


def _enum(cls: Any, values: Iterable[str], default: Any) -> Any:
    for value in values:
        if value in cls._value2member_map_:
            return cls(value)
    return default


def from_ftm(entities: Iterable[Mapping[str, Any]]) -> Reading:
    """Model entities from FtM entity dicts (as :func:`to_ftm` writes, or from other tools).

    Mapped back: ``Person``; ``PublicBody`` (an ``Agency``, or a ``Jurisdiction`` when it has
    the ``jurisdiction`` keyword); ``Organization`` and ``Company``; ``Document`` (a
    ``Source``); ``CourtCase`` with its ``CourtCaseParty`` links; ``Event`` and deployment
    events; ``Membership`` and ``Occupancy`` (a ``Role``); ``UnknownLink`` whose role is a
    predicate (a ``Relation``). Every other entity, and one whose references do not resolve,
    is reported in ``Reading.unmapped`` with the reason. Ids come back through the
    reverse of the id spelling; citations from ``proof``.
    """
    records = list(entities)
    by_id: dict[str, tuple[int, Mapping[str, Any]]] = {}
    for i, record in enumerate(records):
        if not isinstance(record, Mapping) or not isinstance(record.get("id"), str):
            raise InteropError(f"FtM entity {i} is not an object with a string id")
        by_id[record["id"]] = (i, record)
    reader = _Reader(by_id)
    for i, record in enumerate(records):
        reader.node(i, record)
    for i, record in enumerate(records):
        reader.edge(i, record)
    for case_id, parties in reader.parties.items():
        case = reader.mapped[case_id]
        assert isinstance(case, LegalCase)
        reader.mapped[case_id] = attrs.evolve(case, parties=tuple(parties))
    order = sorted(reader.mapped.values(), key=lambda e: e.id)
    unmapped = sorted(reader.unmapped, key=lambda u: u.index)
    return Reading(entities=tuple(order), unmapped=tuple(unmapped), read=len(records))


class _Reader:
    def __init__(self, by_id: Mapping[str, tuple[int, Mapping[str, Any]]]) -> None:
        self.by_id = by_id
        self.mapped: dict[str, Entity] = {}
        self.kinds: dict[str, str] = {}
        self.parties: dict[str, list[Party]] = {}
        self.unmapped: list[Unmapped] = []

    def skip(self, i: int, record: Mapping[str, Any], reason: str) -> None:
        self.unmapped.append(Unmapped(index=i, record_id=record["id"], reason=reason))

    def ref(self, ftm_id: str | None, *kinds: str) -> str | None:
        if ftm_id is None:
            return None
        our = decode(ftm_id)
        return our if self.kinds.get(our) in kinds else None

    def cites(self, record: Mapping[str, Any]) -> tuple[Citation, ...]:
        found = [self.ref(p, "source") for p in _values(record, "proof")]
        return tuple(Citation(source=s) for s in dict.fromkeys(found) if s is not None)

    def node(self, i: int, record: Mapping[str, Any]) -> None:
        schema = record.get("schema")
        our = decode(record["id"])
        if ID_PATTERN.fullmatch(our) is None:
            self.skip(i, record, f"id {record['id']!r} cannot be spelled as a library id")
            return
        keywords = _values(record, "keywords")
        name = _first(record, "name")
        try:
            entity = self._node(schema, our, record, keywords, name)
        except ValueError as error:
            self.skip(i, record, f"{schema}: {error}")
            return
        if entity is None:
            if schema not in _EDGES:
                self.skip(i, record, f"schema {schema!r} has no counterpart in the model")
            return
        self.mapped[our] = entity
        self.kinds[our] = entity.kind_name

    def _node(
        self,
        schema: Any,
        our: str,
        record: Mapping[str, Any],
        keywords: list[str],
        name: str | None,
    ) -> Entity | None:
        if schema in ("Document", "Article"):
            if "law" in keywords:
                raise ValueError("a law needs its jurisdiction and kind, which FtM does not hold")
            title = _first(record, "title") or _first(record, "fileName") or name
            if title is None:
                raise ValueError("a document without a title or file name")
            return Source(
                id=our,
                kind=_enum(
                    SourceKind,
                    keywords,
                    SourceKind.NEWS_ARTICLE if schema == "Article" else SourceKind.OTHER,
                ),
                title=title,
                url=_first(record, "sourceUrl"),
                authors=tuple(dict.fromkeys(_values(record, "author"))),
                published=_parse_date(_first(record, "publishedAt")),
            )
        if name is None:
            if schema in _EDGES or schema not in _NODES:
                return None
            raise _no_name()
        aliases = tuple(a for a in dict.fromkeys(_values(record, "alias")) if a != name)
        wikidata = tuple(
            ExternalId(scheme=IdScheme.WIKIDATA, value=q) for q in _values(record, "wikidataId")
        )
        if schema == "Person":
            return Person(id=our, name=name, aliases=aliases, external_ids=wikidata)
        if schema == "PublicBody" and "jurisdiction" in keywords:
            level = _enum(JurisdictionLevel, keywords, JurisdictionLevel.OTHER)
            return Jurisdiction(id=our, name=name, level=level, aliases=aliases)
        if schema == "PublicBody":
            return Agency(
                id=our,
                name=name,
                kind=_enum(AgencyKind, _values(record, "classification"), AgencyKind.OTHER),
                abbreviation=_first(record, "abbreviation"),
                aliases=aliases,
                external_ids=wikidata,
            )
        if schema in ("Organization", "Company"):
            return Organization(
                id=our,
                name=name,
                kind=_enum(
                    OrganizationKind,
                    _values(record, "classification"),
                    OrganizationKind.COMPANY if schema == "Company" else OrganizationKind.OTHER,
                ),
                abbreviation=_first(record, "abbreviation"),
                aliases=aliases,
                external_ids=wikidata,
            )
        if schema == "CourtCase":
            return LegalCase(id=our, name=name, filed=_parse_date(_first(record, "fileDate")))
        return None

    def edge(self, i: int, record: Mapping[str, Any]) -> None:
        schema = record.get("schema")
        our = decode(record["id"])
        if schema == "Position":
            return  # read with its occupancy
        if schema in _EDGES:
            try:
                entity = _EDGES[schema](self, our, record)
            except ValueError as error:
                self.skip(i, record, f"{schema}: {error}")
                return
            if entity is not None:
                self.mapped[our] = entity
                self.kinds[our] = entity.kind_name
            return
        if our in self.mapped:
            self.mapped[our] = _with_sources(self.mapped[our], self.cites(record))

    def unresolved(self, what: str, ftm_id: str | None) -> ValueError:
        return ValueError(f"{what} {ftm_id!r} is not an entity this reading mapped")

    def event(self, our: str, record: Mapping[str, Any]) -> Entity | None:
        keywords = _values(record, "keywords")
        name = _first(record, "name")
        if "ruling" in keywords:
            raise ValueError("a ruling needs its case and outcomes, which FtM does not hold")
        if "control-transfer" in keywords:
            raise ValueError(
                "a control transfer needs its force and both commands told apart, "
                "which an FtM Event does not hold"
            )
        if name is None:
            raise _no_name()
        period = _period(record)
        if period.start is UNKNOWN and _first(record, "date") is not None:
            period = Period.of(_parse_date(_first(record, "date")) or PartialDate(year=1))
        involved = [self.ref(x, *_ACTORS) for x in _values(record, "involved")]
        if "deployment" in keywords:
            agency = self.ref(_first(record, "organizer"), "agency")
            if agency is None:
                raise self.unresolved("organizer", _first(record, "organizer"))
            return Deployment(
                id=our,
                agency=agency,
                name=name,
                purpose=_first(record, "summary"),
                period=period,
                in_support_of=tuple(
                    dict.fromkeys(x for x in involved if x and self.kinds[x] == "agency")
                ),
                sources=self.cites(record),
            )
        return Event(
            id=our,
            kind=_enum(EventKind, keywords, EventKind.OTHER),
            name=name,
            period=period,
            outcome=_first(record, "summary"),
            participants=tuple(Participant(entity=x) for x in dict.fromkeys(involved) if x),
            sources=self.cites(record),
        )

    def role(self, our: str, record: Mapping[str, Any]) -> Entity | None:
        if record.get("schema") == "Occupancy":
            person_ref = _first(record, "holder")
            post_id = _first(record, "post")
            post = self.by_id.get(post_id or "", (0, {}))[1]
            org_ref = _first(post, "organization")
            title = _first(record, "description") or _first(post, "name")
        else:
            person_ref = _first(record, "member")
            org_ref = _first(record, "organization")
            title = _first(record, "role")
        person = self.ref(person_ref, "person")
        org = self.ref(org_ref, "agency", "organization", "jurisdiction")
        if person is None:
            raise self.unresolved("person", person_ref)
        if org is None:
            raise self.unresolved("organization", org_ref)
        if title is None:
            raise ValueError("a role without a title")
        return Role(
            id=our,
            person=person,
            organization=org,
            title=title,
            period=_period(record),
            acting=_first(record, "status") == "acting",
            sources=self.cites(record),
        )

    def party(self, our: str, record: Mapping[str, Any]) -> Entity | None:
        case = self.ref(_first(record, "case"), "legal_case")
        entity = self.ref(_first(record, "party"), *_ACTORS)
        if case is None:
            raise self.unresolved("case", _first(record, "case"))
        if entity is None:
            raise self.unresolved("party", _first(record, "party"))
        start, end = _first(record, "startDate"), _first(record, "endDate")
        period = _period(record) if start or end else None
        role = _enum(PartyRole, _values(record, "role"), PartyRole.OTHER)
        note = _first(record, "description")
        self.parties.setdefault(case, []).append(
            Party(entity=entity, role=role, period=period, note=note)
        )
        return None

    def link(self, our: str, record: Mapping[str, Any]) -> Entity | None:
        predicate = _enum(Predicate, _values(record, "role"), None)
        if predicate is None:
            raise ValueError(f"role {_first(record, 'role')!r} is not a relation predicate")
        subject = self.ref(_first(record, "subject"), *_THINGS)
        obj = self.ref(_first(record, "object"), *_THINGS)
        if subject is None:
            raise self.unresolved("subject", _first(record, "subject"))
        if obj is None:
            raise self.unresolved("object", _first(record, "object"))
        start, end = _first(record, "startDate"), _first(record, "endDate")
        return Relation(
            id=our,
            subject=subject,
            predicate=predicate,
            object=obj,
            description=_first(record, "description"),
            period=_period(record) if start or end else None,
            sources=self.cites(record),
        )


_NODES = ("Person", "PublicBody", "Organization", "Company", "CourtCase")
_ACTORS = ("person", "agency", "organization", "jurisdiction")
_EDGES: dict[str, Any] = {
    "Event": _Reader.event,
    "Membership": _Reader.role,
    "Occupancy": _Reader.role,
    "CourtCaseParty": _Reader.party,
    "UnknownLink": _Reader.link,
    "Position": None,
}


def _no_name() -> ValueError:
    return ValueError("an entity without a name")


def _with_sources(entity: Entity, sources: tuple[Citation, ...]) -> Entity:
    if not sources or not hasattr(entity, "sources") or isinstance(entity, Source):
        return entity
    evolve: Any = attrs.evolve
    return evolve(entity, sources=sources)  # type: ignore[no-any-return]
