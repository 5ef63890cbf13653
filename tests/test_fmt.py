"""`factcheck fmt`: canonical key order, comments kept, idempotent, safe writes."""

from __future__ import annotations

import io
import os
import shutil
import stat
from pathlib import Path

import pytest

from factcheck import fmt
from factcheck.cli import main
from factcheck.fmt import FormatError, comments_of, format_text, run_fmt
from factcheck.values import type_named

REPO = Path(__file__).resolve().parent.parent
CORPUS = sorted((REPO / "claims").glob("*.yaml"))

MESSY = """\
# Header comment.

source:
    outlet: NPR   # the outlet
    # The id comes first.
    id: npr-test
    published: "2017-12-22"
    title: "Trailing spaces   "
claims:
# --- votes
-   predicate: vote
    id: vote
    # Natural language stays as written.
    value: 15-to-nothing
    subject: Resolution 2397
-   id: coal
    subject: Resolution 2397
    predicate: measure
    qualifiers: {period: rest of 2016}
    value:
        target: coal
        action: ban   # the action
        direction: export
# end of file
"""

CANONICAL = """\
# Header comment.

source:
  # The id comes first.
  id: npr-test
  outlet: NPR   # the outlet
  published: 2017-12-22
  title: "Trailing spaces"
claims:
  # --- votes
  - id: vote
    subject: Resolution 2397
    predicate: vote
    # Natural language stays as written.
    value: 15-to-nothing
  - id: coal
    subject: Resolution 2397
    predicate: measure
    value:
      action: ban   # the action
      target: coal
      direction: export
    qualifiers: {period: rest of 2016}
# end of file
"""

# Inputs that have tripped YAML formatters: comments in odd places, block scalars, flow
# collections over several lines, document markers, nulls, dates written as strings.
TRICKY = {
    "comments everywhere": """\
# header

# about source
source:
  published: 2017-12-22
  id: x   # eol id
  outlet: A
  authors:
    # first author
    - A   # eol A

    # second author
    - B
      # deeper, after B
  # before kind
  kind: news
claims:
  -   # after a lone dash
    predicate: vote
    id: a
    value:
      target: coal  # eol target
      # above action
      action: ban
      # after the last key of value, deeper than what follows
    # about subject
    subject: R
    note: |
      line one
      # not a comment: inside a literal
      line three

    # after the block scalar, inside the claim
  - id: b
    predicate: quote
    said_by: X
    value: {b: 2,   # inside a flow mapping
      a: 1}
    evidence: >-   # folded header comment
      folded
      text
    as_of: "2017-12-22"
# footer

""",
    "document markers": "--- # start\n# after start\nclaims: []\nsource: {outlet: A, id: x, published: 2017-01-05}\n...\n",
    "nulls and dates": "source:\n  id: x\n  outlet: A\n  published: 2017-1-5\n  note: ~\nclaims:\n  - id: a\n    subject: S\n    predicate: p\n    value: v\n    said_by:\n",
    "multi-line scalars": (
        "source:\n  id: x\n  outlet: A\n  published: 2017-01-05\n  title: a long title\n    continued here   # c\n"
        '  note: "quoted # not a comment\n    continued"\nclaims: []\n'
    ),
    "no newline at end": "source: {id: x, outlet: A, published: 2017-01-05}\nclaims: []\n# end",
    "flow everything": "source: {published: 2017-01-05, outlet: A, id: x}\nclaims:\n  - {value: {against: 0, for: 15}, predicate: vote, subject: S, id: v}\n",
}


def _copy_corpus(tmp_path: Path) -> Path:
    target = tmp_path / "claims"
    shutil.copytree(REPO / "claims", target)
    return target


def _kind(path: Path) -> str:
    return "entities" if path.name == "entities.yaml" else "claims"


# -- the canonical form


def test_reorders_keys_and_keeps_comments_exactly() -> None:
    assert format_text(MESSY) == CANONICAL


