"""The tour as one document: terminal text, JSON, Markdown or LaTeX.

Each item is rendered by :func:`symopt.render`; this module only strings the
pieces together under section headings and places the figures. (When the
renderers gain a document assembler, :func:`assemble` is the one seam to
switch.)
"""

import json
import os
import unicodedata

from ..errors import InputError
from ..render import render
from ..render.phrases import phrase_table

__all__ = ["assemble", "write"]

FILENAMES = {"markdown": "lecture.md", "latex": "lecture.tex"}


def _title(key, lang):
    return phrase_table(lang).get(key, key)


def assemble(tour, fmt, *, lang="en", numbers="auto", figures=None):
    """The whole document as a string; ``figures`` maps a section's topic to
    the PNG file names placed after it (documents only)."""
    figures = figures or {}
    if fmt == "text":
        return _text(tour, lang, numbers)
    if fmt == "json":
        return _json(tour, lang, numbers)
    if fmt == "markdown":
        return _markdown(tour, lang, numbers, figures)
    if fmt == "latex":
        return _latex(tour, lang, numbers, figures)
    raise InputError(f"unknown format {fmt!r}; use text, json, markdown or latex")


def _text(tour, lang, numbers):
    out = []
    for n, section in enumerate(tour.sections, 1):
        title = f"{n}. {_title('tour_' + section.topic, lang)}"
        rule = "=" * _width(title)
        out += [rule, title, rule, ""]
        for item in section.items:
            out += [render(item, "text", lang=lang, numbers=numbers), ""]
    return "\n".join(out).rstrip() + "\n"


def _width(text):
    # Hangul takes two terminal columns.
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


def _json(tour, lang, numbers):
    data = [
        {
            "topic": section.topic,
            "title": _title("tour_" + section.topic, lang),
            "items": [
                json.loads(render(item, "json", lang=lang, numbers=numbers))
                for item in section.items
            ],
        }
        for section in tour.sections
    ]
    return json.dumps({"tour": data}, ensure_ascii=False, indent=2)


def _markdown(tour, lang, numbers, figures):
    out = [f"# {_title('tour_title', lang)}", ""]
    for n, section in enumerate(tour.sections, 1):
        out += [f"## {n}. {_title('tour_' + section.topic, lang)}", ""]
        for item in section.items:
            body = render(item, "markdown", lang=lang, numbers=numbers)
            # The renderer heads a derivation at level 2; here it is level 3.
            out += [_deeper(line) for line in body.splitlines()] + [""]
        for name in figures.get(section.topic, ()):
            out += [f"![{section.topic}]({name})", ""]
    return "\n".join(out).rstrip() + "\n"


def _deeper(line):
    return "#" + line if line.startswith("#") else line


def _latex(tour, lang, numbers, figures):
    body = []
    for section in tour.sections:
        body += [rf"\section{{{_title('tour_' + section.topic, lang)}}}", ""]
        for item in section.items:
            text = render(item, "latex", lang=lang, numbers=numbers)
            body += [text.replace(r"\section*{", r"\subsection*{", 1), ""]
        for name in figures.get(section.topic, ()):
            body += [
                r"\begin{center}",
                rf"\includegraphics[{_FIGURE_SIZE}]{{{name}}}",
                r"\end{center}",
                "",
            ]
    return _preamble(lang, _title("tour_title", lang)) + "\n".join(body) + _END


def _preamble(lang, title):
    lines = [r"\documentclass[11pt]{article}"]
    if lang == "ko":
        # xelatex with kotex; Nanum fonts are what Debian's fonts-nanum ships.
        lines += [
            r"\usepackage{kotex}",
            r"\setmainhangulfont{NanumMyeongjo}",
            r"\setsanshangulfont{NanumGothic}",
        ]
    else:
        lines += [r"\usepackage[utf8]{inputenc}"]
    lines += [
        r"\usepackage{amsmath,amssymb}",
        r"\usepackage{graphicx}",
        r"\usepackage[margin=2cm]{geometry}",
        r"\allowdisplaybreaks",
        rf"\title{{{title}}}",
        r"\date{}",
        r"\begin{document}",
        r"\maketitle",
        "",
    ]
    return "\n".join(lines) + "\n"


_END = "\n\\end{document}\n"
_FIGURE_SIZE = r"width=0.9\linewidth,height=0.28\textheight,keepaspectratio"


def write(tour, out, fmt, *, lang="en", numbers="auto"):
    """Write ``lecture.md`` or ``lecture.tex`` and the figures into ``out``."""
    if fmt not in FILENAMES:
        raise InputError(
            f"documents are markdown or latex, not {fmt!r}; "
            "text and json print to the terminal"
        )
    try:
        os.makedirs(out, exist_ok=True)
    except OSError as error:
        raise InputError(f"cannot create {out}: {error.strerror}") from None
    figures = {}
    for section in tour.sections:
        for name, make in section.figures().items():
            filename = f"{section.topic}-{name}.png"
            figure = make()
            try:
                figure.savefig(os.path.join(out, filename), dpi=110)
            except OSError as error:
                raise InputError(f"cannot write {filename} in {out}: {error}") from None
            figures.setdefault(section.topic, []).append(filename)
    text = assemble(tour, fmt, lang=lang, numbers=numbers, figures=figures)
    path = os.path.join(out, FILENAMES[fmt])
    try:
        with open(path, "w", encoding="utf-8") as handle:
            handle.write(text)
    except OSError as error:
        raise InputError(f"cannot write {path}: {error.strerror}") from None
    return path
