"""The lecture's first chain rendered in every format and language.

dC/dw = dC/da * da/dw = 2(a - 0.5) * 1.5 = 3(a - 0.5) = 4.5w - 1.5, and 2.1 at
w = 0.8: whole expected outputs, one row per (format, language).
"""

import pytest
from render_cases import lecture_chain

from symopt import render

TEXT_EN = r"""The derivative of C with respect to w
1. Chain rule: C depends on w through a
   dC/dw = dC/da · da/dw
         = 2(a - 0.5)·1.5
         = 3(a - 0.5)
         = 4.5w - 1.5
2. Substitute w = 0.8
   4.5·0.8 - 1.5 = 2.1"""

TEXT_KO = r"""w에 대한 C의 도함수
1. 연쇄법칙: C는 a를 거쳐 w에 의존한다
   dC/dw = dC/da · da/dw
         = 2(a - 0.5)·1.5
         = 3(a - 0.5)
         = 4.5w - 1.5
2. w = 0.8 대입
   4.5·0.8 - 1.5 = 2.1"""

LATEX_EN = r"""\section*{The derivative of $C$ with respect to $w$}

Chain rule: $C$ depends on $w$ through $a$
\begin{align*}
\frac{d C}{d w} &= \frac{d C}{d a} \cdot \frac{d a}{d w} \\
&= 2 \left(a - 0.5\right) \cdot 1.5 \\
&= 3 \left(a - 0.5\right) \\
&= 4.5 w - 1.5
\end{align*}

Substitute $w = 0.8$
\begin{align*}
4.5 \cdot 0.8 - 1.5 &= 2.1
\end{align*}
"""

LATEX_KO = r"""\section*{$w$에 대한 $C$의 도함수}

연쇄법칙: $C$는 $a$를 거쳐 $w$에 의존한다
\begin{align*}
\frac{d C}{d w} &= \frac{d C}{d a} \cdot \frac{d a}{d w} \\
&= 2 \left(a - 0.5\right) \cdot 1.5 \\
&= 3 \left(a - 0.5\right) \\
&= 4.5 w - 1.5
\end{align*}

$w = 0.8$ 대입
\begin{align*}
4.5 \cdot 0.8 - 1.5 &= 2.1
\end{align*}
"""

MARKDOWN_EN = r"""## The derivative of $C$ with respect to $w$

1. Chain rule: $C$ depends on $w$ through $a$

$$
\begin{aligned}
\frac{d C}{d w} &= \frac{d C}{d a} \cdot \frac{d a}{d w} \\
&= 2 \left(a - 0.5\right) \cdot 1.5 \\
&= 3 \left(a - 0.5\right) \\
&= 4.5 w - 1.5
\end{aligned}
$$

2. Substitute $w = 0.8$

$$
4.5 \cdot 0.8 - 1.5 = 2.1
$$
"""

MARKDOWN_KO = r"""## $w$에 대한 $C$의 도함수

1. 연쇄법칙: $C$는 $a$를 거쳐 $w$에 의존한다

$$
\begin{aligned}
\frac{d C}{d w} &= \frac{d C}{d a} \cdot \frac{d a}{d w} \\
&= 2 \left(a - 0.5\right) \cdot 1.5 \\
&= 3 \left(a - 0.5\right) \\
&= 4.5 w - 1.5
\end{aligned}
$$

2. $w = 0.8$ 대입

$$
4.5 \cdot 0.8 - 1.5 = 2.1
$$
"""

JSON_EN = r"""{
  "topic": "derivative_of",
  "title": "The derivative of C with respect to w",
  "steps": [
    {
      "rule": "chain_rule",
      "text": "Chain rule: C depends on w through a",
      "chain": [
        "Derivative(C, w)",
        "Derivative(C, a)*Derivative(a, w)",
        "(2*(a - 1/2))*(3/2)",
        "3*(a - 1/2)",
        "9*w/2 - 3/2"
      ],
      "latex": [
        "\\frac{d C}{d w}",
        "\\frac{d C}{d a} \\cdot \\frac{d a}{d w}",
        "2 \\left(a - 0.5\\right) \\cdot 1.5",
        "3 \\left(a - 0.5\\right)",
        "4.5 w - 1.5"
      ],
      "relations": [],
      "params": {
        "of": "C",
        "wrt": "w",
        "via": "a"
      }
    },
    {
      "rule": "substitute",
      "text": "Substitute w = 0.8",
      "chain": [
        "(9/2)*(4/5) - 3/2",
        "21/10"
      ],
      "latex": [
        "4.5 \\cdot 0.8 - 1.5",
        "2.1"
      ],
      "relations": [],
      "params": {
        "point": {
          "w": "4/5"
        }
      }
    }
  ]
}"""

JSON_KO = r"""{
  "topic": "derivative_of",
  "title": "w에 대한 C의 도함수",
  "steps": [
    {
      "rule": "chain_rule",
      "text": "연쇄법칙: C는 a를 거쳐 w에 의존한다",
      "chain": [
        "Derivative(C, w)",
        "Derivative(C, a)*Derivative(a, w)",
        "(2*(a - 1/2))*(3/2)",
        "3*(a - 1/2)",
        "9*w/2 - 3/2"
      ],
      "latex": [
        "\\frac{d C}{d w}",
        "\\frac{d C}{d a} \\cdot \\frac{d a}{d w}",
        "2 \\left(a - 0.5\\right) \\cdot 1.5",
        "3 \\left(a - 0.5\\right)",
        "4.5 w - 1.5"
      ],
      "relations": [],
      "params": {
        "of": "C",
        "wrt": "w",
        "via": "a"
      }
    },
    {
      "rule": "substitute",
      "text": "w = 0.8 대입",
      "chain": [
        "(9/2)*(4/5) - 3/2",
        "21/10"
      ],
      "latex": [
        "4.5 \\cdot 0.8 - 1.5",
        "2.1"
      ],
      "relations": [],
      "params": {
        "point": {
          "w": "4/5"
        }
      }
    }
  ]
}"""

CASES = [
    ("text", "en", TEXT_EN),
    ("text", "ko", TEXT_KO),
    ("latex", "en", LATEX_EN),
    ("latex", "ko", LATEX_KO),
    ("markdown", "en", MARKDOWN_EN),
    ("markdown", "ko", MARKDOWN_KO),
    ("json", "en", JSON_EN),
    ("json", "ko", JSON_KO),
]


@pytest.mark.parametrize(("format", "lang", "expected"), CASES)
def test_lecture_chain(format, lang, expected):  # noqa: A002
    d = lecture_chain()
    assert d.verify()
    assert render(d, format, lang=lang) == expected


def test_the_chain_is_the_lectures():
    from sympy import Rational, diff

    from symopt import symbols

    w, a, C = symbols("w a C")
    d = lecture_chain()
    loss = (Rational(3, 2) * w - Rational(1, 2)) ** 2
    assert d.steps[0].chain[-1] == diff(loss, w)
    assert d.steps[1].chain[-1] == diff(loss, w).subs(w, Rational(4, 5))
    assert d.steps[1].chain[-1] == Rational(21, 10)
