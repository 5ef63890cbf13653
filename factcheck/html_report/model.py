"""The claim matrix: what `factcheck report` shows, worked out from a lint result, before any HTML.

For each subject, a matrix of facts (predicate and qualifiers, or a measure's key) by source; each
cell holds that source's claims as written, with a status taken from the findings lint reported:
the rule *types* decide (value_conflict, scope_mismatch, ...), not the codes, so a renumbered or
re-severitied rule set still colors the same cells. Kept apart from the rendering so the matrix can
be tested without a browser and rendered in other forms later.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from ..assertions import Assertion, SourceInfo
from ..findings import Finding, Location
from ..pipeline import LintResult
from ..registry.entities import EntityRegistry

# Most telling first: a cell shows the first status any of its claims has.
STATUSES = ("contradicts-primary", "conflicts", "unsupported", "suppressed", "agrees")
STATUS_LABELS = {
    "contradicts-primary": "contradicts the primary source",
    "conflicts": "conflicts",
    "unsupported": "unsupported",
    "suppressed": "suppressed",
    "agrees": "agrees",
}
# Which rule types give which status, and to which end of a pair finding.
_STATUS_OF_CHECK = {
    "contradicts_primary": "contradicts-primary",
    "value_conflict": "conflicts",
    "claimant_disagreement": "conflicts",
    "scope_mismatch": "conflicts",
    "unsupported": "unsupported",
}
_AT_LOCATION_ONLY = frozenset({"contradicts_primary"})  # the primary side is the reference, not wrong

ClaimRef = tuple[str, str]  # (source id, claim id)


@dataclass(frozen=True)
class CellClaim:
    """One claim in a cell: its value as written, its status, and what backs it."""

    source: str
    claim: str
    text: str
    status: str
    evidence: str | None
    said_by: str | None
    location: Location
    codes: tuple[str, ...]  # codes of the reported findings that involve this claim


@dataclass(frozen=True)
class Column:
    """A source that says something about the subject."""

    source: str
    outlet: str
    published: dt.date
    kind: str
    path: str

    @property
    def primary(self) -> bool:
        return self.kind == "primary"


@dataclass(frozen=True)
class Row:
    label: str
    cells: Mapping[str, tuple[CellClaim, ...]]  # by source id; a source without the fact has none

    def status(self, source: str) -> str | None:
        claims = self.cells.get(source)
        return _worst(c.status for c in claims) if claims else None


@dataclass(frozen=True)
class SubjectMatrix:
    subject: str
    name: str
    columns: tuple[Column, ...]
    rows: tuple[Row, ...]

    @property
    def disagreements(self) -> int:
        """Cells that conflict or contradict the primary source."""
        return sum(row.status(c.source) in ("conflicts", "contradicts-primary") for row in self.rows for c in self.columns)


@dataclass(frozen=True)
class ReportFinding:
    finding: Finding
    outlets: tuple[str, ...]  # outlets of the claims it involves, for the outlet filter
    evidence: tuple[tuple[Location, str], ...]  # each involved claim's evidence sentence


@dataclass(frozen=True)
class Report:
    subjects: tuple[SubjectMatrix, ...]
    findings: tuple[ReportFinding, ...]
    sources: int
    claims: int
    by_severity: Mapping[str, int] = field(default_factory=dict)
    by_rule: Mapping[str, int] = field(default_factory=dict)  # "FC101 value-conflict" -> count
    by_outlet: Mapping[str, int] = field(default_factory=dict)  # the outlet a finding is reported at
    outlets: tuple[str, ...] = ()


def build_report(result: LintResult) -> Report:
    """The matrix and findings of a lint result: the findings it reports, no other. The claims of
    findings that suppressions hid (result.silenced) are shown as suppressed."""
    entities = result.corpus.entities
    checks = {code: rule.check for code, rule in result.ruleset.rules.items()}
    statuses = _claim_statuses(result.findings, result.silenced, checks)
    codes: dict[ClaimRef, list[str]] = defaultdict(list)
    for finding in result.findings:
        for ref in _involved(finding):
            codes[ref].append(finding.code)
    by_subject: dict[str, list[Assertion]] = defaultdict(list)
    for a in result.assertions:
        if a.subject is not None and a.value_type != "quote":
            by_subject[a.subject].append(a)
    subjects = [
        _matrix(subject, members, entities, statuses, codes)
        for subject, members in by_subject.items()
    ]
    # What an editor looks at first: subjects with a disagreement, then those more sources speak of.
    subjects.sort(key=lambda m: (-m.disagreements, -len(m.columns), m.name.casefold(), m.subject))
    by_claim = {(a.source.id, a.claim): a for a in result.assertions}
    findings = tuple(_report_finding(f, by_claim, entities) for f in result.findings)
    return Report(
        subjects=tuple(subjects),
        findings=findings,
        sources=len({a.source.id for a in result.assertions}),
        claims=len(result.assertions),
        by_severity=dict(Counter(f.severity for f in result.findings)),
        by_rule=dict(sorted(Counter(f"{f.code} {f.name}" for f in result.findings).items())),
        by_outlet=dict(Counter(_outlet_at(f, by_claim, entities) for f in result.findings).most_common()),
        outlets=tuple(sorted({outlet_name(a.source, entities) for a in result.assertions}, key=str.casefold)),
    )


def outlet_name(source: SourceInfo, entities: EntityRegistry) -> str:
    return _name(source.outlet, entities) or source.outlet


def _name(entity_id: str | None, entities: EntityRegistry) -> str | None:
    """An entity's name; a mention that resolved to no entity is shown as written."""
    return None if entity_id is None else entities.name_of(entity_id)


