"""The per-file stage (load, validate, normalize) never raises: whatever a claim file holds, it
becomes findings with file, line and column (issue 7). The CLI, on a temporary project, then exits
0 or 1 and prints no traceback."""

from __future__ import annotations

import contextlib
import io
import json
import shutil
import tempfile
from pathlib import Path

from hypothesis import event, example, given
from hypothesis import strategies as st

from factcheck.cli import main
from factcheck.load_checks import BLOCKS_FORMATTING

from .support import (
    CORPUS, CORPUS_DIR, assert_well_placed, budget, claim_documents, counted, dump, mutated_corpus_files, run_stage, yamlish_text,
)

ENCODINGS = ("utf-8", "utf-8-sig", "utf-16", "latin-1")


def check_stage(data: bytes) -> None:
    loaded = run_stage(data)
    assert_well_placed(loaded, data)
    assert loaded.kind in ("claims", "entities", "broken")
    event(f"kind: {loaded.kind}")
    event("normalized claims" if loaded.assertions else "no normalized claim")
    for check in sorted({f.check for f in loaded.findings}):
        event(f"finding {check}")


@budget(200)
@given(st.binary(max_size=400))
@example(b"\x00")
@example(b"\xef\xbb\xbf\xef\xbb\xbfsource: {}")
@example(b"\xff\xfes\x00o\x00")
@example(b"source:\r\n  id: x\r\nclaims: [\xc3]")
@counted
def test_arbitrary_bytes(data: bytes) -> None:
    check_stage(data)


@budget(200)
@given(st.text(max_size=300), st.sampled_from(ENCODINGS))
@counted
def test_arbitrary_text(text: str, encoding: str) -> None:
    check_stage(text.encode(encoding, errors="surrogatepass" if encoding.startswith("utf") else "replace"))


@budget(250)
@given(yamlish_text, st.sampled_from(("", "\ufeff", "source:\n", "claims:\n")))
@counted
def test_yamlish_text(text: str, prefix: str) -> None:
    check_stage((prefix + text).encode("utf-8", errors="surrogatepass"))


@budget(200)
@given(claim_documents(), st.sampled_from((None, False, True)))
@counted
def test_claim_shaped_documents(document: object, flow_style: bool | None) -> None:
    check_stage(dump(document, flow_style).encode("utf-8", errors="surrogatepass"))


@budget(300)
@given(mutated_corpus_files())
@counted
def test_mutated_corpus(data: bytes) -> None:
    check_stage(data)


def test_corpus_files_load_cleanly() -> None:
    """The mutations start from files the stage reads without a structural finding."""
    for name, data in CORPUS.items():
        loaded = run_stage(data, name)
        assert not [f for f in loaded.findings if f.check in BLOCKS_FORMATTING], name


# -- through the CLI ---------------------------------------------------------------------------------


@budget(15)
@given(st.one_of(mutated_corpus_files(), yamlish_text.map(lambda t: t.encode("utf-8", errors="surrogatepass")), st.binary(max_size=200)))
@counted
def test_cli_lint_exits_0_or_1(data: bytes) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        project = Path(tmp)
        (project / "claims").mkdir()
        shutil.copy(CORPUS_DIR / "entities.yaml", project / "claims" / "entities.yaml")
        (project / "claims" / "fuzz.yaml").write_bytes(data)
        out, err = io.StringIO(), io.StringIO()
        with contextlib.chdir(project), contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            code = main(["lint", "claims", "--format", "json", "--no-cache", "--jobs", "1"])
    assert code in (0, 1), err.getvalue()
    assert "Traceback" not in err.getvalue()
    for finding in json.loads(out.getvalue()):
        assert finding["path"].startswith("claims/")
        assert finding["line"] >= 1 and finding["column"] >= 1
