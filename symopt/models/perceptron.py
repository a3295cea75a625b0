"""Perceptrons with a step activation, exactly: truth tables, the learning
rule, and which logic gates a single perceptron can compute.

A perceptron with bias ``w0`` and weights ``w1 .. wn`` outputs
``step(w0 + w1 x1 + ... + wn xn)``: 1 when the weighted sum is positive,
else 0 (the lecture's convention).

>>> from symopt.models.perceptron import perceptron, truth_table
>>> AND = perceptron(-1.5, 1, 1)
>>> AND(1, 1), AND(1, 0)
(1, 0)
>>> truth_table(AND, "AND").ok
True
"""

from dataclasses import dataclass
from itertools import product

import sympy
from sympy import Integer

from ..derivation import Derivation, Table
from ..errors import InputError, shorten
from ..parsing import exact, symbols

__all__ = [
    "GATES",
    "LECTURE_WEIGHTS",
    "Perceptron",
    "Network",
    "TruthTable",
    "perceptron",
    "gate_perceptron",
    "xor_network",
    "truth_table",
    "weight_symbols",
    "conditions",
]

# Logic gates as truth functions on bits.
GATES = {
    "AND": lambda x: int(all(x)),
    "OR": lambda x: int(any(x)),
    "NAND": lambda x: int(not all(x)),
    "NOR": lambda x: int(not any(x)),
    "XOR": lambda x: sum(x) % 2,
    "XNOR": lambda x: 1 - sum(x) % 2,
}

# The lecture's weights (w0, w1, w2) for the gates one perceptron computes.
LECTURE_WEIGHTS = {
    "AND": ("-1.5", 1, 1),
    "OR": ("-0.5", 1, 1),
    "NAND": ("1.5", -1, -1),
}


def weight_symbols(n):
    """The symbols ``w0, w1, ..., wn`` (bias first)."""
    return symbols(" ".join(f"w{i}" for i in range(n + 1)))


def input_symbols(n):
    return symbols(" ".join(f"x{i}" for i in range(1, n + 1)))


@dataclass(frozen=True)
class Perceptron:
    """``step(bias + weights . x)`` with exact weights."""

    bias: sympy.Expr
    weights: tuple

    @property
    def n(self):
        return len(self.weights)

    def net(self, x):
        """The weighted sum ``w0 + w . x``, exactly."""
        x = _bits(x, self.n)
        return self.bias + sum(w * xi for w, xi in zip(self.weights, x))

    def __call__(self, *x):
        return 1 if self.net(x) > 0 else 0

    @property
    def expr(self):
        """The perceptron as a formula in ``x1 .. xn``."""
        xs = input_symbols(self.n)
        s = self.bias + sum(w * xi for w, xi in zip(self.weights, xs))
        from ..functions import step

        return step(s)


def perceptron(w0, *weights):
    """A perceptron from its bias ``w0`` and weights; decimals become exact."""
    if not weights:
        raise InputError(
            f"perceptron({shorten(w0)}): give the bias w0 and at least one "
            "weight, e.g. perceptron(-1.5, 1, 1)"
        )
    values = [exact(w) for w in (w0, *weights)]
    for w in values:
        if not w.is_Rational:
            raise InputError(
                f"perceptron weight {shorten(w)} is not a number; "
                "give exact numbers such as -1.5 or '3/2'"
            )
    return Perceptron(values[0], tuple(values[1:]))


def gate_perceptron(name):
    """The lecture's perceptron for AND, OR or NAND."""
    key = _gate_name(name)
    if key not in LECTURE_WEIGHTS:
        raise InputError(
            f"no lecture perceptron for {name!r}; use one of "
            f"{', '.join(LECTURE_WEIGHTS)} (XOR needs two layers: xor_network())"
        )
    return perceptron(*LECTURE_WEIGHTS[key])


@dataclass(frozen=True)
class Network:
    """Two layers of perceptrons: hidden units feed one output unit."""

    hidden: tuple
    output: Perceptron
    names: tuple = ()

    @property
    def n(self):
        return self.hidden[0].n

    def hidden_values(self, x):
        return tuple(unit(*x) for unit in self.hidden)

    def __call__(self, *x):
        return self.output(*self.hidden_values(x))


