"""Build the compact offline gazetteer shipped in ``src/policyconflict/data/``.

Usage::

    python tools/build_gazetteer.py [SOURCE_DIR] [--out OUT_DIR] [--check]

``SOURCE_DIR`` is a checkout of the Open Civic Data division ids (``identifiers/`` and
``corrections/`` inside it); by default ``../shared/data/ocd-division-ids`` relative to the
repository root. The script writes ``ocd-divisions.tsv.gz`` and ``README-ocd-division-ids.md`` into
``OUT_DIR`` (by default ``src/policyconflict/data``). The output is deterministic: the same input
gives the same bytes (rows sorted by id, gzip with ``mtime=0``). With ``--check`` nothing is
written; the script exits with status 1 when the files in ``OUT_DIR`` differ from what it would
write.

What is kept (see ``README-ocd-division-ids.md``, written by this script, for the counts):

* United States, from the per-state files in ``identifiers/country-us/`` (the compiled
  ``country-us.csv`` is not used): the country, states, DC and territories, counties and county
  equivalents (parish, borough, census area, municipio), places (incorporated places and minor civil
  divisions from the census file, plus the places in the local government files and the census
  whitelist), congressional districts and council districts.
* Other countries, from the compiled ``identifiers/country-XX.csv``: the country, its first-level
  subdivisions and the administrative second levels the data has (Canadian census divisions and
  subdivisions, Swiss municipalities, Finnish municipalities and sub-regions, French departments,
  Spanish provinces, Indian districts, English regions).
* ``sameAs`` rows without ``validThrough`` and the entries of the alias and correction files are not
  places of their own: their ids become ``alias_ids`` and their names ``aliases`` of the place they
  point at. Rows with ``validThrough`` are kept as places of their own, with ``valid_through`` set.

The file is a gzip'd, UTF-8, tab-separated table, one place a row, sorted by id, after one header
line. Columns: id, name, parent id (empty for a country), level, ISO 3166 code, census GEOID,
validThrough, base-name cut (how many trailing characters of the name are a census level word such
as `` city``), aliases and alias ids (each ``|``-separated). Empty field means none.
"""

from __future__ import annotations

import argparse
import csv
import gzip
import re
import sys
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

FORMAT_HEADER = (
    "#ocd-divisions/1\tid\tname\tparent_id\tlevel\tiso3166\tcensus_geoid\tvalid_through"
    "\tbase_cut\taliases\talias_ids"
)
DATA_FILE = "ocd-divisions.tsv.gz"
README_FILE = "README-ocd-division-ids.md"
PREFIX = "ocd-division/"

REPO_ROOT = Path(__file__).resolve().parent.parent
DEFAULT_SOURCE = REPO_ROOT / ".." / "shared" / "data" / "ocd-division-ids"
DEFAULT_OUT = REPO_ROOT / "src" / "policyconflict" / "data"

# --- United States -------------------------------------------------------------------------------

US_LEVELS = {
    "country": "country",
    "state": "state",
    "territory": "state",
    "district": "state",  # only ocd-division/country:us/district:dc, see _us_keep
    "county": "county",
    "parish": "county",
    "borough": "county",
    "census_area": "county",
    "municipio": "county",
    "place": "city",
    "municipality": "city",
    "cd": "district",
    "council_district": "district",
}
# US files read as plain division lists. Everything else in identifiers/country-us/ is either an
# alias file (read separately) or only holds types that are left out.
US_ALIAS_FILES = ("aliases.csv", "state-in-aliases.csv", "state-mi-aliases.csv")
US_WHITELIST = "census_whitelist.csv"
# Territories (and the DC) that ISO 3166-2:US lists.
US_ISO_TERRITORIES = {"as", "gu", "mp", "pr", "vi"}

# --- other countries ------------------------------------------------------------------------------

