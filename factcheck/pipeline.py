"""The lint pipeline, one stage after another (docs/design.md §8): files → models → assertions → findings."""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from fnmatch import fnmatch
from pathlib import Path
from typing import Any

from .assertions import Assertion
from .progress import Progress
from .bucket_index import BucketIndex
from .config import ConfigError, Settings, find_settings
from .cache import DIRECTORY_NAME as CACHE_DIRECTORY_NAME
from .cache import environment_directory as environment_cache_directory
from .cache import inside_project
from .corpus import Corpus, StageOptions, discover, load_corpus, load_meeting
from . import meetings
from .filestage import default_jobs, gc_paused
from .documents import DocumentStore
from .fileread import DEFAULT_MAX_FILE_SIZE, read_or_none
from . import engine, selector
from .load_checks import ALWAYS_REPORTED
from .context import RuleContext
from .engine import Selection
from .findings import SEVERITY_RANK, Finding
from .relevance import relevant
from .ruleset import RuleSet, default_rules_dir, load_ruleset
from .scope import Given, Scope, citing, classify, scope
from .suppression import collect


@dataclass(frozen=True)
class LintOptions:
    paths: tuple[Path, ...] = ()
    entities: tuple[Path, ...] = ()
    predicates: tuple[Path, ...] = ()
    rules: tuple[Path, ...] = ()
    select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    cache: bool = True
    cache_dir: Path | None = None  # default: FACTCHECK_CACHE_DIR, else .factcheck_cache at the project root
    jobs: int | None = None  # processes for the per-file stage; None: one per core
    max_file_size: int | None = None  # bytes; None: the configured max-file-size, else DEFAULT_MAX_FILE_SIZE
    progress: bool = False  # a bar on standard error once the run lasts (progress.py); the CLI decides


@dataclass
class LintResult:
    findings: list[Finding]
    corpus: Corpus
    ruleset: RuleSet
    assertions: list[Assertion] = field(default_factory=list)
    settings: Settings | None = None
    silenced: list[Finding] = field(default_factory=list)  # findings that suppressions hid
    notes: list[str] = field(default_factory=list)  # given paths with nothing to check, and why
    focus: set[str] | None = None  # display paths of the files the findings are about when paths narrowed the run
    _lines: dict[str, list[str]] = field(default_factory=dict, repr=False)

    def failing(self, fail_on: str | None = None) -> bool:
        """Whether a finding is at least as severe as `fail_on` (error, warning or info; by default the
        configuration's `fail-on`, else error): what makes `factcheck lint` exit 1."""
        threshold = SEVERITY_RANK[fail_on or (self.settings.config.fail_on if self.settings else None) or "error"]
        return any(SEVERITY_RANK.get(f.severity, 0) >= threshold for f in self.findings)

    def to_json(self) -> list[dict[str, Any]]:
        """The findings as the JSON contract's objects (docs/design.md §6), in report order."""
        return [finding.to_json() for finding in self.findings]

    def lines(self, display_path: str) -> list[str]:
        """The lines of a linted file, for code frames: read again when asked, since a large
        corpus is not kept in memory as text."""
        if display_path not in self._lines:
            loaded = next((f for f in self.corpus.files if f.display == display_path), None)
            root = self.settings.root if self.settings else None
            self._lines[display_path] = _read_lines(loaded.path, root) if loaded else []
        return self._lines[display_path]


def _read_lines(path: Path, root: Path | None) -> list[str]:
    data = read_or_none(path, root=root)  # never blocks on a FIFO; a file over the size limit has no code frame
    return [] if data is None else data.decode("utf-8-sig", errors="replace").splitlines()


def rule_dirs(settings: Settings, extra: tuple[Path, ...]) -> list[Path]:
    """The project's rules/ (or the packaged default), then configured and --rules directories."""
    configured = settings.paths("rules")
    project = settings.root / "rules"
    base = configured or ([project] if project.is_dir() else [default_rules_dir()])
    return [*base, *extra]


