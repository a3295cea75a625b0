"""The lecture's motivating case: grad f = 0 lands outside the feasible set."""

import pytest
from sympy import Eq, GreaterThan, Integer

from symopt import Problem, symbols
from symopt.render import render
from symopt.tour import tour
from symopt.tour.motivation import constrained_motivation

(y,) = symbols("y")


def test_stationary_point_is_infeasible_and_the_optimum_is_on_the_boundary():
    m = constrained_motivation(Problem.minimize("(y - 1)^2").subject_to("y >= 3"))
    stationary, infeasible, boundary = m.derivation.steps
    assert stationary.relations == (Eq(2 * y - 2, 0), Eq(y, 1))
    (shown,) = infeasible.relations
    assert isinstance(shown, GreaterThan)
    assert (shown.lhs, shown.rhs) == (Integer(1), Integer(3))
    assert boundary.rule == "motivation_boundary"
    assert boundary.relations == (Eq(y, 3),) and boundary.params["value"] == 4
    assert m.free.optimum.value == 0 and m.solution.optimum.multipliers == {"mu1": 4}


def test_a_constraint_that_does_not_bind_says_so():
    m = constrained_motivation(Problem.minimize("(y - 1)^2").subject_to("y >= -2"))
    rules = [s.rule for s in m.derivation.steps]
    assert rules == [
        "motivation_stationary",
        "motivation_feasible",
        "motivation_interior",
    ]
    assert m.derivation.steps[-1].relations == (Eq(y, 1),)


def test_the_tour_follows_its_inputs():
    text = tour("constrained_minimum", constrained_constraint="y >= 5").render()
    assert "1 ≥ 5" in text and "y = 5" in text and "value 16" in text


@pytest.mark.parametrize("lang", ["en", "ko"])
def test_words_in_both_languages(lang):
    m = constrained_motivation(Problem.minimize("(y - 1)^2").subject_to("y >= 3"))
    text = render(m, "text", lang=lang)
    assert ("허용 영역" in text) == (lang == "ko")
    assert "1 ≥ 3" in text and "y = 3" in text
