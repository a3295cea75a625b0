"""A descent run as a result: iterates three ways, the theory, the verdict."""

import math
from dataclasses import dataclass, field

import numpy as np
import sympy
from sympy import Abs, Derivative, Eq, Symbol

from ..derivation import ELIDED, AsFraction, Derivation, Heading, Table

__all__ = ["Run", "TABLE_ROWS", "JSON_ITERATES", "iterate", "starred"]

#: The step size in formulas.
ALPHA = Symbol("alpha", positive=True)

#: Iterates shown in the derivation's table (then the last one).
TABLE_ROWS = 12
#: Exact rationals with more digits than this show their leading digits.
SHOWN_DIGITS = 40
#: Iterates listed in JSON (then the last one).
JSON_ITERATES = 1000


def iterate(s, k):
    """The symbol ``s`` at step ``k``: ``w_{k}``, and ``w_{1,k}`` or
    ``mu_{1,k}`` for a symbol with an index already (shown wₖ, w₁,ₖ, μ₁,ₖ).

    The braces keep the name one symbol when SymPy reads it back: ``y_k+1``
    would be ``y_k + 1``.
    """
    base, _, sub = s.name.partition("_")
    if sub.startswith("{") and sub.endswith("}"):
        sub = sub[1:-1]
    return Symbol(f"{base}_{{{sub},{k}}}" if sub else f"{base}_{{{k}}}", real=True)


def step_size(lr):
    """The params that name the step size: ``step`` reads α = 0.2 as one
    piece of math."""
    return {"alpha": ALPHA, "lr": lr, "step": Eq(ALPHA, lr, evaluate=False)}


def starred(s):
    """The optimal value's symbol: ``w*`` (LaTeX ``w^{*}``)."""
    return Symbol(f"{s.name}^*", real=True)


