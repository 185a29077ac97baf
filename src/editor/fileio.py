"""Atomic writes: a temporary file in the same folder, flushed to disk, then ``os.replace``.

Readers (another process, the assistant's machine on a shared folder) see the old file or the
new one, never a part; a failure leaves the old file untouched and no temporary file behind.
Every file the program writes goes through :func:`write_atomic`, the posts saved from the editor
included (ui/storage.py).

Privacy: a file created by :func:`write_atomic` is private (0600) — the program writes patients'
posts, reviews and reports; a file it replaces keeps its permissions. A process killed during a
write leaves its temporary file (``.<name>.XXXXXXXX.tmp``) beside the target: the next write of
the same target removes such leftovers once they are old enough to belong to no live writer.
"""
from __future__ import annotations

import logging
import os
import re
import stat
import tempfile
import time
from pathlib import Path

log = logging.getLogger(__name__)

PRIVATE_FILE = 0o600
PRIVATE_DIR = 0o700
STALE_TEMP_AGE = 90.0   # seconds: a live write_atomic holds its temporary file for far less


def _temp_pattern(name: str) -> re.Pattern:
    # tempfile.mkstemp's names: 8 characters from [a-z0-9_] between our prefix and suffix.
    return re.compile(r"\." + re.escape(name) + r"\.[a-z0-9_]{8}\.tmp\Z")


def sweep_stale_temps(path: str | os.PathLike, max_age: float = STALE_TEMP_AGE) -> list[Path]:
    """Remove the temporary files a killed :func:`write_atomic` of ``path`` left behind.

    Only regular files named like our temporary files of this very target, untouched for
    ``max_age`` seconds, are removed (never a link, never another process's live file).
    Returns the removed paths; failures are logged, never raised.
    """
    path = Path(path)
    pattern = _temp_pattern(path.name)
    removed: list[Path] = []
    now = time.time()
    try:
        entries = list(os.scandir(path.parent))
    except OSError as exc:
        log.warning("cannot list %s to remove stale temporary files: %s", path.parent, exc)
        return removed
    for entry in entries:
        if not pattern.match(entry.name):
            continue
        try:
            st = entry.stat(follow_symlinks=False)
            if not stat.S_ISREG(st.st_mode) or now - st.st_mtime < max_age:
                continue
            os.unlink(entry.path)
            removed.append(Path(entry.path))
            log.info("removed a stale temporary file left by an interrupted write: %s",
                     entry.path)
        except FileNotFoundError:
            continue   # another writer swept it first
        except OSError as exc:
            log.warning("cannot remove the stale temporary file %s: %s", entry.path, exc)
    return removed


def make_private_dir(path: str | os.PathLike) -> Path:
    """Create ``path`` (and missing parents) with the new folders private (0700).

    An existing folder keeps its permissions: it may be the user's, shared on purpose.
    """
    path = Path(path)
    missing = []
    p = path
    while not p.exists() and p != p.parent:
        missing.append(p)
        p = p.parent
    for d in reversed(missing):
        try:
            d.mkdir(mode=PRIVATE_DIR)
        except FileExistsError:
            continue
    return path


def write_atomic(path: str | os.PathLike, data: bytes) -> None:
    """Replace ``path`` by ``data``, keeping the permissions of the file it replaces.

    A new file is private (0600); missing folders are created private (0700).
    """
    path = Path(path)
    make_private_dir(path.parent)
    sweep_stale_temps(path)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(data)
            f.flush()
            os.fsync(f.fileno())
        try:
            mode = path.stat().st_mode & 0o777
        except FileNotFoundError:
            mode = PRIVATE_FILE
        os.chmod(tmp, mode)
        os.replace(tmp, path)
    except BaseException:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise
