"""The chain rule for any f and g: X -> Y = f(X) -> Z = g(Y)."""

import sympy

from symopt import diff_steps, render, symbols

(X,) = symbols("X")
f, g = sympy.Function("f", real=True), sympy.Function("g", real=True)
result = diff_steps(g(f(X)), X)
print(render(result))
print("dZ/dX =", result.result)
