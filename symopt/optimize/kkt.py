"""KKT points by enumeration of active sets, each case a printable step.

For every set A of inequalities assumed active (``g_i = 0``, ``mu_i`` free
for i in A; ``mu_i = 0`` otherwise) the equations ``grad L = 0``, ``h = 0``,
``g_A = 0`` are solved exactly, and each solution is kept or rejected by exact
sign tests (``mu_i >= 0``, ``g_j <= 0``). The complementarity products are
never handed to a solver: that is exponentially slow. Cases that cannot hold
are pruned before solving.
"""

from dataclasses import dataclass, field
from itertools import combinations
from math import comb

import sympy

from ..derivation import Derivation
from ..render.numbers import ordered_terms
from ..tidy import written_sum
from .exact import Family, real_solutions, sign

__all__ = ["KKTPoint", "solve_exact", "Context"]


@dataclass
class KKTPoint:
    """A candidate point: its multipliers (None if irregular), value, kind."""

    point: dict
    multipliers: dict | None
    value: object
    active: list
    regular: bool = True
    kind: str = "candidate"
    tangency: dict | None = None
    family: bool = False
    conditions: dict = field(default_factory=dict)  # family parameter -> set
    notes: list = field(default_factory=list)


class Context:
    """The problem in the pieces the KKT system needs."""

    def __init__(self, problem):
        self.problem = problem
        self.x = problem.variables
        self.f = problem.objective
        self.g = list(problem.inequalities)
        self.h = list(problem.equalities)
        self.strict = list(problem.strict)
        self.L, self.lams, self.mus = problem.lagrangian()
        self.n, self.p, self.m = len(self.x), len(self.h), len(self.g)
        self.grad_f = [_expanded(sympy.diff(self.f, v)) for v in self.x]
        self.grad_g = [[_expanded(sympy.diff(g, v)) for v in self.x] for g in self.g]
        self.grad_h = [[_expanded(sympy.diff(h, v)) for v in self.x] for h in self.h]
        self.lam_keys = [f"lam{j}" for j in range(1, self.p + 1)]
        self.mu_keys = [f"mu{i}" for i in range(1, self.m + 1)]

    def strictly_convex(self):
        """f strictly convex (constant positive definite Hessian), every g_i
        convex, every h_j affine: then the minimizer is unique."""
        if not hasattr(self, "_strict_convexity"):
            from .convexity import affine, convex

            x = self.x
            hess = sympy.hessian(self.f, x) if self.f.is_polynomial(*x) else None
            pd = (
                hess is not None
                and not hess.free_symbols
                and all(sign(hess[:k, :k].det()) == 1 for k in range(1, self.n + 1))
            )
            self._strict_convexity = (
                pd
                and all(convex(g, x) is True for g in self.g)
                and all(affine(h, x) for h in self.h)
            )
        return self._strict_convexity

    def equality_rank(self):
        """The generic rank of the equalities' Jacobian (p when independent)."""
        if not self.h:
            return 0
        return sympy.Matrix(self.grad_h).rank(simplify=True)

    def stationarity(self, active):
        """grad f + sum over A of mu_i grad g_i + sum lambda_j grad h_j."""
        rows = []
        for k in range(self.n):
            row = self.grad_f[k]
            row += sum((self.mus[i] * self.grad_g[i][k] for i in active), 0)
            row += sum((lam * gh[k] for lam, gh in zip(self.lams, self.grad_h)), 0)
            rows.append(row)
        return rows

    def written_lagrangian(self):
        """L as a teacher writes it: f, then each mu_i g_i, then each lambda_j h_j."""
        return written_sum(
            _terms(self.f)
            + [mu * g for mu, g in zip(self.mus, self.g)]
            + [lam * h for lam, h in zip(self.lams, self.h)]
        )

    def written_stationarity(self, active):
        """The stationarity rows in the Lagrangian's order: grad f first."""
        return [
            written_sum(
                _terms(self.grad_f[k])
                + [self.mus[i] * self.grad_g[i][k] for i in active]
                + [lam * gh[k] for lam, gh in zip(self.lams, self.grad_h)]
            )
            for k in range(self.n)
        ]

    def grad(self, expr):
        return sympy.Matrix([sympy.diff(expr, v) for v in self.x])

    def value(self, point):
        """The original objective (f, not -f) at a point."""
        return tidy(self.problem.original.subs(point))

    def feasible(self, point, skip=()):
        """None if feasible, else (kind, index, value) of the first violation."""
        for i, g in enumerate(self.g):
            if i in skip:
                continue
            v = tidy(g.xreplace(point))
            if sign(v) == 1:
                return ("inequality", i, v)
        for j, h in enumerate(self.h):
            v = tidy(h.xreplace(point))
            if sign(v) not in (0, None):
                return ("equality", j, v)
        for k, s in enumerate(self.strict):
            v = tidy(s.xreplace(point))
            if sign(v) in (0, 1):
                return ("domain", k, v)
        return None

    def shown(self, multipliers):
        """Multipliers keyed by their symbols, for display (lambda_1, mu_1)."""
        keys = dict(zip(self.lam_keys, self.lams)) | dict(zip(self.mu_keys, self.mus))
        return {keys[k]: v for k, v in (multipliers or {}).items()}

    def active_at(self, point):
        return [i for i, g in enumerate(self.g) if sign(tidy(g.xreplace(point))) == 0]

    def licq(self, point, active):
        rows = self.grad_h + [self.grad_g[i] for i in active]
        if not rows:
            return True
        jac = sympy.Matrix(rows).xreplace(point)
        exact_numbers = all(e.is_Rational for e in jac)
        return jac.rank(simplify=not exact_numbers) == len(rows)


