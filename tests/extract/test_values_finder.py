"""find_values: quantities, counts, dates and votes in an article, written so that they parse."""

from __future__ import annotations

import datetime as dt
import time
from pathlib import Path

import pytest

from factcheck.extract.article import Article, read_article, read_file
from factcheck.extract.mentions import ValueMention
from factcheck.extract.values import find_values
from factcheck.values import ParseContext, parse_value

ROOT = Path(__file__).resolve().parents[2]
SOURCES = ROOT / "claims" / "sources"
NYT = dt.date(2016, 11, 30)  # a Wednesday
NPR = dt.date(2017, 12, 22)  # a Friday
BLOG = dt.date(2017, 8, 7)  # a Monday


def find(text: str, published: dt.date | None = NPR) -> list[ValueMention]:
    return find_values(read_article(text), published)


def rows(mentions: list[ValueMention]) -> list[tuple[str, str, str]]:
    return [(m.kind, m.value, m.predicate) for m in mentions]


def assert_all_parse(mentions: list[ValueMention], published: dt.date | None) -> None:
    ctx = ParseContext(published=published or NPR)
    for m in mentions:
        parse_value(m.kind, m.value, ctx)  # raises if not


def assert_well_formed(article: Article, mentions: list[ValueMention]) -> None:
    """Offsets, lines and evidence are consistent with the article."""
    assert [(m.start, m.end) for m in mentions] == sorted((m.start, m.end) for m in mentions)
    for m in mentions:
        assert article.text[m.start:m.end] == m.as_written
        assert m.as_written in m.evidence and m.evidence in article.text
        assert m.line == article.line_of(m.start)
        assert article.paragraphs[m.paragraph].start <= m.start < article.paragraphs[m.paragraph].end


def same_days(a: str, b: str, published: dt.date) -> bool:
    ctx = ParseContext(published=published)
    x, y = parse_value("date", a, ctx), parse_value("date", b, ctx)
    return (x.first, x.last) == (y.first, y.last)  # type: ignore[attr-defined]


# --- quantities ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The new resolution aims to shave $700 million from North Korea's coal revenues.",
         ("$700 million", "$700 million", "reduction", "coal revenues")),
        ("North Korea can sell no more than 7.5 million metric tons of coal a year.",
         ("no more than 7.5 million metric tons a year", "no more than 7.5 million metric tons of coal a year", "amount", "coal")),
        ("or bring in no more than $400 million in sales, whichever comes first.",
         ("no more than $400 million", "no more than $400 million", "amount", "sales")),
        ("luxury goods like bone china worth more than $100 as well as equipment.",
         ("more than $100", "more than $100", "amount", "bone china")),
        ("Negotiations lasted for three months, since the test.",
         ("three months", "three months", "duration", "negotiations")),
        ("Countries must expel all North Korean workers within 24 months.",
         ("24 months", "24 months", "duration", None)),
        ("Today's resolution achieves an 89 percent total reduction of the regime's ability to import fuel.",
         ("89 percent", "89 percent", "reduction", "ability to import fuel")),
        ("Imports fell by 30 per cent last quarter.", ("30 per cent", "30 per cent", "reduction", None)),
        ("Prices rose nearly 75% on the year.", ("nearly 75%", "nearly 75%", "amount", None)),
        ("Revenue reached US$ 950 million.", ("US$ 950 million", "US$ 950 million", "amount", None)),
        ("The deal is worth £767m to the group.", ("£767m", "£767m", "amount", None)),
        ("The company lost $1bn.", ("$1bn", "$1bn", "amount", None)),
        ("It paid five dollars.", ("five dollars", "five dollars", "amount", None)),
        ("The field pumps 4m barrels a day.", ("4m barrels a day", "4m barrels a day", "amount", None)),
        ("It ships 1.5 million tons annually.", ("1.5 million tons annually", "1.5 million tons annually", "amount", None)),
        ("Output is 500,000 barrels per year.", ("500,000 barrels per year", "500,000 barrels per year", "amount", None)),
        ("Exports fell to about 2,000 tonnes.", ("about 2,000 tonnes", "about 2,000 tonnes", "amount", None)),
        ("He launched into two days of high-level diplomacy.",
         ("two days", "two days", "duration", "high-level diplomacy")),
        ("She has been with NPR for two decades.", ("20 years", "two decades", "duration", None)),
        ("A 24-month deadline applies.", ("24 months", "24-month", "duration", None)),
        ("The talks took between 5 and 10 days.", ("between 5 and 10 days", "between 5 and 10 days", "duration", "talks")),
        ("Prices rose 5-10 percent.", ("5-10 percent", "5-10 percent", "amount", None)),
        ("She won 15 percent or more of the vote.", ("15 percent or more", "15 percent or more", "amount", "vote")),
        ("A third of the workers left.", ("A third", "A third", "amount", "workers")),
        ("The staff will be cut by a third.", ("a third", "a third", "reduction", None)),
        ("Funding will fall to about $4.5 million a year.",
         ("about $4.5 million a year", "about $4.5 million a year", "amount", None)),
        ("The plan cuts oil supplies by 30 percent.", ("30 percent", "30 percent", "reduction", "oil supplies")),
        ("The rally lasted over two days.", ("two days", "two days", "duration", "rally")),
        # what a share is of ends at the verb: the clause's verb, or a participle after a plural
        ("Half of all lines aren't running.", ("Half", "Half", "amount", "lines")),
        ("Half of lines will remain closed.", ("Half", "Half", "amount", "lines")),
        ("Up to 80% of passenger services could be cancelled.", ("Up to 80%", "Up to 80%", "amount", "passenger services")),
        ("With 80 per cent of trains cancelled and roads gridlocked.", ("80 per cent", "80 per cent", "amount", "trains")),
        ("It cut 89 percent of refined petroleum products.", ("89 percent", "89 percent", "reduction", "refined petroleum products")),
    ],
)
def test_quantities(text: str, expected: tuple[str, str, str, str | None]) -> None:
    mentions = [m for m in find(text) if m.kind == "quantity"]
    assert [(m.value, m.as_written, m.predicate, m.of) for m in mentions] == [expected]
    assert_all_parse(mentions, NPR)
    assert_well_formed(read_article(text), mentions)


