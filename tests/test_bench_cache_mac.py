"""bench/cache_mac.py on a small generated corpus: the signed and unsigned reads are both measured."""

from __future__ import annotations

import os
import re
import sys
from pathlib import Path

import pytest

BENCH = Path(__file__).resolve().parent.parent / "bench"
sys.path.insert(0, str(BENCH))

import cache_mac  # noqa: E402


def test_the_cost_of_signing_is_measured(tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("XDG_CACHE_HOME", os.environ.get("XDG_CACHE_HOME", str(tmp_path)))  # the bench sets its own; put it back after
    assert cache_mac.main(["--workdir", str(tmp_path), "--claims", "2000", "--repeat", "1"]) == 0
    out = capsys.readouterr().out
    row = re.search(r"^\| 2,000 \| (\d+) \| ([\d.]+) \| ([\d.]+) \| ([\d.]+) \| ([\d.]+) \| ([\d.]+)x \| ([\d.]+)% of ([\d.]+) s \|$", out, re.MULTILINE)
    assert row, out
    entries, unsigned, signed, mac = int(row.group(1)), float(row.group(3)), float(row.group(4)), float(row.group(5))
    assert entries >= 2 and unsigned > 0 and signed > 0 and mac >= 0
    assert (tmp_path / "user-cache" / "factcheck" / "cache-key").is_file()
    assert "bench/cache_mac.py --workdir" in out
