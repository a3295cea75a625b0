"""The lecture's topics, in its order, each built by the library at run time.

A topic is a builder ``(inputs) -> items`` (derivations or results holding
one) and, for documents, a figure maker ``(inputs, items) -> {name: Figure}``.
``needs`` names the public functions a topic uses, so a topic whose part of
symopt is missing is left out rather than faked.
"""

from dataclasses import dataclass

__all__ = ["Topic", "TOPICS", "available"]


@dataclass(frozen=True)
class Topic:
    id: str
    build: object
    figures: object = None
    needs: tuple = ()


# Perceptrons, XOR, collapse: symopt.models.


def _perceptrons(inputs):
    from ..models.perceptron import gate_perceptron, truth_table
    from ..models.perceptron_learning import learn

    tables = [truth_table(gate_perceptron(g), g) for g in ("AND", "OR", "NAND")]
    run = learn(
        "AND", weights=tuple(inputs.perceptron_weights), lr=inputs.perceptron_lr
    )
    return [*tables, run]


def _perceptron_figures(inputs, items):
    from ..models.plots import decision_regions

    models = [t.derivation for t in items[:3]]
    del models
    from ..models.perceptron import gate_perceptron

    gates = ("AND", "OR", "NAND")
    return {
        "gates": lambda: decision_regions(
            [gate_perceptron(g) for g in gates], titles=gates
        )
    }


def _xor(inputs):
    from ..models.perceptron import truth_table, xor_network
    from ..models.separability import separate

    return [
        separate("XOR"),
        separate("AND"),
        separate("OR"),
        truth_table(xor_network(), "XOR"),
    ]


def _xor_figures(inputs, items):
    from ..models.perceptron import xor_network
    from ..models.plots import decision_regions

    return {
        "network": lambda: decision_regions(
            [xor_network()], titles=["XOR = AND(NAND, OR)"]
        )
    }


def _collapse(inputs):
    from ..models.linear import collapse

    depth = int(inputs.collapse_depth)
    return [
        collapse(depth),
        collapse(depth, bias=True),
        collapse(min(depth, 2), matrix=True),
    ]


def _activation_figures(inputs, items):
    from ..models.plots import activation_graphs

    return {"graphs": activation_graphs}


def _activations(inputs):
    import sympy

    from .. import diff_steps
    from ..functions import sigmoid
    from ..models.activations import sigmoid_no_closed_form
    from ..parsing import symbols

    (x,) = symbols("x")
    derivatives = [diff_steps(f, x) for f in (sigmoid(x), sympy.tanh(x))]
    demo = sigmoid_no_closed_form(
        inputs.sigmoid_data,
        start=inputs.sigmoid_start,
        lr=inputs.sigmoid_lr,
        steps=inputs.sigmoid_steps,
    )
    return [*derivatives, demo]


TOPICS = {
    t.id: t
    for t in (
        Topic("perceptrons", _perceptrons, _perceptron_figures),
        Topic("xor", _xor, _xor_figures),
        Topic("linear_collapse", _collapse),
        Topic(
            "activations",
            _activations,
            _activation_figures,
            needs=("diff_steps", "descend"),
        ),
    )
}


def available():
    """The topics whose parts of symopt are all present, in lecture order."""
    import symopt

    return [t for t in TOPICS.values() if all(hasattr(symopt, n) for n in t.needs)]
