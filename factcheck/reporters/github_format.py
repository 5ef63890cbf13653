"""GitHub Actions workflow commands: one `::error|warning|notice file=…,line=…,col=…,title=…::…` line
per finding, which the runner turns into annotations on the pull request's diff.

Annotations only, no summary line: every line of this format is a command, so the output stays one
line per finding for whoever greps or counts it, and an unlocated `::notice::` summary would be an
annotation of its own, counted against GitHub's per-step limit of ten notices (which is what the
`info` findings need) and shown on the run page as if it were a finding. The step's exit code
already says whether the lint failed; run a second `--format concise` step for a readable log.

A pair finding lists the other claims on extra lines of the message (`related: path:line:col
(source/claim)`), since an annotation sits on one file and the disagreeing claim is usually in
another.

Escaping follows the runner's rules: in the message `%`, CR and LF become `%25`, `%0D`, `%0A`; in
property values `:` and `,` also become `%3A` and `%2C`.
"""

from __future__ import annotations

from typing import TextIO

from ..findings import Finding
from ..pipeline import LintResult

COMMANDS = {"error": "error", "warning": "warning", "info": "notice"}


def render(result: LintResult, stream: TextIO) -> None:
    for finding in result.findings:
        stream.write(annotation(finding) + "\n")


def annotation(finding: Finding) -> str:
    loc = finding.location
    properties = {
        "file": loc.path,
        "line": str(max(1, loc.line)),
        "col": str(max(1, loc.column)),
        "title": f"{finding.code} {finding.name}".strip(),
    }
    props = ",".join(f"{key}={escape_property(value)}" for key, value in properties.items())
    command = COMMANDS.get(finding.severity, "warning")
    return f"::{command} {props}::{escape_data(_message(finding))}"


def _message(finding: Finding) -> str:
    lines = [finding.message]
    for loc in finding.related:
        who = "/".join(part for part in (loc.source, loc.claim) if part)
        lines.append(f"related: {loc.path}:{loc.line}:{loc.column}" + (f" ({who})" if who else ""))
    return "\n".join(lines)


def escape_data(text: str) -> str:
    """The message part: `%` first, so the escapes introduced after it stay intact."""
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    """A property value: the data escapes plus the property delimiters `:` and `,`."""
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")
