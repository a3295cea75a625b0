"""How derivatives of unspecified functions and evaluated sums print."""

import pytest
import sympy
from sympy import Add, Derivative, Function, Mul, Rational, Subs

from symopt import symbols
from symopt.render.numbers import to_latex, to_text

X, u, a = symbols("X u a")
f, g = Function("f"), Function("g")


@pytest.mark.parametrize(
    ("expr", "text", "latex"),
    [
        (Derivative(f(X), X), "f'(X)", r"f'\left(X\right)"),
        (
            Subs(Derivative(g(u), u), u, f(X)),
            "g'(f(X))",
            r"g'\left(f{\left(X \right)}\right)",
        ),
        (
            sympy.diff(g(f(X)), X),
            "f'(X) · g'(f(X))",
            r"f'\left(X\right) \cdot g'\left(f{\left(X \right)}\right)",
        ),
        # Not a first derivative at the argument: the Leibniz form stays.
        (Derivative(f(X), X, 2), "d²/dX² (f(X))", None),
        (
            Mul(
                3, Add(Rational(-1, 2), Rational(6, 5), evaluate=False), evaluate=False
            ),
            "3(1.2 - 0.5)",
            r"3 \left(1.2 - 0.5\right)",
        ),
    ],
)
def test_forms(expr, text, latex):
    assert to_text(expr) == text
    if latex is not None:
        assert to_latex(expr) == latex


@pytest.mark.parametrize(
    ("expr", "text"),
    [
        (sympy.Interval(0, sympy.oo), "[0, ∞)"),
        (sympy.Interval.open(1, 2), "(1, 2)"),
        (sympy.Union(sympy.Interval(0, 1), sympy.Interval(2, 3)), "[0, 1] ∪ [2, 3]"),
        (sympy.Reals, "ℝ"),
        (sympy.S.EmptySet, "∅"),
    ],
)
def test_sets(expr, text):
    # The dual function's domain is a set: shown as a reader writes it.
    assert to_text(expr) == text
