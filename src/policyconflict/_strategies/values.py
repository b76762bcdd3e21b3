"""Strategies for the values nested inside entities: quantities, deployment units, phases and
command changes, event participants and tallies, statement positions, dockets, parties, scopes
and ruling outcomes. References come from an :class:`~.pool.IdPool` (or are fresh ids).

Each ``draw_*`` function builds one value from a hypothesis ``draw``; the public strategies
wrap them.
"""

from __future__ import annotations

import functools
from typing import Final

from hypothesis import strategies as st

from policyconflict.model import _fields as f
from policyconflict.model.actions import (
    CommandChange,
    DeploymentPhase,
    DeploymentUnit,
    Participant,
    Tally,
)
from policyconflict.model.courts import (
    CHALLENGEABLE,
    Docket,
    Outcome,
    OutcomeEffect,
    Party,
    PartyRole,
    Scope,
)
from policyconflict.model.figures import Quantity, QuantityKind
from policyconflict.model.statements import Position, Stance

from .dates import partial_dates, periods
from .pool import (
    IdPool,
    below,
    built,
    candidates,
    cite,
    kinds_of,
    maybe,
    pick,
    pick_many,
    pick_optional,
    require,
)
from .text import names, topics

__all__ = [
    "ACTORS",
    "ANY",
    "COMMANDERS",
    "LEGAL_BASES",
    "command_changes",
    "deployment_phases",
    "deployment_units",
    "dockets",
    "outcomes",
    "participants",
    "parties",
    "positions",
    "quantities",
    "scopes",
    "tallies",
]

# The kinds of reference, read from the model's field rules.
ACTORS: Final = kinds_of(Party, "entity")
ANY: Final = (f.ANY_KIND,)
COMMANDERS: Final = kinds_of(CommandChange, "to_command")
LEGAL_BASES: Final = kinds_of(CommandChange, "legal_basis")

_COIN: Final = st.booleans()
_KINDS: Final = st.sampled_from(QuantityKind)
_STANCES: Final = st.sampled_from(Stance)
_EFFECTS: Final = st.sampled_from(OutcomeEffect)
_PARTY_ROLES: Final = st.sampled_from(PartyRole)


def _numbers(low: int, high: int) -> st.SearchStrategy[int | float]:
    floats = st.floats(low, high, allow_nan=False, allow_infinity=False)
    edges = st.sampled_from(tuple(v for v in (0, 1, high, low, 0.5) if low <= v <= high))
    return st.one_of(st.integers(low, high), floats, edges)


def quantities(
    *, min_value: int = -f.MAX_INT, max_value: int = f.MAX_INT
) -> st.SearchStrategy[Quantity]:
    """:class:`~policyconflict.model.Quantity` values of every kind (exact, approximate, range,
    at least, at most, undisclosed), with ints or finite floats from ``min_value`` to
    ``max_value`` (at most 2**53 in size) and sometimes the words used (``"about 100"``).

    >>> from hypothesis import find
    >>> from policyconflict.testing import quantities
    >>> q = find(quantities(), lambda q: q.kind.value == "range")
    >>> q.low <= q.high
    True
    """
    if not -f.MAX_INT <= min_value <= max_value <= f.MAX_INT:
        raise ValueError("need -2**53 <= min_value <= max_value <= 2**53")
    return _cached_quantities(min_value, max_value)


@functools.cache
def _cached_quantities(min_value: int, max_value: int) -> st.SearchStrategy[Quantity]:
    return _quantities(_numbers(min_value, max_value))


@st.composite
def _quantities(draw: st.DrawFn, numbers: st.SearchStrategy[int | float]) -> Quantity:
    kind = draw(_KINDS)
    text = draw(maybe(names()))
    value = low = high = None
    if kind in (QuantityKind.EXACT, QuantityKind.APPROXIMATE):
        value = draw(numbers)
    elif kind is QuantityKind.RANGE:
        low, high = sorted((draw(numbers), draw(numbers)))
    elif kind is QuantityKind.AT_LEAST:
        low = draw(numbers)
    elif kind is QuantityKind.AT_MOST:
        high = draw(numbers)
    return Quantity(kind=kind, value=value, low=low, high=high, text=text)


# Head counts of personnel: never negative, and small enough that summing a deployment's units
# stays within the model's 2**53 limit.
_HEADCOUNTS: Final = maybe(quantities(min_value=0, max_value=10**6))


