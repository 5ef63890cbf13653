"""Output formats, chosen by name from one table.

Each format's module is imported only when it is used: `--format json` never pays for rich, and
the command line can list the names without importing any of them.
"""

from __future__ import annotations

import importlib
from collections.abc import Iterator, Mapping
from typing import TYPE_CHECKING, Callable, TextIO

if TYPE_CHECKING:
    from ..pipeline import LintResult

Reporter = Callable[["LintResult", TextIO], None]

# name -> the module (in this package) whose `render` writes that format
_MODULES: dict[str, str] = {
    "text": "text_format",
    "concise": "concise_format",
    "json": "json_format",
    "sarif": "sarif_format",
    "github": "github_format",
    "junit": "junit_format",
    "claimreview": "claimreview_format",
    "markdown": "markdown_format",
}


class _Table(Mapping[str, Reporter]):
    """The format table; looking a name up imports its module."""

    def __getitem__(self, name: str) -> Reporter:
        module = importlib.import_module(f"{__name__}.{_MODULES[name]}")
        return module.render  # type: ignore[no-any-return]

    def __iter__(self) -> Iterator[str]:
        return iter(_MODULES)

    def __len__(self) -> int:
        return len(_MODULES)


REPORTERS: Mapping[str, Reporter] = _Table()
