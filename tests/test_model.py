"""Examples and laws for the model's derived values: :class:`Quantity` arithmetic and bounds,
:attr:`Deployment.total`, :attr:`Law.effective_period`."""

from __future__ import annotations

import pickle
from functools import reduce

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from helpers import law
from policyconflict import (
    OPEN,
    UNKNOWN,
    Deployment,
    DeploymentUnit,
    PartialDate,
    Period,
    Quantity,
    QuantityKind,
)

# -- Quantity: examples --------------------------------------------------------------------------


def test_exact_plus_exact_is_exact() -> None:
    assert Quantity.exact(50) + Quantity.exact(50) == Quantity.exact(100)


def test_exact_plus_approximate_is_approximate() -> None:
    assert Quantity.exact(50) + Quantity.about(50) == Quantity.about(100)


def test_range_plus_exact_shifts_the_range() -> None:
    assert Quantity.between(5000, 6000) + Quantity.exact(100) == Quantity.between(5100, 6100)


def test_bound_plus_exact_keeps_the_bound() -> None:
    assert Quantity.at_least(10_000) + Quantity.exact(5) == Quantity.at_least(10_005)
    assert Quantity.at_most(200) + Quantity.between(1, 2) == Quantity.at_most(202)


def test_opposite_bounds_add_up_to_nothing_known() -> None:
    assert Quantity.at_least(10) + Quantity.at_most(3) == Quantity.undisclosed()


def test_undisclosed_swallows_any_sum() -> None:
    assert Quantity.exact(1) + Quantity.undisclosed() == Quantity.undisclosed()
    withheld = Quantity.undisclosed("withheld by the ministry")
    assert withheld + Quantity.at_least(2) == withheld


def test_a_sum_of_undisclosed_quantities_keeps_their_words() -> None:
    withheld = Quantity.undisclosed("withheld by the ministry")
    assert withheld + withheld == withheld
    assert withheld + Quantity.undisclosed() == withheld
    police = Quantity.undisclosed("not released by the police")
    both = Quantity.undisclosed("not released by the police; withheld by the ministry")
    assert withheld + police == both
    assert police + withheld == both
    assert Quantity.total([withheld, Quantity.exact(3), police, withheld]) == both


def test_sum_drops_the_words_of_its_parts() -> None:
    total = Quantity.about(100, "about 100") + Quantity.exact(1)
    assert total.text is None
    assert total == Quantity.about(101)


def test_total_of_nothing_is_none() -> None:
    assert Quantity.total([]) is None
    assert Quantity.total([Quantity.exact(7)]) == Quantity.exact(7)
    assert Quantity.total(Quantity.exact(n) for n in (1, 2, 3)) == Quantity.exact(6)


def test_adding_something_else_is_a_type_error() -> None:
    with pytest.raises(TypeError):
        Quantity.exact(1) + 1  # type: ignore[operator]


@pytest.mark.parametrize(
    ("quantity", "bounds"),
    [
        (Quantity.exact(100), (100, 100)),
        (Quantity.about(100), (100, 100)),
        (Quantity.between(5000, 6000), (5000, 6000)),
        (Quantity.at_least(10_000), (10_000, None)),
        (Quantity.at_most(200), (None, 200)),
        (Quantity.undisclosed(), (None, None)),
    ],
    ids=lambda v: v.kind.value if isinstance(v, Quantity) else None,
)
def test_bounds_of_each_kind(quantity: Quantity, bounds: tuple[int | None, int | None]) -> None:
    assert quantity.bounds == bounds


@pytest.mark.parametrize(
    ("a", "b", "expected"),
    [
        (Quantity.exact(100), Quantity.between(90, 110), True),
        (Quantity.exact(100), Quantity.between(101, 110), False),
        (Quantity.at_least(3_200_000), Quantity.exact(3_300_000), True),
        (Quantity.at_least(3_200_000), Quantity.exact(2_600_000), False),
        (Quantity.at_most(5), Quantity.at_least(6), False),
        (Quantity.at_most(5), Quantity.at_least(5), True),
        (Quantity.undisclosed(), Quantity.exact(1), True),
        (Quantity.between(1, 2), Quantity.between(2, 3), True),
    ],
)
def test_may_equal(a: Quantity, b: Quantity, expected: bool) -> None:
    assert a.may_equal(b) is expected
    assert b.may_equal(a) is expected


def test_quantity_with_its_words() -> None:
    over = Quantity.at_least(3_200_000, text="over 3.2 million")
    assert over.kind is QuantityKind.AT_LEAST
    assert over.text == "over 3.2 million"
    assert pickle.loads(pickle.dumps(over)) == over
    assert attrs.evolve(over, low=3_300_000).bounds == (3_300_000, None)


# -- Quantity: laws ------------------------------------------------------------------------------

_counts = st.integers(min_value=0, max_value=10**9)


