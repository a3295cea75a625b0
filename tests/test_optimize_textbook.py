"""Textbook constrained problems with exact answers, each checked by all four
KKT conditions and, where possible, against an independent oracle."""

import pytest
import sympy
from sympy import Rational, sqrt

from symopt import Problem
from symopt.parsing import symbols

x, y, z = symbols("x y z")


def solved(problem):
    solution = problem.solve(timeout=30)
    assert solution.check(), solution.check().message()
    assert solution.derivation.verify()
    return solution


def test_sphere_linear_objective():
    s = solved(Problem.maximize("x + 2y + 2z").subject_to("x^2 + y^2 + z^2 == 9"))
    assert s.optimum.points == [{x: 1, y: 2, z: 2}]
    assert s.optimum.value == 9
    assert s.optimum.multipliers == {"lam1": Rational(1, 2)}
    assert sorted(kp.kind for kp in s.kkt_points) == ["max", "min"]


def test_box_quadratic():
    s = solved(
        Problem.minimize("(x - 2)^2 + (y + 1)^2").subject_to(
            "x >= 0", "x <= 1", "y >= 0", "y <= 1"
        )
    )
    assert s.optimum.points == [{x: 1, y: 0}]
    assert s.optimum.value == 2
    assert s.optimum.multipliers == {"mu1": 0, "mu2": 2, "mu3": 2, "mu4": 0}
    assert s.optimum.active == [1, 2]
    assert s.test == "compact"


def test_plane_distance():
    # The closest point of the plane x + y + z = 1 to the origin: (1/3, 1/3, 1/3).
    s = solved(Problem.minimize("x^2 + y^2 + z^2").subject_to("x + y + z == 1"))
    third = Rational(1, 3)
    assert s.optimum.points == [{x: third, y: third, z: third}]
    assert s.optimum.value == third
    assert s.optimum.multipliers == {"lam1": -Rational(2, 3)}
    assert s.test == "convex"


def test_mixed_equality_and_inequality():
    s = solved(
        Problem.minimize("x^2 + y^2 + z^2").subject_to("x + y + z == 3", "x >= 2")
    )
    assert s.optimum.points == [{x: 2, y: Rational(1, 2), z: Rational(1, 2)}]
    assert s.optimum.value == Rational(9, 2)
    assert s.optimum.multipliers == {"lam1": -1, "mu1": 3}


def test_nonconvex_several_kkt_points():
    # min x*y on the unit disk: KKT points at the centre (mu = 0) and on the
    # circle; the minimum -1/2 is attained twice.
    s = solved(Problem.minimize("x*y").subject_to("x^2 + y^2 <= 1"))
    half = sqrt(2) / 2
    assert s.optimum.value == -Rational(1, 2)
    assert s.optimum.points == [{x: -half, y: half}, {x: half, y: -half}] or (
        s.optimum.points == [{x: half, y: -half}, {x: -half, y: half}]
    )
    points = [kp.point for kp in s.kkt_points]
    assert {x: 0, y: 0} in points
    assert len(s.kkt_points) == 3
    kinds = sorted(kp.kind for kp in s.kkt_points)
    assert kinds == ["kkt", "min", "min"]


def test_licq_fails_cusp():
    s = solved(Problem.minimize("x").subject_to("y^2 <= x^3"))
    assert s.status == "optimal"
    assert s.kkt_points == []
    assert s.optimum.points == [{x: 0, y: 0}]
    assert s.optimum.value == 0
    assert s.optimum.multipliers is None
    assert s.optimum.regular is False
    assert "opt_optimum_irregular" in s.derivation.rules()


