"""Integration: the real pre-commit tool uses this repository as a hook repository.

A throw-away git repository with a claim corpus commits a conflicting claim (refused, the finding
shown) and a clean one (accepted); an edit to a source document that breaks a claim's evidence
(refused) and one that keeps it (accepted); a configuration change that applies to files nobody
staged (refused). pre-commit clones this repository at HEAD and installs it in an environment of its
own, exactly as a newsroom's repository would.
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
EVIDENCE = "Nikki Haley managed just that with a 15-to-nothing vote"
CITING = f"""\
source: {{id: npr, outlet: NPR, published: 2017-12-22, document: sources/npr.txt}}
claims:
  - {{id: vote, subject: Resolution 2397, predicate: vote, value: 15-to-nothing, evidence: "{EVIDENCE}"}}
  - {{id: tone, subject: Resolution 2397, predicate: statement, value: "The resolution is the toughest yet", evidence: "the toughest yet"}}
"""
ARTICLE = f"The Security Council wanted unity, and Ambassador {EVIDENCE}.\nDiplomats called it the toughest yet.\n"

pytestmark = pytest.mark.skipif(shutil.which("git") is None, reason="needs git")


def _git(cwd: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(["git", *args], cwd=cwd, capture_output=True, text=True, check=False)


def _head() -> str:
    if _git(REPO, "status", "--porcelain", "--untracked-files=no").stdout.strip():
        pytest.skip("pre-commit installs the hook repository at a commit; commit your changes to run this test")
    return _git(REPO, "rev-parse", "HEAD").stdout.strip()


def _newsroom(tmp_path: Path, files: dict[str, str]) -> tuple[Path, dict[str, str]]:
    """A git repository holding `files` and the registry, with the hook installed at this
    repository's HEAD and everything committed; and the environment to commit in."""
    rev = _head()
    work = tmp_path / "newsroom"
    (work / "claims").mkdir(parents=True)
    env = {**os.environ, "PRE_COMMIT_HOME": str(tmp_path / "cache"), "GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@example.org",
           "GIT_COMMITTER_NAME": "t", "GIT_COMMITTER_EMAIL": "t@example.org"}
    env.pop("FORCE_COLOR", None)
    assert _git(work, "init", "-q").returncode == 0
    shutil.copy(ENTITIES, work / "claims" / "entities.yaml")
    for name, text in files.items():
        (work / name).parent.mkdir(parents=True, exist_ok=True)
        (work / name).write_text(text, encoding="utf-8")
    (work / ".pre-commit-config.yaml").write_text(
        f"repos:\n  - repo: {REPO.as_uri()}\n    rev: {rev}\n    hooks:\n      - id: factcheck\n", encoding="utf-8"
    )
    pre_commit = [sys.executable, "-m", "pre_commit"]
    install = subprocess.run([*pre_commit, "install"], cwd=work, env=env, capture_output=True, text=True)
    assert install.returncode == 0, install.stderr
    subprocess.run(["git", "add", "-A"], cwd=work, env=env, check=True)
    first = subprocess.run(["git", "commit", "-qm", "corpus"], cwd=work, env=env, capture_output=True, text=True)
    assert first.returncode == 0, first.stdout + first.stderr
    return work, env


def _commit(work: Path, env: dict[str, str], name: str, text: str) -> tuple[int, str]:
    """Write `name`, stage it and commit: the exit code and everything the hook printed."""
    (work / name).write_text(text, encoding="utf-8")
    subprocess.run(["git", "add", name], cwd=work, env=env, check=True)
    commit = subprocess.run(["git", "commit", "-qm", f"edit {name}"], cwd=work, env=env, capture_output=True, text=True)
    return commit.returncode, commit.stdout + commit.stderr


def test_commit_is_refused_on_a_conflict_and_accepted_when_clean(tmp_path: Path) -> None:
    work, env = _newsroom(tmp_path, {"claims/npr.yaml": NPR, "claims/unscr-2397.yaml": PRIMARY})
    code, output = _commit(work, env, "claims/afp.yaml", CONFLICTING)
    assert code != 0, output
    assert "claims/afp.yaml:3:" in output and "FC106" in output and "contradicts-primary" in output

    code, output = _commit(work, env, "claims/afp.yaml", CLEAN)
    assert code == 0, output
    assert "factcheck" in output  # the hook ran and passed


def test_an_edit_to_a_source_document_is_checked_against_the_claims_citing_it(tmp_path: Path) -> None:
    work, env = _newsroom(tmp_path, {"claims/npr.yaml": CITING, "claims/unscr-2397.yaml": PRIMARY, "claims/sources/npr.txt": ARTICLE})
    code, output = _commit(work, env, "claims/sources/npr.txt", ARTICLE.replace("15-to-nothing", "14-to-1"))
    assert code != 0, output
    assert "claims/npr.yaml:3:" in output and "FC203" in output and "evidence-not-found" in output and "14-to-1" in output

    code, output = _commit(work, env, "claims/sources/npr.txt", ARTICLE + "The vote came days before Christmas.\n")
    assert code == 0, output
    assert "factcheck" in output and "Passed" in output  # the hook ran on the document and passed


def test_a_configuration_change_lints_the_whole_corpus(tmp_path: Path) -> None:
    """Only pyproject.toml is staged, yet the warning it now fails on is in a claim file."""
    work, env = _newsroom(tmp_path, {"claims/npr.yaml": CITING, "claims/unscr-2397.yaml": PRIMARY, "claims/sources/npr.txt": ARTICLE})
    code, output = _commit(work, env, "pyproject.toml", '[tool.factcheck]\nfail-on = "warning"\n')
    assert code != 0, output
    assert "claims/npr.yaml:4:" in output and "FC201" in output and "unsupported" in output
