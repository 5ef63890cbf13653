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
