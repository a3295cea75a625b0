"""Primal-dual descent on the augmented Lagrangian L + rho/2 sum h^2."""

import math

import pytest
import sympy

import symopt
from symopt.errors import InputError

BELL = "-exp(-(x^2 + y^2))"  # the lecture's bell surface, maximized
LINE = ["x - y + 1 == 0"]


def run(rho, steps=3000):
    return symopt.descend(
        BELL,
        {"x": 0, "y": 0},
        lr=0.5,
        steps=steps,
        subject_to=LINE,
        method="primal-dual",
        rho=rho,
    )


def test_augmented_lagrangian_reaches_the_exact_kkt_point():
    r = run(1)
    # The exact target: (-1/2, 1/2) with lambda = exp(-1/2) (EXAMPLES.md 6).
    assert r.target == (
        sympy.Rational(-1, 2),
        sympy.Rational(1, 2),
        sympy.exp(sympy.Rational(-1, 2)),
    )
    assert r.converged
    x, y, lam = r.points[-1]
    assert abs(x + 0.5) < 1e-9 and abs(y - 0.5) < 1e-9
    assert abs(lam - math.exp(-0.5)) < 1e-9


def test_plain_descent_ascent_fails_here_and_says_so():
    r = run(0, steps=400)
    assert not r.converged


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"rho": -1, "method": "primal-dual"}, "needs rho >= 0"),
        ({"rho": 1, "method": "projected", "subject_to": ["x >= 1"]}, "rho = 1"),
    ],
)
def test_rho_needs_equalities_and_primal_dual(kwargs, message):
    kwargs = {"subject_to": LINE, **kwargs}
    with pytest.raises(InputError, match=message):
        symopt.descend("x^2 + y^2", {"x": 0, "y": 0}, lr=0.1, steps=5, **kwargs)
