"""Identifiers: the id grammar, deterministic id helpers, and external id schemes.

Entity ids are readable, stable strings: lower-case letters, digits and ``._:/~#-``, starting
with a letter or digit, at most 300 characters (``person:eric-garcetti``,
``law:us/ca/2017-2018/sb-54``, ``ocd-division/country:us/state:ca``). The helpers below derive
them from identifying fields only, so two people entering the same story in any order get the
same ids.
"""

from __future__ import annotations

import enum
import re
import unicodedata
from typing import Final

from policyconflict.errors import ShapeError

__all__ = [
    "ID_PATTERN",
    "IdScheme",
    "agency_id",
    "case_id",
    "deployment_id",
    "derive_id",
    "event_id",
    "external_id_problem",
    "figure_id",
    "id_problem",
    "is_valid_id",
    "law_id",
    "ocd_division_problem",
    "organization_id",
    "person_id",
    "provision_id",
    "relation_id",
    "role_id",
    "ruling_id",
    "scope_of",
    "slugify",
    "source_id",
    "statement_id",
]

MAX_ID_LENGTH: Final = 300
ID_PATTERN: Final = re.compile(r"[a-z0-9][a-z0-9._:/~#-]{0,299}")
_OCD_DIVISION: Final = re.compile(r"ocd-division/country:[a-z]{2}(?:/[a-z_]+:[a-z0-9_.~'-]+)*")


def is_valid_id(value: object) -> bool:
    """Whether ``value`` is a string in the id grammar."""
    return isinstance(value, str) and ID_PATTERN.fullmatch(value) is not None


_ID_FIRST: Final = frozenset("abcdefghijklmnopqrstuvwxyz0123456789")
_ID_REST: Final = _ID_FIRST | frozenset("._:/~#-")
_ID_CHARS: Final = "lower-case a-z, 0-9 and ._:/~#-"


def id_problem(value: str) -> tuple[int, str] | None:
    """Where and why ``value`` is not in the id grammar: ``(position, reason)``, or ``None``.

    >>> id_problem("figure:x/2019-05-01?")
    (19, "character '?' is not allowed in an id (lower-case a-z, 0-9 and ._:/~#-)")
    >>> id_problem("person:ok") is None
    True
    """
    if not value:
        return 0, "an id cannot be empty"
    if value[0] not in _ID_FIRST:
        return 0, f"an id must start with a lower-case letter or a digit, not {value[0]!r}"
    for at, char in enumerate(value):
        if char not in _ID_REST:
            return (
                at,
                f"character {char!r} is not allowed in an id (lower-case a-z, 0-9 and ._:/~#-)",
            )
    if len(value) > MAX_ID_LENGTH:
        length = len(value)
        return MAX_ID_LENGTH, f"an id has at most {MAX_ID_LENGTH} characters, this has {length}"
    return None


def _check_id(value: str, what: str) -> str:
    """``value`` when it is a valid id; else a :class:`~policyconflict.errors.ShapeError` (also
    a :class:`ValueError`) naming the character at fault, with a caret under it."""
    problem = id_problem(value)
    if problem is None:
        return value
    at, reason = problem
    raise ShapeError(
        "bad-id",
        f"cannot make a valid {what}: {reason} at position {at}\n    {value}\n    {' ' * at}^",
    )


def slugify(text: str, *, max_length: int = 60) -> str:
    """Lower-case ASCII words joined by hyphens: ``"Eric Garcetti"`` → ``"eric-garcetti"``.

    Accents are folded (``"Peña"`` → ``"pena"``); other punctuation separates words. Raises
    :class:`ValueError` when nothing is left.
    """
    folded = "".join(map(_fold, unicodedata.normalize("NFKD", text)))
    words = re.findall(r"[a-z0-9]+(?:\.[a-z0-9]+)*", folded.lower())
    slug = ""
    for word in words:
        candidate = f"{slug}-{word}" if slug else word
        if len(candidate) > max_length:
            break
        slug = candidate
    if not slug:
        if words:
            return str(words[0])[:max_length]
        raise ValueError(f"no letters or digits to make an id from: {text!r}")
    return slug


