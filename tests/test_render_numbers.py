"""How expressions print: parametrized (expression, style, text, LaTeX) rows."""

import pytest
import sympy
from sympy import (
    Add,
    Derivative,
    Determinant,
    Eq,
    Ge,
    ImmutableMatrix,
    Interval,
    Matrix,
    Mul,
    Pow,
    ProductSet,
    Rational,
    S,
    Subs,
    UnevaluatedExpr,
    exp,
    oo,
    pi,
    sqrt,
)

from symopt import InputError, sigmoid, symbol, symbols
from symopt.render.numbers import decimal_text, terminating, to_latex, to_text

a, w, x, y, C, lam, mu, w_1, beta_2 = symbols("a w x y C lambda mu w_1 beta_2")
R = Rational
HALF = R(1, 2)


def shown(*factors):
    return Mul(*factors, evaluate=False)


ROWS = [
    # The lecture's gradient: decimals where they terminate.
    (9 * w / 2 - R(3, 2), "auto", "4.5w - 1.5", r"4.5 w - 1.5"),
    (9 * w / 2 - R(3, 2), "fraction", "9w/2 - 3/2", r"\frac{9 w}{2} - \frac{3}{2}"),
    (9 * w / 2 - R(3, 2), "decimal", "4.5w - 1.5", r"4.5 w - 1.5"),
    # Products kept as built; no parentheses around a lone number.
    (
        shown(shown(2, a - HALF), R(3, 2)),
        "auto",
        "2(a - 0.5)·1.5",
        r"2 \left(a - 0.5\right) \cdot 1.5",
    ),
    (
        shown(2 * (a - HALF), R(3, 2)),
        "auto",
        "(2a - 1)·1.5",
        r"\left(2 a - 1\right) \cdot 1.5",
    ),
    (shown(3, a - HALF), "fraction", "3(a - 1/2)", r"3 \left(a - \frac{1}{2}\right)"),
    (
        shown(R(9, 2), R(4, 5)),
        "fraction",
        "(9/2)·(4/5)",
        r"\frac{9}{2} \cdot \frac{4}{5}",
    ),
    (
        Add(shown(R(9, 2), R(4, 5)), -R(3, 2), evaluate=False),
        "auto",
        "4.5·0.8 - 1.5",
        r"4.5 \cdot 0.8 - 1.5",
    ),
    (shown(-2, x + 1), "auto", "-2(x + 1)", r"-2 \left(x + 1\right)"),
    (-sqrt(3) * x / 3, "auto", "-√3·x/3", r"-\frac{\sqrt{3} x}{3}"),
    (2 * exp(x), "auto", "2·exp(x)", r"2 e^{x}"),
    (3 * sigmoid(x), "auto", "3σ(x)", r"3 \sigma\left(x\right)"),
    (2 * lam - lam**2 / 4, "auto", "2λ - 0.25λ²", r"2 \lambda - 0.25 \lambda^{2}"),
    (abs(x - 1), "auto", "|x - 1|", r"\left|{x - 1}\right|"),
    # Non-terminating rationals.
    (R(1, 3), "auto", "1/3", r"\frac{1}{3}"),
    (R(1, 3), "decimal", "0.333333…", r"0.333333\ldots"),
    (-R(2, 3) * w, "decimal", "-0.666666…w", r"-0.666666\ldots w"),
    (w / 3, "auto", "w/3", r"\frac{w}{3}"),
    (R(21, 10), "auto", "2.1", "2.1"),
    (R(21, 10), "fraction", "21/10", r"\frac{21}{10}"),
    (R(49, 100), "auto", "0.49", "0.49"),
    # Radicals keep their exact form in every style.
    (sqrt(2) / 2, "auto", "√2/2", r"\frac{\sqrt{2}}{2}"),
    (sqrt(2) / 2, "decimal", "√2/2", r"\frac{\sqrt{2}}{2}"),
    (-sqrt(2) / 2, "auto", "-√2/2", r"-\frac{\sqrt{2}}{2}"),
    (sqrt(x + 1), "auto", "√(x + 1)", r"\sqrt{x + 1}"),
    (pi / 2, "auto", "π/2", r"\frac{\pi}{2}"),
    # A coefficient under a fraction bar stays a fraction.
    (1 / (2 * x), "auto", "1/(2x)", r"\frac{1}{2 x}"),
    (x / (y + 1), "auto", "x/(y + 1)", r"\frac{x}{y + 1}"),
    # Powers, names, functions, Leibniz quotients.
    ((a - y) ** 2, "auto", "(a - y)²", r"\left(a - y\right)^{2}"),
    (x**-2, "auto", "1/x²", r"\frac{1}{x^{2}}"),
    (x ** R(3, 2), "fraction", "x^(3/2)", r"x^{\frac{3}{2}}"),
    (lam * w_1**2, "auto", "λ·w₁²", r"\lambda w_{1}^{2}"),
    (mu * (3 - y), "auto", "μ·(3 - y)", r"\mu \left(3 - y\right)"),
    (beta_2, "auto", "β₂", r"\beta_{2}"),
    (symbol("w_{k+1}"), "auto", "wₖ₊₁", "w_{k+1}"),
    (symbol("x_ij"), "auto", "xᵢⱼ", "x_{ij}"),
    (symbol("beta_hat"), "auto", "β_hat", r"\beta_{hat}"),
    (
        Mul(2, Pow(R(9, 2), -1, evaluate=False), evaluate=False),
        "auto",
        "2/4.5",
        r"\frac{2}{4.5}",
    ),
    (
        Mul(x + 1, Pow(3, -1, evaluate=False), evaluate=False),
        "auto",
        "(x + 1)/3",
        r"\frac{x + 1}{3}",
    ),
    (
        Matrix([[R(9, 2)]]),
        "auto",
        "[4.5]",
        r"\left[\begin{matrix}4.5\end{matrix}\right]",
    ),
    (
        sigmoid(w) * (1 - sigmoid(w)),
        "auto",
        "σ(w)·(1 - σ(w))",
        r"\sigma\left(w\right) \left(1 - \sigma\left(w\right)\right)",
    ),
    (exp(-(x**2) - y**2), "auto", "exp(-x² - y²)", r"e^{-x^{2} - y^{2}}"),
    (Derivative(C, w), "auto", "dC/dw", r"\frac{d C}{d w}"),
    (Derivative(C, w, 2), "auto", "d²C/dw²", r"\frac{d^{2} C}{d w^{2}}"),
    (
        Derivative(C, x, y),
        "auto",
        "∂²C/∂x∂y",
        r"\frac{\partial^{2} C}{\partial x \partial y}",
    ),
    (
        Derivative(C, a) * Derivative(a, w),
        "auto",
        "dC/da · da/dw",
        r"\frac{d C}{d a} \cdot \frac{d a}{d w}",
    ),
    (Eq(x**2 + y**2, 1), "auto", "x² + y² = 1", r"x^{2} + y^{2} = 1"),
    (Ge(y, 3), "auto", "y ≥ 3", r"y \geq 3"),
    (
        Subs((y - 1) ** 2, y, 3),
        "auto",
        "[(y - 1)²]_(y=3)",
        r"\left. \left(y - 1\right)^{2} \right|_{\substack{ y=3 }}",
    ),
    (
        Matrix([R(5, 8), R(9, 8)]),
        "auto",
        "(0.625, 1.125)ᵀ",
        r"\left[\begin{matrix}0.625\\1.125\end{matrix}\right]",
    ),
    # A factor -1 built unevaluated is a minus sign, not "- 1(...)".
    (
        Add(3, shown(-1, mu / 2 + 1), evaluate=False),
        "auto",
        "3 - (0.5μ + 1)",
        r"3 - \left(0.5 \mu + 1\right)",
    ),
    (
        Add(UnevaluatedExpr(-R(1, 4)), shown(-1, -R(1, 4)), evaluate=False),
        "auto",
        "-0.25 - (-0.25)",
        r"-0.25 - \left(-0.25\right)",
    ),
    # Cramer's rule: a ratio of determinants, without doubled parentheses.
    (
        shown(
            Determinant(ImmutableMatrix([[3, 1], [4, lam + 2]])),
            Pow(Determinant(ImmutableMatrix([[lam + 2, 1], [1, lam + 2]])), -1),
        ),
        "auto",
        "det[3, 1; 4, λ + 2]/det[λ + 2, 1; 1, λ + 2]",
        r"\frac{\left|{\begin{matrix}3 & 1\\4 & \lambda + 2\end{matrix}}\right|}"
        r"{\left|{\begin{matrix}\lambda + 2 & 1\\1 & \lambda + 2\end{matrix}}\right|}",
    ),
    (
        shown(3 * lam + 2, Pow(lam**2 + 4 * lam + 3, -1)),
        "auto",
        "(3λ + 2)/(λ² + 4λ + 3)",
        r"\frac{3 \lambda + 2}{\lambda^{2} + 4 \lambda + 3}",
    ),
    (
        ProductSet(Interval(0, oo), S.Reals),
        "auto",
        "[0, ∞) × ℝ",
        r"\left[0, \infty\right) \times \mathbb{R}",
    ),
]


