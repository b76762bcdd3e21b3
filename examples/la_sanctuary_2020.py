"""The founding story, built with the public API: the Los Angeles Times of Friday 2020-02-14,
"LA officials oppose ICE plan to add officers in sanctuary cities" (Brittny Mejia, Molly
Hennessy-Fiske and Leila Miller).

It shows how a whole news story becomes one validated :class:`~policyconflict.Story`:

* the article as a ``Source``, and every fact citing it with the article's own words;
* places as ``Jurisdiction`` records keyed by Open Civic Data division ids, looked up offline in
  the gazetteer with their parent chains;
* agencies nested in their parents (ERO → ICE → DHS; Border Patrol → CBP), people and the posts
  they held, California's SB 54 and the LAPD's policy as ``Law`` records with ``Provision``s;
* the deployment: 50 + 50 personnel whose total is derived, nine target areas of which eight are
  named, February through May 2020, in support of ICE;
* every quoted passage as a ``Statement`` with speaker, channel, form and stance; the DHS and
  ICE numbers as ``Figure`` records with exact fiscal-year periods; and the competing readings of
  the deployment (a response to sanctuary policies, or retaliation) as ``Relation`` records with
  who asserts them.

Where the article is vague or disagrees with the record it is stored as the article says it, with a
note; nothing is silently corrected.

Run it with ``python examples/la_sanctuary_2020.py [OUTPUT]``: it prints a summary and writes the
story as a JSON document to ``OUTPUT`` (by default ``la-sanctuary-2020.json`` in the current
directory), never into the source tree. Import it and call :func:`build_story` to get the story.
The copy shipped as ``examples/data/la-sanctuary-2020.json`` is written by
``python examples/la_sanctuary_2020.py examples/data/la-sanctuary-2020.json``.
"""

from __future__ import annotations

import argparse
from collections import Counter
from collections.abc import Iterable, Sequence
from pathlib import Path

import attrs

from policyconflict import (
    Agency,
    AgencyKind,
    Channel,
    Citation,
    Deployment,
    DeploymentStatus,
    DeploymentUnit,
    Figure,
    Jurisdiction,
    Law,
    LawKind,
    Organization,
    OrganizationKind,
    PartialDate,
    Period,
    Person,
    Position,
    Predicate,
    Provision,
    ProvisionEffect,
    Quantity,
    QuantityKind,
    Relation,
    Role,
    Source,
    SourceKind,
    Stance,
    Statement,
    Story,
)
from policyconflict.gazetteer import Gazetteer, Place, default_gazetteer
from policyconflict.ids import (
    agency_id,
    deployment_id,
    figure_id,
    law_id,
    organization_id,
    person_id,
    provision_id,
    relation_id,
    role_id,
    source_id,
    statement_id,
)
from policyconflict.model import QuoteForm
from policyconflict.phrases import parse_date_text
from policyconflict.serialization import dump

__all__ = ["ARTICLE", "STORY_ID", "build_story", "main"]

PUBLISHED = PartialDate.parse("2020-02-14")


def _date(phrase: str) -> PartialDate:
    """A date phrase of the article, read relative to its publication date."""
    value = parse_date_text(phrase, reference=PUBLISHED)
    if not isinstance(value, PartialDate):
        raise TypeError(f"{phrase!r} is a period, not a date: {value}")
    return value


def _period(phrase: str) -> Period:
    """A period phrase of the article, read relative to its publication date."""
    value = parse_date_text(phrase, reference=PUBLISHED)
    if not isinstance(value, Period):
        raise TypeError(f"{phrase!r} is a date, not a period: {value}")
    return value


FRIDAY = _date("Friday")  # "confirmed Friday", "released a video Friday": 2020-02-14

TITLE = "LA officials oppose ICE plan to add officers in sanctuary cities"
STORY_ID = "story:la-times-2020-02-14-ice-cbp-sanctuary-cities"
LA_TIMES = organization_id("Los Angeles Times")
ARTICLE = source_id("Los Angeles Times", str(PUBLISHED), TITLE)


def cite(
    quote: str | None = None,
    *,
    note: str | None = None,
    prefix: str | None = None,
    suffix: str | None = None,
) -> Citation:
    """A citation of the article: ``quote`` is always the article's exact words."""
    return Citation(source=ARTICLE, quote=quote, note=note, prefix=prefix, suffix=suffix)


# -- places ------------------------------------------------------------------------------------

US = "ocd-division/country:us"
CA = "ocd-division/country:us/state:ca"

