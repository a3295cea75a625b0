"""The four KKT conditions, solved case by case for min (y - 1)^2 s.t. y >= 3."""

from symopt import Problem, render

solution = Problem.minimize("(y - 1)^2").subject_to("y >= 3").solve()
print(render(solution))
print("all KKT conditions hold:", bool(solution.check()))
