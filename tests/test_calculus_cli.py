"""``symopt diff`` and ``symopt grad`` from the command line."""

import json

import pytest

from symopt.cli import main

LECTURE = ["grad", "--node", "a = 1.5*w", "--node", "C = (a - 0.5)^2", "--wrt", "w"]


def run(argv, capsys):
    code = main(argv)
    out, err = capsys.readouterr()
    return code, out, err


def test_grad_lecture_text(capsys):
    code, out, _ = run(LECTURE + ["--at", "w=0.8"], capsys)
    assert code == 0
    assert "   dC/dw = dC/da · da/dw\n" in out
    assert "= 2(a - 0.5)·1.5\n         = 3(a - 0.5)\n         = 4.5w - 1.5\n" in out
    assert out.rstrip().endswith("= 2.1")


def test_grad_lecture_json(capsys):
    code, out, _ = run(LECTURE + ["--at", "w=0.8", "--format", "json"], capsys)
    assert code == 0
    data = json.loads(out)
    assert data["of"] == "C"
    assert data["wrt"] == ["w"]
    assert data["result"] == "9*w/2 - 3/2"
    assert data["value"] == "21/10"
    assert data["steps"][-1]["chain"] == ["3*(-1/2 + 6/5)", "21/10"]


def test_grad_many_parameters_and_of(capsys):
    argv = ["grad", "--node", "z = w1*x + b", "--node", "C = (z - y)^2"]
    argv += ["--wrt", "w1,b", "--of", "C", "--format", "json"]
    argv += ["--at", "x=2,y=1", "--at", "w1=1", "--at", "b=0"]
    code, out, _ = run(argv, capsys)
    assert code == 0
    data = json.loads(out)
    assert data["result"] == {
        "w1": "2*b*x + 2*w1*x**2 - 2*x*y",
        "b": "2*b + 2*w1*x - 2*y",
    }
    assert data["value"] == {"w1": "4", "b": "2"}


def test_grad_writes_dot(tmp_path, capsys):
    path = tmp_path / "g.dot"
    code, _, _ = run(LECTURE + ["--dot", str(path)], capsys)
    assert code == 0
    assert path.read_text().startswith("digraph G {\n  rankdir=LR;\n")


def test_diff_json(capsys):
    argv = ["diff", "(1.5w - 0.5)^2", "--wrt", "w", "--at", "w=0.8", "--format", "json"]
    code, out, _ = run(argv, capsys)
    assert code == 0
    data = json.loads(out)
    assert (data["of"], data["result"], data["value"]) == (
        "(3*w/2 - 1/2)**2",
        "9*w/2 - 3/2",
        "21/10",
    )


def test_diff_korean_text(capsys):
    code, out, _ = run(["diff", "sigmoid(x)", "--wrt", "x", "--lang", "ko"], capsys)
    assert code == 0
    assert "시그모이드 미분" in out


def test_errors_are_one_line_exit_2(capsys):
    code, out, err = run(["grad", "--node", "a = b + 1", "--node", "b = 2a"], capsys)
    assert code == 2
    assert out == ""
    assert err == (
        "symopt grad: error: node a depends on itself through a cycle: a -> b -> a\n"
    )
    code, _, err = run(["diff", "x^2", "--wrt", "x", "--at", "x"], capsys)
    assert code == 2
    assert err == (
        "symopt diff: error: expected NAME=VALUE for --at, got 'x'; "
        "write e.g. --at w=0.8\n"
    )


def test_a_name_given_twice_is_an_error(capsys):
    code, out, err = run(LECTURE + ["--at", "w=0.8", "--at", "w=1"], capsys)
    assert (code, out) == (2, "")
    assert err == "symopt grad: error: w is given twice in --at; give each name once\n"


def test_grad_refuses_a_node_name_that_is_not_a_name(capsys):
    code, out, err = run(["grad", "--node", "1a = w", "--node", "C = a^2"], capsys)
    assert (code, out) == (2, "")
    assert err == (
        "symopt grad: error: expected NAME = EXPRESSION, but '1a' is not a name "
        "at column 1; a name starts with a letter and stands alone before '=', "
        "such as a, h_1 or x1\n"
    )


@pytest.mark.parametrize("wrt", [",", "", "w,", " , w"])
def test_grad_refuses_empty_names_in_wrt(wrt, capsys):
    code, out, err = run(LECTURE[:-1] + [wrt], capsys)
    assert (code, out) == (2, "")
    assert err == (
        f"symopt grad: error: --wrt {wrt!r} has an empty name; list names "
        "separated by commas, e.g. --wrt w1,b, or leave --wrt out for every leaf\n"
    )
