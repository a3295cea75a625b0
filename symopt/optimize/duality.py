"""Lagrangian duality: the dual function, the dual problem, the gap, Slater.

The dual function ``q(mu, lambda) = inf_x L(x, mu, lambda)`` is derived in
closed form when L is a convex quadratic or linear function of x. The dual
problem ``max q`` over its domain is then solved exactly like any problem,
and compared with the primal optimum: weak duality gives ``d* <= p*``, and
under Slater's condition (a convex problem with a strictly feasible point)
the gap ``p* - d*`` is zero.
"""

from dataclasses import dataclass

import sympy

from ..derivation import Derivation
from ..errors import SolveError, shorten
from ..render.numbers import ordered_terms
from ..tidy import written_sum
from .exact import sign
from .kkt import Context, solve_exact, tidy
from .slater import slater

__all__ = ["DualResult", "SlaterResult", "solve_dual"]


@dataclass
class SlaterResult:
    """Slater's condition: convexity, a strictly feasible point, the verdict."""

    holds: bool | None
    convex: bool | None
    point: dict | None


@dataclass
class DualResult:
    """What :meth:`symopt.Problem.dual` returns."""

    dual_function: object
    domain: object
    d_star: object
    multipliers: dict | None
    attained: bool
    p_star: object
    gap: object
    slater: SlaterResult
    derivation: Derivation

    def to_data(self, *, lang="en", numbers="auto"):
        """JSON-able data: every exact value as a string SymPy parses back."""
        from ..render.json import exact_str, steps_data

        point = self.slater.point
        return {
            "dual_function": exact_str(self.dual_function),
            "domain": exact_str(self.domain),
            "d_star": exact_str(self.d_star),
            "multipliers": None
            if self.multipliers is None
            else {k: exact_str(v) for k, v in self.multipliers.items()},
            "attained": self.attained,
            "p_star": exact_str(self.p_star),
            "gap": exact_str(self.gap),
            "slater": {
                "holds": self.slater.holds,
                "convex": self.slater.convex,
                "point": None
                if point is None
                else {str(k): exact_str(v) for k, v in point.items()},
            },
            "steps": steps_data(self.derivation, lang=lang, numbers=numbers),
        }


def solve_dual(problem):
    """The dual of a :class:`Problem` (the worker behind ``Problem.dual``)."""
    ctx = Context(problem)
    d = Derivation("opt_dual", params={"f": problem.original})
    shown = ctx.written_lagrangian()
    d.add("dual_lagrangian", relations=(sympy.Eq(sympy.Symbol("L"), shown),))
    q, domain, extra = _dual_function(ctx, d)

    # The dual problem: maximize q over its domain.
    multipliers = tuple(ctx.mus) + tuple(ctx.lams)
    dual = type(problem).maximize(q, variables=multipliers)
    dual.subject_to(*[sympy.Ge(mu, 0, evaluate=False) for mu in ctx.mus])
    dual.subject_to(*extra)
    dual_solution = solve_exact(dual)
    _, inner = dual.multiplier_symbols()
    if inner:
        # The dual's own KKT conditions need multipliers for mu_i >= 0.
        d.add(
            "dual_problem_signs",
            sub=(dual_solution.derivation,),
            q=q,
            count=len(inner),
            inner=inner,
            signs=tuple(dual.inequality_relations),
        )
    else:
        d.add("dual_problem", sub=(dual_solution.derivation,), q=q)
    if dual_solution.status == "optimal":
        d_star = dual_solution.optimum.value
        point = dual_solution.optimum.points[0]
        keys = dict(zip(ctx.mus, ctx.mu_keys)) | dict(zip(ctx.lams, ctx.lam_keys))
        found = {keys[s]: point[s] for s in multipliers}
        attained = True
    elif dual_solution.status == "unbounded":
        d_star, found, attained = sympy.oo, None, False
    elif len(multipliers) == 1 and dual_solution.status == "no_kkt_point":
        # No maximizer inside the domain: the supremum is a limit at its ends.
        (m,) = multipliers
        # The ends of q's interval ([0, oo) for a lone mu unless split).
        span = (
            domain
            if isinstance(domain, sympy.Interval)
            else sympy.Interval(0, sympy.oo)
        )
        ends = [sympy.limit(q, m, span.inf, "+"), sympy.limit(q, m, span.sup, "-")]
        d_star = max(ends, key=lambda v: sympy.N(v, 30) if v.is_finite else v)
        d.add("dual_supremum", relations=tuple(ends), d_star=d_star)
        found, attained = None, False
    else:
        raise SolveError(
            f"the dual problem max {shorten(q)} ended as {dual_solution.status}; "
            "symopt cannot find d* exactly here"
        )
    d.add("dual_optimum", d_star=d_star, multipliers=ctx.shown(found))

    primal = solve_exact(problem)
    p_star = _primal_value(primal, problem)
    gap = tidy(p_star - d_star) if p_star.is_finite and d_star.is_finite else None
    if gap is not None:
        verdict = "dual_no_gap" if sign(gap) == 0 else "dual_positive_gap"
        # Shown as written, p* first: -0.25 - (-0.25), not 0.25 - 0.25.
        difference = sympy.Add(
            sympy.UnevaluatedExpr(p_star),
            sympy.Mul(-1, d_star, evaluate=False),
            evaluate=False,
        )
        d.add(
            "dual_gap", difference, gap, p_star=p_star, d_star=d_star, verdict=verdict
        )
    else:
        d.add("dual_gap_infinite", p_star=p_star, d_star=d_star)
    result = slater(ctx, d, primal)
    return DualResult(q, domain, d_star, found, attained, p_star,
                      gap if gap is not None else sympy.nan, result, d)  # fmt: skip


