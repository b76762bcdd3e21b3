"""Query benchmark: the indexed ``Corpus`` against a plain scan and DuckDB over Arrow.

A deterministic generator builds a realistic corpus — by default 1,000,000 statements plus
deployments, laws and roles — over about 3,000 real US jurisdictions from the shipped gazetteer
(the states, a sample of counties and of cities; generated places if the gazetteer is missing),
with Zipf-like skew: a few places, speakers and deployments are very frequent.

For each query shape, in one run: p50 and p95 latency of the indexed ``Corpus``, of the plain
scan (``Corpus(..., indexed=False)``) and of DuckDB over pyarrow tables of the same records
(place and agency hierarchies passed to DuckDB as tables), after checking that all three return
the same records. Also the time to build every index and the memory the indexes add
(tracemalloc), against the memory of the objects, and the cost of merging when the same records
arrive as many overlapping stories (``bench_merge.py``; ``--merge-size 0`` skips it).

Run ``PYTHONPATH=src python benchmarks/bench_query.py`` (``--n 100000`` for a quick run). The
objects are created with attrs validators disabled (the data is valid by construction; a small
corpus is built with validation on first to check that): this measures queries, not validation.
"""

from __future__ import annotations

import argparse
import bisect
import datetime as dt
import gc
import random
import statistics
import sys
import time
import tracemalloc
from collections.abc import Callable, Sequence
from typing import Any

import _world_courts
import attrs
import duckdb
import pyarrow as pa

from policyconflict import (
    Agency,
    AgencyKind,
    Certainty,
    Channel,
    Deployment,
    Jurisdiction,
    JurisdictionLevel,
    Law,
    LawKind,
    Organization,
    OrganizationKind,
    PartialDate,
    Period,
    Person,
    Position,
    Provision,
    ProvisionEffect,
    Role,
    Ruling,
    Stance,
    Statement,
    Story,
)
from policyconflict.ids import ID_PATTERN
from policyconflict.query import ConflictKind, Corpus
from policyconflict.query._time import date_bounds, inner_bounds, outer_bounds

US = "ocd-division/country:us"
CA = f"{US}/state:ca"
TX = f"{US}/state:tx"
LA_CITY = f"{CA}/place:los_angeles"
LA_COUNTY = f"{CA}/county:los_angeles"
LEVELS = {
    "country": JurisdictionLevel.COUNTRY,
    "state": JurisdictionLevel.STATE,
    "county": JurisdictionLevel.COUNTY,
    "city": JurisdictionLevel.CITY,
}
CHANNELS = list(Channel)
STANCES = [Stance.OPPOSE] * 7 + [Stance.SUPPORT] * 6 + [Stance.NEUTRAL] * 4 + [Stance.MIXED] * 3
# Few provisions restrict cooperation: most laws require, permit, protect or fund something.
EFFECTS = [
    ProvisionEffect.REQUIRES,
    ProvisionEffect.PERMITS,
    ProvisionEffect.PROTECTS,
    ProvisionEffect.FUNDS,
    ProvisionEffect.RESTRICTS,
    ProvisionEffect.PROHIBITS,
]
EFFECT_WEIGHTS = [40, 30, 15, 10, 3, 2]
TOPICS = ["immigration-enforcement", "immigration-enforcement-cooperation", "public-safety"]
FIRST_DAY = PartialDate(year=2017, month=1, day=1).earliest.toordinal()
DAYS = 8 * 365


# -- the corpus --------------------------------------------------------------------------------


def zipf_weights(n: int, s: float = 1.1) -> list[float]:
    """Cumulative Zipf weights for ranks 1..n."""
    total = 0.0
    cumulative = []
    for rank in range(1, n + 1):
        total += 1.0 / rank**s
        cumulative.append(total)
    return cumulative


def chooser(items: Sequence[Any], rng: random.Random, s: float = 1.1) -> Callable[[], Any]:
    """A function drawing from ``items`` with Zipf skew (the first items most often)."""
    cumulative = zipf_weights(len(items), s)
    top = cumulative[-1]
    rand = rng.random

    def draw() -> Any:
        return items[bisect.bisect_left(cumulative, rand() * top)]

    return draw


def real_places(rng: random.Random) -> list[tuple[str, str, str, str | None]]:
    """(id, name, level, parent) for the US, its states, ~1,800 counties and ~1,200 cities."""
    try:
        from policyconflict.gazetteer import default_gazetteer

        gazetteer = default_gazetteer()
    except (ImportError, OSError):  # no gazetteer shipped: fall back to generated places
        return generated_places()
    states = [p for p in gazetteer.children(US) if p.level == "state"]
    counties, cities = [], []
    for state in states:
        for child in gazetteer.children(state.id):
            if child.level == "county":
                counties.append(child)
            elif child.level == "city":
                cities.append(child)
    keep = {LA_CITY, LA_COUNTY}
    counties = [c for c in counties if c.id in keep or rng.random() < 0.58]
    cities = [c for c in cities if c.id in keep or rng.random() < 0.033]
    rows = [(US, "United States", "country", None)]
    for place in [*states, *counties, *cities]:
        if ID_PATTERN.fullmatch(place.id):  # a few OCD ids have letters outside the id grammar
            rows.append((place.id, place.name, place.level, place.parent_id))
    return rows