def test_quantity_values_keep_the_articles_meaning() -> None:
    """Rewritten values (material dropped, hyphen, decades) name the same interval as the words."""
    ctx = ParseContext(published=NPR)
    with_coal = parse_value("quantity", "no more than 7.5 million metric tons of coal a year", ctx)
    [coal] = find("It can sell no more than 7.5 million metric tons of coal a year.")
    assert parse_value("quantity", coal.value, ctx).interval == with_coal.interval  # type: ignore[attr-defined]
    [decades] = find("She has been with NPR for two decades.")
    two_years = parse_value("quantity", "two years", ctx).interval  # type: ignore[attr-defined]
    twenty = parse_value("quantity", decades.value, ctx).interval  # type: ignore[attr-defined]
    assert twenty.lo == pytest.approx(10 * two_years.lo) and twenty.hi == pytest.approx(10 * two_years.hi)


@pytest.mark.parametrize(
    "text",
    [
        "American officials have warned for months that capabilities increased.",
        "For years the council did nothing.",
        "Prices rose from 5 to 10 percent",  # a change, not a range: nothing rather than a guess
    ],
)
def test_no_number_no_quantity(text: str) -> None:
    assert [m for m in find(text) if m.kind == "quantity"] == []


# --- counts and ordinals -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("since Pyongyang's fifth and latest nuclear test in September.", ("fifth", "ordinal", "nuclear test")),
        ("Pyongyang’s fifth and largest nuclear test.", ("fifth", "ordinal", "nuclear test")),
        ("missions may have only one bank account.", ("one", "count", "bank account")),
        ("The Security Council's 15 members agreed.", ("15", "count", "members")),
        ("at least 16 people died.", ("at least 16", "toll", "people killed")),  # which toll: killed, dead, died are one
        ("The quake killed at least 820 people overnight.", ("at least 820", "toll", "people killed")),
        ("Some 1,204 people were injured.", ("Some 1,204", "toll", "people injured")),
        ("About 10,100 people are reported missing.", ("About 10,100", "toll", "people missing")),
        ("Nearly 2,000 people attended the rally.", ("Nearly 2,000", "count", "people")),  # no toll: the count alone
        ("more than 100 ships were inspected.", ("more than 100", "count", "ships")),
        ("its third report said so.", ("third", "ordinal", "report")),
        ("roughly 1,200 pages of testimony remain.", ("roughly 1,200", "count", "pages")),
        ("the walkout by 13 train operating companies.", ("13", "count", "train operating companies")),  # an -ing word before a plural
        ("13 train operators walking out.", ("13", "count", "train operators")),  # a participle after the noun
        ("the walkout by 40,000 RMT union members began.", ("40,000", "count", "members")),  # as "members of the RMT union"
        ("some 300 Labour party members met.", ("some 300", "count", "members")),
    ],
)
def test_counts(text: str, expected: tuple[str, str, str]) -> None:
    mentions = [m for m in find(text) if m.kind == "count"]
    assert [(m.value, m.predicate, m.of) for m in mentions] == [expected]
    assert_all_parse(mentions, NPR)


