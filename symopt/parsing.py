"""Safe, exact reading of mathematical text.

User text is tokenized and parsed by symopt's own small grammar into a syntax
tree of whitelisted nodes, which is then built into SymPy objects. Nothing is
ever evaluated as Python: no ``eval``, ``exec``, ``sympify`` or ``parse_expr``.

Decimals are exact (``1.5`` is ``3/2``), ``^`` is power, and multiplication may
be implicit (``4.5w``, ``2(a - y)``, ``2 x``).

>>> parse("4.5w - 1.5")
9*w/2 - 3/2
>>> parse("x^2 + y^2 == 1")
Eq(x**2 + y**2, 1)
>>> parse("lambda*mu + w_1")
lambda*mu + w_1
"""

import re
from dataclasses import dataclass
from fractions import Fraction

import sympy
from sympy import Float, Integer, Rational

from .errors import InputError, shorten
from .functions import relu, sigmoid, softplus, step

__all__ = [
    "parse",
    "parse_definition",
    "symbol",
    "symbols",
    "exact",
    "MAX_LENGTH",
    "MAX_DEPTH",
    "MAX_EXPONENT",
]

#: Longest accepted input, in characters.
MAX_LENGTH = 10_000
#: Deepest accepted nesting of parentheses, calls and unary signs.
MAX_DEPTH = 200
#: Largest accepted magnitude of a numeric exponent.
MAX_EXPONENT = 1000
# Largest number of decimal digits a numeric power may produce.
_MAX_DIGITS = 10_000
# Longest numeric literal (digits) and decimal exponent in scientific notation.
_MAX_LITERAL = 100

# name -> (SymPy builder, allowed argument counts)
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
_GREEK = {
    "α": "alpha", "β": "beta", "γ": "gamma", "δ": "delta", "ε": "epsilon",
    "η": "eta", "θ": "theta", "λ": "lambda", "μ": "mu", "ν": "nu",
    "ρ": "rho", "σ": "sigma", "τ": "tau", "φ": "phi", "ω": "omega",
}  # fmt: skip

_RELATIONS = {
    "==": sympy.Eq,
    "=": sympy.Eq,
    "<=": sympy.Le,
    ">=": sympy.Ge,
    "<": sympy.Lt,
    ">": sympy.Gt,
}

_TOKEN = re.compile(
    r"""
    (?P<space>\s+)
  | (?P<number>(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?)
  | (?P<name>[^\W\d]\w*)
  | (?P<op>\*\*|==|<=|>=|!=|[-+*/^(),<>=])
    """,
    re.VERBOSE,
)

# Characters that start constructs symopt never accepts, with the reason.
_FORBIDDEN = {
    ".": "attribute access is not allowed",
    "'": "strings are not allowed",
    '"': "strings are not allowed",
    "[": "lists and comprehensions are not allowed",
    "{": "sets and dicts are not allowed",
    ":": "':' is not allowed (no lambda, slices or annotations)",
    ";": "only one expression is allowed",
    "@": "'@' is not allowed",
    "!": "'!' is not allowed (no factorial or '!=')",
    "|": "'|' is not allowed; write abs(...)",
    "&": "'&' is not allowed",
    "%": "'%' is not allowed",
    "`": "'`' is not allowed",
    "\\": "backslashes are not allowed; write names like lambda or w_1",
    "#": "comments are not allowed",
}


@dataclass(frozen=True)
class Token:
    kind: str  # "number", "name", "op", "end"
    text: str
    col: int  # 1-based column


def _fail(message, col=None):
    where = f" at column {col}" if col is not None else ""
    raise InputError(f"{message}{where}")


def tokenize(text):
    """Split text into tokens, rejecting anything outside the grammar."""
    tokens = []
    pos = 0
    while pos < len(text):
        match = _TOKEN.match(text, pos)
        if match is None or match.end() == pos:
            char = text[pos]
            reason = _FORBIDDEN.get(char, f"unexpected character {char!r}")
            _fail(reason, pos + 1)
        kind = match.lastgroup
        if kind != "space":
            tokens.append(Token(kind, match.group(), pos + 1))
        pos = match.end()
    tokens.append(Token("end", "", len(text) + 1))
    return tokens


# Builders: the only way syntax becomes SymPy. Shared with symopt.function.


def symbol(name):
    """The real symbol symopt uses for ``name`` (the parser's own symbols).

    >>> symbol("w") == parse("w")
    True
    """
    name = _GREEK.get(name, name)
    return sympy.Symbol(name, real=True)


def symbols(names):
    """Several real symbols from a comma- or space-separated string.

    >>> symbols("x, y")
    (x, y)
    """
    return tuple(symbol(n) for n in re.split(r"[\s,]+", names.strip()) if n)


def build_number(text, col=None):
    """An exact rational from a decimal literal: ``"1.5"`` -> ``3/2``."""
    match = re.fullmatch(r"(\d*)\.?(\d*)(?:[eE]([+-]?\d+))?", text)
    if match is None or not (match.group(1) or match.group(2)):
        _fail(f"malformed number {text!r}", col)
    whole, frac, power = match.group(1), match.group(2), match.group(3)
    if len(whole) + len(frac) > _MAX_LITERAL:
        _fail(f"number literal longer than {_MAX_LITERAL} digits", col)
    shift = int(power) if power else 0
    if abs(shift) > _MAX_LITERAL:
        _fail(f"decimal exponent {power} is too large", col)
    value = Integer(int(whole + frac or "0")) * Rational(10) ** (shift - len(frac))
    return value


def build_name(name, col=None):
    """A symbol or a named constant; dunder names are refused."""
    if "__" in name:
        _fail(f"name {name!r} is not allowed (double underscores)", col)
    if name in FUNCTIONS:
        _fail(f"function {name!r} needs parentheses: {name}(...)", col)
    if name in CONSTANTS:
        return CONSTANTS[name]
    return symbol(name)


def build_call(name, args, col=None):
    """A whitelisted function applied to already built arguments."""
    if name not in FUNCTIONS:
        known = ", ".join(sorted(FUNCTIONS))
        _fail(f"unknown function {name!r}; known functions: {known}", col)
    func, arities = FUNCTIONS[name]
    if arities is not None and len(args) not in arities:
        counts = " or ".join(str(a) for a in arities)
        _fail(f"{name} takes {counts} argument(s), got {len(args)}", col)
    if arities is None and not args:
        _fail(f"{name} needs at least one argument", col)
    for arg in args:
        if isinstance(arg, sympy.core.relational.Relational):
            _fail(f"a relation cannot be an argument of {name}", col)
    return func(*args)


def build_power(base, exponent, col=None):
    """``base ** exponent`` with guards against numbers too large to hold."""
    if exponent.is_Number and abs(exponent) > MAX_EXPONENT:
        _fail(f"exponent {exponent} is too large (at most {MAX_EXPONENT})", col)
    if base.is_Number and exponent.is_Number and abs(base) > 1:
        digits = float(abs(exponent)) * float(sympy.log(abs(base), 10).evalf(5))
        if digits > _MAX_DIGITS:
            _fail(
                f"number {shorten(base, 20)}^{exponent} is too large to hold exactly",
                col,
            )
    if base.is_zero and exponent.is_Number and exponent.is_negative:
        _fail("division by zero", col)
    return sympy.Pow(base, exponent)


def build_binary(op, left, right, col=None):
    """Arithmetic on built operands: ``+ - * /`` and power."""
    for side in (left, right):
        if isinstance(side, sympy.core.relational.Relational):
            _fail("a relation cannot be used inside arithmetic", col)
    if op == "+":
        return left + right
    if op == "-":
        return left - right
    if op == "*":
        return left * right
    if op == "/":
        if right.is_zero:
            _fail("division by zero", col)
        return left / right
    if op in ("^", "**"):
        return build_power(left, right, col)
    _fail(f"operator {op!r} is not supported", col)


def build_relation(op, left, right, col=None):
    """A relation kept unevaluated, so ``3 >= 2`` stays a constraint."""
    if op not in _RELATIONS:
        _fail(f"relation {op!r} is not supported", col)
    return _RELATIONS[op](left, right, evaluate=False)


