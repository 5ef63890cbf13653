"""The project stands alone (docs/design.md §10): no file points outside the repository, and every
citation of the design page names a section the page has."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
DESIGN = REPO / "docs" / "design.md"

# Directories that are not part of the project's own files (virtual environments, caches, builds).
SKIPPED_DIRS = {".git", "__pycache__", ".pytest_cache", ".hypothesis", ".factcheck_cache", "build", "dist", "node_modules"}

# Written in pieces so that this file does not match them itself.
_OLD_CONTRACT = "DESIGN" + ".md"
OUTSIDE = [
    (re.compile(re.escape(_OLD_CONTRACT)), "the old design contract, which lives outside the repository (cite docs/design.md)"),
    (re.compile(r"\.\./" + "shared" + r"\b"), "a path into a directory beside the repository"),
    (re.compile(r"(?<![\w.:/-])/" + "work" + r"/"), "an absolute path of one machine"),
    (re.compile(r"parent\s*/\s*[\"']" + "shared" + r"[\"']"), "a path built to a directory beside the repository"),
]
CITATION = re.compile(r"docs/design\.md\s*§\s*(\d+)")
SECTION = re.compile(r"^## (\d+)\. \S", re.M)


def project_files() -> list[Path]:
    """The files of the project: tracked and new (not ignored) files in a git checkout, else every
    file of the tree outside virtual environments and caches."""
    if (REPO / ".git").exists():
        try:
            listed = subprocess.run(
                ["git", "ls-files", "-z", "--cached", "--others", "--exclude-standard"],
                cwd=REPO, capture_output=True, check=True,
            ).stdout
        except (OSError, subprocess.CalledProcessError):
            listed = None
        if listed is not None:
            names = sorted({name for name in listed.decode("utf-8", "surrogateescape").split("\0") if name})
            return [REPO / name for name in names if (REPO / name).is_file()]
    found = []
    for directory, subdirs, names in os.walk(REPO):
        subdirs[:] = sorted(d for d in subdirs if d not in SKIPPED_DIRS and not d.startswith(".venv") and not d.endswith(".egg-info"))
        found.extend(Path(directory) / name for name in sorted(names))
    return found


def text_of(path: Path) -> str | None:
    """The file's text, or None for a binary file (an image)."""
    data = path.read_bytes()
    if b"\0" in data:
        return None
    return data.decode("utf-8", errors="replace")


def outside_references(files: list[Path]) -> list[str]:
    problems = []
    for path in files:
        text = text_of(path)
        if text is None:
            continue
        for pattern, what in OUTSIDE:
            for match in pattern.finditer(text):
                line = text.count("\n", 0, match.start()) + 1
                problems.append(f"{path.relative_to(REPO).as_posix()}:{line}: '{match.group(0)}' is {what}")
    return problems


def design_sections() -> set[int]:
    return {int(number) for number in SECTION.findall(DESIGN.read_text(encoding="utf-8"))}


def broken_citations(files: list[Path], sections: set[int]) -> list[str]:
    problems = []
    for path in files:
        text = text_of(path)
        if text is None:
            continue
        for match in CITATION.finditer(text):
            if int(match.group(1)) not in sections:
                line = text.count("\n", 0, match.start()) + 1
                problems.append(f"{path.relative_to(REPO).as_posix()}:{line}: '{match.group(0)}' names no section of docs/design.md")
    return problems


@pytest.fixture(scope="module")
def files() -> list[Path]:
    found = project_files()
    assert REPO / "README.md" in found and Path(__file__).resolve() in found, "the project's files are listed"
    return found


def test_the_design_page_has_its_numbered_sections() -> None:
    assert DESIGN.is_file(), "docs/design.md holds the design; code and tests cite it"
    numbers = [int(n) for n in SECTION.findall(DESIGN.read_text(encoding="utf-8"))]
    assert numbers == list(range(1, 12)), f"sections 1 to 11 in order, found {numbers}"


def test_no_file_points_outside_the_repository(files: list[Path]) -> None:
    assert outside_references(files) == []


def test_every_design_citation_names_a_section(files: list[Path]) -> None:
    cited = [path for path in files if CITATION.search(text_of(path) or "")]
    assert len(cited) > 20, "the code and tests cite the design page"
    assert broken_citations(files, design_sections()) == []


def test_the_checks_catch_what_they_look_for(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Planted references are found: the tests above would fail on them."""
    monkeypatch.setattr(sys.modules[__name__], "REPO", tmp_path)
    planted = tmp_path / "module.py"
    planted.write_text(
        f'"""See {_OLD_CONTRACT} §4 and docs/design.md §{99}; docs/design.md §4 is fine."""\n'
        'SEEDS = REPO.parent / "' + "shared" + '" / "seeds"\n'
        "SCHEMA = '../" + "shared" + "/schemas/sarif.json'\n"
        "ESCAPE = '../../etc/passwd'  # a test input, not a reference\n",
        encoding="utf-8",
    )
    (tmp_path / "image.png").write_bytes(b"\x89PNG\0" + _OLD_CONTRACT.encode())
    found = outside_references([planted, tmp_path / "image.png"])
    assert [problem.split(":")[1] for problem in found] == ["1", "3", "2"]
    assert broken_citations([planted], {4}) == [f"module.py:1: 'docs/design.md §{99}' names no section of docs/design.md"]
