"""Terminal text: one step per block, its explanation above its mathematics."""

from .base import derivation_of, phrase, show
from .numbers import to_text


def render_text(obj, *, lang="en", numbers="auto"):
    derivation = derivation_of(obj)
    lines = []
    _derivation(derivation, lang, numbers, lines, indent="")
    return "\n".join(lines)


def _derivation(derivation, lang, numbers, lines, indent):
    def math(expr):
        return to_text(expr, numbers)

    lines.append(indent + phrase(derivation.topic, derivation.params, lang, math))
    for i, step in enumerate(derivation.steps, 1):
        lines.append(f"{indent}  {i}. {phrase(step.rule, step.params, lang, math)}")
        pad = indent + "     "
        if step.chain:
            lines.append(pad + " = ".join(math(e) for e in step.chain))
        for relation in step.relations:
            lines.append(pad + math(relation))
        if step.table is not None:
            _table(step.table, lang, math, lines, pad)
        for child in step.sub:
            _derivation(child, lang, numbers, lines, pad)


def _table(table, lang, math, lines, pad):
    cells = [[show(c, lang, math) for c in table.columns]]
    cells += [[show(c, lang, math) for c in row] for row in table.rows]
    widths = [max(len(row[i]) for row in cells) for i in range(len(cells[0]))]
    for n, row in enumerate(cells):
        lines.append(pad + "  ".join(c.rjust(w) for c, w in zip(row, widths)))
        if n == 0:
            lines.append(pad + "  ".join("-" * w for w in widths))