def generated_places() -> list[tuple[str, str, str, str | None]]:
    """Fallback: 50 states, 40 counties and 20 cities each."""
    rows: list[tuple[str, str, str, str | None]] = [(US, "United States", "country", None)]
    for s in range(50):
        state = CA if s == 0 else TX if s == 1 else f"{US}/state:s{s}"
        rows.append((state, f"State {s}", "state", US))
        for c in range(36):
            county = LA_COUNTY if (s, c) == (0, 0) else f"{state}/county:c{c}"
            rows.append((county, f"County {c}", "county", state))
        for c in range(24):
            city = LA_CITY if (s, c) == (0, 0) else f"{state}/place:p{c}"
            rows.append((city, f"City {c}", "city", state))
    return rows


def day(ordinal: int) -> PartialDate:
    d = PartialDate.from_date(__import__("datetime").date.fromordinal(ordinal))
    return d


def random_date(rng: random.Random) -> PartialDate | None:
    """Mostly days, some months and years, a few undated; skewed toward 2019-2020."""
    roll = rng.random()
    if roll < 0.01:
        return None
    offset = int(rng.triangular(0, DAYS, DAYS * 0.4))
    when = day(FIRST_DAY + offset)
    if roll < 0.03:
        return PartialDate(year=when.year)
    if roll < 0.10:
        return PartialDate(year=when.year, month=when.month)
    return when


def span(rng: random.Random, low_days: int, high_days: int) -> Period:
    start = FIRST_DAY + int(rng.triangular(0, DAYS, DAYS * 0.4))
    end = min(start + rng.randint(low_days, high_days), FIRST_DAY + DAYS + 400)
    return Period(start=day(start), end=day(end))


