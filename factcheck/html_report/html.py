"""The claim matrix as one self-contained HTML page: no request leaves the page.

Every string from a claim file goes through `escape` (text and attribute values alike), and the
page's Content-Security-Policy allows only its own inline style and script, by hash: markup that
slipped into a claim could not run even if it were not escaped. The script reads data- attributes
and writes with textContent only.
"""

from __future__ import annotations

import base64
import hashlib
import html
import json
from collections.abc import Mapping
from importlib.resources import files

from .. import __version__
from ..findings import Location
from .model import STATUS_LABELS, STATUSES, CellClaim, Report, ReportFinding, Row, SubjectMatrix

def escape(text: object) -> str:
    return html.escape(str(text), quote=True)


def render(report: Report, title: str = "factcheck report") -> str:
    style = _asset("report.css")
    script = _asset("report.js")
    policy = (
        "default-src 'none'; "
        f"style-src '{_digest(style)}'; script-src '{_digest(script)}'; "
        "img-src data:; base-uri 'none'; form-action 'none'"
    )
    parts = [
        "<!DOCTYPE html>",
        '<html lang="en"><head><meta charset="utf-8">',
        f'<meta http-equiv="Content-Security-Policy" content="{escape(policy)}">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>{escape(title)}</title>",
        f"<style>{style}</style>",
        "</head><body>",
        f"<h1>{escape(title)}</h1>",
        f'<p class="muted">factcheck {escape(__version__)}: {report.claims} claims from {report.sources} sources, '
        f"{len(report.subjects)} subjects, {len(report.findings)} findings.</p>",
        _summary(report),
        _filters(report),
        '<h2 id="matrix">Claims by subject</h2>',
        _legend(),
        *(_subject(m) for m in report.subjects),
        f'<h2 id="findings">Findings (<span id="shown-count">{len(report.findings)}</span> shown of {len(report.findings)})</h2>',
        _findings(report.findings),
        '<div id="evidence" hidden role="dialog" aria-label="Evidence">'
        '<button id="evidence-close" class="close" type="button" aria-label="Close">\u00d7</button>'
        '<div id="evidence-where" class="muted"></div><p id="evidence-text"></p></div>',
        f"<script>{script}</script>",
        "</body></html>",
    ]
    return "\n".join(parts) + "\n"


def _asset(name: str) -> str:
    return files("factcheck.html_report").joinpath(name).read_text(encoding="utf-8")


def _digest(text: str) -> str:
    return "sha256-" + base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode("ascii")


def _summary(report: Report) -> str:
    def table(caption: str, counts: Mapping[str, int]) -> str:
        rows = "".join(f'<tr><td>{escape(k)}</td><td class="n">{n}</td></tr>' for k, n in counts.items())
        return f'<table class="counts"><caption class="muted">{escape(caption)}</caption>{rows or "<tr><td>none</td></tr>"}</table>'

    severities = {s: report.by_severity[s] for s in ("error", "warning", "info") if s in report.by_severity}
    return (
        '<div class="summary">'
        + table("Findings by severity", severities)
        + table("Findings by rule", report.by_rule)
        + f'<figure><figcaption class="muted">Findings per outlet (where each is reported)</figcaption>{_chart(report.by_outlet)}</figure>'
        + "</div>"
    )


def _chart(counts: Mapping[str, int]) -> str:
    """A horizontal bar per outlet, drawn as SVG attributes (no inline style: the policy forbids it)."""
    items = list(counts.items())
    if not items:
        return '<p class="muted">no findings</p>'
    label_width, bar_width, row = 220, 260, 22
    top = max(n for _, n in items)
    height = row * len(items) + 4
    bars = []
    for i, (outlet, n) in enumerate(items):
        y = i * row + 2
        width = max(1, round(bar_width * n / top))
        bars.append(
            f'<text x="{label_width - 6}" y="{y + 15}" text-anchor="end">{escape(_clip(outlet, 32))}</text>'
            f'<rect x="{label_width}" y="{y + 3}" width="{width}" height="{row - 6}"><title>{escape(outlet)}: {n}</title></rect>'
            f'<text x="{label_width + width + 6}" y="{y + 15}">{n}</text>'
        )
    total_width = label_width + bar_width + 50
    return f'<svg class="chart" role="img" aria-label="findings per outlet" width="{total_width}" height="{height}" viewBox="0 0 {total_width} {height}">{"".join(bars)}</svg>'


