"""Determinism (issue 7, item 3): the same findings, byte for byte and in the same order, whatever
the order of the files (on the command line, on disk), the hash seed, the state of the cache, and
whether the files were read in this process or by workers.

Two corpora: the example one with a rival of the NPR file and an echo beside it (a wrong tally, a
conflicting count said three times, a drifted and a misattributed quote: findings of many kinds, some
on the same day, where the path decides), and one made by bench/generate.py with planted conflicts
(over a hundred findings). Each run is rendered as JSON, text (as piped) and SARIF.
"""

from __future__ import annotations

import io
import json
import os
import random
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any, Self

import pytest

from factcheck import filestage
from factcheck.pipeline import LintOptions, run_lint
from factcheck.reporters import REPORTERS

REPO = Path(__file__).resolve().parent.parent
FORMATS = ("json", "text", "sarif")
QUICK = ("json", "sarif")  # text (rich) takes longer to render: compared where order could matter most
SEEDS = ("0", "1", "4294967295", "random")

# Rendered in a subprocess: in each project given, run_lint once and print every format, each
# followed by a line no format writes.
_RENDER = """
import os, sys
from pathlib import Path
from factcheck.pipeline import LintOptions, run_lint
from factcheck.reporters import REPORTERS
for project in sys.argv[1:]:
    os.chdir(project)
    result = run_lint(LintOptions(paths=(Path("claims"),), cache=False, jobs=1))
    for name in FORMATS:
        REPORTERS[name](result, sys.stdout)
        sys.stdout.write(SEPARATOR)
"""
SEPARATOR = "\n=====\n"

# The rival of the NPR report: a day later, another outlet, other values and words.
_RIVAL = (
    ("id: npr-2017-12-22", "id: rival-2017-12-23"),
    ("outlet: NPR", "outlet: Reuters"),
    ("published: 2017-12-22", "published: 2017-12-23"),
    ('value: "15-to-nothing"', 'value: "14-1"'),
    ("further defiance will invite further punishment", "further defiance will invite more punishment"),
    ("said_by: Francois Delattre", "said_by: Kelsey Davenport"),
)


# Published the same day as the rival (the path then decides where a finding goes), saying the same
# thing three times (which of the three a finding names must not depend on any order); the rival
# says otherwise, and no primary source settles it (FC101).
_COUNT = """\
  - id: {id}
    subject: Nikki Haley
    predicate: count
    qualifiers: {{item: speeches}}
    value: {value}
"""
_ECHO = """\
source:
  id: echo-2017-12-23
  outlet: The New York Times
  published: 2017-12-23
claims:
""" + "".join(_COUNT.format(id=f"speeches-{n}", value="three") for n in range(3))


def _copy_example(project: Path) -> None:
    shutil.copytree(REPO / "claims", project / "claims")
    text = (project / "claims" / "npr-2017-12-22.yaml").read_text(encoding="utf-8")
    for old, new in _RIVAL:
        assert old in text
        text = text.replace(old, new)
    text += _COUNT.format(id="speeches", value="four")
    (project / "claims" / "rival-2017-12-23.yaml").write_text(text, encoding="utf-8")
    (project / "claims" / "echo-2017-12-23.yaml").write_text(_ECHO, encoding="utf-8")


