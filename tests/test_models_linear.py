"""Stacked linear layers collapse to one: exact, scalar and matrix."""

import pytest
import sympy
from sympy import Matrix, Symbol, expand

from symopt.errors import InputError
from symopt.models.linear import collapse

W, x, b = (Symbol(s, real=True) for s in ("W", "x", "b"))


@pytest.mark.parametrize("depth", [1, 2, 3, 5])
def test_scalar_depths(depth):
    c = collapse(depth)
    assert c.weight == W**depth and c.bias == 0
    compose = next(s for s in c.derivation if s.rule == "compose_layers")
    assert compose.chain[-1] == W**depth * x
    assert c.derivation.verify()


def test_three_layers_are_w_cubed_x():
    c = collapse(3)
    nested = next(s for s in c.derivation if s.rule == "compose_layers").chain[0]
    assert nested.doit() == W**3 * x


def test_affine_layers_collapse_with_geometric_bias():
    c = collapse(3, bias=True)
    assert c.weight == W**3
    assert expand(c.bias - (W**2 + W + 1) * b) == 0
    # Oracle: compose the function three times directly.
    f = sympy.Lambda(x, W * x + b)
    assert expand(f(f(f(x))) - (c.weight * x + c.bias)) == 0
    assert c.derivation.verify()


def test_induction_step_holds_for_any_depth():
    for bias in (False, True):
        d = collapse(2, bias=bias).derivation
        step = next(s for s in d if s.rule == "collapse_induction")
        k = step.params["k"]
        # The claim, checked at several concrete depths independently.
        for depth in (1, 2, 7):
            left, right = (e.subs(k, depth) for e in step.chain)
            assert sympy.simplify(left - right) == 0
        assert d.verify()


@pytest.mark.parametrize("bias", [False, True])
def test_matrix_layers(bias):
    c = collapse(3, matrix=True, bias=bias, size=2)
    Wm = Matrix(2, 2, sympy.symbols("w11 w12 w21 w22", real=True))
    xv = Matrix(sympy.symbols("x1 x2", real=True))
    bv = Matrix(sympy.symbols("b1 b2", real=True)) if bias else Matrix([0, 0])
    assert (c.weight - Wm**3).applyfunc(expand) == Matrix.zeros(2, 2)
    out = xv
    for _ in range(3):
        out = Wm * out + bv
    assert (out - (c.weight * xv + c.bias)).applyfunc(expand) == Matrix([0, 0])
    assert c.derivation.verify()


@pytest.mark.parametrize(
    "kwargs, message",
    [
        ({"depth": 0}, "depth 0 must be a whole number of layers"),
        ({"depth": 9, "matrix": True}, "too large to show"),
    ],
)
def test_bad_depths(kwargs, message):
    with pytest.raises(InputError, match=message):
        collapse(**kwargs)