def default_corpus(settings: Settings, cwd: Path) -> list[Path]:
    configured = settings.paths("claims")
    if configured:
        return configured
    default = settings.root / "claims"
    return [default if default.is_dir() else cwd]


def run_lint(options: LintOptions, cwd: Path | None = None) -> LintResult:
    cwd = (cwd or Path.cwd()).resolve()
    settings, ruleset, given, stage = _prepare(options, cwd)
    try:
        with gc_paused():
            where, corpus, notes = _scoped_corpus(options, settings, given, stage, cwd)
            result = _run_rules(options, settings, ruleset, where, corpus, stage)
    finally:
        stage.progress.close()
    result.notes = notes
    return result


def load_assertions(options: LintOptions, cwd: Path | None = None) -> list[Assertion]:
    """The normalized assertions of the claim files the options name, as `run_lint` would give the
    rules, without running them: the ones of the given files when some are given, else the corpus's."""
    cwd = (cwd or Path.cwd()).resolve()
    settings, _, given, stage = _prepare(options, cwd)
    try:
        with gc_paused():
            where, corpus, _ = _scoped_corpus(options, settings, given, stage, cwd)
    finally:
        stage.progress.close()
    wanted = where.report_only
    return [a for loaded in corpus.files if wanted is None or loaded.path.resolve() in wanted for a in loaded.assertions]


def _prepare(options: LintOptions, cwd: Path) -> tuple[Settings, RuleSet, Given, StageOptions]:
    """Configuration, rule set and what the paths mean: any defect is a ConfigError before a file is read."""
    settings = find_settings(cwd)
    directories = rule_dirs(settings, options.rules)
    ruleset = load_ruleset(directories, [*settings.paths("predicates"), *options.predicates])
    apply_severity_overrides(ruleset, settings)
    missing = [str(p) for p in options.paths if not p.exists() and not p.is_symlink()]
    if missing:
        raise ConfigError([f"{p}: no such file or directory" for p in missing])
    given = classify(options.paths, directories, cwd)
    cache_dir = cache_directory(options, settings) if options.cache else None
    limit = options.max_file_size or settings.config.max_file_size or DEFAULT_MAX_FILE_SIZE
    stage = StageOptions(ruleset, cache_dir, options.jobs or default_jobs(), limit, Progress(show=options.progress))
    return settings, ruleset, given, stage


def _scoped_corpus(options: LintOptions, settings: Settings, given: Given, stage: StageOptions, cwd: Path) -> tuple[Scope, Corpus, list[str]]:
    """What to report, and the corpus loaded for it. Only the loaded corpus tells which claim files
    cite a given document, so then the corpus is loaded first (and kept, when that is the scope).
    Given claim files of the corpus, only what can meet them is loaded, when the cache allows it
    (corpus.load_meeting); a run that loads the whole corpus records what that needs next time."""
    whole = default_corpus(settings, cwd)
    entities = [*settings.paths("entities"), *options.entities]

    def load(paths: list[Path]) -> Corpus:
        corpus = load_corpus(discover(paths), entities, cwd, settings.root, stage)
        if stage.cache_dir is not None and corpus.salt is not None:
            meetings.record(corpus.files, corpus.salt, stage.cache_dir, stage.ruleset.files, cwd, settings.root)
        return corpus

    first = load(whole) if given.documents else None
    cited = citing(first.claim_files if first is not None else (), given.documents)
    where = scope(given, whole, cited.citers)
    corpus = first if first is not None and where.load == whole else None
    if corpus is None and where.report_only is not None and where.load == whole:
        corpus = load_meeting(discover(whole), where.report_only, entities, cwd, settings.root, stage)
    return where, corpus if corpus is not None else load(where.load), cited.notes


def cache_directory(options: LintOptions, settings: Settings) -> Path | None:
    """--cache-dir, else $FACTCHECK_CACHE_DIR (the user's choices, used as given), else the configured
    cache-dir, else .factcheck_cache at the root (the repository's, kept inside it); None: no cache."""
    chosen = options.cache_dir or environment_cache_directory()
    if chosen is not None:
        return chosen
    return inside_project(settings.path("cache_dir") or settings.root / CACHE_DIRECTORY_NAME, settings.root)


