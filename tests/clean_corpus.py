"""A corpus with no findings at all (one news claim agreeing with its primary source), shared by
the CLI and reporter tests."""

from __future__ import annotations

from pathlib import Path

ENTITIES = """\
entities:
  - {id: unscr-2397, name: UN Security Council Resolution 2397, type: resolution, aliases: [Resolution 2397], attributes: {body: unsc}}
  - {id: unsc, name: United Nations Security Council, type: organization, attributes: {members: 15}}
  - {id: npr, name: NPR, type: outlet}
"""
NEWS = """\
source:
  id: clean
  outlet: NPR
  published: 2017-12-22
claims:
  - id: vote
    subject: Resolution 2397
    predicate: vote
    value: 15-to-nothing
"""
PRIMARY = """\
source: {id: unscr-2397, outlet: United Nations Security Council, published: 2017-12-22, kind: primary}
claims:
  - {id: vote, subject: Resolution 2397, predicate: vote, value: {for: 15, against: 0, abstain: 0}}
"""


def write(claims: Path) -> None:
    """The three files into `claims` (made if missing)."""
    claims.mkdir(parents=True, exist_ok=True)
    (claims / "entities.yaml").write_text(ENTITIES, encoding="utf-8")
    (claims / "clean.yaml").write_text(NEWS, encoding="utf-8")
    (claims / "unscr-2397.yaml").write_text(PRIMARY, encoding="utf-8")
