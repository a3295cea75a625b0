"""Descent beside exact answers: the lecture's table, exact iterates by an
independent rational recurrence, the rate theory, divergence."""

import json
import re
import warnings
from fractions import Fraction

import numpy as np
import pytest
from sympy import Rational, sqrt

from symopt import descend, parse, render, symbols
from symopt.errors import InputError

w, x, y = symbols("w x y")
LECTURE = "(1.5w - 0.5)^2"


@pytest.fixture(scope="module")
def lecture():
    return descend(parse(LECTURE), {"w": 0.8}, lr=0.2)


def test_lecture_iterates_float_and_exact(lecture):
    assert lecture.points[:4, 0].tolist() == [0.8, 0.38, 0.338, 0.3338]
    exact = [p[0] for p in lecture.exact[:4]]
    assert exact == [Rational(4, 5), Rational(19, 50), Rational(169, 500)] + [
        Rational(1669, 5000)
    ]
    assert lecture.optimum == {w: Rational(1, 3)}
    assert lecture.converged and not lecture.diverged


def test_exact_iterates_follow_an_independent_rational_recurrence(lecture):
    value, lr = Fraction(4, 5), Fraction(1, 5)
    for state in lecture.exact:
        assert state[0] == Rational(value.numerator, value.denominator)
        value = value - lr * (Fraction(9, 2) * value - Fraction(3, 2))


def test_lecture_theory_is_exact(lecture):
    t = lecture.theory
    assert t.eigenvalues == (Rational(9, 2),)
    assert t.predicted == Rational(1, 10)
    assert t.max_stable_lr == Rational(4, 9)
    assert not t.local
    assert lecture.observed_exact == Rational(1, 10)
    assert lecture.observed == pytest.approx(0.1, rel=1e-6)
    assert lecture.derivation.verify()


def test_errors_are_distances_to_the_exact_optimum(lecture):
    k = np.arange(5)
    np.testing.assert_allclose(lecture.errors[:5], (7 / 15) * 0.1**k, rtol=1e-9)


def test_lecture_json_shape(lecture):
    data = json.loads(render(lecture, "json"))
    first = data["iterates"][1]
    assert first == {
        "k": 1,
        "point": {"w": 0.38},
        "exact": {"w": "19/50"},
        "error": pytest.approx(7 / 150),
    }
    assert data["optimum"] == {"w": "1/3"}
    assert data["rate"]["predicted"] == "1/10"
    assert data["rate"]["observed_exact"] == "1/10"
    assert data["max_stable_lr"] == "4/9"
    assert data["converged"] is True
    assert [s["rule"] for s in data["steps"]][-1] == "descent_converged"


@pytest.mark.parametrize("fmt", ["text", "latex", "markdown", "json"])
@pytest.mark.parametrize("lang", ["en", "ko"])
def test_table_renders_in_every_format(lecture, fmt, lang):
    out = render(lecture, fmt, lang=lang, numbers="fraction")
    assert "19/50" in out or r"\frac{19}{50}" in out
    assert "169/500" in out or r"\frac{169}{500}" in out
    assert "0.338" in out


def test_exact_column_is_capped_and_says_so():
    run = descend(parse(LECTURE), {"w": 0.8}, lr=0.2, steps=80, exact_steps=5)
    assert len(run.exact) == 6
    assert run.exact_stop == "cap"
    assert "descent_exact_cap" in run.derivation.rules()
    assert len(run.points) == 81


def test_growing_rationals_stop_by_size():
    run = descend(parse("w^4"), {"w": 1}, lr=0.1, steps=30)
    assert run.exact_stop == "size"
    assert run.exact[1] == (Rational(3, 5),)


def test_divergence_is_detected_and_explained_without_warnings():
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        run = descend(parse(LECTURE), {"w": 0.8}, lr=0.5, steps=2000)
    assert run.diverged and not run.converged
    assert np.all(np.isfinite(run.points))
    assert run.theory.predicted == Rational(5, 4)
    step = run.derivation.steps[-1]
    assert step.rule == "descent_diverged"
    assert step.params["bound"] == Rational(4, 9)
    text = render(run)
    assert "Diverged" in text and "4/9" in text and "nan" not in text


