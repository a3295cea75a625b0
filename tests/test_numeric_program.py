"""A straight-line forward/backward program compiled to NumPy agrees with
the compiled flat gradient, with the exact gradient and across samples."""

from types import SimpleNamespace

import numpy as np
import pytest
import sympy

from symopt import symbols
from symopt.errors import InputError
from symopt.functions import sigmoid
from symopt.numeric import compile_gradient
from symopt.numeric.program import compile_program


def adjoint_program(inputs, forward, of, wrt):
    """Reverse-mode program built here, independently of symopt.calculus:
    forward lines, then one adjoint line per node in reverse order."""
    adj = {of: sympy.Integer(1)}
    lines = list(forward)
    grads = {}
    for target, expr in reversed(forward):
        bar = sympy.Symbol(f"bar_{target.name}", real=True)
        lines.append((bar, adj.get(target, sympy.Integer(0))))
        for arg in expr.free_symbols:
            term = bar * sympy.diff(expr, arg)
            adj[arg] = adj.get(arg, sympy.Integer(0)) + term
    for w in wrt:
        g = sympy.Symbol(f"grad_{w.name}", real=True)
        lines.append((g, adj.get(w, sympy.Integer(0))))
        grads[w] = g
    return SimpleNamespace(inputs=tuple(inputs), assignments=lines, outputs=grads)


def network(n_in=2, n_hidden=2):
    xs = symbols(" ".join(f"x_{i}" for i in range(1, n_in + 1)))
    ws = [
        symbols(" ".join(f"w_{j}{i}" for i in range(1, n_in + 1)))
        for j in range(1, n_hidden + 1)
    ]
    bs = symbols(" ".join(f"b_{j}" for j in range(1, n_hidden + 1)))
    vs = symbols(" ".join(f"v_{j}" for j in range(1, n_hidden + 1)))
    (c, y, out, C) = symbols("c y o C")
    forward, hidden = [], []
    for j in range(n_hidden):
        z, a = symbols(f"z_{j + 1} a_{j + 1}")
        forward.append((z, sum(w * x for w, x in zip(ws[j], xs)) + bs[j]))
        forward.append((a, sigmoid(z)))
        hidden.append(a)
    forward.append((out, sigmoid(sum(v * a for v, a in zip(vs, hidden)) + c)))
    forward.append((C, (out - y) ** 2))
    params = [w for row in ws for w in row] + list(bs) + list(vs) + [c]
    return xs, y, params, forward, C


def flatten(forward, C):
    expr = C
    for target, rhs in reversed(forward):
        expr = expr.xreplace({target: rhs})
    return expr


def test_program_matches_flat_gradient_summed_over_samples():
    xs, y, params, forward, C = network()
    prog = adjoint_program(list(xs) + [y] + params, forward, C, params)
    f = compile_program(prog, samples=list(xs) + [y])
    rng = np.random.default_rng(0)
    n = 50
    data = {x.name: rng.normal(size=n) for x in xs}
    data["y"] = rng.uniform(size=n)
    theta = {p.name: rng.normal() for p in params}
    got = f(**data, **theta)

    loss = flatten(forward, C)
    variables = list(xs) + [y] + params
    grad = compile_gradient(loss, variables)
    points = np.column_stack(
        [data[x.name] for x in xs]
        + [data["y"]]
        + [np.full(n, theta[p.name]) for p in params]
    )
    per_sample = grad(points)
    for i, p in enumerate(params):
        want = per_sample[:, len(xs) + 1 + i].sum()
        assert got[p] == pytest.approx(want, rel=1e-12)


def test_program_matches_exact_gradient_at_a_rational_point():
    xs, y, params, forward, C = network(1, 1)
    prog = adjoint_program(list(xs) + [y] + params, forward, C, params)
    f = compile_program(prog, samples=list(xs) + [y])
    point = {xs[0]: sympy.Rational(3, 2), y: sympy.Rational(1, 2)}
    point.update({p: sympy.Rational(k + 1, 5) for k, p in enumerate(params)})
    got = f(*[float(point[s]) for s in prog.inputs])
    loss = flatten(forward, C)
    for p in params:
        exact = sympy.diff(loss, p).xreplace(point).evalf(30)
        assert got[p] == pytest.approx(float(exact), rel=1e-13)


def test_product_gradients_are_reduced_by_dot_without_the_product_line():
    xs, y, params, forward, C = network(2, 1)
    prog = adjoint_program(list(xs) + [y] + params, forward, C, params)
    source = compile_program(prog, samples=list(xs) + [y]).source
    assert "numpy.dot(" in source  # the output weight: a single product


def test_affine_layers_become_matrix_products():
    xs, y, params, forward, C = network(3, 4)
    prog = adjoint_program(list(xs) + [y] + params, forward, C, params)
    source = compile_program(prog, samples=list(xs) + [y]).source
    assert source.count("]) @ layer0_in\n") == 1  # z_1..z_4 in one product
    assert "layer0_grad = numpy.stack(" in source  # the 12 weight gradients
    assert "exec" not in source and "eval" not in source


def test_inputs_by_name_are_checked():
    xs, y, params, forward, C = network(1, 1)
    prog = adjoint_program(list(xs) + [y] + params, forward, C, params)
    f = compile_program(prog, samples=["x_1", "y"])
    with pytest.raises(InputError, match="missing"):
        f(x_1=[1.0])
    with pytest.raises(InputError, match="is not an input"):
        compile_program(prog, samples=["q"])


def test_calculus_graph_program_matches_its_exact_gradient():
    from symopt.models import mlp

    graph = mlp([2, 2, 1], activation="sigmoid", loss="squared")
    program = graph.program()
    samples = [s for s in program.inputs if s.name[0] in "xy"]
    f = compile_program(program, samples=samples)
    point = {
        s: sympy.Rational(k + 1, 7) * (-1) ** k for k, s in enumerate(program.inputs)
    }
    exact = graph.gradient(wrt=list(program.outputs)).result
    got = f(*[[float(point[s])] for s in program.inputs])
    for wrt, expr in exact.items():
        want = float(expr.xreplace(point).evalf(30))
        assert got[wrt] == pytest.approx(want, rel=1e-12, abs=1e-15)
    loss = float(graph.nodes[program.value].xreplace(program.evaluate(point)))
    assert got[program.value] == pytest.approx(loss, rel=1e-12)


def test_graph_program_sums_over_samples_and_reuses_forward_values():
    from symopt.models import mlp

    program = mlp([3, 2, 1]).program()
    samples = [s for s in program.inputs if s.name[0] in "xy"]
    f = compile_program(program, samples=samples)
    # the backward pass reads a1_j; no sigmoid is computed twice
    assert f.source.count("numpy.exp(") == 3
    rng = np.random.default_rng(3)
    cols = {
        s: rng.normal(size=40) if s in samples else rng.normal() for s in program.inputs
    }
    total = f(*cols.values())
    singles = [
        f(*[[v[i]] if s in samples else v for s, v in cols.items()]) for i in range(40)
    ]
    for wrt in program.outputs:
        assert total[wrt] == pytest.approx(
            sum(float(r[wrt]) for r in singles), rel=1e-10
        )
