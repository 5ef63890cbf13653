"""`fmt` never changes what a file says and is idempotent: for the example corpus and edits of it
(keys reordered, values changed and requoted, comments added), loading the formatted text gives
the same claims, findings and entities as loading the original, and formatting twice changes
nothing more."""

from __future__ import annotations

import dataclasses

from hypothesis import assume, event, example, given

from factcheck.assertions import Assertion
from factcheck.fmt import format_text
from factcheck.load_checks import BLOCKS_FORMATTING
from factcheck.loader import LoadedFile
from factcheck.values import Text

from .support import budget, counted, edited_corpus_files, run_stage

POSITIONS = frozenset({"line", "column", "evidence_position", "field_positions", "source"})
ASSERTION_FIELDS = tuple(f.name for f in dataclasses.fields(Assertion) if f.name not in POSITIONS)


def meaning(loaded: LoadedFile) -> tuple[object, ...]:
    """What a loaded file says, without where it says it."""
    info = loaded.source_info
    source = None if info is None else (info.id, info.outlet, info.published, info.kind, info.derived_from, info.derived_outlets)
    claims = [tuple(_said(getattr(a, name)) for name in ASSERTION_FIELDS) for a in loaded.assertions]
    entities = [(index, model.model_dump()) for index, model in loaded.entities]
    findings = sorted((f.code, f.location.claim or "", f.identity) for f in loaded.findings)
    return loaded.kind, source, claims, entities, findings


def _said(field: object) -> object:
    """A typed mapping's value keeps its keys' written order in `text`, which fmt changes on
    purpose; its canonical form is what it means. Quotes and statements are their words."""
    if hasattr(field, "canonical") and not isinstance(field, Text):
        return type(field).__name__, field.canonical()  # type: ignore[attr-defined]
    return field


# claims before source, with no blank line under the header: the blank line above `source` used to
# travel to the top of the file, and a second fmt removed it (fmt was not idempotent)
CLAIMS_FIRST = """\
# header
claims:
  - {id: vote, subject: Resolution 2397, predicate: vote, value: 15-0}

source:
  id: moved
  outlet: NPR
  published: 2017-12-22
"""


@budget(40)
@given(edited_corpus_files())
@example(("claims-first.yaml", CLAIMS_FIRST))
@counted
def test_fmt_keeps_meaning_and_is_idempotent(item: tuple[str, str]) -> None:
    name, text = item
    before = run_stage(text.encode("utf-8"), name)
    blocked = [f for f in before.findings if f.check in BLOCKS_FORMATTING]
    event("fmt: blocked" if blocked else "fmt: formatted")
    assume(not blocked)  # fmt leaves such files alone; the edits rarely make one
    formatted = format_text(text, before.kind)
    after = run_stage(formatted.encode("utf-8"), name)
    assert meaning(after) == meaning(before)
    assert format_text(formatted, after.kind) == formatted
