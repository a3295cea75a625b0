"""Drawing a computation graph: Graphviz DOT text, and a PNG.

Leaves (inputs, parameters) are ellipses, nodes are boxes labelled with
their definitions; with a point, each label adds the forward value and the
adjoint ``dC/dv`` there.
"""

import shutil
import subprocess

from ..errors import InputError, SolveError
from ..render.numbers import to_text

__all__ = ["to_dot", "draw"]


def _quote(text):
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def _labels(graph, at, of, wrt):
    """Node -> label lines, and the adjoint values when ``at`` is given."""
    nodes = graph.nodes
    lines = {s: [to_text(s)] for s in graph.leaves()}
    for n, expr in nodes.items():
        lines[n] = [f"{to_text(n)} = {to_text(expr)}"]
    if at is None:
        return lines
    values = graph.forward(at)
    program = graph.program(of=of, wrt=wrt)
    computed = program.evaluate(at)
    back = graph.backward(of, wrt)
    for v, text in lines.items():
        if v in values:
            text.append(f"value {to_text(values[v])}")
        adj = back.adjoints.get(v)
        if adj is not None:
            shown = adj if adj == 1 else computed.get(adj, adj)
            text.append(f"d{back.of}/d{v} = {to_text(shown)}")
    return lines


def to_dot(graph, *, at=None, of=None, wrt=None):
    """The graph as Graphviz DOT text.

    >>> from symopt.calculus import Graph
    >>> print(to_dot(Graph.from_text("a = 1.5*w; C = (a - 0.5)^2")))
    digraph G {
      rankdir=LR;
      "w" [shape=ellipse, label="w"];
      "a" [shape=box, label="a = 1.5w"];
      "C" [shape=box, label="C = (a - 0.5)²"];
      "w" -> "a";
      "a" -> "C";
    }
    """
    nodes = graph.nodes
    labels = _labels(graph, at, of, wrt)
    out = ["digraph G {", "  rankdir=LR;"]
    for v, text in labels.items():
        shape = "box" if v in nodes else "ellipse"
        label = "\\n".join(t.replace("\\", "\\\\").replace('"', '\\"') for t in text)
        out.append(f'  {_quote(v.name)} [shape={shape}, label="{label}"];')
    for n, expr in nodes.items():
        for s in sorted(expr.free_symbols, key=lambda s: s.name):
            out.append(f"  {_quote(s.name)} -> {_quote(n.name)};")
    out.append("}")
    return "\n".join(out)


def draw(graph, path, *, at=None, of=None, wrt=None):
    """Write the graph as a PNG to ``path``: Graphviz when present, else matplotlib."""
    text = to_dot(graph, at=at, of=of, wrt=wrt)
    dot = shutil.which("dot")
    if dot is not None:
        done = subprocess.run(  # noqa: S603 - a fixed program, DOT on stdin
            [dot, "-Tpng", "-o", str(path)],
            input=text.encode("utf-8"),
            capture_output=True,
            timeout=60,
        )
        if done.returncode != 0:
            message = done.stderr.decode("utf-8", "replace").strip()[:200]
            raise SolveError(f"Graphviz could not draw the graph: {message}")
        return path
    return _draw_matplotlib(graph, path, _labels(graph, at, of, wrt))


def _draw_matplotlib(graph, path, labels):
    try:
        # A bare Figure, not pyplot, so a user's own backend is left alone.
        from matplotlib.figure import Figure
    except ImportError:
        raise InputError(
            "drawing needs Graphviz (the dot program) or matplotlib; install "
            "one, or use to_dot() and draw the text elsewhere"
        ) from None

    # Columns by depth: leaves at 0, each node one right of its deepest input;
    # rows spaced by the tallest label, so multi-line labels never overlap.
    nodes = graph.nodes
    depth = {s: 0 for s in graph.leaves()}
    for n, expr in nodes.items():
        depth[n] = 1 + max((depth[s] for s in expr.free_symbols), default=0)
    columns = {}
    for v, d in depth.items():
        columns.setdefault(d, []).append(v)
    gap = 0.6 + 0.35 * max(len(t) for t in labels.values())
    where = {}
    for d, members in columns.items():
        for i, v in enumerate(members):
            where[v] = (d, gap * (-i + (len(members) - 1) / 2))

    width = 2.8 * (max(columns) + 1)
    height = gap * max(len(m) for m in columns.values()) + 1
    fig = Figure(figsize=(width, height))
    ax = fig.subplots()
    texts = {}
    for v, (x, y) in where.items():
        box = "round" if v in nodes else "round,pad=0.6,rounding_size=0.8"
        texts[v] = ax.text(
            x,
            y,
            "\n".join(labels[v]),
            ha="center",
            va="center",
            fontsize=8,
            bbox={"boxstyle": box, "facecolor": "white"},
        )
    # Arrows run between the label boxes, so their heads stay visible.
    for n, expr in nodes.items():
        for s in expr.free_symbols:
            ax.annotate(
                "",
                where[n],
                where[s],
                arrowprops={
                    "arrowstyle": "->",
                    "color": "0.4",
                    "patchA": texts[s].get_bbox_patch(),
                    "patchB": texts[n].get_bbox_patch(),
                },
            )
    ax.set_xlim(-0.7, max(columns) + 0.7)
    ax.set_ylim(
        min(y for _, y in where.values()) - gap,
        max(y for _, y in where.values()) + gap,
    )
    ax.axis("off")
    fig.savefig(path, dpi=120, bbox_inches="tight")
    return path