def build_corpus_story(n: int, seed: int = 7) -> Story:
    """The benchmark story: n statements and the world around them."""
    rng = random.Random(seed)
    places = real_places(rng)
    jurisdictions = [
        Jurisdiction(id=pid, name=name, level=LEVELS[level], parent=parent)
        for pid, name, level, parent in places
    ]
    by_level: dict[str, list[str]] = {}
    for pid, _, level, _ in places:
        by_level.setdefault(level, []).append(pid)
    # Big places first, so the skew favours them; California and Los Angeles near the top.
    favourite = [CA, TX, LA_COUNTY, LA_CITY]
    hot = favourite + [
        p for p in by_level["state"] + by_level["county"] + by_level["city"] if p not in favourite
    ]
    rng.shuffle(hot[4:])
    pick_place = chooser(hot, rng, 0.9)

    federal = [
        Agency(
            id="dhs",
            name="Department of Homeland Security",
            kind=AgencyKind.DEPARTMENT,
            jurisdiction=US,
        ),
        Agency(id="ice", name="ICE", kind=AgencyKind.AGENCY, parent="dhs", abbreviation="ICE"),
        Agency(id="ero", name="ERO", kind=AgencyKind.COMPONENT, parent="ice"),
        Agency(id="cbp", name="CBP", kind=AgencyKind.AGENCY, parent="dhs", abbreviation="CBP"),
        Agency(id="border-patrol", name="Border Patrol", kind=AgencyKind.COMPONENT, parent="cbp"),
        Agency(id="bortac", name="BORTAC", kind=AgencyKind.UNIT, parent="border-patrol"),
        Agency(id="doj", name="Department of Justice", kind=AgencyKind.DEPARTMENT, jurisdiction=US),
        Agency(id="fbi", name="FBI", kind=AgencyKind.AGENCY, parent="doj"),
    ]
    local = [
        Agency(
            id=f"police:{pid.removeprefix('ocd-division/country:us/')}",
            name=f"Police of {pid}",
            kind=AgencyKind.SHERIFF if level == "county" else AgencyKind.POLICE,
            jurisdiction=pid,
        )
        for pid, _, level, _ in places
        if level in ("state", "county", "city")
    ]
    agencies = federal + local
    organizations = [
        Organization(
            id=f"org-{i}",
            name=f"Advocacy group {i}",
            kind=OrganizationKind.ADVOCACY,
            jurisdiction=None if i % 3 else pick_place(),
        )
        for i in range(300)
    ]
    n_persons = max(200, n // 30)
    persons = [Person(id=f"person-{i}", name=f"Person {i}") for i in range(n_persons)]
    bodies_local = [a.id for a in local]
    pick_local = chooser(bodies_local, rng, 0.8)
    roles = []
    federal_ids = [a.id for a in federal]
    for i, person in enumerate(persons):
        for k in range(1 + (i % 3 == 0)):
            roll = rng.random()
            if roll < 0.08:
                body = rng.choice(federal_ids)
            elif roll < 0.2:
                body = rng.choice(organizations).id
            elif roll < 0.3:
                body = pick_place()
            else:
                body = pick_local()
            roles.append(
                Role(
                    id=f"role-{i}-{k}",
                    person=person.id,
                    organization=body,
                    title=rng.choice(
                        ["Mayor", "Chief", "Sheriff", "Director", "Spokesperson", "Counsel"]
                    ),
                    period=span(rng, 200, 3000),
                )
            )
    n_deployments = max(50, n // 50)
    deployments = []
    for i in range(n_deployments):
        deployments.append(
            Deployment(
                id=f"deployment-{i}",
                agency=rng.choice(["cbp", "border-patrol", "bortac", "ice", "ero", "fbi"]),
                in_support_of=(rng.choice(["ice", "ero", "ice", "dhs"]),)
                if rng.random() < 0.7
                else (),
                targets=tuple(sorted({pick_place() for _ in range(rng.randint(1, 3))})),
                period=span(rng, 20, 200),
                topic=rng.choice(TOPICS),
            )
        )
    n_laws = max(40, n // 100)
    laws = []
    for i in range(n_laws):
        effective = day(FIRST_DAY - 2000 + rng.randint(0, DAYS + 1500))
        expires = None
        if rng.random() < 0.3:
            expires = day(effective.earliest.toordinal() + rng.randint(100, 3000))
        provisions = tuple(
            Provision(
                id=f"law-{i}#p{j}",
                label=f"section {j}",
                effect=rng.choices(EFFECTS, EFFECT_WEIGHTS)[0],
                activity=rng.choice(TOPICS),
                counterparty=(rng.choice(["ice", "dhs", "cbp", "fbi"]),),
            )
            for j in range(rng.randint(0, 3))
        )
        laws.append(
            Law(
                id=f"law-{i}",
                kind=rng.choice([LawKind.STATUTE, LawKind.ORDINANCE, LawKind.AGENCY_POLICY]),
                jurisdiction=pick_place() if rng.random() < 0.7 else rng.choice(by_level["state"]),
                title=f"Law {i}",
                effective=effective,
                expires=expires,
                provisions=provisions,
            )
        )
    person_ids = [p.id for p in persons]
    pick_person = chooser(person_ids, rng, 1.0)
    agency_ids = [a.id for a in agencies]
    pick_agency = chooser(federal_ids + bodies_local, rng, 1.0)
    pick_target = chooser(
        [d.id for d in deployments] + [law.id for law in laws] + agency_ids[:8], rng, 1.05
    )
    statements = []
    for i in range(n):
        roll = rng.random()
        speaker = pick_person() if roll < 0.8 else pick_agency() if roll < 0.95 else pick_place()
        principal = None
        if rng.random() < 0.04:
            principal = pick_agency()
            if principal == speaker:
                principal = None
        targets = {pick_target() for _ in range(1 + (rng.random() < 0.3))}
        statements.append(
            Statement(
                id=f"statement-{i}",
                speaker=speaker,
                on_behalf_of=principal,
                text=f"Statement number {i} about the deployment and the law.",
                date=random_date(rng),
                channel=rng.choice(CHANNELS),
                positions=tuple(
                    Position(target=t, stance=rng.choice(STANCES)) for t in sorted(targets)
                ),
            )
        )
    # -- figures, courts and transfers of control (engineer q5) --------------------------------
    figures = _world_courts.figures(
        rng, deployments, [o.id for o in organizations], max(60, n // 200)
    )
    cases, rulings = _world_courts.cases_and_rulings(
        rng, laws, by_level["city"], person_ids, max(20, n // 2000), deployments
    )
    transfers = _world_courts.control_transfers(
        rng, [a.id for a in local], [a.jurisdiction for a in local], max(10, n // 5000)
    )
    events = _world_courts.events(rng, pick_place, federal_ids, max(40, n // 50))
    relations = _world_courts.relations(rng, deployments, laws, federal_ids, max(40, n // 100))
    return Story(
        id="benchmark",
        title="Benchmark corpus",
        events=tuple(events),
        relations=tuple(relations),
        figures=tuple(figures),
        legal_cases=tuple(cases),
        rulings=tuple(rulings),
        control_transfers=tuple(transfers),
        jurisdictions=tuple(jurisdictions),
        agencies=tuple(agencies) + tuple(_world_courts.COURTS),
        organizations=tuple(organizations),
        persons=tuple(persons),
        roles=tuple(roles),
        laws=tuple(laws),
        deployments=tuple(deployments),
        statements=tuple(statements),
    )


# -- DuckDB over Arrow -------------------------------------------------------------------------


def arrow_tables(corpus: Corpus) -> dict[str, pa.Table]:
    """The same records as flat Arrow tables: one row per record, and link tables."""
    statements = corpus.entities("statements")
    cols: dict[str, list[Any]] = {
        k: [] for k in ("pos", "speaker", "principal", "channel", "lo", "hi")
    }
    places: dict[str, list[Any]] = {"pos": [], "place": []}
    positions: dict[str, list[Any]] = {"pos": [], "target": [], "stance": []}
    for pos, s in enumerate(statements):
        lo, hi = date_bounds(s.date)
        cols["pos"].append(pos)
        cols["speaker"].append(s.speaker)
        cols["principal"].append(s.on_behalf_of)
        cols["channel"].append(s.channel.value)
        cols["lo"].append(lo)
        cols["hi"].append(hi)
        spots = set(corpus.places_of(s.speaker))
        if s.on_behalf_of is not None:
            spots |= corpus.places_of(s.on_behalf_of)
        for place in spots:
            places["pos"].append(pos)
            places["place"].append(place)
        for p in s.positions:
            positions["pos"].append(pos)
            positions["target"].append(p.target)
            positions["stance"].append(p.stance.value)
    deps: dict[str, list[Any]] = {
        k: [] for k in ("pos", "agency", "topic", "lo", "hi", "ilo", "ihi")
    }
    dplaces: dict[str, list[Any]] = {"pos": [], "place": []}
    dsupports: dict[str, list[Any]] = {"pos": [], "agency": []}
    for pos, d in enumerate(corpus.entities("deployments")):
        lo, hi = outer_bounds(d.period)
        ilo, ihi = inner_bounds(d.period)
        for key, value in (
            ("pos", pos),
            ("agency", d.agency),
            ("topic", d.topic),
            ("lo", lo),
            ("hi", hi),
            ("ilo", ilo),
            ("ihi", ihi),
        ):
            deps[key].append(value)
        for place in d.targets:
            dplaces["pos"].append(pos)
            dplaces["place"].append(place)
        for agency in d.in_support_of:
            dsupports["pos"].append(pos)
            dsupports["agency"].append(agency)
    laws: dict[str, list[Any]] = {
        k: [] for k in ("pos", "id", "jurisdiction", "lo", "hi", "ilo", "ihi")
    }
    provisions: dict[str, list[Any]] = {
        k: [] for k in ("pos", "effect", "counterparty", "activity")
    }
    for pos, law in enumerate(corpus.entities("laws")):
        lo, hi = outer_bounds(law.effective_period)
        ilo, ihi = inner_bounds(law.effective_period)
        for key, value in (
            ("pos", pos),
            ("id", law.id),
            ("jurisdiction", law.jurisdiction),
            ("lo", lo),
            ("hi", hi),
            ("ilo", ilo),
            ("ihi", ihi),
        ):
            laws[key].append(value)
        for p in law.provisions:
            for c in p.counterparty:
                provisions["pos"].append(pos)
                provisions["effect"].append(p.effect.value)
                provisions["counterparty"].append(c)
                provisions["activity"].append(p.activity)
    roles: dict[str, list[Any]] = {
        k: [] for k in ("pos", "organization", "title", "lo", "hi", "ilo", "ihi")
    }
    for pos, r in enumerate(corpus.entities("roles")):
        lo, hi = outer_bounds(r.period)
        ilo, ihi = inner_bounds(r.period)
        for key, value in (
            ("pos", pos),
            ("organization", r.organization),
            ("title", r.title.casefold()),
            ("lo", lo),
            ("hi", hi),
            ("ilo", ilo),
            ("ihi", ihi),
        ):
            roles[key].append(value)
    ancestors: dict[str, list[Any]] = {"place": [], "ancestor": []}
    for j in corpus.entities("jurisdictions"):
        for a in (j.id, *corpus.ancestors(j.id)):
            ancestors["place"].append(j.id)
            ancestors["ancestor"].append(a)
    figs: dict[str, list[Any]] = {"pos": [], "subject": []}
    for pos, fig in enumerate(corpus.entities("figures")):
        figs["pos"].append(pos)
        figs["subject"].append(fig.subject)
    rul: dict[str, list[Any]] = {k: [] for k in ("pos", "case", "lo", "hi")}
    for pos, r in enumerate(corpus.entities("rulings")):
        lo, hi = date_bounds(r.date)
        for key, value in (("pos", pos), ("case", r.case), ("lo", lo), ("hi", hi)):
            rul[key].append(value)
    parties: dict[str, list[Any]] = {k: [] for k in ("case", "idx", "always", "lo", "hi")}
    for case in corpus.entities("legal_cases"):
        for idx, party in enumerate(case.parties):
            lo, hi = outer_bounds(party.period) if party.period is not None else (0, 0)
            for key, value in (
                ("case", case.id),
                ("idx", idx),
                ("always", party.period is None),
                ("lo", lo),
                ("hi", hi),
            ):
                parties[key].append(value)
    xfer: dict[str, list[Any]] = {k: [] for k in ("force", "to_command", "lo", "hi")}
    for t in corpus.entities("control_transfers"):
        lo, hi = outer_bounds(t.period)
        for key, value in (
            ("force", t.force),
            ("to_command", t.to_command),
            ("lo", lo),
            ("hi", hi),
        ):
            xfer[key].append(value)
    rels: dict[str, list[Any]] = {"pos": [], "subject": []}
    for pos, rel in enumerate(corpus.entities("relations")):
        rels["pos"].append(pos)
        rels["subject"].append(rel.subject)
    evs: dict[str, list[Any]] = {"pos": [], "lo": [], "hi": []}
    ev_places: dict[str, list[Any]] = {"pos": [], "place": []}
    for pos, ev in enumerate(corpus.entities("events")):
        lo, hi = outer_bounds(ev.period)
        for key, value in (("pos", pos), ("lo", lo), ("hi", hi)):
            evs[key].append(value)
        for place in ev.places:
            ev_places["pos"].append(pos)
            ev_places["place"].append(place)
    # -- the legal chain (engineer q3): one row per outcome of a ruling --------------------------
    rul_out: dict[str, list[Any]] = {"pos": [], "id": [], "target": []}
    for pos, r in enumerate(corpus.entities("rulings")):
        for outcome in r.outcomes:
            for key, value in (("pos", pos), ("id", r.id), ("target", outcome.target)):
                rul_out[key].append(value)
    rul_eff: dict[str, list[Any]] = {k: [] for k in ("id", "target", "effect", "hi")}
    for r in corpus.entities("rulings"):
        for outcome in r.outcomes:
            for key, value in (
                ("id", r.id),
                ("target", outcome.target),
                ("effect", outcome.effect.value),
                ("hi", date_bounds(r.date)[1]),
            ):
                rul_eff[key].append(value)
    return {
        "rul_eff": pa.table(rul_eff),
        "rul_out": pa.table(rul_out),
        "xfer": pa.table(xfer),
        "rel": pa.table(rels),
        "ev": pa.table(evs),
        "ev_places": pa.table(ev_places),
        "fig": pa.table(figs),
        "rul": pa.table(rul),
        "case_parties": pa.table(parties),
        "st": pa.table(cols),
        "st_places": pa.table(places),
        "st_positions": pa.table(positions),
        "dep": pa.table(deps),
        "dep_places": pa.table(dplaces),
        "dep_supports": pa.table(dsupports),
        "law": pa.table(laws),
        "law_provisions": pa.table(provisions),
        "role": pa.table(roles),
        "place_ancestors": pa.table(ancestors),
    }


# -- query shapes ------------------------------------------------------------------------------


@attrs.frozen
class Shape:
    """One query: how the corpus asks it and the DuckDB SQL."""

    name: str
    ask: Callable[[Corpus], Any]
    sql: str
    tables: dict[str, pa.Table] = attrs.field(factory=dict)
    pairs: bool = False  # results compared as (deployment, law) pairs (conflicts)
    evidence: bool = False  # results compared as the statements their evidence names
    compare: Callable[[Corpus, Any], list[Any]] | None = None  # the answer as DuckDB rows


def _window(period: Period) -> tuple[int, int]:
    return outer_bounds(period)


def _one(name: str, values: Sequence[str]) -> dict[str, pa.Table]:
    return {name: pa.table({"v": sorted(values)})}


def shapes(corpus: Corpus) -> list[Shape]:
    """The query shapes, with parameters drawn from the generated corpus."""
    feb = Period.parse("2020-02-01/2020-02-29")
    year = Period.parse("2020/2020")
    week = Period.parse("2020-03-01/2020-03-07")
    day_lo, day_hi = date_bounds(PartialDate.parse("2020-02-14"))
    on_lo, on_hi = date_bounds(PartialDate.parse("2020-02-15"))
    f_lo, f_hi = _window(feb)
    y_lo, y_hi = _window(year)
    w_lo, w_hi = _window(week)
    ice_members = corpus.members("ice")  # the same set DuckDB is given
    la_city_up = (LA_CITY, *corpus.ancestors(LA_CITY))
    st_in = "SELECT DISTINCT s.pos FROM st s"
    transfer = corpus.entities("control_transfers")[0]  # a day in the middle of its period
    force = transfer.force
    middle = transfer.period.start.earliest.toordinal() + transfer.period.end.earliest.toordinal()
    at = PartialDate.from_date(dt.date.fromordinal(middle // 2))
    at_lo, at_hi = date_bounds(at)
    # status of one deployment at an instant: noon UTC on a day between its injunction and
    # the stay of it (or a few days after an injunction never stayed)
    enjoined = corpus.get("case-3/ruling-0")
    assert isinstance(enjoined, Ruling)
    held = enjoined.outcomes[0].target
    stay = corpus.get("case-3/ruling-1") if "case-3/ruling-1" in corpus else None
    first_day = enjoined.date.earliest.toordinal()
    last_day = stay.date.earliest.toordinal() if isinstance(stay, Ruling) else first_day + 10
    noon = dt.date.fromordinal((first_day + last_day) // 2)
    instant = PartialDate.parse(f"{noon.isoformat()}T12:00Z")
    instant_lo = date_bounds(instant)[0]
    challenged = corpus.get(corpus.entities("legal_cases")[0].challenges[0])
    law_ids = ", ".join(f"'{t}'" for t in (challenged.id, *(p.id for p in challenged.provisions)))
    return [
        Shape(
            "opposing statements within California in one month",
            lambda c: c.statements(stance=Stance.OPPOSE, within=CA, during=feb),
            f"{st_in} JOIN st_places p ON p.pos = s.pos JOIN st_positions q ON q.pos = s.pos "
            f"WHERE p.place IN (SELECT v FROM q_ca) AND q.stance = 'oppose' "
            f"AND s.lo <= {f_hi} AND s.hi >= {f_lo} ORDER BY 1",
            _one("q_ca", sorted(corpus.descendants(CA))),
        ),
        Shape(
            "statements by ICE's officials about one deployment",
            lambda c: c.statements(speaker_org="ice", target="deployment-0"),
            f"{st_in} JOIN st_positions q ON q.pos = s.pos WHERE q.target = 'deployment-0' "
            "AND (s.speaker IN (SELECT v FROM q_ice) OR s.principal IN (SELECT v FROM q_ice)) "
            "ORDER BY 1",
            _one("q_ice", sorted(ice_members)),
        ),
        Shape(
            "statements by the busiest speaker in one year",
            lambda c: c.statements(speaker="person-0", during=year),
            f"{st_in} WHERE s.speaker = 'person-0' AND s.lo <= {y_hi} AND s.hi >= {y_lo} "
            "ORDER BY 1",
        ),
        Shape(
            "statements placed in LA County on one day (surely)",
            lambda c: c.statements(within=LA_COUNTY, on="2020-02-14", certainty=Certainty.SURELY),
            f"{st_in} JOIN st_places p ON p.pos = s.pos WHERE p.place IN (SELECT v FROM q_lac) "
            f"AND s.lo >= {day_lo} AND s.hi <= {day_hi} AND s.lo < 10E14 ORDER BY 1",
            _one("q_lac", sorted(corpus.descendants(LA_COUNTY))),
        ),
        Shape(
            "statements supporting one law",
            lambda c: c.statements(target="law-3", stance=Stance.SUPPORT),
            f"{st_in} JOIN st_positions q ON q.pos = s.pos WHERE q.target = 'law-3' "
            "AND q.stance = 'support' ORDER BY 1",
        ),
        Shape(
            "all statements in one week",
            lambda c: c.statements(during=week),
            f"{st_in} WHERE s.lo <= {w_hi} AND s.hi >= {w_lo} ORDER BY 1",
        ),
        Shape(
            "deployments active in LA County's places on a date",
            lambda c: c.deployments(target_within=LA_COUNTY, active_on="2020-02-15"),
            "SELECT DISTINCT d.pos FROM dep d JOIN dep_places p ON p.pos = d.pos "
            f"WHERE p.place IN (SELECT v FROM q_lac) AND d.lo <= {on_hi} AND d.hi >= {on_lo} "
            "ORDER BY 1",
            _one("q_lac", sorted(corpus.descendants(LA_COUNTY))),
        ),
        Shape(
            "deployments supporting ICE in Texas during a year",
            lambda c: c.deployments(supports="ice", target_within=TX, active_during=year),
            "SELECT DISTINCT d.pos FROM dep d JOIN dep_places p ON p.pos = d.pos "
            "JOIN dep_supports s ON s.pos = d.pos WHERE p.place IN (SELECT v FROM q_tx) "
            f"AND s.agency IN ('ice', 'ero') AND d.lo <= {y_hi} AND d.hi >= {y_lo} ORDER BY 1",
            _one("q_tx", sorted(corpus.descendants(TX))),
        ),
        Shape(
            "laws restricting ICE in force in Los Angeles on a date",
            lambda c: c.laws_in_force(LA_CITY, "2020-02-15", restricts="ice"),
            "SELECT DISTINCT l.pos FROM law l JOIN law_provisions p ON p.pos = l.pos "
            "WHERE l.jurisdiction IN (SELECT v FROM q_up) AND p.effect IN ('restricts', "
            f"'prohibits') AND p.counterparty IN ('ice', 'dhs') AND l.lo <= {on_hi} "
            f"AND l.hi >= {on_lo} ORDER BY 1",
            _one("q_up", la_city_up),
        ),
        Shape(
            "roles held in ICE on a date",
            lambda c: c.roles_on("2020-02-15", organization="ice"),
            f"SELECT pos FROM role WHERE organization = 'ice' AND lo <= {on_hi} "
            f"AND hi >= {on_lo} ORDER BY 1",
        ),
        Shape(
            "cooperation-restricted conflicts in California in a year",
            lambda c: c.conflicts([ConflictKind.COOPERATION_RESTRICTED], within=CA, during=year),
            "SELECT DISTINCT d.pos AS dep, l.pos AS law FROM dep d "
            "JOIN dep_places dp ON dp.pos = d.pos "
            "JOIN place_ancestors pa ON pa.place = dp.place "
            "JOIN law l ON l.jurisdiction = pa.ancestor "
            "JOIN law_provisions pr ON pr.pos = l.pos "
            "JOIN dep_supports ds ON ds.pos = d.pos "
            "JOIN agency_ancestors aa ON aa.agency = ds.agency "
            "WHERE dp.place IN (SELECT v FROM q_ca) AND pr.effect IN ('restricts', 'prohibits') "
            "AND pr.counterparty = aa.ancestor "
            "AND (pr.activity IS NULL OR d.topic IS NULL OR pr.activity = d.topic "
            "OR starts_with(pr.activity, d.topic || '-') "
            "OR starts_with(d.topic, pr.activity || '-')) "
            "AND l.lo <= d.hi AND l.hi >= d.lo "
            f"AND greatest(l.lo, d.lo) <= {y_hi} AND least(l.hi, d.hi) >= {y_lo} ORDER BY 1, 2",
            _one("q_ca", sorted(corpus.descendants(CA))),
            pairs=True,
        ),
        # -- issue 14, items 1, 2, 7 and 8 (engineer q1): keep these shapes in this block ----
        Shape(
            "positions on one law (statements placed on their dates)",
            lambda c: c.positions("law-3"),
            f"{st_in} JOIN st_positions q ON q.pos = s.pos WHERE q.target = 'law-3' ORDER BY 1",
            evidence=True,
        ),
        Shape(
            "positions on one law in one year",
            lambda c: c.positions("law-3", during=year),
            f"{st_in} JOIN st_positions q ON q.pos = s.pos WHERE q.target = 'law-3' "
            f"AND s.lo <= {y_hi} AND s.hi >= {y_lo} ORDER BY 1",
            evidence=True,
        ),
        # -- figures and parties at rulings (engineer q5): keep these shapes in this block ----
        Shape(
            "figures for one subject",
            lambda c: c.figures(subject="deployment-0"),
            "SELECT pos FROM fig WHERE subject = 'deployment-0' ORDER BY 1",
            compare=_figure_positions,
        ),
        Shape(
            "parties at each ruling of one case",
            lambda c: c.parties_at_rulings("case-0"),
            "SELECT r.pos, p.idx FROM rul r JOIN case_parties p ON p.case = r.case "
            "WHERE r.case = 'case-0' AND (p.always OR (p.lo <= r.hi AND p.hi >= r.lo)) "
            "ORDER BY 1, 2",
            pairs=True,
            compare=_ruling_parties,
        ),
        # -- the legal chain (engineer q3): keep these shapes in this block ------------------
        Shape(
            "legal chain of one law (rulings on rulings followed down)",
            lambda c: c.rulings_affecting(challenged.id),
            "WITH RECURSIVE chain(id) AS (SELECT id FROM rul_out WHERE target IN "
            f"({law_ids}) UNION SELECT o.id FROM rul_out o JOIN chain c ON o.target = c.id) "
            "SELECT DISTINCT pos FROM rul_out WHERE id IN (SELECT id FROM chain) ORDER BY 1",
            compare=_ruling_positions,
        ),
        Shape(
            "status of one deployment at an instant",
            lambda c: (c.status_on(held, instant),),
            "SELECT CASE WHEN EXISTS (SELECT 1 FROM rul_eff i WHERE i.target = "
            f"'{held}' AND i.effect = 'enjoins' AND i.hi <= {instant_lo} AND NOT EXISTS "
            "(SELECT 1 FROM rul_eff s WHERE s.target = i.id AND s.effect = 'stays' "
            f"AND s.hi <= {instant_lo})) THEN 'enjoined' ELSE 'in-force' END",
            compare=lambda _c, answer: [a.state.value for a in answer],
        ),
        # -- command, relations and events (engineer q4's calls; shapes by q5) ---------------
        Shape(
            "command of one unit on a date",
            lambda c: (c.command_on(force, at),),
            f"SELECT coalesce((SELECT to_command FROM xfer WHERE force = '{force}' "
            f"AND lo <= {at_hi} AND hi >= {at_lo} ORDER BY lo DESC LIMIT 1), 'home')",
            compare=lambda _c, answer: [a.authority for a in answer],
        ),
        Shape(
            "relations of one subject",
            lambda c: c.relations(subject="deployment-0"),
            "SELECT pos FROM rel WHERE subject = 'deployment-0' ORDER BY 1",
            compare=_relation_positions,
        ),
        Shape(
            "events within a place in a year",
            lambda c: c.events(within=CA, during=year),
            "SELECT DISTINCT e.pos FROM ev e JOIN ev_places p ON p.pos = e.pos "
            f"WHERE p.place IN (SELECT v FROM q_ca) AND e.lo <= {y_hi} AND e.hi >= {y_lo} "
            "ORDER BY 1",
            _one("q_ca", sorted(corpus.descendants(CA))),
            compare=_event_positions,
        ),
    ]


def _ruling_positions(corpus: Corpus, result: Any) -> list[Any]:
    where = {r.id: i for i, r in enumerate(corpus.entities("rulings"))}
    return sorted(where[e.id] for e in result)


def _relation_positions(corpus: Corpus, result: Any) -> list[Any]:
    where = {r.id: i for i, r in enumerate(corpus.entities("relations"))}
    return [where[r.id] for r in result]


def _event_positions(corpus: Corpus, result: Any) -> list[Any]:
    where = {e.id: i for i, e in enumerate(corpus.entities("events"))}
    return [where[e.id] for e in result]


def _figure_positions(corpus: Corpus, result: Any) -> list[Any]:
    where = {f.id: i for i, f in enumerate(corpus.entities("figures"))}
    return sorted(where[r.figure] for r in result)


def _ruling_parties(corpus: Corpus, result: Any) -> list[Any]:
    where = {r.id: i for i, r in enumerate(corpus.entities("rulings"))}
    case = corpus.get(result[0].case) if result else None
    index = {id(p): k for k, p in enumerate(getattr(case, "parties", ()))}
    return sorted((where[r.ruling], index[id(p)]) for r in result for p in r.parties)


# -- running -----------------------------------------------------------------------------------


def timed(function: Callable[[], Any], repeat: int) -> tuple[float, float, Any]:
    """p50 and p95 in milliseconds, and the last result."""
    samples = []
    result = None
    for _ in range(repeat):
        start = time.perf_counter()
        result = function()
        samples.append((time.perf_counter() - start) * 1000)
    samples.sort()
    p95 = samples[min(len(samples) - 1, round(0.95 * (len(samples) - 1)))]
    return statistics.median(samples), p95, result


def positions(corpus: Corpus, shape: Shape, result: Any) -> list[Any]:
    """A corpus answer as DuckDB gives it: positions, or (deployment, law) pairs."""
    if shape.compare is not None:
        return shape.compare(corpus, result)
    if shape.pairs:
        deps = {d.id: i for i, d in enumerate(corpus.entities("deployments"))}
        laws = {law.id: i for i, law in enumerate(corpus.entities("laws"))}
        return sorted((deps[c.subject], laws[e]) for c in result for e in c.evidence if e in laws)
    if shape.evidence:  # stance records: the statements they rest on
        where = {e.id: i for i, e in enumerate(corpus.entities("statements"))}
        return sorted({where[e] for record in result for e in record.evidence if e in where})
    kind = type(result[0]).__name__ if result else None
    names = {"Statement": "statements", "Deployment": "deployments", "Law": "laws", "Role": "roles"}
    if kind is None:
        return []
    where = {e.id: i for i, e in enumerate(corpus.entities(names[kind]))}
    return [where[e.id] for e in result]


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--n", type=int, default=1_000_000, help="statements (default 1,000,000)")
    parser.add_argument("--repeat", type=int, default=50, help="indexed repetitions per shape")
    parser.add_argument("--scan-repeat", type=int, default=3, help="scan repetitions per shape")
    parser.add_argument("--duckdb-repeat", type=int, default=15, help="DuckDB repetitions")
    parser.add_argument(
        "--merge-size",
        type=int,
        default=10_000,
        help="statements per story when the corpus arrives as overlapping stories (0: skip)",
    )
    args = parser.parse_args(argv)

    # The generator's records are valid: check a small corpus with validation on.
    build_corpus_story(2_000)

    t0 = time.perf_counter()
    tracemalloc.start()
    with attrs.validators.disabled():
        story = build_corpus_story(args.n)
    objects_bytes = tracemalloc.get_traced_memory()[0]
    tracemalloc.stop()
    t1 = time.perf_counter()
    others = sum(
        len(getattr(story, k))
        for k in ("deployments", "laws", "roles", "jurisdictions", "agencies", "persons")
    )
    print(f"generated {args.n:,} statements and {others:,} other records in {t1 - t0:.1f} s")
    tracemalloc.start()
    corpus = Corpus([story])
    store_bytes = tracemalloc.get_traced_memory()[0]
    tracemalloc.stop()
    scanner = Corpus([story], indexed=False)
    probe = Corpus([story])
    del story
    gc.collect()
    records = sum(len(corpus.entities(k)) for k in ("statements", "deployments", "laws", "roles"))

    corpus.descendants(US)  # the gazetteer is read here, not counted below
    probe.descendants(US)
    start = time.perf_counter()
    corpus.build_indexes()
    build = time.perf_counter() - start
    start = time.perf_counter()
    corpus.conflicts([ConflictKind.COOPERATION_RESTRICTED])
    conflict_build = time.perf_counter() - start

    # The memory the indexes add, measured on a second corpus holding the same objects; the
    # conflicts found (cached answers, with their own index) are counted apart.
    tracemalloc.start()
    probe.build_indexes()
    index_bytes = tracemalloc.get_traced_memory()[0]
    probe.conflicts([ConflictKind.COOPERATION_RESTRICTED])
    conflict_bytes = tracemalloc.get_traced_memory()[0] - index_bytes
    tracemalloc.stop()
    del probe

    con = duckdb.connect()
    tables = arrow_tables(corpus)
    agency_rows: dict[str, list[str]] = {"agency": [], "ancestor": []}
    parents = {a.id: a.parent for a in corpus.entities("agencies")}
    for agency in parents:
        up: str | None = agency
        while up is not None:
            agency_rows["agency"].append(agency)
            agency_rows["ancestor"].append(up)
            up = parents.get(up)
    tables["agency_ancestors"] = pa.table(agency_rows)
    for name, table in tables.items():
        con.register(name, table)

    # A long-lived corpus: move it out of the collector's generations, as a service would.
    gc.collect()
    gc.freeze()
    rows = []
    for shape in shapes(corpus):
        for name, table in shape.tables.items():
            con.register(name, table)
        shape.ask(corpus)  # warm
        i50, i95, indexed = timed(lambda s=shape: s.ask(corpus), args.repeat)
        s50, s95, scanned = timed(lambda s=shape: s.ask(scanner), args.scan_repeat)
        d50, d95, duck = timed(lambda s=shape: con.execute(s.sql).fetchall(), args.duckdb_repeat)
        mine = positions(corpus, shape, indexed)
        theirs = [tuple(r) if shape.pairs else r[0] for r in duck]
        same = indexed == scanned and (
            sorted(set(mine)) == sorted(set(theirs)) if shape.pairs else mine == theirs
        )
        # Selective: answers with at most 0.1 % of the statements' count (at least 100 rows).
        selective = len(indexed) <= max(100, args.n // 1000)
        rows.append((shape, selective, len(indexed), i50, i95, s50, s95, d50, d95, same))

    print()
    print(f"corpus: {args.n:,} statements, {records:,} queryable records")
    header = (
        f"{'shape':<58} {'sel':>3} {'rows':>7} {'index p50':>9} {'p95':>7} {'scan p50':>9} "
        f"{'p95':>7} {'duckdb p50':>10} {'p95':>7} {'scan/idx':>8} {'duck/idx':>8} same"
    )
    print(header)
    print("-" * len(header))
    ok = True
    for shape, selective, count, i50, i95, s50, s95, d50, d95, same in rows:
        print(
            f"{shape.name:<58} {'yes' if selective else 'no':>3} {count:>7,} {i50:>9.3f} "
            f"{i95:>7.3f} {s50:>9.1f} {s95:>7.1f} {d50:>10.2f} {d95:>7.2f} {s50 / i50:>7.0f}x "
            f"{d50 / i50:>7.1f}x {'yes' if same else 'NO'}"
        )
        ok = ok and same
    per_million = build / records * 1e6
    print()
    print(
        f"index build: {build:.2f} s for {records:,} records = {per_million:.2f} s per million "
        f"(+ {conflict_build:.2f} s finding conflicts on first use)"
    )
    print(
        f"memory: objects {objects_bytes / 2**20:,.0f} MiB, indexes {index_bytes / 2**20:,.0f} MiB "
        f"(+{100 * index_bytes / objects_bytes:.0f} %); the corpus's id table "
        f"{store_bytes / 2**20:,.0f} MiB (+{100 * store_bytes / objects_bytes:.0f} %); "
        f"the conflicts found and their index {conflict_bytes / 2**20:,.0f} MiB"
    )
    print()
    selective_p50 = max((r[3] for r in rows if r[1]), default=0.0)
    worst_duck = min(r[7] / r[3] for r in rows)
    checks = [
        (
            "every selective shape p50 <= 2 ms",
            selective_p50 <= 2.0,
            f"worst {selective_p50:.3f} ms",
        ),
        ("every shape >= 5x faster than DuckDB", worst_duck >= 5.0, f"worst {worst_duck:.1f}x"),
        ("index build <= 3 s per million records", per_million <= 3.0, f"{per_million:.2f} s"),
        (
            "indexes add <= 50 % memory",
            index_bytes <= 0.5 * objects_bytes,
            f"+{100 * index_bytes / objects_bytes:.0f} %",
        ),
        ("all three agree on every shape", ok, "yes" if ok else "NO"),
    ]
    for name, met, value in checks:
        print(f"  [{'met' if met else 'MISSED'}] {name}: {value}")
    if args.merge_size:
        gc.unfreeze()
        del corpus, scanner
        import bench_merge  # here: it builds on this module's generator

        print()
        bench_merge.run(args.n, args.merge_size, 0.1)
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
