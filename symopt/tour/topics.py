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
        tol=inputs.sigmoid_tol,
    )
    return [*derivatives, demo]


# Constraints, Lagrange, duality, KKT, ridge: symopt.optimize, symopt.models.


def _constrained(inputs):
    from .. import Problem

    # Without the constraint the minimum is where the gradient vanishes; the
    # KKT topic shows that point rejected as infeasible.
    return [Problem.minimize(inputs.constrained_objective).solve()]


def _constrained_problem(inputs):
    from .. import Problem

    return Problem.minimize(inputs.constrained_objective).subject_to(
        inputs.constrained_constraint
    )


def _kkt(inputs):
    return [_constrained_problem(inputs).solve()]


def _duality(inputs):
    return [_constrained_problem(inputs).dual()]


def _lagrange(inputs):
    from .. import Problem

    circle = Problem.maximize(inputs.lagrange_objective).subject_to(
        inputs.lagrange_constraint
    )
    bell = Problem.maximize(inputs.bell_objective).subject_to(inputs.bell_constraint)
    return [circle.solve(), bell.solve()]


def _ridge(inputs):
    from ..models import ridge

    X = [list(row) for row in inputs.ridge_X]
    return [ridge(X, list(inputs.ridge_y), lam=inputs.ridge_lambda)]


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
    return [t for t in TOPICS.values() if all(_present(n) for n in t.needs)]


def _present(name):
    import importlib

    module, _, attr = ("symopt." + name).rpartition(".")
    try:
        return hasattr(importlib.import_module(module), attr)
    except ImportError:
        return False
