"""A second worked example: the 2017–2018 litigation over the US federal government's conditions
on grants to sanctuary jurisdictions, built with the public API and derived statuses.

Two lines of cases, each cited to its court documents by case name, court and docket number:

* *City of Chicago v. Sessions* (N.D. Ill. No. 1:17-cv-05720; 7th Cir. No. 17-2991): Chicago
  challenged the notice, access and compliance conditions the Department of Justice attached to
  FY2017 Byrne JAG grants. Judge Harry D. Leinenweber granted a preliminary injunction against
  the notice and access conditions, without limit to Chicago, on 2017-09-15, and declined to
  enjoin the compliance condition; the Seventh Circuit affirmed on 2018-04-19, granted rehearing
  en banc in part on 2018-06-04 on the injunction's nationwide reach, and that reach was stayed
  pending rehearing (the stay is dated only to June 2018 here, and marked uncertain). The
  Attorney General sued in his official capacity was succeeded by Matthew Whitaker (acting)
  and William Barr: the parties carry those periods. Later proceedings (the final judgment and
  the second appeal) are not encoded.
* *County of Santa Clara v. Trump* (N.D. Cal. No. 3:17-cv-00574-WHO): Judge William H. Orrick
  enjoined enforcement of section 9(a) of Executive Order 13768 nationwide by a preliminary
  injunction on 2017-04-25 and a permanent injunction on 2017-11-20; on 2018-08-01 the Ninth
  Circuit affirmed as to the plaintiffs, vacated the nationwide reach and remanded. Executive
  Order 13993 revoked Executive Order 13768 on 2021-01-20.

No quotation is stored: every citation carries a note saying what the cited document records.
Dates the record here does not pin down are given at a lower precision with the uncertain
qualifier (``2018-06?``), never invented. Run it with
``python examples/sanctuary_grants_litigation.py``; import it and call :func:`build_story`.
"""

from __future__ import annotations

from collections.abc import Mapping

from policyconflict import (
    Agency,
    AgencyKind,
    Citation,
    Docket,
    Jurisdiction,
    JurisdictionLevel,
    Law,
    LawKind,
    LegalCase,
    Outcome,
    OutcomeEffect,
    PartialDate,
    Party,
    PartyRole,
    Period,
    Person,
    Provision,
    ProvisionEffect,
    Ruling,
    RulingKind,
    Scope,
    Source,
    SourceKind,
    Story,
)
from policyconflict.ids import agency_id, case_id, law_id, person_id, provision_id, ruling_id
from policyconflict.status import LawStatus, status_on

__all__ = ["STORY_ID", "build_story", "main", "status_table", "timeline"]

STORY_ID = "story:sanctuary-grant-conditions-litigation-2017-2018"

# -- places (Open Civic Data division ids) --------------------------------------------------------

US = "ocd-division/country:us"
IL = f"{US}/state:il"
CHICAGO = f"{IL}/place:chicago"
CA = f"{US}/state:ca"
SANTA_CLARA = f"{CA}/county:santa_clara"
SAN_FRANCISCO = f"{CA}/county:san_francisco"
TX = f"{US}/state:tx"

# -- bodies and people -----------------------------------------------------------------------------

DOJ = agency_id("Department of Justice", within=US)
ILND = agency_id("N.D. Ill.", within=US)
CA7 = agency_id("7th Cir.", within=US)
CAND = agency_id("N.D. Cal.", within=US)
CA9 = agency_id("9th Cir.", within=US)
PRESIDENT = agency_id("President", within=US)

LEINENWEBER = person_id("Harry D. Leinenweber")
ORRICK = person_id("William H. Orrick")
SESSIONS = person_id("Jeff Sessions")
WHITAKER = person_id("Matthew Whitaker")
BARR = person_id("William Barr")
TRUMP = person_id("Donald J. Trump")

# -- laws ----------------------------------------------------------------------------------------

JAG = law_id(US, "FY2017 Byrne JAG conditions", session="FY2017")
NOTICE = provision_id(JAG, "notice condition")
ACCESS = provision_id(JAG, "access condition")
COMPLIANCE = provision_id(JAG, "compliance condition")
EO_13768 = law_id(US, "Executive Order 13768")
SEC_9A = provision_id(EO_13768, "sec. 9(a)")

