"""The user's files on disk: which posts a folder holds, and opening only regular files.

* :func:`find_posts` lists the ``*.md`` posts below a folder — the one walk shared by ``tact check``
  and the editor's workspace. Hidden files and folders (a name starting with ``.``) are skipped,
  symbolic links to folders are not followed (no loop, no escape), and a subfolder that cannot be
  read or an ``.md`` that is not a regular file is reported as a :class:`Problem`, never skipped
  silently.
* :func:`open_regular` / :func:`read_regular` open a path only when it is a regular file: a named
  pipe (FIFO), a device such as ``/dev/zero`` or a socket is refused before a single byte is read,
  so nothing can block the program, and reads are bounded.
"""
from __future__ import annotations

import logging
import os
import stat
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

log = logging.getLogger(__name__)

POST_SUFFIX = ".md"

# O_NONBLOCK: opening a FIFO for reading would otherwise wait for a writer, forever.
_OPEN_FLAGS = (os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)
               | getattr(os, "O_CLOEXEC", 0))


class NotRegularFile(OSError):
    """The path exists but is not a regular file (folder, FIFO, device, socket)."""


class FileTooLarge(OSError):
    """The file holds more bytes than the caller accepts."""

    def __init__(self, size: int, limit: int) -> None:
        super().__init__(f"file too large ({size} bytes, limit {limit})")
        self.size = size
        self.limit = limit


def kind_of(mode: int) -> str | None:
    """What a non-regular file is (English, for messages); ``None`` for a regular file."""
    if stat.S_ISREG(mode):
        return None
    if stat.S_ISDIR(mode):
        return "is a folder, not a file"
    if stat.S_ISFIFO(mode):
        return "is a named pipe (FIFO), not a regular file"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "is a device, not a regular file"
    if stat.S_ISSOCK(mode):
        return "is a socket, not a regular file"
    return "is not a regular file"


def open_regular(path: str | os.PathLike) -> BinaryIO:
    """Open ``path`` for binary reading if, and only if, it is a regular file.

    Raises :class:`NotRegularFile` for anything else, ``FileNotFoundError``/``PermissionError``/
    ``OSError`` as ``open`` would. Never blocks on a FIFO.
    """
    try:
        fd = os.open(path, _OPEN_FLAGS)
    except IsADirectoryError:
        raise NotRegularFile(kind_of(stat.S_IFDIR)) from None
    except PermissionError:
        # Windows refuses to open a folder with a permission error: say what it really is.
        if os.path.isdir(path):
            raise NotRegularFile(kind_of(stat.S_IFDIR)) from None
        raise
    try:
        kind = kind_of(os.fstat(fd).st_mode)
        if kind:
            raise NotRegularFile(kind)
        if _OPEN_FLAGS & getattr(os, "O_NONBLOCK", 0):
            os.set_blocking(fd, True)
        return os.fdopen(fd, "rb")
    except BaseException:
        os.close(fd)
        raise


def read_regular(path: str | os.PathLike, limit: int) -> bytes:
    """The bytes of the regular file ``path``; :class:`FileTooLarge` beyond ``limit`` bytes.

    Never reads more than ``limit + 1`` bytes, whatever the file's announced size (files in
    ``/proc`` announce 0 and a file may grow while it is read).
    """
    with open_regular(path) as f:
        size = os.fstat(f.fileno()).st_size
        if size > limit:
            raise FileTooLarge(size, limit)
        data = f.read(limit + 1)
    if len(data) > limit:
        raise FileTooLarge(len(data), limit)
    return data


@dataclass(frozen=True)
class Problem:
    path: Path          # the file or folder that could not be read
    message: str        # English, for the command line and the log

    def __str__(self) -> str:
        return f"{self.path}: {self.message}"


def _hidden(name: str) -> bool:
    return name.startswith(".")


def _reason(exc: OSError) -> str:
    if isinstance(exc, PermissionError):
        return "cannot be read (permission denied)"
    return f"cannot be read ({exc.strerror or exc})"


def find_posts(folder: str | os.PathLike) -> tuple[list[Path], list[Problem]]:
    """The posts (``*.md`` regular files, hidden ones excluded) below ``folder``, sorted, and
    the problems met on the way (unreadable subfolder, an ``.md`` that is not a regular file).

    Symbolic links to posts are followed; symbolic links to folders are not (as ``Path.rglob``
    did), so a link loop cannot make the walk endless. ``folder`` itself must be a folder.
    """
    root = Path(folder)
    posts: list[Path] = []
    problems: list[Problem] = []
    pending = [root]
    while pending:
        current = pending.pop()
        try:
            with os.scandir(current) as it:
                entries = list(it)
        except OSError as exc:
            problems.append(Problem(current, _reason(exc)))
            continue
        for entry in entries:
            if _hidden(entry.name):
                continue
            try:
                if entry.is_dir(follow_symlinks=False):
                    pending.append(Path(entry.path))
                    continue
                if not os.path.normcase(entry.name).endswith(POST_SUFFIX):
                    continue
                if entry.is_symlink() and not os.path.exists(entry.path):
                    problems.append(Problem(Path(entry.path),
                                            "is a broken symbolic link (its target is missing)"))
                    continue
                mode = entry.stat(follow_symlinks=True).st_mode
            except OSError as exc:
                problems.append(Problem(Path(entry.path), _reason(exc)))
                continue
            if stat.S_ISREG(mode):
                posts.append(Path(entry.path))
            elif not stat.S_ISDIR(mode):   # a linked folder named "x.md" is simply not a post
                kind = kind_of(mode)
                assert kind is not None   # neither a regular file nor a folder
                problems.append(Problem(Path(entry.path), kind))
    posts.sort()
    problems.sort(key=lambda p: str(p.path))
    for p in problems:
        log.warning("while looking for posts: %s", p)
    return posts, problems
