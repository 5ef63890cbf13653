"""Output formats, chosen by name from one table."""

from __future__ import annotations

from typing import Callable, TextIO

from ..lint import LintResult
from . import concise_format, github_format, json_format, junit_format, sarif_format, text_format

Reporter = Callable[[LintResult, TextIO], None]

REPORTERS: dict[str, Reporter] = {
    "text": text_format.render,
    "concise": concise_format.render,
    "json": json_format.render,
    "sarif": sarif_format.render,
    "github": github_format.render,
    "junit": junit_format.render,
}
