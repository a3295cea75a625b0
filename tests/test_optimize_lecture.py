"""The lecture's constrained examples (EXAMPLES.md sections 5 to 8), exactly."""

import json

import pytest
import sympy
from sympy import E, Rational, sqrt

import symopt
from symopt import Problem
from symopt.parsing import symbols

x, y, mu_1 = symbols("x y mu_1")


@pytest.fixture(scope="module")
def section5():
    return Problem.minimize("(y - 1)^2").subject_to("y >= 3").solve()


@pytest.fixture(scope="module")
def circle_max():
    return Problem.maximize("x + y").subject_to("x^2 + y^2 == 1").solve()


@pytest.fixture(scope="module")
def bell():
    return Problem.maximize("exp(-(x^2 + y^2))").subject_to("x - y + 1 = 0").solve()


def test_section5_kkt(section5):
    assert section5.status == "optimal"
    assert section5.optimum.points == [{y: 3}]
    assert section5.optimum.value == 4
    assert section5.optimum.multipliers == {"mu1": 4}
    assert section5.optimum.active == [0]
    assert section5.optimum.regular is True
    assert section5.check()
    assert section5.derivation.verify()


def test_section5_rejects_the_unconstrained_minimizer(section5):
    rules = section5.derivation.rules()
    assert "opt_reject_infeasible" in rules
    rejected = [
        s for s in section5.derivation.walk() if s.rule == "opt_reject_infeasible"
    ]
    assert rejected[0].params["point"] == {y: 1}


def test_circle_maximum_and_minimum(circle_max):
    assert circle_max.status == "optimal"
    half = sqrt(2) / 2
    assert circle_max.optimum.points == [{x: half, y: half}]
    assert circle_max.optimum.value == sqrt(2)
    # max f is solved as min -f: L = -f + lambda h, so lambda = grad f / grad h
    assert circle_max.optimum.multipliers == {"lam1": half}
    kinds = {kp.kind: kp for kp in circle_max.kkt_points}
    assert kinds["min"].point == {x: -half, y: -half}
    assert kinds["min"].value == -sqrt(2)
    assert circle_max.test == "compact"
    assert circle_max.check()


def test_circle_tangency_form_is_shown(circle_max):
    step = next(s for s in circle_max.derivation.steps if s.rule == "opt_tangency")
    lam = symbols("lambda_1")[0]
    assert step.relations[0] == sympy.Eq(1, 2 * lam * x, evaluate=False)
    assert step.params["relation"] == "opt_same_sign"


def test_circle_minimize_multiplier_sign():
    s = Problem.minimize("x + y").subject_to("x^2 + y^2 == 1").solve()
    assert s.optimum.points == [{x: -sqrt(2) / 2, y: -sqrt(2) / 2}]
    # L = f + lambda h: grad f = -lambda grad h, so lambda is +sqrt(2)/2 here
    assert s.optimum.multipliers == {"lam1": sqrt(2) / 2}


def test_bell_surface(bell):
    assert bell.status == "optimal"
    assert bell.optimum.points == [{x: Rational(-1, 2), y: Rational(1, 2)}]
    assert bell.optimum.value == sympy.exp(Rational(-1, 2))
    assert bell.optimum.multipliers == {"lam1": E ** Rational(-1, 2)}
    assert bell.test == "bordered"
    assert bell.kkt_points[0].kind == "local max"
    assert bell.check()


def test_rejection_says_which_relation_fails(section5):
    text = symopt.render(section5, "text")
    assert "Rejected: y = 1 violates y ≥ 3, since 1 ≥ 3 is false" in text
    korean = symopt.render(section5, "text", lang="ko")
    assert "기각: y = 1는 y ≥ 3를 위반한다 (1 ≥ 3가 거짓)" in korean
    # A one-variable point is its value in the table, not a tuple (3,).
    assert "\n        3      4       μ₁ = 4  minimum\n" in text


def test_bell_stationarity_keeps_the_exponential_whole(bell):
    # A teacher writes 2x·exp(-x² - y²), not 2x·exp(-x²)·exp(-y²).
    text = symopt.render(bell, "text")
    assert "dL/dx = 2x·exp(-x² - y²) + λ₁" in text
    assert "dL/dy = 2y·exp(-x² - y²) - λ₁" in text
    assert "exp(-x²)·" not in text


def test_duality_example():
    r = Problem.minimize("(y - 1)^2").subject_to("y >= 3").dual()
    assert r.dual_function == 2 * mu_1 - mu_1**2 / 4
    assert r.domain == sympy.Interval(0, sympy.oo)
    assert (r.d_star, r.p_star, r.gap) == (4, 4, 0)
    assert r.multipliers == {"mu1": 4}
    assert r.attained is True
    assert r.slater.holds is True
    assert r.slater.convex is True
    assert r.slater.point == {y: 4}
    assert r.derivation.verify()


