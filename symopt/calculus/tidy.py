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

__all__ = [
    "tidy",
    "factored",
    "pull_number",
    "neat",
    "combine_numbers",
    "unevaluated_sum",
    "dedupe",
]

# Expressions larger than this are returned as they are: simplifying them is
# slow and rarely makes them readable.
_MAX_OPS = 400
# Rewrites of non-polynomials (factor_terms, cancel) are tried below this size.
_MAX_OPS_REWRITE = 80


def tidy(expr):
    """The tidiest equal form of ``expr`` (never a trigonometric rewrite)."""
    if not isinstance(expr, sympy.Basic):
        expr = exact(expr)
    if not small(expr, 2 * _MAX_OPS):
        return expr
    if expr.is_polynomial():
        return sympy.expand(expr)
    if sympy.count_ops(expr) > _MAX_OPS_REWRITE:
        return expr
    candidates = [expr, sympy.factor_terms(expr)]
    if any(p.exp.is_negative for p in expr.atoms(sympy.Pow)):
        candidates += [sympy.cancel(expr), sympy.together(expr)]
    return min(candidates, key=sympy.count_ops)


def small(expr, limit):
    """True when ``expr`` has at most ``limit`` nodes (stops counting early)."""
    for count, _ in enumerate(sympy.preorder_traversal(expr)):
        if count > limit:
            return False
    return True


def factored(expr):
    """A sum with its common number pulled out: ``2(o - y)``, ``3(a - 1/2)``.

    A linear form in one symbol has its leading coefficient pulled out.
    Anything else comes back unchanged. The result is an unevaluated product
    meant for display.
    """
    if not expr.is_Add:
        return expr
    number, rest = pull_number(expr)
    if number == 1:
        return expr
    return Mul(number, rest, evaluate=False)


def pull_number(expr):
    """``(number, rest)`` with ``expr = number * rest``, for display."""
    content, rest = expr.as_content_primitive()
    if len(rest.free_symbols) != 1:
        return content, rest
    (var,) = rest.free_symbols
    if not rest.is_polynomial(var) or sympy.degree(rest, var) != 1:
        return content, rest
    lead = rest.coeff(var, 1)
    if not lead.is_Rational or lead in (1, -1):
        return content, rest
    return content * lead, sympy.expand(rest / lead)


def neat(expr):
    """A product or sum in node symbols as a teacher writes it, not expanded.

    Numbers are gathered in front and sums keep their brackets:
    ``2 w4 o (1 - o)(o - y)``, ``3(a - 1/2)``.
    """
    if not small(expr, 4 * _MAX_OPS):
        return expr
    if expr.is_Add:
        shown = factored(expr)
        if shown is not expr:
            return shown
        if sympy.count_ops(expr) > _MAX_OPS_REWRITE:
            return expr
        return min([expr, sympy.factor_terms(expr)], key=sympy.count_ops)
    if not expr.is_Mul:
        return expr
    number, factors = sympy.S.One, []
    for factor in expr.args:
        if factor.is_Number:
            number *= factor
        elif factor.is_Add:
            inner, rest = pull_number(factor)
            number *= inner
            factors.append(rest)
        else:
            factors.append(factor)
    if number == 1:
        return Mul(*factors)
    return Mul(number, *factors, evaluate=False)


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


def dedupe(chain):
    """An equation chain without links that would read the same twice.

    Equal neighbours go, and so do products that differ only in how their
    factors are grouped (``(2u)·cos(x)`` beside ``2u·cos(x)``); a product
    whose numbers are not yet multiplied (``2(a - 1/2)·3/2``) stays.
    """
    out = []
    for item in chain:
        if not out or not _reads_alike(out[-1], item):
            out.append(item)
    return out


def _reads_alike(left, right, limit=60):
    if left == right:
        return True
    if not (small(left, limit) and small(right, limit)):
        return False
    if str(left) == str(right):
        return True
    return left.is_Mul and right.is_Mul and _factors(left) == _factors(right)


def _factors(expr):
    """A product's factors in order, nested products flattened, -1 merged as
    a sign: what a reader sees, whatever the grouping."""
    flat = []
    # An evaluated product reads in SymPy's printing order (2·sin(x)·cos(x)),
    # not in the order it keeps its args.
    built = expr.func(*expr.args) != expr
    for arg in expr.args if built else expr.as_ordered_factors():
        flat += _factors(arg) if arg.is_Mul else [arg]
    numbers = [f for f in flat if f.is_Number]
    if -1 in numbers and len(numbers) > 1:
        flat.remove(-1)
        i = next(i for i, f in enumerate(flat) if f.is_Number)
        flat[i] = -flat[i]
    return flat