def _involved(finding: Finding) -> list[ClaimRef]:
    """The claims a finding is about (Finding.involved): a disagreement's further related claims are
    context, listed with the finding, and do not color their cells."""
    return [(loc.source, loc.claim) for loc in finding.involved if loc.source and loc.claim]


def _claim_statuses(findings: Iterable[Finding], silenced: Iterable[Finding], checks: Mapping[str, str]) -> dict[ClaimRef, str]:
    """The most telling status of each claim a finding involves; claims of silenced findings are
    'suppressed' unless a reported finding says more."""
    found: dict[ClaimRef, list[str]] = defaultdict(list)
    for finding in findings:
        check = checks.get(finding.code, "")
        status = _STATUS_OF_CHECK.get(check)
        if status is None:
            continue
        ends = _involved(finding)[:1] if check in _AT_LOCATION_ONLY else _involved(finding)
        for ref in ends:
            found[ref].append(status)
    for finding in silenced:
        if _STATUS_OF_CHECK.get(checks.get(finding.code, "")):
            for ref in _involved(finding):
                found[ref].append("suppressed")
    return {ref: _worst(statuses) for ref, statuses in found.items()}


def _worst(statuses: Iterable[str]) -> str:
    return min(statuses, key=STATUSES.index, default="agrees")


def _matrix(
    subject: str, members: list[Assertion], entities: EntityRegistry, statuses: Mapping[ClaimRef, str], codes: Mapping[ClaimRef, list[str]]
) -> SubjectMatrix:
    columns: dict[str, Column] = {}
    rows: dict[str, dict[str, list[CellClaim]]] = defaultdict(lambda: defaultdict(list))
    for a in members:
        source = a.source
        columns.setdefault(source.id, Column(source.id, outlet_name(source, entities), source.published, source.kind, source.path))
        ref = (source.id, a.claim)
        rows[fact_label(a)][source.id].append(
            CellClaim(
                source.id, a.claim, a.value.text, statuses.get(ref, "agrees"), a.evidence, _name(a.said_by, entities),
                a.location, tuple(sorted(set(codes.get(ref, ())))),
            )
        )
    # The primary sources first, beside the facts: they are what the other columns are read against.
    ordered = sorted(columns.values(), key=lambda c: (not c.primary, c.published, c.source))
    return SubjectMatrix(
        subject=subject,
        name=_name(subject, entities) or subject,
        columns=tuple(ordered),
        rows=tuple(Row(label, {sid: tuple(claims) for sid, claims in cells.items()}) for label, cells in sorted(rows.items())),
    )


def fact_label(a: Assertion) -> str:
    """A row of the matrix: the predicate, its qualifiers, and a measure's key fields (what makes
    two claims about one fact); a many-valued fact without a key is one row per value."""
    label = a.predicate + a.qualifiers_label
    bucket = a.bucket
    if bucket is not None and len(bucket) > 3:
        key = bucket[3]
        shown = [str(part) for part in key if part is not None] if isinstance(key, tuple) else [str(key)]
        if shown:
            label += " [" + ", ".join(shown) + "]"
    return label


def _outlet_at(finding: Finding, by_claim: Mapping[ClaimRef, Assertion], entities: EntityRegistry) -> str:
    """The outlet of the source a finding is reported at (file-level findings: their file)."""
    loc = finding.location
    a = by_claim.get((loc.source or "", loc.claim or ""))
    if a is not None:
        return outlet_name(a.source, entities)
    return loc.source or loc.path


def _report_finding(finding: Finding, by_claim: Mapping[ClaimRef, Assertion], entities: EntityRegistry) -> ReportFinding:
    outlets: list[str] = []
    evidence: list[tuple[Location, str]] = []
    for loc in (finding.location, *finding.related):
        a = by_claim.get((loc.source or "", loc.claim or ""))
        if a is None:
            continue
        name = outlet_name(a.source, entities)
        if name not in outlets:
            outlets.append(name)
        if a.evidence:
            evidence.append((loc, a.evidence))
    if not outlets:
        outlets.append(_outlet_at(finding, by_claim, entities))
    return ReportFinding(finding, tuple(outlets), tuple(evidence))
