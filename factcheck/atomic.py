"""Writing a file all at once: the only way factcheck replaces a user's file (fmt, extract -o,
baseline). A crash, a full disk or a kill mid-write leaves the old file as it was."""

from __future__ import annotations

import os
import stat
import tempfile
from pathlib import Path


def write_atomic(path: Path, data: bytes) -> None:
    """Replace `path` with `data` all at once: a crash or error leaves the old file untouched.

    A symlink is followed (its target is rewritten, the link stays); the permission bits are kept,
    and a new file gets the usual ones (0666 less the umask).
    """
    target = Path(os.path.realpath(path))
    try:
        mode = stat.S_IMODE(target.stat().st_mode)
    except FileNotFoundError:
        umask = os.umask(0)
        os.umask(umask)
        mode = 0o666 & ~umask
    handle = tempfile.NamedTemporaryFile(dir=target.parent, prefix=f".{target.name}.", suffix=".tmp", delete=False)
    try:
        with handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(handle.name, mode)
        os.replace(handle.name, target)
        _sync_directory(target.parent)
    except BaseException:
        try:
            os.unlink(handle.name)
        except OSError:
            pass
        raise


def _sync_directory(directory: Path) -> None:
    """Make the rename itself durable (a power cut right after it could otherwise bring back the
    old name's entry); where a directory cannot be opened or synced, the rename already happened."""
    try:
        fd = os.open(directory, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)
