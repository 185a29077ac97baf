"""The export archive: one JSON line per export or copy, appended, never rewritten.

Lives in the workspace as ``.tact/exports.jsonl``. Each line records what was exported (or copied to
the clipboard) for which network, when, the approved text and the SHA-256 of the whole source, so
that the difference between the approved text and what was published can be shown months later
(``text_diff``). The approved text is the post's body without front matter or HTML comments
(``editor.export.approved``): the team's notes never reach the archive.

Appends hold the workspace's OS lock (``editor.locking``), so two processes never interleave. A
record is one ``write`` of a whole line; when it fails (a full disk) the file is cut back to its
former length. A torn last line left by a process killed mid-write is skipped when reading (with a
logged warning) and repaired by the next append, whose record always starts on its own line. The
archive and its folder are private (0600, 0700).
"""
from __future__ import annotations

import difflib
import errno
import hashlib
import json
import logging
import os
import re
from datetime import datetime, timezone
from pathlib import Path

from editor.fileio import PRIVATE_FILE, make_private_dir
from editor.locking import file_lock

log = logging.getLogger(__name__)

ARCHIVE_DIR = ".tact"
ARCHIVE_FILE = "exports.jsonl"
LOCK_TIMEOUT = 10.0
APPROVED_FORMAT = "body"   # ``approved_text`` holds the body only (no front matter, no comments)


