"""From candidate points to an outcome: optimal, unbounded, infeasible, none.

Which candidate is optimal is decided by one of four tests, and the
derivation says which: on a compact feasible set the values are compared
(Weierstrass: every extremum is a KKT point or an irregular point); for a
convex problem every KKT point is a global minimum; with equalities only the
bordered Hessian classifies each point locally; otherwise the best candidate
is reported, assuming a minimum exists.
"""

from itertools import combinations

import sympy

from ..derivation import Derivation, Table
from ..errors import SolveError, shorten
from .convexity import (
    affine,
    bounded_polyhedron,
    compact,
    convex,
    positive_variables,
)
from .exact import sign
from .kkt import covers, same_values, tidy
from .solution import Optimum, Solution

__all__ = ["conclude"]


def conclude(ctx, d, points, irregular):
    """Decide the status and the optimum; add the closing steps."""
    candidates = points + irregular
    periodic = _periodic(ctx)
    if periodic is not None:
        # SymPy lists one period's stationary points; calling the best of them
        # optimal would be a wrong answer (min x s.t. sin(x) = 0 is unbounded).
        raise SolveError(
            f"{shorten(periodic, 30)} repeats without end, so its stationary points "
            "cannot all be listed and no optimum can be certified exactly; "
            "try symopt descend for a numerical answer"
        )
    if not candidates:
        return _without_candidates(ctx, d, points)
    is_compact = compact(ctx)
    test = _test(ctx, is_compact)
    if test not in ("compact", "convex") and bounded_polyhedron(ctx):
        is_compact, test = True, "compact"
    # A convex problem with a KKT point is bounded below: no ray to look for.
    if not is_compact and not (test == "convex" and points):
        start, ray = _first_ray(ctx, candidates)
        if ray is not None:
            d.add("opt_unbounded", point=start, direction=ray)
            return Solution(ctx.problem, "unbounded", kkt_points=points,
                            irregular=irregular, derivation=d, test="ray")  # fmt: skip
    d.add("opt_global_test", test=f"test_{test}")
    if test == "bordered":
        for kp in candidates:
            kp.kind = bordered_hessian(ctx, d, kp)
        wanted = "local " + ctx.problem.sense
        chosen = [kp for kp in candidates if kp.kind == wanted] or candidates
    else:
        chosen = candidates
    best = _best(ctx, chosen)
    _kinds(ctx, test, candidates, best)
    first = best[0]
    optimum = Optimum(
        points=[kp.point for kp in best],
        value=first.value,
        multipliers=first.multipliers,
        active=first.active,
        regular=first.regular,
    )
    optimum.conditions = {k: v for b in best for k, v in b.conditions.items()}
    d.add("opt_table", table=_table(ctx, candidates))
    # LICQ may fail at a KKT point: it still has multipliers to report.
    rule = "opt_optimum" if first.multipliers is not None else "opt_optimum_irregular"
    d.add(
        rule,
        variables=ctx.x[0] if ctx.n == 1 else sympy.Tuple(*ctx.x),
        points=tuple(
            p[ctx.x[0]] if ctx.n == 1 else sympy.Tuple(*p.values())
            for p in optimum.points
        ),
        value=optimum.value,
        multipliers=ctx.shown(optimum.multipliers) or "-",
        sense=f"sense_{ctx.problem.sense}",
    )
    return Solution(ctx.problem, "optimal", optimum=optimum, kkt_points=points,
                    irregular=irregular, derivation=d, test=test)  # fmt: skip


def _test(ctx, is_compact):
    if is_compact:
        return "compact"
    x = ctx.x
    positive = positive_variables(ctx)
    if convex(ctx.f, x, positive) and all(convex(g, x, positive) for g in ctx.g):
        if all(affine(h, x) for h in ctx.h):
            return "convex"
    if ctx.m == 0 and ctx.p > 0:
        return "bordered"
    return "best"


def _periodic(ctx):
    """The first trigonometric function of the variables, if any: its
    solutions repeat without end, and SymPy lists those of one period only."""
    exprs = [ctx.f, *ctx.g, *ctx.h]
    trig = (sympy.sin, sympy.cos, sympy.tan)
    for e in exprs:
        for a in e.atoms(*trig):
            if a.free_symbols & set(ctx.x):
                return a
    return None