@pytest.mark.parametrize(
    "text",
    [
        "Resolution 2397 was drafted by the United States.",
        "Resolution 2371 (2017) includes the strongest sanctions.",
        "No one wants this to spiral out of control.",
        "one of the envoys said so.",
        "They blamed one another.",
        "It is the one that matters.",
        "The Security Council is issuing one final rebuke to North Korea.",
        "It was the first time.",
        "F-16 jets, COVID-19, 0:00, 11/30/2016, at 3 p.m., the 1990s, No. 5 and #7.",
        "In 2016 alone, talks stalled.",
        "Between 15 and 20 people died.",
        "© 2020 The New York Times Company",
    ],
)
def test_not_counts(text: str) -> None:
    assert [m for m in find(text) if m.kind == "count"] == []


def test_vote_numbers_are_not_counts() -> None:
    assert rows(find("The council voted 15-0 to adopt two resolutions.")) == [
        ("vote", "15-0", "vote"), ("count", "two", "count"),
    ]


# --- dates ---------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        ("The Council on Wednesday imposed a cap.", NYT, ("2016-11-30", "on Wednesday", "adopted_on")),
        ("Samantha Power said Wednesday that it worked.", NYT, ("2016-11-30", "Wednesday", "occurred_on")),
        ("which the Security Council adopted in March.", NYT, ("March 2016", "in March", "adopted_on")),
        ("since the nuclear test in September.", NYT, ("September 2016", "in September", "occurred_on")),
        ("at a campaign rally in January.", NYT, ("January 2016", "in January", "occurred_on")),
        ("officials conceded this week that it failed.", NYT, ("this week", "this week", "occurred_on")),
        ("since the sanctions earlier this year.", NYT, ("earlier this year", "earlier this year", "occurred_on")),
        ("a photograph issued on Nov. 11.", NYT, ("2016-11-11", "on Nov. 11", "occurred_on")),
        ("Nov. 30, 2016", NYT, ("Nov. 30, 2016", "Nov. 30, 2016", "occurred_on")),
        ("Published: Mon, August 07, 2017", BLOG, ("Mon, August 07, 2017", "Mon, August 07, 2017", "occurred_on")),
        ("remarks to the press on Tuesday.", BLOG, ("2017-08-01", "on Tuesday", "occurred_on")),
        ("as he launched into talks on Sunday.", BLOG, ("2017-08-06", "on Sunday", "occurred_on")),
        ("issuing a rebuke to North Korea this year.", NPR, ("2017", "this year", "occurred_on")),
        ("Tillerson offered talks this month.", NPR, ("December 2017", "this month", "occurred_on")),
        ("Today's resolution achieves it.", NPR, ("2017-12-22", "Today's", "occurred_on")),
        ("It was adopted last year.", NPR, ("2016", "last year", "adopted_on")),
        ("The record was set in 2012.", NPR, ("2012", "in 2012", "occurred_on")),
        ("The data is from 2016-11-30.", NPR, ("2016-11-30", "2016-11-30", "occurred_on")),
        ("The council voted last March on a similar text.", NPR, ("March 2017", "last March", "adopted_on")),
        ("It happened in May.", NPR, ("May 2017", "in May", "occurred_on")),
        ("It happened at the end of this year.", NPR, ("the end of 2017", "the end of this year", "occurred_on")),
        ("They must respond by the end of June.", NPR, ("the end of June 2018", "the end of June", "deadline")),
        ("He will decide next month.", NPR, ("January 2018", "next month", "deadline")),
        ("It happened on Wed, Nov. 30, 2017.", NPR, ("Nov. 30, 2017", "Nov. 30, 2017", "occurred_on")),  # wrong weekday dropped
    ],
)
def test_dates(text: str, published: dt.date, expected: tuple[str, str, str]) -> None:
    mentions = [m for m in find(text, published) if m.kind == "date"]
    assert [(m.value, m.as_written, m.predicate) for m in mentions] == [expected]
    assert_all_parse(mentions, published)
    [m] = mentions
    core = m.as_written.removeprefix("on ").removeprefix("in ").removesuffix("'s")
    ctx = ParseContext(published=published)
    if m.predicate == "deadline":
        # The value means the same as a date and as a deadline, and what the words mean as a deadline.
        d = parse_value("deadline", m.value, ctx)
        v = parse_value("date", m.value, ctx)
        w = parse_value("deadline", core, ctx)
        assert (d.first, d.last) == (v.first, v.last) == (w.first, w.last)  # type: ignore[attr-defined]
    elif not core.startswith("last March"):  # the parser has no "last March"
        assert same_days(m.value, core, published)


