"""The Python API (factcheck.lint, load, format_claims, draft, claim_schema, rule_set, explain_rule), used as a notebook would use it."""

from __future__ import annotations

import datetime as dt
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


def test_every_exported_name_resolves_and_none_is_a_submodule() -> None:
    """`factcheck.LintResult` once pointed at a module that had been renamed; a name that is also a
    submodule's would be replaced by the module on its first import."""
    package = REPO / "factcheck"
    submodules = {p.stem for p in package.glob("*.py")} | {p.name for p in package.iterdir() if (p / "__init__.py").is_file()}
    for name in factcheck.__all__:
        assert getattr(factcheck, name) is not None
        assert name not in submodules, name
    assert factcheck.LintResult.__name__ == "LintResult"


def test_rule_set_and_explain_rule_are_the_commands(tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    extra = tmp_path / "more-rules"
    extra.mkdir()
    (extra / "strict.yaml").write_text("code: FC101\nname: value-conflict\ncheck: value_conflict\nseverity: info\nverdict: Disputed\n", encoding="utf-8")
    ruleset = factcheck.rule_set([extra], cwd=REPO)
    assert (ruleset.rules["FC101"].severity, ruleset.rules["FC101"].verdict) == ("info", "Disputed")
    assert factcheck.rule_set(cwd=REPO).rules["FC101"].severity == "error"
    monkeypatch.chdir(REPO)
    assert main(["explain", "FC106"]) == 0
    assert factcheck.explain_rule("contradicts-primary", cwd=REPO) == capsys.readouterr().out
    with pytest.raises(factcheck.UnknownRule) as unknown:
        factcheck.explain_rule("value-conflcit", cwd=REPO)
    assert unknown.value.suggestion == "value-conflict" and "did you mean 'value-conflict'?" in str(unknown.value)


def test_claim_schema_is_what_the_command_writes(capsys: pytest.CaptureFixture[str]) -> None:
    for kind in ("claims", "entities"):
        assert main(["schema", "--kind", kind]) == 0
        assert factcheck.claim_schema(kind) == json.loads(capsys.readouterr().out)


def test_format_claims_reports_before_it_writes(tmp_path: Path) -> None:
    claims = tmp_path / "claims"
    claims.mkdir()
    messy = claims / "a.yaml"
    original = "claims:\n- {predicate: vote, id: v, value: 15-0, subject: Resolution 2397}  # the vote\nsource: {id: a, outlet: NPR, published: 2017-12-22}\n"
    messy.write_text(original, encoding="utf-8")
    (claims / "broken.yaml").write_text("source: [\n", encoding="utf-8")
    results = list(factcheck.format_claims(["claims"], cwd=tmp_path))
    assert [(r.display, r.status) for r in results] == [("claims/a.yaml", "changed"), ("claims/broken.yaml", "skipped")]
    assert messy.read_text(encoding="utf-8") == original  # nothing written unless asked
    patch = "".join(results[0].diff())
    assert patch.startswith("--- claims/a.yaml\n+++ claims/a.yaml\n") and "+source:" in patch and "# the vote" in patch
    assert [r.status for r in factcheck.format_claims(["claims"], cwd=tmp_path, write=True)] == ["changed", "skipped"]
    assert messy.read_bytes() == results[0].formatted and "# the vote" in messy.read_text(encoding="utf-8")
    assert [r.status for r in factcheck.format_claims(["claims/a.yaml"], cwd=tmp_path)] == ["unchanged"]
    with pytest.raises(factcheck.ConfigError, match="nowhere.yaml: no such file or directory"):
        factcheck.format_claims(["nowhere.yaml"], cwd=tmp_path)


def test_draft_reads_a_path_or_bytes(tmp_path: Path) -> None:
    article = REPO / "claims" / "sources" / "npr-2017-12-22-resolution-2397.txt"
    from_path = factcheck.draft(article, cwd=REPO, outlet="NPR", published=dt.date(2017, 12, 22))
    assert from_path.source["document"] == "claims/sources/npr-2017-12-22-resolution-2397.txt"
    assert from_path.claims and from_path.source["outlet"] == "NPR" and from_path.warnings == []
    extractor = factcheck.Extractor(cwd=REPO)
    beside = extractor.draft(article, claim_dir=REPO / "claims", outlet="NPR", published=from_path.source["published"])
    assert beside.source["document"] == "sources/npr-2017-12-22-resolution-2397.txt"
    from_bytes = extractor.draft(article.read_bytes(), outlet="NPR", published=from_path.source["published"])
    assert "document" not in from_bytes.source and from_bytes.claims == from_path.claims
    latin = extractor.draft("Le Conseil a voté à l'unanimité.".encode("latin-1"), outlet="AFP", published=from_path.source["published"])
    assert latin.warnings  # not UTF-8: read, and said so
    from factcheck.extract.claims import ExtractError

    with pytest.raises(ExtractError, match="^the article has no text$"):
        extractor.draft(b"  \n")
