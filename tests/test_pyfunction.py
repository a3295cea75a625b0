import math

import numpy as np
import pytest
import sympy
from sympy import Rational, exp, log

import symopt
from symopt import InputError, exact, function, relu, sigmoid, softplus, symbols

w, a, x, y = symbols("w a x y")
alpha, w_1, x1, lam, mu_2 = symbols("alpha w_1 x1 lambda mu_2")


@symopt.function
def loss(w):
    return (1.5 * w - 0.5) ** 2


def test_lecture_loss_is_exact():
    assert loss.expr == (Rational(3, 2) * w - Rational(1, 2)) ** 2
    assert loss.params == (w,)
    assert loss.name == "loss"
    assert sympy.diff(loss.expr, w) == 9 * w / 2 - Rational(3, 2)


def test_lecture_loss_latex_is_the_source():
    assert loss.latex == (
        r"\mathrm{loss}(w) = \mathopen{}\left( 1.5 w - 0.5 \mathclose{}\right)^{2}"
    )


def test_call_substitutes_exact_values():
    assert loss(Rational(1, 3)) == 0
    assert loss(0.5) == Rational(1, 16)
    assert exact(loss) == loss.expr
    with pytest.raises(InputError, match="loss takes 1 value"):
        loss(1, 2)


def with_assignments(alpha, w_1, x1, lambda_):
    """Greek names, subscripts and the multiplier's keyword-safe name."""
    a = alpha * w_1
    b = a + 0.1
    b += x1
    return b**2 + lambda_ * math.exp(-x1) + np.log(w_1)


def test_assignments_are_substituted():
    f = function(with_assignments)
    b = symbols("b")[0]
    assert f.params == (alpha, w_1, x1, lam)
    assert f.expr == (alpha * w_1 + Rational(1, 10) + x1) ** 2 + lam * exp(-x1) + log(
        w_1
    )
    assert f.assignments == ((a, alpha * w_1), (b, a + Rational(1, 10)), (b, b + x1))


def test_assignments_latex_shows_math_names():
    assert function(with_assignments).latex == (
        r"\begin{array}{l} a = \alpha \cdot w_{1} \\ b = a + 0.1 \\ b = b + x_{1} "
        r"\\ \mathrm{with\_assignments}(\alpha, w_{1}, x_{1}, \lambda) = b^{2} "
        r"+ \lambda \cdot \exp \mathopen{}\left( -x_{1} \mathclose{}\right) "
        r"+ \log w_{1} \end{array}"
    )


def activations(x, mu_2):
    return sigmoid(x) * mu_2 + math.pi + max(x, 0) + abs(x)


def test_known_functions_and_constants():
    f = function(activations)
    assert f.expr == sigmoid(x) * mu_2 + sympy.pi + sympy.Max(x, 0) + sympy.Abs(x)
    assert r"\mu_{2}" in f.latex
    assert r"\mathrm{math}" not in f.latex


def through_symopt(x):
    return symopt.sigmoid(x) + symopt.relu(x) + softplus(x)


def test_symopt_functions_read_and_show_as_in_derivations():
    f = function(through_symopt)
    assert f.expr == sigmoid(x) + relu(x) + softplus(x)
    if "mathopen" in f.latex:  # latexify-py's rendering, not the fallback
        assert f.latex == (
            r"\mathrm{through\_symopt}(x) = \sigma \mathopen{}\left( x "
            r"\mathclose{}\right) + \operatorname{relu} \mathopen{}\left( x "
            r"\mathclose{}\right) + \operatorname{softplus} \mathopen{}\left( x "
            r"\mathclose{}\right)"
        )


def test_fallback_latex_without_latexify(monkeypatch):
    import symopt.pyfunction as pyfunction

    monkeypatch.setattr(pyfunction, "_latexify", lambda defined: None)
    assert function(loss.fn).latex == (
        r"\mathrm{loss}(w) = \left(\frac{3 w}{2} - \frac{1}{2}\right)^{2}"
    )


def loop(x):
    for _ in range(3):
        x = x + 1
    return x


def branch(x):
    if x > 0:
        return x
    return -x


def unknown(x):
    return foo(x)  # noqa: F821


def attribute(x):
    return x.real


def lambdas(x):
    return (lambda y: y)(x)


