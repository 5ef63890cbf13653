"""Engine properties: stable fingerprints, report-once placement, order independence."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from factcheck.lint import LintOptions, run_lint

ENTITIES = Path(__file__).parent / "rules" / "entities.yaml"
NPR = """\
source: {id: npr, outlet: NPR, published: 2017-12-22}
claims:
  - {id: vote, subject: Resolution 2397, predicate: vote, value: 15-0}
  - {id: cut, subject: Resolution 2397, predicate: reduction, value: 89 percent}
"""
AFP = """\
source: {id: afp, outlet: AFP, published: 2017-12-23}
claims:
  - {id: cut, subject: Resolution 2397, predicate: reduction, value: nearly 75 percent}
  - {id: vote, subject: Resolution 2397, predicate: vote, value: 14-1}
"""
AFP_MOVED = """\
source: {id: afp, outlet: AFP, published: 2017-12-23}
claims:
  # claims reordered and an unrelated claim added above them
  - {id: adopted, subject: Resolution 2397, predicate: adopted_on, value: Friday}

  - {id: vote, subject: Resolution 2397, predicate: vote, value: 14-1}
  - {id: cut, subject: Resolution 2397, predicate: reduction, value: nearly 75 percent}
"""


def _lint(tmp_path: Path, afp: str, monkeypatch: pytest.MonkeyPatch, order: tuple[str, ...] = ("npr.yaml", "afp.yaml")):  # type: ignore[no-untyped-def]
    shutil.copy(ENTITIES, tmp_path / "entities.yaml")
    (tmp_path / "npr.yaml").write_text(NPR, encoding="utf-8")
    (tmp_path / "afp.yaml").write_text(afp, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    paths = tuple(Path(p) for p in (*order, "entities.yaml"))
    return run_lint(LintOptions(paths=paths, select=("FC1",))).findings


def test_conflicts_are_reported_once_at_the_later_source(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    findings = _lint(tmp_path, AFP, monkeypatch)
    assert [(f.code, f.location.path, f.location.claim, [r.claim for r in f.related]) for f in findings] == [
        ("FC101", "afp.yaml", "cut", ["cut"]),
        ("FC101", "afp.yaml", "vote", ["vote"]),
    ]


def test_fingerprints_survive_moving_and_adding_claims(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    before = {f.location.claim: f.fingerprint for f in _lint(tmp_path, AFP, monkeypatch)}
    after = {f.location.claim: f.fingerprint for f in _lint(tmp_path, AFP_MOVED, monkeypatch)}
    assert before == after
    assert len(set(before.values())) == 2


def test_file_order_does_not_change_the_findings(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    forward = _lint(tmp_path, AFP, monkeypatch)
    backward = _lint(tmp_path, AFP, monkeypatch, order=("afp.yaml", "npr.yaml"))
    assert [f.to_json() for f in forward] == [f.to_json() for f in backward]
