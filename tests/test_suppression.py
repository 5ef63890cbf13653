"""Suppressions with several rules running: what they silence, what is stale, what cannot be silenced."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from factcheck.cli import main

ENTITIES = Path(__file__).parent / "rules" / "entities.yaml"
NEWS = """\
source: {{id: news, outlet: NPR, published: 2017-12-22}}
claims:
  {comment}
  - id: strongest{inline}
    subject: Resolution 2397
    predicate: statement
    value: The resolution is the strongest ever
    ignore: {ignore}
  - id: vote
    subject: Resolution 2397
    predicate: vote
    value: 15-0
"""
OTHER = """\
source: {id: other, outlet: AFP, published: 2017-12-23}
claims:
  - id: vote
    subject: Resolution 2397
    predicate: vote
    value: 15-0
"""


def _lint(tmp_path: Path, capsys: pytest.CaptureFixture[str], *, ignore: str = "[]", comment: str = "", inline: str = "", select: str = "FC201,FC301") -> list[tuple[str, int]]:
    shutil.copy(ENTITIES, tmp_path / "entities.yaml")
    (tmp_path / "news.yaml").write_text(NEWS.format(ignore=ignore, comment=comment, inline=inline), encoding="utf-8")
    (tmp_path / "other.yaml").write_text(OTHER, encoding="utf-8")
    main(["lint", str(tmp_path), "--format", "json", "--select", select])
    return [(f["code"], f["line"]) for f in json.loads(capsys.readouterr().out)]


def test_unsuppressed(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert _lint(tmp_path, capsys) == [("FC201", 7)]


@pytest.mark.parametrize(
    "how",
    [
        {"ignore": "[FC201]"},
        {"ignore": "[unsupported]"},
        {"ignore": "[FC2]"},
        {"comment": "# factcheck: ignore[FC201]"},
        {"inline": "  # factcheck: ignore[unsupported]"},
    ],
)
def test_suppressed_by_list_name_prefix_or_comment(tmp_path: Path, capsys: pytest.CaptureFixture[str], how: dict[str, str]) -> None:
    assert _lint(tmp_path, capsys, **how) == []


def test_a_comment_two_lines_up_or_after_code_does_not_count(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert _lint(tmp_path, capsys, comment="# factcheck: ignore[FC201]\n  # another comment") == [("FC201", 8)]


def test_stale_suppression_of_a_rule_that_ran(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    found = _lint(tmp_path, capsys, ignore="[FC201, FC101]", select="FC1,FC201,FC301")
    assert found == [("FC301", 8)]  # FC101 ran and found nothing on this claim


def test_suppression_of_a_rule_that_did_not_run_is_not_stale(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert _lint(tmp_path, capsys, ignore="[FC201, FC101]", select="FC201,FC301") == []


def test_invalid_yaml_cannot_be_suppressed(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    shutil.copy(ENTITIES, tmp_path / "entities.yaml")
    (tmp_path / "broken.yaml").write_text("# factcheck: ignore[FC001]\nsource: [\n", encoding="utf-8")
    assert main(["lint", str(tmp_path), "--format", "json", "--ignore", "FC001"]) == 1
    assert [f["code"] for f in json.loads(capsys.readouterr().out)] == ["FC001"]


# --- suppressions and the related claims of a disagreement ------------------------------------------
# Two sources say 15-0 and a later one says 14-1: the finding at the later claim is paired with the
# earliest 15-0 claim (its first related location) and lists the other 15-0 claim after it, as context.

VOTE = """\
source: {{id: {sid}, outlet: {outlet}, published: {day}}}
claims:
  - id: vote
    subject: Resolution 2397
    predicate: vote
    value: {value}
    ignore: {ignore}
