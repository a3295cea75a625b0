"""Backpropagation on sigmoid networks: symopt's graph gradient against
``sympy.diff`` and ``symengine.diff`` of the flattened loss.

For each network (fully connected, sigmoid units, squared loss) the three
sides compute the gradient with respect to every parameter:

- symopt: ``Graph.program()``, one reverse-mode pass over node symbols (the
  forward nodes plus the adjoints, a straight-line program);
- sympy: ``sympy.diff`` of the loss with every node substituted in, once per
  parameter;
- symengine: ``symengine.diff`` of the same flattened loss (sigmoid written
  as ``1/(1 + exp(-z))``, symengine's only way to say it), once per parameter.

Each side runs in its own process with a time cap; a side past the cap is
reported as "> cap". Times are medians over the repeats, operation counts are
``count_ops`` of the whole result (summed over parameters). Building the
network and flattening the loss are not timed.

Run: ``python benchmarks/bench_backprop.py`` (``--help`` for options).
"""

import argparse
import multiprocessing
import statistics
import sys
import time

CASES = {
    "2-2-1": [2, 2, 1],
    "4-4-1": [4, 4, 1],
    "8-8-1": [8, 8, 1],
    "16-16-1": [16, 16, 1],
    "32-32-1": [32, 32, 1],
    "64-64-1": [64, 64, 1],
    "4-4-4-4-4-1": [4, 4, 4, 4, 4, 1],
}


def network(widths):
    from symopt.models import mlp

    return mlp(widths, activation="sigmoid", loss="squared")


def edges(graph):
    return sum(len(expr.free_symbols) for expr in graph.nodes.values())


def flattened(graph):
    full = {}
    for n, expr in graph.nodes.items():
        full[n] = expr.xreplace(full)
    return full[graph.output]


# Each side: setup (untimed) -> run (timed, repeated) -> count operations.


def side_symopt(widths):
    import sympy

    graph = network(widths)

    def run():
        return graph.program()

    def count(program):
        return sum(sympy.count_ops(e) for _, e in program.assignments)

    return run, count


def side_sympy(widths):
    import sympy

    graph = network(widths)
    loss = flattened(graph)
    params = graph.params

    def run():
        return [sympy.diff(loss, p) for p in params]

    def count(results):
        return sum(sympy.count_ops(r) for r in results)

    return run, count


def side_symengine(widths):
    import symengine
    import sympy

    from symopt import sigmoid

    graph = network(widths)
    full = {}
    for n, expr in graph.nodes.items():
        plain = expr.replace(sigmoid, lambda z: 1 / (1 + sympy.exp(-z)))
        full[symengine.Symbol(n.name)] = symengine.sympify(plain).subs(full)
    loss = full[symengine.Symbol(graph.output.name)]
    params = [symengine.Symbol(p.name) for p in graph.params]

    def run():
        return [loss.diff(p) for p in params]

    def count(results):
        return sum(symengine.count_ops(r) for r in results)

    return run, count


SIDES = {"symopt": side_symopt, "sympy": side_sympy, "symengine": side_symengine}


def worker(side, widths, repeat, slow, pipe):
    from sympy.core.cache import clear_cache

    run, count = SIDES[side](widths)
    pipe.send(("ready", None))
    result = None
    for _ in range(repeat):
        # SymPy caches derivatives: every run starts cold, as a user's would.
        clear_cache()
        start = time.perf_counter()
        result = run()
        seconds = time.perf_counter() - start
        pipe.send(("run", seconds))
        if seconds > slow:
            break  # one slow run is enough to compare
    pipe.send(("done", None))
    pipe.send(("ops", count(result)))


def measure(side, widths, *, repeat, cap, slow):
    """(median seconds, or None when a run passes the cap; ops or None)."""
    context = multiprocessing.get_context("spawn")
    parent, child = context.Pipe()
    process = context.Process(target=worker, args=(side, widths, repeat, slow, child))
    process.start()
    try:
        if not parent.poll(10 * cap):
            return None, None
        parent.recv()
        times = []
        while True:
            if not parent.poll(cap):
                return None, None
            kind, seconds = parent.recv()
            if kind == "done":
                break
            times.append(seconds)
        median = statistics.median(times)
        if not parent.poll(cap):
            return median, None
        _, ops = parent.recv()
        return median, ops
    finally:
        process.kill()
        process.join()


def show_time(t, cap):
    return f"> {cap:g} s" if t is None else f"{t:.3g} s"


def show_ops(n):
    return "?" if n is None else f"{n:,}"


def ratio(other, mine, cap=None):
    if mine is None or mine == 0:
        return "-"
    if other is None:
        return f"> {cap / mine:.0f}x" if cap else "?"
    return f"{other / mine:.0f}x" if other / mine >= 10 else f"{other / mine:.1f}x"


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--cases", default=",".join(CASES), help="comma-separated cases (default: all)"
    )
    parser.add_argument("--repeat", type=int, default=3, help="runs per side (median)")
    parser.add_argument(
        "--cap", type=float, default=60, help="seconds allowed per side and case"
    )
    parser.add_argument(
        "--sides", default="symopt,sympy,symengine", help="comma-separated sides"
    )
    args = parser.parse_args(argv)
    sides = args.sides.split(",")
    slow = min(5.0, args.cap / 4)

    header = (
        f"{'network':<12} {'edges':>6} {'params':>6} | "
        f"{'symopt':>9} {'ops':>8} {'us/edge':>8} {'ops/edge':>8} | "
        f"{'sympy':>9} {'ops':>11} {'time x':>7} {'ops x':>6} | "
        f"{'symengine':>9} {'ops':>13} {'time x':>7} {'ops x':>6}"
    )
    print(header)
    print("-" * len(header))
    for name in args.cases.split(","):
        widths = CASES[name]
        graph = network(widths)
        n_edges, n_params = edges(graph), len(graph.params)
        found = {}
        for side in SIDES:
            if side in sides:
                found[side] = measure(
                    side, widths, repeat=args.repeat, cap=args.cap, slow=slow
                )
            else:
                found[side] = (None, None)
        (t0, o0), (t1, o1), (t2, o2) = (found[s] for s in SIDES)
        per_edge = "-" if t0 is None else f"{1e6 * t0 / n_edges:.0f}"
        ops_edge = "-" if o0 is None else f"{o0 / n_edges:.1f}"
        print(
            f"{name:<12} {n_edges:>6} {n_params:>6} | "
            f"{show_time(t0, args.cap):>9} {show_ops(o0):>8} {per_edge:>8} "
            f"{ops_edge:>8} | "
            f"{show_time(t1, args.cap):>9} {show_ops(o1):>11} "
            f"{ratio(t1, t0, args.cap):>7} {ratio(o1, o0):>6} | "
            f"{show_time(t2, args.cap):>9} {show_ops(o2):>13} "
            f"{ratio(t2, t0, args.cap):>7} {ratio(o2, o0):>6}",
            flush=True,
        )
    print(
        "\ntime x / ops x: how many times slower / larger than symopt "
        "(> means the side hit the cap)."
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
