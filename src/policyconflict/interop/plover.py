"""PLOVER political event records, both ways.

`PLOVER <https://github.com/openeventdata/PLOVER>`_ codes a news sentence as an event type
between source and target actors. :func:`read_plover` reads records (strict JSON, or the
relaxed JSON of PLOVER's own files: objects one after another, trailing commas) into model
entities, and :func:`to_plover` writes statements and events out as records.

Reading, record by record:

* **actors**: a country code (ISO 3166-1 alpha-3) becomes the country's
  :class:`~policyconflict.model.Jurisdiction` (through the gazetteer); with a government sector
  (``GOV``, ``MIL``, ``COP``, ``LEG``, ``JUD``, ``SPY``) the country's
  :class:`~policyconflict.model.Agency` of that kind ("Government of Hungary"); with another
  sector (``REB``, ``CVL``, ``OPP``, ``MED``, ``PTY``, ...; a suffix such as ``CVLalb`` is an
  ethnic or religious detail and is read as the first three letters) an
  :class:`~policyconflict.model.Organization` named by the actor's text, in that country.
  ``IGO`` and ``NGO`` (no country) are international and non-governmental organizations;
  ``***`` means "sector not coded".
* **verbal events** become :class:`~policyconflict.model.Statement` s of each source actor with
  a stance toward each target: cooperation (``AGREE``, ``SUPPORT``, ``CONCEDE``) is *support*,
  ``CONSULT`` *neutral*, conflict (``DEMAND``, ``DISAPPROVE``, ``REJECT``, ``THREATEN``)
  *oppose*. **material events** (``PROTEST``, ``ASSAULT``, ``MOBILIZE``, ``COERCE``,
  ``FIGHT``, ``SANCTION``, ``AID``, ``COOPERATE``, ``RETREAT``, ``INVESTIGATE``) become
  :class:`~policyconflict.model.Event` s with the actors as participants (role ``source`` or
  ``target``) and the ``eventLoc`` country as place.
* the coded sentence is the citation's quote; the citation's note keeps the coding (record id,
  event type, event text, context, mode) as JSON after the word ``PLOVER``, so that the
  writer can give the same record back.

A record that cannot be mapped (a documentation record, an actor code that is not a country
the gazetteer holds, no source actor, an id used by an earlier record) is reported in
``Reading.unmapped`` with the reason; so is a record that cannot
even be read (broken JSON).

>>> reading = read_plover('''[{"id": "R1", "date": "2020-02-14", "event": "REJECT",
...   "eventText": "rejected", "text": "Mexico rejected the US plan.",
...   "source": [{"actorText": "Mexico", "code": "MEX", "sector": "GOV"}],
...   "target": [{"actorText": "US", "code": "USA", "sector": "GOV"}],}]''')
>>> [e.kind_name for e in reading.entities]
['agency', 'agency', 'jurisdiction', 'jurisdiction', 'source', 'statement']
>>> to_plover(reading.entities)[0]["event"]
'REJECT'
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Iterator, Mapping
from typing import Any, Final

import orjson

from policyconflict.dates import PartialDate, Period
from policyconflict.errors import PolicyConflictError
from policyconflict.ids import agency_id, derive_id, organization_id, slugify
from policyconflict.interop._alpha3 import ALPHA3
from policyconflict.interop._common import (
    InteropError,
    Reading,
    Unmapped,
    iso_date,
    warn_not_exported,
)
from policyconflict.model import (
    Agency,
    AgencyKind,
    Citation,
    ControlTransfer,
    Event,
    EventKind,
    Jurisdiction,
    Organization,
    OrganizationKind,
    Participant,
    Position,
    QuoteForm,
    Source,
    SourceKind,
    Stance,
    Statement,
)
from policyconflict.story import Entity

__all__ = ["EVENT_TYPES", "STANCES", "read_plover", "to_plover"]

STANCES: Final = {
    "AGREE": Stance.SUPPORT,
    "SUPPORT": Stance.SUPPORT,
    "CONCEDE": Stance.SUPPORT,
    "CONSULT": Stance.NEUTRAL,
    "DEMAND": Stance.OPPOSE,
    "DISAPPROVE": Stance.OPPOSE,
    "REJECT": Stance.OPPOSE,
    "THREATEN": Stance.OPPOSE,
}
"""PLOVER's verbal event types → the stance of the statement."""
EVENT_TYPES: Final = {
    "PROTEST": EventKind.PROTEST,
    "ASSAULT": EventKind.OTHER,
    "MOBILIZE": EventKind.OTHER,
    "COERCE": EventKind.OTHER,
    "FIGHT": EventKind.OTHER,
    "SANCTION": EventKind.OTHER,
    "AID": EventKind.OTHER,
    "COOPERATE": EventKind.OTHER,
    "RETREAT": EventKind.OTHER,
    "INVESTIGATE": EventKind.OTHER,
}
"""PLOVER's material event types → the kind of event."""
_WRITE_STANCE: Final = {
    Stance.SUPPORT: "SUPPORT",
    Stance.OPPOSE: "DISAPPROVE",
    Stance.NEUTRAL: "CONSULT",
    Stance.MIXED: "CONSULT",
}
_WRITE_KIND: Final = {
    EventKind.PROTEST: "PROTEST",
    EventKind.ARREST: "COERCE",
    EventKind.DETENTION: "COERCE",
    EventKind.RAID: "COERCE",
}
_GOVERNMENT: Final = {
    "GOV": (AgencyKind.EXECUTIVE, "Government"),
    "MIL": (AgencyKind.MILITARY, "Military"),
    "COP": (AgencyKind.POLICE, "Police"),
    "LEG": (AgencyKind.LEGISLATURE, "Legislature"),
    "JUD": (AgencyKind.COURT, "Judiciary"),
    "SPY": (AgencyKind.AGENCY, "Intelligence service"),
}
_SECTOR_OF_KIND: Final = {kind: sector for sector, (kind, _) in _GOVERNMENT.items()}
_ORG_KINDS: Final = {
    "PTY": OrganizationKind.PARTY,
    "OPP": OrganizationKind.PARTY,
    "MED": OrganizationKind.PUBLISHER,
    "JRN": OrganizationKind.PUBLISHER,
    "LAB": OrganizationKind.UNION,
    "EDU": OrganizationKind.ACADEMIC,
    "BUS": OrganizationKind.COMPANY,
}
_SECTOR_OF_ORG: Final = {
    OrganizationKind.PARTY: "PTY",
    OrganizationKind.PUBLISHER: "MED",
    OrganizationKind.UNION: "LAB",
    OrganizationKind.ACADEMIC: "EDU",
    OrganizationKind.COMPANY: "BUS",
}
_INTERNATIONAL: Final = {"IGO": OrganizationKind.INTERNATIONAL, "NGO": OrganizationKind.NGO}
_ALPHA2_TO_3: Final = {two: three for three, two in ALPHA3.items()}
_NOTE: Final = "PLOVER "
_TRAILING_COMMA: Final = re.compile(r",(\s*[}\]])")