# -- cases and rulings ---------------------------------------------------------------------------

CHICAGO_CASE = case_id(ILND, "1:17-cv-05720")
SANTA_CLARA_CASE = case_id(CAND, "3:17-cv-00574-WHO")

CHI_PI = ruling_id(CHICAGO_CASE, "2017-09-15", "preliminary injunction")
CHI_AFFIRMED = ruling_id(CHICAGO_CASE, "2018-04-19", "affirmed")
CHI_EN_BANC = ruling_id(CHICAGO_CASE, "2018-06-04", "rehearing en banc granted in part")
CHI_STAY = ruling_id(CHICAGO_CASE, "2018-06", "stay of nationwide scope")
SC_PI = ruling_id(SANTA_CLARA_CASE, "2017-04-25", "preliminary injunction")
SC_PERMANENT = ruling_id(SANTA_CLARA_CASE, "2017-11-20", "permanent injunction")
SC_APPEAL = ruling_id(SANTA_CLARA_CASE, "2018-08-01", "affirmed in part vacated in part")


def _d(text: str) -> PartialDate:
    return PartialDate.parse(text)


def _source(key: str, title: str, published: str, kind: SourceKind) -> Source:
    return Source(id=f"source:{key}", kind=kind, title=title, published=_d(published))


SOURCES = (
    _source(
        "ilnd/1-17-cv-05720/complaint",
        "City of Chicago v. Sessions, No. 1:17-cv-05720 (N.D. Ill.), complaint",
        "2017-08-07",
        SourceKind.COURT_DOCUMENT,
    ),
    _source(
        "ilnd/1-17-cv-05720/2017-09-15",
        "City of Chicago v. Sessions, No. 1:17-cv-05720 (N.D. Ill.), memorandum opinion and order "
        "on the motion for a preliminary injunction",
        "2017-09-15",
        SourceKind.COURT_DOCUMENT,
    ),
    _source(
        "ca7/17-2991/2018-04-19",
        "City of Chicago v. Sessions, No. 17-2991 (7th Cir.), opinion",
        "2018-04-19",
        SourceKind.COURT_DOCUMENT,
    ),
    _source(
        "ca7/17-2991/2018-06-04",
        "City of Chicago v. Sessions, No. 17-2991 (7th Cir.), order granting rehearing en banc "
        "in part",
        "2018-06-04",
        SourceKind.COURT_DOCUMENT,
    ),
    _source(
        "ca7/17-2991/2018-06-stay",
        "City of Chicago v. Sessions, No. 17-2991 (7th Cir.), order staying the nationwide scope "
        "of the preliminary injunction pending rehearing en banc",
        "2018-06?",
        SourceKind.COURT_DOCUMENT,
    ),
    _source(
        "cand/3-17-cv-00574/2017-04-25",
        "County of Santa Clara v. Trump, No. 3:17-cv-00574-WHO (N.D. Cal.), order granting "
        "a preliminary injunction",
        "2017-04-25",
        SourceKind.COURT_DOCUMENT,
    ),
    _source(
        "cand/3-17-cv-00574/2017-11-20",
        "County of Santa Clara v. Trump, No. 3:17-cv-00574-WHO (N.D. Cal.), order granting "
        "summary judgment and a permanent injunction",
        "2017-11-20",
        SourceKind.COURT_DOCUMENT,
    ),
    _source(
        "ca9/2018-08-01",
        "City and County of San Francisco v. Trump (9th Cir.), opinion on the appeals in the "
        "San Francisco and Santa Clara cases",
        "2018-08-01",
        SourceKind.COURT_DOCUMENT,
    ),
    _source(
        "fr/eo-13768",
        "Executive Order 13768, Enhancing Public Safety in the Interior of the United States",
        "2017-01-30",
        SourceKind.LEGISLATION,
    ),
    _source(
        "fr/eo-13993",
        "Executive Order 13993, Revision of Civil Immigration Enforcement Policies and Priorities",
        "2021-01",
        SourceKind.LEGISLATION,
    ),
)
_BY_KEY = {s.id.removeprefix("source:"): s.id for s in SOURCES}


