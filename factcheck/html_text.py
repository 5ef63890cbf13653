"""What a reader sees of the HTML in a raw file, in raw offsets.

FC203 reports evidence at the document's raw line and `extract` drafts claims from what a reader
sees, so both need to know which raw spans are markup, what each one leaves in the reading text
(nothing, a space, or a block boundary), and what the entities between them decode to. This
module finds that out once; `documents.py` turns it into the reading text with its map back to
raw offsets, and `extract/article.py` into paragraphs, with the spans of page furniture, headings
and links reported here.

The markup is read by a tokenizer that follows the HTML standard's tokenization (a quoted
attribute value may hold `>`, a comment ends at `-->`, script and style bodies are raw text, an
unterminated construct runs to the end of the file) and a small tree builder (implied end tags
for `p`, `li`, `dt`, `dd`, `a` and headings; an end tag closes up to its element; a stray one is
ignored). Every step moves forward with a string search or an anchored pattern without nested
repetition, so the work is linear in the size of the file, whatever it holds. The standard
library's `html.parser` is not used: it searches to the end of the input again for every construct
that cannot close (a 200 KB page of `<a b=` took three minutes on Python 3.11), and its handling of
malformed markup differs between Python releases, which would make findings differ too.

Tag names are read as `[A-Za-z][A-Za-z0-9:-]*` followed by a space, `>` or `/>`, so the angle
brackets of plain text and Markdown (`x < y`, `<http://example.org>`, `<name@example.org>`) stay
text. In a file that is not an HTML page, a tag left open at the end of the file is text as well,
and so is everything after it.
"""

from __future__ import annotations

import html
import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field

# What a removed span leaves in the reading text.
VANISH = ""  # an inline tag: "Kim<b>Jong</b>" reads "KimJong"
SPACE = " "  # separates words, not blocks (an invisible element)
BREAK = "\n"  # a block boundary: paragraphs, headings, list items, `br`, `div`

_SPACES = re.compile(r"[\t\n\f\r ]*")
_TAG_NAME = re.compile(r"[A-Za-z][A-Za-z0-9:-]*")
_ATTRIBUTE_NAME = re.compile(r"[^\t\n\f\r />][^\t\n\f\r />=]*")
_UNQUOTED = re.compile(r"[^\t\n\f\r >]*")
_COMMENT_END = re.compile(r"--!?>")
_ENTITY = re.compile(r"&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});")
_HTML_SPACE = "\t\n\f\r "

# Inline elements sit inside a sentence ("have<span> </span>increased"): their tags vanish. Any
# other tag ends a block.
_INLINE = frozenset(
    "a abbr b bdi bdo cite code data dfn em font i kbd mark q s samp small span strong sub sup time u var wbr".split()
)
_VOID = frozenset("area base br col embed hr img input link meta param source track wbr".split())
# Bodies the tokenizer does not read as markup; the RCDATA ones still decode entities.
_RAW_TEXT = frozenset("script style xmp iframe noembed noframes noscript".split())
_RCDATA = frozenset(("title", "textarea"))
# Never shown: left out of the reading text altogether, with everything inside.
_INVISIBLE = frozenset("script style template noscript iframe noembed noframes".split())
_HEAD_CONTENT = frozenset("title meta link base script style noscript template".split())
_HEADINGS = frozenset("h1 h2 h3 h4 h5 h6".split())
_CLOSES_P = frozenset(
    "address article aside blockquote dd details dialog div dl dt fieldset figcaption figure footer form "
    "h1 h2 h3 h4 h5 h6 header hgroup hr li main menu nav ol p pre section table ul".split()
)
# Implied end tags do not reach past these.
_SCOPE = frozenset("applet button caption dl html marquee object ol table td template th ul".split())

# Page furniture: shown, but not the article. By tag, role, or a word of the id, class or test id.
_FURNITURE_TAGS = frozenset("nav footer aside form button select svg menu dialog head header".split())
_FURNITURE_ROLES = frozenset("navigation banner contentinfo complementary toolbar".split())
_FURNITURE_WORDS = frozenset(
    "ad ads advert advertisement banner breadcrumb breadcrumbs comments cookie masthead menu nav navbar "
    "navigation newsletter paywall player promo related share sharing sharetools share-tools social "
    "sponsor subscribe toolbar footer site-index skip".split()
)
# Start tags whose attributes say what the page is (metadata.py): kept with their attributes.
_RECORDED = frozenset(("meta", "link", "time"))
_HIDDEN_STYLE = re.compile(r"visibility\s*:\s*hidden|display\s*:\s*none", re.I)
_WORD_PARTS = re.compile(r"[-_]")


