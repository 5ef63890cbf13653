"""Raw source documents (`source.document`): read once, stripped of markup, searched for evidence.

Evidence is matched against what a reader sees, not against the file's bytes: the HTML is read by
`html_text` (tags, comments, scripts and hidden elements left out, entities decoded), Markdown
link targets, emphasis markers and heading hashes are stripped (except in an `.html` page, where a
browser shows them), and whitespace is collapsed, so a phrase that wraps across lines or runs
through a link (`[North\\nKorea](http://...)`) is still found. Every character of the stripped text
remembers where it came from, so a match (or the closest miss) is reported at the exact line of
the raw file.

Fuzzy matching never lets a number or a negation change pass (docs/design.md §3): evidence saying
"95 percent" where the document says "89 percent" is not found, however similar the rest.
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_right
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

from rapidfuzz import fuzz

from .fileread import DEFAULT_MAX_FILE_SIZE, read_or_none
from .html_text import BREAK, Markup, read_markup
from .values.base import _DASHES, _QUOTES
from .values.text import negations, numbers, tokens

EXCERPT_CHARS = 100

# --- markup -------------------------------------------------------------------------------------
# The HTML is read by html_text; each Markdown pattern marks raw spans to delete. What is kept
# keeps its raw offset.

_LINK_TEXT = r"(?:\\.|[^\[\]\\]|\[(?:\\.|[^\[\]\\])*\])*"
_LINK = re.compile(
    r"!?\[(" + _LINK_TEXT + r")\]"
    r"\(\s*(?:<[^<>\n]*>|[^()\s]*(?:\([^()\s]*\)[^()\s]*)*)(?:\s+(?:\"[^\"]*\"|'[^']*'|\([^()]*\)))?\s*\)"
)
_EMPHASIS_RUN = re.compile(r"\*{2,}|(?<!\w)_{2,}|_{2,}(?!\w)")
_SINGLE_EMPHASIS = re.compile(r"(?<![\w*\\])\*(?=[^\s*])|(?<=[^\s*\\])\*(?![\w*])|(?<!\w)_(?=[^\s_])|(?<=[^\s_])_(?!\w)")
_ESCAPE = re.compile(r"\\(?=[!-/:-@\[-`{-~])")
# An ATX heading's opening hashes and optional closing hashes ("## Site Index ##").
_HEADING = re.compile(r"^[ \t]{0,3}(#{1,6})(?:[ \t]+[^\n]*?)??(?:[ \t]+(#+))?[ \t]*$", re.M)
_RULE_LINE = re.compile(r"^[ \t]*(?:[-=*_][ \t]*){3,}$", re.M)
_BULLET = re.compile(r"^[ \t]*(?:[-*+]|>+)(?=[ \t]|$)", re.M)
_PAGE_SUFFIXES = (".html", ".htm")
_ELLIPSIS = re.compile(r"\s*(?:\.\.\.|\u2026)\s*")
# A fuzzy alignment costs about len(evidence)² × len(document) (measured: 1,000 characters in a 1 MB
# document take about a second, 3,000 take six). Beyond this budget only the exact search runs and the
# miss says why, so a pasted paragraph cannot stall a CI run.
FUZZY_BUDGET = 2 * 10**11
TOO_LONG = "too long"


_FOLDED: dict[str, str] = {}  # a memo: documents repeat few distinct characters


def _fold_char(ch: str) -> str:
    """One character as values.text.normalize sees it, case-folded (may be 0..n characters)."""
    folded = _FOLDED.get(ch)
    if folded is None:
        folded = unicodedata.normalize("NFKC", ch).translate(_DASHES).translate(_QUOTES).casefold()
        _FOLDED[ch] = folded
    return folded


def fold(text: str) -> str:
    """The search form of a text: NFKC, plain quotes and dashes, case-folded, single spaces."""
    return _fold_with_map(unicodedata.normalize("NFC", text))[0]


def _fold_with_map(text: str) -> tuple[str, list[int]]:
    """The search form plus, for each of its characters, the index of the text character it came from."""
    out: list[str] = []
    origin: list[int] = []
    pending_space = -1
    for i, ch in enumerate(text):
        for piece in _fold_char(ch):
            if piece.isspace():
                if pending_space < 0:
                    pending_space = i
                continue
            if pending_space >= 0:
                if out:
                    out.append(" ")
                    origin.append(pending_space)
                pending_space = -1
            out.append(piece)
            origin.append(i)
    return "".join(out), origin


@dataclass(frozen=True)
class EvidenceMatch:
    """Where evidence is in a document, or the closest miss: raw-file line and a short excerpt."""

    found: bool
    score: float
    line: int
    excerpt: str
    # Why a close match (score >= threshold) was still rejected: "numbers" or "negation".
    rejected: str | None = None


def detect_form(raw: str, path: str = "") -> str:
    """HTML when it has block tags, Markdown when it has Markdown syntax, else plain text. The file
    suffix only breaks ties: converted pages mix the two."""
    suffix = Path(path).suffix.lower()
    tags = len(re.findall(r"</?(?:div|p|span|html|body|article|section|h[1-6]|ul|li|a)\b", raw, re.I))
    markdown = len(re.findall(r"(?m)^[ \t]{0,3}#{1,6}\s|\]\([^)\s]+\)|^[ \t]*[-*+]\s", raw))
    if suffix in _PAGE_SUFFIXES or tags > max(markdown, 2):
        return "html"
    if suffix in (".md", ".markdown") or markdown:
        return "markdown"
    return "text"


@dataclass
class Document:
    """A document's raw lines and its reading text, with an exact map back to raw lines."""

    path: str
    raw: str = field(repr=False)
    raw_lines: list[str] = field(init=False, repr=False)
    form: str = field(init=False)  # "html", "markdown" or "text" (detect_form)
    # Markdown syntax is read everywhere but in an .html page: converted pages mix the two.
    markdown: bool = field(init=False)
    text: str = field(init=False, repr=False)
    # Indices of the spaces in `text` that stand for a block boundary (a paragraph, heading, list
    # item or line break of the HTML), so that paragraphs can be told without the markup.
    breaks: frozenset[int] = field(init=False, repr=False)
    markup: Markup = field(init=False, repr=False)  # furniture, heading and link spans, raw offsets
    _offsets: list[int] = field(init=False, repr=False)  # text index -> raw offset
    _line_starts: list[int] = field(init=False, repr=False)

    def __post_init__(self) -> None:
        self.raw = unicodedata.normalize("NFC", self.raw)
        lines = self.raw.split("\n")
        if lines and lines[-1] == "":
            lines.pop()
        self.raw_lines = [line.removesuffix("\r") for line in lines]
        self._line_starts = [0] + [m.end() for m in re.finditer("\n", self.raw)]
        self.form = detect_form(self.raw, self.path)
        self.markdown = not self.path.lower().endswith(_PAGE_SUFFIXES)
        self.markup = read_markup(self.raw, page=self.form == "html")
        self.text, self._offsets, self.breaks = _strip_markup(self.raw, self.markup, self.markdown)

    @classmethod
    def from_text(cls, raw: str, path: str = "<text>") -> Document:
        return cls(path, raw)

    # --- positions --------------------------------------------------------------------------

    def line_of(self, offset: int) -> int:
        """The 1-based raw-file line of the character at `offset` in `text`."""
        if not self._offsets:
            return 1
        return bisect_right(self._line_starts, self.raw_offset(offset))

    def raw_offset(self, offset: int) -> int:
        """The offset in `raw` of the character at `offset` in `text`."""
        if not self._offsets:
            return 0
        return self._offsets[min(max(offset, 0), len(self._offsets) - 1)]

    @cached_property
    def words(self) -> list[str]:
        """The text's word tokens (values.text.tokens), for near-duplicate detection."""
        return tokens(self.text)

    @cached_property
    def _search(self) -> tuple[str, list[int]]:
        return _fold_with_map(self.text)

    # --- evidence ---------------------------------------------------------------------------

    def find(self, evidence: str, threshold: float = 90) -> EvidenceMatch:
        """Is `evidence` in the text? Exact first (cheap), fuzzy only on a miss.

        Evidence elided with "..." is found when every piece is found.
        """
        whole = self._find_one(evidence, threshold)
        if whole.found:
            return whole
        pieces = [piece for piece in _ELLIPSIS.split(evidence) if tokens(piece)]
        if len(pieces) < 2:
            return whole
        matches = [self._find_one(piece, threshold) for piece in pieces]
        worst = min(matches, key=lambda m: (m.found, m.score))
        if worst.found:
            return EvidenceMatch(True, worst.score, matches[0].line, matches[0].excerpt)
        return worst

    def _find_one(self, evidence: str, threshold: float) -> EvidenceMatch:
        """Exact, else the best fuzzy alignment, unless that would cost more than FUZZY_BUDGET."""
        needle = fold(evidence)
        haystack, origin = self._search
        if not needle or not haystack:
            return EvidenceMatch(False, 0.0, 1, "")
        start = self._exact(needle, haystack)
        if start >= 0:
            return EvidenceMatch(True, 100.0, *self._place(start, start + len(needle)))
        if len(needle) < len(haystack) and len(needle) ** 2 * len(haystack) > FUZZY_BUDGET:
            return EvidenceMatch(False, 0.0, 1, "", rejected=TOO_LONG)
        if len(needle) >= len(haystack):
            score, start, end = fuzz.ratio(needle, haystack), 0, len(haystack)
        else:
            alignment = fuzz.partial_ratio_alignment(needle, haystack)
            score, start, end = alignment.score, alignment.dest_start, alignment.dest_end
        start, end = _widen_to_words(haystack, start, end)
        while start < end and haystack[start] == " ":
            start += 1
        while end > start and haystack[end - 1] == " ":
            end -= 1
        rejected = None
        if score >= threshold:
            rejected = _facts_differ(needle, haystack[start:end])
        found = score >= threshold and rejected is None
        return EvidenceMatch(found, round(score, 1), *self._place(start, end), rejected=rejected)

    @staticmethod
    def _exact(needle: str, haystack: str) -> int:
        """First occurrence that does not start or end inside a word ("89" is not in "189")."""
        at = haystack.find(needle)
        while at >= 0:
            end = at + len(needle)
            left_ok = at == 0 or not (needle[0].isalnum() and haystack[at - 1].isalnum())
            right_ok = end == len(haystack) or not (needle[-1].isalnum() and haystack[end].isalnum())
            if left_ok and right_ok:
                return at
            at = haystack.find(needle, at + 1)
        return -1

    def _place(self, start: int, end: int) -> tuple[int, str]:
        """Raw line and text excerpt of a span of the search form."""
        origin = self._search[1]
        if not origin:
            return 1, ""
        text_start = origin[min(start, len(origin) - 1)]
        text_end = origin[min(max(end, start + 1), len(origin)) - 1] + 1
        excerpt = self.text[text_start:text_end]
        if len(excerpt) > EXCERPT_CHARS:
            excerpt = excerpt[: EXCERPT_CHARS - 3].rstrip() + "..."
        return self.line_of(text_start), excerpt