def _fold(char: str) -> str:
    """An ASCII character stays; other letters, digits and accents are dropped; any other
    character (a dash, a curly quote, a non-breaking space) separates words."""
    if char.isascii():
        return char
    return "" if unicodedata.category(char)[0] in "LMN" else " "


_DATE_MARKS: Final = str.maketrans({":": "", "+": "p", "?": "u", "%": "u~"})


def _date_part(date: str | None) -> str:
    """EDTF date text fit for an id: ``2017-10-27T20:26+02:00`` → ``2017-10-27t2026p0200``,
    ``2020-02-14?`` → ``2020-02-14u``; no date → ``undated``."""
    return date.lower().translate(_DATE_MARKS) if date else "undated"


def _period_part(period: str) -> str:
    """EDTF interval text fit for an id: each end as :func:`_date_part` writes a date (an open
    end stays ``..``, an unknown one empty), joined by ``--``."""
    return "--".join(end.lower().translate(_DATE_MARKS) for end in period.split("/"))


def _digest(*parts: str) -> str:
    import hashlib  # here, not at the top: few programs make ids, and it is slow to import

    return hashlib.sha256("\x1f".join(parts).encode("utf-8")).hexdigest()[:8]


def scope_of(ref: str) -> str:
    """The readable path of an id, without its kind prefix, for nesting in another id.

    ``ocd-division/country:us/state:ca`` → ``us/ca``; ``agency:us/dhs`` → ``us/dhs``.
    """
    if ref.startswith("ocd-division/"):
        return "/".join(part.split(":", 1)[1] for part in ref.split("/")[1:])
    return ref.split(":", 1)[1] if ":" in ref else ref


def derive_id(kind: str, *parts: str) -> str:
    """``kind:part/part/...`` from already readable parts; checked against the id grammar."""
    value = f"{kind}:{'/'.join(p for p in parts if p)}"
    return _check_id(value, f"id from {kind!r} and {parts!r}")


def person_id(name: str, *, external_id: str | None = None) -> str:
    """``person:eric-garcetti``; with a distinguishing external id (``Q123``) it is appended."""
    tail = slugify(external_id, max_length=40) if external_id else ""
    return derive_id("person", slugify(name), tail)


def organization_id(name: str) -> str:
    """``org:american-civil-liberties-union``."""
    return derive_id("org", slugify(name))


def agency_id(name: str, *, within: str | None = None) -> str:
    """An agency id nested under a jurisdiction or a parent agency.

    ``agency_id("ICE", within="agency:us/dhs")`` → ``agency:us/dhs/ice``.
    """
    return derive_id("agency", scope_of(within) if within else "", slugify(name))


def law_id(jurisdiction: str, identifier: str, *, session: str | None = None) -> str:
    """A law id qualified by jurisdiction and legislative session.

    ``law_id("ocd-division/country:us/state:ca", "SB 54", session="2017-2018")`` →
    ``law:us/ca/2017-2018/sb-54``. Two "SB 4"s in different sessions or states never collide.
    """
    session_part = slugify(session, max_length=40) if session else ""
    return derive_id("law", scope_of(jurisdiction), session_part, slugify(identifier))


def provision_id(law: str, label: str) -> str:
    """A provision id inside its law: ``law:us/ca/2017-2018/sb-54#gov-code-7284.6``."""
    return _check_id(f"{law}#{slugify(label)}", f"provision id from {law!r} and {label!r}")


def role_id(person: str, organization: str, title: str, *, start: str | None = None) -> str:
    """A role from its holder, post and (when the same post is held twice) start date."""
    return derive_id(
        "role",
        scope_of(person),
        scope_of(organization).replace("/", "-"),
        slugify(title),
        _date_part(start) if start else "",
    )


def statement_id(speaker: str, date: str | None, text: str) -> str:
    """A statement from its speaker, date and text: readable words plus a digest of the text."""
    words = slugify(text, max_length=40)
    return derive_id("statement", scope_of(speaker), _date_part(date), f"{words}-{_digest(text)}")


