"""The Lagrangian dual of min (y - 1)^2 s.t. y >= 3, and Slater's condition."""

from symopt import Problem, render

dual = Problem.minimize("(y - 1)^2").subject_to("y >= 3").dual()
print(render(dual))
print("q(mu) =", dual.dual_function, " d* =", dual.d_star, " gap =", dual.gap)