def _widen_to_words(s: str, start: int, end: int) -> tuple[int, int]:
    """A fuzzy span cut mid-word would hide a changed digit ("89" inside "189"): take whole words."""
    while start > 0 and s[start - 1].isalnum() and s[start].isalnum():
        start -= 1
    while 0 < end < len(s) and s[end - 1].isalnum() and s[end].isalnum():
        end += 1
    return start, end


def _facts_differ(needle: str, span: str) -> str | None:
    """'numbers' or 'negation' when the matched span states other numbers or negations than the
    evidence. Words at the span's edges that the evidence lacks are the alignment's overhang
    ("in September 2016" for "in September"), not part of the match, so they are left out."""
    wanted = tokens(needle)
    found = tokens(span)
    vocabulary = set(wanted)
    while found and found[0] not in vocabulary:
        found.pop(0)
    while found and found[-1] not in vocabulary:
        found.pop()
    if numbers(wanted) != numbers(found):
        return "numbers"
    if negations(wanted) != negations(found):
        return "negation"
    return None


def _strip_markup(raw: str, markup: Markup, markdown: bool) -> tuple[str, list[int], frozenset[int]]:
    """The reading text of a raw document, per character its offset in the raw text, and the
    indices of the spaces that stand for a block boundary."""
    deleted = bytearray(len(raw))
    inserts: dict[int, str] = {}
    block_ends: set[int] = set()  # raw offsets where a block boundary is inserted

    def delete(start: int, end: int, replacement: str = "") -> None:
        deleted[start:end] = b"\x01" * (end - start)
        if replacement:
            inserts[start] = inserts.get(start, "") + replacement

    for start, end, leaves in markup.removed:
        delete(start, end, " " if leaves else "")
        if leaves == BREAK:
            block_ends.add(start)
    if markdown:
        _mark_links(raw, 0, len(raw), delete, deleted)
        for match in _HEADING.finditer(raw):
            for group in (1, 2):
                if match.start(group) >= 0 and not any(deleted[match.start(group):match.end(group)]):
                    delete(match.start(group), match.end(group))
        for pattern in (_EMPHASIS_RUN, _SINGLE_EMPHASIS, _ESCAPE, _RULE_LINE, _BULLET):
            for match in pattern.finditer(raw):
                if match.end() > match.start() and not any(deleted[match.start():match.end()]):
                    delete(match.start(), match.end())
    for start, end, value in markup.entities:
        if not any(deleted[start:end]):
            delete(start, end, value)

    out: list[str] = []
    offsets: list[int] = []
    breaks: set[int] = set()
    space_at = -1  # raw offset of a pending whitespace run
    pending_break = False  # the pending run holds a block boundary

    def emit(ch: str, at: int) -> None:
        nonlocal space_at, pending_break
        if ch.isspace():
            if space_at < 0:
                space_at = at
            return
        if space_at >= 0 and out:
            if pending_break:
                breaks.add(len(out))
            out.append(" ")
            offsets.append(space_at)
        space_at = -1
        pending_break = False
        out.append(ch)
        offsets.append(at)

    for i, ch in enumerate(raw):
        inserted = inserts.get(i)
        if inserted:
            for piece in inserted:
                emit(piece, i)
            if i in block_ends:
                pending_break = True
        if not deleted[i]:
            emit(ch, i)
    return "".join(out), offsets, frozenset(breaks)


def _mark_links(raw: str, start: int, end: int, delete: Callable[[int, int], None], deleted: bytearray) -> None:
    """Delete `[`/`![` and `](target)` of Markdown links and images; keep (and recurse into) the text."""
    for match in _LINK.finditer(raw, start, end):
        if deleted[match.start()]:
            continue
        text_start, text_end = match.span(1)
        delete(match.start(), text_start)
        delete(text_end, match.end())
        _mark_links(raw, text_start, text_end, delete, deleted)


class DocumentStore:
    """Documents by absolute path, each read and stripped once per run."""

    def __init__(self, limit: int | None = DEFAULT_MAX_FILE_SIZE) -> None:
        self._cache: dict[str, Document | None] = {}
        self._limit = limit  # max-file-size; resolve_document has reported a larger document already

    def get(self, path: str) -> Document | None:
        """The document at `path`, or None when it cannot be read."""
        if path not in self._cache:
            data = read_or_none(path, self._limit)
            self._cache[path] = None if data is None else Document(path, data.decode("utf-8", errors="replace"))
        return self._cache[path]
