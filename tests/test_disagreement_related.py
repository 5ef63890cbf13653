"""A disagreement finding names the whole other side: the paired claim first, then the rest of its
value group (Disagreement.also), at most RELATED_LIMIT places; its fingerprint comes from the pair
only. Every output format shows the several related places (docs/design.md §6)."""

from __future__ import annotations

import io
import json
import shutil
import xml.etree.ElementTree as ET
from pathlib import Path

import jsonschema
import pytest

from factcheck.analysis import Disagreement
from factcheck.disagreement_messages import RELATED_LIMIT
from factcheck.findings import Finding
from factcheck.pipeline import LintOptions, LintResult, run_lint
from factcheck.html_report import build_report, render as render_html
from factcheck.reporters import REPORTERS
from factcheck.values import Agreement, Comparison

REPO = Path(__file__).resolve().parent.parent
ENTITIES = REPO / "tests" / "rules" / "entities.yaml"
SCHEMA = json.loads((REPO / "tests" / "data" / "sarif-schema-2.1.0.json").read_text(encoding="utf-8"))

VOTE = """\
source: {{id: {sid}, outlet: {outlet}, published: {day}}}
claims:
  - id: vote
    subject: Resolution 2397
    predicate: vote
    value: {value}
"""
# Published in this order; 'thursday' disagrees with the other three and comes last.
SOURCES = {
    "npr": ("NPR", "2017-12-22", "15-0"),
    "afp": ("AFP", "2017-12-23", "15-0"),
    "nyt": ("NYT", "2017-12-23", "15-0"),
    "thursday": ("Reuters", "2017-12-24", "14-1"),
}


def lint(project: Path, monkeypatch: pytest.MonkeyPatch, sources: dict[str, tuple[str, str, str]], select: str = "FC1") -> LintResult:
    project.mkdir(exist_ok=True)
    shutil.copy(ENTITIES, project / "entities.yaml")
    for sid, (outlet, day, value) in sources.items():
        (project / f"{sid}.yaml").write_text(VOTE.format(sid=sid, outlet=outlet, day=day, value=value), encoding="utf-8")
    monkeypatch.chdir(project)
    return run_lint(LintOptions(paths=(Path("."),), select=(select,), cache=False))


def only(result: LintResult) -> Finding:
    (finding,) = result.findings
    return finding


