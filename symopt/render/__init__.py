"""Renderers: a derivation (or a result holding one) as text, LaTeX, Markdown
or JSON, in English or Korean. Renderers never compute.

>>> from sympy import Rational
>>> from symopt.parsing import symbols
>>> from symopt.derivation import Derivation
>>> w, = symbols("w")
>>> d = Derivation("result")
>>> _ = d.add("simplify", (3*w - 1)**2 / 4, 9*w**2/4 - 3*w/2 + Rational(1, 4))
>>> print(render(d, "text"))
Result
  1. Simplify
     0.25*(3*w - 1)**2 = 2.25*w**2 - 1.5*w + 0.25
"""

from ..errors import InputError

__all__ = ["render", "FORMATS"]

FORMATS = ("text", "latex", "markdown", "json")


def render(obj, format="text", *, lang="en", numbers="auto", **options):  # noqa: A002
    """Render a Derivation, or a result object that has one, as a string.

    Result objects (solutions, gradients, runs) expose ``derivation`` and
    ``to_data(numbers=...)``; JSON uses the latter so it carries the answer
    as well as the steps.
    """
    if format not in FORMATS:
        raise InputError(f"unknown format {format!r}; use one of {', '.join(FORMATS)}")
    if format == "text":
        from .text import render_text as fn
    elif format == "latex":
        from .latex import render_latex as fn
    elif format == "markdown":
        from .markdown import render_markdown as fn
    else:
        from .json import render_json as fn
    return fn(obj, lang=lang, numbers=numbers, **options)
