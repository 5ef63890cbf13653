"""Human output: a header per finding, a code frame with the value underlined, related places, a summary.

Colored on a terminal, plain when piped or written to a file (terminal.py: `--color`, NO_COLOR and
FORCE_COLOR decide with the stream), and never wrapped, so each header stays one greppable `path:line:col: CODE` line.
"""

from __future__ import annotations

from typing import TextIO

from rich.console import Console
from rich.markup import escape

from .. import terminal

from ..findings import Finding, severity_counts
from ..pipeline import LintResult

_STYLE = {"error": "bold red", "warning": "yellow", "info": "cyan"}
CONTEXT_LINES = 1


def render(result: LintResult, stream: TextIO) -> None:
    console = terminal.console(stream, highlight=False, soft_wrap=True)
    for finding in result.findings:
        _finding(console, finding, result.lines(finding.location.path))
    console.print(summary(result.findings))


def _finding(console: Console, finding: Finding, lines: list[str]) -> None:
    loc = finding.location
    style = _STYLE.get(finding.severity, "")
    console.print(
        f"[bold]{escape(loc.path)}:{loc.line}:{loc.column}[/]: [{style}]{finding.code}[/] "
        f"[dim]\\[{finding.severity}][/] [{style}]{finding.name}[/]: {escape(finding.message)}"
    )
    for text, is_marker in code_frame(lines, loc.line, loc.column):
        console.print(escape(text), style=style if is_marker else "dim", highlight=False)
    for related in finding.related:
        who = " ".join(part for part in (related.source, related.claim) if part)
        console.print(f"   [dim]= related:[/] {escape(related.path)}:{related.line}:{related.column}" + (f" ({escape(who)})" if who else ""))
    console.print()


def code_frame(lines: list[str], line: int, column: int) -> list[tuple[str, bool]]:
    """The YAML lines around `line`, numbered, then a marker line underlining the value at `column`."""
    if not lines or not 1 <= line <= len(lines):
        return []
    first, last = max(1, line - CONTEXT_LINES), min(len(lines), line + CONTEXT_LINES)
    width = len(str(last))
    gutter = " " * width + " |"
    out = [(gutter, False)]
    for number in range(first, last + 1):
        text = lines[number - 1].replace("\t", " ")
        out.append((f"{number:>{width}} | {text}".rstrip(), False))
        if number == line:
            start = max(0, column - 1)
            out.append((f"{gutter} {' ' * start}{'^' * max(1, _token_length(text, start))}", True))
    out.append((gutter, False))
    return out


def _token_length(text: str, start: int) -> int:
    """Length of the scalar starting at `start`: a quoted string, or up to a comment or line end."""
    rest = text[start:]
    if rest[:1] in ("'", '"'):
        end = rest.find(rest[0], 1)
        return end + 1 if end > 0 else len(rest.rstrip())
    for stop in (" #", ": "):  # a plain scalar ends before a comment; a key before its colon
        index = rest.find(stop)
        if index >= 0:
            rest = rest[:index]
    return len(rest.rstrip())


def summary(findings: list[Finding]) -> str:
    if not findings:
        return "All checks passed: no findings."
    total = len(findings)
    files = len({f.location.path for f in findings})
    return f"Found {total} finding{'s' if total != 1 else ''} in {files} file{'s' if files != 1 else ''}: {severity_counts(findings)}."