class _Unmappable(PolicyConflictError, ValueError):
    """A record that cannot be mapped (the reason is the message)."""


# -- reading the relaxed text --------------------------------------------------------------


def _objects(text: str) -> Iterator[str]:
    """The text of each top-level ``{...}`` object, found by matching braces outside strings."""
    depth = 0
    start = 0
    in_string = escaped = False
    for i, ch in enumerate(text):
        if in_string:
            if escaped:
                escaped = False
            elif ch == "\\":
                escaped = True
            elif ch == '"':
                in_string = False
        elif ch == '"':
            in_string = True
        elif ch == "{":
            if depth == 0:
                start = i
            depth += 1
        elif ch == "}" and depth:
            depth -= 1
            if depth == 0:
                yield text[start : i + 1]
    if depth:
        yield text[start:]


def _parse(chunk: str) -> Any:
    """One record: strict JSON, or with the trailing commas PLOVER's files have removed
    (outside strings only: the braces scan above already found the object's bounds)."""
    try:
        return json.loads(chunk)
    except json.JSONDecodeError:
        return json.loads(_strip_trailing_commas(chunk))


def _strip_trailing_commas(chunk: str) -> str:
    out: list[str] = []
    in_string = escaped = False
    for ch in chunk:
        if in_string:
            if escaped:
                escaped = False
            elif ch == "\\":
                escaped = True
            elif ch == '"':
                in_string = False
        elif ch == '"':
            in_string = True
        elif ch in "}]":
            # a comma before the closing bracket (white space between) is dropped
            at = len(out) - 1
            while at >= 0 and out[at].isspace():
                at -= 1
            if at >= 0 and out[at] == ",":
                del out[at]
        out.append(ch)
    return "".join(out)


