"""Calculus: step-by-step differentiation and backpropagation on graphs."""

from .gradient import GradientResult
from .graph import Backward, Graph, Program
from .steps import DiffResult, diff_steps

__all__ = [
    "Backward",
    "DiffResult",
    "Graph",
    "GradientResult",
    "Program",
    "diff_steps",
]
