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


def _shown(*factors):
    return Mul(*factors, evaluate=False)


@pytest.mark.parametrize(
    ("expr", "text", "latex"),
    [
        # 1 times a function is not the digit glued to a name.
        (_shown(1, sympy.sin(X)), "1·sin(X)", r"1 \cdot \sin{\left(X \right)}"),
        # -1 leading a shown product is a sign.
        (_shown(-1, X, _shown(2, X)), "-X·2X", r"-X \cdot 2 X"),
        (_shown(-1, 0), "-0", "-0"),
        (_shown(2, sympy.exp(u)), "2·exp(u)", r"2 e^{u}"),
        (_shown(2, u), "2u", "2 u"),
        (_shown(3, a - Rational(1, 2)), "3(a - 0.5)", r"3 \left(a - 0.5\right)"),
        # A number before a function name or a derivative takes a dot.
        (
            _shown(5, Derivative(X**4, X)),
            "5 · d/dX (X⁴)",
            r"5 \frac{d}{d X} \left(X^{4}\right)",
        ),
        # The exponent 3X is bracketed: 2^3X reads as (2^3)X.
        (2 ** (3 * X), "2^(3X)", None),
        (2**u, "2^u", None),
        # A value put into a power stays visible: 1/0.5², not 1/0.25.
        (
            _shown(-1, sympy.Pow(Rational(1, 2), -2, evaluate=False)),
            "-1/0.5²",
            None,
        ),
    ],
)
def test_shown_products(expr, text, latex):
    assert to_text(expr) == text
    if latex is not None:
        assert to_latex(expr) == latex


def test_shown_sums_keep_their_order():
    # Built in reading order; SymPy's own order would put d/dX (2X) first.
    terms = [Derivative(X**3, X), Derivative(2 * X, X)]
    assert to_text(Add(*terms, evaluate=False)) == "d/dX (X³) + d/dX (2X)"
    fg = [_shown(Derivative(u, X), X), _shown(u, Derivative(X, X))]
    assert to_text(Add(*fg, evaluate=False)) == "du/dX · X + u · dX/dX"


def test_reciprocals_carry_no_exponent_one():
    x, y = symbols("x y")
    assert [to_text(e) for e in (1 / x, 1 / (x + 1), x**-2, 3 / (x * y))] == [
        "1/x",
        "1/(x + 1)",
        "1/x²",
        "3/(x·y)",
    ]


def test_matrix_products_read_like_scalar_ones():
    W, v = sympy.MatrixSymbol("W", 2, 2), sympy.MatrixSymbol("x", 2, 1)
    b = sympy.MatrixSymbol("b", 2, 1)
    assert [to_text(e) for e in (W * v + b, W * W * v)] == ["W·x + b", "W²·x"]
