"""Canonical qualifiers: one fact gets one key, whatever words an outlet uses for it.

Two claims meet only when subject, predicate and qualifiers are equal (docs/design.md §9), so
"the supply of refined petroleum products to North Korea" and "refined petroleum products" must
come out the same, while "crude oil" and "refined petroleum products", or "sixth nuclear test" and
"fifth nuclear test", must never. What is done to a qualifier value, in order:

1. A value that names one registry entity exactly (after the registry's own normalization) is
   that entity's id. Nothing is ever matched fuzzily here: near misses are other words.
2. Otherwise the words are read as a phrase: a direction phrase about the target party ("to P",
   "into P" is import; "from P" is export; P is the subject's `target` attribute, e.g. the
   country a resolution's sanctions are on) becomes a `direction` qualifier; mentions of the
   subject and the target party, leading determiners and possessives, and transparent heads
   ("supply of", "exports", "ability to import") are dropped; a relative or "including" clause
   is cut; nouns are made singular by a fixed rule with a list of exceptions ("news", "arms").
3. What remains is an entity's id when it names one exactly, else the phrase with every entity
   it names (two words or more, or one long word) replaced by the entity's id.

Numbers (digits, number words, ordinals) are never dropped or changed, so two phrases that differ
in one never share a key; nor do two different entities, since ids are distinct. When nothing
would remain, the value is kept as it was normalized. tests/data/qualifier-pairs.yaml pins which
phrasings share a key and which must not.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from .registry.entities import Entity, EntityRegistry, normalize_mention

DIRECTION_KEY = "direction"

DETERMINERS = frozenset({"the", "a", "an", "its", "their", "his", "her", "our", "this", "these", "those"})
# Heads that only say how a thing moves or is counted, not what it is: "exports of coal" is about coal.
TRANSPARENT_HEADS = frozenset({
    "supply", "supplies", "shipment", "shipments", "delivery", "deliveries", "export", "exports",
    "import", "imports", "sale", "sales",
})
TRANSPARENT_LEADS = (("ability", "to", "import"), ("ability", "to", "export"))  # "ability to import X": X
DIRECTION_HEADS = {"export": "export", "exports": "export", "import": "import", "imports": "import"}
INTO_PARTY = frozenset({"to", "into"})  # "... to P": goods going into the target party
FROM_PARTY = frozenset({"from"})
ABOUT_PARTY = frozenset({"on", "against", "of", "by", "for"})  # "sanctions on P": P is implied by the subject
CLAUSE_STARTS = frozenset({"that", "which", "who", "whom", "whose", "including"})
# Plural-looking words that are not plurals of a shorter word.
NOT_PLURAL = frozenset({
    "news", "arms", "goods", "series", "species", "means", "headquarters", "whereabouts", "earnings",
    "proceeds", "remains", "savings", "premises", "politics", "economics", "physics", "mathematics",
    "status", "census", "bus", "gas", "alias", "bias", "chaos", "lens", "crisis", "analysis", "basis",
    "thesis", "diagnosis", "emphasis", "this", "its", "us", "yes", "has", "was", "is", "as", "plus",
    "less", "unless", "across", "towards", "afterwards", "always", "perhaps", "overseas", "abroad",
})
IRREGULAR_PLURALS = {
    "people": "person", "men": "man", "women": "woman", "children": "child", "mice": "mouse",
    "feet": "foot", "teeth": "tooth", "geese": "goose", "data": "data", "media": "media",
    "criteria": "criterion", "phenomena": "phenomenon", "indices": "index", "matrices": "matrix",
}
NUMBER_WORDS = frozenset({
    "zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven",
    "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen",
    "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety", "hundred",
    "thousand", "million", "billion", "trillion", "first", "second", "third", "fourth", "fifth",
    "sixth", "seventh", "eighth", "ninth", "tenth", "half", "quarter", "dozen",
})
MEMO_LIMIT = 60_000  # distinct (value, subject) pairs remembered per process, as for parsed values
INNER_ENTITY_MIN_CHARACTERS = 4  # a one-word entity inside a phrase: "us" or "un" there are other words

_POSSESSIVE = re.compile(r"(?<=[\w)\]])['’]s\b|(?<=s)['’](?=\s|$)")  # "Korea's", "Resolution 2397 (2017)'s", "members'"
_DIGIT = re.compile(r"\d")


@dataclass(frozen=True)
class Canonical:
    """A qualifier's canonical value, and the direction its wording stated, if any."""

    value: str
    direction: str | None = None


