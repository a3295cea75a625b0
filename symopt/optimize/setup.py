"""The opening steps of a KKT derivation: normal form, Lagrangian, conditions."""

import sympy

__all__ = ["setup_steps"]


def setup_steps(ctx, d):
    """Add the problem, its normal form, the Lagrangian and the conditions."""
    problem = ctx.problem
    d.add(
        "opt_problem" if problem.constraints else "opt_problem_free",
        relations=tuple(problem.constraints),
        sense=f"sense_{problem.sense}",
        f=problem.original,
    )
    if problem.sense == "max":
        d.add("opt_max_as_min", f=problem.original, neg=ctx.f)
    normal = [sympy.Le(g, 0, evaluate=False) for g in ctx.g]
    normal += [sympy.Eq(h, 0, evaluate=False) for h in ctx.h]
    if normal:
        d.add("opt_normal_form", relations=tuple(normal))
    if ctx.strict:
        domain = tuple(sympy.Lt(s, 0, evaluate=False) for s in ctx.strict)
        d.add("opt_domain", relations=domain)
    d.add(
        "opt_lagrangian",
        relations=(
            sympy.Eq(sympy.Symbol("L"), ctx.written_lagrangian(), evaluate=False),
        ),
    )
    L = sympy.Symbol("L")
    rows = ctx.written_stationarity(range(ctx.m))
    d.add(
        "opt_stationarity",
        relations=tuple(
            sympy.Eq(sympy.Derivative(L, v), row, evaluate=False)
            for v, row in zip(ctx.x, rows)
        ),
    )
    if ctx.m:
        conditions = []
        for mu, g in zip(ctx.mus, ctx.g):
            conditions += [
                sympy.Le(g, 0, evaluate=False),
                sympy.Ge(mu, 0, evaluate=False),
                sympy.Eq(sympy.Mul(mu, g, evaluate=False), 0, evaluate=False),
            ]
        d.add("opt_kkt_conditions", relations=tuple(conditions))
        d.add("opt_enumerate", m=ctx.m, cases=2**ctx.m)
    elif ctx.p:
        _tangency(ctx, d)


def _tangency(ctx, d):
    """The lecture's form grad f = lambda grad h, and how its lambda relates."""
    f = ctx.problem.original
    relations = []
    for v in ctx.x:
        right = sum(
            (lam * sympy.diff(h, v) for lam, h in zip(ctx.lams, ctx.h)),
            sympy.Integer(0),
        )
        relations.append(sympy.Eq(sympy.diff(f, v), right, evaluate=False))
    d.add(
        "opt_tangency",
        relations=tuple(relations),
        relation="opt_same_sign" if ctx.problem.sense == "max" else "opt_opposite_sign",
    )
