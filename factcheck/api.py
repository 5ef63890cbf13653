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

import os
from collections.abc import Iterable
from pathlib import Path

from . import baseline as baselines
from .assertions import Assertion
from .pipeline import LintOptions, LintResult, load_assertions, run_lint

PathLike = str | os.PathLike[str]

__all__ = ["LintResult", "lint", "load"]


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
        select=tuple(select), ignore=tuple(ignore), cache=cache, cache_dir=None if cache_dir is None else Path(cache_dir),
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
        cache=cache, cache_dir=None if cache_dir is None else Path(cache_dir), jobs=jobs, max_file_size=max_file_size,
    )
    return load_assertions(options, None if cwd is None else Path(cwd))


def _paths(paths: Iterable[PathLike], cwd: PathLike | None) -> tuple[Path, ...]:
    """Paths as given, relative ones read from `cwd` when it is given (as a command run there would)."""
    given = [paths] if isinstance(paths, (str, os.PathLike)) else list(paths)  # one path on its own, not its characters
    return tuple(Path(path) if cwd is None else Path(cwd) / path for path in given)
