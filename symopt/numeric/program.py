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
        with np.errstate(over="ignore", under="ignore"):
            results = self._fn(*arrays)
        return dict(zip(self.outputs, results))


def compile_program(program, *, samples=()):
    """The program as one NumPy function returning ``{wrt: value}``.

    ``samples``: the inputs (symbols or names) that hold one value per
    sample; outputs with respect to the other inputs are summed over samples.
    """
    inputs = tuple(program.inputs)
    wanted = {s if isinstance(s, sympy.Symbol) else _named(inputs, s) for s in samples}
    names = _identifiers(inputs, program.assignments)
    printer = NumPyPrinter({"fully_qualified_modules": True, "inline": True})

    # Which symbols vary per sample: the sample inputs and what uses them.
    varying = set(wanted)
    for target, expr in program.assignments:
        if expr.free_symbols & varying:
            varying.add(target)

    results, used = [], set()
    for wrt, value in program.outputs.items():
        keep = wrt in wanted  # a gradient per sample stays per sample
        text, needs = _output(value, keep, names, varying, program, printer)
        results.append(text)
        used |= needs

    # Only the lines some output needs (a fused dot skips its product line).
    live = []
    for target, expr in reversed(program.assignments):
        if names[target] in used:
            live.append((target, expr))
            used |= expr.xreplace(names).free_symbols
    lines = [f"def program({', '.join(str(names[s]) for s in inputs)}):"]
    for i, (target, expr) in enumerate(reversed(live)):
        lines += _assign(names[target], expr.xreplace(names), printer, i)
    lines.append(f"    return ({', '.join(results)},)")
    source = "\n".join(lines) + "\n"

    # The source is symopt's own: identifiers it made (v0, v1, ...) and
    # expressions printed by SymPy's NumPy printer from SymPy objects. No
    # user text reaches it, so compiling it is as safe as sympy.lambdify.
    code = compile(source, "<symopt program>", "exec")
    namespace = {"numpy": np}
    fn = types.FunctionType(
        next(c for c in code.co_consts if isinstance(c, types.CodeType)), namespace
    )
    return CompiledProgram(
        fn, source, inputs, frozenset(wanted), tuple(program.outputs)
    )


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


def _output(value, keep, names, varying, program, printer):
    """The output's code and the symbols it reads."""
    value = value.xreplace(names)
    if not _varies(value, names, varying) or keep:
        return printer.doprint(value), value.free_symbols
    # A parameter's gradient: the sum over samples, as a dot when the last
    # line is a product of two per-sample factors.
    definition = _definition(value, names, program)
    if definition is not None and definition.is_Mul:
        parts = [a for a in definition.args if _varies(a, names, varying)]
        rest = [a for a in definition.args if not _varies(a, names, varying)]
        if len(parts) == 2 and all(p.is_Symbol for p in parts):
            scale = printer.doprint(sympy.Mul(*rest)) if rest else "1.0"
            code = f"{scale} * numpy.dot({parts[0]}, {parts[1]})"
            return code, definition.free_symbols
    return f"numpy.sum({printer.doprint(value)}, axis=-1)", value.free_symbols


def _varies(expr, names, varying):
    back = {v: k for k, v in names.items()}
    return any(back.get(s, s) in varying for s in expr.free_symbols)


def _definition(value, names, program):
    if not value.is_Symbol:
        return None
    back = {v: k for k, v in names.items()}
    target = back.get(value)
    for t, expr in program.assignments:
        if t == target:
            return expr.xreplace(names)
    return None
