"""Every hostile input of the catalogue (tests/catalogue/cases.yaml) through the real CLI.

Each case runs in its own small project next to a known-good canary claim file, and must give
exactly its expected findings (code, line, column, a fragment of the message), no traceback, the
canary's own finding (the other files were still processed), the right exit code, within a time
limit, and without opening any file outside the project (an audit hook records every open).
"""

from __future__ import annotations

import faulthandler
import json
import os
import signal
import sys
import sysconfig
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest

sys.path.insert(0, str(Path(__file__).parent / "catalogue"))

from build import CANARY_PATH, SECRET_TEXT, Case, Expected, Project, build, load_cases  # noqa: E402

import factcheck  # noqa: E402
from factcheck.cli import main  # noqa: E402

CASES = load_cases()
TIME_LIMIT = 30  # seconds per case; the slowest takes well under one

_opened: list[str] | None = None


def _audit(event: str, args: tuple[Any, ...]) -> None:
    if event == "open" and _opened is not None and isinstance(args[0], (str, bytes, os.PathLike)):
        _opened.append(os.fsdecode(args[0]))


sys.addaudithook(_audit)  # cannot be removed; it records only while a case runs


@contextmanager
def _recording() -> Iterator[list[str]]:
    global _opened
    _opened = []
    try:
        yield _opened
    finally:
        _opened = None


class _Hang(Exception):
    pass


@contextmanager
def _deadline(seconds: int) -> Iterator[None]:
    """A hang fails the case instead of blocking CI; a hang the alarm cannot break (inside C code)
    still ends the run, with every thread's traceback."""
    def expire(signum: int, frame: Any) -> None:
        raise _Hang(f"no result within {seconds} s")

    previous = signal.signal(signal.SIGALRM, expire)
    signal.alarm(seconds)
    faulthandler.dump_traceback_later(seconds * 2, exit=True, file=sys.__stderr__)
    try:
        yield
    finally:
        signal.alarm(0)
        faulthandler.cancel_dump_traceback_later()
        signal.signal(signal.SIGALRM, previous)


def _allowed_prefixes(project: Project) -> tuple[str, ...]:
    """The project, the Python installation and the factcheck package (its default rules)."""
    places = {str(project.root), os.path.realpath(project.root), sys.prefix, sys.base_prefix, sys.exec_prefix,
              sysconfig.get_paths()["purelib"], str(Path(factcheck.__file__).resolve().parent.parent), "/dev/null"}
    return tuple(p.rstrip("/") + "/" if p != "/dev/null" else p for p in places)


def run_case(case: Case, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> tuple[int, list[dict[str, Any]], str, list[str]]:
    project = build(case, tmp_path)
    monkeypatch.chdir(project.root)
    report = project.root / "report.json"
    with _recording() as opened, _deadline(TIME_LIMIT):
        code = main([*project.args, "--format", "json", "--output", str(report), "--no-cache", "--jobs", "1"])
    captured = capsys.readouterr()
    output = captured.out + captured.err
    findings = json.loads(report.read_text(encoding="utf-8")) if report.exists() else []
    allowed = _allowed_prefixes(project)
    outside = sorted({p for p in opened if not os.path.abspath(p).startswith(allowed) and os.path.abspath(p) != str(project.root)})
    return code, findings, output + report.read_text(encoding="utf-8") if report.exists() else output, outside


@pytest.mark.parametrize("case", CASES, ids=[case.name for case in CASES])
def test_case(case: Case, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    if case.root_skips and os.geteuid() == 0:
        pytest.skip("running as root: file permissions do not stop root")
    code, findings, output, outside = run_case(case, tmp_path, monkeypatch, capsys)
    assert "Traceback" not in output and "internal error" not in output, output
    assert SECRET_TEXT.strip() not in output
    assert outside == [], f"opened outside the project: {outside}"
    if case.exit == 2:
        assert code == 2, output
        assert case.stderr and case.stderr in output, output
        return
    assert _compare(findings, case.path, case.expect, case.codes, exclude=CANARY_PATH) == []
    assert _compare(findings, CANARY_PATH, case.canary, ("FC",), only=CANARY_PATH) == []
    errors = any(f["severity"] == "error" for f in findings)
    assert code == (case.exit if case.exit is not None else int(errors))
    if case.stderr:
        assert case.stderr in output


def _compare(findings: list[dict[str, Any]], default: str, expected: tuple[Expected, ...], codes: tuple[str, ...],
             *, exclude: str | None = None, only: str | None = None) -> list[str]:
    """What differs between the findings and the expectations: missing, unexpected, wrong message."""
    found = {}
    for f in findings:
        if f["path"] == exclude or (only is not None and f["path"] != only) or not f["code"].startswith(codes):
            continue
        found.setdefault(f"{f['path']} {f['code']} {f['line']}:{f['column']}", []).append(f["message"])
    problems = []
    for item in expected:
        where = item.where(default)
        messages = found.get(where)
        if not messages:
            problems.append(f"missing: {where}")
            continue
        message = messages.pop(0)
        if not messages:
            del found[where]
        if item.fragment and item.fragment not in message:
            problems.append(f"{where}: message {message!r} lacks {item.fragment!r}")
    problems.extend(f"unexpected: {where}: {message}" for where, messages in found.items() for message in messages)
    return problems


def test_catalogue_covers_every_kind() -> None:
    """The issue's list, kind by kind: a kind without a case is a gap in the catalogue."""
    kinds = {case.kind for case in CASES}
    wanted = {
        "invalid yaml", "duplicate keys", "anchors and aliases", "tags", "nesting", "size limit", "long line",
        "nul bytes", "byte-order mark", "crlf", "encoding", "empty", "directory", "unreadable", "symlinks",
        "wrong types", "almost parses", "document", "broken rules", "broken registry", "broken config",
    }
    assert wanted <= kinds, sorted(wanted - kinds)
