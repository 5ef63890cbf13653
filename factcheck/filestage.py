"""The per-file stage: one claim file from bytes to assertions, suppressions and findings.

What happens here depends only on the file's bytes, where it sits, the entity registry and the rule
set, so the result can be cached (factcheck/cache.py) and computed in any process. Work that needs
other files or the file system (duplicate source ids, whether `source.document` exists) comes after,
in corpus.py. Large corpora are shared out between processes, one per core; the results come back
pickled, which is also the form the cache stores, so a result is serialized once.
"""

from __future__ import annotations

import gc
import os
import pickle
import sys
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from .cache import FileCache, pickled
from .meetings import KeyHasher, signature, stored
from .progress import Progress
from .fileread import DEFAULT_MAX_FILE_SIZE, read_or_none
from .loader import LoadedFile, display_path, load_file
from .normalize import Normalizer
from .registry.entities import EntityRegistry, StoredResolution
from .ruleset import RuleSet
from .suppression import collect_file

# Below this much YAML a second process costs more than it saves (start-up, pickling the results).
PARALLEL_MIN_BYTES = 2_000_000
CHUNK_BYTES = 1_000_000  # files are sent to workers in batches of about this size
LOOKUPS = "entity-lookups"  # the shared cache entry of the registry's fuzzy lookups
LOOKUPS_LIMIT = 100_000  # the most recent ones kept: mentions of files long gone should not pile up


@dataclass(frozen=True)
class StageInputs:
    """What every file's stage needs besides its own bytes."""

    entities: EntityRegistry
    ruleset: RuleSet
    cwd: Path
    root: Path
    max_file_size: int | None = DEFAULT_MAX_FILE_SIZE


def process(path: Path, data: bytes | None, normalizer: Normalizer, cwd: Path, root: Path, limit: int | None = DEFAULT_MAX_FILE_SIZE) -> LoadedFile:
    """Load, validate and normalize one file, then release what only this stage needs."""
    loaded = load_file(path, cwd, root, data, limit)
    loaded.assertions = normalizer.file(loaded)
    loaded.suppressions = collect_file(loaded)
    loaded.release()
    return loaded


def run(paths: Sequence[Path], inputs: StageInputs, cache: FileCache | None, jobs: int,
        progress: Progress | None = None) -> list[LoadedFile]:
    """Every file's stage result, in the order of `paths`, from the cache where it is fresh."""
    progress = progress or Progress(show=False)
    progress.begin("reading files", len(paths))
    results: list[LoadedFile | None] = [None] * len(paths)
    known = _remember_lookups(cache, inputs.entities)
    pending: list[tuple[int, Path, bytes | None]] = []  # index, path, cache key
    contents: dict[int, bytes | None] = {}  # handed over (popped) when parsed: a large corpus is not held twice
    read_as: dict[int, tuple[tuple[int, int, int, int], bytes]] = {}
    for index, path in enumerate(paths):
        stat = signature(path) if cache is not None else None  # before reading: a later edit changes it
        data = read_or_none(path, inputs.max_file_size, inputs.root)  # None: the stage reads it again and says why
        key = None
        if cache is not None and data is not None:
            display, ident = display_path(path, inputs.cwd), display_path(path, inputs.root)
            key = cache.key(display, ident, data)
            results[index] = cache.get(display, ident, key)
            if stat is not None:
                read_as[index] = (stat, key)
        if results[index] is None:
            pending.append((index, path, key))
            contents[index] = data
        else:
            progress.step()
    size = sum(len(data) for data in contents.values() if data)
    workers = min(jobs, len(pending))
    if workers > 1 and size >= PARALLEL_MIN_BYTES:
        produced = _parallel(pending, contents, size, inputs, workers, cache is not None)
    else:
        normalizer = Normalizer(inputs.entities, inputs.ruleset, inputs.root)
        produced = ((index, process(path, contents.pop(index), normalizer, inputs.cwd, inputs.root, inputs.max_file_size), None, None) for index, path, _ in pending)
    keys = {index: key for index, _, key in pending}
    hasher = KeyHasher()
    try:
        for index, loaded, payload, groups in produced:
            results[index] = loaded
            progress.step()
            key = keys[index]
            if cache is not None and key is not None:
                cache.put(loaded.display, loaded.ident, key, payload if payload is not None else pickled(loaded))
                groups = groups if payload is not None else stored(loaded, hasher)
                if groups is not None:
                    cache.put_parts(loaded.display, loaded.ident, key, groups)
    except Exception as err:  # noqa: BLE001 - a worker that died (killed, out of memory) must not lose the run
        if workers < 2 or size < PARALLEL_MIN_BYTES:
            raise
        print(f"factcheck: warning: a worker process failed ({type(err).__name__}: {err}); reading the remaining files in this process",
              file=sys.stderr)
        normalizer = Normalizer(inputs.entities, inputs.ruleset, inputs.root)
        for index, path, _ in pending:
            if results[index] is None:  # read again: its bytes went to the worker; not cached, since they may differ now
                data = contents.pop(index, None) or read_or_none(path, inputs.max_file_size, inputs.root)
                read_as.pop(index, None)  # what it was read as is not known now
                results[index] = process(path, data, normalizer, inputs.cwd, inputs.root, inputs.max_file_size)
    _keep_lookups(cache, inputs.entities, known)
    for index, seen in read_as.items():
        if results[index] is not None:
            results[index].read_as = seen  # type: ignore[union-attr]
    return [loaded for loaded in results if loaded is not None]


