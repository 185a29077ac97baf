"""Faults of the window found in the code (issue 11): the GUI thread waiting on the engine's lock,
a window closed during a long check, user text rendered as markup, the event log menu."""
from __future__ import annotations

import dataclasses
import logging
import os
import threading
import time
from contextlib import contextmanager

import pytest
import shiboken6
from PySide6.QtCore import Qt, QThreadPool
from PySide6.QtGui import QTextDocument
from PySide6.QtWidgets import QApplication, QLabel
from uihelpers import post, type_text

MARKUP = '<span style="font-size:40px">APPROUVÉ ✔</span>'
IMAGE = '<img src="/etc/tact-secret.png">'


def displayed(text: str, fmt=Qt.TextFormat.AutoText) -> str:
    """What a label, tooltip or message box shows for ``text``: markup is rendered, so the text
    read back is the document's plain text (tags that were interpreted are gone)."""
    if fmt == Qt.TextFormat.PlainText:
        return text
    if fmt == Qt.TextFormat.RichText or text.lstrip().startswith("<") or "<br>" in text \
            or "<b>" in text or "<span" in text or "<p" in text:
        doc = QTextDocument()
        doc.setHtml(text)
        return doc.toPlainText()
    return text


def label_text(label: QLabel) -> str:
    return displayed(label.text(), label.textFormat())


@contextmanager
def engine_busy(window, seconds: float):
    """Another thread holds the engine's lock, as a long check does."""
    release = threading.Event()
    held = threading.Event()

    def hold():
        with window.holder.lock:
            held.set()
            release.wait(seconds)

    t = threading.Thread(target=hold, daemon=True)
    t.start()
    assert held.wait(5)
    try:
        yield release
    finally:
        release.set()
        t.join(10)


class FakeSpeller:
    def __init__(self) -> None:
        self.words: list[str] = []

    def unknown(self, toks):
        return []

    def add_word(self, word):
        self.words.append(word)
        return word


@pytest.fixture
def profile(user_dirs):
    from editor.review.profile import Profile, save_profile

    def make(name="Dr Claire Martin"):
        p = Profile(name, "chirurgienne", "solo")
        assert save_profile(p) is None
        return p
    return make


def _async_window(make_window, qtbot, ui_engine, speller=None):
    from editor.compliance.engine import Engine

    eng = Engine(ui_engine.rules, speller)     # private: the session engine stays untouched
    w = make_window(synchronous=False, engine=eng)
    qtbot.waitUntil(lambda: w.checker.enabled, timeout=5000)
    return w


# -- the GUI thread never waits for the engine -----------------------------------------------------

def test_adding_a_word_does_not_wait_for_a_running_check(make_window, qtbot, ui_engine):
    speller = FakeSpeller()
    w = _async_window(make_window, qtbot, ui_engine, speller)
    with engine_busy(w, 10) as release:
        t = time.perf_counter()
        w.add_word("lipofilling")
        elapsed = time.perf_counter() - t
        assert speller.words == []            # queued behind the check, not done on the GUI
        release.set()
    assert elapsed < 1.0, f"the GUI thread waited {elapsed:.1f} s"
    qtbot.waitUntil(lambda: speller.words == ["lipofilling"], timeout=10000)
    qtbot.waitUntil(lambda: "ajouté au dictionnaire" in w.statusBar().currentMessage(),
                    timeout=5000)


def test_a_failing_dictionary_is_reported_not_raised(make_window, qtbot, ui_engine):
    class Broken(FakeSpeller):
        def add_word(self, word):
            raise ValueError("pas un mot")

    w = _async_window(make_window, qtbot, ui_engine, Broken())
    w.add_word("deux mots")
    qtbot.waitUntil(lambda: "n’a pas pu être ajouté" in w.statusBar().currentMessage(),
                    timeout=10000)


def test_a_review_action_does_not_wait_for_a_running_check(make_window, qtbot, ui_engine,
                                                          tmp_path, profile):
    profile()
    w = _async_window(make_window, qtbot, ui_engine)
    path = post(tmp_path, "p.md", "Bonjour.\n")
    assert w.open_path(path)
    qtbot.waitUntil(lambda: w.checker.up_to_date, timeout=10000)
    panel = w.review_panel
    with engine_busy(w, 10) as release:
        w.editor.moveCursor(w.editor.textCursor().MoveOperation.End)
        type_text(w.editor, "Une information.")        # the last check is now stale
        t = time.perf_counter()
        outcome = panel.submit()
        elapsed = time.perf_counter() - t
        assert outcome is None                         # pending: checked on a worker
        assert not panel.submit_b.isEnabled()          # no second click meanwhile
        release.set()
    assert elapsed < 1.0, f"the GUI thread waited {elapsed:.1f} s"
    qtbot.waitUntil(lambda: "à relire" in panel.state_label.text(), timeout=10000)
    assert panel.review.state.state == "review"


