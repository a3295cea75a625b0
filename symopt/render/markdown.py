"""Markdown with ``$$`` math blocks, as lecture notes are written."""

from .base import derivation_of, phrase, show
from .numbers import to_latex


def render_markdown(obj, *, lang="en", numbers="auto"):
    derivation = derivation_of(obj)
    lines = []
    _derivation(derivation, lang, numbers, lines, level=2)
    return "\n".join(lines).rstrip() + "\n"


def _derivation(derivation, lang, numbers, lines, level):
    def math(expr):
        return "$" + to_latex(expr, numbers) + "$"

    lines.append(
        "#" * level + " " + phrase(derivation.topic, derivation.params, lang, math)
    )
    lines.append("")
    for i, step in enumerate(derivation.steps, 1):
        lines.append(f"{i}. {phrase(step.rule, step.params, lang, math)}")
        lines.append("")
        if step.chain:
            lines.append("$$")
            lines.append(" = ".join(to_latex(e, numbers) for e in step.chain))
            lines.append("$$")
            lines.append("")
        for relation in step.relations:
            lines += ["$$", to_latex(relation, numbers), "$$", ""]
        if step.table is not None:
            head = [show(c, lang, math) for c in step.table.columns]
            lines.append("| " + " | ".join(head) + " |")
            lines.append("|" + "---|" * len(head))
            for row in step.table.rows:
                lines.append("| " + " | ".join(show(c, lang, math) for c in row) + " |")
            lines.append("")
        for child in step.sub:
            _derivation(child, lang, numbers, lines, min(level + 1, 6))
