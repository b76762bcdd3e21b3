"""The hypothesis entry point: registers the shipped strategies for ``st.from_type``.

Hypothesis calls :func:`_hypothesis_setup_hook` while it is itself being imported. This module
therefore imports nothing that imports hypothesis: each registration is a function that loads
:mod:`policyconflict.testing` only when hypothesis first asks for a strategy. (Pointing the entry
point at :mod:`policyconflict.testing` directly made ``import policyconflict.testing`` a circular
import whenever it ran before ``import hypothesis``.)

Users who need the registration without the entry point call the public
:func:`policyconflict.testing.register`.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

import attrs

if TYPE_CHECKING:
    from hypothesis.strategies import SearchStrategy


def registered_classes() -> tuple[type[Any], ...]:
    """Every class that gets a strategy: dates, periods, stories and every model class."""
    from policyconflict import model
    from policyconflict.dates import PartialDate, Period
    from policyconflict.story import Story

    members = (getattr(model, name) for name in model.__all__)
    return (PartialDate, Period, Story, *(m for m in members if attrs.has(m)))


def _deferred(cls: type[Any]) -> Callable[[type[Any]], SearchStrategy[Any]]:
    def build(_requested: type[Any]) -> SearchStrategy[Any]:
        from policyconflict.testing import STRATEGIES

        return STRATEGIES[cls]()

    return build


def _hypothesis_setup_hook() -> None:
    """Register a strategy for every public class; calling it again is harmless."""
    from hypothesis import strategies as st

    for cls in registered_classes():
        st.register_type_strategy(cls, _deferred(cls))