def test_licq_fails_at_a_kkt_point():
    # Two tangent disks meet at one point, where their gradients are parallel:
    # multipliers exist (mu1 = mu2 + 1/2) but are not unique.
    s = solved(
        Problem.minimize("x").subject_to("(x - 1)^2 + y^2 <= 1", "(x + 1)^2 + y^2 <= 1")
    )
    assert s.optimum.points == [{x: 0, y: 0}]
    assert s.optimum.value == 0
    assert s.optimum.regular is False
    assert s.optimum.active == [0, 1]
    assert "opt_licq_fails" in s.derivation.rules()
    # One point, listed once, with the multipliers it has.
    assert len(s.kkt_points) == 1
    assert s.kkt_points[0].kind == "min"
    assert s.optimum.multipliers == {"mu1": Rational(1, 2), "mu2": 0}
    assert "opt_same_point" in s.derivation.rules()
    assert "opt_optimum" in s.derivation.rules()
    assert "opt_optimum_irregular" not in s.derivation.rules()


def test_irregular_point_with_equalities_only():
    # y^3 = x^2 forces y >= 0; its only candidate is the cusp (0, 0), where
    # grad h vanishes: the bordered Hessian has no multipliers to work with.
    s = solved(Problem.minimize("y").subject_to("y^3 == x^2"))
    assert s.status == "optimal"
    assert s.kkt_points == []
    assert s.optimum.points == [{x: 0, y: 0}]
    assert s.optimum.multipliers is None
    assert "opt_bordered_irregular" in s.derivation.rules()


def test_irregular_minimizer_without_multipliers():
    # The same disks, min y: no multipliers exist at the only feasible point.
    s = solved(
        Problem.minimize("y").subject_to("(x - 1)^2 + y^2 <= 1", "(x + 1)^2 + y^2 <= 1")
    )
    assert s.kkt_points == []
    assert s.optimum.points == [{x: 0, y: 0}]
    assert s.optimum.multipliers is None


def test_strict_inequality_is_a_domain():
    s = solved(
        Problem.maximize("log(p) + log(q)").subject_to("p + q == 2", "p > 0", "q > 0")
    )
    p, q = symbols("p q")
    assert s.optimum.points == [{p: 1, q: 1}]
    assert s.optimum.value == 0
    assert s.problem.strict == [-p, -q]
    assert "opt_domain" in s.derivation.rules()


def test_high_degree_roots_stay_exact():
    # Stationarity is x^5 - x - 1 = 0, not solvable by radicals: kept as CRootOf.
    from symopt.optimize.exact import sign

    s = solved(Problem.minimize("x^6/6 - x^2/2 - x"))
    (point,) = s.optimum.points
    root = point[x]
    assert isinstance(root, sympy.CRootOf)
    assert sign(root**5 - root - 1) == 0
    assert Rational(116, 100) < root < Rational(117, 100)


def test_a_repeated_equality_prunes_no_real_case():
    # 2x + 2y = 2 repeats x + y = 1: one independent equality in the plane, so
    # x <= 0 may still be active. Counting two equalities pruned every case
    # with an active inequality and called the problem infeasible.
    s = solved(
        Problem.minimize("(x - 2)^2 + y^2").subject_to(
            "x + y == 1", "2*x + 2*y == 2", "x <= 0"
        )
    )
    assert s.status == "optimal"
    assert s.optimum.points == [{x: 0, y: 1}]
    assert s.optimum.value == 5
    assert s.optimum.multipliers["mu1"] == 6
    # The equalities' multipliers are a family: lam1 + 2 lam2 = -2.
    lam1, lam2 = s.optimum.multipliers["lam1"], s.optimum.multipliers["lam2"]
    assert sympy.expand(lam1 + 2 * lam2) == -2


def test_degree_nine_lagrange_system():
    # Distance from (2, 0) to the curve y = x^5 - x: eliminating x and lambda
    # leaves a degree-9 polynomial in y, kept as CRootOf (the unboundedness
    # search once simplified expressions in root objects for minutes).
    from symopt.optimize.exact import sign

    s = Problem.minimize("(x - 2)^2 + y^2").subject_to("y == x^5 - x").solve(timeout=60)
    assert s.check(), s.check().message()
    (point,) = s.optimum.points
    assert sign(point[y] - (point[x] ** 5 - point[x])) == 0
    # grad f is parallel to the curve's normal (5x^4 - 1, -1).
    px, py = point[x], point[y]
    assert sign(2 * (px - 2) + 2 * py * (5 * px**4 - 1)) == 0
    assert Rational(95, 100) < s.optimum.value < Rational(96, 100)