def _primal_value(solution, problem):
    if solution.status == "optimal":
        return solution.optimum.value
    if solution.status == "infeasible":
        return sympy.oo if problem.sense == "min" else -sympy.oo
    if solution.status == "unbounded":
        return -sympy.oo if problem.sense == "min" else sympy.oo
    raise SolveError(f"the primal problem ended as {solution.status}; p* is unknown")


def _dual_function(ctx, d):
    """q in closed form, its domain, and extra constraints on the multipliers."""
    x, L = ctx.x, sympy.expand(ctx.L)
    if not L.is_polynomial(*x) or sympy.Poly(L, *x).total_degree() > 2:
        raise SolveError(
            "the dual function needs inf over x of L; symopt derives it in closed "
            "form only when L is quadratic or linear in x, and here it is "
            f"{shorten(L)}"
        )
    Q = sympy.hessian(L, x)
    zero = {v: 0 for v in x}
    c = sympy.Matrix([sympy.diff(L, v).subs(zero) for v in x])
    r = L.subs(zero)
    multipliers = list(ctx.mus) + list(ctx.lams)
    names = x[0] if len(x) == 1 else sympy.Tuple(*x)
    if Q.is_zero_matrix:
        conditions = [sympy.Eq(ci, 0) for ci in c if ci != 0]
        d.add("dual_linear", relations=tuple(conditions), q=r, x=names)
        domain = _domain(ctx, conditions)
        return tidy(r), domain, conditions
    nonneg = {mu: sympy.Dummy(mu.name, nonnegative=True) for mu in ctx.mus}
    positive = {mu: sympy.Dummy(mu.name, positive=True) for mu in ctx.mus}
    region = None
    if _pd(Q, nonneg):
        open_domain = False
    elif _pd(Q, positive):
        open_domain = True
    else:
        region = _convex_region(ctx, Q, d, names)
    stationary = ctx.written_stationarity(range(ctx.m))
    d.add(
        "dual_inner",
        relations=tuple(sympy.Eq(e, 0, evaluate=False) for e in stationary),
        x=names,
    )
    xstar = [_readable(e, multipliers) for e in -Q.LUsolve(c)]
    d.add(
        "dual_minimizer",
        relations=tuple(sympy.Eq(v, e) for v, e in zip(x, xstar)),
        x=names,
    )
    q = _readable(L.subs(dict(zip(x, xstar))), multipliers)
    # Variables that vanish drop out first: no 2·0² terms in the line shown.
    zeros = {v: 0 for v, e in zip(x, xstar) if e == 0}
    rest = {v: e for v, e in zip(x, xstar) if e != 0}
    shown = _substituted(ctx.written_lagrangian().xreplace(zeros), rest)
    d.add("dual_function", shown, q, q=q)
    if region is not None:
        domain, extra = _closed_region(region, q, multipliers[0])
        d.add("dual_domain", domain=domain)
        return q, domain, extra
    extra = [sympy.Gt(mu, 0) for mu in ctx.mus] if open_domain else []
    domain = _domain(ctx, [], open_domain=open_domain)
    d.add("dual_domain", domain=domain)
    return q, domain, extra


