"""Exact real solving and sign decisions, against independent checks."""

import sympy
from sympy import CRootOf, Rational, sqrt

from symopt.optimize.exact import Family, is_real, real_solutions, sign
from symopt.parsing import symbols

x, y = symbols("x y")


def test_sign_of_a_denested_zero():
    # sqrt(3 + 2 sqrt(2)) = 1 + sqrt(2): zero, though not syntactically
    assert sign(sqrt(3 + 2 * sqrt(2)) - 1 - sqrt(2)) == 0
    assert sign(sqrt(2) - Rational(141, 100)) == 1
    assert sign(Rational(-1, 3)) == -1


def test_sign_of_root_expressions():
    r = CRootOf(x**5 - x - 1, 0)
    assert sign(r**5 - r - 1) == 0
    assert sign(r - 1) == 1
    assert sign(r**2 - 2) == -1  # r is about 1.1673


def test_reality_is_never_guessed_false():
    assert is_real(sqrt(2)) is True
    assert is_real(sympy.I) is False
    assert is_real(CRootOf(x**5 - x - 1, 0)) is True
    assert is_real(x) is None or is_real(x) is True


def test_quartic_with_readable_radicals():
    solutions = real_solutions([x**4 - 10 * x**2 + 1], (x,))
    values = sorted((s[x] for s in solutions), key=lambda v: sympy.N(v))
    assert len(values) == 4
    for v in values:
        assert sign(v**4 - 10 * v**2 + 1) == 0
    assert sign(values[-1] - sqrt(2) - sqrt(3)) == 0


def test_quintic_kept_as_roots():
    solutions = real_solutions([x**5 - x - 1, y - x**2], (x, y))
    assert len(solutions) == 1
    (s,) = solutions
    assert s[x].has(CRootOf) and s[y].has(CRootOf)
    assert sign(s[x] ** 5 - s[x] - 1) == 0
    assert sign(s[y] - s[x] ** 2) == 0


def test_inconsistent_and_infinite_systems():
    assert real_solutions([x + y - 1, x + y - 2], (x, y)) == []
    (family,) = real_solutions([x + y - 1], (x, y))
    assert isinstance(family, Family)
    assert family == {x: 1 - y, y: y}
    assert real_solutions([x**2 + 1], (x,)) == []
