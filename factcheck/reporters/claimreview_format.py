"""schema.org ClaimReview in JSON-LD: the findings about claims as fact-check markup a desk can
publish, and Google's Fact Check Explorer and other fact-checkers' tools can read.

Why each choice:

- One review per finding about a claim whose rule has a verdict (`verdict` of the rule type, or of
  the rule file). Findings about files (invalid YAML, unknown predicates, ...) and about
  suppressions say nothing of what a claim says, so they have no verdict and no review.
- Google's fact-check requirements decide the properties: `claimReviewed`, `reviewRating` with its
  `alternateName`, and `url` are required; the review's `author`, `datePublished` and
  `itemReviewed`, the claim's `author`, `datePublished`, `appearance` and `firstAppearance`, and the
  rating's `name`, `ratingValue`, `bestRating` and `worstRating` are recommended. All are written.
- Who reviews, on which page and on which day come from the configuration or the command line
  (`publisher`, `review-url`, `review-date`), else the day from `SOURCE_DATE_EPOCH`; never from the
  clock, so the same corpus gives byte-identical output. Without them the format refuses to run
  (exit 2): a review with an invented publisher or page must not be published by mistake.
- The rating's number follows the rule's severity on a documented scale: 1 for an error, 2 for a
  warning, 3 for an info; 4 (the best) would be a claim with no finding, which gets no review.
  Higher is better, as schema.org's ratings are.
- Each review's `@id` is the review page plus the finding's fingerprint, which ignores line
  numbers: a review keeps its identity when claims move around a file.
- `firstAppearance` is the earliest source in the corpus, published before the claim's own, that
  states the same thing: an agreeing value for the same fact, the same words of the same speaker,
  or the same statement (its normalized words) about the same subject.
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any, TextIO
from urllib.parse import urlsplit, urlunsplit

import orjson

from ..assertions import Assertion, SourceInfo
from ..config import ConfigError, ConfigModel, Settings
from ..findings import Finding
from ..pipeline import LintResult
from ..registry.entities import EntityRegistry
from ..values import compare

CONTEXT = "https://schema.org"
RATING_VALUES = {"error": 1, "warning": 2, "info": 3}
BEST_RATING, WORST_RATING = 4, 1
ARTICLE_TYPES = {"news": "NewsArticle", "wire": "NewsArticle", "opinion": "OpinionNewsArticle"}  # else CreativeWork


@dataclass(frozen=True)
class Reviewer:
    """Who publishes the reviews, the page they are on, and the day they are published."""

    publisher: str
    url: str
    date: dt.date


def render(result: LintResult, stream: TextIO) -> None:
    reviews = claim_reviews(result, reviewer_of(result.settings, os.environ))
    stream.write(orjson.dumps(reviews, option=orjson.OPT_INDENT_2).decode("utf-8") + "\n")


def reviewer_of(settings: Settings | None, environ: Mapping[str, str]) -> Reviewer:
    """The reviewer from the configuration (command-line flags already applied), the day from
    `review-date` else SOURCE_DATE_EPOCH; ConfigError says what is missing and where to set it."""
    config = settings.config if settings is not None else ConfigModel()
    date = config.review_date or _epoch_day(environ.get("SOURCE_DATE_EPOCH"))
    missing = [
        text for text, given in (
            ("the reviewing organization: [tool.factcheck] publisher or --publisher NAME", config.publisher),
            ("the page the reviews are published on: [tool.factcheck] review-url or --review-url URL", config.review_url),
            ("the day they are published: [tool.factcheck] review-date, --review-date YYYY-MM-DD or SOURCE_DATE_EPOCH", date),
        ) if not given
    ]
    if missing:
        raise ConfigError([f"--format claimreview needs {text}" for text in missing])
    assert config.publisher and config.review_url and date  # narrowed by `missing`
    return Reviewer(config.publisher, config.review_url, date)


def _epoch_day(value: str | None) -> dt.date | None:
    """SOURCE_DATE_EPOCH (reproducible-builds.org): whole seconds since 1970, as a UTC day."""
    if value is None or value == "":
        return None
    if not value.isascii() or not value.isdigit():
        raise ConfigError([f"SOURCE_DATE_EPOCH: expected whole seconds since 1970-01-01, found '{value}'"])
    try:
        return dt.datetime.fromtimestamp(int(value), dt.timezone.utc).date()
    except (OverflowError, OSError, ValueError):
        raise ConfigError([f"SOURCE_DATE_EPOCH: {value} seconds is not a day a calendar can show"]) from None


def claim_reviews(result: LintResult, reviewer: Reviewer) -> list[dict[str, Any]]:
    """One ClaimReview per finding about a claim that its rule gives a verdict, in lint's order."""
    claims = {(a.source.id, a.claim): a for a in result.assertions}
    earlier = FirstAppearances(result.assertions)
    entities = result.corpus.entities
    reviews = []
    for finding in result.findings:
        rule = result.ruleset.rules.get(finding.code)
        claim = claims.get((finding.location.source or "", finding.location.claim or ""))
        if rule is None or not rule.verdict or claim is None:
            continue
        reviews.append(_review(finding, rule.verdict, claim, earlier.of(claim), reviewer, entities))
    return reviews


