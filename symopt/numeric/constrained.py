"""Descent under constraints: projected descent and descent-ascent.

For ``min f`` subject to ``g_i(x) <= 0`` and ``h_j(x) = 0``:

- projected descent takes a plain step and returns to the feasible set by
  its closest-point map, which has a closed form for a box, a half-space
  ``a.x <= b`` and a ball ``|x - c| <= r``;
- primal-dual descent-ascent iterates on the Lagrangian
  ``L = f + sum mu_i g_i + sum lambda_j h_j``: down in ``x`` along
  ``grad_x L``, up in the multipliers along ``g_i`` and ``h_j``, clipping
  ``mu_i >= 0``. Its fixed points are exactly the KKT points.

Both are measured against the exact KKT point and multipliers.
"""

import numpy as np
import sympy
from sympy import Max, Min

from ..errors import InputError, SolveError, shorten
from ..parsing import exact, symbol
from ..tidy import written_sum
from .engine import Method

__all__ = ["constraint_forms", "projected_method", "primal_dual_method", "kkt_target"]


def constraint_forms(constraints, f=0):
    """Relations as ``(inequalities g_i <= 0, equalities h_j = 0)``, in the
    order and form :class:`symopt.Problem` uses for its multipliers."""
    from ..optimize import Problem

    if isinstance(constraints, (str, sympy.Basic)):
        constraints = [constraints]
    problem = Problem.minimize(f).subject_to(*constraints)
    if problem.strict:
        raise InputError(
            f"strict inequality {shorten(problem.strict[0])} < 0 has no closest "
            "point; write it with <= or >="
        )
    return list(problem.inequalities), list(problem.equalities)


# Projected descent.


def projected_method(f, variables, ineq, eq):
    """Projected descent onto the set ``g_i <= 0``: a box, a half-space or a
    ball. Returns ``(method, kind)``."""
    if eq:
        raise InputError(
            "projected descent handles inequality constraints only "
            "(a box, a half-space or a ball); use --method primal-dual for "
            f"the equality {shorten(eq[0])} = 0"
        )
    grad = tuple(sympy.diff(f, v) for v in variables)
    signs = tuple(-1 for _ in variables)
    for kind, build in (("box", _box), ("halfspace", _halfspace), ("ball", _ball)):
        projection = build(ineq, variables)
        if projection is not None:
            floats, exacts = projection
            method = Method("projected", tuple(variables), grad, signs, floats, exacts)
            return method, kind
    raise InputError(
        "projected descent needs a closed-form projection: bounds on single "
        "variables (a box), one linear inequality (a half-space) or one "
        f"|x - c|^2 <= r^2 (a ball); got {shorten(', '.join(map(str, ineq)))} "
        "<= 0. Use --method primal-dual"
    )


def _linear(g, variables):
    try:
        poly = sympy.Poly(g, *variables)
    except sympy.PolynomialError:
        return None
    if poly.total_degree() != 1:
        return None
    a = [poly.coeff_monomial(v) for v in variables]
    return a, -poly.coeff_monomial(1)  # a.x <= b


def _box(ineq, variables):
    lo = [None] * len(variables)
    hi = [None] * len(variables)
    for g in ineq:
        lin = _linear(g, variables)
        if lin is None or sum(1 for c in lin[0] if c != 0) != 1:
            return None
        a, b = lin
        i = next(i for i, c in enumerate(a) if c != 0)
        bound = b / a[i]
        if a[i] > 0:
            hi[i] = bound if hi[i] is None else Min(hi[i], bound)
        else:
            lo[i] = bound if lo[i] is None else Max(lo[i], bound)
    flo = np.array([-np.inf if v is None else float(v) for v in lo])
    fhi = np.array([np.inf if v is None else float(v) for v in hi])

    def floats(X):
        return np.clip(X, flo, fhi)

    def exacts(x):
        out = []
        for v, low, high in zip(x, lo, hi):
            v = v if low is None else Max(v, low)
            out.append(v if high is None else Min(v, high))
        return tuple(out)

    return floats, exacts