@dataclass
class Run:
    """The outcome of :func:`symopt.descend` (and its constrained kin).

    ``points`` holds the float states (``(K + 1, n)``), ``exact`` the exact
    states of the first iterations, ``target`` the exact point they approach
    (variables, then multipliers), ``errors`` the float distance of each
    float state to it, ``theory`` the exact rate (plain descent only).
    """

    method: str
    objective: sympy.Expr
    variables: tuple
    state: tuple
    lr: sympy.Rational
    start: tuple
    trace: object
    exact: list
    exact_stop: str
    target: tuple | None
    optimum_source: str
    theory: object = None
    tol: float | None = None
    constraints: tuple = ()
    extra_steps: list = field(default_factory=list)
    multipliers: dict = field(default_factory=dict)
    #: Projected descent: multipliers read off each projection, (K + 1, p).
    multiplier_path: np.ndarray | None = None
    #: Names in data for symbols of the state (multipliers: ``mu1``, ``lam1``).
    keys: dict = field(default_factory=dict)

    # The numbers.

    @property
    def points(self):
        return self.trace.points

    @property
    def status(self):
        return self.trace.status

    @property
    def diverged(self):
        """Blown up, or still moving away from the optimum at the end: past
        where it started when the exact theory says the error grows every
        step (a quadratic with ``lr > 2/L``), else ten times past it."""
        if self.status == "diverged":
            return True
        errors = self.errors
        if errors is None or len(errors) < 3:
            return False
        growing = bool(errors[-1] > errors[0] and errors[-1] > errors[-2])
        t = self.theory
        if t is not None and not t.local and t.predicted > 1:
            return growing  # exact theory: every step multiplies the error
        return growing and bool(errors[-1] > 10 * errors[0])

    @property
    def converged(self):
        if self.status == "converged":
            return True
        if self.diverged or self.errors is None or len(self.errors) == 0:
            return False
        scale = max(1.0, max(abs(float(t)) for t in self.target))
        return bool(self.errors[-1] <= 1e-9 * scale)

    @property
    def optimum(self):
        if self.target is None:
            return None
        return dict(zip(self.state, self.target))

    @property
    def errors(self):
        if self.target is None:
            return None
        goal = np.array([float(t) for t in self.target])
        return np.linalg.norm(self.points - goal, axis=1)

    def exact_errors(self):
        """Exact distances of the exact iterates to the target."""
        if self.target is None:
            return []
        return [_distance(x, self.target) for x in self.exact]

    @property
    def observed(self):
        """The error ratio per step seen in floats, before rounding dominates."""
        errors = self.errors
        if errors is None or len(errors) < 2 or errors[0] == 0:
            return None
        good = [k for k in range(1, len(errors)) if errors[k] > 1e-8 * errors[0] > 0]
        if not good:
            return None
        k = good[-1]
        return float(errors[k] / errors[k - 1])

    @property
    def observed_exact(self):
        """The last exact error ratio of a quadratic in one variable: there
        it is exactly ``|1 - lr h|`` at every step."""
        # With several coordinates the ratio of two exact distances is a
        # quotient of square roots that says nothing the float ratio does not;
        # an irrational optimum gives an exact but unreadable ratio; away from
        # a quadratic it drifts with every step and is a long rational of a
        # step long before the end. The float ratio says it in each case.
        one = len(self.state) == 1 and self.target and self.target[0].is_Rational
        one = one and self.theory is not None and not self.theory.local
        errs = self.exact_errors() if one else []
        if len(errs) < 2 or errs[-2] == 0:
            return None
        return sympy.simplify(errs[-1] / errs[-2])

    # The derivation.

    @property
    def derivation(self):
        d = Derivation(
            f"descent_{self.method}",
            params={
                "f": self.objective,
                "lr": self.lr,
                "start": self._named(self.start),
            },
        )
        self._gradient_steps(d)
        for step in self.extra_steps:
            d.add(step[0], *step[1], **step[2])
        self._optimum_step(d)
        if self._exact_listed and len(self.exact) == 1:
            d.add("descent_exact_irrational_start")
        elif self._exact_listed:
            # One or two exact iterates before exp or a root came in: they
            # read better as equations than as a column of dashes.
            d.add(
                "descent_exact_irrational_listed",
                relations=self._exact_equations(),
                count=len(self.exact) - 1,
            )
        table = "descent_table" if self.target is not None else "descent_table_moved"
        if self._exact_listed:
            table += "_floats"
        d.add(table, table=self._table())
        if self.exact_stop in ("cap", "size", "irrational") and not self._exact_listed:
            d.add(f"descent_exact_{self.exact_stop}", count=len(self.exact) - 1)
        self._theory_steps(d)
        self._verdict(d)
        return d

    def _named(self, values):
        return {s: v for s, v in zip(self.state, values)}

    def _gradient_steps(self, d):
        if self.method != "gd":
            return
        # With several variables the gradient's components are partial
        # derivatives of f, defined as the objective: ∂f/∂x = 2x - y.
        f, rule, named = self.objective, "descent_gradient", {}
        if len(self.variables) > 1:
            f, rule = Symbol("f", real=True), "descent_gradient_partial"
            d.definitions[f] = self.objective
            named = {"f": Eq(f, self.objective, evaluate=False)}
        for v in self.variables:
            grad = sympy.diff(self.objective, v)
            d.add(rule, Derivative(f, v), grad, wrt=v, **named)
        rules = []
        for v in self.variables:
            nxt, now = iterate(v, "k+1"), iterate(v, "k")
            grad = sympy.diff(self.objective, v).xreplace(
                {u: iterate(u, "k") for u in self.variables}
            )
            rules.append(Eq(nxt, now - ALPHA * grad))
        d.add("descent_update", relations=rules, **step_size(self.lr))

    def _optimum_step(self, d):
        if self.target is None:
            d.add("descent_no_optimum")
            return
        pairs = list(zip(self.state, self.target)) + list(self.multipliers.items())
        stars = [Eq(starred(s), t) for s, t in pairs]
        d.add(f"descent_optimum_{self.optimum_source}", relations=stars)

    @property
    def _exact_listed(self):
        return self.exact_stop == "irrational" and len(self.exact) <= 3

    def _exact_equations(self):
        return [
            Eq(iterate(s, k), v)
            for k, state in enumerate(self.exact)
            for s, v in zip(self.state, state)
        ]

    @property
    def moves(self):
        """How far each step moved (the largest coordinate change, as the
        tolerance measures it); 0 for the start."""
        steps = np.abs(np.diff(self.points, axis=0))
        return np.concatenate([[0.0], steps.max(axis=1)]) if len(steps) else [0.0]

    def _table(self):
        # Without an exact optimum there is no error to show; the step
        # lengths say what the tolerance saw instead.
        errors = self.errors if self.target is not None else None
        moves = self.moves
        rows = []
        for k in _shown(len(self.points), TABLE_ROWS):
            if rows and k > rows[-1][0] + 1:
                rows.append(None)  # rows left out: a ⋮ row below
            row = (k, _float_text(self.points[k]))
            if not self._exact_listed:
                exact = self.exact[k] if k < len(self.exact) else None
                row += ("—" if exact is None else AsFraction(_tuple(exact)),)
            if errors is not None:
                row += (f"{errors[k]:.3e}",)
            else:
                row += ("—" if k == 0 else f"{moves[k]:.3e}",)
            if self.multiplier_path is not None:
                row += (
                    _float_text(self.multiplier_path[k]),
                    f"{self.multiplier_errors[k]:.3e}",
                )
            rows.append(row)
        columns = ("k", self._heading("descent_col_float", self.state))
        if not self._exact_listed:
            columns += (self._heading("descent_col_exact", self.state),)
        columns += ("descent_col_error" if errors is not None else "descent_col_moved",)
        if self.multiplier_path is not None:
            mus = tuple(self.multipliers)
            columns += (
                self._heading("descent_col_multipliers", mus),
                "descent_col_multiplier_error",
            )
        width = len(columns)
        rows = [(ELIDED,) * width if r is None else r for r in rows]
        return Table(columns, rows)

    @staticmethod
    def _heading(key, symbols):
        # A column of tuples says which coordinate is which: float (y, μ₁).
        if len(symbols) == 1:
            return key
        return Heading(f"{key}_of", {"of": sympy.Tuple(*symbols)})

    @property
    def multiplier_errors(self):
        """Distance of each multiplier estimate to the exact multipliers."""
        if self.multiplier_path is None:
            return None
        exact = np.array([float(v) for v in self.multipliers.values()])
        return np.linalg.norm(self.multiplier_path - exact, axis=1)

    def _theory_steps(self, d):
        t = self.theory
        if t is None:
            return
        kind = "local" if t.local else "exact"
        H = Symbol("H")
        # One variable: H is its eigenvalue, in the same form as below.
        shown = t.eigenvalues[0] if t.hessian.shape == (1, 1) else t.hessian
        d.add(f"descent_hessian_{kind}", relations=[Eq(H, shown, evaluate=False)])
        # Symbols for alpha, each eigenvalue and L, defined in the derivation,
        # so the chains read |1 - alpha h_1| = 1/10 and are checked exactly.
        d.definitions[ALPHA] = self.lr
        for i, (h, factor) in enumerate(zip(t.eigenvalues, t.factors), 1):
            name = Symbol(f"h_{i}", real=True)
            d.definitions[name] = h
            # Unevaluated, so it reads |1 - alpha h| as the lecture writes
            # it, not SymPy's |alpha h - 1|.
            factor_of = Abs(1 - ALPHA * Symbol("h", real=True), evaluate=False)
            d.add(
                "descent_contraction",
                Abs(1 - ALPHA * name, evaluate=False),
                factor,
                h=about(h),
                factor=factor_of,
            )
        if t.max_stable_lr is not None:
            L = Symbol("L", positive=True)
            d.definitions[L] = t.largest
            d.add(
                f"descent_stable{'_local' if t.local else ''}",
                2 / L,
                t.max_stable_lr,
                L=t.largest,
                L_is=about(t.largest, L),
                range=sympy.StrictLessThan(ALPHA, 2 / L),
            )
        observed = self.observed_exact
        rule = "descent_observed" if observed is not None else "descent_observed_float"
        if self.observed is None and observed is None:
            rule = "descent_predicted"  # no step, or the start is the optimum
        d.add(
            rule,
            predicted=about(t.predicted),
            observed=_fmt(self.observed),
            exact=observed if observed is not None else "—",
        )

    def _verdict(self, d):
        t = self.theory
        bound = None if t is None else t.max_stable_lr
        if self.diverged and bound is None:
            # No 2/L to hold the step size against (no exact minimizer, or
            # a Hessian there that is not positive definite).
            d.add("descent_diverged_unexplained", k=len(self.points) - 1, lr=self.lr)
        elif self.diverged:
            d.add(
                "descent_diverged",
                relations=[sympy.Ge(self.lr, bound, evaluate=False)],
                k=len(self.points) - 1,
                lr=self.lr,
                bound=bound,
            )
        elif self.converged:
            self._converged_step(d)
        elif bound is not None and self.lr >= bound:
            d.add("descent_boundary", lr=self.lr, bound=bound)
        else:
            d.add("descent_not_converged", k=len(self.points) - 1)

    def _converged_step(self, d):
        k = len(self.points) - 1
        moved = f"{self.moves[-1]:.3e}"
        if self.target is None:
            # Only the tolerance can say so: no exact optimum to measure by.
            d.add("descent_converged_moved", k=k, moved=moved, tol=f"{self.tol:g}")
            return
        error = f"{self.errors[-1]:.3e}"
        if self.status == "converged":
            d.add(
                "descent_converged", k=k, moved=moved, tol=f"{self.tol:g}", error=error
            )
        else:
            d.add("descent_converged_close", k=k, error=error)

    # Data.

    def _multiplier_data(self, k):
        if self.multiplier_path is None:
            return {}
        names = [self._key(s) for s in self.multipliers]
        return {
            "multipliers": dict(zip(names, map(float, self.multiplier_path[k]))),
            "multiplier_error": float(self.multiplier_errors[k]),
        }

    def _key(self, s):
        return self.keys.get(s, s.name)

    def to_data(self, *, lang="en", numbers="auto"):
        """The run as JSON-able data: floats for floats, exact strings for exact."""
        from ..render.json import exact_str, steps_data

        names = [self._key(s) for s in self.state]
        errors = self.errors
        iterates = []
        for k in _shown(len(self.points), JSON_ITERATES):
            exact = self.exact[k] if k < len(self.exact) else None
            iterates.append(
                {
                    "k": k,
                    "point": dict(zip(names, map(float, self.points[k]))),
                    "exact": None
                    if exact is None
                    else dict(zip(names, map(exact_str, exact))),
                    "error": None if errors is None else float(errors[k]),
                    **self._multiplier_data(k),
                }
            )
        t = self.theory
        data = {
            "method": self.method,
            "objective": exact_str(self.objective),
            "lr": exact_str(self.lr),
            "iterates": iterates,
            "exact_iterates": len(self.exact),
            "exact_stop": self.exact_stop,
            "optimum": None
            if self.target is None
            else {
                **dict(zip(names, map(exact_str, self.target))),
                **{self._key(s): exact_str(v) for s, v in self.multipliers.items()},
            },
            "rate": None
            if t is None
            else {
                "predicted": exact_str(t.predicted),
                "observed": self.observed,
                "observed_exact": None
                if self.observed_exact is None
                else exact_str(self.observed_exact),
                "local": t.local,
                "eigenvalues": [exact_str(h) for h in t.eigenvalues],
            },
            "max_stable_lr": None
            if t is None or t.max_stable_lr is None
            else exact_str(t.max_stable_lr),
            "status": self.status,
            "converged": self.converged,
            "diverged": self.diverged,
        }
        data["steps"] = steps_data(self.derivation, lang=lang, numbers=numbers)
        return data


