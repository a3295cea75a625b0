"""Computation graphs: forward values, reverse-mode gradients, programs, drawing."""

import random

import pytest
import sympy
from sympy import Derivative, Function, Mul, Rational, S

from symopt import Graph, InputError, render, sigmoid, symbols
from symopt.calculus import Program
from symopt.models import mlp

w, a, C, i, y, x = symbols("w a C i y x")
w1, w2, w3, w4, h1, h2, o = symbols("w1 w2 w3 w4 h1 h2 o")


def lecture_graph():
    return Graph.from_text(["a = 1.5*w", "C = (a - 0.5)^2"])


def test_lecture_gradient_value_and_chain():
    r = lecture_graph().gradient(wrt=[w], at={w: 0.8})
    assert r.result == {w: 9 * w / 2 - Rational(3, 2)}
    assert r.value == {w: Rational(21, 10)}
    assert r.forward == {w: Rational(4, 5), a: Rational(6, 5), C: Rational(49, 100)}
    (edge,) = [s for s in r.derivation.steps if s.params.get("node") == w]
    assert edge.rule == "backprop_edge"
    assert edge.chain == (
        Derivative(C, w),
        Mul(Derivative(C, a), Derivative(a, w), evaluate=False),
        Mul(Mul(2, a - S.Half, evaluate=False), Rational(3, 2), evaluate=False),
        Mul(3, a - S.Half, evaluate=False),
        9 * w / 2 - Rational(3, 2),
    )
    assert r.derivation.verify()


def test_lecture_with_symbolic_input_and_target():
    g = Graph()
    g.node("a", i * w)
    g.node("C", (a - y) ** 2)
    r = g.gradient(wrt=[w], at={i: 1.5, y: 0.5, w: 0.8})
    assert r.result[w] == sympy.expand(2 * i * (i * w - y))
    assert r.value[w] == Rational(21, 10)
    assert r.derivation.verify()


def test_a_node_feeding_two_others_sums_its_paths():
    g = Graph.from_text("a = w*x; b = a + w; C = a*b")
    r = g.gradient(wrt=[w, x])
    flat = (w * x) * (w * x + w)
    for v in (w, x):
        assert sympy.expand(r.result[v] - sympy.diff(flat, v)) == 0
    rules = {s.params.get("node"): s.rule for s in r.derivation.steps}
    assert rules[a] == "backprop_paths"
    assert rules[w] == "backprop_paths"
    assert r.derivation.verify()


def two_layer():
    g = Graph(inputs=[x, y], params=[w1, w2, w3, w4])
    g.node("h1", sigmoid(w1 * x))
    g.node("h2", sigmoid(w2 * x))
    g.node("o", sigmoid(w3 * h1 + w4 * h2))
    g.node("C", (o - y) ** 2)
    flat = (sigmoid(w3 * sigmoid(w1 * x) + w4 * sigmoid(w2 * x)) - y) ** 2
    return g, flat


def _close(exact, approx, tol):
    return abs(sympy.N(exact, 30) - approx) < tol


def test_two_layer_sigmoid_network_one_backward_pass():
    g, flat = two_layer()
    back = g.backward()
    # One adjoint per node below the output and per parameter: 3 + 4.
    assert len(back.definitions) == 7
    r = g.gradient()
    point = {x: Rational(1, 2), y: Rational(1, 3), w1: Rational(4, 5), w2: -1,
             w3: Rational(3, 2), w4: Rational(-1, 4)}  # fmt: skip
    r_at = g.gradient(at=point)
    for v in (w1, w2, w3, w4):
        reference = sympy.diff(flat, v)
        # Symbolic oracle: equal at exact random points (sigmoid kept exact).
        rng = random.Random(1)
        for _ in range(3):
            p = {s: Rational(rng.randint(-9, 9), rng.randint(1, 5)) for s in point}
            difference = (r.result[v] - reference).xreplace(p)
            assert abs(sympy.N(difference, 40)) < 1e-30
        # Numeric oracle: central finite differences.
        h = Rational(1, 10**8)
        up = flat.xreplace({**point, v: point[v] + h})
        down = flat.xreplace({**point, v: point[v] - h})
        fd = sympy.N((up - down) / (2 * h), 30)
        assert _close(r_at.value[v], fd, 1e-10)
        assert r_at.value[v] == r.result[v].xreplace(point).doit() or _close(
            r_at.value[v], sympy.N(r.result[v].xreplace(point), 30), 1e-25
        )
    assert r.derivation.verify()


def test_program_contract():
    g, _ = two_layer()
    p = g.program(wrt=[w1, w2, w3, w4])
    assert isinstance(p, Program)
    assert p.inputs == (x, y, w1, w2, w3, w4)
    assert p.value == C
    assert list(p.outputs) == [w1, w2, w3, w4]
    assigned = [s for s, _ in p.assignments]
    assert assigned[:4] == [h1, h2, o, C]
    known = set(p.inputs)
    for sym, expr in p.assignments:
        assert expr.free_symbols <= known
        known.add(sym)
    point = {x: 1, y: 0, w1: 1, w2: 2, w3: 3, w4: 4}
    values = p.evaluate(point)
    gradient = g.gradient(at=point)
    for v in (w1, w2, w3, w4):
        assert sympy.simplify(values[p.outputs[v]] - gradient.value[v]) == 0


