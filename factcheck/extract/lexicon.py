"""The English word classes the extractors share, in one place so that a change reaches all of them.

Each finder (quotes.py, values.py, measures.py) used to keep its own copy of these lists, and the
copies had drifted apart. Where they disagreed, the choice made here is written next to the list.
What stays in a finder is what only that finder means (measures.py's trade heads, quotes.py's
titles); what is here is plain grammar, the calendar, the value parser's units, and the base
forms of verbs with the lemmatizer that reads their inflections.
"""

from __future__ import annotations

import calendar
import functools
import re
from collections.abc import Iterable

from ..values.quantity import UNIT_WORDS

__all__ = [
    "ARTICLES", "DEMONSTRATIVES", "DETERMINERS", "POSSESSIVE_DETERMINERS", "QUANTIFIERS", "PREPOSITIONS", "MONTHS", "MONTH_ABBREVIATIONS",
    "WEEKDAYS", "WEEKDAY_ABBREVIATIONS", "CALENDAR_WORDS", "NARRATOR_ROLES", "is_narrator_role",
    "SPEECH_VERBS", "SPEECH_VERB_FORMS", "lemmas", "has_lemma", "inflections", "QUANTITY_UNITS",
    "alternation", "PERSON_NOUNS", "CASUALTY_STATES", "TOLL_NOUNS", "LINKING_VERBS", "HEDGE_WORDS",
]


def alternation(words: Iterable[str]) -> str:
    """A regex alternation of `words`, longest first so that "per cent" wins over "per"."""
    return "|".join(re.escape(w) for w in sorted(set(words), key=lambda w: (-len(w), w)))


# --- determiners and prepositions ------------------------------------------------------------------

ARTICLES = frozenset({"the", "a", "an"})
DEMONSTRATIVES = frozenset({"this", "that", "these", "those"})
POSSESSIVE_DETERMINERS = frozenset("my your his her its our their whose".split())
# Determiners that pick out one thing or set: what values.py strips from the front of a phrase and
# wants before an ordinal ("its fifth test"). values.py's list was exactly this; quotes.py lacked
# "whose", measures.py the possessives other than "its" and "their", and both take them now.
DETERMINERS = ARTICLES | DEMONSTRATIVES | POSSESSIVE_DETERMINERS
# Quantifying determiners. Each finder takes the ones its use allows: quotes.py all of them ("no
# calls", "such warnings": the verb form is a noun), measures.py not "no" ("imposed no ban" imposes
# none, so the noun must not be reached by passing over "no") nor "such", values.py none ("every
# fifth year" is a frequency, not the fifth of anything).
QUANTIFIERS = frozenset("no any some each every such".split())

# quotes.py lacked "through", "across" and "despite"; measures.py lacked "like", "than", "after",
# "before" and "within". All are prepositions, and both uses ("under the resolution" is not the
# subject; a subject never starts with one) hold for each, so the class is the union.
PREPOSITIONS = frozenset(
    "of for to by with from about against on at in toward towards like than under over between among into "
    "through across despite during after before without within upon via per".split()
)

# --- the calendar ----------------------------------------------------------------------------------

MONTHS: tuple[str, ...] = tuple(calendar.month_name[i].lower() for i in range(1, 13))
# "may" is both a month and its abbreviation; it is listed once, as a month.
MONTH_ABBREVIATIONS: tuple[str, ...] = ("jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct",
                                        "nov", "dec")
WEEKDAYS: tuple[str, ...] = tuple(calendar.day_name[i].lower() for i in range(7))
WEEKDAY_ABBREVIATIONS: tuple[str, ...] = ("mon", "tue", "tues", "wed", "weds", "thu", "thur", "thurs", "fri", "sat",
                                          "sun")
CALENDAR_WORDS = frozenset(MONTHS + MONTH_ABBREVIATIONS + WEEKDAYS + WEEKDAY_ABBREVIATIONS)

# --- transcripts -----------------------------------------------------------------------------------

# Turn roles of the programme's own voice ("MICHELE KELEMEN, BYLINE:"): its turns are narration.
# values.py lacked NARRATOR, so a documentary narrator's numbers were marked as quoted while
# quotes.py read the same turns as narration; the narrator is the programme's voice, so it is here.
NARRATOR_ROLES = frozenset({"BYLINE", "HOST", "ANCHOR", "CORRESPONDENT", "NARRATOR", "REPORTER"})


