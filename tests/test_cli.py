"""The command line: exit codes, formats, plain output when piped."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

import clean_corpus

from factcheck.cli import main

REPO = Path(__file__).resolve().parent.parent


@pytest.fixture()
def corpus(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    clean_corpus.write(tmp_path / "claims")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def test_clean_corpus_exits_0(corpus: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["lint"]) == 0
    assert "no findings" in capsys.readouterr().out


def test_error_finding_exits_1(corpus: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (corpus / "claims" / "broken.yaml").write_text("source: [\n", encoding="utf-8")
    assert main(["lint", "--format", "json"]) == 1
    findings = json.loads(capsys.readouterr().out)
    assert [(f["code"], f["path"], f["line"]) for f in findings] == [("FC001", "claims/broken.yaml", 2)]
    assert main(["lint", "--exit-zero"]) == 0


def test_warning_exits_0_unless_fail_on_warning(corpus: Path) -> None:
    (corpus / "claims" / "clean.yaml").write_text(clean_corpus.NEWS.replace("Resolution 2397", "Resolution 2398"), encoding="utf-8")
    assert main(["lint"]) == 0  # FC005 is a warning
    assert main(["lint", "--fail-on", "warning"]) == 1


def test_broken_rule_file_exits_2(corpus: Path, capsys: pytest.CaptureFixture[str]) -> None:
    rules = corpus / "extra-rules"
    rules.mkdir()
    (rules / "bad.yaml").write_text("code: FC900\nname: bad\ncheck: no_such_check\nseverity: error\nsummary: x\n", encoding="utf-8")
    assert main(["lint", "--rules", str(rules)]) == 2
    err = capsys.readouterr().err
    assert "bad.yaml:3:8: unknown check 'no_such_check'" in err


def test_missing_path_exits_2(corpus: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["lint", "nowhere"]) == 2
    assert "nowhere: no such file or directory" in capsys.readouterr().err


def test_output_file_and_plain_text(corpus: Path) -> None:
    (corpus / "claims" / "broken.yaml").write_text("source:\n  id: Bad Id\n", encoding="utf-8")
    assert main(["lint", "--output", "report.txt"]) == 1
    report = (corpus / "report.txt").read_text(encoding="utf-8")
    assert "\x1b[" not in report
    assert "claims/broken.yaml:2:7: FC002 [error] invalid-claim-file:" in report
    assert "2 |   id: Bad Id" in report and "^^^^^^" in report


def test_a_failing_report_leaves_the_previous_one_whole(corpus: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from factcheck.reporters import json_format

    (corpus / "report.json").write_text("[]\n", encoding="utf-8")

    def half_then_fail(result, stream) -> None:  # type: ignore[no-untyped-def]
        stream.write("[{")
        raise RuntimeError("disk on fire")

    monkeypatch.setattr(json_format, "render", half_then_fail)
    assert main(["lint", "--format", "json", "--output", "report.json"]) == 2
    assert (corpus / "report.json").read_text(encoding="utf-8") == "[]\n"
    assert [p.name for p in corpus.iterdir() if p.name.endswith(".tmp")] == []


def test_python_dash_m_runs_as_a_subprocess(corpus: Path) -> None:
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    run = subprocess.run([sys.executable, "-m", "factcheck", "lint", "--format", "json"], capture_output=True, text=True, env=env, cwd=corpus)
    assert run.returncode == 0, run.stderr
    assert json.loads(run.stdout) == []


def test_the_command_delivers_all_its_output_before_its_quick_exit(capsys: pytest.CaptureFixture[str]) -> None:
    """`factcheck` leaves with os._exit after flushing (cli.run): nothing written may be lost, and a
    reader that stops early (`| head`) gets no traceback."""
    argv = ["lint", "claims", "--format", "json", "--no-cache"]
    with pytest.MonkeyPatch.context() as patch:
        patch.chdir(REPO)
        main(argv)
    in_process = json.loads(capsys.readouterr().out)
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    run = subprocess.run([sys.executable, "-m", "factcheck", *argv], capture_output=True, text=True, env=env, cwd=REPO)
    assert run.returncode == 1 and json.loads(run.stdout) == in_process and len(in_process) > 10
    text = subprocess.Popen([sys.executable, "-m", "factcheck", *argv[:2]], stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env, cwd=REPO)
    assert text.stdout is not None and text.stderr is not None
    text.stdout.readline()
    text.stdout.close()
    assert text.wait(timeout=60) in (0, 1)
    assert "Traceback" not in text.stderr.read().decode()


@pytest.mark.parametrize(
    ("setup", "argv", "code"),
    [
        ("clean", ["lint"], 0),
        ("conflict", ["lint"], 1),
        ("conflict", ["lint", "--exit-zero"], 0),
        ("unresolved", ["lint"], 0),
        ("unresolved", ["lint", "--fail-on", "warning"], 1),
        ("clean", ["lint", "--format", "nonsense"], 2),
        ("bad-config", ["lint"], 2),
        ("clean", ["lint", "missing.yaml"], 2),
    ],
)
def test_exit_codes_end_to_end(corpus: Path, setup: str, argv: list[str], code: int) -> None:
    """Each exit code of docs/design.md §7, from a real process as CI runs it."""
    if setup == "conflict":
        (corpus / "claims" / "afp.yaml").write_text(clean_corpus.NEWS.replace("id: clean", "id: afp").replace("15-to-nothing", "14-1"), encoding="utf-8")
    elif setup == "unresolved":
        (corpus / "claims" / "clean.yaml").write_text(clean_corpus.NEWS.replace("Resolution 2397", "Resolution 2398"), encoding="utf-8")
    elif setup == "bad-config":
        (corpus / "factcheck.toml").write_text("fail_on = 3\n", encoding="utf-8")
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    run = subprocess.run([sys.executable, "-m", "factcheck", *argv], capture_output=True, text=True, env=env, cwd=corpus)
    assert run.returncode == code, run.stdout + run.stderr
    if code == 2:
        assert run.stderr.startswith(("factcheck:", "usage:"))


@pytest.mark.parametrize(("output_format", "named"), [
    ("json", '"path": "claims/bad\\\\xff.yaml"'), ("text", "claims/bad\\xff.yaml:2:7: FC002"), ("sarif", '"uri": "claims/bad%5Cxff.yaml"'),
])
def test_a_file_name_that_is_not_utf8_is_reported_escaped(corpus: Path, capsys: pytest.CaptureFixture[str], output_format: str, named: str) -> None:
    """A stranger's pull request can add `claims/bad\\xff.yaml`: it is linted and named with the
    byte escaped, and every other file is still checked."""
    name = os.path.join(os.fsencode(corpus / "claims"), b"bad\xff.yaml")
    try:
        with open(name, "wb") as handle:
            handle.write(b"source:\n  id: Bad Id\n")
    except OSError:
        pytest.skip("this file system takes only UTF-8 file names")
    (corpus / "claims" / "broken.yaml").write_text("source:\n  id: Bad Id\n", encoding="utf-8")
    assert main(["lint", "--format", output_format, "--no-cache"]) == 1
    out = capsys.readouterr().out
    assert named in out
    assert "broken.yaml" in out
