"""bench/events.py: a small synthetic event run end to end, the scoring rules on a hand-made run,
broken gold files, and the well-formedness of every event of the development set.

The synthetic event (three short articles written for this test about one resolution) has one
vote that two articles state compatibly ("15-0", "unanimously") and one that conflicts with both
("14-1"), a petroleum cap every article states alike, and two quotes with their speakers. Its
figures are counted by hand in the comments of the tests below.
"""

from __future__ import annotations

import datetime as dt
import json
import sys
from pathlib import Path
from typing import Any

import pytest

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "bench"))

import events  # noqa: E402

from scoring import Mention, quote_opening_match, stated_number_match  # noqa: E402
from factcheck.registry.entities import Entity, EntityRegistry  # noqa: E402
from factcheck.values import ParseContext, tokens  # noqa: E402

ARTICLES = {
    "alpha.txt": """UN council tightens sanctions

The UN Security Council on Friday adopted Resolution 2397 by a vote of 15-0.

The resolution caps refined petroleum imports at 500,000 barrels a year.

"It sends the unambiguous message to Pyongyang," Nikki Haley said.
""",
    "beta.txt": """Sanctions vote at the UN

Resolution 2397 was adopted 14-1 on Friday.

The resolution caps refined petroleum imports at 500,000 barrels a year.

"Further defiance will invite further punishment," Haley said.
""",
    "gamma.txt": """Council acts on North Korea

The Security Council unanimously adopted Resolution 2397 on Friday.

It caps refined petroleum imports at 500,000 barrels a year.
""",
}

META = """\
event: Resolution 2397 adopted
articles:
  alpha.txt: {outlet: Alpha News, published: 2017-12-22, url: "https://alpha.example/2397"}
  beta.txt: {outlet: Beta Wire, published: 2017-12-23}
  gamma.txt: {outlet: Gamma Daily, published: 2017-12-23}
conflicts:
  - {fact: vote, a: [alpha.txt, "15-0"], b: [beta.txt, "14-1"]}
  - {fact: vote, a: [gamma.txt, "unanimously"], b: [beta.txt, "14-1"]}
agreements:
  - {fact: vote, a: [alpha.txt, "15-0"], b: [gamma.txt, "unanimously"]}
  - {fact: petroleum cap, a: [alpha.txt, "500,000 barrels a year"], b: [beta.txt, "500,000 barrels a year"]}
quotes:
  - {file: alpha.txt, speaker: Nikki Haley, words: "It sends the unambiguous message"}
  - {file: beta.txt, speaker: Nikki Haley, words: "Further defiance will invite"}
quantities:
  - {file: alpha.txt, value: "15-0", unit: votes}
  - {file: alpha.txt, value: "500,000 barrels a year", unit: barrels}
  - {file: beta.txt, value: "14-1", unit: votes}
  - {file: beta.txt, value: "500,000 barrels a year", unit: barrels}
  - {file: gamma.txt, value: "500,000 barrels a year", unit: barrels}
"""


def make_event(root: Path, meta: str = META, name: str = "resolution-2397") -> Path:
    folder = root / name
    folder.mkdir(parents=True)
    for file, text in ARTICLES.items():
        (folder / file).write_text(text, encoding="utf-8")
    (folder / "meta.yaml").write_text(meta, encoding="utf-8")
    return folder


# ---------------------------------------------------------------------------------------------
# End to end: extract and lint as subprocesses.


