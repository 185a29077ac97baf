"""Heavy work off the GUI thread (issue 11, severe item 4): the per-network preview and « Copier
pour … » are built on a worker with a revision tag (stale results dropped). The highlighter's
bound is tested in a subprocess (tests/attack/test_complexity_attack.py)."""
from __future__ import annotations

import threading
import time

from uihelpers import post


def test_network_preview_is_built_off_the_gui_thread_and_stale_results_are_dropped(
        make_window, qtbot, tmp_path, monkeypatch):
    from editor.ui import network_preview

    real = network_preview._preview_job
    started, release = threading.Event(), threading.Event()
    on_gui: list[bool] = []

    def slow(payload):
        on_gui.append(threading.current_thread() is threading.main_thread())
        if not started.is_set():
            started.set()
            release.wait(30)          # the first preview (2,000 clapping hands) takes its time
        return real(payload)

    monkeypatch.setattr(network_preview, "_preview_job", slow)
    w = make_window(synchronous=False)
    qtbot.waitUntil(lambda: w.checker.enabled, timeout=5000)
    assert w.open_path(post(tmp_path, "fil.md", "👏" * 2000, "[x]"))
    w.network_dock.show()
    w.network_dock.raise_()
    panel = w.network_panel
    panel.set_network("x")
    assert started.wait(10)
    t = time.perf_counter()
    w.editor.setPlainText("---\ntitle: t\nnetworks: [x]\n---\nCourt.\n")
    panel.refresh()                   # queued behind the running one: returns at once
    assert time.perf_counter() - t < 2
    assert panel.current is None or "Court." not in panel.current.text
    release.set()
    qtbot.waitUntil(lambda: panel.up_to_date and panel.current is not None
                    and panel.current.text == "Court.", timeout=30000)
    assert panel.stale_dropped >= 1                  # the 2,000-emoji result was not shown
    assert on_gui and not any(on_gui)                # never built on the GUI thread
    assert "Court." in panel.view.toPlainText()


def test_copy_for_a_network_converts_on_a_worker(make_window, qtbot, tmp_path):
    from PySide6.QtGui import QGuiApplication

    w = make_window(synchronous=False)
    qtbot.waitUntil(lambda: w.checker.enabled, timeout=5000)
    assert w.open_path(post(tmp_path, "fil.md", "Un fil : " + "👏" * 400, "[x]"))
    w.network_dock.show()
    panel = w.network_panel
    panel.set_network("x")
    QGuiApplication.clipboard().setText("ancien")
    copied: list[str] = []
    panel.copied.connect(lambda net, text: copied.append(text))
    assert panel.copy() is None                      # done when the worker is
    qtbot.waitUntil(lambda: bool(copied), timeout=30000)
    assert QGuiApplication.clipboard().text() == copied[0]
    assert "1/" in copied[0] and "👏" in copied[0]    # split into a numbered thread


def test_a_post_with_a_huge_unbroken_run_is_shown_without_wrapping(window, tmp_path):
    """Qt lays out a very long line without spaces in quadratic time when it wraps it (400,000
    characters froze the window 10 s); such a post is shown unwrapped, an ordinary one wrapped."""
    from PySide6.QtWidgets import QPlainTextEdit

    assert window.open_path(post(tmp_path, "long.md", "x" * 30_000))
    assert window.editor.lineWrapMode() == QPlainTextEdit.LineWrapMode.NoWrap
    assert window.open_path(post(tmp_path, "court.md", "Un texte ordinaire. " * 2000))
    assert window.editor.lineWrapMode() == QPlainTextEdit.LineWrapMode.WidgetWidth
