r"""A registry of the LaTeX mathematics symopt produced, for checking with KaTeX.

Off by default (recording costs nothing then). A test session turns it on
with :func:`start`; every math string that :func:`symopt.render.numbers.to_latex`
prints, and every piece of math inside a LaTeX or Markdown rendering, is then
kept with the name of whatever produced it, ready to be rendered by KaTeX.
A program started with ``SYMOPT_LATEX_LOG=path`` in its environment (the
CLI under test, say) records too and appends what it saw to ``path`` as JSON
lines when it exits.

>>> start()
>>> _ = record_output("markdown", "Set $x = 1$:\n\n$$\nx^{2}\n$$\n")
>>> sorted(f["tex"] for f in stop())
['x = 1', 'x^{2}']
"""

import atexit
import contextlib
import json
import os
import re

__all__ = [
    "start",
    "stop",
    "active",
    "record_math",
    "record_output",
    "record_keys",
    "math_fragments",
    "set_origin",
    "keys",
    "paused",
    "record_derivation",
    "derivations",
    "record_unfilled",
    "unfilled",
]

# Open recordings, innermost last; each sees everything recorded while it is
# open, so a test can record on its own inside the session's recording.
_open = []
_paused = 0
_origin = ""
# Derivations built while recording, with their origin, for a final verify().
_derivations = []
# Placeholders a phrase named but nothing filled: (name, template) -> origin.
_unfilled = {}


def start():
    """Open a recording; it sees every record until its :func:`stop`."""
    _open.append(({}, {}))


def active():
    """True while some recording is open."""
    return bool(_open) and not _paused


def stop():
    """Close the innermost recording; its math as dicts (tex, display, origin)."""
    seen, _keys = _open.pop() if _open else ({}, {})
    return [{"tex": t, "display": d, "origin": o} for (t, d), o in seen.items()]


def keys():
    """The phrase keys (rule ids, topics) the innermost recording saw, by origin."""
    return dict(_open[-1][1]) if _open else {}


@contextlib.contextmanager
def paused():
    """Record nothing inside: for tests that build bad derivations on purpose."""
    global _paused
    _paused += 1
    try:
        yield
    finally:
        _paused -= 1


def set_origin(name):
    """Name what produces the next recordings (a test's id, say)."""
    global _origin
    _origin = name


def record_math(tex, *, display=False):
    """Keep one math string (no ``$``) in every open recording."""
    if active() and tex.strip():
        for math, _ in _open:
            math.setdefault((tex.strip(), display), _origin)


def record_keys(*names):
    """Keep the phrase keys a derivation uses in every open recording."""
    if active():
        for _, known in _open:
            for name in names:
                known.setdefault(name, _origin)


def record_unfilled(name, template):
    """Keep a placeholder that neither the step's params nor the notation filled."""
    if active():
        _unfilled.setdefault((name, template), _origin)


def unfilled():
    """The unfilled placeholders seen while recording, with their origins."""
    return dict(_unfilled)


def record_derivation(derivation):
    """Keep a derivation built while recording (see :func:`derivations`)."""
    if active():
        _derivations.append((derivation, _origin))


def derivations():
    """The derivations built while recording, each once, that are no other's
    sub-derivation, with their origins; forgets them."""
    kept = list(_derivations)
    _derivations.clear()
    children = {id(child) for d, _ in kept for step in d.walk() for child in step.sub}
    out, seen = [], set()
    for d, origin in kept:
        if id(d) in children:
            continue
        key = _content(d)
        if key is None or key not in seen:
            seen.add(key)
            out.append((d, origin))
    return out


def _content(derivation):
    # The same mathematics built by many tests is checked once.
    try:
        key = (
            tuple(sorted(derivation.definitions.items(), key=str)),
            tuple((s.rule, s.chain, len(s.sub)) for s in derivation.walk()),
        )
        hash(key)
    except TypeError:  # a mutable Matrix somewhere: no shortcut
        return None
    return key


def record_output(format, text):  # noqa: A002 - the renderers' word
    """Keep every piece of math inside a LaTeX or Markdown rendering."""
    if active() and format in ("latex", "markdown"):
        for tex, display in math_fragments(text):
            record_math(tex, display=display)
    return text


# Math inside a document: display environments (align* becomes aligned, the
# form KaTeX renders), $$...$$, \[...\], and inline $...$ or \(...\).
_ENVIRONMENTS = {
    "align*": "aligned",
    "align": "aligned",
    "gather*": "gathered",
    "gather": "gathered",
    "equation*": None,
    "equation": None,
}
_DISPLAY = re.compile(
    r"\\begin\{(?P<env>align\*?|gather\*?|equation\*?)\}(?P<body>.*?)"
    r"\\end\{(?P=env)\}"
    r"|\$\$(?P<dollars>.*?)\$\$"
    r"|\\\[(?P<bracket>.*?)\\\]",
    re.S,
)
_INLINE = re.compile(
    r"(?<![\\$])\$(?!\$)(?P<a>(?:\\.|[^$\\])+?)\$|\\\((?P<b>.*?)\\\)", re.S
)


def math_fragments(text):
    r"""The math in a LaTeX or Markdown text, as (tex, display) pairs.

    >>> math_fragments(r"Let $a = 1$. \begin{align*} x &= 1 \\ &= 2 \end{align*}")
    [('\\begin{aligned} x &= 1 \\\\ &= 2 \\end{aligned}', True), ('a = 1', False)]
    """
    found = []

    def display(match):
        env = match.group("env")
        if env is not None:
            inner = _ENVIRONMENTS[env]
            body = match.group("body").strip()
            tex = rf"\begin{{{inner}}} {body} \end{{{inner}}}" if inner else body
        else:
            tex = (match.group("dollars") or match.group("bracket") or "").strip()
        found.append((tex, True))
        return " "

    rest = _DISPLAY.sub(display, text)
    for match in _INLINE.finditer(rest):
        found.append(((match.group("a") or match.group("b")).strip(), False))
    return found


def _flush_at_exit(path):
    seen = stop() if _open else []
    if not seen:
        return
    with open(path, "a", encoding="utf-8") as log:
        for fragment in seen:
            log.write(json.dumps(fragment, ensure_ascii=False) + "\n")


if os.environ.get("SYMOPT_LATEX_LOG"):
    start()
    set_origin("process " + str(os.getpid()))
    atexit.register(_flush_at_exit, os.environ["SYMOPT_LATEX_LOG"])
