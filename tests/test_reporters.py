"""The machine formats: SARIF (validated against the 2.1.0 schema), GitHub workflow commands, JUnit XML."""

from __future__ import annotations

import io
import json
import xml.etree.ElementTree as ET
from collections import Counter
from pathlib import Path

import jsonschema
import pytest

import clean_corpus

from factcheck import __version__
from factcheck.checks import CHECKS
from factcheck.cli import main
from factcheck.corpus import Corpus
from factcheck.findings import Finding, Location
from factcheck.pipeline import LintOptions, LintResult, run_lint
from factcheck.loader import LoadedFile
from factcheck.reporters import REPORTERS
from factcheck.reporters.github_format import escape_data, escape_property
from factcheck.ruleset import default_rules_dir, load_ruleset

REPO = Path(__file__).resolve().parent.parent
SCHEMA = json.loads((REPO / "tests" / "data" / "sarif-schema-2.1.0.json").read_text(encoding="utf-8"))
LEVELS = {"error": "error", "warning": "warning", "info": "note"}
COMMANDS = {"error": "error", "warning": "warning", "info": "notice"}



@pytest.fixture(scope="module")
def example() -> LintResult:
    """The example corpus, linted from the repository root as the CLI would."""
    with pytest.MonkeyPatch.context() as patch:
        patch.chdir(REPO)
        return run_lint(LintOptions(paths=(REPO / "claims",)), cwd=REPO)


