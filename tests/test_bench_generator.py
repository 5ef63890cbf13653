"""bench/generate.py: deterministic corpora whose planted conflicts factcheck finds exactly.

The generator is the benchmark's ground truth, so it is tested like code: the same seed gives the
same bytes, every generated value parses (no FC001-FC006), a corpus without planted conflicts has no
conflict findings at all (every correct value agrees with the primary and with every other), and
with planted conflicts each planted claim gets exactly one FC106 contradicts-primary and no other
claim gets one.
"""

from __future__ import annotations

import collections
import importlib.util
import json
import subprocess
import sys
from pathlib import Path

import pytest

from factcheck.pipeline import LintOptions, run_lint

ROOT = Path(__file__).resolve().parent.parent
LOAD_CODES = {"FC001", "FC002", "FC003", "FC004", "FC005", "FC006"}
CONFLICT_CODES = {"FC101", "FC102", "FC103", "FC106"}


def _generator():
    spec = importlib.util.spec_from_file_location("bench_generate", ROOT / "bench" / "generate.py")
    module = importlib.util.module_from_spec(spec)
    assert spec.loader is not None
    sys.modules[spec.name] = module  # dataclasses look their module up while the class is made
    spec.loader.exec_module(module)
    return module


generate = _generator()


def _files(directory: Path) -> dict[str, bytes]:
    return {p.relative_to(directory).as_posix(): p.read_bytes() for p in sorted(directory.rglob("*")) if p.is_file()}


def _lint(tmp_path: Path, corpus: Path):
    # Run from the temporary directory: no project configuration, the default rule set.
    return run_lint(LintOptions(paths=(corpus,)), cwd=tmp_path).findings


def test_same_seed_same_bytes(tmp_path: Path) -> None:
    a, b, c = tmp_path / "a", tmp_path / "b", tmp_path / "c"
    generate.generate(a, 8, 30, seed=7, conflict_rate=0.2)
    generate.generate(b, 8, 30, seed=7, conflict_rate=0.2)
    generate.generate(c, 8, 30, seed=8, conflict_rate=0.2)
    files = _files(a)
    assert "entities.yaml" in files and "expected.json" in files
    assert sum(name.startswith("news/") for name in files) == 8
    assert any(name.startswith("primary/") for name in files)
    assert files == _files(b)
    assert files != _files(c)


def test_regenerating_into_the_same_directory_replaces_the_corpus(tmp_path: Path) -> None:
    out = tmp_path / "out"
    generate.generate(out, 12, 10, seed=1)
    generate.generate(out, 4, 10, seed=1)
    assert len(list((out / "news").iterdir())) == 4
    (tmp_path / "other").mkdir()
    (tmp_path / "other" / "keep.txt").write_text("not a corpus")
    with pytest.raises(ValueError):
        generate.generate(tmp_path / "other", 4, 10)


def test_without_planted_conflicts_nothing_disagrees(tmp_path: Path) -> None:
    corpus = tmp_path / "clean"
    expected = generate.generate(corpus, 12, 25, seed=3, conflict_rate=0.0)
    assert expected["findings"]["FC106"] == 0 and expected["planted"] == []
    findings = _lint(tmp_path, corpus)
    wrong = [f"{f.code} {f.location.path}:{f.location.line} {f.message}" for f in findings
             if f.code in LOAD_CODES | CONFLICT_CODES]
    assert wrong == []


def test_planted_conflicts_are_found_exactly(tmp_path: Path) -> None:
    corpus = tmp_path / "planted"
    expected = generate.generate(corpus, 12, 25, seed=0, conflict_rate=0.3)
    assert expected == json.loads((corpus / "expected.json").read_text(encoding="utf-8"))
    assert expected["claims"]["news"] == 12 * 25
    findings = _lint(tmp_path, corpus)
    counts = collections.Counter(f.code for f in findings)
    assert not LOAD_CODES & set(counts), [f.message for f in findings if f.code in LOAD_CODES][:5]
    planted = sorted((p["source"], p["claim"]) for p in expected["planted"])
    found = sorted((f.location.source, f.location.claim) for f in findings if f.code == "FC106")
    assert len(planted) >= 10
    missing = sorted(set(planted) - set(found))
    assert not missing, f"{len(missing)} of {len(planted)} planted claims have no FC106, e.g. {missing[:3]}"
    assert found == planted
    for code, n in expected["findings"].items():
        assert counts[code] == n, f"{code}: {counts[code]} findings, expected {n}"


def _digest(directory: Path) -> str:
    import hashlib

    h = hashlib.sha256()
    for name, data in _files(directory).items():
        h.update(name.encode("utf-8") + b"\0" + data + b"\0")
    return h.hexdigest()