# (name as the article gives it, gazetteer query, within, level, level_name, citation)
_TARGETS: tuple[tuple[str, str, str, str | None, str | None, Citation], ...] = (
    (
        "Los Angeles",
        "Los Angeles",
        "US-CA",
        "city",
        None,
        cite("Specially trained officers will be sent to cities including Los Angeles"),
    ),
    (
        "Chicago",
        "Chicago",
        "US-IL",
        "city",
        None,
        cite("cities including Los Angeles, Chicago and New York"),
    ),
    (
        "New York",
        "New York",
        "US-NY",
        "city",
        None,
        cite("cities including Los Angeles, Chicago and New York"),
    ),
    # San Francisco is a consolidated city and county; its OCD id is the county's.
    (
        "San Francisco",
        "San Francisco",
        "US-CA",
        None,
        "city and county",
        cite("Additional agents are expected to be sent to San Francisco"),
    ),
    (
        "Boston",
        "Boston",
        "US-MA",
        "city",
        None,
        cite("San Francisco, Boston, New Orleans, Detroit, Newark, N.J., and other cities"),
    ),
    # New Orleans is consolidated with Orleans Parish; its OCD id is the parish's.
    (
        "New Orleans",
        "New Orleans",
        "US-LA",
        None,
        "parish",
        cite("San Francisco, Boston, New Orleans, Detroit, Newark, N.J., and other cities"),
    ),
    (
        "Detroit",
        "Detroit",
        "US-MI",
        "city",
        None,
        cite("San Francisco, Boston, New Orleans, Detroit, Newark, N.J., and other cities"),
    ),
    (
        "Newark",
        "Newark",
        "US-NJ",
        "city",
        None,
        cite("Newark, N.J., and other cities"),
    ),
)

# Citations for places the article names outside the list of targets. States it never names
# are still stored, as parents of the target cities; their citation says so.
_NAMED: dict[str, Citation] = {
    US: cite(
        "entered the U.S. without legal documents",
        note="The federal government in the article is the government of the United States.",
    ),
    CA: cite("Those tensions are especially evident in California"),
    "ocd-division/country:us/state:nj": cite(
        "Newark, N.J.", note="N.J. is New Jersey, the state Newark lies in."
    ),
    "ocd-division/country:us/state:ca/county:los_angeles": cite(
        "federal SWAT agents in Los Angeles County"
    ),
}
_ALIASES: dict[str, tuple[str, ...]] = {
    "ocd-division/country:us/state:ca/place:los_angeles": ("L.A.",),
    "ocd-division/country:us/state:ca/county:los_angeles": ("L.A. County",),
}


def _jurisdiction(
    place: Place,
    *,
    name: str | None = None,
    level_name: str | None = None,
    sources: tuple[Citation, ...],
) -> Jurisdiction:
    """A jurisdiction from a gazetteer place, named as the article names it (the gazetteer's
    names stay as aliases), with the article's own short forms added as aliases."""
    made = Jurisdiction.from_place(place, name=name, sources=sources)
    extra = tuple(a for a in _ALIASES.get(place.id, ()) if a not in made.aliases)
    return attrs.evolve(
        made, aliases=made.aliases + extra, level_name=level_name or made.level_name
    )


def _places(gazetteer: Gazetteer) -> tuple[tuple[Jurisdiction, ...], tuple[str, ...]]:
    """Every jurisdiction of the story, and the ids of the deployment's named targets in the
    article's order."""
    found: dict[str, Jurisdiction] = {}
    targets: list[str] = []
    for name, query, within, level, level_name, citation in _TARGETS:
        place = gazetteer.resolve(query, within=within, level=level)
        targets.append(place.id)
        sources = (citation,) if place.id not in _NAMED else (citation, _NAMED[place.id])
        found[place.id] = _jurisdiction(place, name=name, level_name=level_name, sources=sources)
        for ancestor in gazetteer.ancestors(place):
            if ancestor.id in found:
                continue
            parent_sources = _NAMED.get(ancestor.id) or cite(
                citation.quote,
                note=f"{ancestor.name} is not named in the article: it is stored as the parent "
                f"of {name} in the Open Civic Data division list.",
            )
            found[ancestor.id] = _jurisdiction(ancestor, sources=(parent_sources,))
    county = gazetteer.resolve("Los Angeles County", within="US-CA", level="county")
    found[county.id] = _jurisdiction(
        county, name="Los Angeles County", sources=(_NAMED[county.id],)
    )
    return tuple(found.values()), tuple(targets)


# -- agencies, organizations, people -----------------------------------------------------------

LA_CITY = "ocd-division/country:us/state:ca/place:los_angeles"
LA_COUNTY = "ocd-division/country:us/state:ca/county:los_angeles"