def _expanded(expr):
    """Expanded as a teacher writes it: exp(-x^2 - y^2) stays whole, not
    exp(-x^2)·exp(-y^2)."""
    return sympy.expand(expr, power_exp=False)


def tidy(expr):
    """A readable exact form, without slow simplification of root objects."""
    if expr.is_Rational or expr.is_Symbol:
        return expr
    expr = sympy.expand(expr)
    roots = expr.atoms(sympy.CRootOf)
    if len(roots) == 1:
        return _reduce_root(expr, roots.pop())
    if expr.is_Rational or expr.is_polynomial() and not expr.atoms(sympy.Pow):
        return expr
    if expr.has(sympy.CRootOf) or sympy.count_ops(expr) > 200:
        return expr
    expr = sympy.radsimp(expr)
    # Short forms are readable as they are; long ones are worth simplifying.
    return sympy.simplify(expr) if sympy.count_ops(expr) > 12 else expr


def _reduce_root(expr, root):
    """A polynomial in one root object, reduced modulo the root's polynomial
    (``r^6`` becomes ``r^2 + r`` when ``r^5 = r + 1``)."""
    z = sympy.Dummy("z")
    plain = expr.xreplace({root: z})
    if not plain.is_polynomial(z) or plain.free_symbols != {z}:
        return expr
    minpoly = root.poly.as_expr().xreplace({root.poly.gen: z})
    return sympy.expand(sympy.rem(plain, minpoly, z).xreplace({z: root}))


def solve_exact(problem):
    """Solve a :class:`Problem` exactly (the worker behind ``Problem.solve``)."""
    from .conclude import conclude
    from .setup import setup_steps

    ctx = Context(problem)
    sense = f"sense_{problem.sense}"
    d = Derivation("opt_kkt", params={"sense": sense, "f": problem.original})
    setup_steps(ctx, d)
    points = enumerate_cases(ctx, d)
    from .irregular import irregular_points

    irregular = irregular_points(ctx, d, points)
    return conclude(ctx, d, points, irregular)


