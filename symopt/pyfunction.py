"""Python functions of numbers as exact SymPy expressions.

``symopt.function`` reads a function's *source* with the same whitelist as
text input (:mod:`symopt.building`): parameters become real symbols, decimal
literals exact rationals, assignments before the ``return`` are substituted.
The function is never called, so ``1.5*w`` is ``3*w/2``, not a float.

>>> @function
... def loss(w):
...     return (1.5*w - 0.5)**2
>>> loss.expr
(3*w/2 - 1/2)**2
>>> loss(1)
1
"""

import ast
import inspect
import keyword
import textwrap
from functools import cached_property

import sympy
from sympy import Integer

from .building import (
    CONSTANTS,
    FUNCTIONS,
    build_binary,
    build_call,
    build_name,
    build_negation,
    build_number,
    fail,
)
from .errors import InputError, shorten

__all__ = ["function", "DefinedFunction"]

# Module prefixes whose functions read as the whitelisted ones: math.exp, np.log.
_MODULES = frozenset({"math", "np", "numpy", "sympy", "sp", "torch", "symopt"})

_OPERATORS = {
    ast.Add: "+",
    ast.Sub: "-",
    ast.Mult: "*",
    ast.Div: "/",
    ast.Pow: "**",
}

# Constructs refused, by AST node type, with the way out.
_REFUSED = {
    ast.BitXor: "'^' is XOR in Python; write ** for a power",
    ast.FloorDiv: "'//' is not supported; write /",
    ast.Mod: "'%' is not supported",
    ast.MatMult: "'@' is not supported; write *",
    ast.Lambda: "lambda is not supported; write the expression",
    ast.IfExp: "conditional expressions are not supported; use relu, step or max",
    ast.ListComp: "comprehensions are not supported",
    ast.GeneratorExp: "comprehensions are not supported",
    ast.Subscript: "indexing is not supported; use one parameter per value",
    ast.Compare: "comparisons are not supported in a function body",
    ast.BoolOp: "'and'/'or' are not supported",
    ast.For: "loops are not supported; write the expression",
    ast.While: "loops are not supported; write the expression",
    ast.If: "'if' is not supported; use relu, step, max or min",
}


class DefinedFunction:
    """A Python function read as exact mathematics.

    Attributes: ``name``; ``params`` (real symbols); ``expr`` (the returned
    value, assignments substituted); ``assignments`` (``(symbol, value)``
    pairs in source order, each in terms of the names before it); ``latex``
    (the definition as its author wrote it). Calling it substitutes exact
    values: ``f(0.5)`` uses ``1/2``.
    """

    def __init__(self, fn, name, params, expr, assignments, source):
        self.fn = fn
        self.name = name
        self.params = params
        self.expr = expr
        self.assignments = assignments
        self.source = source

    def __call__(self, *values):
        from .parsing import exact

        if len(values) != len(self.params):
            raise InputError(
                f"{self.name} takes {len(self.params)} value(s), got {len(values)}"
            )
        return self.expr.subs(dict(zip(self.params, map(exact, values))))

    def _sympy_(self):
        return self.expr

    def __repr__(self):
        params = ", ".join(map(str, self.params))
        return f"{self.name}({params}) = {shorten(self.expr, 200)}"

    @cached_property
    def latex(self):
        """The definition in LaTeX, from latexify-py when it is installed."""
        return _latexify(self) or _plain_latex(self)


def function(fn):
    """Read a Python function of numbers as an exact :class:`DefinedFunction`.

    Use it as a decorator or a call. Only arithmetic, the functions symopt
    knows (``exp``, ``math.log``, ``sigmoid``, ...), assignments and one final
    ``return`` are accepted; anything else raises :class:`symopt.InputError`
    naming the line.

    >>> def f(x, lambda_):
    ...     a = 0.5*x
    ...     return a**2 + lambda_*x
    >>> function(f).expr
    lambda*x + x**2/4
    """
    if not callable(fn) or not hasattr(fn, "__code__"):
        raise InputError(f"expected a Python function, got {type(fn).__name__}")
    if fn.__name__ == "<lambda>":
        raise InputError("lambda functions are not supported; write a def")
    try:
        source = textwrap.dedent(inspect.getsource(fn))
    except (OSError, TypeError):
        raise InputError(
            f"cannot read the source of {fn.__name__}; define it in a file or cell"
        ) from None
    try:
        return _Reader(fn, source).read()
    except RecursionError:
        raise InputError(f"{fn.__name__} is nested too deeply to read") from None


