"""The HTML reader (factcheck/html_text.py) through what uses it: a Document's reading text, its map
back to raw offsets and its block boundaries, and an Article's paragraphs and furniture."""

from __future__ import annotations

import json
import re
import time
from datetime import date
from pathlib import Path

import pytest

from factcheck.documents import Document
from factcheck.extract.article import read_article
from factcheck.extract.metadata import Metadata, detect_metadata
from factcheck.html_text import BREAK, SPACE, VANISH, read_markup

REPO = Path(__file__).resolve().parent.parent
HARBOR = REPO / "tests" / "data" / "articles" / "harbor-levy.html"


def text(raw: str, path: str = "page.html") -> str:
    return Document(path, raw).text


# --- what a reader does not see -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        # A quoted attribute value may hold ">": nothing of the tag leaks.
        ('<p>Go <a title="a > b" href="/x">there</a> now</p>', "Go there now"),
        ("<p>Go <a title='a > b'>there</a></p>", "Go there"),
        ('<p data-x="<p>">one</p>', "one"),
        # Declarations, processing instructions, CDATA and comments.
        ("<!DOCTYPE html>\n<html><body><p>Body</p></body></html>", "Body"),
        ('<?xml version="1.0"?><![CDATA[raw data]]><p>Body</p>', "Body"),
        ("<p>a <!-- a comment with <p>tags</p> --> b</p>", "a b"),
        ("<p>a<!---->b<!-->c</p>", "abc"),
        # Elements a reader never sees, with all they hold.
        ("<template><p>template text</p></template><p>Body</p>", "Body"),
        ('<span aria-hidden="true">icon text</span>Body', "Body"),
        ("<div aria-hidden=TRUE>icon</div><p>Body</p>", "Body"),
        ('<div aria-hidden="false">shown</div>', "shown"),
        ('<div data-aria-hidden="true">shown</div>', "shown"),
        ("<div hidden>hidden text</div><p>Body</p>", "Body"),
        ('<p hidden="">hidden</p><p>Body</p>', "Body"),
        ("<script>var s = '</p><p>not text';</script><p>Body</p>", "Body"),
        ("<style>p::after { content: '>x<' }</style><p>Body</p>", "Body"),
        ("<noscript><p>Enable JavaScript</p></noscript><p>Body</p>", "Body"),
        ("<SCRIPT type=text/javascript>x = 1 < 2;</SCRIPT >Body", "Body"),
        ('<script src="x.js" />code();</script>Body', "Body"),  # "/>" does not close a script
        # The head: only the title is text.
        ("<head><title>Page title</title><meta name=x content='y'><style>a{}</style></head><body>Body</body>",
         "Page title Body"),
    ],
)
def test_what_a_reader_does_not_see_is_left_out(raw: str, expected: str) -> None:
    assert text(raw) == expected


# --- entities, blocks and inline elements -------------------------------------------------------


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("<p>AT&amp;T &#8217; &#x2019; &ldquo;q&rdquo; a&nbsp;b</p>", "AT&T ’ ’ “q” a b"),
        # A bad reference stays as written, and never fails.
        ("<p>&bogus; &#99999999; &#0; &#xD800; &amp</p>", "&bogus; &#99999999; \ufffd \ufffd &amp"),
        # Inline tags do not split a word; block tags and line breaks do.
        ("<p>Kim<b>Jong</b>-un have<span> </span>increased</p>", "KimJong-un have increased"),
        ("<p>one</p><p>two</p><div>three</div><h2>four</h2><ul><li>five<li>six</ul>a<br>b",
         "one two three four five six a b"),
        ("<p>\n   spread\n\n   over   lines\t</p>", "spread over lines"),
    ],
)
def test_entities_and_spacing(raw: str, expected: str) -> None:
    assert text(raw) == expected


def test_block_boundaries_are_breaks_and_inline_tags_are_not() -> None:
    document = Document("page.html", "<h1>Title</h1><p>First <em>one</em>.</p><p>Second<br>line</p><div><span>Third</span></div>")
    assert document.text == "Title First one. Second line Third"
    breaks = {document.text[:i].split()[-1] for i in document.breaks}
    assert breaks == {"Title", "one.", "Second", "line"}
    article = read_article(document.raw, "page.html")
    assert [p.text for p in article.paragraphs] == ["Title", "First one.", "Second", "line", "Third"]
    assert [p.heading for p in article.paragraphs] == [True, False, False, False, False]


