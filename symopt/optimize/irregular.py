"""Points where the constraint qualification (LICQ) fails.

At such points a minimizer need not satisfy the KKT conditions (Fritz John
with a zero objective multiplier), so they are searched for separately: for
each set of active constraints, the points where those constraints hold and
their gradients are linearly dependent (every maximal minor of the Jacobian
vanishes). Affine constraints need no search: for them the KKT conditions
are necessary without any qualification.
"""

from itertools import combinations

import sympy

from .exact import Family, real_solutions
from .kkt import KKTPoint, case_labels, same_values, tidy, violation_params

__all__ = ["irregular_points"]


def irregular_points(ctx, d, kkt_points):
    """Feasible points where LICQ fails, that are not already KKT points."""
    if ctx.m + ctx.p == 0:
        return []
    if all(_affine(c, ctx.x) for c in ctx.g + ctx.h):
        d.add("opt_affine_no_irregular")
        return []
    found = []
    for size in range(0, ctx.m + 1):
        if size + ctx.equality_rank() > ctx.n:
            break
        for active in combinations(range(ctx.m), size):
            if size + ctx.p == 0:
                continue
            for point in _dependent(ctx, active):
                _consider(ctx, d, active, point, kkt_points, found)
    d.add("opt_irregular_summary", count=len(found))
    return found


def _affine(expr, x):
    return expr.is_polynomial(*x) and sympy.Poly(expr, *x).total_degree() <= 1


def _dependent(ctx, active):
    constraints = list(ctx.h) + [ctx.g[i] for i in active]
    rows = [ctx.grad(c).T for c in constraints]
    jac = sympy.Matrix.vstack(*rows)
    k = len(constraints)
    minors = [
        sympy.expand(jac[:, list(cols)].det()) for cols in combinations(range(ctx.n), k)
    ]
    try:
        solutions = real_solutions(constraints + minors, ctx.x)
    except NotImplementedError:
        return []
    return [s for s in solutions if not isinstance(s, Family)]


def _consider(ctx, d, active, point, kkt_points, found):
    point = {v: tidy(point[v]) for v in ctx.x}
    violation = ctx.feasible(point, skip=active)
    if violation is not None:
        d.add(
            "opt_irregular_rejected",
            point=point,
            case=case_labels(ctx, active),
            **violation_params(ctx, violation, point),
        )
        return
    if any(same_values(point, kp.point) for kp in kkt_points + found):
        return
    value = ctx.value(point)
    d.add(
        "opt_irregular_point", point=point, value=value, case=case_labels(ctx, active)
    )
    found.append(
        KKTPoint(
            point=point,
            multipliers=None,
            value=value,
            active=ctx.active_at(point),
            regular=False,
        )
    )
