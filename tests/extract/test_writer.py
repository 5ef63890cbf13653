"""Adding drafted claims to a curated file: nothing that is there changes, new claims go last."""

from __future__ import annotations

import pytest
import yaml

from factcheck.extract.writer import MergeError, append_claims, new_claims, render_new, verify_merge

CURATED = """\
# Curated by hand: keep this comment.
source:
  id: wire-2020-01-02
  outlet: Wire
  published: 2020-01-02
claims:
  # the vote, as the wire reports it
  - id: vote
    subject: Resolution 1
    predicate: vote
    value: 15-0   # end-of-line comment
    evidence: "a 15-0 vote"
  - id: zz-last
    predicate: quote
    value: "We will see."
    said_by: Someone
    evidence: "We will see."
    # a trailing comment that belongs to the last claim
"""

DRAFTED = [
    {"id": "vote", "subject": "Resolution 1", "predicate": "vote", "value": "15-0", "evidence": "a 15-0 vote"},
    {"id": "vote", "subject": "Resolution 1", "predicate": "vote", "value": "unanimously", "evidence": "adopted unanimously"},
    {"id": "quote-someone", "predicate": "quote", "value": "Another thing.", "said_by": "Someone", "evidence": "Another thing."},
]


def test_only_claims_the_file_lacks_are_added_with_fresh_ids() -> None:
    existing = yaml.safe_load(CURATED)["claims"]
    added = new_claims(existing, DRAFTED)
    assert [c["value"] for c in added] == ["unanimously", "Another thing."]
    assert [c["id"] for c in added] == ["vote-2", "quote-someone"]


def test_appending_keeps_every_byte_of_the_curated_file() -> None:
    added = new_claims(yaml.safe_load(CURATED)["claims"], DRAFTED)
    merged = append_claims(CURATED, added)
    verify_merge(CURATED, merged, added)
    assert merged.startswith(CURATED)
    data = yaml.safe_load(merged)
    assert [c["id"] for c in data["claims"]] == ["vote", "zz-last", "vote-2", "quote-someone"]


def test_a_second_run_adds_nothing() -> None:
    first = append_claims(CURATED, new_claims(yaml.safe_load(CURATED)["claims"], DRAFTED))
    assert new_claims(yaml.safe_load(first)["claims"], DRAFTED) == []


def test_claims_followed_by_another_key_are_inserted_before_it() -> None:
    text = "claims:\n  - id: a\n    predicate: quote\n    value: x\nsource:\n  id: s\n"
    added = [{"id": "b", "predicate": "quote", "value": "y"}]
    merged = append_claims(text, added)
    verify_merge(text, merged, added)
    assert yaml.safe_load(merged)["source"] == {"id": "s"}


def test_a_flow_list_is_refused_rather_than_rewritten() -> None:
    with pytest.raises(MergeError, match="flow-style"):
        append_claims("source: {id: s}\nclaims: []\n", [{"id": "a", "predicate": "quote", "value": "x"}])


def test_verification_catches_a_changed_value() -> None:
    added = [{"id": "b", "predicate": "quote", "value": "y"}]
    with pytest.raises(MergeError):
        verify_merge(CURATED, CURATED.replace("15-0", "15-1"), added)


def test_a_new_file_is_canonical_and_keeps_its_header() -> None:
    text = render_new({"id": "s", "outlet": "O", "published": "2020-01-02"}, DRAFTED[:1], ["Draft claims."])
    assert text.startswith("# Draft claims.\n")
    assert yaml.safe_load(text)["claims"][0]["value"] == "15-0"
