"""Property: diff_steps always equals sympy.diff, over random expression trees.

The trees mix every rule: sums, constant multiples, products, quotients,
powers, square roots, exp, exponentials of other bases, log, trig, tanh,
sigmoid, softplus, relu, step, abs, max/min, undefined functions and a
fallback (``x**x``).
"""

import sympy
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sympy import Function, Rational

from symopt import diff_steps, relu, sigmoid, softplus, step, symbols

x, y = symbols("x y")
f = Function("f")

UNARY = [
    sympy.exp,
    sympy.log,
    sympy.sqrt,
    sympy.sin,
    sympy.cos,
    sympy.tan,
    sympy.tanh,
    sigmoid,
    softplus,
    relu,
    step,
    sympy.Abs,
    f,
    lambda e: 2**e,
    lambda e: e**3,
    lambda e: 1 / e,
]

BINARY = [
    lambda a, b: a + b,
    lambda a, b: a * b,
    lambda a, b: a / b,
    lambda a, b: sympy.Max(a, b),
    lambda a, b: sympy.Min(a, b),
    lambda a, b: Rational(3, 2) * a - b,
]

leaves = st.sampled_from([x, x, y, Rational(1, 2), sympy.Integer(3), x**x])


def extend(children):
    unary = st.builds(lambda g, e: g(e), st.sampled_from(UNARY), children)
    binary = st.builds(
        lambda g, a, b: g(a, b), st.sampled_from(BINARY), children, children
    )
    return unary | binary


trees = st.recursive(leaves, extend, max_leaves=6)


def _same(result, expr):
    difference = result - sympy.diff(expr, x)
    if difference == 0 or sympy.expand(difference) == 0:
        return True
    if sympy.simplify(difference) == 0:
        return True
    # simplify cannot always see sqrt(A)*B/A == B/sqrt(A); values can: exact
    # points where both sides are real, compared to 30 digits.
    values = [difference.subs(x, sympy.Rational(p, 7)).evalf(30) for p in (2, 5, 9, 13)]
    real = [v for v in values if v.is_real]
    return len(real) >= 2 and all(abs(v) < 1e-20 for v in real)


@settings(
    max_examples=500,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much],
)
@given(trees)
def test_result_equals_sympy_diff(expr):
    result = diff_steps(expr, x).result
    assert _same(result, expr)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(trees)
def test_every_step_verifies(expr):
    assert diff_steps(expr, x).derivation.verify()
