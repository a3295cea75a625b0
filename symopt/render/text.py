"""Terminal text: one block per step, its explanation above its mathematics.

A chain of three or more expressions is aligned on its equals signs, the way
it is written on a board; a table gets aligned columns.
"""

from .base import derivation_of, phrase, show_cell
from .numbers import to_text

__all__ = ["render_text"]

_INDENT = "   "


def render_text(obj, *, lang="en", numbers="auto"):
    """A derivation as Unicode text for a terminal."""
    lines = []
    _derivation(derivation_of(obj), lang, numbers, lines, indent="")
    return "\n".join(lines)


def _derivation(derivation, lang, numbers, lines, indent):
    def math(expr):
        return to_text(expr, numbers)

    lines.append(indent + phrase(derivation.topic, derivation.params, lang, math))
    for i, step in enumerate(derivation.steps, 1):
        number = f"{i}. "
        lines.append(indent + number + phrase(step.rule, step.params, lang, math))
        pad = indent + " " * len(number)
        if step.chain:
            lines.extend(pad + row for row in chain_lines(step.chain, math))
        for relation in step.relations:
            lines.append(pad + math(relation))
        if step.table is not None:
            lines.extend(pad + row for row in table_lines(step.table, lang, math))
        for child in step.sub:
            _derivation(child, lang, numbers, lines, pad + _INDENT[:1])


def chain_lines(chain, math):
    """``a = b = c`` on one line when short, else aligned under the first ``=``."""
    parts = [math(e) for e in chain]
    if len(parts) <= 2:
        return [" = ".join(parts)]
    first = f"{parts[0]} = {parts[1]}"
    below = " " * len(parts[0]) + " = "
    return [first] + [below + p for p in parts[2:]]


def table_lines(table, lang, math):
    """A table with right-aligned columns and a rule under the header."""
    cells = [[show_cell(c, lang, math) for c in table.columns]]
    cells += [[show_cell(c, lang, math) for c in row] for row in table.rows]
    widths = [max(_width(row[i]) for row in cells) for i in range(len(cells[0]))]
    out = []
    for n, row in enumerate(cells):
        out.append("  ".join(_pad(c, w) for c, w in zip(row, widths)).rstrip())
        if n == 0:
            out.append("  ".join("-" * w for w in widths))
    return out


def _width(text):
    # Hangul is drawn two columns wide in a terminal.
    return sum(2 if "\uac00" <= ch <= "\ud7a3" else 1 for ch in text)


def _pad(text, width):
    return " " * (width - _width(text)) + text
