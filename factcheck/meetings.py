"""What each claim file can meet, kept between runs, so that a pre-commit run in a large corpus
loads only the claims that can meet the changed files (docs/design.md §8, "Pre-commit at scale").

relevance.py says which claims can take part in a finding about some files: those that share a
bucket key, or for quotes a three-word run, with one of theirs. Finding them needs every claim's
keys, and unpickling every claim of a million-claim corpus from the cache takes seconds. So:

- when the per-file stage reads a claim file (a cache miss), it also stores the file's claims split
  into groups (`split`: the claims of one bucket tuple; the quotes of one wording), with the hashes
  of each group's keys, as a split cache entry (FileCache.put_parts), under the file's cache key;
- a run that loaded the whole corpus records a manifest (`record`): every file, the stat signature
  and cache key it was read under, and its source id;
- a run given some claim files of the corpus (`load_meeting`) loads in full only the given files,
  the registries and the files whose stat signature changed, hashes the keys of the given files'
  claims, and takes from every other file only the groups that hold one of those hashes.

relevant() then narrows exactly as before; a hash collision only loads a group too many, so the
findings are those of a full load (tested against full runs). A key that cannot be hashed
stably (a value type a project added) hashes to WILDCARD, which every lookup takes.

The manifest is signed like every cache entry; it is trusted only under the same code, rules,
project root and working directory, and only while the registries, which are always read in full,
give the salt it was recorded under. Without a usable manifest, when a source id is used twice or a
given file is a registry, the run loads the whole corpus instead (corpus.load_meeting). A file whose modification time is within RACY_NS of when it
was read is not recorded: a second edit in the same clock tick could leave its stat unchanged.
"""

from __future__ import annotations

import hashlib
import os
import zlib
import pickle
import time
from array import array
from bisect import bisect_left
from operator import attrgetter
from collections.abc import Hashable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from .assertions import FIELDS as ASSERTION_FIELDS
from .assertions import Assertion, SourceInfo
from .cache import FileCache, salt, split_entry
from .fileread import real_path
from .loader import LoadedFile, display_path
from .quote_index import quote_tokens
from .relevance import quote_runs

MANIFEST_FORMAT = 1
WILDCARD = 0  # the hash of a key with no stable encoding: every lookup takes its groups
RACY_NS = 2_000_000_000
Signature = tuple[int, int, int, int]  # size, mtime_ns, ctime_ns, inode


# -- keys ---------------------------------------------------------------------------------------


class _Unstable(Exception):
    """A key part whose bytes could differ between two equal values (or two processes)."""


def _encode(part: object, out: list[bytes]) -> None:
    if part is None:
        out.append(b"n")
    elif isinstance(part, str):
        out.append(b"s%d:" % len(part))
        out.append(part.encode("utf-8", "surrogatepass"))
    elif isinstance(part, tuple):
        out.append(b"(")
        for item in part:
            _encode(item, out)
        out.append(b")")
    elif isinstance(part, (bool, int, float)):  # 1 == 1.0 == True: equal numbers, equal bytes
        out.append(b"f" + repr(float(part)).encode())
    elif isinstance(part, frozenset):
        encoded = []
        for item in part:
            piece: list[bytes] = []
            _encode(item, piece)
            encoded.append(b"".join(piece))
        out.append(b"{" + b"|".join(sorted(encoded)) + b"}")
    else:
        raise _Unstable


def key_hash(key: Hashable) -> int:
    """A hash of a meeting key that is the same in every process (Python's own is salted per
    process); WILDCARD when the key holds a part with no stable bytes. 32 bits are plenty: two
    keys that collide only make a partial load take a group it did not need."""
    out: list[bytes] = []
    try:
        _encode(key, out)
    except (_Unstable, RecursionError):
        return WILDCARD
    return zlib.crc32(b"".join(out)) or 1


def _quote_hashes(words: tuple[str, ...]) -> list[int]:
    """The hashes of a quote's runs (relevance.quote_runs), made directly: a quote has many."""
    return [zlib.crc32(b"q" + "\x1f".join(run).encode("utf-8", "surrogatepass")) or 1 for run in quote_runs(words)]


