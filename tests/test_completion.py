"""`factcheck completion SHELL`: the shell asks factcheck itself at each TAB (argcomplete), so
commands, options and choices complete as the parser has them."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from factcheck.cli import main


def _completions(tmp_path: Path, line: str) -> list[str]:
    """What factcheck answers a shell that completes `line` (argcomplete's protocol)."""
    answer = tmp_path / "answer"
    environment = {**os.environ, "_ARGCOMPLETE": "1", "COMP_LINE": line, "COMP_POINT": str(len(line)),
                   "_ARGCOMPLETE_STDOUT_FILENAME": str(answer), "_ARGCOMPLETE_IFS": "\n"}
    subprocess.run([sys.executable, "-m", "factcheck"], env=environment, check=True, cwd=tmp_path, timeout=60)
    return sorted(word.strip() for word in answer.read_text(encoding="utf-8").split("\n") if word.strip())


def test_commands_options_and_choices_complete(tmp_path: Path) -> None:
    assert _completions(tmp_path, "factcheck c") == ["claims", "completion"]
    assert _completions(tmp_path, "factcheck lint --fo") == ["--format"]
    assert _completions(tmp_path, "factcheck lint --format s") == ["sarif"]
    assert _completions(tmp_path, "factcheck claims --format ") == ["csv", "jsonl"]
    assert _completions(tmp_path, "factcheck lint --color a") == ["always", "auto"]


@pytest.mark.parametrize("shell", ["bash", "zsh", "fish"])
def test_each_shell_gets_a_script_that_asks_factcheck(shell: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["completion", shell]) == 0
    script = capsys.readouterr().out
    assert "factcheck" in script and "_ARGCOMPLETE" in script
    if shell == "bash" and shutil.which("bash"):
        subprocess.run(["bash", "-n"], input=script, text=True, check=True)


def test_an_unknown_shell_is_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as raised:
        main(["completion", "powershell"])
    assert raised.value.code == 2 and "invalid choice: 'powershell'" in capsys.readouterr().err
