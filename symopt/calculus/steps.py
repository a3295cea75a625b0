"""Step-by-step differentiation: one visible step per rule.

Each rule application is a step whose chain reads
``d/dx f = (the rule's pattern) = (with the parts' derivatives) = value``.
The chain rule names its inner function as a new symbol (``u = 3w/2 - 1/2``)
kept in the derivation's definitions, so every step verifies. A final step
substitutes the inner functions back and tidies the result; an optional one
evaluates it at a point.

>>> from symopt import symbols
>>> w, = symbols("w")
>>> r = diff_steps((1.5 * w - 0.5) ** 2, w, at={w: 0.8})
>>> r.result, r.value
(9*w/2 - 3/2, 21/10)
>>> r.derivation.rules()
['diff_chain', 'diff_power', 'diff_sum', 'diff_constant_multiple', \
'diff_variable', 'diff_constant', 'simplify', 'substitute']
"""

import sympy
from sympy import Add, Derivative, Mul, Pow, S
from sympy.core.function import AppliedUndef

from ..derivation import Derivation, Step
from ..errors import InputError, shorten
from ..parsing import exact, symbol
from .rules import kink_cases, outer_derivative, rule_for
from .tidy import dedupe, tidy, unevaluated_sum

__all__ = [
    "diff_steps",
    "DiffResult",
    "as_expression",
    "as_symbol",
    "as_point",
    "substitute",
    "at_point",
    "check_finite",
    "check_point",
]

# Names for the chain rule's inner functions, in order of use.
_INNER_NAMES = ("u", "v", "s", "t", "p", "q")


class DiffResult:
    """The derivative of ``expr`` with respect to ``wrt``, with its derivation.

    ``result`` is the tidy exact derivative, ``value`` its exact value at the
    point ``at`` (None without one).
    """

    def __init__(self, expr, wrt, result, derivation, at=None, value=None):
        self.expr = expr
        self.wrt = wrt
        self.result = result
        self.derivation = derivation
        self.at = at
        self.value = value

    def to_data(self, *, lang="en", numbers="auto"):
        """JSON-able data: every exact value as a string SymPy parses back."""
        from ..render.json import exact_str, steps_data

        return {
            "of": exact_str(self.expr),
            "wrt": [exact_str(self.wrt)],
            "result": exact_str(self.result),
            "value": None if self.value is None else exact_str(self.value),
            "at": {exact_str(k): exact_str(v) for k, v in (self.at or {}).items()},
            "steps": steps_data(self.derivation, lang=lang, numbers=numbers),
        }

    def __repr__(self):
        return f"<DiffResult d/d{self.wrt} {shorten(self.expr)} = {self.result}>"


def diff_steps(expr, wrt, *, at=None):
    """Differentiate ``expr`` with respect to ``wrt``, one step per rule.

    ``expr`` is text or SymPy (normalised with :func:`symopt.exact`); ``at``
    maps variables to values and adds an exact evaluation step. The result
    always equals ``sympy.diff(expr, wrt)``.

    >>> from symopt import symbols, sigmoid
    >>> x, = symbols("x")
    >>> diff_steps(sigmoid(2 * x), x).result
    2*(1 - sigmoid(2*x))*sigmoid(2*x)
    >>> diff_steps("relu(x)", "x").result
    step(x)
    """
    expr = as_expression(expr)
    wrt = as_symbol(wrt)
    point = as_point(at)
    if point is not None:
        known = expr.free_symbols | {wrt}
        check_point(point, known, f"d/d{wrt} {shorten(expr)}")
    differ = _Differ(expr, wrt)
    value, raw = differ.derive(expr, wrt)
    derivation = differ.derivation

    # Put the inner functions back, then tidy: the raw product stays visible.
    defs = derivation.definitions
    with sympy.evaluate(False):
        raw_back = substitute(raw, defs)
    back = substitute(value, defs)
    result = tidy(back)
    chain = [Derivative(expr, wrt), raw, raw_back, back, result]
    derivation.add("simplify", *dedupe(chain))

    value_at = None
    if point is not None:
        value_at = result.xreplace(point)
        check_finite(value_at, f"d/d{wrt} {shorten(expr)}", point)
        with sympy.evaluate(False):
            shown = result.xreplace(point)
        derivation.add("substitute", *dedupe([shown, value_at]), point=point)
    return DiffResult(expr, wrt, result, derivation, point, value_at)


