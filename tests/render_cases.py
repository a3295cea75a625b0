"""Derivations the renderer tests share: the lecture's first chain and a
showcase of every kind of mathematics a step can hold."""

from sympy import (
    Add,
    Derivative,
    Eq,
    Ge,
    Matrix,
    Mul,
    Piecewise,
    Rational,
    exp,
    sqrt,
)

from symopt import Derivation, Table, relu, sigmoid, symbols

HALF = Rational(1, 2)


def shown(*factors):
    """A product shown as written, not multiplied out."""
    return Mul(*factors, evaluate=False)


def lecture_chain():
    """dC/dw = dC/da * da/dw = 2(a - 0.5) * 1.5 = 3(a - 0.5) = 4.5w - 1.5; 2.1 at 0.8.

    Input i = 1.5, weight w, a = i*w, target y = 0.5, loss C = (a - y)^2.
    """
    w, a, C = symbols("w a C")
    d = Derivation(
        "derivative_of",
        params={"of": C, "wrt": w},
        definitions={a: Rational(3, 2) * w, C: (a - HALF) ** 2},
    )
    d.add(
        "chain_rule",
        Derivative(C, w),
        Derivative(C, a) * Derivative(a, w),
        shown(shown(2, a - HALF), Rational(3, 2)),
        shown(3, a - HALF),
        9 * w / 2 - Rational(3, 2),
        of=C,
        wrt=w,
        via=a,
    )
    d.add(
        "substitute",
        Add(shown(Rational(9, 2), Rational(4, 5)), -Rational(3, 2), evaluate=False),
        Rational(21, 10),
        point={w: Rational(4, 5)},
    )
    return d


def showcase():
    """Relations, a table, nested cases, radicals, sigmoid, relu, matrices."""
    x, y, lam, mu, w_1, s = symbols("x y lambda mu w_1 s")
    point = {x: sqrt(2) / 2, y: sqrt(2) / 2}
    circle = Derivation("result", definitions=point)
    circle.add(
        "substitute",
        x + y,
        Add(sqrt(2) / 2, sqrt(2) / 2, evaluate=False),
        sqrt(2),
        point=point,
    )
    case = Derivation("derivative_of", params={"of": s, "wrt": w_1})
    case.add("simplify", Derivative(s, w_1), sigmoid(w_1) * (1 - sigmoid(w_1)))
    d = Derivation("result", definitions={s: sigmoid(w_1)})
    d.add(
        "check",
        relations=(Eq(x**2 + y**2, 1), Ge(y, 3), Eq(lam, sqrt(2) / 2)),
        sub=(circle, case),
    )
    d.add(
        "simplify",
        mu * (3 - y) + (y - 1) ** 2,
        y**2 - 2 * y + 1 + 3 * mu - mu * y,
    )
    d.add("simplify", relu(x - 1), Piecewise((x - 1, x > 1), (0, True)))
    d.add("simplify", exp(-(x**2 + y**2)), shown(exp(-(x**2)), exp(-(y**2))))
    d.add("result", Matrix([Rational(5, 8), Rational(9, 8)]))
    d.add(
        "check",
        table=Table(
            ["x", y, "check"],
            [[Rational(4, 5), Rational(1, 3), True], [-HALF, 2, False]],
        ),
    )
    return d
