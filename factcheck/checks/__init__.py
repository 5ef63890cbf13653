"""The rule types (`check:` in a rule file), in one explicit table.

A rule type is code: what to look for. A rule instance in `rules/*.yaml` is data: its code, name,
severity and parameters. The engine stamps code, name and severity on what a type yields; a type
never sets them itself.

Load checks (factcheck/load_checks.py) find problems while files are read and normalized; they have
no generator of their own, but they are rule types like any other so that rule files can name them,
number them, select them and set their severity.
"""

from __future__ import annotations

from ..load_checks import DUPLICATE_ID, INVALID_CLAIM_FILE, INVALID_VALUE, INVALID_YAML, UNKNOWN_PREDICATE, UNRESOLVED_ENTITY
from . import (
    claimant_disagreement,
    contradicts_primary,
    event_after_publication,
    evidence_not_found,
    misattributed_quote,
    quote_drift,
    scope_mismatch,
    unattributed_quote,
    unsupported,
    unused_suppression,
    value_conflict,
)
from .base import CheckType

LOAD_CHECKS = (
    CheckType(INVALID_YAML, "The file cannot be read as YAML: syntax errors, bad encoding, NUL bytes, unreadable files.", summary="the file is not valid YAML, not UTF-8, contains NUL bytes, or cannot be read (cannot be suppressed or deselected)"),
    CheckType(INVALID_CLAIM_FILE, "The file's structure is wrong: a missing or unknown field, a wrong type, an anchor, alias or tag.", summary="missing or unknown field (with \"did you mean\"), wrong type, bad id, anchor, alias or tag, an empty file, a `document` that is missing or outside the project"),
    CheckType(DUPLICATE_ID, "A source id repeats in the corpus, a claim id in a file, an entity id in the registry, or a mapping key repeats.", summary="a source id repeats in the corpus, a claim id in a file, an entity id in the registry, or a mapping key repeats"),
    CheckType(UNKNOWN_PREDICATE, "A claim's predicate is not in the predicate registry.", summary="the predicate is not in the registry (with suggestions)"),
    CheckType(UNRESOLVED_ENTITY, "A subject, speaker, outlet or measure target names no entity, or several.", summary="a subject, speaker, outlet or measure target names no entity, or several (with suggestions)"),
    CheckType(INVALID_VALUE, "A claim's value does not parse for its predicate's type.", summary="the value does not parse for its predicate's type, with what was expected"),
)

CORPUS_CHECKS = tuple(
    module.CHECK
    for module in (
        value_conflict,
        claimant_disagreement,
        scope_mismatch,
        quote_drift,
        misattributed_quote,
        contradicts_primary,
        unsupported,
        unattributed_quote,
        evidence_not_found,
        event_after_publication,
        unused_suppression,
    )
)

CHECKS: dict[str, CheckType] = {check.name: check for check in (*LOAD_CHECKS, *CORPUS_CHECKS)}

__all__ = ["CHECKS", "CheckType"]
