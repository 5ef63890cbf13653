"""Shared types of the values package: the parse context, the error, the comparison result.

Every value type parses raw claim text into an immutable value and compares two values; these
types are what the rest of factcheck sees, so they carry no parsing logic of their own.
"""

from __future__ import annotations

import abc
import datetime as dt
import enum
import re
import unicodedata
from collections.abc import Callable, Mapping
import functools
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .actions import ActionVocabulary

Raw = str | int | float | dict | list


@dataclass(frozen=True)
class ParseContext:
    """What a value needs from outside itself to mean something definite."""

    published: dt.date  # source.published: anchors relative dates ("yesterday", "Dec. 22")
    as_of: dt.date | None = None  # the claim's as_of; None means published
    anchor: dt.date | None = None  # the subject's adopted_on: deadlines count from it first
    body_members: int | None = None  # members of the voting body: "unanimous" then fixes `for`
    tolerance: float = 0.0  # predicate tolerance as a fraction (0.02 for "2%")
    actions: ActionVocabulary | None = None  # the measure vocabulary

    @property
    def reference_day(self) -> dt.date:
        """The day relative dates count from: always the publication day (docs/design.md §4)."""
        return as_date(self.published)

    @property
    def deadline_anchor(self) -> dt.date:
        """Where a duration starts: adopted_on, else as_of, else published."""
        return as_date(self.anchor or self.as_of or self.published)


def as_date(value: dt.date) -> dt.date:
    """A datetime is a date too, but comparisons must work on whole days."""
    return value.date() if isinstance(value, dt.datetime) else value


# The facts of a ParseContext a parse may read, in the order a parse memo's key lists them. The
# action vocabulary is left out: there is one per run, so it never tells two parses apart.
PARSE_FACTS: tuple[str, ...] = ("published", "as_of", "anchor", "body_members", "tolerance")
_FACT_INDEX = {name: index for index, name in enumerate(PARSE_FACTS)}
Facts = tuple[object, ...]  # one value per name of PARSE_FACTS, in its order


class ValueParseError(Exception):
    """A value that does not parse for its type. Never caught to guess a meaning instead."""

    def __init__(self, message: str, expected: str = "") -> None:
        super().__init__(message)
        self.message = message
        self.expected = expected

    def __str__(self) -> str:
        return f"{self.message}; expected {self.expected}" if self.expected else self.message


class Agreement(enum.Enum):
    """How two values relate: the rules turn DISAGREE into findings and AGREE into support."""

    AGREE = "agree"
    DISAGREE = "disagree"
    INCOMPARABLE = "incomparable"  # different dimensions, currencies, types or unrelated texts


@dataclass(frozen=True)
class Comparison:
    """The outcome of compare() with a short human reason (shown in findings).

    The reason may be given as a function that writes it: a large corpus has thousands of
    disagreeing pairs whose messages never show it, and writing it formats both values."""

    outcome: Agreement
    reason: str | Callable[[], str] = field(default="", compare=False, repr=False)
    # A caveat every message about the pair carries, not only those that show the reason.
    note: str = ""

    @property
    def detail(self) -> str:
        """The reason, then the note."""
        reason = self.reason if isinstance(self.reason, str) else self.reason()
        return f"{reason}; {self.note}" if self.note and reason else reason or self.note

    @property
    def agree(self) -> bool:
        return self.outcome is Agreement.AGREE

    @property
    def disagree(self) -> bool:
        return self.outcome is Agreement.DISAGREE


class Value(abc.ABC):
    """A parsed, normalized value. Subclasses are frozen dataclasses with a `text` field."""

    text: str

    @abc.abstractmethod
    def describe(self) -> str:
        """The value as written plus its normalized form, for messages."""

    @abc.abstractmethod
    def canonical(self) -> str:
        """A deterministic normalized string for fingerprints: same meaning, same string."""

    def canonical_form(self) -> str:
        """canonical(), worked out once per value object and kept with it (also in the cache):
        the rules group every claim by it, and formatting intervals is not free."""
        known = self.__dict__.get("_canonical")
        if known is None:
            known = self.__dict__["_canonical"] = self.canonical()  # not a field: eq, hash and repr ignore it
        return known

    def written_and_canonical(self) -> str:
        """describe() for a type whose canonical() is its type word, then its normalized form:
        read off the form kept with the value rather than formatting the interval again."""
        return f"'{self.text}' {self.canonical_form().partition(' ')[2]}"

    def __str__(self) -> str:
        return self.describe()


# ---------------------------------------------------------------------------------------------
# Helpers shared by the parsers.

_DASHES = dict.fromkeys(map(ord, "\u2010\u2011\u2012\u2013\u2014\u2015\u2212\ufe58\ufe63\uff0d"), "-")
_QUOTES = {
    **dict.fromkeys(map(ord, "\u2018\u2019\u201a\u201b\u2032\u00b4\u02bc"), "'"),
    **dict.fromkeys(map(ord, "\u201c\u201d\u201e\u201f\u2033\u00ab\u00bb"), '"'),
}
_SPACE_RUN = re.compile(r"\s+")


def clean_text(text: str) -> str:
    """NFKC (thin and no-break spaces become spaces), plain quotes and dashes, one space between words."""
    text = unicodedata.normalize("NFKC", text).translate(_DASHES).translate(_QUOTES)
    return _SPACE_RUN.sub(" ", text).strip()


