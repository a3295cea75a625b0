"""Ridge regression (EXAMPLES.md section 9): both forms and their KKT link."""

import json

import pytest
import sympy
from sympy import Rational

import symopt
from symopt import Problem
from symopt.errors import InputError
from symopt.models import ridge
from symopt.optimize.exact import sign
from symopt.parsing import symbols

X = [[1, 0], [0, 1], [1, 1]]
Y = [1, 2, 2]
lam, b1, b2 = symbols("lambda beta_1 beta_2")


def test_closed_form_in_lambda():
    r = ridge(X, Y)
    expected = sympy.Matrix([3 * lam + 2, 4 * lam + 5]) / (lam**2 + 4 * lam + 3)
    assert (r.beta - expected).applyfunc(sympy.simplify) == sympy.zeros(2, 1)
    # independent oracle: the normal equations hold identically in lambda
    A = sympy.Matrix(X).T * sympy.Matrix(X) + lam * sympy.eye(2)
    rhs = sympy.Matrix(X).T * sympy.Matrix(Y)
    assert (A * r.beta - rhs).applyfunc(sympy.simplify) == sympy.zeros(2, 1)
    assert r.derivation.verify()


def test_at_lambda_one():
    r = ridge(X, Y, lam=1)
    assert list(r.beta) == [Rational(5, 8), Rational(9, 8)]
    assert r.radius == Rational(53, 32)
    assert r.derivation.verify()


def test_lambda_for_a_radius():
    r = ridge(X, Y, s=Rational(53, 32))
    assert r.lam == 1
    assert list(r.beta) == [Rational(5, 8), Rational(9, 8)]


def test_radius_needing_a_quartic_stays_exact():
    r = ridge(X, Y, s=1)
    assert isinstance(r.lam, sympy.CRootOf)
    assert r.lam.poly.degree() == 4
    assert sign(r.radius_of_lambda.subs(lam, r.lam) - 1) == 0
    assert r.radius == 1
    assert r.derivation.verify()


def test_inactive_radius_gives_least_squares():
    r = ridge(X, Y, s=10)
    assert r.lam == 0
    assert list(r.beta) == [Rational(2, 3), Rational(5, 3)]


def test_constrained_form_solved_by_kkt_matches():
    # The constrained form with s = 53/32, solved by case enumeration: mu = 1.
    sse = (1 - b1) ** 2 + (2 - b2) ** 2 + (2 - b1 - b2) ** 2
    s = Problem.minimize(sse).subject_to(sympy.Le(b1**2 + b2**2, Rational(53, 32)))
    solution = s.solve(timeout=30)
    assert solution.optimum.points == [{b1: Rational(5, 8), b2: Rational(9, 8)}]
    # L = SSE + mu (||beta||^2 - s): the penalized form's lambda appears as mu
    assert solution.optimum.multipliers == {"mu1": 1}
    assert solution.check()


def test_bad_input():
    with pytest.raises(InputError, match="X has 3 rows but y has 2 entries"):
        ridge(X, [1, 2])
    with pytest.raises(InputError, match="lam or s, not both"):
        ridge(X, Y, lam=1, s=1)
    with pytest.raises(InputError, match="lam must be a number >= 0"):
        ridge(X, Y, lam=-1)


@pytest.mark.parametrize("fmt", ["text", "latex", "markdown", "json"])
@pytest.mark.parametrize("lang", ["en", "ko"])
def test_renders(fmt, lang):
    out = symopt.render(ridge(X, Y, lam=1), fmt, lang=lang)
    if fmt == "json":
        data = json.loads(out)
        assert data["beta"] == ["5/8", "9/8"]
        assert data["radius"] == "53/32"
        assert data["beta_of_lambda"] == [
            "(3*lambda_ + 2)/(lambda_**2 + 4*lambda_ + 3)",
            "(4*lambda_ + 5)/(lambda_**2 + 4*lambda_ + 3)",
        ]
    else:
        assert "ridge_" not in out


def test_cramer_shows_the_determinant_ratio():
    r = ridge(X, Y, lam=1)
    text = symopt.render(r, "text")
    # det(A with column j replaced by X^T y) over det(X^T X + lambda I).
    assert (
        "   det[3, 1; 4, λ + 2]/det[λ + 2, 1; 1, λ + 2] = (3λ + 2)/(λ² + 4λ + 3)\n"
    ) in text
    assert (
        "   det[λ + 2, 3; 1, 4]/det[λ + 2, 1; 1, λ + 2] = (4λ + 5)/(λ² + 4λ + 3)\n"
    ) in text
    assert "((" not in text
    tex = symopt.render(r, "latex")
    assert r"\left|{\begin{matrix}3 & 1\\4 & \lambda + 2\end{matrix}}\right|" in tex
    # The squared residuals are shown one per observation, as written.
    assert "(1 - β₁)² + (2 - β₂)² + (2 - β₁ - β₂)²" in text
    assert r.derivation.verify()


def test_cramer_shows_a_cancelling_factor():
    # X^T X + lambda I = (1 + lambda) I: det(A_j)/det(A) cancels a factor.
    r = ridge([[1, 0], [0, 1]], [2, 3])
    step = next(s for s in r.derivation.steps if s.rule == "ridge_cramer")
    assert len(step.chain) == 3
    assert sympy.simplify(step.chain[-1] - 2 / (lam + 1)) == 0
    assert r.derivation.verify()
