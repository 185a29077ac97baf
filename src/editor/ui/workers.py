"""Background jobs on Qt's thread pool, safe against a window closed while they run.

* ``LatestJobRunner(fn)`` runs ``fn(payload)`` with one job in flight: while a job runs, a new
  request replaces the queued one (older queued requests are dropped, never run). Results come back
  on the GUI thread through ``finished(revision, result)``; the receiver compares ``revision`` with
  the document's current one and drops stale results (live checking, preview, workspace scan).
* :class:`JobQueue` runs one-off jobs one at a time, in the order given, each result going to its
  own callback on the GUI thread (adding a word to the dictionary, the check before a review
  action, an export): the GUI thread never waits on the engine's lock.

Every job reports through one relay that lives as long as the program, never through an object a
closed window could have deleted: a result whose runner was shut down (:func:`shutdown_all` when
the window closes) or deleted is dropped and logged, so no job ever emits on a deleted object.
``synchronous=True`` runs the job at once on the calling thread (tests, benchmarks of the pure
cost). A job that raises returns a :class:`JobError` (logged) instead of a result.
"""
from __future__ import annotations

import itertools
import logging
import traceback
import weakref
from collections import deque

import shiboken6
from PySide6.QtCore import QObject, QRunnable, Qt, QThreadPool, Signal

log = logging.getLogger(__name__)


class JobError:
    """What a job that raised returns instead of a result."""

    def __init__(self, exc: BaseException) -> None:
        self.exc = exc
        self.trace = traceback.format_exc()
        log.warning("background job failed: %s", self.trace.rstrip())

    def __repr__(self) -> str:
        return f"JobError({self.exc!r})"


def _call(fn, payload):
    try:
        return fn(payload)
    except Exception as exc:  # noqa: BLE001 - reported to the GUI, never lost
        return JobError(exc)


class _Relay(QObject):
    """Carries every job's result to the GUI thread, then to its runner if it is still there."""
    done = Signal(int, int, object)     # runner key, tag (revision or ticket), result

    def __init__(self) -> None:
        super().__init__()
        self.runners: weakref.WeakValueDictionary[int, _Runner] = weakref.WeakValueDictionary()
        self.dropped = 0
        self.done.connect(self._deliver, Qt.ConnectionType.QueuedConnection)

    def _deliver(self, key: int, tag: int, result) -> None:  # GUI thread
        runner = self.runners.get(key)
        if runner is None or not shiboken6.isValid(runner) or runner.closed:
            self.dropped += 1
            log.info("result of a background job dropped: its window is closed")
            return
        runner._on_done(tag, result)


_relay: _Relay | None = None
_keys = itertools.count(1)


def _the_relay() -> _Relay:
    """Created on first use by a runner, on the GUI thread; never deleted."""
    global _relay
    if _relay is None:
        _relay = _Relay()
    return _relay


class _Job(QRunnable):
    def __init__(self, fn, payload, key: int, tag: int) -> None:
        super().__init__()
        self.setAutoDelete(True)
        self.fn, self.payload, self.key, self.tag = fn, payload, key, tag
        self.relay = _the_relay()

    def run(self) -> None:  # worker thread
        self.relay.done.emit(self.key, self.tag, _call(self.fn, self.payload))


class _Runner(QObject):
    def __init__(self, parent: QObject | None, synchronous: bool,
                 pool: QThreadPool | None) -> None:
        super().__init__(parent)
        self.synchronous = synchronous
        self.pool = pool or QThreadPool.globalInstance()
        self.closed = False
        self._key = next(_keys)
        _the_relay().runners[self._key] = self

    def _launch(self, fn, tag: int, payload) -> None:
        self.pool.start(_Job(fn, payload, self._key, tag))

    def _on_done(self, tag: int, result) -> None:  # pragma: no cover - abstract
        raise NotImplementedError

    def shutdown(self) -> None:
        """Start nothing more; results of jobs still running are dropped."""
        self.closed = True

    def wait(self, msecs: int = 5000) -> None:
        """Block until the pool is idle (tests)."""
        self.pool.waitForDone(msecs)


class LatestJobRunner(_Runner):
    finished = Signal(int, object)   # revision, result (or JobError)

    def __init__(self, fn, parent: QObject | None = None, synchronous: bool = False,
                 pool: QThreadPool | None = None) -> None:
        super().__init__(parent, synchronous, pool)
        self.fn = fn
        self._busy = False
        self._queued: tuple[int, object] | None = None
        self.started = 0       # jobs actually run (for tests and benchmarks)

    @property
    def busy(self) -> bool:
        return self._busy or self._queued is not None

    def submit(self, revision: int, payload) -> None:
        if self.closed:
            return
        if self.synchronous:
            self.started += 1
            self.finished.emit(revision, _call(self.fn, payload))
            return
        if self._busy:
            self._queued = (revision, payload)
            return
        self._start(revision, payload)

    def _start(self, revision: int, payload) -> None:
        self._busy = True
        self.started += 1
        self._launch(self.fn, revision, payload)

    def _on_done(self, revision: int, result) -> None:  # GUI thread
        self._busy = False
        queued, self._queued = self._queued, None
        if queued is not None:
            self._start(*queued)
        self.finished.emit(revision, result)

    def shutdown(self) -> None:
        super().shutdown()
        self._queued = None


class JobQueue(_Runner):
    """One-off jobs, one at a time, in order; ``done(result)`` is called on the GUI thread."""

    def __init__(self, parent: QObject | None = None, synchronous: bool = False,
                 pool: QThreadPool | None = None) -> None:
        super().__init__(parent, synchronous, pool)
        self._pending: deque = deque()
        self._callbacks: dict[int, object] = {}
        self._tickets = itertools.count(1)

    @property
    def busy(self) -> bool:
        return bool(self._callbacks or self._pending)

    def run(self, job, done):
        """Run ``job()`` in the background, then ``done(result or JobError)`` on the GUI thread.

        Synchronous: both run now and ``done``'s return value is returned; otherwise None.
        """
        if self.closed:
            return None
        if self.synchronous:
            return done(_call(lambda _: job(), None))
        self._pending.append((job, done))
        if not self._callbacks:
            self._next()
        return None

    def _next(self) -> None:
        job, done = self._pending.popleft()
        ticket = next(self._tickets)
        self._callbacks[ticket] = done
        self._launch(lambda _: job(), ticket, None)

    def _on_done(self, ticket: int, result) -> None:  # GUI thread
        done = self._callbacks.pop(ticket, None)
        if self._pending:
            self._next()
        if done is not None:
            done(result)

    def shutdown(self) -> None:
        super().shutdown()
        self._pending.clear()


def shutdown_all(owner: QObject) -> int:
    """Shut down every runner belonging to ``owner`` (a closing window); returns how many."""
    runners = owner.findChildren(_Runner)
    for r in runners:
        r.shutdown()
    return len(runners)
