"""KKT by pruned case enumeration against sympy.solve of the full KKT system.

Run: python benchmarks/bench_kkt.py [--repeat N] [--cap SECONDS] [--max-m M]

Two families, m = number of inequality constraints:
  qp     min (x-3)^2 + (y-2)^2 + (z-4)^2 over m half-spaces a.x <= b in R^3
  disks  min (x-2)^2 + y^2 over the intersection of m disks in R^2
symopt solves each problem with Problem.solve (exact enumeration of active
sets); the baseline hands stationarity plus every product mu_i g_i = 0 to
sympy.solve and filters signs afterwards. Each side runs in a worker with a
per-run cap; a capped run prints as "> cap". Medians of --repeat runs.
"""

import argparse
import random
import statistics
import sys
import time

import sympy

from symopt import Problem
from symopt.budget import within
from symopt.errors import TimeoutError
from symopt.optimize.kkt import solve_exact
from symopt.parsing import symbols

x, y, z = symbols("x y z")


def qp(m, seed=1):
    rng = random.Random(seed)
    constraints = []
    while len(constraints) < m:
        a = [rng.randint(-3, 3) for _ in range(3)]
        if not any(a):
            continue
        b = rng.randint(1, 6)  # the origin is always feasible
        constraints.append(sympy.Le(a[0] * x + a[1] * y + a[2] * z, b))
    f = (x - 3) ** 2 + (y - 2) ** 2 + (z - 4) ** 2
    return Problem.minimize(f, variables=(x, y, z)).subject_to(*constraints)


def disks(m, seed=2):
    rng = random.Random(seed)
    constraints = []
    for _ in range(m):
        cx, cy = rng.randint(-1, 1), rng.randint(-1, 1)
        r2 = rng.randint(3, 6)  # every disk contains the origin
        constraints.append(sympy.Le((x - cx) ** 2 + (y - cy) ** 2, r2))
    f = (x - 2) ** 2 + y**2
    return Problem.minimize(f, variables=(x, y)).subject_to(*constraints)


def symopt_side(problem):
    start = time.perf_counter()
    solution = solve_exact(problem)  # already in a worker: no second one
    return time.perf_counter() - start, solution.optimum.value


def sympy_side(problem):
    """Plain approach: solve stationarity and mu_i g_i = 0 together."""
    start = time.perf_counter()
    L, lams, mus = problem.lagrangian()
    x_ = problem.variables
    equations = [sympy.diff(L, v) for v in x_]
    equations += [mu * g for mu, g in zip(mus, problem.inequalities)]
    equations += list(problem.equalities)
    found = sympy.solve(equations, list(x_) + list(lams) + list(mus), dict=True)
    best = None
    for sol in found:
        values = [sol.get(s, s) for s in list(x_) + list(mus)]
        if any(v.free_symbols or not v.is_real for v in values):
            continue
        if any(sol.get(mu, 0) < 0 for mu in mus):
            continue
        if any(g.subs(sol) > 0 for g in problem.inequalities):
            continue
        value = problem.objective.subs(sol)
        best = value if best is None or value < best else best
    return time.perf_counter() - start, best


def timed(fn, problem, cap):
    """Run in a worker with a cap; the time is measured inside the worker."""
    try:
        return within(fn, problem, timeout=cap, what="the benchmark run")
    except TimeoutError:
        return None, None


def median_time(fn, problem, cap, repeat):
    times, value = [], None
    for _ in range(repeat):
        elapsed, value = timed(fn, problem, cap)
        if elapsed is None:
            return None, None
        times.append(elapsed)
    return statistics.median(times), value


def show(t, cap):
    return f"> {cap:g} s" if t is None else f"{t:.3f} s"


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--cap", type=float, default=30.0, help="seconds per run")
    parser.add_argument("--max-m", type=int, default=20)
    parser.add_argument("--families", default="qp,disks")
    args = parser.parse_args(argv)
    # Warm imports and caches once in the parent, so that no worker (forked
    # from it) pays for first-use imports: fair to both sides.
    symopt_side(qp(1))
    sympy_side(qp(1))
    symopt_side(disks(1))
    sympy_side(disks(1))
    sizes = {"qp": [1, 2, 3, 4, 5, 6, 8, 10, 15, 20], "disks": [1, 2, 3, 4, 6, 8]}
    builders = {"qp": qp, "disks": disks}
    print(f"{'family':6} {'m':>3}  {'symopt':>10}  {'sympy.solve':>12}  {'ratio':>7}")
    for family in args.families.split(","):
        sympy_gave_up = False
        for m in sizes[family]:
            if m > args.max_m:
                continue
            problem = builders[family](m)
            ours, value = median_time(symopt_side, problem, args.cap, args.repeat)
            if sympy_gave_up:
                theirs = None  # capped at a smaller m already: larger m only slower
            else:
                theirs, other = median_time(sympy_side, problem, args.cap, 1)
                sympy_gave_up = theirs is None
                if theirs is not None and other is not None and value is not None:
                    if sympy.simplify(other - value) != 0:
                        print(f"  mismatch at m={m}: {other} vs {value}")
            ratio = "-" if ours is None or theirs is None else f"{theirs / ours:.1f}x"
            print(
                f"{family:6} {m:>3}  {show(ours, args.cap):>10}  "
                f"{show(theirs, args.cap):>12}  {ratio:>7}",
                flush=True,
            )
    return 0


if __name__ == "__main__":
    sys.exit(main())