def cite(key: str, note: str) -> Citation:
    """A citation of one of :data:`SOURCES` by key, with a note saying what it records (no
    quotation: none is stored in this example)."""
    return Citation(source=_BY_KEY[key], note=note)


COMPLAINT = "ilnd/1-17-cv-05720/complaint"
CHI_PI_DOC = "ilnd/1-17-cv-05720/2017-09-15"
CA7_OPINION = "ca7/17-2991/2018-04-19"
CA7_EN_BANC = "ca7/17-2991/2018-06-04"
CA7_STAY = "ca7/17-2991/2018-06-stay"
SC_PI_DOC = "cand/3-17-cv-00574/2017-04-25"
SC_PERMANENT_DOC = "cand/3-17-cv-00574/2017-11-20"
CA9_OPINION = "ca9/2018-08-01"


def _places() -> tuple[Jurisdiction, ...]:
    def place(
        id: str, name: str, level: JurisdictionLevel, parent: str | None, key: str
    ) -> Jurisdiction:
        note = f"{name} is a party or a place the rulings name."
        return Jurisdiction(
            id=id, name=name, level=level, parent=parent, sources=(cite(key, note),)
        )

    return (
        place(US, "United States", JurisdictionLevel.COUNTRY, None, CHI_PI_DOC),
        place(IL, "Illinois", JurisdictionLevel.STATE, US, COMPLAINT),
        place(CHICAGO, "Chicago", JurisdictionLevel.CITY, IL, COMPLAINT),
        place(CA, "California", JurisdictionLevel.STATE, US, SC_PI_DOC),
        place(SANTA_CLARA, "Santa Clara County", JurisdictionLevel.COUNTY, CA, SC_PI_DOC),
        place(SAN_FRANCISCO, "San Francisco", JurisdictionLevel.COUNTY, CA, CA9_OPINION),
        Jurisdiction(
            id=TX,
            name="Texas",
            level=JurisdictionLevel.STATE,
            parent=US,
            sources=(
                cite(
                    CHI_PI_DOC,
                    "Not named in the cases: a place outside both plaintiffs, used to "
                    "show where a nationwide injunction reaches.",
                ),
            ),
        ),
    )


def _agencies() -> tuple[Agency, ...]:
    def court(id: str, name: str, abbreviation: str, key: str) -> Agency:
        return Agency(
            id=id,
            name=name,
            abbreviation=abbreviation,
            kind=AgencyKind.COURT,
            jurisdiction=US,
            sources=(cite(key, f"The {name} decided the ruling cited."),),
        )

    return (
        court(
            ILND,
            "United States District Court for the Northern District of Illinois",
            "N.D. Ill.",
            CHI_PI_DOC,
        ),
        court(
            CA7, "United States Court of Appeals for the Seventh Circuit", "7th Cir.", CA7_OPINION
        ),
        court(
            CAND,
            "United States District Court for the Northern District of California",
            "N.D. Cal.",
            SC_PI_DOC,
        ),
        court(CA9, "United States Court of Appeals for the Ninth Circuit", "9th Cir.", CA9_OPINION),
        Agency(
            id=DOJ,
            name="United States Department of Justice",
            abbreviation="DOJ",
            kind=AgencyKind.DEPARTMENT,
            jurisdiction=US,
            sources=(cite(CHI_PI_DOC, "The department that set the FY2017 Byrne JAG conditions."),),
        ),
        Agency(
            id=PRESIDENT,
            name="President of the United States",
            kind=AgencyKind.EXECUTIVE,
            jurisdiction=US,
            sources=(cite("fr/eo-13768", "Executive orders are issued by the President."),),
        ),
    )


def _persons() -> tuple[Person, ...]:
    def person(id: str, name: str, key: str, note: str) -> Person:
        return Person(id=id, name=name, sources=(cite(key, note),))

    return (
        person(LEINENWEBER, "Harry D. Leinenweber", CHI_PI_DOC, "The district judge."),
        person(ORRICK, "William H. Orrick", SC_PI_DOC, "The district judge."),
        person(
            SESSIONS, "Jeff Sessions", COMPLAINT, "Attorney General, sued in his official capacity."
        ),
        person(
            WHITAKER,
            "Matthew Whitaker",
            CA7_OPINION,
            "Acting Attorney General from 2018-11-07; "
            "substituted as the official-capacity defendant.",
        ),
        person(
            BARR,
            "William Barr",
            CA7_OPINION,
            "Attorney General from 2019-02-14; substituted as the official-capacity defendant.",
        ),
        person(TRUMP, "Donald J. Trump", SC_PI_DOC, "President, sued in his official capacity."),
    )


