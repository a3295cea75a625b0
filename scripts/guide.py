"""Regenerate docs/guide.md from docs/guide.in.md by running its commands.

``@@run CMD`` runs a shell command (``symopt`` from this checkout's venv) and
pastes a console block; ``@@py`` .. ``@@end`` runs Python and pastes the code
with its output. Run: ``.venv/bin/python scripts/guide.py``.
"""

import contextlib
import io
import os
import pathlib
import subprocess
import sys

ROOT = pathlib.Path(__file__).resolve().parent.parent
BIN = pathlib.Path(sys.executable).parent


def run_shell(command):
    env = dict(os.environ, PATH=f"{BIN}{os.pathsep}{os.environ['PATH']}")
    done = subprocess.run(
        command, shell=True, capture_output=True, text=True, env=env, cwd=ROOT
    )
    return f"```console\n$ {command}\n{done.stdout}{done.stderr}```"


def run_python(code, namespace):
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        exec(compile(code, "<guide>", "exec"), namespace)  # noqa: S102 - our docs
    return f"```python\n{code}```\n\n```text\n{out.getvalue()}```"


def main():
    lines = (ROOT / "docs/guide.in.md").read_text(encoding="utf-8").splitlines()
    out, code, namespace = [], None, {}
    for line in lines:
        if code is not None:
            if line == "@@end":
                out.append(run_python("\n".join(code) + "\n", namespace))
                code = None
            else:
                code.append(line)
        elif line.startswith("@@run "):
            out.append(run_shell(line[len("@@run ") :]))
        elif line == "@@py":
            code = []
        else:
            out.append(line)
    text = "\n".join(out) + "\n"
    (ROOT / "docs/guide.md").write_text(text, encoding="utf-8")


if __name__ == "__main__":
    main()
