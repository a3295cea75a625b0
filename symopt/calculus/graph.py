"""Computation graphs of named scalar nodes, and reverse-mode backpropagation.

A :class:`Graph` holds nodes such as ``a = i*w`` and ``C = (a - y)^2``, each
an expression of inputs, parameters and other nodes. :meth:`Graph.backward`
runs the reverse pass once for all parameters, keeping every gradient in node
and adjoint symbols, so its size grows with the number of edges, not paths.

>>> from symopt import symbols
>>> w, = symbols("w")
>>> g = Graph()
>>> g.node("a", 1.5 * w)
a
>>> g.node("C = (a - 0.5)^2")
C
>>> g.gradient(wrt=[w]).result
{w: 9*w/2 - 3/2}
>>> g.forward({w: 0.8})
{w: 4/5, a: 6/5, C: 49/100}
"""

from dataclasses import dataclass

import sympy
from sympy import Add, Symbol

from ..errors import InputError, shorten
from ..parsing import exact, parse_definition, symbol
from .rules import rule_for
from .steps import as_point, as_symbol, at_point, check_point

__all__ = ["Graph", "Program", "Backward"]


@dataclass(frozen=True)
class Program:
    """A straight-line program computing a node and its gradient.

    ``inputs`` are the leaf symbols (inputs and parameters) the program reads,
    in a stable order; ``assignments`` are ``(symbol, expr)`` pairs in
    evaluation order, every forward node first, then the adjoint symbols of
    the backward pass (``adj_a`` holds dC/da), each expression using only
    inputs and earlier symbols. ``outputs`` maps each ``wrt`` symbol to the
    symbol or expression holding its gradient; ``value`` is the output node.
    """

    inputs: tuple
    assignments: list
    outputs: dict
    value: Symbol

    def evaluate(self, point):
        """Exact values of every assigned symbol at ``point`` (leaf -> value)."""
        values = dict(as_point(point) or {})
        for sym, expr in self.assignments:
            values[sym] = expr.xreplace(values)
        return values


@dataclass(frozen=True)
class Backward:
    """The reverse pass: adjoint symbols, their definitions and the local edges.

    ``adjoints`` maps a node or leaf to its adjoint symbol (the output node
    maps to 1); ``definitions`` maps each adjoint symbol to its expression;
    ``edges`` maps each node or leaf to its ``(consumer, local derivative)``
    pairs; ``order`` lists the nodes and leaves in the order their adjoints
    were computed.
    """

    of: Symbol
    wrt: tuple
    adjoints: dict
    definitions: dict
    edges: dict
    order: tuple


