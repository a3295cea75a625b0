"""A fully connected network written out node by node as a :class:`Graph`.

Layer ``l`` has pre-activations ``z{l}_{j} = b{l}_{j} + sum_k w{l}_{jk} a{l-1}_{k}``
and activations ``a{l}_{j} = act(z{l}_{j})``; the inputs are ``x1, x2, ...``
(layer 0), the targets ``y1, y2, ...`` and the squared loss node is
``C = sum_j (a{L}_{j} - y_j)^2``. Weight names are ``w2_11`` (layer 2, unit 1
from unit 1), or ``w2_10_3`` once a layer is wider than 9.

>>> g = mlp([2, 2, 1])
>>> len(g.params), g.output
(9, C)
>>> g.nodes[g.output]
(a2_1 - y1)**2
"""

import operator

import sympy

from ..calculus.graph import Graph
from ..errors import InputError
from ..functions import ACTIVATIONS
from ..parsing import symbol

__all__ = ["mlp"]

LOSSES = ("squared", "none")


def mlp(widths, activation="sigmoid", loss="squared"):
    """The graph of a fully connected network of the given layer widths.

    ``widths`` lists the units per layer, inputs first (``[2, 2, 1]``);
    ``activation`` is one of sigmoid, relu, softplus, step, tanh, identity;
    ``loss`` is ``"squared"`` (node ``C``) or ``"none"`` (outputs last).
    Parameters are declared in layer order, weights before biases.
    """
    widths = _check(widths, activation, loss)
    act = ACTIVATIONS[activation]
    wide = max(widths) > 9

    def name(kind, layer, j, k=None):
        if k is None:
            return symbol(f"{kind}{layer}_{j}")
        sep = "_" if wide else ""
        return symbol(f"{kind}{layer}_{j}{sep}{k}")

    inputs = [symbol(f"x{k}") for k in range(1, widths[0] + 1)]
    targets = [symbol(f"y{j}") for j in range(1, widths[-1] + 1)]
    params, nodes, previous = [], [], inputs
    for layer in range(1, len(widths)):
        current = []
        for j in range(1, widths[layer] + 1):
            weights = [name("w", layer, j, k) for k in range(1, len(previous) + 1)]
            bias = name("b", layer, j)
            params += weights + [bias]
            z = name("z", layer, j)
            terms = [w * a for w, a in zip(weights, previous)]
            nodes.append((z, sympy.Add(bias, *terms)))
            a = name("a", layer, j)
            nodes.append((a, act(z)))
            current.append(a)
        previous = current

    if loss == "squared":
        error = sympy.Add(*((a - y) ** 2 for a, y in zip(previous, targets)))
        nodes.append((symbol("C"), error))
        declared_inputs = inputs + targets
    else:
        declared_inputs = inputs
    return Graph(nodes, inputs=declared_inputs, params=params)


def _check(widths, activation, loss):
    # Whole numbers only: "221" or [2.5, 1] would silently build another net.
    try:
        if isinstance(widths, str) or any(isinstance(n, bool) for n in widths):
            raise TypeError
        widths = [operator.index(n) for n in widths]
    except TypeError:
        raise InputError(
            "expected layer widths as whole numbers such as [2, 2, 1], "
            f"got {widths!r:.60}"
        ) from None
    if len(widths) < 2 or min(widths) < 1:
        raise InputError(
            f"expected at least two layer widths, each 1 or more, got {widths!r:.60}"
        )
    if activation not in ACTIVATIONS:
        known = ", ".join(ACTIVATIONS)
        raise InputError(f"unknown activation {activation!r}; use one of {known}")
    if loss not in LOSSES:
        raise InputError(f"unknown loss {loss!r}; use one of {', '.join(LOSSES)}")
    return widths
