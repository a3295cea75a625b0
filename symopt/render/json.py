"""JSON: every exact value as a string SymPy parses back."""

import json

import sympy

from .base import derivation_of, phrase
from .numbers import to_latex


def exact_str(value):
    """An exact value as a string SymPy parses back: ``"9*w/2 - 3/2"``."""
    if isinstance(value, sympy.Basic):
        return sympy.sstr(value)
    return value


def jsonable(value):
    """Params and table cells as JSON values, math as exact strings."""
    if isinstance(value, sympy.Basic):
        return exact_str(value)
    if isinstance(value, dict):
        return {str(exact_str(k)): jsonable(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [jsonable(v) for v in value]
    return value


def derivation_data(derivation, *, lang="en", numbers="auto"):
    """A derivation as plain data: topic, steps, math as exact strings."""

    def math(expr):
        return to_latex(expr, numbers)

    return {
        "topic": derivation.topic,
        "title": phrase(derivation.topic, derivation.params, lang, math),
        "steps": [_step(s, lang, numbers) for s in derivation.steps],
    }


def _step(step, lang, numbers):
    def math(expr):
        return to_latex(expr, numbers)

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
        }
    if step.sub:
        data["sub"] = [derivation_data(c, lang=lang, numbers=numbers) for c in step.sub]
    return data


def render_json(obj, *, lang="en", numbers="auto"):
    to_data = getattr(obj, "to_data", None)
    if to_data is not None:
        data = to_data(lang=lang, numbers=numbers)
    else:
        data = derivation_data(derivation_of(obj), lang=lang, numbers=numbers)
    return json.dumps(data, ensure_ascii=False, indent=2)
