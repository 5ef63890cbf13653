"""No data loss (issue 7, item 4): `fmt` and `extract -o` killed at any step of a write leave every
file either as it was or (only once the replace has happened) as the complete new file; the commands
that only read never change a byte.

The kills are real SIGKILLs of a process running the command line (tests/killpoints.py wraps
tempfile and os, nothing in factcheck): one run per step of every write, each from a fresh copy.
"""

from __future__ import annotations

import hashlib
import io
import json
import os
import re
import shutil
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from factcheck.cli import main
from factcheck.corpus import discover
from factcheck.pipeline import LintOptions, run_lint

REPO = Path(__file__).resolve().parent.parent
KILLPOINTS = Path(__file__).resolve().parent / "killpoints.py"
ARTICLE = REPO / "tests" / "data" / "articles" / "harbor-levy.txt"
KILLED = -9
TEMPORARY = re.compile(r"^\.(?P<target>.+)\.[^.]+\.tmp$")  # write_atomic's temporary files: .NAME.RANDOM.tmp


def _tree(root: Path) -> dict[str, bytes]:
    """Every file under root (relative path -> bytes), the cache left out."""
    return {
        p.relative_to(root).as_posix(): p.read_bytes()
        for p in sorted(root.rglob("*"))
        if p.is_file() and ".factcheck_cache" not in p.parts
    }


def _digests(root: Path) -> dict[str, str]:
    return {name: hashlib.sha256(data).hexdigest() for name, data in _tree(root).items()}


def _unformat(path: Path) -> None:
    """Put `outlet:` before `id:` in the source mapping: fmt must rewrite the whole file."""
    text = path.read_text(encoding="utf-8")
    ident = re.search(r"(?m)^  id: .*\n", text)
    outlet = re.search(r"(?m)^  outlet: .*\n", text)
    assert ident and outlet and ident.start() < outlet.start()
    swapped = text[: ident.start()] + outlet.group() + ident.group() + text[outlet.end() :]
    path.write_text(swapped, encoding="utf-8")


@dataclass
class Scenario:
    """A project, the command that writes into its claims/ directory, and what a complete run leaves."""

    name: str
    project: Path  # the pristine copy; every run works on a copy of it
    argv: list[str]
    before: dict[str, bytes]  # claims/ before the run
    after: dict[str, bytes]  # claims/ after a complete run
    steps: list[str]  # the steps of a complete run, in order


def _project(root: Path) -> Path:
    project = root / "project"
    shutil.copytree(REPO / "claims", project / "claims")
    shutil.copytree(REPO / "rules", project / "rules")
    return project


def _job(run: Path, log: Path, argv: list[str], kill_at: int = 0) -> dict[str, object]:
    return {"kill_at": kill_at, "cwd": str(run), "directory": str(run / "claims"), "log": str(log), "argv": argv}


def _complete(name: str, project: Path, argv: list[str], tmp: Path, servers: Servers) -> Scenario:
    """Run the command unkilled on a copy: what a complete run writes, and its steps."""
    run = tmp / f"{name}-complete"
    shutil.copytree(project, run)
    log = tmp / f"{name}-complete.log"
    assert servers.run([_job(run, log, argv)]) == [0], Path(f"{log}.out").read_text()
    return Scenario(name, project, argv, _tree(project / "claims"), _tree(run / "claims"), log.read_text().splitlines())


