"""Tests of the offline gazetteer (policyconflict.gazetteer) and its shipped data."""

from __future__ import annotations

import ast
import os
import pickle
import subprocess
import sys
from pathlib import Path

import pytest

from policyconflict.errors import PolicyConflictError
from policyconflict.gazetteer import (
    LEVELS,
    AmbiguousPlaceError,
    Gazetteer,
    GazetteerError,
    Place,
    UnknownPlaceError,
    default_gazetteer,
    normalize_name,
)

REPO = Path(__file__).resolve().parent.parent
SHARED_OCD = REPO.parent / "shared" / "data" / "ocd-division-ids"

US = "ocd-division/country:us"
CA = f"{US}/state:ca"
LA_CITY = f"{CA}/place:los_angeles"
LA_COUNTY = f"{CA}/county:los_angeles"


@pytest.fixture(scope="module")
def gaz() -> Gazetteer:
    return default_gazetteer()


def ids(places: tuple[Place, ...]) -> list[str]:
    return [p.id for p in places]


# --- the shipped data: well-known places ------------------------------------------------------


def test_los_angeles_city_and_county_are_both_found(gaz: Gazetteer) -> None:
    assert ids(gaz.find("Los Angeles", within="US-CA")) == [LA_COUNTY, LA_CITY]
    assert ids(gaz.find("los  angeles!", within=CA)) == [LA_COUNTY, LA_CITY]


def test_los_angeles_is_ambiguous_and_the_error_names_both(gaz: Gazetteer) -> None:
    with pytest.raises(AmbiguousPlaceError) as info:
        gaz.resolve("Los Angeles", within="US-CA")
    err = info.value
    assert ids(err.candidates) == [LA_COUNTY, LA_CITY]
    assert err.query == "Los Angeles"
    message = str(err)
    assert LA_CITY in message
    assert LA_COUNTY in message
    assert "Los Angeles County" in message
    assert "Los Angeles city" in message
    assert "within California" in message


def test_los_angeles_level_filter_and_level_words(gaz: Gazetteer) -> None:
    city = gaz.resolve("Los Angeles", within="US-CA", level="city")
    assert city.id == LA_CITY
    assert city.name == "Los Angeles city"
    assert city.type == "place"
    assert city.level == "city"
    assert city.parent_id == CA
    assert city.census_geoid == "0644000"
    assert city.iso3166 is None
    assert "Los Angeles" in city.aliases
    assert gaz.resolve("Los Angeles", within="US-CA", level="county").id == LA_COUNTY
    assert gaz.resolve("Los Angeles County").id == LA_COUNTY
    assert gaz.resolve("los angeles county", within="US").id == LA_COUNTY
    assert gaz.resolve("City of Los Angeles").id == LA_CITY
    assert gaz.resolve("Los Angeles city").id == LA_CITY
    county = gaz.get(LA_COUNTY)
    assert (county.type, county.level, county.census_geoid) == ("county", "county", "06037")


def test_chicago(gaz: Gazetteer) -> None:
    chicago = gaz.resolve("Chicago", within="US-IL")
    assert chicago.id == f"{US}/state:il/place:chicago"
    assert chicago.level == "city"
    assert chicago.id in ids(gaz.find("Chicago"))


def test_new_york_city(gaz: Gazetteer) -> None:
    nyc = f"{US}/state:ny/place:new_york"
    assert gaz.resolve("New York City").id == nyc
    assert gaz.resolve("New York", within="US-NY", level="city").id == nyc
    # the state, Manhattan (New York County) and the city all answer to "New York"
    with pytest.raises(AmbiguousPlaceError) as info:
        gaz.resolve("New York")
    assert {f"{US}/state:ny", f"{US}/state:ny/county:new_york", nyc} <= set(
        ids(info.value.candidates)
    )
    assert gaz.resolve("New York", level="state").iso3166 == "US-NY"
    assert gaz.resolve("Brooklyn", within="US-NY").id == f"{US}/state:ny/county:kings"


def test_new_orleans_is_the_orleans_parish(gaz: Gazetteer) -> None:
    # OCD keeps one id for a consolidated city-parish: the parish; the place id is an alias
    parish = f"{US}/state:la/parish:orleans"
    assert gaz.resolve("New Orleans").id == parish
    assert gaz.resolve("City of New Orleans").id == parish
    place = gaz.get(f"{US}/state:la/place:new_orleans")
    assert place.id == parish
    assert place.type == "parish"
    assert place.level == "county"
    assert f"{US}/state:la/place:new_orleans" in place.alias_ids
    assert f"{US}/state:la/place:new_orleans" in gaz