def is_narrator_role(role: str | None) -> bool:
    """Does a turn's role name the programme's own voice? Any word counts ("NPR HOST", "HOST"),
    as quotes.py read it; values.py compared the whole role, so "NPR HOST" escaped it. A role is
    capitals and spaces (article._TURN), so words are split at spaces."""
    return bool(role) and not NARRATOR_ROLES.isdisjoint(role.upper().split())  # type: ignore[union-attr]


# --- inflection ------------------------------------------------------------------------------------

_IRREGULAR: dict[str, tuple[str, str]] = {
    "held": ("hold", "ed"), "sent": ("send", "ed"), "forbade": ("forbid", "ed"), "forbidden": ("forbid", "ed"),
    "expulsion": ("expel", "noun"), "expulsions": ("expel", "noun"), "sold": ("sell", "ed"),
    "bought": ("buy", "ed"), "brought": ("bring", "ed"), "had": ("have", "ed"), "has": ("have", "s"),
    "made": ("make", "ed"), "kept": ("keep", "ed"), "set": ("set", "base"), "put": ("put", "base"),
    "said": ("say", "ed"), "told": ("tell", "ed"), "wrote": ("write", "ed"), "written": ("write", "en"),
}
_CONSONANTS = frozenset("bcdfghjklmnpqrstvwxz")


@functools.lru_cache(maxsize=65536)
def lemmas(low: str) -> tuple[tuple[str, str], ...]:
    """Candidate base forms of a lower-case word with the form they imply: base, s, ed, ing, noun.

    It over-generates ("notes" gives "note" and "not"); a caller asks whether one of them is in
    its class, so a wrong candidate only matters if it is itself a word of that class.
    """
    out: list[tuple[str, str]] = [(low, "base")]
    if not low.isalpha() and "-" not in low:
        return tuple(out)
    if low in _IRREGULAR:
        out.append(_IRREGULAR[low])
    if low.endswith("ies") and len(low) > 4:
        out.append((low[:-3] + "y", "s"))
    elif low.endswith("es") and len(low) > 3:
        out += [(low[:-1], "s"), (low[:-2], "s")]
    elif low.endswith("s") and not low.endswith("ss") and len(low) > 2:
        out.append((low[:-1], "s"))
    if low.endswith("ied") and len(low) > 4:
        out.append((low[:-3] + "y", "ed"))
    elif low.endswith("ed") and len(low) > 3:
        stem = low[:-2]
        out += [(stem, "ed"), (low[:-1], "ed")]
        if len(stem) > 2 and stem[-1] == stem[-2] and stem[-1] in _CONSONANTS:
            out.append((stem[:-1], "ed"))
    if low.endswith("ing") and len(low) > 4:
        stem = low[:-3]
        out += [(stem, "ing"), (stem + "e", "ing")]
        if len(stem) > 2 and stem[-1] == stem[-2] and stem[-1] in _CONSONANTS:
            out.append((stem[:-1], "ing"))
    for suffix, repl in (("ications", "y"), ("ication", "y"), ("ations", ""), ("ation", ""),
                         ("ions", ""), ("ion", ""), ("ions", "e"), ("ion", "e")):
        if low.endswith(suffix) and len(low) > len(suffix) + 2:
            out.append((low[: -len(suffix)] + repl, "noun"))
    return tuple(out)


def has_lemma(low: str, words: frozenset[str] | set[str]) -> str | None:
    """The form (base, s, ed, ing, noun) in which `low` is an inflection of one of `words`, else None."""
    for lemma, form in lemmas(low):
        if lemma in words:
            return form
    return None


# Verbs whose final consonant doubles before -ed and -ing (stress on the last syllable, or one syllable).
_DOUBLING = frozenset("admit quip dub".split())


