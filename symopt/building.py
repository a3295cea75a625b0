"""The whitelist: the only functions that turn syntax into SymPy objects.

Both readers of user input, the text parser (:mod:`symopt.parsing`) and the
Python-function reader (:mod:`symopt.pyfunction`), build every node through
these functions, so what symopt accepts is decided in one place. Each builder
checks its piece and raises :class:`symopt.InputError` naming it and its
column; none evaluates anything.

>>> build_binary("+", build_number("1.5"), build_name("w"))
w + 3/2
"""

import keyword
import re

import sympy
from sympy import Integer, Rational, S

from .errors import InputError, shorten
from .functions import relu, sigmoid, softplus, step

__all__ = [
    "FUNCTIONS",
    "CONSTANTS",
    "MAX_DEPTH",
    "MAX_EXPONENT",
    "MAX_BITS",
    "MAX_ARGS",
    "symbol",
    "build_number",
    "build_name",
    "build_call",
    "build_binary",
    "build_sum",
    "build_product",
    "build_power",
    "build_negation",
    "build_relation",
    "fail",
    "RELATIONS",
]

#: Deepest accepted nesting of parentheses, calls, signs and powers.
MAX_DEPTH = 100
#: Largest accepted magnitude of a numeric exponent.
MAX_EXPONENT = 1000
#: Largest exact number held, in bits (about 10,000 decimal digits).
MAX_BITS = 33_000
# Longest numeric literal (digits) and decimal exponent in scientific notation.
_MAX_LITERAL = 100
#: Most arguments of one max or min (nested ones of the same kind included),
#: and the most operations in them: SymPy compares every pair of arguments,
#: which takes seconds past these.
MAX_ARGS = 10
MAX_COMPARED_OPS = 100

# name -> (SymPy builder, allowed argument counts; None: one or more)
FUNCTIONS = {
    "exp": (sympy.exp, (1,)),
    "log": (sympy.log, (1, 2)),
    "ln": (sympy.log, (1,)),
    "sqrt": (sympy.sqrt, (1,)),
    "sin": (sympy.sin, (1,)),
    "cos": (sympy.cos, (1,)),
    "tan": (sympy.tan, (1,)),
    "tanh": (sympy.tanh, (1,)),
    "sigmoid": (sigmoid, (1,)),
    "relu": (relu, (1,)),
    "softplus": (softplus, (1,)),
    "step": (step, (1,)),
    "heaviside": (step, (1,)),
    "abs": (sympy.Abs, (1,)),
    "max": (sympy.Max, None),
    "min": (sympy.Min, None),
}

CONSTANTS = {"pi": sympy.pi, "e": sympy.E, "E": sympy.E}

# Greek letters typed directly become the names SymPy prints as Greek.
GREEK = {
    "α": "alpha", "β": "beta", "γ": "gamma", "δ": "delta", "ε": "epsilon",
    "ζ": "zeta", "η": "eta", "θ": "theta", "ι": "iota", "κ": "kappa",
    "λ": "lambda", "μ": "mu", "ν": "nu", "ξ": "xi", "π": "pi", "ρ": "rho",
    "σ": "sigma", "τ": "tau", "υ": "upsilon", "φ": "phi", "χ": "chi",
    "ψ": "psi", "ω": "omega", "Γ": "Gamma", "Δ": "Delta", "Θ": "Theta",
    "Λ": "Lambda", "Ξ": "Xi", "Π": "Pi", "Σ": "Sigma", "Φ": "Phi",
    "Ψ": "Psi", "Ω": "Omega",
}  # fmt: skip

# A name symopt shows well everywhere: ASCII letters, digits and single
# underscores between them (w_1, x1, lambda_max), not at either end.
_NAME = re.compile(r"[A-Za-z][A-Za-z0-9]*(?:_[A-Za-z0-9]+)*")

# Python keywords read as names would turn `x if y else z` into a product.
# `lambda` is the exception: it is the lecture's multiplier.
_KEYWORDS = frozenset(keyword.kwlist) - {"lambda"}

RELATIONS = {
    "==": sympy.Eq,
    "=": sympy.Eq,
    "<=": sympy.Le,
    ">=": sympy.Ge,
    "<": sympy.Lt,
    ">": sympy.Gt,
}

