"""`factcheck extract` end to end: drafts of the seeds and of unseen articles lint clean of
FC001-FC006, re-running never changes curated claims, and bad input is reported, not fatal."""

from __future__ import annotations

import io
import json
import shutil
from pathlib import Path

import pytest
import yaml

from factcheck.cli import main

REPO = Path(__file__).resolve().parents[2]
SOURCES = REPO / "claims" / "sources"
ARTICLES = REPO / "tests" / "data" / "articles"
SEEDS = {
    # seed file -> flags for what the page does not state
    "blog-2017-08-07-resolution-2371.txt": ["--outlet", "Health Care blog"],
    "npr-2017-12-22-resolution-2397.txt": ["--published", "2017-12-22"],
    "nyt-2016-11-30-resolution-2321.md": [],
}
STRUCTURAL = {"FC001", "FC002", "FC003", "FC004", "FC005", "FC006"}


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    (tmp_path / "claims" / "sources").mkdir(parents=True)
    shutil.copy(REPO / "claims" / "entities.yaml", tmp_path / "claims" / "entities.yaml")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def lint_json(capsys: pytest.CaptureFixture[str]) -> list[dict]:
    capsys.readouterr()
    main(["lint", "claims", "--format", "json", "--exit-zero"])
    return json.loads(capsys.readouterr().out)


@pytest.mark.parametrize("seed", sorted(SEEDS))
def test_each_seed_drafts_a_file_that_lints_without_structural_findings(project: Path, seed: str, capsys: pytest.CaptureFixture[str]) -> None:
    shutil.copy(SOURCES / seed, project / "claims" / "sources" / seed)
    assert main(["extract", f"claims/sources/{seed}", "-o", "claims/draft.yaml", *SEEDS[seed]]) == 0
    draft = yaml.safe_load((project / "claims" / "draft.yaml").read_text(encoding="utf-8"))
    assert draft["source"]["document"] == f"sources/{seed}"
    assert len(draft["claims"]) >= 5
    findings = lint_json(capsys)
    assert [f for f in findings if f["code"] in STRUCTURAL] == []
    assert [f for f in findings if f["code"] == "FC203"] == []  # every evidence span is in the document


@pytest.mark.parametrize("article", ["harbor-levy.txt", "harbor-levy.md", "harbor-levy.html"])
def test_an_unseen_article_in_each_form(project: Path, article: str, capsys: pytest.CaptureFixture[str]) -> None:
    (project / "claims" / "entities.yaml").unlink()  # a new project: no registry at all
    shutil.copy(ARTICLES / article, project / "claims" / "sources" / article)
    outlet = [] if article.endswith(".html") else ["--outlet", "Example News"]
    assert main(["extract", f"claims/sources/{article}", "-o", "claims/", *outlet]) == 0
    written = sorted(p.name for p in (project / "claims").glob("*.yaml"))
    assert "entities.draft.yaml" in written and len(written) == 2
    claims = yaml.safe_load(next(p for p in (project / "claims").glob("*.yaml") if p.name != "entities.draft.yaml").read_text(encoding="utf-8"))
    predicates = {c["predicate"] for c in claims["claims"]}
    assert "quote" in predicates and predicates & {"amount", "reduction", "duration"}
    findings = lint_json(capsys)
    assert [f for f in findings if f["code"] in STRUCTURAL] == []