DHS = agency_id("DHS", within=US)
ICE = agency_id("ICE", within=DHS)
ERO = agency_id("ERO", within=ICE)
CBP = agency_id("CBP", within=DHS)
BORDER_PATROL = agency_id("Border Patrol", within=CBP)
TACTICAL_UNITS = agency_id("tactical units", within=BORDER_PATROL)
OFO = agency_id("OFO", within=CBP)
LAPD = agency_id("LAPD", within=LA_CITY)
LASD = agency_id("LASD", within=LA_COUNTY)

ACLU = organization_id("American Civil Liberties Union")
IDA = organization_id("Immigrant Defense Advocates")

GARCETTI = person_id("Eric Garcetti")
MOORE = person_id("Michel Moore")
VILLANUEVA = person_id("Alex Villanueva")
ALBENCE = person_id("Matthew Albence")
SHAH = person_id("Naureen Shah")
YAZDAN_PANAH = person_id("Hamid Yazdan Panah")


def _agencies() -> tuple[Agency, ...]:
    return (
        Agency(
            id=DHS,
            name="Department of Homeland Security",
            abbreviation="DHS",
            kind=AgencyKind.DEPARTMENT,
            jurisdiction=US,
            sources=(cite("according to DHS"),),
        ),
        Agency(
            id=ICE,
            name="Immigration and Customs Enforcement",
            abbreviation="ICE",
            kind=AgencyKind.AGENCY,
            jurisdiction=US,
            parent=DHS,
            sources=(cite("The relationship between ICE and many local law enforcement agencies"),),
        ),
        Agency(
            id=ERO,
            name="Enforcement and Removal Operations",
            abbreviation="ERO",
            kind=AgencyKind.COMPONENT,
            jurisdiction=US,
            parent=ICE,
            sources=(
                cite("5,300 ERO (Enforcement and Removal Operations) law enforcement officers"),
            ),
        ),
        Agency(
            id=CBP,
            name="U.S. Customs and Border Protection",
            abbreviation="CBP",
            kind=AgencyKind.AGENCY,
            jurisdiction=US,
            parent=DHS,
            sources=(
                cite("U.S. Customs and Border Protection spokesman plans to deploy"),
                # Kept as a note, not an alias: it is a slip, not another name of the agency.
                cite(
                    "Customs and Border Patrol agents and officers",
                    note="The article also calls the agency 'Customs and Border Patrol'.",
                ),
            ),
        ),
        Agency(
            id=BORDER_PATROL,
            name="Border Patrol",
            kind=AgencyKind.COMPONENT,
            jurisdiction=US,
            parent=CBP,
            sources=(cite("50 Border Patrol agents"),),
        ),
        # The article says only "tactical units". BORTAC, the Border Patrol's tactical unit, is
        # not named in it, so it is not added; these units are stored the way the article
        # names them.
        Agency(
            id=TACTICAL_UNITS,
            name="Border Patrol tactical units",
            kind=AgencyKind.UNIT,
            jurisdiction=US,
            parent=BORDER_PATROL,
            sources=(
                cite(
                    "border agents and officers, including those in tactical units",
                    note="The article does not name the units.",
                ),
            ),
        ),
        Agency(
            id=OFO,
            name="Office of Field Operations",
            abbreviation="OFO",
            kind=AgencyKind.COMPONENT,
            jurisdiction=US,
            parent=CBP,
            sources=(
                cite(
                    "50 field operations customs officers",
                    note="The article names the office only through its officers.",
                ),
            ),
        ),
        Agency(
            id=LAPD,
            name="Los Angeles Police Department",
            abbreviation="LAPD",
            kind=AgencyKind.POLICE,
            jurisdiction=LA_CITY,
            sources=(cite("LAPD chief Michel Moore", prefix="LA Mayor Eric Garcetti and "),),
        ),
        Agency(
            id=LASD,
            name="Los Angeles County Sheriff's Department",
            abbreviation="LASD",
            kind=AgencyKind.SHERIFF,
            jurisdiction=LA_COUNTY,
            sources=(
                cite(
                    "L.A. County Sheriff Alex Villanueva",
                    note="The article names the sheriff, not the department he heads.",
                ),
            ),
        ),
    )


def _organizations() -> tuple[Organization, ...]:
    return (
        Organization(
            id=LA_TIMES,
            name="Los Angeles Times",
            kind=OrganizationKind.PUBLISHER,
            sources=(cite("Los Angeles Times", prefix="Leila Miller\n"),),
        ),
        Organization(
            id=ACLU,
            name="American Civil Liberties Union",
            abbreviation="ACLU",
            kind=OrganizationKind.ADVOCACY,
            sources=(cite("American Civil Liberties Union"),),
        ),
        # The article places the group "in the Bay Area", a region that is no jurisdiction:
        # the location is kept in the citation's note, and ``jurisdiction`` stays empty.
        Organization(
            id=IDA,
            name="Immigrant Defense Advocates",
            kind=OrganizationKind.ADVOCACY,
            sources=(
                cite(
                    "Immigrant Defense Advocates in the Bay Area",
                    note="Located in the Bay Area, a region that is not a jurisdiction.",
                ),
            ),
        ),
    )


