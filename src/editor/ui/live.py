"""Live checking and live preview, both off the GUI thread.

Each controller counts the document's revisions (one per edit), waits for a pause that grows with
the size of the text, then hands ``(revision, text)`` to a :class:`LatestJobRunner`: one job in
flight, the newest request queued, results whose revision is no longer current dropped. Typing only
bumps a counter and restarts a timer.
"""
from __future__ import annotations

import gc
import html
import logging
import threading
from pathlib import Path

from PySide6.QtCore import QObject, QTimer, Signal

from editor.document.html import render
from editor.ui.workers import JobError, LatestJobRunner

log = logging.getLogger(__name__)


def check_delay(chars: int) -> int:
    """Pause (ms) before checking: short for a tweet, longer for a long article.

    A re-check costs only the paragraphs an edit changed (the engine remembers the others'
    tokens, matches, spelling and model scores), so even a 20,000-word post waits about 100 ms:
    long enough not to check between two keystrokes of a word, short enough that the marks
    follow the text."""
    return min(300, 50 + chars // 2500)


def preview_delay(chars: int) -> int:
    return min(1200, 120 + chars // 400)


_frozen = False


def freeze_loaded() -> None:
    """Once the rules and the dictionary are loaded, for the rest of the process: leave the
    objects alive now (rules, dictionary, modules, widgets) out of the garbage collector's scans.

    Every check allocates thousands of objects (findings, items, cards); every so often they
    trigger a full collection, which on the GUI thread used to scan the whole loaded engine too
    (about 100 ms with a 20,000-word post open: the window froze while a result was applied).
    Frozen objects are still freed when their last reference goes; only a reference cycle among
    them would stay (the engine's are alive as long as the process)."""
    global _frozen
    if not _frozen:
        _frozen = True
        gc.freeze()


class EngineHolder:
    """The compliance engine, built lazily on a worker, shared under a lock.

    The rules load in about 0.1 s; the French dictionary takes longer, so the first check runs
    without spelling and the speller is loaded by the next job.
    """

    def __init__(self, engine=None, spelling: bool = True) -> None:
        self._engine = engine
        self.spelling = spelling
        self.lock = threading.Lock()
        self.rule_errors: list = []
        self.speller_loaded = engine is not None and (engine.speller is not None or not spelling)

    def _ensure(self):
        if self._engine is None:
            from editor.compliance.service import make_engine

            self._engine, self.rule_errors = make_engine(spelling=False)
            self.speller_loaded = not self.spelling
        return self._engine

    @property
    def engine(self):
        with self.lock:
            return self._ensure()

    @property
    def rules(self):
        """The rule set (read-only after loading): no lock, so no wait behind a running check."""
        eng = self._engine
        return eng.rules if eng is not None else self.engine.rules

    @property
    def loaded(self) -> bool:
        return self._engine is not None

    @property
    def image_analyser(self):
        """The engine's image analyser (None before the engine is built, or without one); no
        lock: the attribute is set once."""
        eng = self._engine
        return getattr(eng, "image_analyser", None) if eng is not None else None

    def load_speller(self) -> None:
        if self.speller_loaded:
            return
        try:
            from editor.spelling import default_speller

            speller = default_speller()
        except Exception:  # noqa: BLE001 - no spelling is better than no checking
            log.warning("spelling turned off: the French dictionary could not be loaded",
                        exc_info=True)
            speller = None
        with self.lock:
            self._ensure().speller = speller
            self.speller_loaded = True

    def check(self, text: str, base_dir: Path | None):
        with self.lock:
            return self._ensure().check(text, base_dir)

    def with_engine(self, fn):
        """``fn(engine)`` under the lock: for a worker job (an export), never the GUI thread."""
        with self.lock:
            return fn(self._ensure())

    def add_word(self, word: str) -> bool:
        """Add to the user dictionary (under the lock: run it as a worker job)."""
        with self.lock:
            sp = self._ensure().speller
            if sp is None or not hasattr(sp, "add_word"):
                return False
            sp.add_word(word)
            return True


class _Debounced(QObject):
    """Revision counting and the pause timer shared by both controllers."""

    def __init__(self, editor, delay_fn, fn, synchronous: bool, parent=None,
                 connect: bool = True) -> None:
        super().__init__(parent)
        self.editor = editor
        self.delay_fn = delay_fn
        self.revision = 0
        self.applied_revision = -1
        self.stale_dropped = 0
        self.enabled = True
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.timeout.connect(self.run_now)
        self.runner = LatestJobRunner(fn, self, synchronous=synchronous)
        self.runner.finished.connect(self._finished)
        if connect:
            editor.document().contentsChange.connect(self.changed)

    def changed(self, _pos: int, removed: int, added: int) -> None:
        if removed or added:
            self.revision += 1
            self.schedule()

    def schedule(self, delay: int | None = None) -> None:
        if not self.enabled:
            return
        self.timer.start(self.delay_fn(self.editor.document().characterCount())
                         if delay is None else delay)

    def run_now(self) -> None:
        self.timer.stop()
        if self.enabled:
            self.runner.submit(self.revision, self.payload())

    def payload(self):
        raise NotImplementedError

    @property
    def up_to_date(self) -> bool:
        return self.applied_revision == self.revision and not self.timer.isActive()

    def _finished(self, revision: int, result) -> None:
        if revision != self.revision:
            self.stale_dropped += 1
            return
        self.applied_revision = revision
        self.deliver(revision, result)

    def deliver(self, revision, result) -> None:
        raise NotImplementedError


class CheckController(_Debounced):
    analysisReady = Signal(int, object, str)     # revision, Analysis, text it was computed on
    failed = Signal(str)

    def __init__(self, editor, holder: EngineHolder, synchronous=False, parent=None,
                 connect: bool = True) -> None:
        self.holder = holder
        self.base_dir: Path | None = None
        super().__init__(editor, check_delay, self._job, synchronous, parent, connect)

    def _job(self, payload):
        text, base_dir, load_speller = payload
        if load_speller:
            self.holder.load_speller()
        return self.holder.check(text, base_dir), text

    def payload(self):
        return (self.editor.text(), self.base_dir, False)

    def load_speller_then_check(self) -> None:
        self.runner.submit(self.revision, (self.editor.text(), self.base_dir, True))

    def deliver(self, revision, result) -> None:
        if isinstance(result, JobError):
            self.failed.emit(str(result.exc))
            return
        analysis, text = result
        if self.holder.speller_loaded and not self.runner.synchronous:   # (tests: synchronous)
            freeze_loaded()
        self.analysisReady.emit(revision, analysis, text)
        if not self.holder.speller_loaded and self.holder.spelling:
            self.load_speller_then_check()


class PreviewController(_Debounced):
    htmlReady = Signal(int, str)

    def __init__(self, editor, preview, synchronous=False, parent=None,
                 connect: bool = True) -> None:
        self.preview = preview
        super().__init__(editor, preview_delay, _render_job, synchronous, parent, connect)

    def payload(self):
        return self.editor.text()

    def schedule(self, delay=None) -> None:
        if not self.preview.isVisible() and self.preview.window().isVisible():
            self.pending_hidden = True   # rendered when shown again
            return
        super().schedule(delay)

    def deliver(self, revision, result) -> None:
        if isinstance(result, JobError):
            self.preview.show_html(f"<p>{html.escape(str(result.exc))}</p>")
            return
        self.preview.show_html(result)
        self.htmlReady.emit(revision, result)


def _render_job(text: str) -> str:
    return render(text)
