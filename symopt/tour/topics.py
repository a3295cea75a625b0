"""The lecture's topics, in its order, each built by the library at run time.

A topic is a builder ``(inputs) -> items`` (derivations or results holding
one) and, for documents, a figure maker ``(inputs, items) -> {name: Figure}``.
"""

from dataclasses import dataclass

__all__ = ["Topic", "TOPICS"]

# The lecture's problems solve in about a second; the generous budget keeps a
# busy machine from failing the tour, while a real hang still stops.
SOLVE_SECONDS = 120


@dataclass(frozen=True)
class Topic:
    id: str
    build: object
    figures: object = None


# Backpropagation and the chain rule: symopt.calculus, symopt.numeric.


def _backpropagation(inputs):
    from .. import Graph, descend
    from ..parsing import exact, symbols

    (w,) = symbols("w")
    i, y = exact(inputs.i), exact(inputs.y)
    g = Graph()
    g.node("a", i * w)
    g.node(f"C = (a - {y})^2")
    gradient = g.gradient(wrt=[w], at={w: exact(inputs.w0)})
    run = descend(
        (i * w - y) ** 2, start={w: exact(inputs.w0)}, lr=inputs.lr, steps=inputs.steps
    )
    return [gradient, run]


def _backpropagation_figures(inputs, items):
    from ..plot import plot_errors, plot_loss

    run = items[-1]
    return {"loss": lambda: plot_loss(run), "errors": lambda: plot_errors(run)}


def _chain_rule(inputs):
    import sympy

    from ..calculus import Graph
    from ..parsing import symbols

    # The lecture's story: raw-material price X -> cola price Y = f(X) ->
    # competitor demand Z = g(Y), for any differentiable f and g, in the
    # lecture's own names: dZ/dX = dZ/dY * dY/dX.
    X, Y = symbols("X Y")
    f, g = sympy.Function("f", real=True), sympy.Function("g", real=True)
    graph = Graph()
    graph.node("Y", f(X))
    graph.node("Z", g(Y))
    return [graph.gradient(of="Z", wrt=["X"])]


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
    from ..models.perceptron import gate_perceptron
    from ..models.plots import decision_regions

    # The lecture's three gates, and the AND perceptron the rule learned.
    gates = ("AND", "OR", "NAND")
    models = [gate_perceptron(g) for g in gates] + [items[-1].perceptron]
    titles = [*gates, "AND (learned)"]
    return {"gates": lambda: decision_regions(models, titles=titles)}


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
    from ..plot import plot_loss

    return {"graphs": activation_graphs, "descent": lambda: plot_loss(items[-1].run)}


def _activations(inputs):
    import sympy

    from .. import diff_steps
    from ..functions import relu, sigmoid
    from ..models.activations import sigmoid_no_closed_form
    from ..parsing import symbols

    (x,) = symbols("x")
    derivatives = [diff_steps(f, x) for f in (sigmoid(x), sympy.tanh(x), relu(x))]
    demo = sigmoid_no_closed_form(
        inputs.sigmoid_data,
        start=inputs.sigmoid_start,
        lr=inputs.sigmoid_lr,
        tol=inputs.sigmoid_tol,
    )
    return [*derivatives, demo]


# Constraints, Lagrange, duality, KKT, ridge: symopt.optimize, symopt.models.


def _constrained(inputs):
    from .motivation import constrained_motivation

    problem = _constrained_problem(inputs)
    return [constrained_motivation(problem, timeout=SOLVE_SECONDS)]


def _constrained_figures(inputs, items):
    from ..plot import plot_problem

    motivation = items[-1]
    return {
        "picture": lambda: plot_problem(
            motivation.problem, solution=motivation.solution, free=motivation.free
        )
    }


def _constrained_problem(inputs):
    from .. import Problem

    return Problem.minimize(inputs.constrained_objective).subject_to(
        inputs.constrained_constraint
    )


def _kkt(inputs):
    return [_constrained_problem(inputs).solve(timeout=SOLVE_SECONDS)]


def _duality(inputs):
    return [_constrained_problem(inputs).dual(timeout=SOLVE_SECONDS)]


def _lagrange(inputs):
    from .. import Problem

    circle = Problem.maximize(inputs.lagrange_objective).subject_to(
        inputs.lagrange_constraint
    )
    bell = Problem.maximize(inputs.bell_objective).subject_to(inputs.bell_constraint)
    return [circle.solve(timeout=SOLVE_SECONDS), bell.solve(timeout=SOLVE_SECONDS)]


def _lagrange_figures(inputs, items):
    from ..plot import plot_problem

    # grad f parallel to grad g at each optimum: the lecture's two pictures.
    circle, bell = items
    return {
        "circle": lambda: plot_problem(circle.problem, solution=circle),
        "bell": lambda: plot_problem(bell.problem, solution=bell),
    }


def _kkt_figures(inputs, items):
    from ..plot import plot_problem

    (solution,) = items
    return {"picture": lambda: plot_problem(solution.problem, solution=solution)}


def _ridge(inputs):
    from ..models import ridge

    X = [list(row) for row in inputs.ridge_X]
    return [ridge(X, list(inputs.ridge_y), lam=inputs.ridge_lambda)]


TOPICS = {
    t.id: t
    for t in (
        Topic("backpropagation", _backpropagation, _backpropagation_figures),
        Topic("chain_rule", _chain_rule),
        Topic("perceptrons", _perceptrons, _perceptron_figures),
        Topic("xor", _xor, _xor_figures),
        Topic("linear_collapse", _collapse),
        Topic("activations", _activations, _activation_figures),
        Topic("constrained_minimum", _constrained, _constrained_figures),
        Topic("lagrange", _lagrange, _lagrange_figures),
        Topic("duality", _duality),
        Topic("kkt", _kkt, _kkt_figures),
        Topic("ridge", _ridge),
    )
}