@pytest.fixture(scope="module")
def projects(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """Pristine projects (claims/ and rules/) that the tests only read."""
    made = {}
    for kind in ("example", "generated"):
        project = tmp_path_factory.mktemp(kind) / "project"
        if kind == "example":
            _copy_example(project)
        else:
            subprocess.run(
                [sys.executable, str(REPO / "bench" / "generate.py"), str(project / "claims"), "--sources", "24",
                 "--claims-per-source", "20", "--conflict-rate", "0.3", "--sources-per-resolution", "5", "--seed", "7"],
                check=True, capture_output=True,
            )
        shutil.copytree(REPO / "rules", project / "rules")
        made[kind] = project
    return made


@pytest.fixture(scope="module", params=["example", "generated"])
def corpus(request: pytest.FixtureRequest, projects: dict[str, Path]) -> Path:
    return projects[request.param]


def _render(result: Any, formats: tuple[str, ...]) -> dict[str, str]:
    rendered = {}
    for name in formats:
        stream = io.StringIO()  # not a terminal: text is plain, as when piped
        REPORTERS[name](result, stream)
        rendered[name] = stream.getvalue()
    return rendered


def _lint(project: Path, monkeypatch: pytest.MonkeyPatch, formats: tuple[str, ...] = QUICK, **options: Any) -> dict[str, str]:
    monkeypatch.chdir(project)  # paths in the output are relative to the working directory
    options.setdefault("cache", "cache_dir" in options)  # no cache unless one is given
    options.setdefault("jobs", 1)
    return _render(run_lint(LintOptions(**options), cwd=project), formats)


def _same(outputs: dict[str, str], reference: dict[str, str]) -> bool:
    return outputs == {name: reference[name] for name in outputs}


_references: dict[Path, dict[str, str]] = {}


def _reference_of(project: Path) -> dict[str, str]:
    """The plain run: the whole claims/ directory, no cache, in this process."""
    if project not in _references:
        with pytest.MonkeyPatch.context() as monkeypatch:
            _references[project] = _lint(project, monkeypatch, FORMATS, paths=(Path("claims"),))
    return _references[project]


@pytest.fixture()
def reference(corpus: Path) -> dict[str, str]:
    return _reference_of(corpus)


def test_the_corpora_have_many_findings_of_many_kinds(reference: dict[str, str]) -> None:
    codes = [f["code"] for f in json.loads(reference["json"])]
    assert len(codes) >= 40 and {"FC106", "FC201"} <= set(codes)
    if "FC101" in codes:  # the example corpus, its rival and its echo
        assert {"FC101", "FC104", "FC105"} <= set(codes)
        assert ("claims/rival-2017-12-23.yaml", "FC101") in {(f["path"], f["code"]) for f in json.loads(reference["json"])}


# -- file order -----------------------------------------------------------------------------------


def _yaml_files(project: Path) -> list[Path]:
    return sorted(p.relative_to(project) for p in (project / "claims").rglob("*.yaml"))


def _claim_files(project: Path) -> int:
    """What the per-file stage parses: every YAML file but the one entity registry."""
    return len(_yaml_files(project)) - 1


@pytest.mark.parametrize("order", ["sorted", "reversed", "shuffled", "directories-reversed"])
def test_command_line_order(order: str, corpus: Path, reference: dict[str, str], monkeypatch: pytest.MonkeyPatch) -> None:
    paths = _yaml_files(corpus)
    if order == "reversed":
        paths.reverse()
    elif order == "shuffled":
        random.Random(order).shuffle(paths)
    elif order == "directories-reversed":  # directories and files mixed, last first
        paths = sorted({p.parent for p in paths} | {p for p in paths if p.parent == Path("claims")}, reverse=True)
    assert _same(_lint(corpus, monkeypatch, FORMATS if order == "shuffled" else QUICK, paths=tuple(paths)), reference)


def _copy_in_order(source: Path, target: Path, reverse: bool) -> None:
    """Create the files (and directories) one by one, in sorted or reversed order."""
    for path in sorted(source.rglob("*"), key=lambda p: p.relative_to(source).as_posix(), reverse=reverse):
        destination = target / path.relative_to(source)
        if path.is_dir():
            destination.mkdir(parents=True, exist_ok=True)
        else:
            destination.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(path, destination)


class _Reversed:
    """os.scandir listing a directory in the opposite order, so the walk sees another order whatever
    the file system does with creation order (ext4 lists by hash; tmpfs newest first)."""

    def __init__(self, entries: list[os.DirEntry[str]]) -> None:
        self.entries = iter(entries[::-1])

    def __iter__(self) -> Iterator[os.DirEntry[str]]:
        return self

    def __next__(self) -> os.DirEntry[str]:
        return next(self.entries)

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc: object) -> None:
        return None

    def close(self) -> None:
        return None


