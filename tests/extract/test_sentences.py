"""split_sentences: where a period after an abbreviation ends a sentence and where it does not.

A period after an abbreviation is decided by the abbreviation's class and the word after it: a
title or an initial never ends a sentence, a month or "No." before a number never does, and a
country, month or clock abbreviation before a capitalized sentence opener does.
"""

from __future__ import annotations

import pytest

from factcheck.extract.article import read_article


def sentences(raw: str) -> list[str]:
    """The sentences a reader sees, checking that each is a verbatim slice of the reading text."""
    article = read_article(raw + "\n", "article.txt")
    for sentence in article.sentences:
        assert article.text[sentence.start:sentence.end] == sentence.text
    return [s.text for s in article.sentences]


SPLITS = [
    pytest.param(
        "The council adopted a resolution drafted by the U.S. The council voted 15-0 to impose the sanctions.",
        ["The council adopted a resolution drafted by the U.S.", "The council voted 15-0 to impose the sanctions."],
        id="country-abbreviation-then-The",
    ),
    pytest.param(
        "Aid had been promised by the U.K. It has not arrived.",
        ["Aid had been promised by the U.K.", "It has not arrived."],
        id="country-abbreviation-then-pronoun",
    ),
    pytest.param(
        "Diplomats met at the U.N. But no vote was held.",
        ["Diplomats met at the U.N.", "But no vote was held."],
        id="organization-abbreviation-then-conjunction",
    ),
    pytest.param(
        "The draft was backed by the U.S. Officials said a vote could come soon.",
        ["The draft was backed by the U.S.", "Officials said a vote could come soon."],
        id="country-abbreviation-then-Officials",
    ),
    pytest.param(
        "The quake struck at 11:11 p.m. Officials said at least 20 people died.",
        ["The quake struck at 11:11 p.m.", "Officials said at least 20 people died."],
        id="pm-then-capitalized-word",
    ),
    pytest.param(
        "The polls opened at 7 a.m. Turnout was high.",
        ["The polls opened at 7 a.m.", "Turnout was high."],
        id="am-then-capitalized-word",
    ),
    pytest.param(
        "Talks resumed in Jan. Analysts said a deal was close.",
        ["Talks resumed in Jan.", "Analysts said a deal was close."],
        id="month-abbreviation-then-capitalized-word",
    ),
    pytest.param(
        "Asked whether he would resign, he said no. The vote is on Monday.",
        ["Asked whether he would resign, he said no.", "The vote is on Monday."],
        id="no-not-before-a-number",
    ),
    pytest.param(
        "The company is Acme Corp. The deal closed on Friday.",
        ["The company is Acme Corp.", "The deal closed on Friday."],
        id="company-suffix-then-The",
    ),
    pytest.param(
        "The quake killed about 100 people.Later on Saturday, the UN gave a figure of 320.",
        ["The quake killed about 100 people.", "Later on Saturday, the UN gave a figure of 320."],
        id="a-page-that-lost-its-paragraph-break",
    ),
    pytest.param(
        "The toll might rise.Suhail Shaheen, the spokesperson, said so.",
        ["The toll might rise.", "Suhail Shaheen, the spokesperson, said so."],
        id="no-space-then-a-name",
    ),
]

STAYS_ONE = [
    "U.S. Ambassador Linda Thomas-Greenfield said the vote was clear.",
    "Dr. Smith treated the wounded.",
    "Mr. Johnson won the vote.",
    "H.R. McMaster spoke on Tuesday.",
    "Donald J. Trump spoke on Tuesday.",
    "The measure went to the U.N. Security Council on Tuesday.",
    "The vote is at 5 p.m. local time on Friday.",
    "The vote is at 5 p.m. GMT on Friday.",
    "The vote is at 5 p.m. Eastern time on Friday.",
    "The vote is at 5 p.m. Moscow time on Friday.",
    "The vote is at 5 p.m. Tuesday in New York.",
    "The talks began on Jan. 5 in Geneva.",
    "The talks began on Jan. 24, 2023, in Geneva.",
    "He lives at No. 10 Downing Street.",
    "She was born in St. Louis in 1950.",
    "Gen. Milley briefed the press.",
    "Some measures, e.g. the ban on imports, took effect.",
    "The quake killed approx. 40 people.",
    "France played vs. Argentina in the final.",
    "The sanctions were announced by the U.S. Treasury on Friday.",
    "The U.S. officials said they would veto it.",
    "The U.S. 10-year yield rose.",
    "Apple Inc. Chief Executive Tim Cook spoke.",
    "Sen. Bernie Sanders spoke.",
    "Martin Luther King Jr. Day is a holiday.",
    pytest.param("Officials in the U.S.State Department spoke.", id="dotted-capitals-run-into-a-word"),
    pytest.param("He said the site example.com was down.", id="a-web-address"),
]


@pytest.mark.parametrize(("raw", "expected"), SPLITS)
def test_an_abbreviation_that_ends_a_sentence_splits(raw: str, expected: list[str]) -> None:
    assert sentences(raw) == expected


@pytest.mark.parametrize("raw", STAYS_ONE)
def test_an_abbreviation_inside_a_sentence_does_not_split(raw: str) -> None:
    assert sentences(raw) == [raw]


def test_a_title_cased_headline_is_not_split_after_an_abbreviation() -> None:
    """Headline case capitalizes every word, so "Officials" there opens no sentence."""
    raw = "# Biden Administration Briefs U.S. Officials On Sanctions\n\nThe briefing was short."
    article = read_article(raw + "\n", "article.md")
    assert [s.text for s in article.sentences] == ["Biden Administration Briefs U.S. Officials On Sanctions",
                                                   "The briefing was short."]


def test_a_quotation_still_holds_its_sentences_together() -> None:
    raw = '"We met the U.S. The talks went well," she said. The council voted.'
    assert sentences(raw) == ['"We met the U.S. The talks went well," she said.', "The council voted."]


def test_sentence_offsets_are_verbatim_after_an_abbreviation_split() -> None:
    raw = "Aid came from the U.S.  Officials said more would follow. It did."
    article = read_article(raw + "\n", "article.txt")
    assert [s.text for s in article.sentences] == ["Aid came from the U.S.", "Officials said more would follow.", "It did."]
    for sentence in article.sentences:
        assert article.text[sentence.start:sentence.end] == sentence.text


def test_an_unwrapped_text_has_one_block_per_line() -> None:
    """A headline with no full stop ends its line and its block, in a text whose lines are longer than
    any wrap width; in a hard-wrapped text a line that runs on is the same paragraph."""
    headline = "Train strikes - live: Grant Shapps warns against walkout ahead of planned industrial action"
    body = "Keir Starmer accuses the prime minister of wanting the strikes, and " + "the unions reply at length. " * 4
    unwrapped = read_article(f"{headline}\n{body}\n", "a.txt")
    assert [p.text.strip() for p in unwrapped.paragraphs][:1] == [headline]
    wrapped = read_article("The council met on Tuesday to discuss the measures it would adopt\nagainst the regime.\n", "b.txt")
    assert len(wrapped.paragraphs) == 1
