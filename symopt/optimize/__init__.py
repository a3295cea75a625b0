"""Exact constrained optimization: Lagrange, KKT by case enumeration, duality.

>>> from symopt.optimize import Problem
>>> Problem.maximize("x + y").subject_to("x^2 + y^2 == 1").solve().optimum.value
sqrt(2)
"""

from .problem import Problem
from .solution import CheckReport, Optimum, Solution

__all__ = ["Problem", "Solution", "Optimum", "CheckReport"]
