import json
import pathlib
import shutil
import subprocess
import sys

import pytest

import symopt
from symopt.cli import COMMANDS, main
from symopt.render.json import exact_str

_CHOICES = ", ".join(repr(name) for name in COMMANDS)

LECTURE_TEXT = """\
input     4.5w - 1.5
exact     9*w/2 - 3/2
shown as  4.5w - 1.5
LaTeX     4.5 w - 1.5
symbols   w
"""


def run(capsys, *argv):
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_parse_lecture_expression(capsys):
    assert run(capsys, "parse", "4.5w - 1.5") == (0, LECTURE_TEXT, "")


def test_parse_korean_labels_align(capsys):
    code, out, _ = run(capsys, "parse", "4.5w - 1.5", "--lang", "ko")
    assert code == 0
    assert out.splitlines()[:2] == ["입력       4.5w - 1.5", "정확한 값  9*w/2 - 3/2"]


def test_parse_json(capsys):
    code, out, _ = run(capsys, "parse", "x^2 <= 0.5", "--format", "json")
    assert code == 0
    assert json.loads(out) == {
        "input": "x^2 <= 0.5",
        "exact": "x**2 <= 1/2",
        "latex": r"x^{2} \leq 0.5",
        "symbols": ["x"],
    }


@pytest.mark.parametrize(
    "text", ["lambda*mu + 4.5w_1", "x1 == 2", "sigmoid(alpha) <= 0.2", "-x^2"]
)
def test_parse_json_exact_parses_back(capsys, text):
    from sympy.parsing.sympy_parser import parse_expr

    from symopt import parse, sigmoid

    code, out, _ = run(capsys, "parse", text, "--format", "json")
    data = json.loads(out)
    expected = parse(text)
    names = {exact_str(s): s for s in expected.free_symbols}
    assert sorted(names) == data["symbols"]
    assert parse_expr(data["exact"], local_dict={**names, "sigmoid": sigmoid}) == (
        expected
    )


@pytest.mark.parametrize(
    ("fmt", "numbers", "expected"),
    [
        ("latex", "auto", "4.5 w - 1.5\n"),
        ("latex", "fraction", "\\frac{9 w}{2} - \\frac{3}{2}\n"),
        ("markdown", "auto", "$$\n4.5 w - 1.5\n$$\n"),
        ("markdown", "fraction", "$$\n\\frac{9 w}{2} - \\frac{3}{2}\n$$\n"),
        ("json", "decimal", '"latex": "0.333333\\\\ldots x"'),
    ],
)
def test_parse_latex_follows_numbers(capsys, fmt, numbers, expected):
    text = "x/3" if fmt == "json" else "4.5w - 1.5"
    argv = ["parse", text, "--format", fmt, "--numbers", numbers]
    code, out, err = run(capsys, *argv)
    assert (code, err) == (0, "")
    assert expected in out if fmt == "json" else out == expected


def test_parse_labels_come_from_the_phrase_tables(capsys):
    code, out, _ = run(capsys, "parse", "x/3", "--lang", "ko", "--numbers", "fraction")
    assert (code, out) == (
        0,
        "입력       x/3\n"
        "정확한 값  x/3\n"
        "표시       x/3\n"
        "LaTeX      \\frac{x}{3}\n"
        "기호       x\n",
    )


@pytest.mark.parametrize(
    "argv",
    [
        ["parse", "-x^2"],
        ["parse", "--", "-x^2"],
        ["parse", "-x^2", "--format", "latex"],
        ["parse", "--format", "latex", "-x^2"],
    ],
)
def test_expression_starting_with_minus(capsys, argv):
    code, out, err = run(capsys, *argv)
    assert (code, err) == (0, "")
    assert "-x^{2}" in out


def test_out_file(capsys, tmp_path):
    target = tmp_path / "parsed.tex"
    assert run(capsys, "parse", "0.2", "--format", "latex", "--out", str(target)) == (
        0,
        "",
        "",
    )
    assert target.read_text(encoding="utf-8") == "0.2\n"


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["parse", "x.real"], "symopt parse: error: '.' is not allowed at column 2; "
         "no attribute access; write names like w_1 or x1\n"),
        (["parse", ""], "symopt parse: error: empty input; write an expression such "
         "as 4.5*w - 1.5\n"),
        (["parse", "x", "--out", "/nonexistent/dir/f"], "symopt parse: error: cannot "
         "write /nonexistent/dir/f: No such file or directory\n"),
        (["parse", "--formt", "json", "x"], "symopt: error: unrecognized arguments: "
         "--formt x (see 'symopt --help')\n"),
        (["parse"], "symopt parse: error: the following arguments are required: EXPR "
         "(see 'symopt parse --help')\n"),
        (["bogus"], "symopt: error: argument COMMAND: invalid choice: 'bogus' "
         f"(choose from {_CHOICES}) (see 'symopt --help')\n"),
        (["parse", "x", "--format", "pdf"], "symopt parse: error: argument --format: "
         "invalid choice: 'pdf' (choose from 'text', 'latex', 'markdown', 'json') "
         "(see 'symopt parse --help')\n"),
    ],
)  # fmt: skip
def test_user_errors_are_one_line_exit_2(capsys, argv, message):
    assert run(capsys, *argv) == (2, "", message)


def test_version_and_help(capsys):
    assert run(capsys, "--version") == (0, f"symopt {symopt.__version__}\n", "")
    code, out, err = run(capsys, "--help")
    assert (code, err) == (0, "")
    assert "parse" in out and "show how an expression or relation is read" in out
    code, out, _ = run(capsys, "parse", "--help")
    assert code == 0 and "--numbers {auto,decimal,fraction}" in out


def test_no_command_prints_help(capsys):
    code, out, _ = run(capsys)
    assert code == 0 and out.startswith("usage: symopt")


# The installed script, for real: exit codes, one stderr line, no traceback.


def script(*argv):
    path = shutil.which("symopt", path=str(pathlib.Path(sys.executable).parent))
    assert path, "the symopt script is not installed next to this Python"
    return subprocess.run(
        [path, *argv], capture_output=True, text=True, timeout=120, check=False
    )


def test_script_success():
    done = script("parse", "4.5w - 1.5")
    assert (done.returncode, done.stdout, done.stderr) == (0, LECTURE_TEXT, "")


@pytest.mark.parametrize(
    "argv", [["parse", "9^9^9^9"], ["parse", "__import__('os')"], ["--bogus"]]
)
def test_script_user_error(argv):
    done = script(*argv)
    assert done.returncode == 2
    assert done.stdout == ""
    assert len(done.stderr.splitlines()) == 1
    assert "Traceback" not in done.stderr


def test_script_help_loads_no_sympy():
    code = (
        "import sys, symopt.cli\n"
        "try:\n    symopt.cli.main(['--help'])\nexcept SystemExit:\n    pass\n"
        "print('sympy' in sys.modules)"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert done.stdout.splitlines()[-1] == "False"