@st.composite
def quantities(draw: st.DrawFn) -> Quantity:
    """Any valid quantity of whole numbers, of any kind."""
    kind = draw(st.sampled_from(QuantityKind))
    if kind is QuantityKind.EXACT:
        return Quantity.exact(draw(_counts))
    if kind is QuantityKind.APPROXIMATE:
        return Quantity.about(draw(_counts))
    if kind is QuantityKind.RANGE:
        low = draw(_counts)
        return Quantity.between(low, low + draw(_counts))
    if kind is QuantityKind.AT_LEAST:
        return Quantity.at_least(draw(_counts))
    if kind is QuantityKind.AT_MOST:
        return Quantity.at_most(draw(_counts))
    return Quantity.undisclosed(draw(_WORDS))


_WORDS = st.sampled_from((None, "withheld by the ministry", "not given", "not given; secret"))


@given(quantities(), quantities())
def test_quantity_addition_is_commutative(a: Quantity, b: Quantity) -> None:
    assert a + b == b + a


@given(quantities(), quantities(), quantities())
def test_quantity_addition_is_associative(a: Quantity, b: Quantity, c: Quantity) -> None:
    assert (a + b) + c == a + (b + c)


@given(quantities(), quantities())
def test_bounds_of_a_sum_are_the_sums_of_the_bounds(a: Quantity, b: Quantity) -> None:
    total = a + b
    if QuantityKind.UNDISCLOSED in (a.kind, b.kind):
        assert total.kind is QuantityKind.UNDISCLOSED
        return
    (a_low, a_high), (b_low, b_high) = a.bounds, b.bounds
    low = None if a_low is None or b_low is None else a_low + b_low
    high = None if a_high is None or b_high is None else a_high + b_high
    assert total.bounds == (low, high)


@given(st.lists(quantities(), max_size=6))
def test_total_is_the_sum_from_the_left(items: list[Quantity]) -> None:
    expected = reduce(lambda x, y: x + y, items) if items else None
    assert Quantity.total(items) == expected


@given(quantities(), quantities())
def test_may_equal_is_symmetric(a: Quantity, b: Quantity) -> None:
    assert a.may_equal(b) == b.may_equal(a)


@given(quantities())
def test_a_quantity_may_equal_itself(a: Quantity) -> None:
    assert a.may_equal(a)


@given(quantities(), quantities(), quantities(), quantities())
def test_sums_of_quantities_that_may_be_equal_may_be_equal(
    a: Quantity, b: Quantity, c: Quantity, d: Quantity
) -> None:
    if a.may_equal(c) and b.may_equal(d):
        assert (a + b).may_equal(c + d)


# -- Deployment.total ----------------------------------------------------------------------------

CBP = "agency:us/dhs/cbp"


def _deployment(*counts: Quantity | None) -> Deployment:
    units = tuple(
        DeploymentUnit(unit=f"agency:us/dhs/cbp/unit-{i}", count=count)
        for i, count in enumerate(counts)
    )
    return Deployment(id="deployment:us/dhs/cbp/2020-02/test", agency=CBP, units=units)


def test_total_of_fifty_and_fifty_is_exactly_one_hundred() -> None:
    assert _deployment(Quantity.exact(50), Quantity.exact(50)).total == Quantity.exact(100)


def test_total_without_units_is_none() -> None:
    assert _deployment().total is None


def test_a_unit_without_a_count_makes_the_total_undisclosed() -> None:
    assert _deployment(Quantity.exact(50), None).total == Quantity.undisclosed()


def test_total_of_an_approximate_unit_is_approximate() -> None:
    total = _deployment(Quantity.about(200), Quantity.exact(50)).total
    assert total == Quantity.about(250)


def test_total_of_ranges_and_bounds() -> None:
    total = _deployment(Quantity.between(100, 150), Quantity.at_least(20)).total
    assert total == Quantity.at_least(120)


# -- Law.effective_period ------------------------------------------------------------------------


def _d(text: str) -> PartialDate:
    return PartialDate.parse(text)


def test_effective_period_of_a_law_in_force() -> None:
    period = law(effective=_d("2018-01-01")).effective_period
    assert period == Period(start=_d("2018-01-01"), end=OPEN)
    assert str(period) == "2018-01-01/.."


def test_effective_period_without_dates_is_unknown_then_open() -> None:
    period = law().effective_period
    assert (period.start, period.end) == (UNKNOWN, OPEN)


def test_effective_period_ends_at_the_first_of_expiry_and_repeal() -> None:
    first = law(effective=_d("2018-01-01"), expires=_d("2020"), repealed=_d("2019-06-01"))
    assert str(first.effective_period) == "2018-01-01/2019-06-01"
    second = law(effective=_d("2018-01-01"), expires=_d("2019-03"), repealed=_d("2019-06-01"))
    assert str(second.effective_period) == "2018-01-01/2019-03"


def test_effective_period_keeps_the_precision_given() -> None:
    period = law(effective=_d("2019")).effective_period
    assert period.may_contain(_d("2019-01-01"))
    assert not period.surely_contains(_d("2019-01-01"))
    assert period.surely_contains(_d("2020-02-14"))
