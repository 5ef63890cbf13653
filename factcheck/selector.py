"""Which rules an entry names, and which entry decides: one matcher for every place a user names rules.

`--select`/`--ignore`, `select`/`ignore` in the configuration, per-rule `severity`,
`per-file-ignores`, a claim's `ignore:` list and `# factcheck: ignore[...]` comments all go
through here, so an entry means the same everywhere (docs/design.md §5).

An entry names a rule by its code, its name, one of its aliases (the codes and names it had before
a project renumbered or renamed it, `aliases:` in its rule file), or a code prefix such as `FC2` or
`FC`; case does not matter. When several entries name a rule, the most specific decides, as in
flake8's decision engine: a whole code, name or alias beats any prefix, and a longer prefix beats
a shorter one. Between a select and an ignore list, the more specific entry wins, and an ignore
wins a tie; with no select list every rule is selected implicitly, which any ignore entry beats.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Protocol, TypeVar

WHOLE = 1_000  # the specificity of a whole code, name or alias: more than any prefix can have
V = TypeVar("V")


class Named(Protocol):
    """What the selector needs of a rule."""

    @property
    def code(self) -> str: ...

    @property
    def name(self) -> str: ...

    @property
    def aliases(self) -> tuple[str, ...]: ...


@dataclass(frozen=True)
class RuleNames:
    """A rule as findings know it (code and name) with the aliases its rule file gives."""

    code: str
    name: str
    aliases: tuple[str, ...] = ()


def specificity(entry: str, rule: Named) -> int | None:
    """How specifically `entry` names `rule`; None when it does not name it at all."""
    entry = entry.strip()
    if not entry:
        return None
    folded = entry.casefold()
    if folded in (rule.code.casefold(), rule.name.casefold()) or any(folded == alias.casefold() for alias in rule.aliases):
        return WHOLE
    if rule.code.casefold().startswith(folded):
        return len(entry)
    return None


def most_specific(entries: Iterable[str], rule: Named) -> int | None:
    """The highest specificity among the entries that name the rule; None when none does."""
    found = [s for s in (specificity(entry, rule) for entry in entries) if s is not None]
    return max(found, default=None)


def names(entry: str, rule: Named) -> bool:
    return specificity(entry, rule) is not None


def selected(rule: Named, select: Iterable[str] = (), ignore: Iterable[str] = ()) -> bool:
    """flake8's decision: explicit beats implicit, the most specific entry wins, ignore wins a tie."""
    select = tuple(select)
    chosen = most_specific(select, rule) if select else 0  # no select list: every rule, implicitly
    if chosen is None:
        return False
    dropped = most_specific(ignore, rule)
    return dropped is None or chosen > dropped


def setting_for(rule: Named, table: Mapping[str, V]) -> V | None:
    """The value of the most specific key of `table` that names the rule (per-rule severity)."""
    best: tuple[int, str] | None = None
    for key in table:  # in the table's order: of two equally specific keys, the later wins
        s = specificity(key, rule)
        if s is not None and (best is None or s >= best[0]):
            best = (s, key)
    return table[best[1]] if best is not None else None