# Type path below ``country:xx`` -> level. First-level types are "state" unless the type is a city
# or a county; the deeper ones are the administrative second levels.
OTHER_LEVELS = {
    "state": "state",
    "territory": "state",
    "province": "state",
    "region": "state",
    "canton": "state",
    "land": "state",
    "department": "state",
    "prefecture": "state",
    "governorate": "state",
    "autonomous_community": "state",
    "autonomous_region": "state",
    "capital_district": "state",
    "special_region": "state",
    "part": "state",
    "district": "state",
    "overseas_collectivity": "state",
    "overseas_department": "state",
    "sui_generis_collectivity": "state",
    "maakunta": "state",
    "county": "county",
    "city": "city",
    "autonomous_city": "city",
    "metropolitan_city": "city",
    "special_city": "city",
    "special_self_governing_city": "city",
    "capital": "city",
    "kunta": "city",
    "seutukunta": "other",
    "autonomous_community/province": "county",
    "region/department": "county",
    "state/district": "county",
    "territory/district": "county",
    "canton/municipality": "city",
    "part/region": "other",
}
# Per-country exceptions to OTHER_LEVELS: None drops the type.
OTHER_LEVEL_OVERRIDES: dict[tuple[str, str], str | None] = {
    ("ca", "cd"): "county",  # Canadian census divisions
    ("ca", "csd"): "city",  # Canadian census subdivisions (municipalities)
    ("ca", "region"): None,  # Senate regions (Atlantic, Quebec, ...), not administrative
    ("mx", "region"): None,  # electoral circumscriptions "Primera" ... "Quinta"
    ("dk", "region"): None,  # electoral "landsdele", not the five administrative regions
}
# country:uk is not an ISO 3166-1 code; the file only holds UK electoral and police areas (left
# out) besides a second "United Kingdom" row. The UK is country:gb.
SKIPPED_COUNTRIES = {"uk"}

# (country, type path) whose OCD code is the ISO 3166-2 suffix. Checked one by one against
# ISO 3166-2 (pycountry 26.2.16, at build-design time; not a dependency): code and name agree.
ISO_TYPES = {
    ("ar", "province"),
    ("ar", "autonomous_city"),
    ("au", "state"),
    ("au", "territory"),
    ("br", "state"),
    ("ca", "province"),
    ("ca", "territory"),
    ("ch", "canton"),
    ("cl", "region"),
    ("co", "capital_district"),
    ("cr", "province"),
    ("cy", "district"),
    ("cz", "region"),
    ("de", "state"),
    ("do", "district"),
    ("do", "province"),
    ("ec", "province"),
    ("eg", "governorate"),
    ("es", "autonomous_city"),
    ("es", "autonomous_community"),
    ("es", "autonomous_community/province"),
    ("fr", "overseas_collectivity"),
    ("fr", "sui_generis_collectivity"),
    ("gb", "part"),
    ("hu", "city"),
    ("hu", "county"),
    ("id", "capital_district"),
    ("id", "province"),
    ("id", "special_region"),
    ("in", "state"),
    ("in", "territory"),
    ("jp", "prefecture"),
    ("ke", "county"),
    ("kr", "metropolitan_city"),
    ("kr", "province"),
    ("kr", "special_city"),
    ("kr", "special_self_governing_city"),
    ("my", "state"),
    ("my", "territory"),
    ("ni", "autonomous_region"),
    ("ni", "department"),
    ("pa", "province"),
    ("pa", "territory"),
    ("pe", "province"),
    ("pe", "region"),
    ("py", "capital"),
    ("py", "department"),
    ("ro", "county"),
    ("ru", "state"),
    ("sk", "region"),
    ("tw", "province"),
    ("uy", "department"),
    ("za", "province"),
}
# Codes of those types that are not (or no longer) ISO 3166-2 codes for that division.
ISO_EXCLUDED = {
    "AU-JBT",  # Jervis Bay Territory has no ISO 3166-2 code
    "IN-CT",  # Chhattisgarh is IN-CG
    "IN-OR",  # Odisha is IN-OD
    "IN-TG",  # Telangana is IN-TS
    "IN-UT",  # Uttarakhand is IN-UK
    "IN-DD",  # Daman and Diu: merged into IN-DH
    "IN-DN",  # Dadra and Nagar Haveli: merged into IN-DH
    "RO-BG",  # Bihor is RO-BH
    "ES-SV",  # Sevilla is ES-SE
    "ES-LN",  # León is ES-LE
    "ES-LD",  # Lleida is ES-L
    "ES-AA",  # Álava is ES-VI
}
ISO_SUFFIX = re.compile(r"[A-Z0-9]{1,3}")

