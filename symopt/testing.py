"""Exact assertions for pytest suites: symbolic equality with a readable diff.

Strings are read with the safe parser, numbers become exact, and SymPy input
is normalised with :func:`symopt.exact`, so ``"4.5w - 1.5"``, ``9*w/2 - 3/2``
and a plain ``sympy.Symbol("w")`` expression all compare as the same thing.

>>> assert_equal("4.5w - 1.5", "9w/2 - 3/2")
>>> assert_derivative("(1.5w - 0.5)^2", "w", "4.5w - 1.5")
"""

import sympy

from .errors import shorten
from .parsing import exact

__all__ = ["assert_equal", "assert_derivative"]


def assert_equal(actual, expected, *, label="expressions"):
    """Assert that two expressions (or relations, or sequences of them) are equal.

    Equal means symbolically equal: ``(x + 1)**2`` equals ``x**2 + 2*x + 1``.
    On failure the AssertionError shows both sides and their difference.

    >>> assert_equal([0.5, "x^2"], ["1/2", "x*x"])
    """
    if isinstance(actual, (list, tuple)) or isinstance(expected, (list, tuple)):
        _assert_sequences(actual, expected, label)
        return
    left, right = exact(actual), exact(expected)
    if _equal(left, right):
        return
    lines = [f"{label} differ:", f"  actual:   {left}", f"  expected: {right}"]
    if label.endswith(":"):
        lines[0] = label
    if not _is_relation(left) and not _is_relation(right):
        lines.append(f"  actual - expected: {_simplify(left - right)}")
    raise AssertionError("\n".join(lines))


def assert_derivative(f, wrt, expected):
    """Assert that the derivative of ``f`` with respect to ``wrt`` is ``expected``.

    ``f`` may be text, a SymPy expression or a :func:`symopt.function`;
    ``wrt`` a name or a symbol.

    >>> assert_derivative("sigmoid(x)", "x", "sigmoid(x)*(1 - sigmoid(x))")
    """
    expr, variable = exact(f), exact(wrt)
    if not isinstance(variable, sympy.Symbol):
        raise AssertionError(f"wrt must be a single variable, got {variable}")
    derivative = sympy.diff(expr, variable)
    header = f"d/d{variable} of {shorten(expr, 60)} is not the expected one:"
    assert_equal(derivative, expected, label=header)


def _assert_sequences(actual, expected, label):
    if not (isinstance(actual, (list, tuple)) and isinstance(expected, (list, tuple))):
        raise AssertionError(f"{label} differ: {actual!r} vs {expected!r}")
    if len(actual) != len(expected):
        raise AssertionError(
            f"{label} differ in length: {len(actual)} actual, {len(expected)} expected"
        )
    for index, (left, right) in enumerate(zip(actual, expected)):
        assert_equal(left, right, label=f"{label} at index {index}")


def _equal(left, right):
    if left == right:
        return True
    if _is_relation(left) or _is_relation(right):
        return type(left) is type(right) and _equal(
            left.lhs - left.rhs, right.lhs - right.rhs
        )
    return _simplify(left - right) == 0


def _simplify(expr):
    return sympy.simplify(sympy.expand(expr))


def _is_relation(expr):
    return isinstance(expr, sympy.core.relational.Relational)
