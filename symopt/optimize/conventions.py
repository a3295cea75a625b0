"""Multiplier sign conventions of numerical tools, as a table.

symopt: ``L = f + sum mu_i g_i + sum lambda_j h_j`` for ``min f``,
``g_i <= 0``, ``h_j = 0``, ``mu_i >= 0``. Each tool is asked about the same
problem written the natural way (a constraint ``a >= b`` as the function
``a`` with lower bound ``b``, ``a <= b`` with upper bound ``b``, ``a == b``
with both bounds ``b``; a maximum as the minimum of ``-f``). The table gives
the factor that turns symopt's multiplier into the tool's:

============================  ========  ========  ========
tool                           ``<=``    ``>=``    ``==``
============================  ========  ========  ========
scipy ``trust-constr`` (v)       +1        -1        +1
scipy ``SLSQP`` (multipliers)    +1        +1        -1
cvxpy (``dual_value``)           +1        +1        +1
CasADi (``lam_g``)               +1        -1        +1
============================  ========  ========  ========

>>> from sympy import Integer
>>> convert({"mu1": Integer(4)}, "scipy-trust-constr", ["ge"], [])
{'mu1': -4}
"""

from ..errors import InputError

__all__ = ["FACTORS", "TOOLS", "convert"]

# tool -> {constraint direction -> factor}
FACTORS = {
    "scipy-trust-constr": {"le": 1, "ge": -1, "eq": 1},
    "scipy-slsqp": {"le": 1, "ge": 1, "eq": -1},
    "cvxpy": {"le": 1, "ge": 1, "eq": 1},
    "casadi": {"le": 1, "ge": -1, "eq": 1},
}
TOOLS = tuple(FACTORS)


def convert(multipliers, tool, inequality_directions, equality_count):
    """symopt's multipliers (keys ``lam1``, ``mu1``, ...) in ``tool``'s signs.

    ``inequality_directions`` lists ``"le"`` or ``"ge"`` per inequality as
    the user wrote it.
    """
    if tool not in FACTORS:
        raise InputError(f"unknown tool {tool!r}; use one of {', '.join(TOOLS)}")
    factors = FACTORS[tool]
    result = {}
    for key, value in multipliers.items():
        if key.startswith("mu"):
            direction = inequality_directions[int(key[2:]) - 1]
            result[key] = factors[direction] * value
        else:
            result[key] = factors["eq"] * value
    return result
