"""Property tests against an independent oracle: projection onto a box."""

from hypothesis import given, settings
from hypothesis import strategies as st
from sympy import Rational

from symopt import Problem
from symopt.parsing import symbols

x, y = symbols("x y")
rationals = st.fractions(min_value=-3, max_value=3, max_denominator=7).map(Rational)


def clamp(v):
    return min(max(v, 0), 1)


@settings(max_examples=8, deadline=None)
@given(a=rationals, b=rationals)
def test_projection_onto_the_unit_box(a, b):
    # The closest point of [0, 1]^2 to (a, b) clamps each coordinate.
    problem = Problem.minimize((x - a) ** 2 + (y - b) ** 2).subject_to(
        "x >= 0", "x <= 1", "y >= 0", "y <= 1"
    )
    s = problem.solve(timeout=None)
    assert s.optimum.points == [{x: clamp(a), y: clamp(b)}]
    assert s.optimum.value == (clamp(a) - a) ** 2 + (clamp(b) - b) ** 2
    # the multiplier of x <= 1 is 2(a - 1) when active, of x >= 0 is -2a
    m = s.optimum.multipliers
    assert m["mu1"] == (max(-2 * a, 0)) and m["mu2"] == max(2 * (a - 1), 0)
    assert m["mu3"] == (max(-2 * b, 0)) and m["mu4"] == max(2 * (b - 1), 0)
    assert s.check()