def _halfspace(ineq, variables):
    if len(ineq) != 1:
        return None
    lin = _linear(ineq[0], variables)
    if lin is None:
        return None
    a, b = lin
    norm2 = sum(c**2 for c in a)
    fa, fb, fn = np.array([float(c) for c in a]), float(b), float(norm2)

    def floats(X):
        excess = np.maximum(X @ fa - fb, 0.0)
        return X - (excess / fn)[:, None] * fa

    def exacts(x):
        excess = Max(sum(c * v for c, v in zip(a, x)) - b, 0)
        return tuple(v - excess / norm2 * c for v, c in zip(x, a))

    return floats, exacts


def _ball(ineq, variables):
    if len(ineq) != 1:
        return None
    g = sympy.expand(ineq[0])
    try:
        poly = sympy.Poly(g, *variables)
    except sympy.PolynomialError:
        return None
    hessian = sympy.hessian(g, variables)
    k = hessian[0, 0] / 2
    if poly.total_degree() != 2 or hessian != 2 * k * sympy.eye(len(variables)):
        return None
    if not k > 0:
        return None
    centre = [-poly.coeff_monomial(v) / (2 * k) for v in variables]
    r2 = -g.xreplace(dict(zip(variables, centre))) / k
    if not r2 > 0:
        return None
    fc, fr = np.array([float(c) for c in centre]), float(sympy.sqrt(r2))
    radius = sympy.sqrt(r2)

    def floats(X):
        offset = X - fc
        dist = np.linalg.norm(offset, axis=1)
        scale = np.where(dist > fr, fr / np.where(dist > 0, dist, 1.0), 1.0)
        return fc + offset * scale[:, None]

    def exacts(x):
        d2 = sum((v - c) ** 2 for v, c in zip(x, centre))
        if d2 <= r2:
            return tuple(x)
        scale = radius / sympy.sqrt(d2)
        return tuple(c + (v - c) * scale for v, c in zip(x, centre))

    return floats, exacts


# Primal-dual descent-ascent.


def multiplier_symbols(ineq, eq, f=0):
    """``(mus, lams)``: the symbols :class:`symopt.Problem` gives the
    multipliers (``mu_1, ...`` for the inequalities, ``lambda_1, ...`` for
    the equalities, shown μ₁ and λ₁; ``nu``, ``kappa`` when the variables
    take those names)."""
    from ..optimize import Problem

    relations = [sympy.Le(g, 0, evaluate=False) for g in ineq]
    relations += [sympy.Eq(h, 0, evaluate=False) for h in eq]
    lams, mus = Problem.minimize(f).subject_to(*relations).multiplier_symbols()
    return mus, lams


def multiplier_keys(mus, lams):
    """The multipliers' names in data, as ``symopt solve`` has them:
    ``{mu_1: "mu1", lambda_1: "lam1", ...}``."""
    keys = {m: f"mu{i}" for i, m in enumerate(mus, 1)}
    return keys | {lam: f"lam{j}" for j, lam in enumerate(lams, 1)}


def _named(name, mus, lams):
    """The multiplier a user means by ``mu1`` or ``mu_1``, else None."""
    for s, key in multiplier_keys(mus, lams).items():
        if str(name) in (key, s.name):
            return s
    return None


def primal_dual_method(f, variables, ineq, eq, rho=0):
    """Descent in ``x`` and ascent in the multipliers on the Lagrangian,
    augmented by ``rho/2 sum h_j^2`` when ``rho > 0``.

    The penalty vanishes with its gradient wherever ``h = 0``, so the fixed
    points are the KKT points either way; it adds curvature across the
    constraints, which descent-ascent needs where f is not convex there.
    """
    mus, lams = multiplier_symbols(ineq, eq, f)
    # Shown as written, f first: L = f + μ₁·g₁ + ... + λ₁·h₁ + ... .
    terms = [f, *(m * g for m, g in zip(mus, ineq))]
    terms += [lam * h for lam, h in zip(lams, eq)]
    if rho:
        terms.append(rho / 2 * sum(h**2 for h in eq))
    shown = written_sum(terms)
    lagrangian = sympy.Add(*terms)
    n, p = len(variables), len(mus)
    field = (
        tuple(sympy.diff(lagrangian, v) for v in variables) + tuple(ineq) + tuple(eq)
    )
    signs = (-1,) * n + (1,) * (p + len(lams))

    def floats(X):
        X[:, n : n + p] = np.maximum(X[:, n : n + p], 0.0)
        return X

    def exacts(x):
        return x[:n] + tuple(Max(m, 0) for m in x[n : n + p]) + x[n + p :]

    state = tuple(variables) + mus + lams
    method = Method("primal_dual", state, field, signs, floats, exacts)
    return method, shown