def _objective(ctx, kp):
    return kp.value if ctx.problem.sense == "min" else -kp.value


def _best(ctx, candidates):
    best = [candidates[0]]
    for kp in candidates[1:]:
        s = sign(_objective(ctx, kp) - _objective(ctx, best[0]))
        if s == -1:
            best = [kp]
        elif s == 0 and not any(same_values(kp.point, b.point) for b in best):
            best.append(kp)
    # A family of optimal points includes the optimal vertices on it.
    families = [b for b in best if b.family]
    return [
        b
        for b in best
        if b.family or not any(covers(f.point, b.point) for f in families)
    ]


def _kinds(ctx, test, candidates, best):
    sense = ctx.problem.sense
    if test == "bordered":
        return
    if test == "compact" and ctx.m == 0:
        values = [kp.value for kp in candidates]
        low = min(values, key=lambda v: sympy.N(v, 30))
        high = max(values, key=lambda v: sympy.N(v, 30))
        for kp in candidates:
            if sign(kp.value - high) == 0:
                kp.kind = "max"
            elif sign(kp.value - low) == 0:
                kp.kind = "min"
            else:
                kp.kind = "neither"
        return
    for kp in candidates:
        if test == "convex" and kp.regular or any(kp is b for b in best):
            kp.kind = sense
        else:
            kp.kind = "kkt"


def _table(ctx, candidates):
    rows = []
    for kp in candidates:
        values = tuple(kp.point.values())
        # One variable: the value itself, not a one-element tuple (3,).
        point = values[0] if ctx.n == 1 else sympy.Tuple(*values)
        multipliers = "-" if kp.multipliers is None else ctx.shown(kp.multipliers)
        rows.append((point, kp.value, multipliers, f"kind_{kp.kind}"))
    return Table(("col_point", "col_value", "col_multipliers", "col_kind"), rows)


def bordered_hessian(ctx, d, kp):
    """Classify an equality-constrained critical point by its bordered Hessian."""
    if kp.multipliers is None:
        # An irregular point has no multipliers, so no Hessian of L to border.
        d.add("opt_bordered_irregular", point=kp.point)
        return "inconclusive"
    n, p = ctx.n, ctx.p
    values = dict(kp.point)
    values.update({lam: kp.multipliers[k] for lam, k in zip(ctx.lams, ctx.lam_keys)})
    jac = sympy.Matrix([[sympy.diff(h, v) for v in ctx.x] for h in ctx.h])
    hess = sympy.hessian(ctx.L, ctx.x)
    border = sympy.Matrix.vstack(
        sympy.Matrix.hstack(sympy.zeros(p, p), jac),
        sympy.Matrix.hstack(jac.T, hess),
    ).subs(values)
    border = border.applyfunc(tidy)
    minors = [tidy(border[:k, :k].det()) for k in range(2 * p + 1, n + p + 1)]
    signs = [sign(m) for m in minors]
    # For L of min -f or min f: a local minimum of the solved problem.
    local_min = all(s == (-1) ** p for s in signs)
    local_max = all(
        s == (-1) ** (k - p) for s, k in zip(signs, range(2 * p + 1, n + p + 1))
    )
    if local_min and signs:
        kind = "local " + ctx.problem.sense
    elif local_max and signs:
        kind = "local " + ("max" if ctx.problem.sense == "min" else "min")
    elif any(s == 0 or s is None for s in signs):
        kind = "inconclusive"
    else:
        kind = "neither"
    d.add(
        "opt_bordered_hessian",
        relations=(sympy.ImmutableMatrix(border),),
        point=kp.point,
        minors=tuple(minors),
        kind=f"kind_{kind}",
    )
    return kind


def _directions(n):
    for i in range(n):
        for s in (1, -1):
            yield tuple(s if k == i else 0 for k in range(n))
    for i, j in combinations(range(n), 2):
        for si in (1, -1):
            for sj in (1, -1):
                yield tuple(si if k == i else sj if k == j else 0 for k in range(n))


