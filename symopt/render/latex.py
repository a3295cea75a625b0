"""LaTeX: explanations as paragraphs, chains as ``align*`` blocks."""

from .base import derivation_of, phrase, show
from .numbers import to_latex


def render_latex(obj, *, lang="en", numbers="auto", standalone=False):
    derivation = derivation_of(obj)
    lines = []
    _derivation(derivation, lang, numbers, lines, level=0)
    body = "\n".join(lines)
    return _document(body, lang) if standalone else body


def _derivation(derivation, lang, numbers, lines, level):
    def math(expr):
        return "$" + to_latex(expr, numbers) + "$"

    heading = phrase(derivation.topic, derivation.params, lang, math)
    lines.append(rf"\paragraph{{{heading}}}" if level else rf"\section*{{{heading}}}")
    for step in derivation.steps:
        lines.append(phrase(step.rule, step.params, lang, math))
        if step.chain:
            parts = [to_latex(e, numbers) for e in step.chain]
            lines.append(r"\begin{align*}")
            lines.append(
                " \\\\\n".join(
                    [parts[0] + " &= " + parts[1]] + ["&= " + p for p in parts[2:]]
                )
                if len(parts) > 1
                else parts[0]
            )
            lines.append(r"\end{align*}")
        if step.relations:
            lines.append(r"\begin{gather*}")
            lines.append(" \\\\\n".join(to_latex(r, numbers) for r in step.relations))
            lines.append(r"\end{gather*}")
        if step.table is not None:
            cols = "c" * len(step.table.columns)
            lines.append(rf"\begin{{tabular}}{{{cols}}}")
            head = [show(c, lang, math) for c in step.table.columns]
            lines.append(" & ".join(head) + r" \\ \hline")
            for row in step.table.rows:
                lines.append(" & ".join(show(c, lang, math) for c in row) + r" \\")
            lines.append(r"\end{tabular}")
        lines.append("")
        for child in step.sub:
            _derivation(child, lang, numbers, lines, level + 1)


def _document(body, lang):
    head = [r"\documentclass{article}", r"\usepackage{amsmath,amssymb}"]
    if lang == "ko":
        head = [
            r"\documentclass{article}",
            r"\usepackage{kotex}",
            r"\usepackage{amsmath,amssymb}",
        ]
    return "\n".join(head + [r"\begin{document}", body, r"\end{document}", ""])
