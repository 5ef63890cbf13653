"""scripts/oldest_constraints.py, which CI's second run installs from: it pins every dependency
pyproject.toml declares, to exactly its lower bound, and refuses a requirement without one."""

from __future__ import annotations

import importlib.util
import subprocess
import sys
import tomllib
from pathlib import Path
from types import ModuleType

import pytest
from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

REPO = Path(__file__).resolve().parent.parent
SCRIPT = REPO / "scripts" / "oldest_constraints.py"


def _script() -> ModuleType:
    """The script as a module (scripts/ is not a package)."""
    spec = importlib.util.spec_from_file_location("oldest_constraints", SCRIPT)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _pins(text: str) -> dict[str, str]:
    pins = {}
    for line in text.splitlines():
        requirement = Requirement(line)
        (specifier,) = requirement.specifier
        assert specifier.operator == "=="
        pins[canonicalize_name(requirement.name)] = specifier.version
    return pins


def test_every_declared_dependency_is_pinned_to_its_lower_bound() -> None:
    """Read with `packaging`, independently of the script's own parsing: the runtime dependencies
    and every extra, each at the version its `>=` names."""
    project = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    declared = list(project["dependencies"]) + [spec for extra in project["optional-dependencies"].values() for spec in extra]
    expected: dict[str, str] = {}
    for spec in declared:
        requirement = Requirement(spec)
        lower = [s.version for s in requirement.specifier if s.operator == ">="]
        assert lower, f"{spec}: every dependency needs a lower bound, the version CI tests"
        expected[canonicalize_name(requirement.name)] = lower[0]
    output = subprocess.run([sys.executable, str(SCRIPT)], capture_output=True, text=True, check=True).stdout
    assert _pins(output) == expected


def test_a_requirement_without_a_lower_bound_is_an_error(tmp_path: Path) -> None:
    pyproject = tmp_path / "pyproject.toml"
    pyproject.write_text('[project]\nname = "x"\ndependencies = ["rich>=13", "pydantic"]\n', encoding="utf-8")
    done = subprocess.run([sys.executable, str(SCRIPT), str(pyproject)], capture_output=True, text=True)
    assert done.returncode == 1 and done.stdout == ""
    assert "'pydantic' has no '>=' lower bound" in done.stderr


def test_the_oldest_version_that_satisfies_every_listing() -> None:
    """A project in two lists keeps the higher bound; names match however they are spelled; an upper
    bound, extras and markers do not get in the way."""
    bounds = _script().lower_bounds(["ruamel.yaml>=0.18", "Ruamel_YAML>=0.18.5,<0.20", "pyshacl[dev]>=0.26 ; python_version >= '3.11'",
                                     "pyshacl>=0.25"])
    assert bounds == {"ruamel-yaml": ("Ruamel_YAML", "0.18.5"), "pyshacl": ("pyshacl", "0.26")}


@pytest.mark.parametrize("spec", ["rich<14", "rich==13", "rich"])
def test_no_lower_bound_no_pin(spec: str) -> None:
    with pytest.raises(ValueError, match="no '>=' lower bound"):
        _script().lower_bounds([spec])
