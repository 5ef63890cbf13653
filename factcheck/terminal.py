"""Whether output to a terminal is colored: `--color auto|always|never`, which the command sets.

`always` and `never` decide, whatever the environment says. `auto` (the default) leaves it to
the stream and the environment, as rich reads them: color on a terminal, none when piped or
written to a file, none when NO_COLOR is set (https://no-color.org), and color even when piped
when FORCE_COLOR is set (https://force-color.org).
"""

from __future__ import annotations

from typing import Any, TextIO

CHOICES = ("auto", "always", "never")
_chosen = "auto"


def choose(choice: str) -> None:
    """The command's `--color`, for every console made after it."""
    global _chosen
    if choice not in CHOICES:
        raise ValueError(f"--color takes {', '.join(CHOICES)}, not '{choice}'")
    _chosen = choice


def console(stream: TextIO, *, live: bool = False, **options: Any) -> Any:
    """A rich Console on `stream` that colors as chosen. `live`: a progress bar, which needs the
    terminal's control codes even when it is not to be colored."""
    from rich.console import Console

    if _chosen == "always":
        return Console(file=stream, force_terminal=True, no_color=False, **options)
    if _chosen == "never":
        return Console(file=stream, force_terminal=None if live else False, no_color=True, **options)
    return Console(file=stream, **options)
