"""bench/scoring.py: scoring draft claim files against gold annotations, and the gold files.

The scorer is tested on small hand-written claim files and a small gold, so every expectation can be
checked by hand; the seed gold files are tested for what the scorer relies on (they load, their
values parse, their quotes and mentions are where they say in the article).
"""

from __future__ import annotations

import datetime as dt
import textwrap
from pathlib import Path
from typing import Any

import pytest

from factcheck.documents import Document
from scoring import (
    KINDS, Gold, GoldError, KindScore, format_table, load_entity_registry, load_gold, match,
    quote_words_match, score, total,
)
from factcheck.registry.entities import Entity, EntityRegistry
from factcheck.values import ParseContext, parse_value, tokens

REPO = Path(__file__).resolve().parent.parent
GOLD_DIR = REPO / "tests" / "extract" / "gold"
SEEDS = ("blog-2017-08-07", "npr-2017-12-22", "nyt-2016-11-30")

REGISTRY = EntityRegistry(
    [
        Entity("nikki-haley", "Nikki Haley", "person", ("Haley", "Ambassador Nikki Haley")),
        Entity("rex-tillerson", "Rex Tillerson", "person", ("Tillerson",)),
        Entity("unscr-2397", "UN Security Council Resolution 2397", "resolution", ("Resolution 2397",)),
    ]
)
PREDICATES = {
    "vote": "vote", "adopted_on": "date", "occurred_on": "date", "reduction": "quantity",
    "amount": "quantity", "duration": "quantity", "deadline": "deadline", "count": "count",
    "ordinal": "count", "measure": "measure", "quote": "quote", "statement": "text",
}

HALEY_WORDS = "It sends the unambiguous message to Pyongyang that further defiance will invite further punishment and isolation."
UNCLEAR_WORDS = "It hasn't worked. So we're doing more of the same"

GOLD_TEXT = f"""\
document: claims/sources/example.txt
published: 2017-12-22
quotes:
  - text: "{HALEY_WORDS}"
    speaker: Nikki Haley
    line: 3
  - text: "{UNCLEAR_WORDS}"
    speaker: null
    line: 5
quantities:
  - {{text: "$400 million", line: 7}}
  - {{text: "89 percent", line: 8}}
counts:
  - {{text: "fifth", line: 9}}
dates:
  - {{text: "on Wednesday", line: 10}}
  - {{text: "today", line: 11, optional: true}}
votes:
  - {{text: "15-to-nothing", line: 2}}
"""


@pytest.fixture()
def gold(tmp_path: Path) -> Gold:
    path = tmp_path / "example.yaml"
    path.write_text(GOLD_TEXT, encoding="utf-8")
    return load_gold(path)


def claim(claim_id: str, predicate: str, value: Any, **extra: Any) -> dict[str, Any]:
    subject = {} if predicate == "quote" else {"subject": "Resolution 2397"}
    return {"id": claim_id, **subject, "predicate": predicate, "value": value, **extra}


def claim_file(*claims: dict[str, Any]) -> dict[str, Any]:
    return {"source": {"id": "example", "outlet": "NPR", "published": "2017-12-22"}, "claims": list(claims)}


PERFECT = (
    claim("q-haley", "quote", HALEY_WORDS, said_by="Haley"),  # an alias: speakers compare as entities
    claim("q-unclear", "quote", UNCLEAR_WORDS),
    claim("cap", "amount", "$400 million"),
    claim("cut", "reduction", "89 percent"),
    claim("test", "ordinal", "fifth"),
    claim("adopted", "adopted_on", "Wednesday"),  # "on Wednesday" and "Wednesday" are one day
    claim("vote", "vote", "15-0"),  # another way of writing 15-to-nothing (abstentions unknown in both)
)


def run(gold: Gold, *claims: dict[str, Any]) -> dict[str, KindScore]:
    return score(claim_file(*claims), gold, REGISTRY, PREDICATES)


def counts(scores: dict[str, KindScore]) -> dict[str, tuple[int, int, int]]:
    return {kind: (s.tp, s.fp, s.fn) for kind, s in scores.items()}


# --- scores -------------------------------------------------------------------------------------