def _convex_region(ctx, Q, d, names):
    """Where L is a convex quadratic in x, for one multiplier m: Q(m) is
    affine in m, so {m : Q(m) > 0} is an interval; outside its closure Q has
    a negative direction and inf over x of L is -oo."""
    multipliers = list(ctx.mus) + list(ctx.lams)
    if len(multipliers) != 1:
        raise SolveError(
            "inf over x of L is a closed form only when L is convex in x for every "
            f"admissible multiplier; its Hessian {shorten(list(Q))} is not "
            "positive definite there (symopt splits the multiplier's range only "
            "for one constraint)"
        )
    (m,) = multipliers
    admissible = sympy.Interval(0, sympy.oo) if ctx.mus else sympy.S.Reals
    minors = [sympy.factor(Q[:k, :k].det()) for k in range(1, Q.shape[0] + 1)]
    region = admissible
    for minor in minors:
        region &= sympy.solve_univariate_inequality(
            sympy.Gt(minor, 0), m, relational=False, domain=sympy.S.Reals
        )
    if region.is_empty or not isinstance(region, sympy.Interval):
        raise SolveError(
            f"L is convex in x for no admissible {m} (its Hessian is "
            f"{shorten(list(Q))}), so inf over x of L is -oo wherever symopt can "
            "tell: no dual function to maximize"
        )
    d.add(
        "dual_convex_region",
        relations=tuple(sympy.Gt(minor, 0) for minor in minors),
        x=names,
        m=m,
        region=region,
    )
    return region


def _closed_region(region, q, m):
    """The domain of q: the open interval where L is strictly convex, with
    each finite end where q has a finite limit (q is concave and upper
    semicontinuous, so its value there is that limit)."""
    lo, hi = region.inf, region.sup
    keep_lo = lo.is_finite and (
        lo in region or sympy.limit(q, m, lo, "+").is_finite is True
    )
    keep_hi = hi.is_finite and (
        hi in region or sympy.limit(q, m, hi, "-").is_finite is True
    )
    domain = sympy.Interval(lo, hi, not keep_lo, not keep_hi)
    extra = []
    if lo.is_finite:
        extra.append(sympy.Ge(m, lo) if keep_lo else sympy.Gt(m, lo))
    if hi.is_finite:
        extra.append(sympy.Le(m, hi) if keep_hi else sympy.Lt(m, hi))
    return domain, extra


def _readable(expr, multipliers):
    """A polynomial in the multipliers expanded (0.5μ + 1), else one
    reduced fraction."""
    expr = sympy.factor(sympy.cancel(expr))
    return sympy.expand(expr) if expr.is_polynomial(*multipliers) else expr


def _substituted(expr, values):
    """``expr`` with the variables replaced and nothing simplified: the line
    a teacher writes before tidying up, ``(0.5μ + 1 - 1)² + μ(3 - (0.5μ + 1))``."""
    if expr in values:
        return values[expr]
    if not expr.args or not expr.has(*values):
        return expr
    if expr.is_Add:
        terms = []
        for term in ordered_terms(expr):
            new = _substituted(term, values)
            # y - 1 at y = 0.5μ + 1 reads 0.5μ + 1 - 1: the value joins the sum.
            joins = term in values and new.is_Add
            terms += list(new.as_ordered_terms()) if joins else [new]
        return written_sum(terms)
    args = [_substituted(a, values) for a in expr.args]
    if expr.is_Mul:
        return sympy.Mul(*args, evaluate=False)
    if expr.is_Pow:
        return sympy.Pow(*args, evaluate=False)
    return expr.func(*args)


def _pd(Q, assumptions):
    Qa = Q.subs(assumptions)
    n = Q.shape[0]
    return all(sympy.factor(Qa[:k, :k].det()).is_positive for k in range(1, n + 1))


def _domain(ctx, conditions, open_domain=False):
    interval = (
        sympy.Interval.open(0, sympy.oo) if open_domain else sympy.Interval(0, sympy.oo)
    )
    sets = [interval] * ctx.m + [sympy.S.Reals] * ctx.p
    base = sets[0] if len(sets) == 1 else sympy.ProductSet(*sets)
    if not conditions:
        return base
    symbols = tuple(ctx.mus) + tuple(ctx.lams)
    target = symbols[0] if len(symbols) == 1 else symbols
    return sympy.ConditionSet(target, sympy.And(*conditions), base)
