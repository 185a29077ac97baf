"""Atomic writes: a temporary file in the same folder, flushed to disk, then ``os.replace``.

Readers (another process, the assistant's machine on a shared folder) see the old file or the
new one, never a part; a failure leaves the old file untouched and no temporary file behind.
User-facing documents saved from the editor go through Qt's QSaveFile (ui/storage.py); every
other file the program writes goes through :func:`write_atomic`.
"""
from __future__ import annotations

import os
import tempfile
from pathlib import Path


def write_atomic(path: str | os.PathLike, data: bytes) -> None:
    """Replace ``path`` by ``data``, keeping the permissions of the file it replaces."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(data)
            f.flush()
            os.fsync(f.fileno())
        try:
            os.chmod(tmp, path.stat().st_mode & 0o777)
        except FileNotFoundError:
            umask = os.umask(0)
            os.umask(umask)
            os.chmod(tmp, 0o666 & ~umask)
        os.replace(tmp, path)
    except BaseException:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise
