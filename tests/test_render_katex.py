"""KaTeX renders symopt's LaTeX, and the session-wide check can fail.

Every LaTeX string the whole test session produces is also checked once at
the end (tests/conftest.py); these tests make that machinery itself honest.
"""

import os
import shutil
import subprocess
import sys
from pathlib import Path

import katex_check
import pytest
from conftest import require_tool
from render_cases import lecture_chain, showcase

from symopt import render
from symopt.render import capture
from symopt.render.capture import math_fragments


def need_katex():
    require_tool("node")
    why = katex_check.unavailable()
    if why is not None:
        if katex_check.must_run():
            pytest.fail(why)
        pytest.skip(why)


def fragments(tex, display=True):
    return [{"tex": tex, "display": display, "origin": "here"}]


def test_katex_reports_an_error_with_its_origin():
    need_katex()
    report = katex_check.run_katex(fragments(r"\frac{1}{") + fragments("x^{2}"))
    assert report["checked"] == 2
    [error] = report["errors"]
    assert error["tex"] == r"\frac{1}{"
    assert error["origin"] == "here"
    assert error["message"].startswith("KaTeX parse error")


def test_katex_rejects_what_it_would_only_warn_about():
    need_katex()
    report = katex_check.run_katex(fragments("x ∘ y é", display=False))
    assert len(report["errors"]) == 1


@pytest.mark.parametrize("lang", ["en", "ko"])
@pytest.mark.parametrize("numbers", ["auto", "decimal", "fraction"])
@pytest.mark.parametrize("build", [lecture_chain, showcase])
def test_everything_rendered_passes_katex(build, numbers, lang):
    need_katex()
    capture.start()
    try:
        for fmt in ("latex", "markdown", "json"):
            render(build(), fmt, lang=lang, numbers=numbers)
        render(build(), "latex", lang=lang, numbers=numbers, standalone=True)
    finally:
        seen = capture.stop()
    assert len(seen) >= 5
    report = katex_check.run_katex(seen)
    assert report["errors"] == []


def test_subprocesses_log_their_math(tmp_path):
    log = tmp_path / "latex.jsonl"
    code = (
        "from symopt import parse\n"
        "from symopt.render.numbers import to_latex\n"
        "to_latex(parse('x^2/3'))\n"
    )
    env = {"SYMOPT_LATEX_LOG": str(log), "PATH": ""}
    subprocess.run([sys.executable, "-c", code], env=env, check=True)
    assert '"tex": "\\\\frac{x^{2}}{3}"' in log.read_text(encoding="utf-8")


MARKDOWN = r"""## Title $x$

1. Step with $\frac{1}{2}$ and \$5

$$
\begin{aligned}
a &= b \\
&= c
\end{aligned}
$$
"""

LATEX = r"""\section*{On $w$}
Text with $a = 1$ and 50\% off.
\begin{align*}
x &= 1 \\
&= 2
\end{align*}
\begin{gather*}
y \geq 3
\end{gather*}
\begin{tabular}{cc}
$\frac{1}{3}$ & w \\
\end{tabular}
"""


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            MARKDOWN,
            [
                ("\\begin{aligned}\na &= b \\\\\n&= c\n\\end{aligned}", True),
                ("x", False),
                (r"\frac{1}{2}", False),
            ],
        ),
        (
            LATEX,
            [
                ("\\begin{aligned} x &= 1 \\\\\n&= 2 \\end{aligned}", True),
                ("\\begin{gathered} y \\geq 3 \\end{gathered}", True),
                ("w", False),
                ("a = 1", False),
                (r"\frac{1}{3}", False),
            ],
        ),
    ],
    ids=["markdown", "latex"],
)
def test_only_math_goes_to_katex(text, expected):
    assert math_fragments(text) == expected


SESSION = """
from symopt import Derivation
from symopt.render import capture
from symopt.render.numbers import to_latex


def test_bad_math_and_a_missing_phrase():
    capture.record_math(r"\\frac{1}{")
    Derivation("no_phrase_topic").add("simplify", 1, 1)
    assert to_latex(1) == "1"
"""


@pytest.mark.slow
def test_the_session_check_fails_a_run_that_printed_bad_math(tmp_path):
    need_katex()
    here = Path(__file__).parent
    tests = tmp_path / "tests"
    tests.mkdir()
    for name in ("conftest.py", "katex_check.py"):
        shutil.copy(here / name, tests / name)
    (tests / "katex").symlink_to(here / "katex")
    (tests / "test_session.py").write_text(SESSION, encoding="utf-8")
    # The inner run must not report its deliberate bad math to this session.
    env = {k: v for k, v in os.environ.items() if k != "SYMOPT_LATEX_LOG"}
    done = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "tests"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
        env=env,
    )
    assert done.returncode == 1, done.stdout
    assert "1 passed" in done.stdout
    assert "symopt session checks failed" in done.stdout
    assert "KaTeX cannot render '\\\\frac{1}{' (from tests/test_session.py::" in (
        done.stdout
    )
    assert "no ko phrase for 'no_phrase_topic'" in done.stdout
