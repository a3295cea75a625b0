"""Why a network needs nonlinear activations: stacked linear layers collapse.

With a linear activation every layer is ``f(x) = W x`` (or ``W x + b``), and
``f(f(f(x))) = W^3 x``: any depth is one layer with weight ``W' = W^depth``
(and, with biases, ``b' = (W^(depth-1) + .. + W + I) b``).

>>> from symopt.models.linear import collapse
>>> c = collapse(3)
>>> c.weight
W**3
>>> bool(c.derivation.verify())
True
"""

from dataclasses import dataclass

import sympy
from sympy import Eq, Matrix, Mul, Symbol

from ..derivation import Derivation
from ..errors import InputError, shorten

__all__ = ["Collapse", "collapse"]

# Depth beyond which a matrix collapse is too large to show.
MAX_MATRIX_DEPTH = 6


@dataclass(frozen=True)
class Collapse:
    """``depth`` stacked linear layers as one: ``x -> weight x + bias``."""

    depth: int
    weight: object
    bias: object
    derivation: Derivation

    def to_data(self, *, lang="en", numbers="auto"):
        from ..render.json import exact_str, steps_data

        return {
            "depth": self.depth,
            "weight": exact_str(self.weight),
            "bias": exact_str(self.bias),
            "steps": steps_data(self.derivation, lang=lang, numbers=numbers),
        }


def collapse(depth=3, *, matrix=False, bias=False, size=2):
    """Compose ``depth`` linear layers and show they are a single layer.

    Scalar layers use symbols ``W`` (and ``b``); ``matrix=True`` uses a
    ``size x size`` matrix of symbols ``w11 ..`` acting on ``x1 ..``. The
    scalar case also proves the step from any depth ``k`` to ``k + 1``.
    """
    if not isinstance(depth, int) or isinstance(depth, bool) or depth < 1:
        raise InputError(
            f"depth {shorten(depth)} must be a whole number of layers, e.g. 3"
        )
    if matrix and not (1 <= size <= 4 and depth <= MAX_MATRIX_DEPTH):
        raise InputError(
            f"matrix collapse of size {size}, depth {depth} is too large to "
            f"show; use size <= 4 and depth <= {MAX_MATRIX_DEPTH}"
        )
    if matrix:
        return _matrix(depth, bias, size)
    return _scalar(depth, bias)


def _scalar(depth, bias):
    W, x, b = (Symbol(s, real=True) for s in ("W", "x", "b"))
    shift = b if bias else sympy.Integer(0)
    topic = "affine_collapse" if bias else "linear_collapse"
    d = Derivation(topic, params={"depth": depth})
    d.add("linear_layer", relations=(Eq(Symbol("f(x)"), W * x + shift),))

    # The composition written out, innermost first, then multiplied out.
    nested = x
    for _ in range(depth):
        nested = _layer(W, nested, shift)
    weight = W**depth
    offset = sum(W**j for j in range(depth)) * shift
    d.add("compose_layers", nested, sympy.expand(weight * x + offset), depth=depth)
    merged = [Eq(Symbol("W'", real=True), weight)]
    if bias:
        merged.append(Eq(Symbol("b'", real=True), offset))
    d.add("single_layer", relations=tuple(merged), depth=depth)

    # Any depth: if k layers are W^k x + b (W^k - 1)/(W - 1), so are k + 1.
    k = Symbol("k", integer=True, positive=True)
    if bias:
        geometric = (W**k - 1) / (W - 1)
        before = W**k * x + b * geometric
        after = W ** (k + 1) * x + b * (W ** (k + 1) - 1) / (W - 1)
    else:
        before, after = W**k * x, W ** (k + 1) * x
    d.add("collapse_induction", _layer(W, before, shift), after, k=k)
    return Collapse(depth, weight, offset, d)


def _layer(W, inner, shift):
    product = Mul(W, inner, evaluate=False)
    return sympy.Add(product, shift, evaluate=False) if shift != 0 else product


def _matrix(depth, bias, size):
    rows = range(1, size + 1)
    W = Matrix(size, size, lambda i, j: Symbol(f"w{i + 1}{j + 1}", real=True))
    x = Matrix([Symbol(f"x{i}", real=True) for i in rows])
    b = Matrix([Symbol(f"b{i}", real=True) for i in rows]) if bias else None

    d = Derivation("linear_collapse_matrix", params={"depth": depth})
    Ws, xs = sympy.MatrixSymbol("W", size, size), sympy.MatrixSymbol("x", size, 1)
    layer = Ws * xs + sympy.MatrixSymbol("b", size, 1) if bias else Ws * xs
    fx = sympy.MatrixSymbol("f(x)", size, 1)
    d.add(
        "linear_layer",
        relations=(Eq(fx, layer, evaluate=False), Eq(Ws, W, evaluate=False)),
    )

    # Apply the layer depth times; independently form W^depth and the bias sum.
    out = x
    for _ in range(depth):
        out = W * out + (b if bias else Matrix.zeros(size, 1))
    weight = W**depth
    offset = Matrix.zeros(size, 1)
    if bias:
        for j in range(depth):
            offset += W**j * b
    single = weight * x + offset
    for i in range(size):
        d.add(
            "compose_entry",
            out[i],
            sympy.expand(single[i]),
            entry=i + 1,
            depth=depth,
        )
    d.add(
        "single_layer_matrix",
        relations=_merged(weight, offset, bias),
        depth=depth,
    )
    return Collapse(depth, weight.as_immutable(), offset.as_immutable(), d)


def _merged(weight, offset, bias):
    n = weight.shape[0]
    merged = sympy.MatrixSymbol("W'", n, n)
    out = [Eq(merged, weight.applyfunc(sympy.expand), evaluate=False)]
    if bias:
        shifted = sympy.MatrixSymbol("b'", n, 1)
        out.append(Eq(shifted, offset.applyfunc(sympy.expand), evaluate=False))
    return tuple(out)
