"""One selector for every place a user names rules (factcheck/selector.py): flake8's decisions
(explicit beats implicit, the most specific entry wins, ignore wins a tie) and aliases, through
--select/--ignore, the configuration's severity table, per-file-ignores and a claim's ignore list."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from factcheck.cli import main
from factcheck.selector import RuleNames, names, selected, setting_for
from factcheck.suppression import Suppression
from factcheck.findings import Location

REPO = Path(__file__).resolve().parent.parent
UNSUPPORTED = RuleNames("FC201", "unsupported", ("FC299", "lone-claim"))
CONFLICT = RuleNames("FC101", "value-conflict")


@pytest.mark.parametrize(("select", "ignore", "expected"), [
    ((), (), True),  # nothing given: every rule, implicitly
    ((), ("FC2",), False),  # an explicit ignore beats the implicit select
    (("FC201",), ("FC2",), True),  # the longer entry wins
    (("FC2",), ("FC201",), False),
    (("FC2",), ("FC2",), False),  # a tie: ignore wins
    (("unsupported",), ("FC",), True),  # a whole name beats any prefix
    (("FC",), ("unsupported",), False),
    (("FC",), (), True),  # a prefix of every code selects every rule
    (("FC1",), (), False),
    (("fc201",), (), True),  # case does not matter
    (("FC299",), ("FC2",), True),  # an alias is as specific as the code
    (("lone-claim",), (), True),
    (("FC20",), ("FC201X",), True),  # an entry that names nothing decides nothing
])
def test_decisions(select: tuple[str, ...], ignore: tuple[str, ...], expected: bool) -> None:
    assert selected(UNSUPPORTED, select, ignore) is expected


def test_the_most_specific_setting_wins_and_the_later_of_two_equal_ones() -> None:
    assert setting_for(UNSUPPORTED, {"FC2": "info", "FC201": "error"}) == "error"
    assert setting_for(UNSUPPORTED, {"FC201": "error", "FC2": "info"}) == "error"
    assert setting_for(UNSUPPORTED, {"FC": "info"}) == "info"
    assert setting_for(UNSUPPORTED, {"FC201": "info", "unsupported": "error"}) == "error"
    assert setting_for(CONFLICT, {"FC2": "info"}) is None


def test_a_claims_ignore_entry_means_what_select_means() -> None:
    place = Location("a.yaml", 1, 1, "a", "c")
    for entry, rule, expected in [("FC", UNSUPPORTED, True), ("FC", CONFLICT, True), ("FC2", UNSUPPORTED, True), ("FC2", CONFLICT, False),
                                  ("unsupported", UNSUPPORTED, True), ("FC299", UNSUPPORTED, True), ("", UNSUPPORTED, False)]:
        assert Suppression("a", "c", entry, place, "ignore").matches(rule) is expected, entry
        assert names(entry, rule) is expected


@pytest.fixture()
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    shutil.copytree(REPO / "claims", tmp_path / "claims")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def _lint(project: Path, *args: str) -> list[dict]:
    out = project / "out.json"
    assert main(["lint", "claims", "--format", "json", "--no-cache", "--output", str(out), *args]) in (0, 1)
    return json.loads(out.read_text(encoding="utf-8"))


def test_command_line_select_and_ignore(project: Path) -> None:
    everything = {f["code"] for f in _lint(project)}
    assert "FC201" in everything and len(everything) > 1
    assert {f["code"] for f in _lint(project, "--select", "FC201", "--ignore", "FC2")} == {"FC201"}
    assert "FC201" not in {f["code"] for f in _lint(project, "--select", "FC2", "--ignore", "FC201")}
    assert {f["code"] for f in _lint(project, "--select", "FC")} == everything


def test_severity_by_prefix_and_the_more_specific_key(project: Path) -> None:
    (project / "pyproject.toml").write_text('[tool.factcheck]\nseverity = {FC2 = "info", unsupported = "error"}\n', encoding="utf-8")
    found = _lint(project)
    assert {f["severity"] for f in found if f["code"] == "FC201"} == {"error"}
    assert {f["severity"] for f in found if f["code"].startswith("FC2") and f["code"] != "FC201"} <= {"info"}
    (project / "pyproject.toml").write_text('[tool.factcheck]\nseverity = {FC9 = "info"}\n', encoding="utf-8")
    assert main(["lint", "claims", "--no-cache"]) == 2  # names no rule


def test_a_claim_ignoring_every_rule_by_the_bare_prefix(project: Path) -> None:
    path = project / "claims" / "npr-2017-12-22.yaml"
    before = [f for f in _lint(project) if f["path"] == "claims/npr-2017-12-22.yaml"]
    claim = next(f["claim"] for f in before if f["claim"])
    text = path.read_text(encoding="utf-8")
    marker = f"  - id: {claim}\n"
    assert marker in text
    path.write_text(text.replace(marker, f"  - id: {claim}\n    ignore: [FC]\n", 1), encoding="utf-8")
    after = _lint(project)
    assert not [f for f in after if f["path"] == "claims/npr-2017-12-22.yaml" and f["claim"] == claim]


def test_a_renamed_rule_keeps_its_old_code_and_name_as_aliases(project: Path) -> None:
    rules = project / "rules"
    shutil.copytree(REPO / "rules", rules)
    rule_file = rules / "unsupported.yaml"
    text = rule_file.read_text(encoding="utf-8")
    rule_file.write_text(text.replace("code: FC201", "code: FC251").replace("name: unsupported", "name: uncorroborated")
                         + "aliases: [FC201, unsupported]\n", encoding="utf-8")
    found = _lint(project, "--select", "FC201")  # the old code still selects it
    assert found and {f["code"] for f in found} == {"FC251"}
    assert not [f for f in _lint(project) if f["code"] == "FC301"]  # the corpus's `ignore: [unsupported]` still suppresses
    rule_file.write_text(rule_file.read_text(encoding="utf-8").replace("aliases: [FC201, unsupported]", "aliases: [FC101]"), encoding="utf-8")
    assert main(["lint", "claims", "--no-cache"]) == 2  # an alias that names another rule
