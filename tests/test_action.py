"""The GitHub Action (action.yml) and the Markdown summary it writes.

The action is checked against SchemaStore's schema for action metadata, and its steps are run here
with bash the way the runner runs them (`bash --noprofile --norc -eo pipefail`), with the runner's
files (GITHUB_STEP_SUMMARY, GITHUB_OUTPUT) as temporary files and the inputs passed through each
step's `env:`. The harness knows only `${{ inputs.NAME }}` and fails on any other expression, and on
any step feature it does not emulate (`if:`, `uses:`, `working-directory:`), so no part of the action
goes untested by being skipped.
"""

from __future__ import annotations

import copy
import functools
import io
import json
import os
import re
import shutil
import subprocess
import sys
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import jsonschema
import pytest
import yaml

import clean_corpus

from factcheck.config import ConfigError
from factcheck.corpus import Corpus
from factcheck.findings import Finding, Location
from factcheck.loader import LoadedFile
from factcheck.pipeline import LintResult
from factcheck.reporters import REPORTERS
from factcheck.reporters.markdown_format import LIMIT_VARIABLE, code_cell, render_summary, text_cell
from factcheck.ruleset import RuleSet, default_rules_dir, load_ruleset

REPO = Path(__file__).resolve().parent.parent
ACTION_FILE = REPO / "action.yml"
ACTION: dict[str, Any] = yaml.safe_load(ACTION_FILE.read_text(encoding="utf-8"))
SCHEMA = json.loads((REPO / "tests" / "data" / "github-action.schema.json").read_text(encoding="utf-8"))
VENV_BIN = str(Path(sys.executable).parent)
INPUT_EXPRESSION = re.compile(r"\$\{\{\s*inputs\.([A-Za-z_][A-Za-z0-9_-]*)\s*\}\}")
EMULATED_STEP_KEYS = {"name", "id", "shell", "env", "run"}
# The example corpus in two directories the action is given, one per line: a name with a space, and
# one that would pass for an option (argparse takes a word with a space for a path anyway).
CORPUS_DIRS = ("claim files", "-more")
MOVED = "unscr-2397.yaml"  # into the second


# --- the metadata -------------------------------------------------------------------------------


def test_action_validates_against_the_schema() -> None:
    jsonschema.Draft7Validator.check_schema(SCHEMA)
    jsonschema.Draft7Validator(SCHEMA).validate(ACTION)
    assert ACTION["runs"]["using"] == "composite"


def _without_steps(action: dict[str, Any]) -> None:
    del action["runs"]["steps"]


def _unknown_top_level_key(action: dict[str, Any]) -> None:
    action["permissions"] = {"contents": "read"}


def _unknown_step_key(action: dict[str, Any]) -> None:
    action["runs"]["steps"][0]["timeout-minutes"] = 5


def _step_without_shell(action: dict[str, Any]) -> None:
    del action["runs"]["steps"][0]["shell"]


def _output_without_value(action: dict[str, Any]) -> None:
    del action["outputs"]["exit-code"]["value"]


@pytest.mark.parametrize("breakage", [_without_steps, _unknown_top_level_key, _unknown_step_key, _step_without_shell, _output_without_value])
def test_the_schema_rejects_broken_metadata(breakage: Any) -> None:
    """The validation above can fail: each of these copies is refused."""
    broken = copy.deepcopy(ACTION)
    breakage(broken)
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.Draft7Validator(SCHEMA).validate(broken)


def test_inputs_reach_the_scripts_only_through_env() -> None:
    """An expression inside `run:` is pasted into the script before bash parses it: an input (or a
    pull request's title) could then run commands. Each value goes through `env:` instead."""
    declared = set(ACTION["inputs"])
    for step in ACTION["runs"]["steps"]:
        assert step["shell"] == "bash"
        assert "${{" not in step["run"], step["name"]
        for name, value in step.get("env", {}).items():
            match = INPUT_EXPRESSION.fullmatch(value)
            assert match and match[1] in declared, f"{step['name']}: {name}: {value}"


def test_the_readme_workflow_uses_the_action_as_declared() -> None:
    """The README's workflow: the action with inputs it declares, the permission upload-sarif needs,
    and the SARIF file the action writes is the one uploaded."""
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    section = readme[readme.index("### CI (GitHub Actions)"):]
    workflow = yaml.safe_load(re.search(r"```yaml\n(.*?)```", section, re.S).group(1))  # type: ignore[union-attr]
    assert workflow["permissions"]["security-events"] == "write"
    (job,) = workflow["jobs"].values()
    steps = {step.get("uses", "").split("@")[0]: step for step in job["steps"]}
    ours = next(step for uses, step in steps.items() if uses.endswith("/factcheck"))
    assert set(ours.get("with", {})) <= set(ACTION["inputs"])
    assert list(steps).index("actions/setup-python") < list(steps).index(next(u for u in steps if u.endswith("/factcheck")))
    assert steps["github/codeql-action/upload-sarif"]["with"]["sarif_file"] == ours["with"]["sarif-file"]