@pytest.fixture(scope="module")
def scenarios(tmp_path_factory: pytest.TempPathFactory, servers: Servers) -> list[Scenario]:
    tmp = tmp_path_factory.mktemp("writers")
    found = []
    # fmt rewriting two files (one larger than the write buffer) and keeping a third as it is.
    project = tmp / "fmt" / "project"
    (project / "claims").mkdir(parents=True)
    for name in ("npr-2017-12-22.yaml", "unscr-2397.yaml", "unscr-2371.yaml"):
        shutil.copy(REPO / "claims" / name, project / "claims" / name)
    _unformat(project / "claims" / "npr-2017-12-22.yaml")
    _unformat(project / "claims" / "unscr-2397.yaml")
    found.append(_complete("fmt", project, ["fmt", "claims"], tmp, servers))
    # extract -o into a new claim file; a new draft registry beside it.
    project = _project(tmp / "extract-new")
    extract = ["extract", str(ARTICLE), "--outlet", "Example News", "-o", "claims/harbor.yaml"]
    found.append(_complete("extract-new", project, extract, tmp, servers))
    # extract -o into an existing claim file that lacks its last claims: they are appended.
    project = _project(tmp / "extract-append")
    drafted = found[-1].after
    text = drafted["harbor.yaml"].decode("utf-8")
    cut = [m.start() for m in re.finditer(r"(?m)^  - id: ", text)][-3]
    (project / "claims" / "harbor.yaml").write_text(text[:cut], encoding="utf-8")
    (project / "claims" / "entities.draft.yaml").write_bytes(drafted["entities.draft.yaml"])
    found.append(_complete("extract-append", project, extract, tmp, servers))
    return found


def test_the_complete_runs_write_what_is_expected(scenarios: list[Scenario]) -> None:
    fmt, new, append = scenarios
    assert sorted(n for n in fmt.before if fmt.before[n] != fmt.after[n]) == ["npr-2017-12-22.yaml", "unscr-2397.yaml"]
    assert fmt.before["unscr-2371.yaml"] == fmt.after["unscr-2371.yaml"]
    assert len(fmt.after["npr-2017-12-22.yaml"]) > io.DEFAULT_BUFFER_SIZE  # a kill mid-write can find part of it on disk
    assert set(new.after) - set(new.before) == {"harbor.yaml", "entities.draft.yaml"}
    assert [n for n in append.before if append.before[n] != append.after[n]] == ["harbor.yaml"]
    assert append.after["harbor.yaml"].startswith(append.before["harbor.yaml"])  # the curated bytes are kept
    assert len(append.after["harbor.yaml"]) > len(append.before["harbor.yaml"])
    for scenario in scenarios:
        writes = {s.split()[1] for s in scenario.steps}
        assert len(scenario.steps) == 9 * len(writes) and scenario.steps[0].startswith("create ")


class Servers:
    """tests/killpoints.py --serve processes, started once for the module: each imports factcheck
    once and forks a child per run."""

    def __init__(self, count: int = 2) -> None:
        self.processes = [subprocess.Popen([sys.executable, str(KILLPOINTS), "--serve"], stdin=subprocess.PIPE,
                                           stdout=subprocess.PIPE, text=True) for _ in range(count)]

    def run(self, jobs: list[dict[str, object]]) -> list[int]:
        """The jobs' exit statuses; shared out between the servers, each running its share in order."""
        busy = []
        for part, server in enumerate(self.processes):
            share = jobs[part :: len(self.processes)]
            if share:
                assert server.stdin is not None
                server.stdin.write(json.dumps(share) + "\n")
                server.stdin.flush()
                busy.append((part, server))
        statuses: list[int] = [0] * len(jobs)
        for part, server in busy:
            assert server.stdout is not None
            line = server.stdout.readline()
            assert line, "a kill-point server died"
            statuses[part :: len(self.processes)] = json.loads(line)
        return statuses

    def close(self) -> None:
        for server in self.processes:
            assert server.stdin is not None
            server.stdin.close()
            server.wait(timeout=30)


@pytest.fixture(scope="module")
def servers() -> Iterator[Servers]:
    started = Servers()
    yield started
    started.close()


