"""Recovery drafts: unsaved text copied every few seconds into the application data folder.

A draft is never written into the user's file. It is removed when the text is saved or when the user
closes without saving on purpose. A draft left behind by a process that no longer runs (a crash, a
``kill -9``) is offered for restoration at the next start.

Whether a draft's owner still runs is asked of the operating system through a lock, never by
signalling a process id (on Windows ``os.kill(pid, 0)`` terminates the process): the editor holds
the lock ``.owner-<pid>.lock`` of the drafts folder (:mod:`editor.locking`) from its first draft
until it exits, and the system releases it the moment the process dies, whatever killed it. Drafts
hold the patient's text: each is private (0600) in a private folder (0700).
"""
from __future__ import annotations

import hashlib
import json
import logging
import os
import re
import sys
import time
import uuid
from contextlib import ExitStack
from dataclasses import dataclass
from pathlib import Path

from editor.fileio import PRIVATE_DIR, PRIVATE_FILE, make_private_dir, write_atomic
from editor.locking import LockTimeout, file_lock
from editor.paths import user_data_dir

log = logging.getLogger(__name__)

VERSION = 2                 # 2: the owner holds its lock; 1 (older drafts): judged by process id
_OWNER_LOCK = re.compile(r"\.owner-(\d+)\.lock\Z")
_held: dict[str, ExitStack] = {}     # drafts folder -> this process's owner lock


def drafts_dir() -> Path:
    return user_data_dir() / "drafts"


@dataclass
class Draft:
    file: Path              # the draft file itself
    path: str | None        # the post it belongs to (None: never saved)
    text: str
    saved_at: float
    pid: int

    @property
    def name(self) -> str:
        return Path(self.path).name if self.path else "(sans titre)"


def _owner_target(folder: Path, pid: int) -> Path:
    return folder / f".owner-{pid}"          # locked as ``.owner-<pid>.lock``


def _hold_owner_lock(folder: Path) -> None:
    """Take this process's owner lock of ``folder`` (once; held until the process ends)."""
    key = str(folder.resolve())
    if key in _held:
        return
    stack = ExitStack()
    try:
        stack.enter_context(file_lock(_owner_target(folder, os.getpid()), timeout=2.0))
    except OSError as exc:   # LockTimeout included: the drafts are still written
        log.warning("cannot take the drafts owner lock in %s: %s", folder, exc)
        return
    _held[key] = stack


def _owner_alive(folder: Path, pid: int) -> bool:
    """Whether the process that wrote a version-2 draft still runs: it holds its owner lock."""
    if pid == os.getpid():
        return True
    try:
        with file_lock(_owner_target(folder, pid), timeout=0):
            return False
    except LockTimeout:
        return True
    except OSError as exc:   # cannot tell: keep the draft where it is, offer nothing
        log.warning("cannot probe the owner of drafts in %s: %s", folder, exc)
        return True


def _pid_alive(pid: int) -> bool:
    """Older drafts (version 1) only name a process id: ask the system without signalling it."""
    if pid == os.getpid():
        return True
    if pid <= 0:
        return False
    if sys.platform == "win32":   # pragma: no cover - exercised on Windows only
        return _pid_alive_windows(pid)
    try:
        os.kill(pid, 0)           # signal 0 on POSIX: existence and permission check only
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    except OSError:
        return False
    return True


