"""symopt: exact, step-by-step derivations for calculus and optimization.

>>> import symopt
>>> symopt.parse("4.5w - 1.5")
9*w/2 - 3/2
"""

from .calculus import Graph, diff_steps
from .derivation import Derivation, Step, Table
from .errors import InputError, SolveError, SymoptError, VerificationError
from .functions import relu, sigmoid, softplus, step
from .parsing import exact, parse, parse_definition, symbol, symbols
from .render import render

__version__ = "0.1.0"

__all__ = [
    "Derivation",
    "Graph",
    "InputError",
    "SolveError",
    "Step",
    "SymoptError",
    "Table",
    "VerificationError",
    "diff_steps",
    "exact",
    "parse",
    "parse_definition",
    "relu",
    "render",
    "sigmoid",
    "softplus",
    "step",
    "symbol",
    "symbols",
]