# person, name, post, title, citation
_PEOPLE: tuple[tuple[str, str, str, str, Citation], ...] = (
    (GARCETTI, "Eric Garcetti", LA_CITY, "Mayor", cite("LA Mayor Eric Garcetti")),
    (MOORE, "Michel Moore", LAPD, "Chief", cite("LAPD chief Michel Moore")),
    (VILLANUEVA, "Alex Villanueva", LASD, "Sheriff", cite("L.A. County Sheriff Alex Villanueva")),
    # The article says "ICE Director"; whether he was acting director is not said there, and
    # nothing is added beside it, so ``acting`` keeps its default.
    (
        ALBENCE,
        "Matthew Albence",
        ICE,
        "Director",
        cite(
            "ICE Director Matthew Albence",
            note="Title as the article gives it; it does not say whether the post was held "
            "in an acting capacity.",
        ),
    ),
    (
        SHAH,
        "Naureen Shah",
        ACLU,
        "senior policy and advocacy counsel on immigrants’ rights",
        cite(
            "Naureen Shah, senior policy and advocacy counsel on immigrants’ rights for the "
            "American Civil Liberties Union"
        ),
    ),
    (
        YAZDAN_PANAH,
        "Hamid Yazdan Panah",
        IDA,
        "advocacy director",
        cite("Hamid Yazdan Panah, advocacy director of Immigrant Defense Advocates"),
    ),
)


_CURRENT = "Reported as current on 2020-02-14, the date of publication."


def _people() -> tuple[tuple[Person, ...], tuple[Role, ...]]:
    """People and the posts the article gives them on 2020-02-14. The article gives no start
    or end for any post, so each role's period is unknown at both ends; the citation note
    says when the title was reported as current."""
    persons = tuple(
        Person(id=pid, name=name, sources=(citation,)) for pid, name, _, _, citation in _PEOPLE
    )
    roles = tuple(
        Role(
            id=role_id(pid, post, title),
            person=pid,
            organization=post,
            title=title,
            sources=(cite(citation.quote, note=" ".join(filter(None, (citation.note, _CURRENT)))),),
        )
        for pid, _, post, title, citation in _PEOPLE
    )
    return persons, roles


# -- laws --------------------------------------------------------------------------------------

SB_54 = law_id(CA, "SB 54", session="2017-2018")
LAPD_POLICY = law_id(LA_CITY, "LAPD policy on cooperation with ICE")


def _laws() -> tuple[Law, ...]:
    sb54 = Law(
        id=SB_54,
        kind=LawKind.STATUTE,
        jurisdiction=CA,
        title="Senate Bill 54",
        identifier="SB 54",
        session="2017-2018",
        # The article says SB 54 "went into effect last year": relative to the publication date
        # (2020-02-14) that is 2019. The enacted bill's operative date is 2018-01-01. The
        # article is stored as it reads, at year precision, not corrected; the record's date
        # sits beside it in the citation's note so that a reader (or a disagreement query over
        # several sources) sees both.
        effective=_date("last year"),
        provisions=(
            Provision(
                id=provision_id(SB_54, "cooperation with ICE"),
                label="cooperation with ICE",
                summary="Restricts local law enforcement's cooperation with ICE, as the article "
                "describes the 'sanctuary' law.",
                effect=ProvisionEffect.RESTRICTS,
                activity="immigration-enforcement-cooperation",
                binds_description="local law enforcement in California",
                counterparty=(ICE,),
                sources=(
                    cite(
                        "local law enforcement must abide by a “sanctuary” law, Senate Bill 54",
                        note="Said in the context of the relationship between ICE and local "
                        "law enforcement agencies; the article cites no section of the law.",
                    ),
                ),
            ),
            Provision(
                id=provision_id(SB_54, "protection for immigrants"),
                label="protection for immigrants",
                summary="Provides protection for immigrants in the country illegally.",
                effect=ProvisionEffect.PROTECTS,
                activity="immigrant-protection",
                binds_description="local law enforcement in California",
                sources=(cite("to provide protection for immigrants in the country illegally"),),
            ),
        ),
        sources=(
            cite(
                "a “sanctuary” law, Senate Bill 54, which went into effect last year",
                note="'Last year', read from the publication date 2020-02-14, is 2019; the "
                "enacted record gives an operative date of 2018-01-01. Stored as the article "
                "says it.",
            ),
        ),
    )
    lapd_policy = Law(
        id=LAPD_POLICY,
        kind=LawKind.AGENCY_POLICY,
        jurisdiction=LA_CITY,
        issuer=LAPD,
        # The article describes the policy but does not name it or date it.
        title="LAPD policy on cooperation with ICE",
        provisions=(
            Provision(
                id=provision_id(LAPD_POLICY, "joint civil immigration operations"),
                label="joint civil immigration operations",
                summary="The LAPD does not engage in joint operations with ICE that directly "
                "involve civil immigration enforcement.",
                effect=ProvisionEffect.PROHIBITS,
                activity="joint-immigration-operations",
                binds=(LAPD,),
                counterparty=(ICE,),
                sources=(
                    cite(
                        "the police department stopped engaging in joint operations with ICE "
                        "that directly involve civil immigration enforcement"
                    ),
                ),
            ),
            Provision(
                id=provision_id(LAPD_POLICY, "transfers to ICE custody"),
                label="transfers to ICE custody",
                summary="The LAPD no longer transfers people with certain minor criminal "
                "convictions to ICE custody.",
                effect=ProvisionEffect.PROHIBITS,
                activity="custody-transfer",
                binds=(LAPD,),
                binds_description="people with certain minor criminal convictions",
                counterparty=(ICE,),
                sources=(
                    cite(
                        "no longer transfers people with certain minor criminal convictions to "
                        "ICE custody"
                    ),
                ),
            ),
        ),
        sources=(cite("In L.A., the police department stopped engaging in joint operations"),),
    )
    return sb54, lapd_policy


