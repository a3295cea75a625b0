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

A multiplier times its constraint stays whole, as in a Lagrangian:

>>> lam, x = symbols("lambda x")
>>> tidy(lam*(x - 1) + x**2)
lambda*(x - 1) + x**2
"""

import sympy

__all__ = ["tidy", "readability", "written_sum", "WrittenSum"]

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

    kept, rest = _multiplier_terms(expr)
    if kept:
        return sympy.Add(tidy(sympy.Add(*rest)), *(c * tidy(g) for c, g in kept))

    allowed = _functions(expr)
    best, score = expr, readability(expr)
    for candidate in _candidates(expr):
        if candidate is None or _functions(candidate) - allowed:
            continue
        candidate = _positive_squares(candidate)
        if readability(candidate) < score:
            best, score = candidate, readability(candidate)
    return best


def _multiplier_terms(expr):
    """``([(coefficient, bracket)], other terms)`` of a sum: a term like
    ``λ·(x - 1)``, whose coefficient's symbols occur nowhere else, is a
    multiplier times its constraint and is not multiplied out."""
    if not expr.is_Add:
        return [], [expr]
    kept, rest = [], []
    for term in expr.args:
        coefficient, bracket = _split(term)
        others = set().union(*(t.free_symbols for t in expr.args if t is not term))
        symbols = coefficient.free_symbols
        if (
            bracket is not None
            and symbols
            and not symbols & (others | bracket.free_symbols)
        ):
            kept.append((coefficient, bracket))
        else:
            rest.append(term)
    return kept, rest


def _split(term):
    # μ·(3 - y) as (μ, 3 - y); anything but a coefficient times one sum: None.
    if not term.is_Mul:
        return term, None
    sums = [f for f in term.args if f.is_Add]
    if len(sums) != 1:
        return term, None
    coefficient = sympy.Mul(*(f for f in term.args if f is not sums[0]))
    return coefficient, sums[0]


class WrittenSum(sympy.Add):
    """A sum the renderers show in the order its terms were written:
    ``L = (y - 1)² + μ₁·(3 - y)``, the objective first. Equal in value to
    the plain sum; arithmetic on it gives plain SymPy sums again."""


def written_sum(terms):
    """The nonzero ``terms`` as a :class:`WrittenSum` (one term as itself)."""
    terms = [t for t in terms if t != 0]
    if not terms:
        return sympy.Integer(0)
    if len(terms) == 1:
        return terms[0]
    return WrittenSum(*terms, evaluate=False)


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