def _filters(report: Report) -> str:
    def select(name: str, label: str, options: list[tuple[str, str]]) -> str:
        choices = "".join(f'<option value="{escape(value)}">{escape(text)}</option>' for value, text in options)
        return f'<label>{label}<select id="filter-{name}"><option value="">all</option>{choices}</select></label>'

    codes = sorted({(rf.finding.code, f"{rf.finding.code} {rf.finding.name}") for rf in report.findings})
    return (
        '<div class="filters">'
        + select("severity", "Severity", [(s, s) for s in ("error", "warning", "info")])
        + select("rule", "Rule", codes)
        + select("outlet", "Outlet", [(o, o) for o in report.outlets])
        + "</div>"
    )


def _legend() -> str:
    items = "".join(f'<span class="status-{s}">{escape(STATUS_LABELS[s])}</span>' for s in STATUSES)
    return f'<p class="legend">{items}<span>primary source: blue top border</span></p>'


def _subject(matrix: SubjectMatrix) -> str:
    """A subject's heading and matrix. The matrix scrolls in its own box (its header row and fact
    column stay in view); the box is focusable and named by the heading, so a keyboard can scroll it."""
    head = "".join(
        f'<th class="{"source primary" if c.primary else "source"}" data-outlet="{escape(c.outlet)}" title="{escape(c.path)}">'
        f'{escape(c.source)}<span class="kind">{escape(c.outlet)}, {c.published.isoformat()}'
        f'{" (primary)" if c.primary else ""}</span></th>'
        for c in matrix.columns
    )
    body = "".join(_row(row, matrix) for row in matrix.rows)
    return (
        f'<h3 id="subject-{escape(matrix.subject)}">{escape(matrix.name)}</h3>'
        f'<div class="matrix-scroll" tabindex="0" role="region" aria-labelledby="subject-{escape(matrix.subject)}"><table class="matrix" data-subject="{escape(matrix.subject)}"><thead><tr><th class="fact">fact</th>{head}</tr></thead>'
        f"<tbody>{body}</tbody></table></div>"
    )


def _row(row: Row, matrix: SubjectMatrix) -> str:
    cells = []
    for column in matrix.columns:
        claims = row.cells.get(column.source, ())
        outlet = escape(column.outlet)
        if not claims:
            cells.append(f'<td class="empty" data-outlet="{outlet}"></td>')
            continue
        status = row.status(column.source)
        cells.append(f'<td class="cell status-{status}" data-outlet="{outlet}" data-status="{status}">{"".join(_claim(c) for c in claims)}</td>')
    return f'<tr><th class="fact" scope="row">{escape(row.label)}</th>{"".join(cells)}</tr>'


def _claim(c: CellClaim) -> str:
    tip = c.evidence or "no evidence given"
    said = f" (said by {c.said_by})" if c.said_by else ""
    codes = f'<span class="codes">{escape(" ".join(c.codes))}</span>' if c.codes else ""
    return (
        f'<span class="claim status-{c.status}" tabindex="0" data-source="{escape(c.source)}" data-claim="{escape(c.claim)}" '
        f'data-status="{c.status}" data-evidence="{escape(c.evidence or "")}" data-where="{escape(_where(c.location))}" '
        f'title="{escape(STATUS_LABELS[c.status])}: {escape(tip)}">{escape(c.text)}{escape(said)}{codes}</span>'
    )


def _findings(findings: tuple[ReportFinding, ...]) -> str:
    rows = []
    for rf in findings:
        f = rf.finding
        related = "".join(f"<br>{escape(_where(loc))}" for loc in f.related)
        evidence = "".join(f'<div class="muted">{escape(_where(loc))}: \u201c{escape(text)}\u201d</div>' for loc, text in rf.evidence)
        rows.append(
            f'<tr class="finding" data-code="{escape(f.code)}" data-severity="{escape(f.severity)}" '
            f'data-outlets="{escape(json.dumps(rf.outlets))}" data-source="{escape(f.location.source or "")}" '
            f'data-claim="{escape(f.location.claim or "")}">'
            f'<td class="sev sev-{escape(f.severity)}">{escape(f.severity)}</td>'
            f"<td>{escape(f.code)} {escape(f.name)}</td>"
            f'<td class="where">{escape(_where(f.location))}{related}</td>'
            f"<td>{escape(f.message)}{evidence}</td></tr>"
        )
    head = "<thead><tr><th>severity</th><th>rule</th><th>where (and the other side)</th><th>message</th></tr></thead>"
    return f'<table class="findings">{head}<tbody>{"".join(rows)}</tbody></table>'


def _where(loc: Location) -> str:
    claim = f" ({loc.source}: {loc.claim})" if loc.claim else ""
    return f"{loc.path}:{loc.line}:{loc.column}{claim}"


def _clip(text: str, width: int) -> str:
    return text if len(text) <= width else text[: width - 1] + "\u2026"
