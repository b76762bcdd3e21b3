"""Numbers as reporters write them: :class:`Quantity`, and :class:`Figure`, a claimed number."""

from __future__ import annotations

import enum
from collections.abc import Iterable
from typing import ClassVar, Final

import attrs

from policyconflict.dates import PartialDate, Period
from policyconflict.errors import ShapeError
from policyconflict.model import _fields as f
from policyconflict.model.citations import Citation, Note, notes_field

__all__ = ["APPROXIMATE_TOLERANCE", "CLAIMANTS", "Figure", "Quantity", "QuantityKind"]

Number = int | float

APPROXIMATE_TOLERANCE: Final = 0.1
"""How far from its value an approximate number ("about 200") may be: 10 per cent either way
(see :meth:`Quantity.may_equal`)."""


class QuantityKind(enum.StrEnum):
    """How exactly a number is known."""

    EXACT = "exact"
    """``value`` exactly: "100 officers"."""
    APPROXIMATE = "approximate"
    """about ``value``: "about 100"."""
    RANGE = "range"
    """from ``low`` to ``high``: "5,000 to 6,000"."""
    AT_LEAST = "at-least"
    """``low`` or more: "at least 10,000"."""
    AT_MOST = "at-most"
    """``high`` or fewer: "up to 200"."""
    UNDISCLOSED = "undisclosed"
    """a number exists but was not given: "an undisclosed number"."""


_NEEDS: dict[QuantityKind, tuple[bool, bool, bool]] = {
    # kind: (value, low, high)
    QuantityKind.EXACT: (True, False, False),
    QuantityKind.APPROXIMATE: (True, False, False),
    QuantityKind.RANGE: (False, True, True),
    QuantityKind.AT_LEAST: (False, True, False),
    QuantityKind.AT_MOST: (False, False, True),
    QuantityKind.UNDISCLOSED: (False, False, False),
}


@attrs.frozen(kw_only=True)
class Quantity:
    """A number as written: exact, approximate, a range, a bound, or undisclosed.

    ``text`` keeps the words used ("about 100", "dozens") when they say more than the number.

    >>> Quantity.exact(50) + Quantity.exact(50)
    Quantity(kind=<QuantityKind.EXACT: 'exact'>, value=100, low=None, high=None, text=None)
    """

    kind: QuantityKind = attrs.field(validator=f.one_of(QuantityKind))
    value: Number | None = attrs.field(default=None, validator=f.number)
    low: Number | None = attrs.field(default=None, validator=f.number)
    high: Number | None = attrs.field(default=None, validator=f.number)
    text: str | None = attrs.field(default=None, validator=f.optional_text)

    def __attrs_post_init__(self) -> None:
        self._check_kind_fields()

    def _check_kind_fields(self) -> None:
        needs = _NEEDS[self.kind]
        for name, needed in zip(("value", "low", "high"), needs, strict=True):
            present = getattr(self, name) is not None
            if needed and not present:
                raise ShapeError(
                    "missing-field", f"a {self.kind.value} quantity needs {name}", name
                )
            if present and not needed:
                raise ShapeError(
                    "unexpected-field", f"a {self.kind.value} quantity has no {name}", name
                )
        if self.low is not None and self.high is not None and self.high < self.low:
            raise ShapeError("high-below-low", "high must not be below low", "high")

    @classmethod
    def exact(cls, value: Number) -> Quantity:
        """Exactly ``value``."""
        return cls(kind=QuantityKind.EXACT, value=value)

    @classmethod
    def about(cls, value: Number, text: str | None = None) -> Quantity:
        """About ``value``."""
        return cls(kind=QuantityKind.APPROXIMATE, value=value, text=text)

    @classmethod
    def between(cls, low: Number, high: Number) -> Quantity:
        """From ``low`` to ``high``."""
        return cls(kind=QuantityKind.RANGE, low=low, high=high)

    @classmethod
    def at_least(cls, low: Number, text: str | None = None) -> Quantity:
        """``low`` or more."""
        return cls(kind=QuantityKind.AT_LEAST, low=low, text=text)

    @classmethod
    def at_most(cls, high: Number, text: str | None = None) -> Quantity:
        """``high`` or fewer."""
        return cls(kind=QuantityKind.AT_MOST, high=high, text=text)

    @classmethod
    def undisclosed(cls, text: str | None = None) -> Quantity:
        """A number that exists but was not given."""
        return cls(kind=QuantityKind.UNDISCLOSED, text=text)

    @property
    def bounds(self) -> tuple[Number | None, Number | None]:
        """The lowest and highest values this quantity allows (``None``: no bound known).

        An approximate value's bounds are the value itself: how approximate is not stated.
        """
        if self.kind in (QuantityKind.EXACT, QuantityKind.APPROXIMATE):
            return self.value, self.value
        return self.low, self.high

    def __add__(self, other: Quantity) -> Quantity:
        """The sum of two quantities, as precise as the less precise one allows.

        The words of a disclosed quantity describe it, not the sum, and are dropped. A sum with
        an undisclosed term is undisclosed and keeps the words of its undisclosed terms, which
        say why the number is missing: each wording once (a wording of several, joined by
        ``"; "``, counts as its parts), in alphabetical order, so that a sum does not depend on
        the order of its terms.

        >>> withheld = Quantity.undisclosed("withheld by the ministry")
        >>> (withheld + Quantity.exact(3) + withheld).text
        'withheld by the ministry'
        >>> (withheld + Quantity.undisclosed("not released by the police")).text
        'not released by the police; withheld by the ministry'
        """
        if not isinstance(other, Quantity):
            return NotImplemented
        kinds = {self.kind, other.kind}
        if QuantityKind.UNDISCLOSED in kinds:
            return Quantity.undisclosed(_missing_words(self, other))
        (a_low, a_high), (b_low, b_high) = self.bounds, other.bounds
        low = None if a_low is None or b_low is None else a_low + b_low
        high = None if a_high is None or b_high is None else a_high + b_high
        if kinds == {QuantityKind.EXACT}:
            return Quantity.exact(self.value + other.value)  # type: ignore[operator]
        if kinds <= {QuantityKind.EXACT, QuantityKind.APPROXIMATE}:
            return Quantity.about(self.value + other.value)  # type: ignore[operator]
        if low is not None and high is not None:
            return Quantity.between(low, high)
        if low is not None:
            return Quantity.at_least(low)
        if high is not None:
            return Quantity.at_most(high)
        return Quantity.undisclosed()

    @classmethod
    def total(cls, quantities: Iterable[Quantity]) -> Quantity | None:
        """The sum of ``quantities``, or ``None`` when there are none."""
        result: Quantity | None = None
        for quantity in quantities:
            result = quantity if result is None else result + quantity
        return result

    def may_equal(self, other: Quantity) -> bool:
        """Whether the two quantities can describe the same number: the numbers each allows
        meet, an approximate value read as any number within :data:`APPROXIMATE_TOLERANCE` of
        it. An undisclosed quantity may equal anything. This is the one rule for figures that
        cannot both be true (:func:`policyconflict.disagreements.compare_quantities`).

        >>> Quantity.about(200).may_equal(Quantity.exact(210))
        True
        >>> Quantity.about(200).may_equal(Quantity.exact(250))
        False
        """
        if QuantityKind.UNDISCLOSED in (self.kind, other.kind):
            return True
        (a_low, a_high), (b_low, b_high) = self._reach(), other._reach()
        if a_low is not None and b_high is not None and a_low > b_high:
            return False
        return not (b_low is not None and a_high is not None and b_low > a_high)

    def _reach(self) -> tuple[float | None, float | None]:
        if self.kind is QuantityKind.APPROXIMATE and self.value is not None:
            slack = abs(self.value) * APPROXIMATE_TOLERANCE
            return self.value - slack, self.value + slack
        return self.bounds


