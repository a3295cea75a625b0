"""Layout details: tables, relations, nested derivations, partial quotients."""

import pytest
from render_cases import showcase
from sympy import Derivative, Eq, Ge, Rational

from symopt import Derivation, Table, render, symbols

x, y, mu, L = symbols("x y mu L")


def kkt_like():
    d = Derivation("result", definitions={L: (y - 1) ** 2 + mu * (3 - y)})
    d.add("simplify", Derivative(L, y), 2 * y - 2 - mu)
    d.add("check", relations=(Eq(2 * y - 2 - mu, 0), Ge(mu, 0)))
    d.add(
        "check",
        table=Table(
            [y, mu, "result"],
            [[3, 4, Rational(4)], [1, 0, "false"]],
        ),
    )
    return d


def test_several_variables_make_partial_quotients():
    d = kkt_like()
    assert d.verify()
    text = render(d, "text")
    assert "∂L/∂y = 2y - μ - 2" in text
    assert r"\frac{\partial L}{\partial y}" in render(d, "latex")


TEXT_KO = """결과
1. 정리
   ∂L/∂y = 2y - μ - 2
2. 검산
   2y - μ - 2 = 0
   μ ≥ 0
3. 검산
   y  μ  결과
   -  -  ----
   3  4     4
   1  0  거짓"""

MARKDOWN_EN = r"""## Result

1. Simplify

$$
\frac{\partial L}{\partial y} = 2 y - \mu - 2
$$

2. Check

$$
\begin{gathered}
2 y - \mu - 2 = 0 \\
\mu \geq 0
\end{gathered}
$$

3. Check

| $y$ | $\mu$ | Result |
| --- | --- | --- |
| $3$ | $4$ | $4$ |
| $1$ | $0$ | false |
"""

LATEX_EN = r"""\section*{Result}

Simplify
\begin{align*}
\frac{\partial L}{\partial y} &= 2 y - \mu - 2
\end{align*}

Check
\begin{gather*}
2 y - \mu - 2 = 0 \\
\mu \geq 0
\end{gather*}

Check
\begin{center}
\begin{tabular}{ccc}
$y$ & $\mu$ & Result \\ \hline
$3$ & $4$ & $4$ \\
$1$ & $0$ & false \\
\end{tabular}
\end{center}
"""


@pytest.mark.parametrize(
    ("format", "lang", "expected"),
    [
        ("text", "ko", TEXT_KO),
        ("markdown", "en", MARKDOWN_EN),
        ("latex", "en", LATEX_EN),
    ],
)
def test_relations_and_tables(format, lang, expected):  # noqa: A002
    assert render(kkt_like(), format, lang=lang) == expected


def test_nested_derivations_indent_and_go_a_heading_deeper():
    text = render(showcase(), "text")
    assert "\n    The derivative of s with respect to w₁\n    1. Simplify\n" in text
    md = render(showcase(), "markdown")
    assert "\n### The derivative of $s$ with respect to $w_{1}$\n" in md
    tex = render(showcase(), "latex")
    assert "\n\\subsection*{The derivative of $s$ with respect to $w_{1}$}\n" in tex


def test_markdown_tables_keep_absolute_values_inside_their_cells():
    d = Derivation("result")
    d.add("check", table=Table(["x", "y"], [[abs(x), 1]]))
    assert "| $\\left\\vert {x}\\right\\vert $ | $1$ |" in render(d, "markdown")
