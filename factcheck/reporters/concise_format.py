"""One line per finding (`path:line:col: CODE [severity] name: message`) and the summary: for logs and READMEs."""

from __future__ import annotations

from typing import TextIO

from ..pipeline import LintResult
from .text_format import summary


def render(result: LintResult, stream: TextIO) -> None:
    for f in result.findings:
        loc = f.location
        stream.write(f"{loc.path}:{loc.line}:{loc.column}: {f.code} [{f.severity}] {f.name}: {f.message}\n")
    stream.write(summary(result.findings) + "\n")
