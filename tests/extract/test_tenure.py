"""How long a leader lasted after a vote (tenure.py): the phrasings of the development set, and
what must not be read."""

from __future__ import annotations

import datetime as dt
import re

import pytest

from factcheck.extract.article import read_article
from factcheck.extract.claims import SourceOptions, draft_claims
from factcheck.extract.tenure import find_departures
from factcheck.ruleset import default_rules_dir, load_ruleset


def departures(text: str) -> list[tuple[str, str, str]]:
    sentences = [(m.start(), m.end()) for m in re.finditer(r"[^.]+(?:\.|$)", text)]
    return [(d.value, d.as_written, d.person) for d in find_departures(text, sentences)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Theresa May faced a no-confidence vote in 2018. Within eight months of that result, May was out",
         [("eight months", "eight months", "Theresa May")]),  # the month is her surname: the article's full name
        ("Prime Minister Theresa May won a confidence vote in 2018. May resigned six months later over a Brexit deadlock.",
         [("six months", "six months", "Theresa May")]),
        ("Johnson is safe for a year – but Theresa May was forced to leave office just six months after winning a confidence ballot.",
         [("six months", "six months", "Theresa May")]),
        ("The votes against May in 2018 and Margaret Thatcher in 1990 were fewer. Thatcher resigned a week later.",
         [("one week", "a week", "Margaret Thatcher")]),
        ("It is less than that granted to Theresa May in January 2019. She was ousted within seven months of her confidence vote.",
         [("seven months", "seven months", "Theresa May")]),  # "she": the last name before
        ("The vote was close. Johnson was opposed as Margaret Thatcher was in 1990. She resigned two days later.",
         [("two days", "two days", "Margaret Thatcher")]),  # the vote two sentences back
        ("When Theresa May faced a confidence vote in 2018 she secured 63% – but was still forced out within six months.",
         [("six months", "six months", "Theresa May")]),  # no subject of its own
    ],
)
def test_how_long_a_leader_lasted(text: str, expected: list[tuple[str, str, str]]) -> None:
    assert departures(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "The minister resigned two years later.",  # no vote it counts from
        "After the vote, the minister resigned two years later.",  # no one named
        "Smith resigned after the vote.",  # no duration
        "After the vote, Smith was re-elected six months later.",  # no departure
        "After the vote, he resigned six months later.",  # "he" with no name before
        "Theresa May survived a confidence vote in 2018 and the party chairman resigned a week later.",  # another subject
    ],
)
def test_what_is_no_tenure(text: str) -> None:
    assert departures(text) == []