def draw_unit(draw: st.DrawFn, pool: IdPool | None) -> DeploymentUnit:
    """One deployment unit (the pool must hold an agency)."""
    return DeploymentUnit(
        unit=pick(draw, pool, kinds_of(DeploymentUnit, "unit")),
        count=draw(_HEADCOUNTS),
        role=draw(maybe(names())),
        sources=cite(draw, pool),
    )


def deployment_units(pool: IdPool | None = None) -> st.SearchStrategy[DeploymentUnit]:
    """Units of a deployment: an agency, a head count, a role.

    >>> from hypothesis import find
    >>> from policyconflict.testing import IdPool, deployment_units
    >>> find(deployment_units(IdPool(agencies=["agency:cbp"])), lambda u: True).unit
    'agency:cbp'
    """
    require(pool, ("agency",), "deployment_units()")
    return built(draw_unit, pool)


def draw_phase(draw: st.DrawFn, pool: IdPool | None) -> DeploymentPhase:
    """One deployment phase."""
    return DeploymentPhase(
        period=draw(periods()),
        description=draw(names()),
        count=draw(_HEADCOUNTS),
        targets=pick_many(draw, pool, ("jurisdiction",)),
        sources=cite(draw, pool),
    )


def deployment_phases(pool: IdPool | None = None) -> st.SearchStrategy[DeploymentPhase]:
    """Stages of a deployment: a period, a description, a head count, target places.

    >>> from hypothesis import find
    >>> from policyconflict.testing import deployment_phases
    >>> len(find(deployment_phases(), lambda p: len(p.targets) == 2).targets)
    2
    """
    return built(draw_phase, pool)


def draw_command_change(draw: st.DrawFn, pool: IdPool | None) -> CommandChange:
    """One command change: the unit moves to a command other than itself and other than the
    one it leaves (the pool must hold an agency and another commander)."""
    unit = pick(draw, pool, kinds_of(CommandChange, "unit"))
    to_command = pick(draw, pool, COMMANDERS, exclude=(unit,))
    return CommandChange(
        date=draw(partial_dates()),
        unit=unit,
        to_command=to_command,
        from_command=pick_optional(draw, pool, COMMANDERS, exclude=(to_command,)),
        legal_basis=pick_many(draw, pool, LEGAL_BASES),
        sources=cite(draw, pool),
    )


def command_changes(pool: IdPool | None = None) -> st.SearchStrategy[CommandChange]:
    """A unit placed under another command on a date, with its legal basis.

    >>> from hypothesis import find
    >>> from policyconflict.testing import command_changes
    >>> find(command_changes(), lambda c: c.from_command is not None).from_command is not None
    True
    """
    require(pool, ("agency",), "command_changes()")
    if pool is not None and len(candidates(pool, COMMANDERS)) < 2:
        raise ValueError("command_changes() needs a unit and another commander in the pool")
    return built(draw_command_change, pool)


_PARTICIPANT_ROLES: Final = st.one_of(
    st.none(), st.sampled_from(("organizer", "arrested")), names()
)


def draw_participant(draw: st.DrawFn, pool: IdPool | None) -> Participant:
    """One event participant (the pool must hold some id)."""
    return Participant(entity=pick(draw, pool, ANY), role=draw(_PARTICIPANT_ROLES))


def participants(pool: IdPool | None = None) -> st.SearchStrategy[Participant]:
    """Who took part in an event (any entity), and as what.

    >>> from hypothesis import find
    >>> from policyconflict.testing import IdPool, participants
    >>> find(participants(IdPool(persons=["person:ada"])), lambda p: True).entity
    'person:ada'
    """
    require(pool, ANY, "participants()")
    return built(draw_participant, pool)


def draw_tally(draw: st.DrawFn, pool: IdPool | None) -> Tally:
    """One tally line."""
    return Tally(
        label=draw(names()),
        count=draw(quantities()),
        claimed_by=pick_optional(draw, pool, ANY),
        sources=cite(draw, pool),
    )


def tallies(pool: IdPool | None = None) -> st.SearchStrategy[Tally]:
    """One line of a result: a label, a count, who claims it.

    >>> from hypothesis import find
    >>> from policyconflict.testing import tallies
    >>> find(tallies(), lambda t: t.claimed_by is not None).claimed_by is not None
    True
    """
    return built(draw_tally, pool)


def draw_position(draw: st.DrawFn, target: str) -> Position:
    """A stance toward ``target``."""
    return Position(target=target, stance=draw(_STANCES))