class Graph:
    """A computation graph of named scalar nodes.

    Nodes are defined in Python (``g.node("a", i*w)``) or text
    (``g.node("a = 1.5*w")``). Symbols that are not nodes are leaves: inputs
    and parameters. Declaring ``inputs`` or ``params`` makes any other leaf
    an error naming its node.
    """

    def __init__(self, nodes=(), *, inputs=None, params=None):
        self._nodes = {}
        self._inputs = tuple(as_symbol(s) for s in inputs or ())
        self._params = tuple(as_symbol(s) for s in params or ())
        self._order = None
        for item in nodes.items() if isinstance(nodes, dict) else nodes:
            if isinstance(item, str):
                self.node(item)
            else:
                self.node(*item)

    @classmethod
    def from_text(cls, text, **kwargs):
        """A graph from lines ``NAME = EXPR`` (a string or a list of them).

        >>> Graph.from_text("a = 1.5*w; C = (a - 0.5)^2").nodes
        {a: 3*w/2, C: (a - 1/2)**2}
        """
        lines = text.replace(";", "\n").splitlines() if isinstance(text, str) else text
        return cls([line for line in lines if line.strip()], **kwargs)

    def node(self, name, expr=None):
        """Define node ``name`` as ``expr`` (or read ``"name = expr"``); return it."""
        if expr is None:
            if not isinstance(name, str):
                raise InputError("a node needs an expression: g.node('a', i*w)")
            name, expr = parse_definition(name)
        sym = symbol(name) if isinstance(name, str) else as_symbol(name)
        value = exact(expr)
        if not isinstance(value, sympy.Expr) or isinstance(
            value, sympy.core.relational.Relational
        ):
            raise InputError(
                f"node {sym}: expected an expression, got {shorten(expr)!r}"
            )
        if sym in self._nodes:
            raise InputError(
                f"node {sym} is defined twice; give the second one another name"
            )
        if sym in value.free_symbols:
            raise InputError(f"node {sym} refers to itself: {sym} = {shorten(value)}")
        self._nodes[sym] = value
        self._order = None
        return sym

    # Structure.

    @property
    def nodes(self):
        """Node symbol -> defining expression, in evaluation order."""
        return {n: self._nodes[n] for n in self.order()}

    @property
    def output(self):
        """The last node defined: the default output."""
        if not self._nodes:
            raise InputError("the graph has no nodes; add one such as C = (a - y)^2")
        return list(self._nodes)[-1]

    def leaves(self, of=None):
        """Inputs and parameters feeding ``of`` (all nodes by default)."""
        nodes = self.ancestors(of) if of is not None else self.order()
        found = {}
        for n in nodes:
            fresh = [
                s
                for s in self._nodes[n].free_symbols
                if s not in self._nodes and s not in found
            ]
            for s in sorted(fresh, key=_name):
                found[s] = True
        declared = [s for s in self._inputs + self._params if s in found]
        chosen = set(declared)
        rest = [s for s in found if s not in chosen]
        return tuple(declared + rest)

    @property
    def params(self):
        """The declared parameters, or every leaf when none were declared."""
        return self._params or self.leaves()

    def order(self):
        """Nodes in topological order; a cycle is an InputError naming a node."""
        if self._order is None:
            self._check_leaves()
            self._order = _topological(self._nodes)
        return self._order

    def ancestors(self, of):
        """The nodes ``of`` depends on, itself included, in evaluation order."""
        of = self._known_node(of)
        needed = {of}
        for n in reversed(self.order()):
            if n in needed:
                needed |= self._nodes[n].free_symbols & self._nodes.keys()
        return tuple(n for n in self.order() if n in needed)

    def _check_leaves(self):
        declared = set(self._inputs) | set(self._params)
        if not declared:
            return
        for n, expr in self._nodes.items():
            unknown = expr.free_symbols - declared - self._nodes.keys()
            if unknown:
                names = ", ".join(sorted(str(s) for s in unknown))
                raise InputError(
                    f"node {n} uses undefined name(s) {names}; define them as "
                    "nodes or declare them as inputs or params"
                )

    def _known_node(self, name):
        sym = self.output if name is None else as_symbol(name)
        if sym not in self._nodes:
            known = ", ".join(str(n) for n in self._nodes) or "none"
            raise InputError(f"{sym} is not a node of the graph (nodes: {known})")
        return sym

    # Forward and backward passes.

    def forward(self, at):
        """Exact values of every leaf given in ``at`` and every node."""
        values = dict(as_point(at))
        check_point(values, set(self.leaves()), "the graph")
        for n in self.order():
            values[n] = self._nodes[n].xreplace(values)
        return values

    def backward(self, of=None, wrt=None):
        """Reverse mode: one pass computes the adjoint dC/dv of every needed v.

        Adjoints stay in node symbols; a node feeding several others sums its
        consumers' contributions.
        """
        of = self._known_node(of)
        nodes = self.ancestors(of)
        leaves = self.leaves(of)
        wrt = self._wrt(wrt, of)
        relevant = _descendants(self._nodes, nodes, set(wrt)) | set(wrt)

        # Local derivatives of every edge into a relevant node.
        edges = {v: [] for v in relevant}
        for c in nodes:
            if c not in relevant:
                continue
            expr = self._nodes[c]
            # sigma'(z) = sigma(z)(1 - sigma(z)) reads o(1 - o) in node symbols,
            # and reuses the forward value.
            own = {expr: c} if rule_for(expr) else {}
            for s, local in _local_derivatives(expr, relevant):
                local = local.xreplace(own) if own else local
                if s in self._nodes:
                    local = at_point(local, s, self._nodes[s])
                edges[s].append((c, local))

        taken = {s.name for s in leaves} | {n.name for n in nodes}
        adjoints = {of: sympy.S.One}
        definitions = {}
        order = []
        targets = [n for n in reversed(nodes) if n in relevant and n != of]
        targets += [s for s in leaves if s in relevant and s not in self._nodes]
        for v in targets:
            total = Add(*(adjoints[c] * local for c, local in edges[v]))
            adj = _fresh(f"adj_{v.name}", taken)
            adjoints[v] = adj
            definitions[adj] = total
            order.append(v)
        return Backward(of, wrt, adjoints, definitions, edges, tuple(order))

    def program(self, of=None, wrt=None):
        """The forward and backward passes as one straight-line :class:`Program`.

        >>> p = Graph.from_text("a = 1.5*w; C = (a - 0.5)^2").program()
        >>> p.inputs, p.value, p.outputs
        ((w,), C, {w: adj_w})
        >>> p.assignments
        [(a, 3*w/2), (C, (a - 1/2)**2), (adj_a, 2*a - 1), (adj_w, 3*adj_a/2)]
        >>> p.evaluate({"w": 0.8})[p.outputs[p.inputs[0]]]
        21/10
        """
        back = self.backward(of, wrt)
        assignments = [(n, self._nodes[n]) for n in self.ancestors(back.of)]
        assignments += list(back.definitions.items())
        outputs = {v: back.adjoints.get(v, sympy.S.Zero) for v in back.wrt}
        return Program(self.leaves(back.of), assignments, outputs, back.of)

    def gradient(self, of=None, wrt=None, *, at=None, expand=True):
        """The gradient of ``of`` (default: the last node) with its derivation.

        Returns a :class:`~symopt.calculus.gradient.GradientResult` whose
        ``result`` maps each ``wrt`` symbol to its exact gradient in the
        leaves (tidied when ``expand``), and ``value`` to its value at ``at``.
        """
        from .gradient import gradient

        return gradient(self, of, wrt, at=at, expand=expand)

    def to_dot(self, *, at=None, of=None, wrt=None):
        """Graphviz DOT text; with ``at``, forward values and adjoints as labels."""
        from .dot import to_dot

        return to_dot(self, at=at, of=of, wrt=wrt)

    def draw(self, path, *, at=None, of=None, wrt=None):
        """Write a PNG of the graph (Graphviz ``dot``, else matplotlib)."""
        from .dot import draw

        return draw(self, path, at=at, of=of, wrt=wrt)

    def _wrt(self, wrt, of):
        if wrt is None:
            used = set(self.leaves(of))
            return tuple(s for s in self.params if s in used)
        if isinstance(wrt, (str, Symbol)):
            wrt = [wrt]
        chosen = tuple(as_symbol(v) for v in wrt)
        if not chosen:
            raise InputError(
                "wrt names no variable; give at least one, or leave it out "
                "for every leaf"
            )
        known = set(self.leaves()) | self._nodes.keys()
        for v in chosen:
            if v not in known:
                names = ", ".join(str(s) for s in self.leaves()) or "none"
                raise InputError(
                    f"{v} is not a parameter, input or node of the graph "
                    f"(leaves: {names})"
                )
        return chosen

    def __repr__(self):
        return f"<Graph: {len(self._nodes)} nodes>"


