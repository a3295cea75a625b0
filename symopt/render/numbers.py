"""How exact numbers look in every format.

``numbers="auto"`` shows rationals that terminate as decimals (``9/2`` ->
``4.5``) and the others as fractions (``1/3``); ``"fraction"`` shows every
rational as a fraction; ``"decimal"`` shows every rational as a decimal, a
repeating one cut after a few significant digits and marked with an ellipsis
(``1/3`` -> ``0.333333…``). Radicals keep their exact form in every style:
``sqrt(2)/2`` is never ``0.5*sqrt(2)``.

>>> from sympy import Rational
>>> from symopt.parsing import symbols
>>> w, = symbols("w")
>>> to_text(9*w/2 - Rational(3, 2))
'4.5w - 1.5'
>>> to_latex(9*w/2 - Rational(3, 2))
'4.5 w - 1.5'
>>> to_text(Rational(1, 3)), to_text(Rational(1, 3), "decimal")
('1/3', '0.333333…')
"""

import contextlib
from contextvars import ContextVar

import sympy
from sympy import Rational

from ..errors import InputError

__all__ = [
    "NUMBER_STYLES",
    "check_style",
    "terminating",
    "decimal_text",
    "as_decimal",
    "to_text",
    "to_latex",
]

NUMBER_STYLES = ("auto", "decimal", "fraction")
# Decimal mode cuts a repeating decimal after this many significant digits.
DIGITS = 6


def check_style(numbers):
    """``numbers`` itself when it is a known style; an InputError otherwise."""
    if numbers not in NUMBER_STYLES:
        raise InputError(
            f"unknown number style {numbers!r}; use one of {', '.join(NUMBER_STYLES)}"
        )
    return numbers


def terminating(q):
    """True when the rational ``q`` has a finite decimal expansion.

    >>> terminating(Rational(9, 2)), terminating(Rational(1, 3))
    (True, False)
    """
    den = Rational(q).q
    for p in (2, 5):
        while den % p == 0:
            den //= p
    return den == 1


def decimal_text(q, digits=DIGITS):
    """The decimal text of a rational: exact when it terminates, else cut.

    >>> decimal_text(Rational(9, 2)), decimal_text(Rational(-2, 3))
    ('4.5', '-0.666666…')
    """
    q = Rational(q)
    sign = "-" if q < 0 else ""
    whole, rest = divmod(abs(q.p), q.q)
    exact = terminating(q)
    # Digits already significant before the point count toward the cut.
    significant = len(str(whole)) if whole else 0
    out = []
    while rest and (exact or significant < digits):
        rest *= 10
        d, rest = divmod(rest, q.q)
        out.append(str(d))
        significant += bool(significant or d)
    text = sign + str(whole) + ("." + "".join(out) if out else "")
    return text + ("…" if rest else "")


def as_decimal(q, numbers):
    """True when the rational ``q`` is to be shown as a decimal."""
    if not q.is_Rational or q.is_Integer or numbers == "fraction":
        return False
    return numbers == "decimal" or terminating(q)


def has_radical(expr):
    """True when a product's factors include an irrational constant (``√2``, π)."""
    return any(f.is_number and not f.is_Rational for f in sympy.Mul.make_args(expr))


def is_unevaluated(expr):
    """True for a sum or product built with ``evaluate=False`` to show its parts."""
    from ..tidy import WrittenSum

    if isinstance(expr, WrittenSum):
        return True
    if not (expr.is_Mul or expr.is_Add):
        return False
    try:
        return expr.func(*expr.args) != expr
    except (TypeError, ValueError):
        return False


def _as_built(expr):
    # A sum of shown parts (d/dx (x³) + d/dx (2x), f'g + fg') whose order
    # happens to be SymPy's own still reads in the order it was built.
    if is_unevaluated(expr):
        return True
    return any(t.has(sympy.Derivative) or is_unevaluated(t) for t in expr.args)


