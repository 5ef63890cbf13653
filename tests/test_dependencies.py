"""`python -m factcheck` with a Python that lacks the dependencies (the checkout's .venv not
activated): it runs with the checkout's .venv when there is one, else says what is missing and how
to install it, exit 2, never a traceback."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

from factcheck.dependencies import REQUIRED, RERUN_MARK

ROOT = Path(__file__).resolve().parent.parent


def test_the_required_packages_are_the_projects_dependencies() -> None:
    declared = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]["dependencies"]
    names = {re.split(r"[<>=!~ \[]", spec, maxsplit=1)[0] for spec in declared}
    assert names == set(REQUIRED)


@pytest.fixture(scope="module")
def bare_python(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A Python without any of factcheck's dependencies: a venv that does not see site-packages."""
    venv = tmp_path_factory.mktemp("bare") / "venv"
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", str(venv)], check=True)
    python = venv / ("Scripts/python.exe" if os.name == "nt" else "bin/python")
    probe = subprocess.run([str(python), "-c", "import rapidfuzz"], capture_output=True)
    if probe.returncode == 0:
        pytest.skip("the base Python provides rapidfuzz to every venv")
    return python


def _checkout(tmp_path: Path) -> Path:
    checkout = tmp_path / "checkout"
    shutil.copytree(ROOT / "factcheck", checkout / "factcheck", ignore=shutil.ignore_patterns("__pycache__"))
    for name in ("claims", "rules"):
        shutil.copytree(ROOT / name, checkout / name)
    return checkout


def _run(python: Path, cwd: Path) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k not in (RERUN_MARK, "PYTHONPATH", "VIRTUAL_ENV")}
    return subprocess.run([str(python), "-m", "factcheck", "lint", "claims", "--format", "json", "--no-cache"],
                          cwd=cwd, capture_output=True, text=True, env=env, timeout=120)


def test_it_runs_with_the_checkouts_venv(tmp_path: Path, bare_python: Path) -> None:
    checkout = _checkout(tmp_path)
    (checkout / ".venv").symlink_to(Path(sys.prefix), target_is_directory=True)  # a venv that has them
    proc = _run(bare_python, checkout)
    expected = _run(Path(sys.executable), checkout)
    assert (proc.returncode, proc.stdout) == (expected.returncode, expected.stdout) == (1, expected.stdout)
    assert proc.stdout.startswith("[") and "Traceback" not in proc.stderr


def test_without_a_venv_it_says_what_is_missing(tmp_path: Path, bare_python: Path) -> None:
    proc = _run(bare_python, _checkout(tmp_path))
    assert proc.returncode == 2
    assert proc.stdout == ""
    assert "missing required packages" in proc.stderr and "rapidfuzz" in proc.stderr and "pip install" in proc.stderr
    assert "Traceback" not in proc.stderr


def test_a_venv_without_them_is_tried_once(tmp_path: Path, bare_python: Path) -> None:
    checkout = _checkout(tmp_path)
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", str(checkout / ".venv")], check=True)
    proc = _run(bare_python, checkout)
    assert proc.returncode == 2
    assert proc.stderr.count("missing required packages") == 1
    assert str(checkout / ".venv") in proc.stderr


def test_any_venv_of_the_checkout_will_do(tmp_path: Path, bare_python: Path) -> None:
    """CI makes `.venv-ci`, not `.venv`: a checkout's other environments are found too."""
    checkout = _checkout(tmp_path)
    (checkout / ".venv-ci").symlink_to(Path(sys.prefix), target_is_directory=True)
    proc = _run(bare_python, checkout)
    assert proc.returncode == 1 and proc.stdout.startswith("[")
