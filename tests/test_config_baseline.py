"""Configuration, baselines and the pre-commit path, through the command line."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from factcheck.cli import main

ENTITIES = Path(__file__).parent / "rules" / "entities.yaml"
NPR = """\
source: {id: npr, outlet: NPR, published: 2017-12-22}
claims:
  - {id: vote, subject: Resolution 2397, predicate: vote, value: 15-0}
  - {id: said, subject: Resolution 2397, predicate: statement, value: The resolution was drafted overnight}
"""
AFP = """\
source: {id: afp, outlet: AFP, published: 2017-12-23}
claims:
  - {id: vote, subject: Resolution 2397, predicate: vote, value: 14-1}
"""
OTHER = """\
source: {id: other, outlet: Reuters, published: 2017-12-23}
claims:
  - {id: said, subject: Resolution 2321, predicate: statement, value: Coal exports are capped}
"""


@pytest.fixture()
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    claims = tmp_path / "claims"
    claims.mkdir()
    shutil.copy(ENTITIES, claims / "entities.yaml")
    (claims / "npr.yaml").write_text(NPR, encoding="utf-8")
    (claims / "afp.yaml").write_text(AFP, encoding="utf-8")
    (claims / "other.yaml").write_text(OTHER, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def _codes(capsys: pytest.CaptureFixture[str], *argv: str) -> list[tuple[str, str]]:
    main(["lint", "--format", "json", *argv])
    return [(f["code"], Path(f["path"]).name) for f in json.loads(capsys.readouterr().out)]


def test_defaults(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert sorted(_codes(capsys)) == [("FC101", "afp.yaml"), ("FC201", "npr.yaml"), ("FC201", "other.yaml")]


def test_config_select_severity_fail_on(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (project / "pyproject.toml").write_text(
        '[tool.factcheck]\nselect = ["FC2"]\nseverity = {unsupported = "error"}\nfail-on = "error"\n', encoding="utf-8"
    )
    assert main(["lint", "--format", "json"]) == 1
    findings = json.loads(capsys.readouterr().out)
    assert {(f["code"], f["severity"]) for f in findings} == {("FC201", "error")}
    assert main(["lint", "--select", "FC1", "--format", "json"]) == 1  # the flag wins over the file
    assert {f["code"] for f in json.loads(capsys.readouterr().out)} == {"FC101"}


def test_config_in_a_parent_directory(project: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    (project / "factcheck.toml").write_text('ignore = ["unsupported"]\n', encoding="utf-8")
    monkeypatch.chdir(project / "claims")
    main(["lint", "--format", "json"])
    assert {f["code"] for f in json.loads(capsys.readouterr().out)} == {"FC101"}


def test_per_file_ignores(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (project / "factcheck.toml").write_text('[per-file-ignores]\n"claims/o*.yaml" = ["FC2"]\n', encoding="utf-8")
    assert sorted(_codes(capsys)) == [("FC101", "afp.yaml"), ("FC201", "npr.yaml")]


@pytest.mark.parametrize(
    ("toml", "message"),
    [
        ('selekt = ["FC1"]\n', "unknown key 'selekt'; did you mean 'select'?"),
        ('fail-on = "fatal"\n', "fail-on: input should be 'error', 'warning' or 'info'"),
        ('severity = {FC999 = "info"}\n', "severity: no rule 'FC999'"),
        ("select = [\n", "invalid TOML"),
        ("select = " + "[" * 100 + '"FC"' + "]" * 100 + "\n", "TOML nesting is too deep to read: more than 100"),  # 101 with the root
        ("x = " + "[" * 100_000 + "]" * 100_000 + "\n", "TOML nesting is too deep to read"),  # past Python's recursion limit
        ("a" + ".a" * 100 + " = 1\n", "TOML nesting is too deep to read"),  # dotted keys nest without a bracket
        ("claims = 'claims'\n" + "#" * (11 * 1024 * 1024) + "\n", "cannot read: it is 11.0 MiB, over the limit of 10.0 MiB"),
    ],
)
def test_bad_configuration_exits_2(project: Path, capsys: pytest.CaptureFixture[str], toml: str, message: str) -> None:
    (project / "factcheck.toml").write_text(toml, encoding="utf-8")
    assert main(["lint"]) == 2
    err = capsys.readouterr().err
    assert "factcheck.toml" in err and message in err


def test_configuration_nested_to_the_limit_is_read(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """100 levels, the root table included: read as usual (and refused as a value, not as a file)."""
    (project / "factcheck.toml").write_text("select = " + "[" * 99 + '"FC"' + "]" * 99 + "\n", encoding="utf-8")
    assert main(["lint"]) == 2
    err = capsys.readouterr().err
    assert "nesting" not in err and "select.0: input should be a valid string" in err


def test_baseline_hides_known_findings_and_counts_gone_ones(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["lint", "--write-baseline", "baseline.json"]) == 0
    capsys.readouterr()
    assert main(["lint", "--baseline", "baseline.json"]) == 0
    assert "3 known finding(s) hidden, 0 entries no longer occur" in capsys.readouterr().err
    # move claims around, add an unrelated claim, fix one finding, introduce a new one
    (project / "claims" / "afp.yaml").write_text(AFP.replace("14-1", "15-0"), encoding="utf-8")
    (project / "claims" / "npr.yaml").write_text(
        NPR.replace("claims:\n", "claims:\n  - {id: cut, subject: Resolution 2397, predicate: reduction, value: 89 percent}\n"), encoding="utf-8"
    )
    assert main(["lint", "--baseline", "baseline.json", "--format", "json"]) == 0
    captured = capsys.readouterr()
    assert [(f["code"], f["claim"]) for f in json.loads(captured.out)] == [("FC201", "cut")]
    assert "1 entry no longer occur" in captured.err


def test_broken_baseline_exits_2(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (project / "baseline.json").write_text("{not json", encoding="utf-8")
    assert main(["lint", "--baseline", "baseline.json"]) == 2
    assert "not a factcheck baseline" in capsys.readouterr().err


def test_staged_files_load_the_whole_corpus_and_report_their_own(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    # npr.yaml alone has no conflict, but with the corpus loaded its vote is related to afp's FC101
    assert sorted(_codes(capsys, "claims/npr.yaml")) == [("FC101", "afp.yaml"), ("FC201", "npr.yaml")]
    assert sorted(_codes(capsys, "claims/other.yaml")) == [("FC201", "other.yaml")]


def test_a_staged_registry_reports_everything(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert len(_codes(capsys, "claims/entities.yaml")) == 3


def test_statistics(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["lint", "--statistics"]) == 1
    out = capsys.readouterr().out
    assert "     2  FC201  unsupported" in out and "     3  total" in out
