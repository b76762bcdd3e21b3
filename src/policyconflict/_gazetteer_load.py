"""Reading the shipped gazetteer data file (``data/ocd-divisions.tsv.gz``).

Private: :func:`policyconflict.gazetteer.default_gazetteer` imports this module on its first call,
so importing :mod:`policyconflict.gazetteer` reads no data. The file is written by
``tools/build_gazetteer.py``, which documents the format.

This module knows the file, not the gazetteer: the caller passes the class each line becomes
(:class:`policyconflict.gazetteer.Place`), so the two modules do not import each other.
"""

from __future__ import annotations

import gzip
from collections.abc import Callable
from importlib import resources
from typing import TypeVar

__all__ = ["DATA_FILE", "FORMAT_HEADER", "load_shipped", "parse"]

T = TypeVar("T")

DATA_FILE = "ocd-divisions.tsv.gz"
FORMAT_HEADER = (
    "#ocd-divisions/1\tid\tname\tparent_id\tlevel\tiso3166\tcensus_geoid\tvalid_through"
    "\tbase_cut\taliases\talias_ids"
)
_COLUMNS = FORMAT_HEADER.count("\t")


def load_shipped(make: Callable[..., T]) -> list[T]:
    """The places of the data file shipped in the package, each made by ``make`` (see
    :func:`parse`)."""
    data = resources.files("policyconflict").joinpath("data", DATA_FILE).read_bytes()
    return parse(data, make)


def parse(data: bytes, make: Callable[..., T]) -> list[T]:
    """Places from the gzip'd TSV bytes, in file order (sorted by id), each made by calling
    ``make`` with the keyword arguments ``id``, ``name``, ``parent_id``, ``type``, ``level``,
    ``iso3166``, ``census_geoid``, ``aliases``, ``valid_through`` and ``alias_ids``.

    The base name (the name less a trailing census level word, ``Los Angeles`` for
    ``Los Angeles city``) becomes the first alias.
    """
    lines = gzip.decompress(data).decode("utf-8").split("\n")
    if lines[0] != FORMAT_HEADER:
        raise ValueError(f"not a gazetteer data file (header {lines[0][:40]!r})")
    places: list[T] = []
    append = places.append
    types: dict[str, str] = {}  # one str object per type name
    for number, line in enumerate(lines[1:], start=2):
        if not line:
            continue
        try:
            ocd_id, name, parent, level, iso, geoid, through, cut, aliases, alias_ids = line.split(
                "\t"
            )
        except ValueError:
            raise ValueError(f"line {number}: expected {_COLUMNS} tab-separated fields") from None
        kind = ocd_id.rpartition("/")[2].partition(":")[0]
        kind = types.setdefault(kind, kind)
        if aliases:
            names = aliases.split("|")
            if cut:
                names.insert(0, name[: len(name) - int(cut)])
            alias_names = tuple(names)
        else:
            alias_names = (name[: len(name) - int(cut)],) if cut else ()
        append(
            make(
                id=ocd_id,
                name=name,
                parent_id=parent or None,
                type=kind,
                level=level,
                iso3166=iso or None,
                census_geoid=geoid or None,
                aliases=alias_names,
                valid_through=through or None,
                alias_ids=tuple(alias_ids.split("|")) if alias_ids else (),
            )
        )
    return places