def _check_killed_state(scenario: Scenario, claims: Path, done: list[str]) -> None:
    """Every file is its old bytes or, once replaced, its complete new bytes; a leftover temporary
    file holds a prefix of the new bytes and is never taken for a claim file."""
    state = _tree(claims)
    replaced = {step.split()[1] for step in done if step.startswith("replaced ")}
    temporaries = {name: data for name, data in state.items() if TEMPORARY.match(name)}
    files = {name: data for name, data in state.items() if name not in temporaries}
    expected = {name: (scenario.after if name in replaced else scenario.before).get(name) for name in scenario.after}
    assert files == {name: data for name, data in expected.items() if data is not None}
    killed = done[-1].split()
    open_temporary = killed[0] in ("open", "write", "fsync", "chmod", "replace")
    assert len(temporaries) == (1 if open_temporary else 0)
    for name, data in temporaries.items():
        target = TEMPORARY.match(name).group("target")  # type: ignore[union-attr]
        new = scenario.after[target]
        if killed[0] == "open":
            written = 0
        elif killed[0] == "write":  # killed after this many pieces reached the file
            piece, pieces = map(int, killed[2].split("/"))
            written = min(len(new), piece * -(-len(new) // pieces))
        else:
            written = len(new)
        assert target == killed[1] and data == new[:written]
    assert [p.name for p in discover([claims]) if TEMPORARY.match(p.name)] == []


def _recovery_state(step: str) -> bool:
    """One step of each kind of state a kill can leave behind."""
    return step.split()[0] in ("create", "replace", "replaced") or step.endswith(" 2/3")


def test_a_kill_at_any_step_loses_nothing(scenarios: list[Scenario], servers: Servers, tmp_path: Path) -> None:
    jobs, runs = [], []
    for scenario in scenarios:
        for kill_at in range(1, len(scenario.steps) + 1):
            run = tmp_path / f"{scenario.name}-{kill_at}"
            shutil.copytree(scenario.project, run)
            log = tmp_path / f"{scenario.name}-{kill_at}.log"
            jobs.append(_job(run, log, scenario.argv, kill_at))
            runs.append((scenario, run, log, kill_at))
    statuses = servers.run(jobs)
    assert len(runs) == sum(len(s.steps) for s in scenarios) >= 45
    for (scenario, run, log, kill_at), status in zip(runs, statuses):
        done = log.read_text(encoding="utf-8").splitlines()
        assert status == KILLED and done == scenario.steps[:kill_at], (scenario.name, kill_at, status, done)
        _check_killed_state(scenario, run / "claims", done)
    # The next run finishes the job: the same files as a complete run; a leftover temporary file is
    # neither taken for a claim file nor in the way. Each kind of state a kill leaves is tried: before
    # the temporary file, a partial one, a complete one, and after a replace.
    recover = [i for i, (scenario, _, _, kill_at) in enumerate(runs) if _recovery_state(scenario.steps[kill_at - 1])]
    again = [{**jobs[i], "kill_at": 0, "log": f"{jobs[i]['log']}.again"} for i in recover]
    statuses = servers.run(again)
    assert len(again) == 4 * sum(len(s.steps) // 9 for s in scenarios)
    for (scenario, run, _, kill_at), status in zip([runs[i] for i in recover], statuses):
        assert status == 0, (scenario.name, kill_at, Path(f"{tmp_path / f'{scenario.name}-{kill_at}.log'}.again.out").read_text())
        state = {name: data for name, data in _tree(run / "claims").items() if not TEMPORARY.match(name)}
        assert state == scenario.after, (scenario.name, kill_at)


def test_lint_after_a_kill_mid_write_ignores_the_temporary_file(scenarios: list[Scenario], tmp_path: Path) -> None:
    scenario = scenarios[0]
    kill_at = scenario.steps.index("write npr-2017-12-22.yaml 2/3") + 1
    run = tmp_path / "run"
    shutil.copytree(scenario.project, run)
    log = tmp_path / "log"
    # The plain way this time: `python tests/killpoints.py STEP ...` runs the `factcheck` entry point.
    killed = subprocess.run([sys.executable, str(KILLPOINTS), str(kill_at), str(run / "claims"), str(log), "--", *scenario.argv],
                            cwd=run, capture_output=True, check=False)
    assert killed.returncode == KILLED and log.read_text().splitlines() == scenario.steps[:kill_at]
    (leftover,) = [p for p in (run / "claims").iterdir() if TEMPORARY.match(p.name)]
    assert 0 < leftover.stat().st_size < len(scenario.after["npr-2017-12-22.yaml"])  # really cut mid-write
    result = run_lint(LintOptions(cache=False, jobs=1), cwd=run)
    linted = {f.path.name for f in result.corpus.files}
    assert leftover.name not in linted and {"unscr-2397.yaml", "npr-2017-12-22.yaml"} <= linted
    assert all(leftover.name not in f.location.path for f in result.findings)


# -- the commands that only read ------------------------------------------------------------------


@pytest.mark.parametrize(
    "argv",
    [
        ["lint", "claims"],
        ["lint", "--no-cache", "--format", "sarif", "claims/npr-2017-12-22.yaml"],
        ["fmt", "--check", "claims"],
        ["fmt", "--diff", "claims/npr-2017-12-22.yaml"],
        ["schema"],
        ["rules", "--format", "json"],
        ["explain", "FC101"],
    ],
)
def test_read_only_commands_change_no_file(argv: list[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                           capsys: pytest.CaptureFixture[str]) -> None:
    project = _project(tmp_path)
    _unformat(project / "claims" / "npr-2017-12-22.yaml")  # something fmt --check/--diff would change
    (project / "claims" / ".npr-2017-12-22.yaml.leftover.tmp").write_bytes(b"source:\n  id: half")  # a killed run's
    before = _digests(project)
    monkeypatch.chdir(project)
    main(argv)
    capsys.readouterr()
    assert _digests(project) == before


@pytest.mark.parametrize("option", [["lint", "--output"], ["lint", "--write-baseline"], ["report", "--html"]])
def test_a_report_is_never_written_over_a_linted_file(option: list[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                       capsys: pytest.CaptureFixture[str]) -> None:
    project = _project(tmp_path)
    before = _digests(project)
    monkeypatch.chdir(project)
    for target in ("claims/npr-2017-12-22.yaml", "claims/entities.yaml", "./claims/../claims/unscr-2397.yaml"):
        assert main([*option, target, "--no-cache", "--jobs", "1"]) == 2
        assert "is a file being linted" in capsys.readouterr().err
    assert _digests(project) == before


# -- extract -o and an existing target ------------------------------------------------------------


def test_extract_into_a_file_that_is_not_a_claim_file_leaves_it_alone(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                                        capsys: pytest.CaptureFixture[str]) -> None:
    project = _project(tmp_path)
    notes = project / "claims" / "notes.yaml"
    notes.write_text("# my notes\n- not a claim file\n", encoding="utf-8")
    before = _digests(project)
    monkeypatch.chdir(project)
    for target in ("claims/notes.yaml", "claims/entities.yaml"):
        assert main(["extract", str(ARTICLE), "--outlet", "Example News", "-o", target, "--entities-out", "claims/notes.yaml"]) == 2
        assert "not touched" in capsys.readouterr().err
    assert _digests(project) == before


def test_extract_into_an_existing_claim_file_keeps_every_byte(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                               capsys: pytest.CaptureFixture[str]) -> None:
    project = _project(tmp_path)
    target = project / "claims" / "npr-2017-12-22.yaml"
    before = target.read_bytes()
    monkeypatch.chdir(project)
    assert main(["extract", str(ARTICLE), "--outlet", "Example News", "-o", "claims/npr-2017-12-22.yaml"]) == 0
    capsys.readouterr()
    after = target.read_bytes()
    assert after.startswith(before) and len(after) > len(before)
    assert os.stat(target).st_mode == os.stat(REPO / "claims" / "npr-2017-12-22.yaml").st_mode
