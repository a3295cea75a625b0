"""Ridge regression, exactly: the penalized and the constrained form.

``min ||y - X beta||^2 + lambda ||beta||^2`` is solved by
``beta(lambda) = (X^T X + lambda I)^(-1) X^T y``. The constrained form
``min ||y - X beta||^2`` s.t. ``||beta||^2 <= s`` has the same stationarity
condition with its KKT multiplier mu in the place of lambda, so the two forms
match when ``s = ||beta(lambda)||^2``.

>>> r = ridge([[1, 0], [0, 1], [1, 1]], [1, 2, 2], lam=1)
>>> r.beta.T, r.radius
(Matrix([[5/8, 9/8]]), 53/32)
"""

from dataclasses import dataclass

import sympy

from ..derivation import Derivation
from ..errors import InputError, shorten
from ..parsing import exact, symbol
from ..tidy import written_sum

__all__ = ["ridge", "RidgeResult"]


@dataclass
class RidgeResult:
    """``beta`` (at ``lam``, or as a function of the symbol lambda), the radius
    ``s = ||beta||^2``, the closed forms in lambda, and the derivation."""

    beta: sympy.Matrix
    radius: object
    lam: object
    s: object
    beta_of_lambda: sympy.Matrix
    radius_of_lambda: object
    derivation: Derivation

    def to_data(self, *, lang="en", numbers="auto"):
        """JSON-able data: every exact value as a string SymPy parses back."""
        from ..render.json import exact_str, steps_data

        return {
            "beta": [exact_str(b) for b in self.beta],
            "radius": exact_str(self.radius),
            "lambda": exact_str(self.lam),
            "s": exact_str(self.s),
            "beta_of_lambda": [exact_str(b) for b in self.beta_of_lambda],
            "radius_of_lambda": exact_str(self.radius_of_lambda),
            "steps": steps_data(self.derivation, lang=lang, numbers=numbers),
        }


def ridge(X, y, *, lam=None, s=None):
    """Ridge regression on exact data, with the KKT link between its forms.

    Give ``lam`` for the penalized form at that lambda, ``s`` for the
    constrained form with radius s (lambda is then found exactly), or neither
    for the closed form in a symbolic lambda.
    """
    X, y = _matrix(X, "X"), _matrix(y, "y")
    if y.shape[1] != 1:
        y = y.reshape(y.rows * y.cols, 1)
    if X.rows != y.rows:
        raise InputError(
            f"X has {X.rows} rows but y has {y.rows} entries; give one response per row"
        )
    if lam is not None and s is not None:
        raise InputError("give lam or s, not both: each determines the other")
    L = symbol("lambda")
    k = X.cols
    betas = sympy.Matrix(symbols_beta(k))
    d = Derivation("ridge", params={"n": X.rows, "k": k})
    residuals = y - X * betas
    sse = sympy.expand((residuals.T * residuals)[0])
    # Shown as written: one squared residual per observation, then the penalty.
    written = [r**2 for r in residuals] + [L * (betas.T * betas)[0]]
    d.add("ridge_penalized", relations=(written_sum(written),))

    # Normal equations and the closed form in lambda.
    A = X.T * X + L * sympy.eye(k)
    d.add(
        "ridge_normal_equations",
        relations=tuple(
            sympy.Eq(left, right) for left, right in zip(A * betas, X.T * y)
        ),
    )
    rhs = X.T * y
    det = sympy.expand(A.det())
    entries = []
    for j, b in enumerate(betas):
        # Cramer's rule: replace column j of A by X^T y.
        Aj = A.copy()
        Aj[:, j] = rhs
        numerator = sympy.expand(Aj.det())
        entries.append(sympy.cancel(numerator / det))
        # det(A_j)/det(A), the determinants worked out, then any cancelling.
        ratio = sympy.Mul(
            sympy.Determinant(sympy.ImmutableMatrix(Aj)),
            sympy.Pow(sympy.Determinant(sympy.ImmutableMatrix(A)), -1),
            evaluate=False,
        )
        worked = sympy.Mul(numerator, sympy.Pow(det, -1), evaluate=False)
        chain = (ratio, worked)
        if entries[-1] != numerator / det:
            chain += (entries[-1],)
        d.add("ridge_cramer", *chain, beta=b)
    beta_l = sympy.Matrix(entries)
    radius_l = sympy.cancel(sum(e**2 for e in entries))
    squares = sympy.Add(*[e**2 for e in entries], evaluate=False)
    d.add("ridge_radius", squares, radius_l)
    mu = symbol("mu")
    s_sym = symbol("s")
    constrained = sse + mu * ((betas.T * betas)[0] - s_sym)
    d.add(
        "ridge_kkt_link",
        relations=tuple(sympy.Eq(sympy.diff(constrained, b), 0) for b in betas)
        + (sympy.Eq(mu * ((betas.T * betas)[0] - s_sym), 0),),
    )

    if s is not None:
        s = _nonnegative(s, "s")
        lam = _lambda_for(radius_l, L, s, d, beta_l)
    if lam is None:
        return RidgeResult(beta_l, radius_l, L, s, beta_l, radius_l, d)
    lam = _nonnegative(lam, "lam")
    beta = beta_l.subs(L, lam).applyfunc(sympy.radsimp)
    # With s given, lambda solves s(lambda) = s exactly: the radius is s.
    radius = s if s is not None else sympy.radsimp(sympy.expand((beta.T * beta)[0]))
    if s is None:
        chain = (sympy.Subs(radius_l, L, lam), radius)
        d.add("ridge_at_lambda", *chain, lam=lam, beta_values=tuple(beta))
    else:
        # lambda solves s(lambda) = s by construction; shown, not re-proved.
        relation = sympy.Eq(sympy.Subs(radius_l, L, lam), s, evaluate=False)
        d.add(
            "ridge_at_lambda", relations=(relation,), lam=lam, beta_values=tuple(beta)
        )
    return RidgeResult(
        beta, radius, lam, radius if s is None else s, beta_l, radius_l, d
    )


def symbols_beta(k):
    return [symbol(f"beta_{j}") for j in range(1, k + 1)]


def _lambda_for(radius_l, L, s, d, beta_l):
    ols = radius_l.subs(L, 0)
    if sympy.simplify(s - ols) >= 0:
        d.add("ridge_inactive", s=s, ols=ols)
        return sympy.Integer(0)
    num, den = sympy.fraction(sympy.cancel(radius_l - s))
    poly = sympy.Poly(sympy.expand(num), L)
    from ..optimize.exact import _rational_roots

    roots = [r for r in _rational_roots(poly) if sympy.N(r, 30) > 0]
    if len(roots) != 1:
        raise InputError(
            f"found {len(roots)} positive lambdas for s = {shorten(s)}; expected one"
        )
    d.add(
        "ridge_lambda_for_s",
        relations=(sympy.Eq(poly.as_expr(), 0),),
        s=s,
        lam=roots[0],
    )
    return roots[0]


def _matrix(value, name):
    try:
        rows = (
            [[exact(v) for v in row] for row in value]
            if _nested(value)
            else [[exact(v)] for v in value]
        )
        return sympy.Matrix(rows)
    except (TypeError, ValueError) as error:
        raise InputError(f"{name} must be a table of numbers: {error}") from None


def _nested(value):
    first = next(iter(value), None)
    return (
        first is not None
        and not isinstance(first, (str, int, float))
        and hasattr(first, "__iter__")
    )


def _nonnegative(value, name):
    value = exact(value)
    if not value.is_number or value.is_negative:
        raise InputError(f"{name} must be a number >= 0, got {shorten(value)!r}")
    return value