def test_synthetic_event_end_to_end(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    make_event(tmp_path / "events")
    (tmp_path / "events" / "unfinished").mkdir()  # no meta.yaml yet: skipped, and said so
    figures = tmp_path / "figures.json"
    assert events.main(["--events", str(tmp_path / "events"), "--details", "--json", str(figures)]) == 0
    out = capsys.readouterr().out
    data = json.loads(figures.read_text(encoding="utf-8"))
    event = data["events"]["resolution-2397"]
    # Both vote conflicts: beta's "14-1" against alpha's "15-0" and against gamma's "unanimously"
    # (15-0-0 for a 15-member council), each an FC101 that states both values.
    assert event["conflicts"] == {"found": 2, "gold": 2, "recall": 1.0}
    # "15-0" and "unanimously" share the vote's key and agree; the cap is one measure in both.
    assert event["agreements"] == {"aligned": 2, "gold": 2, "rate": 1.0}
    # The two FC101 are the two gold conflicts: no false alarm of any class.
    assert event["disagreement_findings"] == {
        "total": 2, "gold_conflict": 2, "inside_one_article": 0, "between_agreeing": 0, "unlisted": 0,
    }
    # Both quotes, each with Nikki Haley ("Haley" resolves to her through the registry).
    assert (event["quote"]["tp"], event["quote"]["fp"], event["quote"]["fn"]) == (2, 0, 0)
    assert (event["quote_speaker"]["tp"], event["quote_speaker"]["fp"], event["quote_speaker"]["fn"]) == (2, 0, 0)
    # Five numbers of the gold found (two votes, three caps); gamma's "unanimously" is a drafted
    # vote the gold does not list: precision 5/6, recall 5/5.
    assert (event["quantity"]["tp"], event["quantity"]["fp"], event["quantity"]["fn"]) == (5, 1, 0)
    assert event["quantity"]["precision"] == pytest.approx(5 / 6)
    # Every fact of every article is stated by another one: nothing unsupported.
    assert {file: a["fc201"] for file, a in event["articles"].items()} == {"alpha.txt": 0, "beta.txt": 0, "gamma.txt": 0}
    assert data["pooled"]["conflicts"]["found"] == 2 and data["skipped"] == ["unfinished"]
    assert "Skipped (no meta.yaml): unfinished" in out
    assert "quantity          extra   gamma (vote): 'unanimously'" in out
    reproduce = [line for line in out.splitlines() if line.startswith("Reproduce: ")]
    assert reproduce == [f"Reproduce: .venv/bin/python bench/events.py --events {tmp_path / 'events'} --details --json {figures}"]
    assert data["reproduce"] == reproduce[0].removeprefix("Reproduce: ")


# ---------------------------------------------------------------------------------------------
# The scoring rules on a run made by hand: no subprocess, every finding chosen.


def _claim(claim_id: str, predicate: str, value: Any, subject: str | None = "Resolution 2397", **extra: Any) -> dict[str, Any]:
    return {"id": claim_id, "predicate": predicate, "value": value, **({"subject": subject} if subject else {}), **extra}


def _finding(code: str, message: str, at: tuple[str, str], *related: tuple[str, str]) -> dict[str, Any]:
    def place(ref: tuple[str, str]) -> dict[str, Any]:
        return {"path": f"claims/{ref[0]}.yaml", "line": 1, "column": 1, "source": ref[0], "claim": ref[1]}

    return {"code": code, "name": "x", "severity": "error", "message": message, **place(at), "related": [place(r) for r in related]}


def test_scoring_rules_on_a_hand_made_run(tmp_path: Path) -> None:
    event = events.load_event(make_event(tmp_path))
    vote_key = ("unscr-2397", "vote", ())
    cap_key = ("unscr-2397", "measure", ())
    claims = {
        "alpha": [
            _claim("vote", "vote", "15-0"),
            _claim("cap", "measure", {"action": "cap", "target": "refined petroleum products", "amount": "500,000 barrels a year"}),
            _claim("count-a", "count", "12"),
            _claim("count-b", "count", "13"),
            _claim("quote-haley", "quote", "It sends the unambiguous message to Pyongyang", subject=None, said_by="Haley"),
        ],
        "beta": [
            _claim("vote", "vote", "14-1"),
            _claim("cap", "measure", {"action": "cap", "target": "refined petroleum products", "amount": "500,000 barrels a year"}),
            _claim("quote", "quote", "Further defiance will invite further punishment", subject=None),
        ],
        "gamma": [
            _claim("vote", "vote", "unanimously"),
            _claim("cap", "measure", {"action": "cap", "target": "refined petroleum products", "amount": "500,000 barrels a year"}),
            _claim("when", "adopted_on", "2017-12-22", note="as written: 'on Friday'"),
        ],
    }
    keys = {(s, c["id"]): (vote_key if c["id"] == "vote" else cap_key) for s, cs in claims.items() for c in cs if c["id"] in ("vote", "cap")}
    findings = [
        # the first gold conflict, its values in the message
        _finding("FC101", "vote of Resolution 2397: '14-1' vs '15-0' in alpha (vote)", ("beta", "vote"), ("alpha", "vote")),
        # inside one article
        _finding("FC101", "count: '13' vs '12' in alpha (count-a)", ("alpha", "count-b"), ("alpha", "count-a")),
        # between the caps the gold says agree (values found through the claims, not the message)
        _finding("FC103", "measure of Resolution 2397: force binding vs non-binding", ("beta", "cap"), ("alpha", "cap")),
        # between two articles, about nothing the gold lists
        _finding("FC101", "date: '2017-12-22' vs '2017-12-21'", ("gamma", "when"), ("alpha", "count-a")),
        # gamma's vote stands alone: the vote agreement is not aligned
        _finding("FC201", "vote ... appears only in gamma", ("gamma", "vote")),
    ]
    registry = EntityRegistry([Entity("nikki-haley", "Nikki Haley", "person", ("Haley",))])
    score, notes = events.score_event(events.Run(event, claims, keys, registry, findings))
    # gamma "unanimously" / beta "14-1": no finding between gamma and beta
    assert (score.conflicts_found, score.conflicts) == (1, 2)
    assert (score.agreements_aligned, score.agreements) == (0, 2)
    assert score.findings == {"gold_conflict": 1, "inside_one_article": 1, "between_agreeing": 1, "unlisted": 1}
    assert score.articles == {"alpha.txt": ("alpha", 5, 0), "beta.txt": ("beta", 3, 0), "gamma.txt": ("gamma", 3, 1)}
    # beta's quote has no speaker: the words match, the speaker does not
    assert (score.kinds["quote"].tp, score.kinds["quote"].fp, score.kinds["quote"].fn) == (2, 0, 0)
    assert (score.kinds["quote+speaker"].tp, score.kinds["quote+speaker"].fp, score.kinds["quote+speaker"].fn) == (1, 1, 1)
    # numbers: alpha 15-0 and its cap, beta 14-1 and its cap, gamma's cap; extras: alpha's two
    # counts and gamma's "unanimously"
    assert (score.kinds["quantity"].tp, score.kinds["quantity"].fp, score.kinds["quantity"].fn) == (5, 3, 0)
    text = "\n".join(notes)
    assert "conflict missed   'vote' (meta.yaml:8): gamma.txt 'unanimously' / beta.txt '14-1': both drafted, but no disagreement finding involves both articles" in text
    assert "agreement missed  'vote' (meta.yaml:10): alpha.txt '15-0' / gamma.txt 'unanimously': FC201 on the claims (vote)" in text
    assert "agreement missed  'petroleum cap' (meta.yaml:11): alpha.txt '500,000 barrels a year' / beta.txt '500,000 barrels a year': a disagreement finding stands between the claims" in text
    assert "same-article alarm FC101 claims/alpha.yaml:1 [alpha/count-b, alpha/count-a]" in text
    assert "agreement alarm   FC103" in text and "not in the gold   FC101 claims/gamma.yaml:1" in text


@pytest.mark.parametrize(
    ("gold", "texts", "expected"),
    [
        ("2,053 people were dead", ["2,053"], True),  # the claim's value is a run of the gold's words
        ("magnitude 6.3", ["6.3"], True),
        ("40km (24 miles) northwest", ["40"], True),  # digits split from letters
        ("2,053 people were dead", ["2"], False),  # a number is one word: 2 is not 2,053
        ("15-0", ["14-1"], False),
        ("on Thursday", ["2022-10-13", "on Thursday"], True),  # the as-written text of a normalized date
        ("Wednesday’s vote", ["2022-10-12", "Wednesday"], True),  # a possessive is its word
        ("500,000 barrels a year", ["cap", "refined petroleum products", "500,000 barrels a year"], True),
    ],
)
def test_value_matching(gold: str, texts: list[str], expected: bool) -> None:
    value: Any = texts[0] if len(texts) == 1 else {f"k{i}": t for i, t in enumerate(texts)}
    assert events.value_matches(gold, {"value": value}) is expected


@pytest.mark.parametrize(
    ("gold", "kind", "drafted", "expected"),
    [
        ("Over 1,300", "count", "over 1,300", True),  # the same interval
        ("Over 1,300", "count", "1,300", False),  # the bound is part of the number
        ("2 million", "quantity", "2 million barrels", True),  # units are not compared
        ("40km", "count", "40", True),  # a unit factcheck does not know: the leading number
        ("nearly 26km", "count", "26", False),
        ("magnitude 6.3", "quantity", "6.3", True),  # nothing leading parses: the same digits
        ("2 thousand 12", "count", "2,012", False),
        ("15-0", "vote", "14-1", False),
        ("143-5", "vote", "143-5", True),
        ("five voted against", "vote", "5 against", True),  # a small number word states its digits
        ("five voted against", "vote", "6 against", False),
    ],
)
def test_stated_number_match(gold: str, kind: str, drafted: str, expected: bool) -> None:
    mention = Mention(kind, drafted, "c", "parsed")
    assert stated_number_match(gold, mention, ParseContext(published=dt.date(2023, 10, 8))) is expected


@pytest.mark.parametrize(
    ("drafted", "opening", "expected"),
    [
        ("It sends the unambiguous message to Pyongyang", "It sends the unambiguous", True),
        ("Today it sends the unambiguous message", "It sends the unambiguous", False),  # not its first words
        ("It’s amazing", "It's amazing,", True),
        ("amazing", "It's amazing", False),
    ],
)
def test_quote_opening_match(drafted: str, opening: str, expected: bool) -> None:
    assert quote_opening_match(tokens(drafted), tokens(opening)) is expected


# ---------------------------------------------------------------------------------------------
# Broken gold files: exit 2, naming the file, the line and what is wrong.


@pytest.mark.parametrize(
    ("change", "line", "what"),
    [
        (("  - {fact: vote, a: [alpha.txt, \"15-0\"], b: [beta.txt, \"14-1\"]}", "  - {fact: vote, a: [alpha.txt, \"15-0\"], b: [beta.txt, \"14-1\"]"), 8, "invalid YAML"),
        (("unit: votes}", "unit: votes (for, against)}"), 16, "quantities[0]: unknown key 'against)'"),
        (("  gamma.txt: {outlet", "  delta.txt: {outlet"), 5, "delta.txt: the article"),
        (("b: [beta.txt, \"14-1\"]}\n  - {fact: vote, a: [gamma.txt", "b: [omega.txt, \"14-1\"]}\n  - {fact: vote, a: [gamma.txt"), 7, "'omega.txt' is not one of the articles"),
        (("published: 2017-12-23}\n  gamma", "published: 23 December}\n  gamma"), 4, "'published' must be a date"),
        (("speaker: Nikki Haley, words: \"It", "words: \"It"), 13, "'speaker' is required"),
    ],
)
def test_broken_meta_exits_2_naming_file_and_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], change: tuple[str, str], line: int, what: str
) -> None:
    assert change[0] in META
    folder = make_event(tmp_path / "events", META.replace(change[0], change[1], 1))
    assert events.main(["--events", str(tmp_path / "events")]) == 2
    err = capsys.readouterr().err
    assert f"{folder / 'meta.yaml'}:{line}: " in err and what in err, err


