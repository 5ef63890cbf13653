"""The JSON contract of docs/design.md §6: an array of findings sorted by path, line, column, code."""

from __future__ import annotations

import json
from typing import TextIO

from ..lint import LintResult


def render(result: LintResult, stream: TextIO) -> None:
    # Rendered whole, then written once: a reader never gets half an array.
    stream.write(json.dumps([finding.to_json() for finding in result.findings], indent=2, ensure_ascii=False) + "\n")
