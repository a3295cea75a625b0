"""Step-by-step differentiation: every rule, exact results, verified steps."""

import pytest
import sympy
from sympy import Derivative, Function, Piecewise, Rational, S

from symopt import InputError, diff_steps, relu, sigmoid, softplus, step, symbols

x, y, w, u = symbols("x y w u")

# expression, a rule the derivation must use, the exact derivative.
CASES = [
    (S(7), "diff_constant", S.Zero),
    (x, "diff_variable", S.One),
    (x + y, "diff_sum", S.One),
    (5 * x, "diff_constant_multiple", S(5)),
    (x**3, "diff_power", 3 * x**2),
    (x * sympy.sin(x), "diff_product", sympy.sin(x) + x * sympy.cos(x)),
    ((x + 1) / (x - 1), "diff_quotient", -2 / (x - 1) ** 2),
    ((3 * x / 2 - S.Half) ** 2, "diff_chain", 9 * x / 2 - Rational(3, 2)),
    (sympy.exp(2 * x), "diff_exp", 2 * sympy.exp(2 * x)),
    (2**x, "diff_exp_base", 2**x * sympy.log(2)),
    (sympy.log(x), "diff_log", 1 / x),
    (sympy.sqrt(x), "diff_sqrt", 1 / (2 * sympy.sqrt(x))),
    (sympy.sin(x), "diff_trig", sympy.cos(x)),
    (sympy.cos(x), "diff_trig", -sympy.sin(x)),
    (sympy.tan(x), "diff_trig", sympy.tan(x) ** 2 + 1),
    (sympy.tanh(x), "diff_tanh", 1 - sympy.tanh(x) ** 2),
    (sigmoid(x), "diff_sigmoid", sigmoid(x) * (1 - sigmoid(x))),
    (softplus(x), "diff_softplus", sigmoid(x)),
    (relu(x), "diff_relu", step(x)),
    (step(x), "diff_step", S.Zero),
    (sympy.Abs(x), "diff_abs", sympy.sign(x)),
    (
        sympy.Max(x, 2 * x - 1),
        "diff_max",
        sympy.Heaviside(1 - x) + 2 * sympy.Heaviside(x - 1),
    ),
    (
        sympy.Min(x, 3 - x),
        "diff_min",
        sympy.diff(sympy.Min(x, 3 - x), x),
    ),
    (x**x, "diff_sympy", x**x * (sympy.log(x) + 1)),
    (sympy.asin(x), "diff_sympy", 1 / sympy.sqrt(1 - x**2)),
]


@pytest.mark.parametrize(("expr", "rule", "expected"), CASES)
def test_each_rule(expr, rule, expected):
    r = diff_steps(expr, x)
    assert rule in r.derivation.rules()
    assert sympy.simplify(r.result - expected) == 0
    assert sympy.simplify(r.result - sympy.diff(expr, x)) == 0
    assert r.derivation.verify()


def test_lecture_derivative_with_value():
    r = diff_steps("(1.5w - 0.5)^2", "w", at={"w": "0.8"})
    assert r.result == 9 * w / 2 - Rational(3, 2)
    assert r.value == Rational(21, 10)
    assert r.derivation.rules() == [
        "diff_chain",
        "diff_power",
        "diff_sum",
        "diff_constant_multiple",
        "diff_variable",
        "diff_constant",
        "simplify",
        "substitute",
    ]
    chain = r.derivation.steps[0]
    inner = chain.params["inner"]
    assert inner == u
    assert chain.params["definition"] == 3 * w / 2 - S.Half
    assert chain.chain[0] == Derivative((3 * w / 2 - S.Half) ** 2, w)
    # The step ends in the reader's variable: 3u = 4.5w - 1.5.
    assert chain.chain[-2:] == (3 * u, 9 * w / 2 - Rational(3, 2))
    final = r.derivation.steps[-2]
    assert final.rule == "simplify"
    assert final.chain[-1] == 9 * w / 2 - Rational(3, 2)
    # The raw chain product survives unevaluated before the tidy result.
    assert final.chain[1] == sympy.Mul(2 * u, Rational(3, 2), evaluate=False)
    assert r.derivation.verify()


def test_relu_states_its_kink_and_subgradient():
    r = diff_steps(relu(x), x)
    (st,) = [s for s in r.derivation.steps if s.rule == "diff_relu"]
    assert st.params["kink"] == 0
    assert st.params["used"] == 0
    (relation,) = st.relations
    assert relation.rhs == Piecewise((1, x > 0), (0, x < 0))


def test_inner_names_avoid_symbols_of_the_expression():
    r = diff_steps(sympy.sin(u * x) ** 2, x)
    names = [s.params["inner"] for s in r.derivation.steps if s.rule == "diff_chain"]
    assert u not in names
    assert len(set(names)) == 2
    assert sympy.simplify(r.result - sympy.diff(sympy.sin(u * x) ** 2, x)) == 0
    assert r.derivation.verify()


def test_undefined_functions_chain_rule():
    f, g = Function("f"), Function("g")
    r = diff_steps(g(f(x)), x)
    assert "diff_chain" in r.derivation.rules()
    assert "diff_function" in r.derivation.rules()
    assert sympy.simplify(r.result - sympy.diff(g(f(x)), x)) == 0


def test_sigmoid_chain_keeps_teacher_form():
    r = diff_steps(sigmoid(2 * x + 1), x)
    s = sigmoid(2 * x + 1)
    assert r.result == 2 * s * (1 - s)


