"""Exact convergence theory of gradient descent with a fixed step size.

Near a minimizer ``x*`` with Hessian ``H``, one step maps the error
``e = x - x*`` to ``(I - alpha H) e``: along the eigenvector of eigenvalue
``h`` the error shrinks by ``|1 - alpha h|`` per step. The run converges when
every factor is below 1, that is for ``0 < alpha < 2 / L`` with ``L`` the
largest eigenvalue. For a quadratic this is exact and global; otherwise it
holds near ``x*`` (local).

>>> from symopt.parsing import parse, symbols
>>> w, = symbols("w")
>>> t = rate_theory(parse("(1.5w - 0.5)^2"), [w], {w: 1/parse("3")}, parse("0.2"))
>>> t.predicted, t.max_stable_lr, t.local
(1/10, 4/9, False)
"""

from dataclasses import dataclass

import sympy

from ..errors import SolveError, shorten
from .compile import gradient

__all__ = ["Theory", "rate_theory", "minimizer"]


@dataclass(frozen=True)
class Theory:
    """Exact contraction factors of descent at a minimizer."""

    hessian: sympy.Matrix
    eigenvalues: tuple  # exact, ascending, with multiplicity
    factors: tuple  # |1 - lr h| per eigenvalue
    predicted: sympy.Expr  # the largest factor: the error ratio per step
    largest: sympy.Expr  # L
    max_stable_lr: sympy.Expr | None  # 2 / L, None when H is not positive definite
    local: bool  # True unless the objective is quadratic


def rate_theory(f, variables, optimum, lr):
    """The exact rate of descent on ``f`` with step size ``lr`` near ``optimum``."""
    hessian = sympy.hessian(f, variables).xreplace(optimum)
    eigen = []
    for value, count in hessian.eigenvals().items():
        eigen += [sympy.simplify(value)] * count
    eigen.sort(key=lambda v: float(v))
    factors = tuple(sympy.Abs(1 - lr * h) for h in eigen)
    largest = eigen[-1]
    stable = 2 / largest if all(h > 0 for h in eigen) else None
    return Theory(
        hessian=hessian,
        eigenvalues=tuple(eigen),
        factors=factors,
        predicted=max(factors, key=float),
        largest=largest,
        max_stable_lr=stable,
        local=not is_quadratic(f, variables),
    )


def is_quadratic(f, variables):
    """Whether ``f`` is a polynomial of degree at most 2 in ``variables``."""
    try:
        return sympy.Poly(f, *variables).total_degree() <= 2
    except sympy.PolynomialError:
        return False


def minimizer(f, variables, *, near=None, seconds=10):
    """The exact minimizer of ``f``: the real solution of ``grad f = 0`` whose
    Hessian is positive definite, the one nearest ``near`` when there are
    several. Raises :class:`symopt.SolveError` when there is none."""
    from ..budget import within

    grad = gradient(f, variables)
    try:
        # One equation goes to solve() alone: as a one-element system SymPy
        # takes the polynomial-system path, which gives up on a quintic.
        solutions = within(
            sympy.solve,
            grad[0] if len(grad) == 1 else list(grad),
            list(variables),
            dict=True,
            timeout=seconds,
            what=f"grad f = 0 for {shorten(f)}",
        )
    except (NotImplementedError, ValueError, TypeError) as error:
        raise SolveError(
            f"SymPy cannot solve grad f = 0 for {shorten(f)} ({shorten(error)}); "
            "give the optimum yourself (--optimum w=...)"
        ) from None
    points = []
    for sol in solutions:
        if set(sol) != set(variables) or not all(_real(v) for v in sol.values()):
            continue
        hessian = sympy.hessian(f, variables).xreplace(sol)
        if hessian.is_positive_definite:
            points.append({v: sympy.simplify(sol[v]) for v in variables})
    if not points:
        raise SolveError(
            f"found no exact minimizer of {shorten(f)} (no real solution of "
            "grad f = 0 with a positive definite Hessian); give the optimum "
            "yourself (--optimum w=1/3) or run without it"
        )
    if near is not None and len(points) > 1:
        points.sort(key=lambda p: _distance(p, variables, near))
    return points[0]


def _distance(point, variables, near):
    return sum((float(point[v]) - float(n)) ** 2 for v, n in zip(variables, near))


def _real(value):
    return value.is_real is True or (value.is_number and sympy.im(value) == 0)
