"""Baselines: adopt factcheck on a corpus with known findings, and fail only on new ones.

Entries are keyed by fingerprint, which hashes rule, source and claim ids and normalized values but
never line numbers, so moving claims or adding unrelated ones does not make old findings new. The
same fingerprint may occur several times; the baseline keeps a count.
"""

from __future__ import annotations

import json
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Sequence

from . import __version__
from .atomic import write_atomic
from .config import ConfigError
from .findings import Finding
from .load_checks import ALWAYS_REPORTED

FORMAT_VERSION = 1


@dataclass(frozen=True)
class BaselineResult:
    findings: list[Finding]  # the new ones
    matched: int  # findings the baseline absorbed
    gone: int  # baseline entries that no longer occur


def write(path: Path, findings: Sequence[Finding]) -> int:
    """Record the current findings (sorted, one entry per finding), atomically."""
    entries = [
        {"fingerprint": f.fingerprint, "code": f.code, "name": f.name, "path": f.location.path, "claim": f.location.claim, "message": f.message}
        for f in findings
        if f.check not in ALWAYS_REPORTED  # a file that cannot be read was not checked at all
    ]
    document = {"tool": "factcheck", "version": FORMAT_VERSION, "factcheck": __version__, "findings": entries}
    text = json.dumps(document, indent=2, ensure_ascii=False) + "\n"
    write_atomic(path, text.encode("utf-8"))
    return len(entries)


def read(path: Path) -> Counter[str]:
    try:
        document = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise ConfigError([f"{path}: baseline file not found (create it with --write-baseline)"]) from None
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as err:
        raise ConfigError([f"{path}: not a factcheck baseline: {err}"]) from None
    entries = document.get("findings") if isinstance(document, dict) else None
    if document.get("tool") != "factcheck" or not isinstance(entries, list):
        raise ConfigError([f"{path}: not a factcheck baseline (expected an object with tool: factcheck and a findings list)"])
    counts: Counter[str] = Counter()
    for index, entry in enumerate(entries):
        fingerprint = entry.get("fingerprint") if isinstance(entry, dict) else None
        if not isinstance(fingerprint, str):
            raise ConfigError([f"{path}: findings[{index}] has no fingerprint"])
        counts[fingerprint] += 1
    return counts


def apply(findings: Sequence[Finding], baseline: Counter[str]) -> BaselineResult:
    remaining = Counter(baseline)
    new: list[Finding] = []
    matched = 0
    for finding in findings:
        if finding.check not in ALWAYS_REPORTED and remaining[finding.fingerprint] > 0:
            remaining[finding.fingerprint] -= 1
            matched += 1
        else:
            new.append(finding)
    return BaselineResult(new, matched, sum(remaining.values()))
