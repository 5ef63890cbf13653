"""Resolve mentions ("Resolution No. 2397", "Haley") to registry entities.

Exact match after normalization first; then a fuzzy match that must be clearly ahead and must keep
every run of digits, so "Resolution 2397" never becomes "Resolution 2371".
"""

from __future__ import annotations

import re
import unicodedata
from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any, Iterable, Mapping

from rapidfuzz import fuzz, process

FUZZY_MIN = 90
FUZZY_LEAD = 5

_NUMBER_WORD = re.compile(r"\b(?:no|nos|number|nr)\s+(?=\d)")
_DROP = re.compile(r"[.'’‘`]")
_SEPARATORS = re.compile(r"[^\w]+|_")
_DIGITS = re.compile(r"\d+")


def normalize_mention(text: str) -> str:
    """Case, punctuation and spacing do not tell entities apart; 'No.' before a number neither."""
    folded = unicodedata.normalize("NFKC", text).casefold()
    folded = _DROP.sub("", folded)
    folded = " ".join(_SEPARATORS.sub(" ", folded).split())
    folded = _NUMBER_WORD.sub("", folded)
    return folded.removeprefix("the ") if folded != "the" else folded


@dataclass(frozen=True)
class Entity:
    id: str
    name: str
    type: str
    aliases: tuple[str, ...] = ()
    attributes: dict[str, Any] = field(default_factory=dict, compare=False, hash=False)

    @property
    def mentions(self) -> tuple[str, ...]:
        return (self.id, self.name, *self.aliases)


@dataclass(frozen=True)
class Resolution:
    """The entity a mention names, or why it names none (unknown, or ambiguous) with suggestions."""

    entity: Entity | None
    suggestions: tuple[str, ...] = ()
    ambiguous: bool = False

    def explain(self, mention: str, role: str) -> str:
        if self.ambiguous:
            message = f"{role} '{mention}' is ambiguous: it could be {_either(self.suggestions)}"
        else:
            message = f"{role} '{mention}' matches no entity in the registry"
        if self.suggestions and not self.ambiguous:
            message += f"; did you mean {_either(self.suggestions)}?"
        elif not self.suggestions:
            message += "; add it to entities.yaml (or an alias to an existing entity)"
        return message


def _either(names: Iterable[str]) -> str:
    quoted = [f"'{name}'" for name in names]
    return quoted[0] if len(quoted) == 1 else ", ".join(quoted[:-1]) + " or " + quoted[-1]


# A fuzzy lookup as kept between runs (cache.py): the entity's id or None, suggestions, ambiguous.
StoredResolution = tuple[str | None, tuple[str, ...], bool]


class EntityRegistry:
    def __init__(self, entities: Iterable[Entity] = ()) -> None:
        self._by_id: dict[str, Entity] = {}
        self._by_key: dict[str, list[Entity]] = defaultdict(list)
        self._cache: dict[str, Resolution] = {}
        self._fuzzy: dict[str, StoredResolution] = {}  # the lookups that needed fuzzy matching
        for entity in entities:
            self.add(entity)

    def add(self, entity: Entity) -> None:
        self._by_id[entity.id] = entity
        for mention in entity.mentions:
            bucket = self._by_key[normalize_mention(mention)]
            if entity not in bucket:
                bucket.append(entity)
        self._cache.clear()
        self._fuzzy.clear()

    def __contains__(self, entity_id: str) -> bool:
        return entity_id in self._by_id

    def __len__(self) -> int:
        return len(self._by_id)

    def get(self, entity_id: str) -> Entity | None:
        return self._by_id.get(entity_id)

    def name_of(self, entity_id: str) -> str:
        """The entity's name; a mention that resolved to no entity (kept as written) is itself."""
        entity = self._by_id.get(entity_id)
        return entity.name if entity is not None else entity_id

    def exact(self, mention: str) -> Entity | None:
        """The one entity a mention names exactly (after normalization), without fuzzy matching:
        for scanning running text, where near misses are other words, not typos."""
        found = self._by_key.get(normalize_mention(mention))
        return found[0] if found and len(found) == 1 else None

    def entities(self) -> list[Entity]:
        return list(self._by_id.values())

    def key_of(self, mention: str) -> str:
        """The id of the entity a mention names, else the mention normalized: what an outlet named
        in derived_from (or a qualifier) is compared by."""
        entity = self.resolve(mention).entity
        return entity.id if entity else normalize_mention(mention)

    def resolve(self, mention: str) -> Resolution:
        cached = self._cache.get(mention)
        if cached is None:
            cached = self._cache[mention] = self._resolve(mention)
        return cached

    def fuzzy_lookups(self) -> dict[str, StoredResolution]:
        """The lookups that needed fuzzy matching (about a millisecond each against a large
        registry, where an exact one takes microseconds): worth keeping for the next run."""
        return dict(self._fuzzy)

    def remember(self, stored: Mapping[str, StoredResolution]) -> None:
        """Take fuzzy lookups made earlier against this same registry (the caller makes sure of
        that). Whatever does not fit, such as an id the registry lacks, is left out, never trusted."""
        for mention, entry in stored.items():
            try:
                entity_id, suggestions, ambiguous = entry
            except (TypeError, ValueError):
                continue
            entity = self._by_id.get(entity_id) if isinstance(entity_id, str) else None
            valid = (entity is not None or entity_id is None) and isinstance(mention, str) and isinstance(ambiguous, bool) \
                and isinstance(suggestions, tuple) and all(isinstance(name, str) for name in suggestions)
            if valid and mention not in self._cache:
                self._cache[mention] = Resolution(entity, suggestions, ambiguous)
                self._fuzzy[mention] = (entity_id, suggestions, ambiguous)

    def _resolve(self, mention: str) -> Resolution:
        key = normalize_mention(mention)
        exact = self._by_key.get(key)
        if exact:
            if len(exact) == 1:
                return Resolution(exact[0])
            return Resolution(None, tuple(e.name for e in exact), ambiguous=True)
        if not key:
            return Resolution(None)
        found = self._fuzzy_resolve(key)
        self._fuzzy[mention] = (found.entity.id if found.entity else None, found.suggestions, found.ambiguous)
        return found

    def _fuzzy_resolve(self, key: str) -> Resolution:
        digits = _DIGITS.findall(key)
        any_digits: dict[str, float] = {}  # best score per entity, for suggestions
        same_digits: dict[str, float] = {}  # best score per entity whose digits agree, for resolution
        for candidate, score, _ in process.extract(key, list(self._by_key), scorer=fuzz.WRatio, limit=20, score_cutoff=50):
            for entity in self._by_key[candidate]:
                any_digits[entity.id] = max(any_digits.get(entity.id, 0), score)
                if _DIGITS.findall(candidate) == digits:
                    same_digits[entity.id] = max(same_digits.get(entity.id, 0), score)
        ranked = sorted(same_digits.items(), key=lambda item: (-item[1], item[0]))
        if ranked and ranked[0][1] >= FUZZY_MIN:
            top_id, top = ranked[0]
            runner_up = ranked[1][1] if len(ranked) > 1 else 0
            if top - runner_up >= FUZZY_LEAD:
                return Resolution(self._by_id[top_id])
            close = [self._by_id[eid].name for eid, score in ranked if top - score < FUZZY_LEAD]
            return Resolution(None, tuple(close), ambiguous=True)
        ranked = sorted(any_digits.items(), key=lambda item: (-item[1], item[0]))
        suggestions = tuple(self._by_id[eid].name for eid, score in ranked[:3] if score >= 60)
        return Resolution(None, suggestions)
