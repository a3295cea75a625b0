"""symopt: exact, step-by-step derivations for calculus and optimization.

>>> import symopt
>>> symopt.parse("4.5w - 1.5")
9*w/2 - 3/2
"""

from .derivation import Derivation, Step, Table
from .errors import InputError, SolveError, SymoptError, VerificationError
from .functions import relu, sigmoid, softplus, step
from .numeric import compile_gradient, descend, sweep
from .optimize import Problem
from .parsing import exact, parse, parse_definition, symbol, symbols
from .render import render

__version__ = "0.1.0"

__all__ = [
    "Derivation",
    "InputError",
    "Problem",
    "SolveError",
    "Step",
    "SymoptError",
    "Table",
    "VerificationError",
    "compile_gradient",
    "descend",
    "exact",
    "parse",
    "parse_definition",
    "relu",
    "render",
    "sigmoid",
    "softplus",
    "step",
    "sweep",
    "symbol",
    "symbols",
]