_Relational = sympy.core.relational.Relational
_UNDEFINED = (S.ComplexInfinity, S.NaN, S.Infinity, S.NegativeInfinity)


def fail(message, col=None, hint=None):
    """Raise the InputError every builder raises: what, where, the way out."""
    where = f" at column {col}" if col is not None else ""
    tail = f"; {hint}" if hint else ""
    raise InputError(f"{message}{where}{tail}")


def symbol(name):
    """The real symbol symopt uses for ``name`` (the parser's own symbols).

    >>> symbol("w_1"), symbol("λ")
    (w_1, lambda)
    """
    return sympy.Symbol(_spelled(name), real=True)


def _spelled(name):
    # A Greek letter typed directly becomes its name: λ_1 -> lambda_1.
    return GREEK[name[0]] + name[1:] if name[:1] in GREEK else name


def build_number(text, col=None):
    """An exact rational from a decimal literal: ``"1.5"`` -> ``3/2``.

    >>> build_number("0.2"), build_number("2.5e3")
    (1/5, 2500)
    """
    match = re.fullmatch(r"(\d*)\.?(\d*)(?:[eE]([+-]?\d+))?", text)
    if match is None or not (match.group(1) or match.group(2)):
        fail(f"malformed number {shorten(text, 30)!r}", col)
    whole, frac, power = match.group(1), match.group(2), match.group(3)
    if len(whole) + len(frac) > _MAX_LITERAL:
        fail(f"number literal longer than {_MAX_LITERAL} digits", col)
    shift = int(power) if power else 0
    if abs(shift) > _MAX_LITERAL:
        fail(f"decimal exponent in {shorten(text, 30)!r} is too large", col)
    return Integer(int(whole + frac or "0")) * Rational(10) ** (shift - len(frac))


def build_name(name, col=None):
    """A symbol or a named constant; dunder names and keywords are refused.

    >>> build_name("lambda"), build_name("pi")
    (lambda, pi)
    """
    if "__" in name:
        fail(f"name {shorten(name, 30)!r} is not allowed (double underscores)", col)
    written, name = name, _spelled(name)
    if name in _KEYWORDS:
        fail(f"{name!r} is a Python keyword, not a name symopt accepts", col)
    if not _NAME.fullmatch(name):
        fail(
            f"name {shorten(written, 30)!r} is not allowed",
            col,
            "names are ASCII letters and digits with single underscores "
            "inside, such as w_1, x1 or lambda",
        )
    if name in FUNCTIONS:
        fail(f"function {name!r} needs parentheses", col, f"write {name}(...)")
    if name in CONSTANTS:
        return CONSTANTS[name]
    return symbol(name)


def build_call(name, args, col=None):
    """A whitelisted function applied to already built arguments.

    >>> build_call("sigmoid", [build_number("0")])
    1/2
    """
    if "__" in name:
        fail(f"name {shorten(name, 30)!r} is not allowed (double underscores)", col)
    if name not in FUNCTIONS:
        known = ", ".join(sorted(FUNCTIONS))
        hint = f"known functions: {known}; for a product write {name}*(...)"
        fail(f"unknown function {shorten(name, 30)!r}", col, hint)
    func, arities = FUNCTIONS[name]
    if arities is not None and len(args) not in arities:
        counts = " or ".join(str(a) for a in arities)
        fail(f"{name} takes {counts} argument(s), got {len(args)}", col)
    if arities is None and not args:
        fail(f"{name} needs at least one argument", col)
    for arg in args:
        if isinstance(arg, _Relational):
            fail(f"a relation cannot be an argument of {name}", col)
    if func in (sympy.Max, sympy.Min):
        _check_compared(name, func, args, col)
    try:
        result = func(*args)
    except (TypeError, ValueError, ArithmeticError) as error:
        fail(f"{name}(...) cannot be built: {shorten(error, 60)}", col)
    return _defined(result, f"{name}(...)", col)


