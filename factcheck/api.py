"""The Python API: what the `factcheck lint` command does, as calls a notebook or a script makes.

    >>> import factcheck
    >>> result = factcheck.lint(["claims"])          # doctest: +SKIP
    >>> [(f.code, f.location.path, f.message) for f in result.findings]   # doctest: +SKIP
    >>> claims = factcheck.load(["claims"])          # the normalized assertions, no rules run  # doctest: +SKIP

The command line is a call of these functions (cli.py), so the two cannot drift apart. Paths are
read relative to `cwd` (default: the working directory), and the project's configuration
(`[tool.factcheck]` in pyproject.toml, or factcheck.toml) is found from there, as the command finds it.
A broken configuration, rule file or registry raises ConfigError (its `messages` say where);
broken claim files are findings, never exceptions.
"""

from __future__ import annotations

import datetime as dt
import io
import os
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

from . import baseline as baselines
from .assertions import Assertion
from .config import ConfigError, find_settings
from .pipeline import LintOptions, LintResult, apply_severity_overrides, default_corpus, load_assertions, rule_dirs, run_lint
from .ruleset import RuleSet, load_ruleset

if TYPE_CHECKING:
    from .extract.claims import Draft
    from .fmt import FileResult

PathLike = str | os.PathLike[str]

__all__ = ["Extractor", "LintResult", "UnknownRule", "claim_schema", "draft", "explain_rule", "format_claims", "lint", "load", "rule_set"]


def lint(
    paths: Iterable[PathLike] = (),
    *,
    select: Iterable[str] = (),
    ignore: Iterable[str] = (),
    entities: Iterable[PathLike] = (),
    predicates: Iterable[PathLike] = (),
    rules: Iterable[PathLike] = (),
    baseline: PathLike | None = None,
    cache: bool = True,
    cache_dir: PathLike | None = None,
    jobs: int | None = None,
    max_file_size: int | None = None,
    progress: bool = False,
    cwd: PathLike | None = None,
) -> LintResult:
    """Lint claim files as `factcheck lint PATH ...` does, and return the result.

    `paths` default to the configured corpus. `select`/`ignore` take rule codes, names or prefixes
    (as `--select`/`--ignore`); `entities`, `predicates` and `rules` add registries and rule
    directories; `baseline` hides the findings a baseline file lists (the configured baseline is not
    applied unless named here). `cache`, `cache_dir`, `jobs`, `max_file_size` and `progress` are the
    command's options of the same names.

    The result's `findings` are `Finding` dataclasses in report order (`result.to_json()` gives the
    JSON contract's objects); `result.failing()` is what makes the command exit 1; `result.notes`
    says which given paths had nothing to check, and what a baseline hid.
    """
    options = LintOptions(
        paths=_paths(paths, cwd), entities=_paths(entities, cwd), predicates=_paths(predicates, cwd), rules=_paths(rules, cwd),
        select=tuple(select), ignore=tuple(ignore), cache=cache, cache_dir=None if cache_dir is None else _paths(cache_dir, cwd)[0],
        jobs=jobs, max_file_size=max_file_size, progress=progress,
    )
    result = run_lint(options, None if cwd is None else Path(cwd))
    if baseline is not None:
        apply_baseline(result, _paths(baseline, cwd)[0], shown=baseline)
    return result


def apply_baseline(result: LintResult, path: Path, shown: PathLike | None = None) -> None:
    """Hide the findings the baseline file at `path` lists, and say in `result.notes` how many."""
    outcome = baselines.apply(result.findings, baselines.read(path))
    result.findings = outcome.findings
    result.notes.append(f"baseline {shown if shown is not None else path}: {outcome.matched} known finding(s) hidden, "
                        f"{outcome.gone} entr{'y' if outcome.gone == 1 else 'ies'} no longer occur")


def load(
    paths: Iterable[PathLike] = (),
    *,
    entities: Iterable[PathLike] = (),
    predicates: Iterable[PathLike] = (),
    rules: Iterable[PathLike] = (),
    cache: bool = True,
    cache_dir: PathLike | None = None,
    jobs: int | None = None,
    max_file_size: int | None = None,
    cwd: PathLike | None = None,
) -> list[Assertion]:
    """The normalized assertions of claim files (the given ones, else the configured corpus): what
    the rules compare. Each has its source, claim id, subject, predicate, qualifiers, parsed value,
    said_by, evidence and place; claims that did not normalize are left out (lint reports them)."""
    options = LintOptions(
        paths=_paths(paths, cwd), entities=_paths(entities, cwd), predicates=_paths(predicates, cwd), rules=_paths(rules, cwd),
        cache=cache, cache_dir=None if cache_dir is None else _paths(cache_dir, cwd)[0], jobs=jobs, max_file_size=max_file_size,
    )
    return load_assertions(options, None if cwd is None else Path(cwd))


def _paths(paths: Iterable[PathLike], cwd: PathLike | None) -> tuple[Path, ...]:
    """Paths as given, relative ones read from `cwd` when it is given (as a command run there would)."""
    given = [paths] if isinstance(paths, (str, os.PathLike)) else list(paths)  # one path on its own, not its characters
    return tuple(Path(path) if cwd is None else Path(cwd) / path for path in given)