def test_degenerate_lp_lists_a_family():
    # Every point of the segment x + y = 1, 0 <= y <= 1 is optimal.
    s = solved(Problem.minimize("x + y").subject_to("x + y >= 1", "x >= 0", "y >= 0"))
    assert s.status == "optimal"
    assert s.optimum.value == 1
    assert s.optimum.points == [{x: 1 - y, y: y}]
    assert s.optimum.conditions == {y: sympy.Interval(0, 1)}
    data = s.to_data()["optimum"]
    assert data["conditions"] == {"y": "Interval(0, 1)"}
    assert data["multipliers"] == {"mu1": "1", "mu2": "0", "mu3": "0"}


def test_infeasible_family_is_rejected():
    s = solved(Problem.minimize("x + y").subject_to("x + y >= 2", "x^2 + y^2 <= 1"))
    assert s.status == "infeasible"
    assert "opt_reject_family" in s.derivation.rules()


def test_against_scipy_trust_constr():
    scipy_optimize = pytest.importorskip("scipy.optimize")
    import numpy as np

    problem = Problem.minimize("(x - 3)^2 + (y - 2)^2").subject_to(
        "x + y <= 3", "x >= 0", "x - y == 0"
    )
    s = solved(problem)
    assert s.optimum.points == [{x: Rational(3, 2), y: Rational(3, 2)}]
    exact = s.multipliers_as("scipy-trust-constr")
    constraints = [
        scipy_optimize.NonlinearConstraint(lambda v: v[0] - v[1], 0, 0),
        scipy_optimize.NonlinearConstraint(lambda v: v[0] + v[1], -np.inf, 3),
        scipy_optimize.NonlinearConstraint(lambda v: v[0], 0, np.inf),
    ]
    result = scipy_optimize.minimize(
        lambda v: (v[0] - 3) ** 2 + (v[1] - 2) ** 2,
        [0.5, 0.2],
        method="trust-constr",
        constraints=constraints,
        options={"gtol": 1e-10, "xtol": 1e-12, "barrier_tol": 1e-10},
    )
    numeric = [float(v[0]) for v in result.v]
    expected = [exact["lam1"], exact["mu1"], exact["mu2"]]
    assert numeric == pytest.approx([float(e) for e in expected], abs=1e-3)


def test_multiplier_conventions_table():
    s = Problem.minimize("(y - 1)^2 + x^2").subject_to("y >= 3", "x == 1").solve()
    assert s.optimum.multipliers == {"lam1": -2, "mu1": 4}
    assert s.multipliers_as("scipy-trust-constr") == {"lam1": -2, "mu1": -4}
    assert s.multipliers_as("casadi") == {"lam1": -2, "mu1": -4}
    assert s.multipliers_as("scipy-slsqp") == {"lam1": 2, "mu1": 4}
    assert s.multipliers_as("cvxpy") == {"lam1": -2, "mu1": 4}


def test_simplex_is_recognized_as_compact():
    # A polytope bounds the set: values are compared, the maximum is global.
    s = solved(
        Problem.maximize("x*y*z").subject_to(
            "x + y + z == 3", "x >= 0", "y >= 0", "z >= 0"
        )
    )
    assert s.test == "compact"
    assert s.optimum.points == [{x: 1, y: 1, z: 1}]
    assert s.optimum.value == 1
    assert s.optimum.multipliers == {"lam1": 1, "mu1": 0, "mu2": 0, "mu3": 0}


def test_logarithms_on_a_positive_domain_are_concave():
    p, q = symbols("p q")
    s = solved(
        Problem.maximize("log(p) + log(q)").subject_to("p + 2q <= 4", "p > 0", "q > 0")
    )
    assert s.test == "convex"
    assert s.optimum.points == [{p: 2, q: 1}]
    assert s.optimum.value == sympy.log(2)
    assert s.optimum.multipliers == {"mu1": Rational(1, 2)}
