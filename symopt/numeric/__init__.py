"""Numerics: exact derivations compiled to NumPy, and descent beside exact answers."""

from .compile import (
    Compiled,
    compile_function,
    compile_gradient,
    compile_hessian,
)

__all__ = [
    "Compiled",
    "compile_function",
    "compile_gradient",
    "compile_hessian",
]
