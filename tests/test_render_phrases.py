"""Explanations: both languages know the same keys and placeholders, params
are filled per format, and an unknown key shows as itself."""

import re
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


def rules(table):
    # Count variants (key[m=1]) are per language: Korean has no plurals.
    return {key for key in table if "[" not in key}


def test_both_languages_have_the_same_keys():
    assert rules(LANGUAGES["en"]) == rules(LANGUAGES["ko"])


@pytest.mark.parametrize("key", sorted(rules(LANGUAGES["en"])))
def test_both_languages_use_the_same_placeholders(key):
    assert fields(LANGUAGES["en"][key]) == fields(LANGUAGES["ko"][key])


VARIANTS = [
    (lang, key) for lang, table in LANGUAGES.items() for key in table if "[" in key
]


@pytest.mark.parametrize(("lang", "key"), VARIANTS)
def test_a_count_variant_belongs_to_a_rule(lang, key):
    base, *counts = key.replace("]", "").split("[")
    table = LANGUAGES[lang]
    assert base in table
    for count in counts:
        assert count.endswith("=1")
    assert fields(table[key]) <= fields(table[base])


@pytest.mark.parametrize(
    ("key", "params", "lang", "expected"),
    [
        (
            "opt_enumerate",
            {"m": 1, "cases": 2},
            "en",
            "Complementary slackness splits into cases: the one inequality is active"
            " (gᵢ = 0) or has μᵢ = 0; 2 cases at most",
        ),
        (
            "opt_enumerate",
            {"m": 2, "cases": 4},
            "en",
            "Complementary slackness splits into cases: each of the 2 inequalities"
            " is active (gᵢ = 0) or has μᵢ = 0; 4 cases at most",
        ),
        (
            "opt_enumerate",
            {"m": 1, "cases": 2},
            "ko",
            "상보적 여유성에 따라 경우를 나눈다: 1개의 부등식 각각이 활성(gᵢ = 0)이거나"
            " μᵢ = 0; 최대 2가지",
        ),
        (
            "opt_stop_unique",
            {"remaining": 1},
            "en",
            "The problem is strictly convex, so its minimizer is unique: the one"
            " remaining case cannot give another KKT point and is skipped",
        ),
        (
            "opt_irregular_summary",
            {"count": 1},
            "en",
            "Irregular points (active gradients dependent, Fritz John with zero"
            " objective multiplier): one found",
        ),
        (
            "opt_irregular_summary",
            {"count": 0},
            "en",
            "Irregular points (active gradients dependent, Fritz John with zero"
            " objective multiplier): 0 found",
        ),
        (
            "opt_pruned_count",
            {"count": 1, "size": 3, "limit": 2},
            "en",
            "Pruned without solving: the case with all 3 inequalities active"
            " (at most 2 active constraint gradients can be independent)",
        ),
        (
            "opt_pruned_count",
            {"count": 4, "size": 2, "limit": 1},
            "en",
            "Pruned without solving: the 4 cases with 2 or more active inequalities"
            " (at most one active constraint gradient can be independent)",
        ),
        (
            "opt_pruned_count",
            {"count": 1, "size": 2, "limit": 1},
            "en",
            "Pruned without solving: the case with both inequalities active"
            " (at most one active constraint gradient can be independent)",
        ),
        (
            "ridge",
            {"n": 3, "k": 1},
            "en",
            "Ridge regression on 3 observations with 1 coefficient",
        ),
        (
            "ridge",
            {"n": 1, "k": 2},
            "en",
            "Ridge regression on 1 observation with 2 coefficients",
        ),
        (
            "ridge",
            {"n": 1, "k": 1},
            "en",
            "Ridge regression on 1 observation with 1 coefficient",
        ),
        (
            "learning_converged",
            {"epochs": 1},
            "en",
            "No update in a whole epoch: converged (1 epoch)",
        ),
        (
            "learning_stopped",
            {"epochs": 1},
            "en",
            "Still updating after 1 epoch: stopped",
        ),
        ("compose_layers", {"depth": 1}, "en", "One layer, multiplied out"),
        (
            "linear_collapse",
            {"depth": 1},
            "en",
            "One linear layer is already one layer",
        ),
        # True is no count, and neither is SymPy's 1: only a plain int agrees.
        (
            "ridge",
            {"n": True, "k": 2},
            "en",
            "Ridge regression on true observations with 2 coefficients",
        ),
    ],
)
def test_words_agree_with_a_count_of_one(key, params, lang, expected):
    assert phrase(key, params, lang, to_text) == expected


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


@pytest.mark.parametrize(
    ("key", "params", "lang", "expected"),
    [
        (
            "diff_relu",
            {"var": x, "kink": 0, "used": 0},
            "en",
            "ReLU rule: slope 1 for $x > 0$ and 0 for $x < 0$; not differentiable "
            "at $x = 0$, where the subgradient $0$ is used",
        ),
        (
            "diff_relu",
            {"var": x, "kink": 0, "used": 0},
            "ko",
            "ReLU 미분: $x > 0$이면 기울기 1, $x < 0$이면 0; $x = 0$에서는 미분 "
            "불가능하여 서브그래디언트 $0$를 쓴다",
        ),
        (
            "diff_chain",
            {"inner": symbols("u")[0], "definition": 2 * x},
            "en",
            "Chain rule with the inner function $u = 2 x$",
        ),
        (
            "descent_diverged",
            {"k": 3, "lr": Rational(1, 2), "bound": Rational(1, 4)},
            "en",
            "Diverged by step 3: the step size $0.5$ is not below $2/L = 0.25$",
        ),
        (
            "dual_gap",
            {
                "p_star": Rational(1, 2),
                "d_star": Rational(1, 2),
                "verdict": "dual_no_gap",
            },
            "ko",
            "쌍대 간극 $p^* - d^*$, $p^* = 0.5$, $d^* = 0.5$: 간극 없음 (강쌍대성)",
        ),
    ],
)
def test_a_letter_bound_to_a_value_is_one_piece_of_math(key, params, lang, expected):
    # "at $x$ = $0$" reads badly in a document: the binding is one formula.
    params = {
        k: Rational(v) if isinstance(v, int) and k != "k" else v
        for k, v in params.items()
    }
    assert phrase(key, params, lang, inline, escape) == expected


@pytest.mark.parametrize("lang", sorted(LANGUAGES))
def test_no_phrase_writes_a_letter_in_words_before_a_bound_value(lang):
    # "L = {L}" would print L as a word and the value as math.
    for key, template in LANGUAGES[lang].items():
        for before in re.findall(r"(\S+) [=<>] \{", template):
            assert before.endswith("}"), (key, before)


@pytest.mark.parametrize(
    ("expr", "expected"),
    [
        ("exp(x)", "Exponential rule: $\\exp' = \\exp$"),
        ("log(x)", "Logarithm rule: $(\\log x)' = \\frac{1}{x}$"),
        ("sqrt(x)", "Square root rule: $(\\sqrt{x})' = \\frac{1}{2 \\sqrt{x}}$"),
    ],
)
def test_derivative_rules_quote_their_formula(expr, expected):
    from symopt import diff_steps

    (step,) = diff_steps(expr, "x").derivation.steps[:1]
    assert phrase(step.rule, step.params, "en", inline, escape) == expected


def test_a_phrase_inside_a_phrase_quotes_its_formulas():
    params = {"relation": "opt_same_sign"}
    assert phrase("opt_tangency", params, "en", inline, escape).endswith(
        r"; for a maximum (solved as $\min\,(-f)$) this $\lambda$ equals the "
        r"Lagrangian's $\lambda$"
    )