def _laws() -> tuple[Law, ...]:
    def condition(label: str, summary: str) -> Provision:
        return Provision(
            id=provision_id(JAG, label),
            label=label,
            summary=summary,
            effect=ProvisionEffect.REQUIRES,
            activity="immigration-enforcement-cooperation",
            counterparty=(),
            sources=(cite(CHI_PI_DOC, f"The opinion describes the {label}."),),
        )

    return (
        Law(
            id=JAG,
            kind=LawKind.AGENCY_POLICY,
            jurisdiction=US,
            title="Conditions on FY2017 Edward Byrne Memorial Justice Assistance Grant awards",
            identifier="FY2017 Byrne JAG conditions",
            session="FY2017",
            issuer=DOJ,
            signed=_d("2017-07-25"),
            effective=_d("2017-07-25"),
            provisions=(
                condition(
                    "notice condition",
                    "Advance notice to federal immigration authorities "
                    "of the scheduled release of people in custody they ask about.",
                ),
                condition(
                    "access condition",
                    "Access for federal immigration agents to local "
                    "detention facilities to question people held there.",
                ),
                condition(
                    "compliance condition",
                    "Certification of compliance with 8 U.S.C. section 1373.",
                ),
            ),
            sources=(
                cite(
                    CHI_PI_DOC,
                    "The opinion records that the Attorney General announced the "
                    "conditions in July 2017 for FY2017 awards.",
                ),
            ),
        ),
        Law(
            id=EO_13768,
            kind=LawKind.EXECUTIVE_ORDER,
            jurisdiction=US,
            title="Enhancing Public Safety in the Interior of the United States",
            identifier="Executive Order 13768",
            issuer=PRESIDENT,
            signed=_d("2017-01-25"),
            effective=_d("2017-01-25"),
            repealed=_d("2021-01-20"),
            provisions=(
                Provision(
                    id=SEC_9A,
                    label="sec. 9(a)",
                    summary="Sanctuary jurisdictions that refuse to comply with 8 U.S.C. section "
                    "1373 are not eligible to receive federal grants, with exceptions.",
                    effect=ProvisionEffect.RESTRICTS,
                    activity="federal-grants",
                    sources=(cite("fr/eo-13768", "Section 9(a) of the order."),),
                ),
            ),
            sources=(
                cite(
                    "fr/eo-13768",
                    "Signed 2017-01-25; published in the Federal Register on 2017-01-30.",
                ),
                cite(
                    "fr/eo-13993",
                    "Executive Order 13993 of 2021-01-20 revoked Executive Order "
                    "13768; the day of revocation is stored as the last day, so it counts as in "
                    "force through that day.",
                ),
            ),
        ),
    )


