"""How long a leader lasted after a vote: "Within eight months of that result, May was out", "May
resigned six months later", "She was ousted within seven months of her confidence vote".

Reports of a confidence vote or an election measure the survivor against those before, and outlets
disagree on these durations (six, seven or eight months; "two days" or "a week later"). The general
number finder reads each as a duration of whatever words stand next to it ("that result", "later
over Brexit deadlock"), so two outlets' figures never meet. This reader drafts each as `duration`
of the person who left, with one key, `{of: left office after the vote}`:

- a departure: "resigned", "quit", "stepped down", "was out", "was ousted", "was (still) forced out",
  "was forced to leave office" (or to resign, quit, step down), "left office", "was toppled";
- a duration in the same sentence, counted from something: "within N <unit>", "N <unit> later",
  "N <unit> after", "a week later";
- a vote the duration counts from, named in the sentence or the one before ("vote", "ballot",
  "result", "election"): a departure "two years into his term" is another fact;
- who left: the name just before the verb ("May resigned", "Theresa May was forced ..."); else, for
  "she"/"he" or a clause with no subject of its own ("but was still forced out"), the last name
  before the verb in the sentence, else in the sentence before. No name, no claim.

The person is returned as written; claims.py completes it from the article ("May" is the article's
"Theresa May") and makes it the claim's subject.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .lexicon import CALENDAR_WORDS
from .people import NAME_RUN, NOT_NAME, TITLE_PREFIX

__all__ = ["Departure", "TENURE_KEY", "find_departures", "spelled_one"]

TENURE_KEY = (("of", "left office after the vote"),)

_NUMBER = r"(?:[0-9]+|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|a|an)"
_UNIT = r"(?:days?|weeks?|months?|years?)"
_DEPARTURE = re.compile(
    r"\b(?:resigned|quit|stepped down|left office|(?:was|were) (?:still )?(?:out|ousted|toppled|forced out|gone)"
    r"|(?:was|were) (?:still )?forced to (?:leave office|resign|quit|step down))\b"
)
# The duration, counted from something: "within eight months (of ...)", "six months later/after".
_SPAN = re.compile(
    rf"\b(?:within (?:just |only )?(?P<within>{_NUMBER} {_UNIT})"
    rf"|(?:just |only )?(?P<later>{_NUMBER} {_UNIT}) (?:later|after)\b)",
    re.IGNORECASE,
)
_VOTE = re.compile(r"\b(?:vote|votes|voted|ballot|result|election)\b", re.IGNORECASE)
# A subject of its own between the last name and the departure: "..., and the party chairman resigned".
_OTHER_SUBJECT = re.compile(r"(?:,|\band|\bbut|\bwhile)\s+(?:the|a|an|his|her|its|their)\s+[a-z][\w-]*(?:\s+[a-z][\w-]*)?\s*$")
_PRONOUN_BEFORE = re.compile(r"\b(?:she|he)\s+$", re.IGNORECASE)
_VOTE_SENTENCES = 2  # a vote named this many sentences before still anchors "two days later"
_REACH = 80  # characters between the departure and its duration, either side


@dataclass(frozen=True)
class Departure:
    start: int  # the duration's span in the text
    end: int
    value: str  # the duration as the quantity parser reads it ("one week" for "a week")
    as_written: str
    person: str  # who left, as the article writes the name


def find_departures(text: str, sentences: list[tuple[int, int]]) -> list[Departure]:
    """Every departure with its duration in `text`, by sentence (start, end offsets, in order)."""
    found: list[Departure] = []
    for index, (start, end) in enumerate(sentences):
        sentence = text[start:end]
        verb = _DEPARTURE.search(sentence)
        if verb is None:
            continue
        previous = text[sentences[index - 1][0]:sentences[index - 1][1]] if index > 0 else ""
        context = text[sentences[max(0, index - _VOTE_SENTENCES)][0]:start]
        if not (_VOTE.search(sentence) or _VOTE.search(context)):
            continue
        span = _nearest_span(sentence, verb)
        if span is None:
            continue
        person = _who(sentence, verb.start(), previous)
        if person is None:
            continue
        person = _complete(text, sentences, person)
        written = span.group("within") or span.group("later")
        at = start + span.start("within" if span.group("within") else "later")
        found.append(Departure(at, at + len(written), spelled_one(written), written, person))
    return found


def _nearest_span(sentence: str, verb: re.Match[str]) -> re.Match[str] | None:
    spans = [m for m in _SPAN.finditer(sentence)
             if verb.end() <= m.start() <= verb.end() + _REACH or verb.start() - _REACH <= m.end() <= verb.start()]
    return min(spans, key=lambda m: min(abs(m.start() - verb.end()), abs(verb.start() - m.end())), default=None)


def _who(sentence: str, verb_at: int, previous: str) -> str | None:
    """The name just before the verb; else, after "she"/"he" or with no subject, the last name
    before it in the sentence, else in the sentence before."""
    head = sentence[:verb_at]
    names = [n for n in _names(head) if _a_name(n[2], next_to_verb=not head[n[1]:].strip())]
    if names:
        if _OTHER_SUBJECT.search(head[names[-1][1]:]):
            return None  # "Theresa May survived ... and the party chairman resigned": someone else left
        return names[-1][2]
    if _PRONOUN_BEFORE.search(head) or re.search(r"\b(?:but|and)\s+$", head) or not head.strip():
        earlier = [n for n in _names(previous) if _a_name(n[2], next_to_verb=False)]
        return earlier[-1][2] if earlier else None
    return None


def _complete(text: str, sentences: list[tuple[int, int]], name: str) -> str:
    """A surname as the one full name the article gives it ("May": Theresa May). The speaker rules
    (people.py) leave a month alone; here it is already known to be a person. Names are read sentence
    by sentence: the article's text joins its paragraphs with a space, and a title-case headline
    ("Johnson Survives Confidence Vote") would run on into a paragraph's first name."""
    if len(name.split()) > 1:
        return name
    full = {_without_titles(n[2]) for start, end in sentences for n in _names(text[start:end])
            if n[2].endswith(" " + name)}
    full = {f for f in full if len(f.split()) > 1 and _a_name(f, next_to_verb=False)}
    return next(iter(full)) if len(full) == 1 else name


