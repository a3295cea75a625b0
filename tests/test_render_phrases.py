"""Explanations: both languages know the same keys and placeholders, params
are filled per format, and an unknown key shows as itself."""

import string

import pytest
from render_cases import lecture_chain, showcase
from sympy import Rational

from symopt import Derivation, InputError, render, symbols
from symopt.render import capture
from symopt.render.base import phrase
from symopt.render.latex import escape
from symopt.render.numbers import to_latex, to_text
from symopt.render.phrases import LANGUAGES

x, y, w = symbols("x y w")


def fields(template):
    return {name for _, name, _, _ in string.Formatter().parse(template) if name}


def test_both_languages_have_the_same_keys():
    assert set(LANGUAGES["en"]) == set(LANGUAGES["ko"])


@pytest.mark.parametrize("key", sorted(LANGUAGES["en"]))
def test_both_languages_use_the_same_placeholders(key):
    assert fields(LANGUAGES["en"][key]) == fields(LANGUAGES["ko"][key])


@pytest.mark.parametrize("build", [lecture_chain, showcase])
def test_fixture_rules_have_phrases_in_both_languages(build):
    used = build().rules() + [build().topic]
    for lang, table in LANGUAGES.items():
        assert [key for key in used if key not in table] == [], lang


def inline(expr):
    return "$" + to_latex(expr) + "$"


@pytest.mark.parametrize(
    ("params", "lang", "math", "expected"),
    [
        ({"point": {w: Rational(4, 5)}}, "en", to_text, "Substitute w = 0.8"),
        ({"point": {x: 1, y: 2}}, "en", to_text, "Substitute x = 1, y = 2"),
        ({"point": {w: Rational(4, 5)}}, "en", inline, "Substitute $w = 0.8$"),
        ({"point": {x: 1, y: 2}}, "ko", inline, "$x = 1$, $y = 2$ 대입"),
        ({"point": [x, y]}, "en", to_text, "Substitute x, y"),
        ({"point": "result"}, "ko", to_text, "결과 대입"),
        ({"point": 2}, "en", inline, "Substitute 2"),
        ({"point": True}, "ko", inline, "참 대입"),
    ],
)
def test_placeholders_are_filled(params, lang, math, expected):
    assert phrase("substitute", params, lang, math) == expected


def test_an_unfilled_placeholder_shows_its_name_and_is_recorded():
    from symopt.render import capture

    capture.start()
    try:
        assert phrase("substitute", {}, "en", to_text) == "Substitute point"
        assert ("point", "Substitute {point}") in capture.unfilled()
    finally:
        capture.stop()
        capture._unfilled.pop(("point", "Substitute {point}"), None)


def test_latex_escapes_words_but_not_math():
    text = phrase("input", {"text": "50% & x_1"}, "en", inline, escape)
    assert text == r"Input: 50\% \& x\_1"


def test_an_unknown_rule_shows_its_key_and_never_crashes():
    with capture.paused():  # a bad rule on purpose: keep it out of the check
        d = Derivation("no_such_topic")
        d.add("no_such_rule", x, x, because=x)
    for fmt in ("text", "latex", "markdown", "json"):
        for lang in ("en", "ko"):
            out = render(d, fmt, lang=lang)
            shown = escape if fmt == "latex" else str
            assert shown("no_such_rule") in out and shown("no_such_topic") in out


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"lang": "fr"}, "unknown language 'fr'; use one of: en, ko"),
        (
            {"numbers": "sci"},
            "unknown number style 'sci'; use one of auto, decimal, fraction",
        ),
    ],
)
def test_bad_options_name_the_way_out(kwargs, message):
    with pytest.raises(InputError) as err:
        render(lecture_chain(), "text", **kwargs)
    assert str(err.value) == message


def test_unknown_format_names_the_way_out():
    with pytest.raises(InputError) as err:
        render(lecture_chain(), "html")
    assert (
        str(err.value)
        == "unknown format 'html'; use one of text, latex, markdown, json"
    )
