"""bench/extract_scaling.py runs end to end on small sizes and prints its table (timings are the
benchmark's business, not a test's: a generous limit here)."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "bench"))

import extract_scaling  # noqa: E402


def test_the_table_has_every_shape(capsys: pytest.CaptureFixture[str]) -> None:
    assert extract_scaling.main(["--factors", "1", "2", "--repeat", "1", "--limit", "1000"]) == 0
    out = capsys.readouterr().out
    for shape in ("news", "names", "numbers", "quotes"):
        assert f"| {shape} |" in out
    assert "Reproduce: .venv/bin/python bench/extract_scaling.py --factors 1 2 --repeat 1" in out


def test_a_ratio_above_the_limit_fails(capsys: pytest.CaptureFixture[str]) -> None:
    assert extract_scaling.main(["--factors", "1", "2", "--repeat", "1", "--limit", "0", "--shapes", "quotes"]) == 1
    assert "not linear" in capsys.readouterr().err
