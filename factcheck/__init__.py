"""factcheck: cross-check claims across sources, like a linter.

The Python API (factcheck/api.py): `factcheck.lint(paths, ...)` returns a `LintResult` whose
`findings` are what `factcheck lint` reports; `factcheck.load(paths, ...)` returns the normalized
assertions. They are imported on first use, so `python -m factcheck` can check its dependencies first.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"
__all__ = ["Assertion", "ConfigError", "Finding", "LintResult", "Location", "__version__", "lint", "load"]

if TYPE_CHECKING:
    from .api import lint, load
    from .assertions import Assertion
    from .config import ConfigError
    from .findings import Finding, Location
    from .pipeline import LintResult

_HOMES = {
    "lint": "api", "load": "api", "LintResult": "lint", "Assertion": "assertions", "ConfigError": "config",
    "Finding": "findings", "Location": "findings",
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