def build_power(base, exponent, col=None):
    """``base ** exponent`` with guards against numbers too large to hold.

    >>> build_power(build_number("2"), build_number("0.5"))
    sqrt(2)
    """
    if exponent.is_Number and abs(exponent) > MAX_EXPONENT:
        fail(
            f"exponent {shorten(exponent, 20)} is too large (at most {MAX_EXPONENT})",
            col,
        )
    if base.is_Number and exponent.is_Number and abs(base) not in (0, 1):
        size = abs(base.p if abs(base) > 1 else base.q).bit_length()
        if float(abs(exponent)) * size > MAX_BITS:
            fail(
                f"number {shorten(base, 20)}^{exponent} is too large to hold exactly",
                col,
            )
    if base.is_zero and exponent.is_Number and exponent.is_negative:
        fail("division by zero", col)
    return _defined(sympy.Pow(base, exponent), "power", col)


def build_sum(terms, col=None):
    """Several terms added at once (one SymPy Add: fast for long sums).

    >>> build_sum([build_name("x"), build_number("2")])
    x + 2
    """
    _no_relations(terms, col)
    return _defined(sympy.Add(*terms), "sum", col)


def build_product(factors, col=None):
    """Several factors multiplied at once, numbers kept within :data:`MAX_BITS`.

    >>> build_product([build_number("4.5"), build_name("w")])
    9*w/2
    """
    _no_relations(factors, col)
    coefficient, rest = S.One, []
    for factor in factors:
        if factor.is_Rational:
            coefficient *= factor
            _check_size(coefficient, col, "product")
        else:
            rest.append(factor)
    return _defined(sympy.Mul(coefficient, *rest), "product", col)


def build_negation(operand, col=None):
    """``-operand``."""
    _no_relations([operand], col, "negated")
    return -operand


def build_binary(op, left, right, col=None):
    """Arithmetic on built operands: ``+ - * /`` and power (``^`` or ``**``).

    >>> build_binary("/", build_name("x"), build_number("4"))
    x/4
    """
    _no_relations([left, right], col)
    if op == "+":
        return build_sum([left, right], col)
    if op == "-":
        return build_sum([left, -right], col)
    if op == "*":
        return build_product([left, right], col)
    if op == "/":
        if right.is_zero:
            fail("division by zero", col)
        return build_product([left, 1 / right], col)
    if op in ("^", "**"):
        return build_power(left, right, col)
    fail(f"operator {op!r} is not supported", col)


def build_relation(op, left, right, col=None):
    """A relation kept unevaluated, so ``3 >= 2`` stays a constraint.

    >>> build_relation("<=", build_name("x"), build_number("1"))
    x <= 1
    """
    if op not in RELATIONS:
        fail(f"relation {op!r} is not supported", col)
    _no_relations([left, right], col, "compared", "write two relations")
    return RELATIONS[op](left, right, evaluate=False)


def _no_relations(operands, col, verb="used inside arithmetic", hint=None):
    if any(isinstance(x, _Relational) for x in operands):
        fail(f"a relation cannot be {verb}", col, hint)


def _check_size(number, col, what):
    if max(abs(number.p).bit_length(), number.q.bit_length()) > MAX_BITS:
        limit = f"more than {MAX_BITS} bits"
        fail(f"{what} gives a number too large to hold exactly ({limit})", col)


def _check_compared(name, func, args, col):
    # Max(a, Max(b, c)) flattens to Max(a, b, c): count what SymPy will compare.
    flat = [a for arg in args for a in (arg.args if arg.func is func else (arg,))]
    if len(flat) > MAX_ARGS:
        fail(
            f"{name} of {len(flat)} arguments is too many (at most {MAX_ARGS})",
            col,
            f"name partial results as graph nodes (m = {name}(a, b), {name}(m, c))",
        )
    ops = sum(sympy.count_ops(a) for a in flat)
    if ops > MAX_COMPARED_OPS:
        fail(
            f"{name}(...) compares arguments with {ops} operations "
            f"(at most {MAX_COMPARED_OPS})",
            col,
            "name its arguments as graph nodes, or write them shorter",
        )


def _defined(result, what, col):
    # A pole such as log(0) or tan(pi/2) is a mistake in the input, not a value.
    if result in _UNDEFINED:
        fail(f"{what} is undefined here (gives {result})", col)
    # Symbols are real: sqrt(-1) or log(-2) has no value on the real line.
    if result.is_number and result.is_extended_real is False:
        fail(f"{what} is not a real number (gives {shorten(result, 30)})", col)
    if result.is_Rational:
        _check_size(result, col, what)
    return result