def test_the_harness_refuses_other_expressions(tmp_path: Path) -> None:
    with pytest.raises(pytest.fail.Exception):
        step_env({"env": {"TOKEN": "${{ github.token }}"}}, {})
    with pytest.raises(pytest.fail.Exception):
        step_env({"env": {"MIXED": "x-${{ inputs.paths }}"}}, {"paths": "a"})
    with pytest.raises(pytest.fail.Exception):
        run_steps([{"name": "skipped?", "if": "always()", "shell": "bash", "run": "true"}], {}, tmp_path, VENV_BIN)


# --- running the steps --------------------------------------------------------------------------


@dataclass
class ActionRun:
    exit_code: int
    stdout: str
    stderr: str
    summary: str
    outputs: dict[str, str]


def step_env(step: dict[str, Any], inputs: dict[str, str]) -> dict[str, str]:
    """The step's `env:` with `${{ inputs.NAME }}` replaced by the input's value."""
    env = {}
    for name, value in step.get("env", {}).items():
        match = INPUT_EXPRESSION.fullmatch(value)
        if match is None:
            pytest.fail(f"{name}: {value!r}: only a whole `${{{{ inputs.NAME }}}}` is emulated")
        env[name] = inputs[match[1]]
    return env


def action_inputs(given: dict[str, str]) -> dict[str, str]:
    declared = ACTION["inputs"]
    assert set(given) <= set(declared), f"unknown inputs {set(given) - set(declared)}"
    return {name: given.get(name, spec.get("default", "")) for name, spec in declared.items()}


def run_steps(steps: list[dict[str, Any]], inputs: dict[str, str], cwd: Path, path_first: str) -> ActionRun:
    """The steps in order, as the runner would: a failing step ends the run."""
    scratch = cwd / ".runner"
    scratch.mkdir(exist_ok=True)
    summary, outputs = scratch / "step_summary.md", scratch / "output"
    summary.write_text("", encoding="utf-8")  # fresh files, as the runner gives each run
    outputs.write_text("", encoding="utf-8")
    # Nothing of the caller's GitHub, runner or factcheck settings leaks into the run.
    base = {k: v for k, v in os.environ.items() if not k.startswith(("GITHUB_", "RUNNER_", "INPUT_", "FACTCHECK_"))}
    base.update(PATH=path_first + os.pathsep + os.environ.get("PATH", ""), GITHUB_ACTION_PATH=str(REPO),
                GITHUB_STEP_SUMMARY=str(summary), GITHUB_OUTPUT=str(outputs))
    stdout, stderr, code = "", "", 0
    for number, step in enumerate(steps):
        if set(step) - EMULATED_STEP_KEYS:
            pytest.fail(f"step {step.get('name')}: {sorted(set(step) - EMULATED_STEP_KEYS)} not emulated by this harness")
        assert step["shell"] == "bash"
        script = scratch / f"step{number}.sh"
        script.write_text(step["run"], encoding="utf-8")
        done = subprocess.run(["bash", "--noprofile", "--norc", "-eo", "pipefail", str(script)], cwd=cwd,
                              env={**base, **step_env(step, inputs)}, capture_output=True, text=True, timeout=60, check=False)
        stdout, stderr, code = stdout + done.stdout, stderr + done.stderr, done.returncode
        if code:
            break
    return ActionRun(code, stdout, stderr, summary.read_text(encoding="utf-8"), read_outputs(outputs))


def read_outputs(path: Path) -> dict[str, str]:
    outputs = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        name, sep, value = line.partition("=")
        assert sep and "<<" not in name, f"unexpected output line {line!r}"
        outputs[name] = value
    return outputs


def run_action(cwd: Path, **given: str) -> ActionRun:
    """The whole action; factcheck is already installed (in this virtualenv), so no network."""
    return run_steps(ACTION["runs"]["steps"], action_inputs({"install": "false", **given}), cwd, VENV_BIN)