def _first_ray(ctx, candidates):
    """A feasible start and a direction of descent to -oo, or (None, None).

    Rays are tried from every candidate and from the feasible points found by
    zeroing coordinates of one (the origin among them): along a coordinate
    axis through a candidate the objective may grow while it falls along a
    parallel axis elsewhere (``x^2 y^2 + x - y``).
    """
    starts = []
    for kp in candidates:
        point = kp.point
        if any(getattr(v, "free_symbols", ()) for v in point.values()):
            continue
        starts.append(point)
        for v in ctx.x:
            starts.append({**point, v: sympy.S.Zero})
        starts.append({v: sympy.S.Zero for v in ctx.x})
    seen = []
    for start in starts:
        if start in seen or not _feasible(ctx, start):
            continue
        seen.append(start)
        ray = unbounded_ray(ctx, start)
        if ray is not None:
            return start, ray
    return None, None


def _feasible(ctx, point):
    # sign() decides zero exactly and fast for root objects; simplify does not.
    if not all(sign(sympy.expand(h.subs(point))) == 0 for h in ctx.h):
        return False
    if not all(sign(g.subs(point)) in (0, -1) for g in ctx.g):
        return False
    return all(sign(s_.subs(point)) == -1 for s_ in ctx.strict)


def unbounded_ray(ctx, start):
    """A direction along which the objective falls to -oo, feasibly; or None."""
    t = sympy.Dummy("t", positive=True)
    for direction in _directions(ctx.n):
        if any(_leaves(h, ctx.x, start, direction) for h in ctx.h):
            continue
        ray = {v: start[v] + t * dv for v, dv in zip(ctx.x, direction)}
        if not all(sympy.expand(h.subs(ray)) == 0 for h in ctx.h):
            continue
        if not all(_nonincreasing(g.subs(ray), t) for g in ctx.g + ctx.strict):
            continue
        f = sympy.expand(ctx.f.subs(ray))
        if f.is_polynomial(t):
            poly = sympy.Poly(f, t)
            if poly.degree() >= 1 and sign(poly.LC()) == -1:
                return direction
    return None


def _leaves(h, x, start, direction):
    """True when h = 0 visibly fails a step or two along the ray: a cheap
    numerical filter before the exact expansion, which is slow when the start
    holds root objects."""
    for step in (1, 2):
        moved = {v: start[v] + step * dv for v, dv in zip(x, direction)}
        value = sympy.N(h.subs(moved), 30)
        if value.is_Number and abs(value) > sympy.Float(10) ** -15:
            return True
    return False


def _nonincreasing(expr, t):
    expr = sympy.expand(expr)
    if not expr.is_polynomial(t):
        return False
    coeffs = sympy.Poly(expr, t).all_coeffs()[:-1]
    return all(sign(c) in (0, -1) for c in coeffs)


def _without_candidates(ctx, d, points):
    """No KKT point and no irregular point: infeasible, unbounded, or neither."""
    from .kkt import Context, enumerate_cases
    from .problem import Problem

    aux = Problem.minimize(sum(v**2 for v in ctx.x), variables=ctx.x)
    aux.subject_to(*ctx.problem.constraints)
    aux_ctx = Context(aux)
    scratch = Derivation("opt_kkt")
    from .irregular import irregular_points

    found = enumerate_cases(aux_ctx, scratch)
    found += irregular_points(aux_ctx, scratch, found)
    if not found:
        if ctx.strict:
            d.add("opt_no_kkt_point")
            return Solution(ctx.problem, "no_kkt_point", derivation=d)
        d.add("opt_infeasible", relations=tuple(ctx.problem.constraints))
        return Solution(ctx.problem, "infeasible", derivation=d, test="feasibility")
    start = found[0].point
    ray = unbounded_ray(ctx, start)
    if ray is not None:
        d.add("opt_unbounded", point=start, direction=ray)
        return Solution(ctx.problem, "unbounded", derivation=d, test="ray")
    d.add("opt_no_kkt_point", point=start)
    return Solution(ctx.problem, "no_kkt_point", kkt_points=points, derivation=d)
