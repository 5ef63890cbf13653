"""Packaging: every subpackage ships, and the default rule set ships as package data."""

from __future__ import annotations

import tomllib
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent


def test_every_subpackage_is_listed_in_pyproject() -> None:
    config = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["setuptools"]
    on_disk = {
        ".".join(init.parent.relative_to(REPO).parts)
        for init in (REPO / "factcheck").rglob("__init__.py")
        if "__pycache__" not in init.parts
    }
    assert set(config["packages"]) == on_disk | {"factcheck.default_rules", "factcheck.rule_cases"}
    assert config["package-dir"] == {"factcheck.default_rules": "rules", "factcheck.rule_cases": "tests/rules"}
    assert config["package-data"]["factcheck.default_rules"] == ["*.yaml"]
    assert config["package-data"]["factcheck.rule_cases"] == ["*.yaml"]
