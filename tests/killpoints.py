"""Run the factcheck command line and SIGKILL it at one step of a file write (tests/test_no_data_loss.py).

    python tests/killpoints.py STEP DIRECTORY LOG -- fmt claims/

Every write of a file in DIRECTORY is cut into steps: creating the temporary file, the temporary file
open and empty, each third of its bytes reaching the operating system, fsync, chmod, replace, and
just after the replace. Step number STEP (counted from 1 over the whole run) kills the process with
SIGKILL, as `kill -9` or the out-of-memory killer would: no exception, no cleanup, no `finally`.
Each step is appended to LOG before it runs, so a run with STEP 0 (never killed) lists them all.

    python tests/killpoints.py --serve

does the same for many runs: it imports factcheck once, then reads batches of jobs, one JSON list
of {"kill_at", "cwd", "directory", "log", "argv"} a line, and forks one child per job, which runs the
command line as above with its output in LOG.out; for each batch it prints the list of exit
statuses (-9 for a killed child) on a line. The runs are the same code; only the second of
start-up they would each spend importing is saved.

Nothing in factcheck knows about this: only `tempfile.NamedTemporaryFile`, `os.fsync`, `os.chmod`
and `os.replace` are wrapped, and writes elsewhere (the cache) are not counted.
"""

from __future__ import annotations

import json
import os
import signal
import sys
import tempfile
from pathlib import Path
from typing import Any

PIECES = 3  # a write reaches the disk in this many pieces, with a step after each


class Steps:
    """Counts the steps of writes into one directory and kills the process at the chosen one."""

    def __init__(self, kill_at: int, directory: Path, log: Path) -> None:
        self.kill_at = kill_at
        self.directory = directory.resolve()
        self.log = log
        self.count = 0
        self.files: dict[int, str] = {}  # file descriptor of a watched temporary file -> its path
        self.targets: dict[str, str] = {}  # temporary path -> the name of the file it will replace

    def step(self, name: str) -> None:
        self.count += 1
        with self.log.open("a", encoding="utf-8") as log:
            log.write(name + "\n")
        if self.count == self.kill_at:
            os.kill(os.getpid(), signal.SIGKILL)


def install(steps: Steps) -> None:
    real_temporary = tempfile.NamedTemporaryFile
    real_fsync, real_chmod, real_replace = os.fsync, os.chmod, os.replace

    def temporary(*args: Any, **kwargs: Any) -> Any:
        directory = kwargs.get("dir")
        if directory is None or Path(directory).resolve() != steps.directory:
            return real_temporary(*args, **kwargs)
        target = str(kwargs.get("prefix", ".")).strip(".")  # write_atomic's prefix is ".NAME."
        steps.step(f"create {target}")
        handle = real_temporary(*args, **kwargs)
        steps.files[handle.fileno()] = handle.name
        steps.targets[handle.name] = target
        steps.step(f"open {target}")
        real_write = handle.write

        def write(data: bytes) -> int:
            size = -(-len(data) // PIECES)
            for piece in range(PIECES):
                real_write(data[piece * size : (piece + 1) * size])
                handle.flush()  # these bytes are now in the file: a kill leaves them there
                steps.step(f"write {target} {piece + 1}/{PIECES}")
            return len(data)

        handle.write = write
        return handle

    def fsync(fd: int) -> None:
        if fd in steps.files:
            steps.step(f"fsync {steps.targets[steps.files[fd]]}")
        real_fsync(fd)

    def chmod(path: Any, mode: int, *args: Any, **kwargs: Any) -> None:
        if os.fspath(path) in steps.targets:
            steps.step(f"chmod {steps.targets[os.fspath(path)]}")
        real_chmod(path, mode, *args, **kwargs)

    def replace(source: Any, target: Any, *args: Any, **kwargs: Any) -> None:
        name = steps.targets.get(os.fspath(source))
        if name is None:
            real_replace(source, target, *args, **kwargs)
            return
        steps.step(f"replace {name}")
        # The temporary file's descriptor is closed by now, and its number may be reused (by the
        # directory's fsync that follows): it no longer names this file.
        for fd in [fd for fd, path in steps.files.items() if path == os.fspath(source)]:
            del steps.files[fd]
        real_replace(source, target, *args, **kwargs)
        steps.step(f"replaced {name}")

    tempfile.NamedTemporaryFile = temporary  # type: ignore[assignment]
    os.fsync, os.chmod, os.replace = fsync, chmod, replace  # type: ignore[assignment]


def serve(jobs: list[dict[str, Any]]) -> list[int]:
    """Each job in a forked child of this already-initialized process; their exit statuses."""
    # Imported here once, so that no child spends its time importing them.
    import factcheck.cli
    import factcheck.extract.claims
    import factcheck.extract.command
    import factcheck.fmt
    import factcheck.pipeline

    statuses = []
    for job in jobs:
        pid = os.fork()
        if pid == 0:  # the child: never returns into this loop
            code = 2
            try:
                os.chdir(job["cwd"])
                output = os.open(f"{job['log']}.out", os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o644)
                os.dup2(output, 1)
                os.dup2(output, 2)
                install(Steps(job["kill_at"], Path(job["directory"]), Path(job["log"])))
                code = factcheck.cli.main(job["argv"])
            finally:
                sys.stdout.flush()
                sys.stderr.flush()
                os._exit(code)
        _, status = os.waitpid(pid, 0)
        statuses.append(os.waitstatus_to_exitcode(status))
    return statuses


def main() -> None:
    if sys.argv[1:] == ["--serve"]:
        for line in sys.stdin:
            print(json.dumps(serve(json.loads(line))), flush=True)
        return
    kill_at, directory, log, separator, *argv = sys.argv[1:]
    assert separator == "--", __doc__
    install(Steps(int(kill_at), Path(directory), Path(log)))
    from factcheck.cli import run

    sys.argv = ["factcheck", *argv]
    run()


if __name__ == "__main__":
    main()
