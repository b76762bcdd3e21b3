"""The planner's thresholds: where the index engine switches from one way of answering to
another. Every setting gives the same answers (only the speed differs); the property tests run
with each threshold forced to its extremes so that every branch of the planner is taken."""

from __future__ import annotations

import attrs

from policyconflict.query._index._runs import BUCKET

__all__ = ["DEFAULT", "Thresholds"]


def _positive(_instance: object, attribute: attrs.Attribute[int], value: int) -> None:
    if value < 1:
        raise ValueError(f"{attribute.name} must be at least 1, not {value}")


@attrs.frozen(kw_only=True)
class Thresholds:
    """The planner's thresholds (the defaults are the measured best on a million statements).

    * ``marked``: a key holding at least one statement in ``marked`` keeps a membership column
      (a byte per statement), so other filters' candidates are checked against it in C. ``0``
      marks no key; a value at least the number of statements marks every key.
    * ``counted``: a filter with at most this many keys counts its records in the time window
      (bisecting each key's runs); with more it takes the size of its runs. ``0`` never counts.
    * ``intersect``: another filter's records are intersected with the candidates when they
      are at most this many times as many; otherwise the filter is checked on each candidate.
      ``0`` never intersects (except an empty filter).
    * ``bucket``: the span of starts one bucket of day-long records holds (encoded units:
      :data:`~policyconflict.query._time.DAY` is a day). ``1`` sorts by exact start.
    """

    marked: int = attrs.field(default=16, validator=attrs.validators.ge(0))
    counted: int = attrs.field(default=16, validator=attrs.validators.ge(0))
    intersect: int = attrs.field(default=25, validator=attrs.validators.ge(0))
    bucket: int = attrs.field(default=BUCKET, validator=_positive)


DEFAULT = Thresholds()
"""The thresholds an index backend uses unless told otherwise."""
