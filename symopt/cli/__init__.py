"""The ``symopt`` command: argparse in front of the library.

Each subcommand lives in its own module of this package, which defines
``add_arguments(parser)`` and ``run(args) -> str`` and imports heavy modules
inside ``run`` only, so ``symopt --help`` stays fast. It is registered with
one line in ``COMMANDS``.

Every user error, argparse's included, is one line on stderr and exit 2.
An expression may start with ``-`` (``symopt parse "-x^2"``): any argument
that starts with ``-`` and is not an option symopt knows is read as a value.
"""

import argparse
import importlib
import sys

from ..errors import SymoptError

__all__ = ["main"]

# Subcommand name -> (module, one-line help). Help text lives here so that
# building the parser imports no subcommand module.
COMMANDS = {
    "parse": ("parse", "show how an expression or relation is read"),
    "diff": ("diff", "differentiate an expression step by step"),
    "grad": ("grad", "backpropagate through a computation graph"),
    "solve": ("solve", "solve a constrained problem exactly (Lagrange, KKT)"),
    "dual": ("dual", "the Lagrange dual, the duality gap and Slater's condition"),
    "descend": ("descend", "gradient descent beside the exact answer and its theory"),
    "tour": ("tour", "the lecture's worked examples, computed (text or a document)"),
}


def common_options():
    """Options every subcommand shares: format, language, numbers, output."""
    common = argparse.ArgumentParser(add_help=False)
    group = common.add_argument_group("output")
    group.add_argument(
        "--format",
        choices=("text", "latex", "markdown", "json"),
        default="text",
        help="output format (default: text)",
    )
    group.add_argument(
        "--lang", choices=("en", "ko"), default="en", help="language (default: en)"
    )
    group.add_argument(
        "--numbers",
        choices=("auto", "decimal", "fraction"),
        default="auto",
        help="number display: decimals where exact, else fractions (default: auto)",
    )
    group.add_argument("--out", metavar="FILE", help="write to FILE instead of stdout")
    return common


class _Parser(argparse.ArgumentParser):
    """argparse with a one-line error: no usage block above it."""

    def error(self, message):
        hint = f"see '{self.prog} --help'"
        self.exit(2, f"{self.prog}: error: {' '.join(message.split())} ({hint})\n")


def build_parser():
    from .. import __version__

    parser = _Parser(
        prog="symopt",
        description="Exact, step-by-step derivations for calculus and optimization.",
    )
    parser.add_argument("--version", action="version", version=f"symopt {__version__}")
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND")
    common = common_options()
    for name, (module, help_text) in COMMANDS.items():
        sub = subparsers.add_parser(name, help=help_text, parents=[common])
        sub.set_defaults(module=module)
        _module(module).add_arguments(sub)
    return parser


def _module(name):
    return importlib.import_module(f"{__name__}.{name}")


def main(argv=None):
    """Entry point: returns the exit code (0 ok, 2 user error)."""
    parser = build_parser()
    argv = sys.argv[1:] if argv is None else list(argv)
    shielded, originals = _shield_values(argv, _option_strings(parser))
    try:
        args = parser.parse_args(shielded)
    except SystemExit as done:  # --help, --version and usage errors
        return done.code
    for key, value in vars(args).items():
        if isinstance(value, str) and value in originals:
            setattr(args, key, originals[value])
    if args.command is None:
        parser.print_help()
        return 0
    try:
        output = _module(args.module).run(args)
        write(output, args.out)
    except SymoptError as error:
        message = " ".join(str(error).split())
        print(f"symopt {args.command}: error: {message}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("symopt: interrupted", file=sys.stderr)
        return 130
    return 0


def _option_strings(parser):
    found = set()
    stack = [parser]
    while stack:
        current = stack.pop()
        found.update(current._option_string_actions)
        for action in current._actions:
            if isinstance(action, argparse._SubParsersAction):
                stack.extend(action.choices.values())
    return found


def _shield_values(argv, options):
    """Hide a leading '-' of values (``-x^2``) from argparse with a space.

    argparse would take ``-x^2`` for an unknown option. Returns the shielded
    list and a map back to the original strings.
    """
    shielded, originals = [], {}
    for position, arg in enumerate(argv):
        if arg == "--":
            return shielded + argv[position:], originals
        is_value = arg.startswith("-") and not arg.startswith("--")
        if is_value and arg.split("=")[0] not in options:
            originals[" " + arg] = arg
            arg = " " + arg
        shielded.append(arg)
    return shielded, originals


def write(output, path):
    if not output.endswith("\n"):
        output += "\n"
    if path is None:
        sys.stdout.write(output)
        return
    try:
        with open(path, "w", encoding="utf-8") as handle:
            handle.write(output)
    except OSError as error:
        raise SymoptError(f"cannot write {path}: {error.strerror}") from None


if __name__ == "__main__":
    sys.exit(main())