class _Parser:
    """Recursive descent over the token list, building SymPy as it goes.

    relation := sum [relop sum]
    sum      := term (("+" | "-") term)*
    term     := unary (("*" | "/") unary | <implicit> power)*
    unary    := ("+" | "-") unary | power
    power    := atom [("^" | "**") unary]
    atom     := number | name | name "(" args ")" | "(" relation ")"
    """

    def __init__(self, tokens):
        self.tokens = tokens
        self.pos = 0
        self.depth = 0

    @property
    def tok(self):
        return self.tokens[self.pos]

    def advance(self):
        tok = self.tokens[self.pos]
        self.pos += 1
        return tok

    def expect(self, text):
        if self.tok.text != text:
            found = repr(self.tok.text) if self.tok.kind != "end" else "end of input"
            _fail(f"expected {text!r} but found {found}", self.tok.col)
        return self.advance()

    def enter(self):
        self.depth += 1
        if self.depth > MAX_DEPTH:
            _fail(f"nesting deeper than {MAX_DEPTH} levels", self.tok.col)

    def parse(self):
        if self.tok.kind == "end":
            _fail("empty input; write an expression such as 4.5*w - 1.5")
        result = self.relation()
        if self.tok.kind != "end":
            self.trailing()
        return result

    def trailing(self):
        tok = self.tok
        if tok.text == ")":
            _fail("unbalanced parentheses: ')' without '('", tok.col)
        if tok.text in _RELATIONS:
            _fail("chained relations are not supported; write two", tok.col)
        if tok.text == "!=":
            _fail("'!=' is not supported", tok.col)
        _fail(f"unexpected {tok.text!r}", tok.col)

    def relation(self):
        left = self.sum()
        if self.tok.text in _RELATIONS:
            op = self.advance()
            right = self.sum()
            return build_relation(op.text, left, right, op.col)
        return left

    def sum(self):
        result = self.term()
        while self.tok.text in ("+", "-"):
            op = self.advance()
            result = build_binary(op.text, result, self.term(), op.col)
        return result

    def term(self):
        result = self.unary()
        while True:
            tok = self.tok
            if tok.text in ("*", "/"):
                self.advance()
                result = build_binary(tok.text, result, self.unary(), tok.col)
            elif tok.kind in ("number", "name") or tok.text == "(":
                result = build_binary("*", result, self.power(), tok.col)
            else:
                return result

    def unary(self):
        if self.tok.text in ("+", "-"):
            op = self.advance()
            self.enter()
            operand = self.unary()
            self.depth -= 1
            if isinstance(operand, sympy.core.relational.Relational):
                _fail("a relation cannot be negated", op.col)
            return -operand if op.text == "-" else operand
        return self.power()

    def power(self):
        base = self.atom()
        if self.tok.text in ("^", "**"):
            op = self.advance()
            self.enter()
            exponent = self.unary()
            self.depth -= 1
            return build_binary("^", base, exponent, op.col)
        return base

    def atom(self):
        tok = self.tok
        if tok.kind == "number":
            self.advance()
            return build_number(tok.text, tok.col)
        if tok.kind == "name":
            self.advance()
            if tok.text == "lambda" and self.tok.kind == "name":
                _fail("lambda expressions are not allowed", tok.col)
            if self.tok.text == "(":
                return self.call(tok)
            return build_name(tok.text, tok.col)
        if tok.text == "(":
            self.advance()
            self.enter()
            if self.tok.text == ")":
                _fail("empty parentheses", self.tok.col)
            inner = self.relation()
            if self.tok.kind == "end":
                _fail("unbalanced parentheses: '(' is never closed", tok.col)
            self.expect(")")
            self.depth -= 1
            return inner
        if tok.kind == "end":
            _fail("incomplete expression: it ends too early", tok.col)
        if tok.text == ")":
            _fail("unbalanced parentheses: ')' without '('", tok.col)
        _fail(f"unexpected {tok.text!r}", tok.col)

    def call(self, name):
        if name.text not in FUNCTIONS:
            build_call(name.text, (), name.col)  # raises: unknown function
        open_paren = self.advance()
        self.enter()
        args = []
        if self.tok.text != ")":
            args.append(self.relation())
            while self.tok.text == ",":
                self.advance()
                args.append(self.relation())
        if self.tok.kind == "end":
            _fail("unbalanced parentheses: '(' is never closed", open_paren.col)
        self.expect(")")
        self.depth -= 1
        return build_call(name.text, args, name.col)


def parse(text):
    """Read mathematical text into an exact SymPy expression or relation.

    Raises :class:`symopt.InputError` naming the offending piece and its
    column for anything outside the grammar.

    >>> parse("2(a - y) * 1.5")
    3*a - 3*y
    >>> parse("y >= 3")
    y >= 3
    >>> parse("sigmoid(x)^2")
    sigmoid(x)**2
    """
    if not isinstance(text, str):
        raise InputError(f"expected text, got {type(text).__name__}")
    if len(text) > MAX_LENGTH:
        raise InputError(
            f"input is {len(text)} characters long; at most {MAX_LENGTH} are accepted"
        )
    return _Parser(tokenize(text)).parse()


def parse_definition(text):
    """Read ``"name = expression"`` into ``(Symbol, expression)``.

    >>> parse_definition("a = 1.5*w")
    (a, 3*w/2)
    """
    if "=" not in text.replace("==", "").replace("<=", "").replace(">=", ""):
        raise InputError(f"expected NAME = EXPRESSION, got {text!r:.60}")
    relation = parse(text)
    if not isinstance(relation, sympy.Eq) or not relation.lhs.is_Symbol:
        raise InputError(
            f"expected NAME = EXPRESSION with a name on the left, got {text!r:.60}"
        )
    return relation.lhs, relation.rhs


def exact(value):
    """Any number, text or SymPy object as an exact SymPy object.

    Floats become the rational their decimal text shows (``0.2`` -> ``1/5``);
    symbols become symopt's real symbols of the same name.

    >>> exact(0.2), exact("1.5"), exact(3)
    (1/5, 3/2, 3)
    """
    if isinstance(value, str):
        return parse(value)
    if isinstance(value, bool):
        raise InputError(f"expected a number or expression, got {value!r}")
    if isinstance(value, int):
        return Integer(value)
    if isinstance(value, float):
        if value != value or value in (float("inf"), float("-inf")):
            raise InputError(f"expected a finite number, got {value!r}")
        # The shortest decimal that round-trips is what the user typed.
        return Rational(Fraction(repr(value)))
    if hasattr(value, "dtype") and getattr(value, "shape", None) == ():
        return exact(value.item())
    if isinstance(value, sympy.Basic):
        return _exact_sympy(value)
    raise InputError(f"expected a number or expression, got {type(value).__name__}")


def _exact_sympy(expr):
    floats = {f: Rational(str(f)) for f in expr.atoms(Float)}
    plain = {
        s: symbol(s.name)
        for s in expr.free_symbols
        if isinstance(s, sympy.Symbol) and not s.is_real
    }
    if floats:
        expr = expr.xreplace(floats)
    if plain:
        expr = expr.xreplace(plain)
    return expr
