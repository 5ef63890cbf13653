"""Measures: what a resolution does to what ({action: ban, target: coal, direction: export, ...}).

Two measures on the same target and direction disagree when their actions are incompatible (per
the action vocabulary), when one is binding and the other is not, or when their amounts or
deadlines cannot be the same. Amounts in different dimensions (dollars vs tons) are two views of
one measure ("7.5 million tons or $400 million, whichever comes first"), so they are not compared.
The target stays the raw text here; normalization replaces it with an entity id.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from .actions import ActionVocabulary, normalize_action_word
from .base import (
    TEXT_SCHEMA, Agreement, Comparison, ParseContext, Raw, Value, ValueParseError, ValueType, check_keys, clean_text,
    mapping_schema, render_raw, scalar_text, type_name_of,
)
from .deadline import READS as DEADLINE_READS
from .deadline import Deadline, compare_deadlines, parse_deadline
from .quantity import MAPPING_SCHEMA as QUANTITY_SCHEMA
from .quantity import Quantity, compare_quantities, parse_quantity

EXPECTED = (
    "a mapping {action, target, direction, amount, deadline, force, condition} with at least action "
    "and target, e.g. {action: ban, target: coal, direction: export} or "
    "{action: cap, target: refined petroleum products, direction: import, amount: '500,000 barrels a year'}"
)
_TEXT_OR_QUANTITY = {"anyOf": [TEXT_SCHEMA, QUANTITY_SCHEMA]}
MAPPING_SCHEMA = mapping_schema(
    "A measure of a resolution: what it does to what.",
    {
        "action": (TEXT_SCHEMA, "An action of the action vocabulary or one of its synonyms (ban, cap, ...)."),
        "target": (TEXT_SCHEMA, "What the measure acts on: an entity name or alias (coal, seafood, ...)."),
        "direction": (TEXT_SCHEMA, "export or import; absent when the measure has no direction."),
        "amount": (_TEXT_OR_QUANTITY, "How much, for a cap: text or a quantity mapping."),
        "deadline": (_TEXT_OR_QUANTITY, "By when: a duration from adoption or a date."),
        "force": (TEXT_SCHEMA, "binding (the default) or non-binding."),
        "condition": (TEXT_SCHEMA, "A condition the measure holds under, as written."),
    },
    required=["action", "target"],
)
KEYS = tuple(MAPPING_SCHEMA["properties"])  # action, target, direction, amount, deadline, force, condition
DIRECTIONS = {"export": "export", "exports": "export", "import": "import", "imports": "import"}
FORCES = {"binding": "binding", "non-binding": "non-binding", "nonbinding": "non-binding",
          "non binding": "non-binding"}


@dataclass(frozen=True)
class Measure(Value):
    """One measure of a resolution, normalized."""

    text: str
    action: str  # the vocabulary's action name
    target: str  # raw text until entity resolution replaces it (dataclasses.replace)
    direction: str | None = None  # "export" | "import" | None (a key value of its own)
    amount: Quantity | None = None
    deadline: Deadline | None = None
    force: str = "binding"  # "binding" | "non-binding"
    condition: str | None = None
    # The vocabulary the action came from, so compare() can tell incompatible actions apart.
    vocabulary: ActionVocabulary | None = field(default=None, compare=False, repr=False)

    def describe(self) -> str:
        parts = [self.action, self.target]
        if self.direction:
            parts.append(f"({self.direction})")
        if self.amount is not None:
            parts.append(f"amount {self.amount.describe()}")
        if self.deadline is not None:
            parts.append(f"deadline {self.deadline.describe()}")
        if self.force != "binding":
            parts.append(self.force)
        if self.condition:
            parts.append(f"(condition: {self.condition})")
        return " ".join(parts)

    def canonical(self) -> str:
        fields = [
            f"action={self.action}",
            f"target={normalize_action_word(self.target)}",
            f"direction={self.direction or '-'}",
            f"amount={self.amount.canonical() if self.amount else '-'}",
            f"deadline={self.deadline.canonical() if self.deadline else '-'}",
            f"force={self.force}",
            f"condition={clean_text(self.condition).casefold() if self.condition else '-'}",
        ]
        return "measure " + " ".join(fields)


def parse_measure(raw: str | int | float | dict | list, ctx: ParseContext) -> Measure:
    if not isinstance(raw, dict):
        found = f"'{render_raw(raw)}' is {type_name_of(raw)}" if isinstance(raw, (str, int, float)) else (
            f"{type_name_of(raw)} is given"
        )
        raise ValueParseError(f"{found}; a measure is a mapping of its parts", EXPECTED)
    check_keys(raw, KEYS, "a measure", EXPECTED)
    text = render_raw(raw)
    for key in ("action", "target"):
        if raw.get(key) is None:
            raise ValueParseError(f"{text} has no '{key}'", EXPECTED)
    action = _action(scalar_text(raw["action"], "an action", EXPECTED), ctx.actions)
    target = clean_text(scalar_text(raw["target"], "a target", EXPECTED))
    direction = None
    if raw.get("direction") is not None:
        word = scalar_text(raw["direction"], "a direction", EXPECTED)
        direction = DIRECTIONS.get(normalize_action_word(word))
        if direction is None:
            raise ValueParseError(f"direction '{word}' is neither 'export' nor 'import'", EXPECTED)
    force = "binding"
    if raw.get("force") is not None:
        word = scalar_text(raw["force"], "a force", EXPECTED)
        force = FORCES.get(word.strip().casefold().replace("_", "-"), "")
        if not force:
            raise ValueParseError(f"force '{word}' is neither 'binding' nor 'non-binding'", EXPECTED)
    amount = _nested(raw, "amount", parse_quantity, ctx)
    deadline = _nested(raw, "deadline", parse_deadline, ctx)
    condition = None
    if raw.get("condition") is not None:
        condition = clean_text(scalar_text(raw["condition"], "a condition", EXPECTED))
    return Measure(text, action, target, direction, amount, deadline, force, condition, ctx.actions)


def _action(word: str, vocabulary: ActionVocabulary | None) -> str:
    if vocabulary is None:
        raise ValueError("parsing a measure needs ParseContext.actions (the action vocabulary)")
    action = vocabulary.normalize(word)
    if action is not None:
        return action
    guesses = vocabulary.suggest(word)
    hint = f"; did you mean '{guesses[0]}'?" if guesses else ""
    known = ", ".join(vocabulary.names) or "none are defined"
    raise ValueParseError(
        f"unknown action '{word}'{hint} (known actions: {known})",
        f"an action from the action vocabulary ({known}) or one of its synonyms",
    )


def _nested(raw: dict, key: str, parse, ctx: ParseContext):  # type: ignore[no-untyped-def]
    """Parse a measure's amount or deadline; its error says which field it came from."""
    if raw.get(key) is None:
        return None
    try:
        return parse(raw[key], ctx)
    except ValueParseError as err:
        raise ValueParseError(f"{key}: {err.message}", err.expected) from None


