"""JSON: every exact value as a string SymPy parses back.

>>> from sympy import Rational
>>> from symopt.parsing import symbols
>>> w, = symbols("w")
>>> exact_str(9*w/2 - Rational(3, 2))
'9*w/2 - 3/2'
"""

import json
import keyword

import sympy
from sympy.printing.str import StrPrinter

from ..derivation import AsFraction, Heading
from .base import derivation_of, phrase, show_cell
from .numbers import is_unevaluated, to_latex, to_text

__all__ = ["exact_str", "jsonable", "derivation_data", "render_json", "steps_data"]


def exact_str(value):
    """An exact value as a string SymPy parses back: ``"9*w/2 - 3/2"``.

    A symbol named like a Python keyword gets a trailing underscore
    (``lambda`` -> ``lambda_``) so that ``parse_expr`` accepts it.
    Non-SymPy values (``str``, ``int``) come back unchanged.
    """
    if isinstance(value, sympy.MatrixBase):
        value = sympy.ImmutableMatrix(value)
    if isinstance(value, sympy.Basic):
        return _ExactPrinter().doprint(value)
    return value


class _ExactPrinter(StrPrinter):
    # ``lambda`` is a Python keyword: parse_expr would reject it.
    def _print_Symbol(self, expr):
        return expr.name + ("_" if keyword.iskeyword(expr.name) else "")

    # A sum built unevaluated keeps the order it was written in.
    def _as_ordered_terms(self, expr, order=None):
        if is_unevaluated(expr):
            return list(expr.args)
        return super()._as_ordered_terms(expr, order=order)


def jsonable(value):
    """Params and table cells as JSON values, math as exact strings."""
    if isinstance(value, (sympy.Basic, sympy.MatrixBase)):
        return exact_str(value)
    if isinstance(value, dict):
        return {str(exact_str(k)): jsonable(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [jsonable(v) for v in value]
    if isinstance(value, AsFraction):
        return jsonable(value.value)
    if isinstance(value, Heading):
        return value.key
    if isinstance(value, sympy.FunctionClass):
        # An unspecified function (the chain rule's f and g) by its name.
        return str(value)
    return value


def steps_data(derivation, *, lang="en", numbers="auto"):
    """The steps of :func:`derivation_data`: what every result's JSON carries."""
    return derivation_data(derivation, lang=lang, numbers=numbers)["steps"]


def derivation_data(derivation, *, lang="en", numbers="auto"):
    """A derivation as plain data: topic, title, steps with exact strings.

    Each step has ``rule``, ``text`` (the explanation in ``lang``), ``chain``
    (exact strings), ``latex`` (the chain in the number style), ``relations``,
    ``params``, and ``table`` / ``sub`` when it has them.
    """

    def math(expr):
        return to_text(expr, numbers)

    return {
        "topic": derivation.topic,
        "title": phrase(derivation.topic, derivation.params, lang, math),
        "steps": [_step(s, lang, numbers, math) for s in derivation.steps],
    }


def _step(step, lang, numbers, math):
    data = {
        "rule": step.rule,
        "text": phrase(step.rule, step.params, lang, math),
        "chain": [exact_str(e) for e in step.chain],
        "latex": [to_latex(e, numbers) for e in step.chain],
        "relations": [exact_str(r) for r in step.relations],
        "params": jsonable(step.params),
    }
    if step.table is not None:
        data["table"] = {
            "columns": jsonable(step.table.columns),
            "rows": jsonable(step.table.rows),
            "shown": [
                [show_cell(c, lang, math) for c in row]
                for row in (step.table.columns, *step.table.rows)
            ],
        }
    if step.sub:
        data["sub"] = [derivation_data(c, lang=lang, numbers=numbers) for c in step.sub]
    return data


def render_json(obj, *, lang="en", numbers="auto"):
    """A derivation, or a result's ``to_data()``, as indented JSON."""
    to_data = getattr(obj, "to_data", None)
    if to_data is not None:
        data = to_data(lang=lang, numbers=numbers)
    else:
        data = derivation_data(derivation_of(obj), lang=lang, numbers=numbers)
    return json.dumps(data, ensure_ascii=False, indent=2)
