"""Derivations as data: ordered steps of mathematics, with no words in them.

A :class:`Step` holds SymPy objects, a rule id and the parameters its
explanation needs; the renderers turn rule ids into sentences in the reader's
language. A :class:`Derivation` is an ordered list of steps that can nest,
concatenate and check itself.

>>> from symopt.parsing import symbols
>>> w, = symbols("w")
>>> d = Derivation("derivative_of", params={"of": (3*w/2 - 1)**2, "wrt": w})
>>> d.add("simplify", (3*w/2 - 1)**2, 9*w**2/4 - 3*w + 1)
Step(rule='simplify', ...)
>>> bool(d.verify())
True
"""

import random
from dataclasses import dataclass, field
from fractions import Fraction

import sympy
from sympy import Derivative, Rational
from sympy.core.evalf import PrecisionExhausted
from sympy.core.relational import Relational

from .errors import VerificationError, shorten
from .parsing import exact
from .render import capture
from .tidy import tidy

__all__ = ["Step", "Derivation", "Table", "Verification", "tidy"]


@dataclass(frozen=True, eq=False)
class Table:
    """Rows of cells under column headers.

    A header or cell is a SymPy object (shown as math), a ``str`` (a phrase
    key looked up in the reader's language, shown as is when there is none),
    or a number.
    """

    columns: tuple
    rows: tuple

    def __post_init__(self):
        object.__setattr__(self, "columns", tuple(self.columns))
        object.__setattr__(self, "rows", tuple(tuple(r) for r in self.rows))


@dataclass(frozen=True)
class Heading:
    """A column header that names what its cells hold: the phrase ``key``
    with its ``{name}`` fields filled from ``params`` (``float (y, μ₁)``)."""

    key: str
    params: dict = field(default_factory=dict)


#: A table cell standing for rows left out (⋮).
ELIDED = "⋮"


@dataclass(frozen=True)
class AsFraction:
    """A table cell shown as a fraction whatever the number style: an exact
    iterate ``19/50`` beside its float ``0.38`` says what exactness means."""

    value: object


@dataclass(frozen=True, eq=False)
class Step:
    """One step of a derivation.

    ``chain`` is an equation chain: every element equals the next
    (``dC/dw = dC/da * da/dw = 2(a - y) * 3/2 = 9w/2 - 3/2``); ``verify``
    proves each link. ``relations`` holds mathematics shown but not claimed
    equal (a system to solve, a case condition, a rejected inequality).
    ``params`` are what the rule's explanation refers to by name.
    """

    rule: str
    chain: tuple = ()
    relations: tuple = ()
    params: dict = field(default_factory=dict)
    sub: tuple = ()
    table: Table | None = None

    def __post_init__(self):
        object.__setattr__(self, "chain", tuple(self.chain))
        object.__setattr__(self, "relations", tuple(self.relations))
        object.__setattr__(self, "sub", tuple(self.sub))
        object.__setattr__(self, "params", dict(self.params))

    def __repr__(self):
        return f"Step(rule={self.rule!r}, ...)"