def kkt_target(f, variables, ineq, eq, *, constraints, kkt=None, near=None):
    """The exact KKT point and multipliers, as ``{symbol: value}``.

    Given as ``kkt`` ({name: value}, multipliers named ``mu1``/``lam1`` as
    ``symopt solve`` reports them, or by their symbols), or solved by
    :class:`symopt.Problem`.
    """
    mus, lams = multiplier_symbols(ineq, eq, f)
    wanted = tuple(variables) + mus + lams
    keys = multiplier_keys(mus, lams)
    if kkt is not None:
        values = {}
        for k, v in kkt.items():
            s = _named(k, mus, lams) or (symbol(k) if isinstance(k, str) else k)
            values[s] = exact(v)
        missing = [keys.get(s, s.name) for s in wanted if s not in values]
        if missing:
            raise InputError(
                f"the KKT point must give {', '.join(missing)} as well "
                "(multipliers are named mu1, mu2, ... and lam1, ...)"
            )
        return {s: values[s] for s in wanted}
    return _solve_kkt(f, variables, constraints, wanted, keys, near)


def _solve_kkt(f, variables, constraints, wanted, keys, near):
    from ..optimize import Problem

    if isinstance(constraints, (str, sympy.Basic)):
        constraints = [constraints]
    solution = Problem.minimize(f).subject_to(*constraints).solve()
    candidates = [
        kp
        for kp in solution.kkt_points
        if kp.multipliers is not None and all(v in kp.point for v in variables)
    ]
    if solution.status != "optimal" or not candidates:
        raise SolveError(
            f"the problem has no exact KKT point to compare with "
            f"(status {solution.status}); give one with --optimum NAME=VALUE"
        )
    optimal = [kp for kp in candidates if kp.point in solution.optimum.points]
    pool = optimal or candidates
    best = pool[0]
    if near is not None and len(pool) > 1:
        best = min(pool, key=lambda kp: _gap(kp.point, variables, near))
    names = {key: s for s, key in keys.items()}
    multipliers = {names[k]: v for k, v in best.multipliers.items() if k in names}
    return {**{v: best.point[v] for v in variables}, **multipliers}


def _gap(point, variables, near):
    return sum((float(point[v]) - float(n)) ** 2 for v, n in zip(variables, near))


def multiplier_estimates(f, variables, ineq, points, lr):
    """The multipliers each projection reveals: the projection moved the
    plain step ``y`` to ``x``, and ``y - x = lr * sum_i mu_i grad g_i(x)``
    over the constraints active at ``x`` (least squares; inactive ones 0).
    At a fixed point this is the KKT stationarity condition."""
    from .compile import compile_function, compile_gradient

    grad_f = compile_gradient(f, variables)
    grads = [compile_gradient(g, variables) for g in ineq]
    values = [compile_function(g, variables) for g in ineq]
    estimates = np.zeros((len(points), len(ineq)))
    for k in range(1, len(points)):
        x, before = points[k], points[k - 1]
        moved = before - lr * grad_f(before) - x
        active = [i for i, g in enumerate(values) if abs(g(x)) < 1e-9]
        if not active or not np.any(moved):
            continue
        normals = np.column_stack([grads[i](x) for i in active]) * lr
        solution, *_ = np.linalg.lstsq(normals, moved, rcond=None)
        estimates[k, active] = solution
    return estimates


