"""``symopt grad --node NAME=EXPR ... --wrt VAR[,VAR...]``: backpropagation."""

from .options import assignments


def add_arguments(parser):
    parser.add_argument(
        "--node",
        action="append",
        required=True,
        metavar="NAME=EXPR",
        help='a graph node, in evaluation order (repeatable), e.g. "a = 1.5*w"',
    )
    parser.add_argument(
        "--wrt",
        metavar="VAR[,VAR...]",
        help="parameters to differentiate by (default: every leaf)",
    )
    parser.add_argument(
        "--of", metavar="NODE", help="the output node (default: the last one)"
    )
    parser.add_argument(
        "--at",
        action="append",
        default=[],
        metavar="VAR=VALUE",
        help="evaluate at this point (repeatable), e.g. --at w=0.8",
    )
    parser.add_argument(
        "--dot", metavar="FILE", help="also write the graph as Graphviz DOT (or .png)"
    )


def run(args):
    from ..calculus import Graph
    from ..render import render

    graph = Graph.from_text(args.node)
    wrt = None if args.wrt is None else _names(args.wrt)
    point = assignments(args.at, "--at")
    result = graph.gradient(of=args.of, wrt=wrt, at=point)
    if args.dot:
        _write_graph(graph, args.dot, point, args.of, wrt)
    return render(result, args.format, lang=args.lang, numbers=args.numbers)


def _names(text):
    from ..errors import InputError

    names = [v.strip() for v in text.split(",")]
    if not all(names):
        raise InputError(
            f"--wrt {text!r} has an empty name; list names separated by commas, "
            "e.g. --wrt w1,b, or leave --wrt out for every leaf"
        )
    return names


def _write_graph(graph, path, point, of, wrt):
    from ..errors import SymoptError

    if str(path).lower().endswith(".png"):
        graph.draw(path, at=point, of=of, wrt=wrt)
        return
    try:
        with open(path, "w", encoding="utf-8") as handle:
            handle.write(graph.to_dot(at=point, of=of, wrt=wrt) + "\n")
    except OSError as error:
        raise SymoptError(f"cannot write {path}: {error.strerror}") from None