def lint_json(cwd: Path, *options: str) -> tuple[int, list[dict[str, Any]]]:
    """What `factcheck lint --format json` reports on the example corpus, for comparison."""
    command = [str(Path(VENV_BIN) / "factcheck"), "lint", *options, "--format", "json", "--", *CORPUS_DIRS]
    done = subprocess.run(command, cwd=cwd, capture_output=True, text=True, timeout=60, check=False)
    return done.returncode, json.loads(done.stdout)


@pytest.fixture(scope="module")
def example_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("example")
    first, second = (root / name for name in CORPUS_DIRS)
    shutil.copytree(REPO / "claims", first)
    second.mkdir()
    (first / MOVED).rename(second / MOVED)
    return root


@pytest.fixture(scope="module")
def example_run(example_dir: Path) -> ActionRun:
    paths = f"  {CORPUS_DIRS[0]}  \r\n\n{CORPUS_DIRS[1]}\n"  # blanks around a line and empty lines are dropped
    return run_action(example_dir, paths=paths, **{"sarif-file": "factcheck report.sarif"})


@pytest.fixture(scope="module")
def reference(example_dir: Path) -> tuple[int, list[dict[str, Any]]]:
    return lint_json(example_dir)


def test_exit_code_is_the_lints(example_run: ActionRun, reference: tuple[int, list[dict[str, Any]]]) -> None:
    code, findings = reference
    assert code == 1 and findings, "the example corpus has an error finding"
    assert example_run.exit_code == code, example_run.stderr
    assert example_run.outputs["exit-code"] == str(code)


def test_annotations_on_stdout(example_run: ActionRun, reference: tuple[int, list[dict[str, Any]]]) -> None:
    commands = [line for line in example_run.stdout.splitlines() if line.startswith("::")]
    assert len(commands) == len(reference[1])
    assert any(line.startswith(f"::warning file={CORPUS_DIRS[0]}/") for line in commands)
    assert any(line.startswith("::error file=") for line in commands)


def test_summary_counts_rules_and_lists_the_first_findings(example_run: ActionRun, reference: tuple[int, list[dict[str, Any]]]) -> None:
    findings = reference[1]
    summary = example_run.summary
    counts = Counter((f["code"], f["name"], f["severity"]) for f in findings)
    for (code, name, severity), count in counts.items():
        assert f"| {code} | {text_cell(name)} | {severity} | {count} |\n" in summary
    rows = [line for line in summary.splitlines() if line.startswith("| `")]
    limit = int(ACTION["inputs"]["summary-findings"]["default"])
    assert [row.split(" | ")[:2] for row in rows] == [[f"| `{f['path']}:{f['line']}`", f["code"]] for f in findings[:limit]]
    assert f"**Total: {len(findings)} findings**" in summary
    assert f"{len(findings) - limit} more findings not listed" in summary


def test_sarif_written_and_named_in_the_outputs(example_run: ActionRun, example_dir: Path, reference: tuple[int, list[dict[str, Any]]]) -> None:
    assert example_run.outputs["sarif-file"] == "factcheck report.sarif"
    log = json.loads((example_dir / "factcheck report.sarif").read_text(encoding="utf-8"))
    assert log["version"] == "2.1.0"
    assert len(log["runs"][0]["results"]) == len(reference[1])


def test_args_are_split_into_options(example_dir: Path) -> None:
    """`--select FC2 --fail-on error` over two lines: the error (FC106) is not selected, so the lint
    passes though warnings remain; the summary lists as many findings as asked."""
    run = run_action(example_dir, paths="\n".join(CORPUS_DIRS), args="--select FC2\n  --fail-on error", **{"summary-findings": "3"})
    code, findings = lint_json(example_dir, "--select", "FC2", "--fail-on", "error")
    assert run.exit_code == code == 0, run.stderr
    assert findings and {f["code"] for f in findings} <= {"FC201", "FC202"}
    assert "FC106" not in run.summary
    assert len([line for line in run.summary.splitlines() if line.startswith("| `")]) == 3
    assert run.outputs == {"exit-code": "0", "sarif-file": ""}


def test_clean_corpus_with_the_default_paths(tmp_path: Path) -> None:
    clean_corpus.write(tmp_path / "claims")
    run = run_action(tmp_path)
    assert run.exit_code == 0, run.stderr
    assert "No findings." in run.summary
    assert "::" not in run.stdout
    assert run.outputs == {"exit-code": "0", "sarif-file": ""}


def test_usage_error_fails_after_the_summary(tmp_path: Path) -> None:
    run = run_action(tmp_path, paths="nowhere", **{"sarif-file": "out.sarif"})
    assert run.exit_code == 2
    assert "nowhere: no such file or directory" in run.stderr
    assert "stopped with exit code 2 before reporting" in run.summary
    assert run.outputs == {"sarif-file": "", "exit-code": "2"}
    assert not (tmp_path / "out.sarif").exists()


