"""The Python API (factcheck.lint, factcheck.load), used as a notebook would use it."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

import factcheck
from factcheck.cli import main

REPO = Path(__file__).resolve().parent.parent
CONTRACT = {"code", "name", "severity", "message", "path", "line", "column", "source", "claim", "related", "fingerprint"}


def test_lint_gives_what_the_command_reports(capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    result = factcheck.lint("claims", cwd=REPO, cache=False)
    monkeypatch.chdir(REPO)
    status = main(["lint", "claims", "--format", "json", "--no-cache"])
    assert result.to_json() == json.loads(capsys.readouterr().out)
    assert result.failing() is (status == 1)
    assert all(set(finding) == CONTRACT for finding in result.to_json())
    first = result.findings[0]
    assert isinstance(first, factcheck.Finding) and isinstance(first.location, factcheck.Location)
    assert (first.code, first.location.path) == (result.to_json()[0]["code"], result.to_json()[0]["path"])


def test_options_are_the_commands(tmp_path: Path) -> None:
    everything = factcheck.lint(["claims"], cwd=REPO, cache=False)
    only_conflicts = factcheck.lint(["claims"], cwd=REPO, cache=False, select=["FC1"])
    assert only_conflicts.findings and {f.code[:3] for f in only_conflicts.findings} == {"FC1"}
    assert len(only_conflicts.findings) < len(everything.findings)
    assert not factcheck.lint(["claims"], cwd=REPO, cache=False, ignore=["FC"]).findings
    assert not everything.failing("error") or everything.failing("warning")
    known = tmp_path / "baseline.json"
    assert main(["lint", str(REPO / "claims"), "--no-cache", "--write-baseline", str(known)]) == 0
    hidden = factcheck.lint(["claims"], cwd=REPO, cache=False, baseline=known)
    assert hidden.findings == [] and not hidden.failing()
    assert hidden.notes == [f"baseline {known}: {len(everything.findings)} known finding(s) hidden, 0 entries no longer occur"]


def test_load_gives_the_normalized_assertions() -> None:
    claims = factcheck.load(["claims"], cwd=REPO, cache=False)
    assert claims and all(isinstance(a, factcheck.Assertion) for a in claims)
    npr = [a for a in claims if a.source.id == "npr-2017-12-22"]
    vote = next(a for a in npr if a.predicate == "vote")
    assert (vote.subject, vote.value_type, vote.value.canonical()) == ("unscr-2397", "vote", "vote for=15 against=0 abstain=0")
    one_file = factcheck.load(REPO / "claims" / "npr-2017-12-22.yaml", cache=False)
    assert [a.claim for a in one_file] == [a.claim for a in npr]


def test_a_broken_configuration_is_an_exception_with_its_messages() -> None:
    with pytest.raises(factcheck.ConfigError) as raised:
        factcheck.lint(["no-such-dir"], cwd=REPO)
    assert raised.value.messages == [f"{REPO / 'no-such-dir'}: no such file or directory"]


def test_importing_factcheck_imports_nothing_heavy() -> None:
    """`python -m factcheck` checks its dependencies before anything imports them."""
    code = "import sys, factcheck; print(sorted(m for m in ('pydantic', 'rapidfuzz', 'yaml', 'factcheck.pipeline') if m in sys.modules))"
    shown = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert shown.strip() == "[]"
    assert set(factcheck.__all__) >= {"lint", "load", "LintResult", "Finding", "Location", "Assertion", "ConfigError"}
    with pytest.raises(AttributeError):
        factcheck.no_such_name  # noqa: B018


def test_the_readme_example_prints_what_it_says(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    section = readme[readme.index("### Python API"):]
    code = section[section.index("```python\n") + len("```python\n"):section.index("\n```\n")]
    expected = [line.split("# ", 1)[1].split(":")[0] if ": failing" in line else line.split("# ", 1)[1]
                for line in code.splitlines() if line.startswith("print(")]
    monkeypatch.chdir(REPO)
    exec(compile(code, "README.md", "exec"), {})  # noqa: S102 - the README's own example
    assert capsys.readouterr().out.splitlines() == expected
