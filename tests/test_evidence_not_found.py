"""FC203 paths the YAML cases cannot reach: a document that cannot be read once linting has begun."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from types import SimpleNamespace

import pytest

from factcheck.assertions import Assertion, SourceInfo
from factcheck.checks.evidence_not_found import check
from factcheck.documents import Document
from factcheck.findings import Location
from factcheck.values import ParseContext
from factcheck.values.text import parse_text

DAY = dt.date(2017, 12, 22)


def claim(claim_id: str, document: str) -> Assertion:
    location = Location("s.yaml", 6, 12, "s", claim_id)
    return Assertion(
        source=SourceInfo("s", "npr", DAY, "news", "s.yaml", document, (), Location("s.yaml", 5, 13, "s", None)), claim=claim_id, predicate="quote",
        value_type="quote", subject=None, qualifiers=(), value=parse_text("It sends the message", ParseContext(published=DAY), "quote"),
        said_by="nikki-haley", as_of=DAY, evidence="It sends", ignore=(), line=location.line, column=location.column,
    )


def test_unreadable_document_is_reported_once_per_source(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "s.yaml").write_text("source:\n  id: s\n  outlet: NPR\n  published: 2017-12-22\n  document: gone.txt\n")
    readable = str(tmp_path / "here.txt")
    claims = [*(claim(c, str(tmp_path / "gone.txt")) for c in "ab"), claim("c", readable)]
    documents = {readable: Document(readable, "Nothing of the kind is said here.")}
    context = SimpleNamespace(assertions=claims, documents=SimpleNamespace(get=documents.get))
    findings = list(check(context, {"threshold": 90.0}))  # type: ignore[arg-type]
    assert len(findings) == 2  # the source after the unreadable one is still checked
    assert (findings[0].location.line, findings[0].location.column, findings[0].location.claim) == (5, 13, None)
    assert findings[0].message == "document gone.txt cannot be read; no evidence of s is checked"
    assert (findings[0].related, findings[0].identity) == ((), ("s", "source.document"))
    assert findings[1].message.startswith('evidence "It sends" not found in here.txt')
