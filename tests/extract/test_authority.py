"""Who gave a toll, and an article's differing tolls keyed by who gave them (authority.py, claims.py)."""

from __future__ import annotations

import datetime as dt

import pytest

from factcheck.extract.article import read_article
from factcheck.extract.authority import who_gave
from factcheck.extract.claims import SourceOptions, draft_claims
from factcheck.ruleset import default_rules_dir, load_ruleset


@pytest.mark.parametrize(
    ("sentence", "number", "body"),
    [
        # sentences of the development set (tests/data/events), as the articles wrote them
        ("The Red Crescent said on Sunday that 500 people had died.", "500", "Red Crescent"),
        ("However, it later said the figure was still being verified, while the Red Crescent said 500 people were killed.",
         "500", "Red Crescent"),  # the verb nearest before the number, not the pronoun's
        ("The death toll is estimated to be 2,000, a senior Taliban leader said, adding that it might rise.", "2,000", "Taliban"),
        ("Powerful earthquakes have killed more than 2,000 people, the Taliban administration said on Sunday.", "2,000", "Taliban"),
        ("Mullah Janan Sayeeq, spokesman for the Taliban's Ministry of Disasters, told Reuters that 2,053 people were dead.",
         "2,053", "Taliban"),  # the body the spokesman speaks for
        ("The country’s national disaster authority said on Saturday the earthquake had killed about 100 people.",
         "100", "national disaster authority"),  # no capitals: the words without determiners
        ("Later on Saturday, the United Nations gave a preliminary figure of 320 deaths.", "320", "United Nations"),
        ("At least 245 people were killed and 516 were wounded, according to the Syrian health ministry.", "245", "Syrian"),
        ("Around 6,000 are missing, a spokesperson for the Libyan National Army that controls eastern Libya, said.",
         "6,000", "Libyan National Army"),  # the relative clause is not the name
        ("Turkey’s Disaster and Emergency Management agency said the quake killed at least 76 people.", "76", "Turkey"),
        ("According to the Red Crescent, 500 people died.", "500", "Red Crescent"),  # at the sentence's head
        # no one named
        ("The provisional toll is very heavy: over 2,000 dead and around 10,000 injured.", "2,000", None),
        ("At the moment there are at least 2,053 dead and 9,249 injured.", "2,053", None),
        ("It later said 320 people had died.", "320", None),  # a pronoun names no one
        ("Officials in the worst-hit districts of the province where rescuers dug all night said 90 died.", "90", None),  # a clause
    ],
)
def test_who_gave_a_figure(sentence: str, number: str, body: str | None) -> None:
    assert who_gave(sentence, sentence.index(number)) == body


ARTICLE = """Quake kills thousands

More than 2,000 people were killed in the earthquake, the Taliban administration said on Sunday.

The Red Crescent said on Sunday that 500 people had died.

Rescuers said 2,053 people were dead.

About 320 people were killed in the worst-hit villages.
"""


def _tolls(text: str) -> list[tuple[str, dict[str, str]]]:
    ruleset = load_ruleset([default_rules_dir()], [])
    options = SourceOptions(outlet="Paper", published=dt.date(2023, 10, 8), source_id="paper")
    draft = draft_claims(read_article(text, "quake.txt"), options, None, ruleset)
    return [(str(c["value"]), dict(c.get("qualifiers") or {})) for c in draft.claims if c["predicate"] == "toll"]


def test_an_articles_differing_tolls_are_keyed_by_who_gave_them() -> None:
    """The first figure is the story's; one that differs from it is keyed by the body its sentence
    names; one that differs and names no one is not drafted (it could be anyone's, or an update)."""
    assert _tolls(ARTICLE) == [
        ("More than 2,000", {"of": "people killed"}),  # the lead: unchanged
        ("500", {"of": "people killed", "per": "Red Crescent"}),
        ("2,053", {"of": "people killed"}),  # agrees with the lead: the same figure, more precisely
        # "About 320" differs from "more than 2,000" and names no one: not drafted
    ]


def test_tolls_that_agree_are_left_alone() -> None:
    text = "Quake\n\nAt least 2,000 people died, the Red Crescent said.\n\nThe UN said 2,053 people had died.\n"
    assert _tolls(text) == [("At least 2,000", {"of": "people killed"}), ("2,053", {"of": "people killed"})]


def test_different_tolls_are_not_one_group() -> None:
    """Killed and injured are two tolls: differing numbers between them say nothing of who counted."""
    text = "Quake\n\nAt least 2,000 people died and 9,000 were injured.\n"
    assert _tolls(text) == [("At least 2,000", {"of": "people killed"}), ("9,000", {"of": "people injured"})]


@pytest.mark.parametrize(
    ("sentence", "number", "body"),
    [
        # two bodies' figures in one sentence: each figure is the nearest "according to"'s ...
        ("The death toll stood at 2,053, according to the Taliban, and at 500, according to the Red Crescent.",
         "500", "Red Crescent"),
        ("The death toll stood at 2,053, according to the Taliban, and at 500, according to the Red Crescent.",
         "2,053", "Taliban"),
        # ... or the subject of the nearest speech verb before it that has one ("it" has none)
        ("The Taliban said 2,053 people had died, while the United Nations said 320; it later said the toll was 1,000.",
         "1,000", "United Nations"),
        ("The Taliban said 2,053 people had died, while the United Nations said 320.", "320", "United Nations"),
        # the subject runs back to a joining word even when there is no comma
        ("The toll rose overnight as the Red Crescent said 500 people were killed.", "500", "Red Crescent"),
        ("Latest figures: the health ministry said 245 people were killed.", "245", "health ministry"),
        # a capitalized role speaks for the body after it
        ("The Secretary-General of the United Nations said 320 people had died.", "320", "United Nations"),
        ("The Head of the Afghan Red Crescent Society said 500 people had died.", "500", "Afghan Red Crescent Society"),
        # no capitals, a straight apostrophe: the words without determiners and possessives
        ("The country's national disaster authority said on Saturday the earthquake had killed about 100 people.",
         "100", "national disaster authority"),
        # eight words can still be a name
        ("The head of the country's national disaster authority said 100 people had died.", "100",
         "national disaster authority"),
        # a subject with a number in it is a clause or a count of people, not a body
        ("Residents of 12 villages near the epicentre told reporters that 300 people were missing.", "300", None),
    ],
)
def test_who_gave_one_of_several_figures(sentence: str, number: str, body: str | None) -> None:
    assert who_gave(sentence, sentence.index(number)) == body
