"""How long ``symopt tour`` takes, topic by topic, each in a fresh process.

Run: ``.venv/bin/python benchmarks/tour.py [--repeat N]``. Each topic is built
and rendered as text in a new interpreter (so SymPy's cache does not flatter
later runs); the interpreter start and imports alone are measured the same
way and shown first. Prints median wall and CPU seconds (CPU includes child
processes) and each topic's share of the whole.
"""

import argparse
import resource
import statistics
import subprocess
import sys
import time

# Every topic pays for these imports once; the baseline takes them out.
IMPORT = (
    "import symopt.tour, symopt.models, symopt.optimize, symopt.numeric, "
    "symopt.calculus, symopt.render.text"
)
BUILD = "from symopt.tour import tour; tour([{topic!r}]).render('text')"


def _run(code):
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    subprocess.run([sys.executable, "-c", code], check=True)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return wall, cpu


def measure(code, repeat):
    runs = [_run(code) for _ in range(repeat)]
    return (
        statistics.median(w for w, _ in runs),
        statistics.median(c for _, c in runs),
    )


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()

    from symopt.tour import topic_ids

    base_wall, base_cpu = measure(IMPORT, args.repeat)
    rows = []
    for topic in topic_ids():
        wall, cpu = measure(BUILD.format(topic=topic), args.repeat)
        rows.append((topic, wall - base_wall, cpu - base_cpu))
    total_wall = base_wall + sum(r[1] for r in rows)
    total_cpu = base_cpu + sum(r[2] for r in rows)
    print(f"{'part':<22}{'wall s':>9}{'cpu s':>9}{'share':>8}")
    print(
        f"{'start + imports':<22}{base_wall:9.2f}{base_cpu:9.2f}"
        f"{base_cpu / total_cpu:8.1%}"
    )
    for topic, wall, cpu in rows:
        print(f"{topic:<22}{wall:9.2f}{cpu:9.2f}{cpu / total_cpu:8.1%}")
    print(f"{'whole tour (sum)':<22}{total_wall:9.2f}{total_cpu:9.2f}{1:8.0%}")


if __name__ == "__main__":
    main()