# --- malformed markup ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("<p>one<p>two</p></p></p>three", "one two three"),  # implied and stray end tags
        ("<div class=lead id=top>unquoted attributes</div>", "unquoted attributes"),
        ("<ul><li>a<li>b</ul><p>c", "a b c"),  # unclosed elements
        ("<p>a\x00b</p>\x00", "a\x00b \x00"),  # NUL bytes are characters, not the end
        ("<p>Body</p><a href=\"/x", "Body"),  # a page ending inside a tag: the tag is not text
        ("<p>Body</p><!-- never closed <p>gone", "Body"),
        ("<p>Body</p><script>never closed", "Body"),
        ("<div hidden><p>gone</div><p>Body", "Body"),  # an end tag closes what it holds
        ("x < y and <3 and a<-b <", "x < y and <3 and a<-b <"),  # angle brackets of prose
    ],
)
def test_malformed_markup(raw: str, expected: str) -> None:
    assert text(raw) == expected


def test_plain_text_and_markdown_keep_their_angle_brackets() -> None:
    # Autolinks and addresses are not tags; an unclosed tag in a file that is not a page is text.
    assert text("See <http://x.org/a> or <news@x.org>.", "a.md") == "See <http://x.org/a> or <news@x.org>."
    assert text("if a <b then the rest\nstays", "a.txt") == "if a <b then the rest stays"
    assert text("**bold** <b>tag</b> and [a link](http://x.org)", "a.md") == "bold tag and a link"
    # An .html page is read as a browser reads it: Markdown syntax is text there.
    assert text("<p>**bold** snake_case</p>", "a.html") == "**bold** snake_case"


# --- offsets --------------------------------------------------------------------------------------

_WORD = re.compile(r"\w+")


def _assert_sentences_map_back(document: Document, article_path: str) -> None:
    """The raw slice between a sentence's mapped ends holds its words, in order, and the line is
    that of the raw offset."""
    article = read_article(document.raw, article_path)
    assert article.sentences
    for sentence in article.sentences:
        start = document.raw_offset(sentence.start)
        end = document.raw_offset(sentence.end - 1) + 1
        raw_slice = document.raw[start:end]
        at = 0
        for word in _WORD.findall(sentence.text):
            found = raw_slice.find(word, at)
            assert found >= 0, (word, sentence.text, raw_slice)
            at = found + len(word)
        assert document.line_of(sentence.start) == document.raw.count("\n", 0, start) + 1


def test_every_character_maps_to_the_same_character_or_its_entity() -> None:
    raw = HARBOR.read_text(encoding="utf-8")
    document = Document(str(HARBOR), raw)
    for i, ch in enumerate(document.text):
        at = document.raw_offset(i)
        if ch == " ":
            continue
        if raw[at] == "&":
            assert raw[at:raw.index(";", at) + 1] in ("&ldquo;", "&rdquo;", "&rsquo;", "&copy;"), raw[at:at + 10]
        else:
            assert raw[at] == ch, (i, ch, raw[at])


def test_sentences_map_back_to_the_same_words() -> None:
    raw = (
        "<!DOCTYPE html><html><head><title>T</title></head><body>\n"
        '<p class="lead">The <a title="a > b" href="/x">council</a> voted\n  9&nbsp;to 4 on <b>Tuesday</b>.'
        " It was <em>close</em>.</p>\n<div hidden>Not this.</div>\n<ul><li>First item here.<li>Second item.</ul>\n"
        "</body></html>\n"
    )
    _assert_sentences_map_back(Document("page.html", raw), "page.html")
    _assert_sentences_map_back(Document(str(HARBOR), HARBOR.read_text(encoding="utf-8")), str(HARBOR))