# Common English names for places whose OCD name is in another language or a formal one. These
# are the only names not taken from the source data.
EXTRA_ALIASES: dict[str, tuple[str, ...]] = {
    "country:at": ("Austria",),
    "country:bn": ("Brunei",),
    "country:bo": ("Bolivia",),
    "country:cd": ("Democratic Republic of the Congo", "DR Congo"),
    "country:cg": ("Republic of the Congo",),
    "country:ch": ("Switzerland",),
    "country:ci": ("Ivory Coast",),
    "country:cv": ("Cape Verde",),
    "country:cz": ("Czech Republic",),
    "country:de": ("Germany",),
    "country:dk": ("Denmark",),
    "country:es": ("Spain",),
    "country:fm": ("Micronesia",),
    "country:gb": ("UK", "Britain", "Great Britain"),
    "country:hr": ("Croatia",),
    "country:ir": ("Iran",),
    "country:kp": ("North Korea",),
    "country:la": ("Laos",),
    "country:md": ("Moldova",),
    "country:nl": ("Netherlands",),
    "country:pl": ("Poland",),
    "country:ps": ("Palestine",),
    "country:ro": ("Romania",),
    "country:ru": ("Russia",),
    "country:sy": ("Syria",),
    "country:tr": ("Türkiye",),
    "country:tz": ("Tanzania",),
    "country:ua": ("Ukraine",),
    "country:us": ("United States of America", "USA"),
    "country:va": ("Vatican City",),
    "country:ve": ("Venezuela",),
    "country:vn": ("Vietnam",),
    "country:us/district:dc": ("Washington, D.C.",),
}

# Trailing words of census names that say what kind of place it is ("Los Angeles city").
CENSUS_SUFFIXES = (
    " city and borough",
    " census area",
    " municipality",
    " plantation",
    " corporation",
    " township",
    " municipio",
    " borough",
    " village",
    " county",
    " parish",
    " city",
    " town",
)

LEVELS = ("country", "state", "county", "city", "district", "other")


@dataclass
class Row:
    """One division read from a source file."""

    id: str
    name: str
    same_as: str = ""
    valid_through: str = ""
    census_geoid: str = ""
    extra_names: list[str] = field(default_factory=list)
    parent_hint: str = ""


@dataclass
class Entry:
    """One place of the output."""

    id: str
    name: str
    level: str
    parent_id: str = ""
    iso3166: str = ""
    census_geoid: str = ""
    valid_through: str = ""
    base_cut: int = 0
    aliases: list[str] = field(default_factory=list)
    alias_ids: list[str] = field(default_factory=list)


@dataclass
class Stats:
    """What was read, kept and left out, for the README."""

    kept: Counter[str] = field(default_factory=Counter)
    dropped: Counter[str] = field(default_factory=Counter)
    folded: int = 0
    historical: int = 0


def segments(ocd_id: str) -> list[tuple[str, str]]:
    """``ocd-division/country:us/state:ca`` -> ``[("country", "us"), ("state", "ca")]``."""
    if not ocd_id.startswith(PREFIX):
        raise ValueError(f"not an OCD division id: {ocd_id!r}")
    out: list[tuple[str, str]] = []
    for seg in ocd_id[len(PREFIX) :].split("/"):
        kind, sep, code = seg.partition(":")
        if not sep or not kind or not code:
            raise ValueError(f"bad segment {seg!r} in {ocd_id!r}")
        out.append((kind, code))
    return out


def slug_name(code: str) -> str:
    """A display name from an OCD id code: ``st_mary~s`` -> ``St Mary's``."""
    text = code.replace("_", " ").replace("~", "'")
    return re.sub(r"(^|[ \-])([a-z])", lambda m: m.group(1) + m.group(2).upper(), text)


def norm(text: str) -> str:
    """A loose comparison key (lower case, letters and digits only); for the build only."""
    return " ".join(re.findall(r"[^\W_]+", text.casefold().replace("'", "")))


