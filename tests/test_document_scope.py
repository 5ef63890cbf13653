"""`factcheck lint DOCUMENT`: a source document given on the command line stands for the claim
files that cite it (factcheck/scope.py), so pre-commit re-checks evidence when an article changes.
Configuration files given on the command line report everything.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from factcheck.cli import main
from factcheck.findings import Finding
from factcheck.pipeline import LintOptions, run_lint

ROOT = Path(__file__).resolve().parent.parent
NPR_DOCUMENT = Path("claims/sources/npr-2017-12-22-resolution-2397.txt")
NPR_CLAIMS = "claims/npr-2017-12-22.yaml"
EVIDENCE = "with a 15-to-nothing vote"


@pytest.fixture()
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A copy of the example corpus and rules, as the working directory."""
    root = tmp_path / "project"
    shutil.copytree(ROOT / "claims", root / "claims")
    shutil.copytree(ROOT / "rules", root / "rules")
    monkeypatch.chdir(root)
    return root


def _lint(project: Path, *paths: str | Path, **options: object) -> list[Finding]:
    return run_lint(LintOptions(paths=tuple(Path(p) for p in paths), cache=False, **options), cwd=project).findings  # type: ignore[arg-type]


def _touching(findings: list[Finding], *displays: str) -> list[Finding]:
    return [f for f in findings if f.location.path in displays or any(r.path in displays for r in f.related)]


def _break_evidence(project: Path) -> None:
    document = project / NPR_DOCUMENT
    text = document.read_text(encoding="utf-8")
    assert EVIDENCE in text
    document.write_text(text.replace(EVIDENCE, "with a 14-to-1 vote"), encoding="utf-8")


def test_each_document_gives_the_full_runs_findings_about_the_claim_files_citing_it(project: Path) -> None:
    full = _lint(project)
    cited_by = {
        "blog-2017-08-07-resolution-2371.txt": "claims/blog-2017-08-07.yaml",
        "npr-2017-12-22-resolution-2397.txt": NPR_CLAIMS,
        "nyt-2016-11-30-resolution-2321.md": "claims/nyt-2016-11-30.yaml",
    }
    assert sorted(p.name for p in (project / "claims" / "sources").iterdir()) == sorted(cited_by)
    for name, claim_file in cited_by.items():
        scoped = _lint(project, Path("claims/sources") / name)
        assert scoped, name
        assert scoped == _touching(full, claim_file), name
        assert scoped == _lint(project, claim_file), name


def test_an_edit_that_breaks_evidence_is_reported_through_the_document(project: Path) -> None:
    _break_evidence(project)
    findings = _lint(project, NPR_DOCUMENT)
    broken = [f for f in findings if f.code == "FC203"]
    assert broken and {f.location.path for f in broken} == {NPR_CLAIMS}
    assert all("14-to-1" in f.message for f in broken)
    assert not any(f.code == "FC001" for f in findings)  # the article is never read as a claim file
    assert not any(f.code == "FC203" for f in _lint(project, "claims/blog-2017-08-07.yaml"))


def test_claim_files_and_documents_together(project: Path) -> None:
    _break_evidence(project)
    full = _lint(project)
    mixed = _lint(project, "claims/unscr-2397.yaml", NPR_DOCUMENT)
    assert mixed == _touching(full, "claims/unscr-2397.yaml", NPR_CLAIMS)
    assert any(f.code == "FC203" for f in mixed)
    # a directory among the paths: the document is still not linted as a claim file
    assert _lint(project, "claims", NPR_DOCUMENT) == full


def test_a_document_with_a_yaml_file_outside_the_corpus_lints_exactly_those_files(project: Path) -> None:
    """Outside the corpus only the given files are loaded (as before); the document's claim file is one of them."""
    drafts = project / "drafts"
    drafts.mkdir()
    shutil.copy(project / "claims" / "unscr-2397.yaml", drafts / "draft.yaml")
    _break_evidence(project)
    findings = _lint(project, "drafts/draft.yaml", NPR_DOCUMENT, entities=(project / "claims" / "entities.yaml",))
    assert {f.location.path for f in findings} <= {"drafts/draft.yaml", NPR_CLAIMS}
    assert any(f.code == "FC203" and f.location.path == NPR_CLAIMS for f in findings)
    assert not any(f.code == "FC001" for f in findings)


def test_a_document_outside_the_corpus_directory(project: Path) -> None:
    (project / "articles").mkdir()
    shutil.move(project / NPR_DOCUMENT, project / "articles" / "npr.txt")
    claims = project / NPR_CLAIMS
    claims.write_text(
        claims.read_text(encoding="utf-8").replace("sources/npr-2017-12-22-resolution-2397.txt", "../articles/npr.txt"), encoding="utf-8"
    )
    full = _lint(project)
    assert _lint(project, "articles/npr.txt") == _touching(full, NPR_CLAIMS)
    (project / "articles" / "npr.txt").write_text("Nothing of the sort.\n", encoding="utf-8")
    assert any(f.code == "FC203" and f.location.path == NPR_CLAIMS for f in _lint(project, "articles/npr.txt"))