def test_relative_dates_stay_as_written_without_a_publication_date() -> None:
    mentions = find("On Wednesday, in March, this month and Nov. 11 it happened; last March too.", None)
    assert [(m.value, m.as_written) for m in mentions] == [
        ("Wednesday", "On Wednesday"), ("March", "in March"), ("this month", "this month"), ("Nov. 11", "Nov. 11"),
    ]
    assert_all_parse(mentions, None)


@pytest.mark.parametrize(
    "text",
    [
        "Resolution 2371 (2017) includes the strongest sanctions.",
        "© 2020 The New York Times Company",
        "May I say something?",
        "March organizers said so.",
        "April Ryan asked. The Sunday Times wrote.",
        "earlier in the day, he said",
        "They will march on the capital.",
        "Since then, nothing changed.",
        "It was 2016-2017 funding.",
    ],
)
def test_not_dates(text: str) -> None:
    assert [m for m in find(text) if m.kind == "date"] == []


# --- votes ---------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Haley managed just that with a 15-to-nothing vote.", "15-to-nothing"),
        ("U.N. Security Council Unanimously Tightens Sanctions Against North Korea", "Unanimously"),
        ("the UN Security Council voted unanimously to back a resolution.", "unanimously"),
        ("The new penalties, adopted unanimously by the Council.", "unanimously"),
        ("The council voted 15-0 to adopt it.", "15-0"),
        ("It passed 12-0-3 after a long debate.", "12-0-3"),
        ("The resolution was adopted by a vote of 13 to 2.", "13 to 2"),
        ("It passed with 13 in favour, 2 against.", "with 13 in favour, 2 against"),
        ("The tally was 14 to 1 with 0 abstentions.", "14 to 1 with 0 abstentions"),
        ("It won a unanimous 15-0 vote.", "unanimous 15-0"),
    ],
)
def test_votes(text: str, value: str) -> None:
    mentions = find(text)
    assert [(m.kind, m.value, m.predicate) for m in mentions if m.kind == "vote"] == [("vote", value, "vote")]
    assert [m for m in mentions if m.kind == "count"] == []
    assert_all_parse(mentions, NPR)


def test_a_range_is_not_a_tally() -> None:
    assert rows(find("Prices rose 5 to 10 percent after the vote.")) == [("quantity", "5 to 10 percent", "amount")]
    assert find("The score was 3-1 at half time.") == []


# --- quotes and turns ----------------------------------------------------------------------------


def test_in_quote_by_quotation_marks() -> None:
    text = 'He said "we cut $5 billion from the budget" and then cut $2 billion more. “It took 24 months,” she said.'
    mentions = find(text)
    assert [(m.value, m.in_quote) for m in mentions] == [
        ("$5 billion", True), ("$2 billion", False), ("24 months", True),
    ]


def test_in_quote_by_transcript_turn_but_not_the_reporters() -> None:
    text = (
        "MICHELE KELEMEN, BYLINE: Diplomats agreed within 24 months.\n\n"
        "NIKKI HALEY: It achieves an 89 percent total reduction.\n\n"
        "KELEMEN: Talks could take two years.\n"
    )
    assert [(m.value, m.in_quote) for m in find(text)] == [
        ("24 months", False), ("89 percent", True), ("two years", False),
    ]


# --- the seed articles ---------------------------------------------------------------------------


def seed(name: str, published: dt.date | None) -> tuple[Article, list[ValueMention]]:
    article = read_file(SOURCES / name)
    return article, find_values(article, published)