"""
VOTES = {"first": ("NPR", "2017-12-22", "15-0"), "second": ("AFP", "2017-12-23", "15-0"), "later": ("Reuters", "2017-12-24", "14-1")}


def _lint_votes(tmp_path: Path, capsys: pytest.CaptureFixture[str], ignored: str | None) -> list[dict]:
    shutil.copy(ENTITIES, tmp_path / "entities.yaml")
    for sid, (outlet, day, value) in VOTES.items():
        ignore = "[value-conflict]" if sid == ignored else "[]"
        (tmp_path / f"{sid}.yaml").write_text(VOTE.format(sid=sid, outlet=outlet, day=day, value=value, ignore=ignore), encoding="utf-8")
    main(["lint", str(tmp_path), "--format", "json", "--select", "FC101,FC301", "--no-cache"])
    return json.loads(capsys.readouterr().out)


def test_the_disagreement_lists_the_paired_claim_then_the_rest_of_its_side(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (finding,) = _lint_votes(tmp_path, capsys, None)
    assert (finding["code"], finding["source"]) == ("FC101", "later")
    assert [r["source"] for r in finding["related"]] == ["first", "second"]


def test_an_ignore_on_the_paired_claim_silences_the_finding_as_before(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert _lint_votes(tmp_path, capsys, "first") == []


def test_an_ignore_on_the_reported_claim_silences_it(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert _lint_votes(tmp_path, capsys, "later") == []


def test_an_ignore_on_a_further_related_claim_silences_nothing(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """The further claims are listed for context: they do not decide suppression, so the finding
    stays and the ignore on that claim is reported as unused."""
    found = _lint_votes(tmp_path, capsys, "second")
    assert sorted((f["code"], f["source"]) for f in found) == [("FC101", "later"), ("FC301", "second")]
    (finding,) = [f for f in found if f["code"] == "FC101"]
    assert [r["source"] for r in finding["related"]] == ["first", "second"]


# -- collect_file and apply, directly


def _collected(tmp_path: Path, text: str) -> list:
    from factcheck.loader import load_file
    from factcheck.suppression import collect_file

    path = tmp_path / "claims" / "s.yaml"
    path.parent.mkdir(exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return collect_file(load_file(path, tmp_path, tmp_path))


def test_every_suppression_is_collected_with_its_place_and_origin(tmp_path: Path) -> None:
    """A claim's ignore list, a comment on its first line (several entries, spaces around them),
    and a comment line right above it; the file's first line too, which has no line above."""
    text = (
        "source: {id: s, outlet: NPR, published: 2017-12-22}\n"
        "claims:\n"
        "  # factcheck: ignore[quote-drift]\n"
        "  - id: a  # factcheck: ignore[ FC201 ,unsupported,, FC1 ]\n"
        "    subject: Resolution 2397\n"
        "    predicate: statement\n"
        "    value: The resolution was adopted\n"
        "    ignore: [FC104, scope-mismatch]\n"
    )
    found = _collected(tmp_path, text)
    got = [(s.entry, s.origin, s.location.line, s.location.column, s.location.source, s.location.claim) for s in found]
    assert got == [
        ("FC104", "ignore", 8, 14, "s", "a"), ("scope-mismatch", "ignore", 8, 21, "s", "a"),
        ("FC201", "comment", 4, 12, "s", "a"), ("unsupported", "comment", 4, 12, "s", "a"), ("FC1", "comment", 4, 12, "s", "a"),
        ("quote-drift", "comment", 3, 3, "s", "a"),
    ]
    first_line = "- oops: not a claim file  # factcheck: ignore[FC201]\n"
    assert _collected(tmp_path, first_line) == []  # no source: nothing to suppress
    on_top = ("claims:  # factcheck: ignore[FC999]\n  - id: b  # factcheck: ignore[FC201]\n    predicate: quote\n    value: x\n"
              "source: {id: t, outlet: NPR, published: 2017-12-22}\n")
    assert [(s.entry, s.location.line) for s in _collected(tmp_path, on_top)] == [("FC201", 2)]  # the line above is not a comment line
    last = "source: {id: u, outlet: NPR, published: 2017-12-22}\nclaims: [{id: c, predicate: quote, value: x}]  # factcheck: ignore[FC202]"
    assert [(s.entry, s.location.line) for s in _collected(tmp_path, last)] == [("FC202", 2)]  # a claim on the file's last line
    top = "claims: [{id: d, predicate: quote, value: x}]  # factcheck: ignore[FC202]\nsource: {id: v, outlet: NPR, published: 2017-12-22}\n"
    assert [(s.entry, s.location.line) for s in _collected(tmp_path, top)] == [("FC202", 1)]  # a claim on the file's first line


def test_apply_keeps_what_cannot_be_suppressed_and_goes_on(tmp_path: Path) -> None:
    from factcheck.findings import Finding, Location
    from factcheck.selector import RuleNames
    from factcheck.suppression import Suppression, apply

    here = Location("a.yaml", 3, 1, "a", "c")
    unreadable = Finding("FC001", "cannot read", Location("b.yaml", 1, 1), check="invalid_yaml", name="invalid-yaml")
    later = Finding("FC201", "unsupported", here, name="unsupported", check="unsupported")
    by_name = Suppression("a", "c", "unsupported", here, "ignore")
    kept, used = apply([unreadable, later], [by_name])
    assert kept == [unreadable] and used == {by_name}
    by_code = Suppression("a", "c", "FC201", here, "ignore")
    assert apply([later], [by_code]) == ([], {by_code})  # without the rule table: the finding's own code and name
    by_alias = Suppression("a", "c", "FC299", here, "comment")
    assert apply([later], [by_alias]) == ([later], set())
    assert apply([later], [by_alias], {"FC201": RuleNames("FC201", "unsupported", ("FC299",))}) == ([], {by_alias})


def test_a_stale_suppression_says_which_rules_found_nothing(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    shutil.copy(ENTITIES, tmp_path / "entities.yaml")
    (tmp_path / "news.yaml").write_text(NEWS.format(ignore="[FC201, FC1]", comment="", inline=""), encoding="utf-8")
    (tmp_path / "other.yaml").write_text(OTHER, encoding="utf-8")
    main(["lint", str(tmp_path), "--format", "json", "--select", "FC101,FC102,FC201,FC301"])
    stale = [f["message"] for f in json.loads(capsys.readouterr().out) if f["code"] == "FC301"]
    assert stale == ["suppression 'FC1' (ignore) silenced nothing: FC101 value-conflict, FC102 claimant-disagreement found nothing here to suppress; remove it"]
