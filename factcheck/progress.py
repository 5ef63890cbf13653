"""A progress bar for a lint that takes a while: files read, then rules run, on standard error.

A cold lint of a large corpus runs for seconds with nothing on the screen, and a user cannot tell a
slow run from a hung one. A bar that flashes up for a 0.3 s run is noise, though, and one written
into a pipe or a CI log is garbage. So the bar is shown only on a terminal, never when the CI
variable is set or NO_PROGRESS is, and only once the run has lasted DELAY seconds; it is drawn
transiently, so nothing of it stays on the screen or in the output.
"""

from __future__ import annotations

import os
import sys
import time
from typing import Any, TextIO

__all__ = ["DELAY", "Progress", "wanted"]

DELAY = 2.0  # seconds a run lasts before the bar appears


def wanted(stream: TextIO | None = None) -> bool:
    """Whether a bar may be shown: standard error is a terminal, and neither CI nor NO_PROGRESS is set."""
    stream = stream if stream is not None else sys.stderr
    if os.environ.get("CI") or os.environ.get("NO_PROGRESS"):
        return False
    isatty = getattr(stream, "isatty", None)
    return bool(isatty and isatty())


class Progress:
    """Counts steps of one phase at a time ("reading files", then "running rules"); draws a bar
    only after DELAY seconds of the run, and only when `show`."""

    def __init__(self, show: bool, stream: TextIO | None = None, delay: float | None = None, clock: Any = time.monotonic) -> None:
        self.show = show
        self.stream = stream if stream is not None else sys.stderr
        self.delay = DELAY if delay is None else delay
        self.clock = clock
        self.started = clock()
        self._bar: Any = None  # rich.progress.Progress, once drawn
        self._task: Any = None
        self.phase = ""
        self.total = 0
        self.done = 0

    def begin(self, phase: str, total: int) -> None:
        self.phase, self.total, self.done = phase, total, 0
        if self._bar is not None:
            self._bar.update(self._task, description=phase, total=total, completed=0)
        self._maybe_draw()

    def step(self, count: int = 1) -> None:
        self.done += count
        if self._bar is not None:
            self._bar.update(self._task, completed=self.done)
        else:
            self._maybe_draw()

    def close(self) -> None:
        if self._bar is not None:
            self._bar.stop()
            self._bar = None

    def _maybe_draw(self) -> None:
        if not self.show or self._bar is not None or self.clock() - self.started < self.delay:
            return
        from rich.progress import BarColumn, MofNCompleteColumn, Progress as Bar, TextColumn, TimeElapsedColumn

        from . import terminal

        self._bar = Bar(TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
                        console=terminal.console(self.stream, live=True), transient=True)
        self._bar.start()
        self._task = self._bar.add_task(self.phase, total=self.total, completed=self.done)