def enumerate_cases(ctx, d):
    """Every KKT point, one case (active set) at a time."""
    points = []
    infeasible = []  # active sets whose constraints cannot hold together
    # At most n - rank(grad h) inequality gradients can join the equalities'
    # independently; counting equalities instead of their rank would prune
    # real cases when an equality repeats another (x + y = 1, 2x + 2y = 2).
    limit = ctx.n - ctx.equality_rank()
    total = sum(comb(ctx.m, k) for k in range(0, min(ctx.m, max(limit, -1)) + 1))
    order = list(range(ctx.m))
    done = 0
    for size in range(0, ctx.m + 1):
        if size > limit:
            count = sum(comb(ctx.m, k) for k in range(size, ctx.m + 1))
            d.add("opt_pruned_count", count=count, size=size, limit=max(limit, 0))
            break
        for chosen in combinations(order, size):
            active = tuple(sorted(chosen))
            done += 1
            blocked = next((s for s in infeasible if set(s) <= set(active)), None)
            if blocked is not None:
                d.add(
                    "opt_pruned_infeasible",
                    case=case_labels(ctx, active),
                    subset=case_labels(ctx, blocked),
                )
                continue
            case = Derivation("opt_case", params={"case": case_labels(ctx, active)})
            found = _solve_case(ctx, case, active, infeasible)
            if ctx.m:
                d.add("opt_case_step", sub=(case,), index=_count(d) + 1)
            else:  # equalities only: one system, no cases
                d.extend(case)
            for kp in found:
                _record(ctx, d, points, kp)
            if points and ctx.strictly_convex():
                if total > done:
                    d.add("opt_stop_unique", remaining=total - done)
                return points
            if size == 0 and ctx.strictly_convex():
                order = _by_violation(ctx, case)
    return points


def _by_violation(ctx, case):
    """Inequalities most violated by the unconstrained minimizer first.

    For a strictly convex problem the enumeration stops at the first KKT
    point, so trying likely active sets first saves time; the order changes
    no result.
    """
    point = next(
        (
            s.params["point"]
            for s in case.steps
            if s.rule in ("opt_candidate", "opt_candidate_free")
        ),
        None,
    )
    if point is None:
        return list(range(ctx.m))
    values = [sympy.N(g.xreplace(point), 15) for g in ctx.g]
    return sorted(range(ctx.m), key=lambda i: -values[i])


def _count(d):
    return sum(1 for step in d.steps if step.rule == "opt_case_step")


def case_labels(ctx, active):
    # The active set as math, {g₁, g₃}; "none" in words when it is empty.
    if not active:
        return "opt_none"
    return sympy.FiniteSet(*(sympy.Symbol(f"g_{i + 1}") for i in active))


def _solve_case(ctx, d, active, infeasible):
    x, lams = ctx.x, ctx.lams
    mus = [ctx.mus[i] for i in active]
    constraints = list(ctx.h) + [ctx.g[i] for i in active]

    # A vertex: the active constraints alone fix the point; check it first.
    if active and len(constraints) == ctx.n:
        where = real_solutions(constraints, x)
        if not where:
            infeasible.append(active)
            d.add("opt_no_common_point", relations=_zero(constraints))
            return []
        if all(not isinstance(s, Family) for s in where):
            bad = [(s, ctx.feasible(s, skip=active)) for s in where]
            if all(v is not None for _, v in bad):
                for s, v in bad:
                    d.add("opt_reject_vertex", point=s, **violation_params(ctx, v, s))
                return []

    # The case's equations: stationarity with mu_j = 0 off A, h = 0, g_A = 0.
    zero = {ctx.mus[i]: 0 for i in range(ctx.m) if i not in active}
    stationarity = ctx.stationarity(active)
    equations = stationarity + constraints
    shown = ctx.written_stationarity(active) + constraints
    d.add("opt_case_system", relations=_zero(shown))
    solutions = real_solutions(equations, tuple(x) + tuple(lams) + tuple(mus))
    if not solutions:
        if active and not real_solutions(constraints, x):
            infeasible.append(active)
        d.add("opt_no_solution")
        return []
    found = []
    for sol in solutions:
        for concrete in _restrict(ctx, d, sol, active):
            kp = _candidate(ctx, d, concrete, active, zero)
            if kp is not None:
                found.append(kp)
    return found


