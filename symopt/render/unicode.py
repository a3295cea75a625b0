"""One-line Unicode mathematics for terminals.

Written the way a teacher writes on a board: a number multiplies implicitly
(``4.5w``, ``2(a - 0.5)``), other factors with a middle dot (``x·y``), small
powers as superscripts (``w²``), ``√2``, ``σ(x)`` for the sigmoid, Greek
names as letters (``λ``, ``μ``), numeric subscripts lowered (``w₁``) and
Leibniz quotients as ``dC/dw``.

>>> from sympy import Mul, Rational, Derivative, sqrt
>>> from symopt.parsing import symbols
>>> a, w, lam, w_1 = symbols("a w lambda w_1")
>>> UnicodePrinter().doprint(Mul(Mul(2, a - Rational(1, 2), evaluate=False),
...                              Rational(3, 2), evaluate=False))
'2(a - 0.5)·1.5'
>>> UnicodePrinter().doprint(lam * w_1**2 + sqrt(2)/2)
'λ·w₁² + √2/2'
"""

import sympy
from sympy.printing.precedence import PRECEDENCE, precedence
from sympy.printing.str import StrPrinter

from ..functions import relu, sigmoid, softplus, step
from .numbers import (
    as_decimal,
    check_style,
    decimal_text,
    has_radical,
    is_partial,
    is_unevaluated,
    ordered_terms,
    prime_form,
)

__all__ = ["UnicodePrinter", "GREEK"]

GREEK = {
    "alpha": "α", "beta": "β", "gamma": "γ", "delta": "δ", "epsilon": "ε",
    "eta": "η", "theta": "θ", "lambda": "λ", "lamda": "λ", "mu": "μ",
    "nu": "ν", "rho": "ρ", "sigma": "σ", "tau": "τ", "phi": "φ",
    "omega": "ω", "xi": "ξ", "kappa": "κ", "pi": "π", "psi": "ψ",
    "Delta": "Δ", "Lambda": "Λ", "Sigma": "Σ", "Omega": "Ω",
}  # fmt: skip

_SUPER = str.maketrans("0123456789-", "⁰¹²³⁴⁵⁶⁷⁸⁹⁻")
_SUB_CHARS = "0123456789+-=()aehijklmnoprstuvx"
_SUB = str.maketrans(_SUB_CHARS, "₀₁₂₃₄₅₆₇₈₉₊₋₌₍₎ₐₑₕᵢⱼₖₗₘₙₒₚᵣₛₜᵤᵥₓ")
_RELATIONS = {"==": "=", "!=": "≠", "<=": "≤", ">=": "≥", "<": "<", ">": ">"}
_FUNCTION_NAMES = {sigmoid: "σ", relu: "relu", softplus: "softplus", step: "step"}


def _divisor(f):
    return f.is_Pow and f.exp == -1


def _implicit(before, f, text):
    """A number multiplies implicitly (2u, 3(a - 0.5), 2σ(u)), but not 1,
    another number, a function's name or a derivative: 1 · sin(x),
    2 · exp(u), 5 · d/dx (x⁴)."""
    if not before.is_Number or before in (1, -1) or f.is_Number:
        return False
    if f.is_Derivative or text[0].isdigit() or text[0] == "-":
        return False
    return not (len(text) > 1 and text[:2].isascii() and text[:2].isalpha())


def _leibniz(f):
    return isinstance(f, (sympy.Derivative, sympy.Subs))


def symbol_text(name):
    """``lambda`` -> ``λ``, ``w_1`` -> ``w₁``, ``w_{k+1}`` -> ``wₖ₊₁``,
    ``mu_1,k`` -> ``μ₁,ₖ``, ``w^*`` -> ``w*``."""
    if name.endswith("^*") and len(name) > 2:
        return symbol_text(name[:-2]) + "*"
    base, _, sub = name.partition("_")
    base = GREEK.get(base, base)
    if not sub:
        return base
    if sub.startswith("{") and sub.endswith("}"):
        sub = sub[1:-1]
    sub = GREEK.get(sub, sub)
    # Indices are lowered (w₁, xᵢⱼ, wₖ₊₁); a word stays a word (β_hat).
    short = len(sub) <= 2 or not sub.isalpha()
    if short and all(ch in _SUB_CHARS + "," for ch in sub):
        return base + sub.translate(_SUB)  # a comma has no subscript form
    return base + "_" + sub


