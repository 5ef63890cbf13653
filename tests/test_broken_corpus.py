"""A corpus of deliberately broken files: exactly one finding per defect, at the right place.

Only the load checks (FC0xx) run: the cross-source rules have their own YAML cases.
"""

from __future__ import annotations

import json
from collections import defaultdict
from pathlib import Path

import pytest
import yaml

from factcheck.cli import main

BROKEN = Path(__file__).parent / "data" / "broken"
EXPECTED: dict[str, list[str]] = yaml.safe_load((BROKEN.parent / "broken-expected.yaml").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def findings_by_file(tmp_path_factory: pytest.TempPathFactory) -> dict[str, list[str]]:
    out = tmp_path_factory.mktemp("report") / "findings.json"
    code = main(["lint", str(BROKEN), "--select", "FC0", "--format", "json", "--output", str(out)])
    assert code == 1
    found: dict[str, list[str]] = defaultdict(list)
    for finding in json.loads(out.read_text(encoding="utf-8")):
        found[Path(finding["path"]).name].append(f"{finding['code']} {finding['line']}:{finding['column']}")
    return found


def test_every_file_is_listed() -> None:
    assert {p.name for p in BROKEN.glob("*.yaml")} == set(EXPECTED)


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_exact_findings(name: str, findings_by_file: dict[str, list[str]]) -> None:
    assert sorted(findings_by_file.get(name, [])) == sorted(EXPECTED[name])