def test_canonical_orders_are_the_documented_ones() -> None:
    assert fmt.SOURCE_ORDER == ("id", "outlet", "published", "title", "url", "authors", "kind", "document", "derived_from", "note")
    assert fmt.CLAIM_ORDER == ("id", "subject", "predicate", "value", "qualifiers", "as_of", "said_by", "evidence", "ignore", "note")
    assert type_named("measure").keys == ("action", "target", "direction", "amount", "deadline", "force", "condition")
    assert type_named("vote").keys == ("for", "against", "abstain")
    assert type_named("quantity").keys == type_named("deadline").keys == ("value", "min", "max", "unit")
    assert fmt.ENTITY_ORDER == ("id", "name", "type", "aliases", "attributes", "description", "note")


def test_unknown_keys_keep_their_order_after_the_known_ones() -> None:
    text = "source: {id: x, outlet: A, published: 2017-01-05}\nclaims:\n  - id: m\n    subject: S\n    predicate: measure\n    value: {zeta: 1, target: coal, alpha: 2, action: ban}\n"
    assert "value: {action: ban, target: coal, zeta: 1, alpha: 2}" in format_text(text)


def test_vote_and_quantity_mappings_are_ordered_too() -> None:
    text = (
        "source: {id: x, outlet: A, published: 2017-01-05}\nclaims:\n"
        "  - {id: v, subject: S, predicate: vote, value: {abstain: 0, for: 15, against: 0}}\n"
        "  - {id: q, subject: S, predicate: amount, value: {unit: USD, value: 400}}\n"
    )
    out = format_text(text)
    assert "value: {for: 15, against: 0, abstain: 0}" in out
    assert "value: {value: 400, unit: USD}" in out


def test_entity_registry_is_ordered() -> None:
    text = "# registry\nentities:\n  - type: outlet\n    # the name\n    name: NPR\n    id: npr\n    aliases: [National Public Radio]\n"
    assert format_text(text, "entities") == (
        "# registry\nentities:\n  - id: npr\n    # the name\n    name: NPR\n    type: outlet\n    aliases: [National Public Radio]\n"
    )


def test_values_are_not_rewritten() -> None:
    text = (
        "source:\n  id: x\n  outlet: A\n  published: 2017-12-22\n  kind: news\nclaims:\n"
        "  - id: v\n    subject: S\n    predicate: vote\n    value: 15-to-nothing\n"
        "  - id: d\n    subject: S\n    predicate: adopted_on\n    value: \"2016-11-30\"\n    said_by: null\n"
    )
    assert format_text(text) == text  # kind: news stays, the quoted date value stays a string


def test_dates_become_iso_and_datetimes_stay_as_written() -> None:
    text = (
        "source:\n  id: x\n  outlet: A\n  published: '2017-12-22'\nclaims:\n"
        "  - {id: a, subject: S, predicate: adopted_on, value: 2017-1-5, as_of: 2017-1-5}\n"
        "  - {id: b, subject: S, predicate: adopted_on, value: x, as_of: 2017-12-22T10:00:00.5-05:00}\n"
    )
    assert format_text(text) == (
        "source:\n  id: x\n  outlet: A\n  published: 2017-12-22\nclaims:\n"
        "  - {id: a, subject: S, predicate: adopted_on, value: 2017-1-5, as_of: 2017-01-05}\n"
        "  - {id: b, subject: S, predicate: adopted_on, value: x, as_of: 2017-12-22T10:00:00.5-05:00}\n"
    )


def test_line_endings_and_bom_are_kept() -> None:
    crlf = "source:\r\n  outlet: A\r\n  id: x # c\r\nclaims: []\r\n"
    assert format_text(crlf) == "source:\r\n  id: x # c\r\n  outlet: A\r\nclaims: []\r\n"
    bom = "\ufeff# h\nsource: {outlet: A, id: x}\nclaims: []\n"
    assert format_text(bom) == "\ufeff# h\nsource: {id: x, outlet: A}\nclaims: []\n"


@pytest.mark.parametrize("name", sorted(TRICKY))
def test_tricky_inputs_are_idempotent_and_keep_every_comment(name: str) -> None:
    text = TRICKY[name]
    once = format_text(text)
    assert format_text(once) == once
    assert comments_of(once) == comments_of(text)


