"""The README tells the truth: its commands are the ones CI runs, its output real."""

import doctest
import pathlib
import re
import shlex

import pytest

from symopt.cli import main

ROOT = pathlib.Path(__file__).resolve().parent.parent
README = (ROOT / "README.md").read_text(encoding="utf-8")


def blocks(language, text=README):
    return re.findall(rf"```{language}\n(.*?)```", text, flags=re.DOTALL)


def section(title):
    return README.split(f"## {title}\n", 1)[1].split("\n## ", 1)[0]


def test_set_up_has_exactly_two_commands():
    setup = section("Set up")
    commands = [b.strip() for b in blocks("sh", setup)]
    assert len(commands) == 2
    assert all("\n" not in c for c in commands)
    run, check = commands
    assert run == (
        "python3 -m venv .venv && .venv/bin/pip install -q -e . "
        "&& .venv/bin/symopt tour"
    )
    assert check == "bash scripts/check"


def test_ci_runs_the_readme_test_command():
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert "set -euo pipefail" in ci
    steps = [line for line in ci.splitlines() if line and not line.startswith("#")]
    assert steps[-1] == blocks("sh", section("Set up"))[1].strip()


def test_check_script_runs_every_check():
    check = (ROOT / "scripts" / "check").read_text(encoding="utf-8")
    assert "set -euo pipefail" in check
    for step in (
        '-m pip install --quiet -e ".[test,plot]"',
        "npm ci",
        '"$venv/bin/ruff" check .',
        '"$venv/bin/ruff" format --check .',
    ):
        assert step in check
    # pytest last, so its exit status (5 when no tests ran) is the script's.
    assert check.rstrip().splitlines()[-1] == '"$venv/bin/python" -m pytest "$@"'


@pytest.mark.parametrize("example", blocks("console"), ids=lambda b: b.split("\n")[0])
def test_example_output_is_real(capsys, example):
    prompt, *shown = example.splitlines()
    argv = shlex.split(prompt.removeprefix("$ "))
    assert argv[0] == "symopt"
    assert main(argv[1:]) == 0
    assert capsys.readouterr().out.splitlines() == shown


def test_example_runs_the_main_job_command():
    (example,) = blocks("console", section("Example"))
    run = blocks("sh", section("Set up"))[0]
    main_job = run.replace(".venv/bin/", "").rsplit("&& ", 1)[1].strip()
    assert example.splitlines()[0].removeprefix("$ ").startswith(main_job)


def test_python_example_runs():
    (session,) = blocks("pycon", section("Example"))
    test = doctest.DocTestParser().get_doctest(session, {}, "README", "README.md", 0)
    runner = doctest.DocTestRunner(optionflags=doctest.ELLIPSIS)
    runner.run(test)
    assert runner.failures == 0 and runner.tries >= 5