# Input normalisation, shared with the graph and the CLI.


def as_expression(expr):
    """User input (text, number, SymPy) as an exact expression."""
    value = exact(expr)
    if isinstance(value, sympy.core.relational.Relational) or not isinstance(
        value, sympy.Expr
    ):
        raise InputError(
            f"expected an expression to differentiate, got {shorten(expr)!r}; "
            "write the function only, e.g. (1.5w - 0.5)^2"
        )
    return value


def as_symbol(name):
    """A variable given as text or a symbol, as symopt's real symbol."""
    value = exact(name)
    if not isinstance(value, sympy.Symbol):
        raise InputError(
            f"expected a variable name, got {shorten(name)!r}; write e.g. --wrt w"
        )
    return value


def as_point(at):
    """``{w: 0.8}`` or ``{"w": "0.8"}`` as exact ``{w: 4/5}`` (None stays None)."""
    if at is None:
        return None
    point = {}
    for key, value in dict(at).items():
        number = exact(value)
        if not isinstance(number, sympy.Expr) or number.free_symbols:
            raise InputError(
                f"expected a number for {key}, got {shorten(value)!r}; write e.g. w=0.8"
            )
        point[as_symbol(key)] = number
    return point


def check_point(point, known, what):
    """An InputError when ``point`` names a variable that is not in ``known``."""
    unknown = sorted(str(k) for k in point if k not in known)
    if unknown:
        names = ", ".join(sorted(str(k) for k in known)) or "none"
        raise InputError(
            f"the point gives {', '.join(unknown)}, which {what} does not use "
            f"(its variables: {names}); check the spelling"
        )


def check_finite(value, what, point):
    """An InputError when ``value`` at ``point`` is infinite or undefined."""
    if not value.has(S.ComplexInfinity, S.NaN, S.Infinity, S.NegativeInfinity):
        return
    where = ", ".join(f"{k} = {v}" for k, v in point.items())
    raise InputError(
        f"{what} has no finite value at {where} (a division by zero or a "
        "function outside its domain); evaluate at another point"
    )


def substitute(expr, mapping):
    """``expr`` with symbols replaced; derivatives by a symbol become ``Subs``.

    ``Derivative(f(u), u)`` with ``u -> exp(x)`` has no meaning as a
    derivative by ``exp(x)``; SymPy's ``subs`` keeps it as a substitution.
    """
    if expr.has(Derivative):
        with sympy.evaluate(True):
            return expr.subs(mapping)
    return expr.xreplace(mapping)


def at_point(expr, var, inner):
    """Derivatives by ``var`` written as ``Subs`` when ``var`` stands for
    ``inner``, so ``var -> inner`` stays meaningful (``f'(u)`` at
    ``u = exp(x)``); a symbol or function application needs no rewrite.
    """
    if inner.is_Symbol or isinstance(inner, AppliedUndef):
        return expr
    if not expr.has(Derivative):
        return expr
    t = sympy.Dummy("t", real=True)

    def rewrite(d):
        return sympy.Subs(d.xreplace({var: t}), t, var)

    return expr.replace(
        lambda e: isinstance(e, Derivative) and var in e.variables, rewrite
    )


def _has_rule(expr):
    """A one-argument function with a rule; |g| only for real g (sign(g) rule)."""
    if isinstance(expr, sympy.Abs) and not expr.args[0].is_extended_real:
        return False
    return bool(rule_for(expr)) or isinstance(expr, AppliedUndef)


