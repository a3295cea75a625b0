"""The ``symopt`` command: argparse in front of the library.

Each subcommand lives in its own module of this package and is imported only
when it runs, so ``symopt --help`` stays fast. A module registers itself by
defining ``add_parser(subparsers, common)`` and ``run(args) -> str``.
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


def build_parser():
    from .. import __version__

    parser = argparse.ArgumentParser(
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
    args = parser.parse_args(argv)
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
