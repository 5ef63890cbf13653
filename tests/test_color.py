"""`--color auto|always|never`, with NO_COLOR and FORCE_COLOR under auto."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from factcheck import terminal
from factcheck.cli import main

REPO = Path(__file__).resolve().parent.parent
ESCAPE = "\x1b["


@pytest.fixture(autouse=True)
def _back_to_auto() -> object:
    yield
    terminal.choose("auto")


def _lint(capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, *options: str, **environment: str) -> str:
    for name in ("NO_COLOR", "FORCE_COLOR"):
        monkeypatch.delenv(name, raising=False)
    for name, value in environment.items():
        monkeypatch.setenv(name, value)
    monkeypatch.chdir(REPO)
    main(["lint", "claims/npr-2017-12-22.yaml", "--no-cache", "--select", "FC201", *options])
    return capsys.readouterr().out


@pytest.mark.parametrize(("options", "environment", "colored"), [
    ((), {}, False),  # auto, and the captured stream is no terminal
    ((), {"FORCE_COLOR": "1"}, True),
    ((), {"FORCE_COLOR": "1", "NO_COLOR": "1"}, "styles only"),  # NO_COLOR takes the color, not bold and dim
    (("--color", "always"), {}, True),
    (("--color", "always"), {"NO_COLOR": "1"}, True),  # the flag beats the environment
    (("--color", "never"), {"FORCE_COLOR": "1"}, False),
    (("--color", "never"), {}, False),
])
def test_color_follows_the_flag_then_the_environment(options: tuple[str, ...], environment: dict[str, str], colored: object,
                                                     capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    out = _lint(capsys, monkeypatch, *options, **environment)
    assert "FC201" in out
    has_color = "\x1b[33m" in out or "\x1b[1;33m" in out  # a warning is yellow
    if colored == "styles only":
        assert ESCAPE in out and not has_color
    else:
        assert has_color is colored and (ESCAPE in out) is colored


def test_every_command_takes_the_flag_and_refuses_other_values(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        main(["lint", "--color", "sometimes"])
    assert "invalid choice: 'sometimes'" in capsys.readouterr().err
    with pytest.raises(ValueError, match="--color takes auto, always, never"):
        terminal.choose("sometimes")


@pytest.mark.parametrize(("choice", "live", "environment", "terminal_like", "colored"), [
    ("always", False, {}, True, True),
    ("never", False, {"FORCE_COLOR": "1"}, False, False),
    ("never", True, {"FORCE_COLOR": "1"}, True, False),  # a progress bar keeps the control codes, not the color
    ("auto", False, {"FORCE_COLOR": "1"}, True, True),
    ("auto", False, {}, False, False),  # a StringIO is no terminal
])
def test_a_console_writes_to_its_own_stream_with_the_options_given(choice: str, live: bool, environment: dict[str, str], terminal_like: bool,
                                                                   colored: bool, monkeypatch: pytest.MonkeyPatch) -> None:
    for name in ("NO_COLOR", "FORCE_COLOR"):
        monkeypatch.delenv(name, raising=False)
    for name, value in environment.items():
        monkeypatch.setenv(name, value)
    terminal.choose(choice)
    stream = io.StringIO()
    shown = terminal.console(stream, live=live, width=33)
    shown.print("[red]late[/red]")
    assert (shown.width, shown.is_terminal) == (33, terminal_like)
    assert stream.getvalue() == ("\x1b[31mlate\x1b[0m\n" if colored else "late\n")
