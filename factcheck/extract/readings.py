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

- `struck_at`: the clock time the quake struck, "struck at 11:11 pm (2211 GMT)", "hit ... at
  about 11am", "occurred around 4:17am local time", "which occurred at 23.10 local time", "At
  4:17am, a 7.8 magnitude earthquake struck", with the qualifiers of `magnitude`. A sentence about a
  quake holds other times too (a toll "issued on Saturday at 10 pm", rescuers who "arrived at
  9am"), so a time is read only when it belongs to a strike verb ("struck", "hit", "occurred", ...)
  whose subject is one quake: the verb stands before the time with nothing between them that opens
  another clause (a comma, "and", "which", a verb in -ed or -ing), and the quake noun stands just
  before the verb (or before a parenthesis that ends at it). A quake that is another one
  ("another", "a new", a year that is not the publication's) or several ("aftershocks") is not
  read. The value is the time with its zone words and a bracketed time in another zone, as written;
  the day after it ("Friday", "on Saturday") is left to the date finder.

A distance or depth is read only in a sentence about a quake (one of QUAKE_WORDS), so "a 10ft deep
torrent" or a road's length are left alone. A conversion in brackets after the reading belongs to
it: it is not read again as a second claim. Values are written so that the value parser of their
`kind` reads them: the hedge and the number with its unit ("nearly 26km"), the bare number for a
magnitude, the time as written for a time of day.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .lexicon import WEEKDAYS, alternation

__all__ = ["Reading", "find_readings", "QUAKE_WORDS", "READING_PREDICATES"]

READING_PREDICATES = ("magnitude", "distance", "depth", "struck_at")
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
# A clock time and what is written with it: "at about 11:11pm (22:11 GMT)", "around 4:17am local
# time", "at 04:17 local time (01:17 GMT)". The lead ("at", a hedge, or both) is required: it is what
# ties the time to the verb before it.
_TIME_HEDGE = (r"(?:about|around|approximately|roughly|shortly after|just after|soon after|a little after|just past"
               r"|shortly before|just before|a little before)")
_AMPM = r" ?(?:a\.m\.|p\.m\.|am\b|pm\b)"
_CLOCK = (
    r"(?:(?:[01]?[0-9]|2[0-3])[:.][0-5][0-9](?![0-9])(?P<ampm>" + _AMPM + r")?"
    r"|(?:1[0-2]|0?[1-9])" + _AMPM
    + r"|(?:12 )?(?:noon|midnight|midday)\b"
    + r"|(?:[01][0-9]|2[0-3])[0-5][0-9](?= (?:gmt|utc)\b))"
)
_IN_BRACKETS = r"\((?:" + _TIME_HEDGE + r" )?" + _CLOCK.replace("?P<ampm>", "?:") + r" (?:gmt|utc|local time)\)"
_TIME = re.compile(
    r"(?<![\w.:])(?P<lead>at (?:" + _TIME_HEDGE + r" )?|" + _TIME_HEDGE + r" )"
    + r"(?P<clock>" + _CLOCK + r")"
    + r"(?P<zone> local time| \(local time\)| gmt\b| utc\b)?"
    + r"(?P<bracket> ?" + _IN_BRACKETS + r")?"
)
# A verb that says when a quake struck, and its subject: one quake, named just before it.
_STRIKE_VERBS = (r"(?:struck|strikes|hit|hits|occurred|occurs|happened|took place|rocked|rocks|jolted|shook|rattled|rumbled"
                 r"|was (?:recorded|registered|detected))")
_STRIKE_VERB = re.compile(r"\b" + _STRIKE_VERBS + r"\b")
_QUAKE_SUBJECT = re.compile(r"\b(?:earthquake|quake|tremor|temblor|jolt|aftershock|mainshock|main shock)\b(?!-)")
# What may stand between the quake noun and its verb: nothing, "which"/"that", a magnitude, or one
# parenthesis set off by commas ("The strongest jolt, measured by the USGS at 7.8, occurred ...").
_SUBJECT_LINK = re.compile(
    r",? (?:(?:which|that) )?"
    r"| (?:of|with) (?:a )?magnitude (?:of )?[0-9.]+,? "
    r"|, [^,;:()\"]{1,140}, "
)
# Words that open another clause or name another happening between the verb and the time.
_CLAUSE_WORDS = frozenset(
    "and but or nor as when while after before until since which who whom whose that where said says told "
    "is are was were be been has have had will would could can may might should rose fell stood reached gave "
    "took left came went began toll people dead killed injured".split()
)
_OTHER_QUAKE = re.compile(r"\b(?:another|new|further|earlier|previous|last|latest|later|next|third|fourth|fifth)\b")
_YEAR = re.compile(r"\b(?:1[89][0-9]{2}|20[0-9]{2})\b")
_WEEKDAY_AFTER = r"(?: on (?:" + alternation(w.lower() for w in WEEKDAYS) + r"))?(?: (?:morning|afternoon|evening|night))?"
# The time first: "At 4:17am local time, a 7.8 magnitude earthquake struck ...".
_SUBJECT_AFTER_TIME = re.compile(
    _WEEKDAY_AFTER + r",? (?P<np>(?:an?|the) (?:[\w.'-]+ ){0,5}?)(?P<noun>earthquake|quake|tremor|temblor|jolt|aftershock)"
    r"(?: (?:which|that))? " + _STRIKE_VERBS + r"\b"
)
# A sentence mark, also where a page lost the space after it ("were killed.The quake"); not a
# decimal point ("6.3").
_CLAUSE_END = re.compile(r"[.;!?](?=\s|[A-Z\"“‘])")
_MAX_GAP_WORDS = 14
_VERB_WINDOW = 160
_SUBJECT_WINDOW = 200

# Words between "of"/"from" and a place's name that are not the name: "the city of", "tourist hotspot".
_PLACE_LEAD = re.compile(r"(?:(?:the|a) )?(?:(?:city|town|village|province|capital|region|district|provincial capital) of )?")
_NAME_WORD = re.compile(r"[A-Z][\w'’-]*")


@dataclass(frozen=True)
class Reading:
    """One reading: where it is, its claim value and how the article writes it."""

    start: int
    end: int
    predicate: str  # one of READING_PREDICATES
    value: str  # parses as a value of `kind`
    as_written: str
    qualifiers: tuple[tuple[str, str], ...] = ()
    kind: str = "quantity"  # the value type: "quantity", or "time" for struck_at


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
        found.extend(_times(text, low, sentence_start, sentence_end, published_year))
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


def _times(text: str, low: str, s: int, t: int, published_year: int | None) -> list[Reading]:
    out: list[Reading] = []
    for m in _TIME.finditer(low, s, t):
        if re.search(r"[0-9]\.[0-9]", m.group("clock")) and not (m.group("ampm") or m.group("zone") or m.group("bracket")):
            continue  # "23.10" alone could be any number; with "local time" or "pm" it is a time
        qualifiers = _time_subject(text, low, s, m, published_year)
        if qualifiers is None:
            continue
        lead = m.group("lead")
        start = m.start() + (len("at ") if lead.startswith("at ") else 0)
        out.append(Reading(start, m.end(), "struck_at", text[start:m.end()], text[start:m.end()], qualifiers, "time"))
    return out


def _time_subject(text: str, low: str, s: int, m: re.Match[str], published_year: int | None) -> tuple[tuple[str, str], ...] | None:
    """The qualifiers of the quake a time belongs to (none for the main shock), or None when the
    time is not when one quake of this event struck."""
    before = low[s:m.start()]
    if not before.strip(" -*\"'•"):  # the time opens the sentence: its subject follows
        after = _SUBJECT_AFTER_TIME.match(low, m.end())
        if after is None:
            return None
        return _quake_qualifiers(after.group("noun"), after.group("np"), low[s:after.end()], published_year)
    verbs = list(_STRIKE_VERB.finditer(low, max(s, m.start() - _VERB_WINDOW), m.start()))
    if not verbs or not _plain_gap(text[verbs[-1].end():m.start()]):
        return None
    verb = verbs[-1]
    nouns = list(_QUAKE_SUBJECT.finditer(low, max(s, verb.start() - _SUBJECT_WINDOW), verb.start()))
    if not nouns or not _SUBJECT_LINK.fullmatch(low, nouns[-1].end(), verb.start()):
        return None
    noun = nouns[-1]
    # The subject's clause: from the last sentence mark before the noun ("killed.The magnitude 6.3
    # earthquake hit"; "of magnitude 5.5. The first earthquake struck"), and its own words.
    cuts = [c.end() for c in _CLAUSE_END.finditer(text, max(s, noun.start() - _SUBJECT_WINDOW), noun.start())]
    clause_start = cuts[-1] if cuts else max(s, noun.start() - _SUBJECT_WINDOW)
    phrase_start = max(clause_start, noun.start() - 60)
    cut = max(low.rfind(mark, phrase_start, noun.start()) for mark in (",", "(", ")"))
    words = low[max(phrase_start, cut + 1):noun.start()].split()[-6:]
    phrase = " ".join(words) + low[noun.end():verb.start()]  # "a 7.5 quake, the second of the day,"
    return _quake_qualifiers(noun.group(), phrase, low[clause_start:m.end()], published_year)


def _plain_gap(gap: str) -> bool:
    """Whether the words between a strike verb and a time stay in the verb's clause: an object, a
    distance, a place ("a mountainous area 72 kilometres (45 miles) southwest of Marrakesh")."""
    if re.search(r"[,;:!?\"“”]| - |" + _CLAUSE_END.pattern, gap):
        return False
    words = gap.split()
    if len(words) > _MAX_GAP_WORDS:
        return False
    for word in words:
        bare = word.strip("()'’")
        if bare.lower() in _CLAUSE_WORDS:
            return False
        if bare.islower() and re.fullmatch(r"[a-z]+(?:ed|ing)", bare):
            return False  # another verb: "a toll issued on Saturday at 10 pm"
    return True


def _quake_qualifiers(noun: str, phrase: str, region: str, published_year: int | None) -> tuple[tuple[str, str], ...] | None:
    """The closed vocabulary of the magnitudes: the second quake, an aftershock, or the main shock
    (None: another quake, or one the words leave unclear). `phrase` is the subject's own words,
    `region` the clause from the subject to the time."""
    if _OTHER_QUAKE.search(phrase):
        return None  # "another quake", "a new tremor": not the one whose time the article reports
    if any(int(year) != published_year for year in _YEAR.findall(region)):
        return None  # "the 1999 quake struck at 3:02am": another quake
    if _SECOND.search(phrase):
        return (("of", "second earthquake"),)
    if noun == "aftershock":
        return (("of", "aftershock"),)
    if "aftershock" in region or _SECOND.search(region) or "another" in region:
        return None  # "The strongest aftershock, a 6.6 quake, hit at ...": which quake is unclear
    return ()


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
