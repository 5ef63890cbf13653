"""The nesting pre-scan (factcheck/nesting.py): where the limit falls, what does not count (brackets
in quoted scalars, comments, block and plain scalars), that its depth is the composed tree's on a
seeded corpus of YAML, and that a document just under the limit goes through lint, fmt and extract."""

from __future__ import annotations

import io
import random
import shutil
from pathlib import Path
from collections.abc import Iterator
from typing import Any

import pytest
import yaml
from ruamel.yaml import YAML
from ruamel.yaml.scalarstring import FoldedScalarString, LiteralScalarString

from factcheck import nesting, yamlload
from factcheck.cli import main
from factcheck.fmt import format_text
from factcheck.nesting import MAX_DEPTH, depth, too_deep
from factcheck.yamlload import Position, load_yaml

REPO = Path(__file__).resolve().parent.parent
LIMIT = MAX_DEPTH


def flow(levels: int, prefix: str = "source: ") -> str:
    return prefix + "[" * levels + "]" * levels + "\n"


def block_maps(levels: int) -> str:
    """`levels` block mappings, each the value of the one before."""
    return "".join(" " * i + f"k{i}:\n" for i in range(levels - 1)) + " " * (levels - 1) + "leaf: x\n"


def tree_depth(node: Any, seen: set[int] | None = None) -> int:
    """Mappings and sequences inside one another in a composed tree (keys included, aliases not)."""
    seen = set() if seen is None else seen
    if isinstance(node, yaml.ScalarNode) or id(node) in seen:
        return 0
    seen.add(id(node))
    if isinstance(node, yaml.SequenceNode):
        return 1 + max((tree_depth(item, seen) for item in node.value), default=0)
    return 1 + max((max(tree_depth(k, seen), tree_depth(v, seen)) for k, v in node.value), default=0)


def composed_depth(text: str) -> int:
    return max((tree_depth(node) for node in yaml.compose_all(text, Loader=yaml.CSafeLoader)), default=0)


# -- the limit