# -- the deployment ----------------------------------------------------------------------------

DEPLOYMENT = deployment_id(CBP, "2020-02", "sanctuary cities")


def _deployment(targets: tuple[str, ...]) -> Deployment:
    return Deployment(
        id=DEPLOYMENT,
        agency=CBP,
        units=(
            DeploymentUnit(
                unit=BORDER_PATROL,
                count=Quantity.exact(50),
                role="Border Patrol agents",
                sources=(cite("50 Border Patrol agents"),),
            ),
            DeploymentUnit(
                unit=OFO,
                count=Quantity.exact(50),
                role="field operations customs officers",
                sources=(cite("50 field operations customs officers"),),
            ),
        ),
        in_support_of=(ICE,),
        targets=targets,
        target_count=9,  # "in nine areas": eight are named, the ninth is not
        period=_period("February through May"),  # 2020-02/2020-05
        announced=FRIDAY,  # "confirmed Friday"
        purpose="to assist in the arrests of immigrants in the country illegally",
        topic="immigration-enforcement",
        status=DeploymentStatus.ANNOUNCED,
        sources=(
            cite(
                "Federal immigration officials confirmed Friday that border agents and officers, "
                "including those in tactical units, will be deployed in Los Angeles and other "
                "so-called sanctuary cities to assist in the arrests of immigrants in the "
                "country illegally."
            ),
            cite(
                "plans to deploy 50 Border Patrol agents and 50 field operations customs "
                "officers in nine areas, according to the agency"
            ),
            cite("The deployment of the teams will run from February through May."),
            cite("being detailed to help ICE"),
        ),
    )


# -- statements --------------------------------------------------------------------------------

OPPOSE_DEPLOYMENT = Position(target=DEPLOYMENT, stance=Stance.OPPOSE)
SUPPORT_DEPLOYMENT = Position(target=DEPLOYMENT, stance=Stance.SUPPORT)
# "Sanctuary policies" in the article's setting are California's SB 54 and the LAPD's policy,
# the two it describes; statements about sanctuary policies take a stance toward both.
AGAINST_SANCTUARY = (
    Position(target=SB_54, stance=Stance.OPPOSE),
    Position(target=LAPD_POLICY, stance=Stance.OPPOSE),
)
FOR_LAPD_POLICY = Position(target=LAPD_POLICY, stance=Stance.SUPPORT)


def _statement(
    speaker: str,
    text: str,
    *,
    date: PartialDate | None,
    channel: Channel,
    positions: Iterable[Position],
    form: QuoteForm = QuoteForm.DIRECT_QUOTE,
    on_behalf_of: str | None = None,
    citation: Citation | None = None,
) -> Statement:
    """A statement whose text is a passage of the article; cited by that passage unless a
    longer ``citation`` is given."""
    return Statement(
        id=statement_id(speaker, str(date) if date else None, text),
        speaker=speaker,
        text=text,
        form=form,
        on_behalf_of=on_behalf_of,
        date=date,
        channel=channel,
        language="en",
        positions=tuple(positions),
        sources=(citation or cite(text),),
    )