def test_order_on_disk(corpus: Path, reference: dict[str, str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    forward, backward = tmp_path / "forward", tmp_path / "backward"
    for target, reverse in ((forward, False), (backward, True)):
        _copy_in_order(corpus / "claims", target / "claims", reverse)
        shutil.copytree(corpus / "rules", target / "rules")
    listings = []
    for project in (forward, backward):
        outputs = _lint(project, monkeypatch, FORMATS, paths=(Path("claims"),))
        outputs["sarif"] = outputs["sarif"].replace(project.as_uri(), corpus.as_uri())  # the root's URI is in SARIF
        assert outputs == reference
        listings.append([e.name for e in os.scandir(project / "claims")])
    real = os.scandir
    monkeypatch.setattr(os, "scandir", lambda path=".": _Reversed(list(real(path))))
    assert [e.name for e in os.scandir(forward / "claims")] == listings[0][::-1]
    outputs = _lint(forward, monkeypatch, FORMATS, paths=(Path("claims"),))
    outputs["sarif"] = outputs["sarif"].replace(forward.as_uri(), corpus.as_uri())
    assert outputs == reference


# -- hash seed ------------------------------------------------------------------------------------


def test_hash_seed(projects: dict[str, Path]) -> None:
    """Separate processes, each with its own PYTHONHASHSEED (the order of sets, and of str hashes)."""
    runs = []
    script = f"FORMATS, SEPARATOR = {FORMATS!r}, {SEPARATOR!r}\n{_RENDER}"
    for seed in SEEDS:
        env = {**os.environ, "PYTHONHASHSEED": seed}
        env.pop("FORCE_COLOR", None)
        runs.append(subprocess.Popen([sys.executable, "-c", script, *map(str, projects.values())], env=env,
                                     stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True))
    expected = "".join(_reference_of(project)[name] + SEPARATOR for project in projects.values() for name in FORMATS)
    for seed, run in zip(SEEDS, runs):
        out, err = run.communicate()
        assert run.returncode == 0, err
        assert out == expected, f"PYTHONHASHSEED={seed}"


# -- cache state ----------------------------------------------------------------------------------


@pytest.fixture()
def parsed(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Path:
    """A file listing the process id of every parse of a claim file, whichever process did it."""
    record = tmp_path / "parsed-by"
    real = filestage.process

    def process(path: Path, *args: Any, **kwargs: Any) -> Any:
        with record.open("a", encoding="utf-8") as out:
            out.write(f"{os.getpid()}\n")
        return real(path, *args, **kwargs)

    monkeypatch.setattr(filestage, "process", process)
    return record


def _parses(record: Path) -> list[int]:
    pids = [int(line) for line in record.read_text(encoding="utf-8").split()] if record.exists() else []
    record.unlink(missing_ok=True)
    return pids


def _damage(cache: Path) -> int:
    """Garbage, truncated, emptied, missing and swapped (another file's) entries; the shared lookups
    truncated. How many entries there were."""
    entries = sorted((cache / f"v{_format()}").glob("*.pickle"))
    assert len(entries) >= 5
    other = entries[0].read_bytes()
    for i, entry in enumerate(entries):
        data = entry.read_bytes()
        damaged = (b"\x80\x05garbage" * 20, data[: len(data) // 2], b"", None, other)[i % 5]
        if damaged is None:
            entry.unlink()
        else:
            entry.write_bytes(damaged)
    for shared in (cache / f"v{_format()}").glob("*.shared"):
        shared.write_bytes(shared.read_bytes()[:40])
    return len(entries)


def _format() -> int:
    from factcheck.cache import FORMAT

    return FORMAT


def test_cache_states(corpus: Path, reference: dict[str, str], tmp_path: Path, parsed: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    cache = tmp_path / "cache"
    files = _claim_files(corpus)
    assert _same(_lint(corpus, monkeypatch, cache_dir=cache), reference)  # cold
    assert len(_parses(parsed)) == files
    assert _same(_lint(corpus, monkeypatch, cache_dir=cache), reference)  # warm: nothing parsed
    assert _parses(parsed) == []
    entries = _damage(cache)
    assert _same(_lint(corpus, monkeypatch, cache_dir=cache), reference)  # damaged: the bad entries parsed again
    assert len(_parses(parsed)) >= entries * 4 // 5
    assert _same(_lint(corpus, monkeypatch, cache_dir=cache), reference)  # repaired
    assert _parses(parsed) == []


# -- serial vs parallel ---------------------------------------------------------------------------


def test_serial_and_parallel(corpus: Path, reference: dict[str, str], tmp_path: Path, parsed: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    files = _claim_files(corpus)
    monkeypatch.setattr(filestage, "PARALLEL_MIN_BYTES", 0)  # these corpora are smaller than the threshold
    assert _same(_lint(corpus, monkeypatch, jobs=2), reference)
    workers = _parses(parsed)
    assert len(workers) == files and os.getpid() not in workers  # every file parsed by a worker process
    # A cache the workers filled, read by a serial run; and the other way round.
    cache = tmp_path / "cache"
    assert _same(_lint(corpus, monkeypatch, jobs=2, cache_dir=cache), reference)
    assert len(_parses(parsed)) == files
    assert _same(_lint(corpus, monkeypatch, jobs=1, cache_dir=cache), reference)
    assert _parses(parsed) == []
    serial_cache = tmp_path / "serial-cache"
    assert _same(_lint(corpus, monkeypatch, jobs=1, cache_dir=serial_cache), reference)
    assert set(_parses(parsed)) == {os.getpid()}
    _damage(serial_cache)
    assert _same(_lint(corpus, monkeypatch, jobs=2, cache_dir=serial_cache), reference)
    assert os.getpid() not in _parses(parsed)
