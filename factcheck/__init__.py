"""factcheck: cross-check claims across sources, like a linter.

The Python API (factcheck/api.py): `factcheck.lint(paths, ...)` returns a `LintResult` whose
`findings` are what `factcheck lint` reports; `factcheck.load(paths, ...)` returns the normalized
assertions; `format_claims`, `draft`, `claim_schema`, `rule_set` and `explain_rule` do what `fmt`,
`extract`, `schema`, `rules` and `explain` do. Every command is a call of these. (No name here is also
a submodule's: importing the submodule would replace the function.) They are imported on first use, so `python -m factcheck`
can check its dependencies first.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"
__all__ = [
    "Assertion", "ConfigError", "Extractor", "Finding", "LintResult", "Location", "UnknownRule", "__version__",
    "claim_schema", "draft", "explain_rule", "format_claims", "lint", "load", "rule_set",
]

if TYPE_CHECKING:
    from .api import Extractor, UnknownRule, claim_schema, draft, explain_rule, format_claims, lint, load, rule_set
    from .assertions import Assertion
    from .config import ConfigError
    from .findings import Finding, Location
    from .pipeline import LintResult

_HOMES = {
    **{name: "api" for name in ("Extractor", "UnknownRule", "claim_schema", "draft", "explain_rule", "format_claims", "lint", "load", "rule_set")},
    "LintResult": "pipeline", "Assertion": "assertions", "ConfigError": "config", "Finding": "findings", "Location": "findings",
}


def __getattr__(name: str) -> Any:
    """The API's names, imported when first asked for (PEP 562)."""
    home = _HOMES.get(name)
    if home is None:
        raise AttributeError(f"module 'factcheck' has no attribute '{name}'")
    import importlib

    value = getattr(importlib.import_module(f".{home}", __name__), name)
    globals()[name] = value
    return value
