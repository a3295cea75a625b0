"""Constrained optimization problems, normalized for the KKT conditions.

For ``min f`` subject to ``g_i(x) <= 0`` and ``h_j(x) = 0`` symopt uses the
Lagrangian ``L = f + sum mu_i g_i + sum lambda_j h_j`` with ``mu_i >= 0``.
``max f`` is solved as ``min -f``.

>>> p = Problem.minimize("(y - 1)^2").subject_to("y >= 3")
>>> p.inequalities
[3 - y]
>>> p.lagrangian()[0]
mu_1*(3 - y) + (y - 1)**2
"""

import sympy

from ..budget import DEFAULT_TIMEOUT
from ..errors import InputError, SolveError, shorten
from ..parsing import exact, parse, symbol

__all__ = ["Problem"]

_RELATIONS = (sympy.Eq, sympy.Le, sympy.Ge, sympy.Lt, sympy.Gt)


class Problem:
    """``min f`` or ``max f`` over real variables, subject to constraints.

    Build one with :meth:`minimize` or :meth:`maximize`, add constraints with
    :meth:`subject_to` (text such as ``"x^2 + y^2 == 1"`` or SymPy relations),
    then call :meth:`solve` or :meth:`dual`.
    """

    def __init__(self, f, sense, *, variables=None):
        if sense not in ("min", "max"):
            raise InputError(f"sense must be 'min' or 'max', got {sense!r}")
        f = _expression(f, "objective")
        self.original = f
        self.sense = sense
        self.objective = f if sense == "min" else -f
        self._given = _variables(variables)
        self.inequalities = []
        self.equalities = []
        self.strict = []  # s(x) < 0: open domain restrictions, not in the KKT system
        self.constraints = []  # the relations as the user gave them
        self.inequality_relations = []
        self.equality_relations = []

    @classmethod
    def minimize(cls, f, *, variables=None):
        """The problem ``min f``.

        >>> Problem.minimize("x^2 + y^2").variables
        (x, y)
        """
        return cls(f, "min", variables=variables)

    @classmethod
    def maximize(cls, f, *, variables=None):
        """The problem ``max f``, solved as ``min -f``.

        >>> Problem.maximize("x + y").objective
        -x - y
        """
        return cls(f, "max", variables=variables)

    def subject_to(self, *constraints):
        """Add constraints (text or SymPy relations) and return the problem.

        ``h == c`` is an equality, ``g <= c`` / ``g >= c`` an inequality
        (normalized to ``g(x) <= 0``), ``p > 0`` a strict inequality that only
        restricts the domain.
        """
        for item in constraints:
            if isinstance(item, (list, tuple)):
                self.subject_to(*item)
                continue
            relation = _relation(item)
            self.constraints.append(relation)
            lhs, rhs = relation.lhs, relation.rhs
            if isinstance(relation, sympy.Eq):
                self.equalities.append(sympy.expand(lhs - rhs))
                self.equality_relations.append(relation)
            elif isinstance(relation, sympy.Le):
                self.inequalities.append(lhs - rhs)
                self.inequality_relations.append(relation)
            elif isinstance(relation, sympy.Ge):
                self.inequalities.append(rhs - lhs)
                self.inequality_relations.append(relation)
            elif isinstance(relation, sympy.Lt):
                self.strict.append(lhs - rhs)
            else:
                self.strict.append(rhs - lhs)
        return self

    @property
    def variables(self):
        """The decision variables: as given, else every symbol, sorted by name."""
        if self._given is not None:
            return self._given
        found = set(self.objective.free_symbols)
        for expr in self.inequalities + self.equalities + self.strict:
            found |= expr.free_symbols
        return tuple(sorted(found, key=lambda s: s.name))

    def multiplier_symbols(self):
        """``(lambdas, mus)``: one real symbol per equality and inequality."""
        taken = {v.name for v in self.variables}
        # A dual problem's variables are mu_i: its own multipliers become nu_i.
        lam, mu = (
            ("lambda", "mu") if not taken & {"mu_1", "lambda_1"} else ("kappa", "nu")
        )
        lams = tuple(symbol(f"{lam}_{j}") for j in range(1, len(self.equalities) + 1))
        mus = tuple(symbol(f"{mu}_{i}") for i in range(1, len(self.inequalities) + 1))
        return lams, mus

    def lagrangian(self):
        """``(L, lambdas, mus)`` with ``L = f + sum mu_i g_i + sum lambda_j h_j``."""
        lams, mus = self.multiplier_symbols()
        L = self.objective
        L += sum((m * g for m, g in zip(mus, self.inequalities)), sympy.Integer(0))
        L += sum((lam * h for lam, h in zip(lams, self.equalities)), sympy.Integer(0))
        return L, lams, mus

    def solve(self, *, timeout=DEFAULT_TIMEOUT, on_timeout="raise"):
        """Every KKT point and the optimum, exactly, with each step.

        Past ``timeout`` seconds (``None``: no limit) a
        :class:`symopt.errors.TimeoutError` is raised that suggests
        ``symopt descend``; with ``on_timeout="status"`` a Solution with
        status ``"timeout"`` comes back instead.

        >>> s = Problem.minimize("(y - 1)^2").subject_to("y >= 3").solve()
        >>> s.status, s.optimum.points, s.optimum.multipliers
        ('optimal', [{y: 3}], {'mu1': 4})
        """
        from ..budget import within
        from ..errors import TimeoutError
        from .kkt import solve_exact
        from .solution import timed_out

        self._check_variables()
        _check_timeout(timeout)
        try:
            return within(_guarded, solve_exact, self, timeout=timeout,
                          what="the KKT system")  # fmt: skip
        except TimeoutError as error:
            if on_timeout == "status":
                return timed_out(self, error, timeout)
            raise

    def dual(self, *, timeout=DEFAULT_TIMEOUT):
        """The Lagrange dual: dual function, dual optimum, gap and Slater.

        >>> r = Problem.minimize("(y - 1)^2").subject_to("y >= 3").dual()
        >>> r.dual_function, r.d_star, r.gap
        (-mu_1**2/4 + 2*mu_1, 4, 0)
        """
        from ..budget import within
        from .duality import solve_dual

        self._check_variables()
        _check_timeout(timeout)
        return within(_guarded, solve_dual, self, timeout=timeout,
                      what="the dual problem")  # fmt: skip

    def _check_variables(self):
        if not self.variables:
            raise InputError(
                f"{shorten(self.describe())!r} has no variables to optimize over; "
                "write the objective in terms of variables such as x and y"
            )
        found = set(self.objective.free_symbols)
        for expr in self.inequalities + self.equalities + self.strict:
            found |= expr.free_symbols
        # A symbol left out of the variables would be solved as a constant
        # and the "optimum" would contain it.
        missing = sorted(found - set(self.variables), key=lambda s: s.name)
        if missing:
            names = ", ".join(s.name for s in missing)
            given = ", ".join(v.name for v in self.variables)
            verb, it = ("appears", "it") if len(missing) == 1 else ("appear", "them")
            raise InputError(
                f"{names} {verb} in the problem but not among the variables "
                f"({given}); add {it} to the variables (--vars) or replace "
                f"{it} by numbers: symopt solves for numbers, not parameters"
            )

    def describe(self):
        """The problem as one line, for messages."""
        parts = [f"{self.sense} {self.original}"]
        if self.constraints:
            parts.append("s.t. " + ", ".join(str(c) for c in self.constraints))
        return " ".join(parts)

    def __repr__(self):
        return f"<Problem {shorten(self.describe(), 70)}>"


