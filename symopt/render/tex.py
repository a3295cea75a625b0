r"""LaTeX mathematics in symopt's number style.

SymPy's LaTeX printer with decimals where they terminate (``4.5 w - 1.5``),
Leibniz fractions (``\frac{d C}{d w}``), products shown as built
(``2 \left(a - 0.5\right) \cdot 1.5``) and radicals kept exact.

>>> from sympy import Mul, Rational, Derivative, sqrt
>>> from symopt.parsing import symbols
>>> a, w, C = symbols("a w C")
>>> TexPrinter().doprint(Mul(Mul(2, a - Rational(1, 2), evaluate=False),
...                          Rational(3, 2), evaluate=False))
'2 \\left(a - 0.5\\right) \\cdot 1.5'
>>> TexPrinter().doprint(Derivative(C, a) * Derivative(a, w))
'\\frac{d C}{d a} \\cdot \\frac{d a}{d w}'
>>> TexPrinter().doprint(sqrt(2) / 2)
'\\frac{\\sqrt{2}}{2}'
"""

import sympy
from sympy.printing.latex import LatexPrinter, translate

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

__all__ = ["TexPrinter"]


class TexPrinter(LatexPrinter):
    """SymPy's LaTeX printer taught symopt's number style."""

    def __init__(self, *, numbers="auto"):
        super().__init__({"order": None})
        self.numbers = check_style(numbers)

    def _print_Symbol(self, expr, style="plain"):
        # A braced subscript is written as is, but its base is still a
        # letter to translate: mu_{1,k} is \mu_{1,k}, not mu_{1,k}.
        base, _, sub = expr.name.partition("_")
        if sub.startswith("{") and sub.endswith("}") and base.isalpha():
            return translate(base) + "_" + sub
        return super()._print_Symbol(expr, style=style)

    def _print_Rational(self, expr):
        if as_decimal(expr, self.numbers):
            return decimal_text(expr).replace("…", r"\ldots")
        return super()._print_Rational(expr)

    def _as_ordered_terms(self, expr, order=None):
        if expr.is_Add:
            return ordered_terms(expr)
        return super()._as_ordered_terms(expr, order=order)

    def _print_Add(self, expr, order=None):
        out = ""
        for i, term in enumerate(self._as_ordered_terms(expr, order=order)):
            if i and _shown_negation(term):
                # -1·(-0.25) built unevaluated: - (-0.25), not - -0.25.
                rest = term.args[1:]
                shown = rest[0] if len(rest) == 1 else sympy.Mul(*rest, evaluate=False)
                out += " - " + self._factor(shown)
                continue
            if i:
                negative = term.could_extract_minus_sign()
                out += " - " if negative else " + "
                term = -term if negative else term
            text = self._print(term)
            out += rf"\left({text}\right)" if self._needs_add_brackets(term) else text
        return out

    def _print_Mul(self, expr):
        if is_unevaluated(expr):
            return self._shown_product(expr.args)
        if expr.could_extract_minus_sign():
            inner = self._print(-expr)
            return "-" + (rf"\left({inner}\right)" if (-expr).is_Add else inner)
        coeff, rest = expr.as_coeff_Mul()
        factors = sympy.Mul.make_args(rest)
        has_den = any(f.is_Pow and f.exp.is_negative for f in factors)
        decimal = (
            coeff.is_Rational
            and not has_den
            and not has_radical(rest)
            and as_decimal(coeff, self.numbers)
        )
        leibniz = any(f.is_Derivative for f in factors)
        sums = any(f.is_Add for f in factors) and (coeff.is_Integer or decimal)
        if has_den or not (decimal or leibniz or sums):
            return super()._print_Mul(expr)
        factors = sorted(factors, key=lambda f: f.is_Add)
        body = (r" \cdot " if leibniz else " ").join(self._factor(f) for f in factors)
        if coeff == 1:
            return body
        return self._print(coeff) + " " + body

    def _shown_product(self, factors):
        # Divisors built as x**-1 show as a fraction: \frac{2}{4.5}.
        num = [f for f in factors if not (f.is_Pow and f.exp == -1)]
        den = [f.base for f in factors if f.is_Pow and f.exp == -1]
        if not den:
            return self._shown_factors(num)

        def part(fs):
            # Inside a fraction bar a lone factor needs no parentheses.
            return self._print(fs[0]) if len(fs) == 1 else self._shown_factors(fs)

        top = part(num) if num else "1"
        return rf"\frac{{{top}}}{{{part(den)}}}"

    def _shown_factors(self, factors):
        # A leading -1 is a sign; 1 and derivatives take a visible dot.
        first = factors[0]
        if first == -1 and len(factors) > 1:
            rest = self._shown_factors(factors[1:])
            return "-" + (rf"\left({rest}\right)" if rest.startswith("-") else rest)
        out = self._print(first) if first.is_Number else self._factor(first)
        for before, f in zip(factors, factors[1:]):
            text = self._factor(f)
            implicit = (
                before.is_Number
                and before not in (1, -1)
                and not f.is_Number
                and not f.is_Derivative
                and not text[0].isdigit()
                and not text.startswith(r"\frac")
            )
            out += (" " if implicit else r" \cdot ") + text
        return out

    def _factor(self, f):
        text = self._print(f)
        if f.is_Add or (f.is_Rational and f < 0) or f.is_Relational:
            return rf"\left({text}\right)"
        return text

    def _print_Pow(self, expr):
        base, exp = expr.args
        root = exp.is_Rational and abs(exp.p) == 1 and exp.q != 1
        if exp.is_Rational and exp.is_negative and not root:
            # 1/0.5², as the text shows it, not 1/(\frac{1}{2})^{2}.
            below = base if exp == -1 else sympy.Pow(base, -exp, evaluate=False)
            return rf"\frac{{1}}{{{self._print(below)}}}"
        decimal = base.is_Rational and base > 0 and as_decimal(base, self.numbers)
        if decimal and not root:
            return f"{self._print(base)}^{{{self._print(exp)}}}"
        return super()._print_Pow(expr)

    def _print_Subs(self, expr):
        prime = prime_form(expr)
        if prime is not None:
            return rf"{prime[0].__name__}'\left({self._print(prime[1])}\right)"
        return super()._print_Subs(expr)

    def _print_Derivative(self, expr):
        prime = prime_form(expr)
        if prime is not None:
            return rf"{prime[0].__name__}'\left({self._print(prime[1])}\right)"
        total = sum(count for _, count in expr.variable_count)
        d = r"\partial" if is_partial(expr) else "d"
        order = f"^{{{total}}}" if total > 1 else ""
        below = " ".join(
            f"{d} {self._print(v)}" + (f"^{{{n}}}" if n > 1 else "")
            for v, n in expr.variable_count
        )
        if expr.expr.is_Symbol:
            return rf"\frac{{{d}{order} {self._print(expr.expr)}}}{{{below}}}"
        inner = self._print(expr.expr)
        return rf"\frac{{{d}{order}}}{{{below}}} \left({inner}\right)"


def _shown_negation(term):
    """A product built unevaluated as -1 times something, to show a minus."""
    return term.is_Mul and is_unevaluated(term) and term.args[0] == -1
