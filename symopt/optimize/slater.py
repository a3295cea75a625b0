"""Slater's condition: a convex problem with a strictly feasible point.

A strictly feasible point (every ``g_i(x) < 0``, every ``h_j(x) = 0``) is
looked for on a small grid of rational points around the primal optimum,
along the affine set ``h = 0``. When none is found, symopt tries to show that
none exists: if ``min g_i`` over the other constraints is ``>= 0`` for some i,
no point makes ``g_i`` negative.
"""

from itertools import product

import sympy

from .convexity import affine, convex
from .exact import Family, real_solutions, sign

__all__ = ["slater"]

_OFFSETS = (0, 1, -1, 2, -2, 3, -3)


def slater(ctx, d, primal):
    """Decide Slater's condition and add its steps; returns a SlaterResult."""
    from .duality import SlaterResult

    is_convex = _convexity(ctx, d)
    point = _strict_point(ctx, primal)
    if point is not None:
        values = tuple(sympy.Lt(g.subs(point), 0, evaluate=False) for g in ctx.g)
        d.add("slater_point", relations=values, point=point)
    elif ctx.m and _none_exists(ctx):
        d.add("slater_no_point")
        return SlaterResult(False, is_convex, None)
    else:
        d.add("slater_unknown_point")
    if point is not None and is_convex:
        holds = True
    elif is_convex is False:
        holds = False
    else:
        holds = None
    d.add("slater_verdict", verdict=f"slater_{holds}".lower())
    return SlaterResult(holds, is_convex, point)


def _convexity(ctx, d):
    x = ctx.x
    f_convex = convex(ctx.f, x)
    g_convex = [convex(g, x) for g in ctx.g]
    h_affine = all(affine(h, x) for h in ctx.h)
    parts = [f_convex] + g_convex
    if not h_affine or any(p is False for p in parts):
        result = False
    elif any(p is None for p in parts):
        result = None
    else:
        result = True
    d.add(
        "slater_convexity",
        f=ctx.f,
        f_convex=f"yes_{f_convex}".lower(),
        g_convex=f"yes_{all(g_convex) if None not in g_convex else None}".lower(),
        h_affine=f"yes_{h_affine}".lower(),
    )
    return result


def _centre(ctx, primal):
    if primal.optimum is None:
        return {v: 0 for v in ctx.x}
    point = primal.optimum.points[0]
    return {v: sympy.floor(point[v]) if point[v].is_number else 0 for v in ctx.x}


def _strict_point(ctx, primal):
    centre = _centre(ctx, primal)
    if ctx.h:
        try:
            sols = real_solutions(ctx.h, ctx.x)
        except NotImplementedError:
            return None
        if not sols:
            return None
        sol = sols[0]
        free = sorted(set().union(*(v.free_symbols for v in sol.values())), key=str)
        if not isinstance(sol, Family):
            return sol if _strict(ctx, sol) else None
    else:
        sol = {v: v for v in ctx.x}
        free = list(ctx.x)
    free = free[:3]
    offsets = sorted(
        product(_OFFSETS, repeat=len(free)), key=lambda o: sum(map(abs, o))
    )
    for offset in offsets:
        values = {v: centre.get(v, 0) + o for v, o in zip(free, offset)}
        point = {v: sympy.expand(sol[v].subs(values)) for v in ctx.x}
        if _strict(ctx, point):
            return point
    return None


def _strict(ctx, point):
    if any(sign(sympy.expand(h.subs(point))) != 0 for h in ctx.h):
        return False
    if any(sign(g.subs(point)) != -1 for g in ctx.g + ctx.strict):
        return False
    return True


def _none_exists(ctx):
    from .kkt import solve_exact
    from .problem import Problem

    for i, g in enumerate(ctx.g):
        others = [c for k, c in enumerate(ctx.problem.inequality_relations) if k != i]
        aux = Problem.minimize(g, variables=ctx.x).subject_to(
            *others, *ctx.problem.equality_relations
        )
        solution = solve_exact(aux)
        if solution.status == "optimal" and sign(solution.optimum.value) in (0, 1):
            return True
    return False
