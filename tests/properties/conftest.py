"""Reports how many property-test examples ran, so the number can be quoted (issue 7)."""

from __future__ import annotations

import pytest

from .support import EXAMPLES


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    if not EXAMPLES:
        return
    terminalreporter.write_sep("-", "property tests")
    for name, count in sorted(EXAMPLES.items()):
        terminalreporter.write_line(f"{count:6d}  {name}")
    terminalreporter.write_line(f"{len(EXAMPLES)} properties, {sum(EXAMPLES.values())} examples run")