@pytest.mark.parametrize("given", [{"args": "--output x"}, {"args": "-ox"}, {"args": "--stat"}, {"args": "-- --format text"},
                                   {"summary-findings": "many"}, {"summary-findings": "-1"}, {"sarif-file": "a\nb"}])
def test_inputs_the_action_cannot_use_are_refused(tmp_path: Path, given: dict[str, str]) -> None:
    clean_corpus.write(tmp_path / "claims")
    run = run_action(tmp_path, **given)
    assert run.exit_code == 2
    assert run.stdout.startswith("::error title=factcheck::")
    assert "misconfigured" in run.summary
    assert run.outputs == {"exit-code": "2"}


def test_install_step_installs_the_actions_checkout(tmp_path: Path) -> None:
    """A `python` on PATH that records its arguments stands in for the runner's: the install step
    asks its pip for the action's own directory, so the action's ref is the version installed."""
    shims = tmp_path / "shims"
    shims.mkdir()
    calls = tmp_path / "calls"
    shim = shims / "python"
    shim.write_text(f'#!/bin/sh\nprintf "%s\\n" "$@" >> "{calls}"\n', encoding="utf-8")
    shim.chmod(0o755)
    install = [step for step in ACTION["runs"]["steps"] if step["name"] == "Install factcheck"]
    run = run_steps(install, action_inputs({}), tmp_path, str(shims))
    assert run.exit_code == 0, run.stderr
    args = calls.read_text(encoding="utf-8").splitlines()
    assert args[:3] == ["-m", "pip", "install"] and args[-1] == str(REPO)
    calls.unlink()
    with_factcheck = f"{shims}{os.pathsep}{VENV_BIN}"
    assert run_steps(install, action_inputs({"install": "false"}), tmp_path, with_factcheck).exit_code == 0
    assert run_steps(install, action_inputs({"install": "yes"}), tmp_path, with_factcheck).exit_code == 2
    assert not calls.exists()


# --- the Markdown reporter ----------------------------------------------------------------------


@functools.cache
def default_ruleset() -> RuleSet:
    return load_ruleset([default_rules_dir()])


def made_result(findings: list[Finding]) -> LintResult:
    paths = sorted({f.location.path for f in findings})
    corpus = Corpus(files=[LoadedFile(Path(p), p, p) for p in paths])
    return LintResult(findings, corpus, default_ruleset())


def finding(path: str, line: int, code: str, message: str, severity: str = "warning", name: str = "unsupported") -> Finding:
    return Finding(code, message, Location(path, line, 1, "s", "c"), name=name, severity=severity)


def summary_of(findings: list[Finding], limit: int = 20) -> str:
    stream = io.StringIO()
    render_summary(made_result(findings), stream, limit)
    return stream.getvalue()


def cells(row: str) -> list[str]:
    """A GFM table row split as GitHub splits it: at each `|` that no backslash precedes."""
    return [cell.strip() for cell in re.split(r"(?<!\\)\|", row.strip())[1:-1]]


def test_text_cells_are_escaped() -> None:
    assert text_cell("a|b") == "a\\|b"
    assert text_cell("one\r\ntwo\nthree\rfour") == "one<br>two<br>three<br>four"
    assert text_cell("<script>&amp;") == "&lt;script&gt;&amp;amp;"
    assert text_cell("`code` *em* _u_ [link](x) ~s~ $1 and $2 \\") == "\\`code\\` \\*em\\* \\_u\\_ \\[link\\](x) \\~s\\~ \\$1 and \\$2 \\\\"
    assert text_cell("nul\x00") == "nul\\\\x00"


def test_a_hostile_message_stays_in_its_cell() -> None:
    message = "x | y\n| FC999 | injected |\n<img src=x onerror=alert(1)> `|`"
    text = summary_of([finding("claims/a|b.yaml", 3, "FC201", message)])
    rows = [line for line in text.splitlines() if line.startswith("| `")]
    assert len(rows) == 1
    assert cells(rows[0]) == ["`claims/a\\|b.yaml:3`", "FC201", text_cell(message)]
    assert "<img" not in text and "\n| FC999" not in text


def test_code_cells() -> None:
    assert code_cell("claims/a.yaml:3") == "`claims/a.yaml:3`"
    assert code_cell("a|b") == "`a\\|b`"
    assert code_cell("odd`name") == "``odd`name``"
    assert code_cell("`x") == "`` `x ``"
    assert code_cell("new\nline\r") == "`new\\x0aline\\x0d`"
    assert code_cell(" lead") == "`  lead `" and code_cell("trail ") == "` trail  `"  # a space at either end is padded
    assert code_cell("odd`") == "`` odd` ``"  # a backtick at the end, not only at the start


