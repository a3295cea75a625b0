"""What every renderer shares: finding the derivation and filling phrases."""

import sympy

from .phrases import phrase_table


def derivation_of(obj):
    """The Derivation behind a result object, or the object itself."""
    from ..derivation import Derivation

    if isinstance(obj, Derivation):
        return obj
    derivation = getattr(obj, "derivation", None)
    if isinstance(derivation, Derivation):
        return derivation
    raise TypeError(f"cannot render {type(obj).__name__}: it has no derivation")


def phrase(key, params, lang, math):
    """The sentence for ``key`` in ``lang``, its placeholders filled.

    ``math`` turns a SymPy object into inline math of the output format.
    """
    table = phrase_table(lang)
    template = table.get(key, key)
    values = {name: show(value, lang, math) for name, value in params.items()}
    try:
        return template.format(**values)
    except (KeyError, IndexError):
        return template


def show(value, lang, math):
    """A param value as text: math inline, phrase keys translated."""
    if isinstance(value, sympy.Basic):
        return math(value)
    if isinstance(value, dict):
        return ", ".join(
            f"{show(k, lang, math)} = {show(v, lang, math)}" for k, v in value.items()
        )
    if isinstance(value, (tuple, list)):
        return ", ".join(show(v, lang, math) for v in value)
    if isinstance(value, str):
        return phrase_table(lang).get(value, value)
    return str(value)
