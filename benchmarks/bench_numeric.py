"""symopt's numerics against the code a person would write by hand.

Run: python benchmarks/bench_numeric.py [--samples N] [--repeat R]

1. The gradient of an 8-8-1 sigmoid network's squared loss, summed over N
   samples (default 10^6): hand-written NumPy forward/backward, symopt's
   compiled graph program, sympy.lambdify(cse=True) of the flattened
   gradient, and autograd when installed.
2. 10,000 descent steps on the lecture's C(w) = (1.5w - 0.5)^2: a plain
   Python float loop against symopt's descent loop.
3. A sweep over 10,000 step sizes at once against runs one by one.

Every figure is the median of R runs; ratios are against the first column.
"""

import argparse
import statistics
import sys
import time
from pathlib import Path

import numpy as np
import sympy

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from symopt import parse  # noqa: E402
from symopt.numeric.descent import plain_method  # noqa: E402
from symopt.numeric.engine import run_float  # noqa: E402
from symopt.numeric.program import compile_program  # noqa: E402
from symopt.numeric.sweep import sweep  # noqa: E402
from symopt.parsing import symbols  # noqa: E402

IN, HIDDEN = 8, 8


def median_seconds(fn, repeat):
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def report(title, rows):
    base = rows[0][1]
    print(f"\n{title}")
    width = max(len(name) for name, _ in rows)
    for name, seconds in rows:
        if seconds is None:
            print(f"  {name.ljust(width)}  (not installed)")
            continue
        print(
            f"  {name.ljust(width)}  {seconds * 1e3:10.2f} ms  {seconds / base:6.2f}x"
        )


# 1. The 8-8-1 network.


def graph_program():
    """The network's forward/backward program from symopt's calculus layer:
    ``symopt.models.mlp`` builds the graph node by node, ``Graph.program``
    writes the forward lines and the adjoints."""
    from symopt.models import mlp

    graph = mlp([IN, HIDDEN, 1], activation="sigmoid", loss="squared")
    return graph.program()


def hand_written(X, Y, W1, b1, w2, b2):
    Z1 = X @ W1.T + b1
    A1 = 1.0 / (1.0 + np.exp(-Z1))
    a2 = 1.0 / (1.0 + np.exp(-(A1 @ w2 + b2)))
    d2 = 2.0 * (a2 - Y) * a2 * (1.0 - a2)
    D1 = np.outer(d2, w2) * A1 * (1.0 - A1)
    return D1.T @ X, D1.sum(axis=0), A1.T @ d2, d2.sum()


