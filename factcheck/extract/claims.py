"""From an article's mentions to a draft claim file (docs/design.md §2), as plain data.

Every claim carries the sentence it came from as `evidence`, so a curator can check it against the
document and FC203 keeps checking it. Every value is re-parsed with its predicate's type before it
is written: a draft never holds a value that lint would call invalid (FC006).
"""

from __future__ import annotations

import datetime as dt
import re
from bisect import bisect_right
from dataclasses import dataclass, field
from typing import Any

from ..registry.entities import Entity, EntityRegistry
from ..ruleset import RuleSet
from ..values import Agreement, ParseContext, Value, ValueParseError, compare, parse_value, tokens
from .article import Article
from .authority import who_gave
from .entities import DraftEntities, EntityMention, find_entities, most_mentioned
from .measures import find_measures
from .lexicon import CALENDAR_WORDS
from .mentions import MeasureMention, QuoteMention, ValueMention
from .metadata import Metadata, detect_metadata
from .quotes import find_quotes
from .people import speaker_in_article
from .readings import READING_PREDICATES
from .values import find_values

_SLUG = re.compile(r"[^a-z0-9]+")
_MEASURE_WORDS = re.compile(r"\b(?:resolution|measures?|sanctions?|penalt(?:y|ies)|curbs?|restrictions?|council)\b", re.I)
_SUBJECT_TYPES = ("resolution", "person", "country", "organization", "group", "role")
_CONTEXT_STOP = re.compile(r"[,.;:!?—–()\"“”]")
# Verbs that only report speech: "Samantha Power said Wednesday" dates her statement, but "said on
# Sunday" with the article's own subject dates nobody's ("announced" is an act of its own).
_REPORTING_VERBS = frozenset("say says said tell tells told add adds added".split())
_EMPTY_EVENT_WORDS = frozenset("and or but the then also from until till through between since with its their this that".split())


class ExtractError(Exception):
    """The article cannot become a valid claim file without help (a field only flags can give)."""


@dataclass
class SourceOptions:
    """Source fields given on the command line; they win over what the page says."""

    outlet: str | None = None
    published: dt.date | None = None
    url: str | None = None
    source_id: str | None = None
    title: str | None = None
    kind: str | None = None
    document: str | None = None  # `source.document`, relative to where the claim file will live


@dataclass
class Draft:
    source: dict[str, Any]
    claims: list[dict[str, Any]]
    entities: list[dict[str, Any]] = field(default_factory=list)  # draft registry entries
    metadata: Metadata | None = None
    warnings: list[str] = field(default_factory=list)  # what was read with difficulty (a bad encoding)


def draft_claims(article: Article, options: SourceOptions, registry: EntityRegistry | None, ruleset: RuleSet) -> Draft:
    metadata = detect_metadata(article, registry)
    drafts = DraftEntities(registry)
    source = _source_block(article, metadata, options, drafts)
    published = source["published"]
    builder = _Builder(article, registry, ruleset, drafts, published, source, metadata)
    claims = builder.build(metadata.authors)
    return Draft(source, claims, drafts.entries(), metadata)


def _source_block(article: Article, metadata: Metadata, options: SourceOptions, drafts: DraftEntities) -> dict[str, Any]:
    published = options.published or metadata.published
    if published is None:
        raise ExtractError("the page gives no publication date; pass --published YYYY-MM-DD")
    outlet = options.outlet or metadata.outlet
    if not outlet:
        raise ExtractError("the page does not name its outlet; pass --outlet NAME")
    outlet_name = drafts.name_for(outlet, "outlet")
    outlet_key = metadata.outlet_entity if outlet_name == metadata.outlet and metadata.outlet_entity else None
    if outlet_key is None and drafts.registry is not None:
        entity = drafts.registry.resolve(outlet_name).entity
        outlet_key = entity.id if entity is not None else None
    source_id = options.source_id or f"{slug(outlet_key or outlet_name)}-{published.isoformat()}"
    source: dict[str, Any] = {"id": source_id, "outlet": outlet_name, "published": published}
    title = options.title or metadata.title
    if title:
        source["title"] = title
    url = options.url or metadata.url
    if url:
        source["url"] = url
    if metadata.authors:
        source["authors"] = list(metadata.authors)
    source["kind"] = options.kind or "news"
    if options.document:
        source["document"] = options.document
    return source