def read_csv(path: Path) -> Iterator[dict[str, str]]:
    """Rows of an OCD csv as dicts; files without a header row are ``id,name``."""
    with path.open(encoding="utf-8", newline="") as fh:
        rows = [r for r in csv.reader(fh) if r and r[0].strip()]
    if not rows:
        return
    if rows[0][0] in ("id", "incorrectId"):
        header, body = rows[0], rows[1:]
    else:
        header, body = ["id", "name"], rows
    for r in body:
        yield {h: (r[i].strip() if i < len(r) else "") for i, h in enumerate(header)}


def to_row(d: dict[str, str]) -> Row:
    """A source dict -> Row."""
    extra: list[str] = []
    name = d.get("name", "")
    name_fr = d.get("name_fr", "")
    if name_fr and name_fr != name:
        extra.append(name_fr)
    geoid = d.get("census_geoid", "")
    if geoid:
        geoid = geoid.partition("-")[2] or geoid  # "place-0644000" -> "0644000"
    return Row(
        id=d["id"],
        name=name,
        same_as=d.get("sameAs", ""),
        valid_through=d.get("validThrough", ""),
        census_geoid=geoid,
        extra_names=extra,
        parent_hint=d.get("parent_id", ""),
    )


def us_level(ocd_id: str) -> str | None:
    """The level of a US id, or None when it is left out."""
    segs = segments(ocd_id)
    if segs[0] != ("country", "us"):
        return None
    for depth, (kind, _) in enumerate(segs):
        if kind not in US_LEVELS:
            return None
        if kind == "district" and depth != 1:
            return None
        if kind == "country" and depth != 0:
            return None
    return US_LEVELS[segs[-1][0]]


def other_level(ocd_id: str) -> str | None:
    """The level of a non-US id, or None when it is left out."""
    segs = segments(ocd_id)
    if segs[0][0] != "country" or segs[0][1] in SKIPPED_COUNTRIES:
        return None
    if len(segs) == 1:
        return "country"
    path = "/".join(kind for kind, _ in segs[1:])
    key = (segs[0][1], path)
    if key in OTHER_LEVEL_OVERRIDES:
        return OTHER_LEVEL_OVERRIDES[key]
    return OTHER_LEVELS.get(path)


def iso_code(ocd_id: str) -> str:
    """The ISO 3166 code of a division, or "" when there is none we can vouch for."""
    segs = segments(ocd_id)
    country = segs[0][1]
    if len(segs) == 1:
        return "" if country in SKIPPED_COUNTRIES else country.upper()
    if country == "us":
        if len(segs) == 2:
            kind, code = segs[1]
            if kind == "state" or (kind == "district" and code == "dc"):
                return f"US-{code.upper()}"
            if kind == "territory" and code in US_ISO_TERRITORIES:
                return f"US-{code.upper()}"
        return ""
    path = "/".join(kind for kind, _ in segs[1:])
    if (country, path) not in ISO_TYPES:
        return ""
    suffix = segs[-1][1].upper()
    if not ISO_SUFFIX.fullmatch(suffix):
        return ""
    code = f"{country.upper()}-{suffix}"
    return "" if code in ISO_EXCLUDED else code


def census_base_cut(ocd_id: str, name: str) -> int:
    """Length of a trailing census level word (`` city``) when the rest of the name is the id's own
    name; 0 otherwise (so "Carson City" and "Groton city" keep their whole name)."""
    code = segments(ocd_id)[-1][1]
    lowered = name.lower()
    for suffix in CENSUS_SUFFIXES:
        if lowered.endswith(suffix) and len(name) > len(suffix):
            base = name[: -len(suffix)]
            if norm(base) == norm(slug_name(code)):
                return len(suffix)
    return 0


def read_us(root: Path, stats: Stats) -> tuple[list[Row], dict[str, str]]:
    """US rows (all types; filtered later) and the alias map (alias id -> canonical id)."""
    us = root / "identifiers" / "country-us"
    rows: list[Row] = []
    aliases: dict[str, str] = {}
    files = sorted(us.glob("*.csv")) + sorted((us / "census_autogenerated").glob("*.csv"))
    for path in files:
        if path.name in US_ALIAS_FILES:
            for d in read_csv(path):
                if d.get("sameAs"):
                    aliases[d["id"]] = d["sameAs"]
                if d.get("name"):
                    rows.append(Row(id=d["id"], name=d["name"], same_as=d.get("sameAs", "")))
            continue
        if path.name == US_WHITELIST:
            # id, note: no name; the name comes from the id
            for d in read_csv(path):
                rows.append(Row(id=d["id"], name=slug_name(segments(d["id"])[-1][1])))
            continue
        rows.extend(to_row(d) for d in read_csv(path))
    corrections = root / "corrections"
    for path in [
        corrections / "country-us.csv",
        *sorted((corrections / "country-us").glob("*.csv")),
    ]:
        if path.exists():
            for d in read_csv(path):
                aliases.setdefault(d["incorrectId"], d["id"])
    return rows, aliases