def _guarded(work, problem):
    """Run exact work; what SymPy cannot do becomes a SolveError with a way out."""
    from ..errors import SymoptError

    try:
        return work(problem)
    except SymoptError:
        raise
    except (NotImplementedError, ValueError, TypeError, ArithmeticError) as error:
        kind = type(error).__name__
        raise SolveError(
            f"could not solve {shorten(problem.describe())!r} exactly "
            f"({kind}: {shorten(error, 80)}); try symopt descend for a numerical answer"
        ) from None


def _expression(value, what):
    expr = parse(value) if isinstance(value, str) else exact(value)
    if isinstance(expr, sympy.core.relational.Relational) or not isinstance(
        expr, sympy.Expr
    ):
        raise InputError(
            f"the {what} must be an expression, got {shorten(value)!r}; "
            "write constraints with subject_to"
        )
    return expr


def _relation(item):
    relation = parse(item) if isinstance(item, str) else exact(item)
    if isinstance(relation, sympy.logic.boolalg.BooleanAtom):
        raise InputError(
            f"constraint {shorten(item)!r} is always {relation}; "
            "write it with symbols, e.g. x + y <= 1"
        )
    if not isinstance(relation, _RELATIONS):
        raise InputError(
            f"expected a constraint such as 'x + y <= 1' or 'x^2 + y^2 == 1', "
            f"got {shorten(item)!r}"
        )
    return relation


def _variables(variables):
    if variables is None:
        return None
    if isinstance(variables, str):
        variables = [v for v in variables.replace(",", " ").split() if v]
    result = []
    for v in variables:
        if isinstance(v, str) and not (v.isidentifier() and "__" not in v):
            raise InputError(
                f"expected a variable name such as x or w_1, got {shorten(v)!r}"
            )
        s = symbol(v) if isinstance(v, str) else exact(v)
        if not isinstance(s, sympy.Symbol):
            raise InputError(f"expected a variable name, got {shorten(v)!r}")
        if s in result:
            raise InputError(f"variable {s.name} is listed twice; list each once")
        result.append(s)
    if not result:
        raise InputError("no variables given; list them, e.g. x,y")
    return tuple(result)


def _check_timeout(timeout):
    if timeout is None:
        return
    try:
        positive = float(timeout) > 0
    except (TypeError, ValueError):
        positive = False
    if not positive:
        raise InputError(
            f"timeout must be a positive number of seconds, got {shorten(timeout)!r}; "
            "give more seconds (or timeout=None in Python for no limit)"
        )
