"""The pre-commit path at scale (factcheck/meetings.py): given claim files of a corpus whose cache
a full run filled, only what can meet them is loaded, and the findings are exactly those of an
uncached run. Every test checks that the partial load really happened, so none passes by falling
back to a full load, and that untrusted or stale stored data is never used.
"""

from __future__ import annotations

import os
import pickle
import re
from array import array
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from factcheck import corpus as corpus_module
from factcheck import pipeline as lint_module
from factcheck.cache import FORMAT
from factcheck.config import find_settings
from factcheck.pipeline import LintOptions, rule_dirs, run_lint
from factcheck.ruleset import load_ruleset
from factcheck.meetings import RACY_NS, WILDCARD, Head, _groups_meeting, key_hash, kept_manifest
from generated_corpus import generate


@pytest.fixture(scope="module", params=["mix", "syndication", "dense"])
def generated(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Path:
    corpus = tmp_path_factory.mktemp(f"meet-{request.param}") / "corpus"
    generate(corpus, 8, 60, seed=5, conflict_rate=0.1, shape=request.param)
    _age(corpus)
    return corpus


def _age(corpus: Path) -> None:
    """Files written a moment ago are too fresh to be recorded (RACY_NS): date them back."""
    past = (os.stat(corpus).st_mtime_ns - 10 * RACY_NS) / 1e9
    for path in corpus.rglob("*.yaml"):
        os.utime(path, (past, past))


def _cached(tmp_path: Path, sources: int, claims: int, seed: int) -> tuple[Path, Path]:
    """A generated corpus and a cache that a full run filled (and recorded the manifest in)."""
    corpus, cache = tmp_path / "corpus", tmp_path / "cache"
    generate(corpus, sources, claims, seed=seed, conflict_rate=0.1)
    _age(corpus)
    run_lint(LintOptions(cache_dir=cache), cwd=corpus)
    return corpus, cache


def _claim_files(corpus: Path) -> list[Path]:
    return sorted(p for p in corpus.rglob("*.yaml") if p.name != "entities.yaml")


def _touching(findings: list, display: str) -> list:
    return [f for f in findings if f.location.path == display or any(r.path == display for r in f.related)]


class Loads:
    """Counts how the pre-commit runs loaded the corpus: in part (with how many files in part), or not."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.partial: list[int] = []
        self.fallbacks = 0
        original = corpus_module.load_meeting

        def spy(*args, **kwargs):  # type: ignore[no-untyped-def]
            found = original(*args, **kwargs)
            if found is None:
                self.fallbacks += 1
            else:
                self.partial.append(sum(1 for f in found.files if f.partial_of is not None))
            return found

        monkeypatch.setattr(lint_module, "load_meeting", spy)


def test_each_file_in_part_gives_the_uncached_findings(generated: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    cache = tmp_path / "cache"
    full = run_lint(LintOptions(cache=False), cwd=generated)
    run_lint(LintOptions(cache_dir=cache), cwd=generated)  # fills the cache and records the manifest
    loads = Loads(monkeypatch)
    files = _claim_files(generated)
    for path in files:
        display = path.relative_to(generated).as_posix()
        scoped = run_lint(LintOptions(paths=(path,), cache_dir=cache), cwd=generated)
        assert scoped.findings == _touching(full.findings, display), display
    assert loads.fallbacks == 0
    assert loads.partial == [len(files) - 1] * len(files)  # every other claim file in part


def test_only_the_claims_that_can_meet_are_loaded(tmp_path: Path) -> None:
    corpus, cache = _cached(tmp_path, 8, 60, seed=5)
    whole = run_lint(LintOptions(cache=False), cwd=corpus)
    news = next(p for p in _claim_files(corpus) if "news" in p.parts)
    scoped = run_lint(LintOptions(paths=(news,), cache_dir=cache), cwd=corpus)
    assert len(scoped.assertions) < len(whole.assertions)
    parts = [f for f in scoped.corpus.files if f.partial_of is not None]
    assert parts and sum(len(f.assertions) for f in parts) < sum(f.partial_of or 0 for f in parts)


def test_a_changed_file_is_read_again_in_full(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    corpus, cache = _cached(tmp_path, 8, 60, seed=5)
    files = [p for p in _claim_files(corpus) if "news" in p.parts]
    given, changed = files[0], files[1]
    # The changed file now gives other vote tallies; only a fresh read of it can show that.
    text = changed.read_text(encoding="utf-8")
    edited = re.sub(r"(predicate: vote\n\s+value: ).*", r'\1"13-2"', text)
    assert edited != text
    changed.write_text(edited, encoding="utf-8")
    loads = Loads(monkeypatch)
    display = given.relative_to(corpus).as_posix()
    scoped = run_lint(LintOptions(paths=(given,), cache_dir=cache), cwd=corpus)
    expected = _touching(run_lint(LintOptions(cache=False), cwd=corpus).findings, display)
    assert scoped.findings == expected
    assert loads.partial == [len(_claim_files(corpus)) - 2]  # neither the given nor the changed file in part


def test_untrusted_or_damaged_groups_are_never_used(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    corpus, cache = _cached(tmp_path, 6, 60, seed=7)
    stored = sorted((cache / f"v{FORMAT}").glob("*.parts"))
    assert len(stored) == len(_claim_files(corpus))
    stored[0].write_bytes(stored[0].read_bytes()[:-7] + b"garbage")  # a part that no longer matches its digest
    stored[1].write_bytes(b"not an entry")
    blob = bytearray(stored[2].read_bytes())
    blob[60] ^= 0xFF  # inside the signed index: the MAC fails
    stored[2].write_bytes(bytes(blob))
    loads = Loads(monkeypatch)
    full = run_lint(LintOptions(cache=False), cwd=corpus).findings
    for path in _claim_files(corpus):
        display = path.relative_to(corpus).as_posix()
        assert run_lint(LintOptions(paths=(path,), cache_dir=cache), cwd=corpus).findings == _touching(full, display)
    assert loads.fallbacks == 0 and loads.partial  # the damaged files were read in full, the rest in part


def test_no_partial_load_without_a_usable_manifest(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    corpus = tmp_path / "corpus"
    generate(corpus, 6, 40, seed=9, conflict_rate=0.1)
    _age(corpus)
    cache = tmp_path / "cache"
    given = _claim_files(corpus)[-1]
    loads = Loads(monkeypatch)
    run_lint(LintOptions(paths=(given,), cache_dir=cache), cwd=corpus)  # nothing recorded yet
    assert loads.fallbacks == 1
    run_lint(LintOptions(cache_dir=cache), cwd=corpus)
    assert kept_manifest(cache, [], corpus, corpus) is None  # signed under the rule set: another one finds nothing
    registry = corpus / "entities.yaml"
    registry.write_text(registry.read_text(encoding="utf-8") + "\n# a comment changes the salt\n", encoding="utf-8")
    display = given.relative_to(corpus).as_posix()
    scoped = run_lint(LintOptions(paths=(given,), cache_dir=cache), cwd=corpus)
    assert loads.fallbacks == 2  # the registry changed: its stored groups were normalized against the old one
    assert scoped.findings == _touching(run_lint(LintOptions(cache=False), cwd=corpus).findings, display)


def test_a_duplicate_source_id_loads_everything(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    corpus = tmp_path / "corpus"
    generate(corpus, 6, 40, seed=9, conflict_rate=0.1)
    news = [p for p in _claim_files(corpus) if "news" in p.parts]
    shutil.copy(news[1], corpus / "news" / "zz-copy.yaml")  # the same source id twice: FC003, its claims dropped
    _age(corpus)
    cache = tmp_path / "cache"
    run_lint(LintOptions(cache_dir=cache), cwd=corpus)
    loads = Loads(monkeypatch)
    display = news[0].relative_to(corpus).as_posix()
    scoped = run_lint(LintOptions(paths=(news[0],), cache_dir=cache), cwd=corpus)
    assert loads.fallbacks == 1
    assert scoped.findings == _touching(run_lint(LintOptions(cache=False), cwd=corpus).findings, display)


def test_a_file_edited_just_before_the_full_run_is_not_recorded(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    generate(corpus, 4, 20, seed=1, conflict_rate=0.0)
    _age(corpus)
    fresh = _claim_files(corpus)[0]
    fresh.write_text(fresh.read_text(encoding="utf-8") + "\n", encoding="utf-8")  # modified now
    cache = tmp_path / "cache"
    run_lint(LintOptions(cache_dir=cache), cwd=corpus)
    manifests = list((cache / f"v{FORMAT}").glob("meetings-*.shared"))
    assert len(manifests) == 1
    ruleset = load_ruleset(rule_dirs(find_settings(corpus), ()), [])
    manifest = kept_manifest(cache, ruleset.files, corpus, corpus)
    assert manifest is not None
    assert fresh.relative_to(corpus).as_posix() not in manifest.files
    assert len(manifest.files) == len(_claim_files(corpus)) - 1


def test_key_hashes_are_equal_for_equal_keys_and_stable() -> None:
    assert key_hash(("a", 1)) == key_hash(("a", 1.0)) == key_hash(("a", True))
    assert key_hash(frozenset({"x", "y", "z"})) == key_hash(frozenset({"z", "y", "x"}))
    assert key_hash(("s", None)) != key_hash(("s", "None"))
    key = ("bucket", "unscr-2397", "vote", (("in", "élan"),), frozenset({"a", "b", "c"}))
    for seed in ("1", "2"):  # Python's own str hash differs between these processes; ours must not
        code = f"from factcheck.meetings import key_hash; print(key_hash({key!r}))"
        out = subprocess.run([sys.executable, "-c", code], env={**os.environ, "PYTHONHASHSEED": seed}, capture_output=True, text=True, check=True)
        assert int(out.stdout) == key_hash(key)
    assert key_hash(("a", object())) == WILDCARD
    assert WILDCARD not in {key_hash(("k", str(n))) for n in range(2000)}


def test_a_key_with_no_stable_hash_takes_every_such_group() -> None:
    pairs = sorted([(WILDCARD, 0), (5, 1), (9, 2), (9, 3)])
    head = Head(None, None, [], 4, array("I", (h for h, _ in pairs)).tobytes(), array("I", (n for _, n in pairs)).tobytes())
    assert _groups_meeting(head, {9}) == [0, 2, 3]
    assert _groups_meeting(head, {7}) == [0]


def test_a_given_registry_is_checked_against_the_whole_corpus(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    corpus, cache = _cached(tmp_path, 6, 40, seed=3)
    loads = Loads(monkeypatch)
    scoped = run_lint(LintOptions(paths=(corpus / "entities.yaml",), cache_dir=cache), cwd=corpus)
    assert loads.fallbacks == 1
    assert scoped.findings == run_lint(LintOptions(cache=False), cwd=corpus).findings


def _manifest(corpus: Path, cache: Path):  # type: ignore[no-untyped-def]
    ruleset = load_ruleset(rule_dirs(find_settings(corpus), ()), [])
    return kept_manifest(cache, ruleset.files, corpus, corpus)


def test_a_narrowed_run_keeps_the_manifest_of_every_file_and_drops_deleted_ones(tmp_path: Path) -> None:
    """A pre-commit run loads most files in part and leaves the manifest as it was; a whole run
    records every file again, and a deleted file's entry goes."""
    corpus, cache = _cached(tmp_path, 6, 30, seed=4)
    files = _claim_files(corpus)
    recorded = set(_manifest(corpus, cache).files)
    assert recorded == {p.relative_to(corpus).as_posix() for p in files}
    news = [p for p in files if "news" in p.parts]
    run_lint(LintOptions(paths=(news[0],), cache_dir=cache), cwd=corpus)
    assert set(_manifest(corpus, cache).files) == recorded
    news[1].unlink()
    run_lint(LintOptions(paths=(news[0],), cache_dir=cache), cwd=corpus)  # in part: the manifest is not written
    run_lint(LintOptions(cache_dir=cache), cwd=corpus)  # a whole run writes it again, without the deleted file
    assert set(_manifest(corpus, cache).files) == recorded - {news[1].relative_to(corpus).as_posix()}


def test_files_in_part_are_the_files_in_full_with_fewer_claims(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A file loaded in part has the same name, identity, kind, source and suppressions as when
    loaded in full; only its claims are fewer."""
    corpus, cache = _cached(tmp_path, 6, 30, seed=6)
    whole = {f.display: f for f in run_lint(LintOptions(cache=False), cwd=corpus).corpus.files}
    news = next(p for p in _claim_files(corpus) if "news" in p.parts)
    loads = Loads(monkeypatch)
    scoped = run_lint(LintOptions(paths=(news,), cache_dir=cache), cwd=corpus)
    parts = [f for f in scoped.corpus.files if f.partial_of is not None]
    assert parts and loads.partial == [len(parts)]
    for part in parts:
        full = whole[part.display]
        assert (part.path, part.ident, part.kind, part.source, part.source_info.__dict__, part.suppressions) == \
            (full.path, full.ident, full.kind, full.source, full.source_info.__dict__, full.suppressions)
        assert part.partial_of == len(full.assertions) and {a.claim for a in part.assertions} <= {a.claim for a in full.assertions}


def test_a_claim_without_a_key_does_not_hide_the_claims_after_it(tmp_path: Path) -> None:
    """A file's first claim has no subject the registry knows, so it meets nothing and is in no
    group; the claims after it still are."""
    from factcheck.meetings import KeyHasher, split

    corpus = tmp_path / "corpus"
    generate(corpus, 2, 10, seed=2, conflict_rate=0.0)
    path = next(p for p in _claim_files(corpus) if "news" in p.parts)
    text = path.read_text(encoding="utf-8")
    keyless = "claims:\n  - id: nobody-knows\n    subject: Somebody Nobody Registered\n    predicate: statement\n    value: It was said.\n"
    path.write_text(text.replace("claims:\n", keyless, 1), encoding="utf-8")
    loaded = next(f for f in run_lint(LintOptions(cache=False), cwd=corpus).corpus.files if f.path == path)
    assert loaded.assertions[0].claim == "nobody-knows" and not KeyHasher().of(loaded.assertions[0])
    _, parts = split(loaded, KeyHasher())
    grouped = sorted(position for part in parts for position, _ in pickle.loads(part))
    assert grouped == [n for n, a in enumerate(loaded.assertions) if KeyHasher().of(a)] and grouped[-1] == len(loaded.assertions) - 1


def test_only_a_claim_file_with_a_source_is_stored_in_groups(tmp_path: Path) -> None:
    from factcheck.meetings import KeyHasher, stored

    corpus = tmp_path / "corpus"
    generate(corpus, 2, 10, seed=2, conflict_rate=0.0)
    (corpus / "news" / "broken.yaml").write_text("source: {id: Bad Id}\nclaims: []\n", encoding="utf-8")
    files = {f.path.name: f for f in run_lint(LintOptions(cache=False), cwd=corpus).corpus.files}
    assert stored(files["entities.yaml"], KeyHasher()) is None
    assert files["broken.yaml"].source is None and stored(files["broken.yaml"], KeyHasher()) is None
    assert stored(next(f for name, f in files.items() if name not in ("entities.yaml", "broken.yaml") and f.kind == "claims"), KeyHasher())


def test_a_broken_claim_file_in_the_corpus_does_not_stop_the_partial_load(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    corpus = tmp_path / "corpus"
    generate(corpus, 6, 30, seed=8, conflict_rate=0.1)
    (corpus / "news" / "broken.yaml").write_text("source: {id: Bad Id}\nclaims: []\n", encoding="utf-8")
    _age(corpus)
    cache = tmp_path / "cache"
    run_lint(LintOptions(cache_dir=cache), cwd=corpus)
    loads = Loads(monkeypatch)
    full = run_lint(LintOptions(cache=False), cwd=corpus).findings
    news = next(p for p in _claim_files(corpus) if "news" in p.parts and p.name != "broken.yaml")
    assert run_lint(LintOptions(paths=(news,), cache_dir=cache), cwd=corpus).findings == _touching(full, news.relative_to(corpus).as_posix())
    assert loads.partial and loads.fallbacks == 0


def test_key_hashes_tell_different_keys_apart() -> None:
    """Equal keys hash alike (above); different keys should not, or a partial load takes groups it
    does not need. Text that is not valid UTF-8 (lone surrogates) hashes too, stably."""
    from types import SimpleNamespace

    from factcheck.meetings import KeyHasher, _quote_hashes

    assert len({key_hash(("n", n)) for n in range(1000)}) == 1000
    assert len({key_hash(frozenset({f"w{n}", "x"})) for n in range(1000)}) == 1000
    assert key_hash(("a\udcff",)) == key_hash(("a\udcff",)) != WILDCARD
    words = tuple(f"w{n}" for n in range(40))
    assert len(set(_quote_hashes(words))) == len(_quote_hashes(words)) > 1
    assert _quote_hashes(("a\udcff", "b", "c", "d")) == _quote_hashes(("a\udcff", "b", "c", "d"))
    hasher = KeyHasher()
    statement = SimpleNamespace(value_type="text", meets=(("a", 1), ("b", 2)))
    assert hasher.of(statement) == hasher.of(statement) == [key_hash(("a", 1)), key_hash(("b", 2))]  # type: ignore[arg-type]
    quote = SimpleNamespace(value_type="quote", value=SimpleNamespace(tokens=words))
    assert hasher.of(quote) == _quote_hashes(words)  # type: ignore[arg-type]


def test_a_run_over_one_directory_keeps_the_other_files_in_the_manifest(tmp_path: Path) -> None:
    """`factcheck lint news/` reads only news/ in full and records it; the entries of the files it
    did not read (primary/) stay, so the next pre-commit run can still load them in part."""
    corpus, cache = _cached(tmp_path, 6, 30, seed=4)
    recorded = _manifest(corpus, cache).files
    run_lint(LintOptions(paths=(corpus / "news", corpus / "entities.yaml"), cache_dir=cache), cwd=corpus)
    assert _manifest(corpus, cache).files == recorded
    assert any(name.startswith("primary/") for name in recorded)


def test_a_project_whose_directory_name_is_not_utf8_keeps_a_manifest(tmp_path: Path) -> None:
    parent = os.path.join(os.fsencode(tmp_path), b"proj\xff")
    try:
        os.mkdir(parent)
    except OSError:
        pytest.skip("this file system takes only UTF-8 file names")
    corpus, cache = _cached(Path(os.fsdecode(parent)), 4, 20, seed=2)
    assert _manifest(corpus, cache) is not None
