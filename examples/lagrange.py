"""Lagrange multipliers: x + y on the unit circle, and a bell surface on a line."""

from symopt import Problem, render

circle = Problem.maximize("x + y").subject_to("x^2 + y^2 = 1").solve()
print(render(circle))
print()
bell = Problem.maximize("exp(-(x^2 + y^2))").subject_to("x - y + 1 = 0").solve()
print(render(bell))
print("maximum on the circle:", circle.optimum.points, "value", circle.optimum.value)
print("multiplier:", circle.optimum.multipliers)
