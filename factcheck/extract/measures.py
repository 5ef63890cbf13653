"""Measures: sentences that say what a resolution, sanction or council does to what.

`find_measures` reads the sentences of an `Article` and reports every action the text attributes
to a measure ("the resolution bans the purchase of North Korean exports of coal, iron ore, seafood
and lead" is four bans), as `MeasureMention`s whose fields build a `measure` value that parses.

How a sentence is read (rule-based, deterministic, one pass over each sentence's tokens):

- A *frame* is a subject that names a measure — "the resolution", "Resolution 2371 (2017)", "the
  United Nations Security Council", "The original sanctions — which ... —", or "It"/"They" when a
  measure was named in the last few sentences — followed by a verb. Only what follows a frame in
  the same clause can be a measure: "China has defended its coal imports" never is.
- A *trigger* is a word of the action vocabulary (rules/actions.yaml: data, never a list in this
  module), matched through its inflections ("bans", "banned", "limiting", "prohibition"):
  as a verb when the grammar around it makes it one (the frame's own verb, after "to", after a
  modal, after "requires that countries", or coordinated with such a verb), or as a noun governed by
  an imposing verb ("imposed a cap on coal exports"). Multi-word entries of the vocabulary are
  matched too, split or not ("prohibit countries from increasing" = "prohibit increase").
- Some constructions carry the action without the verb: a bound on what may be traded ("can sell
  no more than 7.5 million metric tons of coal a year" limits coal, with the amount; the action is
  whatever the vocabulary makes of "limit", "cap" or "ceiling", and none if it has none), "expands the
  list of banned items ..., including A as well as B", "expands the list of people ...", and the
  passive ("exports of textiles are banned").
- The object is cut into targets: coordinated lists are split, trade heads ("the purchase of North
  Korean exports of", "coal exports", "the sale of") give the direction when the text states it and
  are dropped from the target, amounts ("worth more than $100") and deadlines ("within 24 months")
  are read off. Nothing is guessed: a direction the text does not state stays None.
- "urges", "calls upon", "encourages" before the trigger make the measure non-binding.

Every window is bounded, so the work grows linearly with the text.
"""

from __future__ import annotations

import bisect
import datetime as dt
import re
from dataclasses import dataclass, field

from ..values import ActionVocabulary, ParseContext, ValueParseError, parse_value
from ..values.quantity import Quantity
from .article import Article, Sentence
from .cursor import Cursor, Tok, tokenize
from .lexicon import (
    DETERMINERS, MONTH_ABBREVIATIONS, MONTHS, PREPOSITIONS, QUANTIFIERS, SPEECH_VERBS, WEEKDAYS, has_lemma, lemmas,
)
from .mentions import MeasureMention

__all__ = ["find_measures"]

# How far back (in tokens) a trigger looks for what governs it ("urges ... to", a coordinated verb).
_WINDOW = 40

# How many words before its verb ("are", "could be") a passive's subject may start ("exports of coal are banned").
_PASSIVE_SUBJECT_REACH = 12

# How far (in characters) after its trigger a measure's deadline is looked for.
_DEADLINE_REACH = 400

# The day relative deadlines count from when the article's publication date is unknown. Only used
# to check that a deadline text parses; the mention carries the text, not the date.
_PLACEHOLDER_DAY = dt.date(2000, 1, 1)

# --- inflection (the lemmatizer is lexicon.lemmas) -------------------------------------------------

def _has_lemma(tok: Tok | None, words: frozenset[str] | set[str]) -> str | None:
    """The form in which the token inflects one of `words` (lexicon.has_lemma), None for no token."""
    return has_lemma(tok.low, words) if tok is not None else None


@dataclass(frozen=True)
class _Entry:
    action: str
    lemma: str
    form: str  # base | s | ed | ing | noun


class _Lexicon:
    """The action vocabulary, read through inflections (cached per word)."""

    def __init__(self, actions: ActionVocabulary) -> None:
        self.actions = actions
        self._cache: dict[str, _Entry | None] = {}
        words = getattr(actions, "words", None) or {}
        self.pairs: list[tuple[str, str]] = []
        for word in words:
            parts = str(word).split()
            if len(parts) == 2:
                self.pairs.append((parts[0], parts[1]))
        self.pair_firsts = {first for first, _ in self.pairs}
        # The action that a bound ("no more than", "only") on a quantity means, if the vocabulary has one.
        self.limit_action = next((a for a in map(self._normalize, ("limit", "cap", "ceiling")) if a), None)

    def _normalize(self, word: str) -> str | None:
        # ActionVocabulary.normalize is a dictionary look-up that answers None for an unknown word
        # and raises for nothing a token can be, so there is nothing to catch here.
        return self.actions.normalize(word)

    def lookup(self, tok: Tok) -> _Entry | None:
        low = tok.low
        if low in self._cache:
            return self._cache[low]
        entry = None
        if tok.word and len(low) > 1:
            for lemma, form in lemmas(low):
                action = self._normalize(lemma)
                if action:
                    entry = _Entry(action, lemma, form)
                    break
        self._cache[low] = entry
        return entry

    def pair(self, first: str, second: str) -> str | None:
        return self._normalize(f"{first} {second}")


# --- word classes (English grammar, not the action vocabulary) -----------------------------------

# Nouns that name a measure or a body that adopts one: a frame's subject has one as its head.
_HEADS = frozenset(
    "resolution resolutions measure measures sanctions penalties package text draft regulation "
    "regulations directive directives decree order law bill act council commission committee union "
    "treasury embargo ordinance statute decision un u.n. nations".split()
)
_PRONOUNS = frozenset({"it", "they"})
# What may stand before "it"/"they" when the pronoun is a measure starting a clause.
_PRONOUN_OPENERS = frozenset({",", ";", "and", "but", "“", '"', "—", "–", ":"})
_UN = frozenset({"un", "u.n."})
_ASIDE_OPENERS = frozenset({"(", ",", "—", "–", "-", "--"})
# Breaks that do not end a frame's clause: dashes, brackets and quotation marks around an aside.
_ASIDE_MARKS = frozenset({"—", "–", "-", "--", "(", ")", "“", "”", '"'})
_NEGATING = frozenset({"longer", "short", "instead", "rather"})  # "no longer", "stops short of"
_FAIL = frozenset({"fail", "fails", "failed"})  # "failed to ban"
_HAVE = frozenset({"has", "have", "had"})
# Words after which "to" is a preposition ("subject to", "in addition to"), not an infinitive's.
_TO_AS_PREPOSITION = frozenset(
    "subject due according addition prior up close similar contrary pursuant relation regard respect access".split()
)
_CALL_PARTICLES = frozenset({"on", "upon", "for"})  # "calls on", "calls for": a request
_ON_AGAINST = frozenset({"on", "against"})  # "a ban on", "sanctions against"
# After a verb-form trigger, these mean it is no new verb phrase ("bans on", "bans, limits").
_NOT_BEFORE_OBJECT = frozenset({"on", "against", ",", "and", "or", ".", ""})
_PAIR_PREPS = frozenset({"on", "against", "in", "of"})  # "no increase in": a two-word noun trigger
_AMOUNT_ENDS = frozenset({"of", ",", "and", "or"})  # what ends a bound's amount
# Words between a list and the verb that governs it ("expands the existing U.N. sanctions list").
_LIST_OWNERS = frozenset({"sanctions", "u.n.", "un"})
_LIST_MODIFIERS = _LIST_OWNERS | {"existing", "current"}
# Words that make a sentence name a measure even without a frame ("under the sanctions, ...").
_MEASURE_WORDS = frozenset({"resolution", "resolutions", "sanctions", "embargo"})
# Words for "a sanction" in general: never an action as nouns ("sanctions on North Korea").
_INSTRUMENT_NOUNS = frozenset({"sanction", "sanctions", "penalty", "penalties", "measure", "measures"})
# Determiners and the quantifiers that do not negate (lexicon.py), with "all" and "today's", which
# start a measure's subject too ("all sanctions", "today's resolution").
_DETS = DETERMINERS | (QUANTIFIERS - {"no", "such"}) | {"all", "today's"}
_SUBJECT_ADJ = frozenset(
    "new original revised latest fresh proposed earlier previous draft tough tougher toughest sweeping "
    "current existing final additional further binding wider broader expanded unanimous adopted second "
    "third first last security sanctions executive".split()
)
# Adjectives between an imposing verb and the restriction it imposes ("imposed a full ban on").
_NOUN_ADJ = frozenset(
    "new full total complete outright blanket partial strict comprehensive further additional sweeping "
    "tough tougher global international worldwide annual temporary permanent existing current de facto".split()
)
_FUNCTION_CAPS = frozenset(
    "and but or so yet then also in on at by for from to of with as if when while after before "
    "although though because since it they he she we i you this that these those there here".split()
)
_ADVERBS = frozenset(
    "also further now effectively additionally formally still already explicitly specifically notably "
    "then thus therefore however reportedly essentially officially expressly largely jointly "
    "unanimously swiftly immediately initially eventually finally broadly partly partially fully "
    "completely even only not n't never".split()
)
# Adverbs passed over between a subject and its verb; a negation or focus word is not.
_FRAME_ADVERBS = _ADVERBS - {"not", "n't", "never", "only", "even"}
_DEGREE = frozenset("very too so more most less least relatively fairly rather quite somewhat highly".split())
_MODALS = frozenset("would will can could shall should must may might".split())
_AUX = _MODALS | frozenset("does did do has had have is are was were be been being".split())
_BE = frozenset("is are was were be been being".split())
_NEGATORS = frozenset({"not", "never", "cannot", "n't"})
_PREPS = PREPOSITIONS
_MONTHS = frozenset(MONTHS + MONTH_ABBREVIATIONS)
_WEEKDAYS = frozenset(WEEKDAYS)
_CALENDAR = _MONTHS | _WEEKDAYS
# Time phrases between a frame's subject and its verb ("The council on Wednesday banned ...").
_TIME_ADVERBS = frozenset({"today", "yesterday", "tonight"})
_TIME_RELATIVES = frozenset({"last", "this", "next", "earlier", "late", "early"})
_TIME_PERIODS = frozenset({"week", "month", "year", "weekend"})
_HARD_BREAKS = frozenset(list(";:.!?—–()[]“”\"") + ["-", "--"])
_BREAK_WORDS = frozenset(
    "but while although though whereas because unless until whichever if when which who whom whose "
    "that where so yet after before since including except excluding within starting beginning "
    "effective said says saying according whether once thereby unlike".split()
)
_SCOPE_BREAKS = frozenset(
    "but while although though whereas because unless until whichever if when which who whom whose "
    "where yet after before since except said says saying according whether once unlike".split()
)
# Verbs of saying (lexicon.py): a pronoun right after one is the speaker's, not the measure's.
_SAY = SPEECH_VERBS

# Verbs that put a restriction in place ("imposed a cap on"): they govern the noun forms.
_IMPOSE = frozenset(
    "impose introduce include adopt place put set approve add expand extend tighten order require "
    "mandate demand establish maintain enforce strengthen toughen slap announce agree contain create "
    "broaden widen reinforce institute apply authorize authorise involve keep".split()
)
_BINDING = frozenset("require oblige obligate direct order demand decide mandate compel instruct force".split())
_NONBINDING = frozenset("urge encourage recommend exhort invite".split())
_REPORTING = _IMPOSE | _BINDING | _NONBINDING | frozenset(
    "say state stipulate specify provide note declare mean ensure call".split()
)
_LIST_GOVERNORS = frozenset("expand extend broaden lengthen add update widen enlarge grow increase".split())
# Verbs of trade whose quantity a bound limits ("can sell no more than ...").
_TRADE = frozenset(
    "sell export import buy purchase earn have receive ship supply produce hire employ hold keep "
    "acquire obtain generate transfer maintain open make spend take bring".split()
)
_EXPORT_TRADE = frozenset({"sell", "export", "earn", "generate"})
_GERUND_TRADE = _EXPORT_TRADE | {"import"}  # "ban North Korea from exporting/importing"
_BOUNDS: tuple[tuple[str, ...], ...] = (
    ("no", "more", "than"), ("not", "more", "than"), ("no", "greater", "than"), ("not", "exceeding"),
    ("at", "most"), ("up", "to"), ("a", "maximum", "of"), ("only",),
)
_RATE_UNITS = frozenset("year month day week annum".split())
_RATE_DETS = frozenset("a an per each every".split())
_RATE_ADVERBS = frozenset("annually yearly monthly daily".split())
_SALES = frozenset("sales revenue revenues earnings income".split())

# Trade heads of an object: they give the direction and are not part of the target.
_EXPORT_FLOWS = frozenset({"export", "exports"})
_IMPORT_FLOWS = frozenset({"import", "imports"})
_TRANSFER_FLOWS = frozenset(
    "sale sales supply supplies transfer transfers delivery deliveries shipment shipments provision "
    "purchase purchases procurement trade".split()
)
_FLOWS = _EXPORT_FLOWS | _IMPORT_FLOWS | _TRANSFER_FLOWS
_QUANTITY_HEADS = frozenset("number numbers amount amounts volume volumes quantity quantities level levels".split())
_QUANTITY_ADJ = frozenset("current total overall annual".split())
_PARTY_PREPS = frozenset({"to", "by", "from", "into"})  # "exports to the DPRK of ...": the party's side
_DIRECT_OR_INDIRECT = (("direct", "or", "indirect"), ("direct", "and", "indirect"))
_FOR_TRADE = frozenset({"import", "export", "sale", "transfer"})  # "for import by North Korea"
# How many last words of a target a party phrase may take ("for import by North Korea").
_PARTY_REACH = 6
_TRAILING_MARKS = frozenset({",", "'", "’", "*"})
_STRIP_ADJ = frozenset({"new"})
_EXAMPLE_WORDS = frozenset({"like"})
_AMOUNT_MARKERS = frozenset({"worth", "valued", "above", "exceeding", "beyond", "priced"})
# Heads that are never what a measure acts on ("hold a meeting", "return to talks").
_STOP_TARGETS = frozenset(
    "talks meeting meetings vote votes session sessions consultation consultations discussion discussions "
    "negotiation negotiations briefing briefings hearing hearings issue issues matter matters question "
    "questions debate debates action actions step steps way door time power office line lines press "
    "conference dialogue position view views stance hope hopes breath ability abilities capacity "
    "capability chance chances opportunity effort efforts attempt attempts need needs impact effect "
    "effects success scope reach use progress influence role".split()
)
_BAD_FIRST = frozenset(
    "to that whether how what which who it them this these those there he she they we you i him her us "
    "me one's countries states nations governments member".split()
) | _PREPS
_CUT_WORDS = frozenset("suspected believed thought deemed alleged known going coming bound destined headed".split())
_POSSESSIVE_DETS = frozenset("their its his her our your".split())
_GENERIC_ITEMS = frozenset("items goods products commodities things articles materials".split())
_ABOUT = frozenset({"of", "about"})  # "notify the committee of X"
# Named token patterns.
_AS_WELL_AS = ("as", "well", "as")
_SUCH_AS = ("such", "as")
_DATE_PREPS = frozenset({"by", "in", "from", "on"})  # before a date, they end an object
_LIST_JOINS = frozenset({",", "and", "or"})
_CONJUNCTIONS = frozenset({"and", "or", "and/or"})
# What starts another conjunct after "and"/"or" even inside a prepositional phrase ("the sale of coal
# and the purchase of iron").
_NEW_CONJUNCT = _DETS | _STRIP_ADJ | _FLOWS | {"other", "both"}


def _noun_modifier(c: Cursor) -> bool:
    """A word between an imposing verb and its noun: a determiner, an adjective of the list, a
    hyphenated word, a number or a proper adjective ("imposed a full ban", "a 30-day U.S. ban")."""
    tok = c.tok()
    return tok is not None and (c.one_of(_DETS | _NOUN_ADJ) or (tok.word and "-" in tok.low) or c.number()
                                or _proper_adjective(c))


def _is_word(c: Cursor) -> bool:
    """A word here (it starts with a letter), not a number or a mark."""
    tok = c.tok()
    return tok is not None and tok.word


def _lower_case(c: Cursor) -> bool:
    """A token here that does not start with a capital ("coal", "7.5")."""
    tok = c.tok()
    return tok is not None and not tok.cap


def _for_trade(c: Cursor) -> bool:
    """ "for import", "for export", "for sale", "for transfer": the trade a target is for."""
    return c.peek() == "for" and c.one_of(_FOR_TRADE, 1)


def _for_import_or_export(c: Cursor) -> bool:
    """ "for import", "for export": a direction stated in a description ("items for export")."""
    return c.peek() == "for" and c.one_of(("import", "export"), 1)


