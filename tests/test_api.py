"""The Python API (factcheck.lint, load, format_claims, draft, claim_schema, rule_set, explain_rule), used as a notebook would use it."""

from __future__ import annotations

import datetime as dt
import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

import factcheck
from factcheck import api
from factcheck.cli import main
from factcheck.extract.claims import ExtractError
from factcheck.pipeline import LintOptions

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
    assert factcheck.claim_schema() == factcheck.claim_schema("claims")


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
    assert latin.warnings == ["not valid UTF-8 (byte 16); undecodable bytes were replaced with U+FFFD"]  # read, and said so
    with pytest.raises(ExtractError, match="^the article has no text$"):
        extractor.draft(b"  \n")


def test_lint_and_load_hand_every_option_to_the_pipeline(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Relative paths are read from `cwd`, the rest is passed on as given, and the defaults are the
    pipeline's (the pipeline is tested elsewhere: here it only records what it is asked)."""
    calls: list[tuple[LintOptions, Path | None]] = []

    def record(options: LintOptions, cwd: Path | None = None) -> None:
        calls.append((options, cwd))

    monkeypatch.setattr(api, "run_lint", record)
    monkeypatch.setattr(api, "load_assertions", record)
    factcheck.lint()
    factcheck.load()
    cache = tmp_path / "cache"
    given: dict[str, Any] = {"entities": ["e.yaml"], "predicates": ["p.yaml"], "rules": ["r"], "cache": False, "cache_dir": cache, "jobs": 3,
                             "max_file_size": 1000, "cwd": tmp_path}
    factcheck.lint(["a.yaml"], select=["FC1"], ignore=["FC2"], progress=True, **given)
    factcheck.load(["a.yaml"], **given)
    factcheck.load(["a.yaml"], **{**given, "cache_dir": "cache"})  # a relative cache directory is read from cwd too
    read: dict[str, Any] = {"paths": (tmp_path / "a.yaml",), "entities": (tmp_path / "e.yaml",), "predicates": (tmp_path / "p.yaml",),
                            "rules": (tmp_path / "r",), "cache": False, "cache_dir": cache, "jobs": 3, "max_file_size": 1000}
    assert calls == [
        (LintOptions(), None),
        (LintOptions(), None),
        (LintOptions(select=("FC1",), ignore=("FC2",), progress=True, **read), tmp_path),
        (LintOptions(**read), tmp_path),
        (LintOptions(**read), tmp_path),
    ]


def test_a_baseline_is_read_from_cwd_and_named_as_given(tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    project = _project(tmp_path)
    monkeypatch.chdir(project)
    assert main(["lint", "--no-cache", "--write-baseline", "known.json"]) == 0
    monkeypatch.chdir(tmp_path)  # not the project: the API reads paths from its cwd
    hidden = factcheck.lint(cwd=project, cache=False, baseline="known.json")
    assert hidden.findings == [] and hidden.notes == ["baseline known.json: 2 known finding(s) hidden, 0 entries no longer occur"]
    narrowed = factcheck.lint(cwd=project, cache=False, ignore=["FC204"])
    api.apply_baseline(narrowed, project / "known.json")  # as the command applies the configured baseline
    assert narrowed.findings == [] and narrowed.notes == [f"baseline {project / 'known.json'}: 1 known finding(s) hidden, 1 entry no longer occur"]


def test_rule_set_and_explain_rule_read_the_project_at_cwd(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    project = tmp_path / "project"
    (project / "rules").mkdir(parents=True)  # the project's own rules directory, instead of the packaged set
    conflict = (REPO / "rules" / "value-conflict.yaml").read_text(encoding="utf-8")
    (project / "rules" / "value-conflict.yaml").write_text(conflict.replace("severity: error", "severity: info"), encoding="utf-8")
    (project / "more").mkdir()
    (project / "more" / "quote-drift.yaml").write_text((REPO / "rules" / "quote-drift.yaml").read_text(encoding="utf-8"), encoding="utf-8")
    (project / "pyproject.toml").write_text('[tool.factcheck]\npredicates = "founding.yaml"\n', encoding="utf-8")
    (project / "founding.yaml").write_text("predicates:\n  founded_on: {type: date, cardinality: one}\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)  # not the project
    ruleset = factcheck.rule_set(["more"], cwd=project)
    assert sorted(ruleset.rules) == ["FC101", "FC104"] and ruleset.rules["FC101"].severity == "info"
    assert ruleset.predicates.names == ("founded_on",)  # the configured predicates file
    assert factcheck.explain_rule("value-conflict", cwd=project).startswith("FC101 value-conflict [info]\n")
    assert factcheck.explain_rule("quote-drift", rules=["more"], cwd=project).startswith("FC104 quote-drift [warning]\n")


def test_an_unknown_rule_without_a_near_name_suggests_nothing() -> None:
    for key in ("zzzz", "misquote"):  # "misquote" is 69 (WRatio) like misattributed-quote: below the cutoff of 70
        with pytest.raises(factcheck.UnknownRule) as unknown:
            factcheck.explain_rule(key, cwd=REPO)
        assert (unknown.value.key, unknown.value.suggestion, str(unknown.value)) == (key, None, f"no rule '{key}'; see `factcheck rules`")


def test_format_claims_formats_the_default_corpus_and_names_the_rule_of_a_skip(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    project = tmp_path / "project"
    claims = project / "claims"
    claims.mkdir(parents=True)
    (claims / "broken.yaml").write_text("source: [\n", encoding="utf-8")
    outside = tmp_path / "outside.yaml"
    outside.write_text("claims: []\nsource: {id: o, outlet: NPR, published: 2017-12-22}\n", encoding="utf-8")
    (claims / "link.yaml").symlink_to(outside)
    (project / "notes.yaml").write_text("claims: []\nsource: {published: 2017-12-22, id: n, outlet: NPR}\n", encoding="utf-8")  # outside the corpus
    monkeypatch.chdir(project)  # no cwd: the working directory
    assert [(r.display, r.status, r.reason) for r in factcheck.format_claims()] == [
        ("claims/broken.yaml", "skipped", ("FC001 at line 2, column 1: invalid YAML: did not find expected node content while parsing a flow node "
                                           "that started at line 2, column 1")),
        ("claims/link.yaml", "skipped", "FC001 at line 1, column 1: cannot read file: it is a symbolic link to a file outside the project root; not read"),
    ]
    bare = tmp_path / "bare"  # no claims directory: the corpus is the working directory
    (bare / "sub").mkdir(parents=True)
    (bare / "sub" / "a.yaml").write_text("claims: []\nsource: {published: 2017-12-22, id: a, outlet: NPR}\n", encoding="utf-8")
    assert [(r.display, r.status) for r in factcheck.format_claims(cwd=bare)] == [("sub/a.yaml", "changed")]


def test_draft_reads_the_article_and_registries_from_cwd(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    project = tmp_path / "project"
    (project / "claims").mkdir(parents=True)  # the corpus, with no registry in it
    (project / "article.txt").write_text("Council votes on sanctions\n\nBy Jane Roe\n\nThe Security Council voted 14-1 on Friday.\n\n\u00a9 2017 Desk Weekly\n",
                                         encoding="utf-8")
    (project / "registry.yaml").write_text("entities:\n  - {id: desk-weekly, name: Desk Weekly, type: outlet}\n", encoding="utf-8")
    (project / "empty.txt").write_text("  \n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)  # not the project
    day = dt.date(2017, 12, 22)
    drafted = factcheck.draft("article.txt", entities=["registry.yaml"], cwd=project, published=day)
    assert drafted.source == {"id": "desk-weekly-2017-12-22", "outlet": "Desk Weekly", "published": day, "title": "Council votes on sanctions",
                              "authors": ["Jane Roe"], "kind": "news", "document": "article.txt"}  # the copyright line names an outlet of the registry
    with pytest.raises(ExtractError, match="^the page does not name its outlet; pass --outlet NAME$"):
        factcheck.draft("article.txt", cwd=project, published=day)  # the same without the registry
    given = factcheck.draft("article.txt", cwd=project, outlet="Wire", published=day, url="https://wire.example/a", source_id="wire-a",
                            title="Sanctions", kind="wire")
    assert given.source == {"id": "wire-a", "outlet": "Wire", "published": day, "title": "Sanctions", "url": "https://wire.example/a",
                            "authors": ["Jane Roe"], "kind": "wire", "document": "article.txt"}
    with pytest.raises(ExtractError, match="^the file has no text$"):
        factcheck.draft("empty.txt", cwd=project)
    monkeypatch.chdir(project)
    assert factcheck.Extractor(entities=["registry.yaml"]).draft("article.txt", published=day).source == drafted.source  # no cwd: the working directory
    (project / "claims").rmdir()  # no claims directory: the corpus is the working directory, and its registry is read
    monkeypatch.chdir(tmp_path)
    assert factcheck.draft("article.txt", cwd=project, published=day).source == drafted.source


def _project(tmp_path: Path) -> Path:
    """A project whose one claim has two findings: FC201 (nothing else says it) and FC204 (an event after publication)."""
    project = tmp_path / "project"
    claims = project / "claims"
    claims.mkdir(parents=True)
    (claims / "entities.yaml").write_text((REPO / "tests" / "rules" / "entities.yaml").read_text(encoding="utf-8"), encoding="utf-8")
    (claims / "afp.yaml").write_text(
        "source: {id: afp, outlet: AFP, published: 2017-12-23}\nclaims:\n  - {id: adopted, subject: Resolution 2397, predicate: adopted_on, value: 2018-01-05}\n",
        encoding="utf-8",
    )
    return project
