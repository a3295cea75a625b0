"""Stacked linear layers are one layer: f(f(f(x))) = W^3 x."""

from symopt import render
from symopt.models import collapse

print(render(collapse(3)))
print()
print(render(collapse(3, bias=True)))
print()
print(render(collapse(2, matrix=True)))
print("three layers are one layer with W' =", collapse(3).weight)
