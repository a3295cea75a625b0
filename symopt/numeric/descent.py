"""Gradient descent with a fixed step size, beside the exact answer.

>>> from symopt.parsing import parse
>>> run = descend(parse("(1.5w - 0.5)^2"), {"w": 0.8}, lr=0.2, steps=3)
>>> [float(p[0]) for p in run.points]
[0.8, 0.38, 0.338, 0.3338]
>>> [p[0] for p in run.exact]
[4/5, 19/50, 169/500, 1669/5000]
>>> run.theory.predicted, run.theory.max_stable_lr, run.optimum
(1/10, 4/9, {w: 1/3})
"""

import sympy

from ..errors import InputError, SolveError, shorten
from ..parsing import exact, symbol
from .compile import gradient
from .engine import Method, run_exact, run_float
from .run import Run
from .theory import minimizer, rate_theory

__all__ = [
    "descend",
    "given_optimum",
    "plain_method",
    "read_start",
    "DEFAULT_TOL",
    "MAX_STEPS",
]

#: Descent methods by the names users write.
METHODS = ("gd", "projected", "primal-dual")

#: Tolerance on the step length when neither steps nor a tolerance is given.
DEFAULT_TOL = 1e-12
#: Most steps a run takes.
MAX_STEPS = 100_000
#: Exact iterates computed by default (rationals grow with every step).
EXACT_STEPS = 50


def descend(
    objective,
    start,
    *,
    lr,
    steps=None,
    tol=None,
    optimum=None,
    subject_to=(),
    method="gd",
    kkt=None,
    rho=0,
    exact_steps=EXACT_STEPS,
    solve_seconds=10,
):
    """Plain gradient descent ``x <- x - lr * grad f(x)`` from ``start``.

    Every iterate is computed twice: in floats (what NumPy gives) and in
    exact rationals with the same update (for the first ``exact_steps``
    steps; rationals grow, so later ones are omitted and the run says so).
    Each is compared with the exact minimizer, found by solving
    ``grad f = 0`` or given as ``optimum`` ({name: value}), and the run
    states the exact contraction factor ``|1 - lr h|`` per Hessian
    eigenvalue and the largest stable step size ``2 / L``.

    Runs ``steps`` steps, or until a step moves less than ``tol`` (at most
    ``MAX_STEPS``); with neither, until ``DEFAULT_TOL``. A run that blows up
    stops and says so against ``2 / L``.

    With constraints (``subject_to``: relations such as ``"y >= 3"``),
    ``method="projected"`` projects each step onto a box, half-space or ball
    and ``method="primal-dual"`` runs descent-ascent on the Lagrangian;
    both are measured against the exact KKT point and multipliers (solved,
    or given as ``kkt`` with multipliers named ``mu1``, ``lam1``, ...).
    ``rho > 0`` makes descent-ascent run on the augmented Lagrangian
    ``L + rho/2 sum h_j^2``: the same KKT points, but stable where the plain
    Lagrangian is not convex in x (a maximum on a circle, say).
    """
    f = objective_expr(objective)
    rate = _step_size(lr)
    steps, tol = _budget(steps, tol)
    if method not in METHODS:
        raise InputError(
            f"unknown method {shorten(method)}; use one of {', '.join(METHODS)}"
        )
    if subject_to or method != "gd":
        from .constrained import descend_constrained

        return descend_constrained(
            f,
            start,
            lr=rate,
            steps=steps,
            tol=tol,
            constraints=subject_to,
            method=method,
            kkt=kkt,
            rho=rho,
            exact_steps=exact_steps,
        )
    if rho:
        raise InputError(
            "rho (the augmented Lagrangian) needs equality constraints; "
            "give them with subject_to (--subject-to 'h == 0') or drop rho"
        )
    variables, x0 = read_start(start, f)
    method = plain_method(f, variables)

    trace = run_float(method, x0, rate, steps=steps, tol=tol)
    exact_states, exact_stop = run_exact(
        method, x0, rate, steps=min(exact_steps, len(trace.points) - 1)
    )
    if exact_stop == "cap" and len(exact_states) == len(trace.points):
        exact_stop = "all"
    target, how = _optimum(f, variables, optimum, trace, solve_seconds)
    theory = None
    if target is not None:
        theory = rate_theory(f, variables, dict(zip(variables, target)), rate)
    return Run(
        method="gd",
        objective=f,
        variables=variables,
        state=variables,
        lr=rate,
        start=x0,
        trace=trace,
        exact=exact_states,
        exact_stop=exact_stop,
        target=target,
        optimum_source=how,
        theory=theory,
        tol=tol,
    )


