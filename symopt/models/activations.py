"""Why descent: a sigmoid network's stationary equation has no closed form.

The network ``x -> sigmoid(w x)`` (one hidden unit) is fitted to data by the
squared loss ``C(w) = sum (sigmoid(w x_k) - y_k)^2``. Setting ``dC/dw = 0``
mixes exponentials of ``w`` that SymPy's solver cannot isolate (it answers
with an unsolved condition set), while gradient descent from a start value
converges. The lecture's point, computed rather than asserted.
"""

import signal
import threading
from dataclasses import dataclass

import sympy
from sympy import Eq, S

from ..derivation import Derivation
from ..errors import InputError, shorten
from ..functions import sigmoid
from ..parsing import exact, symbols

__all__ = ["NoClosedForm", "sigmoid_no_closed_form"]

# Seconds given to SymPy's solver before the equation is called unsolved.
SOLVE_BUDGET = 30
DESCENT_SOLVE_SECONDS = 0.5


@dataclass(frozen=True)
class NoClosedForm:
    """The loss, its gradient, what SymPy's solver returned and the descent."""

    loss: sympy.Expr
    gradient: sympy.Expr
    solved: object
    closed_form: bool
    run: object
    derivation: Derivation

    def to_data(self, *, lang="en", numbers="auto"):
        from ..render.json import exact_str, steps_data

        data = {
            "loss": exact_str(self.loss),
            "gradient": exact_str(self.gradient),
            "solveset": exact_str(self.solved),
            "closed_form": self.closed_form,
        }
        if self.run is not None:
            data["descent"] = self.run.to_data(lang=lang, numbers=numbers)
        data["steps"] = steps_data(self.derivation, lang=lang, numbers=numbers)
        return data


def sigmoid_no_closed_form(data, *, start="0", lr="4", tol=1e-10):
    """Fit ``sigmoid(w x)`` to ``data`` = ``[(x, y), ..]``: no closed form, descent.

    Returns the exact gradient, SymPy's (unsolved) answer to ``dC/dw = 0`` and
    the descent run (``symopt.descend``) from ``start`` with step size ``lr``
    until a step moves less than ``tol``.
    """
    points = _points(data)
    (w,) = symbols("w")
    C = symbols("C")[0]
    loss = sum((sigmoid(w * x) - y) ** 2 for x, y in points)
    gradient = sympy.diff(loss, w)

    d = Derivation("sigmoid_no_closed_form", params={"n": len(points)})
    yhat = sympy.Symbol("yhat", real=True)
    x = sympy.Symbol("x", real=True)
    d.add("sigmoid_network", relations=(Eq(yhat, sigmoid(w * x)),))
    shown = sympy.Tuple(*(sympy.Tuple(x, y) for x, y in points))
    d.add("sigmoid_loss", relations=(Eq(C, loss),), data=shown)
    d.add("sigmoid_gradient", sympy.Derivative(loss, w), gradient, wrt=w)
    equation = Eq(gradient.rewrite(sympy.exp), 0)
    d.add("stationary_equation", relations=(equation,))

    solved = _solveset(equation, w)
    closed = isinstance(solved, sympy.FiniteSet)
    rule = "solveset_closed" if closed else "solveset_unsolved"
    if solved is None:
        rule, solved = "solveset_timeout", sympy.ConditionSet(w, equation, S.Reals)
    d.add(
        rule,
        relations=(solved,) if closed else (),
        kind=type(solved).__name__,
        seconds=SOLVE_BUDGET,
    )

    from .. import descend  # the numeric layer: gradient descent with its table

    # The descent would try to solve grad C = 0 once more; the answer is
    # known to be out of reach, so it gets only a moment.
    run = descend(
        loss,
        start={w: exact(start)},
        lr=lr,
        tol=tol,
        exact_steps=2,
        solve_seconds=DESCENT_SOLVE_SECONDS,
    )
    d.add("descent_instead", sub=(run.derivation,), start=exact(start), lr=exact(lr))
    return NoClosedForm(loss, gradient, solved, closed, run, d)


def _points(data):
    try:
        points = [(exact(x), exact(y)) for x, y in data]
    except (TypeError, ValueError):
        points = []
    if not points or not all(v.is_Rational for p in points for v in p):
        raise InputError(
            f"data {shorten(data)} must be pairs of numbers (x, y), "
            "e.g. [(1.5, 0.5), (1, 0.9)]"
        )
    return points


def _solveset(equation, w):
    """``solveset`` over the reals within :data:`SOLVE_BUDGET` seconds, or
    None past it."""
    timed = threading.current_thread() is threading.main_thread() and hasattr(
        signal, "setitimer"
    )
    if not timed:
        return sympy.solveset(equation, w, S.Reals)

    def expire(signum, frame):
        raise _Expired

    previous = signal.signal(signal.SIGALRM, expire)
    signal.setitimer(signal.ITIMER_REAL, SOLVE_BUDGET)
    try:
        return sympy.solveset(equation, w, S.Reals)
    except _Expired:
        return None
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


class _Expired(Exception):
    pass
