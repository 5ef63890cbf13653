"""Who gave a figure: "the Red Crescent said 500 people were killed", "according to the Syrian
health ministry", "..., a senior Taliban leader said".

A disaster's toll is counted by several bodies at once, and one article often reports three of
their figures side by side (the Taliban's 2,053, the Red Crescent's 500, the UN's 320). Drafted under
one key they contradict each other inside the article and every other outlet's figure. When an
article gives differing figures for one toll, claims.py keys each by the body this module reads from
its sentence, so a figure meets the same body's figure in other articles, not the other bodies'.

The body is the phrase before the speech verb nearest the number ("said", "told", "reported",
"gave", ...) back to the last comma or joining word, or the phrase after "according to". It is named
by its first capitalized run ("the Taliban administration" and "a senior Taliban leader" are both
"Taliban", "The Red Crescent" is "Red Crescent"), else by its words without determiners ("the
country's national disaster authority" is "national disaster authority").
"""

from __future__ import annotations

import re

from .lexicon import DETERMINERS

__all__ = ["who_gave"]

_VERB = re.compile(r"\b(?:said|says|told|tells|reported|reports|announced|confirmed|gave|gives|put|stated)\b")
_ACCORDING = re.compile(r"\baccording to (?P<body>[^,.;:()]+)", re.IGNORECASE)
_BOUNDARY = re.compile(r"[,;:()–—]|\b(?:while|but|as|whereas|after|before|however|later|earlier)\b", re.IGNORECASE)
_RELATIVE = re.compile(r"\s(?:that|who|which|whose)\s.*$", re.IGNORECASE)  # "the army that controls the east": the army
_WORD = re.compile(r"[\w'’.-]+")
_OF_ROLE = re.compile(r"\b(?:spokes(?:man|woman|person)|head|chief|official|director|minister|secretary-general)"
                      r" (?:for|of|at) (?P<body>.+)$", re.IGNORECASE)
_PRONOUNS = frozenset("it he she they we i who which that this there".split())
MAX_WORDS = 8  # a body named in more words than this is a clause, not a name


def who_gave(sentence: str, number_at: int) -> str | None:
    """The body a sentence gives the figure at `number_at` to, named as above; None when the
    sentence names no one."""
    phrase = _according(sentence, number_at) or _before_verb(sentence, number_at)
    return _name(phrase) if phrase else None


def _according(sentence: str, number_at: int) -> str | None:
    found = [m for m in _ACCORDING.finditer(sentence)]
    if not found:
        return None
    nearest = min(found, key=lambda m: abs(m.start() - number_at))
    return nearest.group("body")


def _before_verb(sentence: str, number_at: int) -> str | None:
    """The subject of the speech verb nearest before the number, else of the first one after it."""
    verbs = list(_VERB.finditer(sentence))
    before = [v for v in verbs if v.start() < number_at][::-1]
    after = [v for v in verbs if v.start() >= number_at]
    for verb in before + after:
        phrase = _subject(sentence[:verb.start()])
        if phrase is not None:
            return phrase
    return None


def _subject(head: str) -> str | None:
    """The words before a verb back to the last comma or joining word ("Mullah Janan Sayeeq,
    spokesman for the Taliban's Ministry, told": the apposition), if they can be a name."""
    cut = max((m.end() for m in _BOUNDARY.finditer(head)), default=0)
    phrase = head[cut:].strip()
    if not phrase and cut:
        parts = [p.strip() for p in re.split(r"[,;]", head) if p.strip()]
        phrase = parts[-1] if parts else ""
    phrase = _RELATIVE.sub("", phrase)
    words = _WORD.findall(phrase)
    if not words or len(words) > MAX_WORDS or words[0].lower() in _PRONOUNS or re.search(r"\d", phrase):
        return None
    return phrase


def _name(phrase: str) -> str | None:
    role = _OF_ROLE.search(phrase)
    if role:
        phrase = role.group("body")
    words = _WORD.findall(phrase)
    run: list[str] = []
    for index, word in enumerate(words):
        stem = re.sub(r"['’]s$", "", word)
        if stem[:1].isupper() and not (index == 0 and stem.lower() in DETERMINERS):
            run.append(stem)
            if stem != word:
                break  # "the Taliban's Ministry": the Taliban
        elif run:
            break
    if run:
        return " ".join(run)
    plain = [w for w in words if w.lower() not in DETERMINERS and not w.lower().endswith(("'s", "’s"))]
    return " ".join(plain).lower() or None