def test_newark_nj_and_the_other_newarks(gaz: Gazetteer) -> None:
    assert gaz.resolve("Newark", within="US-NJ").id == f"{US}/state:nj/place:newark"
    assert gaz.resolve("Newark", within=f"{US}/state:nj").name == "Newark city"
    with pytest.raises(AmbiguousPlaceError) as info:
        gaz.resolve("Newark")
    found = ids(info.value.candidates)
    for state in ("nj", "de", "oh", "ca"):
        assert f"{US}/state:{state}/place:newark" in found
    assert len(found) > 10
    assert "more" in str(info.value)  # only the first ten are spelled out


def test_san_francisco(gaz: Gazetteer) -> None:
    sf = gaz.resolve("San Francisco", within="US-CA")
    assert sf.id == f"{CA}/county:san_francisco"
    assert gaz.get(f"{CA}/place:san_francisco") is sf
    with pytest.raises(AmbiguousPlaceError):  # there is a San Francisco township in Minnesota
        gaz.resolve("San Francisco")


def test_boston_and_detroit(gaz: Gazetteer) -> None:
    assert gaz.resolve("Boston", within="US-MA").id == f"{US}/state:ma/place:boston"
    assert gaz.resolve("Detroit", within="US-MI").id == f"{US}/state:mi/place:detroit"
    assert gaz.resolve("Detroit", within="US-MI", level="city").census_geoid == "2622000"


def test_iso_codes(gaz: Gazetteer) -> None:
    california = gaz.by_iso3166("US-CA")
    assert california.id == CA
    assert california.name == "California"
    assert california.level == "state"
    assert gaz.by_iso3166("us-ca") is california
    assert gaz.resolve("US-CA") is california
    assert gaz.resolve("us-ca") is california
    usa = gaz.resolve("US")
    assert usa.id == US
    assert usa.level == "country"
    assert usa.parent_id is None
    assert usa.iso3166 == "US"
    assert gaz.by_iso3166("US") is usa
    assert gaz.by_iso3166("US-DC").id == f"{US}/district:dc"
    assert gaz.by_iso3166("US-PR").id == f"{US}/territory:pr"
    assert gaz.by_iso3166("CA-ON").name == "Ontario"
    assert gaz.by_iso3166("DE-BY").name == "Bayern"
    assert gaz.by_iso3166("GB").id == "ocd-division/country:gb"
    with pytest.raises(UnknownPlaceError, match="unknown ISO 3166 code: 'US-ZZ'"):
        gaz.by_iso3166("US-ZZ")


def test_other_countries(gaz: Gazetteer) -> None:
    assert gaz.resolve("Germany", level="country").id == "ocd-division/country:de"
    assert gaz.resolve("Deutschland").id == "ocd-division/country:de"
    assert gaz.resolve("Zurich", level="state").iso3166 == "CH-ZH"
    toronto = gaz.resolve("Toronto", within="CA-ON", level="city")
    assert toronto.id == "ocd-division/country:ca/csd:3520005"
    assert [p.iso3166 for p in gaz.ancestors(toronto)] == [None, "CA-ON", "CA"]
    assert gaz.resolve("Washington DC").id == f"{US}/district:dc"


def test_an_ambiguous_name(gaz: Gazetteer) -> None:
    found = gaz.find("Springfield")
    assert len(found) > 20
    levels = [LEVELS.index(p.level) for p in found]
    assert levels == sorted(levels)
    assert list(found) == sorted(found, key=lambda p: (LEVELS.index(p.level), p.id))
    with pytest.raises(AmbiguousPlaceError) as info:
        gaz.resolve("Springfield", within="US-IL")
    assert len(info.value.candidates) > 1
    assert all(gaz.is_within(p, "US-IL") for p in info.value.candidates)
    assert f"{US}/state:il/place:springfield" in ids(info.value.candidates)


def test_an_unknown_name(gaz: Gazetteer) -> None:
    with pytest.raises(UnknownPlaceError) as info:
        gaz.resolve("Xyzzyville")
    err = info.value
    assert isinstance(err, GazetteerError)
    assert isinstance(err, LookupError)
    assert isinstance(err, KeyError)
    assert isinstance(err, PolicyConflictError)
    assert str(err) == "no place named 'Xyzzyville'"  # no KeyError quoting
    assert err.query == "Xyzzyville"
    assert gaz.find("Xyzzyville") == ()
    with pytest.raises(UnknownPlaceError, match="no place named 'Xyzzyville' within California"):
        gaz.resolve("Xyzzyville", within="US-CA")