def slug(text: str, limit: int = 40) -> str:
    value = _SLUG.sub("-", text.casefold()).strip("-")
    if len(value) > limit:
        value = value[:limit].rsplit("-", 1)[0] or value[:limit]
    return value or "claim"


# The article's main subject when the registry has nothing for it: one placeholder for every article
# of the corpus, named the same whatever order they come in, so their claims meet (as they would
# once the curator adds the entity). An article that never mentions a resolution reports an event.
UNNAMED_RESOLUTION = "the resolution the articles report (not in the registry)"
UNNAMED_EVENT = "the event the articles report (not in the registry)"
RECENT_DAYS = 31  # an adoption date older than this is not the one an article without a registry resolution reports
_RESOLUTION_WORD = re.compile(r"\bresolutions?\b", re.IGNORECASE)
# A speaker phrase that refers to the document the article is about.
_DOCUMENT_SPEAKER = re.compile(r"(?:the|this|that|its) (?:draft )?(?:resolution|text|document|measure|declaration)", re.IGNORECASE)


class _Builder:
    def __init__(self, article: Article, registry: EntityRegistry | None, ruleset: RuleSet, drafts: DraftEntities,
                 published: dt.date, source: dict[str, Any], metadata: Metadata) -> None:
        self.article = article
        self.registry = registry
        self.ruleset = ruleset
        self.drafts = drafts
        self.published = published
        self.source_id = str(source["id"])
        self.outlet = registry.exact(str(source["outlet"])) if registry is not None else None
        self.sentences = article.sentences
        self.sentence_starts = [s.start for s in self.sentences]
        self.skip = metadata.paragraphs
        self.context = ParseContext(published=published, actions=ruleset.actions)
        self.mentions = find_entities(article, registry, 0, len(article.text))
        self.mention_starts = [m.start for m in self.mentions]
        self.ids: set[str] = set()
        self.quote_spans: list[QuoteMention] = []

    # --- subjects ---------------------------------------------------------------------------

    def article_resolution(self) -> str:
        """The resolution the article is about: the one it names most, else the registry's one
        adopted on the publication day or just before (the day's news), else a placeholder draft
        entity (the event, when the article mentions no resolution)."""
        named = most_mentioned(self.mentions, ("resolution",))
        if named is not None:
            return named.name
        if self.registry is not None:
            recent = [e for e in self.registry.entities() if e.type == "resolution" and _adopted_recently(e, self.published)]
            if len(recent) == 1:
                return recent[0].name
        if _RESOLUTION_WORD.search(self.article.text):
            return self.drafts.name_for(UNNAMED_RESOLUTION, "resolution")
        return self.drafts.name_for(UNNAMED_EVENT, "event")

    def sentence_entities(self, start: int, end: int) -> list[EntityMention]:
        first = bisect_right(self.mention_starts, start - 1)
        return [m for m in self.mentions[first:] if m.start < end and m.end <= end]

    def subject_for(self, mention: ValueMention | MeasureMention, quote: QuoteMention | None) -> str:
        index = bisect_right(self.sentence_starts, mention.start) - 1
        sentence_start, sentence_end = (self.sentences[index].start, self.sentences[index].end) if index >= 0 else (0, 0)
        if isinstance(mention, MeasureMention):
            if mention.subject_hint and self.registry is not None:
                entity = self.registry.exact(mention.subject_hint)
                if entity is not None and entity.type == "resolution":
                    return entity.name
            return self.article_resolution()
        if mention.predicate in READING_PREDICATES:
            return self.article_resolution()  # a quake's magnitude is the event's, whoever measured it
        if mention.subject:  # who left office (tenure.py), by the fullest name the article gives
            person = speaker_in_article(self.article.text, mention.subject)
            return self.drafts.name_for(person.name, "person", aliases=person.aliases)
        if mention.predicate in ("vote", "adopted_on") or _MEASURE_WORDS.search(mention.evidence):
            named = [m.entity for m in self.sentence_entities(sentence_start, sentence_end) if m.entity.type == "resolution"]
            return named[0].name if named else self.article_resolution()
        for found in self.sentence_entities(sentence_start, sentence_end):
            if found.entity.type in _SUBJECT_TYPES and (self.outlet is None or found.entity.id != self.outlet.id):
                if quote is not None and quote.start <= found.start < quote.end and found.entity.type == "person":
                    continue  # a person named inside someone's quote is not what the number is about
                if quote is None and any(q.start <= found.start < q.end for q in self.quote_spans):
                    continue  # the outlet's number; a place named inside a quote of the sentence is the quote's
                return found.entity.name
        return self.article_resolution()

    # --- claims -----------------------------------------------------------------------------

    def build(self, reporters: list[str]) -> list[dict[str, Any]]:
        quotes = [q for q in find_quotes(self.article, self.registry, reporters) if q.paragraph not in self.skip]
        self.quote_spans = quotes
        values = [v for v in find_values(self.article, self.published) if v.paragraph not in self.skip]
        measures = [m for m in find_measures(self.article, self.ruleset.actions, self.published) if m.paragraph not in self.skip]
        items: list[tuple[int, int, dict[str, Any]]] = []
        for quote in quotes:
            items.append((quote.start, 0, self.quote_claim(quote)))
        in_measures = {(m.evidence, " ".join(tokens(part))) for m in measures for part in (m.amount, m.deadline) if part}
        for value in values:
            if any(evidence == value.evidence and " ".join(tokens(value.value)) in part for evidence, part in in_measures):
                continue  # the measure's amount or deadline: one claim, the measure
            claim = self.value_claim(value, _containing(quotes, value.start))
            if claim is not None:
                items.append((value.start, 1, claim))
        for measure in measures:
            claim = self.measure_claim(measure, _containing(quotes, measure.start))
            if claim is not None:
                items.append((measure.start, 2, claim))
        items.sort(key=lambda item: (item[0], item[1]))
        claims: list[dict[str, Any]] = []
        seen: set[str] = set()
        for _, _, claim in items:
            identity = repr({k: v for k, v in claim.items() if k not in ("id", "evidence", "note")})
            if identity in seen:
                continue  # the same fact stated twice in the article is one claim, however it was worded
            seen.add(identity)
            claim["id"] = self.unique_id(claim["id"])
            claims.append(claim)
        return self.tolls_by_body(claims)

    def tolls_by_body(self, claims: list[dict[str, Any]]) -> list[dict[str, Any]]:
        """Where the article gives differing figures for one toll, the first is its story's figure and
        each one that differs from it is some other body's count: keyed by the body its sentence names
        (`per:`, authority.py), it meets that body's figure in other articles and not the story's. A
        differing figure whose sentence names no one cannot be told apart: not drafted."""
        groups: dict[str, list[dict[str, Any]]] = {}
        for claim in claims:
            if claim["predicate"] == "toll":
                key = repr((claim.get("subject"), claim.get("said_by"), sorted(claim.get("qualifiers", {}).items())))
                groups.setdefault(key, []).append(claim)
        counted = {id(c): self._count(c) for members in groups.values() for c in members}  # each figure parsed once
        dropped: set[int] = set()
        for lead, *rest in groups.values():
            kept = [counted[id(lead)]]
            for claim in rest:
                figure = counted[id(claim)]
                if not any(_differ(figure, other) for other in kept):
                    kept.append(figure)
                    continue
                evidence = str(claim["evidence"])
                at = evidence.find(str(claim["value"]))
                body = who_gave(evidence, at if at >= 0 else 0)
                if body is None:
                    dropped.add(id(claim))
                else:
                    claim["qualifiers"] = {**claim.get("qualifiers", {}), "per": body}
        return [claim for claim in claims if id(claim) not in dropped]

    def _count(self, claim: dict[str, Any]) -> Value | None:
        try:
            return parse_value("count", claim["value"], self.context)
        except ValueParseError:
            return None

    def speaker_name(self, quote: QuoteMention) -> str:
        """The said_by of a quote's claims. "The resolution says ..." quotes the article's own
        resolution: its subject, never a new entity named "The resolution" that would then match
        the words "the resolution" in every later article as if they named it."""
        assert quote.speaker is not None
        if _DOCUMENT_SPEAKER.fullmatch(quote.speaker.strip()):
            return self.article_resolution()
        return self.drafts.name_for(quote.speaker, aliases=quote.speaker_aliases)

    def quote_claim(self, quote: QuoteMention) -> dict[str, Any]:
        claim: dict[str, Any] = {"id": f"quote-{slug(_surname(quote.speaker) if quote.speaker else 'unattributed')}",
                                 "predicate": "quote", "value": quote.text}
        if quote.speaker:
            claim["said_by"] = self.speaker_name(quote)
        claim["evidence"] = quote.evidence
        return claim

    def value_claim(self, value: ValueMention, quote: QuoteMention | None) -> dict[str, Any] | None:
        predicate = self.ruleset.predicates.get(value.predicate)
        if predicate is None or not self._parses(predicate.type, value.value):
            return None
        if quote is not None and not quote.speaker:
            return None  # a number inside a quote is the speaker's; with no speaker known, drafting it in the outlet's voice would be wrong
        subject = self.subject_for(value, quote)
        if value.predicate == "adopted_on":
            days = self._days(value.value)
            subject = self.adopted_subject(subject, days)
            if subject in (UNNAMED_RESOLUTION, UNNAMED_EVENT) and not self._recent(days):
                return None  # "when Theresa May faced a vote in 2018": an earlier vote, not the one reported
        claim: dict[str, Any] = {"id": "", "subject": subject, "predicate": value.predicate, "value": value.value}
        qualifiers = self.qualifiers_for(value)
        if value.predicate == "occurred_on" and not _names_a_happening(qualifiers.get("event", "")):
            # "on Sunday" next to "Friday and": the sentence does not say what happened then. A date
            # with no event words at all is kept when the sentence names whose act it dates ("On
            # Wednesday, China's envoy called ..."), not for the article's whole story.
            if qualifiers or subject == self.article_resolution():
                return None
        if value.predicate == "occurred_on" and subject == self.article_resolution() and _only_reports(qualifiers.get("event", "")):
            return None  # "the Red Crescent said on Sunday": when someone spoke, and the subject is not who
        if qualifiers:
            claim["qualifiers"] = qualifiers
        if quote is not None and quote.speaker:
            claim["said_by"] = self.speaker_name(quote)
        claim["evidence"] = value.evidence
        if value.as_written != value.value:
            claim["note"] = f"as written: '{value.as_written}'"
        detail = next(iter(qualifiers.values())) if qualifiers else ""
        claim["id"] = slug(f"{value.predicate} {detail}".strip())
        return claim

    def _days(self, value: str) -> tuple[dt.date, dt.date] | None:
        """The first and last day a drafted date names (it parsed before it got here)."""
        try:
            date = parse_value("date", value, self.context)
        except ValueParseError:
            return None
        first, last = getattr(date, "first", None), getattr(date, "last", None)
        return (first, last) if first is not None and last is not None else None

    def _recent(self, days: tuple[dt.date, dt.date] | None) -> bool:
        """Whether a date can be the day's news: it ends within RECENT_DAYS before publication (the
        placeholder subject stands for what the article reports, which has no adoption day of its
        own to check an older date against)."""
        return days is not None and (self.published - days[1]).days <= RECENT_DAYS

    def adopted_subject(self, subject: str, days: tuple[dt.date, dt.date] | None) -> str:
        """An adoption date that is not the subject's (per the registry) is another resolution's:
        the one the registry says was adopted then ("the original sanctions, adopted in March")."""
        entity = self.registry.exact(subject) if self.registry is not None else None
        if entity is None or entity.type != "resolution" or self.registry is None or days is None:
            return subject
        first, last = days
        def adopted_in(candidate: Entity) -> bool:
            day = _as_day(candidate.attributes.get("adopted_on"))
            return day is not None and first <= day <= last
        if adopted_in(entity) or _as_day(entity.attributes.get("adopted_on")) is None:
            return subject
        others = [e for e in self.registry.entities() if e.type == "resolution" and adopted_in(e)]
        return others[0].name if len(others) == 1 else subject

    def qualifiers_for(self, value: ValueMention) -> dict[str, str]:
        """What tells this fact from other facts of the same predicate and subject in the corpus."""
        if value.qualifiers is not None:
            return dict(value.qualifiers)
        if value.predicate == "vote" or (value.predicate == "adopted_on" and value.of is None):
            return {}
        key = "event" if value.predicate in ("occurred_on", "adopted_on") else "of"
        described = value.of or _context_words(self.article.text, value.start, value.end)
        return {key: described} if described else {}

    def measure_claim(self, measure: MeasureMention, quote: QuoteMention | None) -> dict[str, Any] | None:
        body: dict[str, Any] = {"action": measure.action, "target": self.drafts.name_for(measure.target, "thing")}
        for key in ("direction", "amount", "deadline", "force"):
            if getattr(measure, key):
                body[key] = getattr(measure, key)
        if not self._parses("measure", body):
            return None
        claim: dict[str, Any] = {"id": slug(f"measure {measure.action} {measure.target}"),
                                 "subject": self.subject_for(measure, quote), "predicate": "measure", "value": body}
        if quote is not None and quote.speaker:
            claim["said_by"] = self.speaker_name(quote)
        claim["evidence"] = measure.evidence
        return claim

    def _parses(self, type_name: str, raw: Any) -> bool:
        try:
            parse_value(type_name, raw, self.context)
        except (ValueParseError, ValueError):
            return False
        return True

    def unique_id(self, base: str) -> str:
        base = base or "claim"
        candidate, n = base, 2
        while candidate in self.ids:
            candidate, n = f"{base}-{n}", n + 1
        self.ids.add(candidate)
        return candidate