def _remember_lookups(cache: FileCache | None, entities: EntityRegistry) -> int:
    """Give the registry the fuzzy lookups of earlier runs (a pre-commit run then resolves the
    changed file's mentions without fuzzy matching); how many it now knows."""
    stored = cache.get_shared(LOOKUPS) if cache is not None else None
    if isinstance(stored, dict):
        entities.remember(stored)
    return len(entities.fuzzy_lookups())


def _keep_lookups(cache: FileCache | None, entities: EntityRegistry, known: int) -> None:
    lookups = entities.fuzzy_lookups()
    if cache is not None and len(lookups) > known:
        cache.put_shared(LOOKUPS, dict(list(lookups.items())[-LOOKUPS_LIMIT:]))


# -- sharing the work out -----------------------------------------------------------------------

_worker_normalizer: Normalizer | None = None
_worker_inputs: StageInputs | None = None
_worker_lookups_sent = 0
_worker_hasher: KeyHasher | None = None


def _init_worker(inputs: StageInputs, keep_groups: bool) -> None:
    global _worker_normalizer, _worker_inputs, _worker_lookups_sent, _worker_hasher
    _worker_hasher = KeyHasher() if keep_groups else None  # only a cached run stores claim groups
    gc.disable()  # a worker builds a batch of results and exits; nothing it makes is cyclic garbage
    _worker_inputs = inputs
    _worker_lookups_sent = len(inputs.entities.fuzzy_lookups())  # the parent has those already
    _worker_normalizer = Normalizer(inputs.entities, inputs.ruleset, inputs.root)


def _work(batch: list[tuple[int, Path, bytes | None]]) -> tuple[list[tuple[int, bytes, tuple[bytes, bytes] | None]], dict[str, StoredResolution]]:
    """The batch's pickled results with their claim groups for the cache (meetings.stored), and the
    registry's fuzzy lookups this worker made since its last batch (the parent keeps them for the
    next run)."""
    global _worker_lookups_sent
    assert _worker_normalizer is not None and _worker_inputs is not None
    inputs = _worker_inputs
    results = []
    for index, path, data in batch:
        loaded = process(path, data, _worker_normalizer, inputs.cwd, inputs.root, inputs.max_file_size)
        results.append((index, pickled(loaded), stored(loaded, _worker_hasher) if _worker_hasher is not None else None))
    lookups = list(inputs.entities.fuzzy_lookups().items())
    learned = dict(lookups[_worker_lookups_sent:])
    _worker_lookups_sent = len(lookups)
    return results, learned


def _batches(pending: list[tuple[int, Path, bytes | None]], contents: dict[int, bytes | None], total: int, workers: int) -> Iterator[list[tuple[int, Path, bytes | None]]]:
    """Batches of about CHUNK_BYTES, at least two per worker so a slow batch does not leave a core idle."""
    limit = max(1, min(CHUNK_BYTES, total // (2 * workers)))
    batch: list[tuple[int, Path, bytes | None]] = []
    size = 0
    for index, path, _ in pending:
        data = contents.pop(index)
        batch.append((index, path, data))
        size += len(data or b"")
        if size >= limit:
            yield batch
            batch, size = [], 0
    if batch:
        yield batch


def _parallel(
    pending: list[tuple[int, Path, bytes | None]], contents: dict[int, bytes | None], total: int, inputs: StageInputs, workers: int,
    keep_groups: bool,
) -> Iterator[tuple[int, LoadedFile, bytes, tuple[bytes, bytes] | None]]:
    """Results as the workers finish them; the pickled form and the claim groups are kept for the cache."""
    from concurrent.futures import ProcessPoolExecutor  # only large cold runs pay for importing it

    with ProcessPoolExecutor(max_workers=workers, mp_context=_context(), initializer=_init_worker, initargs=(inputs, keep_groups)) as pool:
        for results, learned in pool.map(_work, _batches(pending, contents, total, workers)):
            inputs.entities.remember(learned)
            for index, payload, groups in results:
                yield index, pickle.loads(payload), payload, groups


def _context():  # type: ignore[no-untyped-def]
    """fork where there is one (nothing to pickle for the workers, no re-import), else spawn."""
    import multiprocessing

    methods = multiprocessing.get_all_start_methods()
    return multiprocessing.get_context("fork" if "fork" in methods else "spawn")


def default_jobs() -> int:
    """The cores this process may use."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not on Linux
        return max(1, os.cpu_count() or 1)


@contextmanager
def gc_paused() -> Iterator[None]:
    """Building hundreds of thousands of small, long-lived objects makes the cyclic collector scan
    them again and again for nothing; pause it for the run (reference counting still frees memory).
    Afterwards what is still alive is moved out of the collector's sight (gc.freeze), or the first
    collection would scan it all once more."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        gc.freeze()
        if was_enabled:
            gc.enable()