def _pid_alive_windows(pid: int) -> bool:  # pragma: no cover - exercised on Windows only
    if sys.platform != "win32":   # also tells the type checker that ctypes.WinDLL exists
        raise NotImplementedError("Windows only")
    import ctypes
    from ctypes import wintypes

    kernel32 = ctypes.WinDLL("kernel32", use_last_error=True)
    kernel32.OpenProcess.restype = wintypes.HANDLE
    kernel32.OpenProcess.argtypes = (wintypes.DWORD, wintypes.BOOL, wintypes.DWORD)
    kernel32.GetExitCodeProcess.argtypes = (wintypes.HANDLE, ctypes.POINTER(wintypes.DWORD))
    kernel32.CloseHandle.argtypes = (wintypes.HANDLE,)
    process_query_limited_information, still_active, error_access_denied = 0x1000, 259, 5
    handle = kernel32.OpenProcess(process_query_limited_information, False, pid)
    if not handle:
        return ctypes.get_last_error() == error_access_denied
    try:
        code = wintypes.DWORD()
        if not kernel32.GetExitCodeProcess(handle, ctypes.byref(code)):
            return True
        return code.value == still_active
    finally:
        kernel32.CloseHandle(handle)


class DraftStore:
    """Drafts of the documents of this process; ``key`` identifies one document."""

    def __init__(self, folder: Path | None = None) -> None:
        self.folder = folder or drafts_dir()

    @staticmethod
    def key_for(path: str | None) -> str:
        if path:
            return hashlib.sha1(os.path.abspath(path).encode()).hexdigest()[:20]
        return "untitled-" + uuid.uuid4().hex[:12]

    def _private_folder(self) -> None:
        make_private_dir(self.folder)
        if (os.stat(self.folder).st_mode & 0o777) != PRIVATE_DIR:
            os.chmod(self.folder, PRIVATE_DIR)     # made by an older version: ours, made private

    def write(self, key: str, path: str | None, text: str) -> Path:
        self._private_folder()
        _hold_owner_lock(self.folder)
        f = self.folder / f"{key}.json"
        doc = {"version": VERSION, "path": path, "pid": os.getpid(), "saved_at": time.time(),
               "text": text}
        write_atomic(f, json.dumps(doc, ensure_ascii=False).encode("utf-8"))
        if (os.stat(f).st_mode & 0o777) != PRIVATE_FILE:
            os.chmod(f, PRIVATE_FILE)              # replaced a draft of an older version
        return f

    def discard(self, key: str) -> None:
        try:
            (self.folder / f"{key}.json").unlink()
        except FileNotFoundError:
            pass

    def orphans(self) -> list[Draft]:
        """Drafts whose process is gone and whose text differs from the file on disk."""
        out: list[Draft] = []
        if not self.folder.is_dir():
            return out
        owners: set[int] = set()
        for f in sorted(self.folder.glob("*.json")):
            try:
                d = json.loads(f.read_text("utf-8"))
                draft = Draft(f, d.get("path"), d["text"], float(d.get("saved_at", 0)),
                              int(d.get("pid", 0)))
                version = int(d.get("version", 1))
            except (OSError, ValueError, KeyError, TypeError, AttributeError) as exc:
                log.warning("unreadable recovery draft %s ignored: %s", f, exc)
                continue
            owners.add(draft.pid)
            alive = _owner_alive(self.folder, draft.pid) if version >= 2 else \
                _pid_alive(draft.pid)
            if alive:
                continue
            if draft.path:
                try:
                    on_disk = Path(draft.path).read_text("utf-8").replace("\r\n", "\n")
                except (OSError, UnicodeDecodeError):
                    on_disk = None
                if on_disk == draft.text:
                    f.unlink(missing_ok=True)
                    continue
            out.append(draft)
        self._remove_dead_owner_locks(owners)
        return out

    def _remove_dead_owner_locks(self, owners: set[int]) -> None:
        """Owner lock files of processes that ended and left no draft (one per crashed run)."""
        for lock in self.folder.glob(".owner-*.lock"):
            m = _OWNER_LOCK.match(lock.name)
            if m is None or int(m.group(1)) in owners or int(m.group(1)) == os.getpid():
                continue
            try:
                with file_lock(lock.with_name(lock.name.removesuffix(".lock")), timeout=0):
                    lock.unlink()
            except LockTimeout:
                continue                 # its process still runs
            except OSError as exc:       # Windows: an open file cannot be removed
                log.debug("owner lock %s kept: %s", lock, exc)
