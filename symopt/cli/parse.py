"""``symopt parse EXPR``: how symopt reads an expression or relation."""

import json
import unicodedata


def add_arguments(parser):
    parser.add_argument("expr", metavar="EXPR", help='an expression, e.g. "4.5w - 1.5"')


def run(args):
    from ..parsing import parse
    from ..render.json import exact_str
    from ..render.numbers import to_latex, to_text
    from ..render.phrases import phrase_table

    expr = parse(args.expr)
    exact = str(expr)
    latex = to_latex(expr, args.numbers)
    symbols = sorted(str(s) for s in expr.free_symbols)
    if args.format == "json":
        # Strings SymPy parses back, as in every JSON output (lambda_ for lambda).
        data = {
            "input": args.expr,
            "exact": exact_str(expr),
            "latex": latex,
            "symbols": sorted(exact_str(s) for s in expr.free_symbols),
        }
        return json.dumps(data, ensure_ascii=False, indent=2)
    if args.format == "latex":
        return latex
    if args.format == "markdown":
        return f"$$\n{latex}\n$$"
    shown = to_text(expr, args.numbers)
    labels = phrase_table(args.lang)
    rows = [
        (labels["parse_input"], args.expr),
        (labels["parse_exact"], exact),
        (labels["parse_shown"], shown),
        (labels["parse_latex"], latex),
        (labels["parse_symbols"], ", ".join(symbols) or "-"),
    ]
    width = max(_width(k) for k, _ in rows)
    return "\n".join(f"{k}{' ' * (width - _width(k))}  {v}" for k, v in rows)


def _width(text):
    # Korean labels take two terminal columns per character.
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)
