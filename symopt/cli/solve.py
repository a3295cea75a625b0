"""``symopt solve OBJECTIVE``: exact constrained optimization, step by step."""

from ..budget import DEFAULT_TIMEOUT


def add_arguments(parser):
    parser.add_argument("objective", metavar="OBJECTIVE", help='e.g. "x + y"')
    add_problem_arguments(parser)


def add_problem_arguments(parser):
    """The options ``solve`` and ``dual`` share."""
    sense = parser.add_mutually_exclusive_group()
    sense.add_argument(
        "--minimize", dest="sense", action="store_const", const="min", default="min"
    )
    sense.add_argument("--maximize", dest="sense", action="store_const", const="max")
    parser.add_argument(
        "--subject-to",
        "-s",
        dest="constraints",
        metavar="CONSTRAINT",
        nargs="+",
        action="extend",
        default=[],
        help='constraints, e.g. "x^2 + y^2 == 1" "y >= 3"',
    )
    parser.add_argument("--vars", metavar="x,y", help="the variables, in order")
    parser.add_argument(
        "--timeout",
        type=float,
        default=DEFAULT_TIMEOUT,
        metavar="S",
        help=f"seconds of exact work allowed (default: {DEFAULT_TIMEOUT:g})",
    )


def build_problem(args):
    from ..optimize import Problem

    build = Problem.maximize if args.sense == "max" else Problem.minimize
    problem = build(args.objective, variables=args.vars)
    return problem.subject_to(*args.constraints)


def run(args):
    from ..render import render

    problem = build_problem(args)
    on_timeout = "status" if args.format == "json" else "raise"
    solution = problem.solve(timeout=args.timeout, on_timeout=on_timeout)
    return render(solution, args.format, lang=args.lang, numbers=args.numbers)
