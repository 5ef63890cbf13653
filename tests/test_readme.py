"""The README's example output is what the command prints, and its set-up commands are the CI's."""

from __future__ import annotations

import re
from pathlib import Path

from factcheck.cli import main

REPO = Path(__file__).resolve().parent.parent
README = (REPO / "README.md").read_text(encoding="utf-8")


def test_example_output_matches_the_command(monkeypatch, capsys) -> None:  # type: ignore[no-untyped-def]
    shown = re.search(r"`factcheck lint claims/ --format concise` prints.*?```\n(.*?)```", README, re.S)
    assert shown, "the README shows the example output"
    monkeypatch.chdir(REPO)
    monkeypatch.delenv("FORCE_COLOR", raising=False)
    main(["lint", "claims/", "--format", "concise"])
    assert capsys.readouterr().out == shown.group(1)


def test_ci_runs_the_readme_test_command() -> None:
    command = re.search(r"```sh\n(python -m pytest[^\n]*)\n```", README)
    assert command, "the README gives the test command"
    assert command.group(1) in (REPO / ".ci" / "run").read_text(encoding="utf-8")


def test_the_rule_table_is_the_rule_catalog(monkeypatch, capsys) -> None:  # type: ignore[no-untyped-def]
    """The README's rule table is `factcheck rules --format markdown`: one summary per rule, kept in
    its rule type's module, so the table cannot drift from the rules."""
    monkeypatch.chdir(REPO)
    assert main(["rules", "--format", "markdown"]) == 0
    table = capsys.readouterr().out
    marker = "<!-- The table is `factcheck rules --format markdown`"
    start = README.index("\n", README.index(marker)) + 1
    assert README[start : start + len(table)] == table
    assert README[start + len(table) : start + len(table) + 1] == "\n"  # the table ends there
