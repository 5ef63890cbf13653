"""Engine properties: stable fingerprints, report-once placement, order independence."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from factcheck.pipeline import LintOptions, run_lint

ENTITIES = Path(__file__).parent / "rules" / "entities.yaml"
NPR = """\
source: {id: npr, outlet: NPR, published: 2017-12-22}
claims:
  - {id: vote, subject: Resolution 2397, predicate: vote, value: 15-0}
  - {id: cut, subject: Resolution 2397, predicate: reduction, value: 89 percent}
"""
AFP = """\
source: {id: afp, outlet: AFP, published: 2017-12-23}
claims:
  - {id: cut, subject: Resolution 2397, predicate: reduction, value: nearly 75 percent}
  - {id: vote, subject: Resolution 2397, predicate: vote, value: 14-1}
"""
AFP_MOVED = """\
source: {id: afp, outlet: AFP, published: 2017-12-23}
claims:
  # claims reordered and an unrelated claim added above them
  - {id: adopted, subject: Resolution 2397, predicate: adopted_on, value: Friday}

  - {id: vote, subject: Resolution 2397, predicate: vote, value: 14-1}
  - {id: cut, subject: Resolution 2397, predicate: reduction, value: nearly 75 percent}
"""


def _lint(tmp_path: Path, afp: str, monkeypatch: pytest.MonkeyPatch, order: tuple[str, ...] = ("npr.yaml", "afp.yaml")):  # type: ignore[no-untyped-def]
    shutil.copy(ENTITIES, tmp_path / "entities.yaml")
    (tmp_path / "npr.yaml").write_text(NPR, encoding="utf-8")
    (tmp_path / "afp.yaml").write_text(afp, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    paths = tuple(Path(p) for p in (*order, "entities.yaml"))
    return run_lint(LintOptions(paths=paths, select=("FC1",))).findings


def test_conflicts_are_reported_once_at_the_later_source(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    findings = _lint(tmp_path, AFP, monkeypatch)
    assert [(f.code, f.location.path, f.location.claim, [r.claim for r in f.related]) for f in findings] == [
        ("FC101", "afp.yaml", "cut", ["cut"]),
        ("FC101", "afp.yaml", "vote", ["vote"]),
    ]


def test_fingerprints_survive_moving_and_adding_claims(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    before = {f.location.claim: f.fingerprint for f in _lint(tmp_path, AFP, monkeypatch)}
    after = {f.location.claim: f.fingerprint for f in _lint(tmp_path, AFP_MOVED, monkeypatch)}
    assert before == after
    assert len(set(before.values())) == 2


def test_file_order_does_not_change_the_findings(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    forward = _lint(tmp_path, AFP, monkeypatch)
    backward = _lint(tmp_path, AFP, monkeypatch, order=("afp.yaml", "npr.yaml"))
    assert [f.to_json() for f in forward] == [f.to_json() for f in backward]


_SETTLED = {
    # rule that reports the outlets' disagreement -> (subject, predicate, primary's value, [(outlet, value, said_by)])
    "FC101": ("Resolution 2397", "vote", "{for: 15, against: 0, abstain: 0}", [("npr", "14-1", None), ("afp", "13-2", None)]),
    "FC102": ("Resolution 2397", "reduction", "89 percent", [("npr", "75 percent", "Nikki Haley"), ("afp", "30 percent", "Liu Jieyi")]),
    "FC103": ("Resolution 2321", "measure", "{action: cap, target: coal, direction: export}",
              [("npr", "{action: cap, target: coal, direction: export, force: non-binding}", None), ("afp", "{action: ban, target: coal, direction: export}", None)]),
}


@pytest.mark.parametrize("code", sorted(_SETTLED))
def test_ignoring_contradicts_primary_hands_the_outlets_disagreement_to_their_own_rule(code: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A primary source settles the facts it states while contradicts-primary runs: each outlet is
    judged against it, not against the others. Ignore that rule and the outlets' disagreement is
    reported by value-conflict, claimant-disagreement or scope-mismatch, rather than nobody saying
    a word; with it, they say nothing of it."""
    subject, predicate, stated, outlets = _SETTLED[code]
    shutil.copy(Path(__file__).parent / "rules" / "entities.yaml", tmp_path / "entities.yaml")
    for day, (name, kind, value, said_by) in enumerate([("primary", "primary", stated, None), *((o, "news", v, by) for o, v, by in outlets)]):
        speaker = f"\n    said_by: {said_by}" if said_by else ""
        (tmp_path / f"{name}.yaml").write_text(
            f"source: {{id: {name}, outlet: {name.upper()}, published: 2017-12-2{2 + day}, kind: {kind}}}\n"
            f"claims:\n  - id: fact\n    subject: {subject}\n    predicate: {predicate}\n    value: {value}{speaker}\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)

    def codes(*ignore: str) -> list[tuple[str, str, str | None]]:
        found = run_lint(LintOptions(paths=(Path("."),), cache=False, ignore=ignore)).findings
        return sorted((f.code, f.location.path, f.related[0].path if f.related else None) for f in found if f.code.startswith("FC1"))

    assert codes() == [("FC106", "afp.yaml", "primary.yaml"), ("FC106", "npr.yaml", "primary.yaml")]
    assert codes("FC106") == [(code, "afp.yaml", "npr.yaml")]
