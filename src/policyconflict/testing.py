"""Hypothesis strategies for property-testing code that uses ``policyconflict``.

Every strategy here is written by hand and makes valid values by construction:
``st.from_type`` over the validated classes would mostly make invalid ones. Install the
``testing`` extra (``pip install policyconflict[testing]``) to use them; ``import
policyconflict`` never imports this module.

* values: :func:`partial_dates`, :func:`periods`, :func:`quantities`, :func:`citations`,
  :func:`notes`, :func:`assessments`,
  :func:`external_ids`, and text-like values (:func:`names`, :func:`entity_ids`, ...);
* one strategy per entity class (:func:`persons`, :func:`laws`, :func:`rulings`, ...) and per
  nested value (:func:`positions`, :func:`outcomes`, ...);
* :func:`stories`: whole, referentially consistent stories of a chosen size;
  :func:`overlapping_stories`: several stories sharing ids, defined differently (for merging).

Entity strategies take an optional :class:`IdPool`. Without one, references are fresh ids: the
object is valid on its own but points at nothing. With one, references are drawn from the
pool's ids of an allowed kind, so the entity fits into a story holding those ids
(:meth:`IdPool.from_story`).

Once the package is installed, hypothesis registers a strategy for every public class through
its entry point, so ``st.from_type(Story)`` works in your tests; call :func:`register` yourself
when the entry point does not run (a source tree that is not installed, or
``HYPOTHESIS_NO_PLUGINS`` set).

>>> from hypothesis import given, settings
>>> from policyconflict.testing import stories
>>> @settings(max_examples=5)
... @given(stories(max_entities=10))
... def test_every_reference_resolves(story):
...     index = story.index()
...     assert all(role.person in index for role in story.roles)
>>> test_every_reference_resolves()
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any, Final

from hypothesis import strategies as st

from policyconflict import _hypothesis_plugin as _plugin
from policyconflict._strategies import pool as _pool
from policyconflict._strategies.actors import (
    agencies,
    jurisdictions,
    organizations,
    persons,
    roles,
    sources,
)
from policyconflict._strategies.acts import (
    deployments,
    events,
    figures,
    laws,
    legal_cases,
    provisions,
    relations,
    rulings,
    statements,
)
from policyconflict._strategies.control import control_transfers
from policyconflict._strategies.dates import chronological, partial_dates, periods
from policyconflict._strategies.merging import overlapping_stories
from policyconflict._strategies.pool import IdPool
from policyconflict._strategies.stories import DEFAULT_MAX_ENTITIES, stories
from policyconflict._strategies.text import (
    entity_ids,
    external_ids,
    jurisdiction_ids,
    language_tags,
    names,
    ocd_division_ids,
    topics,
    urls,
)
from policyconflict._strategies.values import (
    command_changes,
    deployment_phases,
    deployment_units,
    dockets,
    outcomes,
    participants,
    parties,
    positions,
    quantities,
    scopes,
    tallies,
)
from policyconflict.dates import PartialDate, Period
from policyconflict.model import (
    Agency,
    Assessment,
    Citation,
    CommandChange,
    ControlTransfer,
    Deployment,
    DeploymentPhase,
    DeploymentUnit,
    Docket,
    Event,
    ExternalId,
    Figure,
    Jurisdiction,
    Law,
    LegalCase,
    Note,
    Organization,
    Outcome,
    Participant,
    Party,
    Person,
    Position,
    Provision,
    Quantity,
    Relation,
    Role,
    Ruling,
    Scope,
    Source,
    Statement,
    Tally,
)
from policyconflict.story import Entity, Story

__all__ = [
    "DEFAULT_MAX_ENTITIES",
    "STRATEGIES",
    "IdPool",
    "agencies",
    "assessments",
    "chronological",
    "citations",
    "command_changes",
    "control_transfers",
    "deployment_phases",
    "deployment_units",
    "deployments",
    "dockets",
    "entities",
    "entity_ids",
    "events",
    "external_ids",
    "figures",
    "jurisdiction_ids",
    "jurisdictions",
    "language_tags",
    "laws",
    "legal_cases",
    "names",
    "notes",
    "ocd_division_ids",
    "organizations",
    "outcomes",
    "overlapping_stories",
    "partial_dates",
    "participants",
    "parties",
    "periods",
    "persons",
    "positions",
    "provisions",
    "quantities",
    "register",
    "relations",
    "roles",
    "rulings",
    "scopes",
    "sources",
    "statements",
    "stories",
    "tallies",
    "topics",
    "urls",
]


def citations(source_ids: Sequence[str] | None = None) -> st.SearchStrategy[Citation]:
    """:class:`~policyconflict.model.Citation` pointers into sources whose ids are drawn from
    ``source_ids`` (fresh ids when ``None``): sometimes a quote with the raw text before and
    after it, character offsets with ``end >= start``, and a note.

    >>> from hypothesis import find
    >>> c = find(citations(["source:la-times"]), lambda c: c.start is not None)
    >>> (c.source, c.end >= c.start)
    ('source:la-times', True)
    """
    if source_ids is None:
        return _pool.citations(entity_ids("source"))
    if not source_ids:
        raise ValueError("citations() needs at least one source id")
    return _pool.citations(st.sampled_from(tuple(source_ids)))


def notes(pool: IdPool | None = None) -> st.SearchStrategy[Note]:
    """:class:`~policyconflict.model.Note` remarks: the encoder's own, or (with a ``pool``
    holding sources) citing one of the pool's sources.

    >>> from hypothesis import find
    >>> find(notes(), lambda n: True).by_encoder
    True
    """
    return _pool.built(_pool.draw_note, pool)


def assessments(pool: IdPool | None = None) -> st.SearchStrategy[Assessment]:
    """:class:`~policyconflict.model.Assessment` reliability ratings: by the encoder, or (with
    a ``pool``) by one of the pool's people, bodies or sources, with a reason and a date.

    >>> from hypothesis import find
    >>> from policyconflict.model import Reliability
    >>> find(assessments(), lambda a: a.rating is Reliability.LOW).rating
    <Reliability.LOW: 'low'>
    """
    return _pool.built(_pool.draw_assessment, pool)


_ENTITY_STRATEGIES: Final[tuple[Callable[..., st.SearchStrategy[Any]], ...]] = (
    sources,
    jurisdictions,
    agencies,
    organizations,
    persons,
    roles,
    laws,
    deployments,
    control_transfers,
    events,
    statements,
    figures,
    relations,
    legal_cases,
    rulings,
)


def entities(pool: IdPool | None = None) -> st.SearchStrategy[Entity]:
    """Entities of every kind a story holds; with a ``pool``, only the kinds whose required
    references the pool can satisfy, each referring to pool ids only.

    >>> from hypothesis import find
    >>> from policyconflict.model import Ruling
    >>> isinstance(find(entities(), lambda e: isinstance(e, Ruling)), Ruling)
    True
    """
    usable: list[st.SearchStrategy[Any]] = []
    for make in _ENTITY_STRATEGIES:
        try:
            usable.append(make(pool))
        except ValueError:  # the pool lacks a required reference for this kind
            continue
    return st.one_of(usable)


STRATEGIES: Final[dict[type[Any], Callable[[], st.SearchStrategy[Any]]]] = {
    PartialDate: partial_dates,
    Period: periods,
    Quantity: quantities,
    Citation: citations,
    Note: notes,
    Assessment: assessments,
    ExternalId: external_ids,
    Source: sources,
    Jurisdiction: jurisdictions,
    Agency: agencies,
    Organization: organizations,
    Person: persons,
    Role: roles,
    Provision: provisions,
    Law: laws,
    DeploymentUnit: deployment_units,
    DeploymentPhase: deployment_phases,
    CommandChange: command_changes,
    Deployment: deployments,
    ControlTransfer: control_transfers,
    Participant: participants,
    Tally: tallies,
    Event: events,
    Position: positions,
    Statement: statements,
    Figure: figures,
    Relation: relations,
    Docket: dockets,
    Party: parties,
    LegalCase: legal_cases,
    Scope: scopes,
    Outcome: outcomes,
    Ruling: rulings,
    Story: stories,
}
"""Public class → the function making its default strategy (what ``st.from_type`` uses)."""


def register() -> None:
    """Register a strategy for every public class with hypothesis, so that
    ``st.from_type(Story)`` (and ``st.builds`` with annotated arguments) makes valid values.

    An installed package needs no call: hypothesis runs the same registration through the
    package's ``hypothesis`` entry point when it is imported. Call it (for example in your
    ``conftest.py``) when that entry point does not run: from a source tree that is not
    installed, or with the ``HYPOTHESIS_NO_PLUGINS`` environment variable set. Registering again
    replaces the earlier registration with the same strategies, so calling it twice is harmless.

    >>> from hypothesis import find, strategies as st
    >>> from policyconflict import Person
    >>> register()
    >>> type(find(st.from_type(Person), lambda person: True)).__name__
    'Person'
    """
    _plugin._hypothesis_setup_hook()
