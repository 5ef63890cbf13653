"""`factcheck explain` and `factcheck rules`: every rule explained from its own test cases."""

from __future__ import annotations

import json

import pytest

from factcheck.cli import main
from factcheck.explain import examples, rule_cases_dir
from factcheck.ruleset import default_rules_dir, load_ruleset

RULES = load_ruleset([default_rules_dir()]).rules


@pytest.mark.parametrize("code", sorted(RULES))
def test_every_rule_explains_with_both_examples(code: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["explain", code]) == 0
    out = capsys.readouterr().out
    rule = RULES[code]
    assert out.startswith(f"{code} {rule.name} [{rule.severity}]")
    assert "Failing example:" in out and "Passing example:" in out and "=> no findings" in out
    cases = examples(rule)
    assert cases["fail"]["name"] in out and cases["pass"]["name"] in out  # taken from the case file


def test_explain_by_name_and_unknown(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["explain", "Value-Conflict"]) == 0
    assert capsys.readouterr().out.startswith("FC101 value-conflict")
    assert main(["explain", "FC999"]) == 2
    assert "no rule 'FC999'" in capsys.readouterr().err


def test_rules_catalog(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["rules", "--format", "json"]) == 0
    rows = json.loads(capsys.readouterr().out)
    assert [row["code"] for row in rows] == sorted(RULES)
    assert rows[0] == {"code": "FC001", "name": "invalid-yaml", "severity": "error", "check": "invalid_yaml", "summary": RULES["FC001"].summary, "verdict": None, "params": {}}
    assert next(row for row in rows if row["code"] == "FC101")["verdict"] == "Outlets disagree"
    assert main(["rules"]) == 0
    assert "FC201  unsupported" in capsys.readouterr().out


def test_cases_dir_is_the_test_suite() -> None:
    assert (rule_cases_dir() / "value-conflict.yaml").is_file()
