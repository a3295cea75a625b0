"""How numbers and Leibniz quotients look in every format.

``numbers="auto"`` shows rationals that terminate as decimals (``9/2`` ->
``4.5``) and the others as fractions (``1/3``); ``"decimal"`` and
``"fraction"`` force one style.
"""

from sympy import Rational
from sympy.printing.latex import LatexPrinter
from sympy.printing.str import StrPrinter

from ..errors import InputError

__all__ = ["NUMBER_STYLES", "terminating", "decimal_text", "TextPrinter", "TexPrinter"]

NUMBER_STYLES = ("auto", "decimal", "fraction")
# Decimal mode rounds a repeating fraction to this many significant digits.
_DIGITS = 6


def check_style(numbers):
    if numbers not in NUMBER_STYLES:
        raise InputError(
            f"unknown number style {numbers!r}; use one of {', '.join(NUMBER_STYLES)}"
        )
    return numbers


def terminating(q):
    """True when the rational ``q`` has a finite decimal expansion."""
    den = Rational(q).q
    for p in (2, 5):
        while den % p == 0:
            den //= p
    return den == 1


def decimal_text(q):
    """The exact decimal text of a terminating rational: ``9/2`` -> ``4.5``."""
    q = Rational(q)
    sign = "-" if q < 0 else ""
    q = abs(q)
    whole, rest = divmod(q.p, q.q)
    digits = []
    while rest:
        rest *= 10
        d, rest = divmod(rest, q.q)
        digits.append(str(d))
    return sign + str(whole) + ("." + "".join(digits) if digits else "")


def _show_decimal(q, style):
    if q.is_Integer or style == "fraction":
        return False
    return style == "decimal" or terminating(q)


def _decimal_coefficient(expr, style):
    """Split ``9*w/2`` into ("", 9/2, w) when 9/2 is to be shown as 4.5."""
    if expr.args[0].is_Number or not expr.is_commutative:
        coeff, rest = expr.as_coeff_Mul()
    else:
        return None
    if not coeff.is_Rational or not _show_decimal(abs(coeff), style):
        return None
    if rest.is_Rational or rest == 1:
        return None
    return ("-" if coeff < 0 else ""), abs(coeff), rest


def _rounded(q):
    return format(float(q), f".{_DIGITS}g")


class TextPrinter(StrPrinter):
    """One-line text with symopt's number style and ``dC/dw`` quotients."""

    def __init__(self, numbers="auto", **settings):
        super().__init__(settings)
        self.numbers = check_style(numbers)

    def _print_Rational(self, expr):
        if _show_decimal(expr, self.numbers):
            if terminating(expr):
                return decimal_text(expr)
            return "≈" + _rounded(expr)
        return super()._print_Rational(expr)

    def _print_Mul(self, expr):
        split = _decimal_coefficient(expr, self.numbers)
        if split is None:
            return super()._print_Mul(expr)
        sign, coeff, rest = split
        return sign + self._print(coeff) + "*" + self.parenthesize(rest, 40)

    def _print_Derivative(self, expr):
        (var, count), *rest = expr.variable_count
        if rest or count != 1 or not expr.expr.is_Symbol:
            return super()._print_Derivative(expr)
        return f"d{self._print(expr.expr)}/d{self._print(var)}"


class TexPrinter(LatexPrinter):
    """LaTeX with symopt's number style and Leibniz fractions."""

    def __init__(self, numbers="auto", **settings):
        super().__init__(settings)
        self.numbers = check_style(numbers)

    def _print_Rational(self, expr):
        if _show_decimal(expr, self.numbers):
            if terminating(expr):
                return decimal_text(expr)
            return r"\approx " + _rounded(expr)
        return super()._print_Rational(expr)

    def _print_Mul(self, expr):
        split = _decimal_coefficient(expr, self.numbers)
        if split is None:
            return super()._print_Mul(expr)
        sign, coeff, rest = split
        body = self._print(rest)
        if rest.is_Add:
            body = rf"\left({body}\right)"
        return sign + self._print(coeff) + " " + body

    def _print_Derivative(self, expr):
        (var, count), *rest = expr.variable_count
        if rest or count != 1 or not expr.expr.is_Symbol:
            return super()._print_Derivative(expr)
        num, den = self._print(expr.expr), self._print(var)
        return rf"\frac{{d {num}}}{{d {den}}}"


def to_text(expr, numbers="auto"):
    return TextPrinter(numbers).doprint(expr)


def to_latex(expr, numbers="auto"):
    return TexPrinter(numbers).doprint(expr)
