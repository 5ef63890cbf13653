"""The predicate table (tests/data/predicate-phrasings.yaml): real phrasings of one fact by
different outlets are drafted under one predicate and one key, and different facts under different
keys. A change to a finder that breaks a phrasing fails here with the phrasing and its source."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path
from typing import Any

import pytest
import yaml

from factcheck.extract.article import read_article
from factcheck.extract.claims import SourceOptions, draft_claims
from factcheck.qualifiers import QualifierCanon
from factcheck.registry.entities import EntityRegistry
from factcheck.ruleset import default_rules_dir, load_ruleset

TABLE = yaml.safe_load((Path(__file__).resolve().parents[1] / "data" / "predicate-phrasings.yaml").read_text(encoding="utf-8"))
PUBLISHED = dt.date.fromisoformat(str(TABLE["published"]))
GROUPS = {group["fact"]: group for group in TABLE["groups"]}
RULESET = load_ruleset([default_rules_dir()], [])
CANON = QualifierCanon(EntityRegistry([]))


def _key(predicate: str, qualifiers: dict[str, Any] | None) -> tuple[str, tuple[tuple[str, str], ...]]:
    return predicate, tuple(sorted((k, CANON.canonical(str(v), None).value) for k, v in (qualifiers or {}).items()))


def drafted(text: str) -> list[tuple[tuple[str, tuple[tuple[str, str], ...]], str]]:
    options = SourceOptions(outlet="Paper", published=PUBLISHED, source_id="paper")
    draft = draft_claims(read_article(f"Headline\n\n{text}\n", "x.txt"), options, None, RULESET)
    return [(_key(c["predicate"], c.get("qualifiers")), str(c["value"])) for c in draft.claims if c["predicate"] != "quote"]


CASES = [(group["fact"], p) for group in TABLE["groups"] for p in group["phrasings"]]


@pytest.mark.parametrize(("fact", "phrasing"), CASES, ids=[f"{f}: {p['from']}" for f, p in CASES])
def test_a_phrasing_is_drafted_under_its_facts_key(fact: str, phrasing: dict[str, str]) -> None:
    key = GROUPS[fact]["key"]
    expected = (_key(key["predicate"], key.get("qualifiers")), phrasing["value"])
    assert expected in drafted(phrasing["text"]), f"{phrasing['from']}: {phrasing['text']}"


@pytest.mark.parametrize("fact", [g["fact"] for g in TABLE["groups"] if g.get("apart")])
def test_different_facts_have_different_keys(fact: str) -> None:
    mine = GROUPS[fact]["key"]
    for other in GROUPS[fact]["apart"]:
        theirs = GROUPS[other]["key"]
        assert _key(mine["predicate"], mine.get("qualifiers")) != _key(theirs["predicate"], theirs.get("qualifiers"))


def test_every_phrasing_comes_from_its_article() -> None:
    """Each phrasing is taken from the article it names (some trimmed to the clause that states the
    fact): the article exists and states the value's numbers."""
    events = Path(__file__).resolve().parents[1] / "data" / "events"
    for _, phrasing in CASES:
        source = (events / phrasing["from"]).read_text(encoding="utf-8").replace(",", "")
        if re.fullmatch(r"\d{4}-\d{2}-\d{2}", phrasing["value"]):
            continue  # a resolved date: the article writes the day ("Wednesday")
        for number in re.findall(r"[0-9][0-9,.]*", phrasing["value"]):
            assert number.replace(",", "").rstrip(".") in source, (phrasing["from"], number)
