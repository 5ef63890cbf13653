"""The per-file cache is used when fresh and never trusted otherwise.

Corrupt, truncated, swapped or stale entries are ignored and rebuilt; a change to a claim file, the
entity registry or a rule file gives a new key; a cache that cannot be written only costs speed.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from factcheck import filestage
from factcheck.cache import DIGEST, FORMAT, MAGIC, FileCache
from factcheck.pipeline import LintOptions, run_lint

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture()
def project(tmp_path: Path) -> Path:
    project = tmp_path / "project"
    shutil.copytree(ROOT / "claims", project / "claims")
    shutil.copytree(ROOT / "rules", project / "rules")
    return project


def _lint(project: Path, cache: Path) -> list:
    return run_lint(LintOptions(cache_dir=cache, jobs=1), cwd=project).findings


@pytest.fixture()
def parsed(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The files the per-file stage actually parses (cache misses)."""
    seen: list[str] = []
    real = filestage.process

    def counting(path, *args):  # type: ignore[no-untyped-def]
        seen.append(Path(path).name)
        return real(path, *args)

    monkeypatch.setattr(filestage, "process", counting)
    return seen


def _entries(cache: Path) -> list[Path]:
    return sorted((cache / f"v{FORMAT}").glob("*.pickle"))


def test_a_warm_run_parses_nothing_and_finds_the_same(project: Path, tmp_path: Path, parsed: list[str]) -> None:
    cache = tmp_path / "cache"
    cold = _lint(project, cache)
    assert len(parsed) == len(_entries(cache)) > 0
    assert (cache / "CACHEDIR.TAG").is_file() and (cache / ".gitignore").read_text().strip().endswith("*")
    parsed.clear()
    assert _lint(project, cache) == cold
    assert parsed == []


