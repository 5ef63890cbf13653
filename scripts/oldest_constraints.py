"""Write pip constraints that pin every dependency pyproject.toml declares to its lower bound.

    python3 scripts/oldest_constraints.py [pyproject.toml] > oldest.txt
    pip install -c oldest.txt -e '.[test]'

CI installs the project once with the newest releases and once with these, so a lower bound in
pyproject.toml is a version the test suite has passed with, not a guess. Every requirement must
have a `>=` bound: one without it has no oldest version to test, and is an error here.
Standard library only, so it runs before any environment exists.
"""

from __future__ import annotations

import re
import sys
import tomllib
from pathlib import Path
from typing import Any

# "name[extra]>=1.2,<3 ; marker": the name, then the version part up to a marker.
_REQUIREMENT = re.compile(r"^\s*([A-Za-z0-9][A-Za-z0-9._-]*)\s*(?:\[[^\]]*\])?\s*([^;]*)")
_LOWER = re.compile(r">=\s*([0-9][A-Za-z0-9.+!-]*)")


def normalized(name: str) -> str:
    """PEP 503: `ruamel.yaml`, `Ruamel_YAML` and `ruamel-yaml` are one project."""
    return re.sub(r"[-_.]+", "-", name).lower()


def requirements(pyproject: dict[str, Any]) -> list[str]:
    """The runtime dependencies and every optional extra (the test extra is what CI installs)."""
    project = pyproject["project"]
    found = list(project.get("dependencies", []))
    for extra in project.get("optional-dependencies", {}).values():
        found.extend(extra)
    return found


def lower_bounds(specs: list[str]) -> dict[str, tuple[str, str]]:
    """normalized name -> (name as written, lower bound). A project listed twice keeps the higher
    bound, the oldest version that satisfies both listings."""
    bounds: dict[str, tuple[str, str]] = {}
    for spec in specs:
        match = _REQUIREMENT.match(spec)
        lower = _LOWER.search(match.group(2)) if match else None
        if match is None or lower is None:
            raise ValueError(f"requirement {spec!r} has no '>=' lower bound")
        name, version = match.group(1), lower.group(1)
        key = normalized(name)
        if key in bounds and _version_key(bounds[key][1]) >= _version_key(version):
            continue
        bounds[key] = (name, version)
    return bounds


def _version_key(version: str) -> tuple[int, ...]:
    """Release numbers only, trailing zeros dropped (6 == 6.0): enough for the plain bounds
    pyproject.toml uses."""
    parts = [int(part) for part in re.findall(r"\d+", version.split("+")[0])]
    while parts and parts[-1] == 0:
        parts.pop()
    return tuple(parts)


def constraints(pyproject_path: Path) -> str:
    """One `name==version` line per project, sorted by name."""
    pyproject = tomllib.loads(pyproject_path.read_text(encoding="utf-8"))
    bounds = lower_bounds(requirements(pyproject))
    return "".join(f"{name}=={version}\n" for name, version in sorted(bounds.values(), key=lambda nv: normalized(nv[0])))


def main(argv: list[str]) -> int:
    path = Path(argv[0]) if argv else Path(__file__).resolve().parent.parent / "pyproject.toml"
    try:
        sys.stdout.write(constraints(path))
    except (OSError, ValueError, KeyError, tomllib.TOMLDecodeError) as err:
        print(f"oldest_constraints: {path}: {err}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