# -- mapping --------------------------------------------------------------------------------


class _Mapper:
    def __init__(self) -> None:
        from policyconflict.gazetteer import default_gazetteer

        self.gazetteer = default_gazetteer()
        self.entities: dict[str, Entity] = {}

    def country(self, alpha2: str) -> Jurisdiction:
        place = self.gazetteer.by_iso3166(alpha2)
        return Jurisdiction.from_place(place)

    def actor(self, actor: Any, record_id: str) -> list[Entity]:
        """The entities of one actor, the actor itself first."""
        if not isinstance(actor, Mapping):
            raise _Unmappable(f"an actor is not an object: {actor!r}")
        code = str(actor.get("code") or "").strip().upper()
        text = str(actor.get("actorText") or "").strip()
        sector = str(actor.get("sector") or "").strip()
        sector = "" if sector.startswith("*") else sector[:3].upper()
        if code in _INTERNATIONAL:
            if not text:
                raise _Unmappable(f"{code} actor without actorText")
            return [Organization(id=organization_id(text), name=text, kind=_INTERNATIONAL[code])]
        alpha2 = ALPHA3.get(code)
        if alpha2 is None:
            raise _Unmappable(
                f"actor code {code!r} is not the ISO 3166-1 alpha-3 code of a country the "
                "gazetteer holds (nor IGO or NGO)"
            )
        country = self.country(alpha2)
        if not sector:
            return [country]
        if sector in _GOVERNMENT:
            kind, word = _GOVERNMENT[sector]
            name = f"{word} of {country.name}"
            agency = Agency(
                id=agency_id(word, within=country.id), name=name, kind=kind, jurisdiction=country.id
            )
            return [agency, country]
        if not text:
            raise _Unmappable(f"actor {code}/{sector} without actorText")
        org = Organization(
            id=organization_id(f"{text} {code}"),
            name=text,
            kind=_ORG_KINDS.get(sector, OrganizationKind.OTHER),
            jurisdiction=country.id,
        )
        return [org, country]

    def actors(self, value: Any, record_id: str) -> tuple[list[str], list[Entity]]:
        if value is None or value == "":
            return [], []
        if not isinstance(value, list):
            raise _Unmappable(f"actors are not a list: {value!r}")
        ids: list[str] = []
        found: list[Entity] = []
        for actor in value:
            entities = self.actor(actor, record_id)
            ids.append(entities[0].id)
            found += entities
        return list(dict.fromkeys(ids)), found

    def record(self, record: Any) -> list[Entity]:
        if not isinstance(record, Mapping):
            raise _Unmappable("not a JSON object")
        record_id = record.get("id")
        event = record.get("event")
        if event == "DOCUMENT":
            raise _Unmappable("a documentation record, not a coded event")
        if not isinstance(record_id, str) or not record_id.strip():
            raise _Unmappable("a record without an id")
        if event not in STANCES and event not in EVENT_TYPES:
            raise _Unmappable(f"event type {event!r} is not one this reader maps")
        text = record.get("text")
        if not isinstance(text, str) or not text.strip():
            raise _Unmappable("a record without its coded text")
        sources, source_entities = self.actors(record.get("source"), record_id)
        if not sources:
            raise _Unmappable("a record without a source actor")
        targets, target_entities = self.actors(record.get("target"), record_id)
        date = _date(record.get("date"))
        publication = str(record.get("publication") or "PLOVER records").strip()
        source = Source(
            id=derive_id("source", "plover", slugify(publication)),
            kind=SourceKind.DATASET,
            title=publication,
        )
        coding = {
            k: record[k]
            for k in ("id", "event", "eventText", "context", "mode")
            if record.get(k) not in (None, "")
        }
        citation = Citation(
            source=source.id,
            quote=" ".join(text.split()),
            note=_NOTE + orjson.dumps(coding, option=orjson.OPT_SORT_KEYS).decode(),
        )
        base = derive_id("plover", slugify(record_id, max_length=80))
        made: list[Entity] = [source, *source_entities, *target_entities]
        if event in STANCES:
            stance = STANCES[event]
            for speaker in sources:
                made.append(
                    Statement(
                        id=f"statement:{base}/{speaker}".replace("plover:", "plover/", 1),
                        speaker=speaker,
                        text=citation.quote or text,
                        form=QuoteForm.PARAPHRASE,
                        date=date,
                        language=_language(record.get("language")),
                        positions=tuple(
                            Position(target=t, stance=stance) for t in targets if t != speaker
                        ),
                        sources=(citation,),
                    )
                )
        else:
            places: tuple[str, ...] = ()
            location = record.get("eventLoc")
            if isinstance(location, Mapping) and location.get("country code"):
                place = self.country(str(location["country code"]).upper())
                made.append(place)
                places = (place.id,)
            participants = [Participant(entity=s, role="source") for s in sources]
            participants += [
                Participant(entity=t, role="target") for t in targets if t not in sources
            ]
            name = str(record.get("eventText") or event).strip() or str(event)
            made.append(
                Event(
                    id=f"event:{base}".replace("plover:", "plover/", 1),
                    kind=EVENT_TYPES[event],
                    name=name,
                    period=Period.of(date) if date is not None else Period(),
                    places=places,
                    participants=tuple(participants),
                    sources=(citation,),
                )
            )
        return made


