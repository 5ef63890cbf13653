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


def test_a_rule_set_that_renumbers_and_renames_every_rule_keeps_every_finding(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A project whose rules/ gives every rule another code and name, the load checks' rules
    included, gets every finding the packaged rule set gives, under its own codes and names: a
    finding knows its check, and the engine stamps the rule that runs it. Suppressions are written
    with the project's own codes and names (one by name, one by code, one that silences nothing)."""
    import json
    import re
    import shutil

    from factcheck.cli import main

    repo = Path(__file__).resolve().parent.parent
    corpus = tmp_path / "claims"
    shutil.copytree(repo / "claims", corpus)
    for broken in (repo / "tests" / "data" / "broken").glob("*.yaml"):
        shutil.copy(broken, corpus / f"broken-{broken.name}")
    (corpus / "stale.yaml").write_text(
        "source: {id: stale, outlet: NPR, published: 2017-12-22}\nclaims:\n  - id: q\n    predicate: quote\n"
        "    said_by: Nikki Haley\n    value: Words nobody else said\n    ignore: [FC104]\n", encoding="utf-8")

    def findings(cwd: Path) -> list[dict]:
        out = cwd / "out.json"
        main(["lint", "claims", "--format", "json", "--no-cache", "--output", str(out)])
        return json.loads(out.read_text(encoding="utf-8"))

    monkeypatch.chdir(tmp_path)
    packaged = findings(tmp_path)
    rules = tmp_path / "rules"
    shutil.copytree(repo / "rules", rules)
    renamed: dict[str, tuple[str, str]] = {}
    for path in rules.glob("*.yaml"):
        text = path.read_text(encoding="utf-8")
        code = re.search(r"^code: (FC\d+)$", text, re.MULTILINE)
        name = re.search(r"^name: (\S+)$", text, re.MULTILINE)
        if code and name:
            new_code, new_name = "X" + code.group(1)[2:] + "9", "x-" + name.group(1)
            renamed[code.group(1)] = (new_code, new_name)
            text = text.replace(f"code: {code.group(1)}", f"code: {new_code}").replace(f"name: {name.group(1)}", f"name: {new_name}")
            path.write_text(text, encoding="utf-8")
    for path in corpus.glob("*.yaml"):  # the project's own suppressions follow its rule names
        text = path.read_text(encoding="utf-8", errors="surrogateescape")
        for old_code, (new_code, new_name) in renamed.items():
            old_name = new_name[2:]
            text = text.replace(f"ignore: [{old_code}]", f"ignore: [{new_code}]").replace(f"ignore: [{old_name}]", f"ignore: [{new_name}]")
        path.write_text(text, encoding="utf-8", errors="surrogateescape")
    own = findings(tmp_path)

    def keyed(found: list[dict], codes: dict[str, tuple[str, str]]) -> list[tuple]:
        return sorted((*codes.get(f["code"], (f["code"], f["name"])), f["path"], f["line"], f["column"]) for f in found)

    assert {f["code"][:3] for f in packaged} >= {"FC0", "FC1", "FC2", "FC3"}
    assert {f["code"] for f in packaged if f["code"].startswith("FC0")} == {f"FC00{n}" for n in range(1, 7)}
    assert keyed(own, {}) == keyed(packaged, renamed)
