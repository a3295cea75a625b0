"""Shared test helpers.

Tools that tests use for real (node with KaTeX, pdflatex, xelatex) are skipped
when absent on a developer's machine, but their absence fails the run in CI,
where .ci/run installs them.

Two checks run once at the end of every session, over everything the
session's tests produced (see docs/render.md):

- KaTeX renders every piece of LaTeX math symopt printed (``to_latex``,
  LaTeX and Markdown renderings, also from ``symopt`` subprocesses through
  ``SYMOPT_LATEX_LOG``); any error fails the run.
- Every rule id and topic a Derivation was built with has a phrase in both
  languages.
- Every Derivation built during the session (each distinct one, sub-
  derivations through their parents) passes verify(). A test that builds
  wrong chains on purpose does so inside ``symopt.render.capture.paused()``.
"""

import json
import os
import shutil
import tempfile
from pathlib import Path

import katex_check
import pytest
from hypothesis import settings

# CI runs the property tests on a fixed seed so a submission's verdict does not
# depend on the draw; developers' runs keep exploring new examples.
settings.register_profile("ci", derandomize=True, print_blob=True)
if os.environ.get("CI"):
    settings.load_profile("ci")


def require_tool(name):
    """Path of an external program; skip without it, fail without it in CI."""
    path = shutil.which(name)
    if path is None:
        message = f"{name} is not installed"
        if os.environ.get("CI"):
            pytest.fail(f"{message}, but CI must have it (.ci/run installs it)")
        pytest.skip(message)
    return path


# The session-wide recording behind both end-of-session checks, registered as
# a plugin so its hooks also see the doctests under symopt/.


class SessionChecks:
    def __init__(self, log):
        self.log = log
        self.problems = []
        self.checked = None
        self.skipped = None
        self.verified = None

    def pytest_runtest_setup(self, item):
        from symopt.render import capture

        capture.set_origin(item.nodeid)

    def pytest_sessionfinish(self, session, exitstatus):
        from symopt.render import capture

        keys = capture.keys()
        fragments = capture.stop()
        if self.log.exists():
            lines = self.log.read_text(encoding="utf-8").splitlines()
            fragments += [json.loads(line) for line in lines if line.strip()]
        if exitstatus == pytest.ExitCode.INTERRUPTED:
            return
        self._check_phrases(keys)
        self._check_placeholders(capture.unfilled())
        self._check_derivations(capture.derivations())
        if fragments:
            self._check_katex(fragments)
        if self.problems:
            session.exitstatus = pytest.ExitCode.TESTS_FAILED

    def _check_phrases(self, keys):
        from symopt.render.phrases import LANGUAGES

        for key, origin in sorted(keys.items()):
            for lang, table in LANGUAGES.items():
                if key not in table:
                    self.problems.append(
                        f"no {lang} phrase for {key!r} (used by {origin})"
                    )

    def _check_placeholders(self, unfilled):
        for (name, template), origin in sorted(unfilled.items()):
            self.problems.append(
                f"placeholder {{{name}}} left unfilled in {template!r} ({origin})"
            )

    def _check_derivations(self, built):
        for derivation, origin in built:
            try:
                report = derivation.verify()
            except Exception as err:  # noqa: BLE001 - any crash is a finding
                self.problems.append(f"verify() raised {err!r} (built by {origin})")
                continue
            if not report:
                self.problems.append(f"{report.message()} (built by {origin})")
        self.verified = len(built)

    def _check_katex(self, fragments):
        why = katex_check.unavailable()
        if why is not None:
            if katex_check.must_run():
                self.problems.append(f"KaTeX check could not run in CI: {why}")
            self.skipped = why
            return
        report = katex_check.run_katex(fragments)
        self.checked = report["checked"]
        for error in report["errors"]:
            self.problems.append(
                f"KaTeX cannot render {error['tex']!r} "
                f"(from {error['origin']}): {error['message']}"
            )

    def pytest_terminal_summary(self, terminalreporter):
        if self.verified is not None:
            terminalreporter.write_line(f"verified {self.verified} derivations")
        if self.checked is not None:
            terminalreporter.write_line(f"KaTeX rendered {self.checked} LaTeX strings")
        if self.skipped:
            terminalreporter.write_line(f"KaTeX check skipped: {self.skipped}")
        if self.problems:
            terminalreporter.section("symopt session checks failed", red=True)
            for line in self.problems:
                terminalreporter.write_line(line, red=True)


def pytest_configure(config):
    from symopt.render import capture

    capture.start()
    log = Path(tempfile.mkdtemp(prefix="symopt-latex-")) / "latex.jsonl"
    # Set after symopt is imported, so only child processes log to the file.
    os.environ["SYMOPT_LATEX_LOG"] = str(log)
    config.pluginmanager.register(SessionChecks(log), "symopt-session-checks")
