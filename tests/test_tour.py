"""The tour: topics built at run time, text, Markdown and LaTeX documents."""

import os
import re
import subprocess

import pytest
from conftest import require_tool
from sympy import Rational

from symopt.cli import main
from symopt.tour import LectureInputs, topic_ids, tour

LECTURE_ORDER = [
    "backpropagation",
    "chain_rule",
    "perceptrons",
    "xor",
    "linear_collapse",
    "activations",
    "constrained_minimum",
    "lagrange",
    "duality",
    "kkt",
    "ridge",
]


def test_topics_follow_the_lecture():
    ids = topic_ids()
    assert {"perceptrons", "xor", "linear_collapse"} <= set(ids)
    assert ids == [t for t in LECTURE_ORDER if t in ids]


def test_every_item_verifies():
    for section in tour().sections:
        for item in section.items:
            d = getattr(item, "derivation", item)
            assert d.verify(), (section.topic, d.verify())


def test_text_has_every_topic_in_order(capsys):
    assert main(["tour"]) == 0
    out = capsys.readouterr().out
    banners = [f"{n}. {_title(t)}\n" for n, t in enumerate(topic_ids(), 1)]
    positions = [out.index(b) for b in banners]
    assert positions == sorted(positions)
    assert "0 > 0" in out  # the XOR contradiction


def _title(topic, lang="en"):
    from symopt.render.phrases import phrase_table

    return phrase_table(lang)["tour_" + topic]


def test_list_and_one_topic(capsys):
    assert main(["tour", "--list"]) == 0
    assert capsys.readouterr().out.split() == topic_ids()
    assert main(["tour", "xor", "--lang", "ko"]) == 0
    out = capsys.readouterr().out
    assert _title("xor", "ko") in out and _title("perceptrons", "ko") not in out


@pytest.mark.parametrize(
    "argv, message",
    [
        (["tour", "nonsense"], "unknown topic 'nonsense'"),
        (["tour", "--format", "latex"], "give a directory with --out DIR"),
        (["tour", "--perceptron-lr", "-2"], "learning rate -2 must be a positive"),
    ],
)
def test_cli_errors_are_one_line(capsys, argv, message):
    assert main(argv) == 2
    err = capsys.readouterr().err
    assert message in err and err.count("\n") == 1


def test_inputs_change_the_numbers():
    base = tour(["perceptrons"]).render("text")
    faster = tour(["perceptrons"], perceptron_lr="0.5").render("text")
    assert base != faster
    assert "learning rate 0.5" in faster and "learning rate 0.1" in base
    run = tour(["perceptrons"], perceptron_lr="0.5").sections[0].items[-1]
    assert run.lr == Rational(1, 2) and run.converged


def test_unknown_input_is_refused():
    from symopt.errors import InputError

    with pytest.raises(InputError, match="unknown lecture input 'rate'"):
        LectureInputs().replace(rate=1)


def test_json_tour():
    import json

    data = json.loads(tour(["xor"]).render("json"))
    first = data["tour"][0]
    assert first["topic"] == "xor" and first["items"][0]["separable"] is False


@pytest.mark.parametrize("lang", ["en", "ko"])
def test_markdown_document_with_figures(tmp_path, lang):
    path = tour(["perceptrons", "xor"]).write(tmp_path, format="markdown", lang=lang)
    text = open(path, encoding="utf-8").read()
    assert text.startswith("# ") and "$$" in text
    figures = re.findall(r"!\[[^\]]*\]\(([^)]+\.png)\)", text)
    assert figures == ["perceptrons-gates.png", "xor-network.png"]
    for name in figures:
        with open(tmp_path / name, "rb") as handle:
            assert handle.read(8) == b"\x89PNG\r\n\x1a\n"
    if lang == "ko":
        assert "퍼셉트론" in text