class Spans:
    """Sorted raw spans that do not overlap."""

    def __init__(self, spans: list[tuple[int, int]]) -> None:
        self.spans = sorted(spans)
        self._starts = [start for start, _ in self.spans]

    def __len__(self) -> int:
        return len(self.spans)

    def covers(self, offset: int) -> bool:
        """Is the raw offset inside one of the spans?"""
        at = bisect_right(self._starts, offset) - 1
        return at >= 0 and offset < self.spans[at][1]

    def starting(self, start: int, end: int) -> list[tuple[int, int]]:
        """The spans that start in [start, end)."""
        return self.spans[bisect_left(self._starts, start):bisect_left(self._starts, end)]


@dataclass(frozen=True)
class Markup:
    """The HTML in a raw text: what to remove and what the rest means, in raw offsets."""

    # (start, end, what it leaves: VANISH, SPACE or BREAK), in order, not overlapping.
    removed: list[tuple[int, int, str]] = field(default_factory=list)
    # (start, end, decoded text) of each character reference outside the removed spans.
    entities: list[tuple[int, int, str]] = field(default_factory=list)
    furniture: Spans = field(default_factory=lambda: Spans([]))
    headings: Spans = field(default_factory=lambda: Spans([]))
    links: Spans = field(default_factory=lambda: Spans([]))
    # `meta`, `link` and `time` start tags with their attributes (names lowercased, values decoded).
    tags: list[tuple[str, dict[str, str]]] = field(default_factory=list)
    title: str | None = None  # the first `title` element's text, spaces collapsed
    json_ld: list[str] = field(default_factory=list)  # bodies of `<script type="application/ld+json">`, raw


def read_markup(raw: str, page: bool = True) -> Markup:
    """The markup of `raw`. `page` says the file is an HTML page: a tag left open at the end of
    the file then hides the rest, as in a browser; otherwise it and the rest are text."""
    reader = _Reader(raw, page)
    reader.run()
    return Markup(
        reader.removed, reader.entities, Spans(reader.furniture), Spans(reader.headings), Spans(reader.links),
        reader.tags, reader.title, reader.json_ld,
    )


class _Open:
    """An element on the stack of open elements."""

    __slots__ = ("name", "start")

    def __init__(self, name: str, start: int) -> None:
        self.name = name
        self.start = start


