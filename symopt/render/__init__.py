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
   0.25(3w - 1)² = 2.25w² - 1.5w + 0.25
"""

from ..errors import InputError
from .numbers import check_style, partial_symbols

__all__ = ["render", "FORMATS"]

FORMATS = ("text", "latex", "markdown", "json")


def render(
    obj,
    format="text",  # noqa: A002 - the word users know
    *,
    lang="en",
    numbers="auto",
    standalone=False,
):
    """Render a Derivation, or a result object that has one, as a string.

    Result objects (solutions, gradients, runs) expose ``derivation`` and
    ``to_data(lang=..., numbers=...)``; JSON uses the latter so it carries
    the answer as well as the steps. ``standalone=True`` makes LaTeX a whole
    document (pdflatex for English, xelatex for Korean).
    """
    from .phrases import phrase_table

    if format not in FORMATS:
        raise InputError(f"unknown format {format!r}; use one of {', '.join(FORMATS)}")
    phrase_table(lang)
    check_style(numbers)
    with partial_symbols(_definitions(obj)):
        return _render(obj, format, lang, numbers, standalone)


def _render(obj, format, lang, numbers, standalone):  # noqa: A002
    from . import capture

    if format == "text":
        from .text import render_text

        return render_text(obj, lang=lang, numbers=numbers)
    if format == "json":
        from .json import render_json

        return render_json(obj, lang=lang, numbers=numbers)
    if format == "latex":
        from .latex import render_latex

        out = render_latex(obj, lang=lang, numbers=numbers, standalone=standalone)
    else:
        from .markdown import render_markdown

        out = render_markdown(obj, lang=lang, numbers=numbers)
    return capture.record_output(format, out)


def _definitions(obj):
    """Every definition in the derivation's tree (for partial quotients)."""
    from ..derivation import Derivation

    derivation = getattr(obj, "derivation", obj)
    if not isinstance(derivation, Derivation):
        return {}
    found = dict(derivation.definitions)
    for step in derivation.walk():
        for child in step.sub:
            found.update(child.definitions)
    return found
