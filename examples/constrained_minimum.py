"""Minimise (y - 1)^2: without a constraint, then subject to y >= 3."""

from symopt import Problem, render

free = Problem.minimize("(y - 1)^2").solve()
print(render(free))
print()
constrained = Problem.minimize("(y - 1)^2").subject_to("y >= 3").solve()
print("optimum:", constrained.optimum.points, "value", constrained.optimum.value)
print("multipliers:", constrained.optimum.multipliers)