def deployment_id(agency: str, start: str | None, name: str) -> str:
    """A deployment from its agency, start date and a name or purpose."""
    return derive_id("deployment", scope_of(agency), _date_part(start), slugify(name))


def event_id(kind: str, date: str | None, name: str) -> str:
    """An event from its kind, date and name."""
    return derive_id("event", slugify(kind), _date_part(date), slugify(name))


def figure_id(metric: str, subject: str | None, period: str | None, claimed_by: str | None) -> str:
    """A figure from its metric, subject, period and claimant.

    The period's ends are written as the other helpers write dates (``2019-05-01?`` →
    ``2019-05-01u``), joined by ``--``.
    """
    return derive_id(
        "figure",
        slugify(metric),
        scope_of(subject) if subject else "",
        _period_part(period) if period else "",
        f"by-{scope_of(claimed_by).replace('/', '-')}" if claimed_by else "",
    )


def relation_id(subject: str, predicate: str, obj: str, asserted_by: str | None = None) -> str:
    """A relation from its ends, predicate and who asserts it."""
    key = _digest(subject, predicate, obj, asserted_by or "")
    return derive_id("relation", slugify(predicate), key)


def source_id(publisher: str, published: str | None, title: str) -> str:
    """A source from its publisher, publication date and title."""
    return derive_id(
        "source", slugify(publisher, max_length=30), _date_part(published), slugify(title)
    )


def case_id(court: str, docket: str) -> str:
    """A legal case from the court it was filed in and the docket number there."""
    return derive_id("case", scope_of(court), slugify(docket))


def ruling_id(case: str, date: str, kind: str) -> str:
    """A ruling from its case, date and kind."""
    return derive_id("ruling", scope_of(case), _date_part(date), slugify(kind))


class IdScheme(enum.StrEnum):
    """Schemes of external identifiers, each validated by its own grammar."""

    WIKIDATA = "wikidata"
    ISO_3166_1 = "iso-3166-1"
    ISO_3166_2 = "iso-3166-2"
    CENSUS_GEOID = "census-geoid"
    OCD_DIVISION = "ocd-division"
    OCD_PERSON = "ocd-person"
    OCD_ORGANIZATION = "ocd-organization"


_SCHEME_PATTERNS: Final = {
    IdScheme.WIKIDATA: (re.compile(r"Q[1-9][0-9]*"), "a Wikidata item id like Q65"),
    IdScheme.ISO_3166_1: (re.compile(r"[A-Z]{2}"), "two capital letters like US"),
    IdScheme.ISO_3166_2: (re.compile(r"[A-Z]{2}-[A-Z0-9]{1,3}"), "a code like US-CA"),
    IdScheme.CENSUS_GEOID: (
        re.compile(r"[0-9]{2}(?:[0-9]{3}|[0-9]{5}|[0-9]{7})?"),
        "2, 5, 7 or 9 digits",
    ),
    IdScheme.OCD_DIVISION: (_OCD_DIVISION, "an OCD division id like ocd-division/country:us"),
    IdScheme.OCD_PERSON: (
        re.compile(r"ocd-person/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}"),
        "ocd-person/ followed by a UUID",
    ),
    IdScheme.OCD_ORGANIZATION: (
        re.compile(
            r"ocd-organization/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}"
        ),
        "ocd-organization/ followed by a UUID",
    ),
}


def external_id_problem(scheme: IdScheme, value: str) -> str | None:
    """Why ``value`` is not a valid id in ``scheme``, or ``None`` when it is."""
    pattern, expected = _SCHEME_PATTERNS[scheme]
    if pattern.fullmatch(value) is None:
        return f"{value!r} is not a valid {scheme.value} id: expected {expected}"
    return None


def ocd_division_problem(value: str) -> str | None:
    """Why ``value`` is not an OCD division id, or ``None`` when it is."""
    return external_id_problem(IdScheme.OCD_DIVISION, value)