@pytest.mark.parametrize("style", ["flow", "flow mapping", "block mappings", "block sequences", "pairs"])
def test_the_limit_is_exact(style: str) -> None:
    """LIMIT levels are read; one more is refused at the collection that opens it."""
    build = {
        "flow": lambda n: flow(n - 1),  # the top-level mapping is the first level
        "flow mapping": lambda n: "a: " + "{b: " * (n - 1) + "x" + "}" * (n - 1) + "\n",
        "block mappings": block_maps,
        "block sequences": lambda n: "- " * n + "x\n",
        "pairs": lambda n: "[a: " * (n // 2) + "x" + "]" * (n // 2) + "\n",  # each `[a: ` is two levels
    }[style]
    legal, over = build(LIMIT), build(LIMIT + 1 + (style == "pairs"))
    assert depth(legal) == composed_depth(legal) == LIMIT
    assert too_deep(legal) is None
    assert composed_depth(over) > LIMIT and too_deep(over) is not None


def test_where_the_finding_points() -> None:
    assert too_deep(flow(10_000)) == (1, len("source: ") + LIMIT)  # the bracket that opens level 101
    assert too_deep(block_maps(3_000)) == (LIMIT + 1, LIMIT + 1)
    assert too_deep("- " * 500 + "x") == (1, 2 * LIMIT + 1)
    assert too_deep("a:\n" + "  [\n" * 200) == (LIMIT + 1, 3)
    assert too_deep("[a: " * 60 + "x" + "]" * 60) == (1, 4 * 50 + 1)  # each `[a: ` opens two levels: the 51st `[`


def test_load_yaml_reports_it_before_libyaml_sees_the_document() -> None:
    """PyYAML 6.0.4's libyaml stops at 1,000 levels with its own error; earlier releases crash on
    a flow sequence 100,000 deep. Neither is reached."""
    for text, where in ((flow(10_000), Position(1, 108)), (flow(200_000), Position(1, 108)), (block_maps(3_000), Position(101, 101))):
        doc = load_yaml(text)
        assert [(p.check, p.message, p.position) for p in doc.problems] == [("invalid_yaml", nesting.MESSAGE, where)]


def test_the_converter_refuses_the_same_depth_at_the_same_place(monkeypatch: pytest.MonkeyPatch) -> None:
    """If the pre-scan ever missed a document libyaml can read, the tree gives the same finding."""
    texts = [flow(LIMIT), block_maps(LIMIT + 1), "- " * (LIMIT + 1) + "x\n", "x: " + "[a: " * 60 + "x" + "]" * 60 + "\n"]
    scanned = [load_yaml(text).problems for text in texts]
    monkeypatch.setattr(yamlload, "too_deep", lambda text: None)
    assert [load_yaml(text).problems for text in texts] == scanned
    assert all(problems and problems[0].message == nesting.MESSAGE for problems in scanned)


# -- what does not count


@pytest.mark.parametrize("text", [
    'a: "' + "[" * 500 + '"\n',
    'a: "\\"' + "[" * 500 + '\\""\n',  # escaped quotes do not end it
    "a: '" + "[" * 250 + "''" + "{" * 250 + "'\n",  # nor does a doubled single quote
    'a: "first line\n  ' + "[" * 500 + '\n  last line"\n',  # a quoted scalar over several lines
    "a: 1  # " + "[" * 500 + "\n",
    "# " + "{" * 500 + "\na: 1\n",
    "a: |\n  " + "[" * 500 + "\n  " + "{" * 500 + "\nb: 2\n",
    "a: >-\n    " + "[" * 500 + "\n\n    more\nb: 2\n",
    "a: |2\n    " + "[" * 500 + "\nb: 2\n",
    "- |\n  " + "- " * 500 + "\n",  # dashes in a block scalar are text
    "a: x" + "[" * 500 + "\n",  # a plain scalar in block context may hold brackets
    "a: plain text\n  " + "[" * 500 + " goes on\n",  # ... even where a continuation line starts
    "a: [it's, \"q" + "]" * 200 + "\", 'r" + "[" * 200 + "', x#y]\n",  # a quote inside a plain scalar; `#` without a blank
    'a: [first\n  "second]\nb: "' + "[" * 500 + '"\n',  # a quote that goes on with a plain scalar in flow starts nothing
])
def test_brackets_that_open_nothing(text: str) -> None:
    assert too_deep(text) is None
    assert load_yaml(text).problems == []
    assert depth(text) == composed_depth(text)


def test_line_breaks_other_than_newline_count() -> None:
    """libyaml breaks lines at CR, CRLF, NEL and the Unicode separators too: block nesting on such
    lines is still seen (the counting bound normalizes them first)."""
    for newline in ("\r\n", "\r", "\x85", "\u2028"):
        text = block_maps(LIMIT + 1).replace("\n", newline)
        assert too_deep(text) == (LIMIT + 1, LIMIT + 1), repr(newline)
        assert too_deep(block_maps(LIMIT).replace("\n", newline)) is None


def test_a_byte_order_mark_at_a_line_start_is_a_column() -> None:
    text = "a:\n\ufeff b: c\n"
    assert depth(text) == composed_depth(text) == 2


def test_the_counting_bound_never_hides_depth() -> None:
    """When the bound decides alone (most files), the depth really is within the limit."""
    for text in _corpus(random.Random(7), 300):
        true = composed_depth(text)
        for limit in (2, 3, 5, 8):
            if nesting._within_bound(text, limit):
                assert true <= limit, text


def test_the_counting_bound_never_hides_depth_on_fragments() -> None:
    """The same on random runs of YAML's indicators, where lines with brackets are flat or not."""
    pieces = ["[", "]", "{", "}", "[a, b]", "{a: b}", "[a: b]", "a: [b]", "- [c]", "k: {x: y}", ",", ": ", "- ", "? ",
              "#", "'", '"', "|", ">", "\n", "\n  ", "\n    ", "\n- ", " ", "a", "b: ", "\r", "\n: "]
    for text, true in _fragments(pieces, random.Random(9), 3000, 24):
        for limit in (2, 3, 4, 5, 6):
            if nesting._within_bound(text, limit):
                assert true <= limit, repr(text)


def test_a_claim_file_of_flat_lines_is_decided_by_counting() -> None:
    """Hundreds of one-line flow collections (`qualifiers: {of: nickel}`), far more brackets than
    the limit: the bound decides, and the line-by-line scan is not needed."""
    claims = "".join(f"  - id: c{n}\n    qualifiers: {{of: nickel}}\n    value: [a, b]\n    evidence: text [note]\n" for n in range(3))
    flat = "source: {id: a, outlet: X}\nclaims:\n" + "".join(f"  - id: c{n}\n    qualifiers: {{of: nickel}}\n    authors: [A, B]\n"
                                                             for n in range(300))
    assert nesting._within_bound(flat, LIMIT) and too_deep(flat) is None
    spread = "a: [b,\n  c]\n" + "k: [x]\n" * 100  # a collection over two lines: counting cannot decide
    assert not nesting._within_bound(spread, LIMIT) and too_deep(spread) is None
    assert not nesting._within_bound("claims:\n" + claims * 20, LIMIT)  # brackets inside a plain scalar


# -- the scan against libyaml


def test_the_scan_agrees_with_the_composed_tree() -> None:
    """On a seeded corpus of YAML in every style (flow and block, indentless and compact sequences,
    literal and folded scalars, quoted and multi-line scalars, comments, single-pair mappings), the
    scan's depth is the composed tree's."""
    checked = 0
    for text in _corpus(random.Random(11), 400):
        assert depth(text) == composed_depth(text), text
        checked += 1
    assert checked >= 400


def test_the_scan_agrees_on_fragments() -> None:
    """Short random runs of YAML's indicators and odd characters, kept when libyaml reads them."""
    pieces = ["[", "]", "{", "}", ",", ":", ": ", "- ", "? ", "#", " #", "'", '"', "\\", "|", ">", "|2", ">-", "\n",
              "\n  ", "\n    ", "\n- ", " ", "\t", "a", "b: ", "&a ", "*a", "!t ", "---\n", "[a: b]", "{a: [b]}", "''",
              '\\"', "\r\n", "\r", "\ufeff", "...\n", "- - ", "? - ", "\n: "]
    for text, true in _fragments(pieces, random.Random(5), 1500, 20):
        assert depth(text) == true, repr(text)


def _fragments(pieces: list[str], rng: random.Random, count: int, longest: int) -> Iterator[tuple[str, int]]:
    """`count` random runs of `pieces` that libyaml reads, each with its composed depth."""
    made = 0
    while made < count:
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(1, longest)))
        try:
            true = composed_depth(text)
        except yaml.YAMLError:
            continue
        made += 1
        yield text, true


