"""Backpropagation on one weight: a = 1.5 w, C = (a - 0.5)^2, from w0 = 0.8."""

from symopt import Graph, descend, render, symbols

(w,) = symbols("w")
g = Graph()
g.node("a", 1.5 * w)
g.node("C = (a - 0.5)^2")
gradient = g.gradient(wrt=[w], at={w: 0.8})
print(render(gradient))
print("dC/dw =", gradient.result[w])
print()

run = descend((1.5 * w - 0.5) ** 2, start={w: 0.8}, lr=0.2, steps=3)
print(render(run))
for k, point in enumerate(run.exact):
    print(f"w{k} =", point[0])
