"""`factcheck explain` and `factcheck rules`: the rule catalog, with examples that cannot drift.

The examples are the rule's own YAML test cases (tests/rules/<name>.yaml, shipped as package data),
so what `explain` shows is exactly what the test suite checks.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any, TextIO

import yaml

from .checks import CHECKS
from .ruleset import Rule, RuleSet


def rule_cases_dir() -> Path:
    """tests/rules in a source checkout; factcheck/rule_cases in a regular install."""
    package = Path(__file__).resolve().parent
    installed = package / "rule_cases"
    return installed if installed.is_dir() else package.parent / "tests" / "rules"


def find_rule(ruleset: RuleSet, key: str) -> Rule | None:
    key = key.strip()
    return ruleset.rules.get(key.upper()) or next((r for r in ruleset.rules.values() if r.name.casefold() == key.casefold()), None)


def examples(rule: Rule) -> dict[str, dict[str, Any]]:
    """The first failing and the first passing case of the rule's test file."""
    path = rule_cases_dir() / f"{rule.name}.yaml"
    if not path.is_file():
        return {}
    spec = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    found: dict[str, dict[str, Any]] = {}
    for case in spec.get("cases", []):
        if "params" not in case:  # an example shows the rule as shipped, not with a case's own params
            found.setdefault(case.get("expect"), case)
    return found


def explain(rule: Rule, stream: TextIO) -> None:
    check = CHECKS[rule.check]
    write = stream.write
    write(f"{rule.code} {rule.name} [{rule.severity}]\n\n{rule.summary}\n\n")
    write(f"Rule type `{rule.check}`:\n{check.description.strip()}\n\n")
    if check.params:
        write("Parameters:\n")
        for name, (kind, default) in check.params.items():
            write(f"  {name} = {rule.params.get(name, default)!r}  ({kind.__name__}, default {default!r})\n")
        write("\n")
    else:
        write("Parameters: none\n\n")
    cases = examples(rule)
    for kind, title in (("fail", "Failing example"), ("pass", "Passing example")):
        case = cases.get(kind)
        if case is None:
            continue
        write(f"{title}: {case['name']}\n")
        for name, content in case["files"].items():
            write(f"  # {name}\n")
            write("".join(f"    {line}\n" for line in str(content).splitlines()))
        for finding in case.get("findings") or []:
            related = f" (related: {', '.join(finding.get('related') or [])})" if finding.get("related") else ""
            write(f"  => {finding['code']} at {finding['file']}:{finding['line']}{related}\n")
        if kind == "pass":
            write("  => no findings\n")
        write("\n")
    write(f"Suppress on a claim with `ignore: [{rule.code}]` or `# factcheck: ignore[{rule.name}]`.\n")


def catalog(ruleset: RuleSet) -> list[dict[str, Any]]:
    return [
        {
            "code": r.code,
            "name": r.name,
            "severity": r.severity,
            "check": r.check,
            "summary": r.summary,
            "verdict": r.verdict or None,  # None: the rule's findings get no ClaimReview
            "params": r.params,
        }
        for r in sorted(ruleset.rules.values(), key=lambda r: r.code)
    ]


def print_rules(ruleset: RuleSet, stream: TextIO, fmt: str) -> None:
    rows = catalog(ruleset)
    if fmt == "json":
        json.dump(rows, stream, indent=2, ensure_ascii=False)
        stream.write("\n")
        return
    if fmt == "markdown":  # the README's rule table is this output (tests/test_readme.py holds them equal)
        stream.write("| code | name | severity | fires when |\n|---|---|---|---|\n")
        stream.writelines(f"| {row['code']} | {row['name']} | {row['severity']} | {row['summary']} |\n" for row in rows)
        return
    width = max(len(row["name"]) for row in rows) if rows else 4
    for row in rows:
        stream.write(f"{row['code']}  {row['name']:<{width}}  {row['severity']:<7}  {row['summary']}\n")
