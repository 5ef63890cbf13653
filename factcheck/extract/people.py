"""Who a speaker phrase names, read inside one article: the name without its titles, a surname
completed from the article's own full name, a role matched to the one person the article gives it.

Outlets name one speaker many ways ("Ukrainian President Zelensky", "Zelensky", "Volodymyr
Zelensky"; "the prime minister" for Boris Johnson; "the chairman of the 1922 Committee" for Sir
Graham Brady). Quotes meet across outlets (FC105, quote drift) only when their speakers resolve to
one entity, so the quote finder's speaker phrase is reduced to the fullest name the article itself
gives, and the other forms are kept as aliases of that name for the draft registry:

- titles and roles before a name are dropped ("U.S. envoy Thomas-Greenfield" -> "Thomas-Greenfield");
  words before a name that are neither titles, roles nor institution words keep the phrase whole;
- a single name word becomes the one full name in the article that ends with it ("Thomas-Greenfield"
  -> "Linda Thomas-Greenfield"); two different full names ("Boris Johnson", "Jo Johnson") leave it;
- a role ("the prime minister") becomes the one person the article names with it, either as a title
  ("Prime Minister Boris Johnson") or in apposition ("Sir Graham Brady, the chairman of the 1922
  Committee"; "the chairman ..., Sir Graham Brady"); with none or several, the role stays.

Only the article's own words decide; nothing is guessed from outside it.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from .lexicon import CALENDAR_WORDS

__all__ = ["TITLE", "NAME_WORD", "NAME_RUN", "TITLE_PREFIX", "NOT_NAME", "Speaker", "speaker_in_article"]

UP = "A-ZÀ-ÖØ-Þ"
LOW = "a-zß-öø-ÿ"
NAME_WORD = (
    rf"(?:[{UP}]\.(?:\s?[{UP}]\.)*"  # initials: "H.R.", "J."
    rf"|(?:Mc|Mac|O['’]|D['’])?[{UP}][{LOW}]+(?:[{UP}][{LOW}]+)?(?:-[{UP}{LOW}][{LOW}]+)*"  # McMaster, Ki-moon
    rf"|(?:al|el|bin|ibn|abu|ben|bint)-[{UP}][{LOW}]+)"  # the second word of "Tariq al-Masri"
)
TITLE = (
    r"(?:Mr|Mrs|Ms|Mx|Dr)\.?|(?:Prof|Gen|Sen|Rep|Gov|Lt|Col|Adm|Capt|Sgt|Rev|Cmdr|Supt|Insp|Det)\.|"
    r"President(?:-elect)?|Vice\s+President|Prime\s+Minister|Foreign\s+Minister|Defen[cs]e\s+Minister|Minister|"
    r"Ambassador|Secretary(?:\s+of\s+State|\s+of\s+Defen[cs]e|-General|\s+General)?|Senator|Governor|General|"
    r"Chancellor|King|Queen|Prince|Princess|Pope|Premier|Chairman|Chairwoman|Judge|Justice|Sir|Dame|Lord|Lady|"
    r"Miss|Speaker|Representative|Envoy|Commissioner|Mayor|Admiral|Colonel|Captain|Major|Lieutenant|Sergeant|"
    r"Professor|Doctor|Council(?:man|woman|lor|or)|Congress(?:man|woman)|Assembly(?:man|woman)|Alderman|Sheriff|"
    r"Chief|Deputy|Detective|Inspector|Officer|Bishop|Archbishop|Cardinal|Rabbi|Imam|Father|Sister|Brother"
)
PARTICLE = r"(?:de|da|di|van|von|der|bin|al|el|del|la|le)"
NAME_RUN = re.compile(
    rf"(?<![\w.’'-])(?:(?:{TITLE})\s+)*{NAME_WORD}(?:\s+(?:{NAME_WORD}|{PARTICLE}(?=\s+[{UP}])))*"
)
TITLE_PREFIX = re.compile(rf"^(?:(?:{TITLE})\s+)+")
# Capitalized words that start sentences or name institutions and places, never a person's name.
NOT_NAME = frozenset(
    """the a an in on at as but and or so yet if when while after before since even though although because
    for with from by of to into over under about against this that these those there here then now it its he
    she they we i his her their our my your what which who whom whose how why where according despite during
    however meanwhile still also just only once today yesterday tomorrow tonight last next earlier later
    published updated posted credit photo video read more share advertisement supported
    united nations states kingdom union security council house white ministry department association agency
    committee organization organisation office party republic democratic people's federation korea korean
    north south east west central northern southern eastern western new old great american chinese russian
    british french german japanese european asian african international national federal state city county
    street avenue road league university institute center centre court congress senate parliament army navy force
    forces air command group company corporation corp inc ltd news press times post journal herald tribune
    radio television network channel edition morning evening things considered reuters associated bank fund
    council's futures exchange market capital administration government embassy mission assembly general
    secretary president ambassador minister resolution resolutions sanctions treaty act program programme
    project summit conference foundation trust club school college hospital church river sea ocean island
    islands mountain mountains peninsula province region district pacific atlantic arctic gulf bay strait
    god christmas easter ramadan internet web twitter facebook google apple microsoft amazon""".split()
) | CALENDAR_WORDS
_TITLE_WORD = re.compile(rf"^(?:{TITLE})$")
# One word of a title (a title can be two words: "Prime Minister", "Vice President").
_TITLE_WORDS = frozenset(
    w.lower() for w in re.findall(r"[A-Za-z-]+", TITLE.replace(r"\s+", " ")) if len(w) > 2 and w not in ("man", "woman", "lor", "elect")
) | frozenset("spokesman spokeswoman spokesperson leader head director envoy secretary-general chief".split())
_DETERMINER = re.compile(r"^(?:the|a|an|his|her|its|their)\s+", re.I)


@dataclass(frozen=True)
class Speaker:
    """A speaker phrase read against its article: the name to use and the other forms it had."""

    name: str
    aliases: tuple[str, ...] = ()


def speaker_in_article(text: str, phrase: str) -> Speaker:
    """The fullest name the article gives the speaker of `phrase` (see the module doc)."""
    phrase = " ".join(phrase.split())
    name = name_part(phrase)
    if name is None:
        holder = role_holder(text, phrase)
        return Speaker(holder, (phrase,)) if holder else Speaker(phrase)
    full = full_name(text, name) if len(name.split()) == 1 else name
    aliases = tuple(dict.fromkeys(a for a in (phrase, name) if a != full))
    return Speaker(full, aliases)


def name_part(phrase: str) -> str | None:
    """The person's name at the end of a phrase, without the titles and roles before it; the
    phrase itself when what precedes the name is not a title; None for a role without a name."""
    words = phrase.split()
    i = len(words)
    while i > 0 and _is_name_word(words[i - 1]):
        i -= 1
    if i == len(words):
        return None
    name = " ".join(words[i:])
    before = words[:i]
    if not before:
        return name
    if not any(w.lower() in _TITLE_WORDS or w.lower() in NOT_NAME or w[:1].islower() for w in before):
        return phrase  # nothing before the name is a title, a role or an institution word: no name to cut out
    return name


def _is_name_word(word: str) -> bool:
    return bool(re.fullmatch(NAME_WORD, word)) and word.lower() not in NOT_NAME and word.lower() not in _TITLE_WORDS \
        and not _TITLE_WORD.match(word)


def full_name(text: str, surname: str) -> str:
    """The one full name in the article that ends with `surname`, else `surname`."""
    found = {name for name in _names(text) if len(name.split()) > 1 and name.split()[-1] == surname}
    return found.pop() if len(found) == 1 else surname


def role_holder(text: str, role: str) -> str | None:
    """The one person the article names with `role`, as a title or in apposition. Linear in the
    text: the name runs are found once per article, and each is checked where it stands."""
    words = _DETERMINER.sub("", role).split()
    if not words or not words[0][:1].islower() or len(words) > 12:
        return None  # not a role ("Qatar", "European Pravda")
    role_pattern = r"(?i:" + r"\s+(?:the\s+|a\s+)?".join(re.escape(w) for w in words) + r")"
    role_before = re.compile(rf"(?<![\w-]){role_pattern},?\s+$")
    role_after = re.compile(rf",\s+(?i:the\s+|a\s+)?{role_pattern}(?![\w-])")
    window = 40 + 20 * len(words)
    holders: set[str] = set()
    for start, end, run in _name_runs(text):
        title = TITLE_PREFIX.match(run)
        titled = title is not None and role_before.search(run[:title.end()] + " ") is not None  # "Prime Minister Boris Johnson"
        if titled or role_before.search(text, max(0, start - window), start) or role_after.match(text, end, end + window):
            name = name_part(run)
            if name and len(name.split()) > 1:
                holders.add(name)
    return holders.pop() if len(holders) == 1 else None


@functools.lru_cache(maxsize=4)
def _name_runs(text: str) -> tuple[tuple[int, int, str], ...]:
    """The article's runs of capitalised name words, once per article (every speaker asks)."""
    return tuple((m.start(), m.end(), m.group()) for m in NAME_RUN.finditer(text))


def _names(text: str) -> set[str]:
    return {name for name in (name_part(run) for _, _, run in _name_runs(text)) if name}
