"""The cache cannot be turned against the user: nothing a repository holds is ever unpickled.

The attacker here has the repository, so knows factcheck's code and can compute every cache key. It
runs factcheck on its own machine with its own cache secret, swaps every payload for one that would
create a marker directory when unpickled, and commits the result (at the default location, or where
its `pyproject.toml` points `cache-dir`). The victim's CI then runs `factcheck lint`. The marker
must not appear and the findings must be those of an uncached run.
"""

from __future__ import annotations

import os
import pickle
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from factcheck import filestage
from factcheck.cache import FORMAT, FileCache, inside_project
from factcheck.secret import SECRET_NAME, UntrustedSecret, load_secret, user_secret_path
from factcheck.pipeline import LintOptions, run_lint

import test_cache  # tests/test_cache.py, next to this file

project = test_cache.project  # the other cache tests' example project, parse counter and lint
parsed = test_cache.parsed
_lint = test_cache._lint

CONFIGURED = "build/factcheck-cache"


class Payload:
    """What the attacker hides in an entry: unpickling it creates `marker`."""

    def __init__(self, marker: Path) -> None:
        self.marker = marker

    def __reduce__(self) -> tuple[object, tuple[str]]:
        return (os.mkdir, (str(self.marker),))


def _cli(project: Path, user_cache: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "XDG_CACHE_HOME": str(user_cache)}
    env.pop("FACTCHECK_CACHE_DIR", None)
    return subprocess.run([sys.executable, "-m", "factcheck", "lint", "--format", "json", "--jobs", "1", *args],
                          cwd=project, env=env, capture_output=True, text=True, check=False)


def _forge(project: Path, attacker_cache: Path, marker: Path, which: str, monkeypatch: pytest.MonkeyPatch) -> None:
    """Run factcheck as the attacker would, with the payload in place of every `which` entry."""
    made: list[FileCache] = []
    real_put = FileCache.put

    def put(self: FileCache, display: str, ident: str, key: bytes, payload: bytes) -> None:
        made.append(self)
        real_put(self, display, ident, key, pickle.dumps(Payload(marker)) if which == "file" else payload)

    with monkeypatch.context() as patch:
        patch.setenv("XDG_CACHE_HOME", str(attacker_cache))
        patch.delenv("FACTCHECK_CACHE_DIR", raising=False)
        patch.setattr(FileCache, "put", put)
        run_lint(LintOptions(jobs=1), cwd=project)
        assert made, "the attacker's run wrote no cache entry"
        if which == "shared":
            made[0].put_shared(filestage.LOOKUPS, Payload(marker))
    assert not marker.exists()


@pytest.mark.parametrize("location", ["default", "configured"])
@pytest.mark.parametrize("which", ["file", "shared"])
def test_a_forged_cache_entry_never_runs(project: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, which: str, location: str) -> None:
    if location == "configured":
        (project / "pyproject.toml").write_text(f'[tool.factcheck]\ncache-dir = "{CONFIGURED}"\n', encoding="utf-8")
    cache = project / (CONFIGURED if location == "configured" else ".factcheck_cache") / f"v{FORMAT}"
    marker = tmp_path / "attacker-code-ran"
    _forge(project, tmp_path / "attacker-home", marker, which, monkeypatch)
    forged = {path.name: path.read_bytes() for path in cache.iterdir()}
    assert any(name.endswith(".shared" if which == "shared" else ".pickle") for name in forged)

    victim = tmp_path / "victim-home"
    linted = _cli(project, victim)
    assert not marker.exists(), "a forged cache entry was unpickled"
    uncached = _cli(project, victim, "--no-cache")
    assert (linted.returncode, linted.stdout) == (uncached.returncode, uncached.stdout)
    assert "cache disabled" not in linted.stderr
    rebuilt = {path.name: path.read_bytes() for path in cache.iterdir()}
    assert all(rebuilt[name] != blob for name, blob in forged.items() if name.endswith(".pickle"))  # replaced, not kept
    again = _cli(project, victim)
    assert not marker.exists()
    assert (again.returncode, again.stdout) == (uncached.returncode, uncached.stdout)


def test_an_entry_made_under_another_secret_is_rebuilt(project: Path, tmp_path: Path, parsed: list[str], monkeypatch: pytest.MonkeyPatch) -> None:
    """Copied from another user or machine: same key, other secret."""
    cache = tmp_path / "cache"
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "other-user"))
    cold = _lint(project, cache)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "this-user"))
    parsed.clear()
    assert _lint(project, cache) == cold
    assert parsed and len(parsed) == len(list((cache / f"v{FORMAT}").glob("*.pickle")))
    parsed.clear()
    assert _lint(project, cache) == cold
    assert parsed == []  # rebuilt under this user's secret, and now trusted


