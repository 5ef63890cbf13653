"""A claim's `evidence` (or, for a quote without evidence, its words) is not found in
`source.document`: matched on the text with markup stripped and whitespace collapsed, fuzzy
(rapidfuzz partial ratio >= `threshold`) but never across a changed number or negation.

Evidence is the editor's pointer into the article; if it is not there, the claim was copied from
somewhere else, mistyped, or the number in it was changed. Matching is on the document's reading
text (markup stripped, whitespace collapsed) and fuzzy, but a changed number or negation is never
"close enough" (docs/design.md §3); the message names the closest line of the raw file.
"""

from __future__ import annotations

import os
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Any

from ..assertions import Assertion
from ..context import RuleContext, claim_finding
from ..documents import TOO_LONG
from ..findings import Finding
from .base import CheckType

_SHOWN = 80


def check(ctx: RuleContext, params: Mapping[str, Any]) -> Iterator[Finding]:
    """Each claim with a readable document; an unreadable document is reported once per source."""
    threshold = float(params["threshold"])
    unreadable: set[str] = set()
    for a in ctx.assertions:
        path = a.source.document
        if path is None:
            continue
        document = ctx.documents.get(path)
        if document is None:
            if a.source.id not in unreadable:
                unreadable.add(a.source.id)
                yield _unreadable(a, path)
            continue
        if a.evidence is not None:
            what, wanted = "evidence", a.evidence
        elif a.value_type == "quote":
            what, wanted = "quote", a.value.text
        else:
            continue
        match = document.find(wanted, threshold)
        if match.found:
            continue
        if match.rejected == TOO_LONG:
            message = (f'{what} "{_clip(wanted)}" not found exactly in {_shown_path(a, path)}, and at {len(wanted):,} characters '
                       "it is too long to search for approximately; quote a shorter span")
        else:
            closest = f"closest (line {match.line}, {match.score:.0f}%"
            if match.rejected == "numbers":
                closest += ", other numbers"
            elif match.rejected == "negation":
                closest += ", other negation"
            message = f'{what} "{_clip(wanted)}" not found in {_shown_path(a, path)}; {closest}): "{match.excerpt}"'
        # at the evidence when there is some, else (a quote's own words) at the claim's value
        yield claim_finding(a, message, what, " ".join(wanted.split()), location=a.evidence_location)


def _clip(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= _SHOWN else text[: _SHOWN - 3].rstrip() + "..."


def _shown_path(a: Assertion, document: str) -> str:
    """The document as the claim file names it: relative to the claim file's directory."""
    try:
        return Path(os.path.relpath(document, Path(a.source.path).resolve().parent)).as_posix()
    except ValueError:  # another drive on Windows
        return Path(document).as_posix()


def _unreadable(a: Assertion, document: str) -> Finding:
    """At the source's `document:` value (normalize.py records where it is whenever there is one)."""
    location = a.source.document_location or a.location
    message = f"document {_shown_path(a, document)} cannot be read; no evidence of {a.source.id} is checked"
    return Finding("", message, location, (), identity=(a.source.id, "source.document"))


CHECK = CheckType(
    name="evidence_not_found",
    summary="`evidence` (or a quote's words) is not in the source document; the message names the closest line",
    verdict="Not found in the source",
    description=__doc__ or "",  # the module docstring: the one description of this rule type
    params={"threshold": (float, 90.0)},
    run=check,
)
