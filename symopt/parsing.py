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

import math
import re
from dataclasses import dataclass
from fractions import Fraction

import sympy
from sympy import Float, Integer, Rational

from .building import (
    CONSTANTS,
    FUNCTIONS,
    GREEK,
    MAX_DEPTH,
    MAX_EXPONENT,
    RELATIONS,
    build_binary,
    build_call,
    build_name,
    build_negation,
    build_number,
    build_power,
    build_product,
    build_relation,
    build_sum,
    fail,
    symbol,
)
from .errors import InputError, shorten

__all__ = [
    "parse",
    "parse_definition",
    "symbol",
    "symbols",
    "exact",
    # The builders live in symopt.building; re-exported for existing callers.
    "build_binary",
    "build_call",
    "build_name",
    "build_number",
    "build_relation",
    "CONSTANTS",
    "FUNCTIONS",
    "MAX_LENGTH",
    "MAX_DEPTH",
    "MAX_EXPONENT",
]

#: Longest accepted input, in characters.
MAX_LENGTH = 10_000

_TOKEN = re.compile(
    rf"""
    (?P<space>\s+)
  | (?P<number>(?:[0-9]+\.?[0-9]*|\.[0-9]+)(?:[eE][+-]?[0-9]+)?)
  | (?P<name>(?:[A-Za-z_][A-Za-z0-9_]*|[{"".join(GREEK)}](?:_\w*|[0-9]*))[₀-₉]*)
  | (?P<op>\*\*|==|<=|>=|!=|[-+*/^(),<>=])
  | (?P<unicode>[·×−≤≥])
  | (?P<power>⁻?[⁰¹²³⁴⁵⁶⁷⁸⁹]+)
    """,
    re.VERBOSE,
)

# What symopt's own text output writes, read back: 2·x, x ≤ 1, x², w₁.
_UNICODE_OPS = {"·": "*", "×": "*", "−": "-", "≤": "<=", "≥": ">="}
_SUPERSCRIPTS = str.maketrans("⁰¹²³⁴⁵⁶⁷⁸⁹", "0123456789")
_SUBSCRIPTS = str.maketrans("₀₁₂₃₄₅₆₇₈₉", "0123456789")

# Characters that start constructs symopt never accepts, with the way out.
_FORBIDDEN = {
    ".": "no attribute access; write names like w_1 or x1",
    "'": "no strings",
    '"': "no strings",
    "[": "no lists, indexing or comprehensions",
    "]": "no lists, indexing or comprehensions",
    "{": "no sets or dicts",
    "}": "no sets or dicts",
    ":": "no lambda, slices or annotations",
    ";": "write one expression",
    "@": "write * for a product",
    "!": "no factorial or '!='",
    "|": "write abs(...) for an absolute value",
    "&": "write two constraints",
    "%": "no remainders",
    "~": "write - for a negative",
    "$": "write plain text such as x^2, not LaTeX",
    "`": "no backquotes",
    "\\": "write names like lambda or w_1, not LaTeX",
    "#": "no comments",
    "√": "write sqrt(...)",
    "≠": "'!=' is not supported",
    "∞": "no infinities; write a number",
}


@dataclass(frozen=True)
class Token:
    kind: str  # "number", "name", "op", "end"
    text: str
    col: int  # 1-based column


def tokenize(text):
    """Split text into tokens, rejecting anything outside the grammar."""
    tokens = []
    pos = 0
    while pos < len(text):
        match = _TOKEN.match(text, pos)
        if match is None:
            char = text[pos]
            hint = _FORBIDDEN.get(char)
            if hint is None and not char.isascii():
                hint = "write ASCII letters, digits and operators (Greek letters work)"
            fail(f"{char!r} is not allowed", pos + 1, hint)
        kind, piece, col = match.lastgroup, match.group(), pos + 1
        if kind == "number":
            _check_number_edges(text, match)
        if kind == "name":
            piece = _subscripted(piece)
            if "__" in piece:
                build_name(piece, col)  # raises: refused before the rest
        if kind == "unicode":
            kind, piece = "op", _UNICODE_OPS[piece]
        if kind == "power":
            tokens.append(Token("op", "^", col))
            if piece.startswith("⁻"):
                tokens.append(Token("op", "-", col))
            kind, piece = "number", piece.lstrip("⁻").translate(_SUPERSCRIPTS)
        if kind != "space":
            tokens.append(Token(kind, piece, col))
        pos = match.end()
    tokens.append(Token("end", "", len(text) + 1))
    return tokens