def read_others(root: Path) -> list[Row]:
    """Rows of the compiled per-country files, except the US."""
    rows: list[Row] = []
    for path in sorted((root / "identifiers").glob("country-*.csv")):
        if path.name == "country-us.csv":
            continue
        for d in read_csv(path):
            row = to_row(d)
            if " / " in row.name:  # "Schweiz / Suisse / Svizzera / Svizra"
                row.extra_names.extend(part.strip() for part in row.name.split(" / "))
            rows.append(row)
    return rows


def level_of(ocd_id: str) -> str | None:
    """The level of any id, or None when it is left out."""
    segs = segments(ocd_id)
    if segs[0] == ("country", "us"):
        return us_level(ocd_id)
    return other_level(ocd_id)


def add_alias(entry: Entry, name: str) -> None:
    """Add an alias name unless the entry already answers to it."""
    name = name.strip()
    if not name:
        return
    known = {norm(entry.name), norm(entry.name[: len(entry.name) - entry.base_cut])}
    known.update(norm(a) for a in entry.aliases)
    if norm(name) not in known:
        entry.aliases.append(name)


def build(root: Path) -> tuple[list[Entry], Stats]:
    """Read the source tree and return the sorted entries."""
    stats = Stats()
    us_rows, aliases = read_us(root, stats)
    rows = us_rows + read_others(root)

    # First row of an id wins for the name; later rows fill in what it lacks.
    by_id: dict[str, Row] = {}
    for row in rows:
        if row.same_as and not row.valid_through:
            aliases.setdefault(row.id, row.same_as)
        old = by_id.get(row.id)
        if old is None:
            by_id[row.id] = row
            continue
        old.name = old.name or row.name
        old.census_geoid = old.census_geoid or row.census_geoid
        old.valid_through = old.valid_through or row.valid_through
        old.parent_hint = old.parent_hint or row.parent_hint
        old.extra_names.extend(row.extra_names)

    # Aliases resolve to a canonical id that is kept; chains are followed.
    def canonical(ocd_id: str) -> str:
        seen = {ocd_id}
        while ocd_id in aliases:
            ocd_id = aliases[ocd_id]
            if ocd_id in seen:
                raise ValueError(f"alias cycle at {ocd_id!r}")
            seen.add(ocd_id)
        return ocd_id

    levels = {ocd_id: level_of(ocd_id) for ocd_id in by_id}
    keepable = {ocd_id for ocd_id, level in levels.items() if level is not None}
    # An alias whose target is not kept stays out of the map (and a kept-type row stays a place).
    aliases = {
        alias_id: final for alias_id in aliases if (final := canonical(alias_id)) in keepable
    }

    entries: dict[str, Entry] = {}
    for ocd_id, row in by_id.items():
        level = levels[ocd_id]
        if level is None:
            stats.dropped[segments(ocd_id)[-1][0]] += 1
            continue
        if ocd_id in aliases:
            continue  # folded below
        if not row.name:
            raise ValueError(f"no name for {ocd_id!r}")
        entry = Entry(
            id=ocd_id,
            name=row.name,
            level=level,
            iso3166="" if row.valid_through else iso_code(ocd_id),
            census_geoid=row.census_geoid,
            valid_through=row.valid_through,
        )
        if ocd_id.startswith(PREFIX + "country:us/") and level in ("city", "county"):
            entry.base_cut = census_base_cut(ocd_id, row.name)
        for extra in row.extra_names:
            add_alias(entry, extra)
        if ocd_id.startswith(PREFIX + "country:us/") and level in ("city", "county"):
            add_alias(entry, slug_name(segments(ocd_id)[-1][1]))
        if row.valid_through:
            stats.historical += 1
        entries[ocd_id] = entry

    for short_id, names in EXTRA_ALIASES.items():
        for extra_name in names:
            add_alias(entries[PREFIX + short_id], extra_name)

    for alias_id in sorted(aliases):
        target = entries[aliases[alias_id]]
        stats.folded += 1
        target.alias_ids.append(alias_id)
        alias_row = by_id.get(alias_id)
        if alias_row is not None and alias_row.name:
            cut = census_base_cut(alias_id, alias_row.name)
            add_alias(target, alias_row.name)
            add_alias(target, alias_row.name[: len(alias_row.name) - cut])
        if alias_id.startswith(PREFIX + "country:us/") and level_of(alias_id) in ("city", "county"):
            add_alias(target, slug_name(segments(alias_id)[-1][1]))

    # Parents: the nearest kept ancestor by id, through aliases; Canada's flat census ids get
    # their census division / province from the SGC code.
    ca_provinces = {
        d["sgc"]: d["id"]
        for d in read_csv(root / "identifiers" / "country-ca.csv")
        if d.get("sgc") and d["id"] in entries and d["id"].count("/") == 2
    }
    for entry in entries.values():
        entry.parent_id = parent_of(entry.id, entries, aliases, ca_provinces)
        stats.kept[entry.level] += 1

    codes = Counter(e.iso3166 for e in entries.values() if e.iso3166)
    if codes and codes.most_common(1)[0][1] > 1:
        raise ValueError(f"ISO 3166 code given twice: {codes.most_common(1)[0][0]}")
    for entry in entries.values():
        entry.alias_ids.sort()
    return [entries[k] for k in sorted(entries)], stats