class KeyHasher:
    """The hashes of an assertion's meeting keys, each distinct key and wording hashed once."""

    def __init__(self) -> None:
        self._keys: dict[Hashable, int] = {}
        self._wordings: dict[tuple[str, ...], list[int]] = {}

    def of(self, a: Assertion) -> list[int]:
        if a.value_type == "quote":
            words = quote_tokens(a)
            found = self._wordings.get(words)
            if found is None:
                found = self._wordings[words] = _quote_hashes(words)
            return found
        hashes = []
        for key in a.meets:
            h = self._keys.get(key)
            if h is None:
                h = self._keys[key] = key_hash(key)
            hashes.append(h)
        return hashes


# -- a file's groups ------------------------------------------------------------------------------


@dataclass
class Head:
    """What a partial load needs of every claim file, whichever of its groups it takes."""

    source: object  # the SourceModel
    source_info: SourceInfo | None
    suppressions: list[object]
    assertions: int  # how many the whole file has (its source counts for independence when any)
    keys: bytes  # array("I"): the groups' key hashes, sorted
    owners: bytes  # array('I'): the group of each key hash


_WITHOUT_SOURCE = attrgetter(*ASSERTION_FIELDS[1:])  # every field but the first, `source`


def split(loaded: LoadedFile, hasher: KeyHasher) -> tuple[Head, list[bytes]]:
    """A claim file's claims as groups that meet alike, each pickled on its own, and the head
    that says which key hashes each group holds. Claims with no key (no subject, a quote of no
    words) meet nothing outside their file and are in no group."""
    groups: dict[object, list[tuple[int, Assertion]]] = {}
    hashes: dict[object, list[int]] = {}
    for position, a in enumerate(loaded.assertions):
        ident: object = ("quote", quote_tokens(a)) if a.value_type == "quote" else a.meets
        group = groups.get(ident)
        if group is None:
            found = hasher.of(a)
            if not found:
                continue
            group = groups[ident] = []
            hashes[ident] = found
        group.append((position, a))
    pairs = sorted((h, number) for number, ident in enumerate(groups) for h in set(hashes[ident]))
    # Pickled without their SourceInfo, which the head carries once for the whole file.
    parts = [pickle.dumps([(position, _WITHOUT_SOURCE(a)) for position, a in group], protocol=pickle.HIGHEST_PROTOCOL) for group in groups.values()]
    head = Head(
        loaded.source, loaded.source_info, list(loaded.suppressions), len(loaded.assertions),
        array("I", (h for h, _ in pairs)).tobytes(), array("I", (n for _, n in pairs)).tobytes(),
    )
    return head, parts


def stored(loaded: LoadedFile, hasher: KeyHasher) -> tuple[bytes, bytes] | None:
    """What to keep beside a claim file's cache entry (FileCache.put_parts); None for other files."""
    if loaded.kind != "claims" or loaded.source is None:
        return None
    return split_entry(*split(loaded, hasher))


def _groups_meeting(head: Head, wanted: set[int]) -> list[int]:
    """The groups of a head holding one of the wanted key hashes (and every WILDCARD group)."""
    keys = array("I")
    keys.frombytes(head.keys)
    if not keys:
        return []
    owners = array("I")
    owners.frombytes(head.owners)
    found: set[int] = set()
    for h in (wanted | {WILDCARD}).intersection(keys):
        at = bisect_left(keys, h)
        while at < len(keys) and keys[at] == h:
            found.add(owners[at])
            at += 1
    return sorted(found)


# -- the manifest -----------------------------------------------------------------------------


@dataclass(frozen=True)
class Entry:
    ident: str
    signature: Signature
    key: bytes
    source_id: str | None


@dataclass(frozen=True)
class Manifest:
    salt: bytes  # the per-file entries' salt: code, registries, rules, root
    files: dict[str, Entry]  # display path -> how it was read (claim files only)


def signature(path: Path) -> Signature | None:
    try:
        st = os.stat(path)
    except OSError:
        return None
    return (st.st_size, st.st_mtime_ns, st.st_ctime_ns, st.st_ino)


def _manifest_name(cwd: Path, root: Path) -> str:
    where = hashlib.blake2b(f"{MANIFEST_FORMAT}\x00{real_path(cwd)}\x00{real_path(root)}".encode("utf-8", "surrogateescape"), digest_size=12)
    return f"meetings-{where.hexdigest()}"


