"""Run KaTeX (tests/katex/check.js, one Node process) over LaTeX math strings."""

import json
import os
import shutil
import subprocess
from pathlib import Path

HERE = Path(__file__).parent / "katex"
SCRIPT = HERE / "check.js"


def unavailable():
    """Why KaTeX cannot run here (a sentence), or None when it can."""
    if shutil.which("node") is None:
        return "node is not installed"
    if not (HERE / "node_modules" / "katex").is_dir():
        return (
            "KaTeX is not installed: run `npm ci` in tests/katex (scripts/check does)"
        )
    return None


def run_katex(fragments, *, timeout=300):
    """KaTeX's report on ``fragments`` ({tex, display, origin} dicts)."""
    done = subprocess.run(
        ["node", str(SCRIPT)],
        input=json.dumps(list(fragments)),
        capture_output=True,
        text=True,
        timeout=timeout,
        check=False,
    )
    if done.returncode not in (0, 1):
        raise RuntimeError(f"check.js failed: {done.stderr.strip()}")
    return json.loads(done.stdout)


def must_run():
    """True in CI, where a missing KaTeX fails the run instead of skipping."""
    return bool(os.environ.get("CI"))
