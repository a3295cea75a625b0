"""``symopt descend OBJECTIVE --from w=0.8 --lr 0.2``: gradient descent beside
the exact answer, its convergence theory, and optionally a plot."""


def add_arguments(parser):
    parser.add_argument(
        "objective",
        metavar="OBJECTIVE",
        help='the function to minimize, e.g. "(1.5w - 0.5)^2"',
    )
    parser.add_argument(
        "--from",
        dest="start",
        action="append",
        required=True,
        metavar="NAME=VALUE",
        help="start value of a variable (repeat, or comma-separate: x=0,y=1)",
    )
    parser.add_argument("--lr", default="0.1", help="step size (default: 0.1)")
    parser.add_argument("--steps", type=int, help="number of steps")
    parser.add_argument(
        "--tol", type=float, help="stop when a step moves less than this"
    )
    parser.add_argument(
        "--subject-to",
        action="append",
        default=[],
        metavar="CONSTRAINT",
        help='a constraint such as "y >= 3" (repeat for more)',
    )
    parser.add_argument(
        "--method",
        choices=("gd", "projected", "primal-dual"),
        default=None,
        help="gd (default without constraints), projected, primal-dual "
        "(default with constraints: projected when possible)",
    )
    parser.add_argument(
        "--rho",
        default="0",
        metavar="R",
        help="primal-dual on the augmented Lagrangian L + R/2 sum h^2 "
        "(stable where L is not convex in x; default 0)",
    )
    parser.add_argument(
        "--optimum",
        action="append",
        metavar="NAME=VALUE",
        help="the exact optimum, when symopt should not solve for it",
    )
    parser.add_argument(
        "--sweep",
        metavar="START:STOP:COUNT",
        help="run every step size in a range at once, e.g. 0.05:0.5:10",
    )
    parser.add_argument(
        "--plot", metavar="FILE", help="also draw the run to FILE.png or FILE.svg"
    )


def run(args):
    from ..errors import InputError
    from ..numeric import descend, sweep
    from ..numeric.sweep import parse_range
    from ..parsing import parse
    from ..render import render

    objective = parse(args.objective)
    if isinstance(objective, _relational()):
        raise InputError(
            f"expected an objective to minimize, got the relation {args.objective!r}; "
            "give constraints with --subject-to"
        )
    start = _assignments(args.start, "--from")
    optimum = _assignments(args.optimum, "--optimum") if args.optimum else None
    if args.sweep:
        if args.subject_to:
            raise InputError("--sweep runs plain descent; drop --subject-to")
        result = sweep(
            objective,
            start,
            parse_range(args.sweep),
            steps=args.steps or 10_000,
            tol=args.tol or 1e-10,
            optimum=optimum,
        )
    else:
        method = args.method or "gd"
        kkt = optimum if args.subject_to else None
        result = descend(
            objective,
            start,
            lr=_number(args.lr, "--lr"),
            steps=args.steps,
            tol=args.tol,
            optimum=None if args.subject_to else optimum,
            subject_to=args.subject_to,
            method=method,
            kkt=kkt,
            rho=_number(args.rho, "--rho"),
        )
    if args.plot:
        from ..plot import plot_result

        plot_result(result, args.plot)
    return render(result, args.format, lang=args.lang, numbers=args.numbers)


def _relational():
    import sympy

    return sympy.core.relational.Relational


def _assignments(items, option):
    from .options import assignments

    return {
        name: _read(value, f"{option} {name}")
        for name, value in assignments(items, option).items()
    }


def _read(text, what):
    # The parser's message says what is wrong in the text; this says which
    # option held it.
    from ..errors import InputError
    from ..parsing import parse

    try:
        return parse(text)
    except InputError as error:
        raise InputError(f"{what}: {error}") from None


def _number(text, option):
    from ..errors import InputError

    value = _read(text, option)
    if not value.is_number:
        raise InputError(f"{option} expects a number like 0.2, got {text!r:.40}")
    return value
