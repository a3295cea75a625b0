"""sigmoid, relu, softplus, step: derivatives, LaTeX and NumPy, against oracles."""

import numpy as np
import pytest
import sympy
from sympy import Rational, exp, log

from symopt import parse, relu, sigmoid, softplus, step, symbols

(x,) = symbols("x")


def test_derivatives_match_their_definitions():
    assert sympy.diff(sigmoid(x), x) == sigmoid(x) * (1 - sigmoid(x))
    rewritten = 1 / (1 + exp(-x))
    assert (
        sympy.simplify(
            sympy.diff(rewritten, x) - sympy.diff(sigmoid(x), x).rewrite(exp)
        )
        == 0
    )
    assert sympy.diff(softplus(x), x) == sigmoid(x)
    assert sympy.simplify(sympy.diff(log(1 + exp(x)), x) - sigmoid(x).rewrite(exp)) == 0
    assert sympy.diff(relu(x), x) == step(x)
    assert sympy.diff(step(x), x) == 0


@pytest.mark.parametrize(
    ("expr", "value"),
    [
        (sigmoid(0), Rational(1, 2)),
        (relu(-2), 0),
        (relu(Rational(3, 2)), Rational(3, 2)),
        (step(0), 0),
        (step(Rational(1, 10)), 1),
        (softplus(0), log(2)),
    ],
)
def test_exact_values(expr, value):
    assert expr == value


@pytest.mark.parametrize(
    ("text", "latex"),
    [
        ("sigmoid(x)", r"\sigma\left(x\right)"),
        ("sigmoid(x)^2", r"\sigma^{2}\left(x\right)"),
        ("relu(x)", r"\operatorname{relu}\left(x\right)"),
        ("softplus(x)", r"\operatorname{softplus}\left(x\right)"),
        ("step(x)", r"\operatorname{step}\left(x\right)"),
    ],
)
def test_latex(text, latex):
    assert sympy.latex(parse(text)) == latex


@pytest.mark.parametrize("name", ["sigmoid", "relu", "softplus", "step"])
def test_numpy_translation_matches_exact_values(name):
    expr = parse(f"{name}(x)")
    numeric = sympy.lambdify(x, expr, "numpy")
    points = [-3, Rational(-1, 2), 0, Rational(1, 4), 2]
    got = numeric(np.array([float(p) for p in points]))
    want = [float(expr.subs(x, p).rewrite(exp).evalf()) for p in points]
    np.testing.assert_allclose(got, want, rtol=1e-12)


def test_numpy_sigmoid_saturates_without_nan():
    numeric = sympy.lambdify(x, sigmoid(x), "numpy")
    with np.errstate(over="ignore"):
        values = numeric(np.array([-1000.0, 1000.0]))
    assert values.tolist() == [0.0, 1.0]
