"""The event log: Python ``logging`` to a private rotating file in the user's log folder.

Every module logs through ``logging.getLogger(__name__)``; :func:`configure` (called once by the
editor's start and by the ``tact`` command) sends the records to ``tact.log`` in
:func:`editor.paths.user_log_dir`: at most 1 MB, three older files kept, each private (0600) in a
private folder (0700), since a message can name a patient's post. The command keeps its standard
error for its own messages: the log only receives records, it never prints. When the file cannot
be opened (read-only home), logging is switched off rather than falling back to standard error.
The file (and :mod:`logging.handlers`, a twentieth of a ``tact check``'s start-up) is opened at the
first record: most runs of the command write none.
"""
from __future__ import annotations

import logging
import os
import sys
from pathlib import Path

MAX_BYTES = 1024 * 1024
BACKUPS = 3
FILE_NAME = "tact.log"
FORMAT = "%(asctime)s %(levelname)s %(name)s [pid %(process)d]: %(message)s"

log = logging.getLogger(__name__)

_handler: logging.Handler | None = None
_path: Path | None = None


def log_file() -> Path:
    """Where the events are written (the file may not exist yet)."""
    from editor.paths import user_log_dir

    return user_log_dir() / FILE_NAME


def _rotating_file(path: Path) -> logging.Handler:
    """The handler writing ``path``: rotating, every generation created private (0600)."""
    from logging.handlers import RotatingFileHandler

    class PrivateRotatingFileHandler(RotatingFileHandler):
        def _open(self):  # noqa: D401 - logging API
            flags = os.O_WRONLY | os.O_APPEND | os.O_CREAT | getattr(os, "O_NOFOLLOW", 0) \
                | getattr(os, "O_CLOEXEC", 0)
            fd = os.open(self.baseFilename, flags, 0o600)
            if hasattr(os, "fchmod"):
                try:
                    os.fchmod(fd, 0o600)   # a file made by an older version or another umask
                except OSError:
                    pass
            return open(fd, "a", encoding=self.encoding, errors=self.errors)

        def handleError(self, record) -> None:  # noqa: N802 - logging API
            # A full disk or a file rotated away by another process must neither stop the
            # program nor print a traceback on the command's standard error: it is dropped.
            pass

    handler = PrivateRotatingFileHandler(path, maxBytes=MAX_BYTES, backupCount=BACKUPS,
                                         encoding="utf-8", delay=True)
    handler.setFormatter(logging.Formatter(FORMAT))
    return handler


class LogFile(logging.Handler):
    """The event log: records go to :func:`_rotating_file`, made at the first one."""

    def __init__(self, path: Path) -> None:
        super().__init__()
        self.path = path
        self._file: logging.Handler | None = None

    def emit(self, record) -> None:
        if self._file is None:      # under the handler's lock (logging.Handler.handle)
            self._file = _rotating_file(self.path)
        self._file.emit(record)

    def close(self) -> None:
        self.acquire()
        try:
            if self._file is not None:
                self._file.close()
        finally:
            self.release()
        super().close()


def configure(level: int = logging.WARNING) -> Path | None:
    """Send log records of ``level`` and above to the log file; returns its path (None when it
    cannot be opened). Calling it again only changes the level, or moves the file when the log
    folder changed (tests redirect the user's folders)."""
    global _handler, _path
    root = logging.getLogger()
    path = log_file()
    if _handler is not None and _path == path:
        root.setLevel(level)
        _handler.setLevel(level)
        return _path if isinstance(_handler, LogFile) else None
    if _handler is not None:
        root.removeHandler(_handler)
        _handler.close()
    try:
        from editor.fileio import make_private_dir

        make_private_dir(path.parent)
        handler: logging.Handler = LogFile(path)
        result: Path | None = path
    except OSError:
        handler = logging.NullHandler()   # never on standard error instead
        result = None
    handler.setLevel(level)
    root.addHandler(handler)
    root.setLevel(level)
    _handler, _path = handler, path
    return result


def configured_file() -> Path | None:
    """The file records currently go to (None: not configured, or the file could not open)."""
    return _path if isinstance(_handler, LogFile) else None


def install_excepthook() -> None:
    """Log exceptions nobody caught (in Qt slots, the GUI's event loop), then let the previous
    hook print them as before."""
    previous = sys.excepthook
    if getattr(previous, "_tact_logs", False):
        return

    def hook(exc_type, exc, tb):
        if not issubclass(exc_type, KeyboardInterrupt):
            logging.getLogger("editor").critical("uncaught exception",
                                                 exc_info=(exc_type, exc, tb))
        previous(exc_type, exc, tb)

    hook._tact_logs = True   # type: ignore[attr-defined]
    sys.excepthook = hook