def update_rules(method, alpha, *, project=True):
    """The update as equations in ``x_k``: ``x_{k+1} = ...``.

    The projection is written out when it is a formula of the step (a box's
    clipping, a half-space's correction, the clip ``mu >= 0``); a ball's
    projection is a case split, left to the sentence that states it.
    """
    from .run import iterate

    if not project:
        return []
    now = {s: iterate(s, "k") for s in method.state}
    field = [e.xreplace(now) for e in method.field_exprs]
    step = tuple(
        now[s] + sign * alpha * value
        for s, sign, value in zip(method.state, method.signs, field)
    )
    if method.project_exact is not None:
        step = method.project_exact(step)
    return [
        sympy.Eq(iterate(s, "k+1"), value, evaluate=False)
        for s, value in zip(method.state, step)
    ]


def descend_constrained(
    f, start, *, lr, steps, tol, constraints, method, kkt, exact_steps, rho=0
):
    """Projected descent or descent-ascent, as a :class:`Run`."""
    from .descent import read_start
    from .engine import run_exact, run_float
    from .run import ALPHA, Run, step_size

    ineq, eq = constraint_forms(constraints, f)
    if not ineq and not eq:
        raise InputError(
            f"method {method} needs constraints (--subject-to 'y >= 3'); "
            "use --method gd without them"
        )
    if method == "gd":
        method = "primal-dual" if eq else "projected"
    rho = exact(rho)
    if rho < 0 or (rho and (method != "primal-dual" or not eq)):
        raise InputError(
            f"rho = {shorten(rho)} needs rho >= 0, method primal-dual and "
            "equality constraints (it augments L with rho/2 sum h^2)"
        )
    mus, lams = multiplier_symbols(ineq, eq, f)
    given = dict(start)
    duals = {}
    for k in list(given):
        s = _named(k, mus, lams)
        if s is not None:
            duals[s] = exact(given.pop(k))
    free = set().union(*(c.free_symbols for c in ineq + eq))
    variables, x0 = read_start(given, f, extra=free)
    extra = []
    if method == "projected":
        m, kind = projected_method(f, variables, ineq, eq)
        kind_name = f"descent_set_{kind}"
        params = {**step_size(lr), "kind": kind_name}
        params["relations"] = update_rules(m, ALPHA, project=kind != "ball")
        extra.append(("descent_update_projected", (), params))
        feasible = [sympy.Le(g, 0) for g in ineq]
        extra.append((f"descent_projection_{kind}", (), {"relations": feasible}))
    else:
        m, lagrangian = primal_dual_method(f, variables, ineq, eq, rho)
        x0 = x0 + tuple(duals.get(s, sympy.Integer(0)) for s in mus + lams)
        L = sympy.Eq(sympy.Symbol("L"), lagrangian, evaluate=False)
        extra.append(("descent_lagrangian", (), {"relations": [L]}))
        params = {**step_size(lr), "relations": update_rules(m, ALPHA)}
        extra.append(("descent_update_primal_dual", (), params))

    trace = run_float(m, x0, lr, steps=steps, tol=tol)
    states, stop = run_exact(m, x0, lr, steps=min(exact_steps, len(trace.points) - 1))
    if stop == "cap" and len(states) == len(trace.points):
        stop = "all"
    n = len(variables)
    near = None if trace.status == "diverged" else trace.points[-1][:n]
    solved = kkt_target(
        f, variables, ineq, eq, constraints=constraints, kkt=kkt, near=near
    )
    target = tuple(solved[s] for s in m.state)
    multipliers = {s: solved[s] for s in mus + lams if s not in m.state}
    path = None
    if method == "projected":
        path = multiplier_estimates(f, variables, ineq, trace.points, float(lr))
    return Run(
        method=m.name,
        objective=f,
        variables=variables,
        state=m.state,
        lr=lr,
        start=x0,
        trace=trace,
        exact=states,
        exact_stop=stop,
        target=target,
        optimum_source="kkt",
        tol=tol,
        constraints=tuple(ineq) + tuple(eq),
        extra_steps=extra,
        multipliers=multipliers,
        multiplier_path=path,
        keys=multiplier_keys(mus, lams),
    )
