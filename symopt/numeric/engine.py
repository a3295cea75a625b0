"""The iteration behind every descent method, in floats, in exact rationals,
and for many step sizes at once.

A method is a map ``F`` of the state (variables, then multipliers), a sign
per coordinate and an optional projection: one step is
``state <- P(state + lr * sign * F(state))``. Plain descent has ``F = grad f``
and sign -1; descent-ascent on a Lagrangian has sign +1 on the multipliers and
clips ``mu >= 0``; projected descent projects the variables onto a closed-form
set. The float run, the exact run and the sweep all apply this one update.
"""

from dataclasses import dataclass, field

import numpy as np

from .compile import Compiled, compile_scalar_loop, compile_scalar_map

__all__ = ["Method", "Trace", "run_float", "run_exact", "run_batch"]

#: Beyond this size a state counts as diverged (floats would overflow soon).
DIVERGED = 1e100
#: In a sweep, a state this many times the problem's scale counts as diverged.
GROWTH = 1e12
#: Exact iterates whose numerator and denominator pass this many digits stop.
MAX_DIGITS = 400


@dataclass
class Method:
    """``state <- project(state + lr * signs * F(state))``.

    ``project_float(X)`` works on a ``(m, n)`` array, ``project_exact(x)`` on
    a tuple of exact numbers; both ``None`` for no projection.
    """

    name: str
    state: tuple
    field_exprs: tuple
    signs: tuple
    project_float: object = None
    project_exact: object = None
    _batch: Compiled = field(default=None, repr=False)
    _scalar: object = field(default=None, repr=False)
    _step: object = field(default=None, repr=False)

    @property
    def batch(self):
        if self._batch is None:
            self._batch = Compiled(
                self.field_exprs, self.state, (len(self.field_exprs),)
            )
        return self._batch

    @property
    def scalar(self):
        if self._scalar is None:
            self._scalar = compile_scalar_map(self.field_exprs, self.state)
        return self._scalar

    @property
    def scalar_loop(self):
        """Plain descent on one variable as a compiled Python float loop."""
        if self._step is None:
            self._step = compile_scalar_loop(self.field_exprs[0], self.state[0])
        return self._step

    def exact_step(self, x, lr):
        at = dict(zip(self.state, x))
        values = [e.xreplace(at) for e in self.field_exprs]
        new = tuple(xi + s * lr * v for xi, s, v in zip(x, self.signs, values))
        return self.project_exact(new) if self.project_exact else new

    def batch_step(self, X, lr, rate=None):
        """One step for a batch of states ``(m, n)``; ``rate`` may carry
        ``lr * signs`` precomputed as ``(m, n)``."""
        if rate is None:
            rate = lr[:, None] * np.asarray(self.signs, dtype=float)
        fn = self.batch._fn
        with np.errstate(all="ignore"):
            values = fn(*(X[:, i] for i in range(X.shape[1])))
            rows = X.shape[:1]
            if len(values) == 1:
                field = np.broadcast_to(values[0], rows)[:, None]
            else:
                field = np.stack([np.broadcast_to(v, rows) for v in values], axis=1)
            new = X + rate * field
            return self.project_float(new) if self.project_float else new


@dataclass
class Trace:
    """What a run produced: float states, exact states, and how it ended."""

    points: np.ndarray  # (K + 1, n)
    exact: list  # exact states for the first iterations
    exact_stop: str  # "all", "cap", "size" or "irrational"
    status: str  # "converged", "diverged" or "max_steps"


def run_float(method, start, lr, *, steps, tol):
    """Iterate in floats from ``start`` for ``steps`` steps or until a step
    moves less than ``tol``; stops at the first non-finite or huge state."""
    plain = method.project_float is None and all(s == -1 for s in method.signs)
    if plain and len(start) == 1:
        path = [float(start[0])]
        try:
            method.scalar_loop(path[0], float(lr), steps, tol, path)
        except (OverflowError, ValueError, ZeroDivisionError):
            path.append(float("inf"))
        points = np.array(path)[:, None]
    elif plain:
        points = _plain_loop(method.scalar, start, float(lr), steps, tol)
    else:
        points = _batch_loop(method, start, float(lr), steps, tol)
    finite = np.all(np.isfinite(points), axis=1) & np.all(
        np.abs(points) < DIVERGED, axis=1
    )
    if not finite.all():
        return Trace(points[: int(np.argmin(finite))], [], "", "diverged")
    moved = np.max(np.abs(points[-1] - points[-2])) if len(points) > 1 else 0.0
    status = "converged" if tol is not None and moved < tol else "max_steps"
    return Trace(points, [], "", status)


