"""JUnit XML, for CI systems that show test reports (GitLab, Jenkins, Azure Pipelines, …).

One `<testsuite name="factcheck">` (inside `<testsuites>`, the form pytest writes and every consumer
reads) with one `<testcase>` per linted file: a file is a test that passes when it has no finding,
so a clean corpus reports every file as passed instead of an empty suite. Each finding is a
`<failure>` of its file's test case: `type` is the code, `message` is `CODE name: message`, and the
text starts with `path:line:col` (then a line per related location).

`tests` counts test cases (files) and `failures` counts failed test cases, as JUnit defines them,
so `tests - failures` is the number of clean files; the number of findings is the
`findings` property of the suite.

The XML is built with ElementTree, which escapes markup characters; characters that XML 1.0 cannot
carry at all (NUL and other control characters, which a broken claim file can put in a message) are
written as `\\xNN` so the report always parses.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from typing import TextIO

from ..findings import Finding
from ..pipeline import LintResult

# Characters outside XML 1.0's Char production: C0 controls except tab, LF and CR; surrogates; U+FFFE/U+FFFF.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def render(result: LintResult, stream: TextIO) -> None:
    stream.write('<?xml version="1.0" encoding="UTF-8"?>\n')
    root = report(result)
    ET.indent(root)
    stream.write(ET.tostring(root, encoding="unicode"))
    stream.write("\n")


def report(result: LintResult) -> ET.Element:
    by_path: dict[str, list[Finding]] = {loaded.display: [] for loaded in result.corpus.files}
    for finding in result.findings:  # a finding outside the linted files still gets its test case
        by_path.setdefault(finding.location.path, []).append(finding)

    tests = len(by_path)
    failed = sum(1 for findings in by_path.values() if findings)
    counts = {"tests": str(tests), "failures": str(failed), "errors": "0", "skipped": "0"}
    root = ET.Element("testsuites", {"name": "factcheck", **counts})
    suite = ET.SubElement(root, "testsuite", {"name": "factcheck", **counts})
    properties = ET.SubElement(suite, "properties")
    ET.SubElement(properties, "property", {"name": "findings", "value": str(len(result.findings))})
    for path, findings in by_path.items():
        case = ET.SubElement(suite, "testcase", {"classname": _clean(path), "name": _clean(path), "file": _clean(path)})
        for finding in findings:
            failure = ET.SubElement(
                case,
                "failure",
                {"type": finding.code, "message": _clean(f"{finding.code} {finding.name}: {finding.message}")},
            )
            failure.text = _clean(_where(finding))
    return root


def _where(finding: Finding) -> str:
    loc = finding.location
    lines = [f"{loc.path}:{loc.line}:{loc.column}"]
    for related in finding.related:
        who = "/".join(part for part in (related.source, related.claim) if part)
        lines.append(f"related: {related.path}:{related.line}:{related.column}" + (f" ({who})" if who else ""))
    return "\n".join(lines)


def _clean(text: str) -> str:
    return _NOT_XML.sub(_visible, text)


def _visible(match: re.Match[str]) -> str:
    code = ord(match.group())
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"