def test_no_events_exits_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert events.main(["--events", str(tmp_path)]) == 2
    assert "no event folder with a meta.yaml" in capsys.readouterr().err


# ---------------------------------------------------------------------------------------------
# The development set: every meta.yaml well-formed.

EVENT_METAS = sorted((REPO / "tests" / "data" / "events").glob("*/meta.yaml"))
# Events whose meta.yaml was found broken when this test was written, and why: an unquoted comma
# inside a flow mapping ends the value there and makes the rest a key of its own, so the gold
# silently loses words. Remove an entry when its file is fixed.


@pytest.mark.parametrize(
    "meta",
    [pytest.param(m, id=m.parent.name) for m in EVENT_METAS]
    or [pytest.param(None, marks=pytest.mark.skip(reason="tests/data/events holds no event yet"), id="none")],
)
def test_development_event_is_well_formed(meta: Path | None) -> None:
    """It loads (every file exists, every field is there), has three articles or more, and every
    value, quote and quantity is in its article as written."""
    assert meta is not None
    problem: str | None = None
    try:
        event = events.load_event(meta.parent)
    except events.BenchError as err:
        problem = str(err)
    if problem is not None:
        pytest.fail(problem)
    assert len(event.articles) >= 3, f"{meta}: {len(event.articles)} article(s); an event needs 3 or more"
    assert events.verbatim_problems(event) == []