WORDS = ["a", "b c", "x[1]", "{y}", "it's", 'say "hi"', "# no", "a: b", "[", "]", "{", "}", ",", "q#r", "- d", "? e",
         ": f", "line one\nline two", "x\n[[[\n", "  lead", "trail ", "'", '"', "\\", "&a", "*b", "!t", "|", ">", "%",
         "", "--- x", "...", "1", "null", "é[ü]"]


def _value(rng: random.Random, levels: int) -> Any:
    if levels <= 0 or rng.random() < 0.3:
        word = rng.choice(WORDS) + (" " + rng.choice(WORDS) if rng.random() < 0.3 else "")
        if rng.random() < 0.15:
            return LiteralScalarString(word + "\n[x]\n  {y}\n") if rng.random() < 0.5 else FoldedScalarString(word + " [[\n")
        return word
    if rng.random() < 0.5:
        return [_value(rng, levels - 1) for _ in range(rng.randint(0, 3))]
    return {rng.choice(WORDS) + str(i): _value(rng, levels - 1) for i in range(rng.randint(0, 3))}


def _plain(value: Any) -> Any:
    if isinstance(value, list):
        return [_plain(v) for v in value]
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    return str(value)


def _corpus(rng: random.Random, count: int) -> list[str]:
    """YAML texts written by PyYAML and ruamel.yaml in random styles, some with a comment full of
    brackets put in; only those libyaml reads."""
    texts: list[str] = []
    while len(texts) < count:
        value = {"root": _value(rng, rng.randint(1, 12))}
        written = [yaml.safe_dump(_plain(value), default_flow_style=rng.choice([True, False, None]), indent=rng.choice([2, 4]),
                                  width=rng.choice([20, 1000]), allow_unicode=True)]
        writer = YAML()
        writer.indent(mapping=rng.choice([2, 4]), sequence=rng.choice([2, 4]), offset=rng.choice([0, 2]))
        out = io.StringIO()
        writer.dump(value, out)
        written.append(out.getvalue())
        for text in written:
            lines = text.split("\n")
            if rng.random() < 0.5:
                lines.insert(rng.randrange(len(lines) + 1), " " * rng.randint(0, 8) + "# [[ {{ ' \" ]")
            text = "\n".join(lines)
            try:
                yaml.compose(text, Loader=yaml.CSafeLoader)
            except yaml.YAMLError:
                continue
            texts.append(text)
    return texts


