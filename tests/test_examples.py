"""Every script in examples/ runs on the public API and prints its results."""

import pathlib
import runpy

import pytest

EXAMPLES = pathlib.Path(__file__).resolve().parent.parent / "examples"

# A line each script's output must contain: the exact answer it shows.
EXPECTED = {
    "perceptrons.py": "learned weights: -1/5 1/5 1/10",
    "xor.py": "separable: False",
    "linear_collapse.py": "three layers are one layer with W' = W**3",
    "activations.py": "closed form found: False",
    "constrained_minimum.py": "optimum: [{y: 3}] value 4",
    "lagrange.py": "value sqrt(2)",
    "duality.py": "d* = 4  gap = 0",
    "kkt.py": "all KKT conditions hold: True",
    "ridge.py": "radius s = 53/32",
    "backpropagation.py": "w3 = 1669/5000",
    "chain_rule.py": "dZ/dX = Derivative(f(X), X)*Derivative(g(f(X)), f(X))",
}


def test_every_example_has_an_expectation():
    scripts = sorted(p.name for p in EXAMPLES.glob("*.py"))
    assert scripts and set(scripts) <= set(EXPECTED)


@pytest.mark.parametrize(
    "name", sorted(p.name for p in EXAMPLES.glob("*.py")), ids=lambda n: n[:-3]
)
def test_example_runs(name, capsys):
    runpy.run_path(str(EXAMPLES / name), run_name="__main__")
    out = capsys.readouterr().out
    assert EXPECTED[name] in out
