"""Perceptrons: truth tables, the learning rule, separability proofs."""

from fractions import Fraction
from itertools import product

import pytest
from sympy import Integer, Rational, expand

from symopt import render
from symopt.errors import InputError
from symopt.models.perceptron import (
    GATES,
    conditions,
    gate_perceptron,
    perceptron,
    truth_table,
    weight_symbols,
    xor_network,
)
from symopt.models.perceptron_learning import learn
from symopt.models.separability import eliminate, separate

w0, w1, w2 = weight_symbols(2)


@pytest.mark.parametrize(
    "gate, sums",
    [
        ("AND", [Rational(-3, 2), Rational(-1, 2), Rational(-1, 2), Rational(1, 2)]),
        ("OR", [Rational(-1, 2), Rational(1, 2), Rational(1, 2), Rational(3, 2)]),
        ("NAND", [Rational(3, 2), Rational(1, 2), Rational(1, 2), Rational(-1, 2)]),
    ],
)
def test_lecture_gates_truth_tables_exact(gate, sums):
    table = truth_table(gate_perceptron(gate), gate)
    assert table.ok
    assert [row[2] for row in table.rows] == sums
    expected = [GATES[gate](x) for x in product((0, 1), repeat=2)]
    assert [row[3] for row in table.rows] == expected
    assert table.derivation.verify()


def test_wrong_weights_are_reported():
    table = truth_table(perceptron("-0.5", 1, 1), "AND")
    assert not table.ok
    assert table.derivation.steps[-1].rule == "truth_table_differs"


def test_xor_network_is_and_of_nand_and_or():
    table = truth_table(xor_network(), "XOR")
    assert table.ok
    # (x1, x2, NAND, OR, output, XOR)
    assert [tuple(int(c) for c in row) for row in table.rows] == [
        (0, 0, 1, 0, 0, 0),
        (0, 1, 1, 1, 1, 1),
        (1, 0, 1, 1, 1, 1),
        (1, 1, 0, 1, 0, 0),
    ]


def test_xor_conditions_are_the_lectures():
    nets = [(target, net) for _, target, net in conditions("XOR")]
    assert nets == [(0, w0), (1, w0 + w1), (1, w0 + w2), (0, w0 + w1 + w2)]


def test_xor_has_a_farkas_certificate_that_checks():
    result = separate("XOR")
    assert not result.separable and result.perceptron is None
    y = result.certificate
    assert all(v >= 0 for v in y.values()) and sum(y.values()) > 0
    # Independent check: the weighted conditions cancel every weight, and a
    # strict one carries weight, so the sum reads 0 > 0.
    total = 0
    for relation, multiplier in y.items():
        sign = 1 if relation.rel_op == ">" else -1
        total += multiplier * sign * relation.lhs
    assert expand(total) == 0
    assert any(r.rel_op == ">" for r in y)
    assert result.derivation.verify()
    rules = result.derivation.rules()
    assert rules[-1] == "farkas_contradiction"
    strict_sum = next(s for s in result.derivation if s.rule == "farkas_sum_strict")
    assert strict_sum.chain[-1] == 2 * w0 + w1 + w2


@pytest.mark.parametrize("gate", ["XOR", "XNOR"])
def test_nonseparable_gates(gate):
    assert not separate(gate).separable


@pytest.mark.parametrize("gate", ["AND", "OR", "NAND", "NOR"])
def test_separable_gates_get_working_weights(gate):
    result = separate(gate)
    assert result.separable and result.certificate is None
    for x in product((0, 1), repeat=2):
        assert result.perceptron(*x) == GATES[gate](x)


def test_and_weights_found_by_elimination():
    result = separate("AND")
    p = result.perceptron
    assert (p.bias, *p.weights) == (-1, 1, 1)


def test_three_input_gates():
    assert separate("AND", inputs=3).separable
    assert not separate("XOR", inputs=3).separable