@pytest.fixture()
def clean(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> LintResult:
    """A corpus with no findings at all."""
    clean_corpus.write(tmp_path / "claims")
    monkeypatch.chdir(tmp_path)
    result = run_lint(LintOptions(paths=(Path("claims"),)))
    assert result.findings == []
    return result


def tricky() -> LintResult:
    """Hand-made findings whose text and path need escaping, one of them a pair finding."""
    ruleset = load_ruleset([default_rules_dir()])
    pair = Finding(
        "FC101",
        "50% of it, or: most\r\nsecond line",
        Location("claims/a,b:c.yaml", 3, 7, "a", "x"),
        related=(Location("claims/other.yaml", 9, 12, "other", "y"),),
        identity=("a", "x", "other", "y"),
        name="value-conflict",
        severity="error",
    )
    note = Finding("FC202", "quote <b> & \x00 'x'", Location("claims/z.yaml", 1, 1, "z", None), name="unattributed-quote", severity="info")
    corpus = Corpus(files=[LoadedFile(Path("claims/a,b:c.yaml"), "claims/a,b:c.yaml", "claims/a,b:c.yaml"), LoadedFile(Path("claims/ok.yaml"), "claims/ok.yaml", "claims/ok.yaml")])
    return LintResult([pair, note], corpus, ruleset)


def render(format_name: str, result: LintResult) -> str:
    stream = io.StringIO()
    REPORTERS[format_name](result, stream)
    return stream.getvalue()


def validate_sarif(text: str) -> dict:
    log = json.loads(text)
    jsonschema.Draft7Validator(SCHEMA).validate(log)
    return log


# --- SARIF ---------------------------------------------------------------------------------------


def test_sarif_validates_and_carries_every_finding_once(example: LintResult) -> None:
    assert example.findings, "the example corpus is expected to have findings"
    log = validate_sarif(render("sarif", example))
    assert log["$schema"] == "https://json.schemastore.org/sarif-2.1.0.json"
    assert log["version"] == "2.1.0"
    (run,) = log["runs"]
    assert run["columnKind"] == "unicodeCodePoints"
    assert run["originalUriBaseIds"]["%SRCROOT%"]["uri"].startswith("file://")
    assert run["originalUriBaseIds"]["%SRCROOT%"]["uri"].endswith("/")
    results = run["results"]
    assert len(results) == len(example.findings)
    fingerprints = Counter(r["partialFingerprints"]["factcheck/v1"] for r in results)
    assert fingerprints == Counter(f.fingerprint for f in example.findings)
    rules = run["tool"]["driver"]["rules"]
    for finding, result in zip(example.findings, results):
        assert result["ruleId"] == finding.code
        assert rules[result["ruleIndex"]]["id"] == finding.code
        assert result["level"] == LEVELS[finding.severity]
        assert result["message"]["text"].startswith(finding.message)
        (location,) = result["locations"]
        physical = location["physicalLocation"]
        assert physical["artifactLocation"] == {"uri": finding.location.path, "uriBaseId": "%SRCROOT%"}
        assert not physical["artifactLocation"]["uri"].startswith("/")
        assert physical["region"] == {"startLine": finding.location.line, "startColumn": finding.location.column}
        if finding.related:
            related = result["relatedLocations"]
            assert [r["physicalLocation"]["artifactLocation"]["uri"] for r in related] == [loc.path for loc in finding.related]
            assert [r["physicalLocation"]["region"]["startLine"] for r in related] == [loc.line for loc in finding.related]
            assert len({r["id"] for r in related}) == len(related)
            for r, loc in zip(related, finding.related):
                assert loc.source in r["message"]["text"] and loc.claim in r["message"]["text"]
                assert f"]({r['id']})" in result["message"]["text"]  # linked from the message: code scanning shows it
        else:
            assert "relatedLocations" not in result


def test_example_corpus_has_a_pair_finding_with_related_locations(example: LintResult) -> None:
    log = json.loads(render("sarif", example))
    pairs = [r for r in log["runs"][0]["results"] if r.get("relatedLocations")]
    assert len(pairs) == sum(1 for f in example.findings if f.related) >= 1


def test_sarif_rules_metadata_is_complete(example: LintResult) -> None:
    driver = json.loads(render("sarif", example))["runs"][0]["tool"]["driver"]
    assert driver["name"] == "factcheck"
    assert driver["version"] == __version__
    assert driver.get("informationUri", "https://").startswith("https://")
    rules = driver["rules"]
    assert [r["id"] for r in rules] == sorted(example.ruleset.rules)
    for descriptor in rules:
        rule = example.ruleset.rules[descriptor["id"]]
        assert descriptor["name"] == rule.name
        assert descriptor["shortDescription"]["text"] == rule.summary
        assert descriptor["fullDescription"]["text"] == CHECKS[rule.check].description
        assert descriptor["defaultConfiguration"]["level"] == LEVELS[rule.severity]


def test_sarif_is_deterministic(example: LintResult) -> None:
    assert render("sarif", example) == render("sarif", example)


def test_sarif_escapes_uris_and_link_text() -> None:
    log = validate_sarif(render("sarif", tricky()))
    pair, note = log["runs"][0]["results"]
    assert pair["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] == "claims/a%2Cb%3Ac.yaml"
    assert pair["message"]["text"] == "50% of it, or: most\r\nsecond line (related: [other/y](1))"
    assert pair["relatedLocations"][0] == {
        "id": 1,
        "physicalLocation": {"artifactLocation": {"uri": "claims/other.yaml", "uriBaseId": "%SRCROOT%"}, "region": {"startLine": 9, "startColumn": 12}},
        "message": {"text": "source other, claim y"},
    }
    assert note["level"] == "note"
    assert note["message"]["text"] == "quote <b> & \x00 'x'"


def test_sarif_cli_output(capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(REPO)
    assert main(["lint", "claims/", "--format", "sarif", "--exit-zero"]) == 0
    log = validate_sarif(capsys.readouterr().out)
    assert log["runs"][0]["results"]


def test_sarif_zero_findings(clean: LintResult) -> None:
    log = validate_sarif(render("sarif", clean))
    (run,) = log["runs"]
    assert run["results"] == []
    assert run["tool"]["driver"]["rules"]  # the rule set is described even when nothing fired


# --- GitHub workflow commands ---------------------------------------------------------------------


def test_github_one_command_per_finding(example: LintResult) -> None:
    lines = render("github", example).splitlines()
    assert len(lines) == len(example.findings)
    for line, finding in zip(lines, example.findings):
        loc = finding.location
        prefix = (
            f"::{COMMANDS[finding.severity]} file={escape_property(loc.path)},line={loc.line},col={loc.column},"
            f"title={finding.code} {finding.name}::"
        )
        assert line.startswith(prefix)
        assert line[len(prefix):].startswith(escape_data(finding.message))


def test_github_escaping() -> None:
    pair, note = render("github", tricky()).splitlines()
    assert pair == (
        "::error file=claims/a%2Cb%3Ac.yaml,line=3,col=7,title=FC101 value-conflict::"
        "50%25 of it, or: most%0D%0Asecond line%0Arelated: claims/other.yaml:9:12 (other/y)"
    )
    assert note.startswith("::notice file=claims/z.yaml,line=1,col=1,title=FC202 unattributed-quote::quote <b> & ")
    assert escape_property("a%b:c,d\ne") == "a%25b%3Ac%2Cd%0Ae"
    assert escape_data("a%b:c,d\r\ne") == "a%25b:c,d%0D%0Ae"


def test_github_zero_findings(clean: LintResult) -> None:
    assert render("github", clean) == ""


# --- JUnit XML ------------------------------------------------------------------------------------


def parse_junit(text: str) -> ET.Element:
    assert text.startswith('<?xml version="1.0" encoding="UTF-8"?>\n')
    root = ET.fromstring(text.encode("utf-8"))
    assert root.tag == "testsuites"
    (suite,) = root.findall("testsuite")
    assert suite.get("name") == "factcheck"
    for element in (root, suite):
        assert int(element.get("tests")) == len(suite.findall("testcase"))
        assert int(element.get("failures")) == sum(1 for case in suite.findall("testcase") if case.find("failure") is not None)
    return suite


def test_junit_counts_and_failures(example: LintResult) -> None:
    suite = parse_junit(render("junit", example))
    cases = suite.findall("testcase")
    assert [case.get("name") for case in cases] == [loaded.display for loaded in example.corpus.files]
    assert all(case.get("classname") == case.get("name") for case in cases)
    failures = [(case.get("name"), failure) for case in cases for failure in case.findall("failure")]
    assert len(failures) == len(example.findings)
    assert suite.find("properties/property[@name='findings']").get("value") == str(len(example.findings))
    for (path, failure), finding in zip(failures, example.findings):
        loc = finding.location
        assert path == loc.path
        assert failure.get("type") == finding.code
        assert failure.get("message") == f"{finding.code} {finding.name}: {finding.message}"
        assert failure.text.splitlines()[0] == f"{loc.path}:{loc.line}:{loc.column}"
    failed_files = {f.location.path for f in example.findings}
    assert int(suite.get("failures")) == len(failed_files)
    assert int(suite.get("tests")) - int(suite.get("failures")) == len(example.corpus.files) - len(failed_files)


def test_junit_escapes_markup_and_control_characters() -> None:
    suite = parse_junit(render("junit", tricky()))
    cases = {case.get("name"): case for case in suite.findall("testcase")}
    assert list(cases) == ["claims/a,b:c.yaml", "claims/ok.yaml", "claims/z.yaml"]
    assert cases["claims/ok.yaml"].find("failure") is None
    (pair,) = cases["claims/a,b:c.yaml"].findall("failure")
    assert pair.get("message") == "FC101 value-conflict: 50% of it, or: most\r\nsecond line"
    assert pair.text == "claims/a,b:c.yaml:3:7\nrelated: claims/other.yaml:9:12 (other/y)"
    (note,) = cases["claims/z.yaml"].findall("failure")
    assert note.get("message") == "FC202 unattributed-quote: quote <b> & \\x00 'x'"


def test_junit_cli_output(capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(REPO)
    assert main(["lint", "claims/", "--format", "junit"]) == 1
    suite = parse_junit(capsys.readouterr().out)
    assert int(suite.get("failures")) > 0


def test_junit_zero_findings(clean: LintResult) -> None:
    suite = parse_junit(render("junit", clean))
    assert suite.get("failures") == "0"
    assert int(suite.get("tests")) == len(clean.corpus.files) == 3
    assert all(case.find("failure") is None for case in suite.findall("testcase"))


@pytest.mark.parametrize("format_name", ["sarif", "github", "junit"])
def test_cli_accepts_the_format_on_a_clean_corpus(format_name: str, clean: LintResult, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["lint", "claims", "--format", format_name]) == 0
    out = capsys.readouterr().out
    if format_name == "sarif":
        validate_sarif(out)
    elif format_name == "junit":
        parse_junit(out)
    else:
        assert out == ""


def test_schema_validation_is_not_vacuous(example: LintResult) -> None:
    log = json.loads(render("sarif", example))
    log["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["region"]["startLine"] = 0
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.Draft7Validator(SCHEMA).validate(log)
    log = json.loads(render("sarif", example))
    log["runs"][0]["results"][0]["level"] = "fatal"
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.Draft7Validator(SCHEMA).validate(log)