NYT_EXPECTED = [
    ("date", "2016-11-11", "on Nov. 11", "occurred_on", None),
    ("date", "Nov. 30, 2016", "Nov. 30, 2016", "occurred_on", None),
    ("date", "2016-11-30", "on Wednesday", "adopted_on", None),
    ("vote", "unanimously", "unanimously", "vote", None),
    ("date", "March 2016", "in March", "adopted_on", None),
    ("date", "2016-11-30", "On Wednesday", "occurred_on", None),
    ("date", "2016-11-30", "Wednesday", "occurred_on", "said"),
    ("quantity", "three months", "three months", "duration", "negotiations"),
    ("count", "fifth", "fifth", "ordinal", "nuclear test"),
    ("date", "September 2016", "in September", "occurred_on", "nuclear test"),
    ("date", "this week", "this week", "occurred_on", "conceded"),
    ("quantity", "$700 million", "$700 million", "reduction", "coal revenues"),
    ("quantity", "no more than 7.5 million metric tons a year", "no more than 7.5 million metric tons of coal a year", "amount", "coal"),
    ("quantity", "no more than $400 million", "no more than $400 million", "amount", "sales"),
    ("quantity", "more than $100", "more than $100", "amount", "bone china"),
    ("count", "one", "one", "count", "bank account"),
    ("date", "January 2016", "in January", "occurred_on", "campaign rally"),
    ("date", "September 2016", "in September", "occurred_on", None),
    ("date", "March 2016", "in March", "adopted_on", None),
    ("date", "2016-11-30", "on Wednesday", "adopted_on", None),
    ("count", "fifth", "fifth", "ordinal", "nuclear test"),
    ("date", "earlier this year", "earlier this year", "occurred_on", "sanctions"),
]
NPR_EXPECTED = [
    ("vote", "Unanimously", "Unanimously", "vote", None, False),
    ("date", "2017", "this year", "occurred_on", None, False),
    ("vote", "15-to-nothing", "15-to-nothing", "vote", None, False),
    ("quantity", "24 months", "24 months", "duration", None, False),
    ("date", "2017-12-22", "Today's", "occurred_on", None, True),
    ("quantity", "89 percent", "89 percent", "reduction",
     "ability to import gasoline, diesel and other refined products", True),
    ("date", "2017-12-22", "today", "occurred_on", None, True),  # Davenport
    ("date", "December 2017", "this month", "occurred_on", None, False),
    ("date", "2017-12-22", "today", "occurred_on", None, True),  # Delattre
    ("quantity", "20 years", "two decades", "duration", None, False),
]
BLOG_EXPECTED = [
    ("date", "Mon, August 07, 2017", "Mon, August 07, 2017", "occurred_on", None),
    ("vote", "unanimously", "unanimously", "vote", None),
    ("date", "2017-08-01", "on Tuesday", "occurred_on", None),
    ("quantity", "two days", "two days", "duration", "high-level diplomacy"),
    ("date", "2017-08-06", "on Sunday", "occurred_on", "high-level diplomacy"),
]


def test_seed_nyt() -> None:
    article, mentions = seed("nyt-2016-11-30-resolution-2321.md", NYT)
    assert [(m.kind, m.value, m.as_written, m.predicate, m.of) for m in mentions] == NYT_EXPECTED
    assert [m.line for m in mentions if m.kind == "quantity"] == [309, 318, 319, 320, 333]
    assert not any(m.in_quote for m in mentions)
    assert_all_parse(mentions, NYT)
    assert_well_formed(article, mentions)


def test_seed_npr() -> None:
    article, mentions = seed("npr-2017-12-22-resolution-2397.txt", NPR)
    assert [(m.kind, m.value, m.as_written, m.predicate, m.of, m.in_quote) for m in mentions] == NPR_EXPECTED
    assert [m.line for m in mentions] == [6, 9, 11, 16, 19, 19, 23, 25, 31, 36]
    assert_all_parse(mentions, NPR)
    assert_well_formed(article, mentions)


def test_seed_blog() -> None:
    article, mentions = seed("blog-2017-08-07-resolution-2371.txt", BLOG)
    assert [(m.kind, m.value, m.as_written, m.predicate, m.of) for m in mentions] == BLOG_EXPECTED
    assert [m.line for m in mentions] == [1, 8, 10, 16, 16]
    assert_all_parse(mentions, BLOG)
    assert_well_formed(article, mentions)


@pytest.mark.parametrize(
    "name",
    ["nyt-2016-11-30-resolution-2321.md", "npr-2017-12-22-resolution-2397.txt", "blog-2017-08-07-resolution-2371.txt"],
)
def test_seeds_without_a_publication_date_keep_relative_dates_as_written(name: str) -> None:
    article, mentions = seed(name, None)
    assert_all_parse(mentions, None)
    assert_well_formed(article, mentions)
    for m in mentions:
        if m.kind == "date":
            assert m.value == m.as_written.removeprefix("on ").removeprefix("On ").removeprefix("in ").removesuffix("'s")


# --- an article the finder was not written against -----------------------------------------------

UNSEEN = """\
U.N. Rights Council Extends North Korea Inquiry

GENEVA, March 14 (Wire) — The U.N. Human Rights Council on Tuesday adopted a resolution by a vote of 28 to 9, with 10 abstentions, extending the inquiry for two years.

The inquiry, created in 2013, has documented abuses in 12 provinces and interviewed more than 240 witnesses, its third report said.

Funding will fall to about $4.5 million a year, down 30 percent from last year, and the staff will be cut by a third.

“We need at least 18 months to finish the work,” the panel's chair said, adding that roughly 1,200 pages of testimony remain.

Member states must respond by the end of June. The council voted unanimously last March on a similar text.

Exports of rice reached 2.3 million tonnes in 2012, or nearly 15% of output, according to Resolution 2397 (2017).

No one expects a quick answer; one of the envoys said the talks could take "months, not weeks."
"""


