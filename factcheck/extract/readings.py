"""An event's physical readings: how strong a quake was, how far from a place it struck, how deep.

Reports of one disaster disagree on these more than on anything but the toll ("magnitude 6.2" vs
"6.3 magnitude", "72 kilometres" vs "77 kilometers southwest of Marrakesh"), and the general number
finder cannot make them meet: it reads "6.8" as nothing and "72 kilometres" as an amount of
whatever words stand next to it. Each reading here gets one predicate and a qualifier built from a
closed vocabulary, so two outlets' readings of one fact share a key whatever their wording:

- `magnitude`: "magnitude 6.8", "magnitude-6.8", "a magnitude of 7.5", "6.8-magnitude", "7.8
  magnitude tremor", "measuring 6.6", "a strong 6.7 aftershock". Only a number with one decimal
  (1.0-9.9) is a reading: whole numbers are how explainers talk about the scale ("a magnitude 5
  earthquake is ten times..."). `{of: aftershock}` for an aftershock, `{of: second earthquake}`
  for a second quake; the main shock has no qualifier. A quake "of 1960" is another quake: not read.
- `distance`: "72 kilometres (45 miles) southwest of Marrakesh", "40 kilometers from the city of
  Herat", with `{from: <the place's name>}`; the compass direction is not part of the key.
- `depth`: "at a depth of nearly 26km (16 miles)", "18 kilometers (11 miles) deep".

A distance or depth is read only in a sentence about a quake (one of QUAKE_WORDS), so "a 10ft deep
torrent" or a road's length are left alone. A conversion in brackets after the reading belongs to
it: it is not read again as a second claim. Values are written so that the quantity parser reads
them: the hedge and the number with its unit ("nearly 26km"), or the bare number for a magnitude.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .lexicon import alternation

__all__ = ["Reading", "find_readings", "QUAKE_WORDS", "READING_PREDICATES"]

READING_PREDICATES = ("magnitude", "distance", "depth")
QUAKE_WORDS = frozenset(
    "earthquake earthquakes quake quakes tremor tremors temblor temblors aftershock aftershocks "
    "epicentre epicenter epicentres epicenters seismic jolt jolts".split()
)
# A sentence that says where something was centred places a quake even without naming it.
_EVENT_SENTENCE = re.compile(r"\b(?:" + alternation(QUAKE_WORDS | {"centred", "centered"}) + r")\b")
_QUAKE_NOUN = r"(?:earthquake|quake|tremor|temblor|shock|aftershock)"
_DECIMAL = r"[1-9]\.[0-9](?![0-9]|\.[0-9])"
_WHOLE_OR_DECIMAL = r"[1-9](?:\.[0-9])?(?![0-9]|\.[0-9])"
# Each magnitude phrasing, its number in its own group. A whole number is a reading only when
# hyphenated to the word ("7-magnitude", "magnitude-7"): that is a report, "magnitude 7" an explainer.
_MAGNITUDE = re.compile(
    r"\bmagnitude-(?P<n1>" + _WHOLE_OR_DECIMAL + ")"
    + r"|\bmagnitude (?:of )?(?P<n2>" + _DECIMAL + ")"
    + r"|(?<![0-9.])(?P<n3>" + _WHOLE_OR_DECIMAL + r")-magnitude\b"
    + r"|(?<![0-9.])(?P<n4>" + _DECIMAL + r") magnitude\b"
    + r"|\bmeasuring (?:a )?(?:magnitude )?(?P<n5>" + _DECIMAL + ")"
    + r"|(?<![0-9.])(?P<n6>" + _DECIMAL + r") (?=" + _QUAKE_NOUN + r"s?\b)"
    + r"|(?<![0-9.])(?P<n7>" + _DECIMAL + r") on the richter scale\b"
)
_MAGNITUDE_GROUPS = ("n1", "n2", "n3", "n4", "n5", "n6", "n7")
# "the 5.8 magnitude quake of 1960", "the 7.8 magnitude Kahramanmaras earthquake of 1939": the
# quake's words (of any case) up to "of"/"in" and a year, within the sentence.
_ANOTHER_YEAR = re.compile(r"(?:-magnitude| magnitude)?(?: [\w'’-]+){0,4}? (?:of|in) (?P<year>1[89][0-9]{2}|20[0-9]{2})\b")
_SECOND = re.compile(r"\bsecond\b(?!-)")
_AFTERSHOCK_AFTER = re.compile(r"(?:-magnitude| magnitude)? aftershock")

_HEDGE = r"(?P<hedge>(?:about|around|nearly|almost|some|approximately|roughly|more than|less than) )?"
_LENGTH_UNIT = r"(?P<unit>kilometres|kilometers|kilometre|kilometer|kms|km|miles|mile)"
_LENGTH = r"(?P<n>[0-9]+(?:\.[0-9]+)?) ?" + _LENGTH_UNIT + r"(?![a-z])"
_CONVERSION = r"(?: ?\([^()]{1,30}\))?"
_COMPASS = r"(?:,? (?:north|south|east|west|north-?east|north-?west|south-?east|south-?west|northeast|northwest|southeast|southwest)(?:erly)?)?"
_DISTANCE = re.compile(r"(?<![\w.])" + _HEDGE + _LENGTH + _CONVERSION + _COMPASS + r" (?:of|from) ")
_DEPTH = re.compile(
    r"\bdepth of " + _HEDGE + _LENGTH + _CONVERSION
    + r"|(?<![\w.])" + _HEDGE.replace("hedge", "hedge2") + _LENGTH.replace("?P<n>", "?P<n2>").replace("?P<unit>", "?P<unit2>")
    + _CONVERSION + r" deep\b"
)
# Words between "of"/"from" and a place's name that are not the name: "the city of", "tourist hotspot".
_PLACE_LEAD = re.compile(r"(?:(?:the|a) )?(?:(?:city|town|village|province|capital|region|district|provincial capital) of )?")
_NAME_WORD = re.compile(r"[A-Z][\w'’-]*")


@dataclass(frozen=True)
class Reading:
    """One reading: where it is, its claim value and how the article writes it."""

    start: int
    end: int
    predicate: str  # one of READING_PREDICATES
    value: str  # parses as a quantity
    as_written: str
    qualifiers: tuple[tuple[str, str], ...] = ()


def find_readings(text: str, low: str, b: int, e: int, published_year: int | None) -> list[Reading]:
    """The readings in text[b:e] (one paragraph). `low` is the search form of `text` (lower case,
    plain dashes and quotes, same offsets)."""
    found: list[Reading] = []
    for sentence_start, sentence_end in _sentences(low, b, e):
        if not _EVENT_SENTENCE.search(low, sentence_start, sentence_end):
            continue
        found.extend(_magnitudes(text, low, sentence_start, sentence_end, published_year))
        found.extend(_distances(text, low, sentence_start, sentence_end))
        found.extend(_depths(text, low, sentence_start, sentence_end))
    found.sort(key=lambda r: (r.start, r.end))
    kept: list[Reading] = []
    for reading in found:  # a span read two ways ("a depth of 10 km from ...") keeps its first reading
        if kept and reading.start < kept[-1].end:
            continue
        kept.append(reading)
    return kept


def _sentences(low: str, b: int, e: int) -> list[tuple[int, int]]:
    """Sentence-sized stretches of one paragraph, cut at '. ', '! ' or '? ' unless the mark follows a
    single letter or a digit ("U.S. Geological Survey", "17.9km" do not end one). A reading and
    what qualifies it (a quake word, "aftershock", "second") must stand in one such stretch."""
    spans: list[tuple[int, int]] = []
    start = b
    for m in re.finditer(r"(?<![. ][a-z])(?<![0-9])[.!?]+ ", low[b:e]):
        end = b + m.end()
        spans.append((start, end))
        start = end
    spans.append((start, e))
    return spans


def _number(match: re.Match[str], *groups: str) -> tuple[str, int]:
    for group in groups:
        if match.group(group) is not None:
            return match.group(group), match.end(group)
    raise ValueError("no number group matched")  # pragma: no cover - every alternative has one


def _magnitudes(text: str, low: str, s: int, t: int, published_year: int | None) -> list[Reading]:
    out: list[Reading] = []
    for m in _MAGNITUDE.finditer(low, s, t):
        number, n_end = _number(m, *_MAGNITUDE_GROUPS)
        later = _ANOTHER_YEAR.match(low, n_end, t)
        if later and int(later.group("year")) != published_year:
            continue  # "the 5.8 magnitude quake of 1960": another quake
        before = low[max(s, m.start() - 45):m.start()]
        if _AFTERSHOCK_AFTER.match(low, n_end) or ("aftershock" in low[s:m.start()] and m.group("n5") is not None):
            qualifiers: tuple[tuple[str, str], ...] = (("of", "aftershock"),)
        elif _SECOND.search(" ".join(before.split()[-6:])):
            qualifiers = (("of", "second earthquake"),)
        else:
            qualifiers = ()
        out.append(Reading(m.start(), m.end(), "magnitude", number, text[m.start():m.end()].strip(), qualifiers))
    return out


def _distances(text: str, low: str, s: int, t: int) -> list[Reading]:
    out: list[Reading] = []
    for m in _DISTANCE.finditer(low, s, t):
        place = _place(text, low, m.end(), t)
        if place is None:
            continue
        value = _length_value(text, m, "hedge", "n", "unit")
        end = m.end("unit")
        conversion = re.match(_CONVERSION, low[end:t])
        if conversion:
            end += conversion.end()
        out.append(Reading(m.start(), end, "distance", value, text[m.start():end], (("from", place),)))
    return out


def _depths(text: str, low: str, s: int, t: int) -> list[Reading]:
    out: list[Reading] = []
    for m in _DEPTH.finditer(low, s, t):
        if m.group("n") is not None:
            value = _length_value(text, m, "hedge", "n", "unit")
        else:
            value = _length_value(text, m, "hedge2", "n2", "unit2")
        out.append(Reading(m.start(), m.end(), "depth", value, text[m.start():m.end()]))
    return out


def _length_value(text: str, m: re.Match[str], hedge: str, number: str, unit: str) -> str:
    start = m.start(hedge) if m.group(hedge) else m.start(number)
    return f"{text[start:m.end(number)]} {text[m.start(unit):m.end(unit)]}"


def _place(text: str, low: str, at: int, t: int) -> str | None:
    """The name a distance is measured from: its capitalised words after an optional 'the city of'
    and at most three lower-case words ('tourist hotspot Marrakesh'); None when no name follows."""
    lead = _PLACE_LEAD.match(low, at, t)
    pos = lead.end() if lead else at
    for _ in range(3):
        if pos < t and text[pos].isupper():
            break
        gap = re.match(r"[a-z][a-z-]* ", text[pos:t])
        if gap is None:
            return None
        pos += gap.end()
    words: list[str] = []
    while pos < t:
        word = _NAME_WORD.match(text, pos, t)
        if word is None:
            break
        words.append(word.group().rstrip("'’"))
        pos = word.end()
        if text[pos:pos + 1] != " ":
            break
        pos += 1
    if not words:
        return None
    name = " ".join(words)
    return name.removesuffix("’s").removesuffix("'s")
