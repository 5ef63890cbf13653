"""factcheck: cross-check claims across sources, like a linter."""

__version__ = "0.1.0"