def test_unseen_article() -> None:
    published = dt.date(2019, 3, 14)  # a Thursday
    article = read_article(UNSEEN, "wire.txt")
    mentions = find_values(article, published)
    assert [(m.kind, m.value, m.predicate) for m in mentions] == [
        ("date", "2019-03-14", "occurred_on"),
        ("date", "2019-03-12", "adopted_on"),
        ("vote", "28 to 9, with 10 abstentions", "vote"),
        ("quantity", "two years", "duration"),
        ("date", "2013", "occurred_on"),
        ("count", "12", "count"),
        ("count", "more than 240", "count"),
        ("count", "third", "ordinal"),
        ("quantity", "about $4.5 million a year", "amount"),
        ("quantity", "30 percent", "reduction"),
        ("date", "2018", "occurred_on"),
        ("quantity", "a third", "reduction"),
        ("quantity", "at least 18 months", "duration"),
        ("count", "roughly 1,200", "count"),
        ("date", "the end of June 2019", "deadline"),
        ("vote", "unanimously", "vote"),
        ("date", "March 2018", "adopted_on"),
        ("quantity", "2.3 million tonnes", "amount"),
        ("date", "2012", "occurred_on"),
        ("quantity", "nearly 15%", "amount"),
    ]
    assert [m.in_quote for m in mentions].count(True) == 1  # "at least 18 months"
    assert [m.of for m in mentions if m.kind == "count"] == ["provinces", "witnesses", "report", "pages"]
    assert_all_parse(mentions, published)
    assert_well_formed(article, mentions)


# --- robustness ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "", " ", "$", "£", "%", "1e999", "$1e999 billion", "9" * 5000, "$" + "9" * 40 + " million",
        "$" + "9" * 20 + " million", "١٥ percent", "１５ percent", "15-to-", "15 to", "15-", "-", "the 99999999999th test",
        "00-00-0000", "2017-13-45", "February 30, 2017", "Feb. 29", "between 10 and 5 percent", "10 to 5 tons",
        "1.2.3 tons", "a a a a", "one-", "“unclosed quote 5 percent", "\u00a0\u200b\ufeff", "Wednesday's",
        "$-5", "5 % %", "0.0000000001 percent", "99999999999999999999999 percent", "unanimous unanimous",
    ],
)
@pytest.mark.parametrize("published", [NPR, None])
def test_never_crashes_and_every_value_parses(text: str, published: dt.date | None) -> None:
    mentions = find(text, published)
    assert_all_parse(mentions, published)


def test_stays_fast_on_long_and_repetitive_text() -> None:
    started = time.perf_counter()
    for unit in ("one ", "twenty-one ", "15-0 ", "$5 ", "March ", "“a "):
        find(unit * 150)
    article = read_file(SOURCES / "nyt-2016-11-30-resolution-2321.md")
    big = read_article("\n\n".join(f"Paragraph {i}: {p.text}" for i in range(10) for p in article.paragraphs))
    assert len(find_values(big, NYT)) >= 10 * 20
    assert time.perf_counter() - started < 1.5


@pytest.mark.parametrize(
    "text",
    # Each of these made the number reader or the parser raise, which the finder used to swallow with
    # `except Exception`; it now catches only the parse failures, so they must still be dropped quietly.
    ["Prices rose 1/0 percent.", "0/0 of them left.", "It is 3/0 tons.", "the 1th test", "the 21th and 12nd vote",
     "a third of 1/0", "between 9e999 and 1 percent", "9" * 23 + " decades", "$" + "9" * 23 + " billion a year"],
)
def test_numbers_that_do_not_parse_are_dropped_without_a_crash(text: str) -> None:
    mentions = find(text)
    assert all(m.value != "1/0 percent" for m in mentions)
    assert_all_parse(mentions, NPR)


def test_a_bug_in_the_finder_is_not_swallowed(monkeypatch: pytest.MonkeyPatch) -> None:
    """Only parse failures are caught: anything else surfaces instead of silently losing values."""
    from factcheck.extract import values

    def broken(*args: object) -> None:
        raise KeyError("a bug")

    monkeypatch.setattr(values._Finder, "number_at", broken)
    with pytest.raises(KeyError):
        find("Exports fell 30 percent.")


