"""Markdown with ``$$`` math blocks, as lecture notes are written.

Pasteable into Jupyter, Notion or a blog: prose lines with inline ``$...$``,
equation chains as ``aligned`` blocks inside ``$$``, tables as pipe tables.
"""

from .base import derivation_of, phrase, show_cell
from .latex import chain_tex
from .numbers import to_latex

__all__ = ["render_markdown", "document"]


def render_markdown(obj, *, lang="en", numbers="auto", standalone=False):
    """A derivation as Markdown (always a document of its own)."""
    lines = []
    _derivation(derivation_of(obj), lang, numbers, lines, level=2)
    return "\n".join(lines).rstrip() + "\n"


def document(parts, *, lang="en", title=None):
    """One Markdown document from rendered parts (strings) or derivations.

    >>> print(document(["Some text.", "More."], title="Notes"), end="")
    # Notes
    <BLANKLINE>
    Some text.
    <BLANKLINE>
    More.
    """
    from . import capture

    body = [f"# {title}", ""] if title else []
    for part in parts:
        if not isinstance(part, str):
            part = render_markdown(part, lang=lang)
        body += [part.strip(), ""]
    return capture.record_output("markdown", "\n".join(body).rstrip() + "\n")


def _derivation(derivation, lang, numbers, lines, level):
    def math(expr):
        return "$" + to_latex(expr, numbers) + "$"

    title = phrase(derivation.topic, derivation.params, lang, math)
    lines += ["#" * level + " " + title, ""]
    for i, step in enumerate(derivation.steps, 1):
        lines += [f"{i}. {phrase(step.rule, step.params, lang, math)}", ""]
        if len(step.chain) > 2:
            body = chain_tex(step.chain, numbers)
            lines += ["$$", r"\begin{aligned}", body, r"\end{aligned}", "$$", ""]
        elif step.chain:
            lines += ["$$", chain_tex(step.chain, numbers, align="="), "$$", ""]
        if step.relations:
            shown = [to_latex(r, numbers) for r in step.relations]
            if len(shown) > 1:
                shown = [r"\begin{gathered}", " \\\\\n".join(shown), r"\end{gathered}"]
            lines += ["$$", *shown, "$$", ""]
        if step.table is not None:
            lines += table_lines(step.table, lang, math) + [""]
        for child in step.sub:
            _derivation(child, lang, numbers, lines, min(level + 1, 6))


def table_lines(table, lang, math):
    """A pipe table; a ``|`` inside math becomes ``\\vert`` so cells stay apart."""

    def cell(value):
        return show_cell(value, lang, math).replace("|", r"\vert ")

    out = ["| " + " | ".join(cell(c) for c in table.columns) + " |"]
    out.append("|" + " --- |" * len(table.columns))
    for row in table.rows:
        out.append("| " + " | ".join(cell(c) for c in row) + " |")
    return out