def _shown(count, limit):
    ks = list(range(min(count, limit + 1)))
    if count - 1 not in ks:
        ks.append(count - 1)
    return ks


def _distance(x, target):
    if len(x) == 1:
        return Abs(x[0] - target[0])
    return sympy.sqrt(sum((a - b) ** 2 for a, b in zip(x, target)))


def _tuple(values):
    cells = [_cell(v) for v in values]
    if any(isinstance(c, str) for c in cells):
        return cells[0] if len(cells) == 1 else "(" + ", ".join(map(str, cells)) + ")"
    return cells[0] if len(cells) == 1 else sympy.Tuple(*cells)


def _cell(value):
    # Past SHOWN_DIGITS an exact rational is shown by its leading digits
    # (the data keeps every digit).
    if len(str(value.p)) + len(str(value.q)) <= SHOWN_DIGITS:
        return value
    return str(sympy.N(value, 17)) + "…"


def _float_text(values):
    parts = [repr(float(v)) for v in values]
    return parts[0] if len(parts) == 1 else "(" + ", ".join(parts) + ")"


def about(value, name=None):
    """An exact number for a sentence: itself when short, else its value to
    six digits (≈ 3.10869); the chains below keep the exact form. With a
    ``name``, the sentence's ``L = 9/2`` or ``L ≈ 3.10869``."""
    if value.is_Rational or len(str(value)) <= 24:
        return value if name is None else Eq(name, value, evaluate=False)
    from ..render.notation import Notation

    near = f"{float(value):.6g}"
    if name is None:
        return Notation(f"≈ {near}", rf"\approx {near}")
    return Notation(f"{name} ≈ {near}", rf"{name} \approx {near}")


def _fmt(value):
    if value is None or not math.isfinite(value):
        return "—"
    return f"{value:.6g}"
