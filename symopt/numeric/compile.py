"""Exact expressions as NumPy functions, vectorized over a batch of points.

A compiled function takes points as an array whose last axis runs over the
variables (``(..., n)``; with one variable a plain ``(...)`` array works too)
and returns ``(...)`` for a scalar, ``(..., m)`` for a gradient and
``(..., n, n)`` for a Hessian. Constants broadcast to the batch's shape, so a
quadratic's constant Hessian comes back once per point.

>>> from symopt.parsing import parse, symbols
>>> w, = symbols("w")
>>> grad = compile_gradient(parse("(1.5w - 0.5)^2"), [w])
>>> grad([0.8, 1/3]).round(12).tolist()
[[2.1], [0.0]]
>>> compile_hessian(parse("(1.5w - 0.5)^2"), [w])([0.0, 1.0]).tolist()
[[[4.5]], [[4.5]]]

symopt's activations compile to their NumPy forms (``relu`` as
``maximum(x, 0)``, ``step`` as ``heaviside(x, 0)``): ReLU's derivative at 0
is 0, exactly as in the exact layer, where ``relu'(x) = step(x)`` and
``step(0) = 0``.
"""

import math
import types

import numpy as np
import sympy

from ..errors import InputError, shorten
from ..parsing import exact, symbol

__all__ = [
    "Compiled",
    "compile_function",
    "compile_gradient",
    "compile_hessian",
    "compile_lagrangian",
    "compile_scalar_map",
    "compile_scalar_loop",
    "gradient",
]


def gradient(expr, variables):
    """The exact gradient of ``expr`` as a tuple, one entry per variable."""
    return tuple(sympy.diff(expr, v) for v in variables)


class Compiled:
    """A NumPy function of ``variables`` with the exact expressions it came from.

    ``shape`` is ``()`` for a scalar, ``(m,)`` for a vector, ``(m, k)`` for a
    matrix; ``exprs`` holds the exact entries, flattened row by row.
    """

    def __init__(self, exprs, variables, shape):
        self.exprs = tuple(exprs)
        self.variables = tuple(variables)
        self.shape = tuple(shape)
        self._fn = _lambdify(self.exprs, self.variables)

    def __call__(self, points):
        columns, batch = _columns(points, len(self.variables))
        # Overflow of exp inside sigmoid is the right limit (1/(1+inf) = 0);
        # divergence is judged by the callers, not by a warning.
        with np.errstate(over="ignore", under="ignore", invalid="ignore"):
            values = self._fn(*columns)
        flat = np.stack([np.broadcast_to(v, batch) for v in values], axis=-1)
        return flat.reshape(batch + self.shape).astype(float, copy=False)

    def at(self, **values):
        """The value at one point given by variable name: ``g.at(w=0.8)``."""
        # Names are read as symbols are made: at(λ=1) is at(lambda=1).
        values = {symbol(k).name: v for k, v in values.items()}
        names = {v.name: i for i, v in enumerate(self.variables)}
        unknown = sorted(set(values) - set(names))
        missing = sorted(set(names) - set(values))
        if unknown or missing:
            raise InputError(
                f"expected values for {', '.join(names)}; "
                f"unknown {unknown or '-'}, missing {missing or '-'}"
            )
        point = [float(values[v.name]) for v in self.variables]
        return self(np.array(point))

    def __repr__(self):
        names = ", ".join(v.name for v in self.variables)
        return f"<Compiled {self.shape or 'scalar'} of ({names})>"


def compile_function(expr, variables):
    """``expr`` as a NumPy function of ``variables`` (a scalar per point)."""
    variables = _variables(variables)
    return Compiled([_check(expr, variables)], variables, ())


def compile_gradient(expr, variables):
    """The gradient of ``expr`` as a NumPy function: a flat ``(..., n)`` array."""
    variables = _variables(variables)
    grad = gradient(_check(expr, variables), variables)
    return Compiled(grad, variables, (len(variables),))


def compile_hessian(expr, variables):
    """The Hessian of ``expr`` as a NumPy function: ``(..., n, n)``."""
    variables = _variables(variables)
    expr = _check(expr, variables)
    rows = sympy.hessian(expr, variables)
    n = len(variables)
    return Compiled(list(rows), variables, (n, n))


def compile_lagrangian(problem):
    """A :class:`symopt.Problem`'s Lagrangian and its gradient as NumPy
    functions of ``(variables, lambdas, mus)``, in that order.

    >>> from symopt import Problem
    >>> L, grad = compile_lagrangian(Problem.minimize("(y - 1)^2").subject_to("y >= 3"))
    >>> L([3.0, 4.0]).item(), grad([3.0, 4.0]).tolist()
    (4.0, [0.0, 0.0])
    """
    lagrangian, lams, mus = problem.lagrangian()
    variables = tuple(problem.variables) + tuple(lams) + tuple(mus)
    return compile_function(lagrangian, variables), compile_gradient(
        lagrangian, variables
    )