class _Differ:
    """Applies the rules top-down, recording one step per application."""

    def __init__(self, expr, wrt):
        self.derivation = Derivation("diff", params={"f": expr, "wrt": wrt})
        self.taken = {s.name for s in expr.free_symbols}
        self.count = 0

    def fresh(self):
        while True:
            self.count += 1
            base = _INNER_NAMES[(self.count - 1) % len(_INNER_NAMES)]
            extra = (self.count - 1) // len(_INNER_NAMES)
            name = base if extra == 0 else f"{base}_{extra}"
            if name not in self.taken:
                self.taken.add(name)
                return symbol(name)

    def reserve(self):
        self.derivation.steps.append(None)
        return len(self.derivation.steps) - 1

    def fill(self, slot, rule, chain, relations=(), **params):
        step = Step(rule, dedupe(chain), relations, params)
        self.derivation.steps[slot] = step

    def derive(self, expr, x):
        """``(value, raw)``: the derivative evaluated and as first shown."""
        if not expr.has(x):
            return self.leaf(expr, x, "diff_constant", S.Zero)
        if expr == x:
            return self.leaf(expr, x, "diff_variable", S.One)
        if expr.is_Add:
            return self.sum(expr, x)
        if expr.is_Mul:
            return self.mul(expr, x)
        if expr.is_Pow:
            return self.power(expr, x)
        if isinstance(expr, (sympy.Max, sympy.Min)):
            return self.extremum(expr, x)
        if len(expr.args) == 1 and _has_rule(expr):
            if expr.args[0] != x:
                return self.chain(expr, expr.args[0], expr.func, x)
            return self.elementary(expr, x)
        return self.fallback(expr, x)

    def leaf(self, expr, x, rule, value):
        slot = self.reserve()
        self.fill(slot, rule, [Derivative(expr, x), value], var=x)
        return value, value

    def sum(self, expr, x):
        slot = self.reserve()
        terms = expr.as_ordered_terms()
        parts = [self.derive(t, x) for t in terms]
        pattern = unevaluated_sum(Derivative(t, x) for t in terms)
        raw = unevaluated_sum(p[0] for p in parts)
        value = Add(*(p[0] for p in parts))
        self.fill(slot, "diff_sum", [Derivative(expr, x), pattern, raw, value])
        return value, raw

    def mul(self, expr, x):
        const = [f for f in expr.args if not f.has(x)]
        dep = [f for f in expr.args if f.has(x)]
        if const:
            c, rest = Mul(*const), Mul(*dep)
            slot = self.reserve()
            inner, _ = self.derive(rest, x)
            pattern = Mul(c, Derivative(rest, x), evaluate=False)
            raw = Mul(c, inner, evaluate=False)
            value = c * inner
            chain = [Derivative(expr, x), pattern, raw, value]
            self.fill(slot, "diff_constant_multiple", chain, factor=c)
            return value, raw
        den = [f for f in dep if f.is_Pow and f.exp.is_negative]
        num = [f for f in dep if f not in den]
        if den and num:
            return self.quotient(expr, Mul(*num), Mul(*(1 / f for f in den)), x)
        return self.product(expr, dep[0], Mul(*dep[1:]), x)

    def product(self, expr, f, g, x):
        slot = self.reserve()
        df, _ = self.derive(f, x)
        dg, _ = self.derive(g, x)
        pattern = Add(
            Mul(Derivative(f, x), g, evaluate=False),
            Mul(f, Derivative(g, x), evaluate=False),
            evaluate=False,
        )
        raw = Add(
            Mul(df, g, evaluate=False), Mul(f, dg, evaluate=False), evaluate=False
        )
        value = df * g + f * dg
        self.fill(slot, "diff_product", [Derivative(expr, x), pattern, raw, value])
        return value, raw

    def quotient(self, expr, n, d, x):
        slot = self.reserve()
        dn, _ = self.derive(n, x)
        dd, _ = self.derive(d, x)
        square = Pow(d, 2, evaluate=False)

        def shape(top, bottom):
            diff = Add(
                Mul(top, d, evaluate=False),
                Mul(-1, n, bottom, evaluate=False),
                evaluate=False,
            )
            return Mul(diff, Pow(square, -1, evaluate=False), evaluate=False)

        pattern = shape(Derivative(n, x), Derivative(d, x))
        raw = shape(dn, dd)
        value = (dn * d - n * dd) / d**2
        chain = [Derivative(expr, x), pattern, raw, value]
        self.fill(slot, "diff_quotient", chain, numerator=n, denominator=d)
        return value, raw

    def power(self, expr, x):
        base, n = expr.args
        if n.has(x) and base.has(x):
            return self.fallback(expr, x)
        if n.has(x):
            if n != x:
                return self.chain(expr, n, lambda u: base**u, x)
            value = expr * sympy.log(base)
            raw = Mul(expr, sympy.log(base), evaluate=False)
            self.fill(
                self.reserve(), "diff_exp_base", [Derivative(expr, x), raw], base=base
            )
            return value, raw
        if base != x:
            return self.chain(expr, base, lambda u: u**n, x)
        value = n * x ** (n - 1)
        if n == S.Half:
            self.fill(self.reserve(), "diff_sqrt", [Derivative(expr, x), value], var=x)
            return value, value
        lowered = x if n - 1 == 1 else Pow(x, n - 1, evaluate=False)
        raw = Mul(n, lowered, evaluate=False)
        chain = [Derivative(expr, x), raw, value]
        self.fill(self.reserve(), "diff_power", chain, exponent=n, var=x)
        return value, raw

    def elementary(self, expr, x):
        if isinstance(expr, AppliedUndef):
            value = sympy.diff(expr, x)
            self.fill(self.reserve(), "diff_function", [value], function=expr.func)
            return value, value
        rule = rule_for(expr)
        shown = outer_derivative(expr, x)
        value = (
            shown if shown.is_Mul else sympy.expand(shown) if shown.is_Add else shown
        )
        relations = ()
        params = {"function": expr.func.__name__, "var": x}
        kink = kink_cases(expr, x)
        if kink is not None:
            cases, at_zero = kink
            relations = (sympy.Eq(Derivative(expr, x), cases, evaluate=False),)
            params.update(kink=S.Zero, used=at_zero)
        self.fill(
            self.reserve(), rule, [Derivative(expr, x), shown], relations, **params
        )
        return value, shown

    def chain(self, expr, inner, outer_of, x):
        """``d/dx F(g) = dF/du * du/dx`` with ``u = g`` named."""
        u = self.fresh()
        self.derivation.definitions[u] = inner
        outer = outer_of(u)
        slot = self.reserve()
        d_outer, _ = self.derive(outer, u)
        d_outer = at_point(d_outer, u, inner)
        d_inner, _ = self.derive(inner, x)
        pattern = Mul(Derivative(outer, u), Derivative(u, x), evaluate=False)
        raw = Mul(d_outer, d_inner, evaluate=False)
        value = d_outer * d_inner
        # The link back to the reader's variable: 2·exp(u) = 2·exp(2x).
        chain = [Derivative(expr, x), pattern, raw, value, self.unnamed(value, u)]
        self.fill(slot, "diff_chain", chain, inner=u, definition=inner, outer=outer)
        return value, raw

    def unnamed(self, value, u):
        """``value`` with ``u`` and the helpers named after it put back."""
        defs = self.derivation.definitions
        names = list(defs)
        local = {n: defs[n] for n in names[names.index(u) :]}
        for _ in local:
            back = substitute(value, local)
            if back == value:
                break
            value = back
        return value

    def extremum(self, expr, x):
        """Max/min: the derivative of whichever argument is largest (smallest)."""
        slot = self.reserve()
        args = expr.args
        parts = [self.derive(a, x)[0] for a in args]
        picks = [expr.fdiff(i + 1) for i in range(len(args))]
        pattern = unevaluated_sum(
            Mul(p, Derivative(a, x), evaluate=False) for p, a in zip(picks, args)
        )
        raw = unevaluated_sum(Mul(p, d, evaluate=False) for p, d in zip(picks, parts))
        value = Add(*(p * d for p, d in zip(picks, parts)))
        rule = "diff_max" if isinstance(expr, sympy.Max) else "diff_min"
        chain = [Derivative(expr, x), pattern, raw, value]
        self.fill(slot, rule, chain, args=tuple(args))
        return value, raw

    def fallback(self, expr, x):
        """No rule fits: one SymPy step, marked as such."""
        value = sympy.diff(expr, x)
        self.fill(self.reserve(), "diff_sympy", [Derivative(expr, x), value])
        return value, value