def fold(text: str) -> str:
    """clean_text, lower-cased: the form the value grammars match against."""
    return clean_text(text).casefold()


def render_raw(raw: Any) -> str:
    """A compact, readable, deterministic rendering of a raw value, e.g. `{value: 400870018, unit: USD}`."""
    if isinstance(raw, dict):
        return "{" + ", ".join(f"{render_raw(k)}: {render_raw(v)}" for k, v in raw.items()) + "}"
    if isinstance(raw, (list, tuple)):
        return "[" + ", ".join(render_raw(v) for v in raw) + "]"
    if raw is None:
        return "null"
    if isinstance(raw, bool):
        return "true" if raw else "false"
    if isinstance(raw, float) and raw.is_integer():
        return str(int(raw)) if abs(raw) < 1e16 else repr(raw)
    return str(raw).strip()


def type_name_of(raw: Any) -> str:
    """The YAML-ish name of a raw value's shape, for error messages."""
    if isinstance(raw, dict):
        return "a mapping"
    if isinstance(raw, (list, tuple)):
        return "a list"
    if raw is None:
        return "an empty value"
    if isinstance(raw, bool):
        return "a boolean"
    return "text"


def scalar_text(raw: Any, what: str, expected: str) -> str:
    """A scalar as text (YAML scalars arrive as strings; ints and floats are accepted too)."""
    if isinstance(raw, bool) or raw is None or isinstance(raw, (dict, list, tuple)):
        raise ValueParseError(f"{type_name_of(raw)} is not {what}", expected)
    if isinstance(raw, float):
        return render_raw(raw)
    if isinstance(raw, (int, str)):
        text = str(raw).strip()
        if not text:
            raise ValueParseError(f"the value is empty; it is not {what}", expected)
        return text
    raise ValueParseError(f"{type(raw).__name__} is not {what}", expected)


def check_keys(raw: dict, allowed: tuple[str, ...], what: str, expected: str) -> None:
    """Unknown keys in a typed mapping are usually typos: reject them and name the allowed ones."""
    unknown = [str(k) for k in raw if k not in allowed]
    if unknown:
        listing = ", ".join(f"'{k}'" for k in unknown)
        keys = "key" if len(unknown) == 1 else "keys"
        raise ValueParseError(
            f"unknown {keys} {listing} in {what} mapping (allowed: {', '.join(allowed)})", expected
        )


# ---------------------------------------------------------------------------------------------
# What a value type is: one declaration per type, in the type's own module, listed once in
# values/__init__.py. Everything else that depends on the set of types reads that list.

@dataclass(frozen=True, eq=False)
class ValueType:
    """One value type, as the rest of factcheck needs it (docs/design.md §4, "Adding a value type").

    The predicate registry's `type:` names it; the normalizer parses a claim's value with `parse`
    and memoizes the result under the facts in `reads`; compare() dispatches on `value_class`;
    `fmt` orders a value mapping's keys by `keys` (and a nested part's by `parts`); the claim file's
    JSON Schema offers `schema` as one form of `value:`.
    """

    name: str
    value_class: type[Value]
    parse: Callable[[Raw, ParseContext], Value]
    compare: Callable[[Any, Any], Comparison]
    # The PARSE_FACTS a parse reads, or a function of the raw value giving them. A fact left out
    # must not change the parse: the memo shares one parse between claims that differ in it.
    reads: tuple[str, ...] | Callable[[Raw], tuple[str, ...]] = ()
    # JSON Schema of the mapping form (mapping_schema); None: the type is written as text only.
    schema: Mapping[str, Any] | None = None
    parts: Mapping[str, str] = field(default_factory=dict)  # a key whose value is itself typed -> that type's name
    compares_with: tuple[type[Value], ...] = ()  # other value classes `compare` also takes

    def __post_init__(self) -> None:
        if not callable(self.reads):
            _check_facts(self.name, self.reads)

    @functools.cached_property
    def keys(self) -> tuple[str, ...]:
        """The keys of the mapping form in their canonical order (the schema's); () for text only."""
        return tuple(self.schema["properties"]) if self.schema is not None else ()

    def facts_read(self, raw: Raw) -> tuple[str, ...]:
        """The PARSE_FACTS a parse of `raw` reads."""
        return self.reads(raw) if callable(self.reads) else self.reads

    def context_key(self, raw: Raw, facts: Facts) -> Facts:
        """The part of a parse memo key after the raw value: the facts this parse reads."""
        return tuple([facts[_FACT_INDEX[name]] for name in self.facts_read(raw)])


TEXT_SCHEMA: Mapping[str, Any] = {"type": "string"}  # `factcheck schema` widens text to every scalar, as factcheck reads them


def mapping_schema(description: str, keys: Mapping[str, tuple[Mapping[str, Any], str]], **constraints: Any) -> dict[str, Any]:
    """The JSON Schema of a value's mapping form: these keys (schema, description), in their
    canonical order, and no other key."""
    properties = {key: {**schema, "description": about} for key, (schema, about) in keys.items()}
    return {"type": "object", "description": description, "properties": properties, **constraints, "additionalProperties": False}


def _check_facts(type_name: str, names: tuple[str, ...]) -> None:
    unknown = [name for name in names if name not in _FACT_INDEX]
    if unknown:
        raise ValueError(f"value type '{type_name}' reads {unknown}, which are not among {PARSE_FACTS}")
