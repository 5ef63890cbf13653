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


def test_rows_of_a_small_corpus_exactly(tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    """Names of the outlet and speaker, an open-ended count and deadline, a date, qualifiers with an
    accent, and a claim with two findings: as a spreadsheet and a script read them."""
    claims = tmp_path / "claims"
    claims.mkdir()
    (claims / "entities.yaml").write_text((REPO / "tests" / "rules" / "entities.yaml").read_text(encoding="utf-8"), encoding="utf-8")
    (claims / "afp.yaml").write_text(
        "source: {id: afp, outlet: AFP, published: 2017-12-23}\n"
        "claims:\n"
        '  - {id: toll, subject: North Korea, predicate: count, qualifiers: {of: réfugiés, as_of: 2017}, value: "more than 500"}\n'
        '  - {id: due, subject: Resolution 2397, predicate: deadline, value: "within more than 2 years"}\n'
        '  - {id: adopted, subject: Resolution 2397, predicate: adopted_on, value: "2018-01-05"}\n'
        '  - {id: cap, subject: Resolution 2321, predicate: amount, said_by: Haley, value: "$400 million"}\n',
        encoding="utf-8",
    )
    monkeypatch.chdir(tmp_path)
    assert main(["claims", "--no-cache"]) == 0
    out = capsys.readouterr().out
    assert '"qualifiers": {"as of": "2017", "of": "réfugié"}' in out  # not \u00e9: the text as written
    picked = ("claim", "outlet_name", "said_by_name", "low", "high", "unit", "findings")
    assert [tuple(json.loads(line)[column] for column in picked) for line in out.splitlines()] == [
        ("toll", "Agence France-Presse", None, 501, None, "", ["FC201"]),  # a count has no unit; an open end is null
        ("due", "Agence France-Presse", None, "2019-12-14", None, "day", ["FC201"]),  # no last day
        ("adopted", "Agence France-Presse", None, "2018-01-05", "2018-01-05", "day", ["FC201", "FC204"]),
        ("cap", "Agence France-Presse", "Nikki Haley", 396000000.0, 404000000.0, "USD", []),
    ]
    assert main(["claims", "--no-cache", "--format", "csv"]) == 0
    out = capsys.readouterr().out
    assert "\r" not in out and len(out.splitlines()) == 5
    rows = list(csv.DictReader(io.StringIO(out)))
    assert [(r["qualifiers"], r["low"], r["high"], r["unit"], r["findings"]) for r in rows] == [
        ('{"as of": "2017", "of": "réfugié"}', "501", "", "", "FC201"),
        ("{}", "2019-12-14", "", "day", "FC201"),
        ("{}", "2018-01-05", "2018-01-05", "day", "FC201 FC204"),
        ("{}", "396000000.0", "404000000.0", "USD", ""),
    ]
