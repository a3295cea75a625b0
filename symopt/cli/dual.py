"""``symopt dual OBJECTIVE``: the Lagrange dual, the duality gap and Slater."""

from .solve import add_problem_arguments, build_problem


def add_arguments(parser):
    parser.add_argument("objective", metavar="OBJECTIVE", help='e.g. "(y - 1)^2"')
    add_problem_arguments(parser)


def run(args):
    from ..render import render

    result = build_problem(args).dual(timeout=args.timeout)
    return render(result, args.format, lang=args.lang, numbers=args.numbers)
