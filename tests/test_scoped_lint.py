"""The pre-commit path and the cache give the same findings as a full, uncached run.

`factcheck lint FILE` inside a corpus checks only the claims that can meet FILE's claims
(factcheck/relevance.py) and reports what touches FILE; that must be exactly the full run's
findings located in or related to FILE. Cached, parallel and serial runs must agree byte for byte.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from factcheck.cache import FORMAT
from factcheck.pipeline import LintOptions, run_lint
from factcheck.relevance import relevant
from generated_corpus import generate as _generate

ROOT = Path(__file__).resolve().parent.parent


def _touching(findings: list, display: str) -> list:
    return [f for f in findings if f.location.path == display or any(r.path == display for r in f.related)]


@pytest.fixture(scope="module")
def generated(tmp_path_factory: pytest.TempPathFactory) -> Path:
    corpus = tmp_path_factory.mktemp("scoped") / "corpus"
    _generate(corpus, 6, 120, seed=3, conflict_rate=0.1)
    return corpus


def _claim_files(corpus: Path) -> list[Path]:
    return sorted(p for p in corpus.rglob("*.yaml") if p.name != "entities.yaml")


def test_one_file_gives_the_full_runs_findings_about_it_generated(generated: Path) -> None:
    full = run_lint(LintOptions(cache=False), cwd=generated)
    assert any(f.code == "FC106" for f in full.findings)
    for path in _claim_files(generated):
        scoped = run_lint(LintOptions(paths=(path,), cache=False), cwd=generated)
        display = path.relative_to(generated).as_posix()
        assert scoped.findings == _touching(full.findings, display), display


def test_only_part_of_the_corpus_is_checked(generated: Path) -> None:
    full = run_lint(LintOptions(cache=False), cwd=generated)
    news = next(p for p in _claim_files(generated) if "news" in p.parts)
    display = news.relative_to(generated).as_posix()
    kept = relevant(full.assertions, {display})
    assert {a.source.path for a in kept} >= {display}
    assert len(kept) < len(full.assertions)


def test_one_file_gives_the_full_runs_findings_about_it_example_corpus(tmp_path: Path) -> None:
    project = tmp_path / "project"
    shutil.copytree(ROOT / "claims", project / "claims")
    shutil.copytree(ROOT / "rules", project / "rules")
    full = run_lint(LintOptions(cache=False), cwd=project)
    assert full.findings
    for path in _claim_files(project / "claims"):
        scoped = run_lint(LintOptions(paths=(path,), cache=False), cwd=project)
        display = path.relative_to(project).as_posix()
        assert scoped.findings == _touching(full.findings, display), display


def test_cached_parallel_and_serial_runs_agree(generated: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from factcheck import filestage

    shared_out: list[int] = []
    real = filestage._parallel

    def recording(pending, *rest):  # type: ignore[no-untyped-def]
        shared_out.append(len(pending))
        yield from real(pending, *rest)

    monkeypatch.setattr(filestage, "PARALLEL_MIN_BYTES", 0)
    monkeypatch.setattr(filestage, "_parallel", recording)
    cache = tmp_path / "cache"
    baseline = run_lint(LintOptions(cache=False, jobs=1), cwd=generated).findings
    assert shared_out == []
    cold = run_lint(LintOptions(cache_dir=cache, jobs=2), cwd=generated).findings
    assert shared_out == [len(_claim_files(generated))]
    entries = list((cache / f"v{FORMAT}").glob("*.pickle"))
    assert len(entries) == len(_claim_files(generated))
    warm = run_lint(LintOptions(cache_dir=cache, jobs=2), cwd=generated).findings
    assert shared_out == [len(_claim_files(generated))]  # everything came from the cache
    assert baseline == cold == warm


def test_the_pre_commit_path_reads_the_full_runs_cache(generated: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """`lint` over the corpus and `lint FILE` name the registry by different paths (relative when
    discovered from '.', absolute when the corpus is found from the root); they must still share
    cache entries, or every pre-commit run parses the whole corpus again."""
    from factcheck import filestage

    cache = tmp_path / "cache"
    monkeypatch.chdir(generated)
    run_lint(LintOptions(paths=(Path("."),), cache_dir=cache, jobs=1), cwd=generated)
    parsed: list[Path] = []
    real = filestage.process

    def counting(path, *args):  # type: ignore[no-untyped-def]
        parsed.append(path)
        return real(path, *args)

    monkeypatch.setattr(filestage, "process", counting)
    news = next(p for p in _claim_files(generated) if "news" in p.parts)
    run_lint(LintOptions(paths=(news,), cache_dir=cache, jobs=1), cwd=generated)
    assert parsed == []


def test_every_assertion_survives_the_cache_unchanged() -> None:
    """Assertions pickle as their fields and values keep their canonical form (for speed); nothing may get lost on the way."""
    import dataclasses
    import pickle

    result = run_lint(LintOptions(cache=False), cwd=ROOT)
    for a in result.assertions:
        b = pickle.loads(pickle.dumps(a, protocol=pickle.HIGHEST_PROTOCOL))
        for field in dataclasses.fields(a):
            if field.name != "source" and field.init:  # not the Location kept once made
                assert getattr(b, field.name) == getattr(a, field.name), (a.claim, field.name)
        assert b.location == a.location
        assert b.source.__dict__ == a.source.__dict__
        assert b.value.canonical_form() == a.value.canonical()


def test_a_worker_that_dies_costs_speed_not_findings(generated: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                      capsys: pytest.CaptureFixture[str]) -> None:
    """A worker killed mid-run (out of memory, a signal): the files it had are read in the main
    process, with a warning, and the findings are those of a serial run."""
    import os as os_module

    from factcheck import filestage

    def dying(batch):  # type: ignore[no-untyped-def]
        os_module._exit(3)

    monkeypatch.setattr(filestage, "PARALLEL_MIN_BYTES", 0)
    monkeypatch.setattr(filestage, "_work", dying)  # forked workers inherit the patched module
    serial = run_lint(LintOptions(cache=False, jobs=1), cwd=generated).findings
    survived = run_lint(LintOptions(cache_dir=tmp_path / "cache", jobs=2), cwd=generated).findings
    assert survived == serial
    assert "a worker process failed" in capsys.readouterr().err
