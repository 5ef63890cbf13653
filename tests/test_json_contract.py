"""The JSON output contract (docs/design.md §6) and fingerprints that survive moving claims."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from factcheck.cli import main

ENTITIES = "entities:\n  - {id: npr, name: NPR, type: outlet}\n  - {id: r1, name: Resolution 1, type: resolution}\n"
CLAIMS = """\
source:
  id: s1
  outlet: NPR
  published: 2017-12-22
claims:
  - id: a
    subject: Resolution 1
    predicate: vote
    value: a landslide
  - id: b
    subject: Resolution 9
    predicate: votes
    value: 15-0
"""
MOVED = """\
source:
  id: s1
  outlet: NPR
  published: 2017-12-22
claims:
  - id: b
    subject: Resolution 9
    predicate: votes
    value: 15-0

  # a comment and a blank line move everything down
  - id: a
    subject: Resolution 1
    predicate: vote
    value: a landslide
"""


def _lint(tmp_path: Path, claims: str, capsys: pytest.CaptureFixture[str]) -> list[dict]:
    (tmp_path / "entities.yaml").write_text(ENTITIES, encoding="utf-8")
    (tmp_path / "s1.yaml").write_text(claims, encoding="utf-8")
    main(["lint", str(tmp_path), "--format", "json"])
    return json.loads(capsys.readouterr().out)


def test_fields_and_order(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.chdir(tmp_path)
    findings = _lint(tmp_path, CLAIMS, capsys)
    assert [(f["code"], f["line"], f["column"], f["claim"]) for f in findings] == [
        ("FC006", 9, 12, "a"),
        ("FC004", 12, 16, "b"),
    ]
    first = findings[0]
    assert set(first) == {"code", "name", "severity", "message", "path", "line", "column", "source", "claim", "related", "fingerprint"}
    assert first["path"] == "s1.yaml" and first["source"] == "s1" and first["related"] == []
    assert first["name"] == "invalid-value" and first["severity"] == "error"


def test_fingerprints_ignore_line_numbers(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.chdir(tmp_path)
    before = {f["code"]: (f["fingerprint"], f["line"]) for f in _lint(tmp_path, CLAIMS, capsys)}
    after = {f["code"]: (f["fingerprint"], f["line"]) for f in _lint(tmp_path, MOVED, capsys)}
    assert {code: fp for code, (fp, _) in before.items()} == {code: fp for code, (fp, _) in after.items()}
    assert before["FC006"][1] != after["FC006"][1]


def test_extra_registries_from_the_command_line(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.chdir(tmp_path)
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "s1.yaml").write_text(CLAIMS.replace("a landslide", "15-0"), encoding="utf-8")
    (tmp_path / "more-entities.yaml").write_text(ENTITIES + "  - {id: r9, name: Resolution 9, type: resolution}\n", encoding="utf-8")
    (tmp_path / "more-predicates.yaml").write_text("predicates:\n  votes: {type: vote, cardinality: one}\n", encoding="utf-8")
    assert main(["lint", "corpus", "--format", "json", "--select", "FC0"]) == 1
    capsys.readouterr()
    code = main(["lint", "corpus", "--format", "json", "--select", "FC0", "--entities", "more-entities.yaml", "--predicates", "more-predicates.yaml"])
    assert json.loads(capsys.readouterr().out) == []
    assert code == 0
