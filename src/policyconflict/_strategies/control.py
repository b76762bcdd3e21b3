"""Strategies for :class:`~policyconflict.model.ControlTransfer`: a force placed under another
command by a law or an order, outside any deployment."""

from __future__ import annotations

from hypothesis import strategies as st

from policyconflict.model.actions import ControlTransfer

from .actors import own_id
from .dates import periods
from .pool import (
    IdPool,
    built,
    candidates,
    cite,
    draw_notes,
    maybe,
    pick,
    pick_many,
    pick_optional,
    require,
)
from .text import entity_ids, topics
from .values import COMMANDERS, LEGAL_BASES

__all__ = ["control_transfers", "draw_control_transfer"]


def draw_control_transfer(
    draw: st.DrawFn, pool: IdPool | None, id: str | None = None
) -> ControlTransfer:
    """One transfer: a force (an agency) moved to a command other than itself and other than
    the one it leaves (the pool must hold an agency and another commander)."""
    force = pick(draw, pool, ("agency",))
    to_command = pick(draw, pool, COMMANDERS, exclude=(force,))
    return ControlTransfer(
        id=own_id(draw, id, entity_ids("control_transfer")),
        force=force,
        to_command=to_command,
        from_command=pick_optional(draw, pool, COMMANDERS, exclude=(to_command,)),
        period=draw(periods()),
        legal_basis=pick_many(draw, pool, LEGAL_BASES),
        legal_status=draw(maybe(topics())),
        sources=cite(draw, pool),
        notes=draw_notes(draw, pool),
    )


def control_transfers(
    pool: IdPool | None = None, *, id: str | None = None
) -> st.SearchStrategy[ControlTransfer]:
    """:class:`~policyconflict.model.ControlTransfer` records: a force placed under another
    command for a period, with the law or order that did it and the status it serves under.
    A pool must hold an agency and another commander (an agency, a person or a place).

    >>> from hypothesis import find
    >>> from policyconflict.testing import control_transfers
    >>> t = find(control_transfers(), lambda t: t.from_command is not None)
    >>> t.from_command != t.to_command != t.force
    True
    """
    require(pool, ("agency",), "control_transfers()")
    if pool is not None and len(candidates(pool, COMMANDERS)) < 2:
        raise ValueError("control_transfers() needs a force and another commander in the pool")
    return built(draw_control_transfer, pool, id)
