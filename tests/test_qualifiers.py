"""Canonical qualifiers: the same-key / different-key table, the example corpus's coverage, and how
a stated direction becomes a qualifier."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from factcheck.corpus import load_corpus
from factcheck.pipeline import LintOptions, run_lint
from factcheck.qualifiers import Canonical, QualifierCanon
from factcheck.registry.entities import EntityRegistry

ROOT = Path(__file__).resolve().parent.parent
PAIRS = yaml.safe_load((ROOT / "tests" / "data" / "qualifier-pairs.yaml").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def registry() -> EntityRegistry:
    return load_corpus([ROOT / "claims" / "entities.yaml"], [], ROOT, ROOT).entities


@pytest.fixture()
def canon(registry: EntityRegistry) -> QualifierCanon:
    return QualifierCanon(registry)


def _name(case: dict[str, str]) -> str:
    return f"{case['a']} | {case['b']}"


@pytest.mark.parametrize("case", PAIRS["same"], ids=_name)
def test_phrasings_of_one_thing_share_a_key(canon: QualifierCanon, case: dict[str, str]) -> None:
    a, b = canon.canonical(case["a"], case["subject"]), canon.canonical(case["b"], case["subject"])
    assert a.value == b.value
    assert a.direction is None
    assert b.direction == case.get("direction_b")


@pytest.mark.parametrize("case", PAIRS["different"], ids=_name)
def test_different_things_never_share_a_key(canon: QualifierCanon, case: dict[str, str]) -> None:
    a = canon.qualifiers([("of", case["a"])], case["subject"])
    b = canon.qualifiers([("of", case["b"])], case["subject"])
    assert a != b


def test_the_table_covers_every_qualifier_of_the_example_corpus() -> None:
    written = {v for a in run_lint(LintOptions(cache=False, jobs=1), cwd=ROOT).assertions for _, v in (a.written_qualifiers or a.qualifiers)}
    in_table = {case[side] for case in PAIRS["same"] for side in ("a", "b")}
    by_id = {canon_id for canon_id in written if "-" in canon_id and " " not in canon_id}  # written as an entity id
    assert written - by_id <= in_table | {name.replace("-", " ") for name in by_id}, sorted(written - in_table)


def test_a_stated_direction_becomes_a_qualifier_unless_the_claim_gives_one(canon: QualifierCanon) -> None:
    assert canon.qualifiers([("of", "crude oil shipments to North Korea")], "unscr-2397") == (("direction", "import"), ("of", "crude-oil"))
    assert canon.qualifiers([("of", "crude oil shipments to North Korea"), ("direction", "export")], "unscr-2397") == (
        ("direction", "export"), ("of", "crude-oil"))
    assert canon.qualifiers([("of", "crude oil")], "unscr-2397") == (("of", "crude-oil"),)
    # no target party known (a person's claim): nothing is inferred, and North Korea stays in the phrase
    assert canon.qualifiers([("of", "crude oil shipments to North Korea")], "rex-tillerson") == (("of", "crude-oil shipment to north-korea"),)


def test_keys_are_normalized_and_sorted(canon: QualifierCanon) -> None:
    assert canon.qualifiers([("Period", "the rest of 2016"), ("Of", "Coal revenues")], "unscr-2321") == (("of", "coal-revenue"), ("period", "rest of 2016"))


def test_nothing_left_keeps_the_value_as_normalized(canon: QualifierCanon) -> None:
    assert canon.canonical("the exports", "unscr-2397").value == "export"  # a head alone is what there is
    assert canon.canonical("North Korea's", "unscr-2397").value == "north-korea"  # the party alone is what there is
    assert canon.canonical("the", "unscr-2397").value == "the"


def test_two_wordings_of_one_fact_meet_and_the_message_shows_both(tmp_path: Path) -> None:
    claims = tmp_path / "claims"
    claims.mkdir()
    (claims / "entities.yaml").write_text((ROOT / "claims" / "entities.yaml").read_text(encoding="utf-8"), encoding="utf-8")
    for source, outlet, of, value in (
        ("wire-a", "Reuters", "crude oil shipments to North Korea", "30 percent"),
        ("wire-b", "AFP", "the supply of crude oil into North Korea", "89 percent"),
    ):
        (claims / f"{source}.yaml").write_text(
            f"source: {{id: {source}, outlet: {outlet}, published: 2017-12-22}}\n"
            f"claims:\n  - {{id: cut, subject: Resolution 2397, predicate: reduction, qualifiers: {{of: {of}}}, value: {value}}}\n",
            encoding="utf-8",
        )
    findings = [f for f in run_lint(LintOptions(cache=False, jobs=1), cwd=tmp_path).findings if f.code == "FC101"]
    assert len(findings) == 1
    message = findings[0].message
    assert "{of: the supply of crude oil into North Korea}" in message
    assert "(there {of: crude oil shipments to North Korea})" in message


@pytest.mark.parametrize(("word", "singular"), [
    ("supplies", "supply"), ("ties", "tie"), ("classes", "class"), ("wishes", "wish"), ("churches", "church"),
    ("boxes", "box"), ("buzzes", "buzz"), ("tons", "ton"), ("cars", "car"), ("glass", "glass"), ("virus", "virus"),
    ("axis", "axis"), ("oil", "oil"), ("its", "its"), ("arms", "arms"), ("news", "news"), ("people", "person"),
    ("1990s", "1990s"), ("fifths", "fifths"), ("sixth", "sixth"), ("tens", "tens"),
    ("tranches", "tranch"), ("tranche", "tranch"), ("movies", "movy"), ("movie", "movy"), ("tie", "tie"),
])
def test_singular(word: str, singular: str) -> None:
    from factcheck.qualifiers import _singular

    assert _singular(word) == singular


@pytest.mark.parametrize(("words", "kept", "direction"), [
    ("oil to north korea", "oil", "import"),
    ("oil into north korea ports", "oil ports", "import"),
    ("coal from north korea", "coal", "export"),
    ("to north korea", "to north korea", None),  # nothing before: not a direction phrase
    ("oil to china", "oil to china", None),  # not the target party
    ("oil sent to north korea via china", "oil sent via china", "import"),
])
def test_direction_phrase(words: str, kept: str, direction: str | None) -> None:
    from factcheck.qualifiers import _direction_phrase

    assert _direction_phrase(words.split(), [("north", "korea"), ("pyongyang",)]) == (kept.split(), direction)


@pytest.mark.parametrize(("words", "size"), [
    ("sanctions on north korea", 3), ("pressure against pyongyang", 2), ("sanctions north korea", 0),
    ("on north korea", 0), ("north korea", 0), ("sanctions on china", 0),
])
def test_party_tail(words: str, size: int) -> None:
    from factcheck.qualifiers import _party_tail

    assert _party_tail(words.split(), [("north", "korea"), ("pyongyang",)]) == size


@pytest.mark.parametrize(("words", "mention", "found"), [
    ("north korea coal", "north korea", True), ("coal of north korea", "north korea", True),
    ("coal north", "north korea", False), ("korea", "north korea", False), ("north korea", "north korea", True),
])
def test_contains(words: str, mention: str, found: bool) -> None:
    from factcheck.qualifiers import _contains

    assert _contains(words.split(), tuple(mention.split())) is found


@pytest.mark.parametrize(("value", "canonical"), [
    ("prices of iron ore", "price of iron-ore"),  # a multi-word entity inside a phrase
    ("talks in Pyongyang", "talk in north-korea"),  # a one-word entity of four letters or more
    ("talks with us", "talk with us"),  # a short one is another word
    ("the first two tranches", "first two tranch"),  # numbers kept as written
    ("DPRK coal exports", "coal"),  # a leading party mention used as an adjective
    ("crude oil deliveries", "crude-oil"),
    ("the ability to export coal", "coal"),
    ("exports of", "export of"),  # a head with nothing after it stays
    ("prices of iron ore in 2017", "price of iron-ore in 2017"),  # an entity of two words after an odd number
    ("including oil", "including oil"),  # a clause word first: nothing would remain
    ("Resolution 2397 (2017)'s cap on oil", "cap on oil"),  # the subject's longest mention goes first
    ("the Resolution 2397 cap on oil", "cap on oil"),
])
def test_canonical_values(canon: QualifierCanon, value: str, canonical: str) -> None:
    assert canon.canonical(value, "unscr-2397").value == canonical


def test_a_head_states_a_direction_only_when_the_target_party_is_named(canon: QualifierCanon) -> None:
    assert canon.canonical("DPRK coal exports", "unscr-2397").direction == "export"
    assert canon.canonical("Pyongyang's ability to import oil", "unscr-2397").direction == "import"
    assert canon.canonical("coal exports", "unscr-2397").direction is None
    assert canon.canonical("DPRK crude oil exports", "unscr-2397") == Canonical("crude-oil", "export")
    assert canon.canonical("the ability to import oil", "unscr-2397").direction is None


def test_an_empty_registry_still_gives_keys() -> None:
    empty = QualifierCanon(EntityRegistry())
    assert empty.canonical("the coal exports", None) == Canonical("coal")
    assert empty.qualifiers([("of", "crude oil shipments to North Korea")], None) == (("of", "crude oil shipment to north korea"),)


def test_the_memo_is_bounded(canon: QualifierCanon, monkeypatch: pytest.MonkeyPatch) -> None:
    import factcheck.qualifiers as qualifiers

    monkeypatch.setattr(qualifiers, "MEMO_LIMIT", 3)
    values = [f"{n} apples" for n in range(10)]
    assert [canon.canonical(v, None).value for v in values] == [f"{n} apple" for n in range(10)]
    assert len(canon._memo) == 3
