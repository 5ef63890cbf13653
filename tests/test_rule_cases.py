"""One harness for every rule's YAML case file (tests/rules/<rule-name>.yaml), like sqlfluff's.

Each case is a small project written to a temporary directory and linted with only the rule under
test enabled; the findings must be exactly the expected ones, no more, no fewer.
"""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path
from typing import Any

import pytest
import yaml

from factcheck.checks import CHECKS
from factcheck.pipeline import LintOptions, run_lint
from factcheck.ruleset import default_rules_dir, load_ruleset

CASES_DIR = Path(__file__).parent / "rules"
IDENTIFYING = ("code", "file", "claim", "line", "related")  # what tells a case's findings apart
SHARED_ENTITIES = CASES_DIR / "entities.yaml"


def _case_files() -> list[Path]:
    return sorted(p for p in CASES_DIR.glob("*.yaml") if p != SHARED_ENTITIES)


def _cases() -> list[Any]:
    params = []
    for path in _case_files():
        spec = yaml.safe_load(path.read_text(encoding="utf-8"))
        for case in spec["cases"]:
            params.append(pytest.param(spec["rule"], case, id=f"{spec['rule']}: {case['name']}"))
    return params


def _run_case(rule: str, case: dict[str, Any], tmp_path: Path) -> list[dict[str, Any]]:
    for name, content in case["files"].items():
        target = tmp_path / name
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(content, encoding="utf-8")
    if "entities.yaml" not in case["files"]:
        shutil.copy(SHARED_ENTITIES, tmp_path / "entities.yaml")
    overrides = _rule_with_params(rule, case["params"], tmp_path / ".case-rules") if "params" in case else ()
    cwd = Path.cwd()
    os.chdir(tmp_path)
    try:
        result = run_lint(LintOptions(paths=(Path("."),), select=(rule,), rules=overrides))
    finally:
        os.chdir(cwd)
    return [
        {
            "code": f.code,
            "file": f.location.path,
            "claim": f.location.claim,
            "line": f.location.line,
            "related": [f"{r.path}:{r.claim}" for r in f.related],
            "message": f.message,
            "fingerprint": f.fingerprint,
        }
        for f in result.findings
    ]


def _rule_with_params(name: str, params: dict[str, Any], directory: Path) -> tuple[Path, ...]:
    """A rules directory (read after the default one, like --rules) holding the rule under test
    with the case's params: what sqlfluff's per-case `configs:` do."""
    rule = load_ruleset([default_rules_dir()]).by_name(name)
    assert rule is not None, name
    directory.mkdir()
    spec = {"code": rule.code, "name": rule.name, "check": rule.check, "severity": rule.severity, "summary": rule.summary,
            "params": json.loads(json.dumps(params))}  # plain data, whoever read the case file
    (directory / f"{name}.yaml").write_text(yaml.safe_dump(spec, sort_keys=False), encoding="utf-8")
    return (directory,)


@pytest.mark.parametrize(("rule", "case"), _cases())
def test_rule_case(rule: str, case: dict[str, Any], tmp_path: Path) -> None:
    found = _run_case(rule, case, tmp_path)
    expected = case.get("findings") or []
    assert case["expect"] in ("pass", "fail")
    assert (case["expect"] == "fail") == bool(expected), "a fail case lists findings, a pass case none"
    actual = sorted(({k: f[k] for k in IDENTIFYING} for f in found), key=str)
    wanted = sorted(({k: e.get(k, [] if k == "related" else None) for k in IDENTIFYING} for e in expected), key=str)
    assert actual == wanted, "\n".join(f"{f['code']} {f['file']}:{f['line']} {f['message']}" for f in found)
    # Every finding's whole message and fingerprint, as a snapshot: a changed message, or a changed
    # identity (which baselines and code scanning alerts hang on), is a diff of the case file
    # (python scripts/update_rule_case_snapshots.py writes them in for review).
    assert sorted(((tuple(f[k] for k in IDENTIFYING[:4]), f["message"], f["fingerprint"]) for f in found), key=repr) == \
        sorted(((tuple(e.get(k) for k in IDENTIFYING[:4]), e.get("message"), e.get("fingerprint")) for e in expected), key=repr)


def test_every_rule_has_pass_and_fail_cases() -> None:
    ruleset = load_ruleset([default_rules_dir()])
    covered: dict[str, set[str]] = {}
    for path in _case_files():
        spec = yaml.safe_load(path.read_text(encoding="utf-8"))
        assert path.stem == spec["rule"], f"{path.name} must be named after its rule"
        covered[spec["rule"]] = {case["expect"] for case in spec["cases"]}
    checks_with_rules = {rule.check for rule in ruleset.rules.values()}
    assert checks_with_rules == set(CHECKS), "every registered rule type has a rule file, and no rule file names an unknown type"
    for rule in ruleset.rules.values():
        assert covered.get(rule.name) == {"pass", "fail"}, f"{rule.code} {rule.name} needs pass and fail cases in tests/rules/{rule.name}.yaml"


def test_every_param_of_every_rule_is_set_by_a_case() -> None:
    """A parameter no case changes is a parameter nothing shows to work."""
    ruleset = load_ruleset([default_rules_dir()])
    set_by_cases: dict[str, set[str]] = {}
    for path in _case_files():
        spec = yaml.safe_load(path.read_text(encoding="utf-8"))
        for case in spec["cases"]:
            set_by_cases.setdefault(spec["rule"], set()).update(case.get("params", {}))
    for rule in ruleset.rules.values():
        missing = set(CHECKS[rule.check].params) - set_by_cases.get(rule.name, set())
        assert not missing, f"no case of tests/rules/{rule.name}.yaml sets {sorted(missing)}"


def test_default_rule_files_load() -> None:
    ruleset = load_ruleset([default_rules_dir()])
    assert {r.code for r in ruleset.rules.values()} >= {"FC001", "FC101", "FC201", "FC301"}
    assert ruleset.predicates.get("vote") is not None
    assert ruleset.actions.normalize("prohibit") == "ban"