@pytest.mark.parametrize(("expr", "numbers", "text", "latex"), ROWS)
def test_printing(expr, numbers, text, latex):
    assert to_text(expr, numbers) == text
    assert to_latex(expr, numbers) == latex


@pytest.mark.parametrize(
    ("q", "expected"),
    [
        (R(9, 2), "4.5"),
        (R(-3, 2), "-1.5"),
        (R(169, 500), "0.338"),
        (R(1, 1024), "0.0009765625"),
        (R(1, 3), "0.333333…"),
        (R(-2, 3), "-0.666666…"),
        (R(1, 7000), "0.000142857…"),
        (R(100, 3), "33.3333…"),
    ],
)
def test_decimal_text(q, expected):
    assert decimal_text(q) == expected


def test_terminating_matches_denominator_primes():
    for q in range(1, 200):
        expected = set(_primes(q)) <= {2, 5}
        assert terminating(R(1, q)) is expected


def _primes(n):
    p, out = 2, []
    while n > 1:
        while n % p == 0:
            out.append(p)
            n //= p
        p += 1
    return out


def test_unknown_number_style_names_the_way_out():
    with pytest.raises(InputError) as err:
        to_text(x, "roman")
    assert str(err.value) == (
        "unknown number style 'roman'; use one of auto, decimal, fraction"
    )


def _at(expr, value):
    with sympy.evaluate(False):
        return expr.xreplace({x: value})


@pytest.mark.parametrize(
    ("expr", "numbers", "text", "latex"),
    [
        (-1 / x**2, "auto", "-1/0.5²", r"-\frac{1}{0.5^{2}}"),
        (
            -1 / x**2,
            "fraction",
            "-1/(1/2)²",
            r"-\frac{1}{\left(\frac{1}{2}\right)^{2}}",
        ),
        (3 * x**2, "auto", "3·0.5²", r"3 \cdot 0.5^{2}"),
        (1 / x, "auto", "1/0.5", r"\frac{1}{0.5}"),
        (
            1 / (2 * sympy.sqrt(x)),
            "auto",
            "0.5·1/√0.5",
            r"0.5 \cdot \frac{1}{\sqrt{0.5}}",
        ),
    ],
)
def test_a_value_put_into_a_power_follows_the_number_style(expr, numbers, text, latex):
    # LaTeX shows what the text shows: 0.5², not (\frac{1}{2})^{2}.
    shown = _at(expr, Rational(1, 2))
    assert (to_text(shown, numbers), to_latex(shown, numbers)) == (text, latex)
