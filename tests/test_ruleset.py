"""Rule and registry files are configuration: every defect is exit 2 with file:line:column and what."""

from __future__ import annotations

from pathlib import Path

import pytest

from factcheck.config import ConfigError
from factcheck.ruleset import default_rules_dir, load_ruleset

RULE = "code: {code}\nname: {name}\ncheck: {check}\nseverity: {severity}\nsummary: x\nparams: {params}\n"


def _errors(tmp_path: Path, files: dict[str, str]) -> list[str]:
    extra = tmp_path / "extra"
    extra.mkdir()
    for name, text in files.items():
        (extra / name).write_text(text, encoding="utf-8")
    with pytest.raises(ConfigError) as raised:
        load_ruleset([default_rules_dir(), extra])
    return raised.value.messages


def _rule(**kw: str) -> str:
    return RULE.format(**{"code": "FC900", "name": "mine", "check": "value_conflict", "severity": "error", "params": "{}", **kw})


def test_unknown_check_with_suggestion(tmp_path: Path) -> None:
    (message,) = _errors(tmp_path, {"r.yaml": _rule(check="value_conflit")})
    assert message.endswith("r.yaml:3:8: unknown check 'value_conflit'; did you mean 'value_conflict'?")


def test_unknown_param(tmp_path: Path) -> None:
    (message,) = _errors(tmp_path, {"r.yaml": _rule(check="unsupported", params="{similarity: 80}")})
    assert "r.yaml:6:10: unknown param 'similarity' for check 'unsupported' (accepted: statement_similarity)" in message


def test_mistyped_param(tmp_path: Path) -> None:
    (message,) = _errors(tmp_path, {"r.yaml": _rule(check="unsupported", params="{statement_similarity: high}")})
    assert "r.yaml:6:32: param 'statement_similarity' expects a number, found 'high'" in message


def test_bad_severity(tmp_path: Path) -> None:
    (message,) = _errors(tmp_path, {"r.yaml": _rule(severity="fatal")})
    assert "r.yaml:4:11: severity: expected one of error, warning, info, found 'fatal'" in message


def test_duplicate_code_in_one_directory(tmp_path: Path) -> None:
    (message,) = _errors(tmp_path, {"a.yaml": _rule(), "b.yaml": _rule(name="other")})
    assert "b.yaml:1:7: rule code FC900 is already defined in a.yaml" in message


def test_duplicate_name(tmp_path: Path) -> None:
    (message,) = _errors(tmp_path, {"a.yaml": _rule(name="unsupported")})
    assert "rule name 'unsupported' is used by" in message


def test_later_directory_overrides_by_code(tmp_path: Path) -> None:
    extra = tmp_path / "extra"
    extra.mkdir()
    (extra / "fc201.yaml").write_text(_rule(code="FC201", name="unsupported", check="unsupported", severity="info", params="{statement_similarity: 80}"), encoding="utf-8")
    ruleset = load_ruleset([default_rules_dir(), extra])
    assert ruleset.rules["FC201"].severity == "info"
    assert ruleset.rules["FC201"].params == {"statement_similarity": 80.0}


def test_broken_predicates_file(tmp_path: Path) -> None:
    (message,) = _errors(tmp_path, {"predicates.yaml": "predicates:\n  vote: {type: ballot}\n"})
    assert "predicates.yaml:2:16: predicate 'vote': type: expected one of" in message
