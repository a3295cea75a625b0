"""Tidy forms of derivatives, as a teacher writes them.

Polynomials are expanded (``4.5w - 1.5``); a product of a number and sums
keeps its factors (``3(a - 0.5)``); anything else keeps the smallest of a few
safe rewrites. Hyperbolic or trigonometric rewrites are never tried.

>>> import sympy
>>> from symopt import symbols, sigmoid
>>> w, a = symbols("w a")
>>> tidy(3 * (3 * w / 2 - 1) / 2)
9*w/4 - 3/2
>>> print(factored(3 * a - sympy.Rational(3, 2)))
3*(a - 1/2)
>>> tidy(sigmoid(w) * (1 - sigmoid(w)))
(1 - sigmoid(w))*sigmoid(w)
"""

import sympy
from sympy import Add, Mul

from ..parsing import exact

__all__ = ["tidy", "factored", "combine_numbers", "unevaluated_sum"]

# Expressions larger than this are returned as they are: simplifying them is
# slow and rarely makes them readable.
_MAX_OPS = 400


def tidy(expr):
    """The tidiest equal form of ``expr`` (never a trigonometric rewrite)."""
    if not isinstance(expr, sympy.Basic):
        expr = exact(expr)
    if sympy.count_ops(expr) > _MAX_OPS:
        return expr
    if expr.is_polynomial():
        return sympy.expand(expr)
    candidates = [expr, sympy.factor_terms(expr)]
    if any(p.exp.is_negative for p in expr.atoms(sympy.Pow)):
        candidates += [sympy.cancel(expr), sympy.together(expr)]
    return min(candidates, key=sympy.count_ops)


def factored(expr):
    """A linear form with its leading coefficient pulled out: ``3(a - 1/2)``.

    Anything else comes back unchanged. The result is an unevaluated product
    meant for display.
    """
    if not expr.is_Add or len(expr.free_symbols) != 1:
        return expr
    (var,) = expr.free_symbols
    if not expr.is_polynomial(var) or sympy.degree(expr, var) != 1:
        return expr
    lead = expr.coeff(var, 1)
    if not lead.is_Rational or lead in (1, -1):
        return expr
    return Mul(lead, sympy.expand(expr / lead), evaluate=False)


def combine_numbers(product):
    """Multiply out the numbers of a shown product, keep its other factors.

    ``2(a - 1/2) * 3/2`` becomes ``3(a - 1/2)``.
    """
    number = sympy.S.One
    others = []
    for factor in Mul.make_args(product):
        for inner in Mul.make_args(factor):
            if inner.is_Number:
                number *= inner
            else:
                others.append(inner)
    if not others:
        return number
    if number == 1:
        return Mul(*others)
    if len(others) == 1 and others[0].is_Add:
        return Mul(number, others[0], evaluate=False)
    return number * Mul(*others)


def unevaluated_sum(terms):
    """A sum shown term by term (a single term stays as it is)."""
    terms = list(terms)
    if len(terms) == 1:
        return terms[0]
    return Add(*terms, evaluate=False)