def parent_of(
    ocd_id: str,
    entries: dict[str, Entry],
    aliases: dict[str, str],
    ca_provinces: dict[str, str],
) -> str:
    """The parent id of a kept entry ("" for countries)."""
    segs = segments(ocd_id)
    if len(segs) == 1:
        return ""
    if segs[0] == ("country", "ca") and len(segs) == 2 and segs[1][0] in ("cd", "csd"):
        code = segs[1][1]
        if segs[1][0] == "csd":
            division = f"{PREFIX}country:ca/cd:{code[:4]}"
            if division in entries:
                return division
        province = ca_provinces.get(code[:2])
        if province is not None:
            return province
    parts = ocd_id.split("/")
    for cut in range(len(parts) - 1, 1, -1):
        prefix = "/".join(parts[:cut])
        candidate = aliases.get(prefix, prefix)
        if candidate in entries and candidate != ocd_id:
            return candidate
    raise ValueError(f"no kept ancestor for {ocd_id!r}")


def check_field(value: str, where: str) -> str:
    """Fields may not hold the separators of the format."""
    if any(ch in value for ch in "\t\n\r|"):
        raise ValueError(f"separator character in {where}: {value!r}")
    return value


def render(entries: Iterable[Entry]) -> bytes:
    """The gzip'd TSV bytes."""
    lines = [FORMAT_HEADER]
    for e in entries:
        scalars = [e.id, e.name, e.parent_id, e.level, e.iso3166, e.census_geoid, e.valid_through]
        fields = [check_field(f, e.id) for f in scalars]
        fields.append(str(e.base_cut) if e.base_cut else "")
        fields.append("|".join(check_field(a, e.id) for a in e.aliases))
        fields.append("|".join(check_field(a, e.id) for a in e.alias_ids))
        lines.append("\t".join(fields))
    text = "\n".join(lines) + "\n"
    return gzip.compress(text.encode("utf-8"), compresslevel=9, mtime=0)


def provenance(root: Path) -> str:
    """The source line of PROVENANCE.txt."""
    path = root / "PROVENANCE.txt"
    return path.read_text(encoding="utf-8").strip() if path.exists() else "(no PROVENANCE.txt)"


