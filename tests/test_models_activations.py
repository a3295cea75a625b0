"""A sigmoid network's stationary equation: no closed form, descent converges."""

import math

import pytest
import sympy

from symopt.errors import InputError
from symopt.functions import sigmoid
from symopt.models.activations import sigmoid_no_closed_form
from symopt.parsing import symbols

(w,) = symbols("w")
DATA = [("1.5", "0.5"), ("1", "0.9")]


@pytest.fixture(scope="module")
def demo():
    return sigmoid_no_closed_form(DATA)


def test_gradient_is_exact(demo):
    R = sympy.Rational
    loss = (sigmoid(R(3, 2) * w) - R(1, 2)) ** 2 + (sigmoid(w) - R(9, 10)) ** 2
    assert sympy.simplify(demo.loss - loss) == 0
    # Oracle: the derivative of the exponential form.
    plain = loss.rewrite(sympy.exp)
    diff = (demo.gradient.rewrite(sympy.exp) - sympy.diff(plain, w)).xreplace(
        {w: R(2, 7)}
    )
    assert abs(sympy.N(diff, 30)) < 1e-25
    assert demo.derivation.verify()


def test_sympy_finds_no_closed_form(demo):
    assert not demo.closed_form
    assert isinstance(demo.solved, sympy.ConditionSet)
    assert "solveset_unsolved" in demo.derivation.rules()


def test_descent_converges_to_a_stationary_point(demo):
    run = demo.run
    assert run.trace.status == "converged"
    final = float(run.trace.points[-1][0])
    # Central finite difference of the loss at the end point: flat there.
    f = sympy.lambdify(w, demo.loss.rewrite(sympy.exp))
    h = 1e-6
    slope = (f(final + h) - f(final - h)) / (2 * h)
    assert abs(slope) < 1e-6
    assert math.isclose(final, 0.5471882367, rel_tol=1e-8)


def test_bad_data():
    with pytest.raises(InputError, match="must be pairs of numbers"):
        sigmoid_no_closed_form([("a", 1)])