def objective_expr(objective):
    """An objective as one exact expression; a :class:`symopt.Graph` becomes
    its output node written out in the leaves."""
    nodes = getattr(objective, "nodes", None)
    if isinstance(nodes, dict) and hasattr(objective, "output"):
        expr = objective.output
        for _ in range(len(nodes) + 1):
            expanded = expr.xreplace(nodes)
            if expanded == expr:
                break
            expr = expanded
        return expr
    return exact(objective)


def plain_method(f, variables):
    """Plain descent as an iteration: ``x <- x - lr * grad f``."""
    grad = gradient(f, variables)
    return Method("gd", tuple(variables), grad, tuple(-1 for _ in variables))


def read_start(start, f=None, *, extra=frozenset()):
    """``{name or Symbol: value}`` as (variables, exact start values); every
    symbol of ``f`` (and of ``extra``) needs one."""
    if not isinstance(start, dict) or not start:
        raise InputError(
            f"expected the start point as {{name: value}}, got {shorten(start)}"
        )
    variables, values = [], []
    for key, value in start.items():
        var = symbol(key) if isinstance(key, str) else exact(key)
        if not isinstance(var, sympy.Symbol):
            raise InputError(f"expected a variable name, got {shorten(key)}")
        number = exact(value)
        if not number.is_Rational:
            raise InputError(
                f"start value {var} = {shorten(value)} is not a rational number; "
                "give a decimal or fraction like 0.8 or 4/5"
            )
        variables.append(var)
        values.append(number)
    if f is not None:
        unused = set(variables) - f.free_symbols - set(extra)
        missing = (f.free_symbols | set(extra)) - set(variables)
        if unused:
            names = ", ".join(sorted(s.name for s in unused))
            instead = ", ".join(sorted(s.name for s in missing))
            way_out = (
                f"start from {instead} instead (--from {instead.split(',')[0]}=0)"
                if missing
                else "drop its --from value"
            )
            raise InputError(f"{shorten(f)} does not depend on {names}; {way_out}")
        if missing:
            names = ", ".join(sorted(s.name for s in missing))
            what = shorten(f) if not missing - f.free_symbols else "the problem"
            raise InputError(
                f"{what} also depends on {names}; give a start value for "
                f"each (--from {names.split(',')[0]}=0)"
            )
    return tuple(variables), tuple(values)


def _step_size(lr):
    rate = exact(lr)
    if not (rate.is_Rational and rate > 0):
        raise InputError(
            f"step size {shorten(lr)} must be a positive rational number like 0.2"
        )
    return rate


def _budget(steps, tol):
    if steps is not None and (int(steps) != steps or steps < 0 or steps > MAX_STEPS):
        raise InputError(f"steps {steps} must be a whole number in 0..{MAX_STEPS}")
    if tol is not None and not tol > 0:
        raise InputError(f"tolerance {tol} must be positive, like 1e-10")
    if steps is None:
        return MAX_STEPS, DEFAULT_TOL if tol is None else float(tol)
    return int(steps), None if tol is None else float(tol)


def given_optimum(f, variables, optimum):
    """A user's optimum ({name: value}) in the order of ``variables``,
    checked: one value per variable, and ``grad f = 0`` there (a point that
    is not stationary would make every error and rate below wrong)."""
    values = {
        (symbol(k) if isinstance(k, str) else exact(k)): exact(v)
        for k, v in dict(optimum).items()
    }
    if set(values) != set(variables):
        raise InputError(
            "the optimum must give a value for exactly the variables "
            + ", ".join(v.name for v in variables)
        )
    point = tuple(values[v] for v in variables)
    at = dict(zip(variables, point))
    for v, g in zip(variables, gradient(f, variables)):
        slope = sympy.simplify(g.xreplace(at))
        if slope.is_zero is False:
            shown = ", ".join(f"{u.name} = {shorten(at[u])}" for u in variables)
            raise InputError(
                f"the optimum {shown} is not a stationary point: "
                f"df/d{v.name} = {shorten(slope)} there, not 0; give the exact "
                "minimizer or drop --optimum to let symopt solve for it"
            )
    return point


def _optimum(f, variables, optimum, trace, seconds):
    if optimum is not None:
        return given_optimum(f, variables, optimum), "given"
    near = trace.points[-1] if trace.status != "diverged" else None
    try:
        point = minimizer(f, variables, near=near, seconds=seconds)
    except SolveError:
        # Descent still runs; the run says that no exact optimum was found.
        return None, "none"
    return tuple(point[v] for v in variables), "solved"
