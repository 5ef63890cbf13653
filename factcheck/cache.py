"""The per-file cache: a claim file's parsed and normalized result, reused while nothing it
depends on has changed.

One entry per claim file (named by a hash of its path), holding the key it was made under and the
pickled result. The key covers everything the per-file stage reads: the file's bytes, where it
sits (display path, project-relative path, project root), the tool and Python versions, the entity
registry and the rule set (predicates, actions). Any change gives a different key, so a stale entry
is simply not used and is overwritten. An entry that cannot be read, has the wrong header or fails
to unpickle is ignored and rebuilt, never trusted. Entries are written atomically (temporary file
and rename), so a killed run leaves either the old entry or the new one.

The cache lives in `.factcheck_cache/` at the project root (like `.ruff_cache/`), marked with a
CACHEDIR.TAG and a `.gitignore` of its own; `--cache-dir` or FACTCHECK_CACHE_DIR move it and
`--no-cache` turns it off. What it stores is derived data only: deleting it costs one slow run.
"""

from __future__ import annotations

import hashlib
import os
import pickle
import sys
import tempfile
from collections.abc import Iterable
from pathlib import Path

from . import __version__
from .fileread import UnreadableFile, read_bytes, real_path
from .loader import LoadedFile

FORMAT = 1  # bump when what an entry holds changes shape
MAGIC = b"factcheck-cache\x00"
DIGEST = 32  # bytes of blake2b
DIRECTORY_NAME = ".factcheck_cache"
ENVIRONMENT = "FACTCHECK_CACHE_DIR"
_TAG = "Signature: 8a477f597d28d172789f06886806bc55\n# This directory is a cache made by factcheck; see https://bford.info/cachedir/\n"


def digest_files(paths: Iterable[Path], *extra: str) -> bytes:
    """One hash of some configuration files (their names and bytes) and extra text."""
    h = hashlib.blake2b(digest_size=DIGEST)
    for part in extra:
        h.update(part.encode("utf-8") + b"\x00")
    for path in paths:  # named by the resolved path: `lint .` and `lint FILE` must share entries
        h.update(str(real_path(path)).encode("utf-8", "surrogateescape") + b"\x00")
        try:
            h.update(read_bytes(path))
        except UnreadableFile as err:  # an unreadable file is reported elsewhere; it still changes the key
            h.update(f"unreadable: {err.reason}".encode())
        h.update(b"\x00")
    return h.digest()


class FileCache:
    """Get and put per-file results under a salt that covers the whole run's configuration."""

    def __init__(self, directory: Path, salt: bytes) -> None:
        self.directory = directory / f"v{FORMAT}"
        self.salt = salt
        self.enabled = True
        self.hits = 0
        self.misses = 0

    def key(self, display: str, ident: str, data: bytes) -> bytes:
        h = hashlib.blake2b(self.salt, digest_size=DIGEST)
        for part in (display, ident):
            h.update(part.encode("utf-8", "surrogateescape") + b"\x00")
        h.update(data)
        return h.digest()

    def entry(self, display: str, ident: str) -> Path:
        name = hashlib.blake2b(f"{ident}\x00{display}".encode("utf-8", "surrogateescape"), digest_size=16).hexdigest()
        return self.directory / f"{name}.pickle"

    def get(self, display: str, ident: str, key: bytes) -> LoadedFile | None:
        """The cached result, or None when there is none, it is stale or it cannot be trusted."""
        loaded = self._read(self.entry(display, ident), key)
        if not isinstance(loaded, LoadedFile) or loaded.display != display or loaded.ident != ident:
            self.misses += 1
            return None
        self.hits += 1
        return loaded

    def put(self, display: str, ident: str, key: bytes, payload: bytes) -> None:
        """Store a pickled result."""
        self._write(self.entry(display, ident), key, payload)

    def get_shared(self, name: str) -> object | None:
        """A corpus-wide entry (not one file's, such as the registry's fuzzy lookups), valid while the
        salt is the same; None when there is none or it cannot be read. The caller checks its shape."""
        return self._read(self.directory / f"{name}.shared", self.salt)

    def put_shared(self, name: str, value: object) -> None:
        self._write(self.directory / f"{name}.shared", self.salt, pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL))

    def _read(self, path: Path, key: bytes) -> object | None:
        if not self.enabled:
            return None
        try:
            blob = path.read_bytes()
        except OSError:
            return None
        header = len(MAGIC) + len(key)
        if blob[: len(MAGIC)] != MAGIC or blob[len(MAGIC) : header] != key:
            return None
        try:
            return pickle.loads(blob[header:])
        except Exception:  # noqa: BLE001 - any corruption means "not cached"
            return None

    def _write(self, target: Path, key: bytes, payload: bytes) -> None:
        """Atomically; a cache that cannot be written is switched off with one warning."""
        if not self.enabled:
            return
        try:
            self._prepare()
            handle = tempfile.NamedTemporaryFile(dir=self.directory, prefix=".", suffix=".tmp", delete=False)
            try:
                with handle:
                    handle.write(MAGIC + key + payload)
                os.replace(handle.name, target)
            except BaseException:
                _unlink(handle.name)
                raise
        except OSError as err:
            self.enabled = False
            print(f"factcheck: warning: cache disabled, cannot write {self.directory}: {err.strerror or err}", file=sys.stderr)

    def _prepare(self) -> None:
        if self.directory.is_dir():
            return
        self.directory.mkdir(parents=True, exist_ok=True)
        base = self.directory.parent
        for name, text in (("CACHEDIR.TAG", _TAG), (".gitignore", "# made by factcheck\n*\n")):
            if not (base / name).exists():
                (base / name).write_text(text, encoding="utf-8")


def _unlink(name: str) -> None:
    try:
        os.unlink(name)
    except OSError:
        pass


def pickled(loaded: LoadedFile) -> bytes:
    return pickle.dumps(loaded, protocol=pickle.HIGHEST_PROTOCOL)


def salt(registry_files: Iterable[Path], rule_files: Iterable[Path], root: Path) -> bytes:
    """What every entry's key shares: versions, the entity registry, the rule set and the root.

    The version is the package's own source, not just its version number: a development checkout
    changes without a new version, and an entry made by other code must never be trusted.
    """
    version = f"factcheck {__version__} cache {FORMAT} python {sys.version_info[0]}.{sys.version_info[1]}"
    code = sorted(Path(__file__).resolve().parent.rglob("*.py"))
    return digest_files([*code, *registry_files, *rule_files], version, str(root))


def environment_directory() -> Path | None:
    configured = os.environ.get(ENVIRONMENT)
    return Path(configured) if configured else None