def test_plain_sympy_input_is_normalised():
    plain = sympy.Symbol("x")
    r = diff_steps(plain**2 + 0.5 * plain, plain)
    assert r.wrt == x
    assert r.result == 2 * x + Rational(1, 2)


def test_to_data_is_exact_strings():
    data = diff_steps("(1.5w - 0.5)^2", "w", at={"w": 0.8}).to_data()
    assert data["of"] == "(3*w/2 - 1/2)**2"
    assert data["wrt"] == ["w"]
    assert data["result"] == "9*w/2 - 3/2"
    assert data["value"] == "21/10"
    assert data["at"] == {"w": "4/5"}
    assert [s["rule"] for s in data["steps"]][-2:] == ["simplify", "substitute"]


@pytest.mark.parametrize(
    ("expr", "wrt", "at", "message"),
    [
        (
            "x >= 1",
            "x",
            None,
            "expected an expression to differentiate, got 'x >= 1'; "
            "write the function only, e.g. (1.5w - 0.5)^2",
        ),
        (
            "x^2",
            "x + 1",
            None,
            "expected a variable name, got 'x + 1'; write e.g. --wrt w",
        ),
        ("x^2", "x", {"x": "y"}, "expected a number for x, got 'y'; write e.g. w=0.8"),
    ],
)
def test_bad_input_messages(expr, wrt, at, message):
    with pytest.raises(InputError) as info:
        diff_steps(expr, wrt, at=at)
    assert str(info.value) == message


def _text(expr, **kwargs):
    from symopt import render

    return render(diff_steps(expr, "x", **kwargs), "text")


# Whole printouts: every step in reading order, each link shown once.
PRINTOUTS = [
    (
        "x*sin(x)",
        """\
Derivative of x·sin(x) with respect to x
1. Product rule: (fg)' = f'g + fg'
   d/dx (x·sin(x)) = dx/dx · sin(x) + x · d/dx (sin(x))
                   = 1·sin(x) + x·cos(x)
                   = x·cos(x) + sin(x)
2. Variable rule: a variable's derivative by itself is 1
   dx/dx = 1
3. Trigonometric rule for sin
   d/dx (sin(x)) = cos(x)
4. Simplify
   d/dx (x·sin(x)) = 1·sin(x) + x·cos(x)
                   = x·cos(x) + sin(x)""",
    ),
    (
        # The tidy result -2x is the last word, not the raw -1 · 2x.
        "-x^2",
        """\
Derivative of -x² with respect to x
1. Constant multiple rule: the factor -1 stays
   d/dx (-x²) = -d/dx (x²)
              = -2x
2. Power rule: bring down the exponent 2, lower it by 1
   d/dx (x²) = 2x
3. Simplify
   d/dx (-x²) = -2x""",
    ),
    (
        # Terms in the order of the expression, as they are derived.
        "x^3 + 5*x",
        """\
Derivative of x³ + 5x with respect to x
1. Sum rule: differentiate term by term
   d/dx (x³ + 5x) = d/dx (x³) + d/dx (5x)
                  = 3x² + 5
2. Power rule: bring down the exponent 3, lower it by 1
   d/dx (x³) = 3x²
3. Constant multiple rule: the factor 5 stays
   d/dx (5x) = 5 · dx/dx
             = 5·1
             = 5
4. Variable rule: a variable's derivative by itself is 1
   dx/dx = 1
5. Simplify
   d/dx (x³ + 5x) = 3x² + 5""",
    ),
    (
        # A regrouped product (2u)·cos(x) is not a step of its own; one dot
        # style throughout, and the chain step ends in x, not u.
        "sin(x)^2",
        """\
Derivative of sin(x)² with respect to x
1. Chain rule with the inner function u = sin(x)
   d/dx (sin(x)²) = d/du (u²) · du/dx
                  = 2u·cos(x)
                  = 2·sin(x)·cos(x)
2. Power rule: bring down the exponent 2, lower it by 1
   d/du (u²) = 2u
3. Trigonometric rule for sin
   d/dx (sin(x)) = cos(x)
4. Simplify
   d/dx (sin(x)²) = 2u·cos(x)
                  = 2·sin(x)·cos(x)""",
    ),
]


@pytest.mark.parametrize(("expr", "text"), PRINTOUTS, ids=[p[0] for p in PRINTOUTS])
def test_printouts(expr, text):
    assert _text(expr) == text


def test_max_tie_uses_half_weights_a_subgradient():
    # max(x, 2x - 1) has slopes 1 and 2 at its kink x = 1; H(0) = 1/2 gives
    # 3/2, inside the subdifferential [1, 2].
    r = diff_steps("max(x, 2*x - 1)", "x", at={"x": 1})
    assert r.value == Rational(3, 2)
    assert "Heaviside(0) = 1/2" in _text("max(x, 2*x - 1)")


@pytest.mark.parametrize(
    ("expr", "at", "message"),
    [
        (
            "sqrt(x)",
            {"x": 0},
            "d/dx sqrt(x) has no finite value at x = 0 (a division by zero or "
            "a function outside its domain); evaluate at another point",
        ),
        (
            "1/x",
            {"x": 0},
            "d/dx 1/x has no finite value at x = 0 (a division by zero or "
            "a function outside its domain); evaluate at another point",
        ),
        (
            "x*y",
            {"x": 1, "z": 2},
            "the point gives z, which d/dx x*y does not use (its variables: x, "
            "y); check the spelling",
        ),
    ],
)
def test_bad_points(expr, at, message):
    with pytest.raises(InputError) as info:
        diff_steps(expr, "x", at=at)
    assert str(info.value) == message
