"""The measure action vocabulary (rules/actions.yaml): names, synonyms and incompatibilities.

Actions are data so that the tool stays domain-free; this class only answers "which action is this
word?" and "can these two actions describe the same measure?". Reading the YAML file (with
positions for error messages) happens in the rule-set loader, which hands over a plain dict.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from rapidfuzz import fuzz, process

_SEPARATORS = re.compile(r"[\s_\-]+")


def normalize_action_word(word: str) -> str:
    """Case, hyphens, underscores and spacing never distinguish actions ("No-Increase" = "no increase")."""
    return _SEPARATORS.sub(" ", word.casefold()).strip()


@dataclass(frozen=True, eq=False)  # identity equality: hashable inside a frozen ParseContext
class ActionVocabulary:
    """Action names, the words that mean them, and which pairs contradict each other."""

    names: tuple[str, ...] = ()
    words: Mapping[str, str] = field(default_factory=dict)  # normalized name or synonym -> name
    incompatible_pairs: frozenset[frozenset[str]] = frozenset()

    @classmethod
    def from_mapping(cls, mapping: Mapping[str, Any]) -> ActionVocabulary:
        """From `{name: {synonyms: [...], incompatible: [...]}}` (an `actions:` wrapper is accepted too).

        Raises ValueError for shapes that cannot be a vocabulary: a synonym claimed by two actions,
        an incompatibility with an action that is not defined.
        """
        if set(mapping) == {"actions"} and isinstance(mapping["actions"], Mapping):
            mapping = mapping["actions"]
        names: list[str] = []
        words: dict[str, str] = {}
        incompatible: dict[str, list[str]] = {}
        for raw_name, spec in mapping.items():
            name = str(raw_name).strip()
            spec = spec or {}
            if not isinstance(spec, Mapping):
                raise ValueError(f"action '{name}': expected a mapping with 'synonyms' and 'incompatible'")
            unknown = set(spec) - {"synonyms", "incompatible", "description"}
            if unknown:
                raise ValueError(f"action '{name}': unknown keys {', '.join(sorted(map(str, unknown)))}")
            names.append(name)
            for word in [name, *_strings(spec.get("synonyms"), name, "synonyms")]:
                key = normalize_action_word(word)
                if words.get(key, name) != name:
                    raise ValueError(f"'{word}' is a name or synonym of both '{words[key]}' and '{name}'")
                words[key] = name
            incompatible[name] = _strings(spec.get("incompatible"), name, "incompatible")
        pairs: set[frozenset[str]] = set()
        for name, others in incompatible.items():
            for other in others:
                resolved = words.get(normalize_action_word(other))
                if resolved is None:
                    raise ValueError(f"action '{name}': incompatible action '{other}' is not defined")
                if resolved != name:
                    pairs.add(frozenset((name, resolved)))
        return cls(tuple(names), words, frozenset(pairs))

    def normalize(self, word: str) -> str | None:
        """The action a name or synonym stands for (case-insensitive), or None."""
        return self.words.get(normalize_action_word(word))

    def incompatible(self, a: str, b: str) -> bool:
        """True when actions a and b (names or synonyms) cannot describe the same measure. Symmetric."""
        first, second = self.normalize(a) or a, self.normalize(b) or b
        return frozenset((first, second)) in self.incompatible_pairs

    def suggest(self, word: str, limit: int = 3) -> list[str]:
        """Action names whose names or synonyms look like word (for did-you-mean messages)."""
        if not self.words:
            return []
        query = normalize_action_word(word)
        matches = process.extract(query, list(self.words), scorer=fuzz.WRatio, limit=limit * 3)
        found: list[str] = []
        for candidate, score, _ in matches:
            name = self.words[candidate]
            if score >= 70 and name not in found:
                found.append(name)
        return found[:limit]


def _strings(value: Any, name: str, key: str) -> list[str]:
    if value is None:
        return []
    if isinstance(value, str) or not isinstance(value, Iterable):
        raise ValueError(f"action '{name}': '{key}' must be a list of words")
    items = list(value)
    if not all(isinstance(item, str) and item.strip() for item in items):
        raise ValueError(f"action '{name}': '{key}' must be a list of non-empty words")
    return items