def _cases() -> tuple[LegalCase, ...]:
    ags = (
        Party(
            entity=SESSIONS,
            role=PartyRole.DEFENDANT,
            official_capacity=True,
            period=Period.between("2017-08-07", "2018-11-07"),
            note="Attorney General of the United States, in his official capacity.",
        ),
        Party(
            entity=WHITAKER,
            role=PartyRole.DEFENDANT,
            official_capacity=True,
            period=Period.between("2018-11-07", "2019-02-14"),
            note="Acting Attorney General, substituted for his predecessor.",
        ),
        Party(
            entity=BARR,
            role=PartyRole.DEFENDANT,
            official_capacity=True,
            period=Period.parse("2019-02-14/"),
            note="Attorney General, substituted for his predecessor; the end of his time as a "
            "party is not recorded here.",
        ),
    )
    return (
        LegalCase(
            id=CHICAGO_CASE,
            name="City of Chicago v. Sessions",
            dockets=(
                Docket(court=ILND, number="1:17-cv-05720", filed=_d("2017-08-07")),
                Docket(court=CA7, number="17-2991"),
            ),
            parties=(Party(entity=CHICAGO, role=PartyRole.PLAINTIFF), *ags),
            filed=_d("2017-08-07"),
            challenges=(NOTICE, ACCESS, COMPLIANCE),
            sources=(
                cite(
                    COMPLAINT,
                    "Chicago's complaint against the Attorney General over the "
                    "FY2017 Byrne JAG conditions.",
                ),
                cite(CA7_OPINION, "The appeal of the preliminary injunction."),
            ),
        ),
        LegalCase(
            id=SANTA_CLARA_CASE,
            name="County of Santa Clara v. Trump",
            dockets=(Docket(court=CAND, number="3:17-cv-00574-WHO"),),
            parties=(
                Party(entity=SANTA_CLARA, role=PartyRole.PLAINTIFF),
                Party(
                    entity=TRUMP,
                    role=PartyRole.DEFENDANT,
                    official_capacity=True,
                    note="President of the United States; other federal officials named as "
                    "defendants are not recorded here.",
                ),
            ),
            filed=_d("2017-02"),
            challenges=(SEC_9A,),
            sources=(cite(SC_PI_DOC, "The county's challenge to section 9(a) of the order."),),
        ),
    )


def _rulings() -> tuple[Ruling, ...]:
    enjoin, affirm = OutcomeEffect.ENJOINS, OutcomeEffect.AFFIRMS
    outside_chicago = Scope(excluding=(CHICAGO,))
    return (
        Ruling(
            id=CHI_PI,
            case=CHICAGO_CASE,
            court=ILND,
            date=_d("2017-09-15"),
            kind=RulingKind.PRELIMINARY_INJUNCTION,
            judges=(LEINENWEBER,),
            outcomes=(
                Outcome(target=NOTICE, effect=enjoin),
                Outcome(target=ACCESS, effect=enjoin),
                Outcome(target=COMPLIANCE, effect=OutcomeEffect.DENIES),
            ),
            summary="Preliminary injunction against the notice and access conditions, not "
            "limited to Chicago; denied as to the compliance condition.",
            sources=(cite(CHI_PI_DOC, "The order granting the injunction in part."),),
        ),
        Ruling(
            id=CHI_AFFIRMED,
            case=CHICAGO_CASE,
            court=CA7,
            date=_d("2018-04-19"),
            kind=RulingKind.AFFIRMED,
            outcomes=(Outcome(target=CHI_PI, effect=affirm),),
            summary="The panel affirmed the preliminary injunction.",
            sources=(cite(CA7_OPINION, "The panel opinion."),),
        ),
        Ruling(
            id=CHI_EN_BANC,
            case=CHICAGO_CASE,
            court=CA7,
            date=_d("2018-06-04"),
            kind=RulingKind.REHEARING_GRANTED,
            summary="Rehearing en banc granted, limited to the nationwide scope of the injunction.",
            sources=(cite(CA7_EN_BANC, "The order granting rehearing en banc in part."),),
        ),
        Ruling(
            id=CHI_STAY,
            case=CHICAGO_CASE,
            court=CA7,
            date=_d("2018-06?"),
            kind=RulingKind.STAY_PENDING_APPEAL,
            outcomes=(Outcome(target=CHI_PI, effect=OutcomeEffect.STAYS, scope=outside_chicago),),
            summary="The injunction's reach beyond Chicago stayed pending rehearing en banc.",
            sources=(
                cite(
                    CA7_STAY,
                    "The day in June 2018 is not recorded here: the date is kept to "
                    "the month and marked uncertain.",
                ),
            ),
        ),
        Ruling(
            id=SC_PI,
            case=SANTA_CLARA_CASE,
            court=CAND,
            date=_d("2017-04-25"),
            kind=RulingKind.PRELIMINARY_INJUNCTION,
            judges=(ORRICK,),
            outcomes=(Outcome(target=SEC_9A, effect=enjoin),),
            summary="Enforcement of section 9(a) enjoined nationwide.",
            sources=(cite(SC_PI_DOC, "The order granting the preliminary injunction."),),
        ),
        Ruling(
            id=SC_PERMANENT,
            case=SANTA_CLARA_CASE,
            court=CAND,
            date=_d("2017-11-20"),
            kind=RulingKind.PERMANENT_INJUNCTION,
            judges=(ORRICK,),
            outcomes=(
                Outcome(target=SEC_9A, effect=enjoin),
                Outcome(target=SC_PI, effect=OutcomeEffect.SUPERSEDES),
            ),
            summary="Summary judgment for the plaintiffs; section 9(a) permanently enjoined "
            "nationwide.",
            sources=(cite(SC_PERMANENT_DOC, "The order granting summary judgment."),),
        ),
        Ruling(
            id=SC_APPEAL,
            case=SANTA_CLARA_CASE,
            court=CA9,
            date=_d("2018-08-01"),
            kind=RulingKind.AFFIRMED_IN_PART,
            outcomes=(
                Outcome(target=SC_PERMANENT, effect=affirm),
                Outcome(
                    target=SC_PERMANENT,
                    effect=OutcomeEffect.VACATES,
                    scope=Scope(excluding=(SANTA_CLARA, SAN_FRANCISCO)),
                ),
            ),
            summary="Affirmed as to the plaintiff jurisdictions; the nationwide scope vacated "
            "and remanded.",
            sources=(cite(CA9_OPINION, "The opinion deciding the appeals."),),
        ),
    )