def test_an_export_does_not_wait_for_a_running_check(make_window, qtbot, ui_engine, tmp_path,
                                                     prompter):
    w = _async_window(make_window, qtbot, ui_engine)
    path = post(tmp_path, "rhino.md", "La rhinoplastie se discute en consultation.\n",
                networks="[instagram]")
    assert w.open_path(path)
    out = tmp_path / "sortie"
    out.mkdir()
    with engine_busy(w, 10) as release:
        t = time.perf_counter()
        assert w.network_panel.export(str(out)) is None
        elapsed = time.perf_counter() - t
        assert not w.network_panel.export_b.isEnabled()
        release.set()
    assert elapsed < 1.0, f"the GUI thread waited {elapsed:.1f} s"
    qtbot.waitUntil(lambda: "Exporté dans" in w.statusBar().currentMessage(), timeout=30000)
    assert w.network_panel.export_b.isEnabled()
    [folder] = [p for p in out.iterdir() if p.is_dir()]
    assert (folder / "instagram.txt").is_file()
    assert (folder / "rapport-conformite.pdf").stat().st_size > 0   # painted on a worker
    assert not [c for c in prompter.calls if c[0] == "error"]


# -- closing during a long check -----------------------------------------------------------------

def test_closing_during_a_long_check_neither_waits_nor_touches_deleted_objects(
        qtbot, ui_engine, prompter, user_dirs, capfd):
    from editor.compliance.engine import Engine
    from editor.ui import workers
    from editor.ui.main_window import MainWindow

    w = MainWindow(engine=Engine(ui_engine.rules), prompter=prompter, synchronous=False,
                   spelling=False)
    w.show()
    qtbot.waitUntil(lambda: w.checker.enabled, timeout=5000)
    qtbot.waitUntil(lambda: not w.checker.runner.busy, timeout=10000)
    started, release = threading.Event(), threading.Event()
    real = w.holder.check

    def slow_check(text, base):
        started.set()
        release.wait(30)
        return real(text, base)

    w.holder.check = slow_check
    w.editor.setPlainText("Offre : -20 % sur les injections.")
    w.check_now()
    assert started.wait(10)
    t = time.perf_counter()
    assert w.close()
    closed_in = time.perf_counter() - t
    dropped = workers._the_relay().dropped
    shiboken6.delete(w)                          # what the end of the program does
    assert not shiboken6.isValid(w)
    release.set()
    assert QThreadPool.globalInstance().waitForDone(30000)
    for _ in range(5):
        QApplication.processEvents()
    err = capfd.readouterr().err
    # Before: « RuntimeError: Signal source has been deleted » from the worker thread.
    assert "deleted" not in err and "Traceback" not in err, err
    assert workers._the_relay().dropped > dropped        # the late result was dropped
    assert closed_in < 1.0, f"closing waited {closed_in:.1f} s for the check"


def test_results_for_a_shut_down_runner_are_dropped(qtbot):
    from editor.ui.workers import JobQueue, LatestJobRunner

    got = []
    r = LatestJobRunner(lambda p: p * 2)
    r.finished.connect(lambda rev, res: got.append(res))
    q = JobQueue()
    gate = threading.Event()
    r.submit(1, 21)
    q.run(lambda: gate.wait(10), got.append)
    q.run(lambda: "never run", got.append)
    r.shutdown()
    q.shutdown()
    gate.set()
    QThreadPool.globalInstance().waitForDone(10000)
    qtbot.wait(50)
    assert got == []
    r.submit(2, 1)                                   # nothing starts once shut down
    assert r.started == 1 and q.run(lambda: 1, got.append) is None


# -- logging of what used to vanish ---------------------------------------------------------------

def test_spelling_turning_itself_off_is_logged(monkeypatch, caplog):
    import editor.spelling as spelling
    from editor.ui.live import EngineHolder

    def broken():
        raise OSError("fr.json.gz missing")

    monkeypatch.setattr(spelling, "default_speller", broken)
    holder = EngineHolder(spelling=True)
    with caplog.at_level(logging.WARNING, logger="editor"):
        holder.load_speller()
    assert holder.speller_loaded and holder.engine.speller is None
    assert any("spelling turned off" in r.getMessage() and r.exc_info for r in caplog.records)


