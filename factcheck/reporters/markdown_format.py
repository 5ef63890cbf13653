"""A Markdown summary for a GitHub job summary or a pull-request comment: findings per rule, the first
findings with their places, and a total line.

It is meant to be read next to the annotations (`--format github`), not instead of them, so it lists
only the first findings: FACTCHECK_SUMMARY_FINDINGS (default 20, 0 for the table of rules alone) sets
how many. An environment variable because a reporter is called with the result and a stream only;
the GitHub Action sets it from its `summary-findings` input.

Everything that comes from a claim file or a rule file is escaped for GitHub's renderer, which reads
Markdown, GFM tables, `$…$` math and inline HTML: in text cells `&`, `<` and `>` become entities,
Markdown punctuation is backslash-escaped, line breaks become `<br>`; paths are code spans.
"""

from __future__ import annotations

import os
import re
from collections import Counter
from collections.abc import Mapping
from typing import TextIO

from ..config import ConfigError
from ..findings import SEVERITY_RANK, Finding, severity_counts
from ..pipeline import LintResult

LIMIT_VARIABLE = "FACTCHECK_SUMMARY_FINDINGS"
DEFAULT_LIMIT = 20

# Characters that start Markdown, GFM or math syntax inside a table cell: a backslash before ASCII
# punctuation makes it literal. `|` escaped this way also stays inside its cell (GFM tables).
_MARKDOWN_SPECIAL = "\\`*_[]|~$"
_CONTROL = [code for code in (*range(0x20), 0x7F) if chr(code) not in "\t\n"]  # tab and newline have a mapping of their own
_TEXT_CELL = str.maketrans(
    {
        **{char: "\\" + char for char in _MARKDOWN_SPECIAL},
        "&": "&amp;",
        "<": "&lt;",
        ">": "&gt;",
        **{code: f"\\\\x{code:02x}" for code in _CONTROL},  # shown as \x00: a raw one would end the row or vanish
        "\t": " ",
        "\n": "<br>",
    }
)
_CODE_CELL = str.maketrans({"|": "\\|", "\t": " ", "\n": "\\x0a", **{code: f"\\x{code:02x}" for code in _CONTROL}})
_LINE_BREAK = re.compile(r"\r\n?")


def render(result: LintResult, stream: TextIO) -> None:
    render_summary(result, stream, summary_limit(os.environ))


def summary_limit(environ: Mapping[str, str]) -> int:
    """How many findings the summary lists. A bad value is a configuration error (exit 2) rather than
    a silent default: a job summary that quietly drops the setting looks like it took it."""
    value = environ.get(LIMIT_VARIABLE, "").strip()
    if not value:
        return DEFAULT_LIMIT
    if not (value.isascii() and value.isdigit()):  # isdigit alone takes "²", which int() refuses
        raise ConfigError([f"{LIMIT_VARIABLE}={value!r}: expected a whole number of findings to list (0 or more)"])
    return int(value)


def render_summary(result: LintResult, stream: TextIO, limit: int) -> None:
    """The summary with the limit given, for callers that have it at hand rather than in the environment."""
    findings = result.findings
    stream.write("## factcheck\n\n")
    if not findings:
        stream.write("No findings.\n")
        return
    stream.write(_rule_table(findings))
    stream.write("\n" + _total_line(findings) + "\n")
    listed = findings[:limit]
    if listed:
        heading = "All findings" if len(listed) == len(findings) else f"First {len(listed)} of {len(findings)} findings"
        stream.write(f"\n{heading}:\n\n| place | code | message |\n|---|---|---|\n")
        for finding in listed:
            place = f"{finding.location.path}:{finding.location.line}"
            stream.write(f"| {code_cell(place)} | {text_cell(finding.code)} | {text_cell(finding.message)} |\n")
    hidden = len(findings) - len(listed)
    if hidden:
        stream.write(f"\n{hidden} more finding{'s' if hidden != 1 else ''} not listed here.\n")


def _rule_table(findings: list[Finding]) -> str:
    """Most severe rules first, so what fails the build heads the table; then by code, so the order
    does not shift as counts change."""
    counts = Counter((f.code, f.name, f.severity) for f in findings)
    rows = sorted(counts.items(), key=lambda item: (-SEVERITY_RANK.get(item[0][2], -1), item[0]))
    lines = ["| code | name | severity | count |", "|---|---|---|---:|"]
    lines += [f"| {text_cell(code)} | {text_cell(name)} | {text_cell(severity)} | {count} |" for (code, name, severity), count in rows]
    return "\n".join(lines) + "\n"


def _total_line(findings: list[Finding]) -> str:
    total = len(findings)
    files = len({f.location.path for f in findings})
    return f"**Total: {total} finding{'s' if total != 1 else ''}** in {files} file{'s' if files != 1 else ''} ({severity_counts(findings)})."


def text_cell(text: str) -> str:
    """Text shown as written in one table cell: no markup, HTML or math of its own, one line."""
    return _LINE_BREAK.sub("\n", text).translate(_TEXT_CELL)


def code_cell(text: str) -> str:
    """A code span in a table cell. Backslashes are literal in a code span, so only what would end it
    is changed: a `|` (GFM reads `\\|` as a pipe even here), line breaks and other control characters
    (shown as `\\xNN`), and a fence longer than any run of backticks in the text."""
    body = text.translate(_CODE_CELL)
    fence = "`" * (max((len(run) for run in re.findall(r"`+", body)), default=0) + 1)
    if body[:1] in ("`", " ") or body[-1:] in ("`", " "):
        body = f" {body} "  # one space each side is stripped again when the span is read
    return f"{fence}{body}{fence}"