def _subscripted(name):
    # w₁ is w_1, as symopt's text output shows it.
    base = name.rstrip("₀₁₂₃₄₅₆₇₈₉")
    if base == name:
        return name
    return f"{base}_{name[len(base) :].translate(_SUBSCRIPTS)}"


def _check_number_edges(text, match):
    # "1.5.2" and "x.5" must not quietly become products of decimals, nor
    # "2.x" the product 2*x.
    start, end = match.span()
    if end < len(text) and text[end] == ".":
        fail(f"malformed number {text[start : end + 1]!r}", start + 1)
    if text[end - 1] == "." and end < len(text) and _TOKEN.match(text, end):
        if _TOKEN.match(text, end).lastgroup == "name":
            number = text[start:end]
            fail(
                f"malformed number {number!r}",
                start + 1,
                f"write {number}0 or {number[:-1]} before a name",
            )
    if (
        text[start] == "."
        and start > 0
        and (text[start - 1].isalnum() or text[start - 1] in "_)")
    ):
        fail("'.' is not allowed", start + 1, _FORBIDDEN["."])


class _Parser:
    """Recursive descent over the token list, building SymPy as it goes.

    relation := sum [relop sum]
    sum      := term (("+" | "-") term)*
    term     := unary (("*" | "/") unary | <implicit> power)*
    unary    := ("+" | "-") unary | power
    power    := atom [("^" | "**") unary]
    atom     := number | name | name "(" args ")" | "(" relation ")"

    Sums and products are collected and built at once: built pairwise, a long
    sum of distinct symbols takes quadratic time.
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
            fail(f"expected {text!r} but found {found}", self.tok.col)
        return self.advance()

    def enter(self):
        self.depth += 1
        if self.depth > MAX_DEPTH:
            fail(f"nesting deeper than {MAX_DEPTH} levels", self.tok.col)

    def parse(self):
        if self.tok.kind == "end":
            fail("empty input", hint="write an expression such as 4.5*w - 1.5")
        result = self.relation()
        if self.tok.kind != "end":
            self.trailing()
        return result

    def trailing(self):
        tok = self.tok
        if tok.text == ")":
            fail("unbalanced parentheses: ')' without '('", tok.col)
        if tok.text in RELATIONS:
            fail(f"chained relation {tok.text!r}", tok.col, "write two relations")
        if tok.text == "!=":
            fail("'!=' is not supported", tok.col)
        fail(f"unexpected {tok.text!r}", tok.col)

    def relation(self):
        left = self.sum()
        if self.tok.text in RELATIONS:
            op = self.advance()
            right = self.sum()
            return build_relation(op.text, left, right, op.col)
        return left

    def sum(self):
        first = self.tok
        terms = [self.term()]
        while self.tok.text in ("+", "-"):
            op = self.advance()
            term = self.term()
            terms.append(term if op.text == "+" else build_negation(term, op.col))
        return terms[0] if len(terms) == 1 else build_sum(terms, first.col)

    def term(self):
        first = self.tok
        factors = [self.unary()]
        while True:
            tok = self.tok
            if tok.text == "*":
                self.advance()
                factors.append(self.unary())
            elif tok.text == "/":
                self.advance()
                factors.append(self.reciprocal(self.unary(), tok.col))
            elif tok.kind in ("number", "name") or tok.text == "(":
                factors.append(self.power())
            else:
                break
        return factors[0] if len(factors) == 1 else build_product(factors, first.col)

    def reciprocal(self, divisor, col):
        if divisor.is_zero:
            fail("division by zero", col)
        return build_power(divisor, sympy.Integer(-1), col)

    def unary(self):
        if self.tok.text in ("+", "-"):
            op = self.advance()
            self.enter()
            operand = self.unary()
            self.depth -= 1
            return build_negation(operand, op.col) if op.text == "-" else operand
        return self.power()

    def power(self):
        base = self.atom()
        if self.tok.text in ("^", "**"):
            op = self.advance()
            self.enter()
            exponent = self.unary()
            self.depth -= 1
            return build_power(base, exponent, op.col)
        return base

    def atom(self):
        tok = self.tok
        if tok.kind == "number":
            self.advance()
            return build_number(tok.text, tok.col)
        if tok.kind == "name":
            self.advance()
            if tok.text == "lambda" and self.tok.kind == "name":
                hint = f"for a product write lambda*{self.tok.text}"
                fail("lambda expressions are not allowed", tok.col, hint)
            if self.tok.text == "(":
                return self.call(tok)
            return build_name(tok.text, tok.col)
        if tok.text == "(":
            self.advance()
            self.enter()
            if self.tok.text == ")":
                fail("empty parentheses '()'", tok.col)
            inner = self.relation()
            self.close(tok)
            return inner
        if tok.kind == "end":
            fail("incomplete expression: it ends too early", tok.col)
        if tok.text == ")":
            fail("unbalanced parentheses: ')' without '('", tok.col)
        fail(f"unexpected {tok.text!r}", tok.col)

    def close(self, open_paren):
        if self.tok.kind == "end":
            fail("unbalanced parentheses: '(' is never closed", open_paren.col)
        self.expect(")")
        self.depth -= 1

    def call(self, name):
        if name.text == "σ":  # how symopt's text output shows sigmoid
            name = Token(name.kind, "sigmoid", name.col)
        # Refuse an unknown name before reading (and building) its arguments.
        if name.text not in FUNCTIONS:
            build_call(name.text, (), name.col)
        open_paren = self.advance()
        self.enter()
        args = []
        if self.tok.text != ")":
            args.append(self.relation())
            while self.tok.text == ",":
                self.advance()
                args.append(self.relation())
        self.close(open_paren)
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
    try:
        return _Parser(tokenize(text)).parse()
    except RecursionError:
        # MAX_DEPTH should stop this first; a deep stack from the caller may not.
        raise InputError("input is nested too deeply to read") from None


def symbols(names):
    """Several real symbols from a comma- or space-separated string.

    >>> symbols("x, y")
    (x, y)
    """
    return tuple(symbol(n) for n in re.split(r"[\s,]+", names.strip()) if n)


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
    # "1a = w" reads as 1*a = w: the left side must be a name as written.
    tokens = tokenize(text)
    equals = next(i for i, tok in enumerate(tokens) if tok.text == "=")
    left = tokens[:equals]
    if len(left) != 1 or left[0].kind != "name":
        written = text[: tokens[equals].col - 1].strip()
        fail(
            f"expected NAME = EXPRESSION, but {shorten(written, 30)!r} is not a name",
            left[0].col,
            "a name starts with a letter and stands alone before '=', "
            "such as a, h_1 or x1",
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
        if not math.isfinite(value):
            raise InputError(f"expected a finite number, got {value!r}")
        # The shortest decimal that round-trips: 0.2 is 1/5, not 3602879701896397/2**54.
        decimal = Fraction(repr(float(value)))
        return Rational(decimal.numerator, decimal.denominator)
    if hasattr(value, "dtype") and getattr(value, "shape", None) == ():
        return exact(value.item())
    if isinstance(value, sympy.Basic):
        return _exact_sympy(value)
    from .pyfunction import DefinedFunction

    if isinstance(value, DefinedFunction):
        return value.expr
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
