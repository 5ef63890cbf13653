"""The JSON contract of docs/design.md §6: an array of findings sorted by path, line, column, code.

The text is exactly `json.dumps(findings, indent=2, ensure_ascii=False)` (tests/test_json_output.py
holds it to that), encoded by orjson: the standard library's encoder with `indent` is pure Python,
and took most of a lint that reports 100,000 findings.

The array is encoded and written a slice of findings at a time, so a report of a million findings
(a few gigabytes of text) never sits in memory whole. `--output` still writes the file atomically:
the command collects the text and renames it into place (cli._write_report).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from itertools import islice
from typing import Any, TextIO

import orjson

from ..pipeline import LintResult

SLICE = 2_000  # findings encoded in one call


def render(result: LintResult, stream: TextIO) -> None:
    for text in pieces(finding.to_json() for finding in result.findings):
        stream.write(text)
    stream.write("\n")


def dumps(findings: Iterable[dict[str, Any]]) -> str:
    """`json.dumps(findings, indent=2, ensure_ascii=False)`, byte for byte."""
    return "".join(pieces(findings))


def pieces(findings: Iterable[dict[str, Any]]) -> Iterator[str]:
    """The array's text in consecutive parts. orjson indents a slice as a whole array; the
    brackets of each are dropped and the slices joined as one array's items."""
    items = iter(findings)
    first = True
    while chunk := list(islice(items, SLICE)):
        text = orjson.dumps(chunk, option=orjson.OPT_INDENT_2).decode("utf-8")
        yield ("[\n" if first else ",\n") + text[2:-2]
        first = False
    yield "[]" if first else "\n]"