def test_unknown_ids_and_codes(gaz: Gazetteer) -> None:
    missing = f"{US}/state:zz"
    assert missing not in gaz
    assert 42 not in gaz
    with pytest.raises(UnknownPlaceError) as info:
        gaz.get(missing)
    assert str(info.value) == f"unknown OCD division id: {missing!r}"
    with pytest.raises(UnknownPlaceError, match="not an OCD division id or ISO 3166 code"):
        gaz.find("Newark", within="New Jersey")
    with pytest.raises(UnknownPlaceError, match="not within"):
        gaz.resolve(LA_CITY, within="US-NY")
    with pytest.raises(UnknownPlaceError, match="not at level 'county'"):
        gaz.resolve(LA_CITY, level="county")
    assert gaz.resolve(LA_CITY, within="US-CA", level="city").id == LA_CITY
    with pytest.raises(ValueError, match="level must be one of"):
        gaz.find("Newark", level="town")


def test_ancestors_of_los_angeles(gaz: Gazetteer) -> None:
    assert ids(gaz.ancestors(LA_CITY)) == [CA, US]
    assert ids(gaz.ancestors(gaz.get(LA_CITY))) == [CA, US]
    district = f"{LA_CITY}/council_district:1"
    assert ids(gaz.ancestors(district)) == [LA_CITY, CA, US]
    assert gaz.get(district).level == "district"
    assert gaz.ancestors(US) == ()


def test_is_within(gaz: Gazetteer) -> None:
    assert gaz.is_within(LA_CITY, "US-CA")
    assert gaz.is_within(LA_CITY, US)
    assert gaz.is_within(LA_CITY, "US")
    assert gaz.is_within(LA_CITY, LA_CITY)
    assert gaz.is_within(f"{LA_CITY}/council_district:1", LA_CITY)
    assert not gaz.is_within(LA_CITY, LA_COUNTY)  # the OCD hierarchy puts the city in the state
    assert not gaz.is_within(LA_CITY, "US-NY")
    assert not gaz.is_within("US", LA_CITY)
    with pytest.raises(UnknownPlaceError):
        gaz.is_within(LA_CITY, f"{US}/state:zz")


def test_children(gaz: Gazetteer) -> None:
    kids = gaz.children("US-CA")
    assert LA_CITY in ids(kids)
    assert LA_COUNTY in ids(kids)
    assert all(p.parent_id == CA for p in kids)
    assert list(kids) == sorted(kids, key=lambda p: (LEVELS.index(p.level), p.id))
    states = gaz.children(US)
    assert {p.iso3166 for p in states} >= {"US-CA", "US-NY", "US-DC", "US-PR"}
    assert ids(gaz.children(f"{LA_CITY}/council_district:1")) == []


def test_historical_places_are_marked(gaz: Gazetteer) -> None:
    orleans_territory = gaz.resolve("Orleans Territory")
    assert orleans_territory.valid_through == "1812-04-30"
    assert orleans_territory.historical
    assert orleans_territory.iso3166 is None
    assert not gaz.get(CA).historical


def test_default_gazetteer_is_cached_and_large(gaz: Gazetteer) -> None:
    assert default_gazetteer() is gaz
    assert len(gaz) > 60_000
    assert US in gaz
    levels = {p.level for p in gaz.children(US)}
    assert levels <= set(LEVELS)


# --- errors -----------------------------------------------------------------------------------


def test_errors_pickle(gaz: Gazetteer) -> None:
    unknown = UnknownPlaceError("Xyzzyville", "no place named 'Xyzzyville'")
    copy = pickle.loads(pickle.dumps(unknown))
    assert type(copy) is UnknownPlaceError
    assert (copy.query, str(copy)) == (unknown.query, str(unknown))
    assert str(pickle.loads(pickle.dumps(UnknownPlaceError("x")))) == "unknown place: 'x'"

    with pytest.raises(AmbiguousPlaceError) as info:
        gaz.resolve("Los Angeles")
    ambiguous = pickle.loads(pickle.dumps(info.value))
    assert type(ambiguous) is AmbiguousPlaceError
    assert ambiguous.candidates == info.value.candidates
    assert str(ambiguous) == str(info.value)
    assert ambiguous.query == "Los Angeles"


# --- a small hand-made gazetteer ----------------------------------------------------------------


def small() -> Gazetteer:
    us = "ocd-division/country:xx"
    return Gazetteer(
        [
            Place(id=us, name="Examplia", type="country", level="country", iso3166="XX"),
            Place(
                id=f"{us}/state:aa",
                name="Alpha",
                type="state",
                level="state",
                parent_id=us,
                iso3166="XX-AA",
            ),
            Place(
                id=f"{us}/state:aa/county:river",
                name="River County",
                type="county",
                level="county",
                parent_id=f"{us}/state:aa",
                aliases=("River",),
            ),
            Place(
                id=f"{us}/state:aa/place:river",
                name="River city",
                type="place",
                level="city",
                parent_id=f"{us}/state:aa",
                aliases=("River",),
                alias_ids=(f"{us}/state:aa/place:river_city",),
            ),
            Place(
                id=f"{us}/state:aa/place:old_town",
                name="Old Town",
                type="place",
                level="city",
                parent_id=f"{us}/state:aa",
                valid_through="1900-01-01",
            ),
            Place(
                id=f"{us}/state:aa/place:old_town_2",
                name="Old Town",
                type="place",
                level="city",
                parent_id=f"{us}/state:aa",
            ),
            Place(
                id=f"{us}/state:aa/place:st_marys",
                name="St. Mary's town",
                type="place",
                level="city",
                parent_id=f"{us}/state:aa",
            ),
        ]
    )


