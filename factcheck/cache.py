"""The per-file cache: a claim file's parsed and normalized result, reused while nothing it
depends on has changed, and never trusted unless this user's own factcheck wrote it.

One entry per claim file (named by a hash of its path), holding the key it was made under, a MAC and
the pickled result. The key covers everything the per-file stage reads: the file's bytes, where it
sits (display path, project-relative path, project root), the tool and Python versions, the entity
registry and the rule set (predicates, actions). Any change gives a different key, so a stale entry
is simply not used and is overwritten. Entries are written atomically (temporary file and rename),
so a killed run leaves either the old entry or the new one.

Beside a claim file's entry, a split entry holds the same claims in groups (meetings.py), for the
pre-commit path to take a few without unpickling the rest: its MAC covers a head that carries a
digest of every group, and a group is checked against its digest before it is unpickled.

Why a MAC (docs/design.md §10): everything the key is made of is public, and the cache sits in the
project, where a pull request can commit files. Unpickling what it put there would run its code. So
every entry carries a keyed BLAKE2b MAC over its name, key and payload, made with a secret that
lives outside every project, in the user's own cache directory (mode 0600, created on first use,
never named by configuration). An entry whose MAC does not verify (forged, committed, copied from
another user or machine, tampered) is ignored and rebuilt without being unpickled. A key file that
others could read or replace turns the cache off with a warning rather than being trusted (secret.py).

The cache lives in `.factcheck_cache/` at the project root (like `.ruff_cache/`), marked with a
CACHEDIR.TAG and a `.gitignore` of its own; `--cache-dir` or FACTCHECK_CACHE_DIR move it anywhere,
the configuration only to a place inside the project, and `--no-cache` turns it off. What it stores
is derived data only: deleting it costs one slow run.
"""

from __future__ import annotations

import hashlib
import hmac
import os
import pickle
import sys
import tempfile
from array import array
from collections.abc import Iterable, Sequence
from itertools import accumulate
from typing import BinaryIO
from pathlib import Path

from . import __version__
from .fileread import UnreadableFile, read_bytes, real_path
from .loader import LoadedFile
from .secret import UntrustedSecret, load_secret, user_secret_path

FORMAT = 2  # bump when what an entry holds changes shape (2: entries carry a MAC)
MAGIC = b"factcheck-cache\x00"
DIGEST = 32  # bytes of blake2b, for keys and MACs alike
PART_DIGEST = 16  # bytes of blake2b per part of a split entry (put_parts); the MAC covers them
DIRECTORY_NAME = ".factcheck_cache"
ENVIRONMENT = "FACTCHECK_CACHE_DIR"
_WARNED: set[str] = set()  # warnings already given by this process
_TAG = "Signature: 8a477f597d28d172789f06886806bc55\n# This directory is a cache made by factcheck; see https://bford.info/cachedir/\n"


