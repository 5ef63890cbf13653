"""Source documents: markup stripping, the exact offset-to-line map, and evidence search."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from factcheck.documents import Document, DocumentStore, fold

CLAIMS = Path(__file__).resolve().parent.parent / "claims"
NYT = CLAIMS / "sources" / "nyt-2016-11-30-resolution-2321.md"
NPR = CLAIMS / "sources" / "npr-2017-12-22-resolution-2397.txt"


@pytest.fixture(scope="module")
def nyt() -> Document:
    document = DocumentStore().get(str(NYT))
    assert document is not None
    return document


# --- markup ---------------------------------------------------------------------------------------


def test_nyt_markup_is_stripped(nyt: Document) -> None:
    text = nyt.text
    for markup in ("<div", "<span", "</span>", "<!--", "](", "[North", "http://", "****", "# U.N.", "\n", "  "):
        assert markup not in text, markup
    # Link text kept, target dropped, even when the link text wraps and the link follows a word.
    assert "to throttle North Korea’s nuclear program, the United Nations Security Council on Wednesday" in text
    # Inline tags inside a link inside prose: "have<span> </span>increased".
    assert "the North’s nuclear capabilities have increased sharply. Its missile" in text
    # An image's alt text stays, with its own tags stripped.
    assert "Kim Jong-un, the leader of North Korea, in an undated photograph" in text
    # A heading keeps its words, not its hashes; bold markers vanish.
    assert "U.N. Stiffens Sanctions on North Korea, Trying to Slow Its Nuclear March" in text
    assert "equipment with dual-use purposes. The measure also urges" in text
    assert "Site Index Site Information Navigation" in text
    # A bare URL that is visible text is text.
    assert "https://nyti.ms/2gkiM4S" in text


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("[North\nKorea](http://x.org/a?b=1)’s", "North Korea’s"),
        ("![<span class='c'>A\nphoto</span>](http://x.org/i.jpg)", "A photo"),
        ("[![logo](l.png) Home](/)", "logo Home"),
        ("[](http://empty.org) after", "after"),
        ("a [link](http://x.org/a_(b)) here", "a link here"),
        ("**bold** and *italic* and __strong__", "bold and italic and strong"),
        ("## Heading ##\ntext", "Heading text"),
        ("<p>one</p><p>two</p>", "one two"),
        ("Kim<b>Jong</b>-un", "KimJong-un"),
        ("a <!-- hidden\ncomment --> b", "a b"),
        ("<script>var x = '<p>';</script>shown", "shown"),
        ("AT&amp;T&nbsp;said", "AT&T said"),
        ("  - item one\n  - item two", "item one item two"),
        ("> quoted\n> words", "quoted words"),
        ("price \\$400 million", "price $400 million"),
        ("x < y and z > w", "x < y and z > w"),
        ("snake_case_name stays", "snake_case_name stays"),
        ("Resolution\n2397. The vote", "Resolution 2397. The vote"),
    ],
)
def test_markup(raw: str, expected: str) -> None:
    assert Document.from_text(raw).text == expected


# --- line_of ----------------------------------------------------------------------------------


def test_line_of_is_exact_for_every_character(nyt: Document) -> None:
    raw_lines = nyt.raw_lines
    for offset, ch in enumerate(nyt.text):
        line = nyt.line_of(offset)
        if ch != " ":
            assert ch in raw_lines[line - 1], (offset, ch, line)


@pytest.mark.parametrize(
    ("phrase", "line"),
    [
        ("U.N. Stiffens Sanctions on North Korea, Trying to Slow Its Nuclear March Kim", 187),
        ("Kim Jong-un, the leader of North Korea", 199),
        ("Korea’s nuclear program", 263),  # the second line of "[North\nKorea](...)"
        ("North Korea’s nuclear program", 262),
        ("increased sharply", 360),
        ("“the uniform stance of the", 304),
        ("shave $700 million", 318),
    ],
)
def test_line_of_known_phrases(nyt: Document, phrase: str, line: int) -> None:
    assert nyt.line_of(nyt.text.index(phrase)) == line


def test_line_of_counts_crlf_and_blank_lines() -> None:
    document = Document.from_text("<div>\r\n\r\nfirst line\r\n\r\n\r\nsecond <b>line</b>\r\n")
    assert document.text == "first line second line"
    assert document.raw_lines == ["<div>", "", "first line", "", "", "second <b>line</b>"]
    assert document.line_of(document.text.index("first")) == 3
    assert document.line_of(document.text.index("second")) == 6
    assert document.line_of(len(document.text) - 1) == 6
    assert document.line_of(10_000) == 6  # past the end: the last character's line


def test_words_are_value_tokens(nyt: Document) -> None:
    assert nyt.words[:3] == ["sections", "search", "skip"]
    assert "400" in nyt.words and "7.5" in nyt.words


# --- find ----------------------------------------------------------------------------------------


def test_exact_across_line_breaks_and_links(nyt: Document) -> None:
    match = nyt.find("North Korea's nuclear program, the United Nations Security Council on Wednesday imposed a cap on coal exports")
    assert match.found and match.score == 100
    assert match.line == 262
    assert match.excerpt.startswith("North Korea’s nuclear program")
    assert len(match.excerpt) <= 100


def test_exact_ignores_case_quotes_and_dashes(nyt: Document) -> None:
    match = nyt.find('THE NEW PENALTIES - ADOPTED UNANIMOUSLY BY THE COUNCIL, INCLUDING CHINA')
    assert match.found and match.score == 100 and match.line == 269


def test_fuzzy_finds_a_small_typo(nyt: Document) -> None:
    match = nyt.find("The new resoltion aims to shave $700 million from North Koreas coal revenue")
    assert match.found and 90 <= match.score < 100
    assert match.line == 318


def test_a_changed_number_is_never_found(nyt: Document) -> None:
    match = nyt.find("The new resolution aims to shave $800 million from North Korea’s coal revenues.")
    assert not match.found
    assert match.score > 95 and match.rejected == "numbers"
    assert match.line == 318
    assert "$700 million" in match.excerpt


def test_a_number_is_not_found_inside_a_longer_number() -> None:
    document = Document.from_text("the regime saw a\n189 percent total reduction in imports")
    match = document.find("89 percent total reduction")
    assert not match.found and match.line == 2
    assert document.find("189 percent total reduction").found


def test_a_changed_negation_is_never_found() -> None:
    document = Document.from_text("KELEMEN: While Russia voted for this, its ambassador complained about the U.S. focus.")
    match = document.find("While Russia did not vote for this, its ambassador complained about the U.S. focus")
    assert not match.found and match.rejected == "negation"


def test_unrelated_evidence_names_the_closest_line(nyt: Document) -> None:
    match = nyt.find("The council voted 14-1 after weeks of negotiation between Washington and Moscow")
    assert not match.found and match.score < 90 and match.rejected is None
    assert 1 <= match.line <= len(nyt.raw_lines)
    assert match.excerpt and len(match.excerpt) <= 100


def test_elided_evidence_is_found_piece_by_piece(nyt: Document) -> None:
    assert nyt.find("The new penalties ... came as North Korea advances toward its goal").found
    assert not nyt.find("The new penalties ... came as North Korea retreats from its goal of 2017").found


def test_npr_quote_with_doubled_single_quotes() -> None:
    document = DocumentStore().get(str(NPR))
    assert document is not None
    match = document.find("China's ambassador warned against, quote, “tough posturing and confrontation.”")
    assert match.found and match.line == 21
    assert match.excerpt.startswith("China's ambassador")


def test_empty_evidence_and_empty_document() -> None:
    assert not Document.from_text("some text").find("  ").found
    assert not Document.from_text("<div></div>").find("some text").found


def test_fold_is_the_search_form() -> None:
    assert fold("  “Tough”\u00a0POSTURING — and ﬁne  ") == '"tough" posturing - and fine'


def test_find_is_fast(nyt: Document) -> None:
    """Thousands of evidence strings over one article: exact search first, fuzzy only on a miss."""
    words = nyt.text.split(" ")
    phrases = [" ".join(words[i:i + 10]) for i in range(len(words) - 10)] * 3
    start = time.perf_counter()
    for phrase in phrases:
        assert nyt.find(phrase).found
    for phrase in phrases[:200]:
        nyt.find(phrase.replace("e", "a"))
    assert time.perf_counter() - start < 5


# --- the store ---------------------------------------------------------------------------------


def test_store_caches_and_reports_unreadable(tmp_path: Path) -> None:
    store = DocumentStore()
    path = tmp_path / "doc.txt"
    path.write_bytes(b"caf\xe9 and more\n")  # not UTF-8: replaced, not fatal
    first = store.get(str(path))
    assert first is not None and first.text == "caf\ufffd and more"
    assert store.get(str(path)) is first
    assert store.get(str(tmp_path / "missing.txt")) is None
    assert store.get(str(tmp_path)) is None  # a directory