def test_a_perfect_file_scores_one(gold: Gold) -> None:
    scores = run(gold, *PERFECT)
    assert set(scores) == set(KINDS)
    for kind, result in scores.items():
        assert (result.precision, result.recall) == (1.0, 1.0), kind
    assert counts(scores) == {
        "quote": (2, 0, 0), "quote+speaker": (2, 0, 0), "quantity": (2, 0, 0),
        "count": (1, 0, 0), "date": (1, 0, 0), "vote": (1, 0, 0),
    }


def test_a_wrong_number_is_a_false_positive_and_a_false_negative(gold: Gold) -> None:
    claims = [c for c in PERFECT if c["id"] != "cut"] + [claim("cut", "reduction", "95 percent")]
    scores = run(gold, *claims)
    assert counts(scores)["quantity"] == (1, 1, 1)
    assert scores["quantity"].precision == 0.5
    assert scores["quantity"].recall == 0.5


@pytest.mark.parametrize(
    ("written", "matches"),
    [
        ("$400 million", True),
        ("400 million dollars", True),  # the same canonical value
        ("US$ 400 million", True),
        ("$700 million", False),
        ("no more than $400 million", False),  # a bound is another value
        ("$400 million a year", False),  # a rate is another unit
    ],
)
def test_quantities_match_by_canonical_value(gold: Gold, written: str, matches: bool) -> None:
    scores = run(gold, claim("cap", "amount", written))
    assert counts(scores)["quantity"] == ((1, 0, 1) if matches else (0, 1, 2))


def test_a_quote_with_the_wrong_speaker_counts_for_quote_only(gold: Gold) -> None:
    claims = [c for c in PERFECT if c["id"] != "q-haley"] + [claim("q-haley", "quote", HALEY_WORDS, said_by="Tillerson")]
    scores = run(gold, *claims)
    assert counts(scores)["quote"] == (2, 0, 0)
    assert counts(scores)["quote+speaker"] == (1, 1, 1)


def test_a_speaker_for_an_unclear_quote_is_wrong(gold: Gold) -> None:
    """The gold's null speaker must be matched by no speaker at all."""
    claims = [c for c in PERFECT if c["id"] != "q-unclear"] + [claim("q-unclear", "quote", UNCLEAR_WORDS, said_by="Tillerson")]
    assert counts(run(gold, *claims))["quote+speaker"] == (1, 1, 1)


def test_unresolvable_speakers_compare_by_normalized_name(tmp_path: Path) -> None:
    path = tmp_path / "g.yaml"
    path.write_text('document: x.txt\npublished: 2017-12-22\nquotes:\n  - {text: "We will see.", speaker: Jane Q. Doe, line: 1}\n')
    gold = load_gold(path)
    assert counts(run(gold, claim("q", "quote", "we will see", said_by="jane q doe")))["quote+speaker"] == (1, 0, 0)
    assert counts(run(gold, claim("q", "quote", "we will see", said_by="John Doe")))["quote+speaker"] == (0, 1, 1)


def test_an_optional_item_changes_nothing(gold: Gold) -> None:
    without = run(gold, *PERFECT)
    with_it = run(gold, *PERFECT, claim("today", "occurred_on", "today"))
    assert counts(with_it) == counts(without)
    assert counts(with_it)["date"] == (1, 0, 0)


def test_an_optional_item_never_takes_a_required_items_match(tmp_path: Path) -> None:
    path = tmp_path / "g.yaml"
    path.write_text(
        "document: x.txt\npublished: 2016-11-30\ndates:\n"
        "  - {text: Wednesday, line: 1, optional: true}\n  - {text: on Wednesday, line: 2}\n"
    )
    scores = run(load_gold(path), claim("d", "adopted_on", "2016-11-30"))
    assert counts(scores)["date"] == (1, 0, 0)


def test_each_gold_item_matches_at_most_one_mention(gold: Gold) -> None:
    scores = run(gold, claim("a", "ordinal", "fifth"), claim("b", "count", "5th"))
    assert counts(scores)["count"] == (1, 1, 0)


def test_an_empty_draft(gold: Gold) -> None:
    scores = run(gold)
    assert counts(scores)["quote"] == (0, 0, 2)
    assert (scores["quote"].precision, scores["quote"].recall) == (1.0, 0.0)


def test_nothing_extracted_and_nothing_expected_is_perfect(tmp_path: Path) -> None:
    path = tmp_path / "g.yaml"
    path.write_text("document: x.txt\npublished: 2017-12-22\n")
    result = run(load_gold(path))["count"]
    assert (result.tp, result.fp, result.fn, result.precision, result.recall) == (0, 0, 0, 1.0, 1.0)