def test_comments_move_with_their_keys() -> None:
    """Above a key: moves with it. End of line: stays with its value. Deeper than what follows:
    stays after its block. Inside a flow mapping: goes above it. Header and footer stay put."""
    assert format_text(TRICKY["comments everywhere"]) == """\
# header

# about source
source:
  id: x   # eol id
  outlet: A
  published: 2017-12-22
  authors:
    # first author
    - A   # eol A

    # second author
    - B
      # deeper, after B
  # before kind
  kind: news
claims:
  # after a lone dash
  - id: a
    # about subject
    subject: R
    predicate: vote
    value:
      # above action
      action: ban
      target: coal  # eol target
      # after the last key of value, deeper than what follows
    note: |
      line one
      # not a comment: inside a literal
      line three

    # after the block scalar, inside the claim
  - id: b
    predicate: quote
    # inside a flow mapping
    value: {b: 2, a: 1}
    as_of: 2017-12-22
    said_by: X
    evidence: >-   # folded header comment
      folded
      text
# footer
"""


def test_a_lost_comment_is_refused() -> None:
    with pytest.raises(FormatError):
        fmt._verify("a: 1  # keep me\n", "a: 1\n")
    with pytest.raises(FormatError):
        fmt._verify("a: '1'\n", "a: 1\n")  # a string turned into a number


# -- the example corpus


@pytest.mark.parametrize("path", CORPUS, ids=[p.name for p in CORPUS])
def test_idempotent_on_the_example_corpus(path: Path) -> None:
    original = path.read_text(encoding="utf-8")
    once = format_text(original, _kind(path))
    assert format_text(once, _kind(path)) == once
    assert comments_of(once) == comments_of(original)


def test_formatting_the_corpus_changes_no_finding(tmp_path: Path) -> None:
    from factcheck.pipeline import LintOptions, run_lint

    claims = _copy_corpus(tmp_path)
    before = run_lint(LintOptions(paths=(claims,)), cwd=tmp_path).findings
    assert run_fmt([claims], cwd=tmp_path, root=tmp_path) == 0
    after = run_lint(LintOptions(paths=(claims,)), cwd=tmp_path).findings
    assert sorted(f.fingerprint for f in after) == sorted(f.fingerprint for f in before)
    assert run_fmt([claims], check=True, cwd=tmp_path, root=tmp_path) == 0  # a second run changes nothing


# -- the command


