"""``symopt diff EXPR --wrt VAR [--at VAR=VALUE ...]``: a derivative step by step."""

from .options import assignments


def add_arguments(parser):
    parser.add_argument(
        "expr", metavar="EXPR", help='a function, e.g. "(1.5w - 0.5)^2"'
    )
    parser.add_argument(
        "--wrt", required=True, metavar="VAR", help="the variable to differentiate by"
    )
    parser.add_argument(
        "--at",
        action="append",
        default=[],
        metavar="VAR=VALUE",
        help="evaluate the derivative there (repeatable), e.g. --at w=0.8",
    )


def run(args):
    from ..calculus import diff_steps
    from ..render import render

    result = diff_steps(args.expr, args.wrt, at=assignments(args.at, "--at"))
    return render(result, args.format, lang=args.lang, numbers=args.numbers)