@pytest.mark.parametrize("fmt", ["text", "latex", "markdown", "json"])
@pytest.mark.parametrize("lang", ["en", "ko"])
def test_every_format_and_language(section5, circle_max, bell, fmt, lang):
    dual = Problem.minimize("(y - 1)^2").subject_to("y >= 3").dual()
    for result in (section5, circle_max, bell, dual):
        out = symopt.render(result, fmt, lang=lang)
        if fmt == "json":
            assert json.loads(out)["steps"]
            continue
        # every rule id has a phrase in this language: no raw ids leak out
        for prefix in ("opt_", "dual_", "slater_", "kind_", "test_", "sense_"):
            assert prefix not in out
        if lang == "ko":
            assert "라그랑지안" in out


def test_json_round_trips(circle_max):
    data = json.loads(symopt.render(circle_max, "json"))
    assert data["status"] == "optimal"
    assert data["sense"] == "max"
    opt = data["optimum"]
    assert opt["points"] == [{"x": "sqrt(2)/2", "y": "sqrt(2)/2"}]
    assert symopt.parse(opt["value"]) == sqrt(2)
    assert opt["multipliers"] == {"lam1": "sqrt(2)/2"}
    assert opt["regular"] is True
    assert {kp["kind"] for kp in data["kkt_points"]} == {"max", "min"}


def test_dual_function_shown_as_a_teacher_substitutes():
    r = Problem.minimize("(y - 1)^2").subject_to("y >= 3").dual()
    text = symopt.render(r, "text")
    # The problem's own variable, y, is named; L is shown with y replaced.
    assert "inf over y of L: L is a convex quadratic in y" in text
    assert (
        "The minimizing y, as a function of the multipliers\n   y = 0.5μ₁ + 1" in text
    )
    # f first, then the multiplier term, as the lecture writes L.
    assert "   L = (y - 1)² + μ₁·(3 - y)\n" in text
    assert "   2y - 2 - μ₁ = 0\n" in text
    assert "   (0.5μ₁ + 1 - 1)² + μ₁·(3 - (0.5μ₁ + 1)) = 2μ₁ - 0.25μ₁²\n" in text, text
    tex = symopt.render(r, "latex")
    assert (
        r"\left(0.5 \mu_{1} + 1 - 1\right)^{2} + "
        r"\mu_{1} \left(3 - \left(0.5 \mu_{1} + 1\right)\right) "
        r"&= 2 \mu_{1} - 0.25 \mu_{1}^{2}"
    ) in tex
    assert r.derivation.verify()


def test_dual_gap_with_a_negative_optimum_reads_as_written():
    # p* = d* = -1/4: the gap line is p* - d*, not the terms reordered.
    r = Problem.minimize("x^2 + 2*y^2 - x").subject_to("x^2 + y^2 <= 1/4").dual()
    assert (r.p_star, r.d_star, r.gap) == (Rational(-1, 4), Rational(-1, 4), 0)
    assert sympy.cancel(r.dual_function + (mu_1**2 + mu_1 + 1) / (4 * (mu_1 + 1))) == 0
    text = symopt.render(r, "text")
    assert "   -0.25 - (-0.25) = 0\n" in text
    # y* = 0 drops out of the substituted Lagrangian.
    assert (
        "   (1/(2(μ₁ + 1)))² - 1/(2(μ₁ + 1)) + μ₁·((1/(2(μ₁ + 1)))² - 0.25) = " in text
    )
    assert r"-0.25 - \left(-0.25\right) &= 0" in symopt.render(r, "latex")
    assert r.derivation.verify()


def test_dual_domain_of_several_multipliers_reads_as_a_product():
    r = Problem.minimize("x^2 + y^2").subject_to("x + y >= 1", "x - 2*y == 0").dual()
    assert "Domain of q (finite values): [0, ∞) × ℝ" in symopt.render(r, "text")
    assert r.gap == 0


def test_dual_json():
    r = Problem.minimize("(y - 1)^2").subject_to("y >= 3").dual()
    data = json.loads(symopt.render(r, "json", lang="ko"))
    assert data["dual_function"] == "-mu_1**2/4 + 2*mu_1"
    assert data["domain"] == "Interval(0, oo)"
    assert (data["d_star"], data["p_star"], data["gap"]) == ("4", "4", "0")
    assert data["slater"] == {"holds": True, "convex": True, "point": {"y": "4"}}
    assert data["steps"]
