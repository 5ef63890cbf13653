"""SARIF 2.1.0, for GitHub code scanning and other SARIF viewers (docs/design.md §6).

Why each choice:

- Every rule of the rule set is a `reportingDescriptor`, not only the rules that fired, so a
  viewer can show what was checked; rules are sorted by code and results keep the lint order, so
  the same corpus gives byte-identical output.
- Locations are relative URIs against `%SRCROOT%` (the working directory, declared in
  `originalUriBaseIds`): code scanning needs the same path for the same file on every run to match
  alerts. Columns count code points, as libyaml's marks do (`columnKind`).
- `partialFingerprints["factcheck/v1"]` is the finding's fingerprint, which ignores line numbers,
  so an alert survives edits that move a claim.
- Pair findings name the other claim in `relatedLocations` (a disagreement then the rest of that
  claim's side, docs/design.md §6). Code scanning only shows related locations that the message
  links to, so the message gets a trailing `related: [...](id)` link per location (SARIF §3.11.6
  embedded links; the finding's own text is kept verbatim before it).
"""

from __future__ import annotations

import re
from importlib import metadata
from pathlib import Path, PurePosixPath, PureWindowsPath
from typing import Any, TextIO
from urllib.parse import quote

import orjson

from .. import __version__
from ..checks import CHECKS
from ..findings import Finding, Location
from ..pipeline import LintResult
from ..ruleset import Rule

SCHEMA_URI = "https://json.schemastore.org/sarif-2.1.0.json"
SRCROOT = "%SRCROOT%"
FINGERPRINT_KEY = "factcheck/v1"
# Used when the installed metadata names no project URL ([project.urls] in pyproject.toml).
LEVELS = {"error": "error", "warning": "warning", "info": "note"}


def render(result: LintResult, stream: TextIO) -> None:
    stream.write(orjson.dumps(sarif_log(result), option=orjson.OPT_INDENT_2).decode("utf-8") + "\n")


def sarif_log(result: LintResult, root: Path | None = None) -> dict[str, Any]:
    """The SARIF log as a dict; `root` is the directory finding paths are relative to (the cwd)."""
    rules = _descriptors(result)
    index = {descriptor["id"]: position for position, descriptor in enumerate(rules)}
    run: dict[str, Any] = {
        "tool": {
            "driver": {
                "name": "factcheck",
                "version": __version__,
                "semanticVersion": __version__,
                "rules": rules,
            }
        },
        "originalUriBaseIds": {SRCROOT: {"uri": _directory_uri(root or Path.cwd())}},
        "columnKind": "unicodeCodePoints",
        "results": [_result(finding, index[finding.code]) for finding in result.findings],
    }
    uri = information_uri()
    if uri:  # optional in SARIF; never invented
        run["tool"]["driver"]["informationUri"] = uri
    return {"$schema": SCHEMA_URI, "version": "2.1.0", "runs": [run]}


def information_uri() -> str | None:
    """The project's home page from the installed metadata; None when it declares none."""
    try:
        meta = metadata.metadata("factcheck")
    except metadata.PackageNotFoundError:
        return None
    urls = dict(_split_project_url(entry) for entry in meta.get_all("Project-URL") or [])
    for label in ("homepage", "repository", "source", "documentation"):
        if urls.get(label):
            return urls[label]
    return meta.get("Home-page") or None


def _split_project_url(entry: str) -> tuple[str, str]:
    label, _, url = entry.partition(",")
    return label.strip().lower(), url.strip()


def _descriptors(result: LintResult) -> list[dict[str, Any]]:
    """One descriptor per rule, sorted by code, plus one for any code a finding has but no rule
    file defines, so every result has a valid `ruleIndex`."""
    rules = sorted(result.ruleset.rules.values(), key=lambda rule: rule.code)
    known = {rule.code for rule in rules}
    descriptors = [_descriptor(rule) for rule in rules]
    extra = sorted({f.code: f for f in result.findings if f.code not in known}.values(), key=lambda f: f.code)
    for finding in extra:
        descriptors.append(
            {
                "id": finding.code,
                "name": finding.name or finding.code,
                "shortDescription": {"text": finding.name or finding.code},
                "defaultConfiguration": {"level": LEVELS.get(finding.severity, "warning")},
            }
        )
    return descriptors


def _descriptor(rule: Rule) -> dict[str, Any]:
    check = CHECKS.get(rule.check)
    descriptor: dict[str, Any] = {
        "id": rule.code,
        "name": rule.name,
        "shortDescription": {"text": rule.summary},
        "fullDescription": {"text": check.description if check else rule.summary},
        "help": {"text": f"{rule.summary} Run `factcheck explain {rule.code}` for what it checks and examples."},
        "defaultConfiguration": {"level": LEVELS.get(rule.severity, "warning")},
    }
    return descriptor


def _result(finding: Finding, rule_index: int) -> dict[str, Any]:
    result: dict[str, Any] = {
        "ruleId": finding.code,
        "ruleIndex": rule_index,
        "level": LEVELS.get(finding.severity, "warning"),
        "message": {"text": _message(finding)},
        "locations": [{"physicalLocation": _physical(finding.location)}],
    }
    if finding.related:
        result["relatedLocations"] = [
            {"id": number, "physicalLocation": _physical(loc), "message": {"text": _describe(loc)}}
            for number, loc in enumerate(finding.related, start=1)
        ]
    result["partialFingerprints"] = {FINGERPRINT_KEY: finding.fingerprint}
    return result


def _message(finding: Finding) -> str:
    if not finding.related:
        return finding.message
    links = ", ".join(f"[{_link_text(_label(loc))}]({number})" for number, loc in enumerate(finding.related, start=1))
    return f"{finding.message} (related: {links})"


def _label(loc: Location) -> str:
    if loc.source and loc.claim:
        return f"{loc.source}/{loc.claim}"
    return loc.source or f"{loc.path}:{loc.line}"


def _describe(loc: Location) -> str:
    if loc.source is None:
        return f"{loc.path}:{loc.line}:{loc.column}"
    return f"source {loc.source}" + (f", claim {loc.claim}" if loc.claim else "")


def _link_text(text: str) -> str:
    """Embedded-link text escapes backslashes and square brackets (SARIF §3.11.6)."""
    return re.sub(r"([\\\[\]])", r"\\\1", text)


def _physical(loc: Location) -> dict[str, Any]:
    return {
        "artifactLocation": _artifact(loc.path),
        "region": {"startLine": max(1, loc.line), "startColumn": max(1, loc.column)},
    }


def _artifact(path: str) -> dict[str, Any]:
    """A relative path becomes a URI reference against %SRCROOT%; an absolute one (a file on
    another drive, say) a file: URI of its own."""
    if PurePosixPath(path).is_absolute() or PureWindowsPath(path).drive:
        return {"uri": Path(path).absolute().as_uri()}
    return {"uri": quote(path, safe="/"), "uriBaseId": SRCROOT}


def _directory_uri(directory: Path) -> str:
    uri = directory.absolute().as_uri()
    return uri if uri.endswith("/") else uri + "/"