def test_a_tenure_is_drafted_for_the_person_who_left() -> None:
    ruleset = load_ruleset([default_rules_dir()], [])
    text = ("Johnson survives\n\nFormer Prime Minister Theresa May won a party confidence vote in 2018. "
            "May resigned six months later over a Brexit deadlock.\n")
    options = SourceOptions(outlet="Paper", published=dt.date(2022, 6, 7), source_id="paper")
    draft = draft_claims(read_article(text, "x.txt"), options, None, ruleset)
    (claim,) = [c for c in draft.claims if c["predicate"] == "duration"]
    assert (claim["subject"], claim["value"], claim["qualifiers"]) == ("Theresa May", "six months", {"of": "left office after the vote"})


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # "A week" at a sentence's start is one week too
        ("Margaret Thatcher fell four votes short in the first ballot. A week later, Thatcher resigned.",
         [("one week", "A week", "Margaret Thatcher")]),
        # a clause with no subject of its own after "but" or "and": the name in the sentence before
        ("Theresa May faced a confidence vote in December 2018. She won it comfortably but was forced out within six months.",
         [("six months", "six months", "Theresa May")]),
        ("Theresa May faced a confidence vote in December 2018. She won it comfortably and was forced out within six months.",
         [("six months", "six months", "Theresa May")]),
        # words that open sentences or name institutions are no one's name
        ("Theresa May faced a confidence vote in December 2018. Within six months she was out.",
         [("six months", "six months", "Theresa May")]),
        ("Theresa May survived a Conservative Party confidence vote in December 2018 but was forced out within six months.",
         [("six months", "six months", "Theresa May")]),
        # a surname completed to the article's one full name ...
        ("Theresa May survived a confidence vote in December 2018. In March May lost a third vote on her Brexit deal. "
         "May resigned two months later.",
         [("two months", "two months", "Theresa May")]),  # "March May" is a month and a name, not a full name
        ("Margaret Thatcher won the first ballot in 1990. Mrs Thatcher fell four votes short of outright victory. "
         "Thatcher resigned two days later.",
         [("two days", "two days", "Margaret Thatcher")]),  # "Mrs Thatcher" is her surname with a title
        ("Pedro Pablo Kuczynski survived an impeachment vote in December 2017. Kuczynski resigned three months later.",
         [("three months", "three months", "Pedro Pablo Kuczynski")]),
        ("Speaking outside Downing Street Theresa May said she would fight on after winning the confidence vote. "
         "May resigned six months later.",
         [("six months", "six months", "Theresa May")]),  # the place before the name is no part of it
        # ... and left as written when the article gives none, or two
        ("Thatcher won the first ballot in 1990 but fell four votes short. Thatcher resigned two days later.",
         [("two days", "two days", "Thatcher")]),
        ("Theresa May, with her husband Philip May at her side, won a confidence vote in 2018. May resigned six months later.",
         [("six months", "six months", "May")]),
        ("Unlike Theresa May, Johnson won the confidence vote comfortably. Theresa May was forced out within six months of hers.",
         [("six months", "six months", "Theresa May")]),  # a full name is not completed
        # of two durations, the one nearer the departure, after it ...
        ("Eleven years after taking office, Thatcher resigned as prime minister two days after the ballot.",
         [("two days", "two days", "Thatcher")]),
        # ... or before it
        ("Margaret Thatcher won the first ballot in 1990 but fell four votes short of outright victory. "
         "Two days later Thatcher resigned as prime minister, eleven years after she took office.",
         [("Two days", "Two days", "Margaret Thatcher")]),
        # a duration 80 characters from the departure is still its own, after it ...
        ("Margaret Thatcher won the first ballot in 1990 but fell four votes short. She resigned as leader of the "
         "Conservative Party, which she had led since 11 February 1975, two days later.",
         [("two days", "two days", "Margaret Thatcher")]),
        # ... or before it
        ("Theresa May won a confidence vote in December 2018. Within six months of that confidence vote, and after "
         "three defeats of her deal in the House, May was out.",
         [("six months", "six months", "Theresa May")]),
    ],
)
def test_more_phrasings_of_a_tenure(text: str, expected: list[tuple[str, str, str]]) -> None:
    assert departures(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        # 81 characters from the departure is too far, after it or before it
        "Margaret Thatcher won the first ballot in 1990 but fell four votes short. She resigned as leader of the "
        "Conservative Party, which she had led since February 11, 1975, two days later.",
        "Theresa May won a confidence vote in December 2018. Within six months of that confidence vote, and after "
        "three defeats of her deal in parliament, May was out.",
        # someone other than the name before: no claim
        "Theresa May survived a confidence vote in 2018. Her chancellor resigned six months later.",
        # "he" in the first sentence: no sentence before it, whoever the article names later
        "After the vote, he resigned six months later. Johnson said he would fight on.",
    ],
)
def test_more_of_what_is_no_tenure(text: str) -> None:
    assert departures(text) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # no vote to count from (Cameron), no duration (May), no name (the chancellor): the next sentence is read
        ("David Cameron resigned two years after winning a majority. Theresa May won a confidence vote in 2018. "
         "May resigned six months later.",
         [("six months", "six months", "Theresa May")]),
        ("Theresa May survived a confidence vote in December 2018 but was forced to resign over Brexit. "
         "Margaret Thatcher resigned two days after her first ballot in 1990.",
         [("two days", "two days", "Margaret Thatcher")]),
        ("Margaret Thatcher won the first ballot in 1990 but fell four votes short. Her chancellor resigned a week later. "
         "Thatcher herself resigned two days after the ballot.",
         [("two days", "two days", "Margaret Thatcher")]),
    ],
)
def test_a_sentence_that_is_not_a_tenure_does_not_end_the_reading(text: str, expected: list[tuple[str, str, str]]) -> None:
    assert departures(text) == expected


@pytest.mark.parametrize(
    ("text", "written"),
    [
        ("Theresa May won a confidence vote in 2018. She was ousted within seven months.", "seven months"),
        ("Theresa May won a confidence vote in 2018. May resigned six months later.", "six months"),
    ],
)
def test_a_tenure_spans_the_duration_as_written(text: str, written: str) -> None:
    sentences = [(m.start(), m.end()) for m in re.finditer(r"[^.]+(?:\.|$)", text)]
    (found,) = find_departures(text, sentences)
    assert (found.start, found.end, text[found.start:found.end]) == (text.index(written), text.index(written) + len(written), written)


def test_a_title_case_headline_is_no_part_of_the_name() -> None:
    """The article's text joins its paragraphs with a space: "Johnson Survives Confidence Vote" and
    "Theresa May" are one capitalized run in it, but never in one sentence."""
    text = ("Johnson Survives Confidence Vote\n\nTheresa May won a party confidence vote in 2018. "
            "May resigned six months later over a Brexit deadlock.\n")
    article = read_article(text, "x.txt")
    found = find_departures(article.text, [(s.start, s.end) for s in article.sentences])
    assert [(d.value, d.person) for d in found] == [("six months", "Theresa May")]
    ruleset = load_ruleset([default_rules_dir()], [])
    options = SourceOptions(outlet="Paper", published=dt.date(2022, 6, 7), source_id="paper")
    draft = draft_claims(article, options, None, ruleset)
    assert [(c["subject"], c["value"]) for c in draft.claims if c["predicate"] == "duration"] == [("Theresa May", "six months")]
