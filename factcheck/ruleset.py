"""Load the rule set: rule instances, the predicate registry and the action vocabulary.

Everything here is configuration: any defect is a ConfigError (exit 2) naming file, line, column and
what is wrong, because linting with a half-read rule set would silently check less.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass, field
from pathlib import Path
from typing import Annotated, Any, Literal

from pydantic import Field, StringConstraints

from .checks import CHECKS
from .config import ConfigError
from .fileread import UnreadableFile, read_bytes
from .models import ID_PATTERN, ActionModel, PredicateModel, StrictModel
from .registry.predicates import PredicateRegistry
from .validation import did_you_mean, validate
from .values import ActionVocabulary
from .yamlload import decode, load_yaml

class RuleModel(StrictModel):
    code: Annotated[str, StringConstraints(pattern=r"^[A-Z]+[0-9]+$")]
    name: Annotated[str, StringConstraints(pattern=ID_PATTERN)]
    check: str
    severity: Literal["error", "warning", "info"]
    summary: Annotated[str, StringConstraints(min_length=1)] | None = None  # default: the rule type's own
    verdict: Annotated[str, StringConstraints(min_length=1)] | None = None  # a published review's rating; default: the rule type's own
    params: dict[str, Any] = Field(default_factory=dict)
    description: str | None = None
    # Codes and names the rule had before a project renumbered or renamed it: they still select and
    # suppress it (selector.py), so old configuration and ignore entries keep working.
    aliases: list[Annotated[str, StringConstraints(pattern=r"^[A-Za-z0-9][A-Za-z0-9_-]*$")]] = Field(default_factory=list)


@dataclass(frozen=True)
class Rule:
    code: str
    name: str
    check: str
    severity: str
    summary: str
    params: dict[str, Any] = field(default_factory=dict, hash=False, compare=False)
    path: str = ""
    aliases: tuple[str, ...] = ()
    verdict: str = ""  # what a ClaimReview of a claim it fires on rates it; empty: no review


@dataclass
class RuleSet:
    rules: dict[str, Rule] = field(default_factory=dict)  # by code
    predicates: PredicateRegistry = field(default_factory=PredicateRegistry)
    actions: ActionVocabulary = field(default_factory=lambda: ActionVocabulary.from_mapping({}))
    files: list[Path] = field(default_factory=list)

    def by_name(self, name: str) -> Rule | None:
        return next((rule for rule in self.rules.values() if rule.name == name), None)

    def by_check(self, check: str) -> Rule | None:
        """The rule that runs a check (the lowest code, if a rule set has several): how a finding
        that knows only its check, as load findings do, gets its code, name and severity."""
        return min((rule for rule in self.rules.values() if rule.check == check), key=lambda rule: rule.code, default=None)


@functools.lru_cache(maxsize=None)
def default_rule(check: str) -> Rule | None:
    """The packaged rule set's rule for a check: what names a finding that must be reported when a
    project's own rule set has no rule for its check (an unreadable file)."""
    return load_ruleset([default_rules_dir()]).by_check(check)


def default_rules_dir() -> Path:
    """The rule set shipped with factcheck, for projects without a rules/ directory.

    A regular install carries it as package data (factcheck/default_rules, built from rules/); a
    source checkout or editable install reads the repository's rules/ directly.
    """
    package = Path(__file__).resolve().parent
    installed = package / "default_rules"
    return installed if installed.is_dir() else package.parent / "rules"


def load_ruleset(rule_dirs: list[Path], predicate_files: list[Path] = ()) -> RuleSet:
    errors: list[str] = []
    ruleset = RuleSet()
    action_table: dict[str, Any] = {}
    for directory in rule_dirs:
        if not directory.is_dir():
            errors.append(f"{directory}: rules directory not found")
            continue
        codes_here: dict[str, str] = {}
        for path in sorted(directory.glob("*.y*ml")):
            ruleset.files.append(path)
            data, doc = _read(path, errors)
            if data is None:
                continue
            if isinstance(data, dict) and "predicates" in data:
                _load_predicates(path, data, doc, ruleset, errors)
            elif isinstance(data, dict) and "actions" in data:
                _load_actions(path, data, doc, action_table, errors)
            else:
                _load_rule(path, data, doc, ruleset, codes_here, errors)
    for path in predicate_files:
        ruleset.files.append(path)
        data, doc = _read(path, errors)
        if data is not None:
            _load_predicates(path, data, doc, ruleset, errors)
    names: dict[str, str] = {}
    for rule in ruleset.rules.values():
        if rule.name in names and names[rule.name] != rule.code:
            errors.append(f"{rule.path}: rule name '{rule.name}' is used by {names[rule.name]} and {rule.code}")
        names[rule.name] = rule.code
    taken = {word.casefold(): rule.code for rule in ruleset.rules.values() for word in (rule.code, rule.name)}
    for rule in ruleset.rules.values():
        for alias in rule.aliases:
            owner = taken.setdefault(alias.casefold(), rule.code)
            if owner != rule.code:
                errors.append(f"{rule.path}: alias '{alias}' of {rule.code} already names {owner}")
    if errors:
        raise ConfigError(errors)
    ruleset.actions = ActionVocabulary.from_mapping(action_table)
    return ruleset