def build_story() -> Story:
    """The whole story, validated."""
    return Story.from_entities(
        id=STORY_ID,
        title="Litigation over federal conditions on grants to sanctuary jurisdictions, 2017-2018",
        entities=(
            *SOURCES,
            *_places(),
            *_agencies(),
            *_persons(),
            *_laws(),
            *_cases(),
            *_rulings(),
        ),
    )


def timeline(story: Story) -> list[str]:
    """One line per ruling, in date order: date, court, kind, and what it did to what."""
    names = story.index()
    lines = []
    for ruling in sorted(story.rulings, key=lambda r: (r.date.sort_key(), r.id)):
        court = names[ruling.court]
        where = court.abbreviation if isinstance(court, Agency) else ruling.court
        done = "; ".join(
            f"{o.effect.value} {_name(names, o.target)}"
            + (
                f" except in {', '.join(_name(names, p) for p in o.scope.excluding)}"
                if o.scope.excluding
                else ""
            )
            for o in ruling.outcomes
        )
        lines.append(f"{ruling.date!s:<11} {where:<10} {ruling.kind.value:<24} {done or '-'}")
    return lines


def _name(names: Mapping[str, object], target: str) -> str:
    entity = names.get(target)
    for attribute in ("label", "name", "title"):
        value = getattr(entity, attribute, None)
        if isinstance(value, str):
            return value
    return target.rsplit("/", 1)[-1]


def status_table(
    story: Story, dates: tuple[str, ...] = ()
) -> list[tuple[str, str, str, LawStatus]]:
    """Statuses over time: (date, provision label, place, status) for the challenged
    provisions, in Chicago, Santa Clara County and Texas."""
    laws = {law.id: law for law in story.laws}
    asked = dates or (
        "2017-03-01",
        "2017-09-14",
        "2017-09-15",
        "2018-05-01",
        "2018-06-15",
        "2018-07-01",
        "2018-09-01",
        "2021-02-01",
    )
    rows = []
    for law_ref, provision in ((JAG, NOTICE), (JAG, COMPLIANCE), (EO_13768, SEC_9A)):
        law = laws[law_ref]
        label = next(p.label for p in law.provisions if p.id == provision)
        for at in asked:
            for place in (CHICAGO, SANTA_CLARA, TX):
                result = status_on(law, at, story=story, provision=provision, place=place)
                rows.append((at, label, place.rsplit(":", 1)[-1], result))
    return rows


def main() -> None:
    """Print the timeline of rulings and the statuses of the challenged provisions."""
    story = build_story()
    print(story.title)
    print()
    print("Rulings")
    for line in timeline(story):
        print("  " + line)
    print()
    print("Status of the challenged provisions (may: every state the dates allow)")
    for at, label, place, result in status_table(story):
        may = "/".join(sorted(s.value for s in result.possible))
        print(f"  {at}  {label:<22} {place:<12} {result.state.value:<18} may: {may}")


if __name__ == "__main__":
    main()