def _restrict(ctx, d, sol, active):
    """A family of solutions cut down by the remaining KKT conditions.

    With one free parameter the conditions (mu >= 0, the other g <= 0, the
    domain) are solved exactly for it: no value rejects the family, finitely
    many give points, an interval keeps the family with its condition.
    """
    if not isinstance(sol, Family):
        return [sol]
    unknowns = set(ctx.x) | set(ctx.lams) | set(ctx.mus)
    params = set().union(*(v.free_symbols for v in sol.values())) & unknowns
    if len(params) != 1:
        return [sol]
    (t,) = params
    conditions = [sympy.Ge(sol[ctx.mus[i]], 0) for i in active]
    conditions += [
        sympy.Le(g.subs(sol), 0) for i, g in enumerate(ctx.g) if i not in active
    ]
    conditions += [sympy.Lt(s_.subs(sol), 0) for s_ in ctx.strict]
    allowed = sympy.S.Reals
    try:
        for c in conditions:
            if c is sympy.true:
                continue
            if c is sympy.false:
                allowed = sympy.S.EmptySet
                break
            allowed = allowed.intersect(sympy.solveset(c, t, sympy.S.Reals))
    except (NotImplementedError, ValueError, TypeError):
        return [sol]
    if allowed == sympy.S.EmptySet:
        d.add("opt_reject_family", relations=tuple(conditions), param=t)
        return []
    if isinstance(allowed, sympy.FiniteSet):
        return [{k: v.subs(t, value) for k, v in sol.items()} for value in allowed]
    # Said even when t is free: a point or multiplier with t in it is a family.
    d.add("opt_family_condition", param=t, allowed=allowed)
    restricted = Family(sol)
    restricted.conditions = {t: allowed}
    return [restricted]


def _terms(expr):
    return ordered_terms(expr) if expr.is_Add else [expr]


def _zero(exprs):
    return tuple(sympy.Eq(e, 0, evaluate=False) for e in exprs)


def violation_params(ctx, violation, point):
    """The violated constraint, g's value, and the relation at the point
    (``1 ≥ 3``), which says why more plainly than the value."""
    kind, index, value = violation
    if kind == "inequality":
        relation = ctx.problem.inequality_relations[index]
    elif kind == "equality":
        relation = ctx.problem.equality_relations[index]
    else:
        relation = sympy.Lt(ctx.strict[index], 0)
    lhs, rhs = (tidy(side.xreplace(point)) for side in (relation.lhs, relation.rhs))
    at = relation.func(lhs, rhs, evaluate=False)
    return {"constraint": relation, "value": value, "at": at}


def _candidate(ctx, d, sol, active, zero):
    point = {v: tidy(sol[v]) for v in ctx.x}
    multipliers = {k: tidy(sol.get(s, s)) for k, s in zip(ctx.lam_keys, ctx.lams)}
    for i, key in enumerate(ctx.mu_keys):
        multipliers[key] = tidy(sol[ctx.mus[i]]) if i in active else sympy.Integer(0)
    family = isinstance(sol, Family)
    shown = ctx.shown(multipliers)
    if shown:
        d.add("opt_candidate", point=point, multipliers=shown)
    else:
        d.add("opt_candidate_free", point=point)
    for i in active:
        value = multipliers[ctx.mu_keys[i]]
        if sign(value) == -1:
            d.add(
                "opt_reject_multiplier",
                relations=(sympy.Lt(value, 0, evaluate=False),),
                name=ctx.mus[i],
                value=value,
            )
            return None
    violation = ctx.feasible(point, skip=active)
    if violation is not None:
        d.add(
            "opt_reject_infeasible",
            point=point,
            **violation_params(ctx, violation, point),
        )
        return None
    value = ctx.value(point)
    at = sympy.Subs(ctx.problem.original, ctx.x, tuple(point[v] for v in ctx.x))
    d.add("opt_keep", at, value, point=point, value=value)
    return KKTPoint(
        point=point,
        multipliers=multipliers,
        value=value,
        active=ctx.active_at(point) if not family else list(active),
        family=family,
        conditions=getattr(sol, "conditions", {}),
    )


def _record(ctx, d, points, kp):
    for other in points:
        if same_values(kp.point, other.point):
            if not same_values(kp.multipliers, other.multipliers):
                # Listing the point twice would call one copy optimal and the
                # other not; the point is one KKT point with several multipliers.
                d.add("opt_same_point", point=kp.point)
            return
    kp.regular = ctx.licq(kp.point, kp.active)
    if kp.regular:
        d.add("opt_licq_holds", point=kp.point)
    else:
        d.add("opt_licq_fails", point=kp.point)
    points.append(kp)


def covers(family, point):
    """True when ``point`` is a member of the family of points ``family``."""
    params = {v: point[v] for v, value in family.items() if value == v}
    return all(
        sign(sympy.expand(family[v].subs(params) - point[v])) == 0 for v in point
    )


def same_values(a, b):
    if a is None or b is None:
        return a is b
    return a.keys() == b.keys() and all(sign(a[k] - b[k]) == 0 for k in a)