def test_an_ordinal_of_a_moment_is_not_drafted() -> None:
    """'the 23rd minute' says when, not which happening: an ordinal fact needs a rank the subject holds."""
    import datetime as dt

    from factcheck.extract.article import read_article
    from factcheck.extract.values import find_values

    found = find_values(read_article("Messi scored in the 23rd minute of the final, his sixth goal.\n", "t.txt"), dt.date(2022, 12, 18))
    ordinals = [(v.value, v.of) for v in found if v.predicate == "ordinal"]
    assert ("23rd", "minute") not in ordinals and any(value == "sixth" for value, _ in ordinals)


def test_a_possessive_weekday_keeps_its_preposition_out_of_the_words_as_written() -> None:
    """'In Wednesday's vote': "in" belongs to the vote, so the words as written are "Wednesday"
    (a desk's gold value "Wednesday's vote" then matches the draft)."""
    (date,) = [m for m in find("In Wednesday’s vote, the assembly backed it.", dt.date(2022, 10, 12)) if m.kind == "date"]
    assert (date.value, date.as_written) == ("2022-10-12", "Wednesday")
    (plain,) = [m for m in find("The assembly met on Wednesday.", dt.date(2022, 10, 12)) if m.kind == "date"]
    assert plain.as_written == "on Wednesday"


def test_a_participle_before_a_number_is_not_counted() -> None:
    counts = [m for m in find("A series of quakes hit, with one measuring 6.3 magnitude and two weighing 5 tons.") if m.kind == "count"]
    assert counts == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("In Wednesday's vote, 35 countries abstained.", [("35 abstentions", "35 countries abstained")]),
        ("Babel said 33 countries abstained and five voted against.", [("33 abstentions", "33 countries abstained"), ("5 against", "five voted against")]),
        ("The draft passed with 143 nations voting in favour.", [("143 in favour", "143 nations voting in favour")]),
        ("211 MPs backed him while 148 who voted against him stayed quiet.",
         [("211 in favour", "211 MPs backed"), ("148 against", "148 who voted against")]),
        ("211 Tory MPs voted that they had confidence in him while 148 voted against him.",
         [("211 in favour", "211 Tory MPs voted that they had confidence"), ("148 against", "148 voted against")]),
        ("Brady said 148 MPs voted no confidence in Johnson.", [("148 against", "148 MPs voted no confidence")]),
        ("Sir Graham said 211 Conservative MPs backed Johnson, with 148 voting that they had no confidence in him.",
         [("211 in favour", "211 Conservative MPs backed"), ("148 against", "148 voting that they had no confidence")]),
        ("In the vote he won the support of 211 MPs.", [("211 in favour", "won the support of 211 MPs")]),
        ("Confidence vote: Johnson survives, losing support of 148 Tory MPs", [("148 against", "losing support of 148 Tory MPs")]),
        ("He won the support of 211 MPs at the rally.", []),  # no vote in the sentence
        ("Five MPs backed the plan.", []),  # nor here
        ("He won the support of 60 percent.", []),  # no voters named
        ("The vote was 143-5 with 35 abstentions.", [("143-5 with 35 abstentions", "143-5 with 35 abstentions")]),  # one tally, not parts
        ("Four countries joined Russia in voting against.", []),  # four besides Russia: not the tally's part
        ("Some 143 members in favour of the plan came to the rally.", []),  # "in favour" with no vote in the sentence
        ("A total of 211 out of 359 MPs voted in favour of him.", [("211 in favour", "211 out of 359 MPs voted in favour")]),  # 359 is the whole
        ("Of 359 MPs, 211 voted in favour.", [("211 in favour", "211 voted in favour")]),
        ("It would have required 180 votes against to topple him.", []),  # no vote that was cast
        ("In all, 211 MPs voted in favour against 148 who voted against – 32 shy of what was needed to remove him.",
         [("211 in favour", "211 MPs voted in favour"), ("148 against", "148 who voted against")]),  # the need is another clause's
    ],
)
def test_parts_of_a_tally_stated_on_their_own(text: str, expected: list[tuple[str, str]]) -> None:
    """Votes only: whether a count of the voters is drafted as well is test_voters_in_a_vote_are_no_count's."""
    votes = [(m.value, m.as_written) for m in find(text, dt.date(2022, 10, 12)) if m.kind == "vote"]
    assert votes == expected
    for value, _ in votes:
        parse_value("vote", value, ParseContext(published=dt.date(2022, 10, 12)))