def _plain_loop(grad, start, lr, steps, tol):
    # Plain descent in Python floats: one call of the compiled gradient and
    # the textbook update per step, nothing else in the loop.
    x = [float(v) for v in start]
    path = [tuple(x)]
    for _ in range(steps):
        try:
            g = grad(*x)
        except (OverflowError, ValueError, ZeroDivisionError):
            path.append(tuple(float("inf") for _ in x))
            break
        new = [xi - lr * gi for xi, gi in zip(x, g)]
        path.append(tuple(new))
        if tol is not None and not max(abs(a - b) for a, b in zip(new, x)) >= tol:
            break
        x = new
    return np.array(path)


def _batch_loop(method, start, lr, steps, tol):
    X = np.array([[float(v) for v in start]])
    rate = np.array([lr])
    path = [X[0]]
    for _ in range(steps):
        new = method.batch_step(X, rate)
        path.append(new[0])
        moved = np.max(np.abs(new - X))
        if not np.isfinite(moved) or np.max(np.abs(new)) > DIVERGED:
            break
        if tol is not None and moved < tol:
            break
        X = new
    return np.array(path)


def run_exact(method, start, lr, *, steps):
    """The same update in exact arithmetic for at most ``steps`` steps.

    Stops early, saying why, when an iterate is not rational (an exp or a
    square root came in) or its digits pass ``MAX_DIGITS``.
    """
    x = tuple(start)
    states = [x]
    for _ in range(steps):
        x = method.exact_step(x, lr)
        if not all(v.is_Rational for v in x):
            return states, "irrational"
        if max(_digits(v) for v in x) > MAX_DIGITS:
            return states, "size"
        states.append(x)
    return states, "cap"


def _digits(q):
    return len(str(abs(q.p))) + len(str(q.q))


def run_batch(method, start, lrs, *, steps, tol, target=None):
    """Every step size in ``lrs`` at once: one NumPy evaluation per iteration.

    Returns ``(iterations, final, status)``: per step size the iteration at
    which it met the tolerance (-1 if never), the final state and
    ``"converged"``, ``"diverged"`` or ``"max_steps"``. With a ``target`` the
    tolerance is on the distance to it, else on the step length. A step size
    whose state moves ``GROWTH`` times farther out than the problem's scale
    counts as diverged. Finished step sizes leave the batch, so late
    iterations cost only what is still running.
    """
    lrs = np.asarray(lrs, dtype=float)
    m = len(lrs)
    x0 = np.array([float(v) for v in start])
    goal = None if target is None else np.array([float(v) for v in target])
    scale = max(1.0, np.abs(x0).max(), 0.0 if goal is None else np.abs(goal).max())
    limit = min(DIVERGED, GROWTH * scale)
    reached = np.full(m, -1)
    diverged = np.zeros(m, dtype=bool)
    final = np.tile(x0, (m, 1))
    alive = np.arange(m)
    X, rate = final.copy(), lrs[:, None] * np.asarray(method.signs, dtype=float)
    for k in range(1, steps + 1):
        new = method.batch_step(X, None, rate)
        with np.errstate(all="ignore"):
            size = np.abs(new).max(axis=1)
            gap = np.abs(new - (X if goal is None else goal)).max(axis=1)
        blown = ~(size < limit)
        done = ~blown & (gap < tol)
        if blown.any() or done.any():
            diverged[alive[blown]] = True
            reached[alive[done]] = k
            final[alive[done]] = new[done]
            final[alive[blown]] = X[blown]
            keep = ~(blown | done)
            alive, new, rate = alive[keep], new[keep], rate[keep]
            if alive.size == 0:
                break
        X = new
    else:
        final[alive] = X
    status = np.where(
        diverged, "diverged", np.where(reached >= 0, "converged", "max_steps")
    )
    return reached, final, status
