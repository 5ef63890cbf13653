"""`lint --format claimreview`: schema.org ClaimReview in JSON-LD, checked against Google's fact-check
requirements and, as linked data, against schema.org's own JSON-LD context (a copy under tests/data)."""

from __future__ import annotations

import datetime as dt
import json
import shlex
import sys
import time
from pathlib import Path
from typing import Any

import pytest

import factcheck
from factcheck.cli import main
from factcheck.config import ConfigError, ConfigModel, Settings
from factcheck.reporters.claimreview_format import FirstAppearances, Reviewer, claim_reviews, reviewer_of

REPO = Path(__file__).resolve().parent.parent
CONTEXT_FILE = REPO / "tests" / "data" / "schemaorg-context.jsonld"
RULE_ENTITIES = REPO / "tests" / "rules" / "entities.yaml"
REVIEW = ["--publisher", "Example Desk", "--review-url", "https://desk.example/checks/dprk", "--review-date", "2026-12-01"]

# Google's fact-check structured data: what each object must (required) or should (recommended) have.
REQUIRED = {"ClaimReview": {"claimReviewed", "reviewRating", "url"}, "Rating": {"alternateName"}}
RECOMMENDED = {
    "ClaimReview": {"author", "datePublished", "itemReviewed"},
    "Claim": {"author", "datePublished", "appearance"},  # firstAppearance: only where an earlier source says the same
    "Rating": {"bestRating", "name", "ratingValue", "worstRating"},
}


def _lint_reviews(capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, cwd: Path, *arguments: str) -> tuple[int, list[dict[str, Any]]]:
    """The exit code and the reviews; what went to standard error stays in capsys."""
    monkeypatch.chdir(cwd)
    code = main(["lint", "--no-cache", "--format", "claimreview", *arguments])
    out, err = capsys.readouterr()
    print(err, end="", file=sys.stderr)
    return code, json.loads(out) if out else []


