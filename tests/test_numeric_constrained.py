"""Projected descent and descent-ascent converge to the exact KKT points
that Problem.solve() finds, with the multipliers."""

import json

import numpy as np
import pytest
from sympy import Rational, exp, sqrt

from symopt import Problem, descend, parse, render, symbols
from symopt.errors import InputError
from symopt.numeric.constrained import projected_method
from symopt.numeric.run import iterate

x, y, mu1, lam1 = symbols("x y mu_1 lambda_1")  # symopt.Problem's multipliers


@pytest.mark.parametrize("method", ["projected", "primal-dual"])
def test_lecture_constraint_converges_to_y3_mu4(method):
    run = descend(
        parse("(y - 1)^2"), {"y": 0}, lr=0.2, subject_to=["y >= 3"], method=method
    )
    assert run.converged
    assert run.points[-1][0] == pytest.approx(3, abs=1e-9)
    assert run.target[0] == 3
    assert {**run.optimum, **run.multipliers}[mu1] == 4
    data = json.loads(render(run, "json"))
    assert data["optimum"] == {"y": "3", "mu1": "4"}
    assert run.derivation.verify()


def test_primal_dual_iterates_multiplier_exactly():
    run = descend(
        parse("(y - 1)^2"),
        {"y": 0},
        lr=0.2,
        subject_to=["y >= 3"],
        method="primal-dual",
    )
    assert run.state == (symbols("y")[0], mu1)
    # y1 = 0 - 0.2 * (2(0 - 1) - 0) = 2/5, mu1 = max(0, 0 + 0.2 * (3 - 0)) = 3/5
    assert run.exact[1] == (Rational(2, 5), Rational(3, 5))
    assert run.points[-1][1] == pytest.approx(4, abs=1e-9)
    assert run.errors[-1] < 1e-10


def test_kkt_point_agrees_with_problem_solve():
    solution = Problem.minimize("(y - 1)^2").subject_to("y >= 3").solve()
    run = descend(parse("(y - 1)^2"), {"y": 0}, lr=0.2, subject_to=["y >= 3"])
    assert run.method == "projected"
    assert dict(zip(run.state, run.target)) == solution.optimum.points[0]
    assert run.multipliers == {mu1: solution.optimum.multipliers["mu1"]}


def test_circle_primal_dual_finds_the_minimum_and_lambda():
    run = descend(
        parse("x + y"),
        {"x": 0, "y": 0},
        lr=0.1,
        subject_to=["x^2 + y^2 == 1"],
        method="primal-dual",
    )
    assert run.converged
    target = dict(zip(run.state, run.target))
    assert target == {x: -sqrt(2) / 2, y: -sqrt(2) / 2, lam1: sqrt(2) / 2}
    np.testing.assert_allclose(run.points[-1], [-(2**-0.5), -(2**-0.5), 2**-0.5])


def test_equality_constrained_quadratic_with_negative_lambda():
    run = descend(
        parse("x^2 + y^2"),
        {"x": 0, "y": 0},
        lr=0.2,
        subject_to=["x + y == 1"],
    )
    assert run.method == "primal_dual"
    target = dict(zip(run.state, run.target))
    # Stationarity: 2x + lam = 0 at x = 1/2.
    assert target == {x: Rational(1, 2), y: Rational(1, 2), lam1: -1}
    assert run.converged
    np.testing.assert_allclose(run.points[-1], [0.5, 0.5, -1.0], atol=1e-9)


def test_nonconvex_lagrangian_is_reported_not_converged():
    # Descent-ascent needs a Lagrangian convex in x near the KKT point; on the
    # bell surface (EXAMPLES.md section 6) it does not settle, and says so.
    kkt = {"x": Rational(-1, 2), "y": Rational(1, 2), "lam1": exp(Rational(-1, 2))}
    run = descend(
        parse("-exp(-(x^2 + y^2))"),
        {"x": 0, "y": 0},
        lr=0.1,
        subject_to=["x - y + 1 == 0"],
        method="primal-dual",
        steps=500,
        kkt=kkt,
        exact_steps=2,
    )
    assert not run.converged
    assert run.derivation.steps[-1].rule == "descent_not_converged"


def test_projection_onto_ball_and_halfspace():
    run = descend(
        parse("(x - 2)^2 + (y - 2)^2"),
        {"x": 0, "y": 0},
        lr=0.1,
        subject_to=["x^2 + y^2 <= 1"],
    )
    assert run.converged
    np.testing.assert_allclose(run.points[-1], [2**-0.5, 2**-0.5])
    assert run.multipliers == {mu1: 2 * sqrt(2) - 1}
    half = descend(
        parse("(x - 2)^2 + (y - 2)^2"),
        {"x": 0, "y": 0},
        lr=0.1,
        subject_to=["x + y <= 1"],
    )
    assert dict(zip(half.state, half.target)) == {x: Rational(1, 2), y: Rational(1, 2)}
    assert half.exact[2] == (Rational(1, 2), Rational(1, 2))
    np.testing.assert_allclose(half.points[-1], [0.5, 0.5])