def bench_network(n, repeat):
    rng = np.random.default_rng(0)
    X = rng.normal(size=(n, IN))
    Y = rng.uniform(size=n)
    W1, b1 = rng.normal(size=(HIDDEN, IN)) / 3, rng.normal(size=HIDDEN) / 3
    w2, b2 = rng.normal(size=HIDDEN) / 3, rng.normal() / 3

    program = graph_program()
    samples = [s for s in program.inputs if s.name[0] in "xy"]
    compiled = compile_program(program, samples=samples)
    table = _values(X, Y, W1, b1, w2, b2)
    values = [table[s.name] for s in program.inputs]
    hand = hand_written(X, Y, W1, b1, w2, b2)
    got = compiled(*values)
    for wrt, want in _hand_gradients(hand).items():
        assert np.isclose(got[_by_name(program, wrt)], want, rtol=1e-9), wrt

    def hand_run():
        return hand_written(X, Y, W1, b1, w2, b2)

    rows = [
        ("hand-written NumPy", median_seconds(hand_run, repeat)),
        ("symopt graph program", median_seconds(lambda: compiled(*values), repeat)),
        (
            "sympy.lambdify(cse=True), flat",
            _flat_lambdify(program, values, max(1, repeat // 2)),
        ),
        ("autograd", _autograd(X, Y, W1, b1, w2, b2, repeat)),
    ]
    report(f"8-8-1 sigmoid network, gradient over {n:,} samples", rows)


def _values(X, Y, W1, b1, w2, b2):
    table = {f"x{k + 1}": X[:, k] for k in range(IN)} | {"y1": Y, "b2_1": b2}
    for j in range(HIDDEN):
        table[f"b1_{j + 1}"] = b1[j]
        table[f"w2_1{j + 1}"] = w2[j]
        for k in range(IN):
            table[f"w1_{j + 1}{k + 1}"] = W1[j, k]
    return table


def _hand_gradients(hand):
    gW1, gb1, gw2, gb2 = hand
    grads = {"b2_1": gb2}
    for j in range(HIDDEN):
        grads[f"b1_{j + 1}"] = gb1[j]
        grads[f"w2_1{j + 1}"] = gw2[j]
        for k in range(IN):
            grads[f"w1_{j + 1}{k + 1}"] = gW1[j, k]
    return grads


def _by_name(program, name):
    return next(s for s in program.inputs if s.name == name)


def _flat_lambdify(program, values, repeat):
    # The loss as one expression of the leaves, differentiated and lambdified.
    forward = program.assignments
    forward = forward[: [t for t, _ in forward].index(program.value) + 1]
    expr = program.value
    for target, rhs in reversed(forward):
        expr = expr.xreplace({target: rhs})
    grad = [sympy.diff(expr, p) for p in program.outputs]
    fn = sympy.lambdify(program.inputs, grad, modules="numpy", cse=True)
    return median_seconds(lambda: [np.sum(g) for g in fn(*values)], repeat)


def _autograd(X, Y, W1, b1, w2, b2, repeat):
    try:
        import autograd
        import autograd.numpy as anp
    except ImportError:
        return None

    def loss(params):
        W1, b1, w2, b2 = params
        A1 = 1.0 / (1.0 + anp.exp(-(anp.dot(X, W1.T) + b1)))
        a2 = 1.0 / (1.0 + anp.exp(-(anp.dot(A1, w2) + b2)))
        return anp.sum((a2 - Y) ** 2)

    grad = autograd.grad(loss)
    return median_seconds(lambda: grad((W1, b1, w2, b2)), repeat)


# 2. Descent steps.


def bench_descent(repeat):
    steps = 10_000
    method = plain_method(parse("(1.5w - 0.5)^2"), symbols("w"))
    _ = method.scalar_loop  # compile once, outside the timing

    def plain():
        w, path = 0.8, [0.8]
        for _ in range(steps):
            w = w - 0.2 * (4.5 * w - 1.5)
            path.append(w)
        return path

    lr = sympy.Rational(1, 5)
    start = (sympy.Rational(4, 5),)
    rows = [
        ("plain Python float loop", median_seconds(plain, 5 * repeat)),
        (
            "symopt descent loop",
            median_seconds(
                lambda: run_float(method, start, lr, steps=steps, tol=None), repeat
            ),
        ),
    ]
    report(f"{steps:,} descent steps on (1.5w - 0.5)^2", rows)


# 3. Sweep.


def bench_sweep(repeat):
    from symopt import descend

    f = parse("(1.5w - 0.5)^2")
    lrs = np.linspace(0.01, 0.5, 10_000)
    method = plain_method(f, symbols("w"))
    _ = method.scalar
    start, tol, steps = {"w": 0.8}, 1e-10, 2000
    together = median_seconds(
        lambda: sweep(f, start, lrs, steps=steps, tol=tol), repeat
    )

    def loops():
        for lr in lrs:
            run_float(method, (sympy.Rational(4, 5),), float(lr), steps=steps, tol=tol)

    # descend() per step size is what a user runs without --sweep (exact
    # optimum, exact iterates, theory each time): timed on every 200th step
    # size and scaled to all of them.
    sample = lrs[::200]

    def runs():
        for lr in sample:
            descend(f, start, lr=format(lr, ".6g"), steps=steps, tol=tol)

    scaled = median_seconds(runs, 1) * len(lrs) / len(sample)
    report(
        f"{len(lrs):,} step sizes from 0.01 to 0.5 (ratio: times the sweep)",
        [
            ("sweep, all at once", together),
            ("one by one: descend() each (scaled from 50)", scaled),
            ("one by one: bare float loop each", median_seconds(loops, 1)),
        ],
    )


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--samples", type=int, default=1_000_000)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    bench_network(args.samples, args.repeat)
    bench_descent(args.repeat)
    bench_sweep(args.repeat)


if __name__ == "__main__":
    main()
