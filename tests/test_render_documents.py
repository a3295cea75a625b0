"""Whole documents: LaTeX compiles (pdflatex for English, xelatex with kotex
for Korean), Markdown assembles, Jupyter shows rendered math."""

import subprocess

import pytest
from conftest import require_tool
from render_cases import lecture_chain, showcase

from symopt import Derivation, InputError, render
from symopt.render import capture, latex, markdown


def compile_tex(tmp_path, source, engine):
    require_tool(engine)
    (tmp_path / "doc.tex").write_text(source, encoding="utf-8")
    done = subprocess.run(
        [engine, "-interaction=nonstopmode", "-halt-on-error", "doc.tex"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    log = (tmp_path / "doc.log").read_text(encoding="utf-8", errors="replace")
    assert done.returncode == 0, log[-2000:]
    assert (tmp_path / "doc.pdf").stat().st_size > 1000
    # A glyph the font lacks is only a warning in TeX; here it is a failure.
    assert "Missing character" not in log
    return log


@pytest.mark.slow
@pytest.mark.parametrize("numbers", ["auto", "fraction"])
def test_english_document_compiles_with_pdflatex(tmp_path, numbers):
    source = render(showcase(), "latex", numbers=numbers, standalone=True)
    assert source.startswith("% Compile with pdflatex.\n\\documentclass{article}")
    compile_tex(tmp_path, source, "pdflatex")


@pytest.mark.slow
def test_korean_document_compiles_with_xelatex_and_nanum(tmp_path):
    source = latex.document(
        [lecture_chain(), render(showcase(), "latex", lang="ko", numbers="decimal")],
        lang="ko",
        title="역전파와 연쇄법칙",
    )
    assert r"\usepackage{kotex}" in source
    log = compile_tex(tmp_path, source, "xelatex")
    assert "Nanum" in log or "nanum" in log


def test_standalone_document_wraps_the_body():
    body = render(lecture_chain(), "latex")
    whole = render(lecture_chain(), "latex", standalone=True)
    assert whole == (
        "% Compile with pdflatex.\n"
        "\\documentclass{article}\n"
        "\\usepackage{amsmath,amssymb}\n"
        "\\begin{document}\n" + body.rstrip() + "\n\\end{document}\n"
    )


def test_document_escapes_the_title():
    doc = latex.document(["x"], title="50% of R&D")
    assert r"\title{50\% of R\&D}" in doc


def test_document_rejects_an_unknown_language():
    with pytest.raises(InputError, match="unknown language 'fr'; use one of: en, ko"):
        latex.document(["x"], lang="fr")


def test_markdown_document_joins_parts_under_a_title():
    part = render(lecture_chain(), "markdown", lang="ko")
    doc = markdown.document([lecture_chain(), "끝."], lang="ko", title="노트")
    assert doc == "# 노트\n\n" + part.strip() + "\n\n끝.\n"


JUPYTER_LATEX = r"""$$
\begin{aligned}
&\text{The derivative of }C\text{ with respect to }w \\
&\text{1. }\text{Chain rule: }C\text{ depends on }w\text{ through }a \\
\frac{d C}{d w} &= \frac{d C}{d a} \cdot \frac{d a}{d w} \\
&= 2 \left(a - 0.5\right) \cdot 1.5 \\
&= 3 \left(a - 0.5\right) \\
&= 4.5 w - 1.5 \\
&\text{2. }\text{Substitute }w = 0.8 \\
4.5 \cdot 0.8 - 1.5 &= 2.1
\end{aligned}
$$"""


def test_jupyter_shows_rendered_math():
    d = lecture_chain()
    assert d._repr_latex_() == JUPYTER_LATEX
    assert d._repr_markdown_() == render(d, "markdown")
    assert str(d) == render(d, "text")


def test_jupyter_math_block_is_one_katex_fragment():
    capture.start()
    try:
        latex.render_math(showcase(), lang="ko")
    finally:
        seen = capture.stop()
    blocks = [f for f in seen if f["display"]]
    assert len(blocks) == 1 and blocks[0]["tex"].startswith(r"\begin{aligned}")


@pytest.mark.slow
def test_prose_with_symbols_compiles_with_pdflatex(tmp_path):
    d = Derivation("result")
    d.add("input", text="σ(w) ≤ 1, μ >= 0 | 50% & R_1 … # {x} ~ ^ \\ ∂L/∂x → ∞")
    source = render(d, "latex", standalone=True)
    assert r"\ensuremath{\sigma}(w) \ensuremath{\le} 1, " in source
    assert r"\textgreater{}= 0 \textbar{} 50\% \& R\_1 \ldots{}" in source
    log = compile_tex(tmp_path, source, "pdflatex")
    assert "Unicode character" not in log