# The bytes of `generate(out, 8, 30, seed=7, conflict_rate=0.2)` as made before
# --sources-per-resolution existed: the default must not move (perf.py reuses corpora by their
# generator arguments, and published figures were measured on them).
DEFAULT_DIGEST = "2183a33467f0b3d2bd969012b3cdc9097fec335343db20eede151966ac83008b"


def test_the_default_sources_per_resolution_leaves_the_corpus_unchanged(tmp_path: Path) -> None:
    default, explicit = tmp_path / "default", tmp_path / "explicit"
    expected = generate.generate(default, 8, 30, seed=7, conflict_rate=0.2)
    generate.generate(explicit, 8, 30, seed=7, conflict_rate=0.2, sources_per_resolution=20)
    assert _digest(default) == DEFAULT_DIGEST
    assert _files(default) == _files(explicit)
    assert "sources_per_resolution" not in expected["generator"]
    assert generate.main([str(tmp_path / "cli"), "--sources", "8", "--claims-per-source", "30", "--seed", "7",
                          "--conflict-rate", "0.2"]) == 0
    assert _digest(tmp_path / "cli") == DEFAULT_DIGEST


def test_sources_per_resolution_rejects_nonsense(tmp_path: Path) -> None:
    for bad in (0, -1, 1.5, True):
        with pytest.raises(ValueError):
            generate.generate(tmp_path / "bad", 4, 10, sources_per_resolution=bad)


def test_one_source_per_resolution_spreads_the_facts_and_keeps_the_planted_count(tmp_path: Path) -> None:
    """40 sources: 2 resolutions by default, 40 with K=1; FC106 still exactly the planted claims,
    as bench/scaling.py checks it on `factcheck lint --format json`."""
    sys.path.insert(0, str(ROOT / "bench"))
    import scaling

    few = generate.generate(tmp_path / "few", 40, 25, seed=2, conflict_rate=0.3)
    corpus = tmp_path / "many"
    assert generate.main([str(corpus), "--sources", "40", "--claims-per-source", "25", "--seed", "2",
                          "--conflict-rate", "0.3", "--sources-per-resolution", "1"]) == 0
    many = json.loads((corpus / "expected.json").read_text(encoding="utf-8"))
    assert few["files"]["primary"] == 2 and many["files"]["primary"] == 40
    assert many["generator"]["sources_per_resolution"] == 1
    assert many["claims"]["news"] == 40 * 25 and len(many["planted"]) >= 20
    # The facts are spread: the planted claims name many resolutions, not two.
    assert len({p["primary"].split("/")[0] for p in many["planted"]}) >= 15
    proc = subprocess.run([*scaling.factcheck_command(), "lint", ".", "--format", "json", "--no-cache"],
                          cwd=corpus, capture_output=True, text=True, timeout=300)
    assert proc.returncode in (0, 1), proc.stderr
    findings = json.loads(proc.stdout)
    assert scaling.check(findings, many) == []
    assert sum(f["code"] == "FC106" for f in findings) == many["findings"]["FC106"] == len(many["planted"])


@pytest.mark.parametrize("shape", ["diverse", "syndication", "dense"])
def test_each_shape_loads_clean_and_is_the_same_every_time(tmp_path: Path, shape: str) -> None:
    first = generate.generate(tmp_path / "a", 6, 40, seed=5, shape=shape)
    generate.generate(tmp_path / "b", 6, 40, seed=5, shape=shape)
    assert _files(tmp_path / "a") == _files(tmp_path / "b")
    assert first["generator"]["shape"] == shape and first["findings"]["FC106"] == 0
    findings = _lint(tmp_path, tmp_path / "a")
    assert [f"{f.code} {f.message}" for f in findings if f.code in LOAD_CODES] == []
    codes = collections.Counter(f.code for f in findings)
    claims = [c for path in sorted((tmp_path / "a" / "news").glob("*.yaml"))
              for c in path.read_text(encoding="utf-8").split("\n  - id: ")[1:]]
    if shape == "diverse":
        assert all("predicate: statement" in c for c in claims)
        assert codes["FC101"] == 0
    elif shape == "syndication":
        assert {("predicate: quote" in c) for c in claims} == {True, False}  # quotes and statements
        assert codes["FC105"] > 0  # the same quotes under other speakers
    else:
        assert all("predicate: amount" in c for c in claims)
        assert codes["FC101"] > 0  # the facts' distinct values disagree on purpose


def test_the_mix_shape_is_the_default_corpus(tmp_path: Path) -> None:
    expected = generate.generate(tmp_path / "mix", 8, 30, seed=7, conflict_rate=0.2, shape="mix")
    assert _digest(tmp_path / "mix") == DEFAULT_DIGEST
    assert "shape" not in expected["generator"]
    with pytest.raises(ValueError, match="--shape"):
        generate.generate(tmp_path / "bad", 2, 2, shape="round")
