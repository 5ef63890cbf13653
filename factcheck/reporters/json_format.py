"""The JSON contract of docs/design.md §6: an array of findings sorted by path, line, column, code.

The text is exactly `json.dumps(findings, indent=2, ensure_ascii=False)`, but built with the C
encoder: with `indent` the standard library falls back to its pure-Python encoder, which took half
of a lint that reports 100,000 findings. A finding is a flat mapping with one list of flat
mappings (`related`), so each flat mapping is encoded in one C call whose item separator carries
its indentation; anything of another shape goes through `json.dumps` itself.
"""

from __future__ import annotations

import json
from typing import Any, TextIO

from ..lint import LintResult

_MEMBER = json.JSONEncoder(ensure_ascii=False, separators=(",\n    ", ": "))  # a finding's members
_RELATED_MEMBER = json.JSONEncoder(ensure_ascii=False, separators=(",\n        ", ": "))  # a related place's
_SCALARS = (str, int, float, bool, type(None))


def render(result: LintResult, stream: TextIO) -> None:
    # Rendered whole, then written once: a reader never gets half an array.
    stream.write(dumps([finding.to_json() for finding in result.findings]) + "\n")


def dumps(findings: list[dict[str, Any]]) -> str:
    """`json.dumps(findings, indent=2, ensure_ascii=False)`, byte for byte."""
    if not findings:
        return "[]"
    return "[\n" + ",\n".join(_finding(f) for f in findings) + "\n]"


def _finding(finding: dict[str, Any]) -> str:
    members: list[str] = []
    flat: dict[str, Any] = {}
    for key, value in finding.items():
        if isinstance(value, _SCALARS):
            flat[key] = value
            continue
        if not (isinstance(value, list) and all(isinstance(v, dict) and all(isinstance(x, _SCALARS) for x in v.values()) for v in value)):
            return _indented(json.dumps(finding, indent=2, ensure_ascii=False))  # another shape: the library's own
        if flat:
            members.append(_MEMBER.encode(flat)[1:-1])
            flat = {}
        members.append(json.dumps(key, ensure_ascii=False) + ": " + _places(value))
    if flat:
        members.append(_MEMBER.encode(flat)[1:-1])
    return "  {\n    " + ",\n    ".join(members) + "\n  }" if members else "  {}"


def _places(places: list[dict[str, Any]]) -> str:
    """The related places in one C call: its separator indents the members, and the joins between
    places, which no string can hold since JSON escapes every line break, are rewritten after."""
    if not places:
        return "[]"
    if not all(places):
        return "[\n      " + ",\n      ".join("{}" if not p else "{\n        " + _RELATED_MEMBER.encode(p)[1:-1] + "\n      }"
                                             for p in places) + "\n    ]"
    text = _RELATED_MEMBER.encode(places)  # [{"path": ...,\n        "line": 1},\n        {"path": ...}]
    return "[\n      {\n        " + text[2:-2].replace("},\n        {", "\n      },\n      {\n        ") + "\n      }\n    ]"


def _indented(text: str) -> str:
    """A top-level value's JSON, one level in (JSON keeps no raw line break inside a string)."""
    return "\n".join("  " + line for line in text.split("\n"))