def test_lecture_program_is_exact_straight_line():
    p = lecture_graph().program()
    adj_a, adj_w = symbols("adj_a adj_w")
    assert p.assignments == [
        (a, 3 * w / 2),
        (C, (a - S.Half) ** 2),
        (adj_a, 2 * a - 1),
        (adj_w, 3 * adj_a / 2),
    ]
    assert p.outputs == {w: adj_w}
    assert p.evaluate({w: Rational(4, 5)})[adj_w] == Rational(21, 10)


def test_mlp_builder_gradients_match_sympy_diff():
    g = mlp([2, 2, 1])
    names = [str(s) for s in g.params]
    assert names == [
        "w1_11", "w1_12", "b1_1", "w1_21", "w1_22", "b1_2", "w2_11", "w2_12", "b2_1",
    ]  # fmt: skip
    assert str(g.output) == "C"
    full = {}
    for n, e in g.nodes.items():
        full[n] = e.xreplace(full)
    flat = full[g.output]
    rng = random.Random(7)
    point = {s: Rational(rng.randint(-9, 9), rng.randint(1, 4)) for s in g.leaves()}
    r = g.gradient(at=point, expand=False)
    for v in g.params:
        reference = sympy.diff(flat, v).xreplace(point)
        assert abs(sympy.N(r.value[v] - reference, 40)) < 1e-30


def test_mlp_wide_names_and_bad_widths():
    g = mlp([10, 1], activation="relu")
    assert symbols("w1_1_10")[0] in g.params
    with pytest.raises(InputError) as info:
        mlp([3])
    assert str(info.value) == (
        "expected at least two layer widths, each 1 or more, got [3]"
    )
    for widths in ("221", [2.5, 1], [True, 2]):
        with pytest.raises(InputError) as info:
            mlp(widths)
        assert str(info.value) == (
            f"expected layer widths as whole numbers such as [2, 2, 1], got {widths!r}"
        )
    with pytest.raises(InputError) as info:
        mlp([2, 1], activation="swish")
    assert str(info.value).startswith("unknown activation 'swish'; use one of sigmoid")


def test_undefined_functions_chain_rule_on_a_graph():
    f, g_ = Function("f"), Function("g")
    X, Y, Z = symbols("X Y Z")
    graph = Graph()
    graph.node("Y", f(X))
    graph.node("Z", g_(Y))
    r = graph.gradient(wrt=[X])
    assert sympy.simplify(r.result[X] - sympy.diff(g_(f(X)), X)) == 0
    (edge,) = [s for s in r.derivation.steps if s.params.get("node") == X]
    assert edge.chain[1] == Mul(Derivative(Z, Y), Derivative(Y, X), evaluate=False)


def test_undefined_function_of_a_computed_node():
    g_ = Function("g")
    X, Y = symbols("X Y")
    graph = Graph()
    graph.node("Y", sympy.exp(X))
    graph.node("Z", g_(Y))
    r = graph.gradient(wrt=[X])
    assert sympy.simplify(r.result[X] - sympy.diff(g_(sympy.exp(X)), X)) == 0


@pytest.mark.parametrize(
    ("lines", "kwargs", "message"),
    [
        (
            ["a = b + 1", "b = 2*a"],
            {},
            "node a depends on itself through a cycle: a -> b -> a",
        ),
        (["a = a + 1"], {}, "node a refers to itself: a = a + 1"),
        (
            ["a = w*q"],
            {"params": ["w"]},
            "node a uses undefined name(s) q; define them as nodes or declare "
            "them as inputs or params",
        ),
        (
            ["a = w", "a = 2*w"],
            {},
            "node a is defined twice; give the second one another name",
        ),
    ],
)
def test_graph_errors_name_the_node(lines, kwargs, message):
    with pytest.raises(InputError) as info:
        Graph.from_text(lines, **kwargs).gradient()
    assert str(info.value) == message


def test_unknown_wrt_and_of():
    g = lecture_graph()
    with pytest.raises(InputError) as info:
        g.gradient(wrt=["v"])
    assert str(info.value) == (
        "v is not a parameter, input or node of the graph (leaves: w)"
    )
    with pytest.raises(InputError) as info:
        g.gradient(of="D")
    assert str(info.value) == "D is not a node of the graph (nodes: a, C)"
    with pytest.raises(InputError) as info:
        g.gradient(wrt=[])
    assert str(info.value) == (
        "wrt names no variable; give at least one, or leave it out for every leaf"
    )


def test_gradient_with_respect_to_a_node_and_an_unused_leaf():
    g = Graph.from_text("a = 1.5*w; b = 2*v; C = (a - 0.5)^2")
    r = g.gradient(of="C", wrt=["a", "v"])
    (v,) = symbols("v")
    assert r.result == {a: 3 * w - 1, v: 0}
    assert r.in_nodes == {a: Mul(2, a - S.Half, evaluate=False), v: 0}
    assert r.derivation.verify()


