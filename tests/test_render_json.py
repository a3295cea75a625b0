"""JSON: every exact string parses back (with the symbols' real assumptions)
to the value it came from."""

import json
import keyword

import pytest
import sympy
from render_cases import lecture_chain, showcase
from sympy.parsing.sympy_parser import parse_expr

from symopt import relu, render, sigmoid, softplus, step
from symopt.render.json import derivation_data, exact_str

DERIVATIONS = {"lecture_chain": lecture_chain, "showcase": showcase}


def evaluated(expr):
    """``expr`` rebuilt with evaluation: what a parser gives back."""
    if isinstance(expr, sympy.MatrixBase):
        return sympy.ImmutableMatrix(expr)
    if not isinstance(expr, sympy.Basic) or not expr.args:
        return expr
    if isinstance(expr, (sympy.Derivative, sympy.Piecewise)):
        return expr
    return expr.func(*[evaluated(a) for a in expr.args])


def parse_back(text, originals):
    names = {}
    for original in originals:
        for s in original.atoms(sympy.Symbol):
            names[s.name + ("_" if keyword.iskeyword(s.name) else "")] = s
    names.update(
        sigmoid=sigmoid,
        relu=relu,
        step=step,
        softplus=softplus,
        Derivative=sympy.Derivative,
        Matrix=sympy.ImmutableMatrix,
    )
    return parse_expr(text, local_dict=names)


def pairs(derivation, data):
    """(exact string, original) for every value of every step, sub included."""
    for one, shown in zip(derivation.steps, data["steps"], strict=True):
        yield from zip(shown["chain"], one.chain, strict=True)
        yield from zip(shown["relations"], one.relations, strict=True)
        for name, value in one.params.items():
            if isinstance(value, dict):
                for k, v in value.items():
                    yield shown["params"][name][exact_str(k)], v
            elif isinstance(value, sympy.Basic):
                yield shown["params"][name], value
        if one.table is not None:
            rows = (one.table.columns, *one.table.rows)
            shown_rows = (shown["table"]["columns"], *shown["table"]["rows"])
            for row, shown_row in zip(rows, shown_rows, strict=True):
                for cell, text in zip(row, shown_row, strict=True):
                    if isinstance(cell, sympy.Basic):
                        yield text, cell
        for child, child_data in zip(one.sub, shown.get("sub", ()), strict=True):
            yield from pairs(child, child_data)


@pytest.mark.parametrize("name", sorted(DERIVATIONS))
def test_every_exact_string_parses_back(name):
    d = DERIVATIONS[name]()
    assert d.verify()
    data = json.loads(render(d, "json"))
    assert data == derivation_data(d)
    checked = 0
    for text, original in pairs(d, data):
        parsed = parse_back(text, [original])
        assert parsed == evaluated(original), text
        checked += 1
    assert checked >= 8


def test_lecture_step_data():
    data = derivation_data(lecture_chain(), numbers="fraction")
    first, second = data["steps"]
    assert data["topic"] == "derivative_of"
    assert data["title"] == "The derivative of C with respect to w"
    assert first["chain"] == [
        "Derivative(C, w)",
        "Derivative(C, a)*Derivative(a, w)",
        "(2*(a - 1/2))*(3/2)",
        "3*(a - 1/2)",
        "9*w/2 - 3/2",
    ]
    assert first["latex"][-1] == r"\frac{9 w}{2} - \frac{3}{2}"
    assert first["params"] == {"of": "C", "wrt": "w", "via": "a"}
    assert second["chain"] == ["(9/2)*(4/5) - 3/2", "21/10"]
    assert second["text"] == "Substitute w = 4/5"
    assert second["params"] == {"point": {"w": "4/5"}}


def test_table_and_sub_derivations_are_data():
    data = derivation_data(showcase(), lang="ko")
    table = data["steps"][-1]["table"]
    assert table["columns"] == ["x", "y", "check"]
    assert table["rows"] == [["4/5", "1/3", True], ["-1/2", 2, False]]
    assert table["shown"][0] == ["x", "y", "검산"]
    assert table["shown"][1] == ["0.8", "1/3", "참"]
    titles = [sub["title"] for sub in data["steps"][0]["sub"]]
    assert titles == ["결과", "w₁에 대한 s의 도함수"]


def test_result_objects_render_their_own_data():
    class Result:
        derivation = lecture_chain()

        def to_data(self, *, lang="en", numbers="auto"):
            return {"answer": exact_str(sympy.Rational(21, 10)), "lang": lang}

    assert json.loads(render(Result(), "json", lang="ko")) == {
        "answer": "21/10",
        "lang": "ko",
    }
    assert render(Result(), "text").startswith("The derivative of C")