def test_eliminate_against_brute_force():
    # Every sign pattern of 2-input gates: separable exactly when a small
    # integer weight grid finds weights (an independent oracle).
    grid = [Fraction(k, 2) for k in range(-6, 7)]
    for outputs in product((0, 1), repeat=4):
        rows = []
        for x, t in zip(product((0, 1), repeat=2), outputs):
            sign = 1 if t else -1
            rows.append(((sign, sign * x[0], sign * x[1]), bool(t)))
        outcome = eliminate(rows, 3)
        brute = any(
            all(
                (a + b * x[0] + c * x[1] > 0) == bool(t)
                for x, t in zip(product((0, 1), repeat=2), outputs)
            )
            for a in grid
            for b in grid
            for c in grid
        )
        assert (outcome.point is not None) == brute, outputs


def _reference_learning(target, lr, epochs=50):
    w = [Fraction(0)] * 3
    for _ in range(epochs):
        changed = False
        for x in product((0, 1), repeat=2):
            xhat = (1, *x)
            out = 1 if sum(a * b for a, b in zip(w, xhat)) > 0 else 0
            if out != target(x):
                changed = True
                w = [a + lr * (target(x) - out) * b for a, b in zip(w, xhat)]
        if not changed:
            return w
    return None


@pytest.mark.parametrize("lr", ["0.1", "0.25", "1"])
def test_learning_rule_matches_a_reference(lr):
    run = learn("AND", weights=(0, 0, 0), lr=lr)
    expected = _reference_learning(GATES["AND"], Fraction(lr))
    p = run.perceptron
    assert run.converged
    assert [p.bias, *p.weights] == [
        Rational(e.numerator, e.denominator) for e in expected
    ]
    assert truth_table(p, "AND").ok


def test_learning_rule_default_and_numbers():
    run = learn("AND", lr="0.1")
    assert run.converged and run.epochs == 6
    assert (run.perceptron.bias, *run.perceptron.weights) == (
        Rational(-2, 10),
        Rational(2, 10),
        Rational(1, 10),
    )
    first = run.updates[0]
    assert first[1] == (1, 1) and first[5] == (Rational(1, 10),) * 3
    step = next(s for s in run.derivation if s.rule == "perceptron_update")
    assert [row[3] for row in step.table.rows] == [Rational(1, 10)] * 3


def test_learning_never_converges_on_xor():
    run = learn("XOR", lr="0.5", epochs=10)
    assert not run.converged and run.epochs == 10


@pytest.mark.parametrize(
    "call, message",
    [
        (lambda: perceptron(1), "give the bias w0 and at least one weight"),
        (lambda: perceptron(1, "x"), "is not a number"),
        (lambda: truth_table(perceptron(1, 1, 1), "MAYBE"), "unknown gate 'MAYBE'"),
        (lambda: learn("AND", lr="-1"), "learning rate -1 must be a positive"),
        (lambda: learn("AND", weights=(0, 0)), "must be 3 numbers"),
        (lambda: gate_perceptron("XOR"), "XOR needs two layers"),
    ],
)
def test_bad_input_messages(call, message):
    with pytest.raises(InputError, match=message):
        call()


@pytest.mark.parametrize("lang", ["en", "ko"])
def test_every_rule_has_words_in_both_languages(lang):
    from symopt.render.phrases import phrase_table

    table = phrase_table(lang)
    objs = (separate("XOR"), separate("AND"), learn("AND"))
    objs += (truth_table(xor_network(), "XOR"),)
    for obj in objs:
        d = obj.derivation
        keys = set(d.rules()) | {d.topic}
        keys |= {c.topic for step in d.walk() for c in step.sub}
        assert keys <= set(table), keys - set(table)
        for fmt in ("text", "markdown", "latex", "json"):
            assert render(obj, fmt, lang=lang)


def test_json_data_is_exact():
    import json

    data = json.loads(render(separate("AND"), "json"))
    assert data["separable"] is True and data["weights"] == ["-1", "1", "1"]
    data = json.loads(render(separate("XOR"), "json"))
    assert sorted(data["certificate"].values()) == ["1", "1", "1", "1"]
    assert Integer(1) == Integer(int(data["certificate"]["w0 <= 0"]))