def test_line_and_column_of_evidence_are_exact() -> None:
    raw = '<p>\n  Intro.\n</p>\n<p>The <a title="x > y" href="/a">fleet</a>\n  grew by 12 ships.</p>\n'
    document = Document("page.html", raw)
    at = document.text.index("grew by 12")
    assert document.line_of(at) == 5
    assert raw[document.raw_offset(at):].startswith("grew by 12 ships.")
    match = document.find("The fleet grew by 12 ships.")
    assert match.found and match.line == 4


# --- the reader's own report ----------------------------------------------------------------------


def test_removed_spans_are_ordered_and_say_what_they_leave() -> None:
    raw = "<p>a<b>b</b></p><span hidden>x</span><div aria-hidden=true>y</div>"
    markup = read_markup(raw)
    assert [(raw[s:e], leaves) for s, e, leaves in markup.removed] == [
        ("<p>", BREAK), ("<b>", VANISH), ("</b>", VANISH), ("</p>", BREAK),
        ("<span hidden>x</span>", VANISH), ("<div aria-hidden=true>y</div>", SPACE),
    ]
    assert all(a[1] <= b[0] for a, b in zip(markup.removed, markup.removed[1:]))


def test_furniture_headings_and_links() -> None:
    raw = HARBOR.read_text(encoding="utf-8")
    article = read_article(raw, str(HARBOR))
    own = [p.text for p in article.paragraphs]
    assert own[0] == "Senate Panel Limits Fishing Quotas"
    assert "Home Politics Log in" not in own and "Advertisement" not in own
    assert "The full Senate is expected to vote in June." in own
    assert not any("Hidden promo" in p or "Coastal Ledger" in p or "Tweet" in p for p in own)
    furniture = [p.text for p in article.furniture]
    assert "Hidden promo: 50% off subscriptions" in furniture  # styled away, so still text FC203 finds
    assert "© 2026 The Coastal Ledger" in furniture
    assert not any("DOCTYPE" in p.text for p in article.all_paragraphs)
    markup = read_markup(raw)
    assert [raw[s:e] for s, e in markup.headings.spans] == ["<h1>Senate Panel Limits Fishing Quotas</h1>"]
    assert [raw[s:e] for s, e in markup.links.spans][:1] == ['<a href="/">Home</a>']