def test_quote_excerpts_match_when_they_cover_ninety_percent() -> None:
    gold = tokens("one two three four five six seven eight nine ten")
    assert quote_words_match(tokens("One, two, three four five six seven eight nine ten!"), gold)
    assert quote_words_match(gold[:9], gold)  # 9 of 10 words
    assert not quote_words_match(gold[:8], gold)  # 8 of 10
    assert not quote_words_match(gold[1:9], gold)
    assert not quote_words_match(gold[:5] + ["zzz"] + gold[6:], gold)  # not a run
    assert quote_words_match(["the", *gold], gold)  # one word past the quotation marks
    assert not quote_words_match(["said", "that", *gold], gold)  # the gold is only 10/12 of it


def test_deadlines_and_measures_score_their_durations_dates_and_amounts(tmp_path: Path) -> None:
    path = tmp_path / "g.yaml"
    path.write_text(textwrap.dedent("""\
        document: x.txt
        published: 2017-12-22
        quantities:
          - {text: 24 months, line: 1}
          - {text: 500000 barrels a year, line: 2}
          - {text: two years, line: 3}
        counts:
          - {text: one, line: 4}
        dates:
          - {text: end of 2019, line: 5}
        """))
    gold = load_gold(path)
    scores = run(
        gold,
        claim("workers", "deadline", "within 24 months"),
        claim("oil", "measure", {"action": "cap", "target": "refined petroleum products", "amount": "500,000 barrels a year",
                                 "deadline": "by the end of 2019"}),
        claim("bank", "measure", {"action": "cap", "target": "bank accounts", "amount": "one"}),  # unit-less: a count
        claim("later", "measure", {"action": "repatriate", "target": "workers", "deadline": "in two years"}),
    )
    assert counts(scores)["quantity"] == (3, 0, 0)
    assert counts(scores)["date"] == (1, 0, 0)
    assert counts(scores)["count"] == (1, 0, 0)


def test_unparseable_values_are_false_positives_of_their_predicates_kind(gold: Gold) -> None:
    scores = run(gold, *PERFECT, claim("x", "amount", "lots of money"), claim("y", "adopted_on", "Decembruary"),
                 claim("z", "measure", {"action": "cap", "target": "coal", "deadline": "within a while"}))
    assert counts(scores)["quantity"] == (2, 2, 0)
    assert counts(scores)["date"] == (1, 1, 0)
    details = match(claim_file(claim("x", "amount", "lots of money")), gold, REGISTRY, PREDICATES)
    assert "not a quantity" in (details["quantity"].spurious[0].problem or "")


def test_statements_and_unknown_predicates_are_not_scored(gold: Gold) -> None:
    scores = run(gold, claim("s", "statement", "Two things happened in 2017"), claim("u", "mystery", "$5"))
    assert all(s.fp == 0 for s in scores.values())


def test_a_claims_as_of_anchors_its_dates(gold: Gold) -> None:
    # The gold's "on Wednesday" is 2017-12-20 (published Friday 2017-12-22). A claim written as of
    # a week earlier means the Wednesday before: 2017-12-13, a different day.
    assert counts(run(gold, claim("d", "adopted_on", "Wednesday", as_of=dt.date(2017, 12, 22))))["date"] == (1, 0, 0)
    assert counts(run(gold, claim("d", "adopted_on", "Wednesday", as_of="2017-12-15")))["date"] == (0, 1, 1)


def test_the_default_predicate_registry_is_used_without_a_mapping(gold: Gold) -> None:
    scores = score(claim_file(*PERFECT), gold, REGISTRY)
    assert all((s.precision, s.recall) == (1.0, 1.0) for s in scores.values())


def test_format_table_has_a_table_per_article_and_a_total(gold: Gold) -> None:
    results = {"npr": run(gold, *PERFECT), "other": run(gold)}
    table = format_table(results)
    lines = table.splitlines()
    assert [line for line in lines if line in ("npr", "other", "total")] == ["npr", "other", "total"]
    assert lines[1].split() == ["kind", "tp", "fp", "fn", "precision", "recall"]
    total_quote = total(results)["quote"]
    assert (total_quote.tp, total_quote.fp, total_quote.fn) == (2, 0, 2)
    assert "quote+speaker     2     0     2      1.000   0.500" in table