class Derivation:
    """An ordered list of steps under a topic, with the definitions in force.

    ``topic`` is a phrase key for the heading (``"backprop"``, ``"kkt"``),
    ``params`` fills its placeholders. ``definitions`` maps symbols to what
    they stand for (``a -> 3w/2``): the chain rule's Leibniz quotients are
    checked against them.
    """

    def __init__(self, topic, steps=(), *, params=None, definitions=None):
        self.topic = topic
        self.steps = list(steps)
        self.params = dict(params or {})
        self.definitions = dict(definitions or {})
        capture.record_keys(topic)
        capture.record_derivation(self)

    def add(self, rule, *chain, relations=(), sub=(), table=None, **params):
        """Append a step and return it."""
        step = Step(rule, chain, relations, params, tuple(sub), table)
        self.steps.append(step)
        capture.record_keys(rule)
        return step

    def extend(self, other):
        """Append another derivation's steps (and its definitions) to this one."""
        self.steps.extend(other.steps)
        self.definitions.update(other.definitions)
        return self

    def __add__(self, other):
        joined = Derivation(
            self.topic,
            self.steps,
            params=self.params,
            definitions=self.definitions,
        )
        return joined.extend(other)

    def __iter__(self):
        return iter(self.steps)

    def __len__(self):
        return len(self.steps)

    def walk(self):
        """Every step, depth first, sub-derivations included."""
        for step in self.steps:
            yield step
            for child in step.sub:
                yield from child.walk()

    def rules(self):
        """The rule ids used, in order of first use."""
        return list(dict.fromkeys(step.rule for step in self.walk()))

    def verify(self, *, strict=False, seed=0, timeout=None):
        """Prove every equality in every chain; report the first that fails.

        Each link is checked symbolically, then by exact evaluation at random
        rational points where simplification cannot settle it.
        Returns a truthy :class:`Verification`; with ``strict=True`` a failure
        raises :class:`symopt.VerificationError`. ``timeout`` (seconds) bounds
        the whole check: past it, :class:`symopt.errors.TimeoutError`.
        """
        if timeout is None:
            report = self._verify(seed)
        else:
            from .budget import within

            what = "verifying the derivation"
            report = within(self._verify, seed, timeout=timeout, what=what)
        if strict and not report:
            raise VerificationError(report.message())
        return report

    def _verify(self, seed):
        rng = random.Random(seed)
        checked = 0
        for path, step, defs in self._walk_with_context(self.definitions, ()):
            for left, right in zip(step.chain, step.chain[1:]):
                checked += 1
                if not _equal(left, right, defs, rng):
                    return Verification(False, checked, path, step, left, right)
        return Verification(True, checked)

    def _walk_with_context(self, defs, path):
        for i, step in enumerate(self.steps):
            here = path + (i + 1,)
            yield here, step, defs
            for child in step.sub:
                merged = {**defs, **child.definitions}
                yield from child._walk_with_context(merged, here)

    # Display: the renderers do the work, imported only when asked for.

    def render(self, format="text", *, lang="en", numbers="auto", standalone=False):  # noqa: A002
        """This derivation as text, LaTeX, Markdown or JSON (see symopt.render)."""
        from .render import render

        return render(self, format, lang=lang, numbers=numbers, standalone=standalone)

    def __str__(self):
        return self.render("text")

    def __repr__(self):
        return f"<Derivation {self.topic!r}: {len(self.steps)} steps>"

    def _repr_latex_(self):
        from .render.latex import render_math

        return render_math(self)

    def _repr_markdown_(self):
        return self.render("markdown")


@dataclass(frozen=True)
class Verification:
    """The outcome of :meth:`Derivation.verify`; truthy when every link holds."""

    ok: bool
    checked: int
    path: tuple = ()
    step: Step | None = None
    left: object = None
    right: object = None

    def __bool__(self):
        return self.ok

    def message(self):
        if self.ok:
            return f"all {self.checked} equalities hold"
        where = ".".join(str(i) for i in self.path)
        return (
            f"step {where} ({self.step.rule}) does not hold: "
            f"{shorten(self.left)} != {shorten(self.right)}"
        )

    def __repr__(self):
        return f"Verification({self.message()})"


# Checking one link of a chain.


def resolve(expr, definitions):
    """Replace Leibniz quotients and defined symbols by what they stand for.

    ``Derivative(C, a)`` is the derivative of C's definition, expanded down to
    ``a`` but not past it, with respect to ``a``; then every defined symbol is
    expanded fully.
    """
    if not isinstance(expr, sympy.Basic):
        expr = exact(expr)
    quotients = {
        d: _leibniz(d, definitions) for d in expr.atoms(Derivative) if d.free_symbols
    }
    if quotients:
        expr = expr.xreplace(quotients)
    return _expand(expr, definitions, stop=None)


def _leibniz(derivative, definitions):
    result = derivative.expr
    for var, count in derivative.variable_count:
        inner = _expand(result, definitions, stop=var)
        result = sympy.diff(inner, var, count)
    return result


def _expand(expr, definitions, stop):
    defs = {k: v for k, v in definitions.items() if k != stop}
    # subs, unlike xreplace, turns f'(u) into Subs(f'(t), t, x**x) when u is
    # expanded, and leaves variables bound by Subs alone.
    bound = expr.has(Derivative, sympy.Subs)
    for _ in range(len(defs) + 1):
        new = expr.subs(defs, simultaneous=True) if bound else expr.xreplace(defs)
        if new == expr:
            return expr
        expr = new
    return expr


