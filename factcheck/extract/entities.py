"""Registry entities named in running text, and draft entities for names the registry lacks.

Running text is scanned for exact mentions only (id, name or alias after normalization): fuzzy
matching over every phrase of an article would find "Resolution 2397" in "Resolution 2371"'s
neighbourhood and people in common words. Names that match nothing become draft entities, which
the curator reviews; they are never silently merged with a near match.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field

from ..registry.entities import Entity, EntityRegistry, normalize_mention
from .article import Article

MAX_WORDS = 8
_WORD = re.compile(r"[\w][\w.'’&-]*[\w.]|[\w]")
_SLUG = re.compile(r"[^a-z0-9]+")
_GUESS_TYPES = (
    (re.compile(r"\b(?:resolution|res\.)\b", re.I), "resolution"),
    (re.compile(r"\b(?:ministry|council|association|agency|committee|organization|organisation|department|office|company|bank|union|party)\b", re.I), "organization"),
    (re.compile(r"\b(?:officials|diplomats|analysts|experts|members|leaders)\b", re.I), "group"),
    (re.compile(r"\b(?:ambassador|minister|secretary|spokesperson|spokesman|spokeswoman|representative|president|adviser)\b", re.I), "role"),
)


@dataclass(frozen=True)
class EntityMention:
    entity: Entity
    start: int  # offsets in Article.text
    end: int


def find_entities(article: Article, registry: EntityRegistry | None, start: int, end: int) -> list[EntityMention]:
    """Exact registry mentions in `article.text[start:end]`, longest first, not overlapping."""
    if registry is None or not len(registry):
        return []
    words = [(m.start() + start, m.end() + start) for m in _WORD.finditer(article.text[start:end])]
    found: list[EntityMention] = []
    i = 0
    while i < len(words):
        for n in range(min(MAX_WORDS, len(words) - i), 0, -1):
            first, last = words[i][0], words[i + n - 1][1]
            phrase = article.text[first:last]
            entity = registry.exact(phrase) or (registry.exact(phrase.rstrip(".")) if phrase.endswith(".") else None)
            if entity is None and phrase.endswith(("'s", "’s")):
                entity = registry.exact(phrase[:-2])
                last -= 2
            if entity is not None and _worth_it(phrase, entity):
                found.append(EntityMention(entity, first, last))
                i += n
                break
        else:
            i += 1
    return found


def _worth_it(phrase: str, entity: Entity) -> bool:
    """A lower-case single word names an entity only when the entity's own name is that word
    ("coal"), never by a short alias that happens to be a common word ("us" for the United States)."""
    if phrase[:1].isupper() or any(ch.isdigit() for ch in phrase):
        return True
    return normalize_mention(phrase) in (normalize_mention(entity.name), normalize_mention(entity.id))


@dataclass
class DraftEntities:
    """Entities an extraction needs that the registry lacks, by name, in first-seen order."""

    registry: EntityRegistry | None
    taken_ids: set[str] = field(default_factory=set)
    drafts: dict[str, dict[str, object]] = field(default_factory=dict)  # normalized name -> entry

    def name_for(self, mention: str, type_hint: str | None = None, aliases: Iterable[str] = ()) -> str:
        """The registry's name for `mention`, or `mention` itself, recorded as a draft entity with the
        other forms the article gave it (`aliases`; a person's surname too). A form the registry
        already knows exactly decides: "Volodymyr Zelensky" with the form "Zelensky" is the entity
        an earlier article drafted as "Zelensky", so the speakers of both articles meet."""
        mention = " ".join(mention.split())
        type_name = type_hint or guess_type(mention)
        forms = [" ".join(a.split()) for a in aliases]
        seen_forms = set(forms)
        surname = mention.split()[-1] if type_name == "person" and len(mention.split()) > 1 else ""
        if len(surname) >= 4 and surname not in forms:
            forms.append(surname)
        if self.registry is not None:
            entity = self.registry.exact(mention)  # never a near match: "Boris Johnson" is not "Lyndon Johnson"
            for form in forms if entity is None else ():
                found = self.registry.exact(form)
                # A form the article gave decides; the surname alone only finds an entity that is
                # that bare surname (another article's draft), never a curated person of that name.
                if found is not None and (form in seen_forms or found.name == form):
                    entity = found
                    break
            if entity is not None:
                return entity.name
        key = normalize_mention(mention)
        if key not in self.drafts:
            entity_id = _unique(_SLUG.sub("-", key.lower()).strip("-") or "entity", self._ids())
            self.drafts[key] = {"id": entity_id, "name": mention, "type": type_name}
        entry = self.drafts[key]
        known = {normalize_mention(str(entry["name"]))} | {normalize_mention(str(a)) for a in entry.get("aliases", [])}  # type: ignore[union-attr]
        for form in forms:
            if self.registry is not None and self.registry.exact(form) is not None:
                continue  # a form the registry gives another entity stays that entity's
            if form and normalize_mention(form) not in known:
                entry.setdefault("aliases", []).append(form)  # type: ignore[union-attr]
                known.add(normalize_mention(form))
        return str(entry["name"])

    def _ids(self) -> set[str]:
        ids = set(self.taken_ids) | {str(d["id"]) for d in self.drafts.values()}
        if self.registry is not None:
            ids |= {e.id for e in self.registry.entities()}
        return ids

    def entries(self) -> list[dict[str, object]]:
        return list(self.drafts.values())


def guess_type(name: str) -> str:
    for pattern, type_name in _GUESS_TYPES:
        if pattern.search(name):
            return type_name
    words = name.split()
    if 2 <= len(words) <= 4 and all(w[:1].isupper() for w in words):
        return "person"
    if name[:1].islower():
        return "thing"
    return "organization" if name.isupper() else "thing"


def _unique(base: str, taken: set[str]) -> str:
    candidate, n = base, 2
    while candidate in taken:
        candidate, n = f"{base}-{n}", n + 1
    return candidate


def most_mentioned(mentions: list[EntityMention], types: tuple[str, ...]) -> Entity | None:
    counts = Counter(m.entity.id for m in mentions if m.entity.type in types)
    if not counts:
        return None
    best = max(counts.items(), key=lambda item: (item[1], -min(m.start for m in mentions if m.entity.id == item[0])))
    return next(m.entity for m in mentions if m.entity.id == best[0])
