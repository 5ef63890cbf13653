"""The lint pipeline, one stage after another (DESIGN.md §8): files → models → assertions → findings."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from .assertions import Assertion
from .config import ConfigError, Settings, find_settings
from .corpus import Corpus, discover, load_corpus
from .findings import Finding
from . import engine
from .context import RuleContext
from .engine import Selection
from .normalize import Normalizer
from .suppression import collect
from .ruleset import RuleSet, default_rules_dir, load_ruleset

@dataclass(frozen=True)
class LintOptions:
    paths: tuple[Path, ...] = ()
    entities: tuple[Path, ...] = ()
    predicates: tuple[Path, ...] = ()
    rules: tuple[Path, ...] = ()
    select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()


@dataclass
class LintResult:
    findings: list[Finding]
    corpus: Corpus
    ruleset: RuleSet
    assertions: list[Assertion] = field(default_factory=list)

    def lines(self, display_path: str) -> list[str]:
        """The lines of a linted file, for code frames."""
        for loaded in self.corpus.files:
            if loaded.display == display_path:
                return loaded.lines
        return []


def rule_dirs(settings: Settings, extra: tuple[Path, ...]) -> list[Path]:
    """The project's rules/ (or the packaged default), then configured and --rules directories."""
    configured = settings.paths("rules")
    project = settings.root / "rules"
    base = configured or ([project] if project.is_dir() else [default_rules_dir()])
    return [*base, *extra]


def corpus_paths(settings: Settings, given: tuple[Path, ...], cwd: Path) -> list[Path]:
    if given:
        return list(given)
    configured = settings.paths("claims")
    if configured:
        return configured
    default = settings.root / "claims"
    return [default if default.is_dir() else cwd]


def run_lint(options: LintOptions, cwd: Path | None = None) -> LintResult:
    cwd = (cwd or Path.cwd()).resolve()
    settings = find_settings(cwd)
    ruleset = load_ruleset(rule_dirs(settings, options.rules), [*settings.paths("predicates"), *options.predicates])
    missing = [str(p) for p in options.paths if not p.exists() and not p.is_symlink()]
    if missing:
        raise ConfigError([f"{p}: no such file or directory" for p in missing])
    files = discover(corpus_paths(settings, options.paths, cwd))
    corpus = load_corpus(files, [*settings.paths("entities"), *options.entities], cwd, settings.root)
    normalizer = Normalizer(corpus.entities, ruleset, settings.root)
    assertions = [a for loaded in corpus.files for a in normalizer.file(loaded)]
    context = RuleContext(assertions, ruleset.predicates, corpus.entities, settings.root, suppressions=collect(corpus.files))
    load_findings = [finding for loaded in corpus.files for finding in loaded.findings]
    findings = engine.run(ruleset, context, load_findings, Selection(options.select, options.ignore))
    return LintResult(findings, corpus, ruleset, assertions)
