"""The perceptron learning rule, run exactly, one update at a time.

For each example ``x`` (with ``x0 = 1`` for the bias) and target ``t``, the
perceptron's output ``o = step(w . x)`` moves the weights by
``w <- w + eta (t - o) x``; nothing changes when ``o = t``. Epochs repeat
until a whole pass makes no update (converged) or ``epochs`` run out.

>>> run = learn("AND", weights=(0, 0, 0), lr="0.1")
>>> run.converged, run.perceptron(1, 1), run.perceptron(0, 1)
(True, 1, 0)
"""

from dataclasses import dataclass
from itertools import product

from sympy import Add, Integer, Mul, Tuple

from ..derivation import Derivation, Table
from ..errors import InputError, shorten
from ..parsing import exact
from .perceptron import _gate, _gate_name, perceptron, truth_table, weight_symbols

__all__ = ["LearningRun", "learn"]


@dataclass(frozen=True)
class LearningRun:
    """The updates the rule made, the final perceptron and whether it converged.

    ``history`` lists ``(epoch, x, target, output, weights_before,
    weights_after)`` for every example seen, exactly.
    """

    gate: str
    lr: object
    history: tuple
    perceptron: object
    converged: bool
    epochs: int
    derivation: Derivation

    @property
    def updates(self):
        return tuple(h for h in self.history if h[2] != h[3])

    def to_data(self, *, lang="en", numbers="auto"):
        from ..render.json import exact_str, steps_data

        p = self.perceptron
        return {
            "gate": self.gate,
            "lr": exact_str(self.lr),
            "converged": self.converged,
            "epochs": self.epochs,
            "weights": [exact_str(w) for w in (p.bias, *p.weights)],
            "updates": len(self.updates),
            "steps": steps_data(self.derivation, lang=lang, numbers=numbers),
        }


def learn(gate, *, weights=None, lr="0.1", epochs=50, inputs=2):
    """Train one perceptron on ``gate``'s truth table with the learning rule.

    ``weights`` are the initial ``(w0, w1, .., wn)`` (zeros by default), ``lr``
    the learning rate; decimals are exact. Every update is a derivation step
    with its numbers; a gate no perceptron computes (XOR) never converges.
    """
    name = _gate_name(gate)
    target = _gate(name)
    eta = _positive(lr)
    w = tuple(exact(v) for v in (weights or (0,) * (inputs + 1)))
    if len(w) != inputs + 1 or not all(v.is_Rational for v in w):
        raise InputError(
            f"initial weights {shorten(weights)} must be {inputs + 1} numbers "
            f"(w0 .. w{inputs}), e.g. weights=(0, 0, 0)"
        )
    symbols = weight_symbols(inputs)
    examples = list(product((0, 1), repeat=inputs))

    d = Derivation("perceptron_learning", params={"gate": name, "lr": eta})
    d.add("learning_rule", relations=(_rule(eta),), lr=eta)
    history, converged, epoch = [], False, 0
    while epoch < epochs and not converged:
        epoch += 1
        converged = True
        for x in examples:
            xhat = (Integer(1), *map(Integer, x))
            net = sum(wi * xi for wi, xi in zip(w, xhat))
            out, want = (1 if net > 0 else 0), target(x)
            new = w
            if out != want:
                converged = False
                new = tuple(wi + eta * (want - out) * xi for wi, xi in zip(w, xhat))
                delta = eta * (want - out)
                d.add(
                    "perceptron_update",
                    table=_update_table(symbols, w, delta, xhat, new),
                    epoch=epoch,
                    x=Tuple(*map(Integer, x)),
                    target=Integer(want),
                    output=Integer(out),
                    delta=delta,
                )
            history.append((epoch, x, want, out, w, new))
            w = new

    final = perceptron(*w)
    d.add(
        "learning_converged" if converged else "learning_stopped",
        table=Table(symbols, [w]),
        epochs=epoch,
    )
    if converged:
        d.add("learned_weights_check", sub=(truth_table(final, name).derivation,))
    return LearningRun(name, eta, tuple(history), final, converged, epoch, d)


def _positive(lr):
    eta = exact(lr)
    if not (eta.is_Rational and eta > 0):
        raise InputError(
            f"learning rate {shorten(lr)} must be a positive number, e.g. lr=0.1"
        )
    return eta


def _rule(eta):
    from sympy import Eq, Symbol

    t, o, x, w = (Symbol(s, real=True) for s in ("t", "o", "x_i", "w_i"))
    change = Mul(eta, Add(t, -o, evaluate=False), x, evaluate=False)
    return Eq(Symbol("w'_i", real=True), Add(w, change, evaluate=False))


def _update_table(symbols, old, delta, xhat, new):
    """Each weight before, its change ``rate (t - o) x_i`` and after."""
    rows = [(s, wi, delta * xi, ni) for s, wi, xi, ni in zip(symbols, old, xhat, new)]
    return Table(("weight", "before", "change", "after"), rows)
