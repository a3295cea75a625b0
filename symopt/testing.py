"""Exact assertions for pytest suites: symbolic equality with a readable diff.

Strings are read with the safe parser, numbers become exact, and SymPy input
is normalised with :func:`symopt.exact`, so ``"4.5w - 1.5"``, ``9*w/2 - 3/2``
and a plain ``sympy.Symbol("w")`` expression all compare as the same thing.

>>> assert_equal("4.5w - 1.5", "9w/2 - 3/2")
>>> assert_derivative("(1.5w - 0.5)^2", "w", "4.5w - 1.5")
"""

import random

import sympy

from .derivation import _equal as _links_equal
from .errors import shorten
from .parsing import exact

__all__ = ["assert_equal", "assert_derivative"]


def assert_equal(actual, expected, *, label="expressions"):
    """Assert that two expressions (or relations, or sequences of them) are equal.

    Equal means symbolically equal: ``(x + 1)**2`` equals ``x**2 + 2*x + 1``,
    ``relu(x)`` equals ``max(0, x)``; relations are equal up to orientation
    and a constant factor (``x <= 1`` and ``1 >= x``, ``2x = 2`` and
    ``x = 1``), the check :meth:`symopt.Derivation.verify` applies. Matrices
    compare entry by entry, dicts key by key. On failure the AssertionError
    shows both sides and their difference.

    >>> assert_equal([0.5, "x^2"], ["1/2", "x*x"])
    """
    if isinstance(actual, (list, tuple)) or isinstance(expected, (list, tuple)):
        _assert_sequences(actual, expected, label)
        return
    if isinstance(actual, dict) or isinstance(expected, dict):
        _assert_dicts(actual, expected, label)
        return
    left, right = _exact(actual), _exact(expected)
    if _equal(left, right):
        return
    lines = [f"{label} differ:", f"  actual:   {left}", f"  expected: {right}"]
    if label.endswith(":"):
        lines[0] = label
    if _subtractable(left, right):
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


def _assert_dicts(actual, expected, label):
    if not (isinstance(actual, dict) and isinstance(expected, dict)):
        raise AssertionError(f"{label} differ: {actual!r:.200} vs {expected!r:.200}")
    left = {_exact(k): v for k, v in actual.items()}
    right = {_exact(k): v for k, v in expected.items()}
    if left.keys() != right.keys():
        missing = ", ".join(sorted(map(str, right.keys() - left.keys()))) or "-"
        extra = ", ".join(sorted(map(str, left.keys() - right.keys()))) or "-"
        raise AssertionError(
            f"{label} differ in keys: missing {missing}; unexpected {extra}"
        )
    for key, value in left.items():
        assert_equal(value, right[key], label=f"{label} at {key}")


def _exact(value):
    if isinstance(value, sympy.MatrixBase):
        return sympy.ImmutableMatrix(
            value.shape[0], value.shape[1], list(map(exact, value))
        )
    return exact(value)


def _equal(left, right):
    if left == right:
        return True
    return _links_equal(left, right, {}, random.Random(0))


def _subtractable(left, right):
    if _is_relation(left) or _is_relation(right):
        return False
    matrices = [isinstance(x, sympy.MatrixBase) for x in (left, right)]
    return not any(matrices) or (all(matrices) and left.shape == right.shape)


def _simplify(expr):
    if isinstance(expr, sympy.MatrixBase):
        return expr.applyfunc(_simplify)
    return sympy.simplify(sympy.expand(expr))


def _is_relation(expr):
    return isinstance(expr, sympy.core.relational.Relational)
