import pytest
import sympy
from sympy import Abs, E, Eq, Ge, Gt, Le, Lt, Max, Min, Rational, exp, log, pi, sqrt

from symopt import InputError, exact, parse, relu, sigmoid, softplus, step, symbols
from symopt.parsing import parse_definition

w, a, y, x, z = symbols("w a y x z")
lam, mu, alpha, w_1, x1 = symbols("lambda mu alpha w_1 x1")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("4.5w - 1.5", 9 * w / 2 - Rational(3, 2)),
        ("2(a - y) * 1.5", 3 * a - 3 * y),
        ("0.2", Rational(1, 5)),
        ("1.5", Rational(3, 2)),
        (".25", Rational(1, 4)),
        ("2.5e-3", Rational(1, 400)),
        ("1E2", 100),
        ("2 x", 2 * x),
        ("2x y", 2 * x * y),
        ("(x + 1)(x - 1)", (x + 1) * (x - 1)),
        ("x^2", x**2),
        ("x**2", x**2),
        ("-x^2", -(x**2)),
        ("2^-1", Rational(1, 2)),
        ("2^3^2", 512),
        ("x/2/2", x / 4),
        ("x - y - z", x - y - z),
        ("x^0.5", sqrt(x)),
        ("--x", x),
        ("+x", x),
        ("lambda*mu + w_1 + x1 + alpha", lam * mu + w_1 + x1 + alpha),
        ("λ + μ", lam + mu),
        ("e^x + exp(1) + pi", exp(x) + E + pi),
        ("log(x) + ln(y) + log(8, 2)", log(x) + log(y) + 3),
        (
            "sqrt(4) + abs(x) + max(x, y, 1) + min(x, 0)",
            2 + Abs(x) + Max(x, y, 1) + Min(x, 0),
        ),
        (
            "sigmoid(x) + relu(y) + softplus(z) + step(w)",
            sigmoid(x) + relu(y) + softplus(z) + step(w),
        ),
        ("heaviside(x)", step(x)),
        ("sin(x)cos(x)", sympy.sin(x) * sympy.cos(x)),
        ("tanh(0.5 x)", sympy.tanh(x / 2)),
        # What symopt's own text output shows reads back as the same thing.
        ("x² + y³", x**2 + y**3),
        ("x⁻¹", 1 / x),
        ("2·x × y − 1", 2 * x * y - 1),
        ("λ·μ + w₁", lam * mu + w_1),
        ("σ(x)·(1 - σ(x))", sigmoid(x) * (1 - sigmoid(x))),
        ("π", pi),
        ("αβ", alpha * symbols("beta")[0]),
        ("λx", lam * x),
        ("λ_1 + μ2", sum(symbols("lambda_1 mu2"))),
    ],
)
def test_exact_reading(text, expected):
    assert parse(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("x^2 + y^2 == 1", Eq(x**2 + y**2, 1)),
        ("x = 1", Eq(x, 1)),
        ("x <= 1.5", Le(x, Rational(3, 2))),
        ("x >= -y", Ge(x, -y)),
        ("x < 0", Lt(x, 0)),
        ("x > 0", Gt(x, 0)),
    ],
)
def test_relations(text, expected):
    assert parse(text) == expected


def test_relation_between_numbers_stays_a_relation():
    assert parse("3 >= 2") == Ge(3, 2, evaluate=False)
    assert isinstance(parse("3 >= 2"), sympy.Ge)


def test_names_are_real_symbols_with_math_latex():
    expr = parse("lambda + mu + alpha*beta + w_1 + x1")
    assert all(s.is_real for s in expr.free_symbols)
    latex = sympy.latex(expr)
    for piece in (r"\lambda", r"\mu", r"\alpha", r"\beta", "w_{1}", "x_{1}"):
        assert piece in latex