def test_a_failed_workspace_scan_is_logged_and_shown(window, tmp_path, caplog, monkeypatch):
    def broken(folder):
        raise RecursionError("maximum recursion depth exceeded")

    monkeypatch.setattr(window, "_scan_job", broken)
    monkeypatch.setattr(window.scanner, "fn", broken)
    with caplog.at_level(logging.WARNING, logger="editor"):
        window.open_workspace(tmp_path)
    assert "Analyse de l’espace de travail impossible" in window.statusBar().currentMessage()
    assert any("RecursionError" in r.getMessage() for r in caplog.records)


def test_help_menu_opens_the_event_log(window, monkeypatch, tmp_path, event_log):
    from editor.ui import main_window

    logs = event_log
    opened = []
    monkeypatch.setattr(main_window.QDesktopServices, "openUrl",
                        staticmethod(lambda url: opened.append(url) or True))
    path = logs.configure(logging.INFO)
    logging.getLogger("editor.test").warning("un événement")
    action = window.actions["open_log"]
    assert action in window.help_menu.actions()
    assert action.text().replace("&", "") == "Ouvrir le journal des événements"
    assert window.log_file() == path
    action.trigger()
    assert [u.toLocalFile() for u in opened] == [str(path)]


# -- user text shown as text, never as markup -----------------------------------------------------

def test_a_reviewer_name_is_shown_as_typed(window, tmp_path, profile):
    profile(MARKUP)
    path = post(tmp_path, "p.md", "Bonjour.\n")
    assert window.open_path(path)
    panel = window.review_panel
    assert panel.submit()
    shown = label_text(panel.state_label)
    assert f"soumis pour relecture par {MARKUP}" in shown, shown
    assert "à relire" in shown                       # our own markup still renders


def test_comments_reasons_and_passages_are_shown_as_typed(window, tmp_path, profile):
    from editor.ui.review_panel import AcceptDialog

    profile("Dr <b>Gras</b>")
    path = post(tmp_path, "p.md", "Offre : -20 % sur les injections.\n")
    assert window.open_path(path)
    panel = window.review_panel
    text = window.editor.text()
    start = text.index("Offre")
    out = panel.review.add_comment(text, start, start + 5, f"Voir {IMAGE}\nligne 2",
                                   "Dr <b>Gras</b>", "")
    assert out.ok, out.message
    [finding] = [f for f in panel.findings if f.text == "-20 %"]
    out = panel.review.accept(text, finding, "faux-positif", f"Cité {MARKUP}", "Dr <b>Gras</b>",
                              "")
    assert out.ok, out.message
    window.check_now()
    it = panel.comments.tree.topLevelItem(0)
    assert displayed(it.toolTip(0)) == f"Voir {IMAGE}\nligne 2"
    [item] = [i for i in window.findings_panel.items() if "-20 %" in i.text(0)]
    assert displayed(item.toolTip(1)) == f"Cité {MARKUP}"
    card = window.findings_panel.card_of(item)        # painted as text, never as markup
    assert card.decision.endswith(f"«\u00a0Cité {MARKUP}\u00a0»")
    dlg = AcceptDialog(dataclasses.replace(finding, text=IMAGE, message=MARKUP))
    head = dlg.findChildren(QLabel)[0]
    assert f"« {IMAGE} » — {MARKUP}" in label_text(head).replace("\u00a0", " ")
    dlg.deleteLater()


def test_front_matter_networks_are_shown_as_typed(window, tmp_path):
    path = post(tmp_path, "p.md", "Bonjour.\n", networks=f"[instagram, '{MARKUP}']")
    assert window.open_path(path)
    window.update_counts()
    shown = label_text(window.networks_label)
    assert MARKUP in shown and "Instagram" in shown


def test_file_names_and_messages_in_dialogs_are_shown_as_typed(window, tmp_path):
    from PySide6.QtWidgets import QMessageBox

    from editor.ui.comments import TextDialog
    from editor.ui.prompts import Prompter

    box = Prompter(window)._box(QMessageBox.Icon.Warning, "Titre", f"« {MARKUP} » : introuvable",
                                IMAGE)
    labels = {lab.objectName(): lab for lab in box.findChildren(QLabel)}
    assert label_text(labels["qt_msgbox_label"]) == f"« {MARKUP} » : introuvable"
    assert label_text(labels["qt_msgbox_informativelabel"]) == IMAGE
    box.deleteLater()
    dlg = TextDialog("Commenter", "Commentaire :", window, context=f"« {IMAGE} »")
    assert f"« {IMAGE} »" in [label_text(lab) for lab in dlg.findChildren(QLabel)]
    dlg.deleteLater()
    if os.name != "nt":                     # Windows refuses < > in names
        odd = tmp_path / "<b>gras<b>"
        odd.mkdir()
        window.open_workspace(odd)
        assert label_text(window.workspace_panel.title) == "<b>gras<b>"
    window.checker.failed.emit(MARKUP)
    assert MARKUP in label_text(window.check_label)