def test_short_divergent_run_is_still_diverged():
    run = descend(parse(LECTURE), {"w": 0.8}, lr=0.5, steps=20)
    assert run.diverged


def test_two_variables_quadratic_theory():
    run = descend(parse("x^2 + 3y^2 + x*y"), {"x": 1, "y": 2}, lr=0.1)
    t = run.theory
    # H = [[2, 1], [1, 6]]: trace 8, determinant 11.
    assert t.eigenvalues == (4 - sqrt(5), 4 + sqrt(5))
    assert t.max_stable_lr == 2 / (4 + sqrt(5))
    assert run.converged
    assert run.observed == pytest.approx(float(t.predicted), rel=1e-3)


def test_non_quadratic_theory_is_local():
    run = descend(parse("x^4 + x^2"), {"x": 1}, lr=0.1)
    assert run.theory.local
    assert run.optimum == {x: 0}
    assert run.theory.predicted == Rational(4, 5)
    assert "descent_hessian_local" in run.derivation.rules()


def test_given_optimum_is_used():
    # softplus'(w) = sigmoid(w), which is 1/2 at w = 0.
    run = descend(parse("softplus(w) - w/2"), {"w": 0.5}, lr=1, optimum={"w": 0})
    assert run.exact_stop == "irrational"
    assert run.optimum == {w: 0}
    assert run.converged and run.optimum_source == "given"


def test_given_optimum_must_be_stationary():
    # A wrong optimum would make every error and the rate wrong.
    message = (
        "the optimum w = 1/4 is not a stationary point: df/dw = -3/8 there, "
        "not 0; give the exact minimizer or drop --optimum to let symopt "
        "solve for it"
    )
    with pytest.raises(InputError, match=f"^{re.escape(message)}$"):
        descend(parse(LECTURE), {"w": 0.8}, lr=0.2, optimum={"w": "1/4"})
    with pytest.raises(InputError, match="exactly the variables w"):
        descend(parse(LECTURE), {"w": 0.8}, lr=0.2, optimum={"x": 0})


def test_bad_inputs_are_named():
    with pytest.raises(InputError, match="step size -1"):
        descend(parse(LECTURE), {"w": 0.8}, lr=-1)
    with pytest.raises(InputError, match="also depends on y"):
        descend(parse("x*y"), {"x": 1}, lr=0.1)
    with pytest.raises(InputError, match="unknown method"):
        descend(parse(LECTURE), {"w": 0.8}, lr=0.1, method="newton")


def test_objective_sympy_cannot_solve_still_runs_and_says_so():
    run = descend(parse("softplus(w) - w/2 + relu(w)^2"), {"w": 1}, lr=0.5, steps=40)
    assert run.optimum is None and run.errors is None
    assert run.exact_stop == "irrational"
    assert "descent_no_optimum" in run.derivation.rules()
    # relu'(0) = 0 convention: the minimizer is w = 0 (softplus' = 1/2 there).
    assert abs(run.points[-1][0]) < 1e-3


def test_descent_on_the_lectures_graph():
    from symopt import Graph

    graph = Graph.from_text("a = 1.5*w; C = (a - 0.5)^2")
    run = descend(graph, {"w": 0.8}, lr=0.2, steps=3)
    assert [p[0] for p in run.exact] == [
        Rational(4, 5),
        Rational(19, 50),
        Rational(169, 500),
        Rational(1669, 5000),
    ]
    assert run.theory.max_stable_lr == Rational(4, 9)


def test_quintic_stationary_point_is_an_exact_root():
    run = descend(parse("x^6/6 - x^2/2 - x"), {"x": 2}, lr=0.05)
    (root,) = run.optimum.values()
    assert root.func.__name__ == "ComplexRootOf" and root.is_real
    assert abs(float(root**5 - root - 1)) < 1e-14
    assert run.converged and run.theory.local
    assert run.observed == pytest.approx(float(run.theory.predicted), rel=1e-3)
    assert run.observed_exact is None


SIGMOID_LOSS = "(sigmoid(w) - 0.9)^2 + (sigmoid(1.5w) - 0.5)^2"