def digest_files(paths: Iterable[Path], *extra: str) -> bytes:
    """One hash of some configuration files (their names and bytes) and extra text."""
    h = hashlib.blake2b(digest_size=DIGEST)
    for part in extra:
        h.update(part.encode("utf-8", "surrogateescape") + b"\x00")  # a root that is not UTF-8
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

    def __init__(self, directory: Path, salt: bytes, secret_path: Path | None = None, project_root: Path | None = None) -> None:
        self.directory = directory / f"v{FORMAT}"
        self.salt = salt
        self.enabled = True
        self._secret: bytes | None = None
        self._secret_path = secret_path
        self._project_root = project_root

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
        loaded = self._read(self.entry(display, ident), key)  # the key covers display and ident
        return loaded if isinstance(loaded, LoadedFile) else None

    def put(self, display: str, ident: str, key: bytes, payload: bytes) -> None:
        """Store a pickled result."""
        self._write(self.entry(display, ident), key, payload)

    def put_parts(self, display: str, ident: str, key: bytes, stored: tuple[bytes, bytes]) -> None:
        """Store a file's claim groups (split_entry) beside its entry (meetings.py), so that a reader
        can take a few of them without reading, verifying or unpickling the rest."""
        payload, signed = stored
        self._write(self._parts_entry(display, ident), key, payload, signed=signed)

    def get_parts(self, display: str, ident: str, key: bytes) -> Parts | None:
        """The head of a file's stored groups, and its parts to take one by one (close it after);
        None when missing, stale or untrusted. Only the head is read here: a reader takes a few
        parts, and reads only those."""
        if not self.enabled:
            return None
        path = self._parts_entry(display, ident)
        mac_at = len(MAGIC) + len(key)
        start = mac_at + DIGEST + 8
        try:
            handle = open(path, "rb")
        except OSError:
            return None
        try:
            prefix = handle.read(start)
            if len(prefix) < start or prefix[: len(MAGIC)] != MAGIC or prefix[len(MAGIC) : mac_at] != key:
                raise _Unusable
            size = int.from_bytes(prefix[start - 8 :], "little")
            index = handle.read(size)
            secret = self._user_secret()
            if secret is None or len(index) != size:
                raise _Unusable
            if not hmac.compare_digest(prefix[mac_at : mac_at + DIGEST], self._mac(secret, path.name, key, index)):
                raise _Unusable
            try:
                head, lengths, digests = pickle.loads(index)
                sizes = array("Q")
                sizes.frombytes(lengths)
            except Exception:  # noqa: BLE001 - an entry of other code: not stored
                raise _Unusable from None
        except (_Unusable, OSError):
            handle.close()
            return None
        return Parts(head, handle, start + size, sizes, digests)

    def _parts_entry(self, display: str, ident: str) -> Path:
        return self.entry(display, ident).with_suffix(".parts")

    def get_shared(self, name: str) -> object | None:
        """A corpus-wide entry (not one file's, such as the registry's fuzzy lookups), valid while the
        salt is the same; None when there is none or it cannot be read. The caller checks its shape."""
        return self._read(self.directory / f"{name}.shared", self.salt)

    def put_shared(self, name: str, value: object) -> None:
        self._write(self.directory / f"{name}.shared", self.salt, pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL))

    def _mac(self, secret: bytes, name: str, key: bytes, payload: bytes | memoryview) -> bytes:
        """Binds the payload to this entry's name and key: a valid entry moved under another name
        or key does not verify either."""
        h = hashlib.blake2b(key=secret, digest_size=DIGEST, person=b"factcheck-cache")
        h.update(name.encode("utf-8", "surrogateescape") + b"\x00")
        h.update(key)
        h.update(payload)
        return h.digest()

    def _read(self, path: Path, key: bytes) -> object | None:
        if not self.enabled:
            return None
        try:
            blob = path.read_bytes()
        except OSError:
            return None
        mac_at = len(MAGIC) + len(key)
        header = mac_at + DIGEST
        if blob[: len(MAGIC)] != MAGIC or blob[len(MAGIC) : mac_at] != key:
            return None
        secret = self._user_secret()
        if secret is None:
            return None
        payload = memoryview(blob)[header:]
        if not hmac.compare_digest(blob[mac_at:header], self._mac(secret, path.name, key, payload)):
            return None  # not made with this user's secret: never unpickled
        try:
            return pickle.loads(payload)
        except Exception:  # noqa: BLE001 - an entry we wrote that no longer loads (other code) means "not cached"
            return None

    def _write(self, target: Path, key: bytes, payload: bytes, signed: bytes | None = None) -> None:
        """Atomically; a cache that cannot be written is switched off with one warning. The MAC
        covers `signed` when given (a part of the payload that vouches for the rest), else the payload."""
        if not self.enabled:
            return
        secret = self._user_secret()
        if secret is None:
            return
        try:
            self._prepare()
            handle = tempfile.NamedTemporaryFile(dir=self.directory, prefix=".", suffix=".tmp", delete=False)
            try:
                with handle:
                    handle.write(MAGIC + key + self._mac(secret, target.name, key, payload if signed is None else signed))
                    handle.write(payload)
                os.replace(handle.name, target)
            except BaseException:
                _unlink(handle.name)
                raise
        except OSError as err:
            self._disable(f"cannot write {self.directory}: {err.strerror or err}")

    def _user_secret(self) -> bytes | None:
        """The MAC secret, read once per run; None (and the cache off, with a warning) when unsafe."""
        if self._secret is None and self.enabled:
            try:
                self._secret = load_secret(self._secret_path or user_secret_path(), self._project_root)
            except UntrustedSecret as err:
                self._disable(str(err))
        return self._secret

    def _disable(self, why: str) -> None:
        self.enabled = False
        if why not in _WARNED:  # one run opens the cache more than once (entries, the manifest): one warning
            _WARNED.add(why)
            print(f"factcheck: warning: cache disabled, {why}", file=sys.stderr)

    def _prepare(self) -> None:
        if self.directory.is_dir():
            return
        self.directory.mkdir(parents=True, exist_ok=True)
        base = self.directory.parent
        for name, text in (("CACHEDIR.TAG", _TAG), (".gitignore", "# made by factcheck\n*\n")):
            try:  # exclusive creation: never follows a symlink planted under either name
                with open(base / name, "x", encoding="utf-8") as handle:
                    handle.write(text)
            except FileExistsError:
                pass


