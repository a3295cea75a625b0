"""``symopt descend`` end to end: the lecture's table from one command."""

import json

import pytest

from symopt.cli import main


def run_cli(capsys, *argv):
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_lecture_table_from_one_command(capsys):
    code, out, _ = run_cli(
        capsys,
        "descend",
        "(1.5w - 0.5)^2",
        "--from",
        "w=0.8",
        "--lr",
        "0.2",
        "--numbers",
        "fraction",
    )
    assert code == 0
    rows = [line.split() for line in out.splitlines()]
    table = {r[0]: r[1:3] for r in rows if len(r) == 4 and r[0].isdigit()}
    assert table["0"] == ["0.8", "4/5"]
    assert table["1"] == ["0.38", "19/50"]
    assert table["2"] == ["0.338", "169/500"]
    assert table["3"] == ["0.3338", "1669/5000"]
    assert "1/10" in out and "4/9" in out


def test_json_contract(capsys):
    code, out, _ = run_cli(
        capsys,
        "descend",
        "(1.5w - 0.5)^2",
        "--from",
        "w=0.8",
        "--lr",
        "0.2",
        "--steps",
        "3",
        "--format",
        "json",
    )
    data = json.loads(out)
    assert code == 0
    assert [it["exact"]["w"] for it in data["iterates"]] == [
        "4/5",
        "19/50",
        "169/500",
        "1669/5000",
    ]
    assert data["iterates"][3]["point"]["w"] == 0.3338
    assert data["optimum"] == {"w": "1/3"}
    assert data["rate"]["predicted"] == "1/10"
    assert data["rate"]["observed"] == pytest.approx(0.1)
    assert data["max_stable_lr"] == "4/9"
    assert data["converged"] is False  # three steps are not enough


def test_constrained_from_the_command_line(capsys):
    code, out, _ = run_cli(
        capsys,
        "descend",
        "(y - 1)^2",
        "--from",
        "y=0",
        "--lr",
        "0.2",
        "--subject-to",
        "y >= 3",
        "--method",
        "primal-dual",
        "--format",
        "json",
    )
    data = json.loads(out)
    assert code == 0
    assert data["optimum"] == {"y": "3", "mu1": "4"}
    assert data["converged"] is True
    assert data["iterates"][-1]["point"]["mu1"] == pytest.approx(4)


def test_sweep_from_the_command_line(capsys):
    code, out, _ = run_cli(
        capsys, "descend", "(1.5w - 0.5)^2", "--from", "w=0.8", "--sweep", "0.1:0.5:5"
    )
    assert code == 0
    assert "diverged" in out and "converged" in out


@pytest.mark.parametrize(
    "argv, message",
    [
        (["x^2", "--from", "x"], "expected NAME=VALUE for --from, got 'x'"),
        (["x^2", "--from", "x=1", "--lr", "a"], "--lr expects a number"),
        (["x^2 >= 1", "--from", "x=1"], "expected an objective to minimize"),
        (["x^2", "--from", "x=1", "--sweep", "1"], "START:STOP:COUNT"),
        (["x^2", "--from", "x=1,q=2"], "x**2 does not depend on q"),
        (["x*y", "--from", "x=1"], "also depends on y; give a start value"),
        (["x^2", "--from", "x=1", "--lr", "0"], "step size 0 must be a positive"),
        (
            ["(1.5w - 0.5)^2", "--from", "x=1"],
            "does not depend on x; start from w instead (--from w=0)",
        ),
        (["x^2", "--from", "x=1/0"], "--from x: division by zero at column 2"),
        (["x^2", "--from", "x=1", "--lr", "1/0"], "--lr: division by zero"),
        (["x^2", "--from", "x=1", "--optimum", "x=("], "--optimum x: "),
        (
            ["x^2", "--from", "x=1", "--optimum", "x=1"],
            "the optimum x = 1 is not a stationary point: df/dx = 2 there",
        ),
        (["x^2", "--from", "x=1", "--method", "newton"], "invalid choice: 'newton'"),
        (["x^2", "--from", "x=1", "--sweep", "0.5:0.1:3"], "0 < START <= STOP"),
        (["x^2"], "the following arguments are required: --from"),
    ],
)
def test_user_errors_exit_2_with_one_line(capsys, argv, message):
    code, out, err = run_cli(capsys, "descend", *argv)
    assert code == 2
    assert message in err
    assert len(err.strip().splitlines()) == 1