def ordered_terms(expr):
    """A sum's terms in reading order: as built when unevaluated, else SymPy's
    order; a positive term first either way (``2λ - λ²/4``, not
    ``-λ²/4 + 2λ``)."""
    # Unevaluated sums keep their args' order, which SymPy chose when the sum
    # was first built (constants first): 3(1.2 - 0.5), not 3(-0.5 + 1.2).
    from ..tidy import WrittenSum

    terms = list(expr.args) if _as_built(expr) else list(expr.as_ordered_terms())
    if isinstance(expr, WrittenSum):
        return terms
    if terms[0].could_extract_minus_sign():
        for i, term in enumerate(terms):
            if not term.could_extract_minus_sign():
                return [term] + terms[:i] + terms[i + 1 :]
    return terms


# Symbols that stand for functions of several variables: their Leibniz
# quotients print as partials (∂L/∂x). Set by the renderer for one rendering.
_PARTIAL = ContextVar("symopt_partial", default=frozenset())


def is_partial(derivative):
    """True when ``derivative`` is to be shown with ∂ rather than d."""
    if len(derivative.variable_count) > 1:
        return True
    return derivative.expr in _PARTIAL.get()


@contextlib.contextmanager
def partial_symbols(definitions):
    """Show quotients of symbols defined by several variables as partials.

    >>> from symopt.parsing import symbols
    >>> from sympy import Derivative
    >>> L, x, y, mu = symbols("L x y mu")
    >>> with partial_symbols({L: x + y + mu * (x - 1)}):
    ...     to_text(Derivative(L, x))
    '∂L/∂x'
    >>> to_text(Derivative(L, x))
    'dL/dx'
    """
    several = set()
    for name in definitions:
        value = definitions[name]
        for _ in range(len(definitions) + 1):
            if not isinstance(value, sympy.Basic):
                break
            new = value.xreplace(definitions)
            if new == value:
                break
            value = new
        if isinstance(value, sympy.Basic) and len(value.free_symbols) > 1:
            several.add(name)
    token = _PARTIAL.set(frozenset(several) | _PARTIAL.get())
    try:
        yield
    finally:
        _PARTIAL.reset(token)


# A number style that overrides the renderer's for one cell (AsFraction).
_FORCED = ContextVar("symopt_forced_numbers", default=None)


@contextlib.contextmanager
def forced_numbers(style):
    """Render everything inside in ``style``, whatever the caller asked."""
    token = _FORCED.set(check_style(style))
    try:
        yield
    finally:
        _FORCED.reset(token)


def to_text(expr, numbers="auto"):
    """``expr`` as one line of Unicode text in the given number style."""
    from .unicode import UnicodePrinter

    numbers = _FORCED.get() or numbers
    return UnicodePrinter(numbers=numbers).doprint(expr)


def to_latex(expr, numbers="auto"):
    """``expr`` as LaTeX math (no ``$``) in the given number style."""
    from . import capture
    from .tex import TexPrinter

    numbers = _FORCED.get() or numbers
    tex = TexPrinter(numbers=numbers).doprint(expr)
    capture.record_math(tex)
    return tex


def prime_form(expr):
    """``(g, arg)`` when ``expr`` is the first derivative of an unspecified
    one-argument function at ``arg``: ``g'(f(X))``, however SymPy spelled it
    (a derivative with respect to the argument, or one evaluated by ``Subs``).
    """
    from sympy.core.function import AppliedUndef

    if isinstance(expr, sympy.Subs):
        inner, old, new = expr.args
        found = prime_form(inner) if len(old) == 1 else None
        if found is not None and found[1] == old[0]:
            return found[0], new[0]
        return None
    if not isinstance(expr, sympy.Derivative) or len(expr.variable_count) != 1:
        return None
    (var, count), f = expr.variable_count[0], expr.expr
    if count == 1 and isinstance(f, AppliedUndef) and f.args == (var,):
        return f.func, var
    return None