class _Reader:
    """Tokenizer and tree builder in one forward pass."""

    def __init__(self, raw: str, page: bool) -> None:
        self.raw = raw
        self.page = page
        self.removed: list[tuple[int, int, str]] = []
        self.entities: list[tuple[int, int, str]] = []
        self.furniture: list[tuple[int, int]] = []
        self.headings: list[tuple[int, int]] = []
        self.links: list[tuple[int, int]] = []
        self.tags: list[tuple[str, dict[str, str]]] = []
        self.title: str | None = None
        self.json_ld: list[str] = []
        self.stack: list[_Open] = []
        self.where: dict[str, list[int]] = {}  # element name -> its stack indices
        self.scopes: list[int] = []  # stack indices of _SCOPE elements
        # Stack index of the outermost open element of each kind, or -1.
        self.hidden_at = self.furniture_at = self.heading_at = self.link_at = -1

    # --- tokenizer ------------------------------------------------------------------------

    def run(self) -> None:
        raw, end = self.raw, len(self.raw)
        at = 0
        while at < end:
            lt = raw.find("<", at)
            if lt < 0:
                lt = end
            if lt > at:
                self._text(at, lt)
            if lt >= end:
                break
            at = self._markup(lt)
            if at < 0:  # a tag left open at the end of a file that is not a page: the rest is text
                self._text(lt, end)
                break
        self._pop_to(0, end)

    def _markup(self, lt: int) -> int:
        """Read the construct at `<`; where reading goes on (-1: the rest is text)."""
        raw = self.raw
        end = len(raw)
        if raw.startswith("<!--", lt):
            if raw.startswith("<!-->", lt) or raw.startswith("<!--->", lt):
                close = raw.index(">", lt + 4) + 1
            else:
                match = _COMMENT_END.search(raw, lt + 4)
                close = match.end() if match else end
            self._remove(lt, close, VANISH)
            return close
        if raw.startswith("<![CDATA[", lt):
            close = raw.find("]]>", lt + 9)
            close = close + 3 if close >= 0 else end
            self._remove(lt, close, VANISH)
            return close
        second = raw[lt + 1:lt + 2]
        if second in ("!", "?"):  # a doctype, another declaration or a processing instruction
            third = raw[lt + 2:lt + 3]
            if not (third.isascii() and third.isalpha() or second == "!" and third == "["):
                return lt + 1  # "<!" or "<?" in prose
            close = raw.find(">", lt + 2)
            if close < 0:
                return self._open_at_end(lt)
            self._remove(lt, close + 1, VANISH)
            return close + 1
        closing = second == "/"
        name_match = _TAG_NAME.match(raw, lt + 2 if closing else lt + 1)
        if name_match is None:
            return lt + 1
        after = name_match.end()
        if after < end and raw[after] not in _HTML_SPACE and raw[after] != ">" and not raw.startswith("/>", after):
            return lt + 1  # "<http://x.org>", "<name@example.org>": text
        name = name_match.group().lower()
        tag = self._attributes(after)
        if tag is None:
            return self._open_at_end(lt)
        close, attributes, self_closing = tag
        # "/>" closes nothing in HTML; honoured (XHTML habit) except on a raw-text element, whose
        # body would otherwise be read as text: "<script src=x />code</script>".
        self_closing = self_closing and name not in _RAW_TEXT and name not in _RCDATA
        if closing:
            self._end_tag(name, lt, close)
            return close
        if name in _RECORDED:
            self.tags.append((name, {key: html.unescape(value) for key, value in attributes.items()}))
        self._start_tag(name, attributes, self_closing, lt, close)
        if self_closing or name not in _RAW_TEXT and name not in _RCDATA:
            return close
        body_end = self._raw_text_end(name, close)
        if name == "title" and self.title is None:
            self.title = " ".join(html.unescape(raw[close:body_end]).split())
        if name == "script" and attributes.get("type", "").strip().lower() == "application/ld+json":
            self.json_ld.append(raw[close:body_end])  # a script's body is raw text: no character references
        if name in _RCDATA or name not in _INVISIBLE:
            self._text(close, body_end, decode=name in _RCDATA)
        return body_end

    def _attributes(self, at: int) -> tuple[int, dict[str, str], bool] | None:
        """Attributes up to the tag's `>`: (offset after it, attributes, self-closing), or None
        when the file ends inside the tag."""
        raw = self.raw
        end = len(raw)
        attributes: dict[str, str] = {}
        while True:
            at = _skip_spaces(raw, at)
            if at >= end:
                return None
            char = raw[at]
            if char == ">":
                return at + 1, attributes, False
            if char == "/":
                if raw.startswith("/>", at):
                    return at + 2, attributes, True
                at += 1
                continue
            name = _ATTRIBUTE_NAME.match(raw, at)
            assert name is not None  # the first character is neither a space, "/" nor ">"
            at = name.end()
            value = ""
            equals = _skip_spaces(raw, at)
            if equals < end and raw[equals] == "=":
                at = _skip_spaces(raw, equals + 1)
                if at >= end:
                    return None
                if raw[at] in "\"'":
                    close = raw.find(raw[at], at + 1)
                    if close < 0:
                        return None
                    value, at = raw[at + 1:close], close + 1
                else:
                    unquoted = _UNQUOTED.match(raw, at)
                    assert unquoted is not None  # the pattern matches the empty string
                    value, at = unquoted.group(), unquoted.end()
            attributes.setdefault(name.group().lower(), value)

    def _raw_text_end(self, name: str, at: int) -> int:
        """Where a raw-text body ends: at its own end tag, else at the end of the file."""
        raw = self.raw
        lower_end = "</" + name
        probe = at
        while True:
            probe = raw.find("</", probe)
            if probe < 0:
                return len(raw)
            after = probe + len(lower_end)
            if raw[probe:after].lower() == lower_end and (after == len(raw) or raw[after] in _HTML_SPACE + "/>"):
                return probe
            probe += 2

    def _open_at_end(self, lt: int) -> int:
        """A construct the file ends inside: a page hides it and the rest; other files read on."""
        if not self.page:
            return -1
        self._remove(lt, len(self.raw), SPACE)
        return len(self.raw)

    def _text(self, start: int, end: int, decode: bool = True) -> None:
        """Text the reader sees (unless inside a hidden element): its entities are decoded."""
        if self.hidden_at >= 0:
            return
        head = self.where.get("head")
        if head and self.stack[-1].name == "head" and self.raw[start:end].strip(_HTML_SPACE):
            self._pop_to(head[-1], start)  # text does not belong in the head: the body has begun
        if not decode:
            return
        for match in _ENTITY.finditer(self.raw, start, end):
            value = html.unescape(match.group())
            if value != match.group():
                self.entities.append((match.start(), match.end(), value))

    def _remove(self, start: int, end: int, leaves: str) -> None:
        if self.hidden_at < 0:
            self.removed.append((start, end, leaves))

    # --- tree builder ---------------------------------------------------------------------

    def _start_tag(self, name: str, attributes: dict[str, str], self_closing: bool, start: int, end: int) -> None:
        head = self.where.get("head")
        if head and name not in _HEAD_CONTENT:
            self._pop_to(head[-1], start)
        if name in _CLOSES_P:
            self._close(("p",), start)
        if name == "li":
            self._close(("li",), start)
        elif name in ("dd", "dt"):
            self._close(("dd", "dt"), start)
        elif name == "a":
            self._close(("a",), start)
        elif name in _HEADINGS and self.stack and self.stack[-1].name in _HEADINGS:
            self._pop_to(len(self.stack) - 1, start)
        leaves = _leaves(name)
        if self_closing or name in _VOID:
            self._remove(start, end, leaves)
            return
        index = len(self.stack)
        self.stack.append(_Open(name, start))
        self.where.setdefault(name, []).append(index)
        if name in _SCOPE:
            self.scopes.append(index)
        if self.hidden_at < 0 and _is_invisible(name, attributes):
            self.hidden_at = index
        else:
            self._remove(start, end, leaves)
        if self.furniture_at < 0 and _is_furniture(name, attributes):
            self.furniture_at = index
        if self.heading_at < 0 and name in _HEADINGS:
            self.heading_at = index
        if self.link_at < 0 and name == "a":
            self.link_at = index

    def _end_tag(self, name: str, start: int, end: int) -> None:
        if name == "br":  # "</br>" is read as "<br>"
            self._remove(start, end, BREAK)
            return
        open_at = self.where.get(name)
        if not open_at:
            self._remove(start, end, _leaves(name))  # a stray end tag: nothing to close
            return
        index = open_at[-1]
        self._pop_to(index + 1, start)
        closes_hidden = self.hidden_at == index
        self._pop_to(index, end)
        if not closes_hidden:
            self._remove(start, end, _leaves(name))

    def _close(self, names: tuple[str, ...], at: int) -> None:
        """Close the innermost of `names` open within the current scope (an implied end tag)."""
        scope = self.scopes[-1] if self.scopes else -1
        found = max((self.where[name][-1] for name in names if self.where.get(name)), default=-1)
        if found > scope:
            self._pop_to(found, at)

    def _pop_to(self, depth: int, at: int) -> None:
        """Close every element from the top of the stack down to index `depth`, ending at `at`."""
        while len(self.stack) > depth:
            index = len(self.stack) - 1
            element = self.stack.pop()
            self.where[element.name].pop()
            if self.scopes and self.scopes[-1] == index:
                self.scopes.pop()
            if index == self.hidden_at:
                self.hidden_at = -1
                self.removed.append((element.start, at, VANISH if element.name in _INLINE else SPACE))
            if index == self.furniture_at:
                self.furniture_at = -1
                self.furniture.append((element.start, at))
            if index == self.heading_at:
                self.heading_at = -1
                self.headings.append((element.start, at))
            if index == self.link_at:
                self.link_at = -1
                self.links.append((element.start, at))


def _skip_spaces(raw: str, at: int) -> int:
    match = _SPACES.match(raw, at)
    return match.end() if match else at


def _leaves(name: str) -> str:
    return VANISH if name in _INLINE else BREAK


def _is_invisible(name: str, attributes: dict[str, str]) -> bool:
    """Never shown to a reader: scripts, templates, and what the page marks hidden."""
    return name in _INVISIBLE or "hidden" in attributes or attributes.get("aria-hidden", "").strip().lower() == "true"


def _is_furniture(name: str, attributes: dict[str, str]) -> bool:
    """Shown, but not the article: navigation, ads, share widgets, footers, styled-away blocks."""
    if name in _FURNITURE_TAGS or _HIDDEN_STYLE.search(attributes.get("style", "")):
        return True
    if attributes.get("role") in _FURNITURE_ROLES:
        return True
    words: set[str] = set()
    for key in ("id", "class", "data-testid"):
        for word in attributes.get(key, "").lower().split():
            words.add(word)
            words.update(part for part in _WORD_PARTS.split(word) if part)
    return bool(words & _FURNITURE_WORDS)
