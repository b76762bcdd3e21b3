"""The public hypothesis strategies (:mod:`policyconflict.testing`) make what they promise: valid
values of every class, whole stories that cover every kind of entity, and a registration that
makes ``st.from_type`` work."""

from __future__ import annotations

import calendar
import warnings
from collections.abc import Callable
from typing import Any

import attrs
import pytest
from hypothesis import HealthCheck, Phase, assume, find, given, settings
from hypothesis import strategies as st
from hypothesis.errors import HypothesisWarning

from policyconflict.dates import OPEN, UNKNOWN, PartialDate, Period
from policyconflict.errors import ValidationError
from policyconflict.model import AgencyKind, Jurisdiction, Law, QuoteForm, Ruling
from policyconflict.story import COLLECTIONS, Story
from policyconflict.testing import (
    STRATEGIES,
    IdPool,
    entities,
    laws,
    names,
    partial_dates,
    periods,
    register,
    roles,
    rulings,
    stories,
)

CLASSES = sorted(STRATEGIES, key=lambda cls: cls.__name__)
# Coverage searches must not depend on luck: a fixed seed, no example database, and no
# shrinking (shrinking a whole story to a minimal one costs far more than finding one).
SEARCH = settings(
    derandomize=True,
    database=None,
    max_examples=500,
    phases=[Phase.generate],
    suppress_health_check=list(HealthCheck),
)


def _searched(
    strategy: st.SearchStrategy[Any], condition: Callable[[Any], bool], examples: int = 500
) -> Any:
    """The first value of ``strategy`` meeting ``condition``, in a fixed, seeded order."""
    with warnings.catch_warnings():
        # find() may build the repr of a large generated story for its report; that is a
        # cost warning about the search, not a problem with the value searched for.
        warnings.filterwarnings("ignore", "Generating overly large repr", HypothesisWarning)
        return find(strategy, condition, settings=settings(SEARCH, max_examples=examples))


@pytest.mark.parametrize("cls", CLASSES, ids=lambda cls: cls.__name__)
@given(data=st.data())
def test_every_strategy_makes_valid_instances_of_its_class(
    cls: type[Any], data: st.DataObject
) -> None:
    value = data.draw(STRATEGIES[cls]())
    assert type(value) is cls
    attrs.validate(value)  # re-runs every validator, the story's cross-checks included


@pytest.mark.parametrize("cls", CLASSES, ids=lambda cls: cls.__name__)
@given(data=st.data())
def test_attrs_evolve_keeps_validity(cls: type[Any], data: st.DataObject) -> None:
    value = data.draw(STRATEGIES[cls]())
    assert attrs.evolve(value) == value


def test_every_public_model_class_has_a_strategy() -> None:
    import policyconflict.model as model

    classes = {getattr(model, name) for name in model.__all__ if attrs.has(getattr(model, name))}
    assert classes <= set(STRATEGIES)
    assert {Story, PartialDate, Period} <= set(STRATEGIES)


@pytest.mark.parametrize("cls", CLASSES, ids=lambda cls: cls.__name__)
@given(data=st.data())
def test_from_type_makes_valid_values_after_register(cls: type[Any], data: st.DataObject) -> None:
    register()
    value = data.draw(st.from_type(cls))
    assert type(value) is cls
    attrs.validate(value)


def test_register_can_run_twice() -> None:
    register()
    register()
    story = _searched(st.from_type(Story), lambda s: len(s.persons) > 0)
    assert isinstance(story, Story)


@given(story=stories(max_entities=10))
def test_stories_respect_their_size_limit(story: Story) -> None:
    assert len(list(story.entities())) <= 10


@given(story=stories(min_entities=5, max_entities=5))
def test_stories_have_the_size_asked_for(story: Story) -> None:
    assert len(list(story.entities())) == 5


@pytest.mark.parametrize("collection", list(COLLECTIONS))
def test_generated_stories_cover_every_kind_of_entity(collection: str) -> None:
    story = _searched(stories(), lambda s: len(getattr(s, collection)) > 0)
    assert getattr(story, collection)


def test_generated_stories_have_rulings_of_courts_with_outcomes() -> None:
    story = _searched(stories(), lambda s: any(r.outcomes for r in s.rulings))
    agencies = {a.id: a for a in story.agencies}
    assert all(agencies[r.court].kind is AgencyKind.COURT for r in story.rulings)


@pytest.mark.slow
def test_generated_stories_have_parent_chains() -> None:
    def has_grandparent(story: Story) -> bool:
        parents = {j.id: j.parent for j in story.jurisdictions}
        return any(parents.get(p) is not None for p in parents.values() if p is not None)

    # Three-level chains need several jurisdictions drawn in one story: a rarer shape.
    story = _searched(stories(), has_grandparent, examples=5000)
    assert len(story.jurisdictions) >= 3


def test_generated_stories_have_translations_and_laws_with_provisions() -> None:
    story = _searched(
        stories(),
        lambda s: (
            any(x.form is QuoteForm.TRANSLATION for x in s.statements)
            and any(law.provisions for law in s.laws)
        ),
    )
    assert story.statements
    assert story.laws


