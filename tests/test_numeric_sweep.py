"""The step-size sweep agrees with the exact theory and with single runs."""

import json

import numpy as np
import pytest
from sympy import Rational

from symopt import descend, parse, render, sweep
from symopt.errors import InputError
from symopt.numeric.sweep import parse_range

LECTURE = parse("(1.5w - 0.5)^2")


def test_sweep_splits_at_two_over_L():
    lrs = parse_range("0.05:0.5:10")
    s = sweep(LECTURE, {"w": 0.8}, lrs)
    assert s.max_stable_lr == Rational(4, 9)
    converged = [bool(st == "converged") for st in s.status]
    assert converged == [lr < 4 / 9 for lr in lrs]
    assert list(s.status[-2:]) == ["diverged", "diverged"]
    assert s.predicted[3] == Rational(1, 10)


def test_sweep_steps_match_single_runs():
    lrs = [0.1, 0.2, 0.3, 0.4]
    s = sweep(LECTURE, {"w": 0.8}, lrs, tol=1e-10)
    for lr, k in zip(lrs, s.iterations):
        run = descend(LECTURE, {"w": 0.8}, lr=lr, steps=int(k), exact_steps=0)
        assert run.errors[-1] < 1e-10 <= run.errors[-2]


def test_sweep_observed_ratio_near_prediction():
    s = sweep(LECTURE, {"w": 0.8}, [0.1, 0.3])
    np.testing.assert_allclose(s.observed, [0.55, 0.35], rtol=0.05)


def test_sweep_json_and_text():
    s = sweep(LECTURE, {"w": 0.8}, [0.2, 0.5])
    data = json.loads(render(s, "json"))
    assert data["max_stable_lr"] == "4/9"
    assert data["sweep"][0]["converged"] is True
    assert data["sweep"][0]["predicted"] == "1/10"
    assert data["sweep"][1]["status"] == "diverged"
    assert "diverged" in render(s, "text")
    assert "발산" in render(s, "text", lang="ko")


def test_bad_ranges_are_named():
    with pytest.raises(InputError, match="START:STOP:COUNT"):
        parse_range("0.1-0.5")
    with pytest.raises(InputError, match="0 < START <= STOP"):
        parse_range("0.5:0.1:3")


def test_given_optimum_is_read_by_name_not_by_order():
    f = parse("x^2 + 10(y - 1)^2")
    given = sweep(f, {"x": 1, "y": 0}, [0.01, 0.05], optimum={"y": 1, "x": 0})
    solved = sweep(f, {"x": 1, "y": 0}, [0.01, 0.05])
    assert given.target == solved.target == (0, 1)
    assert given.iterations.tolist() == solved.iterations.tolist()
    assert list(given.status) == ["converged", "converged"]
    with pytest.raises(InputError, match="exactly the variables x, y"):
        sweep(f, {"x": 1, "y": 0}, [0.01], optimum={"z": 1, "x": 0})


def test_step_size_at_two_over_L_is_never_not_not_yet():
    f = parse("x^2 + 10(y - 1)^2")
    s = sweep(f, {"x": 1, "y": 0}, [0.05, 0.1], steps=1000)
    assert s.max_stable_lr == Rational(1, 10) and s.predicted[1] == 1
    assert list(s.status) == ["converged", "max_steps"]
    (table_step,) = [t for t in s.derivation.steps if t.table is not None]
    assert table_step.rule == "descent_sweep_table"
    assert table_step.params["tol"] == "1e-10"
    assert [row[1] for row in table_step.table.rows] == ["converged", "descent_never"]
    text = render(s)
    assert "came within 1e-10 of the exact minimizer" in text
    assert "never" in text and "not yet" not in text


def test_sweep_without_minimizer_has_no_ratio_column():
    s = sweep(parse("softplus(w) - w/2 + relu(w)^2"), {"w": 1}, [0.1, 1])
    assert s.target is None
    (step,) = s.derivation.steps
    assert step.rule == "descent_sweep_moved"
    assert step.table.columns == (
        "descent_col_lr",
        "descent_col_status",
        "descent_col_steps",
    )
    assert "—" not in render(s)
    local = sweep(parse("x^4 + x^2"), {"x": 1}, [0.1])
    assert local.derivation.steps[0].rule == "descent_stable_local"
