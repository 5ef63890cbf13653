"""Make sure the packages factcheck needs can be imported before anything imports them.

`python -m factcheck` run from a source checkout with a Python that lacks them (the checkout's
virtual environment not activated, say) would otherwise stop deep inside an import with a
traceback. When the checkout has its own virtual environment (`.venv` from the README's set-up, or
another), the command runs again with that Python, so it works as typed; otherwise it names the missing packages, says how to
install them, and exits 2.
"""

from __future__ import annotations

import importlib.util
import os
import subprocess
import sys
from pathlib import Path

# Distribution -> the module it provides: the `dependencies` of pyproject.toml (a test keeps the two in step).
REQUIRED: dict[str, str] = {
    "pydantic": "pydantic",
    "rapidfuzz": "rapidfuzz",
    "ruamel.yaml": "ruamel.yaml",
    "rich": "rich",
    "PyYAML": "yaml",
    "orjson": "orjson",
    "argcomplete": "argcomplete",
}
RERUN_MARK = "FACTCHECK_RERUN"  # set on the second run, so a broken .venv cannot make a loop
EXIT_ERROR = 2


def missing() -> list[str]:
    """The required distributions whose module this Python cannot find (nothing is imported)."""
    absent = []
    for distribution, module in REQUIRED.items():
        try:
            found = importlib.util.find_spec(module) is not None
        except (ImportError, ValueError):  # a parent package missing or broken
            found = False
        if not found:
            absent.append(distribution)
    return absent


def checkout_python() -> Path | None:
    """The Python of a virtual environment in the source checkout this package sits in (`.venv`
    first, as the README sets it up, then any other directory with a pyvenv.cfg), when this is not
    already that environment (its python is usually a link to the same binary, so environments are
    told apart by their prefix)."""
    root = Path(__file__).resolve().parent.parent
    try:
        others = sorted(d for d in root.iterdir() if d.name != ".venv" and (d / "pyvenv.cfg").is_file())
    except OSError:
        others = []
    for venv in (root / ".venv", *others):
        if Path(sys.prefix).resolve() == venv.resolve():
            continue
        for candidate in (venv / "bin" / "python", venv / "Scripts" / "python.exe"):
            if candidate.is_file():
                return candidate
    return None


def ensure(argv: list[str]) -> None:
    """Return when the dependencies are there; else run again with the checkout's Python, or exit 2."""
    absent = missing()
    if not absent:
        return
    python = checkout_python()
    if python is not None and not os.environ.get(RERUN_MARK):
        command = [str(python), "-m", "factcheck", *argv]
        environment = {**os.environ, RERUN_MARK: "1"}
        sys.stdout.flush()
        if os.name == "posix":
            os.execve(command[0], command, environment)  # does not return
        sys.exit(subprocess.call(command, env=environment))
    print(
        f"factcheck: missing required package{'s' if len(absent) > 1 else ''} {', '.join(absent)} for {sys.executable}; "
        "install factcheck with its dependencies (`pip install -e .` in the checkout, as the README's set-up does) "
        "or run it with the Python that has them (`. .venv/bin/activate` first)",
        file=sys.stderr,
    )
    sys.exit(EXIT_ERROR)