def _missing_words(*terms: Quantity) -> str | None:
    """The words of the undisclosed ``terms`` (see :meth:`Quantity.__add__`)."""
    texts = {t.text for t in terms if t.kind is QuantityKind.UNDISCLOSED and t.text is not None}
    if len(texts) <= 1:
        return next(iter(texts), None)
    parts = {part.strip() for text in texts for part in text.split(";")}
    return "; ".join(sorted(part for part in parts if part)) or None


CLAIMANTS: Final = ("person", "agency", "organization", "jurisdiction", "source", "law")
"""The kinds of entity that may claim a figure: a person or body, or a document (a source such
as a memo, or a law or order)."""


@attrs.frozen(kw_only=True)
class Figure:
    """A quantitative claim: ``metric`` of ``subject`` over ``period``, claimed by someone.

    Two figures that disagree are both kept; :func:`policyconflict.disagreements` lists them.
    ``metric`` is a lower-case hyphenated word (``non-detained-cases``); ``as_of`` is when the
    number was reported as true. ``claimed_by`` lists every claimant: people, bodies or
    documents (a memo as a source, an order as a law), each once. A share (``unit`` ``percent``)
    says what it is a share of in ``denominator``, a word like ``metric``
    (``ballots-cast``, ``valid-votes``): shares of different denominators are different numbers,
    never a disagreement.
    """

    kind_name: ClassVar[str] = "figure"

    id: str = attrs.field(validator=f.identifier)
    metric: str = attrs.field(validator=f.required_topic)
    quantity: Quantity = attrs.field(validator=f.instance(Quantity))
    unit: str | None = attrs.field(default=None, validator=f.optional_text)
    denominator: str | None = attrs.field(default=None, validator=f.topic)
    subject: str | None = attrs.field(default=None, validator=f.ref(optional=True))
    period: Period | None = attrs.field(default=None, validator=f.optional_period)
    as_of: PartialDate | None = attrs.field(default=None, validator=f.optional_date)
    claimed_by: tuple[str, ...] = attrs.field(default=(), validator=f.refs(*CLAIMANTS))
    sources: tuple[Citation, ...] = attrs.field(default=(), validator=f.tuple_of(Citation))
    notes: tuple[Note, ...] = notes_field()