def _position(draw: st.DrawFn, pool: IdPool | None, exclude: tuple[str, ...]) -> Position:
    return draw_position(draw, pick(draw, pool, ANY, exclude))


def positions(
    pool: IdPool | None = None, exclude: tuple[str, ...] = ()
) -> st.SearchStrategy[Position]:
    """A stance toward one target (any entity but those in ``exclude``).

    >>> from hypothesis import find
    >>> from policyconflict.testing import positions
    >>> find(positions(), lambda p: p.stance.value == "oppose").stance.value
    'oppose'
    """
    if pool is not None and not [i for i in pool.of(ANY) if i not in exclude]:
        raise ValueError("positions() needs an id in the pool")
    return built(_position, pool, exclude)


_DOCKET_NUMBERS: Final = st.one_of(
    st.sampled_from(("2:18-cv-00490", "18-16496", "19-532")), names()
)


def draw_docket(draw: st.DrawFn, pool: IdPool | None) -> Docket:
    """One docket (the pool must hold a court)."""
    court = pick(draw, None, ()) if pool is None else pool.courts[draw(below(len(pool.courts)))]
    return Docket(court=court, number=draw(_DOCKET_NUMBERS), filed=draw(maybe(partial_dates())))


def dockets(pool: IdPool | None = None) -> st.SearchStrategy[Docket]:
    """A case's number in a court; with a pool, the court is one of ``pool.courts``.

    >>> from hypothesis import find
    >>> from policyconflict.testing import IdPool, dockets
    >>> find(dockets(IdPool(courts=["agency:us/9th-cir"])), lambda d: True).court
    'agency:us/9th-cir'
    """
    if pool is not None and not pool.courts:
        raise ValueError("dockets() needs courts (agencies of kind court) in the pool")
    return built(draw_docket, pool)


def draw_party(draw: st.DrawFn, pool: IdPool | None) -> Party:
    """One party (the pool must hold an actor)."""
    return Party(
        entity=pick(draw, pool, ACTORS),
        role=draw(_PARTY_ROLES),
        official_capacity=draw(_COIN),
        period=draw(maybe(periods())),
        note=draw(maybe(names())),
    )


def parties(pool: IdPool | None = None) -> st.SearchStrategy[Party]:
    """A party to a case in a role, sometimes in an official capacity over a period.

    >>> from hypothesis import find
    >>> from policyconflict.testing import parties
    >>> find(parties(), lambda p: p.official_capacity).official_capacity
    True
    """
    require(pool, ACTORS, "parties()")
    return built(draw_party, pool)


def draw_scope(draw: st.DrawFn, pool: IdPool | None) -> Scope:
    """One scope: often empty."""
    places = pick_many(draw, pool, ("jurisdiction",), max_size=2)
    return Scope(
        places=places,
        excluding=pick_many(draw, pool, ("jurisdiction",), exclude=places, max_size=2),
        applies_to=draw(maybe(topics())),
    )


def scopes(pool: IdPool | None = None) -> st.SearchStrategy[Scope]:
    """Where and for whom an outcome holds: places, places excluded (never the same ones) and a
    class it applies to; often empty (everywhere, for everyone).

    >>> from hypothesis import find
    >>> from policyconflict.testing import scopes
    >>> find(scopes(), lambda s: True).everywhere
    True
    """
    return built(draw_scope, pool)


def draw_outcome(draw: st.DrawFn, pool: IdPool | None, exclude: tuple[str, ...] = ()) -> Outcome:
    """One outcome (the pool must hold a target outside ``exclude``)."""
    return Outcome(
        target=pick(draw, pool, CHALLENGEABLE, exclude),
        effect=draw(_EFFECTS),
        scope=draw_scope(draw, pool),
    )


def outcomes(
    pool: IdPool | None = None, exclude: tuple[str, ...] = ()
) -> st.SearchStrategy[Outcome]:
    """A ruling's effect on a law, provision, deployment, ruling or event (not in ``exclude``).

    >>> from hypothesis import find
    >>> from policyconflict.testing import IdPool, outcomes
    >>> find(outcomes(IdPool(laws=["law:us/ca/sb-54"])), lambda o: True).target
    'law:us/ca/sb-54'
    """
    if pool is not None and not [i for i in pool.of(CHALLENGEABLE) if i not in exclude]:
        raise ValueError("outcomes() needs a law, provision, deployment, ruling or event id")
    return built(draw_outcome, pool, exclude)
