"""bench/stage.py on a small generated corpus: every phase and run is measured and reported."""

from __future__ import annotations

import re
import sys
from pathlib import Path

import pytest

BENCH = Path(__file__).resolve().parent.parent / "bench"
sys.path.insert(0, str(BENCH))

import stage  # noqa: E402


def test_the_stage_breakdown_and_the_runs(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert stage.main(["--workdir", str(tmp_path), "--claims", "2000", "--files", "2", "--repeat", "1"]) == 0
    out = capsys.readouterr().out
    for phase in ("floor: libyaml compose", *stage.PHASES, "**stage**"):
        row = re.search(rf"^\| {re.escape(phase)} \| ([\d.]+) \| ([\d.]+) \|$", out, re.MULTILINE)
        assert row and float(row.group(1)) > 0, phase
    for run in ("floor", "lint --no-cache -j 1", "lint --no-cache -j 2"):
        row = re.search(rf"^\| {re.escape(run)} \| ([\d.]+) \| ([\d.]+) \| ([\d.]+) \|$", out, re.MULTILINE)
        assert row and float(row.group(1)) > 0 and float(row.group(2)) > 0, run
    assert "speed-up of two processes:" in out and "bench/stage.py --workdir" in out


def test_a_failing_lint_run_is_reported(tmp_path: Path) -> None:
    with pytest.raises(SystemExit, match="exited 2"):
        stage.cpu_run([sys.executable, "-c", "raise SystemExit(2)"], tmp_path, 1)
