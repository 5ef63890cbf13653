"""A raw article (plain text, Markdown or HTML) as the paragraphs and sentences a reader sees.

The reading text comes from `documents.Document`, the same stripping that FC203 uses to find
evidence, so every span the extractor quotes as evidence is found again by lint; its HTML is read
by `html_text`, which also tells block boundaries, headings, links and page furniture. What this
module adds is structure: paragraph breaks (block boundaries, blank lines, Markdown list items and
headings), the page furniture to set apart (navigation, ads, share widgets, styled-away elements,
player widgets, footers), transcript turns ("NIKKI HALEY: words"), and sentence boundaries that
respect abbreviations and quotations.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from ..documents import Document, detect_form
from .lexicon import (
    ARTICLES,
    DEMONSTRATIVES,
    MONTH_ABBREVIATIONS,
    MONTHS,
    POSSESSIVE_DETERMINERS,
    PREPOSITIONS,
    WEEKDAYS,
)

# detect_form lives with Document, which needs it; it is still read from here.
__all__ = ["Article", "Paragraph", "Sentence", "detect_form", "read_article", "read_file", "split_sentences"]

# --- paragraph breaks in the raw text (the HTML's come from Document.breaks) ---------------------

_BLANK_LINE = re.compile(r"\n[ \t]*\r?\n")
_LIST_ITEM = re.compile(r"\n[ \t]*(?:[-*+]|\d+[.)])[ \t]")
_HEADING_LINE = re.compile(r"\n[ \t]{0,3}#")

# --- page furniture (elements: html_text) ---------------------------------------------------------

# Paragraphs that are page furniture whatever markup they come in (compared case-folded, with
# punctuation and spacing normalized).
_FURNITURE_TEXT = re.compile(
    r"^(?:advertisement|supported by|continue reading(?: the)? main story|skip to (?:content|site index|main content)"
    r"|skip to site index|sections|search|site index|site information navigation|site navigation|today.?s paper"
    r"|play live radio|next up:?|available on air stations|like this:?|share this:?|share|tweet|email|print"
    r"|related|related articles|read more|sign up|subscribe|log in|comments?|listen|listen to this article"
    r"|[\d:\s]+|[|\s-]*)$",
    re.I,
)
_URL_ONLY = re.compile(r"^(?:https?://|www\.)\S+$")

# --- transcripts and sentences ------------------------------------------------------------------

# "NIKKI HALEY: words", "MICHELE KELEMEN, BYLINE: words", "HALEY: words".
_TURN = re.compile(r"^((?:[A-Z][A-Z.'’-]*)(?:\s+[A-Z][A-Z.'’-]*){0,3})(?:,\s*([A-Z][A-Z ]+))?:\s+(?=\S)")

# --- abbreviations: whether their period ends a sentence ----------------------------------------
# A period after an abbreviation is read by the abbreviation's class and the word after it (the
# way rule-based splitters such as pySBD and Punkt's orthographic heuristic do), not by a flat
# list: "drafted by the U.S. The council voted" is two sentences, "U.S. Ambassador" is one.

# Titles and honorifics stand before a name, so their period never ends a sentence ("Gen. Milley",
# "St. Louis"); neither does that of a word that only ever leads into what follows ("vs.
# Argentina", "e.g. the", "approx. 40").
_PREPOSITIVE = frozenset(
    "mr mrs ms mx messrs dr prof st mt gen sen sens rep reps gov lt col maj sgt cpl pvt capt cmdr adm "
    "brig det insp supt pres amb rev hon fr vs e.g i.e cf approx fig".split()
)
# "No. 10 Downing Street": an abbreviation only before a number; elsewhere "no." is the word.
_NUMBER_ABBREVIATIONS = frozenset({"no", "nos"})
_MONTH_ABBREVIATIONS = frozenset(MONTH_ABBREVIATIONS)
_CLOCK = frozenset({"a.m", "p.m"})
# Abbreviations that often close a sentence (a country, a company, "etc."): they end one only when
# the next word is a sentence opener, since "the U.S. Treasury" and "Apple Inc. Chief Executive"
# read on. Any dotted letter sequence ("U.S.", "D.C.", "H.R.") is of this class too.
_POSTPOSITIVE = frozenset("sr jr etc inc co corp ltd llc plc bros al est ave blvd rd".split())
# Capitalized words that open a sentence and do not continue a name: the determiners, pronouns,
# conjunctions, prepositions and adverbs a news sentence starts with. Compared case-folded, but
# only when the word is capitalized (the splitter's pattern already requires that).
_SENTENCE_OPENERS = (
    ARTICLES | DEMONSTRATIVES | (POSSESSIVE_DETERMINERS - {"whose"}) | (PREPOSITIONS - {"of", "per", "via", "than", "upon"})
    | frozenset(
        "i it he she they we you there here but and or so yet nor if although though because since while when "
        "whereas however meanwhile still also thus instead indeed nonetheless nevertheless moreover separately "
        "earlier later now then today yesterday some many most several both each all neither according "
        "what who why how where officials".split()
    )
)
# What follows a clock time without ending its sentence: a time zone, a day or a date ("at 5 p.m.
# GMT", "5 p.m. Tuesday", "10 a.m. Jan. 5"), or a place before "time" ("5 p.m. Moscow time").
_TIME_ZONES = frozenset(
    "gmt utc bst cet cest eet eest msk ist jst aest et est edt ct cst cdt mt mst mdt pt pst pdt ast "
    "eastern central pacific mountain atlantic local".split()
)
_CALENDAR = frozenset(WEEKDAYS) | frozenset(MONTHS) | _MONTH_ABBREVIATIONS
_AFTER_CLOCK = _TIME_ZONES | _CALENDAR
_NEXT_WORD = re.compile(r"\s+[“\"‘'(\[`]*([A-Za-z]+)?([^\s]*)(?:\s+([A-Za-z]+))?")
_DOTTED_LETTERS = re.compile(r"(?:[a-z]\.)+[a-z]")
# A sentence ends at its punctuation before a space and a capital or digit; or, where a page lost
# the break between two paragraphs ("calling for urgent help.The country's ..."), right before a
# capitalized word after a lower-case one.
_SENTENCE_END = re.compile(r"[.!?…]+(?:''|[”\"'’)\]])*(?=\s+[“\"‘'(\[`]?[A-Z0-9])|(?<=[a-z][a-z])[.!?][”\"’]?(?=[A-Z][a-z])")
_OPENING_QUOTES = "“‘"
_CLOSING_QUOTES = "”’"


@dataclass(frozen=True)
class Sentence:
    """A sentence of the reading text; `start`/`end` index `Article.text`."""

    text: str
    start: int
    end: int
    line: int
    paragraph: int


@dataclass
class Paragraph:
    """A block of the reading text. `turn` is the speaker label of a transcript turn, whose words
    start at `body_start` (after the label)."""

    index: int
    text: str
    start: int
    end: int
    line: int
    turn: str | None = None
    turn_role: str | None = None
    body_start: int = 0
    heading: bool = False
    sentences: list[Sentence] = field(default_factory=list)

    @property
    def body(self) -> str:
        return self.text[self.body_start - self.start:]


@dataclass
class Article:
    """The reading text of a raw article, split into paragraphs, with furniture set apart."""

    path: str
    form: str  # "html", "markdown" or "text"
    document: Document
    paragraphs: list[Paragraph]  # the article's own text, in order
    furniture: list[Paragraph]  # what was left out (metadata detection still reads it)
    encoding_problem: str | None = None

    @property
    def text(self) -> str:
        return self.document.text

    @property
    def raw(self) -> str:
        return self.document.raw

    def line_of(self, offset: int) -> int:
        return self.document.line_of(offset)

    @property
    def sentences(self) -> list[Sentence]:
        return [s for p in self.paragraphs for s in p.sentences]

    @property
    def all_paragraphs(self) -> list[Paragraph]:
        return sorted(self.paragraphs + self.furniture, key=lambda p: p.start)


def read_article(raw: str, path: str = "<text>") -> Article:
    """Split `raw` into paragraphs and sentences, setting furniture apart."""
    document = Document(path, raw)
    form = document.form
    furnished = form in ("html", "markdown")
    paragraphs: list[Paragraph] = []
    furniture: list[Paragraph] = []
    seen: set[str] = set()
    for start, end in _paragraph_spans(document, hard_lines=form == "text"):
        text = document.text[start:end]
        raw_start = document.raw_offset(start)
        paragraph = Paragraph(len(paragraphs), text, start, end, document.line_of(start))
        paragraph.body_start = start
        paragraph.heading = _is_heading(document, raw_start)
        key = " ".join(text.casefold().split())
        if furnished and document.markup.furniture.covers(raw_start) or _FURNITURE_TEXT.match(key) or _URL_ONLY.match(text) or _mostly_links(document, start, end):
            furniture.append(paragraph)
            continue
        if key in seen:  # a headline repeated by the page template
            furniture.append(paragraph)
            continue
        seen.add(key)
        _mark_turn(paragraph)
        paragraph.index = len(paragraphs)
        paragraph.sentences = split_sentences(document, paragraph)
        paragraphs.append(paragraph)
    return Article(path, form, document, paragraphs, furniture)


def _paragraph_spans(document: Document, hard_lines: bool) -> list[tuple[int, int]]:
    """Where the reading text breaks into blocks: an HTML block boundary (Document.breaks), or
    (but in an .html page, which a browser lays out by its tags alone) a blank line, a list item or
    a heading between two characters of the raw text. In plain text a line break also ends a block
    when the line before it is short or ends a sentence (a header line, not a wrapped one), and
    every line break does in a text whose lines are not wrapped."""
    text, raw = document.text, document.raw
    # A text with a line longer than any wrap width is not hard-wrapped: each of its lines is a block
    # (a headline with no full stop, "Grant Shapps warns against walkout", is not the next line's start).
    unwrapped = hard_lines and max((len(line) for line in raw.splitlines()), default=0) > UNWRAPPED_LINE
    spans: list[tuple[int, int]] = []
    start = 0
    for i in range(1, len(text)):
        if text[i - 1] != " ":
            continue
        if i - 1 in document.breaks:
            spans.append((start, i - 1))
            start = i
            continue
        before = document.raw_offset(i - 2) + 1 if i >= 2 else 0
        gap = raw[before:document.raw_offset(i)]
        if (
            document.markdown and (_BLANK_LINE.search(gap) or _LIST_ITEM.search(gap) or _HEADING_LINE.search(gap))
            or hard_lines and "\n" in gap and (unwrapped or _line_ends_block(raw, before))
        ):
            spans.append((start, i - 1))
            start = i
    if text:
        spans.append((start, len(text)))
    return [(s, e) for s, e in spans if text[s:e].strip()]


UNWRAPPED_LINE = 120  # characters: wrapped plain text keeps its lines under this (72 to 80 is usual)


def _line_ends_block(raw: str, line_end: int) -> bool:
    line = raw[raw.rfind("\n", 0, line_end) + 1:line_end].rstrip()
    return len(line) < 50 or line.endswith((".", "!", "?", ":", '"', "”", "'"))


def _is_heading(document: Document, raw_start: int) -> bool:
    """A Markdown heading line, or text inside an HTML heading element."""
    raw = document.raw
    line_start = raw.rfind("\n", 0, raw_start) + 1
    prefix = raw[line_start:raw_start]
    if re.fullmatch(r"[ \t]{0,3}#{1,6}[ \t]*", prefix):
        return True
    return document.markup.headings.covers(raw_start)


_MARKDOWN_LINK = re.compile(r"\[[^\[\]]*(?:\[[^\[\]]*\][^\[\]]*)*\]\([^)]*\)")


def _mostly_links(document: Document, start: int, end: int) -> bool:
    """A block that is mostly link text and makes no sentence is navigation."""
    text = document.text[start:end]
    if re.search(r"[a-z][.!?][”\"’']?(?:\s|$)", text) and len(text.split()) > 3:
        return False
    raw_start, raw_end = document.raw_offset(start), document.raw_offset(end - 1) + 1
    raw = document.raw[raw_start:raw_end]
    window_start, window_end = max(0, raw_start - 2), min(len(document.raw), raw_end + 400)
    linked = sum(len(m.group()) for m in _MARKDOWN_LINK.finditer(document.raw, window_start, window_end) if m.start() < raw_end)
    linked += sum(end - start for start, end in document.markup.links.starting(window_start, raw_end) if end <= window_end)
    return bool(raw) and linked >= 0.6 * len(raw) and not text.lower().startswith("by ")


def _mark_turn(paragraph: Paragraph) -> None:
    match = _TURN.match(paragraph.text)
    if match is None:
        return
    label = match.group(1)
    if not any(ch.isalpha() for ch in label) or len(label) < 2:
        return
    paragraph.turn = label
    paragraph.turn_role = match.group(2).strip() if match.group(2) else None
    paragraph.body_start = paragraph.start + match.end()


def split_sentences(document: Document, paragraph: Paragraph) -> list[Sentence]:
    """Sentences of a paragraph's body. A period after an abbreviation ends a sentence only when
    the abbreviation's class and the next word say so (`_abbreviation_holds`); one inside a
    quotation never does."""
    text = document.text
    sentences: list[Sentence] = []
    start = paragraph.body_start
    for match in _SENTENCE_END.finditer(text, paragraph.body_start, paragraph.end):
        end = match.end()
        if _abbreviation_holds(text, match.start(), end, paragraph.end, start, paragraph.heading):
            continue
        if _inside_quotation(text, start, end):
            continue
        _add_sentence(sentences, document, paragraph, start, end)
        start = end
        while start < paragraph.end and text[start] == " ":
            start += 1
    _add_sentence(sentences, document, paragraph, start, paragraph.end)
    return sentences


def _add_sentence(sentences: list[Sentence], document: Document, paragraph: Paragraph, start: int, end: int) -> None:
    text = document.text[start:end].strip()
    if text:
        sentences.append(Sentence(text, start, start + len(text), document.line_of(start), paragraph.index))


def _abbreviation_holds(text: str, dot: int, after: int, limit: int, sentence_start: int, heading: bool) -> bool:
    """Does the period at `dot` belong to an abbreviation that the sentence reads on past?

    `after` is where the sentence would end and `limit` the paragraph's end. The class of the
    abbreviation decides, with the next word: a title or an initial always holds; "No." and a
    month hold before a number; a clock time holds before a zone, a day or a date; a month ends
    the sentence before any other capitalized word, a clock time too, and a country, company or
    "etc." only before a sentence opener ("the U.S. The council" against "the U.S. Treasury"). In
    a heading or a title-cased line every word is capitalized, so there the period always holds.
    """
    if text[dot] != ".":
        return False
    word_start = dot
    while word_start > 0 and (text[word_start - 1].isalnum() or text[word_start - 1] == "."):
        word_start -= 1
    word = text[word_start:dot].lower()
    if len(word) == 1 and word.isalpha():
        return True  # an initial: "H.R. McMaster", "Donald J. Trump"
    if word in _PREPOSITIVE:
        return True
    clock = re.sub(r"^\d+", "", word) in _CLOCK  # "11:11 p.m.", "5p.m."
    dotted = not clock and bool(_DOTTED_LETTERS.fullmatch(word))
    if not (clock or dotted or word in _NUMBER_ABBREVIATIONS or word in _MONTH_ABBREVIATIONS or word in _POSTPOSITIVE):
        return False
    following = _NEXT_WORD.match(text, after, limit)
    lead, rest, then = (following.group(1), following.group(2), following.group(3)) if following else (None, "", None)
    if lead is None:  # a number ("No. 10", "Jan. 5", "p.m. (0600 GMT)") or a symbol
        return True
    if word in _NUMBER_ABBREVIATIONS:
        return False  # "he said no. The vote": the word, not the abbreviation
    if heading or _title_cased(text[sentence_start:dot]):
        return True
    name = lead.lower()
    if clock:
        return name in _AFTER_CLOCK or (then or "").lower() == "time"
    if word in _MONTH_ABBREVIATIONS:
        return name in _CALENDAR  # "Jan. Feb." lists months; "in Jan. Analysts said" ends
    # "U.S. A-10 jets": a letter run that goes on into a hyphen or a digit is a name, not "A".
    opener = name in _SENTENCE_OPENERS and not rest[:1].isdigit() and not rest.startswith("-")
    return not opener


def _title_cased(segment: str) -> bool:
    """A headline in title case ("Biden Administration Briefs U.S. Officials"): every word of
    four letters or more is capitalized, so a capital after an abbreviation says nothing."""
    words = [w for w in re.findall(r"[A-Za-z][A-Za-z'’-]*", segment) if len(w) >= 4]
    return len(words) >= 3 and all(w[0].isupper() for w in words)


def _inside_quotation(text: str, start: int, at: int) -> bool:
    """Is the text just before `at` inside a quotation opened in this sentence?"""
    segment = text[start:at]
    curly = sum(segment.count(q) for q in "“") - sum(segment.count(q) for q in "”")
    if curly > 0:
        return True
    if "“" in segment or "”" in segment:
        return False
    return segment.replace("''", '"').replace("``", '"').count('"') % 2 == 1


def read_file(path: Path) -> Article:
    """Read an article file. Undecodable bytes become U+FFFD, as lint reads documents, so the
    evidence drafted from it is found again; `Article.encoding_problem` says it happened."""
    return read_bytes(path.read_bytes(), str(path))


def read_bytes(data: bytes, name: str) -> Article:
    """An article from its bytes (a file's, or standard input's), decoded as read_file says."""
    article = read_article(data.decode("utf-8-sig", errors="replace"), name)
    try:
        data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        article.encoding_problem = f"not valid UTF-8 (byte {error.start}); undecodable bytes were replaced with U+FFFD"
    return article
