"""`--statistics`: how many findings each rule produced, most first, like ruff's."""

from __future__ import annotations

from collections import Counter
from typing import TextIO

from ..pipeline import LintResult


def render(result: LintResult, stream: TextIO) -> None:
    counts = Counter((f.code, f.name, f.severity) for f in result.findings)
    for (code, name, severity), count in sorted(counts.items(), key=lambda item: (-item[1], item[0])):
        stream.write(f"{count:>6}  {code}  {name:<26} [{severity}]\n")
    total = sum(counts.values())
    stream.write(f"{total:>6}  total\n")