def test_level_word_rule() -> None:
    g = small()
    assert [p.level for p in g.find("River")] == ["county", "city"]
    assert g.resolve("River County").level == "county"
    assert g.resolve("River Parish").level == "county"
    assert g.resolve("City of River").level == "city"
    assert g.resolve("River Town").level == "city"
    assert g.resolve("River", level="county").type == "county"
    with pytest.raises(AmbiguousPlaceError):
        g.resolve("River")
    with pytest.raises(UnknownPlaceError):
        g.resolve("River County", level="city")


def test_names_are_matched_loosely() -> None:
    g = small()
    assert g.resolve("saint marys town").name == "St. Mary's town"
    assert g.resolve("ST MARY’S TOWN").name == "St. Mary's town"
    assert normalize_name("  Zürich / Genève ") == "zurich geneve"
    assert normalize_name("U.S.A.") == "usa"
    assert normalize_name("Łódź") == "lodz"


def test_historical_places_give_way_to_current_ones() -> None:
    g = small()
    assert g.resolve("Old Town").id.endswith("old_town_2")
    assert len(g.find("Old Town")) == 2


def test_alias_ids_and_iteration() -> None:
    g = small()
    river = g.get("ocd-division/country:xx/state:aa/place:river_city")
    assert river.id == "ocd-division/country:xx/state:aa/place:river"
    assert "ocd-division/country:xx/state:aa/place:river_city" in g
    assert len(g) == 7
    assert [p.level for p in g][:3] == ["country", "state", "county"]
    assert repr(g) == "<Gazetteer of 7 places>"


def test_bad_places_are_refused() -> None:
    with pytest.raises(ValueError, match="level must be one of"):
        Place(id="ocd-division/country:xx", name="X", type="country", level="nation")
    country = Place(id="ocd-division/country:xx", name="X", type="country", level="country")
    with pytest.raises(ValueError, match="duplicate place id"):
        Gazetteer([country, country])
    orphan = Place(
        id="ocd-division/country:xx/state:aa",
        name="A",
        type="state",
        level="state",
        parent_id="ocd-division/country:yy",
    )
    with pytest.raises(ValueError, match="is not a place"):
        Gazetteer([country, orphan])


# --- laziness and the data file ------------------------------------------------------------------


def test_import_does_not_load_the_data() -> None:
    code = (
        "import sys\n"
        "import policyconflict\n"
        "import policyconflict.gazetteer as g\n"
        "assert g.default_gazetteer.cache_info().currsize == 0\n"
        "assert 'policyconflict._gazetteer_load' not in sys.modules\n"
        "g.default_gazetteer()\n"
        "assert g.default_gazetteer.cache_info().currsize == 1\n"
        "assert 'policyconflict._gazetteer_load' in sys.modules\n"
        "print('ok')\n"
    )
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join([str(REPO / "src"), *filter(None, [env.get("PYTHONPATH")])])
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, env=env, check=False
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "ok"


def test_shipped_data_matches_the_build_script() -> None:
    if not (SHARED_OCD / "identifiers").is_dir():
        pytest.skip(f"OCD division ids not found at {SHARED_OCD}")
    result = subprocess.run(
        [
            sys.executable,
            str(REPO / "tools" / "build_gazetteer.py"),
            str(SHARED_OCD),
            "--out",
            str(REPO / "src" / "policyconflict" / "data"),
            "--check",
        ],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr


def test_the_data_reader_does_not_import_the_gazetteer() -> None:
    """``_gazetteer_load`` reads the file and is told what to make of each line: the two modules
    do not import each other (no import cycle)."""
    source = (REPO / "src" / "policyconflict" / "_gazetteer_load.py").read_text(encoding="utf-8")
    imported: set[str] = set()
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.ImportFrom) and node.module:
            imported.add(node.module)
        elif isinstance(node, ast.Import):
            imported.update(alias.name for alias in node.names)
    assert not {name for name in imported if name.startswith("policyconflict")}


def test_the_data_reader_makes_what_it_is_told() -> None:
    from policyconflict._gazetteer_load import load_shipped

    rows: list[dict[str, object]] = load_shipped(dict)
    assert rows[0].keys() >= {"id", "name", "parent_id", "level", "aliases"}
    assert len(rows) == len(default_gazetteer())