@pytest.mark.parametrize("where", ["payload", "mac"])
def test_a_tampered_entry_is_rebuilt(project: Path, tmp_path: Path, parsed: list[str], where: str) -> None:
    cache = tmp_path / "cache"
    cold = _lint(project, cache)
    entry = sorted((cache / f"v{FORMAT}").glob("*.pickle"))[0]
    blob = bytearray(entry.read_bytes())
    at = len(blob) - 5 if where == "payload" else len(b"factcheck-cache\x00") + 32 + 3
    blob[at] ^= 0x01
    entry.write_bytes(bytes(blob))
    parsed.clear()
    assert _lint(project, cache) == cold
    assert len(parsed) == 1


def test_where_the_secret_lives(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    assert user_secret_path() == tmp_path / "xdg" / "factcheck" / SECRET_NAME
    monkeypatch.setenv("XDG_CACHE_HOME", "relative/xdg")  # not absolute: ignored, as the XDG spec says
    assert user_secret_path() == tmp_path / "home" / ".cache" / "factcheck" / SECRET_NAME
    monkeypatch.delenv("XDG_CACHE_HOME")
    assert user_secret_path() == tmp_path / "home" / ".cache" / "factcheck" / SECRET_NAME


def test_entries_verify_only_under_their_own_secret_name_and_key(tmp_path: Path) -> None:
    mine = FileCache(tmp_path / "cache", b"salt", secret_path=tmp_path / "me" / SECRET_NAME)
    theirs = FileCache(tmp_path / "cache", b"salt", secret_path=tmp_path / "them" / SECRET_NAME)
    mine.put_shared("lookups", {"Resolution 2397": "unscr-2397"})
    assert mine.get_shared("lookups") == {"Resolution 2397": "unscr-2397"}
    assert theirs.get_shared("lookups") is None and theirs.enabled  # not an error: just not this user's
    shared = mine.directory / "lookups.shared"
    shared.rename(mine.directory / "other.shared")  # a valid entry under another name does not verify
    assert mine.get_shared("other") is None
    resalted = FileCache(tmp_path / "cache", b"other salt", secret_path=tmp_path / "me" / SECRET_NAME)
    resalted.put_shared("lookups", {"x": 1})
    assert mine.get_shared("lookups") is None and resalted.get_shared("lookups") == {"x": 1}


def test_a_secret_inside_the_project_is_refused_in_process(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    project = tmp_path / "project"
    cache = FileCache(project / ".factcheck_cache", b"salt", secret_path=project / "keys" / SECRET_NAME, project_root=project)
    cache.put_shared("lookups", {"x": 1})
    assert not cache.enabled and not (project / "keys").exists()
    assert "inside the project" in capsys.readouterr().err
    outside = FileCache(project / ".factcheck_cache", b"salt", secret_path=tmp_path / "keys" / SECRET_NAME, project_root=project)
    outside.put_shared("lookups", {"x": 1})
    assert outside.get_shared("lookups") == {"x": 1}


def test_the_secret_is_private_and_made_once(tmp_path: Path) -> None:
    path = tmp_path / "home-cache" / "factcheck" / SECRET_NAME
    first = load_secret(path)
    assert len(first) == 32 and load_secret(path) == first
    if os.name == "posix":
        assert stat.S_IMODE(path.stat().st_mode) == 0o600
        assert stat.S_IMODE(path.parent.stat().st_mode) & 0o077 == 0
    assert [p.name for p in path.parent.iterdir()] == [SECRET_NAME]  # no temporary file left behind
    if os.name == "posix":  # a folder others may read but not write is fine, as ~/.cache usually is
        path.parent.chmod(0o755)
        assert load_secret(path) == first


UNSAFE = {  # how the secret's file or folder is damaged, and what the refusal must say
    "readable by others": "open to other users (mode 644); run chmod 600",
    "directory writable by others": "open to other users (mode 777); run chmod 755",
    "symlink": "Too many levels of symbolic links",
    "not a regular file": "is not a regular file",
    "wrong size": "is not a factcheck cache secret (5 bytes)",
    "too long": "is not a factcheck cache secret (33 bytes)",
    "another user": "belongs to another user (uid 4242)",
}


def _damage(path: Path, damage: str, tmp_path: Path) -> None:
    if damage == "readable by others":
        path.chmod(0o644)
    elif damage == "directory writable by others":
        path.parent.chmod(0o777)
    elif damage == "symlink":
        elsewhere = tmp_path / "elsewhere"
        elsewhere.write_bytes(path.read_bytes())
        elsewhere.chmod(0o600)
        path.unlink()
        path.symlink_to(elsewhere)
    elif damage == "not a regular file":
        path.unlink()
        os.mkfifo(path, 0o600)
    elif damage == "another user":
        os.chown(path, 4242, -1)
    else:
        path.write_bytes(b"short" if damage == "wrong size" else bytes(33))


@pytest.mark.skipif(os.name != "posix", reason="file modes")
@pytest.mark.parametrize("damage", sorted(UNSAFE))
def test_an_unsafe_secret_turns_the_cache_off(project: Path, tmp_path: Path, damage: str, capsys: pytest.CaptureFixture[str]) -> None:
    if damage == "another user" and os.geteuid() != 0:
        pytest.skip("only root can give a file away")
    user_cache = tmp_path / "user-cache"
    path = user_cache / "factcheck" / SECRET_NAME
    load_secret(path)
    _damage(path, damage, tmp_path)
    with pytest.raises(UntrustedSecret, match=UNSAFE[damage].replace("(", r"\(").replace(")", r"\)")):
        load_secret(path)
    in_process = FileCache(tmp_path / "cache", b"salt", secret_path=path)
    in_process.put_shared("anything", {"a": 1})
    assert in_process.get_shared("anything") is None and not in_process.enabled
    warned = capsys.readouterr().err
    assert warned.count("factcheck: warning: cache disabled, ") == 1 and UNSAFE[damage] in warned
    if damage in ("not a regular file", "another user"):
        return  # the CLI run below is the same for every damage
    linted = _cli(project, user_cache)
    plain = _cli(project, user_cache, "--no-cache")
    assert (linted.returncode, linted.stdout) == (plain.returncode, plain.stdout)
    assert linted.stderr.count("cache disabled") == 1
    assert not (project / ".factcheck_cache" / f"v{FORMAT}").exists() or not any((project / ".factcheck_cache" / f"v{FORMAT}").iterdir())


def test_a_secret_inside_the_project_is_refused(project: Path) -> None:
    """With XDG_CACHE_HOME pointing into the project, the secret could be committed with the entries."""
    linted = _cli(project, project / "user-cache")
    plain = _cli(project, project / "user-cache", "--no-cache")
    assert (linted.returncode, linted.stdout) == (plain.returncode, plain.stdout)
    assert "inside the project" in linted.stderr
    assert not (project / "user-cache" / "factcheck" / SECRET_NAME).exists()


@pytest.mark.parametrize("how", ["configured outside", "symlinked default"])
def test_the_repository_cannot_send_the_cache_outside_the_project(project: Path, tmp_path: Path, how: str) -> None:
    outside = tmp_path / "outside"
    outside.mkdir()
    if how == "configured outside":
        (project / "factcheck.toml").write_text(f'cache-dir = "{outside.as_posix()}"\n', encoding="utf-8")
    else:
        (project / ".factcheck_cache").symlink_to(outside, target_is_directory=True)
    linted = _cli(project, tmp_path / "user-cache")
    plain = _cli(project, tmp_path / "user-cache", "--no-cache")
    assert (linted.returncode, linted.stdout) == (plain.returncode, plain.stdout)
    assert "leads outside the project" in linted.stderr
    assert list(outside.iterdir()) == []
    # the user's own choice is honoured wherever it is
    chosen = _cli(project, tmp_path / "user-cache", "--cache-dir", str(outside))
    assert chosen.stdout == plain.stdout and "cache disabled" not in chosen.stderr
    assert list((outside / f"v{FORMAT}").glob("*.pickle"))


def test_planted_symlinks_for_the_marker_files_are_not_followed(project: Path, tmp_path: Path) -> None:
    target = tmp_path / "victim-file"
    cache = project / ".factcheck_cache"
    cache.mkdir()
    (cache / "CACHEDIR.TAG").symlink_to(target)  # dangling: writing through it would create the file
    (cache / ".gitignore").symlink_to(tmp_path / "another-victim-file")
    _cli(project, tmp_path / "user-cache")
    assert not target.exists() and not (tmp_path / "another-victim-file").exists()
    assert list((cache / f"v{FORMAT}").glob("*.pickle"))


def test_inside_project_follows_symlinks(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    project, outside = tmp_path / "project", tmp_path / "outside"
    (project / "build").mkdir(parents=True)
    outside.mkdir()
    assert inside_project(project / ".factcheck_cache", project) == project / ".factcheck_cache"
    assert inside_project(project / "build" / "cache", project) == project / "build" / "cache"
    (project / "escape").symlink_to(outside, target_is_directory=True)
    assert inside_project(project / "escape", project) is None
    (project / "build" / "cache").mkdir()
    (project / "build" / "cache" / f"v{FORMAT}").symlink_to(outside, target_is_directory=True)
    assert inside_project(project / "build" / "cache", project) is None
    assert capsys.readouterr().err.count("leads outside the project") == 2


def test_a_cache_that_cannot_be_written_says_why_once(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    in_the_way = tmp_path / "not-a-directory"
    in_the_way.write_text("a file\n", encoding="utf-8")
    cache = FileCache(in_the_way, b"salt", secret_path=tmp_path / "me" / SECRET_NAME)
    cache.put_shared("one", 1)
    cache.put_shared("two", 2)
    assert not cache.enabled and cache.get_shared("one") is None
    warned = capsys.readouterr().err
    assert warned.count("factcheck: warning: cache disabled, cannot write") == 1 and f"{in_the_way}/v{FORMAT}" in warned
    assert in_the_way.read_text(encoding="utf-8") == "a file\n"