# --- gold file validation ------------------------------------------------------------------------


def test_load_gold_rejects_a_quantity_that_does_not_parse(tmp_path: Path) -> None:
    path = tmp_path / "broken.yaml"
    path.write_text(
        "document: x.txt\npublished: 2016-11-30\nquantities:\n"
        "  - {text: $700 million, line: 1}\n  - {text: two decades, line: 36}\n"
    )
    with pytest.raises(GoldError) as caught:
        load_gold(path)
    message = str(caught.value)
    assert str(path) in message
    assert "quantities[1] 'two decades'" in message
    assert "does not parse as a quantity" in message
    assert f"{path}:5:" in message  # the item's line in the gold file


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("document: x.txt\n", "'published'"),
        ("published: 2017-12-22\n", "'document'"),
        ("document: x.txt\npublished: 2017-12-22\nquotes:\n  - {text: hi there, line: 1}\n", "'speaker' is required"),
        ("document: x.txt\npublished: 2017-12-22\ncounts:\n  - {text: five, lines: 1}\n", "unknown key 'lines'"),
        ("document: x.txt\npublished: 2017-12-22\ncounts:\n  - {text: five, line: 0}\n", "'line'"),
        ("document: x.txt\npublished: 2017-12-22\nvotes:\n  - {text: 15-0, line: 1, optional: maybe}\n", "'optional'"),
        ("document: x.txt\npublished: 2017-12-22\nsummary: 3\n", "unknown key 'summary'"),
        ("document: x.txt\npublished: 2017-12-22\npublished: 2017-12-23\n", "duplicate key"),
    ],
)
def test_load_gold_rejects_broken_files(tmp_path: Path, text: str, expected: str) -> None:
    path = tmp_path / "broken.yaml"
    path.write_text(text)
    with pytest.raises(GoldError, match=expected.replace("[", r"\[")) as caught:
        load_gold(path)
    assert str(path) in str(caught.value)


# --- the seed gold files -------------------------------------------------------------------------


@pytest.fixture(scope="module")
def entities() -> EntityRegistry:
    return load_entity_registry([REPO / "claims" / "entities.yaml"])


@pytest.mark.parametrize("name", SEEDS)
def test_seed_gold_loads_and_every_value_parses(name: str) -> None:
    gold = load_gold(GOLD_DIR / f"{name}.yaml")
    assert gold.name == name
    assert (REPO / gold.document).is_file()
    ctx = ParseContext(published=gold.published)
    assert gold.items
    for item in gold.items:
        if item.kind == "quote":
            assert tokens(item.text)
        else:
            assert parse_value(item.kind, item.text, ctx).canonical() == item.key


@pytest.mark.parametrize("name", SEEDS)
def test_seed_gold_quotes_occur_in_the_article(name: str) -> None:
    gold = load_gold(GOLD_DIR / f"{name}.yaml")
    path = REPO / gold.document
    document = Document(str(path), path.read_text(encoding="utf-8"))
    for item in gold.of_kind("quote"):
        assert document.find(item.text).found, item.text


@pytest.mark.parametrize("name", SEEDS)
def test_seed_gold_mentions_start_at_their_line(name: str) -> None:
    """Every item's verbatim text is, exactly, in the article from its line on (not an earlier one)."""
    gold = load_gold(GOLD_DIR / f"{name}.yaml")
    raw_lines = (REPO / gold.document).read_text(encoding="utf-8").split("\n")
    for item in gold.items:
        written = item.as_written or item.text
        rest = Document(str(gold.document), "\n".join(raw_lines[item.line - 1:]))
        found = rest.find(written)
        assert (found.found, found.score, found.line) == (True, 100.0, 1), (item.kind, written, item.line)


@pytest.mark.parametrize("name", SEEDS)
def test_seed_gold_speakers_are_written_as_registry_names(name: str, entities: EntityRegistry) -> None:
    gold = load_gold(GOLD_DIR / f"{name}.yaml")
    for item in gold.of_kind("quote"):
        if item.speaker is None:
            continue
        entity = entities.resolve(item.speaker).entity
        if entity is not None:
            assert item.speaker == entity.name, (item.speaker, entity.name)