@pytest.mark.parametrize(
    ("text", "counted"),
    [
        ("A total of 211 out of 359 MPs voted in favour of him.", []),  # the whole of a vote: which side is unclear
        ("Four countries joined Russia in voting against.", []),
        ("Fifteen members voted.", []),  # the whole that voted: it too met each side as a conflict
        ("Of the 193 member states, 143 voted in favour.", []),
        ("Five MPs backed the plan.", [("Five", "MPs")]),  # no vote in the sentence: a count
        ("The vote was held in 12 cities.", [("12", "cities")]),  # a count of what is no voter
    ],
)
def test_voters_in_a_vote_are_no_count(text: str, counted: list[tuple[str, str]]) -> None:
    """A count of MPs or countries in a sentence about a vote is the vote's whole or one of its sides,
    and which one the sentence rarely makes clear: drafted as a count, it met every other side of the
    vote as a false conflict ("211 MPs" against "148 MPs")."""
    counts = [(m.value, m.of) for m in find(text, dt.date(2022, 10, 12)) if m.kind == "count"]
    assert counts == counted


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a toll noun names its toll; where it was counted is part of the fact
        ("At least 3,549 deaths have been reported in Turkey, while 1,602 people have died in Syria.",
         [("At least 3,549", {"of": "people killed", "in": "Turkey"}), ("1,602", {"of": "people killed", "in": "Syria"})]),
        ("In Syria, 237 deaths and 630 injuries have been reported in government-held areas, with 47 fatalities reported in areas controlled by rebels.",
         [("237", {"of": "people killed", "in": "Syria"}), ("630", {"of": "people injured", "in": "government-held areas"}),
          ("47", {"of": "people killed", "in": "areas controlled by rebels"})]),
        ("There are at least 2,053 dead and 9,249 injured.", [("at least 2,053", {"of": "people killed"}), ("9,249", {"of": "people injured"})]),
        ("Officials said 2,053 people were killed in the quake.", [("2,053", {"of": "people killed"})]),  # an event, not a place
        ("The toll reached 237 deaths and 637 injured in Aleppo, Hama and Latakia.",  # a list of places is no one place
         [("237", {"of": "people killed"}), ("637", {"of": "people injured"})]),
        ("Around 6,000 are missing in Derna, officials said.", [("Around 6,000", {"of": "people missing", "in": "Derna"})]),  # no noun: people
        ("The council said 15 were present.", []),
        ("At least 76 people died in seven provinces.", [("At least 76", {"of": "people killed"})]),
        ("Some 10,100 people are missing.", [("Some 10,100", {"of": "people missing"})]),
        ("Officials fear the toll could exceed 2,000 dead.", []),  # a fear, not a count
        ("Data came from the Ministry of Internal Affairs. 2059 people were injured.",  # no year: people and what happened
         [("2059", {"of": "people injured"})]),
        ("In 2012 people were happy.", []),  # a year
        # a death toll said to stand at a number
        ("The death toll in Libya's coastal city of Derna has soared to 11,300 as search efforts continue.",
         [("11,300", {"of": "people killed"})]),
        ("The UN said the toll in the coastal city alone had risen to over 11,300.", []),  # superseded: "had risen"
        ("The death toll in Turkey has exceeded 1,760.", [("1,760", {"of": "people killed", "in": "Turkey"})]),
        ("Death toll after earthquake in Morocco rises to 2012 informs Hespress.", [("2012", {"of": "people killed"})]),
        ("Afghanistan earthquake death toll rises to 2,000: Taliban officials", []),  # a milestone passed, not the figure
        ("The toll could reach 20,000.", []),  # a fear
        ("The storm also killed about 170 people elsewhere in the country.",  # not where the main toll was counted
         [("about 170", {"of": "people killed", "in": "elsewhere"})]),
        ("It can reach 18,000 to 20,000 deaths, the mayor said.", []),
    ],
)
def test_tolls(text: str, expected: list[tuple[str, dict[str, str]]]) -> None:
    tolls = [(m.value, dict(m.qualifiers or ())) for m in find(text, dt.date(2023, 2, 6)) if m.predicate == "toll"]
    assert tolls == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Argentina won their third World Cup title.", [("third", "World Cup title")]),
        ("Mbappe became the first player ever to score a hat-trick in a final.", []),  # a record, not a rank
        ("France's first penalty came in the 80th minute.", []),  # which happening: when, not a rank
        ("The second quake had a magnitude of 7.5.", []),
        ("It was Argentina's first world title since 1986.", []),  # ranked from a date, not among all titles
    ],
)
def test_ordinals_that_rank_and_those_that_do_not(text: str, expected: list[tuple[str, str]]) -> None:
    assert [(m.value, m.of) for m in find(text, dt.date(2022, 12, 18)) if m.predicate == "ordinal"] == expected
