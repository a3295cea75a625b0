"""A straight-line program (a computation graph's forward and backward pass)
as one generated NumPy function, vectorized over samples.

A program has ``inputs`` (leaf symbols), ``assignments`` (``(symbol,
expression)`` pairs in evaluation order, each in terms of earlier symbols)
and ``outputs`` (``{wrt: symbol or expression}``). The generated code follows
the program line by line, so the backward pass reuses the forward values
exactly as a person writing backpropagation by hand would; common
subexpressions inside the lines are shared too.

Inputs listed in ``samples`` are arrays over samples; the others are
parameters (scalars). An output that varies over samples is summed over
them (the total loss, the gradient of the total loss), except a gradient
with respect to a per-sample input; when its last line is a
product of two per-sample values, the sum is taken as one ``dot`` without
forming the product.

>>> from types import SimpleNamespace
>>> from symopt.parsing import symbols
>>> x, w, y, a, C, dC, dw = symbols("x w y a C dC da_dw")
>>> prog = SimpleNamespace(
...     inputs=(x, w, y),
...     assignments=[(a, w * x), (C, (a - y) ** 2), (dC, 2 * (a - y)), (dw, dC * x)],
...     outputs={w: dw, C: C},
... )
>>> f = compile_program(prog, samples=[x, y])
>>> out = f(x=[1.5, 1.5], w=0.8, y=[0.5, 0.5])
>>> round(float(out[w]), 12), round(float(out[C]), 12)
(4.2, 0.98)
"""

import types

import numpy as np
import sympy
from sympy.printing.numpy import NumPyPrinter

from ..errors import InputError, shorten
from .layers import affine_layers, reduce_outputs

__all__ = ["compile_program", "CompiledProgram"]


class CompiledProgram:
    """The generated function, its source, and which inputs are per sample."""

    def __init__(self, fn, source, inputs, samples, outputs):
        self._fn = fn
        self.source = source
        self.inputs = inputs
        self.samples = samples
        self.outputs = outputs

    def __call__(self, *args, **values):
        """Evaluate with inputs by position (program order) or by name."""
        if values:
            names = {s.name: s for s in self.inputs}
            unknown = sorted(set(values) - set(names))
            missing = [s.name for s in self.inputs if s.name not in values]
            if args or unknown or missing:
                raise InputError(
                    "expected a value for each input "
                    f"({', '.join(names)}); unknown {unknown or '-'}, "
                    f"missing {missing or '-'}"
                )
            args = [values[s.name] for s in self.inputs]
        arrays = [np.asarray(a, dtype=float) for a in args]
        for i, (s, a) in enumerate(zip(self.inputs, arrays)):
            if s not in self.samples and a.ndim:
                if a.size != 1:
                    raise InputError(
                        f"parameter {s.name} must be one number, got an array of "
                        f"shape {a.shape}; list per-sample inputs in samples="
                    )
                arrays[i] = a.reshape(())
        with np.errstate(over="ignore", under="ignore"):
            results = self._fn(*arrays)
        return dict(zip(self.outputs, results))


