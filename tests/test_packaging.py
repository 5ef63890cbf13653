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


def test_the_version_lives_in_one_place() -> None:
    """factcheck/__init__.py holds it; pyproject.toml reads it from there, and what pip installed,
    the CLI, and the README's pre-commit and CI snippets all say the same."""
    import importlib.metadata
    import re
    import subprocess
    import sys

    import factcheck

    project = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))
    assert "version" not in project["project"] and "version" in project["project"]["dynamic"]
    assert project["tool"]["setuptools"]["dynamic"]["version"] == {"attr": "factcheck.__version__"}
    assert importlib.metadata.version(project["project"]["name"]) == factcheck.__version__
    shown = subprocess.run([sys.executable, "-m", "factcheck", "--version"], capture_output=True, text=True, check=True)
    assert shown.stdout.split() == ["factcheck", factcheck.__version__]
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    pinned = re.findall(r"rev: v(\S+)|factcheck@v([^\"\s]+)", readme)
    assert pinned and {a or b for a, b in pinned} == {factcheck.__version__}
    literal = re.compile(re.escape(f'"{factcheck.__version__}"'))
    assert [p.name for p in (REPO / "factcheck").rglob("*.py") if literal.search(p.read_text(encoding="utf-8"))] == ["__init__.py"]


def test_the_distribution_name_is_not_the_unrelated_one_on_the_index() -> None:
    """`factcheck` on the package index is another project: the README must never tell anyone to
    `pip install factcheck`, and the distribution must be the name the README gives."""
    import re

    name = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))["project"]["name"]
    assert name == "factcheck-lint"
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    commands = "\n".join(re.findall(r"^```[a-z]*\n(.*?)^```", readme, flags=re.MULTILINE | re.DOTALL))
    installs = re.findall(r"pip install\s+(?:-e\s+)?[\"']?([A-Za-z0-9_.\-\[\]]+)", commands)
    assert installs and "factcheck" not in installs
    assert f'"{name} @' in commands