def _differ(a: Value | None, b: Value | None) -> bool:
    """Whether two of an article's figures for one toll disagree (a figure that did not parse never does)."""
    return a is not None and b is not None and compare(a, b).outcome is Agreement.DISAGREE


def _containing(quotes: list[QuoteMention], offset: int) -> QuoteMention | None:
    return next((q for q in quotes if q.start <= offset < q.end), None)


def _surname(name: str) -> str:
    words = name.split()
    return words[-1] if words else name


def _as_day(value: object) -> dt.date | None:
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str):
        try:
            return dt.date.fromisoformat(value)
        except ValueError:
            return None
    return None


def _adopted_recently(entity: Entity, published: dt.date) -> bool:
    adopted = _as_day(entity.attributes.get("adopted_on"))
    return adopted is not None and dt.timedelta(0) <= published - adopted <= dt.timedelta(days=2)


def _names_a_happening(event: str) -> bool:
    """Whether an occurred_on's event words hold a word that can say what happened: not only
    joining words, calendar words and numbers ("and Sunday", "Friday and", "23 and Saturday 25 June")."""
    return any(len(w) > 2 and w.isalpha() and w not in _EMPTY_EVENT_WORDS and w not in CALENDAR_WORDS
               for w in re.findall(r"[\w'’-]+", event.lower()))


def _only_reports(event: str) -> bool:
    """Whether an occurred_on's event words only say that someone spoke ("said on Sunday")."""
    words = [w for w in re.findall(r"[\w'’-]+", event.lower()) if w not in _EMPTY_EVENT_WORDS]
    return bool(words) and all(w in _REPORTING_VERBS for w in words)


def _context_words(text: str, start: int, end: int, limit: int = 5) -> str:
    """A few words after the mention (else before it), up to punctuation: a curator's handle."""
    after = _CONTEXT_STOP.split(text[end:end + 120], maxsplit=1)[0].split()[:limit]
    after = [w for w in after if w.lower() not in ("of", "in", "a", "an", "the")] if len(after) > 1 else after
    if after:
        return " ".join(after)
    before = _CONTEXT_STOP.split(text[max(0, start - 120):start])[-1].split()[-limit:]
    return " ".join(before)