class UnicodePrinter(StrPrinter):
    """SymPy's string printer taught symopt's terminal style."""

    def __init__(self, *, numbers="auto"):
        super().__init__({"order": None})
        self.numbers = check_style(numbers)

    # Atoms.

    def _print_Symbol(self, expr):
        return symbol_text(expr.name)

    _print_Dummy = _print_Symbol

    def _print_Rational(self, expr):
        if as_decimal(expr, self.numbers):
            return decimal_text(expr)
        return f"{expr.p}/{expr.q}"

    def _print_Pi(self, expr):
        return "π"

    def _print_Exp1(self, expr):
        return "e"

    def _print_Infinity(self, expr):
        return "∞"

    def _print_NegativeInfinity(self, expr):
        return "-∞"

    # Products and powers.

    def _print_Mul(self, expr):
        if is_unevaluated(expr):
            return self._shown_product(expr.args)
        if expr.could_extract_minus_sign():
            inner = self._print(-expr)
            return "-" + (f"({inner})" if (-expr).is_Add else inner)
        coeff, rest = expr.as_coeff_Mul()
        num, den = [], []
        for f in _factors_in_order(rest):
            if f.is_Pow and f.exp.is_Rational and f.exp.is_negative:
                den.append(f.base if f.exp == -1 else f.base ** (-f.exp))
            else:
                num.append(f)
        return self._fraction(coeff, num, den)

    def _print_MatMul(self, expr):
        # Matrix products in the scalar style: W·x, W²·x.
        return "·".join(self._factor(f) for f in expr.args)

    def _print_MatPow(self, expr):
        return self._print_Pow(expr)

    def _shown_product(self, factors):
        # Divisors built as x**-1 show as a division: 2/4.5, not 2·(1/4.5).
        num = [f for f in factors if not _divisor(f)]
        den = [f.base for f in factors if _divisor(f)]
        out = self._shown_factors(num) if num else "1"
        if den:
            below = self._shown_factors(den)
            # A sum is already in parentheses, a determinant in brackets.
            grouped = den[0].is_Add or isinstance(den[0], sympy.Determinant)
            wrap = len(den) > 1 or den[0].is_Mul or (" " in below and not grouped)
            out += "/" + (f"({below})" if wrap else below)
        return out

    def _shown_factors(self, factors):
        # A number before a letter or a parenthesis multiplies implicitly.
        def shown(f):
            text = self._factor(f)
            return f"({text})" if f.is_Rational and "/" in text else text

        # A leading -1 is a sign (-x · 2x, not -1x · 2x).
        first = factors[0]
        if first == -1 and len(factors) > 1:
            rest = self._shown_factors(factors[1:])
            return "-" + (f"({rest})" if rest.startswith("-") else rest)
        # A leading negative number needs no parentheses: -2(x + 1).
        plain = self._print(first)
        out = plain if first.is_Number and "/" not in plain else shown(first)
        for before, f in zip(factors, factors[1:]):
            text = shown(f)
            if _implicit(before, f, text):
                out += text
            else:
                # The spaced dot joins Leibniz quotients (dC/da · da/dw) only.
                out += (" · " if _leibniz(before) or _leibniz(f) else "·") + text
        return out

    def _print_Add(self, expr, order=None):
        terms = ordered_terms(expr)
        out = ""
        for i, term in enumerate(terms):
            text = self._print(term)
            if term.is_Add:
                text = f"({text})"
            if i == 0:
                out = text
            elif text.startswith("-"):
                out += " - " + text[1:]
            else:
                out += " + " + text
        return out

    def _fraction(self, coeff, num, den):
        # Parenthesised sums come last, as in σ(x)·(1 - σ(x)).
        num = sorted(
            num,
            key=lambda f: (f.is_Add or (f.is_Pow and f.base.is_Add), not f.is_number),
        )
        split_coeff = not den and not has_radical(sympy.Mul(*num))
        if coeff.is_Rational and split_coeff and as_decimal(coeff, self.numbers):
            lead, below = decimal_text(coeff), sympy.S.One
        elif coeff.is_Rational:
            lead, below = (str(coeff.p) if coeff.p != 1 else ""), sympy.Integer(coeff.q)
        else:
            lead, below = self._factor(coeff), sympy.S.One
        top = self._product(lead, num) or "1"
        if below == 1 and not den:
            return top
        bottom = self._product(str(below) if below != 1 else "", den)
        if len(den) + (below != 1) > 1:
            bottom = f"({bottom})"
        return f"{top}/{bottom}"

    def _product(self, lead, factors):
        texts = [self._factor(f) for f in factors]
        spaced = any(f.is_Derivative for f in factors)
        joined = (" · " if spaced else "·").join(texts)
        if not lead:
            return joined
        if not joined:
            return lead
        if factors[0].is_Derivative:
            return lead + " · " + joined
        # Implicit multiplication after a number (3x, 3σ(x)), unless digits
        # would touch or a function's name follows (3·exp(x)).
        word = len(joined) > 1 and joined[:2].isascii() and joined[:2].isalpha()
        return lead + ("·" if joined[0].isdigit() or word else "") + joined

    def _factor(self, f):
        text = self._print(f)
        if f.is_Add or (f.is_Mul and not is_unevaluated(f) and len(f.args) > 1):
            if f.is_Add or text.startswith("-"):
                return f"({text})"
        if f.is_Rational and f < 0:
            return f"({text})"
        if f.is_Relational:
            return f"({text})"
        return text

    def _print_Pow(self, expr):
        base, exp = expr.args
        if exp == sympy.S.Half:
            return "√" + self._base(base, radical=True)
        if exp.is_Rational and exp.is_negative:
            # Unevaluated: 1/0.5², not 1/0.25, when a value was put in.
            below = base if exp == -1 else sympy.Pow(base, -exp, evaluate=False)
            return self._fraction(sympy.S.One, [], [below])
        text = self._base(base)
        if exp.is_Integer and 0 <= exp < 10:
            return text + str(exp).translate(_SUPER)
        exp_text = self._print(exp)
        # 2^(3x), not 2^3x, which reads as (2^3)x.
        plain = exp.is_Symbol or (exp.is_Number and exp >= 0)
        if not plain or any(c in exp_text for c in " /+-·"):
            exp_text = f"({exp_text})"
        return f"{text}^{exp_text}"

    def _base(self, base, radical=False):
        text = self._print(base)
        if base.is_Symbol or isinstance(base, sympy.MatrixSymbol):
            return text
        if base.is_Integer and base >= 0:
            return text
        if base.is_Rational and base > 0 and "/" not in text:
            return text  # a decimal: 0.5², √0.5
        if base.is_Function and not radical:
            return text
        if radical and base.is_Function:
            return text
        return f"({text})"

    def _print_exp(self, expr):
        return f"exp({self._print(expr.args[0])})"

    def _print_Determinant(self, expr):
        return "det" + self._print(expr.arg)

    def _print_Abs(self, expr):
        return f"|{self._print(expr.args[0])}|"

    def _print_Function(self, expr):
        name = _FUNCTION_NAMES.get(type(expr))
        if name is None:
            return super()._print_Function(expr)
        return f"{name}({self.stringify(expr.args, ', ')})"

    def _print_Max(self, expr):
        return f"max({self.stringify(expr.args, ', ')})"

    def _print_Min(self, expr):
        return f"min({self.stringify(expr.args, ', ')})"

    # Calculus and relations.

    def _print_Derivative(self, expr):
        prime = prime_form(expr)
        if prime is not None:
            return f"{prime[0].__name__}'({self._print(prime[1])})"
        total = sum(count for _, count in expr.variable_count)
        d = "∂" if is_partial(expr) else "d"
        order = str(total).translate(_SUPER) if total > 1 else ""
        below = "".join(
            d + self._print(v) + (str(n).translate(_SUPER) if n > 1 else "")
            for v, n in expr.variable_count
        )
        if expr.expr.is_Symbol:
            return f"{d}{order}{self._print(expr.expr)}/{below}"
        return f"{d}{order}/{below} ({self._print(expr.expr)})"

    def _print_Subs(self, expr):
        prime = prime_form(expr)
        if prime is not None:
            return f"{prime[0].__name__}'({self._print(prime[1])})"
        # The bracket a teacher writes for "evaluated at": [f]_(x=1, y=2).
        inner, old, new = expr.args
        at = ", ".join(f"{self._print(o)}={self._print(n)}" for o, n in zip(old, new))
        return f"[{self._print(inner)}]_({at})"

    def _print_Interval(self, expr):
        left = "(" if expr.left_open else "["
        right = ")" if expr.right_open else "]"
        return f"{left}{self._print(expr.start)}, {self._print(expr.end)}{right}"

    def _print_Union(self, expr):
        return " ∪ ".join(self._print(a) for a in expr.args)

    def _print_ProductSet(self, expr):
        return " × ".join(self._print(a) for a in expr.args)

    def _print_Reals(self, expr):
        return "ℝ"

    def _print_EmptySet(self, expr):
        return "∅"

    def _print_Relational(self, expr):
        op = _RELATIONS.get(expr.rel_op, expr.rel_op)
        return f"{self._print(expr.lhs)} {op} {self._print(expr.rhs)}"

    def _print_Piecewise(self, expr):
        parts = []
        for value, cond in expr.args:
            when = "otherwise" if cond is sympy.true else f"if {self._print(cond)}"
            parts.append(f"{self._print(value)} {when}")
        return "{" + "; ".join(parts) + "}"

    def _print_And(self, expr):
        return " and ".join(self.parenthesize(a, PRECEDENCE["And"]) for a in expr.args)

    def _print_Or(self, expr):
        return " or ".join(self.parenthesize(a, PRECEDENCE["Or"]) for a in expr.args)

    def _print_MatrixBase(self, expr):
        rows = [[self._print(v) for v in expr.row(i)] for i in range(expr.rows)]
        if expr.shape == (1, 1):
            return "[" + rows[0][0] + "]"
        if expr.cols == 1:
            return "(" + ", ".join(r[0] for r in rows) + ")ᵀ"
        return "[" + "; ".join(", ".join(r) for r in rows) + "]"

    _print_ImmutableDenseMatrix = _print_MatrixBase
    _print_MutableDenseMatrix = _print_MatrixBase

    def parenthesize(self, item, level, strict=False):
        text = self._print(item)
        if precedence(item) < level or (strict and precedence(item) == level):
            return f"({text})"
        return text


def _factors_in_order(product):
    # Powers before plain letters, as written by hand: W³·x, α·h, not x·W³.
    # A rule's pattern with derivatives (f'·g + f·g') keeps its built order.
    factors = sympy.Mul.make_args(product)
    if any(f.has(sympy.Derivative, sympy.Subs) for f in factors):
        return factors
    return product.as_ordered_factors()
