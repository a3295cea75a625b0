"""Every outcome besides "optimal", the time budget, errors, duality variants."""

import json
import re
import threading

import pytest
import sympy
from sympy import Rational

import symopt
from symopt import Problem
from symopt.budget import within
from symopt.cli import main
from symopt.errors import InputError, SolveError, TimeoutError
from symopt.parsing import symbols

x, y, mu_1 = symbols("x y mu_1")

# Too hard for a hundredth of a second: a degree-12 polynomial system.
HARD = Problem.minimize("x^2 + y^2 + z^2 + x*y*z").subject_to(
    "x^4 + y^4 + z^4 <= 1", "x*y + z^3 >= 1/5"
)


def test_infeasible():
    s = Problem.minimize("x + y").subject_to("x + y >= 2", "x^2 + y^2 <= 1").solve()
    assert s.status == "infeasible"
    assert s.optimum is None
    assert "opt_infeasible" in s.derivation.rules()
    assert json.loads(symopt.render(s, "json"))["status"] == "infeasible"


def test_unbounded_without_kkt_point():
    s = Problem.minimize("x - y").subject_to("y <= 0").solve()
    assert s.status == "unbounded"
    step = next(st for st in s.derivation.steps if st.rule == "opt_unbounded")
    assert step.params["direction"] == (-1, 0)


def test_unbounded_with_a_kkt_point():
    s = Problem.minimize("x^3 - 3x").solve()
    assert s.status == "unbounded"
    assert [kp.point for kp in s.kkt_points] == [{x: -1}, {x: 1}]


def test_no_kkt_point():
    # exp(x) > 0 has infimum 0, never attained: no KKT point, no ray to -oo.
    s = Problem.minimize("exp(x)").solve()
    assert s.status == "no_kkt_point"
    assert s.optimum is None
    assert "opt_no_kkt_point" in s.derivation.rules()


def test_timeout_raises_a_clear_error():
    with pytest.raises(TimeoutError) as info:
        HARD.solve(timeout=0.01)
    message = str(info.value)
    assert "time budget of 0.01 s" in message
    assert "symopt descend" in message


def test_timeout_as_a_status():
    s = HARD.solve(timeout=0.01, on_timeout="status")
    assert s.status == "timeout"
    assert s.optimum is None
    assert "symopt descend" in symopt.render(s, "text")
    assert "symopt descend" in s.message


def test_budget_works_in_a_thread():
    outcome = {}

    def work():
        try:
            HARD.solve(timeout=0.01)
        except TimeoutError as error:
            outcome["error"] = error

    thread = threading.Thread(target=work)
    thread.start()
    thread.join()
    assert isinstance(outcome["error"], TimeoutError)
    assert within(sum, [1, 2], timeout=5) == 3


def test_budget_passes_errors_through():
    with pytest.raises(InputError):
        within(symopt.parse, "1 +", timeout=5)


@pytest.mark.parametrize(
    ("constraint", "message"),
    [
        ("x + y", "expected a constraint such as 'x + y <= 1'"),
        ("3 >= 2 + 5", "always False"),
    ],
)
def test_bad_constraints(constraint, message):
    with pytest.raises(InputError, match=re.escape(message)):
        Problem.minimize("x").subject_to(
            sympy.Ge(3, 7) if "5" in constraint else constraint
        )


def test_objective_must_be_an_expression():
    with pytest.raises(InputError, match="must be an expression"):
        Problem.minimize("x <= 1")


def test_normal_form_and_lagrangian_contract():
    p = Problem.maximize("x*y").subject_to("x + y <= 4", "x >= 1", "x - y == 0")
    assert p.variables == (x, y)
    assert p.objective == -x * y
    assert p.sense == "max"
    assert p.inequalities == [x + y - 4, 1 - x]
    assert p.equalities == [x - y]
    L, lams, mus = p.lagrangian()
    assert [s.name for s in lams] == ["lambda_1"]
    assert [s.name for s in mus] == ["mu_1", "mu_2"]
    assert L == -x * y + mus[0] * (x + y - 4) + mus[1] * (1 - x) + lams[0] * (x - y)


def test_dual_supremum_not_attained_and_slater_fails():
    r = Problem.minimize("x").subject_to("x^2 <= 0").dual()
    assert r.dual_function == -1 / (4 * mu_1)
    assert r.domain == sympy.Interval.open(0, sympy.oo)
    assert (r.d_star, r.p_star, r.gap) == (0, 0, 0)
    assert r.attained is False
    assert r.slater.holds is False
    assert r.slater.point is None
    data = r.to_data()
    assert data["attained"] is False
    assert data["domain"] == "Interval.open(0, oo)"


def test_dual_of_a_linear_program():
    r = Problem.minimize("x + 2y").subject_to("x >= 0", "y >= 0", "x + y >= 1").dual()
    mu = symbols("mu_1 mu_2 mu_3")
    assert r.dual_function == mu[2]
    assert isinstance(r.domain, sympy.ConditionSet)
    assert (r.d_star, r.p_star, r.gap) == (1, 1, 0)
    assert r.slater.holds is True


