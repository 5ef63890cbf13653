"""One event, many articles: the drafts do not depend on the order the articles are extracted in,
and articles that name no registry resolution share one placeholder, so their claims meet."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[2]
EVENT = ROOT / "tests" / "data" / "events" / "b-unga-annexation-vote-2022"
ARTICLES = ("aljazeera", "ap", "babel")


def _extract_in_order(project: Path, order: tuple[str, ...]) -> None:
    claims = project / "claims"
    claims.mkdir(parents=True)
    shutil.copy(ROOT / "claims" / "entities.yaml", claims / "entities.yaml")
    for name in order:
        subprocess.run([sys.executable, "-m", "factcheck", "extract", str(EVENT / f"{name}.txt"), "--published", "2022-10-12",
                        "--id", name, "--outlet", name, "-o", "claims/"], cwd=project, check=True, capture_output=True)


def _draft_entities(project: Path) -> list[dict[str, object]]:
    loaded = yaml.safe_load((project / "claims" / "entities.draft.yaml").read_text(encoding="utf-8"))
    return sorted(loaded["entities"], key=lambda entry: str(entry["id"]))


def test_the_drafts_are_the_same_in_any_order(tmp_path: Path) -> None:
    forward, backward = tmp_path / "forward", tmp_path / "backward"
    _extract_in_order(forward, ARTICLES)
    _extract_in_order(backward, tuple(reversed(ARTICLES)))
    for name in ARTICLES:
        assert (forward / "claims" / f"{name}.yaml").read_bytes() == (backward / "claims" / f"{name}.yaml").read_bytes(), name
    assert _draft_entities(forward) == _draft_entities(backward)
    subjects = {claim.get("subject") for name in ARTICLES
                for claim in yaml.safe_load((forward / "claims" / f"{name}.yaml").read_text(encoding="utf-8"))["claims"]}
    placeholders = {s for s in subjects if isinstance(s, str) and "not in the registry" in s}
    assert len(placeholders) == 1  # one resolution for the whole event, not one per article


def test_an_article_about_no_resolution_reports_an_event(tmp_path: Path) -> None:
    project = tmp_path / "quake"
    (project / "claims").mkdir(parents=True)
    shutil.copy(ROOT / "claims" / "entities.yaml", project / "claims" / "entities.yaml")
    article = ROOT / "tests" / "data" / "events" / "a-herat-quake-2023" / "aljazeera.txt"
    assert "resolution" not in article.read_text(encoding="utf-8").casefold()
    subprocess.run([sys.executable, "-m", "factcheck", "extract", str(article), "--published", "2023-10-07", "--id", "aljazeera",
                    "--outlet", "Al Jazeera", "-o", "claims/"], cwd=project, check=True, capture_output=True)
    subjects = {claim.get("subject") for claim in yaml.safe_load((project / "claims" / "aljazeera.yaml").read_text(encoding="utf-8"))["claims"]}
    assert "the event the articles report (not in the registry)" in subjects
    assert not any(isinstance(s, str) and "resolution" in s for s in subjects)
    drafted = {entry["name"]: entry["type"] for entry in _draft_entities(project)}
    assert drafted["the event the articles report (not in the registry)"] == "event"