def _manifest_cache(cache_dir: Path, rule_files: Iterable[Path], root: Path) -> FileCache:
    """The manifest is signed under code, rules and root only: it names the registries itself."""
    return FileCache(cache_dir, salt([], rule_files, root), project_root=root)


def record(files: Sequence[LoadedFile], entry_salt: bytes, cache_dir: Path, rule_files: Iterable[Path], cwd: Path, root: Path) -> None:
    """Keep in the manifest how the claim files of this run were read (the entries of files this
    run did not load stay, while their files exist and the salt is the same); written only when
    that changes it."""
    entries: dict[str, Entry] = {}
    now = time.time_ns()
    for loaded in files:
        read = loaded.read_as
        if read is None or loaded.kind != "claims":
            continue
        sig, key = read
        if now - sig[1] < RACY_NS:
            continue
        # The id as the file states it: a file whose id another file already used has lost its
        # `source` (corpus._check_source_ids), but the pre-commit path must still see the clash.
        source_id = loaded.source_info.id if loaded.source_info is not None else loaded.source_id
        entries[loaded.display] = Entry(loaded.ident, sig, key, source_id)
    cache = _manifest_cache(cache_dir, rule_files, root)
    name = _manifest_name(cwd, root)
    kept = cache.get_shared(name)
    if isinstance(kept, Manifest) and kept.salt == entry_salt:
        loaded_now = {loaded.display for loaded in files}
        earlier = {d: e for d, e in kept.files.items() if d not in loaded_now and (cwd / d).is_file()}
        entries = {**earlier, **entries}
    manifest = Manifest(entry_salt, entries)
    if kept != manifest:
        cache.put_shared(name, manifest)


def kept_manifest(cache_dir: Path, rule_files: Iterable[Path], cwd: Path, root: Path) -> Manifest | None:
    found = _manifest_cache(cache_dir, rule_files, root).get_shared(_manifest_name(cwd, root))
    return found if isinstance(found, Manifest) else None


# -- loading only what meets ------------------------------------------------------------------


@dataclass
class Plan:
    """How a run given some claim files loads the corpus: `full` in full, `partial` in part."""

    full: list[Path]
    partial: list[tuple[Path, Entry]]


def plan(paths: Sequence[Path], given: frozenset[Path], manifest: Manifest, cwd: Path) -> Plan:
    """Load in part the claim files the manifest holds unchanged (same stat signature) and that were
    not given; everything else in full. Registries are not in the manifest, so they are read in full:
    the salt, which hashes their bytes, must then be the manifest's (the caller checks)."""
    full: list[Path] = []
    partial: list[tuple[Path, Entry]] = []
    for path in paths:
        entry = manifest.files.get(display_path(path, cwd))
        if entry is None or real_path(path) in given or signature(path) != entry.signature:
            full.append(path)
        else:
            partial.append((path, entry))
    return Plan(full, partial)


def wanted_hashes(files: Iterable[LoadedFile], hasher: KeyHasher) -> set[int]:
    return {h for loaded in files for a in loaded.assertions for h in hasher.of(a)}


def partial_file(path: Path, entry: Entry, display: str, cache: FileCache, wanted: set[int]) -> LoadedFile | None:
    """A claim file with only its groups that hold a wanted key hash; None when its stored groups
    are missing, stale or untrusted (then it is loaded in full)."""
    parts = cache.get_parts(display, entry.ident, entry.key)
    if parts is None:
        return None
    head = parts.head
    if not isinstance(head, Head):
        parts.close()
        return None
    taken: list[tuple[int, Assertion]] = []
    try:
        for number in _groups_meeting(head, wanted):
            data = parts.part(number) if number < len(parts) else None
            if data is None:
                return None
            source = head.source_info
            taken.extend((position, Assertion(source, *fields)) for position, fields in pickle.loads(data))
    finally:
        parts.close()
    taken.sort(key=lambda pair: pair[0])
    loaded = LoadedFile(path, display, entry.ident, kind="claims", source=head.source)  # type: ignore[arg-type]
    loaded.assertions = [a for _, a in taken]
    loaded.suppressions = head.suppressions
    loaded.source_info = head.source_info
    loaded.partial_of = head.assertions
    return loaded