def _run_rules(options: LintOptions, settings: Settings, ruleset: RuleSet, where: Scope, corpus: Corpus, stage: StageOptions) -> LintResult:
    assertions = [a for loaded in corpus.files for a in loaded.assertions]
    narrowed = where.report_only is not None and not any(f.kind == "entities" and f.path.resolve() in where.report_only for f in corpus.files)
    checked, sources, focus = assertions, None, None
    if narrowed:  # only findings about the given files are reported: check only what can meet them
        assert where.report_only is not None
        focus = _displays(corpus, where.report_only)
        checked = relevant(assertions, focus)
        # Every source with a claim, also of a file loaded only in part (its other claims count).
        sources = {f.source_info.id: f.source_info for f in corpus.files if f.source_info is not None and (f.assertions or f.partial_of)}
    # Indexed once, before any rule runs, over exactly what the rules check (the narrowed part, if so).
    index = BucketIndex(checked)
    context = RuleContext(
        checked, ruleset.predicates, corpus.entities, settings.root, suppressions=collect(corpus.files), sources=sources, focus=focus,
        index=index, documents=DocumentStore(stage.max_file_size),
    )
    load_findings = [finding for loaded in corpus.files for finding in loaded.findings]
    selection = Selection(options.select or tuple(settings.config.select or ()), options.ignore or tuple(settings.config.ignore or ()))
    findings = engine.run(ruleset, context, load_findings, selection, stage.progress)
    findings = _per_file_ignores(findings, corpus, settings, ruleset)
    if narrowed:
        assert where.report_only is not None
        findings = _touching(findings, corpus, where.report_only)
    return LintResult(findings, corpus, ruleset, assertions, settings, silenced=context.silenced, focus=focus)


def apply_severity_overrides(ruleset: RuleSet, settings: Settings) -> None:
    """`severity = {FC2 = "info", unsupported = "warning"}`: keys name rules as selector.py reads
    them, and the most specific key that names a rule sets its severity; a key that names no rule
    is a configuration error."""
    table = settings.config.severity
    errors = [f"{settings.config_file}: [tool.factcheck] severity: no rule '{key}' (use a code like FC201, a name like unsupported or a prefix like FC2)"
              for key in table if not any(selector.names(key, rule) for rule in ruleset.rules.values())]
    if errors:
        raise ConfigError(errors)
    for code, rule in list(ruleset.rules.items()):
        severity = selector.setting_for(rule, table)
        if severity is not None:
            ruleset.rules[code] = replace(rule, severity=severity)


def _per_file_ignores(findings: list[Finding], corpus: Corpus, settings: Settings, ruleset: RuleSet) -> list[Finding]:
    """`per-file-ignores = {"claims/opinion-*.yaml" = ["unsupported"]}`: globs relative to the project root."""
    table = settings.config.per_file_ignores
    if not table:
        return findings
    ident = {loaded.display: loaded.ident for loaded in corpus.files}
    kept = []
    for finding in findings:
        path = ident.get(finding.location.path, finding.location.path)
        entries = [e for pattern, codes in table.items() if fnmatch(path, pattern) or path.startswith(pattern.rstrip("/") + "/") for e in codes]
        rule = ruleset.rules.get(finding.code)
        silenced = rule is not None and finding.check not in ALWAYS_REPORTED and any(selector.names(e, rule) for e in entries)
        if not silenced:
            kept.append(finding)
    return kept


def _displays(corpus: Corpus, files: frozenset[Path]) -> set[str]:
    return {loaded.display for loaded in corpus.files if loaded.path.resolve() in files}


def _touching(findings: list[Finding], corpus: Corpus, files: frozenset[Path]) -> list[Finding]:
    """Findings located in, or related to, one of the given files."""
    wanted = _displays(corpus, files)
    return [f for f in findings if f.location.path in wanted or any(r.path in wanted for r in f.related)]
