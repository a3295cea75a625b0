import pytest
import sympy
from sympy import Rational

from symopt import function, symbols
from symopt.testing import assert_derivative, assert_equal

(w,) = symbols("w")


def lecture_loss(w):
    return (1.5 * w - 0.5) ** 2


@pytest.mark.parametrize(
    ("actual", "expected"),
    [
        ("4.5w - 1.5", 9 * w / 2 - Rational(3, 2)),
        ("(x + 1)^2", "x^2 + 2x + 1"),
        (sympy.Symbol("w") * 0.5, "w/2"),  # plain symbols and floats normalised
        (0.2, Rational(1, 5)),
        ("x <= 1", "x - 1 <= 0"),
        ([1, "x"], (1, "x")),
        ("sigmoid(x)*(1 - sigmoid(x))", "sigmoid(x) - sigmoid(x)^2"),
        # Relations up to orientation and a constant factor, as verify() has it.
        ("x == 1", "1 == x"),
        ("x <= 1", "1 >= x"),
        ("x < y", "y > x"),
        ("2x == 2", "x == 1"),
        # Equal by definition, where simplify alone does not see it.
        ("relu(x)", "max(0, x)"),
        ("relu(x)", "(x + abs(x))/2"),
        ("x step(x)", "relu(x)"),
        (sympy.Matrix(["1.5", "x"]), sympy.Matrix([Rational(3, 2), "x"])),
        ({"w": "4.5", "b": 1}, {"w": 4.5, "b": "1"}),
    ],
)
def test_equal_passes(actual, expected):
    assert_equal(actual, expected)


@pytest.mark.parametrize(
    ("actual", "expected", "message"),
    [
        ("4.5w - 1.5", "9w/2 - 1",
         "expressions differ:\n  actual:   9*w/2 - 3/2\n  expected: 9*w/2 - 1\n"
         "  actual - expected: -1/2"),
        (["x", "y"], ["x", "2y"],
         "expressions at index 1 differ:\n  actual:   y\n  expected: 2*y\n"
         "  actual - expected: -y"),
        ("x <= 1", "x < 1",
         "expressions differ:\n  actual:   x <= 1\n  expected: x < 1"),
        ([1], [1, 2], "expressions differ in length: 1 actual, 2 expected"),
        ("x", [1], "expressions differ: 'x' vs [1]"),
        ("x <= 1", "x >= 1",
         "expressions differ:\n  actual:   x <= 1\n  expected: x >= 1"),
        ("relu(x)", "x",
         "expressions differ:\n  actual:   relu(x)\n  expected: x\n"
         "  actual - expected: -x + relu(x)"),
        (sympy.Matrix([1, 2]), sympy.Matrix([1, 3]),
         "expressions differ:\n  actual:   Matrix([[1], [2]])\n"
         "  expected: Matrix([[1], [3]])\n  actual - expected: Matrix([[0], [-1]])"),
        (sympy.Matrix([1, 2]), sympy.Matrix([[1, 2]]),
         "expressions differ:\n  actual:   Matrix([[1], [2]])\n"
         "  expected: Matrix([[1, 2]])"),
        ({"w": 1}, {"b": 1},
         "expressions differ in keys: missing b; unexpected w"),
        ({"w": 1}, {"w": "2"},
         "expressions at w differ:\n  actual:   1\n  expected: 2\n"
         "  actual - expected: -1"),
    ],
)  # fmt: skip
def test_equal_failure_messages(actual, expected, message):
    with pytest.raises(AssertionError) as caught:
        assert_equal(actual, expected)
    assert str(caught.value) == message


def test_derivative_passes_for_text_expressions_and_functions():
    assert_derivative("(1.5w - 0.5)^2", "w", "4.5w - 1.5")
    assert_derivative(function(lecture_loss), w, 9 * w / 2 - Rational(3, 2))
    assert_derivative("softplus(x)", "x", "sigmoid(x)")


def test_derivative_failure_message():
    with pytest.raises(AssertionError) as caught:
        assert_derivative("(1.5w - 0.5)^2", "w", "4.5w")
    assert str(caught.value) == (
        "d/dw of (3*w/2 - 1/2)**2 is not the expected one:\n"
        "  actual:   9*w/2 - 3/2\n  expected: 9*w/2\n  actual - expected: -3/2"
    )


def test_derivative_needs_one_variable():
    with pytest.raises(AssertionError, match="wrt must be a single variable"):
        assert_derivative("x*y", "x*y", "1")