def test_order_and_total() -> None:
    findings = [
        finding("claims/a.yaml", 1, "FC201", "first"),
        finding("claims/a.yaml", 9, "FC106", "second", "error", "contradicts-primary"),
        finding("claims/b.yaml", 2, "FC201", "third"),
    ]
    text = summary_of(findings)
    table = [cells(line) for line in text.splitlines() if line.startswith("| FC")]
    assert table == [["FC106", "contradicts-primary", "error", "1"], ["FC201", "unsupported", "warning", "2"]]  # errors first
    listed = [cells(line)[2] for line in text.splitlines() if line.startswith("| `")]
    assert listed == ["first", "second", "third"]  # report order
    assert "**Total: 3 findings** in 2 files (1 error, 2 warnings, 0 info)." in text
    assert "All findings:" in text and "not listed" not in text
    assert text == summary_of(findings)


def test_rules_by_severity_then_code_whatever_their_counts() -> None:
    findings = [
        finding("claims/a.yaml", 1, "FC201", "m1"),
        finding("claims/a.yaml", 2, "FC005", "m2", name="unresolved-entity"),
        finding("claims/a.yaml", 3, "FC005", "m3", name="unresolved-entity"),
        finding("claims/a.yaml", 4, "FC204", "m4", "error", "event-after-publication"),
    ]
    table = [cells(line) for line in summary_of(findings).splitlines() if line.startswith("| FC")]
    assert table == [
        ["FC204", "event-after-publication", "error", "1"],  # an error heads the table, though its code sorts last
        ["FC005", "unresolved-entity", "warning", "2"],  # then by code, not by count
        ["FC201", "unsupported", "warning", "1"],
    ]


def test_the_whole_summary_of_one_finding_and_of_one_hidden() -> None:
    one = [finding("claims/a.yaml", 3, "FC201", "m3")]
    assert summary_of(one) == (
        "## factcheck\n\n"
        "| code | name | severity | count |\n|---|---|---|---:|\n| FC201 | unsupported | warning | 1 |\n"
        "\n**Total: 1 finding** in 1 file (0 errors, 1 warning, 0 info).\n"
        "\nAll findings:\n\n| place | code | message |\n|---|---|---|\n| `claims/a.yaml:3` | FC201 | m3 |\n"
    )
    two = [*one, finding("claims/b.yaml", 5, "FC201", "m5")]
    assert summary_of(two, limit=1) == (
        "## factcheck\n\n"
        "| code | name | severity | count |\n|---|---|---|---:|\n| FC201 | unsupported | warning | 2 |\n"
        "\n**Total: 2 findings** in 2 files (0 errors, 2 warnings, 0 info).\n"
        "\nFirst 1 of 2 findings:\n\n| place | code | message |\n|---|---|---|\n| `claims/a.yaml:3` | FC201 | m3 |\n"
        "\n1 more finding not listed here.\n"
    )


def test_limit() -> None:
    findings = [finding("claims/a.yaml", line, "FC201", f"m{line}") for line in range(1, 6)]
    text = summary_of(findings, limit=2)
    assert [cells(line)[2] for line in text.splitlines() if line.startswith("| `")] == ["m1", "m2"]
    assert "First 2 of 5 findings:" in text and "3 more findings not listed here." in text
    text = summary_of(findings, limit=0)
    assert "| `" not in text and "| FC201 | unsupported | warning | 5 |" in text and "5 more findings" in text


def test_limit_from_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    findings = [finding("claims/a.yaml", line, "FC201", f"m{line}") for line in range(1, 30)]
    stream = io.StringIO()
    monkeypatch.delenv(LIMIT_VARIABLE, raising=False)
    REPORTERS["markdown"](made_result(findings), stream)
    assert "First 20 of 29 findings:" in stream.getvalue()
    monkeypatch.setenv(LIMIT_VARIABLE, "4")
    stream = io.StringIO()
    REPORTERS["markdown"](made_result(findings), stream)
    assert "First 4 of 29 findings:" in stream.getvalue()
    for bad in ("four", "-1", "²"):
        monkeypatch.setenv(LIMIT_VARIABLE, bad)
        with pytest.raises(ConfigError):
            REPORTERS["markdown"](made_result(findings), io.StringIO())


def test_no_findings() -> None:
    assert summary_of([]) == "## factcheck\n\nNo findings.\n"
