"""The example corpus: every claim loads, resolves and parses; the seed documents are copied verbatim."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from factcheck.lint import LintOptions, run_lint

REPO = Path(__file__).resolve().parent.parent
SEEDS = REPO.parent / "shared" / "seeds"


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


@pytest.mark.skipif(not SEEDS.is_dir(), reason="the shared seeds are only beside the repository in the workplace")
def test_sources_are_the_seeds_verbatim() -> None:
    for seed in SEEDS.iterdir():
        assert (REPO / "claims" / "sources" / seed.name).read_bytes() == seed.read_bytes()


def test_the_corpus_is_formatted(capsys: pytest.CaptureFixture[str]) -> None:
    from factcheck.cli import main

    assert main(["fmt", "--check", str(REPO / "claims")]) == 0