FACT_META = """\
event: a quake
articles:
  a.txt: {outlet: A, published: 2023-10-08}
  b.txt: {outlet: B, published: 2023-10-08}
  c.txt: {outlet: C, published: 2023-10-08}
  d.txt: {outlet: D, published: 2023-10-08}
conflicts:
  - {fact: distance, a: [a.txt, "35 kilometres north-west"], b: [b.txt, "40km northwest"]}
  - {fact: distance, a: [c.txt, "35 kilometers northwest"], b: [d.txt, "40 kilometers"]}
  - {fact: ranking, a: [a.txt, "the first player ever"], b: [b.txt, "the second man in history"]}
"""


@pytest.mark.parametrize(
    ("at", "related", "values", "expected"),
    [
        (("c", "distance"), ("b", "distance"), ("35 kilometers", "40 km"), "gold_conflict"),  # sides of two listed pairs
        (("d", "distance"), ("a", "distance"), ("40 kilometers", "35 kilometres"), "gold_conflict"),
        (("c", "distance"), ("a", "distance"), ("35 kilometers", "36 km"), "unlisted"),  # a's 36 is no side's value
        (("c", "distance"), ("b", "distance"), ("about 35 km", "40 km"), "gold_conflict"),  # the side's number in other words
        (("c", "distance"), ("b", "distance"), ("35 or 36 km", "40 km"), "unlisted"),  # more numbers than the side's
        # words without digits match only as a side of their own article: c's "first" is not a's side
        (("c", "rank"), ("b", "rank"), ("first", "second"), "unlisted"),
    ],
)
def test_a_finding_between_two_sides_of_one_disputed_fact_is_a_gold_conflict(
    tmp_path: Path, at: tuple[str, str], related: tuple[str, str], values: tuple[str, str], expected: str
) -> None:
    """The gold pairs are examples: any two articles stating two differing values of the fact disagree."""
    folder = tmp_path / "quake"
    folder.mkdir()
    for name in ("a.txt", "b.txt", "c.txt", "d.txt"):
        (folder / name).write_text("A quake struck.\n", encoding="utf-8")
    (folder / "meta.yaml").write_text(FACT_META, encoding="utf-8")
    event = events.load_event(folder)
    claims = {at[0]: [_claim(at[1], "distance", values[0])], related[0]: [_claim(related[1], "distance", values[1])]}
    finding = _finding("FC101", "distance differs", at, related)
    run = events.Run(event, claims, {}, EntityRegistry([]), [finding])
    assert events._finding_class(run, finding) == expected


@pytest.mark.parametrize(
    ("gold", "drafted", "expected"),
    [
        ("UN General Assembly resolution", "the resolution the articles report (not in the registry)", True),
        ("UN General Assembly resolution", "Vassily Nebenzia", False),
        ("Vassily Nebenzia", "the resolution the articles report (not in the registry)", False),
        ("Linda Thomas-Greenfield", "Linda Thomas-Greenfield", True),
        (None, None, True),
        ("UN General Assembly resolution", None, False),
    ],
)
def test_speakers_match(gold: str | None, drafted: str | None, expected: bool) -> None:
    """A gold speaker described as a resolution is the reported resolution, by whatever name a draft gives it."""
    from scoring import speakers_match

    assert speakers_match(gold, drafted, EntityRegistry([])) is expected
