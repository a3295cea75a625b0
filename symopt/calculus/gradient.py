"""Backpropagation as a derivation: one chain-rule step per node.

The steps read as a lecture does: the graph's definitions, the seed
``dC/dC = 1``, then for each node in reverse order
``dC/dw = dC/da * da/dw = 2(a - 0.5) * 1.5 = 3(a - 0.5)`` (a sum over its
consumers when it feeds several), then each gradient substituted down to the
parameters (``4.5w - 1.5``) and, at a point, its exact value.
"""

import sympy
from sympy import Derivative, Mul

from ..derivation import Derivation, Table
from ..errors import shorten
from .steps import as_point, check_finite, substitute
from .tidy import dedupe, factored, neat, small, tidy, unevaluated_sum

__all__ = ["GradientResult", "gradient"]

# Adjoints in node symbols larger than this are shown as dC/dv in later
# steps instead of being written out, so deep graphs stay readable.
_INLINE_OPS = 40


class GradientResult:
    """Gradients of one node of a graph, with the backpropagation derivation.

    ``result`` maps each ``wrt`` symbol to its exact gradient in the leaves,
    ``in_nodes`` to the same gradient in node symbols, ``value`` to its exact
    value at the point ``at`` (empty without one), ``forward`` holds the
    node values there.
    """

    def __init__(self, graph, of, wrt, result, in_nodes, derivation, at, value, fwd):
        self.graph = graph
        self.of = of
        self.wrt = wrt
        self.result = result
        self.in_nodes = in_nodes
        self.derivation = derivation
        self.at = at
        self.value = value
        self.forward = fwd

    def to_data(self, *, lang="en", numbers="auto"):
        """JSON-able data: ``of``, ``wrt``, ``result``, ``value``, ``steps``.

        ``result`` and ``value`` are one string for one variable, else a dict.
        """
        from ..render.json import derivation_data, exact_str

        def per_var(mapping):
            if not mapping:
                return None
            if len(self.wrt) == 1:
                return exact_str(mapping[self.wrt[0]])
            return {exact_str(k): exact_str(v) for k, v in mapping.items()}

        steps = derivation_data(self.derivation, lang=lang, numbers=numbers)
        return {
            "of": exact_str(self.of),
            "wrt": [exact_str(v) for v in self.wrt],
            "result": per_var(self.result),
            "value": per_var(self.value),
            "at": {exact_str(k): exact_str(v) for k, v in (self.at or {}).items()},
            "nodes": {exact_str(k): exact_str(v) for k, v in self.graph.nodes.items()},
            "steps": steps["steps"],
        }

    def __repr__(self):
        shown = ", ".join(
            f"d{self.of}/d{v} = {shorten(e)}" for v, e in self.result.items()
        )
        return f"<GradientResult {shown}>"


