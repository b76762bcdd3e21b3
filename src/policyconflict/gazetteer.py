"""An offline gazetteer of political divisions, keyed by Open Civic Data division ids.

:func:`default_gazetteer` gives the gazetteer built from the data shipped with the package (Open
Civic Data division ids, CC0; see ``data/README-ocd-division-ids.md``): the countries of the world
with their first-level subdivisions, and for the United States also counties, places,
congressional and council districts. The data is read on the first call, not on import.

A :class:`Place` is one division. Its ``id`` is the OCD division id
(``ocd-division/country:us/state:ca/place:los_angeles``), ``type`` the type of the id's last
segment (``place``) and ``level`` one of :data:`LEVELS`:

==============  ============================================================================
level           OCD types
==============  ============================================================================
``country``     ``country``
``state``       first-level subdivisions: ``state``, ``territory``, ``province``, ``region``,
                ``canton``, ``department``, ``prefecture``, ``part``, the District of Columbia...
``county``      ``county``, ``parish``, ``borough``, ``census_area``, ``municipio``, and second
                levels such as Canadian census divisions, French departments, Spanish provinces
``city``        ``place``, ``municipality``, ``city``, Canadian census subdivisions...
``district``    ``cd`` (congressional districts), ``council_district``
``other``       anything else (English regions, Finnish sub-regions)
==============  ============================================================================

Name matching (:meth:`Gazetteer.find`, :meth:`Gazetteer.resolve`) compares the keys that
:func:`normalize_name` makes: accents and apostrophes dropped, case folded, punctuation made
spaces, ``saint``/``mount``/``fort`` shortened to ``st``/``mt``/``ft``, runs of single letters
joined (``D.C.`` is ``dc``). So ``"st. marys"`` matches ``St. Mary's``. A place answers to its
name and to each of its aliases. US census names carry a level word (``Los Angeles city``,
``Los Angeles County``) and their short form (``Los Angeles``) is an alias, so a bare name
matches both the city and the county and :meth:`Gazetteer.resolve` refuses to choose
(:class:`AmbiguousPlaceError`); pass ``level=`` or ``within=``.

The rule for level words: the whole text is matched first (``"Los Angeles County"`` is the
county's full name, ``"Kansas City"`` a city's short name). Only when that matches nothing, a
level word at the end (``County``, ``Parish``, ``Borough``, ``Census Area``, ``City``, ``Town``,
``Village``, ``Township``, ``Municipality``, ``Municipio``) or a ``City of``/``County of``/... at
the start is taken off and the rest matched; of those matches, the ones at the level the word
names are kept if there are any (``"City of Los Angeles"`` is the city). ``level=`` is a strict
filter; ``within=`` keeps the places strictly inside that place, at any depth.

Consolidated city-counties have one OCD id, the county's: ``San Francisco`` and ``New Orleans``
are ``county:san_francisco`` and ``parish:orleans``, whose ``alias_ids`` hold the place ids.

>>> gaz = default_gazetteer()
>>> la = gaz.resolve("Los Angeles", within="US-CA", level="city")
>>> la.id, la.name, la.census_geoid
('ocd-division/country:us/state:ca/place:los_angeles', 'Los Angeles city', '0644000')
>>> [p.iso3166 for p in gaz.ancestors(la)]
['US-CA', 'US']
>>> gaz.resolve("Los Angeles County").level
'county'
>>> gaz.resolve("New Orleans").id
'ocd-division/country:us/state:la/parish:orleans'
>>> gaz.resolve("Los Angeles", within="US-CA")
Traceback (most recent call last):
    ...
policyconflict.gazetteer.AmbiguousPlaceError: 'Los Angeles' within California (...) is ambiguous...
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Iterable, Iterator

import attrs

from policyconflict._gc import gc_paused
from policyconflict.errors import PolicyConflictError

__all__ = [
    "LEVELS",
    "AmbiguousPlaceError",
    "Gazetteer",
    "GazetteerError",
    "Place",
    "UnknownPlaceError",
    "default_gazetteer",
    "normalize_name",
]

LEVELS: tuple[str, ...] = ("country", "state", "county", "city", "district", "other")
"""The levels of a :class:`Place`, largest first; results are sorted in this order."""

_LEVEL_RANK = {level: rank for rank, level in enumerate(LEVELS)}
_OCD_PREFIX = "ocd-division/"
_ISO_CODE = re.compile(r"[A-Z]{2}|[A-Za-z]{2}-[A-Za-z0-9]{1,3}")
_AMBIGUOUS_SHOWN = 10


# --- errors -----------------------------------------------------------------------------------


class GazetteerError(PolicyConflictError, LookupError):
    """A place could not be looked up."""


class UnknownPlaceError(GazetteerError, KeyError):
    """No place matches an id, a code or a name (``query``)."""

    def __init__(self, query: str, message: str | None = None) -> None:
        self.query = query
        self.message = message if message is not None else f"unknown place: {query!r}"
        super().__init__(self.message)

    def __str__(self) -> str:
        return self.message

    def __reduce__(self) -> tuple[type[UnknownPlaceError], tuple[str, str]]:
        return (type(self), (self.query, self.message))


class AmbiguousPlaceError(GazetteerError, ValueError):
    """More than one place matches ``query``; ``candidates`` holds them all, sorted."""

    def __init__(self, query: str, candidates: Iterable[Place], message: str | None = None) -> None:
        self.query = query
        self.candidates: tuple[Place, ...] = tuple(candidates)
        self.message = message if message is not None else _ambiguous(repr(query), self.candidates)
        super().__init__(message)

    def __str__(self) -> str:
        return self.message

    def __reduce__(
        self,
    ) -> tuple[type[AmbiguousPlaceError], tuple[str, tuple[Place, ...], str]]:
        return (type(self), (self.query, self.candidates, self.message))


def _ambiguous(label: str, candidates: tuple[Place, ...]) -> str:
    shown = "; ".join(f"{p.name} ({p.level}, {p.id})" for p in candidates[:_AMBIGUOUS_SHOWN])
    more = len(candidates) - _AMBIGUOUS_SHOWN
    tail = f"; and {more} more" if more > 0 else ""
    return (
        f"{label} is ambiguous, {len(candidates)} places match: {shown}{tail}"
        " (narrow it with within= or level=)"
    )


# --- places -----------------------------------------------------------------------------------


def _str_tuple(values: Iterable[str]) -> tuple[str, ...]:
    return tuple(values)


def _check_level(_instance: object, _attribute: object, value: str) -> None:
    if value not in _LEVEL_RANK:
        raise ValueError(f"level must be one of {LEVELS}, not {value!r}")


@attrs.frozen(kw_only=True)
class Place:
    """One political division.

    ``id`` is its OCD division id and ``parent_id`` the id of the division it lies in (``None``
    for a country). ``type`` is the type of the id's last segment (``state``, ``county``,
    ``place``, ``cd``...) and ``level`` its rank in :data:`LEVELS`. ``iso3166`` is the ISO
    3166-1 alpha-2 code of a country (``US``) or the ISO 3166-2 code of a subdivision (``US-CA``)
    where the data gives one; ``census_geoid`` the US Census Bureau GEOID (``0644000``).
    ``aliases`` are other names the place answers to, ``alias_ids`` other OCD ids that name the
    same division (OCD ``sameAs`` ids, which :meth:`Gazetteer.get` also accepts) and
    ``valid_through`` the last day (ISO date) of a division that no longer exists.
    """

    id: str
    name: str
    type: str
    level: str = attrs.field(validator=_check_level)
    parent_id: str | None = None
    iso3166: str | None = None
    census_geoid: str | None = None
    aliases: tuple[str, ...] = attrs.field(default=(), converter=_str_tuple)
    valid_through: str | None = None
    alias_ids: tuple[str, ...] = attrs.field(default=(), converter=_str_tuple)

    @property
    def historical(self) -> bool:
        """Whether the division no longer exists (it has a ``valid_through`` date)."""
        return self.valid_through is not None


def _sort_key(place: Place) -> tuple[int, str]:
    return (_LEVEL_RANK[place.level], place.id)


# --- names ------------------------------------------------------------------------------------

_APOSTROPHES = re.compile("['\u2019\u02bc`\u00b4]")
_WORDS = re.compile(r"[^\W_]+")
_FOLD = str.maketrans({"ø": "o", "æ": "ae", "œ": "oe", "ł": "l", "đ": "d", "ð": "d", "þ": "th"})
_SHORT_WORDS = {"saint": "st", "sainte": "ste", "mount": "mt", "fort": "ft"}
_SHORT = re.compile(r"\b(?:saint|sainte|mount|fort)\b")
_LETTER_RUN = re.compile(r"\b[^\W\d_](?: [^\W\d_]\b)+")
_NEEDS_FIX = re.compile(r"\b(?:saint|sainte|mount|fort)\b|\b[^\W\d_] [^\W\d_]\b")
# ASCII fast path: apostrophes vanish, every other non-alphanumeric character is a space.
_ASCII_WORDS = str.maketrans(
    {chr(i): (None if chr(i) in "'`" else " ") for i in range(128) if not chr(i).isalnum()}
)

# Level words: (words, levels they name). Longest first.
_LEVEL_SUFFIXES: tuple[tuple[str, frozenset[str]], ...] = (
    ("city and borough", frozenset({"county", "city"})),
    ("census area", frozenset({"county"})),
    ("municipality", frozenset({"city", "county"})),
    ("township", frozenset({"city"})),
    ("municipio", frozenset({"county"})),
    ("borough", frozenset({"county", "city"})),
    ("village", frozenset({"city"})),
    ("county", frozenset({"county"})),
    ("parish", frozenset({"county"})),
    ("city", frozenset({"city"})),
    ("town", frozenset({"city"})),
)
_LEVEL_PREFIXES: tuple[tuple[str, frozenset[str]], ...] = tuple(
    (f"{words} of", levels) for words, levels in _LEVEL_SUFFIXES if " " not in words
)


def normalize_name(text: str) -> str:
    """The matching key of a name: ``"St. Mary's"`` -> ``"st marys"``, ``"Zürich"`` -> ``"zurich"``.

    Accents and apostrophes are dropped, case is folded, other punctuation separates words,
    ``saint``, ``sainte``, ``mount`` and ``fort`` become ``st``, ``ste``, ``mt`` and ``ft``, and a
    run of single letters is one word (``"U.S.A."`` -> ``"usa"``, ``"D.C."`` -> ``"dc"``).

    >>> normalize_name("Côte-Saint-Luc"), normalize_name("Washington, D.C.")
    ('cote st luc', 'washington dc')
    """
    text = text.casefold()
    if text.isascii():
        key = " ".join(text.translate(_ASCII_WORDS).split())
    else:
        text = unicodedata.normalize("NFKD", text.translate(_FOLD))
        text = "".join(ch for ch in text if not unicodedata.combining(ch))
        key = " ".join(_WORDS.findall(_APOSTROPHES.sub("", text)))
    if _NEEDS_FIX.search(key) is not None:
        key = _SHORT.sub(lambda m: _SHORT_WORDS[m.group()], key)
        key = _LETTER_RUN.sub(lambda m: m.group().replace(" ", ""), key)
    return key


def _level_word(key: str) -> tuple[str, frozenset[str]] | None:
    """Split a level word off a normalized key: ``"los angeles county"`` -> the base and levels."""
    for words, levels in _LEVEL_SUFFIXES:
        if key.endswith(" " + words) and len(key) > len(words) + 1:
            return key[: -len(words) - 1], levels
    for words, levels in _LEVEL_PREFIXES:
        if key.startswith(words + " ") and len(key) > len(words) + 1:
            return key[len(words) + 1 :], levels
    return None


# --- the gazetteer ----------------------------------------------------------------------------


class Gazetteer:
    """Places by OCD id, ISO 3166 code and name.

    Built from :class:`Place` objects (ids unique, every ``parent_id`` present);
    :func:`default_gazetteer` gives the one built from the shipped data. Methods that take a
    place (``within``, :meth:`ancestors`, :meth:`is_within`, :meth:`children`) accept a
    :class:`Place`, an OCD id (or alias id) or an ISO 3166 code such as ``US-CA`` or ``US``.
    """

    def __init__(self, places: Iterable[Place]) -> None:
        self._places: dict[str, Place] = {}
        self._alias_ids: dict[str, str] = {}
        self._iso: dict[str, Place] = {}
        for place in places:
            if place.id in self._places:
                raise ValueError(f"duplicate place id {place.id!r}")
            self._places[place.id] = place
            if place.iso3166 is not None:
                code = place.iso3166.upper()
                if code in self._iso:
                    raise ValueError(f"duplicate ISO 3166 code {code!r}")
                self._iso[code] = place
            for alias_id in place.alias_ids:
                if alias_id in self._alias_ids:
                    raise ValueError(f"duplicate alias id {alias_id!r}")
                self._alias_ids[alias_id] = place.id
        for place in self._places.values():
            if place.parent_id is not None and place.parent_id not in self._places:
                raise ValueError(f"parent {place.parent_id!r} of {place.id!r} is not a place")
        clash = self._alias_ids.keys() & self._places.keys()
        if clash:
            raise ValueError(f"alias id is also a place id: {min(clash)!r}")
        self._children: dict[str, list[Place]] | None = None
        self._names: dict[str, list[Place]] | None = None

    # -- by id ---------------------------------------------------------------------------------

    def __len__(self) -> int:
        return len(self._places)

    def __iter__(self) -> Iterator[Place]:
        """The places, sorted by level then id."""
        return iter(sorted(self._places.values(), key=_sort_key))

    def __contains__(self, ocd_id: object) -> bool:
        """Whether ``ocd_id`` is the OCD id or an alias id of a place."""
        return isinstance(ocd_id, str) and (ocd_id in self._places or ocd_id in self._alias_ids)

    def __repr__(self) -> str:
        return f"<Gazetteer of {len(self._places)} places>"

    def get(self, ocd_id: str) -> Place:
        """The place with this OCD id or alias id; :class:`UnknownPlaceError` if none."""
        place = self._places.get(ocd_id)
        if place is None:
            canonical = self._alias_ids.get(ocd_id)
            if canonical is None:
                raise UnknownPlaceError(ocd_id, f"unknown OCD division id: {ocd_id!r}")
            place = self._places[canonical]
        return place

    def by_iso3166(self, code: str) -> Place:
        """The place with this ISO 3166-1 alpha-2 (``US``) or 3166-2 (``US-CA``) code, any case."""
        place = self._iso.get(code.strip().upper())
        if place is None:
            raise UnknownPlaceError(code, f"unknown ISO 3166 code: {code!r}")
        return place

    def _place(self, ref: str | Place) -> Place:
        """A place given as a Place, an OCD id or alias id, or an ISO 3166 code."""
        if isinstance(ref, Place):
            return self.get(ref.id)
        if ref.startswith(_OCD_PREFIX):
            return self.get(ref)
        place = self._iso.get(ref.strip().upper())
        if place is None:
            raise UnknownPlaceError(ref, f"not an OCD division id or ISO 3166 code: {ref!r}")
        return place

    # -- hierarchy -----------------------------------------------------------------------------

    def ancestors(self, place: str | Place) -> tuple[Place, ...]:
        """The parent, its parent, and so on up to the country; nearest first."""
        chain: list[Place] = []
        current = self._place(place)
        while current.parent_id is not None:
            current = self._places[current.parent_id]
            chain.append(current)
            if len(chain) > len(self._places):
                raise ValueError(f"parent cycle through {current.id!r}")
        return tuple(chain)

    def is_within(self, place: str | Place, ancestor: str | Place) -> bool:
        """Whether ``place`` is ``ancestor`` or lies within it (at any depth)."""
        inner = self._place(place)
        outer = self._place(ancestor)
        return inner.id == outer.id or self._inside(inner, outer.id)

    def _inside(self, place: Place, ancestor_id: str) -> bool:
        """Whether ``place`` lies strictly within the place ``ancestor_id``."""
        parent_id = place.parent_id
        steps = 0
        while parent_id is not None:
            if parent_id == ancestor_id:
                return True
            parent_id = self._places[parent_id].parent_id
            steps += 1
            if steps > len(self._places):
                raise ValueError(f"parent cycle through {place.id!r}")
        return False

    def children(self, place: str | Place) -> tuple[Place, ...]:
        """The places whose parent is ``place``, sorted by level then id."""
        parent = self._place(place)
        if self._children is None:
            children: dict[str, list[Place]] = {}
            for child in self._places.values():
                if child.parent_id is not None:
                    children.setdefault(child.parent_id, []).append(child)
            for members in children.values():
                members.sort(key=_sort_key)
            self._children = children
        return tuple(self._children.get(parent.id, ()))

    # -- by name -------------------------------------------------------------------------------

    def _name_index(self) -> dict[str, list[Place]]:
        if self._names is None:
            with gc_paused():
                self._names = self._build_name_index()
        return self._names

    def _build_name_index(self) -> dict[str, list[Place]]:
        names: dict[str, list[Place]] = {}
        keys: dict[str, str] = {}  # many places share a name: normalize each name once

        def normalized(text: str) -> str:
            key = keys.get(text)
            if key is None:
                key = keys[text] = normalize_name(text)
            return key

        for place in self._places.values():
            key = normalized(place.name)
            if key:
                names.setdefault(key, []).append(place)
            for alias in place.aliases:
                other = normalized(alias)
                if other and other != key:
                    bucket = names.setdefault(other, [])
                    if not bucket or bucket[-1] is not place:
                        bucket.append(place)
        return names

    def find(
        self, name: str, *, within: str | Place | None = None, level: str | None = None
    ) -> tuple[Place, ...]:
        """Places whose name or an alias matches ``name`` (see the module doc for the rule).

        ``within`` keeps the places that lie inside that place (at any depth; the place itself is
        not a match), ``level`` those of that level. Sorted by level (country first) then id.
        """
        if level is not None and level not in _LEVEL_RANK:
            raise ValueError(f"level must be one of {LEVELS}, not {level!r}")
        anchor = None if within is None else self._place(within)
        key = normalize_name(name)
        if not key:
            return ()
        index = self._name_index()

        def keep(places: Iterable[Place]) -> list[Place]:
            return [
                p
                for p in places
                if (level is None or p.level == level)
                and (anchor is None or self._inside(p, anchor.id))
            ]

        found = keep(index.get(key, ()))
        if not found:
            split = _level_word(key)
            if split is not None and (level is None or level in split[1]):
                base, levels = split
                found = keep(index.get(base, ()))
                preferred = [p for p in found if p.level in levels]
                if preferred:
                    found = preferred
        return tuple(sorted(found, key=_sort_key))

    def resolve(
        self,
        name_or_code: str,
        *,
        within: str | Place | None = None,
        level: str | None = None,
    ) -> Place:
        """The one place an OCD id, an ISO 3166 code (``US``, ``US-CA``) or a name stands for.

        An OCD id or alias id is looked up directly, as is a two-letter upper-case country code or
        a subdivision code of the form ``XX-YYY`` (any case). Anything else is a name, matched
        as by :meth:`find`: no match raises :class:`UnknownPlaceError`; several raise
        :class:`AmbiguousPlaceError` listing them all, except that historical places (with a
        ``valid_through``) are set aside when a current place also matches.
        """
        text = name_or_code.strip()
        where = "" if within is None else f" within {self._describe(self._place(within))}"
        what = "" if level is None else f" at level {level!r}"
        direct: Place | None = None
        if text.startswith(_OCD_PREFIX):
            direct = self.get(text)
        elif _ISO_CODE.fullmatch(text) and text.upper() in self._iso:
            direct = self._iso[text.upper()]
        if direct is not None:
            if level is not None and direct.level != level:
                raise UnknownPlaceError(
                    text, f"{text!r} is {self._describe(direct)}, not at level {level!r}"
                )
            if within is not None and not self._inside(direct, self._place(within).id):
                raise UnknownPlaceError(text, f"{text!r} is {self._describe(direct)}, not{where}")
            return direct
        found = self.find(text, within=within, level=level)
        if len(found) > 1:
            current = [p for p in found if p.valid_through is None]
            if current:
                found = tuple(current)
        if not found:
            raise UnknownPlaceError(text, f"no place named {text!r}{where}{what}")
        if len(found) > 1:
            raise AmbiguousPlaceError(text, found, _ambiguous(f"{text!r}{where}{what}", found))
        return found[0]

    @staticmethod
    def _describe(place: Place) -> str:
        return f"{place.name} ({place.id})"


@functools.cache
def default_gazetteer() -> Gazetteer:
    """The gazetteer of the shipped Open Civic Data division ids, read on the first call."""
    from policyconflict._gazetteer_load import load_shipped

    with gc_paused():
        return Gazetteer(load_shipped(Place))
