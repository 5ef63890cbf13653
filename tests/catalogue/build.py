"""The catalogue of hostile inputs (cases.yaml): each case becomes a small project on disk.

Shared by tests/test_catalogue.py (exact findings, no traceback, nothing read outside the project)
and bench/hostile.py (time and memory of each case in a fresh process), so both run the same inputs.

A project is `pyproject.toml` ([tool.factcheck] claims = "claims"), the entity registry of the broken
corpus, a known-good canary claim file (its one FC201 finding proves the other files were still
processed) and the case's input, written as text, as bytes, copied from tests/data/broken, or built
(a FIFO, a sparse 100 MB file, a symlink loop...). Next to the project, outside it, lies a secret
file that escape cases point at.
"""

from __future__ import annotations

import os
import re
import shutil
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

HERE = Path(__file__).parent
DATA = HERE.parent / "data"
BROKEN = DATA / "broken"
CASES_FILE = HERE / "cases.yaml"

CANARY_PATH = "claims/canary.yaml"
CANARY = """\
source:
  id: ok
  outlet: NPR
  published: 2017-12-22
claims:
  - id: canary
    subject: Resolution 2397
    predicate: statement
    value: The canary statement stands alone in this corpus.
"""
CANARY_FINDING = "FC201 9:12"
SECRET_TEXT = "TOP-SECRET-LINE: factcheck must never read this file\n"

# "[@path] CODE line:col [fragment of the message]"; the path defaults to the case's own.
_EXPECTATION = re.compile(r"^(?:@(\S+) )?(FC\d{3}) (\d+):(\d+)(?: (.+))?$")


@dataclass(frozen=True)
class Expected:
    path: str | None  # None: the case's path
    code: str
    line: int
    column: int
    fragment: str | None = None

    def where(self, default: str) -> str:
        return f"{self.path or default} {self.code} {self.line}:{self.column}"


@dataclass(frozen=True)
class Case:
    name: str
    kind: str
    path: str = "claims/case.yaml"
    text: str | None = None
    data: str | None = None  # bytes, written as latin-1 code points ("\xff" is the byte 0xff)
    copy: str | None = None  # a file under tests/data
    build: dict[str, Any] = field(default_factory=dict)
    files: dict[str, str] = field(default_factory=dict)  # extra files of the project, as text
    args: tuple[str, ...] = ()
    expect: tuple[Expected, ...] = ()
    codes: tuple[str, ...] = ("FC0",)  # findings in case files with these code prefixes are compared
    exit: int | None = None  # None: 1 when an error-severity finding is reported, else 0
    stderr: str | None = None
    root_skips: bool = False  # permissions do not stop root
    canary: tuple[Expected, ...] = ()  # the canary's findings; default: its one FC201


def load_cases() -> list[Case]:
    """The catalogue, then one case per file of the broken corpus (its expectations reused)."""
    cases = [_case(entry) for entry in yaml.safe_load(CASES_FILE.read_text(encoding="utf-8"))]
    expected = yaml.safe_load((DATA / "broken-expected.yaml").read_text(encoding="utf-8"))
    for name, findings in sorted(expected.items()):
        if name in ("ok.yaml", "entities.yaml"):  # the canary and the registry play these parts
            continue
        cases.append(Case(name=f"broken/{name}", kind="broken corpus", path=f"claims/{name}", copy=f"broken/{name}",
                          expect=tuple(_expected(item) for item in findings), canary=(_expected(CANARY_FINDING),)))
    names = [case.name for case in cases]
    duplicates = {name for name in names if names.count(name) > 1}
    if duplicates:
        raise ValueError(f"{CASES_FILE}: case names used twice: {sorted(duplicates)}")
    return cases


def _case(entry: dict[str, Any]) -> Case:
    entry = dict(entry)
    entry["expect"] = tuple(_expected(item) for item in entry.get("expect", ()))
    entry["canary"] = tuple(_expected(item) for item in entry.get("canary", (CANARY_FINDING,)))
    for key in ("args", "codes"):
        if key in entry:
            entry[key] = tuple(entry[key])
    if "root-skips" in entry:
        entry["root_skips"] = entry.pop("root-skips")
    return Case(**entry)


