"""The data model: steps hold mathematics, rule ids and params only."""

import pytest
from render_cases import lecture_chain, showcase
from sympy import Rational

from symopt import Derivation, Step, Table, symbols

x, y = symbols("x y")


def test_add_keeps_chain_relations_sub_table_and_params():
    child = Derivation("result")
    table = Table([x, "check"], [[1, True]])
    d = Derivation("result", params={"of": x})
    step = d.add(
        "simplify",
        x + x,
        2 * x,
        relations=(x > 0,),
        sub=[child],
        table=table,
        point={x: 1},
    )
    assert d.steps == [step]
    assert step.rule == "simplify"
    assert step.chain == (x + x, 2 * x)
    assert step.relations == (x > 0,)
    assert step.sub == (child,)
    assert step.table is table and table.rows == ((1, True),)
    assert step.params == {"point": {x: 1}}


def test_steps_hold_no_words():
    for d in (lecture_chain(), showcase()):
        for step in d.walk():
            assert isinstance(step, Step)
            for value in step.params.values():
                assert not (isinstance(value, str) and " " in value)


def test_walk_and_rules_see_nested_steps_in_order():
    d = showcase()
    assert [s.rule for s in d.walk()][:3] == ["check", "substitute", "simplify"]
    assert d.rules() == ["check", "substitute", "simplify", "result"]


def test_steps_are_frozen():
    step = lecture_chain().steps[0]
    with pytest.raises(AttributeError):
        step.rule = "other"


def test_derivations_concatenate_without_changing_either():
    a, b = lecture_chain(), showcase()
    joined = a + b
    assert len(joined) == len(a) + len(b)
    assert joined.steps[len(a) :] == b.steps
    assert joined.verify()
    assert len(a) == 2


def test_repr_is_short():
    assert repr(lecture_chain()) == "<Derivation 'derivative_of': 2 steps>"
    assert repr(lecture_chain().steps[1]) == "Step(rule='substitute', ...)"
    assert lecture_chain().steps[1].chain[-1] == Rational(21, 10)
