"""Precision first: a drafted claim with the wrong speaker is worse than none."""

from __future__ import annotations

import datetime as dt

from factcheck.extract.article import read_article
from factcheck.extract.claims import SourceOptions, draft_claims
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