def _read(path: Path, errors: list[str]) -> tuple[Any, Any]:
    try:
        text, problem = decode(read_bytes(path))
    except UnreadableFile as err:
        errors.append(f"{path}: cannot read: {err.reason}")
        return None, None
    if problem:
        errors.append(f"{path}:{problem.position.line}:{problem.position.column}: {problem.message}")
        return None, None
    doc = load_yaml(text)
    for issue in doc.problems:
        errors.append(f"{path}:{issue.position.line}:{issue.position.column}: {issue.message}")
    if doc.problems:
        return None, None
    if not isinstance(doc.data, dict):
        errors.append(f"{path}:1:1: expected a mapping, found {'nothing' if doc.data is None else type(doc.data).__name__}")
        return None, None
    return doc.data, doc


def _load_predicates(path: Path, data: dict[str, Any], doc: Any, ruleset: RuleSet, errors: list[str]) -> None:
    table = data.get("predicates")
    extra = [key for key in data if key != "predicates"]
    for key in extra:
        pos = doc.position((key,), key=True)
        errors.append(f"{path}:{pos.line}:{pos.column}: unknown top-level field '{key}'; expected 'predicates'")
    if not isinstance(table, dict):
        pos = doc.position(("predicates",))
        errors.append(f"{path}:{pos.line}:{pos.column}: predicates: expected a mapping of predicate names")
        return
    parsed: dict[str, PredicateModel] = {}
    for name, spec in table.items():
        model, problems = validate(PredicateModel, spec, doc, ("predicates", name))
        for problem in problems:
            errors.append(f"{path}:{problem.position.line}:{problem.position.column}: predicate '{name}': {problem.message}")
        if model is not None:
            parsed[name] = model
    ruleset.predicates.update(parsed)


def _load_actions(path: Path, data: dict[str, Any], doc: Any, table: dict[str, Any], errors: list[str]) -> None:
    actions = data.get("actions")
    if not isinstance(actions, dict):
        pos = doc.position(("actions",))
        errors.append(f"{path}:{pos.line}:{pos.column}: actions: expected a mapping of action names")
        return
    for name, spec in actions.items():
        model, problems = validate(ActionModel, spec or {}, doc, ("actions", name))
        for problem in problems:
            errors.append(f"{path}:{problem.position.line}:{problem.position.column}: action '{name}': {problem.message}")
        if model is not None:
            table[name] = {"synonyms": list(model.synonyms), "incompatible": list(model.incompatible)}
    for name, spec in table.items():
        for other in spec["incompatible"]:
            if other not in table and other not in actions:
                pos = doc.position(("actions", name, "incompatible"))
                errors.append(f"{path}:{pos.line}:{pos.column}: action '{name}': incompatible action '{other}' is not defined")


def _load_rule(path: Path, data: dict[str, Any], doc: Any, ruleset: RuleSet, codes_here: dict[str, str], errors: list[str]) -> None:
    model, problems = validate(RuleModel, data, doc, ())
    for problem in problems:
        errors.append(f"{path}:{problem.position.line}:{problem.position.column}: {problem.message}")
    if model is None:
        return
    check = CHECKS.get(model.check)
    if check is None:
        pos = doc.position(("check",))
        guess = did_you_mean(model.check, tuple(CHECKS), cutoff=70)
        hint = f"; did you mean '{guess}'?" if guess else f"; known checks: {', '.join(sorted(CHECKS))}"
        errors.append(f"{path}:{pos.line}:{pos.column}: unknown check '{model.check}'{hint}")
        return
    params = {name: default for name, (_, default) in check.params.items()}
    for param, value in model.params.items():
        spec = check.params.get(param)
        pos = doc.position(("params", param), key=spec is None)
        if spec is None:
            known = ", ".join(sorted(check.params)) or "none"
            errors.append(f"{path}:{pos.line}:{pos.column}: unknown param '{param}' for check '{model.check}' (accepted: {known})")
            continue
        try:
            params[param] = _coerce(value, spec[0])
        except (TypeError, ValueError):
            errors.append(f"{path}:{pos.line}:{pos.column}: param '{param}' expects {_TYPE_WORDS.get(spec[0], spec[0].__name__)}, found {value!r}")
    if model.code in codes_here:
        pos = doc.position(("code",))
        errors.append(f"{path}:{pos.line}:{pos.column}: rule code {model.code} is already defined in {codes_here[model.code]}")
        return
    codes_here[model.code] = path.name
    summary = model.summary or check.summary
    verdict = model.verdict or check.verdict
    ruleset.rules[model.code] = Rule(model.code, model.name, model.check, model.severity, summary, params, str(path), tuple(model.aliases), verdict)




_TYPE_WORDS = {float: "a number", int: "a whole number", bool: "true or false", str: "text"}


def _coerce(value: Any, kind: type) -> Any:
    """Params arrive as YAML text; give them the type the rule type declares."""
    if kind is bool:
        if str(value).lower() in ("true", "yes", "on"):
            return True
        if str(value).lower() in ("false", "no", "off"):
            return False
        raise ValueError(value)
    if isinstance(value, (dict, list)) or value is None:
        raise TypeError(value)
    return kind(value)
