"""`factcheck claims`: every normalized claim as a row, read back as a data team would."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
from pathlib import Path

import pytest

import factcheck
from factcheck.claims_table import COLUMNS
from factcheck.cli import main

REPO = Path(__file__).resolve().parent.parent


def _run(capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, *arguments: str) -> str:
    monkeypatch.chdir(REPO)
    assert main(["claims", "--no-cache", *arguments]) == 0
    return capsys.readouterr().out


def test_csv_has_one_typed_row_per_normalized_claim(capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    rows = list(csv.DictReader(io.StringIO(_run(capsys, monkeypatch, "--format", "csv"))))
    assert rows and tuple(rows[0]) == COLUMNS
    assertions = factcheck.load("claims", cwd=REPO, cache=False)
    assert len(rows) == len(assertions)
    assert {(r["source"], r["claim"]) for r in rows} == {(a.source.id, a.claim) for a in assertions}
    for row in rows:
        dt.date.fromisoformat(row["published"])
        assert int(row["line"]) >= 1 and row["path"].startswith("claims/")
        assert isinstance(json.loads(row["qualifiers"]), dict)
        if row["value_type"] in ("quantity", "count"):
            assert all(end == "" or float(end) == float(end) for end in (row["low"], row["high"]))
        if row["value_type"] in ("date", "deadline"):
            assert all(end == "" or dt.date.fromisoformat(end) for end in (row["low"], row["high"]))
    cut = next(r for r in rows if r["source"] == "npr-2017-12-22" and r["predicate"] == "reduction")
    assert (cut["subject"], cut["subject_name"], cut["unit"]) == ("unscr-2397", "UN Security Council Resolution 2397", "percent")
    assert float(cut["low"]) <= 89 <= float(cut["high"])
    linted = factcheck.lint("claims", cwd=REPO, cache=False)
    at_claims = sorted(f.code for f in linted.findings if f.location.claim is not None)
    assert sorted(code for r in rows for code in r["findings"].split()) == at_claims


def test_jsonl_keeps_types_and_follows_the_selection(capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    rows = [json.loads(line) for line in _run(capsys, monkeypatch).splitlines()]
    assert all(tuple(row) == COLUMNS for row in rows)
    quantity = next(r for r in rows if r["value_type"] == "quantity")
    assert isinstance(quantity["low"], float) and isinstance(quantity["line"], int) and isinstance(quantity["findings"], list)
    assert any(r["findings"] for r in rows)
    ignored = [json.loads(line) for line in _run(capsys, monkeypatch, "--ignore", "FC").splitlines()]
    assert len(ignored) == len(rows) and not any(r["findings"] for r in ignored)


def test_given_files_give_their_claims_only(capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    rows = [json.loads(line) for line in _run(capsys, monkeypatch, "claims/npr-2017-12-22.yaml").splitlines()]
    assert rows and {r["path"] for r in rows} == {"claims/npr-2017-12-22.yaml"}
    assert [r["claim"] for r in rows] == [a.claim for a in factcheck.load(REPO / "claims" / "npr-2017-12-22.yaml", cache=False)]