def _compile(engine, directory):
    result = subprocess.run(
        [engine, "-interaction=nonstopmode", "-halt-on-error", "lecture.tex"],
        cwd=directory,
        capture_output=True,
        text=True,
        timeout=300,
    )
    pdf = os.path.join(directory, "lecture.pdf")
    if result.returncode != 0 or not os.path.exists(pdf):
        log = open(os.path.join(directory, "lecture.log"), encoding="latin-1").read()
        errors = [line for line in log.splitlines() if line.startswith("!")]
        context = log[log.find("\n!") : log.find("\n!") + 800] if errors else log[-800:]
        pytest.fail(f"{engine} failed: {errors}\n{context}")
    with open(pdf, "rb") as handle:
        data = handle.read()
    assert data.startswith(b"%PDF") and len(data) > 5000
    log = open(os.path.join(directory, "lecture.log"), encoding="latin-1").read()
    return int(re.search(r"Output written on lecture\.pdf \((\d+) page", log)[1])


@pytest.mark.slow
@pytest.mark.parametrize("lang, engine", [("en", "pdflatex"), ("ko", "xelatex")])
def test_latex_document_compiles(tmp_path, lang, engine):
    require_tool(engine)
    capture = main(
        ["tour", "--format", "latex", "--lang", lang, "--out", str(tmp_path)]
    )
    assert capture == 0
    tex = open(tmp_path / "lecture.tex", encoding="utf-8").read()
    assert tex.startswith(r"\documentclass")
    if lang == "ko":
        assert r"\usepackage{kotex}" in tex and "역전파" in tex
    # Several pages: every topic made it into the document.
    assert _compile(engine, tmp_path) >= 3


def test_korean_tour_speaks_the_lectures_terms():
    text = tour().render("text", lang="ko")
    terms = ["퍼셉트론", "라그랑주 승수법", "쌍대 문제", "슬레이터 조건"]
    ids = topic_ids()
    if "kkt" in ids:
        terms.append("상보적 여유성")
    if "backpropagation" in ids:
        terms += ["역전파", "경사하강법"]
    if "activations" in ids:
        terms.append("경사하강법")
    assert [t for t in terms if t not in text] == []


def test_learning_rate_changes_the_backpropagation_document():
    if "backpropagation" not in topic_ids():
        pytest.skip("symopt.Graph is not in this installation yet")
    lecture = tour(["backpropagation"]).sections[0].items
    faster = tour(["backpropagation"], lr="0.3").sections[0].items
    # The lecture's numbers: dC/dw = 2.1 at w0 = 0.8, then w1 = 0.38, w2 = 0.338.
    (w,) = lecture[0].result
    assert lecture[0].value[w] == Rational(21, 10)
    assert [p[0] for p in lecture[1].exact] == [
        Rational(4, 5),
        Rational(19, 50),
        Rational(169, 500),
        Rational(1669, 5000),
    ]
    assert [p[0] for p in faster[1].exact][:2] == [Rational(4, 5), Rational(17, 100)]
    assert tour(["backpropagation"]).render("markdown") != tour(
        ["backpropagation"], lr="0.3"
    ).render("markdown")


def test_every_rule_in_the_tour_has_words_in_both_languages():
    from symopt.render.phrases import phrase_table

    missing = set()
    for section in tour().sections:
        for item in section.items:
            d = getattr(item, "derivation", item)
            keys = {d.topic} | {s.rule for s in d.walk()}
            keys |= {c.topic for s in d.walk() for c in s.sub}
            for lang in ("en", "ko"):
                missing |= {(lang, k) for k in keys if k not in phrase_table(lang)}
        missing |= {
            (lang, "tour_" + section.topic)
            for lang in ("en", "ko")
            if "tour_" + section.topic not in phrase_table(lang)
        }
    assert not missing


def test_whole_tour_as_json_parses_back():
    import json

    import sympy

    data = json.loads(tour().render("json"))
    assert [s["topic"] for s in data["tour"]] == topic_ids()
    xor = next(s for s in data["tour"] if s["topic"] == "xor")
    for key in xor["items"][0]["certificate"]:
        assert sympy.parse_expr(key) is not None