def _date(value: Any) -> PartialDate | None:
    if value in (None, ""):
        return None
    try:
        return PartialDate.parse(str(value))
    except ValueError:
        raise _Unmappable(f"date {value!r} is not an ISO date") from None


def _language(value: Any) -> str | None:
    return value if isinstance(value, str) and re.fullmatch(r"[a-z]{2,3}", value) else None


def read_plover(text: str | bytes) -> Reading:
    """Every PLOVER record in ``text`` mapped into model entities (one entity per id, in id
    order), with every record that could not be read or mapped and why."""
    if isinstance(text, bytes):
        text = text.decode("utf-8")
    chunks = list(_objects(text))
    if not chunks and text.strip() not in ("", "[]"):
        raise InteropError("no PLOVER records found: expected JSON objects")
    mapper = _Mapper()
    unmapped: list[Unmapped] = []
    seen: dict[str, int] = {}
    for index, chunk in enumerate(chunks):
        try:
            record = _parse(chunk)
        except json.JSONDecodeError as error:
            unmapped.append(Unmapped(index=index, record_id=None, reason=f"not JSON: {error}"))
            continue
        record_id = record.get("id") if isinstance(record, Mapping) else None
        if isinstance(record_id, str) and record_id in seen:
            reason = f"the id repeats record {seen[record_id]}'s: ids must be unique"
            unmapped.append(Unmapped(index=index, record_id=record_id, reason=reason))
            continue
        if isinstance(record_id, str):
            seen[record_id] = index
        try:
            made = mapper.record(record)
        except (_Unmappable, LookupError, ValueError) as error:
            reason = str(error)
            unmapped.append(
                Unmapped(
                    index=index,
                    record_id=record_id if isinstance(record_id, str) else None,
                    reason=reason,
                )
            )
            continue
        for entity in made:
            mapper.entities.setdefault(entity.id, entity)
    entities = tuple(sorted(mapper.entities.values(), key=lambda e: (e.kind_name, e.id)))
    return Reading(entities=entities, unmapped=tuple(unmapped), read=len(chunks))


# -- writing --------------------------------------------------------------------------------


def _coding(sources: tuple[Citation, ...]) -> tuple[Citation | None, dict[str, Any]]:
    for citation in sources:
        if citation.note is not None and citation.note.startswith(_NOTE):
            try:
                coding = json.loads(citation.note[len(_NOTE) :])
            except json.JSONDecodeError:
                continue
            if isinstance(coding, dict):
                return citation, coding
    return (sources[0] if sources else None), {}


class _Writer:
    def __init__(self, entities: Iterable[Entity]) -> None:
        self.by_id = {e.id: e for e in entities}

    def alpha3(self, jurisdiction: str | None) -> str | None:
        match = re.match(r"ocd-division/country:([a-z]{2})", jurisdiction or "")
        return _ALPHA2_TO_3.get(match.group(1).upper()) if match else None

    def actor(self, entity_id: str) -> dict[str, str]:
        entity = self.by_id.get(entity_id)
        if isinstance(entity, Jurisdiction):
            return _actor(entity.name, self.alpha3(entity.id), None)
        if isinstance(entity, Agency):
            sector = _SECTOR_OF_KIND.get(entity.kind, "GOV")
            return _actor(entity.name, self.alpha3(entity.jurisdiction), sector)
        if isinstance(entity, Organization):
            for code, kind in _INTERNATIONAL.items():
                if entity.kind is kind and entity.jurisdiction is None:
                    return _actor(entity.name, code, None)
            sector = _SECTOR_OF_ORG.get(entity.kind, "CVL")
            return _actor(entity.name, self.alpha3(entity.jurisdiction), sector)
        name = getattr(entity, "name", entity_id)
        return _actor(str(name), None, None)