def test_dual_needs_a_closed_form():
    with pytest.raises(SolveError, match="quadratic or linear in x"):
        Problem.minimize("x^4").subject_to("x >= 1").dual()


def _inf_over_x(L, m, value):
    # Independent oracle: L is a convex quadratic in x at this multiplier, so
    # its infimum is its value at the one stationary point.
    at = L.subs(m, value)
    (stationary,) = sympy.solve(sympy.diff(at, x), x)
    return sympy.simplify(at.subs(x, stationary))


def test_dual_of_a_nonconvex_equality_splits_the_multiplier_range():
    problem = Problem.minimize("x^2").subject_to("x^2 == 1")
    r = problem.dual()
    (lam,) = problem.multiplier_symbols()[0]
    assert r.dual_function == -lam
    assert r.domain == sympy.Interval(-1, sympy.oo)
    assert (r.d_star, r.p_star, r.gap, r.multipliers) == (1, 1, 0, {"lam1": -1})
    L = x**2 + lam * (x**2 - 1)
    for value in (Rational(-1, 2), 0, 3):
        assert _inf_over_x(L, lam, value) == r.dual_function.subs(lam, value)
    # Below -1, L has no lower bound in x: q = -oo there.
    assert L.subs({lam: -2, x: 100}) < -1000
    assert any(s.rule == "dual_convex_region" for s in r.derivation.steps)


def test_dual_on_a_half_open_range_of_the_multiplier():
    r = Problem.minimize("x^2 + x").subject_to("x^2 >= 1").dual()
    L = x**2 + x + mu_1 * (1 - x**2)
    assert sympy.simplify(r.dual_function - (2 * mu_1 - 1) ** 2 / (4 * (mu_1 - 1))) == 0
    assert r.domain == sympy.Interval.Ropen(0, 1)
    assert (r.d_star, r.p_star, r.gap) == (0, 0, 0)
    assert r.multipliers == {"mu1": Rational(1, 2)}
    for value in (0, Rational(1, 4), Rational(3, 4)):
        assert _inf_over_x(L, mu_1, value) == sympy.simplify(
            r.dual_function.subs(mu_1, value)
        )
    assert sympy.limit(r.dual_function, mu_1, 1, "-") == -sympy.oo


def test_a_lagrangian_never_convex_has_no_dual_function():
    with pytest.raises(SolveError, match="convex in x for no admissible"):
        Problem.minimize("-x^2").subject_to("x == 2").dual()


def test_cli_solve_json_shape(capsys):
    code = main(["solve", "x + y", "--maximize", "-s", "x^2 + y^2 == 1",
                 "--format", "json"])  # fmt: skip
    assert code == 0
    data = json.loads(capsys.readouterr().out)
    assert set(data) >= {"status", "sense", "optimum", "kkt_points", "steps"}
    assert data["optimum"]["points"] == [{"x": "sqrt(2)/2", "y": "sqrt(2)/2"}]
    assert data["optimum"]["multipliers"] == {"lam1": "sqrt(2)/2"}
    for kp in data["kkt_points"]:
        assert set(kp) == {"point", "multipliers", "value", "active", "kind", "family"}
        assert symopt.parse(kp["value"]) in (sympy.sqrt(2), -sympy.sqrt(2))


def test_cli_dual_json_shape(capsys):
    code = main(["dual", "(y - 1)^2", "--subject-to", "y >= 3", "--format", "json"])
    assert code == 0
    data = json.loads(capsys.readouterr().out)
    assert data["dual_function"] == "-mu_1**2/4 + 2*mu_1"
    assert data["slater"]["point"] == {"y": "4"}
    assert data["multipliers"] == {"mu1": "4"}


def test_cli_timeout(capsys):
    args = ["solve", "x^2 + y^2 + z^2 + x*y*z", "-s", "x^4 + y^4 + z^4 <= 1",
            "x*y + z^3 >= 1/5", "--timeout", "0.01"]  # fmt: skip
    assert main(args) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1
    assert "symopt descend" in err
    assert main([*args, "--format", "json"]) == 0
    assert json.loads(capsys.readouterr().out)["status"] == "timeout"


def test_cli_bad_constraint(capsys):
    assert main(["solve", "x", "-s", "x +"]) == 2
    assert "error" in capsys.readouterr().err


def test_cli_text_in_korean(capsys):
    assert main(["solve", "(y - 1)^2", "-s", "y >= 3", "--lang", "ko"]) == 0
    out = capsys.readouterr().out
    assert "최적해" in out
    assert Rational(4) == 4


def test_check_names_the_failing_condition():
    s = Problem.minimize("(y - 1)^2").subject_to("y >= 3").solve()
    assert s.check()
    s.kkt_points[0].multipliers["mu1"] = sympy.Integer(-4)
    report = s.check()
    assert not report
    conditions = [failure[1] for failure in report.failures]
    assert conditions == ["stationarity", "dual feasibility"]
    assert report.message().startswith("stationarity fails at {y: 3}")