def compile_program(program, *, samples=()):
    """The program as one NumPy function returning ``{wrt: value}``.

    ``samples``: the inputs (symbols or names) that hold one value per
    sample; outputs with respect to the other inputs are summed over samples.
    Lines that form an affine layer (several ``sum_i w_ji x_i + b_j`` over
    the same per-sample values) run as one matrix product, and the weight
    gradients ``sum_n delta_j x_i`` of such a layer as another.
    """
    inputs = tuple(program.inputs)
    wanted = {s if isinstance(s, sympy.Symbol) else _named(inputs, s) for s in samples}
    names = _identifiers(inputs, program.assignments)
    lines_in = _reuse([(names[t], e.xreplace(names)) for t, e in program.assignments])
    printer = NumPyPrinter({"fully_qualified_modules": True, "inline": True})

    # Which symbols vary per sample: the sample inputs and what uses them.
    varying = {names[s] for s in wanted}
    for target, expr in lines_in:
        if expr.free_symbols & varying:
            varying.add(target)
    definitions = dict(lines_in)
    layers = affine_layers(lines_in, varying)

    wanted_outputs = dict(program.outputs)
    value = getattr(program, "value", None)
    if isinstance(value, sympy.Symbol) and value not in wanted_outputs:
        wanted_outputs[value] = value  # the output node's value (the loss)
    outputs = []
    for wrt, value in wanted_outputs.items():
        keep = wrt in wanted  # a gradient per sample stays per sample
        outputs.append(_output(value.xreplace(names), keep, varying, definitions))
    tail, used = reduce_outputs(outputs, layers, printer)

    # Only the lines some output needs (a fused dot skips its product line).
    live = set()
    for target, expr in reversed(lines_in):
        if target in used:
            live.add(target)
            used |= expr.free_symbols
    lines = [f"def program({', '.join(str(names[s]) for s in inputs)}):"]
    emitted = set()
    for i, (target, expr) in enumerate(lines_in):
        if target not in live:
            continue
        layer = layers.get(target)
        if layer is None:
            lines += _assign(target, expr, printer, i)
            continue
        if layer.name not in emitted:
            emitted.add(layer.name)
            lines += [f"    {line}" for line in layer.code(printer)]
        lines.append(f"    {target} = {layer.name}[{layer.rows.index(target)}]")
    lines += [f"    {line}" for line in tail(emitted)]
    source = "\n".join(lines) + "\n"

    # The source is symopt's own: identifiers it made (v0, v1, ...) and
    # expressions printed by SymPy's NumPy printer from SymPy objects. No
    # user text reaches it, so compiling it is as safe as sympy.lambdify.
    code = compile(source, "<symopt program>", "exec")
    namespace = {"numpy": np}
    fn = types.FunctionType(
        next(c for c in code.co_consts if isinstance(c, types.CodeType)), namespace
    )
    return CompiledProgram(fn, source, inputs, frozenset(wanted), tuple(wanted_outputs))


def _reuse(lines):
    """Each line with earlier lines' right-hand sides replaced by their
    symbols: a backward pass written as ``sigmoid(z) (1 - sigmoid(z))`` then
    reads the forward value ``a`` instead of computing the sigmoid again."""
    known, out = {}, []
    for target, expr in lines:
        expr = expr.xreplace(known)
        out.append((target, expr))
        if not expr.is_Atom:
            known.setdefault(expr, target)
    return out


def _named(inputs, name):
    for s in inputs:
        if s.name == name:
            return s
    raise InputError(f"{shorten(name)} is not an input of the program")


def _identifiers(inputs, assignments):
    # Every symbol gets a plain identifier: names such as w_{1} or Greek
    # letters are not Python identifiers.
    symbols = list(inputs) + [t for t, _ in assignments]
    return {s: sympy.Symbol(f"v{i}") for i, s in enumerate(symbols)}


def _assign(name, expr, printer, i):
    temps, (reduced,) = sympy.cse([expr], symbols=sympy.numbered_symbols(f"c{i}_"))
    lines = [f"    {t} = {printer.doprint(e)}" for t, e in temps]
    lines.append(f"    {name} = {printer.doprint(reduced)}")
    return lines


def _output(value, keep, varying, definitions):
    """What an output needs: ``("plain", expr)``, ``("sum", expr)`` or
    ``("dot", scale, a, b)`` for the sum of a product of two per-sample lines."""
    if keep or not value.free_symbols & varying:
        return ("plain", value)
    definition = definitions.get(value) if value.is_Symbol else None
    if definition is not None and definition.is_Mul:
        parts = [a for a in definition.args if a.free_symbols & varying]
        rest = [a for a in definition.args if not a.free_symbols & varying]
        if len(parts) == 2 and all(p.is_Symbol for p in parts):
            return ("dot", sympy.Mul(*rest), parts[0], parts[1])
    return ("sum", value)