class _Reader:
    """One walk over a function's syntax tree, building through the whitelist."""

    def __init__(self, fn, source):
        self.fn = fn
        self.source = source
        self.first_line = fn.__code__.co_firstlineno

    def read(self):
        tree = ast.parse(self.source)
        node = tree.body[0]
        if not isinstance(node, ast.FunctionDef):
            fail(f"{self.fn.__name__} is not a plain def function")
        params = self.parameters(node)
        env = {p: symbol for p, symbol in params}
        assignments = []
        body = node.body
        if body and _is_docstring(body[0]):
            body = body[1:]
        for statement in body[:-1]:
            target, value, written = self.assignment(statement, env)
            assignments.append((self.variable(statement, target), written))
            env[target] = value
        result = self.returned(body[-1], env)
        symbols = tuple(s for _, s in params)
        return DefinedFunction(
            self.fn, node.name, symbols, result, tuple(assignments), self.source
        )

    def parameters(self, node):
        args = node.args
        if args.vararg or args.kwarg or args.kwonlyargs or args.posonlyargs:
            self.refuse(node, "only plain parameters are supported (no *, **, /)")
        if args.defaults:
            self.refuse(
                args.defaults[0],
                "parameters with defaults are not supported; "
                "remove the default or write the number in the body",
            )
        return [(a.arg, self.variable(a, a.arg)) for a in args.args]

    def variable(self, node, name):
        """The symbol a parameter or an assigned name stands for."""
        if name in CONSTANTS:
            self.refuse(node, f"{name!r} is the constant {name}; choose another name")
        return self.at(node, build_name, _symbol_name(name))

    def assignment(self, statement, env):
        if isinstance(statement, ast.AugAssign) and isinstance(
            statement.target, ast.Name
        ):
            name = statement.target.id
            if name not in env:
                self.refuse(statement, f"{name!r} is updated before it is assigned")
            op = self.operator(statement, statement.op)
            value = self.expr(statement.value, env)
            written = self.expr(statement.value, _names_only(env))
            return (
                name,
                self.at(statement, build_binary, op, env[name], value),
                self.at(statement, build_binary, op, build_name(name), written),
            )
        if not (
            isinstance(statement, ast.Assign)
            and len(statement.targets) == 1
            and isinstance(statement.targets[0], ast.Name)
        ):
            self.refuse(statement, _describe(statement))
        name = statement.targets[0].id
        value = self.expr(statement.value, env)
        return name, value, self.expr(statement.value, _names_only(env))

    def returned(self, statement, env):
        if not isinstance(statement, ast.Return) or statement.value is None:
            self.refuse(statement, "the last statement must be 'return EXPRESSION'")
        return self.expr(statement.value, env)

    def expr(self, node, env):
        if isinstance(node, ast.Constant):
            return self.constant(node)
        if isinstance(node, ast.Name):
            if node.id in env:
                return env[node.id]
            if node.id in CONSTANTS:
                return CONSTANTS[node.id]
            self.refuse(node, f"{node.id!r} is not a parameter; pass it as one")
        if isinstance(node, ast.BinOp):
            op = self.operator(node, node.op)
            left, right = self.expr(node.left, env), self.expr(node.right, env)
            return self.at(node, build_binary, op, left, right)
        if isinstance(node, ast.UnaryOp) and isinstance(node.op, ast.USub):
            return self.at(node, build_negation, self.expr(node.operand, env))
        if isinstance(node, ast.UnaryOp) and isinstance(node.op, ast.UAdd):
            return self.expr(node.operand, env)
        if isinstance(node, ast.Call):
            return self.call(node, env)
        if isinstance(node, ast.Attribute):
            return self.qualified_constant(node)
        self.refuse(node, _describe(node))

    def constant(self, node):
        value = node.value
        if isinstance(value, bool) or not isinstance(value, (int, float)):
            self.refuse(
                node, f"the constant {shorten(repr(value), 30)} is not a number"
            )
        if isinstance(value, int):
            return Integer(value)
        # The literal as written, so 0.1 is 1/10 and not the float nearest it.
        text = ast.get_source_segment(self.source, node).replace("_", "")
        return self.at(node, build_number, text)

    def call(self, node, env):
        name = _function_name(node.func)
        if name is None:
            self.refuse(node, "only calls of known functions are supported")
        if name in env:
            self.refuse(node, f"{name!r} is a value, not a function")
        if name not in FUNCTIONS:
            self.at(node, build_call, name, [])  # raises: unknown or dunder name
        if node.keywords:
            self.refuse(node, f"{name}(...) takes no keyword arguments here")
        args = [self.expr(arg, env) for arg in node.args]
        return self.at(node, build_call, name, args)

    def qualified_constant(self, node):
        if (
            isinstance(node.value, ast.Name)
            and node.value.id in _MODULES
            and node.attr in CONSTANTS
        ):
            return CONSTANTS[node.attr]
        self.refuse(node, "attribute access is not supported")

    def operator(self, node, op):
        if type(op) in _OPERATORS:
            return _OPERATORS[type(op)]
        self.refuse(node, _REFUSED.get(type(op), f"{type(op).__name__} is refused"))

    def at(self, node, builder, *args):
        """Call a builder; its InputError gains this function's line."""
        try:
            return builder(*args, node.col_offset + 1)
        except InputError as error:
            raise InputError(f"{self.where(node)}: {error}") from None

    def refuse(self, node, message):
        message, _, hint = message.partition("; ")
        column = getattr(node, "col_offset", 0) + 1
        fail(f"{self.where(node)}: {message}", column, hint)

    def where(self, node):
        line = self.first_line + getattr(node, "lineno", 1) - 1
        return f"{self.fn.__name__}, line {line}"