def test_rerunning_keeps_curated_claims_byte_for_byte(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    seed = "nyt-2016-11-30-resolution-2321.md"
    shutil.copy(SOURCES / seed, project / "claims" / "sources" / seed)
    target = project / "claims" / "nyt.yaml"
    assert main(["extract", f"claims/sources/{seed}", "-o", str(target)]) == 0
    curated = target.read_text(encoding="utf-8")
    data = yaml.safe_load(curated)
    first_id = data["claims"][0]["id"]
    # A curator edits a value, deletes a claim's note and adds a comment.
    curated = "# curated by the desk\n" + curated.replace(f"- id: {first_id}\n", f"- id: {first_id}  # checked\n", 1)
    target.write_text(curated, encoding="utf-8")
    assert main(["extract", f"claims/sources/{seed}", "-o", str(target)]) == 0
    assert target.read_text(encoding="utf-8") == curated
    assert "no new claims" in capsys.readouterr().err


def test_stdout_draft_lists_unknown_entities_as_comments(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (project / "claims" / "entities.yaml").unlink()
    shutil.copy(ARTICLES / "harbor-levy.txt", project / "claims" / "sources" / "a.txt")
    assert main(["extract", "claims/sources/a.txt", "--outlet", "Example News"]) == 0
    out = capsys.readouterr().out
    assert "# Not in the entity registry yet" in out
    assert yaml.safe_load(out)["source"]["published"].isoformat() == "2026-03-03"
    assert list((project / "claims").glob("*.yaml")) == []  # without -o nothing is written


def test_bad_articles_are_reported_and_the_others_still_drafted(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    sources = project / "claims" / "sources"
    (sources / "empty.txt").write_text("   \n", encoding="utf-8")
    (sources / "latin1.txt").write_bytes("Published: 2020-01-02\n\n\"Caf\xe9 prices rose 5 percent,\" said Ana Lima.\n".encode("latin-1"))
    shutil.copy(ARTICLES / "harbor-levy.txt", sources / "good.txt")
    (sources / "undated.txt").write_text("Some text without a date. It rose 5 percent.\n", encoding="utf-8")
    code = main(["extract", *(f"claims/sources/{n}" for n in ("empty.txt", "latin1.txt", "good.txt", "undated.txt")),
                 "-o", "claims/", "--outlet", "Example News"])
    err = capsys.readouterr().err
    assert code == 2
    assert "empty.txt: the file has no text" in err
    assert "undated.txt: the page gives no publication date; pass --published" in err
    drafted = sorted(p.name for p in (project / "claims").glob("*.yaml") if p.name != "entities.yaml")
    assert len(drafted) == 3  # latin1, good, and the draft registry
    assert "latin1.txt: warning: not valid UTF-8" in err


def test_several_articles_need_a_directory(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    shutil.copy(ARTICLES / "harbor-levy.txt", project / "claims" / "sources" / "a.txt")
    shutil.copy(ARTICLES / "harbor-levy.md", project / "claims" / "sources" / "b.md")
    (project / "out.yaml").write_text("x: 1\n", encoding="utf-8")
    assert main(["extract", "claims/sources/a.txt", "claims/sources/b.md", "-o", "out.yaml", "--outlet", "X"]) == 2
    assert "-o must be a directory" in capsys.readouterr().err
    assert (project / "out.yaml").read_text(encoding="utf-8") == "x: 1\n"


def test_a_trailing_slash_makes_a_new_directory_for_one_article(project: Path) -> None:
    shutil.copy(ARTICLES / "harbor-levy.html", project / "claims" / "sources" / "a.html")
    assert main(["extract", "claims/sources/a.html", "-o", "drafts/"]) == 0
    assert sorted(p.name for p in (project / "drafts").iterdir()) == ["entities.draft.yaml", "the-coastal-ledger-2026-05-20.yaml"]
    draft = yaml.safe_load((project / "drafts" / "the-coastal-ledger-2026-05-20.yaml").read_text(encoding="utf-8"))
    assert draft["source"]["document"] == "../claims/sources/a.html"


def test_an_article_from_standard_input_is_drafted_like_its_file(project: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    """`extract -` reads the article from standard input; the draft is the file's, less `document:`."""
    article = project / "claims" / "sources" / "npr.txt"
    shutil.copy(SOURCES / "npr-2017-12-22-resolution-2397.txt", article)
    assert main(["extract", "claims/sources/npr.txt", "--published", "2017-12-22"]) == 0
    from_file = yaml.safe_load(capsys.readouterr().out)
    monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BytesIO(article.read_bytes())))
    assert main(["extract", "-", "--published", "2017-12-22"]) == 0
    out = capsys.readouterr().out
    assert "from standard input" in out
    from_stdin = yaml.safe_load(out)
    assert from_file["source"].pop("document") == "claims/sources/npr.txt" and "document" not in from_stdin["source"]
    assert from_stdin == from_file
    monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BytesIO(b"  \n")))
    assert main(["extract", "-", "--published", "2017-12-22"]) == 2
    assert "factcheck extract: -: standard input has no text" in capsys.readouterr().err
    assert main(["extract", "-", "-", "--published", "2017-12-22"]) == 2
    assert "standard input (-) can be read once" in capsys.readouterr().err
