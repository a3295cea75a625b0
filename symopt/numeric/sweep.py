"""Many step sizes at once: which converge, how fast, against the theory.

All step sizes advance together, one NumPy evaluation of the compiled
gradient per iteration for the whole batch.

>>> from symopt.parsing import parse
>>> s = sweep(parse("(1.5w - 0.5)^2"), {"w": 0.8}, [0.1, 0.2, 0.4, 0.5])
>>> [str(x) for x in s.status]
['converged', 'converged', 'converged', 'diverged']
>>> s.predicted
(11/20, 1/10, 4/5, 5/4)
"""

from dataclasses import dataclass

import numpy as np
import sympy

from ..derivation import Derivation, Table
from ..errors import InputError, SolveError, shorten
from ..parsing import exact
from .descent import given_optimum, objective_expr, plain_method, read_start
from .engine import run_batch
from .run import ALPHA, about
from .theory import is_quadratic, minimizer

__all__ = ["sweep", "Sweep", "parse_range"]

#: Rows of the sweep's table (the data keeps every step size).
TABLE_ROWS = 25


def parse_range(text):
    """``"0.05:0.5:10"`` as 10 evenly spaced step sizes from 0.05 to 0.5."""
    parts = text.split(":")
    try:
        lo, hi, n = float(parts[0]), float(parts[1]), int(parts[2])
    except (ValueError, IndexError):
        raise InputError(
            "expected a sweep as START:STOP:COUNT like 0.05:0.5:10, "
            f"got {shorten(text)}"
        ) from None
    if len(parts) != 3 or not (0 < lo <= hi) or not 1 <= n <= 1_000_000:
        raise InputError(
            f"expected 0 < START <= STOP and 1 <= COUNT <= 10^6, got {shorten(text)}"
        )
    return np.linspace(lo, hi, n)


@dataclass
class Sweep:
    """Per step size: the outcome, the steps taken, the exact predicted ratio."""

    objective: sympy.Expr
    variables: tuple
    start: tuple
    lrs: np.ndarray
    status: np.ndarray  # "converged", "diverged", "max_steps"
    iterations: np.ndarray  # step at which the tolerance was met, -1 if never
    final: np.ndarray
    target: tuple | None
    eigenvalues: tuple
    tol: float

    @property
    def max_stable_lr(self):
        if not self.eigenvalues or not all(h > 0 for h in self.eigenvalues):
            return None
        return 2 / max(self.eigenvalues)

    @property
    def predicted(self):
        """Exact ``max |1 - lr h|`` per step size (the step size read exactly)."""
        return tuple(
            max((abs(1 - _exact_lr(lr) * h) for h in self.eigenvalues), key=float)
            for lr in self.lrs
        )

    @property
    def observed(self):
        """Mean error ratio per step over the run, for converged step sizes."""
        if self.target is None:
            return np.full(len(self.lrs), np.nan)
        goal = np.array([float(t) for t in self.target])
        e0 = np.linalg.norm(np.array([float(v) for v in self.start]) - goal)
        ek = np.linalg.norm(self.final - goal, axis=1)
        k = np.where(self.iterations > 0, self.iterations, np.nan)
        with np.errstate(all="ignore"):
            return np.where(ek > 0, (ek / e0) ** (1 / k), 0.0)

    @property
    def derivation(self):
        names = {v: s for v, s in zip(self.variables, self.start)}
        d = Derivation("descent_sweep", params={"f": self.objective, "start": names})
        # On a quadratic the theory is exact: a ratio of 1 or more never
        # converges, however many steps it is given ("not yet" would say
        # otherwise). Elsewhere it holds near the minimizer only.
        exact = self.target is not None and is_quadratic(self.objective, self.variables)
        if self.max_stable_lr is not None:
            L = sympy.Symbol("L", positive=True)
            d.definitions[L] = max(self.eigenvalues, key=float)
            d.add(
                "descent_stable" if exact else "descent_stable_local",
                2 / L,
                self.max_stable_lr,
                L=d.definitions[L],
                L_is=about(d.definitions[L], L),
                range=sympy.StrictLessThan(ALPHA, 2 / L),
            )
        predicted = self.predicted if self.eigenvalues else None
        columns = ("descent_col_lr", "descent_col_status", "descent_col_steps")
        if predicted is not None:
            columns += ("descent_col_rate",)
        rows = []
        for i in _rows(len(self.lrs)):
            status = str(self.status[i])
            if status == "max_steps" and exact and predicted[i] >= 1:
                status = "descent_never"
            row = (
                f"{self.lrs[i]:.6g}",
                status,
                int(self.iterations[i]) if self.iterations[i] >= 0 else "—",
            )
            rows.append(row if predicted is None else row + (predicted[i],))
        rule = "descent_sweep_table" if predicted is not None else "descent_sweep_moved"
        d.add(rule, table=Table(columns, rows), tol=f"{self.tol:g}")
        return d

    def to_data(self, *, lang="en", numbers="auto"):
        from ..render.json import exact_str, steps_data

        predicted = self.predicted if self.eigenvalues else [None] * len(self.lrs)
        observed = self.observed
        return {
            "objective": exact_str(self.objective),
            "optimum": None
            if self.target is None
            else {v.name: exact_str(t) for v, t in zip(self.variables, self.target)},
            "max_stable_lr": None
            if self.max_stable_lr is None
            else exact_str(self.max_stable_lr),
            "sweep": [
                {
                    "lr": float(self.lrs[i]),
                    "status": str(self.status[i]),
                    "converged": bool(self.status[i] == "converged"),
                    "steps": int(self.iterations[i])
                    if self.iterations[i] >= 0
                    else None,
                    "predicted": None
                    if predicted[i] is None
                    else exact_str(predicted[i]),
                    "observed": None
                    if not np.isfinite(observed[i])
                    else float(observed[i]),
                }
                for i in range(len(self.lrs))
            ],
            "steps": steps_data(self.derivation, lang=lang, numbers=numbers),
        }


def _exact_lr(lr):
    # linspace's 0.15000000000000002 is meant as 0.15: read 12 digits.
    return exact(format(float(lr), ".12g"))


def _rows(count):
    if count <= TABLE_ROWS:
        return range(count)
    return sorted(set(np.linspace(0, count - 1, TABLE_ROWS).round().astype(int)))


def sweep(objective, start, lrs, *, steps=10_000, tol=1e-10, optimum=None):
    """Plain descent from ``start`` for every step size in ``lrs`` at once.

    Each step size stops when it is within ``tol`` of the exact minimizer
    (or, without one, when its step is shorter than ``tol``), or when it
    blows up; the exact contraction factor ``max |1 - lr h|`` is given per
    step size.
    """
    f = objective_expr(objective)
    variables, x0 = read_start(start, f)
    lrs = np.asarray(lrs, dtype=float).ravel()
    if lrs.size == 0 or not np.all(lrs > 0):
        raise InputError("expected positive step sizes, like 0.05:0.5:10")
    method = plain_method(f, variables)
    target = None
    if optimum is not None:
        target = given_optimum(f, variables, optimum)
    else:
        try:
            point = minimizer(f, variables)
            target = tuple(point[v] for v in variables)
        except SolveError:
            target = None
    eigen = ()
    if target is not None:
        hessian = sympy.hessian(f, variables).xreplace(dict(zip(variables, target)))
        eigen = tuple(h for h, c in hessian.eigenvals().items() for _ in range(c))
    reached, final, status = run_batch(
        method, x0, lrs, steps=steps, tol=tol, target=target
    )
    return Sweep(f, variables, x0, lrs, status, reached, final, target, eigen, tol)
