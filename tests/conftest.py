"""Shared test helpers.

Tools that tests use for real (node with KaTeX, pdflatex, xelatex) are skipped
when absent on a developer's machine, but their absence fails the run in CI,
where .ci/run installs them.
"""

import os
import shutil

import pytest


def require_tool(name):
    """Path of an external program; skip without it, fail without it in CI."""
    path = shutil.which(name)
    if path is None:
        message = f"{name} is not installed"
        if os.environ.get("CI"):
            pytest.fail(f"{message}, but CI must have it (.ci/run installs it)")
        pytest.skip(message)
    return path
