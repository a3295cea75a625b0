"""Compiled gradients against the exact gradient, sympy.diff and finite
differences; the shape rules; names that are no Python identifiers."""

import re

import numpy as np
import pytest
import sympy
from hypothesis import given, settings
from hypothesis import strategies as st

from symopt import parse, symbols
from symopt.errors import InputError
from symopt.functions import relu, sigmoid, softplus, step
from symopt.numeric import compile_function, compile_gradient, compile_hessian
from symopt.numeric.compile import compile_scalar_map

x, y, w = symbols("x y w")

EXPRESSIONS = [
    "(1.5w - 0.5)^2 + x*y",
    "sigmoid(x*w + y)^2",
    "softplus(x - 2y) + w^3",
    "exp(-(x^2 + y^2)) * w",
    "log(1 + x^2) + sin(w) * tanh(y)",
    "relu(x + 0.5) * w + sigmoid(y)",
]


@pytest.mark.parametrize("text", EXPRESSIONS)
@settings(max_examples=25, deadline=None)
@given(
    st.lists(
        st.floats(min_value=-3, max_value=3, allow_nan=False), min_size=3, max_size=3
    )
)
def test_compiled_gradient_matches_exact_gradient(text, point):
    f = parse(text)
    grad = compile_gradient(f, [x, y, w])
    got = grad(np.array(point))
    at = {x: sympy.Float(point[0], 30), y: sympy.Float(point[1], 30)}
    at[w] = sympy.Float(point[2], 30)
    for i, v in enumerate((x, y, w)):
        want = float(sympy.diff(f, v).xreplace(at).evalf(30))
        assert got[i] == pytest.approx(want, rel=1e-12, abs=1e-12)


@pytest.mark.parametrize("text", EXPRESSIONS[:4])
def test_compiled_gradient_matches_finite_differences(text):
    f = compile_function(parse(text), [x, y, w])
    grad = compile_gradient(parse(text), [x, y, w])
    rng = np.random.default_rng(1)
    points = rng.uniform(-1.5, 1.5, size=(20, 3))
    h = 1e-6
    for i in range(3):
        e = np.zeros(3)
        e[i] = h
        central = (f(points + e) - f(points - e)) / (2 * h)
        np.testing.assert_allclose(grad(points)[:, i], central, rtol=1e-6, atol=1e-7)


def test_gradients_are_flat_and_constants_broadcast():
    grad = compile_gradient(parse("3x + y^2"), [x, y])
    batch = np.zeros((4, 5, 2))
    assert grad(batch).shape == (4, 5, 2)
    assert np.all(grad(batch)[..., 0] == 3.0)
    assert grad(np.array([1.0, 2.0])).tolist() == [3.0, 4.0]
    hess = compile_hessian(parse("(1.5w - 0.5)^2"), [w])
    assert hess(np.linspace(0, 1, 7)).shape == (7, 1, 1)
    assert np.all(hess(np.linspace(0, 1, 7)) == 4.5)


def test_one_variable_accepts_plain_arrays():
    grad = compile_gradient(parse("(1.5w - 0.5)^2"), [w])
    assert grad(0.8).round(12).tolist() == [2.1]
    assert grad([0.8, 1 / 3]).shape == (2, 1)


def test_names_that_are_not_identifiers_compile():
    a, b = sympy.symbols("w_{1} λ", real=True)
    grad = compile_gradient(a**2 * b + sympy.exp(b), [a, b])
    assert grad([2.0, 0.0]).tolist() == [0.0, 5.0]
    assert compile_gradient(a**2, [a]).at(**{"w_{1}": 3}).tolist() == [6.0]


def test_plain_sympy_symbols_are_the_variables_of_the_expression():
    # exact() makes plain symbols real; the variables must follow, or the
    # gradient would be taken along a different x and come out 0.
    a, b, c = sympy.symbols("x w_{1} λ")
    f = a**2 * b + c * a
    grad = compile_gradient(f, [a, b, c])
    at = {a: 2.0, b: 3.0, c: 5.0}
    want = [float(sympy.diff(f, v).xreplace(at)) for v in (a, b, c)]
    assert grad([2.0, 3.0, 5.0]).tolist() == want == [17.0, 4.0, 2.0]
    assert compile_function(f, [a, b, c]).at(x=2, **{"w_{1}": 3, "λ": 5}) == 22.0
    assert compile_hessian(f, [a, b, c])([2.0, 3.0, 5.0])[0].tolist() == [6.0, 4.0, 1.0]
    message = re.escape("expected a variable, got w_{1} + x")
    with pytest.raises(InputError, match=message):
        compile_gradient(f, [a + b])


def test_relu_derivative_at_zero_is_zero_exactly_and_numerically():
    assert sympy.diff(relu(x), x) == step(x)
    assert step(0) == 0
    assert sympy.diff(relu(x), x).xreplace({x: 0}) == 0
    grad = compile_gradient(relu(x), [x])
    assert grad([-1.0, 0.0, 2.0])[:, 0].tolist() == [0.0, 0.0, 1.0]
    scalar = compile_scalar_map([sympy.diff(relu(x), x)], [x])
    assert scalar(0.0) == (0.0,)
    assert scalar(1.0) == (1.0,)


def test_activations_do_not_warn_or_overflow():
    f = compile_function(sigmoid(x) + softplus(-x), [x])
    with np.errstate(all="raise"):
        values = f(np.array([-800.0, 0.0, 800.0]))
    assert values[1] == pytest.approx(0.5 + np.log(2))
    assert np.all(np.isfinite(values))
    scalar = compile_scalar_map([sigmoid(x), softplus(x)], [x])
    assert scalar(-800.0)[0] == 0.0
    assert scalar(800.0) == (1.0, 800.0)


def test_missing_variables_are_named():
    with pytest.raises(InputError, match="has symbols y that are not variables"):
        compile_gradient(parse("x*y"), [x])
    grad = compile_gradient(parse("x*y"), [x, y])
    with pytest.raises(InputError, match="expected points with 2 coordinates"):
        grad(np.zeros((3, 3)))
