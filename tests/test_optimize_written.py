"""The Lagrangian and stationarity as a teacher writes them: f first, then
each multiplier times its constraint, kept whole, in constraint order."""

import pytest
import sympy

import symopt
from symopt import Problem
from symopt.models.ridge import ridge
from symopt.render.numbers import to_latex, to_text
from symopt.tidy import WrittenSum, written_sum


def lines(obj, lang="en"):
    return symopt.render(obj, "text", lang=lang).splitlines()


def test_tidy_keeps_a_multiplier_times_its_constraint():
    lam, x, a, y, mu = symopt.symbols("lambda x a y mu_1")
    kept = symopt.tidy(lam * (x - 1) + x**2)
    assert str(kept) == "lambda*(x - 1) + x**2"
    assert sympy.expand(kept - (lam * x - lam + x**2)) == 0
    assert str(symopt.tidy(mu * (3 - y) + (y - 1) ** 2)) == "mu_1*(3 - y) + (y - 1)**2"
    # A coefficient that occurs elsewhere is no multiplier: a(x - 1) + a is a·x.
    assert symopt.tidy(a * (x - 1) + a) == a * x
    # The bracket itself is still tidied.
    bracket = sympy.Add((x + 1) ** 2, -(x**2), -1, evaluate=False)
    assert str(symopt.tidy(sympy.Mul(lam, bracket, evaluate=False) + y)) == (
        "2*lambda*x + y"
    )


def test_a_written_sum_keeps_its_order_and_value():
    y, mu = symopt.symbols("y mu_1")
    shown = written_sum([(y - 1) ** 2, mu * (3 - y)])
    assert isinstance(shown, WrittenSum)
    assert to_text(shown) == "(y - 1)² + μ₁·(3 - y)"
    assert to_latex(shown) == (r"\left(y - 1\right)^{2} + \mu_{1} \left(3 - y\right)")
    assert sympy.expand(shown - (y - 1) ** 2 - mu * (3 - y)) == 0
    assert written_sum([0, y]) == y


@pytest.mark.parametrize(
    ("problem", "lagrangian", "stationarity"),
    [
        (
            Problem.minimize("(y - 1)^2").subject_to("y >= 3"),
            "   L = (y - 1)² + μ₁·(3 - y)",
            ["   dL/dy = 2y - 2 - μ₁"],
        ),
        (
            Problem.minimize("x^2 + y^2").subject_to("x + y == 1", "x >= 2"),
            "   L = x² + y² + μ₁·(2 - x) + λ₁·(x + y - 1)",
            ["   dL/dx = 2x - μ₁ + λ₁", "   dL/dy = 2y + λ₁"],
        ),
        (
            Problem.maximize("x + y").subject_to("x^2 + y^2 == 1"),
            "   L = -x - y + λ₁·(x² + y² - 1)",
            ["   dL/dx = -1 + 2λ₁·x", "   dL/dy = -1 + 2λ₁·y"],
        ),
    ],
)
def test_lagrangian_lists_f_then_the_multiplier_terms(
    problem, lagrangian, stationarity
):
    text = lines(problem.solve())
    at = text.index(lagrangian)
    assert text[at + 1].startswith("4. Stationarity") or "Stationarity" in text[at + 1]
    assert text[at + 2 : at + 2 + len(stationarity)] == stationarity


def test_dual_shows_f_first_and_names_the_inner_multiplier():
    r = Problem.minimize("(y - 1)^2").subject_to("y >= 3").dual()
    text = lines(r)
    assert text[2] == "   L = (y - 1)² + μ₁·(3 - y)"
    assert text[4] == "   2y - 2 - μ₁ = 0"
    assert text[10] == (
        "6. Dual problem: maximize q = 2μ₁ - 0.25μ₁² over the domain, by its own KKT"
        " conditions below: the multiplier ν₁ belongs to its constraint μ₁ ≥ 0"
        " (a new letter, since the primal's multiplier is now the variable)"
    )
    assert lines(r, "ko")[10] == (
        "6. 쌍대 문제: 정의역에서 q = 2μ₁ - 0.25μ₁²를 최대화한다. 아래의 KKT 조건으로"
        " 풀며, 제약 μ₁ ≥ 0의 승수는 ν₁이다 (원래 문제의 승수가 이제 변수이므로 새"
        " 문자를 쓴다)"
    )
    two = Problem.minimize("x^2 + y^2").subject_to("x + y >= 1", "x >= 0").dual()
    assert any(
        line.endswith(
            "the multipliers ν₁, ν₂ belong to its constraints μ₁ ≥ 0, μ₂ ≥ 0"
            " (new letters, since the primal's multipliers are now the variables)"
        )
        for line in lines(two)
    )


def test_tangency_fills_the_formulas_of_its_quoted_phrase():
    text = lines(Problem.maximize("x + y").subject_to("x^2 + y^2 == 1").solve())
    tangency = next(line for line in text if "Tangency form" in line)
    assert tangency.endswith(
        "for a maximum (solved as min -f) this λ equals the Lagrangian's λ"
    )


def test_ridge_penalized_form_lists_the_squared_errors_first():
    X = [[1, 0], [0, 1], [1, 1]]
    text = lines(ridge(X, [1, 2, 2], lam=1))
    assert text[2] == "   (1 - β₁)² + (2 - β₂)² + (2 - β₁ - β₂)² + λ·(β₁² + β₂²)"


def test_json_names_the_free_parameter_of_a_multiplier_family():
    s = Problem.minimize("x^2 + y^2").subject_to("x + y == 2", "2*x + 2*y == 4")
    solution = s.solve()
    data = solution.to_data()
    family = {"parameters": {"lambda_2": "Reals"}, "free_in": ["multipliers"]}
    assert data["optimum"]["multipliers"] == {
        "lam1": "-2*lambda_2 - 2",
        "lam2": "lambda_2",
    }
    assert data["optimum"]["family"] == family
    assert [kp["family"] for kp in data["kkt_points"]] == [family]
    assert "7. Infinitely many solutions: λ₂ in ℝ" in lines(solution)
    # Every value of the parameter gives multipliers that satisfy stationarity.
    (lam2,) = symopt.symbols("lambda_2")
    lam1 = symopt.parse(data["optimum"]["multipliers"]["lam1"])
    assert sympy.expand(2 * 1 + lam1 + 2 * lam2) == 0
    assert solution.check()


def test_json_family_of_points_and_a_unique_point():
    s = Problem.minimize("x + y").subject_to("x + y >= 1", "x >= 0", "y >= 0").solve()
    assert s.to_data()["optimum"]["family"] == {
        "parameters": {"y": "Interval(0, 1)"},
        "free_in": ["points"],
    }
    unique = Problem.minimize("(y - 1)^2").subject_to("y >= 3").solve().to_data()
    assert unique["optimum"]["family"] is None
    assert [kp["family"] for kp in unique["kkt_points"]] == [None]