def _proper_adjective(c: Cursor) -> bool:
    """A capitalized word that is no function word: "North Korean", "Russian"."""
    return c.capitalized_word() and not c.one_of(_FUNCTION_CAPS)


# --- what the sentence reader produces ------------------------------------------------------------

@dataclass
class _Frame:
    subject: str
    start: int  # token index of the subject's first word
    head: int
    verb: int  # token index of the verb after the subject


@dataclass
class _Draft:
    action: str
    target: str
    start: int  # offsets
    end: int
    trigger: int  # offset of the trigger (deadlines are read from here on)
    direction: str | None = None
    amount: str | None = None
    force: str | None = None
    subject: str | None = None
    deadline: str | None = None


@dataclass
class _Info:
    """What the object's heads said: the trade words and the party after to/from/by."""

    flows: set[str] = field(default_factory=set)
    party_prep: str | None = None
    marker: str | None = None  # "for import by North Korea" -> import
    origin: bool = False  # a proper adjective starts the target ("Russian oil")

    def copy(self) -> _Info:
        return _Info(set(self.flows), self.party_prep, self.marker, self.origin)

    def direction(self) -> str | None:
        if self.marker:
            return self.marker
        if self.flows & _EXPORT_FLOWS:
            return None if self.party_prep in ("to", "into") else "export"
        if self.flows & _IMPORT_FLOWS:
            return None if (self.party_prep == "from" or self.origin) else "import"
        if self.flows & _TRANSFER_FLOWS:
            if self.party_prep in ("to", "into") and not self.flows & {"purchase", "purchases", "procurement"}:
                return "import"
            if self.party_prep in ("by", "from"):
                return "export"
        return None


@dataclass
class _Target:
    text: str
    start: int
    end: int
    info: _Info
    amount: str | None = None


# --- the public function --------------------------------------------------------------------------

def find_measures(article: Article, actions: ActionVocabulary, published: dt.date | None) -> list[MeasureMention]:
    """Measures the article attributes to a resolution, sanction or council, in text order.

    Each mention's action/target/direction/amount/deadline/force parse as a `measure` value with
    `ParseContext(published, actions=actions)`; a candidate that does not is left out.
    """
    lexicon = _Lexicon(actions)
    ctx = ParseContext(published=published or _PLACEHOLDER_DAY, actions=actions)
    text = article.text
    found: list[MeasureMention] = []
    recent: list[bool] = []  # did each of the last sentences name a measure?
    for sentence in article.sentences:
        evidence = text[sentence.start:sentence.end]
        tokens = tokenize(evidence, sentence.start)
        reader = _SentenceReader(tokens, evidence, sentence.start, lexicon, ctx, any(recent[-3:]))
        drafts = reader.read()
        seen: set[tuple] = set()
        for draft in drafts:
            mention = _mention(article, sentence, evidence, draft, ctx)
            if mention is None:
                continue
            key = (mention.action, mention.target.casefold(), mention.direction, mention.amount,
                   mention.deadline, mention.force)
            if key not in seen:
                seen.add(key)
                found.append(mention)
        recent.append(reader.names_measure or bool(drafts))
    found.sort(key=lambda m: (m.start, m.end))
    return found


def _mention(article: Article, sentence: Sentence, evidence: str, d: _Draft, ctx: ParseContext) -> MeasureMention | None:
    fields = {"action": d.action, "target": d.target, "direction": d.direction, "amount": d.amount,
              "deadline": d.deadline, "force": d.force}
    # An optional part that does not parse is dropped; the measure itself must parse.
    for optional, kind in (("amount", "quantity"), ("deadline", "deadline")):
        if fields[optional] is not None and not _parses(kind, fields[optional], ctx):
            fields[optional] = None
    raw = {k: v for k, v in fields.items() if v is not None}
    if not _parses("measure", raw, ctx):
        return None
    return MeasureMention(
        action=fields["action"], target=fields["target"], start=d.start, end=d.end,
        line=article.line_of(d.start), paragraph=sentence.paragraph, evidence=evidence,
        direction=fields["direction"], amount=fields["amount"], deadline=fields["deadline"],
        force=fields["force"], subject_hint=d.subject,
    )


def _parses(kind: str, raw: str | dict, ctx: ParseContext) -> bool:
    try:
        parse_value(kind, raw, ctx)
    except (ValueParseError, ValueError, TypeError, OverflowError, ArithmeticError):
        return False
    return True


def _quantity(text: str, ctx: ParseContext) -> Quantity | None:
    try:
        value = parse_value("quantity", text, ctx)
    except (ValueParseError, ValueError, TypeError, OverflowError, ArithmeticError):
        return None
    return value if isinstance(value, Quantity) else None


_DEADLINE = re.compile(
    r"\b(?:within|in)\s+(?:the\s+next\s+)?(?:\d+(?:[.,]\d+)?|[a-z]+(?:[- ][a-z]+)?)\s+(?:calendar\s+)?(?:days?|weeks?|months?|years?)\b"
    r"(?:\s+(?:of|after|from)\s+(?:its\s+)?adoption)?"
    r"|\bby\s+the\s+end\s+of\s+(?:\d{4}|this\s+year|next\s+year|the\s+year|[A-Z][a-z]+(?:\s+\d{4})?)"
    r"|\b(?:by|no\s+later\s+than|not\s+later\s+than|on\s+or\s+before)\s+"
    r"(?:[A-Z][a-z]{2,8}\.?\s+\d{1,2}(?:,\s*\d{4})?|\d{1,2}\s+[A-Z][a-z]{2,8}\s+\d{4}|\d{4}\b(?!\s*(?:tons?|tonnes?|barrels?)))"
)


# --- the sentence reader --------------------------------------------------------------------------