def split_entry(head: object, parts: Sequence[bytes]) -> tuple[bytes, bytes]:
    """The payload of a split entry and the part of it the MAC covers (FileCache.put_parts): the
    head (what a reader needs of every file) and a digest of each part, which is checked when the
    part is read. Made wherever the file was read (a worker process), signed where it is stored."""
    lengths = array("Q", (len(part) for part in parts))
    digests = b"".join(hashlib.blake2b(part, digest_size=PART_DIGEST).digest() for part in parts)
    index = pickle.dumps((head, lengths.tobytes(), digests), protocol=pickle.HIGHEST_PROTOCOL)
    return len(index).to_bytes(8, "little") + index + b"".join(parts), index


class _Unusable(Exception):
    """A stored entry that is missing a part, stale or untrusted."""


class Parts:
    """A stored entry's head, and its parts read one by one, each verified when taken (part).
    Holds the entry open until closed."""

    def __init__(self, head: object, handle: BinaryIO, start: int, lengths: array[int], digests: bytes) -> None:
        self.head = head
        self._handle = handle
        self._digests = digests
        self._offsets = list(accumulate(lengths, initial=start))

    def __len__(self) -> int:
        return len(self._offsets) - 1

    def part(self, number: int) -> bytes | None:
        """The part's bytes, or None when they do not match the signed digest (a damaged entry)."""
        offset, end = self._offsets[number], self._offsets[number + 1]
        try:
            self._handle.seek(offset)
            data = self._handle.read(end - offset)
        except OSError:
            return None
        expected = self._digests[number * PART_DIGEST : (number + 1) * PART_DIGEST]
        if hashlib.blake2b(data, digest_size=PART_DIGEST).digest() != expected:
            return None
        return data

    def close(self) -> None:
        self._handle.close()


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


def inside_project(directory: Path, root: Path) -> Path | None:
    """A cache location the project itself chose (its configuration, or the default): used only
    when it stays inside the project, symlinks followed, so a repository cannot make factcheck
    write elsewhere on the machine. None, with a warning, when it does not."""
    real_root = real_path(root)
    for place in (directory, directory / f"v{FORMAT}"):
        if not real_path(place).is_relative_to(real_root):
            print(f"factcheck: warning: cache disabled, {place} leads outside the project ({real_path(place)}); "
                  "use --cache-dir or FACTCHECK_CACHE_DIR to keep it elsewhere", file=sys.stderr)
            return None
    return directory