def _topological(nodes):
    """Depth-first topological order; reports the node closing a cycle."""
    done, active, order = set(), [], []

    def visit(n):
        if n in done:
            return
        if n in active:
            cycle = active[active.index(n) :] + [n]
            path = " -> ".join(str(s) for s in cycle)
            raise InputError(f"node {n} depends on itself through a cycle: {path}")
        active.append(n)
        deps = nodes[n].free_symbols & nodes.keys()
        for d in sorted(deps, key=_name):
            visit(d)
        active.pop()
        done.add(n)
        order.append(n)

    for n in nodes:
        visit(n)
    return tuple(order)


def _local_derivatives(expr, relevant):
    """``(symbol, d expr/d symbol)`` for each relevant symbol of ``expr``.

    A sum is split by symbol first, so a node with n terms costs O(n) rather
    than O(n) per symbol.
    """
    if expr.is_Add:
        groups = {}
        for term in expr.args:
            for s in term.free_symbols & relevant:
                groups.setdefault(s, []).append(term)
        pairs = (
            (s, sympy.Add(*(_term_diff(t, s) for t in ts))) for s, ts in groups.items()
        )
    else:
        pairs = ((s, _term_diff(expr, s)) for s in expr.free_symbols & relevant)
    ordered = sorted(pairs, key=lambda pair: _name(pair[0]))
    return [(s, d) for s, d in ordered if d != 0]


def _term_diff(term, s):
    """d term/d s, quickly for the common ``w*a`` and ``s`` terms."""
    if term == s:
        return sympy.S.One
    if term.is_Function and term.args == (s,) and not term.is_Derivative:
        return term.fdiff(1)
    if term.is_Mul and s in term.args:
        others = [f for f in term.args if f != s]
        if not any(f.has(s) for f in others):
            return sympy.Mul(*others)
    return term.diff(s)


def _descendants(nodes, order, sources):
    """Nodes in ``order`` that depend on any of ``sources``."""
    reached, feeding = set(), set(sources)
    for n in order:
        if not feeding.isdisjoint(nodes[n].free_symbols):
            reached.add(n)
            feeding.add(n)
    return reached


def _name(sym):
    return sym.name


def _fresh(name, taken):
    while name in taken:
        name += "_"
    taken.add(name)
    return Symbol(name, real=True)