@dataclass
class QualifierCanon:
    """Canonical qualifier values against one entity registry (remembered: corpora repeat them)."""

    entities: EntityRegistry
    _memo: dict[tuple[str, str | None], Canonical] = field(default_factory=dict, repr=False)
    _longest: int = field(default=0, repr=False)

    def __post_init__(self) -> None:
        self._longest = max((len(normalize_mention(m).split()) for e in self.entities.entities() for m in e.mentions), default=0)

    def qualifiers(self, written: Iterable[tuple[str, str]], subject: str | None) -> tuple[tuple[str, str], ...]:
        """A claim's qualifiers as bucket keys: sorted, canonical, with a stated direction added
        unless the claim gives one itself."""
        pairs: dict[str, str] = {}
        stated: str | None = None
        for key, value in written:
            canonical = self.canonical(value, subject)
            pairs[normalize_mention(key)] = canonical.value
            stated = stated or canonical.direction
        if stated and DIRECTION_KEY not in pairs:
            pairs[DIRECTION_KEY] = stated
        return tuple(sorted(pairs.items()))

    def canonical(self, value: str, subject: str | None) -> Canonical:
        memo_key = (value, subject)
        known = self._memo.get(memo_key)
        if known is None:
            known = self._canonical(value, subject)
            if len(self._memo) < MEMO_LIMIT:  # the common values come early; a huge corpus must not hold them all
                self._memo[memo_key] = known
        return known

    def _canonical(self, value: str, subject: str | None) -> Canonical:
        whole = self.entities.exact(value)
        if whole is not None:
            return Canonical(whole.id)
        words = _words(value)
        target = self._target(subject)
        parties = self._parties(subject, target)
        named = any(_contains(words, mention) for mention in target)
        words, direction = _direction_phrase(words, target)
        words, head = self._strip(words, parties)
        direction = direction or (head if named else None)  # "exports" says which way only with the party named
        words = _cut_clause(words)
        if not words:
            return Canonical(normalize_mention(value), direction)
        entity = self.entities.exact(" ".join(words)) or self.entities.exact(" ".join(map(_singular, words)))
        if entity is not None:
            return Canonical(entity.id, direction)
        return Canonical(" ".join(self._entities_inside(words)), direction)

    def _target(self, subject: str | None) -> list[tuple[str, ...]]:
        """How the target party of the subject (a resolution's `target`) may be written."""
        entity = self.entities.get(subject) if subject else None
        party = entity.attributes.get("target") if entity is not None else None
        found = self.entities.get(party) if isinstance(party, str) else None
        return _mentions(found) if found is not None else []

    def _parties(self, subject: str | None, target: list[tuple[str, ...]]) -> list[tuple[str, ...]]:
        """The subject's and its target party's mentions, longest first: implied by the claim."""
        entity = self.entities.get(subject) if subject else None
        return sorted({*(_mentions(entity) if entity else []), *target}, key=lambda m: (-len(m), m))

    def _strip(self, words: list[str], parties: Sequence[tuple[str, ...]]) -> tuple[list[str], str | None]:
        """Drop determiners, leading party mentions, transparent heads and party phrases; say which
        direction an export or import head stated (kept only when the target party is named)."""
        direction: str | None = None
        changed = True
        while changed and words:
            changed = False
            if words[0] in DETERMINERS:
                words, changed = words[1:], True
                continue
            party = _starts_with(words, parties)
            if party and party < len(words):  # "North Korea's coal", "North Korean coal": coal
                words, changed = words[party:], True
                continue
            lead = next((lead for lead in TRANSPARENT_LEADS if tuple(words[: len(lead)]) == lead), None)
            if lead is not None and len(words) > len(lead):
                direction = direction or DIRECTION_HEADS[lead[-1]]
                words, changed = words[len(lead):], True
                continue
            if len(words) > 2 and words[0] in TRANSPARENT_HEADS and words[1] == "of":  # "exports of coal": coal
                direction = direction or DIRECTION_HEADS.get(words[0])
                words, changed = words[2:], True
                continue
            if len(words) > 1 and words[-1] in TRANSPARENT_HEADS:  # "coal exports": coal
                direction = direction or DIRECTION_HEADS.get(words[-1])
                words, changed = words[:-1], True
                continue
            tail = _party_tail(words, parties)
            if tail:  # "sanctions on North Korea": sanctions
                words, changed = words[:-tail], True
        return words, direction

    def _entities_inside(self, words: list[str]) -> list[str]:
        """Each longest run of words that names one entity exactly, as that entity's id; the other
        words singular."""
        out: list[str] = []
        i = 0
        while i < len(words):
            for size in range(min(self._longest, len(words) - i), 0, -1):
                span = words[i : i + size]
                if size == 1 and (len(span[0]) < INNER_ENTITY_MIN_CHARACTERS or _is_number(span[0])):
                    continue
                entity = self.entities.exact(" ".join(span))
                if entity is not None:
                    out.append(entity.id)
                    i += size
                    break
            else:
                out.append(_singular(words[i]))
                i += 1
        return out


