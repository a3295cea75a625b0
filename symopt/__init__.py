"""symopt: exact, step-by-step derivations for calculus and optimization.

>>> import symopt
>>> symopt.parse("4.5w - 1.5")
9*w/2 - 3/2

The public names are imported on first use, so ``import symopt`` (and the
``symopt --help`` it serves) loads no SymPy.
"""

import importlib
import sys
import types

__version__ = "0.1.0"

# Public name -> the module that defines it. To add a name: one line here and
# one line in __all__ (an eager `from .x import y` would load SymPy at import).
_WHERE = {
    "Derivation": ".derivation",
    "Step": ".derivation",
    "Table": ".derivation",
    "InputError": ".errors",
    "SolveError": ".errors",
    "SymoptError": ".errors",
    "VerificationError": ".errors",
    "relu": ".functions",
    "sigmoid": ".functions",
    "softplus": ".functions",
    "step": ".functions",
    "exact": ".parsing",
    "parse": ".parsing",
    "parse_definition": ".parsing",
    "symbol": ".parsing",
    "symbols": ".parsing",
    "function": ".pyfunction",
    "render": ".render",
    "Problem": ".optimize",
    "compile_gradient": ".numeric",
    "descend": ".numeric",
    "sweep": ".numeric",
    "tidy": ".tidy",
    "Graph": ".calculus",
    "diff_steps": ".calculus",
}

__all__ = [
    "Derivation",
    "Graph",
    "InputError",
    "Problem",
    "SolveError",
    "Step",
    "SymoptError",
    "Table",
    "VerificationError",
    "compile_gradient",
    "descend",
    "diff_steps",
    "exact",
    "function",
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
    "tidy",
]


def __getattr__(name):
    if name not in _WHERE:
        raise AttributeError(f"module 'symopt' has no attribute {name!r}")
    value = getattr(importlib.import_module(_WHERE[name], __name__), name)
    globals()[name] = value  # later lookups skip this function
    return value


def __dir__():
    return sorted(set(globals()) | set(__all__))


class _Package(types.ModuleType):
    """symopt's module type: a public name wins over a submodule of that name."""

    def __setattr__(self, name, value):
        # Importing symopt/render/ binds the submodule as `symopt.render`,
        # which would hide the function `symopt.render` it defines.
        if name in _WHERE and isinstance(value, types.ModuleType):
            return
        super().__setattr__(name, value)


sys.modules[__name__].__class__ = _Package
