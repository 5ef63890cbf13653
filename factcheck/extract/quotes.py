"""Find quotations in an article and who says them.

Two styles are read:

- Transcripts ("NIKKI HALEY: words"): each turn of a speaker other than the reporter is one quote,
  the turn's words. The reporter's turns ("MICHELE KELEMEN, BYLINE:", later "KELEMEN:", or a label
  naming one of the article's authors) are narration, read like prose.
- Prose: words between quotation marks (curly or straight double quotes, a closing `''`, curly or
  straight single quotes in British style), attributed through a speech verb in the same sentence:
  `"...," he said`, `"..." Mr. Trump said`, `X said (that) "..."`, `X, the Y, said ... "..."`,
  `X called them the "toughest" sanctions`, `X warned against, quote, "..."`,
  `X said ..., calling ... "..."`, `according to X`. In `X said "...", Reuters reported` the speaker
  is X: an outlet that reports the words is not who said them.

The speaker is the subject noun phrase of the speech verb: a name (preferred over a role in
apposition: "Samantha Power, the American ambassador ..." is Samantha Power), a role, a group, a
country or a document ("the measure"). A pronoun (he, she, they) resolves to the person the nearest
preceding sentence that names people names; when that sentence names several different people the
pronoun is ambiguous and the speaker is None. People the article itself marks as a man or a woman
(by a title, "Mr." or "Councilwoman", or by a "he"/"she" right after their name in the same
paragraph) are not candidates for the other pronoun. "They" resolves to a group ("American
officials"), never to several people at once. A quote in a sentence of its own, without a speech
verb, has no speaker: nothing is borrowed from the sentence before, except in news style's
'"...," said Pieter Janssen, the minister. "..."', where the quotation follows another in its
paragraph with only that one's attribution between them and goes on in its voice. A short quote that repeats the
words of an earlier quote of another speaker (scare quotes around a term already quoted) has no
speaker either: the article is citing the term, not new words.

Everything is deterministic and offline: regular expressions plus the entity registry.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Sequence
from dataclasses import dataclass

from ..registry.entities import Entity, EntityRegistry, normalize_mention
from ..values import tokens
from .article import Article, Paragraph, Sentence
from .lexicon import (
    DETERMINERS, PREPOSITIONS, QUANTIFIERS, SPEECH_VERB_FORMS, WEEKDAYS, alternation, is_narrator_role,
)
from .mentions import QuoteMention
from .people import LOW as _LOW, NAME_RUN as _NAME_RUN, NOT_NAME as _NOT_NAME, TITLE_PREFIX as _TITLE_PREFIX, UP as _UP, speaker_in_article
from .quotemarks import quote_spans

__all__ = ["find_quotes"]

# --- quotation marks (where they are: quotemarks.py) ------------------------------------------

_MASK = "\ue000"
# At most this many words between a quotation and the next one in its paragraph, for the next to
# go on in the first one's voice: the attribution ("said rescue worker Tariq al-Masri.") and no more.
_FOLLOW_ON_WORDS_SAME_SENTENCE = 12  # '"X," said Amrani who went outside, joining many other people, "Y"'
_FOLLOW_ON_WORDS = 8

# --- speech verbs ---------------------------------------------------------------------------------

_VERB = re.compile(r"(?<![\w-])(?:[Aa]ccording to|" + alternation(SPEECH_VERB_FORMS) + r")\b")
_REPORT_VERBS = frozenset({"report", "reports", "reported"})

# Words after which a verb form is a noun ("the calls", "her reports", "a warning").
_DETERMINERS = DETERMINERS | QUANTIFIERS

# --- noun phrases ------------------------------------------------------------------------------

_PRONOUNS = frozenset({"he", "she", "they"})
_NO_ANTECEDENT_PRONOUNS = frozenset({"i", "we", "you", "it", "one", "someone", "somebody"})
# A clause starts after these: what comes before them is not the verb's subject.
_SUBORDINATORS = re.compile(
    r"\b(?:that|which|who|whom|what|when|whenever|while|because|although|though|if|unless|as|after|before|since|"
    r"where|whereas|whether|but|so|yet|until|once|and(?=\s+(?:he|she|they|it|we|i)\b))\b",
    re.I,
)
_RELATIVE = frozenset({"who", "which", "that"})
_ADDRESSEE_VERBS = frozenset({"telling", "tells", "urging", "warning", "reminding"})  # the noun after is the listener
_PRONOUN_ATTRIBUTION = re.compile(r"[\s,.;:—–-]*(?:he|she|they)\s+(?:said|says|added|adds|told \w+|wrote)[\s,.;:—–-]*", re.IGNORECASE)
# A text's own wording: the document (or a body voting for it) and a verb of what it says, then the
# quotation within _DOCUMENT_REACH characters.
_DOCUMENT_REACH = 100
_TEXT_VERBS = (r"(?:condemn|demand|urge|declare|state|reaffirm|deplore|describe|reject|recogni[sz]e)(?:s|d|ed|ing)?"
               r"|call(?:s|ed|ing)? (?:for|on|upon)")
_DOCUMENT_VERB = re.compile(
    rf"\b(?:resolution|draft|text|document|declaration|assembly|council)\b[^.;:{_MASK}]{{0,60}}?\b(?:{_TEXT_VERBS})\b[^.;:{_MASK}]*$",
    re.IGNORECASE)
_VOTED_TO = re.compile(rf"\bvot(?:ed|es|e|ing)\b[^.;:{_MASK}]{{0,30}}?\bto (?:{_TEXT_VERBS})\b[^.;:{_MASK}]*$", re.IGNORECASE)
_IT_CALLS = re.compile(rf"\s*It (?:also )?(?:{_TEXT_VERBS})\b")
_PASSIVE_BEFORE = re.compile(r"\b(?:is|are|was|were|been|being|be)\s+(?:\w+ly\s+)?$", re.IGNORECASE)
_HARD_BOUNDARY = re.compile(rf"[;:()\[\]|{_MASK}]|—|–|\s-\s")
# Between a subject and its verb: "has", "also", "went on to", "was quoted as", "at the time".
_AUX_TAIL = re.compile(
    r"(?:\s+|^)(?:has|have|had|was|were|is|are|been|be|also|later|then|again|once|previously|recently|repeatedly|"
    r"publicly|privately|earlier|first|just|only|even|still|often|never|not|reportedly|separately|similarly|"
    r"likewise|further|too|would|will|could|did|does|do|can|may|might|must|should|went\s+on\s+to|goes\s+on\s+to|"
    r"go\s+on\s+to|continued\s+to|continues\s+to|quoted\s+as|today|yesterday|tonight|(?:on\s+)?(?:"
    + alternation(WEEKDAYS) + r"))\s*$",
    re.I,
)
_PP_TAIL = re.compile(
    r",?\s+(?:at|on|in|during|last|this|earlier|late|early|over|after|before)\s+(?:the\s+|a\s+|an\s+|that\s+)?"
    r"[\w.’']+(?:\s+[\w.’']+){0,2}\s*,?\s*$"
)
_LEADING_FILLER = re.compile(
    r"^(?:(?:but|and|so|yet|then|meanwhile|however|still|now|earlier|later|also|instead|indeed|separately|"
    r"in\s+turn|for\s+his\s+part|for\s+her\s+part|for\s+their\s+part)\b[\s,]*)+",
    re.I,
)
_PREPOSITIONS = PREPOSITIONS
# The first word of a clause segment that is an adverbial, not a noun phrase ("On Wednesday, ...").
_INTRO_WORDS = _PREPOSITIONS | frozenset(
    "meanwhile however also though although even yesterday today earlier later separately instead indeed "
    "still now then moreover".split()
)
_NP_STOP = frozenset("is was are were has have had been be do does did will would can could may might should must not".split())
_MAX_NP_WORDS = 12

# --- names ---------------------------------------------------------------------------------------

# What a title says of the pronoun that can refer to its bearer.
_MALE_TITLE = re.compile(r"^(?:Mr\.?|Sir|Lord|King|Prince|Chairman|Council(?:man)|Congressman|Assemblyman|Alderman|"
                         r"Father|Brother)\b")
_FEMALE_TITLE = re.compile(r"^(?:Mrs\.?|Ms\.?|Miss|Dame|Lady|Queen|Princess|Chairwoman|Councilwoman|Congresswoman|"
                           r"Assemblywoman|Sister)\b")
_GENDERED_PRONOUN = re.compile(r"\b(?:(he|him|his|himself)|(she|her|hers|herself))\b", re.I)
_BYLINE = re.compile(rf"(?:^|\|\s*)By\s+[{_UP}]")
_TURN_NOT_SPEAKER = frozenset(
    "note update correction editor's editors editor photo caption source sources credit transcript warning "
    "summary q a question answer".split()
)


@dataclass(frozen=True)
class _Span:
    """Quoted words in Article.text: marks at [open_start, words_start) and [words_end, close_end)."""

    open_start: int
    start: int
    end: int
    close_end: int
    closed: bool
    paragraph: int


@dataclass(frozen=True)
class _Mention:
    """A person (or role or group) named in the narration."""

    start: int
    end: int
    key: str  # entity id, or "name:<surname>" for a name the registry does not know
    kind: str  # person | role | group
    possessive: bool
    reporter: bool


@dataclass(frozen=True)
class _Speaker:
    name: str | None
    entity: str | None = None
    outlet: bool = False


_NOBODY = _Speaker(None)
_RESOLUTION = _Speaker("the resolution")  # claims.py makes it the article's resolution


def find_quotes(article: Article, registry: EntityRegistry | None, reporters: Sequence[str] = ()) -> list[QuoteMention]:
    """Every quotation of `article` with its speaker, in article order.

    `reporters` are the article's authors: their transcript turns are narration, and a pronoun
    that may mean them resolves to nobody.
    """
    if not article.paragraphs or not article.text.strip():
        return []
    return _Finder(article, registry, reporters).run()


class _Finder:
    def __init__(self, article: Article, registry: EntityRegistry | None, reporters: Sequence[str]) -> None:
        self.article = article
        self.text = article.text
        self.registry = registry
        self.reporter_names = {_fold_name(name) for name in reporters if name and name.strip()}
        self.reporter_surnames = {name.split()[-1] for name in self.reporter_names if name.split()}
        self._resolved: dict[str, Entity | None] = {}
        self.turn_speakers: dict[int, _Speaker | None] = {}  # paragraph index -> speaker (None: narration)
        self._read_turns()
        self.spans: dict[int, list[_Span]] = {}
        for paragraph in article.paragraphs:
            if self.turn_speakers.get(paragraph.index) is None:
                self.spans[paragraph.index] = _quote_spans(self.text, paragraph)
        self.masked = self._mask()
        self.about_resolution = bool(re.search(r"\bresolutions?\b", self.text, re.IGNORECASE))  # "It calls for" is its text
        self.byline_paragraphs = {p.index for p in article.paragraphs if _BYLINE.search(p.text) and len(p.text) < 160}
        self.names: dict[str, str] = {}  # cluster key -> fullest name seen
        self._pattern: re.Pattern[str] | None = None
        self._kinds: dict[str, Entity] = {}
        self.mentions: list[_Mention] = []
        self.gender: dict[str, str] = {}  # cluster key -> "m" | "f", from titles and the article's own pronouns
        self._find_mentions()
        self._learn_genders()

    # --- output --------------------------------------------------------------------------------

    def run(self) -> list[QuoteMention]:
        found: list[tuple[QuoteMention, _Span | None]] = []
        for paragraph in self.article.paragraphs:
            speaker = self.turn_speakers.get(paragraph.index)
            if speaker is not None:
                quote = self._turn_quote(paragraph, speaker)
                if quote is not None:
                    found.append((quote, None))
                continue
            for span in self.spans.get(paragraph.index, []):
                quote = self._prose_quote(paragraph, span)
                if quote is not None:
                    found.append((quote, span))
        return self._postprocess(found)

    def _postprocess(self, found: list[tuple[QuoteMention, _Span | None]]) -> list[QuoteMention]:
        quotes = [quote for quote, _ in found]
        # A quotation that runs over paragraphs reopens each one with a quotation mark and closes
        # only in the last ('Brady said: "Good evening. / "I can report ... / "And therefore ..."'):
        # a paragraph that opens with the continuation has the speaker of the quotation left open.
        for i in range(1, len(found)):
            quote, span = quotes[i], found[i][1]
            previous, previous_span = quotes[i - 1], found[i - 1][1]
            if span is None or previous_span is None or quote.speaker is not None or previous.speaker is None:
                continue
            if not previous_span.closed and span.paragraph == previous_span.paragraph + 1 and self._paragraph_opens_with(span):
                quotes[i] = _replace(quote, previous.speaker, previous.speaker_entity)
        # A quotation left open at the end of a paragraph continues in the next one ("...  / "... ,"
        # she said."): it takes the speaker of the next paragraph's opening quotation.
        for i in range(len(found) - 1, -1, -1):
            quote, span = found[i]
            if span is None or span.closed or quote.speaker is not None or i + 1 >= len(found):
                continue
            following, next_span = quotes[i + 1], found[i + 1][1]
            if next_span is not None and next_span.paragraph == span.paragraph + 1 and \
                    self._paragraph_opens_with(next_span):
                quotes[i] = _replace(quote, following.speaker, following.speaker_entity)
        # Scare quotes around a term quoted before by someone else, used as a modifier ('the
        # "livelihood" exemption'), cite the term: they are nobody's new words.
        seen: list[tuple[tuple[str, ...], str | None]] = []
        for i, (quote, span) in enumerate(found):
            quote = quotes[i]
            words = tuple(tokens(quote.text))
            if span is not None and 0 < len(words) <= 3 and self._attributive(span):
                earlier = [speaker for w, speaker in seen if w == words]
                if earlier and all(_speaker_key(s) != _speaker_key(quote.speaker) for s in earlier):
                    quotes[i] = _replace(quote, None, None)
            seen.append((words, quote.speaker))
        # '"X," said Tariq al-Masri. "Y."': a quotation that follows another in its paragraph, with
        # only the other's attribution between them ('"X," he said. "Y."' too), goes on in the same voice.
        for i in range(1, len(found)):
            quote, span = quotes[i], found[i][1]
            previous, previous_span = quotes[i - 1], found[i - 1][1]
            if span is None or previous_span is None or quote.speaker is not None or previous.speaker is None:
                continue
            if span.paragraph != previous_span.paragraph:
                continue
            between = self.text[previous_span.close_end:span.open_start]
            named = previous.speaker.split()[-1] in between or _PRONOUN_ATTRIBUTION.fullmatch(between)
            limit = _FOLLOW_ON_WORDS if re.search(r"[.!?]\s", between) else _FOLLOW_ON_WORDS_SAME_SENTENCE
            if len(between.split()) <= limit and named:
                quotes[i] = _replace(quote, previous.speaker, previous.speaker_entity, previous.speaker_aliases)
        # The fullest name the article gives each speaker it did not resolve (people.py).
        for i, quote in enumerate(quotes):
            if quote.speaker is None or quote.speaker_entity is not None:
                continue
            speaker = speaker_in_article(self.text, quote.speaker)
            if speaker.name == quote.speaker:
                continue
            entity = self._resolve(speaker.name)
            quotes[i] = _replace(quote, entity.name if entity else speaker.name, entity.id if entity else None, speaker.aliases)
        return quotes

    def _attributive(self, span: _Span) -> bool:
        """Quoted words between a determiner and a noun: 'the "livelihood" exemption'."""
        before = re.search(r"(\w+)\s*$", self.text[max(0, span.open_start - 20):span.open_start])
        after = re.match(r"\s+[a-z]", self.text[span.close_end:span.close_end + 3])
        return bool(before and before.group(1).casefold() in _DETERMINERS and after)

    def _paragraph_opens_with(self, span: _Span) -> bool:
        paragraph = self.article.paragraphs[span.paragraph]
        return not self.text[paragraph.body_start:span.open_start].strip()

    def _turn_quote(self, paragraph: Paragraph, speaker: _Speaker) -> QuoteMention | None:
        start, end = _trim(self.text, paragraph.body_start, paragraph.end)
        if start >= end:
            return None
        evidence = self.text[paragraph.body_start:paragraph.end].strip()
        return QuoteMention(self.text[start:end], start, end, self.article.line_of(start), paragraph.index,
                            evidence, speaker.name, speaker.entity)

    def _prose_quote(self, paragraph: Paragraph, span: _Span) -> QuoteMention | None:
        start, end = _trim(self.text, span.start, span.end)
        if start >= end or not any(ch.isalnum() for ch in self.text[start:end]):
            return None
        sentences = paragraph.sentences
        first = _sentence_at(sentences, span.open_start)
        last = _sentence_at(sentences, max(span.open_start, span.close_end - 1))
        if first is None or last is None:
            evidence_start, evidence_end, last_index = paragraph.body_start, paragraph.end, -1
        else:
            evidence_start, evidence_end, last_index = first.start, last.end, sentences.index(last)
        speaker, attribution_end = self._attribute(paragraph, span, evidence_start, evidence_end, last_index)
        evidence_end = max(evidence_end, attribution_end)
        evidence = self.text[evidence_start:evidence_end].strip()
        return QuoteMention(self.text[start:end], start, end, self.article.line_of(start), paragraph.index,
                            evidence, speaker.name, speaker.entity)

    # --- transcripts ---------------------------------------------------------------------------

    def _read_turns(self) -> None:
        reporters: set[str] = set()  # surnames of narrator labels
        full_labels: dict[str, str] = {}  # surname -> full label
        for paragraph in self.article.paragraphs:
            label = paragraph.turn
            if not label:
                continue
            words = label.split()
            folded = _fold_name(label)
            if folded in _TURN_NOT_SPEAKER or (words and words[0].casefold().strip(".'’") in _TURN_NOT_SPEAKER):
                continue
            entity = self._exact(_title_case(label))
            if entity is not None and entity.type not in ("person", "role"):
                continue  # "UNITED NATIONS: ..." is a dateline, not a speaker
            if len(words) == 1 and words[0] in full_labels:
                label = full_labels[words[0]]
                folded = _fold_name(label)
            narrator = (
                is_narrator_role(paragraph.turn_role)
                or folded in self.reporter_names
                or folded.split()[-1] in reporters
                or (len(words) == 1 and folded in self.reporter_surnames)
            )
            if len(words) > 1:
                full_labels.setdefault(words[-1], label)
            if narrator:
                reporters.add(folded.split()[-1])
                self.reporter_names.add(folded)
                self.turn_speakers[paragraph.index] = None
                continue
            if words[0] == "UNIDENTIFIED" or folded.startswith("unidentified"):
                self.turn_speakers[paragraph.index] = _NOBODY
                continue
            name = _title_case(label)
            entity = self._resolve(name)
            if entity is not None and entity.type in ("person", "role"):
                self.turn_speakers[paragraph.index] = _Speaker(entity.name, entity.id)
            else:
                self.turn_speakers[paragraph.index] = _Speaker(name, None)

    # --- names in the narration ----------------------------------------------------------------

    def _mask(self) -> str:
        """Article.text with quoted words (and the words of speakers' turns) blanked out."""
        chars = list(self.text)
        for spans in self.spans.values():
            for span in spans:
                for i in range(span.open_start, span.close_end):
                    chars[i] = _MASK
        for paragraph in self.article.paragraphs:
            if self.turn_speakers.get(paragraph.index) is not None:
                for i in range(paragraph.body_start, paragraph.end):
                    chars[i] = _MASK
        return "".join(chars)

    def _find_mentions(self) -> None:
        taken: list[tuple[int, int]] = []
        found: list[_Mention] = []
        for paragraph in self.article.paragraphs:
            if paragraph.turn and paragraph.body_start > paragraph.start:
                speaker = self.turn_speakers.get(paragraph.index)
                if speaker is not None and speaker.name:
                    key = speaker.entity or "name:" + speaker.name.split()[-1].casefold()
                    self.names.setdefault(key, speaker.name)
                    found.append(_Mention(paragraph.start, paragraph.start + len(paragraph.turn), key, "person", False, False))
                    taken.append((paragraph.start, paragraph.body_start))
            byline = paragraph.index in self.byline_paragraphs
            start, end = paragraph.body_start, paragraph.end  # a turn's label is read above
            segment = self.masked[start:end]
            for mention in self._registry_mentions(segment, start):
                mention = _Mention(mention.start, mention.end, mention.key, mention.kind, mention.possessive,
                                   mention.reporter or byline)
                found.append(mention)
                taken.append((mention.start, mention.end))
            for match in _NAME_RUN.finditer(segment):
                mention = self._name_mention(match.start() + start, match.end() + start, byline, taken)
                if mention is not None:
                    found.append(mention)
                    taken.append((mention.start, mention.end))
        # A surname alone names a person the article has named in full.
        surnames = {key[5:]: key for key in self.names if key.startswith("name:")}
        if surnames:
            for paragraph in self.article.paragraphs:
                segment = self.masked[paragraph.body_start:paragraph.end]
                for match in re.finditer(rf"(?<![\w.’'-])[{_UP}][{_LOW}]+(?:-[{_UP}{_LOW}][{_LOW}]+)*\b", segment):
                    start, end = match.start() + paragraph.body_start, match.end() + paragraph.body_start
                    key = surnames.get(match.group().casefold())
                    if key and not _overlaps(start, end, taken):
                        found.append(_Mention(start, end, key, "person", self._possessive(end),
                                              self._is_reporter(match.group()) or paragraph.index in self.byline_paragraphs))
                        taken.append((start, end))
        found.sort(key=lambda m: m.start)
        self.mentions = found
        self._starts = [m.start for m in found]

    def _registry_mentions(self, segment: str, offset: int) -> list[_Mention]:
        if self.registry is None:
            return []
        pattern = self._registry_pattern()
        out: list[_Mention] = []
        if pattern is None:
            return out
        for match in pattern.finditer(segment):
            entity = self._kinds.get(normalize_mention(match.group()))
            if entity is None:
                continue
            start, end = match.start() + offset, match.end() + offset
            if entity.type == "person" and not match.group()[:1].isupper() and not _described_as(entity, match.group()):
                continue  # a name written in lower case is a common word; a registered description is not
            self.names.setdefault(entity.id, entity.name)
            if entity.type == "person":
                before = self.text[max(0, start - 20):start].split()
                self._title_gender(entity.id, match.group() if _TITLE_PREFIX.match(match.group() + " ") else
                                   (before[-1] if before else None))
            out.append(_Mention(start, end, entity.id, entity.type, self._possessive(end),
                                self._is_reporter(entity.name) or any(self._is_reporter(a) for a in entity.aliases)))
        return out

    def _registry_pattern(self) -> re.Pattern[str] | None:
        if self._pattern is not None or self.registry is None:
            return self._pattern
        kinds: dict[str, Entity] = {}
        alternatives: set[str] = set()
        for entity in _registry_entities(self.registry):
            if entity.type not in ("person", "role", "group"):
                continue
            for mention in (entity.name, *entity.aliases):
                key = normalize_mention(mention)
                if len(key) < 3 or key in kinds and kinds[key] is not entity:
                    continue
                if self._exact(mention) is not entity:
                    continue  # an alias two entities share names neither
                kinds[key] = entity
                alternatives.add(mention)
        if not alternatives:
            return None
        parts = []
        for mention in sorted(alternatives, key=len, reverse=True):
            escaped = re.escape(mention)
            escaped = re.sub(r"(?:\\ )+|\s+", r"\\s+", escaped)
            escaped = re.sub(r"['’]|\\'", "['’]", escaped)
            escaped = escaped.replace(r"\.", r"\.?")
            parts.append(escaped)
        self._kinds = kinds
        self._pattern = re.compile(r"(?<![\w])(?:" + "|".join(parts) + r")(?![\w])", re.I)
        return self._pattern

    def _name_mention(self, start: int, end: int, byline: bool, taken: list[tuple[int, int]]) -> _Mention | None:
        """A capitalized run that looks like a person's name ("Deng Shun", "Mr. Smith")."""
        words = self.text[start:end].split()
        # Leading words that only start the sentence: "But Liu", "Even as Secretary ...".
        while words and words[0].casefold().strip(".") in _NOT_NAME and not _TITLE_PREFIX.match(" ".join(words) + " "):
            start = self.text.index(words[0], start) + len(words[0])
            words = words[1:]
        if not words:
            return None
        # "Turkish President Recep Tayyip Erdogan": a nationality or body before the title is not the name
        for lead in (1, 2):
            if len(words) > lead + 1 and not _TITLE_PREFIX.match(" ".join(words) + " ") \
                    and _TITLE_PREFIX.match(" ".join(words[lead:]) + " "):
                words = words[lead:]
                break
        run = " ".join(words)
        start = self.text.index(words[0], start)
        title = _TITLE_PREFIX.match(run + " ")
        titled = title is not None and len(title.group().split()) < len(words)
        name_words = run[title.end():].split() if titled else words
        if not name_words or _overlaps(start, end, taken):
            return None
        if any(w.casefold().strip(".,") in _NOT_NAME for w in name_words):
            return None
        if not titled and not 2 <= len(name_words) <= 4:
            return None
        if titled and len(name_words) > 4:
            return None
        if all(re.fullmatch(rf"[{_UP}]\.(?:\s?[{_UP}]\.)*", w) for w in name_words):
            return None
        name = " ".join(name_words)
        for candidate in (run, name):
            entity = self._exact(candidate)
            if entity is not None and entity.type not in ("person",):
                return None
        entity = self._exact(name) or self._exact(run)
        if entity is not None:
            key = entity.id
            self.names.setdefault(key, entity.name)
        else:
            key = "name:" + name_words[-1].casefold()
            shown = name if len(name_words) > 1 else run  # "Mr. Okafor" until a full name is seen
            current = self.names.get(key)
            if current is None or (len(name_words) > 1 and (len(current.split()) < 2 or _TITLE_PREFIX.match(current + " ")
                                                          or len(name) > len(current))):
                self.names[key] = shown
        if titled:
            self._title_gender(key, run)
        return _Mention(start, end, key, "person", self._possessive(end), byline or self._is_reporter(name))

    def _title_gender(self, key: str, title: str | None) -> None:
        if not title:
            return
        if _MALE_TITLE.match(title):
            self.gender.setdefault(key, "m")
        elif _FEMALE_TITLE.match(title):
            self.gender.setdefault(key, "f")

    def _possessive(self, end: int) -> bool:
        return bool(re.match(r"['’]s?\b", self.text[end:end + 2]))

    def _is_reporter(self, name: str) -> bool:
        return _fold_name(name) in self.reporter_names

    # --- attribution -----------------------------------------------------------------------------

    def _attribute(self, paragraph: Paragraph, span: _Span, start: int, end: int, last_index: int) -> tuple[_Speaker, int]:
        """The speaker of a quotation in prose, and how far the attribution reaches (for evidence)."""
        # 1. Right after the closing mark: '"...," he said', '"..." Mr. Trump said', '"...," said X'.
        after_end = end
        sentences = paragraph.sentences
        closing = self.text[span.start:span.end].rstrip()
        if span.close_end >= end and closing.endswith(("?", "!")) and 0 <= last_index < len(sentences) - 1:
            after_end = sentences[last_index + 1].end  # '"... O.K.?" Mr. Trump said.' split after the mark
        post = self._after(span.close_end, after_end) if span.closed else None
        reach = 0
        if post is not None:
            speaker, verb, verb_end = post
            reach = _sentence_end_at(sentences, verb_end) if verb_end > end else 0
            if speaker.outlet or verb in _REPORT_VERBS or verb.casefold() == "according to":
                # 'X said "...", Reuters reported': Reuters is where the words were read, X said them.
                earlier = self._before(start, span.open_start)
                if earlier is not None:
                    return earlier, reach
            return speaker, reach
        # 2. The wording of the resolution the article reports: 'The resolution calls on Russia to
        # "..."', 'the Assembly voted to condemn Russia's "..."', 'It also calls for "..."'.
        if self._document_voice(start, span.open_start):
            return _RESOLUTION, 0
        # 3. A speech verb before the quotation in its sentence: 'X said (that) "..."'.
        before = self._before(start, span.open_start)
        if before is not None:
            return before, 0
        # 4. A speech verb later in the sentence: '"..." is what the minister told reporters'.
        later = self._later(span.close_end, end)
        if later is not None:
            return later, 0
        return _NOBODY, 0

    def _document_voice(self, start: int, quote_start: int) -> bool:
        """Whether the words just before a quotation (in its sentence) make it a text's wording: a
        resolution or draft that condemns, demands, calls for, states ...; a body that voted to
        condemn ...; or "It (also) calls for" in an article about a resolution."""
        window = self.masked[max(start, quote_start - _DOCUMENT_REACH):quote_start]
        if _MASK in window:
            return False  # another quotation stands between: its attribution, not the text's
        if _DOCUMENT_VERB.search(window) or _VOTED_TO.search(window):
            return True
        return bool(_IT_CALLS.match(self.masked, start)) and self.about_resolution

    def _verbs(self, start: int, end: int) -> list[re.Match[str]]:
        out = []
        for match in _VERB.finditer(self.masked, start, end):
            previous = re.search(r"(\w+)\W*$", self.masked[max(start, match.start() - 30):match.start()])
            if previous and previous.group(1).casefold() in _DETERMINERS and match.group().casefold() != "according to":
                continue  # "the calls", "her reports"
            out.append(match)
        return out

    def _after(self, close_end: int, end: int) -> tuple[_Speaker, str, int] | None:
        """An attribution opening the text after a closing mark."""
        lead = re.match(r"[\s,—–-]*", self.masked[close_end:end])
        begin = close_end + (lead.end() if lead else 0)
        for verb in self._verbs(begin, end):
            between = self.masked[begin:verb.start()]
            if _HARD_BOUNDARY.search(between) or re.search(r"[.!?]\s", between):
                return None
            words = between.split()
            if len(words) > 8:
                return None
            if verb.group().casefold() == "according to":
                if words:
                    return None
                speaker = self._according_to(verb.end(), end)
                return (speaker, verb.group(), verb.end()) if speaker is not None else None
            if not words:
                if verb.group().casefold() in _ADDRESSEE_VERBS:
                    return None  # '"...," telling rail workers:': who was told, not who spoke
                speaker = self._inverted_subject(verb.end(), end)
                return (speaker, verb.group(), verb.end()) if speaker is not None else None
            if words[0].casefold() in _PREPOSITIONS or _SUBORDINATORS.search(between):
                return None
            speaker = self._subject(begin, verb.start())
            if speaker is None:
                return None
            return speaker, verb.group(), verb.end()
        return None

    def _before(self, start: int, quote_start: int) -> _Speaker | None:
        """The subject of the nearest speech verb before the quotation in its sentence. A passive
        verb's subject is what was described, not who spoke ("The situation is described as
        'disastrous'"): no speaker from it."""
        verbs = self._verbs(start, quote_start)
        for verb in reversed(verbs):
            if _PASSIVE_BEFORE.search(self.masked, max(start, verb.start() - 24), verb.start()):
                return None
            speaker = self._verb_subject(start, verb, verbs)
            if speaker is not None:
                return speaker
        return None

    def _later(self, close_end: int, end: int) -> _Speaker | None:
        for verb in self._verbs(close_end, end):
            if _MASK in self.masked[verb.end():end]:
                return None  # the verb introduces a quotation of its own
            if verb.group().casefold() == "according to":
                speaker = self._according_to(verb.end(), end)
            else:
                left = self.masked[close_end:verb.start()]
                cut = max(close_end, close_end + max((m.end() for m in _HARD_BOUNDARY.finditer(left)), default=0))
                speaker = self._subject(cut, verb.start()) if self.masked[cut:verb.start()].strip() else None
            if speaker is not None:
                return speaker
        return None

    def _verb_subject(self, start: int, verb: re.Match[str], verbs: list[re.Match[str]]) -> _Speaker | None:
        if verb.group().casefold() == "according to":
            return self._according_to(verb.end(), len(self.masked))
        if verb.group().endswith("ing") and re.search(r",\s*$", self.masked[start:verb.start()]):
            # "..., saying ...": the subject of the clause the participle hangs on.
            earlier = [v for v in verbs if v.end() <= verb.start() and not v.group().endswith("ing")
                       and v.group().casefold() != "according to"]  # where the words were heard, not a clause's verb
            for previous in reversed(earlier):
                speaker = self._verb_subject(start, previous, verbs)
                if speaker is not None:
                    return speaker
            return self._main_subject(start, verb.start())
        return self._subject(start, verb.start())

    def _according_to(self, begin: int, end: int) -> _Speaker | None:
        stop = re.search(rf"[,.;:!?(){_MASK}]|—|–", self.masked[begin:end])
        np_end = begin + stop.start() if stop else end
        return self._choose([(begin, np_end)], allow_object=True)

    def _inverted_subject(self, begin: int, end: int) -> _Speaker | None:
        """'..., said Deng Shun, a coal market analyst' / '..., says Kelsey Davenport of the ACA.'"""
        segment = self.masked[begin:end]
        stop = re.search(rf"[,;:!?(){_MASK}]|—|–|\.(?=\s|$)|\s(?:who|which|that|in|on|at|during)\s", segment)
        np_end = begin + (stop.start() if stop else len(segment))
        if not self.masked[begin:np_end].strip():
            return None
        candidates = [(begin, np_end)]
        if stop and segment[stop.start()] == ",":  # an appositive after the name
            rest = re.search(rf"[,.;:!?(){_MASK}]|—|–", segment[stop.end():])
            candidates.append((begin + stop.end(), begin + stop.end() + (rest.start() if rest else len(segment) - stop.end())))
        return self._choose(candidates, allow_object=False)

    def _main_subject(self, start: int, end: int) -> _Speaker | None:
        """The subject at the head of a clause: the first name, role or pronoun that is no object."""
        for mention in self.mentions:
            if mention.start < start or mention.end > end:
                continue
            if mention.kind in ("person", "role", "group") and not mention.possessive and not self._after_preposition(mention.start, start):
                return self._speaker_of(mention)
        first = re.match(r"\s*(?:[\w’']+\s*,\s*)?(\w+)", self.masked[start:end])
        if first and first.group(1).casefold() in _PRONOUNS:
            return self._pronoun(start + first.start(1), first.group(1))
        return None

    def _subject(self, start: int, verb_start: int) -> _Speaker | None:
        """The noun phrase before a verb (within [start, verb_start)), as a speaker."""
        left = self.masked[start:verb_start]
        cut = max((m.end() for m in _HARD_BOUNDARY.finditer(left)), default=0)
        relative = None
        for match in _SUBORDINATORS.finditer(left, cut):
            if match.group().casefold() in ("who", "which") and re.search(r",\s*$", left[:match.start()]) \
                    and left.rstrip().endswith(","):
                # "Haley, who spoke after the vote, said": the clause between commas is an aside.
                aside = start + len(left[:match.start()].rstrip().rstrip(","))
                return self._subject(start, aside) if aside > start else None
            cut, relative = match.end(), match
        begin = start + cut
        end = verb_start
        # Adverbs and auxiliaries between the subject and its verb.
        while True:
            stripped = _AUX_TAIL.search(self.masked[begin:end])
            if stripped is None or stripped.start() == 0 and not self.masked[begin:end].strip():
                break
            if stripped.start() == 0:
                end = begin
                break
            end = begin + stripped.start()
        if not self.masked[begin:end].strip():
            if relative is not None and relative.group().casefold() in _RELATIVE:
                return self._antecedent(start, start + relative.start())
            return None
        text = self.masked[begin:end]
        if text.rstrip().endswith(","):
            parts = _segments(self.masked, begin, begin + len(text.rstrip().rstrip(",")))
            candidates = parts[-2:]
            # "On Wednesday, China's representative, Liu Jieyi," — an adverbial is no appositive.
            candidates = [c for c in candidates if not _starts_with(self.masked, c, _INTRO_WORDS)] or candidates[-1:]
        else:
            parts = _segments(self.masked, begin, end)
            candidates = parts[-1:]
        speaker = self._choose(candidates, allow_object=False)
        if speaker is None or speaker.entity is None:
            # "the United States at the time": drop a trailing time or place phrase and try again.
            tail = _PP_TAIL.search(self.masked[begin:end])
            if tail is not None and tail.start() > 0:
                retry = self._choose(_segments(self.masked, begin, begin + tail.start())[-1:], allow_object=False)
                if retry is not None and retry.name is not None:
                    return retry
        return speaker

    def _antecedent(self, start: int, relative_start: int) -> _Speaker | None:
        """What 'who'/'which' refers to: the noun phrase just before it ('Donald J. Trump, who ...')."""
        end = relative_start
        while end > start and self.masked[end - 1] in " ,":
            end -= 1
        for mention in reversed(self.mentions):
            if start <= mention.start and mention.end <= end and not self.masked[mention.end:end].strip(" ,"):
                return self._speaker_of(mention)
        parts = _segments(self.masked, start, end)
        return self._choose(parts[-1:], allow_object=False) if parts else None

    def _choose(self, candidates: list[tuple[int, int]], allow_object: bool) -> _Speaker | None:
        """The speaker a subject noun phrase names: a person over a role, a pronoun resolved, else
        what the registry knows, else the phrase as written."""
        candidates = [_np_tail(self.masked, s, e) for s, e in candidates]
        candidates = [(s, e) for s, e in candidates if s < e]
        if not candidates:
            return None
        best: _Mention | None = None
        for s, e in candidates:
            for mention in self.mentions:
                if mention.start < s or mention.end > e or mention.possessive:
                    continue
                if not allow_object and self._after_preposition(mention.start, s):
                    continue
                if mention.kind not in ("person", "role", "group"):
                    continue
                rank = {"person": 0, "role": 1, "group": 2}[mention.kind]
                if best is None or rank < {"person": 0, "role": 1, "group": 2}[best.kind]:
                    best = mention
                break
        for s, e in candidates:
            phrase = self.masked[s:e].strip()
            if phrase.casefold() in _PRONOUNS and (best is None or best.start > s):
                return self._pronoun(s + self.masked[s:e].index(phrase), phrase)
            if phrase.casefold() in _NO_ANTECEDENT_PRONOUNS and best is None:
                return _NOBODY
        if best is not None:
            return self._speaker_of(best)
        for s, e in candidates:
            phrase = self.masked[s:e].strip()
            entity = self._resolve(phrase)
            if entity is not None:
                return _Speaker(entity.name, entity.id, entity.type == "outlet")
        phrase = self.masked[candidates[0][0]:candidates[0][1]].strip()
        words = phrase.split()
        if not words or len(words) > 8 or _MASK in phrase or not any(ch.isalpha() for ch in phrase):
            return None
        if not _looks_like_noun_phrase(words):
            return None
        return _Speaker(phrase, None)

    def _after_preposition(self, position: int, floor: int) -> bool:
        previous = re.search(r"(\w+)\W*$", self.masked[floor:position])
        return bool(previous and previous.group(1).casefold() in _PREPOSITIONS)

    def _speaker_of(self, mention: _Mention) -> _Speaker:
        entity = self.registry.get(mention.key) if self.registry is not None and not mention.key.startswith("name:") else None
        if entity is not None:
            return _Speaker(entity.name, entity.id)
        name = self.names.get(mention.key) or self.text[mention.start:mention.end]
        resolved = self._resolve(name) or self._resolve(_TITLE_PREFIX.sub("", name + " ").strip())
        if resolved is not None and resolved.type in ("person", "role"):
            return _Speaker(resolved.name, resolved.id)
        return _Speaker(name, None)

    # --- pronouns --------------------------------------------------------------------------------

    def _pronoun(self, position: int, pronoun: str) -> _Speaker:
        """The one person the nearest preceding sentence that names people names; else nobody.
        'They' refers to a group ("American officials"), never to several people at once."""
        mention = self._antecedent_mention(position, pronoun)
        return self._speaker_of(mention) if mention is not None and not mention.reporter else _NOBODY

    def _antecedent_mention(self, position: int, pronoun: str, same_paragraph: bool = False) -> _Mention | None:
        folded = pronoun.casefold()
        wanted = ("group",) if folded == "they" else ("person", "role")
        gender = "m" if folded in ("he", "him", "his", "himself") else "f" if folded in ("she", "her", "hers", "herself") else None
        paragraph = self._paragraph_at(position)
        for unit_start, unit_end in self._units_before(position):
            if same_paragraph and (paragraph is None or unit_start < paragraph.start):
                return None
            people = [m for m in self._mentions_in(unit_start, unit_end) if m.kind in ("person", "role", "group")]
            if gender is not None:  # "she" cannot mean a man the article calls "Mr." or "he"
                people = [m for m in people if self.gender.get(m.key, gender) == gender]
            if not people:
                continue
            chosen = [m for m in self._drop_appositive_roles(people) if m.kind in wanted]
            # The reporter counts as a person the pronoun may mean, but is never a speaker.
            return chosen[-1] if len({m.key for m in chosen}) == 1 else None
        return None

    def _mentions_in(self, start: int, end: int) -> list[_Mention]:
        i = bisect_left(self._starts, start)
        out = []
        while i < len(self.mentions) and self.mentions[i].start < end:
            if self.mentions[i].end <= end:
                out.append(self.mentions[i])
            i += 1
        return out

    def _learn_genders(self) -> None:
        """'She added ...' right after one woman is named says that she is a woman: a later 'he'
        cannot mean her. Only pronouns whose person is named in the same paragraph teach."""
        for paragraph in self.article.paragraphs:
            segment = self.masked[paragraph.body_start:paragraph.end]
            for match in _GENDERED_PRONOUN.finditer(segment):
                position = paragraph.body_start + match.start()
                mention = self._antecedent_mention(position, match.group(), same_paragraph=True)
                if mention is not None and mention.kind == "person":
                    self.gender.setdefault(mention.key, "m" if match.group(1) else "f")

    def _paragraph_at(self, position: int) -> Paragraph | None:
        return next((p for p in self.article.paragraphs if p.start <= position <= p.end), None)

    def _drop_appositive_roles(self, people: list[_Mention]) -> list[_Mention]:
        """"China's ambassador, Liu Jieyi" names one person: keep the person."""
        persons = [m for m in people if m.kind == "person"]

        def next_to(role: _Mention, person: _Mention) -> bool:
            between = self.masked[role.end:person.start] if role.end <= person.start else self.masked[person.end:role.start]
            return re.fullmatch(r"[\s,]*", between) is not None

        return [m for m in people if m.kind != "role" or not any(next_to(m, p) for p in persons)]

    def _units_before(self, position: int):
        """Stretches of narration before `position`, nearest first: the sentence up to it, then
        earlier sentences and paragraphs."""
        paragraphs = self.article.paragraphs
        current = next((p for p in paragraphs if p.start <= position <= p.end), None)
        if current is None:
            return
        sentence = _sentence_at(current.sentences, position)
        sentence_start = sentence.start if sentence is not None else current.body_start
        yield sentence_start, position
        for paragraph in reversed(paragraphs[: current.index + 1]):
            if paragraph.index == current.index:
                earlier = [s for s in paragraph.sentences if s.end <= sentence_start]
            else:
                earlier = list(paragraph.sentences)
                if paragraph.index in self.byline_paragraphs:
                    continue
            for previous in reversed(earlier):
                yield previous.start, previous.end
            if paragraph.turn and paragraph.body_start > paragraph.start:
                yield paragraph.start, paragraph.body_start

    # --- registry ----------------------------------------------------------------------------------

    def _exact(self, mention: str) -> Entity | None:
        if self.registry is None or not mention.strip():
            return None
        exact = getattr(self.registry, "exact", None)
        if exact is not None:
            return exact(mention)
        entity = self.registry.resolve(mention).entity
        key = normalize_mention(mention)
        if entity is not None and key in {normalize_mention(m) for m in entity.mentions}:
            return entity
        return None

    def _resolve(self, mention: str) -> Entity | None:
        """The entity a speaker phrase names: exact, else the registry's fuzzy match when the phrase
        is a name (a fuzzy match of a common-noun phrase is another phrase, not a typo)."""
        if self.registry is None:
            return None
        if mention in self._resolved:
            return self._resolved[mention]
        entity = self._exact(mention)
        if entity is None and len(re.findall(rf"(?<![\w'’])[{_UP}]", mention)) >= 2:
            entity = self.registry.resolve(mention).entity  # "Francois Delatre": a misspelt name
        self._resolved[mention] = entity
        return entity


# --- helpers -------------------------------------------------------------------------------------


def _quote_spans(text: str, paragraph: Paragraph) -> list[_Span]:
    """Quotations in a paragraph's body, each tagged with its paragraph."""
    return [_Span(q.open_start, q.start, q.end, q.close_end, q.closed, paragraph.index)
            for q in quote_spans(text, paragraph.body_start, paragraph.end)]


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    """Strip spaces, and a comma, semicolon, colon or period that ends the sentence around the
    quotation rather than the quoted words ('"...," he said'); keep '?', '!' and abbreviations."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    while end > start and text[end - 1] in ",;:":
        end -= 1
    if end > start and text[end - 1] == "." and not re.search(r"(?:\b[A-Za-z]\.){2,}$|\.\.\.$|…$", text[start:end]):
        end -= 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def _sentence_at(sentences: list[Sentence], offset: int) -> Sentence | None:
    """The sentence holding `offset` (or, in the space between two, the next one)."""
    for sentence in sentences:
        if offset < sentence.end:
            return sentence
    return sentences[-1] if sentences else None


def _sentence_end_at(sentences: list[Sentence], offset: int) -> int:
    sentence = _sentence_at(sentences, offset)
    return sentence.end if sentence is not None else offset


def _segments(masked: str, start: int, end: int) -> list[tuple[int, int]]:
    """Comma-separated pieces of [start, end), as spans."""
    out: list[tuple[int, int]] = []
    position = start
    for match in re.finditer(r",", masked[start:end]):
        out.append((position, start + match.start()))
        position = start + match.end()
    out.append((position, end))
    return [(s, e) for s, e in out if masked[s:e].strip()]


def _starts_with(masked: str, span: tuple[int, int], words: frozenset[str]) -> bool:
    first = re.match(r"\s*([\w’']+)", masked[span[0]:span[1]])
    return bool(first and first.group(1).casefold() in words)


def _np_tail(masked: str, start: int, end: int) -> tuple[int, int]:
    """The noun phrase at the end of [start, end): filler words dropped at the front, at most
    _MAX_NP_WORDS words, nothing before a verb-like word."""
    segment = masked[start:end]
    filler = _LEADING_FILLER.match(segment.lstrip())
    offset = len(segment) - len(segment.lstrip()) + (filler.end() if filler else 0)
    words = list(re.finditer(r"\S+", segment[offset:]))
    if not words:
        return end, end
    keep = words[-_MAX_NP_WORDS:]
    for i in range(len(keep) - 1, -1, -1):
        if keep[i].group().casefold().strip(",.") in _NP_STOP:
            keep = keep[i + 1:]
            break
    if not keep:
        return end, end
    s = start + offset + keep[0].start()
    e = start + offset + keep[-1].end()
    while e > s and masked[e - 1] in ",.;: ":
        e -= 1
    return s, e


_NP_START = _DETERMINERS | frozenset(
    "one two three four five six seven eight nine ten several many both few other another most all senior top".split()
)


def _looks_like_noun_phrase(words: list[str]) -> bool:
    """A subject written as a common-noun phrase: 'the measure', 'The envoy', 'one official',
    'officials', 'Western diplomats' -- not a verb phrase like 'spoke after the vote'."""
    first = words[0].strip("“”\"'‘’(").casefold()
    if first in _PREPOSITIONS or first in _NP_STOP:
        return False
    if first in _NP_START or words[0][:1].isupper() or re.match(r"\w+['’]s$", words[0]):
        return True
    if re.match(r"(?:al|el|bin|ibn|abu|ben|bint)-[A-Z]", words[0]):
        return True  # a surname with its particle: "al-Masri said"
    return len(words) <= 2 and words[-1].casefold().endswith("s") and not words[-1].casefold().endswith("ss")


def _overlaps(start: int, end: int, spans: list[tuple[int, int]]) -> bool:
    return any(start < e and s < end for s, e in spans)


def _fold_name(name: str) -> str:
    return " ".join(re.sub(r"[^\w\s'-]", " ", name).casefold().split())


def _title_case(label: str) -> str:
    """'NIKKI HALEY' -> 'Nikki Haley', "O'BRIEN" -> "O'Brien", 'KI-MOON' -> 'Ki-Moon'."""
    def word(w: str) -> str:
        if re.fullmatch(r"(?:[A-Z]\.)+", w):
            return w
        return re.sub(r"[A-Za-zÀ-ÖØ-öø-ÿ]+", lambda m: m.group()[:1].upper() + m.group()[1:].lower(), w)
    return " ".join(word(w) for w in label.split())


def _registry_entities(registry: EntityRegistry) -> list[Entity]:
    listing = getattr(registry, "entities", None)
    if callable(listing):
        return list(listing())
    return list(getattr(registry, "_by_id", {}).values())


def _speaker_key(name: str | None) -> str | None:
    return normalize_mention(name) if name else None


def _replace(quote: QuoteMention, speaker: str | None, entity: str | None, aliases: tuple[str, ...] = ()) -> QuoteMention:
    return QuoteMention(quote.text, quote.start, quote.end, quote.line, quote.paragraph, quote.evidence, speaker, entity, aliases)


def _described_as(entity: Entity, words: str) -> bool:
    """Does the registry list `words` as a lower-case description of the entity ("top U.S. diplomat")?"""
    key = normalize_mention(words)
    return any(alias[:1].islower() and normalize_mention(alias) == key for alias in entity.aliases)
