"""``policyconflict schema`` and ``policyconflict gazetteer``: look things up."""

from __future__ import annotations

import argparse
from typing import Any, TextIO

from policyconflict._cli._output import print_json, print_table
from policyconflict._cli._places import ambiguous_query, resolve_option
from policyconflict._cli._usage import add_command, add_format
from policyconflict.gazetteer import (
    LEVELS,
    AmbiguousPlaceError,
    Place,
    default_gazetteer,
)

__all__ = ["register"]


def register(commands: Any) -> None:
    """Add the ``schema`` and ``gazetteer`` commands."""
    schema = add_command(
        commands,
        "schema",
        help="print the JSON Schema of the interchange format",
        description="Print the JSON Schema (2020-12) of a story document and of a corpus line.",
    )
    schema.set_defaults(run=run_schema)

    places = add_command(
        commands,
        "gazetteer",
        help="look up a place by name, ISO 3166 code or OCD division id",
        description=(
            "Look up a place in the offline gazetteer of Open Civic Data divisions. QUERY is an "
            "OCD division id, an ISO 3166 code (US, US-CA) or a name (Los Angeles). A name "
            "matching several places is an error that lists them: narrow it with --within or "
            "--level, or list them all with --all."
        ),
    )
    places.add_argument(
        "query",
        nargs="+",
        metavar="QUERY",
        help="a name (several words are joined by spaces), an ISO 3166 code or an OCD id",
    )
    places.add_argument(
        "--within", metavar="PLACE", help="only places inside this place (id, code or name)"
    )
    places.add_argument("--level", choices=LEVELS, help="only places of this level")
    places.add_argument(
        "--all", action="store_true", help="list every place the name matches instead of one"
    )
    add_format(places, "json")
    places.set_defaults(run=run_gazetteer)


def run_schema(_args: argparse.Namespace, out: TextIO, _err: TextIO) -> int:
    """Print the schema."""
    from policyconflict.serialization.schema import schema_text

    out.write(schema_text())
    return 0


def _record(place: Place, chain: tuple[Place, ...]) -> dict[str, Any]:
    return {
        "id": place.id,
        "name": place.name,
        "level": place.level,
        "type": place.type,
        "parent": place.parent_id,
        "ancestors": [p.id for p in chain],
        "iso3166": place.iso3166,
        "census_geoid": place.census_geoid,
        "aliases": list(place.aliases),
        "valid_through": place.valid_through,
    }


def run_gazetteer(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    """Resolve one place (or, with ``--all``, list the places a name matches)."""
    gazetteer = default_gazetteer()
    query = " ".join(args.query)
    # --within may be a name too ("California"): resolve it first, so that it is one place.
    within = (
        None
        if args.within is None
        else resolve_option(lambda text: gazetteer.resolve(text).id, "--within", args.within)
    )
    if args.all:
        found = gazetteer.find(query, within=within, level=args.level)
        if args.format == "json":
            print_json(out, [_record(p, gazetteer.ancestors(p)) for p in found])
        elif found:
            _print_places(out, found)
        if not found:
            err.write(f"policyconflict: no place named {query!r}\n")
        return 0 if found else 1
    try:
        place = gazetteer.resolve(query, within=within, level=args.level)
    except AmbiguousPlaceError as error:
        if args.format == "json":
            print_json(out, [_record(p, gazetteer.ancestors(p)) for p in error.candidates])
        else:
            _print_places(out, error.candidates)
        err.write(f"policyconflict: error: {ambiguous_query(error, args.within, args.level)}\n")
        return 1
    chain = gazetteer.ancestors(place)
    record = _record(place, chain)
    if args.format == "json":
        print_json(out, record)
        return 0
    rows = [
        ("id", place.id),
        ("name", place.name),
        ("level", f"{place.level} ({place.type})"),
        ("within", " < ".join(p.name for p in chain) or None),
        ("iso 3166", place.iso3166),
        ("census geoid", place.census_geoid),
        ("aliases", place.aliases),
        ("valid through", place.valid_through),
    ]
    for label, value in rows:
        if value:
            text = ", ".join(value) if isinstance(value, tuple) else value
            out.write(f"{label + ':':<14}{text}\n")
    return 0


def _print_places(out: TextIO, places: tuple[Place, ...]) -> None:
    print_table(
        out,
        ("id", "name", "level"),
        [(p.id, p.name, p.level) for p in places],
        max_width=None,
    )