def test_a_document_cited_by_two_claim_files_and_one_given_through_a_symlink(project: Path) -> None:
    second = project / "claims" / "npr-copy.yaml"
    second.write_text((project / NPR_CLAIMS).read_text(encoding="utf-8").replace("id: npr-2017-12-22", "id: npr-copy", 1), encoding="utf-8")
    _break_evidence(project)
    found = {f.location.path for f in _lint(project, NPR_DOCUMENT) if f.code == "FC203"}
    assert found == {NPR_CLAIMS, "claims/npr-copy.yaml"}
    link = project / "link.txt"
    link.symlink_to(project / NPR_DOCUMENT)
    assert _lint(project, "link.txt") == _lint(project, NPR_DOCUMENT)


def test_a_document_over_the_size_limit_reports_the_claim_files_that_cite_it(project: Path) -> None:
    with (project / NPR_DOCUMENT).open("a", encoding="utf-8") as document:
        document.write("Pasted by mistake. " * 2000)
    findings = _lint(project, NPR_DOCUMENT, max_file_size=20_000)  # every claim file is smaller
    reasons = [f for f in findings if f.code == "FC002" and "over the limit" in f.message]
    assert [f.location.path for f in reasons] == [NPR_CLAIMS]


@pytest.mark.parametrize("where", ["claims/sources/new-article.txt", "notes.md", "outside"])
def test_a_document_no_claim_file_cites_has_nothing_to_check(project: Path, where: str, tmp_path: Path,
                                                              capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "elsewhere.txt" if where == "outside" else project / where
    path.write_text("source: [\nnot: a claim file\n", encoding="utf-8")
    assert main(["lint", str(path), "--no-cache", "--format", "json"]) == 0
    captured = capsys.readouterr()
    assert captured.out.strip() == "[]"
    assert f"factcheck: {path}: not a claim file (.yaml, .yml), and no claim file of the corpus names it" in captured.err
    # beside a claim file, the claim file is still linted
    assert main(["lint", str(path), NPR_CLAIMS, "--no-cache", "--format", "concise"]) == 0
    assert f"{NPR_CLAIMS}:" in capsys.readouterr().out


@pytest.mark.parametrize("name", ["pyproject.toml", "factcheck.toml"])
def test_a_configuration_file_reports_everything(project: Path, name: str) -> None:
    (project / name).write_text("[tool.factcheck]\nfail-on = \"error\"\n" if name == "pyproject.toml" else "fail-on = \"error\"\n", encoding="utf-8")
    full = _lint(project)
    assert _lint(project, name) == full
    assert _lint(project, name, NPR_CLAIMS) == full
    # one in a subdirectory is no configuration factcheck reads here: a document nobody cites
    (project / "claims" / "sources" / name).write_text("", encoding="utf-8")
    assert _lint(project, Path("claims/sources") / name) == []


def test_a_configuration_file_that_settings_come_from_above_the_working_directory(project: Path) -> None:
    (project / "pyproject.toml").write_text("[tool.factcheck]\nclaims = \"claims\"\n", encoding="utf-8")
    sub = project / "claims"
    full = run_lint(LintOptions(cache=False), cwd=sub).findings
    assert run_lint(LintOptions(paths=(project / "pyproject.toml",), cache=False), cwd=sub).findings == full


def test_the_corpus_is_loaded_once_for_a_document(project: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from factcheck import pipeline as lint

    calls: list[int] = []
    real = lint.load_corpus

    def counting(paths, *rest):  # type: ignore[no-untyped-def]
        calls.append(len(paths))
        return real(paths, *rest)

    monkeypatch.setattr(lint, "load_corpus", counting)
    _lint(project, NPR_DOCUMENT)
    assert len(calls) == 1


def test_report_takes_documents_as_lint_does(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    _break_evidence(project)
    assert main(["report", "--html", "by-document.html", str(NPR_DOCUMENT), "--no-cache"]) == 0
    by_document = capsys.readouterr().err
    assert main(["report", "--html", "by-claims.html", NPR_CLAIMS, "--no-cache"]) == 0
    by_claims = capsys.readouterr().err
    count = len(_lint(project, NPR_CLAIMS))
    assert f"({count} findings)" in by_document and f"({count} findings)" in by_claims
    page = (project / "by-document.html").read_text(encoding="utf-8")
    assert "evidence-not-found" in page and "14-to-1" in page
    assert page == (project / "by-claims.html").read_text(encoding="utf-8")
