"""Vote tallies: "15-0", "15-to-nothing", "unanimously", "13 in favour, 2 against".

A tally has three parts (for, against, abstain) and a text states only some of them: "15-0" says
nothing about abstentions, "with 15 votes in favor" fixes only `for`. Unknown parts stay None and
are never compared. "Unanimous" means nobody voted against or abstained, and when the voting body's
size is known (ParseContext.body_members) it also means all of them voted for.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .base import (
    Agreement, Comparison, ParseContext, Value, ValueParseError, ValueType, check_keys, fold, mapping_schema, render_raw,
    scalar_text, type_name_of,
)
from .numbers import read_number

EXPECTED = (
    "a vote such as '15-0', '15-0-0', '15 to 0', '15-to-nothing', 'unanimous', 'adopted unanimously', "
    "'with 15 votes in favor', '13 in favour, 2 against', '12-0 with 3 abstentions' "
    "or {for, against, abstain}"
)
_VOTES = {"type": ["integer", "string"], "minimum": 0}
MAPPING_SCHEMA = mapping_schema(
    "A vote as a mapping of the parts the source states.",
    {"for": (_VOTES, "Votes in favour."), "against": (_VOTES, "Votes against."), "abstain": (_VOTES, "Abstentions.")},
    minProperties=1,
)
PARTS = tuple(MAPPING_SCHEMA["properties"])  # for, against, abstain

# Words around a tally that add nothing: "a 15-to-nothing vote", "adopted by a vote of 13 to 2".
_PRE = (
    r"(?:(?:it |the resolution )?(?:(?:was|were) )?(?:adopted|passed|approved|carried|voted|agreed)"
    r"(?: to)? )?(?:(?:by|with|in|on|after) )?(?:(?:a|an|the) )?(?P<unanimous>unanimous(?:ly)? )?"
    r"(?:(?:recorded |final )?vote of )?"
)
_VERB_ONLY = re.compile(
    r"(?:it |the resolution )?(?:(?:was|were) )?(?:adopted|passed|approved|carried|voted|agreed)"
)
_POST = r"(?: (?:vote|votes|margin|tally|result|decision))?"
_SEP = r" ?(?:-to-|-|to|:) ?"
_CLAUSES: list[tuple[str, re.Pattern[str]]] = [
    ("tally", re.compile(
        rf"{_PRE}(?P<a>\d+)(?: votes?)?{_SEP}(?P<b>\d+)(?:{_SEP}(?P<c>\d+))?(?P<more>(?:{_SEP}\d+)+)?{_POST}")),
    ("for", re.compile(
        rf"{_PRE}(?P<n>\d+)(?: votes?)? "
        r"(?:in favou?r(?: of (?:it|the resolution|the measure))?|for|yes|ayes?|yeas?)"
        rf"(?: votes?)?")),
    ("against", re.compile(
        rf"{_PRE}(?P<n>\d+)(?: votes?)? (?:against|noes|nays?|opposed|no votes?)")),
    ("abstain", re.compile(
        rf"{_PRE}(?P<n>\d+) "
        r"(?:abstentions?|abstaining|abstained|abstainers?|(?:countries|members|states) abstaining)"
        r"|abstentions?:? (?P<n2>\d+)")),
    ("unanimous", re.compile(
        rf"{_PRE}unanimous(?:ly)?(?: (?:adopted|passed|approved|carried|vote|votes|decision|support|consent))?")),
]
_SPLIT = re.compile(r"\s*[,;]\s*(?:(?:and|with|plus) )?|\s+(?:and|with|plus)\s+")
_ZERO = re.compile(r"\b(?:nothing|none|nil|zero)\b|\bno(?= (?:votes? )?(?:against|abstentions?|nays?)\b)")
_WORD_START = re.compile(r"\b[a-z]")
_WORD = re.compile(r"[a-z]+")


@dataclass(frozen=True)
class Vote(Value):
    """A tally; None marks a part the text does not state."""

    text: str
    for_: int | None = None
    against: int | None = None
    abstain: int | None = None
    unanimous: bool = False

    @property
    def parts(self) -> dict[str, int | None]:
        return {"for": self.for_, "against": self.against, "abstain": self.abstain}

    def describe(self) -> str:
        shown = ["?" if n is None else n for n in (self.for_, self.against, self.abstain)]
        return f"'{self.text}' (for {shown[0]}, against {shown[1]}, abstain {shown[2]})"

    def canonical(self) -> str:
        return "vote " + " ".join(f"{k}={'?' if v is None else v}" for k, v in self.parts.items())


def compare_votes(a: Vote, b: Vote) -> Comparison:
    """Part by part, where both sides state the part."""
    both = [(k, a.parts[k], b.parts[k]) for k in PARTS if a.parts[k] is not None and b.parts[k] is not None]
    if not both:
        return Comparison(Agreement.INCOMPARABLE, "the two votes state no part in common")
    differing = [f"{k}: {x} vs {y}" for k, x, y in both if x != y]
    if differing:
        return Comparison(Agreement.DISAGREE, "; ".join(differing))
    return Comparison(Agreement.AGREE)


def parse_vote(raw: str | int | float | dict | list, ctx: ParseContext) -> Vote:
    if isinstance(raw, dict):
        return _parse_mapping(raw)
    if isinstance(raw, (int, float)) and not isinstance(raw, bool):
        raise ValueParseError(f"'{render_raw(raw)}' is a single number, not a vote tally", EXPECTED)
    text = scalar_text(raw, "a vote", EXPECTED)
    s = _ZERO.sub("0", _digits(fold(text)))
    parts: dict[str, int] = {}
    unanimous = False
    clauses = [c for c in _SPLIT.split(s) if c]
    if not clauses:
        raise ValueParseError(f"'{text}' is not a vote", EXPECTED)
    informative = [c for c in clauses if not _VERB_ONLY.fullmatch(c)]  # "adopted, with 15 in favor"
    if not informative:
        raise ValueParseError(f"'{text}' states no tally", EXPECTED)
    for clause in informative:
        kind, match = _match(clause)
        if kind is None or match is None:
            raise ValueParseError(f"'{text}' is not a vote: '{clause}' is not a tally or a vote part", EXPECTED)
        if kind == "tally":
            if match["more"]:
                raise ValueParseError(f"'{text}' has more than three numbers (for-against-abstain)", EXPECTED)
            found = {"for": int(match["a"]), "against": int(match["b"])}
            if match["c"] is not None:
                found["abstain"] = int(match["c"])
        elif kind == "unanimous":
            found = {}
        else:
            found = {kind: int(match["n"] if match["n"] is not None else match["n2"])}
        stated = list(found.items())
        if kind == "unanimous" or match.groupdict().get("unanimous"):  # also "a unanimous 15-0 vote"
            unanimous = True
            stated += [("against", 0), ("abstain", 0)]
        for part, value in stated:
            if parts.get(part, value) != value:
                raise ValueParseError(
                    f"'{text}' contradicts itself: {part} is both {parts[part]} and {value}", EXPECTED
                )
            parts[part] = value
    if unanimous and "for" not in parts and ctx.body_members is not None:
        parts["for"] = ctx.body_members
    return Vote(text, parts.get("for"), parts.get("against"), parts.get("abstain"), unanimous)


def _match(clause: str) -> tuple[str | None, re.Match[str] | None]:
    for kind, pattern in _CLAUSES:
        match = pattern.fullmatch(clause)
        if match:
            return kind, match
    return None, None


def _digits(s: str) -> str:
    """Number words to digits ("fifteen-to-nothing" -> "15-to-nothing") so one grammar reads both."""
    out: list[str] = []
    pos = 0
    while pos < len(s):
        match = _WORD_START.search(s, pos)
        if not match:
            out.append(s[pos:])
            break
        start = match.start()
        number = read_number(s, start, magnitudes=False)
        if number is not None and number.kind == "words" and number.is_integer:
            out.append(s[pos:start] + str(int(number.value)))
            pos = number.end
        else:
            end = _WORD.match(s, start).end()  # type: ignore[union-attr]
            out.append(s[pos:end])
            pos = end
    return "".join(out)


def _parse_mapping(raw: dict) -> Vote:
    check_keys(raw, PARTS, "a vote", EXPECTED)
    text = render_raw(raw)
    parts: dict[str, int | None] = {}
    for key in PARTS:
        value = raw.get(key)
        if value is None:
            parts[key] = None
            continue
        if isinstance(value, bool) or isinstance(value, (dict, list)):
            raise ValueParseError(f"{text}: '{key}' is {type_name_of(value)}, not a number of votes", EXPECTED)
        s = fold(str(value))
        number = read_number(s, 0, magnitudes=False)
        whole = number is not None and number.end == len(s) and number.kind != "fraction"
        if number is None or not whole or not number.is_integer or number.value < 0:
            raise ValueParseError(f"{text}: '{key}: {render_raw(value)}' is not a number of votes", EXPECTED)
        parts[key] = int(number.value)
    if all(v is None for v in parts.values()):
        raise ValueParseError(f"{text} states no part of the vote", EXPECTED)
    return Vote(text, parts["for"], parts["against"], parts["abstain"])


# "Unanimous" fixes `for` at the size of the voting body.
VALUE_TYPE = ValueType(
    "vote", Vote, parse_vote, compare_votes, reads=("body_members",), schema=MAPPING_SCHEMA,
)