def _words(text: str) -> list[str]:
    """Words as the registry normalizes them, a possessive ending dropped ("Korea's" is "korea",
    where the registry's own normalization would make it "koreas")."""
    return normalize_mention(_POSSESSIVE.sub(" ", text)).split()


def _mentions(entity: Entity) -> list[tuple[str, ...]]:
    return [tuple(normalize_mention(mention).split()) for mention in entity.mentions if normalize_mention(mention)]


def _starts_with(words: Sequence[str], mentions: Sequence[tuple[str, ...]]) -> int:
    """How many leading words are one of `mentions` (longest first), else 0."""
    for mention in mentions:
        if tuple(words[: len(mention)]) == mention:
            return len(mention)
    return 0


def _contains(words: Sequence[str], mention: tuple[str, ...]) -> bool:
    size = len(mention)
    return any(tuple(words[i : i + size]) == mention for i in range(len(words) - size + 1))


def _party_tail(words: Sequence[str], parties: Sequence[tuple[str, ...]]) -> int:
    """How many trailing words are "on/against/of/by/for <party>", else 0."""
    for party in parties:
        size = len(party) + 1
        if len(words) > size and tuple(words[-len(party):]) == party and words[-size] in ABOUT_PARTY:
            return size
    return 0


def _direction_phrase(words: list[str], target: Sequence[tuple[str, ...]]) -> tuple[list[str], str | None]:
    """Cut "to/into <target>" (import) or "from <target>" (export) wherever it stands."""
    for i, word in enumerate(words):
        if word in INTO_PARTY or word in FROM_PARTY:
            size = _starts_with(words[i + 1 :], target)
            if size and i > 0:
                kept = words[:i] + words[i + 1 + size :]
                return kept, "import" if word in INTO_PARTY else "export"
    return words, None


def _cut_clause(words: list[str]) -> list[str]:
    """A relative or "including" clause adds detail, not identity: "oil that was smuggled" is oil."""
    for i, word in enumerate(words):
        if i > 0 and word in CLAUSE_STARTS:
            return words[:i]
    return words


def _is_number(word: str) -> bool:
    """Digits, number words and ordinals, plural ones too ("fifths", "tens")."""
    return bool(_DIGIT.search(word)) or word in NUMBER_WORDS or (word.endswith("s") and word[:-1] in NUMBER_WORDS)


def _singular(word: str) -> str:
    """A fixed rule, so both outlets' words come out the same (a key, not a word to show: "tranche"
    and "tranches" both give "tranch"); numbers and listed words unchanged."""
    if _is_number(word) or word in NOT_PLURAL or len(word) <= 3:
        return word
    if word in IRREGULAR_PLURALS:
        return IRREGULAR_PLURALS[word]
    if word.endswith("s") and not word.endswith(("ss", "us", "is")):
        word = word[:-1]
    if word.endswith(("che", "she", "xe", "ze", "sse")):  # "churches", "church" and "tranche" lose their e
        word = word[:-1]
    elif word.endswith("ie") and len(word) > 3:  # "supplies", "movies" and "movie" end in y
        word = word[:-2] + "y"
    return word
