"""docs/numeric.md stays true: its commands re-run, their tables and
verdicts match, and its Python sessions pass."""

import doctest
import pathlib
import re
import shlex

import pytest

from symopt.cli import main

DOC = (
    pathlib.Path(__file__).resolve().parent.parent / "docs" / "numeric.md"
).read_text(encoding="utf-8")

# Table rows (my data) and the verdict line; the renderer's other layout may
# change with the renderer.
CHECKED = re.compile(r"^\s*(\d+ |\d+\.\d+ |\d+\. (Converged|Diverged|Not conv))")


def commands():
    for block in re.findall(r"```console\n(.*?)```", DOC, flags=re.DOTALL):
        for chunk in re.split(r"^\$ ", block, flags=re.MULTILINE)[1:]:
            prompt, *shown = chunk.splitlines()
            yield prompt, shown


@pytest.mark.parametrize(("prompt", "shown"), list(commands()))
def test_console_output_is_real(capsys, prompt, shown):
    argv = shlex.split(prompt)
    assert argv[0] == "symopt"
    assert main(argv[1:]) == 0
    out = capsys.readouterr().out.splitlines()
    expected = [line.strip() for line in shown if CHECKED.match(line)]
    assert expected
    assert [line.strip() for line in out if CHECKED.match(line)] == expected


def test_python_sessions_run():
    sessions = re.findall(r"```pycon\n(.*?)```", DOC, flags=re.DOTALL)
    assert sessions
    for index, session in enumerate(sessions):
        test = doctest.DocTestParser().get_doctest(
            session, {}, f"numeric.md[{index}]", "docs/numeric.md", 0
        )
        runner = doctest.DocTestRunner(optionflags=doctest.ELLIPSIS)
        runner.run(test)
        assert runner.failures == 0 and runner.tries > 0