def _statements() -> tuple[Statement, ...]:
    """Each quoted passage is one statement, so that a direct quote's text is exactly the words
    the article prints between its quotation marks (a closing comma before "he said" dropped).
    Undated statements are those the article does not date."""
    video = "local police won’t be working with ICE"
    return (
        _statement(
            GARCETTI,
            "Regardless of your immigration status, I want every Angeleno to know your city is on "
            "your side. Here in Los Angeles, our police department does not coordinate with ICE "
            "or participate in immigration enforcement",
            date=None,
            channel=Channel.SOCIAL_MEDIA,
            positions=(OPPOSE_DEPLOYMENT, FOR_LAPD_POLICY),
        ),
        # The video is by Garcetti and Moore together; the model has one speaker per statement,
        # so the article's paraphrase of it is stored once for each.
        *(
            _statement(
                speaker,
                video,
                date=FRIDAY,
                channel=Channel.VIDEO,
                form=QuoteForm.PARAPHRASE,
                positions=(OPPOSE_DEPLOYMENT, FOR_LAPD_POLICY),
                citation=cite(
                    "Mayor Eric Garcetti and LAPD chief Michel Moore released a video Friday "
                    "saying local police won’t be working with ICE"
                ),
            )
            for speaker in (GARCETTI, MOORE)
        ),
        # The article does not say where Moore said this ("Moore added").
        _statement(
            MOORE,
            "Immigration is a federal matter. Safety is a police matter. And we’re not going to "
            "mix those two",
            date=None,
            channel=Channel.OTHER,
            positions=(OPPOSE_DEPLOYMENT, FOR_LAPD_POLICY),
        ),
        _statement(
            VILLANUEVA,
            "I strongly oppose this irresponsible deployment of federal SWAT agents in Los "
            "Angeles County for civil immigration enforcement.",
            date=FRIDAY,
            channel=Channel.STATEMENT,
            positions=(OPPOSE_DEPLOYMENT,),
        ),
        _statement(
            VILLANUEVA,
            "This poorly thought-out plan can only be seen as a tactic to intimidate an already "
            "vulnerable population and drive them deeper into the shadows",
            date=FRIDAY,
            channel=Channel.STATEMENT,
            positions=(OPPOSE_DEPLOYMENT,),
        ),
        _statement(
            VILLANUEVA,
            "We are not any safer if an entire segment of our population is afraid to report "
            "crimes to local law enforcement.",
            date=FRIDAY,
            channel=Channel.STATEMENT,
            positions=(OPPOSE_DEPLOYMENT,),
        ),
        _statement(
            ALBENCE,
            "ICE is utilizing CBP to supplement enforcement activity in response to the resource "
            "challenges stemming from sanctuary-city policies",
            date=None,
            channel=Channel.STATEMENT,
            on_behalf_of=ICE,
            positions=(SUPPORT_DEPLOYMENT, *AGAINST_SANCTUARY),
        ),
        _statement(
            ALBENCE,
            "the action was being taken in response to sanctuary-city law enforcement agencies "
            "not cooperating with federal authorities by turning over immigrants being held in "
            "local jails",
            date=None,
            channel=Channel.STATEMENT,
            form=QuoteForm.PARAPHRASE,
            on_behalf_of=ICE,
            positions=(SUPPORT_DEPLOYMENT, *AGAINST_SANCTUARY),
        ),
        _statement(
            ALBENCE,
            "are forced to make at-large arrests of criminal aliens who have been released into "
            "communities.",
            date=None,
            channel=Channel.STATEMENT,
            form=QuoteForm.FRAGMENT,
            on_behalf_of=ICE,
            positions=(SUPPORT_DEPLOYMENT,),
        ),
        _statement(
            ALBENCE,
            "This effort requires a significant amount of additional time and resources",
            date=None,
            channel=Channel.STATEMENT,
            on_behalf_of=ICE,
            positions=(SUPPORT_DEPLOYMENT,),
        ),
        _statement(
            ALBENCE,
            "When sanctuary cities release these criminals back to the street, it increases the "
            "occurrence of preventable crimes, and more importantly, preventable victims.",
            date=None,
            channel=Channel.STATEMENT,
            on_behalf_of=ICE,
            positions=(SUPPORT_DEPLOYMENT, *AGAINST_SANCTUARY),
        ),
        _statement(
            ICE,
            "With 5,300 ERO (Enforcement and Removal Operations) law enforcement officers — some "
            "of whom were detailed to the border — ICE does not have sufficient resources to "
            "effectively manage the sustained increase in non-detained cases which is "
            "exacerbated by the rise of sanctuary jurisdictions",
            date=None,
            channel=Channel.STATEMENT,
            positions=(SUPPORT_DEPLOYMENT, *AGAINST_SANCTUARY),
        ),
        _statement(
            SHAH,
            "This is transparent retaliation against local governments for refusing to do the "
            "administration’s bidding",
            date=None,
            channel=Channel.STATEMENT,
            positions=(OPPOSE_DEPLOYMENT,),
        ),
        _statement(
            SHAH,
            "It will put lives at risk by further militarizing our streets. Local governments "
            "should not face reprisals for focusing on local community needs and using taxpayer "
            "money responsibly, instead of helping to deport and detain community members.",
            date=None,
            channel=Channel.STATEMENT,
            positions=(OPPOSE_DEPLOYMENT,),
        ),
        # Where he said it is not given: the article reports it as a paraphrase and a quote.
        _statement(
            YAZDAN_PANAH,
            "the operation is part of a repeated pattern by the Trump administration of using "
            "fear for political gain",
            date=None,
            channel=Channel.OTHER,
            form=QuoteForm.PARAPHRASE,
            positions=(OPPOSE_DEPLOYMENT,),
        ),
        _statement(
            YAZDAN_PANAH,
            "Sanctuary policies are a reflection of the shared values and the fabric of that "
            "community. This escalation isn’t going to stop that.",
            date=None,
            channel=Channel.OTHER,
            positions=(OPPOSE_DEPLOYMENT, Position(target=SB_54, stance=Stance.SUPPORT)),
        ),
    )