class _SentenceReader:
    def __init__(self, tokens: list[Tok], source: str, base: int, lexicon: _Lexicon, ctx: ParseContext,
                 recent: bool) -> None:
        self.t = tokens
        self.source = source  # the sentence; token offsets minus `base` index it
        self.base = base
        self.n = len(tokens)
        self.lex = lexicon
        self.ctx = ctx
        self.recent = recent
        self.names_measure = False
        self.drafts: list[_Draft] = []
        self.verbs: list[tuple[int, str]] = []  # accepted verbal triggers and frame verbs: (index, form)
        self.nouns: list[int] = []  # accepted noun-form triggers
        self.bound_drafts: list[_Draft] = []
        self._names_here: bool | None = None
        self._under: tuple[str | None] | None = None

    # -- helpers ----------------------------------------------------------------------------------

    def at(self, i: int) -> Cursor:
        """A cursor at token i, for reading a pattern from there."""
        return Cursor(self.t, i)

    def tok(self, i: int) -> Tok | None:
        return self.t[i] if 0 <= i < self.n else None

    def low(self, i: int) -> str:
        return self.t[i].low if 0 <= i < self.n else ""

    def span(self, a: int, b: int) -> str:
        """The text of tokens a..b-1, whitespace collapsed (the article text is already clean)."""
        if b <= a:
            return ""
        return " ".join(self._text(self.t[a].start, self.t[b - 1].end).split())

    def _ends_scope(self, i: int) -> bool:
        """Does token i end the clause a frame governs? ("that" after "requires" does not.)"""
        c = self.at(i)
        if c.text() in _HARD_BREAKS:
            return c.text() not in _ASIDE_MARKS
        if c.peek() == "that":
            return _has_lemma(c.tok(-1), _REPORTING) is None
        return c.one_of(_SCOPE_BREAKS)

    def is_break(self, i: int) -> bool:
        """Does token i end an object: a hard break or a clause word?"""
        c = self.at(i)
        return c.text() in _HARD_BREAKS or c.one_of(_BREAK_WORDS)

    # -- the pass ---------------------------------------------------------------------------------

    def read(self) -> list[_Draft]:
        """The measures of the sentence, in one pass: at each token under a frame, the first pattern
        that reads there (a bound, a list, an addition to a list, a two-word or a one-word trigger),
        else a passive; the pass goes on past what the pattern read. Deadlines come last."""
        if not self.t:
            return []
        frames = self._frames()
        subject_tokens: set[int] = set()
        by_verb: dict[int, _Frame] = {}
        for frame in frames:
            subject_tokens.update(range(frame.start, frame.head + 1))
            by_verb[frame.verb] = frame
        frame_verbs = sorted(by_verb)
        self.names_measure = self.names_measure or any(
            self.t[f.head].low not in _PRONOUNS for f in frames
        ) or any(t.low in _MEASURE_WORDS for t in self.t)

        active: _Frame | None = None
        c = self.at(0)
        while not c.done:
            i = c.i
            if i in by_verb:
                active = by_verb[i]
                self.verbs.append((i, _verb_form(self.t[i])))
            elif active is not None and self._ends_scope(i):
                active = None
                self.verbs.clear()
                self.nouns.clear()
            if i in subject_tokens and i not in by_verb:
                c.advance()  # a frame's subject is no trigger
                continue
            step = None
            if active is not None:
                step = (self._bound(i, active) or self._list_of(i, active) or self._add_to_list(i, active)
                        or self._pair(i, active) or self._single(i, active))
            if step is None and self.lex.lookup(self.t[i]) is not None:
                step = self._passive(i)
            if step is not None and step > i:
                # A frame whose verb the pattern read over still takes effect (breaks read over do not).
                passed = _last_frame_between(frame_verbs, by_verb, i, step)
                if passed is not None:
                    active = passed
                c = self.at(step)
            else:
                c.advance()
        self._deadlines()
        return self.drafts

    # -- frames -----------------------------------------------------------------------------------

    def _frames(self) -> list[_Frame]:
        frames: list[_Frame] = []
        for h in range(self.n):
            c = self.at(h)
            if c.one_of(_PRONOUNS):
                if not self.recent and not self.names_measure:
                    continue
                if h > 0 and not c.one_of(_PRONOUN_OPENERS, -1):
                    continue  # "how much coal they are buying": not the measure
                # "China said it would ...": the pronoun is the speaker's, not the measure's.
                if any(_has_lemma(self.tok(k), _SAY) for k in range(max(0, h - 4), h)):
                    continue
            elif not c.one_of(_HEADS):
                continue
            if c.peek() == "nations" and c.peek(-1) != "united":
                continue
            if c.one_of(_UN) and c.one_of(("security", "general"), 1):
                continue  # "U.N. Security Council": the council is the head
            if c.one_of(_HEADS, 1):
                continue  # "Security Council measures": the last noun is the head
            if c.one_of(_HEADS) and not c.one_of(_PRONOUNS):
                self.names_measure = True
            start = self._extend_left(h)
            if self.at(start).one_of(_PREPS, -1):
                continue  # "under the resolution", "violations of the sanctions"
            end = h
            after = c.copy(1)
            if c.one_of(("resolution", "resolutions")) and after.number():  # "Resolution 2371 (2017)"
                end = after.i
                after.advance()
                if after.peek() == "(" and after.peek(2) == ")":
                    end = after.advance(2).i  # on the ")" of "(2017)"
                    after.advance()
            j = after.i
            verb = self._frame_verb(j)
            if verb is None:
                continue
            subject = " ".join(self.source[self.t[start].start - self.base:self.t[end].end - self.base].split())
            frames.append(_Frame(subject, start, h, verb))
        return frames

    def _extend_left(self, h: int) -> int:
        """The first token of the subject whose head is h: back over modifiers (up to six) to a
        determiner ("the new U.N. sanctions", "North Korea's latest resolution")."""
        c = self.at(h - 1)
        start = h
        while c.i >= 0 and h - c.i <= 6:
            if c.one_of(_DETS):
                return c.i
            if c.one_of(_FUNCTION_CAPS) or not self._subject_modifier(c):
                break
            start = c.i
            c.advance(-1)
        return start

    @staticmethod
    def _subject_modifier(c: Cursor) -> bool:
        """A word that can stand before a subject's head: an adjective of the list, a capitalized
        or hyphenated word, a possessive or a number."""
        tok = c.tok()
        assert tok is not None
        return (c.one_of(_SUBJECT_ADJ) or c.capitalized_word() or (tok.word and "-" in tok.low)
                or tok.low.endswith("'s") or tok.text.isdigit())

    def _frame_verb(self, j: int) -> int | None:
        """The verb of a subject that ends before j, past a relative word, adverbs, a time phrase
        and a parenthesis or apposition ("The resolution, adopted on Monday, bans ...")."""
        for step in range(8):
            c = self.at(j)
            tok = c.tok()
            if tok is None:
                return None
            if (step == 0 and c.one_of(("that", "which"))) or c.one_of(_FRAME_ADVERBS):
                j += 1
                continue
            k = self._skip_time(j)
            if k != j:
                j = k
                continue
            if tok.text in _ASIDE_OPENERS:
                close = self._close(j)
                if close is None:
                    return None
                j = self.at(close).copy(1).i  # past the mark that closes the aside
                continue
            break
        tok = self.tok(j)
        if tok is None or not tok.word or tok.cap:
            return None
        low = tok.low
        if low in _AUX:
            return j
        if low.endswith("'s"):
            return None
        if (low.endswith("s") and not low.endswith("ss") and len(low) > 3) or low.endswith("ed"):
            return j
        if self.lex.lookup(tok) is not None or _has_lemma(tok, _REPORTING | _TRADE):
            return j
        return None

    def _skip_time(self, j: int) -> int:
        """Past a time phrase at j ("today", "last week", "on Wednesday", "in March 5, 2017", "in 2016")."""
        c = self.at(j)
        if c.one_of(_TIME_ADVERBS):
            return c.advance().i  # "today"
        if c.one_of(_TIME_RELATIVES) and c.one_of(_TIME_PERIODS, 1):
            return c.advance(2).i  # "last week"
        if c.one_of(("on", "in")) and (c.one_of(_CALENDAR, 1) or (c.peek() == "in" and c.peek(1).isdigit())):
            c.advance(2)
            c.skip_if((".",))  # "Nov."
            if c.digits():  # a day
                c.advance()
                if c.peek() == "," and c.digits(1):  # a year
                    c.advance(2)
            return c.i
        return j

    def _close(self, j: int) -> int | None:
        """The token that closes the aside opened at j (within the 29 tokens after it and the
        clause: a ";" or "." ends the search, and so does a measure noun after a comma), else None."""
        opener = self.t[j].text
        closer = ")" if opener == "(" else opener
        end = self.at(j).copy(1).find(
            lambda c: c.text() in (closer, ";", ".") or (opener == "," and c.one_of(_HEADS)), limit=29)
        return end.i if end is not None and end.text() == closer else None

    # -- verbal and noun readings -------------------------------------------------------------------

    def _back(self, i: int) -> int:
        """The index before i, passing over up to four adverbs."""
        return self.at(i).skip_back(_ADVERBS, limit=4).i

    def _negated(self, i: int, frame: _Frame) -> bool:
        """Is the word at i negated in the five words before it ("does not ban", "no longer limits",
        "failed to ban", "instead")?"""
        for k in range(max(frame.head + 1, i - 5), i):
            c = self.at(k)
            if c.one_of(_NEGATORS | _NEGATING) or c.peek().endswith("n't") or (c.one_of(_FAIL) and c.peek(1) == "to"):
                return True
        return False

    def _verbal_ok(self, i: int, form: str, frame: _Frame) -> bool:
        """Is the trigger at i a verb the frame governs: the frame's own verb, an infinitive, after a
        modal or "has", coordinated with an accepted verb, or after "requires that countries"?"""
        if form not in ("base", "s", "ed"):
            return False
        if self._negated(i, frame):
            return False
        if i == frame.verb:
            return True
        c = self.at(i).skip_back(_ADVERBS, limit=4)
        j = c.i
        if form == "base" and c.peek() == "to":
            return not c.one_of(_TO_AS_PREPOSITION, -1)
        if c.one_of(_MODALS) and form == "base":
            return True
        if c.one_of(_HAVE) and form == "ed":
            return True
        if c.one_of(_LIST_JOINS):
            k = j - 1 if c.peek() == "and" and c.peek(-1) == "," else j
            for index, verb_form in reversed(self.verbs[-8:]):
                if index < k and k - index <= _WINDOW and (verb_form == form or (form == "base" and verb_form in ("base", "modal"))):
                    return True
            return False
        # "requires that countries expel": that + a short noun phrase.
        if form in ("base", "s"):
            for k in range(j, max(frame.verb, j - 5) - 1, -1):
                b = self.at(k)
                if b.peek() == "that":
                    return k > frame.verb - 1 and k < i - 1 and _has_lemma(b.tok(-1), _REPORTING) is not None
                if not self.t[k].word or b.one_of(_BREAK_WORDS):
                    return False
        return False

    def _noun_ok(self, i: int, frame: _Frame) -> bool:
        """Is the noun-form trigger at i governed by an imposing verb ("imposed a full ban"), a
        coordinated noun trigger, or "calls for"?"""
        if self._negated(i, frame):
            return False
        c = self.at(i - 1)
        while c.i > frame.head and i - c.i <= 5 and _noun_modifier(c):
            c.advance(-1)
        if c.i <= frame.head and c.i != frame.verb:
            return False
        if c.one_of(_LIST_JOINS) and self.nouns:
            return True
        if c.peek() == "for" and _has_lemma(c.tok(-1), {"call"}):
            return True  # "calls for the repatriation of"
        return _has_lemma(c.tok(), _IMPOSE) is not None

    def _force(self, i: int, frame: _Frame) -> str | None:
        """ "non-binding" when "urges", "calls on" and the like govern the trigger at i; a binding
        verb nearer to it ("decides", "requires") wins."""
        for k in range(i - 1, max(frame.head, i - _WINDOW), -1):
            c = self.at(k)
            tok = c.tok()
            if _has_lemma(tok, _NONBINDING) or (_has_lemma(tok, {"call"}) and c.one_of(_CALL_PARTICLES, 1)):
                return "non-binding"
            if _has_lemma(tok, _BINDING):
                return None
        return None

    # -- objects and targets ------------------------------------------------------------------------

    def _starts_clause(self, m: int) -> bool:
        """Does token m start a new verb phrase ("..., ban new joint ventures", "and expands")?"""
        c = self.at(m)
        c.skip_if(("and",))
        if c.one_of(_DETS | _NOUN_ADJ):
            # "and a cap on crude oil": another noun-form trigger starts here.
            c.skip(_DETS | _NOUN_ADJ)
            head = c.tok()
            entry = self.lex.lookup(head) if head is not None else None
            return entry is not None and c.one_of(_ON_AGAINST, 1)
        tok = c.tok()
        if tok is None or not tok.word or tok.cap:
            return False
        if c.one_of(_MODALS):
            return True
        entry = self.lex.lookup(tok)
        if entry is not None and entry.form in ("base", "s", "ed") and not c.one_of(_NOT_BEFORE_OBJECT, 1):
            return True
        form = _has_lemma(tok, _REPORTING | _LIST_GOVERNORS)
        return form in ("s", "ed")

    def _object_end(self, j: int, limit: int = 40) -> int:
        """Where the object starting at j ends: a break, a clause word, a date, or a new verb phrase
        after a comma or conjunction ("as well as" and "such as" go on)."""
        c = self.at(j)
        while not c.done and c.i - j < limit:
            tok = c.tok()
            assert tok is not None
            if tok.text in _HARD_BREAKS:
                break
            if c.skip_if(_AS_WELL_AS) or c.skip_if(_SUCH_AS):
                continue
            if c.peek() == "as" or c.one_of(_BREAK_WORDS):
                break
            if c.one_of(_DATE_PREPS) and (c.one_of(_CALENDAR, 1) or c.peek(1).isdigit()
                                          or (c.peek() == "by" and c.at(("the", "end"), 1))):
                break
            if c.one_of(_LIST_JOINS) and c.i > j and self._starts_clause(c.i + 1):
                break
            c.advance()
        return c.i

    def _strip_heads(self, a: int, b: int, info: _Info) -> int:
        """Drop determiners, trade heads and quantity heads from the front of tokens a..b."""
        for _ in range(8):
            start = a
            c = self.at(a).skip(_DETS | _STRIP_ADJ, until=b)
            any(c.skip_if(pattern) for pattern in _DIRECT_OR_INDIRECT)
            a = c.i
            # [North Korean | North Korea's] FLOW (, FLOW)* (and|or FLOW)? (to|by|from the Party)? of
            k = c.copy().skip_while(_proper_adjective, limit=4, until=b)
            if k.one_of(_FLOWS):
                # "their imports of coal": whose trade it is, the text leaves to the pronoun.
                owner_unclear = k.one_of(_POSSESSIVE_DETS, -1)
                flows = [k.peek()]
                m = k.copy(1)
                while m.i + 1 < b and m.one_of(_CONJUNCTIONS | {","}) and (
                        m.one_of(_FLOWS, 1) or (m.one_of(("and", "or"), 1) and m.one_of(_FLOWS, 2))):
                    m.advance(1 if m.one_of(_FLOWS, 1) else 2)
                    flows.append(m.peek())
                    m.advance()
                prep = None
                if m.one_of(_PARTY_PREPS):
                    party = m.copy(1)
                    party.skip_if(("the",))
                    after = party.copy().skip_while(Cursor.capitalized_word, until=b)
                    if after.i > party.i and after.peek() == "of":  # "to the DPRK of"
                        prep = m.peek()
                        m = after
                if m.peek() == "of" and m.i + 1 < b:
                    if not owner_unclear:
                        info.flows.update(flows)
                    if prep:
                        info.party_prep = prep
                    a = m.i + 1
            # the (current) number(s) of
            q = self.at(a)
            if q.one_of(_QUANTITY_ADJ):
                q.advance()
            if q.one_of(_QUANTITY_HEADS) and q.peek(1) == "of" and q.i + 2 < b:
                a = q.i + 2
            if a == start:
                break
        return a

    def _conjuncts(self, a: int, b: int) -> list[tuple[int, int]]:
        """The conjuncts of the object a..b: split at commas when the last comma stretch closes a
        list ("coal, iron ore and lead"), then each stretch at "and", "or" and "as well as"."""
        stretches = [(x, y) for x, y in self.at(a).split(",", b) if y > x]
        if len(stretches) > 1 and not self._closes_list(*stretches[-1]):
            stretches = stretches[:1]  # "coal, the country's main export": an aside, not a list
        out: list[tuple[int, int]] = []
        for x, y in stretches:
            out.extend(self._split_conjunct(x, y))
        return [(x, y) for x, y in out if y > x]

    def _closes_list(self, x: int, y: int) -> bool:
        """Does the comma stretch x..y end a list: it has "and" or "or", or opens "as well"?"""
        c = self.at(x)
        return c.find(lambda k: k.one_of(("and", "or")), until=y) is not None or c.at(("as", "well"))

    def _split_conjunct(self, x: int, y: int) -> list[tuple[int, int]]:
        """The stretch x..y cut at "as well as" and at "and"/"or" ("coal and iron"); after a
        preposition only before a new noun phrase ("the sale of coal and the purchase of iron", but
        "the sale of coal and iron" is one). Leading conjunctions and "as well as" are passed over."""
        out: list[tuple[int, int]] = []
        c = self.at(x).skip(_CONJUNCTIONS, until=y)
        if c.i < y:
            c.skip_if(_AS_WELL_AS)
        start = c.i
        seen_prep = False
        while c.i < y:
            at = c.i
            if c.skip_if(_AS_WELL_AS):
                out.append((start, at))
                start, seen_prep = c.i, False
                continue
            if c.one_of(_CONJUNCTIONS) and at > start and (not seen_prep or c.one_of(_NEW_CONJUNCT, 1)):
                out.append((start, at))
                c.advance()  # past the conjunction
                start, seen_prep = c.i, False
                continue
            if c.one_of(_PREPS):
                seen_prep = True
            c.advance()
        out.append((start, y))
        return out

    def _targets(self, j: int, end: int | None = None, info: _Info | None = None) -> tuple[list[_Target], int]:
        """The targets of the object starting at token j, and where the object ends."""
        b = self._object_end(j) if end is None else end
        info = info.copy() if info is not None else _Info()
        a = self._strip_heads(j, b, info)
        targets: list[_Target] = []
        for x, y in self._conjuncts(a, b):
            target = self._clean(x, y, info.copy())
            if target is not None:
                targets.append(target)
        return targets, b

    def _clean(self, a: int, b: int, info: _Info) -> _Target | None:
        """One conjunct a..b as a target: heads, trade words, the party and an amount cut off."""
        a = self._strip_heads(a, b, info)
        amount: str | None = None
        suffix = False
        for _ in range(6):  # each cut may bare another ("coal exports to North Korea worth $1 million ,")
            before = (a, b)
            b = self.at(b).trim(lambda c: c.text() in _TRAILING_MARKS, floor=a).i
            last = self.at(b).copy(-1)
            if b - a >= 2 and self._trade_suffix(last.i, info):  # "coal exports": a word is left
                info.flows.add(last.peek())
                suffix = True
                b = last.i
            b = self._party_suffix(a, b, info)
            stop, found = self._amount_suffix(a, b)
            if found is not None:
                amount, b = found, stop
            if (a, b) == before:
                break
        # "cargo suspected of carrying ...": the noun the participle describes.
        cut = self.at(a).copy(1).find(lambda c: c.one_of(_CUT_WORDS), until=b)
        if cut is not None:
            b = cut.i
        # "luxury goods like bone china": the example the text names (an example word is never last).
        example = self.at(a).find(lambda c: c.one_of(_EXAMPLE_WORDS) or c.at(_SUCH_AS), until=b - 1)
        if example is not None:
            if not example.skip_if(_SUCH_AS):
                example.advance()
            a = example.i
        a = self._strip_heads(a, b, info)
        if suffix:  # "North Korean coal exports": the origin is the direction
            k = self.at(a).skip_while(Cursor.capitalized_word, until=b - 1).i  # a word is left
            if k > a and self.at(k).find(_lower_case, until=b) is not None:
                a = k
        if b <= a:
            return None
        first, last = self.at(a), self.at(b - 1)  # the target's first and last words
        info.origin = first.capitalized_word() and not first.one_of(_FUNCTION_CAPS) and a > 0
        # The head: the word before the first preposition ("branches of banks"), else the last word.
        prep = first.copy(1).find(lambda c: c.one_of(_PREPS), until=b)
        head = prep.copy(-1) if prep is not None else last
        if first.one_of(_BAD_FIRST) or last.one_of(_PREPS) or head.one_of(_STOP_TARGETS) or last.one_of(_STOP_TARGETS):
            return None
        if not (_is_word(first) or (first.digits() and b - a > 1 and _is_word(first.copy(1)))):  # "12 officials"
            return None
        if last.one_of(_DETS) or last.one_of(("and", "or")) or not last.text()[:1].isalnum():
            return None
        if b - a > 10:
            return None
        if all(t.low in _GENERIC_ITEMS or t.low in _DETS for t in self.t[a:b]):
            return None
        if b - a == 1:
            entry = self.lex.lookup(self.t[a])
            if entry is not None and entry.form in ("s", "ed", "ing"):
                return None  # "bans, limits and restricts": verbs, not things
        text = self.span(a, b)
        return _Target(text, self.t[a].start, self.t[b - 1].end, info, amount)

    def _trade_suffix(self, k: int, info: _Info) -> bool:
        """Is token k a trade word that ends a target ("coal exports"; "arms sales" once a party is named)?"""
        c = self.at(k)
        return c.one_of(_EXPORT_FLOWS | _IMPORT_FLOWS) or (c.one_of(_TRANSFER_FLOWS) and info.party_prep is not None)

    def _party_suffix(self, a: int, b: int, info: _Info) -> int:
        """Where a..b ends before "for import by North Korea", "to North Korea" or "from the DPRK"
        (what it says goes into `info`); b when there is none. The phrase starts in the last
        _PARTY_REACH words, never at the first word."""
        phrase = self.at(max(a + 1, b - _PARTY_REACH)).find(
            lambda c: _for_trade(c) or self._names_party_to(c, b), until=b)
        if phrase is None:
            return b
        if _for_trade(phrase):
            if phrase.one_of(("import", "export"), 1):  # "for import by"
                info.marker = phrase.peek(1)
            elif phrase.one_of(("to", "into"), 2):  # "for sale to"
                info.marker = "import"
        else:
            info.party_prep = phrase.peek()
        return phrase.i

    def _names_party_to(self, c: Cursor, b: int) -> bool:
        """Is c a party preposition whose party, capitalized words after an optional "the", runs to b
        ("to North Korea", "from the DPRK")?"""
        if not c.one_of(_PARTY_PREPS):
            return False
        party = c.copy(1)
        party.skip_if(("the",))
        return party.i < b and party.copy().skip_while(Cursor.capitalized_word, until=b).i == b

    def _amount_suffix(self, a: int, b: int) -> tuple[int, str | None]:
        """Where a..b ends before "worth more than $100", "to 500,000 barrels a year" or "at $60 a
        barrel", and that amount; (b, None) when there is none. The marker is never the first word."""
        marker = self.at(a).copy(1).find(lambda c: self._amount_after(c, b) is not None, until=b)
        if marker is None:
            return b, None
        return marker.i, self._amount_after(marker, b)

    def _amount_after(self, marker: Cursor, b: int) -> str | None:
        """The amount from after an amount marker ("worth", "to", "valued at") to b, if the text
        there parses as a quantity and has a figure; else None."""
        if not (marker.one_of(_AMOUNT_MARKERS) or marker.one_of(("to", "at"))):
            return None
        amount = marker.copy(1)
        if marker.peek() == "valued":
            amount.skip_if(("at",))
        if amount.i >= b:
            return None
        text = self.span(amount.i, b)
        if _quantity(text, self.ctx) is None:
            return None
        has_figure = amount.find(lambda c: c.number() or c.text()[:1] in "$£€", until=b) is not None
        return text if has_figure else None

    def _emit(self, action: str, trigger: int, targets: list[_Target], frame: _Frame | None,
              direction: str | None = None, amount: str | None = None, force: str | None = None) -> None:
        trig = self.t[trigger]
        for target in targets:
            self.drafts.append(_Draft(
                action=action, target=target.text, start=min(trig.start, target.start),
                end=max(trig.end, target.end), trigger=trig.start,
                direction=target.info.direction() or direction,
                amount=target.amount or amount, force=force,
                subject=frame.subject if frame is not None else None,
            ))

    # -- patterns -------------------------------------------------------------------------------------

    def _single(self, i: int, frame: _Frame) -> int | None:
        """A one-word trigger at i: as a noun ("a cap on", "the prohibition of", "a cap of 7.5
        million tons on") or as a verb the frame governs, with its object's targets."""
        c = self.at(i)
        tok = self.t[i]
        entry = self.lex.lookup(tok)
        if entry is None:
            return None
        noun_prep = c.one_of(_ON_AGAINST, 1) or (entry.form == "noun" and c.peek(1) == "of")
        amount = None
        obj = i + 2  # "a cap on X": X follows the noun and its preposition
        if not noun_prep and c.peek(1) == "of" and entry.form in ("base", "s"):
            sized = self._amount_before_on(c)
            if sized is not None:
                noun_prep, (amount, obj) = True, sized
        if noun_prep:
            if entry.lemma in _INSTRUMENT_NOUNS or tok.low in _INSTRUMENT_NOUNS or entry.form == "ing":
                return None
            if not self._noun_ok(i, frame):
                return None
            targets, end = self._targets(obj)
            if not targets:
                return None
            self.nouns.append(i)
            self._emit(entry.action, i, targets, frame, amount=amount, force=self._force(i, frame))
            return end
        if not self._verbal_ok(i, entry.form, frame):
            return None
        after = c.copy(1)  # a verb's object starts after it
        if self._bound_at(after.i):
            return None  # "to hold only one bank account": the bound says what is limited
        self.verbs.append((i, entry.form))
        direction = None
        gerund = self._from_gerund(after.i)
        if gerund is not None:
            # "ban North Korea from exporting coal": the named party's own trade gives the direction.
            if _proper_adjective(after):
                verb = _has_lemma(gerund.tok(), _GERUND_TRADE)
                if verb is not None:
                    lemma = next(l for l, _ in lemmas(gerund.peek()) if l in _GERUND_TRADE)
                    direction = "import" if lemma == "import" else "export"
            j = gerund.copy(1).i  # what the gerund acts on
        else:
            j = self._skip_addressee(after.i)
        targets, end = self._targets(j)
        if targets:
            self._emit(entry.action, i, targets, frame, direction=direction, force=self._force(i, frame))
        return max(end, after.i)

    def _amount_before_on(self, trigger: Cursor) -> tuple[str, int] | None:
        """'a cap of 4 million barrels a year on crude oil', the trigger "cap" at `trigger` and "of"
        after it: the amount up to the first "on"/"against" within seven words, and where the
        object after that preposition starts; None when there is no such word or no amount before it."""
        amount = trigger.copy(1)
        amount.skip_if(("of",))
        prep = amount.find(lambda c: c.one_of(_ON_AGAINST), limit=7)
        if prep is None:
            return None
        quantity = self.span(amount.i, prep.i)
        if _quantity(quantity, self.ctx) is None:
            return None
        return quantity, prep.copy(1).i

    def _bound_at(self, j: int) -> bool:
        """Does a bound ("no more than", "only") start at j, after adverbs?"""
        c = self.at(j).skip(_ADVERBS - {"only"})
        return any(c.at(bound) for bound in _BOUNDS)

    def _skip_addressee(self, j: int) -> int:
        """'notify the committee of X', 'inform the Council about X' -> the index of X."""
        c = self.at(j)
        while c.one_of(_DETS) or c.capitalized_word():
            c.advance()
        if c.i > j and c.one_of(_HEADS | {"nations"}, -1) and c.one_of(_ABOUT):
            return c.advance().i  # X after "the Council of"
        if c.one_of(_HEADS) and c.one_of(_ABOUT, 1):
            return c.advance(2).i  # X after "the committee of"
        return j

    def _from_gerund(self, j: int) -> Cursor | None:
        """'countries from hiring X' from j: a cursor on the gerund ("hiring"). The party before
        "from" is one to four plain words (no mark, no clause word)."""
        stop = self.at(j).find(lambda c: (c.i > j and c.peek() == "from") or not _is_word(c) or c.one_of(_BREAK_WORDS),
                               limit=5)
        if stop is None or stop.peek() != "from":
            return None
        gerund = stop.copy(1)
        tok = gerund.tok()
        return gerund if tok is not None and tok.word and tok.low.endswith("ing") else None

    def _pair(self, i: int, frame: _Frame) -> int | None:
        """Two-word entries of the vocabulary: 'no increase in', 'prohibit X from increasing', 'send X home'."""
        tok = self.t[i]
        firsts = {lemma: form for lemma, form in reversed(lemmas(tok.low)) if lemma in self.lex.pair_firsts}
        if not firsts:
            return None
        for first, second in self.lex.pairs:
            if first not in firsts:
                continue
            form = firsts[first]
            action = self.lex.pair(first, second)
            if action is None:
                continue
            c = self.at(i)
            if _has_lemma(c.tok(1), {second}) is not None:  # the two words together
                after = c.copy(2)
                if after.one_of(_PAIR_PREPS):  # "no increase in X"
                    targets, end = self._targets(after.copy(1).i)
                    if targets and not self._negated(i, frame):
                        self.nouns.append(i)
                        self._emit(action, i, targets, frame, force=self._force(i, frame))
                        return end
                    continue
                if self._verbal_ok(i, form, frame):
                    targets, end = self._targets(after.i)
                    if targets:
                        self.verbs.append((i, form))
                        self._emit(action, i, targets, frame, force=self._force(i, frame))
                        return end
                continue
            # The two words split around what the first acts on (a word at least): the second word,
            # or "from" and the second as a gerund, within the six words after that; a break ends it.
            split = c.copy(2).find(lambda k, ends=("from", second): k.peek() in ends or self.is_break(k.i), limit=6)
            if split is None:
                continue
            if split.peek() == "from":  # "prohibit countries from increasing X"
                if _has_lemma(split.tok(1), {second}) == "ing" and self._verbal_ok(i, form, frame):
                    targets, end = self._targets(split.copy(2).i)
                    if targets:
                        self.verbs.append((i, form))
                        self._emit(action, i, targets, frame, force=self._force(i, frame))
                        return end
            elif split.peek() == second and self._verbal_ok(i, form, frame):  # "send X home"
                targets, _ = self._targets(c.copy(1).i, end=split.i)
                if targets:
                    self.verbs.append((i, form))
                    self._emit(action, i, targets, frame, force=self._force(i, frame))
                    return split.copy(1).i
        return None

    def _bound(self, i: int, frame: _Frame) -> int | None:
        """'can sell no more than 7.5 million metric tons of coal a year', 'to have only one bank account'."""
        bound = next((words for words in _BOUNDS if self.at(i).at(words)), None)
        if bound is None or self.lex.limit_action is None:
            return None
        p = self._back(i)  # the verb before the bound, past adverbs ("in" of "bring in")
        verb = self._bound_verb(p)
        if verb is None or self._negated(p, frame):
            return None
        start = self.at(i)
        start.skip_if(bound)  # the amount follows the bound's words
        # The amount: seven words at most, never over "of", a comma, a conjunction or a break.
        edge = start.copy().skip_while(lambda c: not (c.one_of(_AMOUNT_ENDS) or c.text() in _HARD_BREAKS), limit=7)
        best = self._longest_amount(i, start.i, edge.i)
        if best is None:
            return None
        m, amount, quantity = best
        direction = "export" if verb in _EXPORT_TRADE or verb == "bring" else "import" if verb == "import" else None
        rate = self._rate(m)
        end = m
        targets: list[_Target] = []
        after = self.at(m)
        if after.peek() == "of":
            goods = after.copy(1)  # "7.5 million metric tons of coal a year": the goods after "of"
            stop = self._object_end(goods.i)
            rate_at = goods.find(lambda c: self._rate(c.i) is not None, until=stop)
            if rate_at is not None:
                rate, stop = self._rate(rate_at.i), rate_at.i
            targets, _ = self._targets(goods.i, end=stop)
            end = stop + (len(rate.split()) if rate else 0)  # past the rate's words
        elif rate:
            end = m + len(rate.split())  # past the rate's words
        elif not quantity.unit and _is_word(after) and not after.capitalized_word():
            targets, end = self._targets(m)  # "only one bank account": the counted noun
        sales = self.at(end)
        if sales.peek() == "in" and sales.one_of(_SALES, 1):  # "$400 million in sales"
            direction = "export"
            end = sales.advance(2).i  # past "in sales"
        if rate and _quantity(f"{amount} {rate}", self.ctx) is not None:
            amount = f"{amount} {rate}"
        force = self._force(i, frame)
        if targets:
            before = len(self.drafts)
            self._emit(self.lex.limit_action, i, targets, frame, direction=direction, amount=amount, force=force)
            self.bound_drafts = self.drafts[before:]
        elif self.bound_drafts and self._continues_bound(p, verb):
            # "..., or bring in no more than $400 million in sales": the same goods, another amount.
            last = self.bound_drafts[-1]
            trig = self.t[i]
            self.drafts.append(_Draft(
                action=last.action, target=last.target, start=trig.start, end=self._end_before(max(end, m)),
                trigger=trig.start, direction=last.direction or direction, amount=amount, force=force,
                subject=last.subject,
            ))
        else:
            return None
        return max(end, start.i)

    def _bound_verb(self, p: int) -> str | None:
        """The verb of trade whose quantity a bound limits, the bound's verb or particle at p: "bring"
        for "bring in" or "take in", else the lemma of a verb of _TRADE ("sell", "import"), else None."""
        c = self.at(p)
        if c.peek() == "in" and _has_lemma(c.tok(-1), {"bring", "take"}):  # "bring in no more than"
            return "bring"
        if _has_lemma(c.tok(), _TRADE) is None:
            return None
        return next(lemma for lemma, _ in lemmas(c.peek()) if lemma in _TRADE)

    def _continues_bound(self, p: int, verb: str) -> bool:
        """Does the bound's verb at p follow "or", "and" or a comma (past adverbs), so that it gives
        another amount for the goods of the bound before ("..., or bring in no more than ...")?"""
        # "bring in": the verb stands before its particle at p. A "bring" at p itself is taken the
        # same way (the look starts one word before it); kept as it was.
        verb_at = self.at(p).copy(-1) if verb == "bring" else self.at(p)
        return self.low(self._back(verb_at.i)) in ("or", ",", "and")

    def _longest_amount(self, bound: int, start: int, edge: int) -> tuple[int, str, Quantity] | None:
        """The longest amount from `start` (a word at least, up to `edge`) that parses as a quantity,
        with the bound that starts at `bound` ("no more than 7.5 million tons") or, when that does not
        parse, without it ("7.5 million tons"): where it ends, its text and its value. None for none."""
        best: tuple[int, str, Quantity] | None = None
        for end in range(start + 1, edge + 1):  # start..end: one word at least
            for text in (self.span(bound, end), self.span(start, end)):
                quantity = _quantity(text, self.ctx)
                if quantity is not None:
                    best = (end, text, quantity)
                    break
        return best

    def _end_before(self, k: int) -> int:
        """Where the text read up to token k (not included) ends: the end of the token before k."""
        return self.t[k - 1].end

    def _rate(self, m: int) -> str | None:
        """The rate at m ("a year", "per day", "annually"), as written in lower case, else None."""
        c = self.at(m)
        if c.one_of(_RATE_DETS) and c.one_of(_RATE_UNITS, 1):
            return f"{c.peek()} {c.peek(1)}"
        if c.one_of(_RATE_ADVERBS):
            return c.peek()
        return None

    def _list_of(self, i: int, frame: _Frame) -> int | None:
        """'expands the list of banned items ..., including A as well as B'; 'the list of people ...'."""
        c = self.at(i)
        if not (c.one_of(("list", "lists")) and c.peek(1) == "of"):
            return None
        g = c.copy(-1)
        while g.i > frame.head and g.one_of(_DETS | _LIST_MODIFIERS):
            g.advance(-1)
        if _has_lemma(g.tok(), _LIST_GOVERNORS) is None and not (g.peek() == "to" and _has_lemma(g.tok(-1), {"add"})):
            return None
        if self._negated(i, frame):
            return None
        force = self._force(i, frame)
        listed = c.copy(2)  # what the list is of, after "list of"
        head = listed.tok()
        participle = self.lex.lookup(head) if head is not None else None
        if participle is not None and participle.form == "ed":
            items = listed.copy(1)  # "banned items": the items after the participle
            info = _Info()
            end = self._object_end(items.i)
            # "for export", "for import" in the items' description: the last one says the direction.
            marker = items.find(_for_import_or_export, until=end)
            while marker is not None:
                info.marker = marker.peek(1)
                marker = marker.copy(1).find(_for_import_or_export, until=end)
            examples = self.at(end)
            if examples.skip_if(("including",)) or examples.skip_if((",", "including")) \
                    or examples.skip_if((",", *_SUCH_AS)):
                targets, stop = self._targets(examples.i, info=info)
            else:
                targets, stop = self._targets(items.i, end=end, info=info)
            if not targets:
                return None
            self._emit(participle.action, listed.i, targets, frame, force=force)
            return stop
        entry = self.lex.lookup(self.t[i])
        if entry is None:
            return None
        targets, end = self._targets(listed.i)
        if not targets:
            return None
        self._emit(entry.action, i, targets, frame, force=force)
        return end

    def _add_to_list(self, i: int, frame: _Frame) -> int | None:
        """'adds 12 individuals to the sanctions list'."""
        c = self.at(i)
        if _has_lemma(c.tok(), {"add"}) is None or c.peek(1) == "to":
            return None
        # "to" after what is added (a word at least), within the ten words after that; a break ends it.
        to = c.copy(2).find(lambda k: self.is_break(k.i) or k.peek() == "to", limit=10)
        if to is None or to.peek() != "to":
            return None
        listed = to.copy(1).skip(_DETS | _LIST_OWNERS, limit=3)  # "to the U.N. sanctions list"
        head = listed.tok()
        entry = self.lex.lookup(head) if head is not None else None
        if entry is None or entry.form not in ("base", "noun") or self._negated(i, frame):
            return None
        targets, _ = self._targets(c.copy(1).i, end=to.i)
        if not targets:
            return None
        self._emit(entry.action, i, targets, frame, force=self._force(i, frame))
        return listed.copy(1).i

    def _passive(self, i: int) -> int | None:
        """'Exports of textiles are banned', in a sentence that names a measure."""
        participle = self.at(i)
        entry = self.lex.lookup(self.t[i])
        if entry is None or entry.form != "ed" or not self.names_measure_here():
            return None
        if participle.one_of(_DEGREE, -1):
            return None  # "the impact was relatively limited": an adjective
        j = self._back(i)
        if self.low(j) not in _BE:
            return None
        be = self.at(j).trim(lambda w: w.one_of(_MODALS | _ADVERBS)).i  # back to "could also be banned"
        if self.at(be).find(lambda w: w.one_of(_NEGATORS) or w.peek().endswith("n't"), until=i) is not None:
            return None
        # The subject: back to the sentence start, a clause word, or an introductory phrase's comma,
        # _PASSIVE_SUBJECT_REACH words at most.
        a = self.at(be).trim(lambda w: not self._opens_passive_subject(w), floor=max(0, be - _PASSIVE_SUBJECT_REACH)).i
        if a >= be:
            return None
        targets, _ = self._targets(a, end=be)
        if not targets:
            return None
        amount = None
        after = participle.copy(1)
        if after.one_of(("at", "to")):  # "are capped at 500,000 barrels"
            after.advance()
            stop = self._object_end(after.i, limit=8)
            text = self.span(after.i, stop)
            if _quantity(text, self.ctx) is not None:
                amount = text
        self._emit(entry.action, i, targets, None, amount=amount)
        subject = self._under_subject()
        for draft in self.drafts[-len(targets):]:
            draft.subject = subject
        return participle.copy(1).i

    def _opens_passive_subject(self, w: Cursor) -> bool:
        """Is the word at w the last before a passive's subject: a break, a clause word, or the comma
        after an introductory phrase ("Under the resolution, exports of coal are banned")?"""
        return (w.text() in _HARD_BREAKS or w.one_of(_BREAK_WORDS)
                or (w.text() == "," and self._introductory(w.i)))

    def names_measure_here(self) -> bool:
        if self._names_here is None:
            self._names_here = any(
                t.low in _HEADS and t.low not in _UN | {"nations", "order", "act", "text"} for t in self.t
            )
        return self._names_here

    def _introductory(self, comma: int) -> bool:
        """Does the stretch before this comma open with a preposition ("In a statement, ...")?"""
        start = self.at(comma).trim(lambda w: w.text() not in _HARD_BREAKS and w.text() != ",")
        return start.one_of(_PREPS | {"according", "under"})

    def _under_subject(self) -> str | None:
        if self._under is None:
            self._under = (self._find_under_subject(),)
        return self._under[0]

    def _find_under_subject(self) -> str | None:
        """'under the resolution', 'by Resolution 2371': the measure a passive sentence names."""
        for h in range(self.n):
            c = self.at(h)
            if not c.one_of(_HEADS) or c.one_of(_UN | {"nations"}):
                continue
            start = self._extend_left(h)
            if self.at(start).one_of(("under", "by"), -1):
                past = c.copy(2) if c.number(1) else c.copy(1)  # past "Resolution 2371" or "the resolution"
                return self.span(start, past.i)
        return None

    # -- deadlines ----------------------------------------------------------------------------------

    def _deadlines(self) -> None:
        """Each measure's deadline: the first deadline that parses in its own stretch of the
        sentence, from its trigger to the next measure's trigger (or the sentence's end), at most
        _DEADLINE_REACH characters, so that a deadline belongs to the measure it follows."""
        if not self.drafts:
            return
        triggers = sorted({d.trigger for d in self.drafts})
        for d in self.drafts:
            stop = min(self._next_trigger(triggers, d.trigger), d.trigger + _DEADLINE_REACH)
            deadline = self._first_deadline(self._text(d.trigger, stop))
            if deadline is not None:
                d.deadline = deadline

    def _next_trigger(self, triggers: list[int], trigger: int) -> int:
        """Where the next measure's trigger after `trigger` starts (`triggers` sorted), else where
        the sentence's last token ends."""
        later = bisect.bisect_right(triggers, trigger)
        return triggers[later] if later < len(triggers) else self.t[-1].end

    def _first_deadline(self, text: str) -> str | None:
        """The first deadline in `text` ("within 24 months", "by the end of 2019") that parses, its
        spacing collapsed; None when there is none."""
        for match in _DEADLINE.finditer(text):
            deadline = " ".join(match.group().split())
            if _parses("deadline", deadline, self.ctx):
                return deadline
        return None

    def _text(self, start: int, end: int) -> str:
        """The sentence's text between two article offsets (token offsets are the article's)."""
        return self.source[start - self.base:end - self.base]


def _last_frame_between(frame_verbs: list[int], by_verb: dict[int, _Frame], start: int, stop: int) -> _Frame | None:
    """The frame of the last verb strictly between start and stop (`frame_verbs` sorted), None if
    none: a pattern that reads from start to stop passed over it."""
    inside = frame_verbs[bisect.bisect_right(frame_verbs, start):bisect.bisect_left(frame_verbs, stop)]
    return by_verb[inside[-1]] if inside else None


def _verb_form(tok: Tok) -> str:
    if tok.low in _MODALS:
        return "modal"
    low = tok.low
    if low.endswith("ed"):
        return "ed"
    if low.endswith("s") and not low.endswith("ss"):
        return "s"
    return "base"