# --- size ----------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "unit",
    [
        '<div class="x"><p>Hello <b>world</b> &amp; friends.</p></div>\n',
        "<a b=", '<a b="', "<!--", "</", "<!x", "<li>", "<p><span>", "<a '\"", "&#", "<",
    ],
)
def test_time_is_linear_in_the_size_of_the_page(unit: str) -> None:
    """1 MB of any one construct, closed or not, is read in about a second. A reader that searched
    to the end of the file again for each one would take hours."""
    raw = unit * (1_000_000 // len(unit))
    start = time.perf_counter()
    read_markup(raw)
    read_markup(raw, page=False)
    assert time.perf_counter() - start < 30


def test_a_large_page_becomes_a_document() -> None:
    paragraph = '<p class="body">The council voted <b>9 to 4</b> on Tuesday &amp; adjourned.</p>\n'
    raw = "<html><body>" + paragraph * (5_000_000 // len(paragraph)) + "</body></html>"
    start = time.perf_counter()
    document = Document("big.html", raw)
    assert time.perf_counter() - start < 120
    assert document.text.startswith("The council voted 9 to 4 on Tuesday & adjourned. The council")
    assert len(document.breaks) == raw.count("<p ") - 1


def test_the_page_metadata_comes_from_the_reader() -> None:
    """metadata.py reads the head through the reader: a commented-out or scripted tag is not one,
    and a `>` inside a quoted value does not end the tag."""
    raw = (
        "<html><head><title>Fish &amp; Quotas</title>\n"
        '<!-- <meta property="og:title" content="Old title"> -->\n'
        "<script>document.write('<link rel=canonical href=\"https://wrong.example/\">')</script>\n"
        '<meta name="description" content="a > b"><meta property=og:site_name content="The Ledger">\n'
        '<link rel="canonical" href="https://ledger.example/fish?a=1&amp;b=2">\n'
        '</head><body><p>Published <time datetime="2026-05-20T09:30">May 20</time>.</p><p>Body.</p></body></html>\n'
    )
    metadata = detect_metadata(read_article(raw, "page.html"), None)
    assert metadata.title == "Fish & Quotas"
    assert metadata.outlet == "The Ledger"
    assert metadata.url == "https://ledger.example/fish?a=1&b=2"
    assert metadata.published == date(2026, 5, 20)


def test_the_pages_json_ld_article_comes_before_its_meta_tags() -> None:
    """A NewsArticle in JSON-LD (here inside @graph, beside a WebSite) states headline, date,
    authors, publisher and url; they win over the meta tags. Broken or deeply nested blocks, other
    types and a commented-out block are left out."""
    article = {
        "@context": "https://schema.org",
        "@graph": [
            {"@type": "WebSite", "name": "Not the outlet", "url": "https://ledger.example/"},
            {"@type": ["NewsArticle"], "headline": "  Senate Panel   Limits Quotas ", "datePublished": "2026-05-20T09:30:00+02:00",
             "author": [{"@type": "Person", "name": "Ana Ruiz"}, "Ben Okafor", {"@type": "Person", "url": "https://x.example/c"}],
             "publisher": {"@type": "NewsMediaOrganization", "name": "The Coastal Ledger"},
             "mainEntityOfPage": {"@type": "WebPage", "@id": "https://ledger.example/quotas"}},
        ],
    }
    raw = (
        "<html><head><title>Quotas | Ledger</title>\n"
        '<meta property="og:title" content="Meta title"><meta property=og:site_name content="Meta outlet">\n'
        '<meta property="article:published_time" content="2026-05-19">\n'
        '<script type="application/ld+json">{"@type": "NewsArticle", "headline": broken</script>\n'
        '<script type="application/ld+json">' + "[" * 100_000 + "]" * 100_000 + "</script>\n"
        '<!-- <script type="application/ld+json">{"@type": "NewsArticle", "headline": "Commented out"}</script> -->\n'
        '<script type="application/ld+json">' + json.dumps(article) + "</script>\n"
        '<script type="application/ld+json">{"@type": "Article", "headline": "A related story"}</script>\n'
        "</head><body><p>Body.</p></body></html>\n"
    )
    metadata = detect_metadata(read_article(raw, "page.html"), None)
    assert metadata.title == "Senate Panel Limits Quotas"  # the NewsArticle, not the related Article
    assert metadata.published == date(2026, 5, 20)
    assert metadata.authors == ["Ana Ruiz", "Ben Okafor"]
    assert metadata.outlet == "The Coastal Ledger"
    assert metadata.url == "https://ledger.example/quotas"
    without = detect_metadata(read_article(raw.replace(json.dumps(article), "{}"), "page.html"), None)
    assert (without.title, without.outlet, without.published) == ("A related story", "Meta outlet", date(2026, 5, 19))


def test_json_ld_at_the_top_of_a_list_with_its_own_url_and_names_that_are_addresses() -> None:
    """A list of objects at the top (anything that is not an object skipped); the article's `url`
    wins over its mainEntityOfPage, which may be an address itself; an author or publisher given
    only as an address names no one, and the meta tags keep theirs."""
    def read(*objects: object) -> Metadata:
        raw = (
            '<html><head><meta name="author" content="Meta Author"><meta property=og:site_name content="Meta outlet">\n'
            '<script type="application/ld+json">' + json.dumps(list(objects)) + "</script>\n</head><body><p>Body.</p></body></html>\n"
        )
        return detect_metadata(read_article(raw, "page.html"), None)

    story = {"@type": "ReportageNewsArticle", "headline": "Quotas", "author": "https://ledger.example/staff/ana", "publisher": "https://ledger.example/"}
    metadata = read("not an object", {**story, "url": "https://ledger.example/a", "mainEntityOfPage": "https://ledger.example/b"})
    assert (metadata.title, metadata.url, metadata.authors, metadata.outlet) == ("Quotas", "https://ledger.example/a", ["Meta Author"], "Meta outlet")
    assert read({**story, "mainEntityOfPage": "https://ledger.example/b"}).url == "https://ledger.example/b"
    assert read({**story, "url": "https://ledger.example/a", "mainEntityOfPage": {"@id": "https://ledger.example/b"}}).url == "https://ledger.example/a"
