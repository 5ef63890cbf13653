"""Integration: the real pre-commit tool uses this repository as a hook repository.

A throw-away git repository with a claim corpus commits a conflicting claim (refused, the finding
shown) and a clean one (accepted). pre-commit clones this repository at HEAD and installs it in an
environment of its own, exactly as a newsroom's repository would.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
ENTITIES = Path(__file__).parent / "rules" / "entities.yaml"
NPR = """\
source: {id: npr, outlet: NPR, published: 2017-12-22}
claims:
  - {id: vote, subject: Resolution 2397, predicate: vote, value: 15-to-nothing}
"""
PRIMARY = """\
source: {id: unscr-2397, outlet: UNSC, published: 2017-12-22, kind: primary}
claims:
  - {id: vote, subject: Resolution 2397, predicate: vote, value: {for: 15, against: 0, abstain: 0}}
"""
CONFLICTING = """\
source: {id: afp, outlet: AFP, published: 2017-12-23}
claims:
  - {id: vote, subject: Resolution 2397, predicate: vote, value: 14-1}
"""
CLEAN = CONFLICTING.replace("14-1", "unanimously")

pytestmark = pytest.mark.skipif(shutil.which("git") is None, reason="needs git")


def _git(cwd: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(["git", *args], cwd=cwd, capture_output=True, text=True, check=False)


def _head() -> str:
    if _git(REPO, "status", "--porcelain", "--untracked-files=no").stdout.strip():
        pytest.skip("pre-commit installs the hook repository at a commit; commit your changes to run this test")
    return _git(REPO, "rev-parse", "HEAD").stdout.strip()


def test_commit_is_refused_on_a_conflict_and_accepted_when_clean(tmp_path: Path) -> None:
    rev = _head()
    work = tmp_path / "newsroom"
    (work / "claims").mkdir(parents=True)
    env = {**os.environ, "PRE_COMMIT_HOME": str(tmp_path / "cache"), "GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@example.org",
           "GIT_COMMITTER_NAME": "t", "GIT_COMMITTER_EMAIL": "t@example.org"}
    env.pop("FORCE_COLOR", None)
    assert _git(work, "init", "-q").returncode == 0
    shutil.copy(ENTITIES, work / "claims" / "entities.yaml")
    (work / "claims" / "npr.yaml").write_text(NPR, encoding="utf-8")
    (work / "claims" / "unscr-2397.yaml").write_text(PRIMARY, encoding="utf-8")
    (work / ".pre-commit-config.yaml").write_text(
        f"repos:\n  - repo: {REPO.as_uri()}\n    rev: {rev}\n    hooks:\n      - id: factcheck\n", encoding="utf-8"
    )
    pre_commit = [sys.executable, "-m", "pre_commit"]
    install = subprocess.run([*pre_commit, "install"], cwd=work, env=env, capture_output=True, text=True)
    assert install.returncode == 0, install.stderr
    subprocess.run(["git", "add", "-A"], cwd=work, env=env, check=True)
    first = subprocess.run(["git", "commit", "-qm", "corpus"], cwd=work, env=env, capture_output=True, text=True)
    assert first.returncode == 0, first.stdout + first.stderr

    (work / "claims" / "afp.yaml").write_text(CONFLICTING, encoding="utf-8")
    subprocess.run(["git", "add", "claims/afp.yaml"], cwd=work, env=env, check=True)
    refused = subprocess.run(["git", "commit", "-qm", "conflict"], cwd=work, env=env, capture_output=True, text=True)
    output = refused.stdout + refused.stderr
    assert refused.returncode != 0, output
    assert "claims/afp.yaml:3:" in output and "FC106" in output and "contradicts-primary" in output

    (work / "claims" / "afp.yaml").write_text(CLEAN, encoding="utf-8")
    subprocess.run(["git", "add", "claims/afp.yaml"], cwd=work, env=env, check=True)
    accepted = subprocess.run(["git", "commit", "-qm", "clean"], cwd=work, env=env, capture_output=True, text=True)
    assert accepted.returncode == 0, accepted.stdout + accepted.stderr
    assert "factcheck" in accepted.stdout + accepted.stderr  # the hook ran and passed