def _symbol_name(name):
    # `lambda` is a Python keyword, so authors write lambda_ for the multiplier.
    stripped = name[:-1] if name.endswith("_") else name
    return stripped if keyword.iskeyword(stripped) else name


def _names_only(env):
    return {name: build_name(_symbol_name(name)) for name in env}


def _function_name(func):
    if isinstance(func, ast.Name):
        return func.id
    if (
        isinstance(func, ast.Attribute)
        and isinstance(func.value, ast.Name)
        and func.value.id in _MODULES
    ):
        return func.attr
    return None


def _is_docstring(statement):
    return isinstance(statement, ast.Expr) and isinstance(
        getattr(statement.value, "value", None), str
    )


def _describe(node):
    if type(node) in _REFUSED:
        return _REFUSED[type(node)]
    if isinstance(node, ast.Return):
        return "only one return is supported, as the last statement"
    if isinstance(node, (ast.Assign, ast.AnnAssign)):
        return "assign one plain name per statement (y = ..., no annotations)"
    if isinstance(node, ast.Expr):
        return "a bare expression does nothing; assign it to a name or return it"
    return f"{type(node).__name__} is not supported; write arithmetic only"


def _latexify(defined):
    try:
        import latexify
    except ImportError:  # Python 3.14+: latexify-py does not install there
        return None
    try:
        latex = latexify.get_latex(defined.fn, use_math_symbols=True)
    except Exception:  # any failure of latexify falls back to SymPy's LaTeX
        return None
    for module in _MODULES:  # math.pi reads as pi
        latex = latex.replace(rf"\mathrm{{{module}}}.", "")
    for name, shown in _ACTIVATIONS_LATEX.items():  # as derivations show them
        latex = latex.replace(rf"\mathrm{{{name}}}", shown)
    return _math_names(latex, defined)


_ACTIVATIONS_LATEX = {
    "sigmoid": r"\sigma",
    "relu": r"\operatorname{relu}",
    "softplus": r"\operatorname{softplus}",
    "heaviside": r"\operatorname{step}",
    "step": r"\operatorname{step}",
}


def _math_names(latex, defined):
    """Greek names and subscripts as math: \\mathrm{w\\_1} -> w_{1}."""
    names = [str(p) for p in defined.params]
    names += [str(s) for s, _ in defined.assignments]
    names += [a.arg for a in ast.parse(defined.source).body[0].args.args]
    for name in sorted(set(names), key=len, reverse=True):
        shown = sympy.latex(build_name(_symbol_name(name)))
        if "\\" in shown or "_" in shown:
            escaped = name.replace("_", r"\_")
            latex = latex.replace(rf"\mathrm{{{escaped}}}", shown)
    return latex


def _plain_latex(defined):
    params = ", ".join(sympy.latex(p) for p in defined.params)
    body = sympy.latex(defined.expr)
    name = defined.name.replace("_", r"\_")
    return rf"\mathrm{{{name}}}({params}) = {body}"