def render_readme(root: Path, entries: list[Entry], stats: Stats, size: int) -> str:
    """README-ocd-division-ids.md."""
    kept = ", ".join(f"{stats.kept[level]} {level}" for level in LEVELS if stats.kept[level])
    dropped = ", ".join(f"{kind} ({n})" for kind, n in sorted(stats.dropped.items()))
    countries = sum(1 for e in entries if e.level == "country")
    with_iso = sum(1 for e in entries if e.iso3166)
    return f"""\
# Open Civic Data division ids (gazetteer data)

`ocd-divisions.tsv.gz` is built by `tools/build_gazetteer.py` from the
[Open Civic Data division identifiers](https://github.com/opencivicdata/ocd-division-ids),
dedicated to the public domain under CC0 1.0 (see `LICENSE-ocd-division-ids.md`).

Source: {provenance(root).removeprefix("source: ")}

It is read by `policyconflict.gazetteer`. Do not edit it by hand: rebuild it with
`python tools/build_gazetteer.py` (the output is byte-for-byte reproducible).

## What is in it

{len(entries)} places ({kept}) in {countries} countries; {with_iso} carry an ISO 3166 code.
{stats.folded} alternative ids (OCD `sameAs` rows, the alias files and `corrections/`) are
folded into the place they name, as `alias_ids`, with their names as `aliases`.
{stats.historical} places have a `validThrough` date and are kept, marked with `valid_through`.

* United States (from the per-state files in `identifiers/country-us/`; the compiled
  `country-us.csv` was not available): the country, states, DC and territories, counties and county
  equivalents (county, parish, borough, census area, municipio), places (incorporated places and
  minor civil divisions from the census file, plus the places of the local government files and the
  census whitelist), congressional districts and city/county council districts.
* Other countries (from `identifiers/country-XX.csv`): the country, its first-level subdivisions,
  and the administrative second levels the data has: Canadian census divisions and subdivisions
  (parented to their census division and province by SGC code), Swiss municipalities, Finnish
  municipalities and sub-regions, French departments, Spanish provinces, Indian districts and the
  English regions.
* ISO 3166-2 codes are given only where the OCD code was checked to be the ISO 3166-2 suffix (for
  example `US-CA`, `CA-ON`, `DE-BY`); countries carry their ISO 3166-1 alpha-2 code.
* English names are added as aliases to the countries whose OCD name is in another language or
  a formal one (Germany, Russia, Vietnam...) and `Washington, D.C.` to the District of Columbia:
  the only names not taken from the source (`EXTRA_ALIASES` in the build script).
* Census GEOIDs are given without the OCD prefix (`place-0644000` becomes `0644000`).

## What was left out, and why

To keep the file small ({size} bytes) and the name search free of noise, rows of these OCD
types were left out (count of rows read): {dropped}.

In words: precincts, wards, school and other special-purpose districts, state legislative
districts (sldl/sldu), courts, and, outside the US, electoral districts and constituencies of all
kinds. Also left out: the historical US congressional districts of
`identifiers/country-us/historical/` (they carry no validThrough date to mark them with),
`country:uk` (not an ISO 3166-1 code; the UK is `country:gb`), the `region:eu` rows, the Canadian
Senate regions and the Mexican and Danish electoral regions.
"""


def _same(path: Path, payload: bytes) -> bool:
    return path.is_file() and path.read_bytes() == payload


def main(argv: list[str] | None = None) -> int:
    """Command line entry point."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("source", nargs="?", type=Path, default=DEFAULT_SOURCE)
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT)
    parser.add_argument("--check", action="store_true", help="compare, do not write")
    args = parser.parse_args(argv)
    root: Path = args.source
    if not (root / "identifiers").is_dir():
        parser.error(f"no identifiers/ in {root}")
    entries, stats = build(root)
    data = render(entries)
    readme = render_readme(root, entries, stats, len(data))
    outputs = {DATA_FILE: data, README_FILE: readme.encode("utf-8")}
    out: Path = args.out
    if args.check:
        stale = [n for n, b in outputs.items() if not _same(out / n, b)]
        for name in stale:
            print(f"out of date: {out / name}", file=sys.stderr)
        return 1 if stale else 0
    out.mkdir(parents=True, exist_ok=True)
    for name, payload in outputs.items():
        (out / name).write_bytes(payload)
    print(f"wrote {len(entries)} places, {len(data)} bytes to {out / DATA_FILE}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