class UnknownRule(LookupError):
    """`explain_rule` was asked for a rule the rule set does not have; `suggestion` is the nearest code or name."""

    def __init__(self, key: str, suggestion: str | None) -> None:
        hint = f"; did you mean '{suggestion}'?" if suggestion else "; see `factcheck rules`"
        super().__init__(f"no rule '{key}'{hint}")
        self.key, self.suggestion = key, suggestion


def rule_set(rules: Iterable[PathLike] = (), *, cwd: PathLike | None = None) -> RuleSet:
    """The project's rule set as `factcheck rules` lists it: the configured rules directories (else
    ./rules, else the packaged set) plus `rules`, with the configured severities."""
    settings = find_settings(Path(cwd) if cwd is not None else Path.cwd())
    ruleset = load_ruleset(rule_dirs(settings, _paths(rules, cwd)), settings.paths("predicates"))
    apply_severity_overrides(ruleset, settings)
    return ruleset


def explain_rule(rule: str, *, rules: Iterable[PathLike] = (), cwd: PathLike | None = None) -> str:
    """What `factcheck explain RULE` prints: what the rule checks, its parameters, a failing and a
    passing example. `rule` is a code or a name; UnknownRule when the rule set has no such rule."""
    from .explain import explain as write_explanation, find_rule
    from .validation import did_you_mean

    ruleset = rule_set(rules, cwd=cwd)
    found = find_rule(ruleset, rule)
    if found is None:
        known = [r.code for r in ruleset.rules.values()] + [r.name for r in ruleset.rules.values()]
        raise UnknownRule(rule, did_you_mean(rule, known, cutoff=70))
    text = io.StringIO()
    write_explanation(found, text)
    return text.getvalue()


def claim_schema(kind: str = "claims") -> dict[str, Any]:
    """The JSON Schema of claim files (`kind="claims"`) or entity registries (`"entities"`)."""
    from .schema import json_schema

    return json_schema(kind)


def format_claims(paths: Iterable[PathLike] = (), *, write: bool = False, cwd: PathLike | None = None) -> Iterator[FileResult]:
    """Format claim files and registries canonically, keeping comments, as `factcheck fmt` does:
    one FileResult per YAML file under `paths` (default: the configured corpus), in path order, with
    the bytes before and after (`diff()` gives the patch). Nothing is written unless `write`; then
    each changed file is replaced atomically when the iterator reaches it, and one that cannot be
    written comes back as status "unwritable". Missing paths raise ConfigError at once."""
    from .fmt import format_files, rule_codes

    where = (Path(cwd) if cwd is not None else Path.cwd()).resolve()
    settings = find_settings(where)
    given = _paths(paths, cwd)
    missing = [str(p) for p in given if not p.exists() and not p.is_symlink()]
    if missing:
        raise ConfigError([f"{p}: no such file or directory" for p in missing])
    return format_files(list(given) or default_corpus(settings, where), cwd=where, root=settings.root, codes=rule_codes(settings), write=write)


def draft(article: PathLike | bytes, *, entities: Iterable[PathLike] = (), cwd: PathLike | None = None, **source: Any) -> Draft:
    """A draft claim file from one article (a path, or the article's bytes): Extractor(...).draft()."""
    return Extractor(entities=entities, cwd=cwd).draft(article, **source)


class Extractor:
    """Drafts claim files from articles with one project's registries and rule set, read once (the
    `extract` command drafts every article it is given with one)."""

    def __init__(self, *, entities: Iterable[PathLike] = (), cwd: PathLike | None = None) -> None:
        from .extract.command import project_registry, project_ruleset

        self.cwd = (Path(cwd) if cwd is not None else Path.cwd()).resolve()
        settings = find_settings(self.cwd)
        self.ruleset = project_ruleset(settings)
        self.registry = project_registry(settings, list(_paths(entities, cwd)), self.cwd)

    def draft(self, article: PathLike | bytes, *, claim_dir: PathLike | None = None, outlet: str | None = None,
              published: dt.date | None = None, url: str | None = None, source_id: str | None = None, title: str | None = None,
              kind: str | None = None, document: str | None = None, label: str = "the article") -> Draft:
        """Draft one article: claims, its source block and the entities the registry lacks. The
        keyword fields win over what the page says. `document:` is the article's path relative to
        `claim_dir` (where the claim file will live; default the working directory), none for bytes,
        which `label` names in messages. ExtractError when the article has no text or lacks a field
        only these arguments can give; `warnings` of the draft say what was read with difficulty."""
        from .extract.article import read_bytes, read_file
        from .extract.claims import ExtractError, SourceOptions, draft_claims

        if isinstance(article, bytes):
            text, name = read_bytes(article, "<bytes>"), None
        else:
            name = self.cwd / article  # an absolute path stays itself
            text = read_file(name)
        if not text.text.strip():
            raise ExtractError(f"{label if name is None else 'the file'} has no text")
        where = Path(claim_dir) if claim_dir is not None else self.cwd
        if document is None and name is not None:
            document = Path(os.path.relpath(name.resolve(), where.resolve())).as_posix()
        options = SourceOptions(outlet, published, url, source_id, title, kind, document)
        drafted = draft_claims(text, options, self.registry, self.ruleset)
        if text.encoding_problem:
            drafted.warnings.append(text.encoding_problem)
        return drafted