def compare_measures(a: Measure, b: Measure) -> Comparison:
    """DISAGREE on incompatible actions, different force, or disjoint amounts or deadlines."""
    if normalize_action_word(a.target) != normalize_action_word(b.target):
        return Comparison(Agreement.INCOMPARABLE, f"different targets: {a.target} vs {b.target}")
    if a.direction != b.direction:
        return Comparison(
            Agreement.INCOMPARABLE,
            f"different directions: {a.direction or 'unspecified'} vs {b.direction or 'unspecified'}",
        )
    reasons: list[str] = []
    vocabulary = a.vocabulary or b.vocabulary
    if a.action != b.action and vocabulary is not None and vocabulary.incompatible(a.action, b.action):
        reasons.append(f"actions {a.action} and {b.action} are incompatible")
    if a.force != b.force:
        reasons.append(f"force {a.force} vs {b.force}")
    if a.amount is not None and b.amount is not None:
        amounts = compare_quantities(a.amount, b.amount)
        if amounts.outcome is Agreement.DISAGREE:
            reasons.append(amounts.detail)
    if a.deadline is not None and b.deadline is not None:
        deadlines = compare_deadlines(a.deadline, b.deadline)
        if deadlines.outcome is Agreement.DISAGREE:
            reasons.append(deadlines.detail)
    if reasons:
        return Comparison(Agreement.DISAGREE, "; ".join(reasons))
    if a.action != b.action:
        return Comparison(Agreement.INCOMPARABLE, f"different actions: {a.action} and {b.action}")
    return Comparison(Agreement.AGREE)


def _reads(raw: Raw) -> tuple[str, ...]:
    """A measure reads what its deadline reads, and its amount's tolerance."""
    return DEADLINE_READS if isinstance(raw, dict) and "deadline" in raw else ("tolerance",)


VALUE_TYPE = ValueType(
    "measure", Measure, parse_measure, compare_measures, reads=_reads,
    parts={"amount": "quantity", "deadline": "deadline"}, schema=MAPPING_SCHEMA,
)
