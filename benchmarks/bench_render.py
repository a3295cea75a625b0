"""What rendering and checking a derivation cost, beside plain SymPy.

Run: python benchmarks/bench_render.py [--repeat R]

1. The lecture's first chain (tests/render_cases.py): sympy.latex and
   sympy.sstr of its expressions (the floor), then symopt's render in each
   format, then verify().
2. tidy() against sympy.simplify on expressions a derivation ends with.

Every figure is the median of R runs (SymPy's cache warm after the first);
ratios are against the first row of each table.
"""

import argparse
import statistics
import sys
import time
from pathlib import Path

import sympy

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))

from render_cases import lecture_chain, showcase  # noqa: E402

from symopt import render, sigmoid, symbols  # noqa: E402
from symopt.tidy import tidy  # noqa: E402


def median_seconds(fn, repeat):
    fn()
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
        print(f"  {name.ljust(width)}  {seconds * 1e3:9.3f} ms  {seconds / base:7.1f}x")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=20)
    repeat = parser.parse_args().repeat

    d = lecture_chain()
    exprs = [e for step in d.steps for e in step.chain]
    rows = [
        ("sympy.latex of the chain", lambda: [sympy.latex(e) for e in exprs]),
        ("sympy.sstr of the chain", lambda: [sympy.sstr(e) for e in exprs]),
    ]
    for fmt in ("text", "latex", "markdown", "json"):
        rows.append((f"render {fmt}", lambda fmt=fmt: render(d, fmt)))
    rows.append(("render showcase latex", lambda: render(showcase(), "latex")))
    rows.append(("verify lecture chain", d.verify))
    rows.append(("verify showcase", showcase().verify))
    report("Rendering and checking", [(n, median_seconds(f, repeat)) for n, f in rows])

    w, a, y = symbols("w a y")
    cases = [
        ("3(3w/2 - 1/2)", 3 * (3 * w / 2 - sympy.Rational(1, 2))),
        ("a² - 2ay + y²", a**2 - 2 * a * y + y**2),
        ("σ(w)(1 - σ(w))", sigmoid(w) * (1 - sigmoid(w))),
    ]
    for label, expr in cases:
        report(
            f"Tidying {label}",
            [
                (
                    "sympy.simplify",
                    median_seconds(lambda e=expr: sympy.simplify(e), repeat),
                ),
                ("symopt tidy", median_seconds(lambda e=expr: tidy(e), repeat)),
            ],
        )
        print(f"  simplify -> {sympy.simplify(expr)};  tidy -> {tidy(expr)}")


if __name__ == "__main__":
    main()
