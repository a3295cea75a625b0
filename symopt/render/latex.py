r"""LaTeX: explanations as paragraphs, chains as ``align*`` blocks.

The body is valid for pdflatex (English) and xelatex with kotex (Korean), and
all its mathematics renders in KaTeX. ``standalone=True`` wraps it in a
document; :func:`document` assembles several parts into one.
"""

from .base import derivation_of, phrase, show
from .numbers import to_latex

__all__ = ["render_latex", "document", "escape", "PREAMBLES"]

_SPECIAL = {
    "\\": r"\textbackslash{}",
    "&": r"\&",
    "%": r"\%",
    "$": r"\$",
    "#": r"\#",
    "_": r"\_",
    "{": r"\{",
    "}": r"\}",
    "~": r"\textasciitilde{}",
    "^": r"\textasciicircum{}",
}
_HEADINGS = (r"\section*{{{}}}", r"\subsection*{{{}}}", r"\paragraph{{{}}}")

#: Document preambles per language: pdflatex for English, xelatex for Korean.
PREAMBLES = {
    "en": [
        "% Compile with pdflatex.",
        r"\documentclass{article}",
        r"\usepackage{amsmath,amssymb}",
    ],
    "ko": [
        "% Compile with xelatex (kotex, Nanum fonts).",
        r"\documentclass{article}",
        r"\usepackage{amsmath,amssymb}",
        r"\usepackage{kotex}",
        r"\setmainhangulfont{NanumMyeongjo}",
        r"\setsanshangulfont{NanumGothic}",
    ],
}


def escape(text):
    r"""Words made safe for LaTeX: ``50% & more`` -> ``50\% \& more``."""
    return "".join(_SPECIAL.get(ch, ch) for ch in text)


def render_latex(obj, *, lang="en", numbers="auto", standalone=False):
    """A derivation as LaTeX; a whole document with ``standalone=True``."""
    lines = []
    _derivation(derivation_of(obj), lang, numbers, lines, level=0)
    body = "\n".join(lines).rstrip() + "\n"
    return document([body], lang=lang) if standalone else body


def document(parts, *, lang="en", title=None):
    r"""One LaTeX document from rendered parts (strings) or derivations.

    English documents compile with pdflatex, Korean ones with xelatex.

    >>> print(document(["Hello."], title="Notes"))  # doctest: +ELLIPSIS
    % Compile with pdflatex.
    ...
    \begin{document}
    \title{Notes}
    \date{}
    \maketitle
    Hello.
    \end{document}
    <BLANKLINE>
    """
    from . import capture

    if lang not in PREAMBLES:
        from .phrases import phrase_table

        phrase_table(lang)  # raises the one-line error naming the language
    body = []
    if title:
        body += [rf"\title{{{escape(title)}}}", r"\date{}", r"\maketitle"]
    for part in parts:
        if not isinstance(part, str):
            part = render_latex(part, lang=lang)
        body.append(part.rstrip())
    lines = PREAMBLES[lang] + [r"\begin{document}"] + body + [r"\end{document}", ""]
    return capture.record_output("latex", "\n".join(lines))


def _derivation(derivation, lang, numbers, lines, level):
    def math(expr):
        return "$" + to_latex(expr, numbers) + "$"

    heading = phrase(derivation.topic, derivation.params, lang, math, escape)
    lines.append(_HEADINGS[min(level, 2)].format(heading))
    lines.append("")
    for step in derivation.steps:
        lines.append(phrase(step.rule, step.params, lang, math, escape))
        if step.chain:
            lines += [
                r"\begin{align*}",
                chain_tex(step.chain, numbers),
                r"\end{align*}",
            ]
        if step.relations:
            shown = [to_latex(r, numbers) for r in step.relations]
            lines += [r"\begin{gather*}", " \\\\\n".join(shown), r"\end{gather*}"]
        if step.table is not None:
            lines += table_tex(step.table, lang, math)
        lines.append("")
        for child in step.sub:
            _derivation(child, lang, numbers, lines, level + 1)


def chain_tex(chain, numbers, *, align="&="):
    r"""An equation chain as rows of ``&=`` (``aligned`` or ``align*`` body)."""
    parts = [to_latex(e, numbers) for e in chain]
    if len(parts) == 1:
        return parts[0]
    rows = [f"{parts[0]} {align} {parts[1]}"] + [f"{align} {p}" for p in parts[2:]]
    return " \\\\\n".join(rows)


def table_tex(table, lang, math):
    r"""A ``tabular`` whose math cells are inline ``$...$``, centred."""
    cols = "c" * len(table.columns)
    out = [r"\begin{center}", rf"\begin{{tabular}}{{{cols}}}"]
    out.append(" & ".join(show(c, lang, math, escape) for c in table.columns))
    out[-1] += r" \\ \hline"
    for row in table.rows:
        out.append(" & ".join(show(c, lang, math, escape) for c in row) + r" \\")
    return out + [r"\end{tabular}", r"\end{center}"]
