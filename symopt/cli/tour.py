"""``symopt tour [TOPIC]``: the lecture's worked examples, computed now.

With no topic, every topic in the lecture's order; ``--list`` names them.
``--format markdown|latex --out DIR`` writes one document with its figures
as PNG files beside it.
"""


def add_arguments(parser):
    parser.add_argument("topic", nargs="?", metavar="TOPIC", help="one topic only")
    parser.add_argument("--list", action="store_true", help="list the topics")
    lecture = parser.add_argument_group("lecture inputs")
    lecture.add_argument("--lr", help="descent step size (default 0.2)")
    lecture.add_argument("--w0", help="initial weight (default 0.8)")
    lecture.add_argument(
        "--perceptron-lr", help="perceptron learning rate (default 0.1)"
    )


def run(args):
    from ..errors import InputError
    from ..tour import topic_ids, tour
    from ..tour.document import FILENAMES

    if args.list:
        return "\n".join(topic_ids())
    changes = {
        name: value
        for name, value in (
            ("lr", args.lr),
            ("w0", args.w0),
            ("perceptron_lr", args.perceptron_lr),
        )
        if value is not None
    }
    lecture = tour(args.topic, **changes)
    if args.format in FILENAMES:
        if args.out is None:
            raise InputError(
                f"--format {args.format} writes a document with figures; "
                "give a directory with --out DIR"
            )
        path = lecture.write(
            args.out, format=args.format, lang=args.lang, numbers=args.numbers
        )
        # The document is written; the CLI prints where instead of writing
        # its output over the directory.
        args.out = None
        return f"wrote {path}"
    return lecture.render(args.format, lang=args.lang, numbers=args.numbers)