def sha256_text(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def now_iso() -> str:
    return datetime.now(timezone.utc).replace(microsecond=0).isoformat()


def find_workspace(path: Path) -> Path:
    """The workspace of a post or folder: the nearest folder holding ``.tact/``, else the folder."""
    p = Path(path).resolve()
    start = p if p.is_dir() else p.parent
    for d in (start, *start.parents):
        if (d / ARCHIVE_DIR).is_dir():
            return d
    return start


def archive_path(workspace: Path) -> Path:
    return Path(workspace) / ARCHIVE_DIR / ARCHIVE_FILE


def _repair_torn_tail(fd: int, size: int, path: Path) -> int:
    """Make the archive end with a complete line before an append; return its (new) size.

    A last line without its newline is the remains of an interrupted append: when it is not a
    whole JSON record it is cut off (it could never be read), else it gets its newline.
    """
    if size == 0:
        return 0
    os.lseek(fd, size - 1, os.SEEK_SET)
    if os.read(fd, 1) == b"\n":
        return size
    # Find the start of the last line, reading backwards in blocks.
    start, pos, block = 0, size, 65536
    while pos > 0:
        a = max(0, pos - block)
        os.lseek(fd, a, os.SEEK_SET)
        chunk = os.read(fd, pos - a)
        k = chunk.rfind(b"\n")
        if k >= 0:
            start = a + k + 1
            break
        pos = a
    os.lseek(fd, start, os.SEEK_SET)
    tail = os.read(fd, size - start)
    try:
        whole = isinstance(json.loads(tail.decode("utf-8")), dict)
    except (ValueError, RecursionError):
        whole = False
    if whole:
        log.warning("%s: the last record had no line end; added", path)
        _write_all(fd, b"\n")
        return size + 1
    log.warning("%s: dropped a torn last line of %d bytes (an interrupted append)",
                path, size - start)
    os.ftruncate(fd, start)
    return start


def _write_all(fd: int, data: bytes) -> None:
    view = memoryview(data)
    while view:
        n = os.write(fd, view)
        if n <= 0:
            raise OSError(errno.EIO, "short write")
        view = view[n:]


def append_record(workspace: Path, record: dict) -> Path:
    """Append one record (a JSON line) to the workspace's archive; return the archive's path.

    Atomic for readers and other writers: under the lock, one complete line or nothing (a
    failed write is cut back). Raises ``OSError`` (read-only workspace, full disk, lock held).
    """
    path = archive_path(workspace)
    make_private_dir(path.parent)
    line = (json.dumps(record, ensure_ascii=False, sort_keys=True) + "\n").encode("utf-8")
    flags = os.O_RDWR | os.O_CREAT | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_CLOEXEC", 0) \
        | getattr(os, "O_BINARY", 0)
    with file_lock(path, LOCK_TIMEOUT):
        fd = os.open(path, flags, PRIVATE_FILE)
        try:
            st = os.fstat(fd)
            if st.st_mode & 0o077 and hasattr(os, "fchmod"):   # written by an older version
                os.fchmod(fd, PRIVATE_FILE)
            size = _repair_torn_tail(fd, st.st_size, path)
            os.lseek(fd, size, os.SEEK_SET)
            try:
                _write_all(fd, line)
                os.fsync(fd)
            except OSError:
                try:
                    os.ftruncate(fd, size)      # no half record left for the next append
                except OSError as exc:
                    log.error("%s: cannot remove a partial record: %s", path, exc)
                raise
        finally:
            os.close(fd)
    return path


def record_copy(workspace: Path, post: str, source: str, network: str, text: str) -> dict:
    """Record that ``text`` was copied to the clipboard for ``network`` (« Copier pour … »)."""
    from editor.export.approved import approved_text

    rec = {"kind": "copy", "time": now_iso(), "post": post, "post_sha256": sha256_text(source),
           "approved_text": approved_text(source), "approved_format": APPROVED_FORMAT,
           "networks": {network: {"text": text, "sha256": sha256_text(text)}}}
    append_record(workspace, rec)
    return rec


def read_archive(workspace: Path) -> list[dict]:
    """Every record of the archive, oldest first.

    A damaged line (a torn last line, a hand edit) is skipped with a logged warning, never
    rewritten here; the next append repairs a torn last line. No archive: ``[]``. An archive that
    exists but cannot be read (no permission, a folder in its place) raises ``OSError``: the
    caller says so rather than taking it for an empty history.
    """
    path = archive_path(workspace)
    out: list[dict] = []
    try:
        with open(path, "rb") as f:
            for n, raw in enumerate(f, 1):
                if not raw.strip():
                    continue
                try:
                    rec = json.loads(raw.decode("utf-8"))
                except (ValueError, RecursionError) as exc:   # JSON, UTF-8, nesting
                    torn = not raw.endswith(b"\n")
                    log.warning("%s:%d: %s skipped (%s)", path, n,
                                "torn last line" if torn else "damaged line", exc)
                    continue
                if isinstance(rec, dict):
                    out.append(rec)
                else:
                    log.warning("%s:%d: not a record, skipped", path, n)
    except FileNotFoundError:
        pass
    return out


def records_for(workspace: Path, post: str) -> list[dict]:
    """The records of one post (``post`` as recorded: the path given to the export)."""
    return [r for r in read_archive(workspace) if r.get("post") == post]


_TOKEN = re.compile(r"\s+|\w+|[^\w\s]", re.UNICODE)


def text_diff(approved: str, exported: str) -> list[tuple[str, str]]:
    """Word-level difference: ``[(op, text)]`` with op ``equal``, ``delete`` (only in the approved
    text) or ``insert`` (only in the exported text). Joining the ``equal`` and ``insert`` texts
    gives ``exported``; the ``equal`` and ``delete`` texts give ``approved``."""
    a = _TOKEN.findall(approved)
    b = _TOKEN.findall(exported)
    out: list[tuple[str, str]] = []

    def add(op: str, text: str) -> None:
        if not text:
            return
        if out and out[-1][0] == op:
            out[-1] = (op, out[-1][1] + text)
        else:
            out.append((op, text))

    sm = difflib.SequenceMatcher(None, a, b, autojunk=False)
    for tag, i1, i2, j1, j2 in sm.get_opcodes():
        if tag == "equal":
            add("equal", "".join(a[i1:i2]))
        else:
            add("delete", "".join(a[i1:i2]))
            add("insert", "".join(b[j1:j2]))
    return out


def unified_diff(approved: str, exported: str, network: str = "export") -> str:
    """Line-level difference as a unified diff (for the report or a terminal)."""
    return "".join(difflib.unified_diff(approved.splitlines(keepends=True),
                                        exported.splitlines(keepends=True),
                                        fromfile="texte approuvé", tofile=network))


def export_diff(record: dict, network: str) -> list[tuple[str, str]]:
    """The difference between the approved text and what was exported for ``network``."""
    from editor.export.convert import body_start

    approved = record.get("approved_text", "")
    if record.get("approved_format") != APPROVED_FORMAT:   # older records: the whole source
        approved = approved[body_start(approved):]
    approved = approved.strip("\n")
    text = record.get("networks", {}).get(network, {}).get("text", "")
    return text_diff(approved, text)