def test_run_without_optimum_shows_step_lengths_and_the_criterion_met():
    run = descend(parse(SIGMOID_LOSS), {"w": 0}, lr=4, tol=1e-10)
    assert run.optimum is None and run.converged
    # One exact step (w1 = 4/5: sigmoid'(0) = 1/4), then exp comes in.
    assert run.exact == [(0,), (Rational(4, 5),)]
    rules = run.derivation.rules()
    assert "descent_exact_irrational_listed" in rules
    assert "descent_exact_irrational" not in rules
    listed = run.derivation.steps[rules.index("descent_exact_irrational_listed")]
    assert [str(r) for r in listed.relations] == ["Eq(w_{0}, 0)", "Eq(w_{1}, 4/5)"]
    table = run.derivation.steps[rules.index("descent_table_moved_floats")].table
    assert table.columns == ("k", "descent_col_float", "descent_col_moved")
    moved = np.abs(np.diff(run.points[:, 0]))
    assert [row[2] for row in table.rows[1:3]] == [f"{m:.3e}" for m in moved[:2]]
    last = run.derivation.steps[-1]
    assert last.rule == "descent_converged_moved"
    assert float(last.params["moved"]) < 1e-10 == float(last.params["tol"])
    assert float(last.params["moved"]) == pytest.approx(moved[-1], rel=1e-3)
    text = render(run)
    assert text.splitlines()[-1] == (
        f"6. Converged at step {len(run.points) - 1}: the last step moved "
        f"{last.params['moved']}, less than the tolerance 1e-10; with no exact "
        "optimum, no distance to it can be given"
    )
    assert "—  —" not in text and " steps" not in text


@pytest.mark.parametrize(
    ("lang", "last"),
    [("en", "10. Not converged by step 1"), ("ko", "10. 1단계까지 수렴하지 않았다")],
)
def test_counts_of_one_read_right(lang, last):
    run = descend(parse("softplus(w) - w/2"), {"w": 0.5}, lr=1, steps=1)
    text = render(run, lang=lang)
    assert text.splitlines()[-1] == last
    assert "1 steps" not in text


def test_contraction_reads_as_the_lecture_writes_it(lecture):
    text = render(lecture)
    assert "   |1 - α·h₁| = 0.1" in text.splitlines()
    assert r"\left|{1 - \alpha h_{1}}\right| &= 0.1" in render(lecture, "latex")
    assert "descent_stable" in lecture.derivation.rules()


def test_local_theory_does_not_promise_exact_convergence():
    run = descend(parse("x^4 + x^2"), {"x": 1}, lr=0.1)
    rules = run.derivation.rules()
    assert "descent_stable_local" in rules and "descent_stable" not in rules
    assert "Near the optimum descent converges" in render(run)
    # Several coordinates: no exact ratio, and no dash standing for it.
    two = descend(parse("x^2 + 10y^2"), {"x": 1, "y": 1}, lr=0.05, steps=5)
    assert two.derivation.steps[-2].rule == "descent_observed_float"
    assert "observed 0.9 in floats\n" in render(two)


def test_no_exact_ratio_away_from_a_quadratic():
    run = descend(parse("x^4 + x^2"), {"x": 1}, lr=0.1)
    assert run.exact_stop == "size" and run.observed_exact is None
    assert run.observed == pytest.approx(0.8, rel=1e-3)
    assert render(run).splitlines()[-2] == (
        "9. Error ratio per step: predicted 0.8, observed 0.8 in floats"
    )


def test_divergence_without_two_over_L_does_not_invent_one():
    run = descend(parse("-w^2"), {"w": 1}, lr=0.5)
    assert run.optimum is None and run.diverged
    assert np.all(np.isfinite(run.points))
    assert run.derivation.steps[-1].rule == "descent_diverged_unexplained"
    last = render(run).splitlines()[-1]
    assert last == f"6. Diverged by step {len(run.points) - 1} with step size 0.5"


def test_no_observed_ratio_is_said_not_dashed():
    for start, steps in (({"w": 0.8}, 0), ({"w": "1/3"}, 3)):
        run = descend(parse(LECTURE), start, lr=0.1, steps=steps)
        assert run.observed is None
        step = run.derivation.steps[-2]
        assert step.rule == "descent_predicted"
        assert step.params["predicted"] == Rational(11, 20)
        assert "—" not in render(run)
