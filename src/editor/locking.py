"""One inter-process lock for every file the program appends to (review journals, export archive).

The lock is held by the operating system on an open file (``fcntl.flock`` on Unix,
``msvcrt.locking`` on Windows) — never judged by a lock file's age: a process that dies releases it
at once, a clock dated in the future changes nothing, and two processes can never both believe they
broke a stale lock. The lock file ``<path>.lock`` stays on disk (removing it would let a third
process lock a new inode while the second still holds the old one); it is empty and private (0600).

A symbolic link in place of the lock file is refused and replaced (``O_NOFOLLOW``): a dangling link
can neither make the wait spin past its timeout nor make us create a file elsewhere.
"""
from __future__ import annotations

import errno
import os
import random
import sys
import time
from contextlib import contextmanager
from pathlib import Path

DEFAULT_TIMEOUT = 10.0

if sys.platform == "win32":   # pragma: no cover - exercised on Windows only
    import msvcrt

    def _try_lock(fd: int) -> bool:
        try:
            os.lseek(fd, 0, os.SEEK_SET)
            msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
            return True
        except OSError:
            return False

    def _unlock(fd: int) -> None:
        os.lseek(fd, 0, os.SEEK_SET)
        msvcrt.locking(fd, msvcrt.LK_UNLCK, 1)
else:
    import fcntl

    def _try_lock(fd: int) -> bool:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            return True
        except OSError as exc:
            if exc.errno in (errno.EAGAIN, errno.EACCES, errno.EWOULDBLOCK):
                return False
            raise

    def _unlock(fd: int) -> None:
        fcntl.flock(fd, fcntl.LOCK_UN)


class LockTimeout(OSError):
    """The lock was held by another process for longer than the timeout."""


def lock_path(path: Path) -> Path:
    return path.with_name(path.name + ".lock")


def _open_lock_file(lock: Path) -> int:
    flags = os.O_RDWR | os.O_CREAT | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_CLOEXEC", 0)
    try:
        return os.open(lock, flags, 0o600)
    except PermissionError:
        # Another user's lock file (a folder shared by two accounts): a read-only descriptor
        # can hold the lock as well (``flock`` needs no write access).
        return os.open(lock, flags & ~(os.O_RDWR | os.O_CREAT) | os.O_RDONLY)
    except OSError as exc:
        if exc.errno != errno.ELOOP and not (lock.is_symlink() and exc.errno == errno.ENOENT):
            raise
    # A symbolic link where our lock file belongs: never ours; replace it by a plain file
    # (unless another process already did: never remove a plain lock file, it may be held).
    if lock.is_symlink():
        lock.unlink(missing_ok=True)
    return os.open(lock, flags, 0o600)


@contextmanager
def file_lock(path: str | os.PathLike, timeout: float = DEFAULT_TIMEOUT):
    """Hold the lock of ``path`` (the file ``<path>.lock``) for the ``with`` block.

    Raises :class:`LockTimeout` when another process holds it for more than ``timeout`` seconds,
    and ``OSError`` when the lock file cannot be created (read-only or missing folder).
    """
    lock = lock_path(Path(path))
    fd = _open_lock_file(lock)
    try:
        deadline = time.monotonic() + timeout
        while not _try_lock(fd):
            if time.monotonic() >= deadline:
                raise LockTimeout(errno.EWOULDBLOCK, f"locked by another process for more than "
                                                     f"{timeout:g} s", str(lock))
            time.sleep(0.005 + random.random() * 0.02)
        try:
            yield
        finally:
            _unlock(fd)
    finally:
        os.close(fd)