@pytest.fixture
def example(capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> list[dict[str, Any]]:
    code, reviews = _lint_reviews(capsys, monkeypatch, REPO, "claims", *REVIEW)
    assert code == 1  # the example corpus has errors: the exit code is lint's, whatever the format
    return reviews


def test_the_readme_command_gives_these_reviews(example: list[dict[str, Any]], capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    command = next(line for line in readme.splitlines() if line.startswith("factcheck lint") and "--format claimreview" in line)
    arguments = shlex.split(command)[1:]
    assert arguments[arguments.index("--review-date") + 1] == "2026-12-01"
    monkeypatch.chdir(REPO)
    assert main([*arguments, "--no-cache"]) == 1
    shown = json.loads(capsys.readouterr().out)
    assert [r["claimReviewed"] for r in shown] == [r["claimReviewed"] for r in example]
    assert {r["author"]["name"] for r in shown} == {"Example Desk"}


def test_every_required_and_recommended_property_on_the_example_corpus(example: list[dict[str, Any]]) -> None:
    linted = factcheck.lint(["claims"], cwd=REPO, cache=False)
    claims = {(a.source.id, a.claim): a for a in linted.assertions}
    reviewed = [f for f in linted.findings if linted.ruleset.rules[f.code].verdict and f.location.claim]
    assert len(example) == len(reviewed) > 0
    assert {f.code for f in reviewed} == {f.code for f in linted.findings if f.location.claim} - {"FC006", "FC005"}
    for review, finding in zip(example, reviewed):
        assert review["@context"] == "https://schema.org" and review["@type"] == "ClaimReview"
        assert REQUIRED["ClaimReview"] | RECOMMENDED["ClaimReview"] <= review.keys()
        claim, rating = review["itemReviewed"], review["reviewRating"]
        assert claim["@type"] == "Claim" and RECOMMENDED["Claim"] <= claim.keys()
        assert rating["@type"] == "Rating" and REQUIRED["Rating"] | RECOMMENDED["Rating"] <= rating.keys()
        assert review["url"] == "https://desk.example/checks/dprk" and review["datePublished"] == "2026-12-01"
        assert review["@id"] == f"https://desk.example/checks/dprk#factcheck-{finding.fingerprint}"
        assert review["author"] == {"@type": "Organization", "name": "Example Desk"}
        assertion = claims[(finding.location.source, finding.location.claim)]
        assert review["claimReviewed"] == " ".join((assertion.evidence or "").split()) or assertion.value.text in review["claimReviewed"]
        assert claim["datePublished"] == assertion.source.published.isoformat()
        assert claim["appearance"]["datePublished"] == assertion.source.published.isoformat()
        assert claim["appearance"].get("url") == assertion.source.url
        assert claim["author"]["@type"] in ("Person", "Organization") and claim["author"]["name"]
        assert rating["alternateName"] == rating["name"] == linted.ruleset.rules[finding.code].verdict
        assert rating["ratingExplanation"] == finding.message
        assert rating["worstRating"] <= rating["ratingValue"] < rating["bestRating"]
        assert rating["ratingValue"] == {"error": 1, "warning": 2, "info": 3}[finding.severity]
    verdicts = {r["reviewRating"]["alternateName"] for r in example}
    assert {"Unsupported", "Contradicts the primary source"} <= verdicts
    assert any("url" in r["itemReviewed"]["appearance"] for r in example)  # the primary sources give theirs


@pytest.mark.filterwarnings("ignore::DeprecationWarning")  # rdflib's own JSON-LD parser uses its deprecated ConjunctiveGraph
def test_the_output_is_json_ld_that_parses_to_the_expected_triples(example: list[dict[str, Any]]) -> None:
    rdflib = pytest.importorskip("rdflib")
    graph = _graph(rdflib, example)
    schema = rdflib.Namespace("http://schema.org/")  # schema.org's context maps its terms here
    rdf_type = rdflib.RDF.type
    assert set(graph.subjects(rdf_type, schema.ClaimReview)) == {rdflib.URIRef(r["@id"]) for r in example}
    for review in example:
        node = rdflib.URIRef(review["@id"])
        assert graph.value(node, schema.url) == rdflib.URIRef(review["url"])  # a URL, not a string
        assert graph.value(node, schema.claimReviewed) == rdflib.Literal(review["claimReviewed"])
        assert str(graph.value(node, schema.datePublished)) == review["datePublished"]
        author = graph.value(node, schema.author)
        assert (author, rdf_type, schema.Organization) in graph and graph.value(author, schema.name) == rdflib.Literal("Example Desk")
        claim = graph.value(node, schema.itemReviewed)
        assert (claim, rdf_type, schema.Claim) in graph
        claimant = graph.value(claim, schema.author)
        assert graph.value(claimant, schema.name) == rdflib.Literal(review["itemReviewed"]["author"]["name"])
        appearance = graph.value(claim, schema.appearance)
        assert str(graph.value(appearance, schema.datePublished)) == review["itemReviewed"]["datePublished"]
        rating = graph.value(node, schema.reviewRating)
        assert (rating, rdf_type, schema.Rating) in graph
        assert graph.value(rating, schema.alternateName) == rdflib.Literal(review["reviewRating"]["alternateName"])
        assert graph.value(rating, schema.ratingExplanation) == rdflib.Literal(review["reviewRating"]["ratingExplanation"])
        assert int(graph.value(rating, schema.ratingValue)) == review["reviewRating"]["ratingValue"]


def test_every_property_and_type_is_in_the_schema_org_vocabulary(example: list[dict[str, Any]], tmp_path: Path,
                                                                 capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    terms = json.loads(CONTEXT_FILE.read_text(encoding="utf-8"))["@context"]
    _, small = _lint_reviews(capsys, monkeypatch, _small_corpus(tmp_path), *REVIEW)
    used: set[str] = set()
    for review in [*example, *small]:
        _collect_terms(review, used)
    assert used and not {term for term in used if term not in terms}
    assert _collect_terms({"@type": "ClaimReview", "claimReveiwed": "x"}, set()) - set(terms)  # a typo is caught


def test_who_said_it_and_where_it_first_appeared(tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    code, reviews = _lint_reviews(capsys, monkeypatch, _small_corpus(tmp_path), *REVIEW)
    assert code == 1
    by_claim = {(r["itemReviewed"]["appearance"]["name"], r["reviewRating"]["alternateName"]): r for r in reviews}
    assert sorted(by_claim) == [
        ("Wire copy of the vote", "Outlets disagree"),
        ("afp", "Claimants disagree"), ("afp", "Outlets disagree"), ("afp", "Quote worded differently elsewhere"),
    ]
    quote = by_claim[("afp", "Quote worded differently elsewhere")]
    assert quote["itemReviewed"]["author"] == {"@type": "Person", "name": "Nikki Haley"}  # the speaker, found by alias
    assert quote["claimReviewed"].startswith("\u201cIt sent the unambiguous message")  # no evidence: the words
    assert "firstAppearance" not in quote["itemReviewed"]  # nobody said these words before
    claimant = by_claim[("afp", "Claimants disagree")]["itemReviewed"]["author"]
    assert claimant == {"@type": "Organization", "name": "North Korea"}  # a country speaks as an organization
    own_voice = by_claim[("afp", "Outlets disagree")]
    assert own_voice["itemReviewed"]["author"] == {"@type": "Organization", "name": "Agence France-Presse"}
    assert own_voice["claimReviewed"] == "The council voted 14-1 on Friday"  # the evidence, as the outlet wrote it
    assert own_voice["itemReviewed"]["appearance"] == {
        "@type": "NewsArticle", "name": "afp", "datePublished": "2017-12-23", "publisher": {"@type": "Organization", "name": "Agence France-Presse"},
    }
    wire = by_claim[("Wire copy of the vote", "Outlets disagree")]["itemReviewed"]
    assert wire["appearance"]["url"] == "https://reuters.example/un" and wire["appearance"]["@type"] == "NewsArticle"
    assert wire["firstAppearance"]["name"] == "afp" and wire["firstAppearance"]["datePublished"] == "2017-12-23"  # 14-1, said first by AFP
    assert by_claim[("afp", "Outlets disagree")]["claimReviewed"] != wire["appearance"]["name"]


def test_rule_files_set_verdicts_and_findings_without_one_get_no_review(tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    root = _small_corpus(tmp_path)
    rules = root / "rules"
    rules.mkdir()
    for rule in (REPO / "rules").glob("*.yaml"):
        text = rule.read_text(encoding="utf-8")
        if rule.name == "value-conflict.yaml":
            text += "verdict: Les médias divergent\n"
        (rules / rule.name).write_text(text, encoding="utf-8")
    (root / "claims" / "broken.yaml").write_text("source: {id: b, outlet: NPR, published: 2017-12-25}\nclaims:\n  - {id: x, subject: Resolution 2397, predicate: vote, value: 'many'}\n", encoding="utf-8")
    code, reviews = _lint_reviews(capsys, monkeypatch, root, *REVIEW)
    assert code == 1
    verdicts = sorted(r["reviewRating"]["alternateName"] for r in reviews)
    assert verdicts == ["Claimants disagree", "Les médias divergent", "Les médias divergent", "Quote worded differently elsewhere"]
    # the broken claim's FC006 is a finding of lint, but says nothing about what the claim states
    assert main(["lint", "--no-cache", "--format", "json"]) == 1
    assert "FC006" in {f["code"] for f in json.loads(capsys.readouterr().out)}
    code, reviews = _lint_reviews(capsys, monkeypatch, root, "--ignore", "FC101", *REVIEW)
    assert sorted(r["reviewRating"]["alternateName"] for r in reviews) == ["Claimants disagree", "Quote worded differently elsewhere"]


def test_the_same_corpus_gives_the_same_bytes_and_the_day_is_never_the_clock(tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    root = _small_corpus(tmp_path)
    monkeypatch.chdir(root)
    flags = ["lint", "--no-cache", "--format", "claimreview", "--publisher", "D", "--review-url", "https://d.example/r#top"]
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1512000000")  # 2017-11-30T00:00:00Z
    outputs = []
    for _ in range(2):
        main(flags)
        outputs.append(capsys.readouterr().out)
    assert outputs[0] == outputs[1]
    assert outputs[0].startswith('[\n  {\n    "@context": "https://schema.org",\n    "@type": "ClaimReview",\n')  # indented for a reader
    reviews = json.loads(outputs[0])
    assert {r["datePublished"] for r in reviews} == {"2017-11-30"}
    assert all(r["url"] == "https://d.example/r#top" and r["@id"].startswith("https://d.example/r#factcheck-") for r in reviews)
    main([*flags, "--review-date", "2018-01-02"])  # the flag beats the environment
    assert {r["datePublished"] for r in json.loads(capsys.readouterr().out)} == {"2018-01-02"}


def test_configuration_gives_the_reviewer_and_flags_win(tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    root = _small_corpus(tmp_path)
    (root / "pyproject.toml").write_text('[tool.factcheck]\npublisher = "Desk"\nreview-url = "https://desk.example/r"\nreview-date = 2026-11-30\n', encoding="utf-8")
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    _, reviews = _lint_reviews(capsys, monkeypatch, root)
    assert {(r["author"]["name"], r["url"], r["datePublished"]) for r in reviews} == {("Desk", "https://desk.example/r", "2026-11-30")}
    _, reviews = _lint_reviews(capsys, monkeypatch, root, "--publisher", "Other Desk")
    assert {(r["author"]["name"], r["url"]) for r in reviews} == {("Other Desk", "https://desk.example/r")}


@pytest.mark.parametrize(("arguments", "environment", "expected"), [
    ([], {}, ["publisher or --publisher NAME", "review-url or --review-url URL", "--review-date YYYY-MM-DD or SOURCE_DATE_EPOCH"]),
    (["--publisher", "D", "--review-url", "https://d.example/"], {}, ["--review-date YYYY-MM-DD or SOURCE_DATE_EPOCH"]),
    (["--publisher", "D", "--review-url", "https://d.example/"], {"SOURCE_DATE_EPOCH": "yesterday"}, ["SOURCE_DATE_EPOCH: expected whole seconds since 1970-01-01, found 'yesterday'"]),
    (["--publisher", "D", "--review-url", "https://d.example/"], {"SOURCE_DATE_EPOCH": "-5"}, ["found '-5'"]),
    (["--publisher", "D", "--review-url", "https://d.example/"], {"SOURCE_DATE_EPOCH": "9" * 30}, ["is not a day a calendar can show"]),
])
def test_missing_or_bad_reviewer_settings_exit_2_and_say_what_to_set(
    arguments: list[str], environment: dict[str, str], expected: list[str], tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    for name, value in environment.items():
        monkeypatch.setenv(name, value)
    code, reviews = _lint_reviews(capsys, monkeypatch, _small_corpus(tmp_path), *arguments)
    err = capsys.readouterr().err
    assert code == 2 and reviews == []
    assert all(text in err for text in expected), err
    assert err.count("configuration error") == len(expected)  # each missing setting once, and nothing else


@pytest.mark.parametrize("bad", ["ftp://d.example/", "desk.example/r", "https://", "https://d.example/a b"])
def test_a_review_url_that_is_not_a_web_address_is_refused(bad: str, tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    root = _small_corpus(tmp_path)
    monkeypatch.chdir(root)
    with pytest.raises(SystemExit) as exit_:
        main(["lint", "--format", "claimreview", "--review-url", bad])
    assert exit_.value.code == 2 and "expected an absolute http:// or https:// address" in capsys.readouterr().err
    (root / "pyproject.toml").write_text(f'[tool.factcheck]\nreview-url = "{bad}"\n', encoding="utf-8")
    assert main(["lint", "--no-cache"]) == 2  # a bad configuration fails every format
    assert "review-url: value error, expected an absolute http:// or https:// address" in capsys.readouterr().err


def test_reviewer_of_says_exactly_what_is_missing_and_an_empty_epoch_is_unset() -> None:
    needs = [
        "--format claimreview needs the reviewing organization: [tool.factcheck] publisher or --publisher NAME",
        "--format claimreview needs the page the reviews are published on: [tool.factcheck] review-url or --review-url URL",
        "--format claimreview needs the day they are published: [tool.factcheck] review-date, --review-date YYYY-MM-DD or SOURCE_DATE_EPOCH",
    ]
    for environ in ({}, {"SOURCE_DATE_EPOCH": ""}):
        with pytest.raises(ConfigError) as error:
            reviewer_of(None, environ)  # no settings: the defaults, which name no reviewer
        assert error.value.messages == needs


def test_the_epoch_day_is_the_utc_day_whatever_the_local_zone(monkeypatch: pytest.MonkeyPatch) -> None:
    if not hasattr(time, "tzset"):
        pytest.skip("time.tzset is POSIX only")
    settings = Settings(REPO, None, ConfigModel.model_validate({"publisher": "Desk", "review-url": "https://desk.example/"}))
    monkeypatch.setenv("TZ", "EST5")  # five hours west of UTC, no tz database needed
    time.tzset()
    try:
        assert reviewer_of(settings, {"SOURCE_DATE_EPOCH": "1512000000"}) == Reviewer("Desk", "https://desk.example/", dt.date(2017, 11, 30))
    finally:
        monkeypatch.undo()
        time.tzset()


def test_first_appearances_of_quotes_and_statements_and_names_as_written(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    code, reviews = _lint_reviews(capsys, monkeypatch, _unregistered_corpus(tmp_path), *REVIEW)
    assert code == 1
    shown = [(r["itemReviewed"]["appearance"]["name"], r["reviewRating"]["alternateName"], r["claimReviewed"],
              r["itemReviewed"]["author"], r["itemReviewed"].get("firstAppearance", {}).get("name")) for r in reviews]
    desk = {"@type": "Organization", "name": "Desk Weekly"}  # an outlet the registry lacks, as written
    assert shown == [
        ("a", "Unattributed quote", "\u201cWe will not back down from this fight.\u201d", desk, None),
        ("a", "Unsupported", "North Korea, statement: North Korea rejected the resolution", desk, None),  # z's words are of another subject
        ("a", "Dated after publication", "occurred_on: 2018-05-01", desk, None),  # an unresolved subject: no name to show
        ("b", "Unattributed quote", "\u201cWe will not back down from this fight.\u201d", desk, "a"),
        ("b", "Unsupported", "North Korea, statement: North Korea rejected the resolution", desk, "a"),
        ("b", "Claimants disagree", "UN Security Council Resolution 2321, amount: $900 million", {"@type": "Person", "name": "Jane Roe"}, None),
        ("z", "Unsupported", "United Nations, statement: North Korea rejected the resolution", desk, None),
    ]  # in report order; FC005 (unresolved entities) at the same claims has no verdict, so no review
    assert {r["itemReviewed"]["appearance"]["name"]: r["itemReviewed"]["appearance"]["@type"] for r in reviews} == {
        "z": "CreativeWork", "a": "CreativeWork", "b": "NewsArticle",  # a factsheet is no news article
    }
    assert reviews[-1]["itemReviewed"]["appearance"]["publisher"] == desk


def test_the_api_builds_reviews_for_a_notebook() -> None:
    result = factcheck.lint(["claims"], cwd=REPO, cache=False)
    reviews = claim_reviews(result, Reviewer("Desk", "https://desk.example/", dt.date(2026, 1, 2)))
    assert reviews and all(r["datePublished"] == "2026-01-02" for r in reviews)
    with pytest.raises(ConfigError):
        reviewer_of(result.settings, {})


def _small_corpus(tmp_path: Path) -> Path:
    """Three outlets on one vote, one quote and one amount: AFP first gives 14-1, Reuters repeats it
    later (so AFP is its first appearance); both disagree with NPR's 15-0. AFP's quote of Haley
    drifted, and North Korea disagrees with Haley on the amount."""
    return _project(tmp_path / "project", {
        "npr.yaml": (
            'source: {id: npr, outlet: NPR, published: 2017-12-21, url: "https://npr.example/2017/12/21/sanctions", title: Council tightens sanctions}\n'
            "claims:\n"
            '  - {id: vote, subject: Resolution 2397, predicate: vote, value: "15-0"}\n'
            '  - {id: haley, predicate: quote, said_by: Nikki Haley, value: "It sends the unambiguous message to Pyongyang that further defiance will invite further punishment and isolation."}\n'
            '  - {id: cap, subject: Resolution 2321, predicate: amount, said_by: Nikki Haley, value: "$400 million"}\n'
        ),
        "afp.yaml": (
            "source: {id: afp, outlet: AFP, published: 2017-12-23}\n"
            "claims:\n"
            '  - {id: vote, subject: Resolution 2397, predicate: vote, value: "14-1", evidence: "The council voted   14-1 on Friday"}\n'
            '  - {id: haley, predicate: quote, said_by: Haley, value: "It sent the unambiguous message to Pyongyang that further defiance will invite further punishment and isolation."}\n'
            '  - {id: cap, subject: Resolution 2321, predicate: amount, said_by: North Korea, value: "$900 million"}\n'
        ),
        "reuters.yaml": (
            'source: {id: reuters, outlet: Reuters, published: 2017-12-24, kind: wire, url: "https://reuters.example/un", title: Wire copy of the vote}\n'
            "claims:\n"
            '  - {id: vote, subject: Resolution 2397, predicate: vote, value: "14 to 1"}\n'
        ),
    })


def _unregistered_corpus(tmp_path: Path) -> Path:
    """An outlet, a speaker and a subject the registry lacks; the same unattributed quote and the same
    statement in two sources of one outlet (so neither is supported), and the statement's words
    earlier still about another subject."""
    return _project(tmp_path / "unregistered", {
        "z.yaml": (
            "source: {id: z, outlet: Desk Weekly, published: 2017-12-19, kind: factsheet}\n"
            "claims:\n"
            '  - {id: s, subject: United Nations, predicate: statement, value: "North Korea rejected the resolution"}\n'
        ),
        "a.yaml": (
            "source: {id: a, outlet: Desk Weekly, published: 2017-12-20, kind: factsheet}\n"
            "claims:\n"
            '  - {id: q, predicate: quote, value: "We will not back down from this fight."}\n'
            '  - {id: s, subject: North Korea, predicate: statement, value: "North Korea rejected the resolution"}\n'
            '  - {id: x, subject: Atlantis, predicate: occurred_on, value: "2018-05-01"}\n'
            '  - {id: cap, subject: Resolution 2321, predicate: amount, said_by: Nikki Haley, value: "$400 million"}\n'
        ),
        "b.yaml": (
            "source: {id: b, outlet: Desk Weekly, published: 2017-12-21}\n"
            "claims:\n"
            '  - {id: q, predicate: quote, value: "We will not back down from this fight."}\n'
            '  - {id: s, subject: North Korea, predicate: statement, value: "North Korea rejected the resolution"}\n'
            '  - {id: cap, subject: Resolution 2321, predicate: amount, said_by: Jane Roe, value: "$900 million"}\n'
        ),
    })


def _project(root: Path, claim_files: dict[str, str]) -> Path:
    """A project whose claims/ holds the rule cases' registry and these claim files."""
    claims = root / "claims"
    claims.mkdir(parents=True)
    (claims / "entities.yaml").write_text(RULE_ENTITIES.read_text(encoding="utf-8"), encoding="utf-8")
    for name, text in claim_files.items():
        (claims / name).write_text(text, encoding="utf-8")
    return root


def _graph(rdflib: Any, reviews: list[dict[str, Any]]) -> Any:
    """The reviews as RDF, their `https://schema.org` context read from the local copy of what that
    address serves (nothing is fetched): one graph with the context once, which expands the same."""
    context = json.loads(CONTEXT_FILE.read_text(encoding="utf-8"))["@context"]
    assert {r["@context"] for r in reviews} == {"https://schema.org"}
    document = {"@context": context, "@graph": [{k: v for k, v in r.items() if k != "@context"} for r in reviews]}
    return rdflib.Graph().parse(data=json.dumps(document), format="json-ld")


def _collect_terms(node: object, terms: set[str]) -> set[str]:
    """Every property name and @type value in a JSON-LD tree."""
    if isinstance(node, dict):
        for key, value in node.items():
            if key == "@type":
                terms.add(value)
            elif not key.startswith("@"):
                terms.add(key)
            _collect_terms(value, terms)
    elif isinstance(node, list):
        for item in node:
            _collect_terms(item, terms)
    return terms


def test_first_appearance_is_the_earliest_earlier_source_saying_the_same(tmp_path: Path) -> None:
    words = "It sends the unambiguous message to Pyongyang that further defiance will invite further punishment."
    _project(tmp_path, {
        f"{name}.yaml": (
            f"source: {{id: {name}, outlet: NPR, published: {day}}}\nclaims:\n"
            f"  - {{id: vote, subject: Resolution 2397, predicate: vote, value: '{vote}'}}\n"
            f"  - {{id: quote, predicate: quote, said_by: {speaker}, value: '{quote}'}}\n"
        )
        for name, day, vote, speaker, quote in [
            ("a", "2017-12-20", "15-0", "Nikki Haley", words),
            ("b", "2017-12-21", "unanimously", "Haley", words),
            ("c", "2017-12-22", "15-0", "Nikki Haley", words.replace("sends", "sent")),
            ("d", "2017-12-23", "14-1", "Liu Jieyi", words),
            ("e", "2017-12-20", "15-0", "Nikki Haley", words),  # the same day as a: not earlier than a
        ]
    })
    assertions = factcheck.load(["claims"], cwd=tmp_path, cache=False)
    first = FirstAppearances(assertions)
    by_place = {(a.source.id, a.claim): a for a in assertions}

    def source_of_first(source: str, claim: str) -> str | None:
        found = first.of(by_place[(source, claim)])
        return found.source.id if found is not None else None

    assert [source_of_first(s, "vote") for s in "abcde"] == [None, "a", "a", None, None]  # b: another form of the same tally
    assert [source_of_first(s, "quote") for s in "abcde"] == [None, "a", None, None, None]  # c: other words; d: another speaker


def test_a_claim_outside_the_corpus_the_index_was_built_from_has_no_first_appearance() -> None:
    claim = factcheck.load(["claims/npr-2017-12-22.yaml"], cwd=REPO, cache=False)[0]
    assert FirstAppearances([]).of(claim) is None