# -- figures -----------------------------------------------------------------------------------

FY2018 = _period("fiscal year 2018")  # US federal: 2017-10-01/2018-09-30
# "the following fiscal year" names no year of its own (the date parser rightly refuses it): it
# is the one after fiscal year 2018.
FY2019 = _period("fiscal year 2019")  # 2018-10-01/2019-09-30


def _figures() -> tuple[Figure, ...]:
    return (
        Figure(
            id=figure_id("non-detained-cases", ICE, str(FY2018), DHS),
            metric="non-detained-cases",
            quantity=Quantity(kind=QuantityKind.EXACT, value=2_600_000, text="2.6 million"),
            unit="cases",
            subject=ICE,
            period=FY2018,
            claimed_by=(DHS,),
            sources=(cite("2.6 million in fiscal year 2018"),),
        ),
        # "over 3.2 million" is a strict bound (more than 3.2 million). Quantity has no strict
        # bound, so it is stored as at-least 3,200,000, which holds whenever the claim does;
        # ``text`` keeps the word "over".
        Figure(
            id=figure_id("non-detained-cases", ICE, str(FY2019), DHS),
            metric="non-detained-cases",
            quantity=Quantity.at_least(3_200_000, text="over 3.2 million"),
            unit="cases",
            subject=ICE,
            period=FY2019,
            claimed_by=(DHS,),
            sources=(
                cite(
                    "to over 3.2 million in the following fiscal year, according to DHS",
                    note="The following fiscal year is fiscal year 2019.",
                ),
            ),
        ),
        # Present tense in the article ("With 5,300 ERO ... officers"): true as of publication.
        Figure(
            id=figure_id("law-enforcement-officers", ERO, None, ICE),
            metric="law-enforcement-officers",
            quantity=Quantity(kind=QuantityKind.EXACT, value=5_300, text="5,300"),
            unit="officers",
            subject=ERO,
            as_of=PUBLISHED,
            claimed_by=(ICE,),
            sources=(
                cite("5,300 ERO (Enforcement and Removal Operations) law enforcement officers"),
            ),
        ),
    )


# -- relations ---------------------------------------------------------------------------------


def _relation(
    subject: str,
    predicate: Predicate,
    obj: str,
    *,
    asserted_by: str | None,
    quote: str,
    description: str | None = None,
) -> Relation:
    return Relation(
        id=relation_id(subject, predicate.value, obj, asserted_by),
        subject=subject,
        predicate=predicate,
        object=obj,
        asserted_by=asserted_by,
        description=description,
        sources=(cite(quote),),
    )


def _relations() -> tuple[Relation, ...]:
    responds = (
        "ICE is utilizing CBP to supplement enforcement activity in response to the resource "
        "challenges stemming from sanctuary-city policies"
    )
    retaliation = (
        "This is transparent retaliation against local governments for refusing to do the "
        "administration’s bidding"
    )
    return (
        *(
            _relation(
                DEPLOYMENT,
                Predicate.RESPONDS_TO,
                policy,
                asserted_by=ALBENCE,
                quote=responds,
                description="ICE's director says the deployment answers the resource "
                "challenges stemming from sanctuary-city policies.",
            )
            for policy in (SB_54, LAPD_POLICY)
        ),
        *(
            _relation(
                DEPLOYMENT,
                Predicate.RETALIATION_FOR,
                policy,
                asserted_by=SHAH,
                quote=retaliation,
                description="The ACLU's counsel calls the deployment retaliation against local "
                "governments for refusing to do the administration's bidding.",
            )
            for policy in (SB_54, LAPD_POLICY)
        ),
        _relation(
            LAPD,
            Predicate.REFUSES_TO_COOPERATE_WITH,
            ICE,
            asserted_by=None,
            quote="the police department stopped engaging in joint operations with ICE that "
            "directly involve civil immigration enforcement",
        ),
        _relation(
            LAPD,
            Predicate.REFUSES_TO_COOPERATE_WITH,
            ICE,
            asserted_by=GARCETTI,
            quote="our police department does not coordinate with ICE or participate in "
            "immigration enforcement",
        ),
        _relation(
            LAPD,
            Predicate.REFUSES_TO_COOPERATE_WITH,
            ICE,
            asserted_by=MOORE,
            quote="saying local police won’t be working with ICE",
        ),
        _relation(
            TACTICAL_UNITS,
            Predicate.OTHER,
            DEPLOYMENT,
            asserted_by=None,
            quote="including those in tactical units, will be deployed",
            description="Personnel from tactical units are among those deployed.",
        ),
    )