@pytest.mark.parametrize("damage", ["garbage", "truncated", "empty", "swapped"])
def test_damaged_entries_are_ignored_and_rebuilt(project: Path, tmp_path: Path, parsed: list[str], damage: str) -> None:
    cache = tmp_path / "cache"
    cold = _lint(project, cache)
    entries = _entries(cache)
    first, second = entries[0], entries[1]
    if damage == "garbage":
        first.write_bytes(b"\x80\x04not a pickle at all" * 10)
    elif damage == "truncated":
        first.write_bytes(first.read_bytes()[: len(first.read_bytes()) // 2])
    elif damage == "empty":
        first.write_bytes(b"")
    else:  # another file's entry under this file's name: its key does not match
        a, b = first.read_bytes(), second.read_bytes()
        first.write_bytes(b)
        second.write_bytes(a)
    parsed.clear()
    assert _lint(project, cache) == cold
    assert len(parsed) == (2 if damage == "swapped" else 1)
    parsed.clear()
    assert _lint(project, cache) == cold  # rebuilt: fresh again
    assert parsed == []


def test_a_changed_claim_file_is_parsed_again(project: Path, tmp_path: Path, parsed: list[str]) -> None:
    cache = tmp_path / "cache"
    _lint(project, cache)
    target = project / "claims" / "npr-2017-12-22.yaml"
    text = target.read_text(encoding="utf-8")
    assert "15-to-nothing" in text
    target.write_text(text.replace("15-to-nothing", "14-to-1"), encoding="utf-8")
    parsed.clear()
    findings = _lint(project, cache)
    assert parsed == ["npr-2017-12-22.yaml"]
    assert any(f.code == "FC106" and f.location.path.endswith("npr-2017-12-22.yaml") and "14-to-1" in f.message for f in findings)
    assert findings == run_lint(LintOptions(cache=False), cwd=project).findings


@pytest.mark.parametrize("changed", ["claims/entities.yaml", "rules/predicates.yaml"])
def test_a_registry_or_rule_change_invalidates_every_entry(project: Path, tmp_path: Path, parsed: list[str], changed: str) -> None:
    cache = tmp_path / "cache"
    _lint(project, cache)
    path = project / changed
    path.write_text(path.read_text(encoding="utf-8") + "\n# an edit\n", encoding="utf-8")
    parsed.clear()
    _lint(project, cache)
    assert len(parsed) == len(_entries(cache))


def test_no_cache_writes_nothing(project: Path, tmp_path: Path) -> None:
    run_lint(LintOptions(cache=False), cwd=project)
    assert not (project / ".factcheck_cache").exists()


def test_the_default_cache_is_at_the_project_root(project: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("FACTCHECK_CACHE_DIR", raising=False)
    run_lint(LintOptions(), cwd=project)
    assert _entries(project / ".factcheck_cache")


@pytest.mark.skipif(os.geteuid() == 0 if hasattr(os, "geteuid") else True, reason="root can write anywhere")
def test_an_unwritable_cache_warns_once_and_lints_anyway(project: Path, tmp_path: Path) -> None:  # pragma: no cover - not as root
    cache = tmp_path / "locked"
    cache.mkdir()
    cache.chmod(0o500)
    proc = subprocess.run([sys.executable, "-m", "factcheck", "lint", "--cache-dir", str(cache), "--format", "json"],
                          cwd=project, capture_output=True, text=True)
    assert proc.returncode == 1
    assert proc.stderr.count("cache disabled") == 1


def test_a_cache_that_is_a_file_warns_once_and_lints_anyway(project: Path, tmp_path: Path) -> None:
    cache = tmp_path / "not-a-directory"
    cache.write_text("in the way\n", encoding="utf-8")
    proc = subprocess.run([sys.executable, "-m", "factcheck", "lint", "--cache-dir", str(cache), "--format", "json"],
                          cwd=project, capture_output=True, text=True)
    plain = subprocess.run([sys.executable, "-m", "factcheck", "lint", "--no-cache", "--format", "json"],
                           cwd=project, capture_output=True, text=True)
    assert proc.returncode == plain.returncode == 1
    assert proc.stdout == plain.stdout
    assert proc.stderr.count("cache disabled") == 1
    assert cache.read_text(encoding="utf-8") == "in the way\n"


def test_where_the_cache_goes(project: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """--cache-dir, else FACTCHECK_CACHE_DIR, else the configured cache-dir, else .factcheck_cache."""
    (project / "factcheck.toml").write_text('cache-dir = "from-config"\n', encoding="utf-8")
    monkeypatch.setenv("FACTCHECK_CACHE_DIR", str(tmp_path / "from-env"))
    run_lint(LintOptions(cache_dir=tmp_path / "from-flag"), cwd=project)
    assert _entries(tmp_path / "from-flag") and not (tmp_path / "from-env").exists()
    run_lint(LintOptions(), cwd=project)
    assert _entries(tmp_path / "from-env") and not (project / "from-config").exists()
    monkeypatch.delenv("FACTCHECK_CACHE_DIR")
    run_lint(LintOptions(), cwd=project)
    assert _entries(project / "from-config") and not (project / ".factcheck_cache").exists()


def _lookups(cache: Path) -> object:
    import pickle

    blob = (cache / f"v{FORMAT}" / f"{filestage.LOOKUPS}.shared").read_bytes()
    return pickle.loads(blob[len(MAGIC) + 2 * DIGEST :])  # past the key and the MAC


def _touch_claim_files(project: Path) -> None:
    """Change every claim file but not the registry (whose change would make a new cache salt)."""
    for claim_file in (project / "claims").glob("*.yaml"):
        text = claim_file.read_text(encoding="utf-8")
        if claim_file.name != "entities.yaml":
            claim_file.write_text(text + "\n", encoding="utf-8")


def _no_fuzzy_matching(monkeypatch: pytest.MonkeyPatch) -> None:
    from factcheck.registry.entities import EntityRegistry

    def refuse(self, key):  # type: ignore[no-untyped-def]
        raise AssertionError(f"fuzzy matching of {key!r} should have come from the cache")

    monkeypatch.setattr(EntityRegistry, "_fuzzy_resolve", refuse)


def _misspell_a_subject(project: Path) -> None:
    """The example corpus names everything exactly; a typo in a subject needs fuzzy matching."""
    npr = project / "claims" / "npr-2017-12-22.yaml"
    text = npr.read_text(encoding="utf-8")
    assert "    subject: Nikki Haley\n" in text
    npr.write_text(text.replace("    subject: Nikki Haley\n", "    subject: Nikki Hayley\n", 1), encoding="utf-8")


def test_fuzzy_lookups_are_kept_for_the_next_run(project: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A pre-commit run re-reads only the changed file; its mentions' fuzzy lookups (about a
    millisecond each against a large registry) come from the earlier run."""
    _misspell_a_subject(project)
    cache = tmp_path / "cache"
    cold = _lint(project, cache)
    stored = _lookups(cache)
    assert isinstance(stored, dict) and "Nikki Hayley" in stored
    _touch_claim_files(project)  # every claim file parsed again, and no fuzzy matching allowed
    _no_fuzzy_matching(monkeypatch)
    assert _lint(project, cache) == cold


@pytest.mark.parametrize("damage", ["garbage", "wrong shape", "unknown entity"])
def test_damaged_lookups_are_not_trusted(project: Path, tmp_path: Path, damage: str) -> None:
    _misspell_a_subject(project)
    cache = tmp_path / "cache"
    cold = _lint(project, cache)
    path = cache / f"v{FORMAT}" / f"{filestage.LOOKUPS}.shared"
    salt = path.read_bytes()[len(MAGIC) : len(MAGIC) + DIGEST]  # a shared entry's key is the salt
    stored = _lookups(cache)
    assert isinstance(stored, dict)
    mention = next(iter(stored))
    signed = FileCache(cache, salt)  # this user's own secret: the entry passes the MAC, its content is checked
    if damage == "garbage":
        signed._write(path, salt, b"\x80\x05 not a pickle")
    elif damage == "wrong shape":
        signed.put_shared(filestage.LOOKUPS, {mention: "north-korea", 7: (None, (), False)})
    else:  # names an entity the registry does not have: the lookup is made again
        signed.put_shared(filestage.LOOKUPS, {mention: ("no-such-entity", (), False)})
    _touch_claim_files(project)
    assert _lint(project, cache) == cold
    assert _lookups(cache) == stored  # rebuilt


def test_workers_send_their_fuzzy_lookups_back(project: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    if "fork" not in __import__("multiprocessing").get_all_start_methods():
        pytest.skip("the worker test patches the parent, which only fork passes on")
    _misspell_a_subject(project)
    cache = tmp_path / "cache"
    serial = _lint(project, cache)
    serial_lookups = _lookups(cache)
    shutil.rmtree(cache)
    monkeypatch.setattr(filestage, "PARALLEL_MIN_BYTES", 0)
    monkeypatch.setattr(filestage, "CHUNK_BYTES", 1)  # many batches, so lookups come back batch by batch
    assert run_lint(LintOptions(cache_dir=cache, jobs=2), cwd=project).findings == serial
    assert _lookups(cache) == serial_lookups


def test_the_salt_covers_code_root_registry_and_rules(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """An entry made by other code, for another project root, or under another registry or rule set
    must never be read back: each of them changes the salt every key is made from."""
    from factcheck import cache

    code = tmp_path / "package"
    (code / "sub").mkdir(parents=True)
    (code / "cache.py").write_text("# stand-in\n", encoding="utf-8")
    (code / "sub" / "rule.py").write_text("x = 1\n", encoding="utf-8")
    monkeypatch.setattr(cache, "__file__", str(code / "cache.py"))
    registry, rules = tmp_path / "entities.yaml", tmp_path / "rule.yaml"
    registry.write_text("entities: []\n", encoding="utf-8")
    rules.write_text("code: FC101\n", encoding="utf-8")
    root = tmp_path / "root"

    def now(at: Path = root) -> bytes:
        return cache.salt([registry], [rules], at)

    first = now()
    assert now() == first  # stable
    seen = {first}
    (code / "sub" / "rule.py").write_text("x = 2\n", encoding="utf-8")  # other code, even in a subpackage
    seen.add(now())
    seen.add(now(tmp_path / "elsewhere"))
    registry.write_text("entities: [{id: x}]\n", encoding="utf-8")
    seen.add(now())
    rules.write_text("code: FC102\n", encoding="utf-8")
    seen.add(now())
    registry.unlink()  # unreadable: reported elsewhere, and still a different salt
    seen.add(now())
    monkeypatch.setattr(cache.sys, "version_info", (3, 99, 0))
    seen.add(now())
    assert len(seen) == 7