def test_to_data_shape():
    data = lecture_graph().gradient(wrt=["w"], at={"w": "0.8"}).to_data()
    assert data["of"] == "C"
    assert data["wrt"] == ["w"]
    assert data["result"] == "9*w/2 - 3/2"
    assert data["value"] == "21/10"
    assert data["nodes"] == {"a": "3*w/2", "C": "(a - 1/2)**2"}
    many = mlp([1, 1]).gradient(at={"x1": 1, "y1": 0, "w1_11": 0, "b1_1": 0})
    assert many.to_data()["value"] == {"w1_11": "1/4", "b1_1": "1/4"}


def test_to_dot_with_values_and_adjoints():
    assert lecture_graph().to_dot(at={"w": 0.8}) == "\n".join(
        [
            "digraph G {",
            "  rankdir=LR;",
            '  "w" [shape=ellipse, label="w\\nvalue 0.8\\ndC/dw = 2.1"];',
            '  "a" [shape=box, label="a = 1.5w\\nvalue 1.2\\ndC/da = 1.4"];',
            '  "C" [shape=box, label="C = (a - 0.5)²\\nvalue 0.49\\ndC/dC = 1"];',
            '  "w" -> "a";',
            '  "a" -> "C";',
            "}",
        ]
    )


def test_draw_png(tmp_path):
    from conftest import require_tool

    require_tool("dot")
    path = tmp_path / "graph.png"
    lecture_graph().draw(path, at={"w": 0.8})
    assert path.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


def test_render_in_both_languages():
    r = lecture_graph().gradient(wrt=["w"], at={"w": 0.8})
    for lang in ("en", "ko"):
        text = render(r, "text", lang=lang)
        assert "= 4.5w - 1.5" in text
        assert "2.1" in text


def test_values_when_steps_keep_quotients(monkeypatch):
    # Deep graphs show dC/dc instead of writing adjoints out; values must not
    # depend on it.
    import symopt.calculus.gradient as gradient_module

    g, _ = two_layer()
    point = {x: 1, y: 0, w1: 1, w2: 2, w3: 3, w4: 4}
    expected = g.gradient(at=point).value
    monkeypatch.setattr(gradient_module, "_INLINE_OPS", 0)
    r = g.gradient(at=point)
    assert any(r.in_nodes[v].has(Derivative) for v in (w1, w2))
    assert r.value == expected
    assert r.derivation.verify()


def test_paths_printout_shows_each_path_and_partials():
    # L depends on w and x: its quotients are partials, in the phrases too.
    g = Graph.from_text("a = w*x; b = a^2; c = sin(a); L = b + c")
    r = g.gradient(wrt=["w"], at={"w": 1, "x": 2})
    assert r.value[w] == 8 + 2 * sympy.cos(2)
    flat = (w * x) ** 2 + sympy.sin(w * x)
    assert sympy.expand(r.result[w] - sympy.diff(flat, w)) == 0
    text = render(r, "text")
    assert text.splitlines()[8:] == [
        "2. Start of the backward pass at the output L",
        "   ∂L/∂L = 1",
        "3. Chain rule along the edge c → L",
        "   ∂L/∂c = 1",
        "4. Chain rule along the edge b → L",
        "   ∂L/∂b = 1",
        "5. a feeds b, c: sum of the chain rule over every path",
        "   ∂L/∂a = ∂L/∂b · ∂b/∂a + ∂L/∂c · ∂c/∂a",
        "         = 1·2a + 1·cos(a)",
        "         = 2a + cos(a)",
        "6. Chain rule along the edge w → a",
        "   ∂L/∂w = ∂L/∂a · ∂a/∂w",
        "         = (2a + cos(a))·x",
        "         = x·(2w·x + cos(w·x))",
        "7. Value of ∂L/∂w at w = 1, x = 2",
        "   2(2·2 + cos(2)) = 2·cos(2) + 8",
    ]
    assert r.derivation.verify()


@pytest.mark.parametrize(
    ("at", "message"),
    [
        (
            {"w": 0},
            "dC/dw has no finite value at w = 0 (a division by zero or a "
            "function outside its domain); evaluate at another point",
        ),
        (
            {"W": 1},
            "the point gives W, which the graph does not use (its variables: w); "
            "check the spelling",
        ),
    ],
)
def test_bad_points(at, message):
    g = Graph.from_text("a = log(w); C = a^2")
    with pytest.raises(InputError) as info:
        g.gradient(at=at)
    assert str(info.value) == message


def test_draw_png_without_graphviz(tmp_path, monkeypatch):
    # matplotlib draws when the dot program is missing.
    import shutil

    pytest.importorskip("matplotlib")
    monkeypatch.setattr(shutil, "which", lambda name: None)
    path = tmp_path / "graph.png"
    g = Graph.from_text("a = w*x; b = a^2; c = sin(a); L = b + c")
    g.draw(path, at={"w": 1, "x": 2})
    assert path.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
