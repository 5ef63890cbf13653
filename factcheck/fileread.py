"""Read input files without trusting them: never block, never read past a size limit, never crash.

Claim files come from many hands and factcheck runs unattended in CI. A FIFO named `x.yaml` would
block a plain `open()` forever, a 100 MB scraped page would be read and parsed whole, and a symlink
loop makes `Path.resolve()` raise (Python < 3.13). Every read of a corpus, registry, rule or document
file goes through here, so each of those is one clear reason instead of a hang or a traceback.
"""

from __future__ import annotations

import errno
import os
import stat
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import BinaryIO

DEFAULT_MAX_FILE_SIZE = 10 * 1024 * 1024  # 10 MiB: a claim file of 1,000 claims is about 170 KB
_MIB = 1024 * 1024


class UnreadableFile(Exception):
    """Why a file was not read, phrased to follow "cannot read file: "."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


def size_text(size: int) -> str:
    return f"{size / _MIB:.1f} MiB" if size >= _MIB // 10 else f"{size:,} bytes"


def over_limit(size: int, limit: int | None) -> str | None:
    """The reason a file of `size` bytes is not read, or None when it is within the limit."""
    if limit is None or size <= limit:
        return None
    return f"it is {size_text(size)}, over the limit of {size_text(limit)} (max-file-size); not read"


def read_bytes(path: Path | str, limit: int | None = DEFAULT_MAX_FILE_SIZE, root: Path | None = None) -> bytes:
    """The bytes of a regular file of at most `limit` bytes; UnreadableFile otherwise.

    The size is decided from fstat before anything is read; a file that grows past the limit while
    being read is refused too, since only `limit + 1` bytes are ever read. With `root`, a file inside
    it that is really (through a symlink) outside it is refused: a pull request must not be able to
    make CI print another file's contents.
    """
    with _open_regular(path, root) as handle:
        reason = over_limit(os.fstat(handle.fileno()).st_size, limit)
        if reason:
            raise UnreadableFile(reason)
        data = _read(handle, -1 if limit is None else limit + 1)
    reason = over_limit(len(data), limit)
    if reason:  # it grew while being read
        raise UnreadableFile(reason)
    return data


def read_start(path: Path | str, size: int, root: Path | None = None) -> bytes:
    """At most the first `size` bytes of a regular file; nothing when it cannot be read."""
    try:
        with _open_regular(path, root) as handle:
            return _read(handle, size)
    except UnreadableFile:
        return b""


@contextmanager
def _open_regular(path: Path | str, root: Path | None) -> Iterator[BinaryIO]:
    """Opened without blocking (a FIFO opens at once), then refused unless it is a regular file."""
    if root is not None and escapes(path, root):
        raise UnreadableFile("it is a symbolic link to a file outside the project root; not read")
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0))
    except OSError as err:
        raise UnreadableFile(_os_reason(err, path)) from None
    mode = os.fstat(fd).st_mode
    if not stat.S_ISREG(mode):
        os.close(fd)
        if stat.S_ISDIR(mode):
            raise UnreadableFile("it is a directory")
        raise UnreadableFile("it is not a regular file (a FIFO, socket or device); not read")
    with os.fdopen(fd, "rb") as handle:
        yield handle


def _read(handle: BinaryIO, size: int) -> bytes:
    try:
        return handle.read(size)
    except OSError as err:
        raise UnreadableFile(_os_reason(err)) from None


def read_or_none(path: Path | str, limit: int | None = DEFAULT_MAX_FILE_SIZE, root: Path | None = None) -> bytes | None:
    """For callers that report unreadable files elsewhere (or need no report)."""
    try:
        return read_bytes(path, limit, root)
    except UnreadableFile:
        return None


def real_path(path: Path | str) -> Path:
    """`Path.resolve()` that follows symlinks as far as they go: a loop gives a path, not an exception;
    a path with a NUL byte (which no file has) is kept as written."""
    try:
        return Path(os.path.realpath(path))
    except ValueError:
        return Path(os.path.abspath(path))  # no file has such a name: is_file() and exists() say False


def escapes(path: Path | str, root: Path) -> bool:
    """Inside `root` as written, outside it once symlinks are followed. A path written outside
    the root is what the user asked for and is not refused."""
    written = Path(os.path.abspath(path))
    real_root = real_path(root)
    inside = written.is_relative_to(root) or written.is_relative_to(real_root)
    return inside and not real_path(path).is_relative_to(real_root)


def why_missing(path: Path | str) -> str:
    """Why there is no file at `path`: a symlink loop, a dangling link or a NUL byte is not a file
    that merely "does not exist"."""
    try:
        os.stat(path)
    except ValueError:
        return "has a NUL byte in its name, which no file name can hold"
    except OSError as err:
        if err.errno == errno.ELOOP:
            return "is a symbolic link loop (too many levels of symbolic links)"
    if os.path.islink(path):
        return f"is a symbolic link to '{os.readlink(path)}', which does not exist"
    return "does not exist"


def _os_reason(err: OSError, path: Path | str | None = None) -> str:
    if isinstance(err, IsADirectoryError):
        return "it is a directory"
    if isinstance(err, FileNotFoundError) and path is not None and os.path.islink(path):
        return f"it {why_missing(path)}"
    return err.strerror or str(err)