def compile_scalar_map(exprs, variables):
    """``exprs`` as one plain-Python function of floats returning a tuple.

    For a single descent run a Python-float loop beats NumPy's per-call
    overhead on scalars by far; the arithmetic is the same IEEE doubles.
    ``math`` raises on overflow instead of returning ``inf``, which the
    descent loop reads as divergence.
    """
    names, exprs = _safe_names(tuple(exprs), tuple(variables))
    return sympy.lambdify(
        names, exprs, modules=[_PYTHON_FUNCTIONS, "math"], cse=True, docstring_limit=0
    )


def compile_scalar_loop(grad, variable):
    """Plain descent on one variable as a generated Python float loop.

    Returns ``loop(w, lr, steps, tol, path)``: it appends every iterate of
    ``w <- w - lr * grad(w)`` to ``path`` and stops after ``steps`` steps, or
    when a step moves less than ``tol`` (``None``: never). The gradient is
    written into the loop's body, so a step costs what it costs in a
    hand-written float loop, with the same IEEE arithmetic.
    """
    from sympy.printing.pycode import PythonCodePrinter

    (w,), (g,) = _safe_names((grad,), (variable,))
    printer = PythonCodePrinter(
        {
            "fully_qualified_modules": True,
            "user_functions": {name: name for name in _PYTHON_FUNCTIONS},
        }
    )
    body = printer.doprint(g)
    x = printer.doprint(w)
    source = "\n".join(
        [
            f"def loop({x}, lr, steps, tol, path):",
            "    append = path.append",
            "    if tol is None:",
            "        for _ in range(steps):",
            f"            {x} = {x} - lr * ({body})",
            f"            append({x})",
            f"        return {x}",
            "    for _ in range(steps):",
            f"        new = {x} - lr * ({body})",
            "        append(new)",
            f"        if not abs(new - {x}) >= tol:",
            "            break",
            f"        {x} = new",
            f"    return {x}",
            "",
        ]
    )
    # The source is symopt's own: a fixed loop around an expression SymPy's
    # printer wrote from a SymPy object (names are symopt's stand-ins). No
    # user text reaches it, so compiling it is as safe as sympy.lambdify.
    code = compile(source, "<symopt descent loop>", "exec")
    namespace = {"math": math, **_PYTHON_FUNCTIONS}
    inner = next(c for c in code.co_consts if isinstance(c, types.CodeType))
    return types.FunctionType(inner, namespace)


# Inside: names, columns, lambdify.


def _variables(variables):
    # exact() turns a plain SymPy symbol into symopt's real symbol of the
    # same name; the variables must go the same way as the expression, or
    # x from sympy.Symbol("x") would not be the x in the expression.
    out = tuple(exact(v) for v in variables)
    for given, v in zip(variables, out):
        if not isinstance(v, sympy.Symbol):
            raise InputError(f"expected a variable, got {shorten(given)}")
    return out


def _check(expr, variables):
    expr = exact(expr)
    extra = expr.free_symbols - set(variables)
    if extra:
        names = ", ".join(sorted(s.name for s in extra))
        raise InputError(
            f"{shorten(expr)} has symbols {names} that are not variables; "
            "give them values first or list them as variables"
        )
    return expr


def _safe_names(exprs, variables):
    # Names like w_{1} or Greek letters are no Python identifiers; lambdify
    # sees stand-ins instead, so any symbol name compiles.
    dummies = tuple(sympy.Dummy(f"x{i}") for i in range(len(variables)))
    swap = dict(zip(variables, dummies))
    return dummies, tuple(exact(e).xreplace(swap) for e in exprs)


def _lambdify(exprs, variables):
    names, exprs = _safe_names(exprs, variables)
    return sympy.lambdify(
        names, exprs, modules=[_NUMPY_FUNCTIONS, "numpy"], cse=True, docstring_limit=0
    )


def _columns(points, n):
    points = np.asarray(points, dtype=float)
    if n == 1 and (points.ndim == 0 or points.shape[-1] != 1):
        points = points[..., None]
    if points.shape[-1:] != (n,):
        raise InputError(
            f"expected points with {n} coordinates on the last axis, "
            f"got an array of shape {points.shape}"
        )
    batch = points.shape[:-1]
    return [points[..., i] for i in range(n)], batch


def _py_sigmoid(x):
    # The two forms keep exp's argument non-positive: no overflow either way.
    if x >= 0:
        return 1.0 / (1.0 + math.exp(-x))
    z = math.exp(x)
    return z / (1.0 + z)


def _py_softplus(x):
    return max(x, 0.0) + math.log1p(math.exp(-abs(x)))


_PYTHON_FUNCTIONS = {
    "sigmoid": _py_sigmoid,
    "relu": lambda x: x if x > 0 else 0.0,
    "step": lambda x: 1.0 if x > 0 else 0.0,
    "softplus": _py_softplus,
    "Heaviside": lambda x, h0=0.0: 1.0 if x > 0 else (h0 if x == 0 else 0.0),
    "Max": max,
    "Min": min,
}

# The NumPy printer already prints symopt's functions through their own
# _numpycode; these are the fallback should an expression reach lambdify
# unprinted (a function rebuilt under the same name).
_NUMPY_FUNCTIONS = {
    "sigmoid": lambda x: 1.0 / (1.0 + np.exp(-x)),
    "relu": lambda x: np.maximum(x, 0.0),
    "step": lambda x: np.heaviside(x, 0.0),
    "softplus": lambda x: np.logaddexp(0.0, x),
}