# -- a document just under the limit goes through every command


CLAIMS_HEAD = """\
source:
  id: deep
  outlet: NPR
  published: 2017-12-22
claims:
  - id: deep-value
    subject: Resolution 2397
    predicate: statement
"""


def _deepest_legal_claim_file() -> str:
    """The top-level mapping, `claims`, a claim: the value nests the rest, up to the limit."""
    inner = LIMIT - 3
    return CLAIMS_HEAD + "    value: " + "[" * inner + "x" + "]" * inner + "\n"


def test_fmt_formats_a_document_at_the_limit() -> None:
    """fmt's round trip through ruamel.yaml recurses several frames per level (it fails near 240):
    at the limit it still has room, even under pytest's deeper stack."""
    text = _deepest_legal_claim_file()
    assert depth(text) == LIMIT and load_yaml(text).problems == []
    assert composed_depth(format_text(text)) == LIMIT


def test_lint_reads_a_document_at_the_limit_and_refuses_one_over(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "claims").mkdir()
    shutil.copy(REPO / "claims" / "entities.yaml", tmp_path / "claims" / "entities.yaml")
    (tmp_path / "pyproject.toml").write_text('[tool.factcheck]\nclaims = "claims"\n', encoding="utf-8")
    legal = _deepest_legal_claim_file()
    (tmp_path / "claims" / "legal.yaml").write_text(legal, encoding="utf-8")
    (tmp_path / "claims" / "over.yaml").write_text(legal.replace("[x]", "[[x]]"), encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    main(["lint", "--format", "text", "--exit-zero"])
    out = capsys.readouterr().out
    assert "Traceback" not in out
    assert f"claims/over.yaml:9:{len('    value: ') + LIMIT - 2}: FC001" in out
    assert "claims/legal.yaml:9:12: FC006" in out  # read and validated: a nested list is not a value


def test_extract_does_not_append_to_a_file_nested_too_deep(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    """The existing file is read through factcheck's reader first, not handed to a YAML library."""
    (tmp_path / "claims" / "sources").mkdir(parents=True)
    shutil.copy(REPO / "claims" / "entities.yaml", tmp_path / "claims" / "entities.yaml")
    shutil.copy(REPO / "tests" / "data" / "articles" / "harbor-levy.txt", tmp_path / "claims" / "sources" / "a.txt")
    target = tmp_path / "claims" / "draft.yaml"
    deep = CLAIMS_HEAD.replace("  - id: deep-value", "  - " + "[" * 200_000 + "]" * 200_000 + "\n  - id: deep-value")
    target.write_text(deep, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    assert main(["extract", "claims/sources/a.txt", "-o", "claims/draft.yaml", "--outlet", "X"]) == 2
    err = capsys.readouterr().err
    assert f"cannot read {Path('claims/draft.yaml')}: line 6, column {LIMIT + 3}: {nesting.MESSAGE}; not touched" in err
    assert target.read_text(encoding="utf-8") == deep