def comprehension(x):
    return sum([x for _ in range(2)])


def string(x):
    return "x"


def default(x, c=2):
    return c * x


def xor(x):
    return x ^ 2


def free_name(x):
    return c * x  # noqa: F821


def dunder(x):
    return __import__("os")


def conditional(x):
    return x if x > 0 else 0


def no_return(x):
    y = x  # noqa: F841


def star(*x):
    return 1


def tower(x):
    return 9**9**9**9 * x


def compare(x):
    return x > 1


def keywords(x):
    return max(x, 0, key=abs)


def euler_parameter(e, x):
    return e * x


def pi_assigned(x):
    pi = 2 * x
    return pi + 1


def two_returns(x):
    return x
    return 2 * x


def tuple_assignment(x):
    a, b = x, 1
    return a + b


def bare_expression(x):
    x + 1
    return x


@pytest.mark.parametrize(
    ("fn", "message"),
    [
        # e and pi are constants in symopt: a parameter of that name would be
        # a number, and differentiating with respect to it nonsense.
        (euler_parameter, "euler_parameter, line {1}: 'e' is the constant e at "
         "column 21; choose another name"),
        (pi_assigned, "pi_assigned, line {0}: 'pi' is the constant pi at "
         "column 5; choose another name"),
        (two_returns, "two_returns, line {0}: only one return is supported, as "
         "the last statement at column 5"),
        (tuple_assignment, "tuple_assignment, line {0}: assign one plain name per "
         "statement (y = ..., no annotations) at column 5"),
        (bare_expression, "bare_expression, line {0}: a bare expression does "
         "nothing at column 5; assign it to a name or return it"),
        (loop, "loop, line {0}: loops are not supported at column 5; "
         "write the expression"),
        (branch, "branch, line {0}: 'if' is not supported at column 5; "
         "use relu, step, max or min"),
        (unknown, "unknown, line {0}: unknown function 'foo' at column 12; known "
         "functions: abs, cos, exp, heaviside, ln, log, max, min, relu, sigmoid, "
         "sin, softplus, sqrt, step, tan, tanh; for a product write foo*(...)"),
        (attribute, "attribute, line {0}: attribute access is not supported at "
         "column 12"),
        (lambdas, "lambdas, line {0}: only calls of known functions are supported "
         "at column 12"),
        (comprehension, "comprehension, line {0}: unknown function 'sum' at "
         "column 12; known functions: abs, cos, exp, heaviside, ln, log, max, min, "
         "relu, sigmoid, sin, softplus, sqrt, step, tan, tanh; for a product write "
         "sum*(...)"),
        (string, "string, line {0}: the constant 'x' is not a number at column 12"),
        (default, "default, line {1}: parameters with defaults are not supported "
         "at column 18; remove the default or write the number in the body"),
        (xor, "xor, line {0}: '^' is XOR in Python at column 12; "
         "write ** for a power"),
        (free_name, "free_name, line {0}: 'c' is not a parameter at column 12; "
         "pass it as one"),
        (dunder, "dunder, line {0}: name '__import__' is not allowed (double "
         "underscores) at column 12"),
        (conditional, "conditional, line {0}: conditional expressions are not "
         "supported at column 12; use relu, step or max"),
        (no_return, "no_return, line {0}: the last statement must be "
         "'return EXPRESSION' at column 5"),
        (star, "star, line {1}: only plain parameters are supported "
         "(no *, **, /) at column 1"),
        (tower, "tower, line {0}: exponent 387420489 is too large (at most 1000) "
         "at column 15"),
        (compare, "compare, line {0}: comparisons are not supported in a function "
         "body at column 12"),
        (keywords, "keywords, line {0}: max(...) takes no keyword arguments here "
         "at column 12"),
    ],
)  # fmt: skip
def test_unsupported_constructs(fn, message):
    first = fn.__code__.co_firstlineno
    expected = message.format(first + 1, first)
    with pytest.raises(InputError) as caught:
        function(fn)
    assert str(caught.value) == expected


def test_lambda_and_non_functions():
    with pytest.raises(InputError, match="lambda functions are not supported"):
        function(lambda x: x)
    with pytest.raises(InputError, match="expected a Python function, got int"):
        function(3)