def _expected(text: str) -> Expected:
    match = _EXPECTATION.match(text)
    if match is None:
        raise ValueError(f"{CASES_FILE}: expected 'CODE line:col [fragment]', found {text!r}")
    path, code, line, column, fragment = match.groups()
    return Expected(path, code, int(line), int(column), fragment)


@dataclass(frozen=True)
class Project:
    root: Path  # the working directory of the run
    outside: Path  # a directory next to the project, holding the secret
    args: list[str]  # `factcheck lint` arguments, without the output options


def build(case: Case, base: Path) -> Project:
    """Write the case's project under `base` (an empty directory)."""
    root, outside = base / "project", base / "outside"
    (root / "claims").mkdir(parents=True)
    outside.mkdir()
    (outside / "secret.txt").write_text(SECRET_TEXT, encoding="utf-8")
    (outside / "secret.yaml").write_text(CANARY.replace("id: ok", "id: secret"), encoding="utf-8")
    (root / "pyproject.toml").write_text('[tool.factcheck]\nclaims = "claims"\n', encoding="utf-8")
    shutil.copyfile(BROKEN / "entities.yaml", root / "claims" / "entities.yaml")
    (root / CANARY_PATH).write_text(CANARY, encoding="utf-8")
    for name, text in case.files.items():
        _write(root / name, text.encode("utf-8"))
    target = root / case.path
    target.parent.mkdir(parents=True, exist_ok=True)
    if case.text is not None:
        _write(target, case.text.encode("utf-8"))
    elif case.data is not None:
        _write(target, case.data.encode("latin-1"))
    elif case.copy is not None:
        shutil.copyfile(DATA / case.copy, target)
    _construct(case.build, target, root, outside)
    return Project(root, outside, ["lint", *case.args])


def _write(path: Path, data: bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)


def _construct(spec: dict[str, Any], target: Path, root: Path, outside: Path) -> None:
    """The inputs that cannot be static files."""
    for how, value in spec.items():
        if how == "fifo":
            os.mkfifo(target)
        elif how == "directory":
            target.mkdir()
        elif how == "symlink":  # to a path relative to the project root; may escape it or not exist
            target.symlink_to(os.path.relpath(root / value, target.parent))
        elif how == "symlink-loop":
            other = target.with_name("loop-" + target.name)
            target.symlink_to(other.name)
            other.symlink_to(target.name)
        elif how == "size":  # a sparse file: instant, and no disk used
            with open(target, "wb") as handle:
                handle.truncate(int(value))
        elif how == "long-value":  # the canary with a value of that many characters on one line
            text = CANARY.replace("id: ok", "id: long").replace(
                "The canary statement stands alone in this corpus.", "x " * (int(value) // 2))
            target.write_text(text, encoding="utf-8")
        elif how == "long-evidence":  # evidence of that many characters, against a 1 MB document
            words = " ".join(f"w{i % 997}" for i in range(180_000))
            _write(root / "claims" / "sources" / "big.txt", words.encode())
            text = CANARY.replace("id: ok", "id: long").replace("  published: 2017-12-22\n", "  published: 2017-12-22\n  document: sources/big.txt\n")
            target.write_text(text + f"    evidence: {'w1 w2 ' * (int(value) // 6)}\n", encoding="utf-8")
        elif how == "nesting":  # a flow sequence nested that deep
            target.write_text("source: " + "[" * int(value) + "]" * int(value) + "\n", encoding="utf-8")
        elif how == "block-nesting":  # block mappings nested that deep
            target.write_text("".join(" " * i + f"k{i}:\n" for i in range(int(value))), encoding="utf-8")
        elif how == "mode":
            target.chmod(int(value))
        elif how == "outside-document":  # a document symlink inside the project that leads out
            link = root / "claims" / "sources" / "leak.txt"
            link.parent.mkdir(parents=True, exist_ok=True)
            link.symlink_to(outside / "secret.txt")
        else:
            raise ValueError(f"unknown build step {how!r}")