def _without_titles(run: str) -> str:
    """The name at the end of a run: "Former Prime Minister Theresa May" is Theresa May."""
    words = run.split()
    i = len(words)
    while i > 0 and not TITLE_PREFIX.match(words[i - 1] + " ") and words[i - 1][:1].isupper() \
            and (words[i - 1].lower() not in NOT_NAME or words[i - 1].lower() in CALENDAR_WORDS):
        i -= 1
    return " ".join(words[i:])


def _names(text: str) -> list[tuple[int, int, str]]:
    """Capitalized runs without the sentence-opening words before them ("When Theresa May": Theresa May)."""
    out: list[tuple[int, int, str]] = []
    for m in NAME_RUN.finditer(text):
        words = m.group().split()
        while words and words[0].lower() in NOT_NAME and words[0].lower() not in CALENDAR_WORDS:
            words = words[1:]
        if words:
            out.append((m.start(), m.end(), " ".join(words)))
    return out


def _a_name(run: str, next_to_verb: bool) -> bool:
    """A person's name: no word that only opens sentences or names institutions. A month is a name in
    a full name ("Theresa May") or as the subject of the departure itself ("May resigned")."""
    words = run.split()
    if not words or any(w.lower() in NOT_NAME and w.lower() not in CALENDAR_WORDS for w in words):
        return False
    if all(w.lower() in CALENDAR_WORDS for w in words):
        return next_to_verb
    return not (len(words) == 1 and words[0] in _NOT_A_PERSON)


# Capitalized single words a sentence may open with that are no one's name.
_NOT_A_PERSON = frozenset("Within Despite Although Tory Labour Conservative".split())


def spelled_one(written: str) -> str:
    """"a week" -> "one week": the quantity parser reads numbers, not articles. The drafter writes a
    duration so, and the scorer reads a gold value so (bench/scoring.py)."""
    return re.sub(r"^(?:a|an) (?=[a-z])", "one ", written.strip(), flags=re.IGNORECASE)