def test_inequalities_symopt_prints_read_back():
    assert parse("2x − 1 ≤ 3") == Le(2 * x - 1, 3)
    assert parse("x ≥ 0") == Ge(x, 0)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("x_", "name 'x_' is not allowed at column 1; names are ASCII letters "
         "and digits with single underscores inside, such as w_1, x1 or lambda"),
        ("_x + 1", "name '_x' is not allowed at column 1; names are ASCII "
         "letters and digits with single underscores inside, such as w_1, x1 "
         "or lambda"),
        ("ｘ + 1", "'ｘ' is not allowed at column 1; write ASCII letters, "
         "digits and operators (Greek letters work)"),
        ("١٢", "'١' is not allowed at column 1; write ASCII letters, digits "
         "and operators (Greek letters work)"),
        ("2.x", "malformed number '2.' at column 1; write 2.0 or 2 before a name"),
        ("sqrt(-1)", "sqrt(...) is not a real number (gives I) at column 1"),
        ("log(-2)", "log(...) is not a real number (gives log(2) + I*pi) "
         "at column 1"),
        ("(-8)^(1/3)", "power is not a real number (gives 2*(-1)**(1/3)) "
         "at column 5"),
        ("√x", "'√' is not allowed at column 1; write sqrt(...)"),
        ("max(" + ",".join(f"x{i}" for i in range(11)) + ")",
         "max of 11 arguments is too many (at most 10) at column 1; name "
         "partial results as graph nodes (m = max(a, b), max(m, c))"),
        ("min(x, min(" + ",".join(f"x{i}" for i in range(10)) + "))",
         "min of 11 arguments is too many (at most 10) at column 1; name "
         "partial results as graph nodes (m = min(a, b), min(m, c))"),
        ("max(" + "+".join(f"x{i}" for i in range(60)) + ", "
         + "-".join(f"y{i}" for i in range(60)) + ")",
         "max(...) compares arguments with 118 operations (at most 100) at "
         "column 1; name its arguments as graph nodes, or write them shorter"),
    ],
)  # fmt: skip
def test_refusals_name_the_piece(text, message):
    with pytest.raises(InputError) as caught:
        parse(text)
    assert str(caught.value) == message


def test_unicode_greek_is_the_same_symbol_as_its_name():
    assert parse("λ") == parse("lambda")


def test_decimals_never_become_floats():
    assert not parse("0.1 + 0.2 x + 1e-3").atoms(sympy.Float)
    assert parse("0.1 + 0.2") == Rational(3, 10)


def test_parse_definition():
    assert parse_definition("a = 1.5*w") == (a, 3 * w / 2)


@pytest.mark.parametrize("text", ["a == 1.5", "a <= 2", "2 = a + 1", "a"])
def test_parse_definition_refuses_non_definitions(text):
    with pytest.raises(InputError, match="expected NAME = EXPRESSION"):
        parse_definition(text)


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (0.2, Rational(1, 5)),
        (1e-05, Rational(1, 100000)),
        (3, 3),
        ("1.5", Rational(3, 2)),
        (sympy.Float("0.5") * sympy.Symbol("x"), x / 2),
    ],
)
def test_exact(value, expected):
    assert exact(value) == expected


@pytest.mark.parametrize("value", [float("nan"), float("inf"), True, [1], None])
def test_exact_refuses(value):
    with pytest.raises(InputError):
        exact(value)


def test_exact_numpy_scalar():
    numpy = pytest.importorskip("numpy")
    assert exact(numpy.float64(0.25)) == Rational(1, 4)


def test_long_sums_and_products_are_built_at_once():
    terms = [f"x{i}" for i in range(1500)]
    assert len(parse("+".join(terms)).args) == 1500
    assert len(parse("*".join(terms)).args) == 1500


def test_deep_but_allowed_nesting():
    assert parse("(" * 100 + "x" + ")" * 100) == x


@pytest.mark.parametrize(
    ("text", "written", "col"),
    [("1a = w", "1a", 1), ("  (a) = w", "(a)", 3), ("+a = w", "+a", 1)],
)
def test_parse_definition_wants_a_name_as_written(text, written, col):
    # 1a = w reads as 1*a = w; a node named a by accident is a wrong answer.
    with pytest.raises(InputError) as info:
        parse_definition(text)
    assert str(info.value) == (
        f"expected NAME = EXPRESSION, but {written!r} is not a name at column "
        f"{col}; a name starts with a letter and stands alone before '=', "
        "such as a, h_1 or x1"
    )
