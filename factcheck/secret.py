"""The user's own secret that signs cache entries: made on first use, kept where no project can reach it.

Whoever can read or replace this file can forge cache entries that factcheck would unpickle, so it
lives in the user's cache directory ($XDG_CACHE_HOME/factcheck, else ~/.cache/factcheck), never in
a project and never at a place configuration names; it is created with mode 0600 in a folder only
its owner may write, and refused (the cache then stays off) when that is no longer so, when it is a
symlink or anything but a regular file, or when it has the wrong size (docs/design.md §10).
"""

from __future__ import annotations

import os
import secrets
import stat
import tempfile
from pathlib import Path

from .fileread import real_path

SECRET_NAME = "cache-key"  # the secret's file, in the user's cache directory
SECRET_SIZE = 32


class UntrustedSecret(Exception):
    """The MAC secret cannot be made or is not safe to use; the message says why."""


def user_secret_path() -> Path:
    """Where this user's MAC secret lives: $XDG_CACHE_HOME/factcheck, else ~/.cache/factcheck.

    Deliberately not configurable from a project: whoever can name the secret's file can forge it.
    """
    base = os.environ.get("XDG_CACHE_HOME", "")
    directory = Path(base) if os.path.isabs(base) else Path.home() / ".cache"
    return directory / "factcheck" / SECRET_NAME


def load_secret(path: Path, project_root: Path | None = None) -> bytes:
    """This user's MAC secret, made on first use; UntrustedSecret when it cannot be relied on."""
    if project_root is not None and real_path(path).is_relative_to(real_path(project_root)):
        raise UntrustedSecret(f"{path} is inside the project {project_root}; a project must not hold the cache secret")
    try:
        path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
        _check_private(path.parent, directory=True)
        try:
            return _read_secret(path)
        except FileNotFoundError:
            _create_secret(path)
            return _read_secret(path)
    except OSError as err:
        raise UntrustedSecret(f"cannot use {path}: {err.strerror or err}") from err


def _read_secret(path: Path) -> bytes:
    # no symlink (it could lead to a file others control); no blocking on a FIFO planted in its place
    fd = os.open(path, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0))
    try:
        _check_private(path, directory=False, status=os.fstat(fd))
        data = os.read(fd, SECRET_SIZE + 1)
    finally:
        os.close(fd)
    if len(data) != SECRET_SIZE:
        raise UntrustedSecret(f"{path} is not a factcheck cache secret ({len(data)} bytes); delete it to make a new one")
    return data


def _create_secret(path: Path) -> None:
    """Write a new secret under a temporary name, then link it into place: a concurrent run either
    wins (and both use its secret) or reads a whole file, never a half-written one."""
    fd, temporary = tempfile.mkstemp(dir=path.parent, prefix=".cache-key.", suffix=".tmp")  # mode 0600
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(secrets.token_bytes(SECRET_SIZE))
            handle.flush()
            os.fsync(handle.fileno())
        try:
            os.link(temporary, path)
        except FileExistsError:
            pass  # another run made it first: use theirs
    finally:
        os.unlink(temporary)


def _check_private(path: Path, directory: bool, status: os.stat_result | None = None) -> None:
    """The secret is only as safe as its file and folder: both must be this user's, and nobody else
    may write the folder or read the file."""
    status = status or os.lstat(path)
    kind = stat.S_ISDIR if directory else stat.S_ISREG
    if not kind(status.st_mode):
        raise UntrustedSecret(f"{path} is not a {'directory' if directory else 'regular file'}")
    if hasattr(os, "geteuid") and status.st_uid != os.geteuid():
        raise UntrustedSecret(f"{path} belongs to another user (uid {status.st_uid})")
    loose = 0o022 if directory else 0o077
    if os.name == "posix" and status.st_mode & loose:
        mode = stat.S_IMODE(status.st_mode)
        raise UntrustedSecret(f"{path} is open to other users (mode {mode:o}); run chmod {mode & ~loose:o} {path}, or delete it")