def inflections(lemma: str, forms: Iterable[str] = ("base", "s", "ed", "ing")) -> frozenset[str]:
    """The written forms of a regular or listed irregular verb, each checked to read back to
    `lemma` through `lemmas`, so the speech verbs and the lemmatizer cannot disagree."""
    wanted = set(forms)
    out: set[str] = set()
    candidates: list[tuple[str, str]] = [(lemma, "base")]
    ends_cy = lemma.endswith("y") and lemma[-2:-1] in _CONSONANTS
    if lemma.endswith(("s", "x", "z", "ch", "sh")):
        candidates.append((lemma + "es", "s"))
    elif ends_cy:
        candidates.append((lemma[:-1] + "ies", "s"))
    else:
        candidates.append((lemma + "s", "s"))
    double = lemma + lemma[-1] if lemma in _DOUBLING else lemma
    if lemma.endswith("e"):
        candidates += [(lemma + "d", "ed"), (lemma[:-1] + "ing", "ing")]
    elif ends_cy:
        candidates += [(lemma[:-1] + "ied", "ed"), (lemma + "ing", "ing")]
    else:
        candidates += [(double + "ed", "ed"), (double + "ing", "ing")]
        if lemma == "label":  # British spelling beside the American one
            candidates += [(lemma + "led", "ed"), (lemma + "ling", "ing")]
    candidates += [(word, form) for word, (base, form) in _IRREGULAR.items() if base == lemma]
    if any(base == lemma and form == "ed" for base, form in _IRREGULAR.values()):
        candidates = [(w, f) for w, f in candidates if f != "ed" or w in _IRREGULAR]  # no "sayed"
    for word, form in candidates:
        if form in wanted and (lemma, form) in lemmas(word):
            out.add(word)
    return frozenset(out)


# --- speech verbs ----------------------------------------------------------------------------------

# Verbs that attribute words to a speaker, by base form. A verb whose -ing form mostly heads a
# phrase of its own ("reporting from Kyiv", "writing in the Times") takes no -ing; a verb whose
# plain or -s form is mostly a noun or adjective in news text ("the state", "claims", "posts",
# "answers", "a term") is a speech verb only in the past tense.
_SPEECH_ANY_FORM = (
    "say tell add stress warn call hail concede note argue ask insist declare explain announce reply "
    "acknowledge complain urge describe"
).split()
_SPEECH_NO_ING = "remark admit report write".split()
_SPEECH_PAST_ONLY = (
    "state answer respond observe claim dub term label brand praise criticize criticise condemn denounce "
    "predict vow promise pledge suggest recall tweet post quip caution contend maintain emphasize emphasise "
    "reiterate affirm assert confirm blast dismiss testify shout whisper exclaim continue conclude"
).split()
SPEECH_VERBS = frozenset(_SPEECH_ANY_FORM + _SPEECH_NO_ING + _SPEECH_PAST_ONLY)
SPEECH_VERB_FORMS = frozenset().union(
    *(inflections(v) for v in _SPEECH_ANY_FORM),
    *(inflections(v, ("base", "s", "ed")) for v in _SPEECH_NO_ING),
    *(inflections(v, ("ed",)) for v in _SPEECH_PAST_ONLY),
)

# --- units -----------------------------------------------------------------------------------------

# Every unit word the quantity parser reads (values/quantity.py), so that a unit it knows is never
# missed by the extractor. The bare "t" is left out: spaced, it is a letter ("5 t"), and values.py
# reads it only attached to digits ("7.5t").
QUANTITY_UNITS = frozenset(UNIT_WORDS) - {"t"}


# --- what happened to the people counted ---------------------------------------------------------

# "2,053 people" says nothing about which toll it is: killed, injured and missing counts of one event
# must not share a key (they would be false conflicts), and "killed", "dead" and "died" are one toll
# that must. So a count of people takes the state the sentence gives them, in one word per toll.
PERSON_NOUNS = frozenset("people persons person residents civilians villagers victims individuals children adults".split())
CASUALTY_STATES = {
    "killed": "killed", "dead": "killed", "died": "killed", "perished": "killed",
    "injured": "injured", "wounded": "injured", "hurt": "injured",
    "missing": "missing", "unaccounted": "missing",
    "displaced": "displaced", "homeless": "displaced", "evacuated": "evacuated", "rescued": "rescued",
    "arrested": "arrested", "detained": "arrested",
}
# Nouns (and participles used as nouns) that name a toll themselves: "237 deaths", "9,249 injured",
# "47 fatalities", "10,100 missing". Each is the toll of CASUALTY_STATES it names.
TOLL_NOUNS = {
    "dead": "killed", "deaths": "killed", "death": "killed", "fatalities": "killed", "killed": "killed",
    "injured": "injured", "injuries": "injured", "wounded": "injured",
    "missing": "missing",
}
LINKING_VERBS = frozenset("were are was is have has had been being remain remained reported confirmed feared believed".split())
# Words that may stand between such a verb and its count: "killed at least 820 people".
HEDGE_WORDS = frozenset("at least more than some nearly about around an estimated over almost roughly approximately up to".split())
