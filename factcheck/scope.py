"""What `factcheck lint PATH ...` loads and which findings it reports: the pre-commit path.

pre-commit passes only the staged files, but cross-source rules need the whole corpus. Each given
path counts for what it is (`classify`):

- a claim file or registry of the corpus: the corpus is loaded and only findings located in, or
  related to, the given files are reported (for a registry, everything: it changes how every file reads);
- a rule file, or a configuration file that settings can be read from (`pyproject.toml` or
  `factcheck.toml` in the working directory or above it): the configuration changed, so everything
  is reported;
- a source document, which is any other file that is not YAML (claim files are `.yaml`/`.yml`, as
  discovery picks them): it is never read as a claim file. The claim files whose `source.document`
  names it stand for it, since an edit to an article can break their evidence (FC203); a document
  no claim file cites has nothing to check;
- anything else (a directory, a YAML file outside the corpus): exactly those paths are loaded and
  everything about them is reported.

Which claim files cite a document only the loaded corpus can tell, so `citing` runs on it.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from .config import CONFIG_FILES
from .corpus import YAML_SUFFIXES
from .fileread import real_path
from .loader import LoadedFile
from .normalize import document_target


@dataclass(frozen=True)
class Given:
    """The paths of the command line, by what they are."""

    claims: tuple[Path, ...] = ()  # claim files, registries, directories: read as such
    documents: tuple[Path, ...] = ()  # source documents: the claim files citing them are linted
    configuration: bool = False  # a rule or configuration file is among them: everything is reported

    @property
    def anything(self) -> bool:
        return bool(self.claims or self.documents or self.configuration)


def classify(paths: Sequence[Path], rule_directories: Sequence[Path], cwd: Path) -> Given:
    """Sort the given paths; nothing is read (only whether each is a file)."""
    rules = [real_path(d) for d in rule_directories]
    claims: list[Path] = []
    documents: list[Path] = []
    configuration = False
    for path in paths:
        real = real_path(path)
        if real.is_file() and (any(real.is_relative_to(d) for d in rules) or _settings_file(real, cwd)):
            configuration = True
        elif real.is_file() and not path.name.endswith(YAML_SUFFIXES):
            documents.append(path)
        else:
            claims.append(path)
    return Given(tuple(claims), tuple(documents), configuration)


def _settings_file(path: Path, cwd: Path) -> bool:
    """A file config.find_settings reads, or would once it holds a [tool.factcheck] table."""
    return path.name in CONFIG_FILES and cwd.is_relative_to(path.parent)


@dataclass(frozen=True)
class Citations:
    """The claim files citing the given documents, and the documents no claim file cites."""

    citers: tuple[Path, ...] = ()
    uncited: tuple[Path, ...] = ()

    @property
    def notes(self) -> list[str]:
        return [
            f"{path}: not a claim file (.yaml, .yml), and no claim file of the corpus names it as its source.document; nothing to check"
            for path in self.uncited
        ]


def citing(claim_files: Iterable[LoadedFile], documents: Sequence[Path]) -> Citations:
    """The claim files whose `source.document` is one of `documents` (symlinks followed on both sides).

    A document that cannot be used (too large, outside the project root) still counts: its claim
    files carry the finding that says why."""
    if not documents:
        return Citations()
    by_document: dict[Path, list[Path]] = {}
    for loaded in claim_files:
        target = document_target(loaded)
        if target is not None:
            by_document.setdefault(target, []).append(loaded.path)
    citers: list[Path] = []
    uncited: list[Path] = []
    for document in documents:
        found = by_document.get(real_path(document))
        if found:
            citers.extend(found)
        else:
            uncited.append(document)
    return Citations(tuple(dict.fromkeys(citers)), tuple(uncited))


@dataclass(frozen=True)
class Scope:
    """What to load and what to report."""

    load: list[Path]
    report_only: frozenset[Path] | None = None  # resolved files; None: report everything


def scope(given: Given, corpus: list[Path], citers: Sequence[Path] = ()) -> Scope:
    """The corpus, narrowed to the given claim files and the citers of the given documents when all
    of them are files of the corpus; else exactly those files (never a document or configuration
    file: they are not claim files)."""
    if not given.anything:
        return Scope(corpus)
    claims = list(dict.fromkeys([*given.claims, *citers]))
    resolved = [real_path(p) for p in claims]
    roots = [real_path(c) for c in corpus]
    if all(p.is_file() and any(p.is_relative_to(c) for c in roots) for p in resolved):
        return Scope(corpus, None if given.configuration else frozenset(resolved))
    return Scope(claims)