def test_dates_cover_every_precision_and_qualifier() -> None:
    dates = partial_dates()
    assert _searched(dates, lambda d: d.precision == "second").utc_offset is not None
    assert _searched(dates, lambda d: d.precision == "minute" and d.utc_offset != 0)
    assert _searched(dates, lambda d: d.uncertain and d.approximate).precision != "minute"
    leap_day = _searched(dates, lambda d: d.month == 2 and d.day == 29)
    assert calendar.isleap(leap_day.year)


def test_periods_cover_open_unknown_and_dated_ends() -> None:
    assert _searched(periods(), lambda p: p.start is OPEN and p.end is UNKNOWN)
    dated = _searched(
        periods(),
        lambda p: isinstance(p.start, PartialDate) and isinstance(p.end, PartialDate),
    )
    assert dated.start.earliest_key <= dated.end.latest_key


def test_names_include_non_ascii_and_tricky_characters() -> None:
    assert not _searched(names(), lambda n: not n.isascii()).isascii()
    assert "\n" in _searched(names(), lambda n: "\n" in n)


@given(name=names())
def test_names_are_non_empty_and_trimmed(name: str) -> None:
    assert name
    assert name == name.strip()


def test_jurisdictions_in_stories_use_ocd_ids_sometimes() -> None:
    story = _searched(
        stories(), lambda s: any(j.id.startswith("ocd-division/") for j in s.jurisdictions)
    )
    assert any(isinstance(j, Jurisdiction) for j in story.jurisdictions)


@settings(suppress_health_check=[HealthCheck.filter_too_much])
@given(story=stories(min_entities=1, max_entities=12), data=st.data())
def test_an_entity_drawn_from_a_storys_pool_fits_into_the_story(
    story: Story, data: st.DataObject
) -> None:
    entity = data.draw(entities(IdPool.from_story(story)))
    index = story.index()
    new_ids = (
        [entity.id, *(p.id for p in entity.provisions)] if isinstance(entity, Law) else [entity.id]
    )
    assume(not any(i in index for i in new_ids))
    fields = {name: getattr(story, name) for name in COLLECTIONS}
    name = next(n for n, cls in COLLECTIONS.items() if cls is type(entity))
    if name == "rulings":
        assert isinstance(entity, Ruling)
    fields[name] = (*fields[name], entity)
    try:
        Story(id=story.id, title=story.title, **fields)
    except ValidationError as error:  # pragma: no cover - shows the problems when it fails
        pytest.fail(str(error.problems))


def test_strategies_refuse_a_pool_without_required_ids() -> None:
    with pytest.raises(ValueError, match="person"):
        roles(IdPool(organizations=["org:aclu"]))
    with pytest.raises(ValueError, match="court"):
        rulings(IdPool(legal_cases=["case:x"], agencies=["agency:x"]))
    with pytest.raises(ValueError, match="jurisdiction"):
        laws(IdPool())


def test_pool_references_come_from_the_pool() -> None:
    pool = IdPool(
        persons=["person:ada"],
        organizations=["org:aclu"],
        jurisdictions=["ocd-division/country:us"],
    )
    role = _searched(roles(pool), lambda r: True)
    assert (role.person, role.organization) == ("person:ada", "org:aclu")
    law = _searched(laws(pool), lambda law: law.issuer is not None)
    assert law.jurisdiction == "ocd-division/country:us"
    assert law.issuer in {"person:ada", "ocd-division/country:us"}


# For the subprocess tests: the first value a strategy draws, without shrinking it (find()
# with its default phases would shrink a whole generated story towards the simplest one).
_FIRST_DRAW = (
    "def first(strategy):\n"
    "    quick = settings(database=None, max_examples=1, phases=[Phase.generate])\n"
    "    return find(strategy, lambda value: True, settings=quick)\n"
)


def test_register_works_where_the_entry_point_does_not_run() -> None:
    # With hypothesis' plugins off, st.from_type falls back to building Story from its
    # annotations (invalid ids); policyconflict.testing.register() is the public remedy.
    import os
    import subprocess
    import sys

    code = (
        "from hypothesis import Phase, find, settings, strategies as st\n"
        "from policyconflict import Story\n"
        "from policyconflict.errors import PolicyConflictError\n"
        "from policyconflict.testing import register\n"
        f"{_FIRST_DRAW}"
        "try:\n"
        "    first(st.from_type(Story))\n"
        "except PolicyConflictError:\n"
        "    print('unregistered')\n"
        "register()\n"
        "print(type(first(st.from_type(Story))).__name__)\n"
    )
    env = {**os.environ, "HYPOTHESIS_NO_PLUGINS": "1"}
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=False, env=env
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["unregistered", "Story"]


def test_the_entry_point_registers_exactly_the_shipped_strategies() -> None:
    from policyconflict._hypothesis_plugin import registered_classes

    assert set(registered_classes()) == set(STRATEGIES)


def test_importing_testing_before_hypothesis_is_not_circular() -> None:
    # Hypothesis runs the entry point while it is being imported; when the package is installed
    # and ``policyconflict.testing`` is the first import, that must not be a circular import.
    import subprocess
    import sys

    code = (
        "import policyconflict.testing\n"
        "from hypothesis import Phase, find, settings, strategies as st\n"
        "from policyconflict import Story\n"
        f"{_FIRST_DRAW}"
        "print(type(first(st.from_type(Story))).__name__)\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=False, timeout=120
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "Story"