def _actor(text: str, code: str | None, sector: str | None) -> dict[str, str]:
    found = {"actorText": text}
    if code is not None:
        found["code"] = code
    if sector is not None:
        found["sector"] = sector
    return found


def to_plover(entities: Iterable[Entity]) -> list[dict[str, Any]]:
    """Statements and events as PLOVER records, in record-id order.

    A statement or event read by :func:`read_plover` is written back as its record (the
    statements of one record's source actors become one record again); any other statement
    becomes a ``SUPPORT``, ``DISAPPROVE`` or ``CONSULT`` record by its stance, any other event a
    ``PROTEST`` (protests), ``COERCE`` (arrests, detentions, raids) or ``MOBILIZE`` record.
    Actors are written with their country's alpha-3 code and their sector. A
    :class:`~policyconflict.model.ControlTransfer` has no PLOVER event type (PLOVER codes what
    actors do to one another, not who commands a force): it is not written, and a
    :class:`~policyconflict.interop.NotExportedWarning` names it.
    """
    items = list(entities)
    warn_not_exported(
        "PLOVER",
        "control_transfer",
        (e.id for e in items if isinstance(e, ControlTransfer)),
        "PLOVER has no event type for a transfer of command",
    )
    writer = _Writer(items)
    records: dict[str, dict[str, Any]] = {}
    for entity in items:
        if isinstance(entity, Statement):
            citation, coding = _coding(entity.sources)
            stance = entity.positions[0].stance if entity.positions else Stance.NEUTRAL
            record_id = coding.get("id", entity.id)
            record = records.setdefault(
                record_id,
                _record(
                    coding,
                    record_id,
                    _WRITE_STANCE[stance],
                    entity.date,
                    citation,
                    entity.text,
                    entity.language,
                    writer.by_id,
                ),
            )
            _add(record, "source", writer.actor(entity.speaker))
            for position in entity.positions:
                _add(record, "target", writer.actor(position.target))
        elif isinstance(entity, Event):
            citation, coding = _coding(entity.sources)
            record_id = coding.get("id", entity.id)
            start = entity.period.start if isinstance(entity.period.start, PartialDate) else None
            record = _record(
                coding,
                record_id,
                _WRITE_KIND.get(entity.kind, "MOBILIZE"),
                start,
                citation,
                entity.name,
                None,
                writer.by_id,
            )
            record.setdefault("eventText", entity.name)
            for participant in entity.participants:
                side = "target" if participant.role == "target" else "source"
                _add(record, side, writer.actor(participant.entity))
            for place in entity.places:
                match = re.match(r"ocd-division/country:([a-z]{2})$", place)
                if match:
                    found = writer.by_id.get(place)
                    record["eventLoc"] = {
                        "name": getattr(found, "name", match.group(1).upper()),
                        "country code": match.group(1).upper(),
                    }
            records[record_id] = record
    return [records[k] for k in sorted(records)]


def _record(
    coding: Mapping[str, Any],
    record_id: str,
    event: str,
    date: PartialDate | None,
    citation: Citation | None,
    text: str,
    language: str | None,
    sources: Mapping[str, Entity],
) -> dict[str, Any]:
    record: dict[str, Any] = {"id": record_id, "event": coding.get("event", event)}
    for key in ("eventText", "context", "mode"):
        if key in coding:
            record[key] = coding[key]
    if date is not None:
        record["date"] = iso_date(date)
    record["text"] = citation.quote if citation is not None and citation.quote else text
    if citation is not None and isinstance(sources.get(citation.source), Source):
        record["publication"] = sources[citation.source].title  # type: ignore[union-attr]
    if language is not None:
        record["language"] = language
    return record


def _add(record: dict[str, Any], side: str, actor: dict[str, str]) -> None:
    actors = record.setdefault(side, [])
    if actor not in actors:
        actors.append(actor)