def _write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def test_check_writes_nothing_and_exits_1(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    messy = _write(tmp_path / "claims" / "messy.yaml", MESSY)
    clean = _write(tmp_path / "claims" / "clean.yaml", CANONICAL.replace("npr-test", "clean"))
    assert run_fmt([tmp_path / "claims"], check=True, cwd=tmp_path, root=tmp_path) == 1
    assert messy.read_text(encoding="utf-8") == MESSY
    out = capsys.readouterr().out
    assert "would reformat claims/messy.yaml" in out
    assert "clean.yaml" not in out
    assert "1 file would be reformatted, 1 file already formatted" in out
    assert run_fmt([clean], check=True, cwd=tmp_path, root=tmp_path) == 0


def test_diff_prints_a_patch_and_writes_nothing(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    messy = _write(tmp_path / "messy.yaml", MESSY)
    assert run_fmt([messy], diff=True, cwd=tmp_path, root=tmp_path) == 1
    assert messy.read_text(encoding="utf-8") == MESSY
    captured = capsys.readouterr()
    assert captured.out.startswith("--- messy.yaml\n+++ messy.yaml\n")
    assert "+  id: npr-test\n" in captured.out
    assert "1 file would be reformatted" in captured.err  # standard output is the patch alone


def test_write_reports_and_a_second_run_changes_nothing(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    messy = _write(tmp_path / "claims" / "messy.yaml", MESSY)
    assert run_fmt([tmp_path / "claims"], cwd=tmp_path, root=tmp_path) == 0
    assert messy.read_text(encoding="utf-8") == CANONICAL
    assert capsys.readouterr().out == "reformatted claims/messy.yaml\n1 file reformatted, 0 files left unchanged\n"
    mtime = messy.stat().st_mtime_ns
    assert run_fmt([tmp_path / "claims"], cwd=tmp_path, root=tmp_path) == 0
    assert messy.stat().st_mtime_ns == mtime  # unchanged files are not rewritten
    assert "0 files reformatted, 1 file left unchanged" in capsys.readouterr().out


@pytest.mark.parametrize(
    "text, code",
    [
        ("source:\n  id: x\n  outlet: [A\nclaims: []\n  - id: b\n", "FC001"),  # a syntax error
        ("source:\n  outlet: A\n  id: x\n  published: 2017-01-05\n  id: y\nclaims: []\n", "FC003"),  # a duplicate key
        ("source:\n  outlet: A\n  id: x\n  published: 2017-01-05\n  tilte: T\nclaims: []\n", "FC002"),  # an unknown key
        ("source:\n  outlet: A\n  id: &a x\n  published: 2017-01-05\nclaims: []\n", "FC002"),  # an anchor
    ],
)
def test_broken_files_are_never_written(tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, text: str,
                                       code: str) -> None:
    broken = _write(tmp_path / "broken.yaml", text)
    good = _write(tmp_path / "good.yaml", MESSY)
    monkeypatch.chdir(tmp_path)
    assert main(["fmt", str(tmp_path)]) == 1  # the reason names the rule by the project's code
    assert broken.read_bytes() == text.encode("utf-8")
    assert good.read_text(encoding="utf-8") == CANONICAL  # the other files are still formatted
    captured = capsys.readouterr()
    assert f"broken.yaml: not formatted: {code}" in captured.err
    assert "1 file skipped" in captured.out
    assert run_fmt([broken], check=True, cwd=tmp_path, root=tmp_path) == 1


def test_atomic_write_keeps_permissions_and_leaves_no_temporary_file(tmp_path: Path) -> None:
    messy = _write(tmp_path / "messy.yaml", MESSY)
    os.chmod(messy, 0o640)
    assert run_fmt([messy], cwd=tmp_path, root=tmp_path) == 0
    assert messy.read_text(encoding="utf-8") == CANONICAL
    assert stat.S_IMODE(messy.stat().st_mode) == 0o640
    assert sorted(p.name for p in tmp_path.iterdir()) == ["messy.yaml"]


def test_atomic_write_syncs_the_file_then_its_directory(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The data reaches the disk before the rename, and the rename itself after it."""
    from factcheck import atomic

    synced: list[bool] = []
    real_fsync = os.fsync
    monkeypatch.setattr(os, "fsync", lambda fd: (synced.append(stat.S_ISDIR(os.fstat(fd).st_mode)), real_fsync(fd))[1])
    atomic.write_atomic(tmp_path / "out.yaml", b"x: 1\n")
    assert synced == [False, True]
    assert (tmp_path / "out.yaml").read_bytes() == b"x: 1\n"


def test_a_symlinked_file_stays_a_symlink(tmp_path: Path) -> None:
    real = _write(tmp_path / "real" / "messy.yaml", MESSY)
    link = tmp_path / "link.yaml"
    link.symlink_to(real)
    assert run_fmt([link], cwd=tmp_path, root=tmp_path) == 0
    assert link.is_symlink()
    assert real.read_text(encoding="utf-8") == CANONICAL


def test_a_failed_write_leaves_the_original_untouched(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    messy = _write(tmp_path / "messy.yaml", MESSY)
    original = messy.read_bytes()

    def refuse(src: str, dst: str) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", refuse)
    assert run_fmt([messy], cwd=tmp_path, root=tmp_path) == 2
    assert messy.read_bytes() == original
    assert sorted(p.name for p in tmp_path.iterdir()) == ["messy.yaml"]
    assert "messy.yaml: cannot write: No space left on device" in capsys.readouterr().err


def test_cli_defaults_to_claims_directory(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    _write(tmp_path / "claims" / "messy.yaml", MESSY)
    _write(tmp_path / "elsewhere.yaml", MESSY)
    monkeypatch.chdir(tmp_path)
    assert main(["fmt", "--check"]) == 1
    out = capsys.readouterr().out
    assert "would reformat claims/messy.yaml" in out
    assert "elsewhere" not in out
    assert main(["fmt"]) == 0
    assert main(["fmt", "--check", "claims"]) == 0
    assert (tmp_path / "elsewhere.yaml").read_text(encoding="utf-8") == MESSY


def test_cli_missing_path_is_a_usage_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    assert main(["fmt", "nope.yaml"]) == 2


@pytest.mark.parametrize(("written", "formatted"), [
    ("{against: 0, for: 15}", "{for: 15, against: 0}"),  # a vote
    ("{against: 0, zzz: 1, for: 15}", "{for: 15, against: 0, zzz: 1}"),  # a vote with a typo: still a vote
    ("{unit: USD, value: 5}", "{value: 5, unit: USD}"),  # a quantity
    ("{unit: USD, for: 5}", "{unit: USD, for: 5}"),  # as much a quantity as a vote: left as written
    ("{target: coal, amount: {unit: t, value: 5}, action: cap, for: 1}", "{action: cap, target: coal, amount: {value: 5, unit: t}, for: 1}"),
    ("{target: coal, action: cap, deadline: {unit: days, max: 90}}", "{action: cap, target: coal, deadline: {max: 90, unit: days}}"),
])
def test_value_mappings_take_the_key_order_of_the_type_whose_keys_they_use(written: str, formatted: str) -> None:
    text = f"source: {{id: x, outlet: A, published: 2017-01-05}}\nclaims:\n  - id: m\n    subject: S\n    predicate: p\n    value: {written}\n"
    assert f"value: {formatted}\n" in format_text(text)


def test_the_diff_of_a_file_without_a_final_newline_says_so(tmp_path: Path) -> None:
    path = tmp_path / "a.yaml"
    path.write_bytes(b"claims: []\nsource: {id: a, outlet: NPR, published: 2017-12-22}")
    result = fmt.format_path(path, tmp_path, tmp_path)
    assert (result.status, result.formatted) == ("changed", b"source: {id: a, outlet: NPR, published: 2017-12-22}\nclaims: []\n")
    assert result.diff() == [
        "--- a.yaml\n", "+++ a.yaml\n", "@@ -1,2 +1,2 @@\n",
        "+source: {id: a, outlet: NPR, published: 2017-12-22}\n",
        " claims: []\n",
        "-source: {id: a, outlet: NPR, published: 2017-12-22}\n\\ No newline at end of file\n",  # as diff(1) marks it
    ]


def test_report_counts_each_status_and_writes_to_the_streams_it_is_given() -> None:
    def result(name: str, status: str, reason: str = "") -> fmt.FileResult:
        return fmt.FileResult(Path(name), name, status, reason=reason)

    results = [result("a.yaml", "changed"), result("b.yaml", "changed"), result("c.yaml", "unchanged"), result("d.yaml", "error", "lost a comment")]
    out, err = io.StringIO(), io.StringIO()
    assert fmt.report(results, out=out, err=err) == 1  # by default neither --check nor --diff: written; an error fails
    assert out.getvalue() == "reformatted a.yaml\nreformatted b.yaml\n2 files reformatted, 1 file left unchanged, 1 file skipped\n"
    assert err.getvalue() == "factcheck fmt: d.yaml: not formatted: lost a comment\n"


def test_format_files_writes_only_when_asked_and_reads_nothing_outside_the_root(tmp_path: Path) -> None:
    root = tmp_path / "project"
    messy = _write(root / "claims" / "messy.yaml", MESSY)
    (root / "claims" / "link.yaml").symlink_to(_write(tmp_path / "outside.yaml", MESSY))
    results = list(fmt.format_files([root / "claims"], cwd=root, root=root))
    assert [(r.display, r.status) for r in results] == [("claims/link.yaml", "skipped"), ("claims/messy.yaml", "changed")]
    assert results[0].reason.endswith("cannot read file: it is a symbolic link to a file outside the project root; not read")
    assert messy.read_text(encoding="utf-8") == MESSY  # not written unless asked
