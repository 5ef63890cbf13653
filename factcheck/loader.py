"""Read one corpus file into validated models, turning every structural defect into a finding.

A broken claim does not hide the others: the source block and each claim validate on their own, so
one typo costs one claim, not the file.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .fileread import DEFAULT_MAX_FILE_SIZE, UnreadableFile, read_bytes
from .findings import Finding, Location
from .load_checks import DUPLICATE_ID, INVALID_CLAIM_FILE, INVALID_YAML
from .models import ClaimModel, EntityModel, SourceModel
from .validation import Problem, describe, did_you_mean, validate
from .yamlload import KeyPath, Position, YamlDocument, YamlProblem, decode, load_yaml

CLAIM_FILE_KEYS = ("source", "claims")
REGISTRY_KEY = "entities"


@dataclass(frozen=True)
class ClaimEntry:
    index: int
    model: ClaimModel


@dataclass
class LoadedFile:
    path: Path
    display: str  # relative to the working directory, forward slashes: what users see
    ident: str  # relative to the project root: what fingerprints hash
    lines: list[str] = field(default_factory=list)
    doc: YamlDocument | None = None
    kind: str = "broken"  # claims | entities | broken
    source: SourceModel | None = None
    claims: list[ClaimEntry] = field(default_factory=list)
    entities: list[tuple[int, EntityModel]] = field(default_factory=list)
    findings: list[Finding] = field(default_factory=list)
    # Filled by the per-file stage (factcheck/filestage.py), which then releases the node tree,
    # the lines and the claim models: a large corpus keeps only what the rules read.
    assertions: list[Any] = field(default_factory=list)
    suppressions: list[Any] = field(default_factory=list)
    source_info: Any = None  # the SourceInfo its assertions share
    source_id_position: Position | None = None
    # Set by the per-file stage in the running process, never cached: the stat signature and cache
    # key the file was read under (meetings.py records them).
    read_as: tuple[tuple[int, int, int, int], bytes] | None = None
    # Set on a file loaded in part (meetings.partial_file): how many assertions the whole file has.
    partial_of: int | None = None

    def release(self) -> None:
        """Drop what only the per-file stage needs; positions were resolved into locations by then."""
        if self.doc is not None and self.source is not None:
            self.source_id_position = self.doc.position(("source", "id"))
        self.doc = None
        self.lines = []
        self.claims = []

    @property
    def source_id(self) -> str | None:
        return self.source.id if self.source else None

    def location(self, path: KeyPath, *, key: bool = False, claim: str | None = None) -> Location:
        position = self.doc.position(path, key=key) if self.doc else Position(1, 1)
        return self.at(position, claim)

    def at(self, position: Position, claim: str | None = None) -> Location:
        return Location(self.display, position.line, position.column, self.source_id, claim)

    def key_name(self, path: KeyPath) -> str:
        """A key path that names claims by id rather than index, so fingerprints survive reordering."""
        parts: list[str] = []
        for i, step in enumerate(path):
            if isinstance(step, int) and i > 0 and path[i - 1] == "claims":
                claim_id = self._claim_id_at(step)
                parts.append(f"[{claim_id}]" if claim_id else f"[{step}]")
            elif isinstance(step, int):
                parts.append(f"[{step}]")
            else:
                parts.append(("." if parts else "") + step)
        return "".join(parts)

    def _claim_id_at(self, index: int) -> str | None:
        claims = self.doc.data.get("claims") if self.doc and isinstance(self.doc.data, dict) else None
        if isinstance(claims, list) and index < len(claims) and isinstance(claims[index], dict):
            claim_id = claims[index].get("id")
            return claim_id if isinstance(claim_id, str) else None
        return None

    def problem(
        self, check: str, message: str, path: KeyPath, position: Position | None, claim: str | None = None, detail: str | None = None
    ) -> None:
        """Record a finding of a load check (load_checks.py); the engine stamps the rule's code, name
        and severity. `detail` (default: the message's first clause) joins the fingerprint."""
        position = position or Position(1, 1)
        detail = detail if detail is not None else message.split(":")[0].split(";")[0]
        identity = (self.ident, self.source_id or "", claim or "", self.key_name(path), detail)
        self.findings.append(Finding("", message, self.at(position, claim), identity=identity, check=check))


def display_path(path: Path, cwd: Path) -> str:
    try:
        text = Path(os.path.relpath(path, cwd)).as_posix()
    except ValueError:  # another drive on Windows
        text = path.as_posix()
    return printable_path(text)


def printable_path(text: str) -> str:
    """A file name that is not UTF-8 (the bytes Python keeps as lone surrogates) with those bytes
    escaped, `claims/bad\\xff.yaml`: every report is UTF-8, and fingerprints hash the path."""
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return os.fsencode(text).decode("utf-8", "backslashreplace")
    return text


def load_file(path: Path, cwd: Path, root: Path, data: bytes | None = None, limit: int | None = DEFAULT_MAX_FILE_SIZE) -> LoadedFile:
    """`data` is the file's bytes when the caller has read them already (to hash them for the cache);
    `limit` is max-file-size: a larger file is one finding and is never read."""
    loaded = LoadedFile(path, display_path(path, cwd), display_path(path, root))
    text = _read_text(loaded, data, limit, root)
    if text is None:
        return loaded
    loaded.lines = text.splitlines()
    doc = load_yaml(text)
    loaded.doc = doc
    for issue in doc.problems:
        _report_yaml(loaded, issue)
    if (doc.root is None or getattr(doc.root, "value", None) == "") and not doc.problems:  # '' or '---' alone
        loaded.problem(
            INVALID_CLAIM_FILE,
            "file is empty: expected a mapping with 'source' and 'claims' (or 'entities' for a registry)",
            (),
            Position(1, 1),
        )
        return loaded
    if doc.data is None and doc.problems:  # the root itself was refused (a tag, a long value)
        return loaded
    if not isinstance(doc.data, dict):
        loaded.problem(
            INVALID_CLAIM_FILE,
            f"top level: expected a mapping with 'source' and 'claims', found {describe(doc.data)}",
            (),
            doc.position(()),
        )
        return loaded
    if REGISTRY_KEY in doc.data:
        _load_entities(loaded, doc)
    else:
        _load_claims(loaded, doc)
    return loaded


def _read_text(loaded: LoadedFile, data: bytes | None = None, limit: int | None = DEFAULT_MAX_FILE_SIZE, root: Path | None = None) -> str | None:
    try:
        data = read_bytes(loaded.path, limit, root) if data is None else data
    except UnreadableFile as err:
        loaded.problem(INVALID_YAML, f"cannot read file: {err.reason}", (), Position(1, 1))
        return None
    text, issue = decode(data)
    if issue:
        _report_yaml(loaded, issue)
        loaded.lines = data.decode("utf-8", errors="replace").splitlines()  # for the code frame only
    return text


def _report_yaml(loaded: LoadedFile, issue: YamlProblem) -> None:
    loaded.problem(issue.check, issue.message, issue.key_path, issue.position)


def _report(loaded: LoadedFile, problems: list[Problem], claim: str | None = None) -> None:
    for problem in problems:
        if loaded.doc and loaded.doc.is_masked(problem.path):
            continue
        loaded.problem(problem.check, problem.message, problem.path, problem.position, claim)


def _unknown_top_keys(loaded: LoadedFile, doc: YamlDocument, allowed: tuple[str, ...]) -> set[str]:
    """Report unknown top-level keys; return the allowed keys they were probably meant to be."""
    meant: set[str] = set()
    for key in doc.data:
        if key not in allowed:
            guess = did_you_mean(key, allowed, cutoff=70)
            if guess and guess not in doc.data:
                meant.add(guess)
            hint = f"; did you mean '{guess}'?" if guess else f"; expected {' and '.join(repr(k) for k in allowed)}"
            loaded.problem(INVALID_CLAIM_FILE, f"unknown top-level field '{key}'{hint}", (key,), doc.position((key,), key=True))
    return meant


def _load_claims(loaded: LoadedFile, doc: YamlDocument) -> None:
    data: dict[str, Any] = doc.data
    meant = _unknown_top_keys(loaded, doc, CLAIM_FILE_KEYS)
    if "source" in meant or "claims" in meant:
        loaded.kind = "claims"
        return  # the misspelt key is the one defect; its content is not checked under a wrong name
    if "source" not in data:
        loaded.problem(INVALID_CLAIM_FILE, "missing required field 'source' (the block that says who published this)", ("source",), Position(1, 1))
    else:
        loaded.source, problems = validate(SourceModel, data["source"], doc, ("source",))
        _report(loaded, problems)
    loaded.kind = "claims"
    claims = data.get("claims")
    if claims is None:
        if "claims" not in data:
            loaded.problem(INVALID_CLAIM_FILE, "missing required field 'claims' (a list of claims, may be empty)", ("claims",), Position(1, 1))
        return
    if not isinstance(claims, list):
        loaded.problem(INVALID_CLAIM_FILE, f"claims: expected a list of claims, found {describe(claims)}", ("claims",), doc.position(("claims",)))
        return
    seen: dict[str, int] = {}
    for index, raw in enumerate(claims):
        path: KeyPath = ("claims", index)
        claim_id = raw.get("id") if isinstance(raw, dict) and isinstance(raw.get("id"), str) else None
        if not isinstance(raw, dict):
            if doc.is_masked(path):
                continue
            loaded.problem(INVALID_CLAIM_FILE, f"claim {index + 1}: expected a mapping, found {describe(raw)}", path, doc.position(path))
            continue
        model, problems = validate(ClaimModel, raw, doc, path)
        _report(loaded, problems, claim_id)
        if model is None:
            continue
        if model.subject is None and model.predicate != "quote":
            loaded.problem(
                INVALID_CLAIM_FILE, "missing required field 'subject' (only quotes may leave it out)", path + ("subject",), doc.position(path), model.id
            )
            continue
        if model.id in seen:
            loaded.problem(
                DUPLICATE_ID,
                f"claim id '{model.id}' is used twice in this file (first at line {seen[model.id]}); claim ids must be unique per file",
                path + ("id",),
                doc.position(path + ("id",)),
                model.id,
            )
            continue
        seen[model.id] = doc.position(path + ("id",)).line
        loaded.claims.append(ClaimEntry(index, model))


def _load_entities(loaded: LoadedFile, doc: YamlDocument) -> None:
    loaded.kind = "entities"
    _unknown_top_keys(loaded, doc, (REGISTRY_KEY,))
    entities = doc.data[REGISTRY_KEY]
    if not isinstance(entities, list):
        loaded.problem(INVALID_CLAIM_FILE, f"entities: expected a list of entities, found {describe(entities)}", (REGISTRY_KEY,), doc.position((REGISTRY_KEY,)))
        return
    for index, raw in enumerate(entities):
        path: KeyPath = (REGISTRY_KEY, index)
        if not isinstance(raw, dict):
            if doc.is_masked(path):
                continue
            loaded.problem(INVALID_CLAIM_FILE, f"entity {index + 1}: expected a mapping, found {describe(raw)}", path, doc.position(path))
            continue
        model, problems = validate(EntityModel, raw, doc, path)
        _report(loaded, problems)
        if model is not None:
            loaded.entities.append((index, model))
