"""Strategies for the text-like values of the model: names, ids, topics, language tags, URLs and
external ids. Each is valid by construction: names are non-empty and trimmed, ids follow the id
grammar, external ids follow their scheme's grammar."""

from __future__ import annotations

import functools
from typing import Final

from hypothesis import strategies as st

from policyconflict.ids import IdScheme
from policyconflict.model.places import ExternalId

__all__ = [
    "entity_ids",
    "external_ids",
    "jurisdiction_ids",
    "language_tags",
    "names",
    "ocd_division_ids",
    "topics",
    "urls",
]

_LOWER: Final = "abcdefghijklmnopqrstuvwxyz"
_DIGITS: Final = "0123456789"
_ID_CHARS: Final = _LOWER + _DIGITS + "._:/~#-"
_OCD_PREFIX: Final = "ocd-division/"

# Names a reporter might write, and names that trip up naive code: accents, combining marks,
# right-to-left scripts, typographic quotes, zero-width joiners, emoji, embedded line breaks,
# a NUL byte, markup and backslashes. All are non-empty and trimmed.
_NAMED: Final = (
    "Los Angeles",
    "Eric Garcetti",
    "Immigration and Customs Enforcement",
    "São Paulo",
    "Zürich",
    "Ciudad de México",
    "Łódź",
    "Κρήτη",
    "東京都",
    "القاهرة",
    "O’Brien",
    "Jean-Luc d'Arc",
    "Straße",
    "e\u0301clair",
    "a\u200db",
    "\u202eevil",
    "🏛️ Capitol",
    '"quoted" name',
    "back\\slash",
    "line\nbreak",
    "tab\tinside",
    "nul\x00inside",
    "<b>markup</b>",
    "x",
    "0",
)

_WORDS: Final = (
    "sanctuary",
    "border",
    "patrol",
    "police",
    "county",
    "sheriff",
    "council",
    "federal",
    "state",
    "union",
    "advocates",
    "department",
    "office",
    "court",
)


def _trimmed(value: str) -> str:
    stripped = value.strip()
    return stripped if stripped else "?"


@functools.cache
def names(*, max_size: int = 24) -> st.SearchStrategy[str]:
    """Non-empty, trimmed text: plain words, tricky names, or arbitrary Unicode (no surrogates).

    Valid for every text field of the model (names, titles, quotes, notes).
    """
    words = st.lists(st.sampled_from(_WORDS), min_size=1, max_size=4).map(
        lambda ws: " ".join(ws).capitalize()
    )
    unicode = st.text(st.characters(codec="utf-8"), min_size=1, max_size=max_size).map(_trimmed)
    return st.one_of(words, st.sampled_from(_NAMED), unicode)


@functools.cache
def _slugs(max_words: int = 3) -> st.SearchStrategy[str]:
    word = st.text(_LOWER + _DIGITS, min_size=1, max_size=10)
    return st.lists(word, min_size=1, max_size=max_words).map("-".join)


@functools.cache
def topics() -> st.SearchStrategy[str]:
    """Lower-case hyphenated topic words (``immigration-enforcement``)."""
    return st.one_of(
        st.sampled_from(("immigration-enforcement", "sanctuary-policy", "non-detained-cases")),
        _slugs(),
    )


_EDGE_IDS: Final = (
    "a",
    "0",
    "a._:/~#-",
    "law:us/ca/2017-2018/sb-54#gov-code-7284.6",
    "z" * 300,
)


def _not_ocd(value: str) -> str:
    # Only jurisdictions check the OCD grammar of ids that start like one; keep other ids clear
    # of that prefix so that any generated id is valid for any kind.
    return "x" + value[:299] if value.startswith(_OCD_PREFIX) else value


@functools.cache
def entity_ids(kind: str | None = None) -> st.SearchStrategy[str]:
    """Ids in the id grammar: readable ``kind:slug/slug`` ids, raw ids using every allowed
    character, and edge cases (one character, 300 characters).

    ``kind`` (``"person"``) makes the readable ids look like that kind's; any kind may still get
    a raw id. No id starts with ``ocd-division/``: see :func:`jurisdiction_ids`.
    """
    prefix = kind.replace("_", "-") if kind else "entity"
    readable = st.lists(_slugs(), min_size=1, max_size=3).map(
        lambda parts: f"{prefix}:{'/'.join(parts)}"
    )
    raw = st.tuples(st.sampled_from(_LOWER + _DIGITS), st.text(_ID_CHARS, max_size=30)).map(
        lambda pair: _not_ocd(pair[0] + pair[1])
    )
    return st.one_of(readable, raw, st.sampled_from(_EDGE_IDS))


