"""Find and load the corpus: claim files and entity registries, with cross-file identity checks."""

from __future__ import annotations

import datetime as dt
import os
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from . import filestage, meetings
from .cache import FileCache, salt
from .fileread import DEFAULT_MAX_FILE_SIZE, read_start, real_path
from .filestage import StageInputs
from .load_checks import DUPLICATE_ID, INVALID_CLAIM_FILE
from .loader import LoadedFile, display_path, load_file
from .normalize import resolve_document
from .progress import Progress
from .registry.entities import Entity, EntityRegistry
from .ruleset import RuleSet

YAML_SUFFIXES = (".yaml", ".yml")


@dataclass
class Corpus:
    files: list[LoadedFile] = field(default_factory=list)
    entities: EntityRegistry = field(default_factory=EntityRegistry)
    salt: bytes | None = None  # the cache salt the claim files were read under (None: no cache)

    @property
    def claim_files(self) -> list[LoadedFile]:
        return [f for f in self.files if f.kind == "claims"]


def discover(paths: list[Path]) -> list[Path]:
    """YAML files under the given paths, sorted, each once; hidden directories are skipped.

    A file named explicitly is always linted, whatever its suffix. Symlinked directories are not
    followed, so a symlink loop cannot make the walk endless.
    """
    found: dict[Path, None] = {}
    for path in paths:
        if path.is_dir() and not path.is_symlink():
            for directory, subdirs, names in os.walk(path):
                subdirs[:] = sorted(d for d in subdirs if not d.startswith("."))
                for name in sorted(names):
                    if name.endswith(YAML_SUFFIXES) and not name.startswith("."):
                        found.setdefault(Path(directory) / name)
        else:
            found.setdefault(path)
    return _once_per_file(sorted(found, key=lambda p: p.as_posix()))


def _once_per_file(paths: list[Path]) -> list[Path]:
    """A symlink to a file already in the list is the same file: read twice, its source id would be
    reported as a duplicate of itself. The path that is not a link is kept."""
    targets: set[Path] = set()
    kept: list[Path] = []
    for path in sorted(paths, key=lambda p: (p.is_symlink(), p.as_posix())):
        target = real_path(path)
        if target in targets and target.is_file():
            continue
        targets.add(target)
        kept.append(path)
    return sorted(kept, key=lambda p: p.as_posix())


@dataclass(frozen=True)
class StageOptions:
    """How claim files go through the per-file stage: against which rule set, cached where, on how many cores."""

    ruleset: RuleSet
    cache_dir: Path | None = None  # None: no cache
    jobs: int = 1
    max_file_size: int | None = DEFAULT_MAX_FILE_SIZE  # larger files are a finding and are not read
    progress: Progress | None = None  # counts the files read, for a bar on a slow run


# A registry is a mapping whose key is `entities`; claim files are looked at only when it may be one:
# `entities` as a key, at the start of a line or after `{` or `,` (the regex starts with the word,
# so it is found by a fast literal search; what comes before is checked in may_be_registry).
REGISTRY_HINT = re.compile(r"""entities["']?[ \t]*:""")


def load_corpus(paths: list[Path], extra_entity_files: list[Path], cwd: Path, root: Path, stage: StageOptions | None = None) -> Corpus:
    """Registries first, then claim files normalized against them (when `stage` says how);
    without `stage` every file is only loaded, for callers that need just the registry."""
    corpus = Corpus()
    seen = {real_path(p) for p in paths}
    extras = [p for p in extra_entity_files if real_path(p) not in seen]
    every = [*paths, *extras]
    if stage is None:
        corpus.files = [load_file(path, cwd, root) for path in every]
        _check_source_ids(corpus.claim_files)
        corpus.entities = _build_registry([f for f in corpus.files if f.kind == "entities"])
        return corpus
    candidates = {path for path in extras} | {path for path in paths if may_be_registry(head(path, root))}
    while True:
        loaded = {path: load_file(path, cwd, root, limit=stage.max_file_size) for path in every if path in candidates}
        registries = [f for f in loaded.values() if f.kind == "entities"]
        corpus.entities = _build_registry(registries)
        inputs = StageInputs(corpus.entities, stage.ruleset, cwd, root, stage.max_file_size)
        cache = None
        if stage.cache_dir is not None:
            corpus.salt = salt([f.path for f in registries], stage.ruleset.files, root)
            cache = FileCache(stage.cache_dir, corpus.salt, project_root=root)
        rest = [path for path in every if path not in loaded or loaded[path].kind != "entities"]
        loaded.update(zip(rest, filestage.run(rest, inputs, cache, stage.jobs, stage.progress)))
        missed = [path for path in rest if loaded[path].kind == "entities"]
        if not missed:
            break
        candidates.update(missed)  # a registry the hint did not see (written in an unusual way): start again with it
    corpus.files = [loaded[path] for path in every]
    _check_source_ids(corpus.claim_files)
    _resolve_documents(corpus.claim_files, root, stage.max_file_size)
    return corpus


def _resolve_documents(files: Iterable[LoadedFile], root: Path, limit: int | None) -> None:
    """Each source's `document:` as a path inside the project (or a finding): never cached, since
    it depends on the file system, not on the claim file's bytes."""
    for loaded in files:
        if loaded.source_info is not None:
            loaded.source_info.document = resolve_document(loaded, root, limit)