def test_multipliers_as_rejects_unknown_tools_and_irregular_optima():
    s = Problem.minimize("(y - 1)^2").subject_to("y >= 3").solve()
    with pytest.raises(InputError, match="unknown tool 'ipopt'"):
        s.multipliers_as("ipopt")
    cusp = Problem.minimize("x").subject_to("y^2 <= x^3").solve()
    with pytest.raises(InputError, match="optimum is irregular"):
        cusp.multipliers_as("cvxpy")


def test_no_variables():
    with pytest.raises(InputError, match="has no variables to optimize over"):
        Problem.minimize("3").solve()


def test_a_symbol_left_out_of_the_variables_is_an_error():
    # Solved as a constant, a would give x* = a even where a < 0 and the
    # minimizer of (x - a)^2 over x >= 0 is 0: a wrong answer.
    with pytest.raises(InputError) as error:
        Problem.minimize("(x - a)^2", variables="x").subject_to("x >= 0").solve()
    assert str(error.value) == (
        "a appears in the problem but not among the variables (x); add it to "
        "the variables (--vars) or replace it by numbers: symopt solves for "
        "numbers, not parameters"
    )
    with pytest.raises(InputError, match="^b, c appear in the problem"):
        Problem.minimize("x + b*c", variables="x").dual()


@pytest.mark.parametrize(
    ("variables", "message"),
    [
        ("x,1", "expected a variable name such as x or w_1, got '1'"),
        ("x, x", "variable x is listed twice; list each once"),
        (",", "no variables given; list them, e.g. x,y"),
        (["x", "__y"], "expected a variable name such as x or w_1, got '__y'"),
    ],
)
def test_bad_variable_lists(variables, message):
    with pytest.raises(InputError, match=f"^{re.escape(message)}$"):
        Problem.minimize("x^2", variables=variables)


@pytest.mark.parametrize("timeout", [0, -1, float("nan"), "soon"])
def test_timeout_must_be_positive(timeout):
    with pytest.raises(InputError, match="timeout must be a positive number"):
        Problem.minimize("x^2").solve(timeout=timeout)
    with pytest.raises(InputError, match="timeout must be a positive number"):
        Problem.minimize("x^2").subject_to("x >= 1").dual(timeout=timeout)


def test_cli_rejects_a_negative_timeout(capsys):
    assert main(["solve", "x^2", "--timeout", "-1"]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1
    assert "timeout must be a positive number of seconds, got '-1.0'" in err


def test_what_sympy_cannot_solve_is_a_clear_error(capsys):
    with pytest.raises(SolveError, match="try symopt descend"):
        Problem.minimize("abs(x)").solve()
    assert main(["solve", "abs(x)"]) == 2
    assert "symopt descend" in capsys.readouterr().err


def test_periodic_functions_make_no_global_claim(capsys):
    # min x s.t. sin(x) = 0 is unbounded; one period's roots must not be
    # reported as an optimum.
    message = (
        "sin(x) repeats without end, so its stationary points cannot all be "
        "listed and no optimum can be certified exactly; try symopt descend for "
        "a numerical answer"
    )
    with pytest.raises(SolveError) as error:
        Problem.minimize("x").subject_to("sin(x) == 0").solve()
    assert str(error.value) == message
    assert main(["solve", "x", "--subject-to", "sin(x) == 0"]) == 2
    assert message in capsys.readouterr().err


def test_dual_with_equality_and_inequality():
    lam, mu = symbols("lambda_1 mu_1")
    r = Problem.minimize("x^2 + y^2").subject_to("x + y == 1", "x >= 1").dual()
    expected = -(lam**2) / 2 + lam * mu / 2 - lam - mu**2 / 4 + mu
    assert sympy.expand(r.dual_function - expected) == 0
    assert r.domain == sympy.ProductSet(sympy.Interval(0, sympy.oo), sympy.S.Reals)
    assert (r.d_star, r.p_star, r.gap) == (1, 1, 0)
    assert r.multipliers == {"mu1": 2, "lam1": 0}
    assert r.slater.holds is True
    assert r.derivation.verify()


def test_unbounded_along_an_axis_away_from_the_candidate():
    # At the only stationary point every axis and diagonal rises; through a
    # point with x = 0 the objective falls along y.
    s = Problem.minimize("x^2*y^2 + x - y").solve()
    assert s.status == "unbounded"
    (step,) = [st for st in s.derivation.steps if st.rule == "opt_unbounded"]
    start, direction = step.params["point"], step.params["direction"]
    x, y = symbols("x y")
    t = symbols("t")[0]
    ray = {x: x + t * direction[0], y: y + t * direction[1]}
    f = (x**2 * y**2 + x - y).xreplace(ray).subs(start)
    assert sympy.limit(f, t, sympy.oo) == -sympy.oo
