r"""LaTeX: explanations as paragraphs, chains as ``align*`` blocks.

The body is valid for pdflatex (English) and xelatex with kotex (Korean), and
all its mathematics renders in KaTeX. ``standalone=True`` wraps it in a
document; :func:`document` assembles several parts into one.
"""

from .base import derivation_of, phrase, show_cell
from .numbers import to_latex

__all__ = ["render_latex", "render_math", "document", "escape", "PREAMBLES"]

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
    # Without T1 fonts, pdflatex prints < > | in text as other glyphs.
    "<": r"\textless{}",
    ">": r"\textgreater{}",
    "|": r"\textbar{}",
}
# Math symbols written in a phrase's prose: pdflatex has no glyph for them in
# text, so they are set as math.
_SYMBOLS = {
    "≤": r"\le", "≥": r"\ge", "≠": r"\ne", "≈": r"\approx", "·": r"\cdot",
    "×": r"\times", "→": r"\to", "∂": r"\partial", "∇": r"\nabla",
    "√": r"\surd", "∞": r"\infty", "²": "^{2}", "³": "^{3}", "α": r"\alpha",
    "β": r"\beta", "λ": r"\lambda", "μ": r"\mu", "σ": r"\sigma",
    "θ": r"\theta", "η": r"\eta", "ε": r"\varepsilon", "−": "-",
    "⋮": r"\vdots",
}  # fmt: skip
_SPECIAL.update({ch: rf"\ensuremath{{{tex}}}" for ch, tex in _SYMBOLS.items()})
_SPECIAL["…"] = r"\ldots{}"
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
    r"""Words made safe for LaTeX: ``50% & more`` -> ``50\% \& more``.

    >>> escape("mu >= 0, σ ≤ 1")
    'mu \\textgreater{}= 0, \\ensuremath{\\sigma} \\ensuremath{\\le} 1'
    """
    return "".join(_SPECIAL.get(ch, ch) for ch in text)


def render_latex(obj, *, lang="en", numbers="auto", standalone=False):
    """A derivation as LaTeX; a whole document with ``standalone=True``."""
    lines = []
    _derivation(derivation_of(obj), lang, numbers, lines, level=0)
    body = "\n".join(lines).rstrip() + "\n"
    return document([body], lang=lang) if standalone else body


def render_math(obj, *, lang="en", numbers="auto"):
    r"""A derivation as one display-math block (``$$\begin{aligned}...$$``).

    Words sit in ``\text{}``, so the block renders wherever only math does:
    Jupyter's ``_repr_latex_``, MathJax, KaTeX. Tables are left out.
    """
    from . import capture

    rows = []
    _math_rows(derivation_of(obj), lang, numbers, rows, depth=0)
    body = " \\\\\n".join(rows)
    tex = "$$\n\\begin{aligned}\n" + body + "\n\\end{aligned}\n$$"
    return capture.record_output("latex", tex)


def _words(text):
    # An ``escape`` for phrase(): words go into \text{}, math stays math.
    return r"\text{" + escape(text) + "}" if text else ""


def _math_rows(derivation, lang, numbers, rows, depth):
    def math(expr):
        return to_latex(expr, numbers)

    indent = r"\quad " * depth
    rows.append(
        "&" + indent + phrase(derivation.topic, derivation.params, lang, math, _words)
    )
    for i, step in enumerate(derivation.steps, 1):
        text = phrase(step.rule, step.params, lang, math, _words)
        rows.append("&" + indent + _words(f"{i}. ") + text)
        parts = [to_latex(e, numbers) for e in step.chain]
        if len(parts) == 1:
            rows.append("&" + indent + parts[0])
        elif parts:
            rows.append(f"{parts[0]} &= {parts[1]}")
            rows += [f"&= {p}" for p in parts[2:]]
        rows += ["&" + indent + to_latex(r, numbers) for r in step.relations]
        for child in step.sub:
            _math_rows(child, lang, numbers, rows, depth + 1)


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
    out.append(" & ".join(show_cell(c, lang, math, escape) for c in table.columns))
    out[-1] += r" \\ \hline"
    for row in table.rows:
        out.append(" & ".join(show_cell(c, lang, math, escape) for c in row) + r" \\")
    return out + [r"\end{tabular}", r"\end{center}"]
