"""docs/input.md stays true: its sessions and command output are re-run."""

import doctest
import pathlib
import re
import shlex

import pytest

from symopt.cli import main

DOC = (pathlib.Path(__file__).resolve().parent.parent / "docs" / "input.md").read_text(
    encoding="utf-8"
)


def commands():
    for block in re.findall(r"```console\n(.*?)```", DOC, flags=re.DOTALL):
        for chunk in re.split(r"^\$ ", block, flags=re.MULTILINE)[1:]:
            prompt, *shown = chunk.splitlines()
            yield prompt, shown


@pytest.mark.parametrize(("prompt", "shown"), list(commands()))
def test_console_output_is_real(capsys, prompt, shown):
    argv = shlex.split(prompt)
    assert argv[0] == "symopt"
    main(argv[1:])
    out, err = capsys.readouterr()
    assert (out + err).splitlines() == shown


def test_python_sessions_run():
    for index, session in enumerate(
        re.findall(r"```pycon\n(.*?)```", DOC, flags=re.DOTALL)
    ):
        test = doctest.DocTestParser().get_doctest(
            session, {}, f"input.md[{index}]", "docs/input.md", 0
        )
        runner = doctest.DocTestRunner(optionflags=doctest.ELLIPSIS)
        runner.run(test)
        assert runner.failures == 0 and runner.tries > 0