def gradient(graph, of=None, wrt=None, *, at=None, expand=True):
    """Backpropagate through ``graph``; see :meth:`Graph.gradient`."""
    point = as_point(at)
    back = graph.backward(of, wrt)
    of, nodes = back.of, graph.nodes
    ancestors = graph.ancestors(of)
    defs = {n: nodes[n] for n in ancestors}
    d = Derivation("backprop", params={"of": of, "wrt": back.wrt}, definitions=defs)

    fwd = graph.forward(point) if point is not None else {}
    columns = ("graph_node", "graph_definition")
    columns += ("graph_value",) if point is not None else ()
    rows = [(n, defs[n]) + ((fwd[n],) if point is not None else ()) for n in ancestors]
    d.add("graph_nodes", table=Table(columns, rows))
    d.add("backprop_seed", Derivative(of, of), sympy.S.One, of=of)

    # Gradients down to the leaves, so each wrt step can end with its own.
    full = _leaf_forms(graph, back, ancestors)
    result = {}
    for v in back.wrt:
        raw = full.get(v, sympy.S.Zero) if v != of else sympy.S.One
        result[v] = tidy(raw) if expand else raw

    # One step per node or leaf, in the order the reverse pass visits them.
    shown = {of: sympy.S.One}
    in_nodes = {}
    for v in back.order:
        tail = result.get(v)
        in_nodes[v] = _edge_step(d, of, v, back.edges[v], shown, nodes, tail)
    for v in back.wrt:
        if v not in in_nodes:
            in_nodes[v] = result[v]
            d.add("backprop_result", Derivative(of, v), result[v], of=of, wrt=v)

    value = {}
    if point is not None:
        # The reverse pass at the point, exactly; large graphs show dC/dc
        # quotients in their steps, which take these values too.
        known = dict(fwd)
        for adj, expr in back.definitions.items():
            known[adj] = expr.xreplace(known)
        quotients = {Derivative(of, of): sympy.S.One}
        for n in back.order:
            quotients[Derivative(of, n)] = known[back.adjoints[n]]
        for v in back.wrt:
            adj = back.adjoints.get(v, sympy.S.Zero)
            value[v] = known.get(adj, adj) if adj != 1 else sympy.S.One
            check_finite(value[v], f"d{of}/d{v}", point)
            with sympy.evaluate(False):
                plugged = in_nodes[v].xreplace(quotients).xreplace(fwd)
            chain = dedupe([plugged, value[v]])
            quotient = Derivative(of, v)
            d.add(
                "backprop_value", *chain, of=of, wrt=v, quotient=quotient, point=point
            )
    return GradientResult(graph, of, back.wrt, result, in_nodes, d, point, value, fwd)


def _edge_step(d, of, v, edges, shown, nodes, tail):
    """``dC/dv`` as the sum over v's consumers c of ``dC/dc * dc/dv``.

    ``tail``, when given, is the gradient in the leaves, ending the chain.
    """
    leibniz, values = [], []
    for c, local in edges:
        quotient = Derivative(c, v) if _direct_only(c, v, nodes) else local
        if c == of:
            leibniz.append(quotient)
        else:
            leibniz.append(Mul(Derivative(of, c), quotient, evaluate=False))
        # dC/dc = 1 stays visible under its quotient (1 · 2a); the seed
        # dC/dC, which the pattern leaves out, does not.
        left = None if c == of else shown[c]
        values.append(_product(left, _display(local)))
    pattern = unevaluated_sum(leibniz) if leibniz else sympy.S.Zero
    raw = unevaluated_sum(values) if values else sympy.S.Zero
    total = sympy.Add(*(shown[c] * local for c, local in edges))
    tidied = neat(total)
    shown[v] = tidied if small(tidied, 2 * _INLINE_OPS) else Derivative(of, v)
    rule = "backprop_paths" if len(edges) > 1 else "backprop_edge"
    consumers = tuple(c for c, _ in edges)
    chain = [Derivative(of, v), pattern, raw, tidied]
    if tail is not None:
        chain.append(tail)
    # One consumer is one edge, v → c, shown as one formula.
    via = consumers[0] if len(consumers) == 1 else consumers
    d.add(rule, *dedupe(chain), of=of, node=v, via=via)
    return tidied


def _direct_only(c, v, nodes):
    """True when ``c`` depends on ``v`` only through the direct edge, so the
    Leibniz quotient dc/dv is the local partial derivative."""
    others = nodes[c].free_symbols - {v}
    frontier = [s for s in others if s in nodes]
    seen = set()
    while frontier:
        s = frontier.pop()
        if s == v:
            return False
        if s in seen or s not in nodes:
            continue
        seen.add(s)
        if v in nodes[s].free_symbols:
            return False
        frontier.extend(nodes[s].free_symbols & nodes.keys())
    return True


def _display(expr):
    return factored(expr) if expr.is_Add else expr


def _product(left, right):
    if left is None:
        return right
    if right == 1:
        return left
    return Mul(left, right, evaluate=False)


def _leaf_forms(graph, back, ancestors):
    """Every adjoint with nodes and adjoints substituted down to the leaves."""
    nodes = graph.nodes
    full = {}
    for n in ancestors:
        full[n] = nodes[n].xreplace(full)
    forms = {}
    for adj, expr in back.definitions.items():
        forms[adj] = substitute(expr.xreplace(forms), full)
    return {v: forms[back.adjoints[v]] for v in back.order}