def test_a_third_source_on_the_paired_side_keeps_the_fingerprint(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    pair = {sid: SOURCES[sid] for sid in ("npr", "thursday")}
    before = only(lint(tmp_path / "two", monkeypatch, pair))
    after = only(lint(tmp_path / "three", monkeypatch, {**pair, "afp": SOURCES["afp"]}))
    assert [r.source for r in before.related] == ["npr"]
    assert [r.source for r in after.related] == ["npr", "afp"]
    assert after.identity == before.identity
    assert after.fingerprint == before.fingerprint
    assert after.message == before.message + "; also in afp (vote)"


def test_disagreement_carries_the_rest_of_the_other_side(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from factcheck.analysis import Analysis
    from factcheck.documents import DocumentStore

    result = lint(tmp_path, monkeypatch, SOURCES)
    analysis = Analysis(result.assertions, result.ruleset.predicates, result.corpus.entities, DocumentStore())
    (d,) = analysis.disagreements
    assert (d.a.source.id, d.b.source.id) == ("thursday", "npr")
    assert [a.source.id for a in d.also] == ["afp", "nyt"]  # placement order: day, then path
    assert analysis.conflicted == {("thursday", "vote"), ("npr", "vote")}  # context claims are not in conflict


def test_a_disagreement_made_directly_has_no_further_claims(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    result = lint(tmp_path, monkeypatch, SOURCES)
    a, b = result.assertions[:2]
    assert Disagreement(a, b, Comparison(Agreement.DISAGREE, "x"), "fact").also == ()


def test_the_limit_counts_the_paired_claim(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """RELATED_LIMIT - 1 more claims fit and are named; one more and the message counts instead."""
    fits = {f"s{i:02d}": ("NPR", f"2017-12-{10 + i}", "15-0") for i in range(1, RELATED_LIMIT + 1)}
    fits["zz"] = ("AFP", "2017-12-25", "14-1")
    finding = only(lint(tmp_path / "fits", monkeypatch, fits))
    assert len(finding.related) == RELATED_LIMIT
    assert finding.message.endswith("in s01 (vote); also in " + ", ".join(f"s{i:02d} (vote)" for i in range(2, RELATED_LIMIT + 1)))
    cut = {**fits, "s11": ("NPR", "2017-12-21", "15-0")}
    finding = only(lint(tmp_path / "cut", monkeypatch, cut))
    assert [r.source for r in finding.related] == [f"s{i:02d}" for i in range(1, RELATED_LIMIT + 1)]
    assert finding.message.endswith(f"in s01 (vote); and {RELATED_LIMIT} more claims state it")


# --- every format shows the several related places --------------------------------------------------


@pytest.fixture()
def several(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> LintResult:
    result = lint(tmp_path, monkeypatch, SOURCES)
    assert [r.source for r in only(result).related] == ["npr", "afp", "nyt"]
    return result


def output(format_name: str, result: LintResult) -> str:
    stream = io.StringIO()
    REPORTERS[format_name](result, stream)
    return stream.getvalue()


def test_json_lists_every_related_place(several: LintResult) -> None:
    (finding,) = json.loads(output("json", several))
    assert [(r["path"], r["source"], r["claim"]) for r in finding["related"]] == [
        ("npr.yaml", "npr", "vote"), ("afp.yaml", "afp", "vote"), ("nyt.yaml", "nyt", "vote"),
    ]
    assert finding["fingerprint"] == only(several).fingerprint


def test_sarif_links_every_related_location_and_validates(several: LintResult) -> None:
    log = json.loads(output("sarif", several))
    jsonschema.Draft7Validator(SCHEMA).validate(log)
    (result,) = log["runs"][0]["results"]
    related = result["relatedLocations"]
    assert [r["id"] for r in related] == [1, 2, 3]
    assert [r["physicalLocation"]["artifactLocation"]["uri"] for r in related] == ["npr.yaml", "afp.yaml", "nyt.yaml"]
    assert result["message"]["text"].endswith("(related: [npr/vote](1), [afp/vote](2), [nyt/vote](3))")


def test_github_junit_and_text_show_a_line_per_related_place(several: LintResult) -> None:
    (command,) = output("github", several).splitlines()
    assert command.endswith("%0Arelated: npr.yaml:6:12 (npr/vote)%0Arelated: afp.yaml:6:12 (afp/vote)%0Arelated: nyt.yaml:6:12 (nyt/vote)")
    root = ET.fromstring(output("junit", several).encode("utf-8"))
    (failure,) = root.findall(".//failure")
    assert failure.text.splitlines()[1:] == ["related: npr.yaml:6:12 (npr/vote)", "related: afp.yaml:6:12 (afp/vote)", "related: nyt.yaml:6:12 (nyt/vote)"]
    text = output("text", several)
    assert [line.strip() for line in text.splitlines() if "related:" in line] == [
        "= related: npr.yaml:6:12 (npr vote)", "= related: afp.yaml:6:12 (afp vote)", "= related: nyt.yaml:6:12 (nyt vote)",
    ]


def test_the_html_report_lists_the_related_places_but_colors_only_the_pair(several: LintResult) -> None:
    report = build_report(several)
    (rf,) = report.findings
    assert set(rf.outlets) == {"Reuters", "NPR", "Agence France-Presse", "The New York Times"}
    page = render_html(report)
    for where in ("npr.yaml:6:12 (npr: vote)", "afp.yaml:6:12 (afp: vote)", "nyt.yaml:6:12 (nyt: vote)"):
        assert where in page
    cells = {(c.source, c.claim): c.status for m in report.subjects for row in m.rows for claims in row.cells.values() for c in claims}
    assert cells[("thursday", "vote")] == cells[("npr", "vote")] == "conflicts"
    assert cells[("afp", "vote")] == cells[("nyt", "vote")] == "agrees"  # context, as before: not what the rule paired


def test_a_claim_that_disagrees_with_several_values_is_one_finding(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Findings grow with claims, not pairs: the last vote disagrees with 15-0 and with 13-2 and is
    reported once, paired with the earliest claim it disagrees with, naming the other value's claim
    too. A later copy of one side adds a finding of its own and leaves this one's fingerprint."""
    three = {"npr": SOURCES["npr"], "ap": ("AP", "2017-12-23", "13-2"), "thursday": SOURCES["thursday"]}
    result = lint(tmp_path / "three", monkeypatch, three)
    at_thursday = [f for f in result.findings if f.location.source == "thursday"]
    (finding,) = at_thursday
    assert [r.source for r in finding.related] == ["npr", "ap"]
    assert finding.message.endswith("; it also disagrees with ap (vote)")
    later = lint(tmp_path / "four", monkeypatch, {**three, "zz": ("ZZ", "2017-12-25", "12-3")})
    (again,) = [f for f in later.findings if f.location.source == "thursday"]
    assert again.fingerprint == finding.fingerprint
    assert len([f for f in later.findings if f.location.source == "zz"]) == 1  # one, against three values
