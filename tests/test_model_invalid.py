"""Invalid input is refused with a stable code and the place it was found.

Shape problems (one object on its own) raise :class:`ShapeError` with ``code`` and ``field``;
cross-entity problems raise :class:`ValidationError` from :class:`Story` with a ``Problem`` per
problem, each with ``code`` and ``path``.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from helpers import (
    CA,
    SOURCE,
    US,
    agency,
    cite,
    jurisdiction,
    law,
    organization,
    person,
    source,
    state,
    statement,
    story,
)
from policyconflict import (
    AgencyKind,
    Citation,
    DateTextError,
    Deployment,
    DeploymentUnit,
    Docket,
    ExternalId,
    Figure,
    JurisdictionLevel,
    LawKind,
    LegalCase,
    PartialDate,
    Period,
    PolicyConflictError,
    Position,
    Predicate,
    Provision,
    ProvisionEffect,
    Quantity,
    QuantityKind,
    Relation,
    Role,
    Ruling,
    RulingKind,
    ShapeError,
    Stance,
    Story,
    ValidationError,
)
from policyconflict.ids import IdScheme
from policyconflict.model import QuoteForm


def wrong(value: object) -> Any:
    """``value`` typed as anything: these tests pass wrong types on purpose."""
    return value


def _provision(id: str = "law:us/ca/2017-2018/sb-54#a", **changes: Any) -> Provision:
    fields: dict[str, Any] = {"id": id, "label": "a", "effect": ProvisionEffect.RESTRICTS}
    return Provision(**(fields | changes))


def _deployment(**changes: Any) -> Deployment:
    fields: dict[str, Any] = {"id": "deployment:us/cbp/2020-02/x", "agency": "agency:us/dhs"}
    return Deployment(**(fields | changes))


def _ruling(**changes: Any) -> Ruling:
    fields: dict[str, Any] = {
        "id": "ruling:x/2018-07-05/preliminary-injunction",
        "case": "case:x",
        "court": "agency:us/ca/court",
        "date": PartialDate.parse("2018-07-05"),
        "kind": RulingKind.PRELIMINARY_INJUNCTION,
    }
    return Ruling(**(fields | changes))


# -- shape problems: (make the object, code, field) -------------------------------------------

SHAPE_CASES: dict[str, tuple[Callable[[], object], str, str]] = {
    "empty name": (lambda: person(name=""), "empty", "name"),
    "blank name": (lambda: person(name="   "), "empty", "name"),
    "name with outer spaces": (lambda: person(name=" Ann"), "untrimmed", "name"),
    "name that is not a string": (lambda: person(name=42), "wrong-type", "name"),
    "id with a space": (lambda: person(id="person:ann lee"), "bad-id", "id"),
    "id with capitals": (lambda: person(id="person:Ann"), "bad-id", "id"),
    "id that is not a string": (lambda: person(id=wrong(7)), "wrong-type", "id"),
    "reference with a bad id": (lambda: agency(parent="DHS"), "bad-id", "parent"),
    "Wikidata QID Q0": (
        lambda: ExternalId(scheme=IdScheme.WIKIDATA, value="Q0"),
        "bad-external-id",
        "value",
    ),
    "Wikidata QID in lower case": (
        lambda: ExternalId(scheme=IdScheme.WIKIDATA, value="q65"),
        "bad-external-id",
        "value",
    ),
    "ISO 3166-2 with a full name": (
        lambda: ExternalId(scheme=IdScheme.ISO_3166_2, value="US-California"),
        "bad-external-id",
        "value",
    ),
    "census GEOID of four digits": (
        lambda: ExternalId(scheme=IdScheme.CENSUS_GEOID, value="0644"),
        "bad-external-id",
        "value",
    ),
    "OCD division external id without a country": (
        lambda: ExternalId(scheme=IdScheme.OCD_DIVISION, value="ocd-division/state:ca"),
        "bad-external-id",
        "value",
    ),
    "scheme given as a string": (
        lambda: ExternalId(scheme=wrong("wikidata"), value="Q65"),
        "wrong-type",
        "scheme",
    ),
    "jurisdiction with a bad OCD id": (
        lambda: jurisdiction(id="ocd-division/country:usa"),
        "bad-id",
        "id",
    ),
    "jurisdiction that is its own parent": (
        lambda: jurisdiction(parent=US),
        "self-reference",
        "parent",
    ),
    "agency that is its own parent": (
        lambda: agency(parent="agency:us/dhs"),
        "self-reference",
        "parent",
    ),
    "the same external id twice": (
        lambda: person(external_ids=(ExternalId(scheme=IdScheme.WIKIDATA, value="Q65"),) * 2),
        "duplicate",
        "external_ids",
    ),
    "negative target count": (lambda: _deployment(target_count=-1), "negative", "target_count"),
    "target count below the named targets": (
        lambda: _deployment(targets=(US, CA), target_count=1),
        "count-below-named",
        "target_count",
    ),
    "the same target twice": (lambda: _deployment(targets=(CA, CA)), "duplicate", "targets"),
    "bool where a count is expected": (
        lambda: _deployment(target_count=True),
        "wrong-type",
        "target_count",
    ),
    "topic with capitals and spaces": (
        lambda: _deployment(topic="Immigration Enforcement"),
        "bad-topic",
        "topic",
    ),
    "list instead of tuple": (lambda: person(aliases=["Annie"]), "wrong-type", "aliases"),
    "wrong member type in a tuple": (
        lambda: law(provisions=(cite(),)),
        "wrong-type",
        "provisions",
    ),
    "enum given as a plain string": (lambda: law(kind="statute"), "wrong-type", "kind"),
    "bool flag given as a string": (
        lambda: Role(
            id="role:ann/dhs/chief",
            person="person:ann",
            organization="x",
            title="c",
            acting=wrong("yes"),
        ),
        "wrong-type",
        "acting",
    ),
    "translation without translated_by": (
        lambda: statement(form=QuoteForm.TRANSLATION, original="statement:ann/undated/hola"),
        "missing-field",
        "translated_by",
    ),
    "original on a direct quote": (
        lambda: statement(original="statement:ann/undated/hola"),
        "unexpected-field",
        "form",
    ),
    "spokesperson on behalf of themself": (
        lambda: statement(on_behalf_of="person:ann"),
        "self-reference",
        "on_behalf_of",
    ),
    "two positions toward one target": (
        lambda: statement(
            positions=(
                Position(target=CA, stance=Stance.OPPOSE),
                Position(target=CA, stance=Stance.SUPPORT),
            )
        ),
        "duplicate",
        "positions",
    ),
    "bad language tag": (lambda: statement(language="English"), "bad-language", "language"),
    "bad URL": (lambda: source(url="www.latimes.com/story"), "bad-url", "url"),
    "URL with a space": (lambda: source(url="https://example.org/a b"), "bad-url", "url"),
    "quantity range with high below low": (
        lambda: Quantity.between(6000, 5000),
        "high-below-low",
        "high",
    ),
    "exact quantity without a value": (
        lambda: Quantity(kind=QuantityKind.EXACT),
        "missing-field",
        "value",
    ),
    "exact quantity with a low bound": (
        lambda: Quantity(kind=QuantityKind.EXACT, value=1, low=0),
        "unexpected-field",
        "low",
    ),
    "quantity that is not a number": (lambda: Quantity.exact(wrong("100")), "wrong-type", "value"),
    "quantity that is a bool": (lambda: Quantity.exact(True), "wrong-type", "value"),
    "quantity that is NaN": (lambda: Quantity.exact(float("nan")), "not-finite", "value"),
    "quantity beyond 2**53": (lambda: Quantity.at_least(2**60), "too-large", "low"),
    "figure without a metric": (
        lambda: Figure(id="figure:x", metric=wrong(None), quantity=Quantity.exact(1)),
        "wrong-type",
        "metric",
    ),
    "citation ending before it starts": (
        lambda: Citation(source=SOURCE, quote="a", start=10, end=5),
        "end-before-start",
        "end",
    ),
    "citation with a start and no end": (
        lambda: Citation(source=SOURCE, start=10),
        "half-range",
        "end",
    ),
    "citation with a prefix and no quote": (
        lambda: Citation(source=SOURCE, prefix="By "),
        "missing-quote",
        "prefix",
    ),
    "citation with a negative offset": (
        lambda: Citation(source=SOURCE, start=-1, end=3),
        "negative",
        "start",
    ),
    "provision id repeated in one law": (
        lambda: law(provisions=(_provision(), _provision(label="b"))),
        "duplicate-id",
        "provisions",
    ),
    "law effective before it was signed": (
        lambda: law(signed=PartialDate.parse("2017-10-05"), effective=PartialDate.parse("2017-09")),
        "end-before-start",
        "effective",
    ),
    "law expiring before it takes effect": (
        lambda: law(effective=PartialDate.parse("2018-01-01"), expires=PartialDate.parse("2017")),
        "end-before-start",
        "expires",
    ),
    "relation from an entity to itself": (
        lambda: Relation(id="relation:x", subject=CA, predicate=Predicate.OPPOSES, object=CA),
        "self-reference",
        "object",
    ),
    "ruling taking effect before its date": (
        lambda: _ruling(takes_effect=PartialDate.parse("2018-07-04")),
        "end-before-start",
        "takes_effect",
    ),
    "ruling with no effect and an effect date": (
        lambda: _ruling(no_effect=True, takes_effect=PartialDate.parse("2018-07-06")),
        "unexpected-field",
        "takes_effect",
    ),
    "case consolidated with itself": (
        lambda: LegalCase(id="case:x", name="X v. Y", consolidated_with=("case:x",)),
        "self-reference",
        "consolidated_with",
    ),
    "story with a bad id": (
        lambda: Story(id="Story One", title="A story"),
        "bad-id",
        "id",
    ),
    "story with a list of persons": (
        lambda: Story(id="story:x", title="A story", persons=wrong([person()])),
        "wrong-type",
        "persons",
    ),
}


@pytest.mark.parametrize(("make", "code", "field"), SHAPE_CASES.values(), ids=SHAPE_CASES.keys())
def test_shape_problem_is_refused_with_code_and_field(
    make: Callable[[], object], code: str, field: str
) -> None:
    with pytest.raises(ShapeError) as info:
        make()
    assert (info.value.code, info.value.field) == (code, field)
    assert isinstance(info.value, PolicyConflictError)
    assert isinstance(info.value, ValueError)
    assert info.value.message


# -- story problems: (make the story, code, path) ---------------------------------------------

ANN = person()


def _court_story(court_kind: AgencyKind) -> Story:
    court = agency("agency:us/ca/court", kind=court_kind)
    case = LegalCase(
        id="case:x", name="X v. Y", dockets=(Docket(court=court.id, number="2:18-cv-1"),)
    )
    return story(agencies=(court,), legal_cases=(case,))


STORY_CASES: dict[str, tuple[Callable[[], Story], str, str]] = {
    "statement whose speaker is a law": (
        lambda: story(laws=(law(),), statements=(statement(speaker=law().id),)),
        "wrong-kind",
        "$.statements[0].speaker",
    ),
    "statement whose speaker does not exist": (
        lambda: story(statements=(statement(),)),
        "unknown-reference",
        "$.statements[0].speaker",
    ),
    "role whose person does not exist": (
        lambda: story(
            agencies=(agency(),),
            roles=(
                Role(id="role:x", person="person:nobody", organization="agency:us/dhs", title="c"),
            ),
        ),
        "unknown-reference",
        "$.roles[0].person",
    ),
    "role whose person is an agency": (
        lambda: story(
            agencies=(agency(),),
            roles=(
                Role(id="role:x", person="agency:us/dhs", organization="agency:us/dhs", title="c"),
            ),
        ),
        "wrong-kind",
        "$.roles[0].person",
    ),
    "role in a person": (
        lambda: story(
            persons=(ANN, person("person:bob", name="Bob")),
            roles=(Role(id="role:x", person=ANN.id, organization="person:bob", title="c"),),
        ),
        "wrong-kind",
        "$.roles[0].organization",
    ),
    "jurisdiction whose parent does not exist": (
        lambda: story(jurisdictions=(jurisdiction(), state(parent="ocd-division/country:mx"))),
        "unknown-reference",
        "$.jurisdictions[1].parent",
    ),
    "two entities of one kind with one id": (
        lambda: story(persons=(ANN, person(name="Ann B."))),
        "duplicate-id",
        "$.persons[1].id",
    ),
    "two entities of different kinds with one id": (
        lambda: story(organizations=(organization("person:ann"),), persons=(ANN,)),
        "duplicate-id",
        "$.persons[0].id",
    ),
    "a provision id used by two laws": (
        lambda: story(
            laws=(
                law(provisions=(_provision(),)),
                law("law:us/ca/2019-2020/sb-54", provisions=(_provision(),)),
            )
        ),
        "duplicate-id",
        "$.laws[1].provisions[0].id",
    ),
    "ruling whose court is not a court": (
        lambda: story(
            agencies=(agency("agency:us/ca/court", kind=AgencyKind.POLICE),),
            legal_cases=(LegalCase(id="case:x", name="X v. Y"),),
            rulings=(_ruling(),),
        ),
        "not-a-court",
        "$.rulings[0].court",
    ),
    "docket in a court that is not a court": (
        lambda: _court_story(AgencyKind.PROSECUTOR),
        "not-a-court",
        "$.legal_cases[0].dockets[0].court",
    ),
    "ruling in a case that does not exist": (
        lambda: story(
            agencies=(agency("agency:us/ca/court", kind=AgencyKind.COURT),),
            rulings=(_ruling(),),
        ),
        "unknown-reference",
        "$.rulings[0].case",
    ),
    "citation of a source that does not exist": (
        lambda: story(persons=(person(sources=(Citation(source="source:nowhere"),)),)),
        "unknown-reference",
        "$.persons[0].sources[0].source",
    ),
    "citation of a person as a source": (
        lambda: story(persons=(person(sources=(Citation(source=ANN.id),)),)),
        "wrong-kind",
        "$.persons[0].sources[0].source",
    ),
    "deployment unit that does not exist": (
        lambda: story(
            agencies=(agency(),),
            deployments=(
                _deployment(
                    units=(
                        DeploymentUnit(unit="agency:us/dhs"),
                        DeploymentUnit(unit="agency:us/dhs/cbp/ofo"),
                    )
                ),
            ),
        ),
        "unknown-reference",
        "$.deployments[0].units[1].unit",
    ),
    "deployment by an organization": (
        lambda: story(
            organizations=(organization(),), deployments=(_deployment(agency="org:aclu"),)
        ),
        "wrong-kind",
        "$.deployments[0].agency",
    ),
    "stance toward nothing": (
        lambda: story(
            persons=(ANN,),
            statements=(statement(positions=(Position(target="law:x", stance=Stance.OPPOSE),)),),
        ),
        "unknown-reference",
        "$.statements[0].positions[0].target",
    ),
    "provision counterparty that is a place": (
        lambda: story(laws=(law(provisions=(_provision(counterparty=(CA,)),)),)),
        "wrong-kind",
        "$.laws[0].provisions[0].counterparty[0]",
    ),
    "law of a kind issued by a statement": (
        lambda: story(
            persons=(ANN,),
            statements=(statement(),),
            laws=(law(kind=LawKind.AGENCY_POLICY, issuer=statement().id),),
        ),
        "wrong-kind",
        "$.laws[0].issuer",
    ),
    "figure claimed by a statement": (
        lambda: story(
            persons=(person(),),
            statements=(statement(),),
            figures=(
                Figure(
                    id="figure:x",
                    metric="x",
                    quantity=Quantity.exact(1),
                    claimed_by=(statement().id,),
                ),
            ),
        ),
        "wrong-kind",
        "$.figures[0].claimed_by[0]",
    ),
}


@pytest.mark.parametrize(("make", "code", "path"), STORY_CASES.values(), ids=STORY_CASES.keys())
def test_story_problem_is_reported_with_code_and_path(
    make: Callable[[], Story], code: str, path: str
) -> None:
    with pytest.raises(ValidationError) as info:
        make()
    assert [(p.code, p.path) for p in info.value.problems] == [(code, path)]
    assert isinstance(info.value, PolicyConflictError)


def test_jurisdiction_that_is_its_own_ancestor_is_a_cycle() -> None:
    la = "ocd-division/country:us/state:ca/place:los_angeles"
    with pytest.raises(ValidationError) as info:
        story(
            jurisdictions=(
                jurisdiction(),
                state(parent=la),
                jurisdiction(la, name="Los Angeles", level=JurisdictionLevel.CITY, parent=CA),
            )
        )
    assert info.value.codes == ("cycle", "cycle")
    assert info.value.paths == ("$.jurisdictions[1].parent", "$.jurisdictions[2].parent")


def test_agency_that_is_its_own_ancestor_is_a_cycle() -> None:
    with pytest.raises(ValidationError) as info:
        story(
            agencies=(
                agency("agency:a", parent="agency:c"),
                agency("agency:b", parent="agency:a"),
                agency("agency:c", parent="agency:b"),
            )
        )
    assert info.value.codes == ("cycle",) * 3
    assert info.value.paths == tuple(f"$.agencies[{i}].parent" for i in range(3))


# -- periods ---------------------------------------------------------------------------------------


def test_period_text_ending_before_it_starts_points_at_the_whole_period() -> None:
    text = "2020-05/2020-02"
    with pytest.raises(DateTextError) as info:
        Period.parse(text)
    assert (info.value.start, info.value.end) == (0, len(text))
    assert "before it starts" in info.value.reason


def test_period_ending_before_it_starts_cannot_be_made() -> None:
    with pytest.raises(ValueError, match=r"ends \(2020-02\) before it starts \(2020-05\)"):
        Period.between("2020-05", "2020-02")


def test_period_ending_within_its_start_month_is_allowed() -> None:
    # The end may be less precise than the start: only a surely earlier end is refused.
    period = Period.between("2020-02-14", "2020-02")
    assert str(period) == "2020-02-14/2020-02"