def test_box_projection_float_and_exact_agree():
    method, kind = projected_method(parse("x"), (x, y), [x - 1, -y, y - 2], [])
    assert kind == "box"
    X = np.array([[3.0, -1.0], [0.5, 5.0]])
    assert method.project_float(X).tolist() == [[1.0, 0.0], [0.5, 2.0]]
    assert method.project_exact((Rational(3), Rational(-1))) == (1, 0)


def test_projection_without_closed_form_points_to_primal_dual():
    with pytest.raises(InputError, match="--method primal-dual"):
        descend(parse("x + y"), {"x": 0, "y": 0}, lr=0.1, subject_to=["x*y >= 1"])
    with pytest.raises(InputError, match="needs constraints"):
        descend(parse("x^2"), {"x": 0}, lr=0.1, method="primal-dual")


def test_projected_descent_reads_the_multipliers_off_its_projections():
    run = descend(parse("(y - 1)^2"), {"y": 0}, lr=0.2, subject_to=["y >= 3"])
    # k = 1: the plain step 0.4 is moved to 3, so 0.2 * mu * (-1) = 0.4 - 3.
    assert run.multiplier_path[1].tolist() == pytest.approx([13.0])
    assert run.multiplier_path[-1].tolist() == pytest.approx([4.0])
    assert run.multiplier_errors[-1] == pytest.approx(0, abs=1e-12)
    ball = descend(
        parse("(x - 2)^2 + (y - 2)^2"),
        {"x": 0, "y": 0},
        lr=0.1,
        subject_to=["x^2 + y^2 <= 1"],
    )
    assert ball.multiplier_path[-1][0] == pytest.approx(2 * 2**0.5 - 1, rel=1e-12)
    data = json.loads(render(ball, "json"))
    assert data["iterates"][-1]["multipliers"]["mu1"] == pytest.approx(1.8284271247)
    assert data["iterates"][-1]["multiplier_error"] < 1e-12


@pytest.mark.parametrize(
    "objective, start, constraints, target",
    [
        (
            "x^2 + y^2 + z^2",
            {"x": 0, "y": 0, "z": 0},
            ["x + y + z == 3", "x >= 2"],
            {"x": 2, "y": Rational(1, 2), "z": Rational(1, 2), "mu1": 3, "lam1": -1},
        ),
        (
            "(y - 1)^2 + x^2",
            {"x": 0, "y": 0},
            ["y >= 3", "x == 1"],
            {"x": 1, "y": 3, "mu1": 4, "lam1": -2},
        ),
    ],
)
def test_textbook_problems_primal_dual_reaches_problem_solve(
    objective, start, constraints, target
):
    solution = Problem.minimize(objective).subject_to(*constraints).solve()
    run = descend(
        parse(objective), start, lr=0.1, subject_to=constraints, method="primal-dual"
    )
    exact = {run.keys.get(s, s.name): v for s, v in zip(run.state, run.target)}
    assert exact == target
    assert {k: exact[k] for k in solution.optimum.multipliers} == (
        solution.optimum.multipliers
    )
    assert run.converged and run.errors[-1] < 1e-9


@pytest.mark.parametrize(
    ("objective", "constraints", "method", "start"),
    [
        ("(y - 1)^2", ["y >= 3"], "projected", {"y": 0}),
        (
            "(x - 2)^2 + (y - 2)^2",
            ["x <= 1", "y >= -1", "y <= 0.5"],
            "projected",
            {"x": 0, "y": 0},
        ),
        ("(x - 2)^2 + (y - 2)^2", ["x + 2y <= 1"], "projected", {"x": 0, "y": 3}),
        ("(y - 1)^2", ["y >= 3"], "primal-dual", {"y": 0}),
        ("x^2 + y^2", ["x + y == 1", "x >= 0.8"], "primal-dual", {"x": 0, "y": 0}),
    ],
)
def test_shown_update_equations_generate_the_exact_iterates(
    objective, constraints, method, start
):
    from sympy import Symbol

    run = descend(
        parse(objective),
        start,
        lr=0.1,
        steps=6,
        subject_to=constraints,
        method=method,
    )
    rule = f"descent_update_{method.replace('-', '_')}"
    (step,) = [s for s in run.derivation.steps if s.rule == rule]
    rules = {eq.lhs.name: eq.rhs for eq in step.relations}
    assert sorted(rules) == sorted(iterate(s, "k+1").name for s in run.state)
    alpha = Symbol("alpha", positive=True)
    for now, after in zip(run.exact, run.exact[1:]):
        at = {iterate(s, "k"): v for s, v in zip(run.state, now)}
        at[alpha] = run.lr
        got = tuple(rules[iterate(s, "k+1").name].xreplace(at) for s in run.state)
        assert got == after
    assert len(run.exact) == 7


def test_ball_projection_is_said_not_written():
    run = descend(
        parse("(x - 2)^2 + (y - 2)^2"),
        {"x": 0, "y": 0},
        lr=0.1,
        steps=2,
        subject_to=["x^2 + y^2 <= 1"],
    )
    (step,) = [s for s in run.derivation.steps if s.rule == "descent_update_projected"]
    assert step.relations == ()
    assert "descent_projection_ball" in run.derivation.rules()
