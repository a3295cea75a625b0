"""The outcome of exact solving: status, optimum, KKT points and the steps.

Multipliers follow symopt's convention for ``min f`` s.t. ``g_i <= 0``,
``h_j = 0``: ``L = f + sum mu_i g_i + sum lambda_j h_j`` with ``mu_i >= 0``
(``max f`` is ``min -f``). Keys are ``lam1, lam2, ...`` and ``mu1, mu2, ...``
in the order the constraints were given.
"""

from dataclasses import dataclass, field

import sympy

from ..errors import InputError
from .exact import sign

__all__ = ["Solution", "Optimum", "CheckReport", "STATUSES"]

STATUSES = ("optimal", "infeasible", "unbounded", "no_kkt_point", "timeout")


@dataclass
class Optimum:
    """The best point(s): every optimal point, the value, multipliers, activity."""

    points: list
    value: object
    multipliers: dict | None
    active: list
    regular: bool
    conditions: dict = field(default_factory=dict)  # family parameter -> set


@dataclass
class CheckReport:
    """Which KKT condition, if any, fails at which reported point."""

    failures: list = field(default_factory=list)
    checked: int = 0

    def __bool__(self):
        return not self.failures

    def message(self):
        if not self.failures:
            return f"all four KKT conditions hold at {self.checked} point(s)"
        point, condition, detail = self.failures[0]
        return f"{condition} fails at {point}: {detail}"

    def __repr__(self):
        return f"CheckReport({self.message()})"


class Solution:
    """What :meth:`symopt.Problem.solve` returns."""

    def __init__(self, problem, status, *, optimum=None, kkt_points=(),
                 irregular=(), derivation=None, test=None):  # fmt: skip
        self.problem = problem
        self.status = status
        self.sense = problem.sense
        self.optimum = optimum
        self.kkt_points = list(kkt_points)
        self.irregular_points = list(irregular)
        self.derivation = derivation
        self.test = test

    def __repr__(self):
        value = None if self.optimum is None else self.optimum.value
        return f"<Solution {self.status}: value {value}>"

    def check(self):
        """Verify stationarity, primal and dual feasibility and complementary
        slackness exactly at every KKT point; report the first that fails."""
        problem = self.problem
        L, lams, mus = problem.lagrangian()
        report = CheckReport()
        for kp in self.kkt_points:
            report.checked += 1
            values = dict(kp.point)
            values.update({lam: kp.multipliers[f"lam{j}"]
                           for j, lam in enumerate(lams, 1)})  # fmt: skip
            values.update({mu: kp.multipliers[f"mu{i}"] for i, mu in enumerate(mus, 1)})
            for v in problem.variables:
                residual = sympy.diff(L, v).subs(values)
                if sign(sympy.expand(residual)) not in (0, None):
                    report.failures.append(
                        (kp.point, "stationarity", f"dL/d{v} = {residual}")
                    )
            for i, g in enumerate(problem.inequalities, 1):
                gv = g.subs(kp.point)
                mu = kp.multipliers[f"mu{i}"]
                if sign(gv) == 1:
                    report.failures.append(
                        (kp.point, "primal feasibility", f"g{i} = {gv} > 0")
                    )
                if sign(mu) == -1:
                    report.failures.append(
                        (kp.point, "dual feasibility", f"mu{i} = {mu} < 0")
                    )
                if sign(sympy.expand(mu * gv)) not in (0, None):
                    report.failures.append(
                        (kp.point, "complementary slackness", f"mu{i}*g{i} = {mu * gv}")
                    )
            for j, h in enumerate(problem.equalities, 1):
                hv = h.subs(kp.point)
                if sign(sympy.expand(hv)) not in (0, None):
                    report.failures.append(
                        (kp.point, "primal feasibility", f"h{j} = {hv}")
                    )
        return report

    def multipliers_as(self, tool, point=None):
        """The optimum's multipliers in another tool's sign convention.

        ``tool`` is ``"scipy-trust-constr"``, ``"scipy-slsqp"``, ``"cvxpy"``
        or ``"casadi"``; see docs/optimize.md for the table. Returns a dict
        with the same keys.
        """
        from .conventions import convert

        if point is None:
            if self.optimum is None or self.optimum.multipliers is None:
                raise InputError(
                    f"no multipliers to convert: the status is {self.status!r} "
                    "or the optimum is irregular"
                )
            multipliers = self.optimum.multipliers
        else:
            multipliers = point.multipliers
        directions = [
            "le" if isinstance(r, sympy.Le) else "ge"
            for r in self.problem.inequality_relations
        ]
        return convert(multipliers, tool, directions, len(self.problem.equalities))

    def to_data(self, *, lang="en", numbers="auto"):
        """JSON-able data: every exact value as a string SymPy parses back."""
        from ..render.json import exact_str, steps_data

        def point_data(point):
            return {str(k): exact_str(v) for k, v in point.items()}

        def multipliers_data(m):
            return None if m is None else {k: exact_str(v) for k, v in m.items()}

        def active_data(active):
            relations = self.problem.inequality_relations
            return [exact_str(relations[i]) for i in active]

        def family_data(points, multipliers, conditions):
            # Free parameters: where they occur and the set each ranges over.
            if not conditions:
                return None
            params = set(conditions)
            free_in = []
            if any(v.free_symbols & params - {k} for p in points for k, v in p.items()):
                free_in.append("points")
            if any(v.free_symbols & params for v in (multipliers or {}).values()):
                free_in.append("multipliers")
            return {
                "parameters": {str(k): exact_str(v) for k, v in conditions.items()},
                "free_in": free_in,
            }

        optimum = None
        if self.optimum is not None:
            o = self.optimum
            optimum = {
                "points": [point_data(p) for p in o.points],
                "value": exact_str(o.value),
                "multipliers": multipliers_data(o.multipliers),
                "active": active_data(o.active),
                "regular": o.regular,
            }
            conditions = getattr(o, "conditions", None)
            if conditions:
                optimum["conditions"] = {
                    str(k): exact_str(v) for k, v in conditions.items()
                }
            optimum["family"] = family_data(o.points, o.multipliers, conditions)
        return {
            "status": self.status,
            "sense": self.sense,
            "optimum": optimum,
            "kkt_points": [
                {
                    "point": point_data(kp.point),
                    "multipliers": multipliers_data(kp.multipliers),
                    "value": exact_str(kp.value),
                    "active": active_data(kp.active),
                    "kind": kp.kind,
                    "family": family_data([kp.point], kp.multipliers, kp.conditions),
                }
                for kp in self.kkt_points
            ],
            "irregular_points": [
                {"point": point_data(kp.point), "value": exact_str(kp.value)}
                for kp in self.irregular_points
            ],
            "test": self.test,
            "steps": steps_data(self.derivation, lang=lang, numbers=numbers),
        }


def timed_out(problem, error, timeout):
    """A Solution saying exact solving ran out of time, with the way out."""
    from ..derivation import Derivation
    from ..parsing import exact

    d = Derivation("opt_kkt", params={"sense": f"sense_{problem.sense}",
                                      "f": problem.original})  # fmt: skip
    d.add("opt_timeout", timeout=exact(timeout))
    solution = Solution(problem, "timeout", derivation=d)
    solution.message = str(error)
    return solution
