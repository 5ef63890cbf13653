"""The example corpus: every claim loads, resolves and parses; the article texts are unchanged."""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

import pytest

from factcheck.pipeline import LintOptions, run_lint

REPO = Path(__file__).resolve().parent.parent
# The three articles exactly as published: claims, evidence and the extraction gold are read against
# these bytes, so an edit (even a re-encoding or a changed line ending) must be deliberate.
SOURCES = {
    "blog-2017-08-07-resolution-2371.txt": "18040b1577b46fb705067ae3e88e406807ec45849c6c0ae66b9ad9ac3ecd0212",
    "npr-2017-12-22-resolution-2397.txt": "d745a208c6d11d1d37076843cf73a8a800b09f69cd4fad25455e4f006c9510eb",
    "nyt-2016-11-30-resolution-2321.md": "cc7a058e1510b38bac87e3af8433044b738db09a9c8c2f46728c2ec920a473dc",
}


@pytest.fixture(scope="module")
def result(request: pytest.FixtureRequest):  # type: ignore[no-untyped-def]
    cwd = Path.cwd()
    os.chdir(REPO)
    try:
        return run_lint(LintOptions(paths=(REPO / "claims",)))
    finally:
        os.chdir(cwd)


def test_no_load_findings(result) -> None:  # type: ignore[no-untyped-def]
    assert [f for f in result.findings if f.code < "FC100"] == []


def test_every_claim_becomes_an_assertion(result) -> None:  # type: ignore[no-untyped-def]
    import yaml

    claims = sum(len(yaml.safe_load(f.path.read_text(encoding="utf-8"))["claims"]) for f in result.corpus.claim_files)
    assert claims > 150
    assert len(result.assertions) == claims


def test_primary_files_cover_each_resolution(result) -> None:  # type: ignore[no-untyped-def]
    primaries = {a.subject for a in result.assertions if a.source.kind == "primary" and a.predicate == "vote"}
    assert primaries == {"unscr-2321", "unscr-2371", "unscr-2397"}


def test_every_document_resolves(result) -> None:  # type: ignore[no-untyped-def]
    news = [f.source for f in result.corpus.claim_files if f.source and f.source.kind != "primary"]
    assert len(news) == 3
    assert all(a.source.document for a in result.assertions if a.source.kind != "primary")


def test_sources_are_the_articles_verbatim() -> None:
    sources = REPO / "claims" / "sources"
    found = {path.name: hashlib.sha256(path.read_bytes()).hexdigest() for path in sources.iterdir() if path.is_file()}
    assert found == SOURCES


def test_the_corpus_is_formatted(capsys: pytest.CaptureFixture[str]) -> None:
    from factcheck.cli import main

    assert main(["fmt", "--check", str(REPO / "claims")]) == 0
