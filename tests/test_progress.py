"""The progress bar of a slow lint (progress.py): on a terminal only, never in CI or a pipe, and
only once a run has lasted DELAY seconds; the findings never change."""

from __future__ import annotations

import io
import json
import subprocess
import sys
from pathlib import Path

import pytest

from factcheck import progress as progress_module
from factcheck.pipeline import LintOptions, run_lint
from factcheck.progress import Progress, wanted

ROOT = Path(__file__).resolve().parent.parent


class Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


class Clock:
    def __init__(self) -> None:
        self.now = 0.0

    def __call__(self) -> float:
        return self.now


def test_wanted_only_on_a_terminal_outside_ci(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("CI", raising=False)
    monkeypatch.delenv("NO_PROGRESS", raising=False)
    assert wanted(Terminal()) is True
    assert wanted(io.StringIO()) is False  # a pipe or a file
    monkeypatch.setenv("CI", "true")
    assert wanted(Terminal()) is False
    monkeypatch.delenv("CI")
    monkeypatch.setenv("NO_PROGRESS", "1")
    assert wanted(Terminal()) is False


def test_the_bar_appears_only_after_the_delay() -> None:
    clock, stream = Clock(), Terminal()
    bar = Progress(show=True, stream=stream, delay=2.0, clock=clock)
    bar.begin("reading files", 3)
    bar.step()
    assert bar._bar is None  # a quick run shows nothing
    clock.now = 2.5
    bar.step()
    assert bar._bar is not None and bar.done == 2
    bar.begin("running rules", 20)
    assert (bar.phase, bar.total, bar.done) == ("running rules", 20, 0)
    bar.close()
    assert bar._bar is None


def test_no_bar_when_not_shown() -> None:
    clock, stream = Clock(), Terminal()
    bar = Progress(show=False, stream=stream, clock=clock)
    clock.now = 100.0
    bar.begin("reading files", 3)
    bar.step(3)
    bar.close()
    assert bar._bar is None and stream.getvalue() == ""


def test_a_lint_with_the_bar_reports_the_same_findings(monkeypatch: pytest.MonkeyPatch) -> None:
    """Drawn from the first step (DELAY 0): the phases are counted through, the findings are those of
    a run without it."""
    monkeypatch.chdir(ROOT)
    seen: list[tuple[str, int, int]] = []
    original_step = Progress.step

    def counting(self: Progress, count: int = 1) -> None:
        original_step(self, count)
        seen.append((self.phase, self.done, self.total))

    monkeypatch.setattr(Progress, "step", counting)
    monkeypatch.setattr(progress_module, "DELAY", 0.0)
    plain = run_lint(LintOptions(cache=False))
    shown = run_lint(LintOptions(cache=False, progress=True))
    assert [f.fingerprint for f in shown.findings] == [f.fingerprint for f in plain.findings]
    phases = {phase for phase, _, _ in seen}
    assert phases == {"reading files", "running rules"}
    assert all(done <= total for _, done, total in seen)
    assert seen[-1] == ("running rules", seen[-1][2], seen[-1][2])  # every rule counted


def test_piped_cli_output_has_no_bar(tmp_path: Path) -> None:
    """stderr is a pipe here: nothing of a bar, whatever the run's length."""
    done = subprocess.run([sys.executable, "-m", "factcheck", "lint", "--format", "json", "--no-cache"], cwd=ROOT,
                          capture_output=True, text=True, env={"PATH": "/usr/bin:/bin", "HOME": str(tmp_path)})
    assert done.returncode in (0, 1)
    json.loads(done.stdout)
    assert "reading files" not in done.stderr and "running rules" not in done.stderr
