"""The rule types (`check:` in a rule file), in one explicit table.

A rule type is code: what to look for. A rule instance in `rules/*.yaml` is data: its code, name,
severity and parameters. The engine stamps code, name and severity on what a type yields.

Load checks find problems while files are read and normalized (FC001-FC006); they have no
generator of their own, but they are rule types like any other so that rule files can name them,
select them and set their severity.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True)
class CheckType:
    """What a rule type is and which params it accepts (name -> (python type, default))."""

    name: str
    stage: str  # "load": reported by the loader/normalizer
    description: str
    params: dict[str, tuple[type, Any]] = field(default_factory=dict)


CHECKS: dict[str, CheckType] = {
    check.name: check
    for check in (
        CheckType("invalid_yaml", "load", "The file cannot be read as YAML: syntax errors, bad encoding, NUL bytes, unreadable files."),
        CheckType("invalid_claim_file", "load", "The file's structure is wrong: a missing or unknown field, a wrong type, an anchor, alias or tag."),
        CheckType("duplicate_id", "load", "A source id repeats in the corpus, a claim id in a file, an entity id in the registry, or a mapping key repeats."),
        CheckType("unknown_predicate", "load", "A claim's predicate is not in the predicate registry."),
        CheckType("unresolved_entity", "load", "A subject, speaker, outlet or measure target names no entity, or several."),
        CheckType("invalid_value", "load", "A claim's value does not parse for its predicate's type."),
    )
}