# -- the story ---------------------------------------------------------------------------------


def build_story() -> Story:
    """The whole founding story, validated."""
    jurisdictions, targets = _places(default_gazetteer())
    persons, roles = _people()
    source = Source(
        id=ARTICLE,
        kind=SourceKind.NEWS_ARTICLE,
        title=TITLE,
        url=None,  # not known
        publisher=LA_TIMES,
        authors=("Brittny Mejia", "Molly Hennessy-Fiske", "Leila Miller"),
        published=PUBLISHED,
        language="en",
    )
    return Story.from_entities(
        id=STORY_ID,
        title=TITLE,
        entities=(
            source,
            *jurisdictions,
            *_agencies(),
            *_organizations(),
            *persons,
            *roles,
            *_laws(),
            _deployment(targets),
            *_statements(),
            *_figures(),
            *_relations(),
        ),
    )


def _label(story: Story, entity_id: str) -> str:
    entity = story.get(entity_id)
    name = getattr(entity, "name", None)
    return str(name) if name else entity_id


DATA_FILE = Path(__file__).resolve().parent / "data" / "la-sanctuary-2020.json"
"""The copy of the story shipped with the examples (the README and the tests read it)."""

DEFAULT_OUTPUT = Path("la-sanctuary-2020.json")
"""Where :func:`main` writes the story when not told: in the current directory."""


def main(argv: Sequence[str] | None = None) -> Path:
    """Print a short summary of the story, write it as a JSON document, and return where."""
    parser = argparse.ArgumentParser(description="Build the founding story, summarize and save it.")
    parser.add_argument(
        "output",
        nargs="?",
        type=Path,
        default=DEFAULT_OUTPUT,
        help=f"the JSON file to write (default: {DEFAULT_OUTPUT} in the current directory)",
    )
    output: Path = parser.parse_args(argv).output
    story = build_story()
    print(story.title)
    print(f"  {story.id}")
    counts = Counter(entity.kind_name for entity in story.entities())
    print("Entities: " + ", ".join(f"{count} {kind}" for kind, count in sorted(counts.items())))

    deployment = story.deployments[0]
    total = deployment.total
    print(f"\nDeployment by {_label(story, deployment.agency)} ({deployment.period}):")
    for unit in deployment.units:
        count = unit.count.value if unit.count else "?"
        print(f"  {count} {unit.role} ({_label(story, unit.unit)})")
    print(f"  total: {total.value if total else '?'} ({total.kind.value if total else 'none'})")
    named = ", ".join(_label(story, t) for t in deployment.targets)
    print(f"  {deployment.target_count} target areas, {len(deployment.targets)} named: {named}")
    print(f"  in support of: {', '.join(_label(story, a) for a in deployment.in_support_of)}")

    titles = {
        role.person: f"{role.title}, {_label(story, role.organization)}" for role in story.roles
    }
    opponents: list[str] = []
    for statement in story.statements:
        if OPPOSE_DEPLOYMENT in statement.positions and statement.speaker not in opponents:
            opponents.append(statement.speaker)
    print("\nOpposed the deployment:")
    for speaker in opponents:
        print(f"  {_label(story, speaker)} ({titles.get(speaker, 'no role given')})")

    print("\nFigures:")
    for figure in story.figures:
        quantity = figure.quantity.text or str(figure.quantity.value)
        when = f" in {figure.period}" if figure.period else f" as of {figure.as_of}"
        claimants = [_label(story, c) for c in figure.claimed_by]
        claimant = " and ".join(claimants) if claimants else "the source"
        print(f"  {figure.metric}: {quantity} {figure.unit}{when}, per {claimant}")

    dump(story, output)
    print(f"\nWrote the story in the interchange format to {output.resolve()}")
    return output


if __name__ == "__main__":
    main()