def xor_network():
    """XOR as AND(NAND(x1, x2), OR(x1, x2)), with the lecture's weights."""
    return Network(
        (gate_perceptron("NAND"), gate_perceptron("OR")),
        gate_perceptron("AND"),
        names=("NAND", "OR", "AND"),
    )


@dataclass(frozen=True)
class TruthTable:
    """A model's outputs on every input in {0,1}^n against a gate's."""

    gate: str
    rows: tuple
    ok: bool
    derivation: Derivation

    def to_data(self, *, lang="en", numbers="auto"):
        from ..render.json import exact_str, steps_data

        return {
            "gate": self.gate,
            "ok": self.ok,
            "rows": [[exact_str(c) for c in row] for row in self.rows],
            "steps": steps_data(self.derivation, lang=lang, numbers=numbers),
        }


def truth_table(model, gate):
    """Check ``model`` (a Perceptron or Network) on every input against ``gate``.

    ``rows`` hold ``(x1, .., xn, [h1, .., or the weighted sum,] output,
    target)`` as exact integers; ``ok`` is true when every output matches.
    """
    name = _gate_name(gate)
    target = _gate(name)
    layered = isinstance(model, Network)
    rows, shown = [], []
    for x in product((0, 1), repeat=model.n):
        out, want = model(*x), target(x)
        bits = tuple(Integer(v) for v in x)
        if layered:
            middle = tuple(Integer(h) for h in model.hidden_values(x))
            shown.append((*bits, *middle, Integer(out), Integer(want)))
        else:
            middle = (model.net(x),)
            shown.append((*bits, *middle, Integer(out), Integer(want)))
        rows.append((*bits, *middle, Integer(out), Integer(want)))
    ok = all(row[-1] == row[-2] for row in rows)

    d = Derivation("truth_table", params={"gate": name})
    xs = input_symbols(model.n)
    if layered:
        hidden = tuple(f"h{i} = {unit}" for i, unit in enumerate(model.names, 1))
        columns = (*xs, *hidden[: len(model.hidden)], "output", name)
        d.add("network_layers", relations=_network_relations(model))
    else:
        columns = (*xs, model.expr.args[0], "output", name)
        d.add("perceptron_formula", relations=(sympy.Eq(Y, model.expr),))
    rows_rule = "network_rows" if layered else "truth_table_rows"
    d.add(rows_rule, table=Table(columns, shown))
    d.add("truth_table_agrees" if ok else "truth_table_differs", gate=name)
    return TruthTable(name, tuple(rows), ok, d)


Y = sympy.Symbol("y", real=True)


def _network_relations(model):
    hs = symbols(" ".join(f"h{i}" for i in range(1, len(model.hidden) + 1)))
    out = [sympy.Eq(h, unit.expr) for h, unit in zip(hs, model.hidden)]
    top = model.output.expr.xreplace(dict(zip(input_symbols(len(hs)), hs)))
    out.append(sympy.Eq(Y, top))
    return tuple(out)


def _bits(x, n):
    if len(x) != n:
        raise InputError(
            f"input {shorten(tuple(x))} has {len(x)} values; this perceptron takes {n}"
        )
    return tuple(Integer(v) for v in x)


def _gate_name(gate):
    return str(gate).upper()


def _gate(name):
    if name not in GATES:
        raise InputError(f"unknown gate {name!r}; use one of {', '.join(GATES)}")
    return GATES[name]


def conditions(gate, n=2):
    """The conditions on ``w0 .. wn`` for one perceptron to compute ``gate``.

    Returns ``[(x, target, net)]`` where ``net`` is ``w0 + w . x`` in the
    weight symbols: it must be ``> 0`` where the target is 1, ``<= 0`` where 0.
    """
    name = _gate_name(gate)
    target = _gate(name)
    w = weight_symbols(n)
    # x1 varies fastest, as the lecture lists them: (0,0), (1,0), (0,1), (1,1).
    inputs = [tuple(reversed(bits)) for bits in product((0, 1), repeat=n)]
    return [
        (x, target(x), w[0] + sum(wi * xi for wi, xi in zip(w[1:], x))) for x in inputs
    ]
