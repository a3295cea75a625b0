"""The form a teacher would write: a tidy-up that never surprises.

``sympy.simplify`` optimises for its own measure and may turn ``σ(1 - σ)``
into ``1/(4 cosh²(w/2))``. :func:`tidy` instead tries a few plain rewrites
(the original, expanded, factored, cancelled, collected) and keeps the one a
reader parses fastest: the shortest on screen, the original on a tie. It never
brings in a function the expression did not already use.

>>> from sympy import Rational
>>> from symopt.parsing import symbols
>>> from symopt.functions import sigmoid
>>> a, w, y = symbols("a w y")
>>> tidy(3*(3*w/2 - Rational(1, 2)))
9*w/2 - 3/2
>>> tidy(a**2 - 2*a*y + y**2)
(a - y)**2
>>> tidy(sigmoid(w) * (1 - sigmoid(w)))
(1 - sigmoid(w))*sigmoid(w)
"""

import sympy

__all__ = ["tidy", "readability"]

# Above this size only the cheap rewrites are tried: factoring a huge
# expression costs more than a tidier display is worth.
_CHEAP_ABOVE = 150


def readability(expr):
    """How hard ``expr`` is to read: its printed length, then its tree size."""
    from .render.numbers import to_text

    nodes = sum(1 for _ in sympy.preorder_traversal(expr))
    return len(to_text(expr)), nodes


def tidy(expr):
    """``expr`` in the candidate form that reads best; equal to ``expr``.

    Candidates: ``expr`` itself, ``expand``, ``factor``, ``cancel``,
    ``together`` and ``collect`` on each symbol. Relations and containers are
    tidied side by side.
    """
    if isinstance(expr, (tuple, list)):
        return type(expr)(tidy(e) for e in expr)
    if not isinstance(expr, sympy.Basic) or expr.is_Atom:
        return expr
    if expr.is_Relational:
        return expr.func(tidy(expr.lhs), tidy(expr.rhs), evaluate=False)
    if isinstance(expr, sympy.MatrixBase):
        return expr.applyfunc(tidy)

    allowed = _functions(expr)
    best, score = expr, readability(expr)
    for candidate in _candidates(expr):
        if candidate is None or _functions(candidate) - allowed:
            continue
        candidate = _positive_squares(candidate)
        if readability(candidate) < score:
            best, score = candidate, readability(candidate)
    return best


def _candidates(expr):
    # Products of functions stay products: σ(1 - σ), not σ - σ².
    polynomial = not _functions(expr)
    if polynomial:
        yield _try(sympy.expand, expr)
    if polynomial or any(p.exp.is_negative for p in expr.atoms(sympy.Pow)):
        yield _try(sympy.cancel, expr)
        yield _try(sympy.together, expr)
    if sympy.count_ops(expr) <= _CHEAP_ABOVE:
        yield _try(sympy.factor, expr)
        expanded = _try(sympy.expand, expr) if polynomial else None
        if expanded is not None:
            for s in sorted(expr.free_symbols, key=str):
                yield _try(sympy.collect, expanded, s)
                yield _try(sympy.factor_terms, _try(sympy.collect, expanded, s))


def _positive_squares(expr):
    # (y - a)² and (a - y)² are equal; a teacher writes the one that starts
    # without a minus sign.
    def flip(p):
        return p.is_Pow and p.exp.is_even and p.base.could_extract_minus_sign()

    return expr.replace(flip, lambda p: sympy.Pow(-p.base, p.exp))


def _try(fn, *args):
    if any(a is None for a in args):
        return None
    try:
        return fn(*args)
    except (TypeError, ValueError, NotImplementedError, sympy.PolynomialError):
        return None


def _functions(expr):
    return {type(f) for f in expr.atoms(sympy.Function)}
