"""Exact convexity tests for polynomial functions, and compact feasible sets.

A twice differentiable function is convex exactly when its Hessian is
positive semidefinite everywhere, that is when every principal minor is
nonnegative. For polynomials symopt decides this exactly where it can: a
minor SymPy proves nonnegative passes, a minor negative at some rational
point is a counterexample; otherwise the answer is ``None`` (unknown).

>>> from symopt.parsing import symbols
>>> x, y = symbols("x y")
>>> convex(x**2 + x*y + y**2, (x, y)), convex(x*y, (x, y)), convex(x**4, (x,))
(True, False, True)
"""

from itertools import combinations, product

import sympy

from .exact import sign

__all__ = [
    "convex",
    "affine",
    "psd",
    "compact",
    "positive_variables",
    "bounded_polyhedron",
]

# Rational points tried when looking for a counterexample to convexity.
_SAMPLES = (0, 1, -1, 2, -2, sympy.Rational(1, 2), -sympy.Rational(1, 2), 3, -3)


def affine(expr, x):
    """True when ``expr`` is affine (degree at most 1) in ``x``."""
    return expr.is_polynomial(*x) and sympy.Poly(expr, *x).total_degree() <= 1


def psd(matrix, x=()):
    """Whether a symmetric matrix (maybe depending on ``x``) is PSD everywhere."""
    n = matrix.shape[0]
    minors = [
        sympy.expand(matrix.extract(list(rows), list(rows)).det())
        for k in range(1, n + 1)
        for rows in combinations(range(n), k)
    ]
    unknown = False
    for minor in minors:
        if not minor.free_symbols:
            if sign(minor) == -1:
                return False
            continue
        if minor.is_nonnegative:
            continue
        unknown = True
    if not unknown:
        return True
    free = sorted(set().union(*(m.free_symbols for m in minors)), key=str)
    for values in product(_SAMPLES, repeat=min(len(free), 3)):
        point = dict(zip(free, values + (0,) * (len(free) - len(values))))
        if any(sign(m.subs(point)) == -1 for m in minors):
            return False
    return None


def convex(expr, x, positive=()):
    """True, False or None (unknown): is ``expr`` convex in ``x``?

    ``positive`` names variables known to be positive (a domain ``x > 0``),
    which lets ``-log(x)`` be recognized as convex.
    """
    if affine(expr, x):
        return True
    if not expr.is_polynomial(*x):
        assumed = {v: sympy.Dummy(v.name, positive=True) for v in positive}
        hess = sympy.hessian(expr, x).xreplace(assumed)
        n = len(x)
        minors = [
            sympy.factor(hess.extract(list(r), list(r)).det())
            for k in range(1, n + 1)
            for r in combinations(range(n), k)
        ]
        return True if all(m.is_nonnegative for m in minors) else None
    return psd(sympy.hessian(expr, x), x)


def positive_variables(ctx):
    """Variables the strict constraints declare positive (``x > 0``)."""
    return [v for v in ctx.x if any(sympy.expand(s + v) == 0 for s in ctx.strict)]


def compact(ctx):
    """True when the constraints alone bound the feasible set.

    Either one constraint ``c(x) <= 0`` (an inequality, or an equality read
    either way) has a positive definite quadratic leading part, or every
    variable has a lower and an upper bound among the constraints.
    """
    x = ctx.x
    sides = list(ctx.g) + list(ctx.h) + [-h for h in ctx.h]
    for c in sides:
        if not c.is_polynomial(*x):
            continue
        poly = sympy.Poly(c, *x)
        if poly.total_degree() != 2:
            continue
        top = sum(
            (coeff * sympy.prod(v**e for v, e in zip(x, monom)))
            for monom, coeff in poly.terms()
            if sum(monom) == 2
        )
        hess = sympy.hessian(top, x)
        if all(sign(hess[:k, :k].det()) == 1 for k in range(1, len(x) + 1)):
            return True
    lower, upper = set(), set()
    for c in sides:
        if affine(c, x):
            used = [v for v in x if c.has(v)]
            if len(used) == 1:
                coeff = sympy.diff(c, used[0])
                (upper if sign(coeff) == 1 else lower).add(used[0])
    return bool(x) and all(v in lower and v in upper for v in x)


def bounded_polyhedron(ctx):
    """The affine constraints alone bound the set: their recession cone
    ``{d : a.d <= 0, c.d = 0}`` is only 0.

    The cone is {0} when its rows span R^n (no line in it) and none of its
    candidate extreme rays (one-dimensional null spaces of n - 1 rows) lies
    in it.
    """
    x = ctx.x
    n = len(x)
    rows_g = [_linear_row(g, x) for g in ctx.g if affine(g, x)]
    rows_h = [_linear_row(h, x) for h in ctx.h if affine(h, x)]
    if not rows_g or n == 0:
        return False
    rows = rows_g + rows_h
    if sympy.Matrix(rows).rank() < n:
        return False

    def inside(r):
        return all(_dot(a, r) <= 0 for a in rows_g) and all(
            _dot(c, r) == 0 for c in rows_h
        )

    for chosen in combinations(rows, n - 1):
        space = sympy.Matrix(chosen).nullspace() if chosen else [sympy.eye(n)[:, 0]]
        if len(space) != 1:
            continue
        ray = list(space[0])
        if inside(ray) or inside([-r for r in ray]):
            return False
    return True


def _linear_row(expr, x):
    return [sympy.diff(expr, v) for v in x]


def _dot(a, b):
    return sum((p * q for p, q in zip(a, b)), sympy.Integer(0))
