"""tidy(): the form a teacher writes, always equal to what it was given."""

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from sympy import Eq, Rational, cosh, exp, expand, simplify, sin

from symopt import sigmoid, symbols
from symopt.derivation import tidy
from symopt.render.numbers import to_text

a, w, x, y, lam = symbols("a w x y lambda")


@pytest.mark.parametrize(
    ("expr", "shown"),
    [
        # The lecture's gradient stays expanded: 4.5w - 1.5.
        (3 * (3 * w / 2 - Rational(1, 2)), "4.5w - 1.5"),
        (2 * (Rational(3, 2) * w - Rational(1, 2)) * Rational(3, 2), "4.5w - 1.5"),
        # A loss stays a square.
        (a**2 - 2 * a * y + y**2, "(a - y)²"),
        # What the user wrote wins a tie.
        ((y - a) ** 2, "(y - a)²"),
        # Sigmoid's derivative is never rewritten into cosh or exp.
        (sigmoid(w) * (1 - sigmoid(w)), "σ(w)·(1 - σ(w))"),
        (2 * x * (x + 1) - 2 * x, "2x²"),
        ((x**2 - 1) / (x - 1), "x + 1"),
        (x**3 + 3 * x**2 + 3 * x + 1, "(x + 1)³"),
        ((3 * lam + 2) / (lam**2 + 4 * lam + 3), "(3λ + 2)/(λ² + 4λ + 3)"),
        (2 * lam - lam**2 / 4, "2λ - 0.25λ²"),
    ],
)
def test_teacher_forms(expr, shown):
    tidied = tidy(expr)
    assert to_text(tidied) == shown
    assert simplify(tidied - expr) == 0


def test_no_new_functions_appear():
    for expr in [sigmoid(w) * (1 - sigmoid(w)), exp(-w) / (1 + exp(-w)) ** 2]:
        assert not tidy(expr).has(cosh)
        assert {type(f) for f in tidy(expr).atoms(sin, cosh)} == set()


def test_relations_and_containers_are_tidied_side_by_side():
    assert tidy(Eq(2 * (x - 1), 0)) == Eq(2 * x - 2, 0)
    assert tidy([x * (x + 1) - x, y**2 - 2 * a * y + a**2]) == [x**2, (a - y) ** 2]
    assert tidy(3) == 3


polys = st.lists(st.integers(-4, 4), min_size=1, max_size=5)


@settings(max_examples=30, deadline=None)
@given(polys, st.integers(1, 3))
def test_tidy_never_changes_the_value(coeffs, power):
    expr = sum(c * x**i for i, c in enumerate(coeffs)) ** power
    assert expand(tidy(expr) - expr) == 0
