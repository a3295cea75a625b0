"""Affine layers found in a straight-line program, run as matrix products.

A computation graph of scalars spells a layer out line by line:
``z_j = w_j1 x_1 + ... + w_jk x_k + b_j`` for every ``j``. Over many samples
each line costs ``2k`` passes over the data; stacked, the whole layer is one
``W @ X`` (BLAS). Its weight gradients ``sum_n delta_j[n] x_i[n]`` are one
more product, ``Delta @ X.T``. Here symopt finds such layers in the
program's lines and writes the generated code that way; everything else is
printed line by line.
"""

from dataclasses import dataclass

import sympy

__all__ = ["Layer", "affine_layers", "reduce_outputs"]


@dataclass
class Layer:
    """Lines ``rows[j] = sum_i weights[j][i] * inputs[i] + biases[j]``."""

    name: str
    inputs: tuple
    rows: list
    weights: list
    biases: list

    @property
    def stacked(self):
        return f"{self.name}_in"

    def code(self, printer):
        p = printer.doprint
        matrix = ", ".join(
            "[" + ", ".join(p(w) for w in row) + "]" for row in self.weights
        )
        return [
            f"{self.stacked} = numpy.stack([{', '.join(map(str, self.inputs))}])",
            f"{self.name} = numpy.array([{matrix}]) @ {self.stacked}",
            f"{self.name} += numpy.array([{', '.join(p(b) for b in self.biases)}])"
            "[:, None]",
        ]


def _affine(expr, varying):
    """``(inputs, weights, bias)`` when ``expr`` is affine in per-sample
    symbols with per-sample-free coefficients, else None."""
    if not expr.is_Add:
        return None
    weights, bias = {}, sympy.Integer(0)
    for term in expr.args:
        moving = [f for f in sympy.Mul.make_args(term) if f.free_symbols & varying]
        if not moving:
            bias += term
            continue
        if len(moving) != 1 or not moving[0].is_Symbol:
            return None
        (x,) = moving
        weights[x] = weights.get(x, 0) + term / x
    if len(weights) < 2:
        return None
    inputs = tuple(sorted(weights, key=str))
    return inputs, [weights[x] for x in inputs], bias


def affine_layers(lines, varying):
    """``{target: Layer}`` for groups of at least two affine lines over the
    same per-sample inputs."""
    groups = {}
    for target, expr in lines:
        found = _affine(expr, varying)
        if found is None:
            continue
        inputs, weights, bias = found
        groups.setdefault(inputs, []).append((target, weights, bias))
    layers = {}
    for n, (inputs, members) in enumerate(groups.items()):
        if len(members) < 2:
            continue
        layer = Layer(
            name=f"layer{n}",
            inputs=inputs,
            rows=[t for t, _, _ in members],
            weights=[w for _, w, _ in members],
            biases=[b for _, _, b in members],
        )
        for target, _, _ in members:
            layers[target] = layer
    return layers


def reduce_outputs(outputs, layers, printer):
    """The return statement's code for the outputs, and the symbols it reads.

    ``outputs`` holds ``("plain", e)``, ``("sum", e)`` or
    ``("dot", scale, a, b)`` entries. Dots whose one factor runs over a
    layer's inputs and whose other factors are several lines become one
    matrix product with the layer's stacked inputs. Returns
    ``(tail(emitted_layers) -> code lines, used symbols)``.
    """
    by_input = {}
    for layer in {id(v): v for v in layers.values()}.values():
        for i, x in enumerate(layer.inputs):
            by_input[x] = (layer, i)
    batched = {}
    for entry in outputs:
        if entry[0] == "dot":
            _, _, a, b = entry
            if a in by_input and b not in by_input:
                a, b = b, a
            if b in by_input:
                batched.setdefault(by_input[b][0].name, set()).add(a)
    used = set()
    for entry in outputs:
        for part in entry[1:]:
            used |= part.free_symbols

    def tail(emitted):
        lines, rows = [], {}
        for name, deltas in batched.items():
            if name not in emitted or len(deltas) < 2:
                continue
            order = sorted(deltas, key=str)
            rows[name] = {a: j for j, a in enumerate(order)}
            lines.append(
                f"{name}_grad = numpy.stack([{', '.join(map(str, order))}])"
                f" @ {name}_in.T"
            )
        results = [_result(e, by_input, rows, printer) for e in outputs]
        lines.append(f"return ({', '.join(results)},)")
        return lines

    return tail, used


def _result(entry, by_input, rows, printer):
    p = printer.doprint
    kind = entry[0]
    if kind == "plain":
        return p(entry[1])
    if kind == "sum":
        return f"numpy.sum({p(entry[1])}, axis=-1)"
    _, scale, a, b = entry
    if a in by_input and b not in by_input:
        a, b = b, a
    layer = by_input.get(b, (None, None))[0]
    if layer is not None and layer.name in rows and a in rows[layer.name]:
        j, i = rows[layer.name][a], by_input[b][1]
        return f"{p(scale)} * {layer.name}_grad[{j}, {i}]"
    return f"{p(scale)} * numpy.dot({a}, {b})"
