"""Background jobs with one in flight and only the newest request queued.

``LatestJobRunner(fn)`` runs ``fn(payload)`` on Qt's thread pool. While a job runs, a new request
replaces the queued one (older queued requests are dropped, never run). Results come back on the GUI
thread through ``finished(revision, result)``; the receiver compares ``revision`` with the document's
current one and drops stale results. ``synchronous=True`` runs the job at once on the calling thread
(tests, benchmarks of the pure cost).
"""
from __future__ import annotations

import traceback

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal


class JobError:
    """What a job that raised returns instead of a result."""

    def __init__(self, exc: BaseException) -> None:
        self.exc = exc
        self.trace = traceback.format_exc()

    def __repr__(self) -> str:
        return f"JobError({self.exc!r})"


class _Relay(QObject):
    done = Signal(int, object)


class _Job(QRunnable):
    def __init__(self, fn, revision: int, payload, relay: _Relay) -> None:
        super().__init__()
        self.setAutoDelete(True)
        self.fn, self.revision, self.payload, self.relay = fn, revision, payload, relay

    def run(self) -> None:  # worker thread
        try:
            result = self.fn(self.payload)
        except Exception as exc:  # noqa: BLE001 - reported to the GUI, never lost
            result = JobError(exc)
        self.relay.done.emit(self.revision, result)


class LatestJobRunner(QObject):
    finished = Signal(int, object)   # revision, result (or JobError)

    def __init__(self, fn, parent: QObject | None = None, synchronous: bool = False,
                 pool: QThreadPool | None = None) -> None:
        super().__init__(parent)
        self.fn = fn
        self.synchronous = synchronous
        self.pool = pool or QThreadPool.globalInstance()
        self._relay = _Relay(self)
        self._relay.done.connect(self._on_done)
        self._busy = False
        self._queued: tuple[int, object] | None = None
        self.started = 0       # jobs actually run (for tests and benchmarks)

    @property
    def busy(self) -> bool:
        return self._busy or self._queued is not None

    def submit(self, revision: int, payload) -> None:
        if self.synchronous:
            self.started += 1
            try:
                result = self.fn(payload)
            except Exception as exc:  # noqa: BLE001
                result = JobError(exc)
            self.finished.emit(revision, result)
            return
        if self._busy:
            self._queued = (revision, payload)
            return
        self._start(revision, payload)

    def _start(self, revision: int, payload) -> None:
        self._busy = True
        self.started += 1
        self.pool.start(_Job(self.fn, revision, payload, self._relay))

    def _on_done(self, revision: int, result) -> None:  # GUI thread
        self._busy = False
        queued, self._queued = self._queued, None
        if queued is not None:
            self._start(*queued)
        self.finished.emit(revision, result)

    def wait(self, msecs: int = 5000) -> None:
        """Block until the pool is idle (shutdown, tests)."""
        self.pool.waitForDone(msecs)
