"""What every renderer shares: finding the derivation and filling phrases.

A phrase is a template from the reader's language table; its ``{name}``
placeholders are filled from a step's params: SymPy objects as inline math of
the output format, phrase keys translated, dicts as ``x = 1, y = 2``, lists
joined with commas. A key with no phrase shows as itself, never an error.

Words agree with a count: where a step's param ``m`` is the integer 1, the
table's variant ``key[m=1]`` is used if it has one ("the inequality", not "the
1 inequalities"); a language without plurals simply has no variants.

>>> from sympy import Rational
>>> from symopt.parsing import symbols
>>> from symopt.render.numbers import to_text
>>> w, = symbols("w")
>>> phrase("substitute", {"point": {w: Rational(4, 5)}}, "en", to_text)
'Substitute w = 0.8'
>>> phrase("no_such_rule", {}, "ko", to_text)
'no_such_rule'
>>> phrase("opt_irregular_summary", {"count": 1}, "en", to_text)[-9:]
'one found'
"""

import string

import sympy

from . import capture
from .notation import NOTATION, Edge
from .phrases import phrase_table

__all__ = ["derivation_of", "phrase", "template", "fields", "show", "show_cell", "fill"]

_FORMATTER = string.Formatter()


def derivation_of(obj):
    """The Derivation behind a result object, or the object itself."""
    from ..derivation import Derivation

    if isinstance(obj, Derivation):
        return obj
    derivation = getattr(obj, "derivation", None)
    if isinstance(derivation, Derivation):
        return derivation
    raise TypeError(f"cannot render {type(obj).__name__}: it has no derivation")


def phrase(key, params, lang, math, escape=str):
    """The sentence for ``key`` in ``lang``, its placeholders filled.

    ``math`` turns a SymPy object into inline math of the output format;
    ``escape`` makes the template's own words safe for it (LaTeX's ``%``).
    """
    return fill(template(key, params, lang), params, lang, math, escape)


def template(key, params, lang):
    """The template for ``key`` whose words agree with the counts in ``params``.

    A param ``m`` that is the integer 1 selects the variant ``key[m=1]``
    where the table has one, whether or not the template prints ``{m}``;
    variants nest (``key[n=1][k=1]``).
    """
    table = phrase_table(lang)
    chosen = table.get(key, key)
    while True:
        variant = next(
            (
                f"{key}[{name}=1]"
                for name, value in params.items()
                if _is_one(value) and f"{key}[{name}=1]" in table
            ),
            None,
        )
        if variant is None:
            return chosen
        key, chosen = variant, table[variant]


def fields(template):
    """The placeholder names of ``template``, in order."""
    try:
        return [name for _, name, _, _ in _FORMATTER.parse(template) if name]
    except ValueError:
        return []


def _is_one(value):
    return type(value) is int and value == 1


def fill(template, params, lang, math, escape=str):
    """``template`` with its ``{name}`` fields filled from ``params``."""
    try:
        parts = list(_FORMATTER.parse(template))
    except ValueError:
        return escape(template)
    out = []
    i = 0
    while i < len(parts):
        literal, name, _spec, _conv = parts[i]
        out.append(escape(literal))
        i += 1
        if name is None:
            continue
        # "{var} = {kink}" is one piece of math, $x = 0$, not $x$ = $0$.
        left = _math_value(name, params)
        relation = _BETWEEN.get(parts[i][0]) if i < len(parts) else None
        if left is not None and relation is not None:
            right = _math_value(parts[i][1], params)
            if right is not None:
                out.append(math(relation(left, right, evaluate=False)))
                i += 1
                continue
        if name in params:
            out.append(show(params[name], lang, math, escape))
        elif name in NOTATION:
            out.append(math(NOTATION[name]))
        else:
            # A template naming a param the step lacks shows the name; the
            # test session reports it.
            capture.record_unfilled(name, template)
            out.append(escape(name))
    return "".join(out)


_BETWEEN = {
    " = ": sympy.Eq,
    " < ": sympy.Lt,
    " > ": sympy.Gt,
    " ≤ ": sympy.Le,
    " ≥ ": sympy.Ge,
    " → ": Edge,
}


def _math_value(name, params):
    """The SymPy object a field shows, or None when it shows words."""
    if name is None:
        return None
    value = params[name] if name in params else NOTATION.get(name)
    if isinstance(value, sympy.Basic) and not isinstance(value, sympy.Tuple):
        return value
    return None


def show(value, lang, math, escape=str):
    """A param value or table cell: math inline, phrase keys translated."""
    if isinstance(value, (sympy.Basic, sympy.MatrixBase)):
        return math(value)
    if isinstance(value, dict):
        return ", ".join(_binding(k, v, lang, math, escape) for k, v in value.items())
    if isinstance(value, (tuple, list)):
        return ", ".join(show(v, lang, math, escape) for v in value)
    if isinstance(value, bool):
        return escape(phrase_table(lang).get(str(value).lower(), str(value).lower()))
    if isinstance(value, int):
        # A count or an index reads as a word: "Case 2", not "Case $2$".
        return str(value)
    if isinstance(value, str):
        table = phrase_table(lang)
        if value in table:
            # A phrase inside a phrase may quote notation too.
            return fill(table[value], {}, lang, math, escape)
        return escape(value)
    return escape(str(value))


def _binding(key, value, lang, math, escape):
    # A symbol bound to a value is one piece of math: $w = 0.8$.
    if isinstance(value, int) and not isinstance(value, bool):
        value = sympy.Integer(value)
    if isinstance(key, sympy.Basic) and isinstance(value, sympy.Basic):
        return math(sympy.Eq(key, value, evaluate=False))
    return f"{show(key, lang, math, escape)} = {show(value, lang, math, escape)}"


def show_cell(value, lang, math, escape=str):
    """A table cell: like :func:`show`, but a plain int is math like its column."""
    from ..derivation import AsFraction, Heading
    from .numbers import forced_numbers

    if isinstance(value, Heading):
        return phrase(value.key, value.params, lang, math, escape)
    if isinstance(value, AsFraction):
        with forced_numbers("fraction"):
            return show_cell(value.value, lang, math, escape)
    if isinstance(value, int) and not isinstance(value, bool):
        value = sympy.Integer(value)
    return show(value, lang, math, escape)
