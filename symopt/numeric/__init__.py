"""Numerics: exact derivations compiled to NumPy, and descent beside exact answers."""

from .compile import (
    Compiled,
    compile_function,
    compile_gradient,
    compile_hessian,
    compile_lagrangian,
)
from .descent import descend
from .run import Run
from .sweep import Sweep, sweep

__all__ = [
    "Compiled",
    "Run",
    "Sweep",
    "compile_function",
    "compile_gradient",
    "compile_hessian",
    "compile_lagrangian",
    "descend",
    "sweep",
]