def _equal(left, right, definitions, rng):
    if isinstance(left, sympy.MatrixBase) or isinstance(right, sympy.MatrixBase):
        return _equal_matrices(left, right, definitions, rng)
    if isinstance(left, Relational) or isinstance(right, Relational):
        return _equivalent(left, right, definitions, rng)
    diff = (resolve(left, definitions) - resolve(right, definitions)).doit()
    if diff == 0:
        return True
    if diff.atoms(sympy.core.function.AppliedUndef):
        # f(x) has no values to sample: algebra first, then f(x), f'(x), ...
        # as free unknowns (an identity for all their values holds for f's).
        if sympy.simplify(diff) == 0:
            return True
        diff = _unknowns_for_undefined(diff)
    if _refuted(diff, rng):
        return False
    if sympy.count_ops(diff) <= 400:
        try:
            if sympy.simplify(diff) == 0:
                return True
        except (TypeError, ValueError, NotImplementedError):
            pass
    # Zero at several random points, exactly or to 50 digits where the values
    # are transcendental: accepted.
    return _vanishes_at_points(diff, rng, points=8)


def _equal_matrices(left, right, definitions, rng):
    if not (isinstance(left, sympy.MatrixBase) and isinstance(right, sympy.MatrixBase)):
        return False
    if left.shape != right.shape:
        return False
    return all(_equal(a, b, definitions, rng) for a, b in zip(left, right))


def _equivalent(left, right, definitions, rng):
    """Relations in a chain: the same relation up to its orientation
    (``x <= 1`` and ``1 >= x``), equations that are nonzero multiples of each
    other (``2x - 2 = 0`` and ``x = 1``), inequalities positive multiples."""
    if left == right:
        return True
    if not (isinstance(left, Relational) and isinstance(right, Relational)):
        return False
    (kind, a), (other, b) = _oriented(left), _oriented(right)
    if kind is not other:
        return False
    a, b = resolve(a, definitions), resolve(b, definitions)
    if b == 0:
        return a == 0
    ratio = sympy.cancel(sympy.together(a / b))
    if not ratio.is_number or ratio == 0:
        return False
    return kind is sympy.Eq or bool(ratio.is_positive)


# Ge(a, b) is Le(b, a): each relation as (kind, left side - right side).
_FLIPPED = {sympy.Ge: sympy.Le, sympy.Gt: sympy.Lt}


def _oriented(relation):
    kind = type(relation)
    if kind in _FLIPPED:
        return _FLIPPED[kind], relation.rhs - relation.lhs
    return kind, relation.lhs - relation.rhs


def _unknowns_for_undefined(expr):
    undef = sympy.core.function.AppliedUndef
    parts = expr.atoms(sympy.Subs, Derivative, undef)
    # xreplace works from the top, so f'(g(x)) is one unknown, not f' of one.
    return expr.xreplace({a: sympy.Dummy(real=True) for a in parts if a.atoms(undef)})


def _sample(symbol, rng, positive=False):
    value = Rational(Fraction(rng.randint(1, 97), rng.randint(1, 29)))
    if positive or symbol.is_positive or symbol.is_nonnegative:
        return value
    return value if rng.random() < 0.5 else -value


def _value_at(diff, rng):
    """``diff`` at a random point: exact when rational, else evaluated with
    SymPy's adaptive precision; zero when no working precision tells it from 0."""
    # Half the tries use positive points only: x**x or log(x) are real there.
    for attempt in range(12):
        positive = attempt % 2 == 1
        point = {s: _sample(s, rng, positive) for s in diff.free_symbols}
        try:
            value = diff.xreplace(point).doit()
            if value.has(sympy.zoo, sympy.nan, sympy.oo, -sympy.oo):
                continue
            if value.is_Rational:
                return value
            approx = _evaluated(value)
        except (TypeError, ValueError, ZeroDivisionError, ArithmeticError):
            continue
        if approx.is_Number:
            return abs(approx)
    return None


def _evaluated(value):
    # strict: a nonzero result refutes the link however small it is (pi
    # against a 60-digit decimal, e**-1000); a true zero exhausts the working
    # precision instead. SymPy's strict digits can still be noise where terms
    # cancel (a zero came out as 1.7e-29, then 2e-59 at 60 digits), so a
    # nonzero value counts only when twice the precision confirms it.
    try:
        first = value.evalf(30, strict=True)
        if first == 0 or not first.is_Number:
            return first
        second = value.evalf(60, strict=True)
    except PrecisionExhausted:
        return sympy.S.Zero
    if not second.is_Number or abs(second - first) > abs(first) / 10**6:
        return sympy.S.Zero
    return first


def _nonzero(value):
    return value != 0


def _refuted(diff, rng):
    value = _value_at(diff, rng)
    return value is not None and _nonzero(value)


def _vanishes_at_points(diff, rng, points):
    for _ in range(points):
        value = _value_at(diff, rng)
        if value is None or _nonzero(value):
            return False
    return True
