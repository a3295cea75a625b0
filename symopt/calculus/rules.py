"""The derivative rules of one-variable calculus, as data.

Each elementary function maps to its rule id and its derivative with respect
to its own argument ``u``, written as a teacher writes it
(``sigma(u)(1 - sigma(u))``, not ``sigma(u) - sigma(u)**2``). The rule engine
in :mod:`symopt.calculus.steps` looks rules up here; nothing else does.

>>> from symopt import symbols, sigmoid
>>> u, = symbols("u")
>>> rule_for(sigmoid(u))
'diff_sigmoid'
>>> outer_derivative(sigmoid(u), u)
(1 - sigmoid(u))*sigmoid(u)
"""

import sympy
from sympy import Mul, Piecewise, S

from ..functions import relu, sigmoid, softplus, step

__all__ = ["FUNCTION_RULES", "rule_for", "outer_derivative", "kink_cases"]


def _sigmoid(u):
    return Mul(sigmoid(u), 1 - sigmoid(u), evaluate=False)


def _tanh(u):
    return 1 - sympy.tanh(u) ** 2


# Function class -> (rule id, derivative in its argument u).
FUNCTION_RULES = {
    sympy.exp: ("diff_exp", sympy.exp),
    sympy.log: ("diff_log", lambda u: 1 / u),
    sympy.sin: ("diff_trig", sympy.cos),
    sympy.cos: ("diff_trig", lambda u: -sympy.sin(u)),
    sympy.tan: ("diff_trig", lambda u: 1 + sympy.tan(u) ** 2),
    sympy.tanh: ("diff_tanh", _tanh),
    sigmoid: ("diff_sigmoid", _sigmoid),
    softplus: ("diff_softplus", sigmoid),
    relu: ("diff_relu", step),
    step: ("diff_step", lambda u: S.Zero),
    sympy.Abs: ("diff_abs", sympy.sign),
}

# Functions with a kink or jump at 0: the derivative on either side, shown as
# cases, and the value symopt uses at the kink (a subgradient for relu, abs).
_KINKS = {
    relu: (S.One, S.Zero, S.Zero),
    step: (S.Zero, S.Zero, S.Zero),
    sympy.Abs: (S.One, S.NegativeOne, S.Zero),
}


def rule_for(expr):
    """The rule id for an elementary function application, or None."""
    entry = FUNCTION_RULES.get(expr.func)
    return entry[0] if entry else None


def outer_derivative(expr, u):
    """``f'(u)`` for ``expr = f(u)``, in the rule table's teacher form."""
    return FUNCTION_RULES[expr.func][1](u)


def kink_cases(expr, u):
    """Cases of ``f'(u)`` around a kink at 0, and the value used at 0.

    Returns None for functions without a kink.
    """
    if expr.func not in _KINKS:
        return None
    right, left, at_zero = _KINKS[expr.func]
    cases = Piecewise((right, u > 0), (left, u < 0))
    return cases, at_zero
