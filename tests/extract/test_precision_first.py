"""Precision first: a drafted claim with the wrong speaker is worse than none."""

from __future__ import annotations

import datetime as dt

import pytest

from factcheck.extract.article import read_article
from factcheck.extract.claims import SourceOptions, _names_a_happening, draft_claims
from factcheck.ruleset import default_rules_dir, load_ruleset

ARTICLE = """Strike shuts the railways

Some 40,000 workers walked out on Tuesday, the union said.

"We will bring 50,000 people onto the streets," one placard read, and nobody said who wrote it.

Union leader Mick Lynch said: "We have 60,000 members ready to strike."
"""


def test_a_number_inside_a_quote_belongs_to_its_speaker_or_is_not_drafted() -> None:
    ruleset = load_ruleset([default_rules_dir()], [])
    options = SourceOptions(outlet="Paper", published=dt.date(2022, 6, 21), source_id="paper")
    draft = draft_claims(read_article(ARTICLE, "strike.txt"), options, None, ruleset)
    numbers = [c for c in draft.claims if c["predicate"] not in ("quote",)]
    stated = {str(c["value"]): c.get("said_by") for c in numbers}
    assert not any("50,000" in value for value in stated)  # in a quote nobody is named for
    assert any("40,000" in value and speaker is None for value, speaker in stated.items())  # the outlet's own


def test_a_date_whose_sentence_does_not_say_what_happened_is_not_drafted() -> None:
    """Event words that are only joining, calendar words and numbers ("and Sunday", "23 and") say
    nothing of what happened: no claim. Nor does a bare date of the article's whole story."""
    ruleset = load_ruleset([default_rules_dir()], [])
    text = (
        "Rail strike talks fail\n\n"
        "Walkouts are planned for 21, 23 and 25 June.\n\n"
        "It was announced on Wednesday.\n\n"
        "The storm destroyed the dam on Monday.\n"
    )
    options = SourceOptions(outlet="Paper", published=dt.date(2022, 6, 17), source_id="paper")
    draft = draft_claims(read_article(text, "x.txt"), options, None, ruleset)
    dated = {(c["value"], (c.get("qualifiers") or {}).get("event")) for c in draft.claims if c["predicate"] == "occurred_on"}
    assert dated == {("2022-06-15", "announced"), ("2022-06-13", "dam")}


@pytest.mark.parametrize(
    ("event", "happening"),
    [("and Sunday", False), ("Friday and", False), ("23 and Saturday 25 June", False), ("21", False), ("", False),
     ("announced", True), ("nuclear test", True), ("dam", True)],
)
def test_event_words_that_name_a_happening(event: str, happening: bool) -> None:
    assert _names_a_happening(event) is happening


def test_an_old_adoption_date_is_not_the_reported_events() -> None:
    """With no registry resolution, the article's subject is a placeholder with no adoption day of
    its own: a vote "in 2018" in an article of 2022 is an earlier vote, not the one reported."""
    ruleset = load_ruleset([default_rules_dir()], [])
    text = (
        "Johnson survives confidence vote\n\n"
        "Conservative MPs voted on Monday to keep the prime minister.\n\n"
        "When Theresa May faced a confidence vote in 2018, she won it.\n"
    )
    options = SourceOptions(outlet="Paper", published=dt.date(2022, 6, 7), source_id="paper")
    draft = draft_claims(read_article(text, "x.txt"), options, None, ruleset)
    adopted = [c["value"] for c in draft.claims if c["predicate"] == "adopted_on"]
    assert adopted == ["2022-06-06"]


def test_a_place_named_in_a_quote_is_not_the_subject_of_the_outlets_number() -> None:
    """"... described as the 'biggest outbreak of industrial action in the UK since 1989'": the UK is
    the quote's, and the 50,000 members are the story's, not the country's."""
    from scoring import load_entity_registry
    from pathlib import Path

    registry = load_entity_registry([Path(__file__).resolve().parents[2] / "claims" / "entities.yaml"])
    ruleset = load_ruleset([default_rules_dir()], [])
    text = ("Rail strike\n\nWith approximately 50,000 members expected to walk out, it has been described as the "
            "\u201cbiggest outbreak of industrial action in the UK since 1989\u201d.\n\n"
            "Some 20 schools in the UK closed.\n")
    options = SourceOptions(outlet="Paper", published=dt.date(2022, 6, 8), source_id="paper")
    draft = draft_claims(read_article(text, "x.txt"), options, registry, ruleset)
    subjects = {str(c["value"]): c.get("subject") for c in draft.claims if c["predicate"] == "count"}
    assert subjects["approximately 50,000"] == "the event the articles report (not in the registry)"
    assert subjects["Some 20"] == "United Kingdom"  # named outside any quote: still the subject
