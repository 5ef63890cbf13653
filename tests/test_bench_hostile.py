"""bench/hostile.py on two catalogue cases: the baseline and both cases are measured and reported."""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

import pytest

BENCH = Path(__file__).resolve().parent.parent / "bench"
sys.path.insert(0, str(BENCH))

import hostile

CASES = ("unclosed-double-quote", "fifo-named-yaml")


def test_two_cases_against_the_baseline(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    report = tmp_path / "hostile.json"
    assert hostile.main(["--only", CASES[0], "--only", CASES[1], "--json", str(report)]) == 0
    out = capsys.readouterr().out
    rows = {}
    for name in (hostile.BASELINE, *CASES):
        row = re.search(rf"^\| {re.escape(name)} \| [^|]+ \| ([\d.]+) \| ([\d.]+) \| ([\d.]+) \| ([\d.]+) \|$", out, re.MULTILINE)
        assert row, f"no row for {name}:\n{out}"
        rows[name] = [float(group) for group in row.groups()]
        assert rows[name][0] > 0 and rows[name][1] > 1, name  # seconds, and a Python process takes megabytes
    assert rows[hostile.BASELINE][2:] == [1.0, 1.0]
    assert re.search(r"^worst in time: (unclosed-double-quote|fifo-named-yaml) ", out, re.MULTILINE)
    assert re.search(r"^worst in memory: (unclosed-double-quote|fifo-named-yaml) ", out, re.MULTILINE)
    assert "python bench/hostile.py --only '" in out
    data = json.loads(report.read_text(encoding="utf-8"))
    assert [case["case"] for case in data["cases"]] == list(CASES)
    assert all(case["exit"] == 1 and not case["crashed"] for case in data["cases"])  # each has an FC001


def test_a_crash_is_reported(tmp_path: Path) -> None:
    seconds, peak, code, crashed = hostile.measure(
        [sys.executable, "-c", "raise RuntimeError('boom')"], tmp_path, tmp_path / "stderr.txt")
    assert crashed and code == 1 and seconds > 0 and peak > 1
