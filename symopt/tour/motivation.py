"""Why constraints need more than ``grad f = 0``: the lecture's motivating case.

Minimizing ``(y - 1)^2`` subject to ``y >= 3``, the point where the gradient
vanishes (``y = 1``) is not feasible, so the minimum sits on the boundary of
the feasible set, where the constraint is active; the KKT conditions find it.
Both points come from :meth:`symopt.Problem.solve`, the feasibility verdict
from exact arithmetic.

>>> from symopt import Problem
>>> m = constrained_motivation(Problem.minimize("(y - 1)^2").subject_to("y >= 3"))
>>> m.free.optimum.points, m.solution.optimum.points
([{y: 1}], [{y: 3}])
>>> [s.rule for s in m.derivation.steps]
['motivation_stationary', 'motivation_infeasible', 'motivation_boundary']
"""

from dataclasses import dataclass

import sympy

from ..derivation import Derivation
from ..errors import SolveError
from ..optimize.problem import Problem

__all__ = ["Motivation", "constrained_motivation"]


@dataclass(frozen=True)
class Motivation:
    """The unconstrained and the constrained solution of one problem, and the
    derivation that compares them."""

    problem: object
    free: object
    solution: object
    derivation: Derivation

    def to_data(self, *, lang="en", numbers="auto"):
        from ..render.json import steps_data

        return {
            "free": self.free.to_data(lang=lang, numbers=numbers)["optimum"],
            "constrained": self.solution.to_data(lang=lang, numbers=numbers)["optimum"],
            "steps": steps_data(self.derivation, lang=lang, numbers=numbers),
        }


def constrained_motivation(problem, *, timeout=None):
    """Compare the stationary point of ``problem``'s objective without its
    constraints with the constrained optimum (both solved exactly)."""
    budget = {} if timeout is None else {"timeout": timeout}
    make = Problem.minimize if problem.sense == "min" else Problem.maximize
    free = make(problem.original, variables=problem.variables).solve(**budget)
    solution = problem.solve(**budget)
    if not (free.optimum and solution.optimum):
        raise SolveError(
            f"the motivating comparison needs both optima of {problem.describe()}"
        )

    given = problem.constraints
    d = Derivation(
        f"motivation_{problem.sense}",
        params={
            "f": problem.original,
            "constraints": given[0] if len(given) == 1 else sympy.Tuple(*given),
        },
    )
    gradient = [sympy.diff(problem.original, v) for v in problem.variables]
    point = free.optimum.points[0]
    d.add(
        "motivation_stationary",
        relations=tuple(sympy.Eq(g, 0) for g in gradient)
        + tuple(sympy.Eq(v, point[v]) for v in problem.variables),
    )

    # Each constraint at the stationary point, decided exactly.
    violated = [
        c
        for c in problem.constraints
        if c.subs(point, simultaneous=True) is sympy.false
    ]
    shown = [
        c.func(c.lhs.subs(point), c.rhs.subs(point), evaluate=False) for c in violated
    ]
    if violated:
        d.add(
            "motivation_infeasible",
            relations=tuple(shown),
            point=_point(point),
            constraint=violated[0],
        )
    else:
        d.add("motivation_feasible", point=_point(point))

    best = solution.optimum
    rule = "motivation_boundary" if best.active else "motivation_interior"
    d.add(
        rule,
        relations=tuple(sympy.Eq(v, best.points[0][v]) for v in problem.variables),
        value=best.value,
    )
    return Motivation(problem, free, solution, d)


def _point(point):
    # One variable reads y = 1; several read as a tuple (x, y) = (1, 2).
    names = tuple(point)
    if len(names) == 1:
        return sympy.Eq(names[0], point[names[0]])
    return sympy.Eq(sympy.Tuple(*names), sympy.Tuple(*point.values()), evaluate=False)
