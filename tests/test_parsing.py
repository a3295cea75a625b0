import pytest
from sympy import Eq, Rational

from symopt import InputError, parse, symbols

w, a, y, x = symbols("w a y x")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("4.5w - 1.5", 9 * w / 2 - Rational(3, 2)),
        ("2(a - y) * 1.5", 3 * a - 3 * y),
        ("0.2", Rational(1, 5)),
        ("2 x", 2 * x),
        ("x^2 == 1", Eq(x**2, 1)),
    ],
)
def test_exact_reading(text, expected):
    assert parse(text) == expected


def test_error_names_column():
    with pytest.raises(InputError, match="attribute access is not allowed at column 2"):
        parse("x.real")