def _review(finding: Finding, verdict: str, claim: Assertion, first: Assertion | None, reviewer: Reviewer, entities: EntityRegistry) -> dict[str, Any]:
    item: dict[str, Any] = {
        "@type": "Claim",
        "author": _claim_author(claim, entities),
        "datePublished": claim.source.published.isoformat(),
        "appearance": _work(claim.source, entities),
    }
    if first is not None:
        item["firstAppearance"] = _work(first.source, entities)
    return {
        "@context": CONTEXT,
        "@type": "ClaimReview",
        "@id": _page(reviewer.url) + "#factcheck-" + finding.fingerprint,
        "url": reviewer.url,
        "datePublished": reviewer.date.isoformat(),
        "author": {"@type": "Organization", "name": reviewer.publisher},
        "claimReviewed": _claim_text(claim, entities),
        "itemReviewed": item,
        "reviewRating": {
            "@type": "Rating",
            "alternateName": verdict,
            "name": verdict,
            "ratingValue": RATING_VALUES.get(finding.severity, WORST_RATING),
            "bestRating": BEST_RATING,
            "worstRating": WORST_RATING,
            "ratingExplanation": finding.message,
        },
    }


def _page(url: str) -> str:
    """The review page without a fragment: each review's @id adds its own."""
    return urlunsplit(urlsplit(url)._replace(fragment=""))


def _claim_text(claim: Assertion, entities: EntityRegistry) -> str:
    """The claim as the source wrote it: its evidence (the source's own words) when the claim file
    quotes them, else subject, predicate and value as written."""
    if claim.evidence:
        return " ".join(claim.evidence.split())
    if claim.value_type == "quote":
        return f"\u201c{claim.value.text}\u201d"
    said = f"{claim.predicate}: {claim.value.text}"
    return f"{entities.name_of(claim.subject)}, {said}" if claim.subject else said


def _claim_author(claim: Assertion, entities: EntityRegistry) -> dict[str, str]:
    """Who made the claim: the speaker when one is named (a Person unless the registry says it is
    something else), else the outlet, in its own voice."""
    if claim.said_by:
        entity = entities.get(claim.said_by)
        kind = "Person" if entity is None or entity.type == "person" else "Organization"
        return {"@type": kind, "name": entities.name_of(claim.said_by)}
    return {"@type": "Organization", "name": entities.name_of(claim.source.outlet)}


def _work(source: SourceInfo, entities: EntityRegistry) -> dict[str, Any]:
    """A source as the creative work a claim appears in: its address when the claim file gives one."""
    work: dict[str, Any] = {"@type": ARTICLE_TYPES.get(source.kind, "CreativeWork")}
    if source.url:
        work["url"] = source.url
    work["name"] = source.title or source.id
    work["datePublished"] = source.published.isoformat()
    work["publisher"] = {"@type": "Organization", "name": entities.name_of(source.outlet)}
    return work


class FirstAppearances:
    """The earliest source stating the same thing as a claim before it did, from one pass over the
    corpus: for each fact (or quote, or statement) the earliest claim of each distinct value. Values
    with one canonical form mean the same, so comparing a claim with those earliest claims only
    costs one comparison per distinct value, however many sources repeat it."""

    def __init__(self, assertions: Iterable[Assertion]) -> None:
        self._earliest: dict[tuple[object, ...], dict[str, Assertion]] = {}
        for a in sorted(assertions, key=lambda a: a.placement):
            key = _same_fact(a)
            if key is not None:
                self._earliest.setdefault(key, {}).setdefault(a.value.canonical_form(), a)

    def of(self, claim: Assertion) -> Assertion | None:
        key = _same_fact(claim)
        if key is None:
            return None
        own = claim.value.canonical_form()
        compared = key[0] == "fact"  # a fact's other values may agree; quotes and statements match by their words
        earlier = [
            first for form, first in self._earliest.get(key, {}).items()
            if first.source.published < claim.source.published and (form == own or (compared and compare(first.value, claim.value).agree))
        ]
        return min(earlier, key=lambda a: a.placement, default=None)


def _same_fact(a: Assertion) -> tuple[object, ...] | None:
    """What two claims share when they can state the same thing: a fact's comparison bucket (its
    values are compared); a quote's speaker and a statement's subject, predicate and qualifiers (the
    same words, normalized). None for a statement about an unresolved subject: nothing to match."""
    if a.bucket is not None:
        return ("fact", a.bucket)
    if a.value_type == "quote":
        return ("quote", a.said_by)
    if a.subject is None:
        return None
    return ("statement", a.value_type, a.subject, a.predicate, a.qualifiers)