_OCD_TYPES: Final = ("state", "county", "place", "district", "cd", "sldl", "council_district")
_OCD_REAL: Final = (
    "ocd-division/country:us",
    "ocd-division/country:us/state:ca",
    "ocd-division/country:us/state:ca/place:los_angeles",
    "ocd-division/country:us/state:ca/county:los_angeles",
    "ocd-division/country:es/autonomous_community:ct",
)


@functools.cache
def ocd_division_ids() -> st.SearchStrategy[str]:
    """Open Civic Data division ids that are also valid entity ids
    (``ocd-division/country:us/state:ca/place:los_angeles``)."""
    segment = st.tuples(
        st.sampled_from(_OCD_TYPES),
        st.text(_LOWER + _DIGITS + "_.~-", min_size=1, max_size=12),
    ).map(lambda pair: f"/{pair[0]}:{pair[1]}")
    made = st.tuples(st.text(_LOWER, min_size=2, max_size=2), st.lists(segment, max_size=3)).map(
        lambda pair: f"{_OCD_PREFIX}country:{pair[0]}{''.join(pair[1])}"
    )
    return st.one_of(st.sampled_from(_OCD_REAL), made)


@functools.cache
def jurisdiction_ids() -> st.SearchStrategy[str]:
    """Ids a :class:`~policyconflict.model.Jurisdiction` accepts: OCD division ids or other ids."""
    return st.one_of(ocd_division_ids(), entity_ids("jurisdiction"))


@functools.cache
def language_tags() -> st.SearchStrategy[str]:
    """BCP 47 language tags the model accepts (``en``, ``es-MX``, ``zh-Hant-TW``)."""
    return st.one_of(
        st.sampled_from(("en", "es", "es-MX", "fr", "de", "zh-Hant-TW", "ar", "pt-BR", "yue")),
        st.from_regex(r"[a-z]{2,3}(-[A-Za-z0-9]{2,8}){0,2}", fullmatch=True),
    )


def _no_space(value: str) -> str:
    return "".join(c for c in value if not c.isspace())


@functools.cache
def urls() -> st.SearchStrategy[str]:
    """http(s) URLs without white space; paths may hold any other Unicode character."""
    path = st.text(st.characters(codec="utf-8"), max_size=20).map(_no_space)
    return st.builds(
        lambda scheme, host, tld, rest: f"{scheme}://{host}.{tld}/{rest}",
        st.sampled_from(("http", "https")),
        _slugs(2),
        st.sampled_from(("org", "com", "gov", "es")),
        path,
    )


def _uuid() -> st.SearchStrategy[str]:
    return st.uuids().map(str)


_SCHEME_VALUES: Final[dict[IdScheme, st.SearchStrategy[str]]] = {
    IdScheme.WIKIDATA: st.integers(1, 10**9).map(lambda n: f"Q{n}"),
    IdScheme.ISO_3166_1: st.text("ABCDEFGHIJKLMNOPQRSTUVWXYZ", min_size=2, max_size=2),
    IdScheme.ISO_3166_2: st.builds(
        lambda a, b: f"{a}-{b}",
        st.text("ABCDEFGHIJKLMNOPQRSTUVWXYZ", min_size=2, max_size=2),
        st.text("ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789", min_size=1, max_size=3),
    ),
    IdScheme.CENSUS_GEOID: st.sampled_from((2, 5, 7, 9)).flatmap(
        lambda n: st.text(_DIGITS, min_size=n, max_size=n)
    ),
    IdScheme.OCD_DIVISION: ocd_division_ids(),
    IdScheme.OCD_PERSON: _uuid().map(lambda u: f"ocd-person/{u}"),
    IdScheme.OCD_ORGANIZATION: _uuid().map(lambda u: f"ocd-organization/{u}"),
}


@functools.cache
def external_ids() -> st.SearchStrategy[ExternalId]:
    """:class:`~policyconflict.model.ExternalId` values in every scheme, each valid for its
    scheme (``Q65``, ``US-CA``, ``06037``, an OCD person id)."""
    return st.one_of([_in_scheme(scheme) for scheme in _SCHEME_VALUES])


def _in_scheme(scheme: IdScheme) -> st.SearchStrategy[ExternalId]:
    return _SCHEME_VALUES[scheme].map(lambda value: ExternalId(scheme=scheme, value=value))