def load_meeting(paths: list[Path], given: frozenset[Path], extra_entity_files: list[Path], cwd: Path, root: Path, stage: StageOptions) -> Corpus | None:
    """The corpus as far as it can meet the given claim files (meetings.py): those files, the
    registries and every changed file in full, the other claim files only in their groups that
    share a key with the given files' claims. None when that cannot be done exactly (no cache, no
    usable manifest, changed registries, a source id used twice): then load the whole corpus."""
    if stage.cache_dir is None:
        return None
    manifest = meetings.kept_manifest(stage.cache_dir, stage.ruleset.files, cwd, root)
    if manifest is None:
        return None
    split = meetings.plan(paths, given, manifest, cwd)
    corpus = load_corpus(split.full, extra_entity_files, cwd, root, stage)
    if corpus.salt != manifest.salt:
        return None
    if any(f.kind != "claims" for f in corpus.files if real_path(f.path) in given):
        return None  # a given registry changes how every file reads: everything is reported
    full = dict(zip(split.full, corpus.files))  # corpus.files: split.full's, then extra registries
    ids = [loaded.source_id for loaded in corpus.files if loaded.source_id is not None]
    ids += [entry.source_id for _, entry in split.partial if entry.source_id is not None]
    if len(set(ids)) != len(ids):
        return None
    hasher = meetings.KeyHasher()
    wanted = meetings.wanted_hashes((f for f in corpus.files if real_path(f.path) in given), hasher)
    if meetings.WILDCARD in wanted:
        return None
    cache = FileCache(stage.cache_dir, manifest.salt, project_root=root)
    missed: list[Path] = []
    for path, entry in split.partial:
        found = meetings.partial_file(path, entry, display_path(path, cwd), cache, wanted)
        if found is None:
            missed.append(path)
        else:
            full[path] = found
    if missed:  # stored groups lost or untrusted: read those files in full
        inputs = StageInputs(corpus.entities, stage.ruleset, cwd, root, stage.max_file_size)
        reread = filestage.run(missed, inputs, cache, stage.jobs, stage.progress)
        _resolve_documents(reread, root, stage.max_file_size)
        full.update(zip(missed, reread))
    corpus.files = [full[path] for path in paths] + corpus.files[len(split.full) :]
    return corpus


def may_be_registry(text: str) -> bool:
    """Whether a file's start may hold a top-level `entities:` key (a hint: loading decides)."""
    for match in REGISTRY_HINT.finditer(text):
        before = text[text.rfind("\n", 0, match.start()) + 1 : match.start()].rstrip(" \t\"'")
        if not before or before.endswith(("{", ",", "-")):
            return True
    return False


def head(path: Path, root: Path | None = None) -> str:
    """The start of a file, enough to see its top-level keys."""
    return read_start(path, 65536, root).decode("utf-8", errors="replace")


def _check_source_ids(files: list[LoadedFile]) -> None:
    first: dict[str, LoadedFile] = {}
    for loaded in files:
        source_id = loaded.source_id
        if source_id is None:
            continue
        if source_id in first:
            loaded.problem(
                DUPLICATE_ID,
                f"source id '{source_id}' is already used by {first[source_id].display}; source ids must be unique in the corpus",
                ("source", "id"),
                loaded.doc.position(("source", "id")) if loaded.doc else loaded.source_id_position,
            )
            loaded.source = None  # its claims would be confused with the other source's
            loaded.claims = []
            loaded.assertions = []
            loaded.suppressions = []
        else:
            first[source_id] = loaded


def _build_registry(files: list[LoadedFile]) -> EntityRegistry:
    registry = EntityRegistry()
    owners: dict[str, str] = {}
    for loaded in files:
        for index, model in loaded.entities:
            path = ("entities", index)
            if model.id in owners:
                loaded.problem(
                    DUPLICATE_ID,
                    f"entity id '{model.id}' is already defined in {owners[model.id]}; entity ids must be unique",
                    path + ("id",),
                    loaded.doc.position(path + ("id",)) if loaded.doc else None,
                )
                continue
            owners[model.id] = loaded.display
            _check_attributes(loaded, index, model.attributes)
            registry.add(Entity(model.id, model.name, model.type, tuple(model.aliases), dict(model.attributes)))
    for loaded in files:
        for index, model in loaded.entities:
            for name in ENTITY_REFERENCES:
                named = model.attributes.get(name)
                if named is not None and str(named) not in registry:
                    path = ("entities", index, "attributes", name)
                    loaded.problem(INVALID_CLAIM_FILE, f"attributes.{name}: '{named}' is not an entity id", path, loaded.doc.position(path) if loaded.doc else None)
    return registry


# Attributes that name another entity: a resolution's voting body, and the party its measures are on
# (what "to North Korea" and "from North Korea" are relative to, see qualifiers.py).
ENTITY_REFERENCES = ("body", "target")


def _check_attributes(loaded: LoadedFile, index: int, attributes: dict[str, object]) -> None:
    """The attributes factcheck itself reads must have the right type; others are free-form."""
    checks = {
        "adopted_on": ("a date like 2017-12-22", dt.date.fromisoformat),
        "members": ("a whole number", int),
    }
    for name, (expected, convert) in checks.items():
        if name not in attributes:
            continue
        try:
            convert(str(attributes[name]))
        except ValueError:
            path = ("entities", index, "attributes", name)
            loaded.problem(
                INVALID_CLAIM_FILE,
                f"attributes.{name}: expected {expected}, found '{attributes[name]}'",
                path,
                loaded.doc.position(path) if loaded.doc else None,
            )
