"""The review from the keyboard: F8 / Maj+F8 walk through the problems (selected in the editor
and both lists), Ctrl+Alt+A accepts the problem under the cursor, Ctrl+Alt+S submits,
Ctrl+Alt+P approves; no two actions share a shortcut and the menus show them."""
from __future__ import annotations

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QKeySequence, QTextCursor
from PySide6.QtWidgets import QApplication
from uihelpers import post

TEXT = ("Offre : -20 % sur les injections.\n\nC'est le meilleur chirurgien de Lyon.\n\n"
        "Code promo ce mois-ci.\n")


@pytest.fixture
def profile(user_dirs):
    from editor.review.profile import Profile, save_profile

    p = Profile("Dr Claire Martin", "chirurgienne", "solo")
    assert save_profile(p) is None
    return p


def opened(window, tmp_path):
    path = post(tmp_path, "p.md", TEXT)
    assert window.open_path(path)
    window.check_now()
    c = window.editor.textCursor()
    c.setPosition(0)
    window.editor.setTextCursor(c)
    return path


def test_every_shortcut_is_unique_and_shown_in_a_menu(window):
    seen: dict[str, str] = {}
    for name, action in window.actions.items():
        for key in action.shortcuts():
            k = key.toString()
            assert k not in seen, f"{name} and {seen[k]} share {k}"
            seen[k] = name
    assert {"F8", "Shift+F8", "Ctrl+Alt+A", "Ctrl+Alt+R", "Ctrl+Alt+S", "Ctrl+Alt+P"} <= set(seen)
    menu_actions = {a for m in window.menuBar().actions() if m.menu()
                    for a in m.menu().actions()}
    for name in ("next_finding", "previous_finding", "accept_finding", "send_back_finding",
                 "submit", "approve", "show_image_outlines"):
        assert window.actions[name] in menu_actions, name
    shortcut = QKeySequence("Ctrl+Alt+S").toString(QKeySequence.SequenceFormat.NativeText)
    assert shortcut in window.review_panel.submit_b.toolTip()


def test_f8_walks_through_the_problems(window, tmp_path, qtbot):
    opened(window, tmp_path)
    editor = window.editor
    qtbot.keyClick(editor, Qt.Key.Key_F8)
    assert editor.textCursor().selectedText() == "-20 %"
    assert "-20 %" in window.review_panel.selected().item.passage
    assert "-20 %" in window.findings_panel.tree.currentItem().text(0)
    qtbot.keyClick(editor, Qt.Key.Key_F8)
    assert editor.textCursor().selectedText() == "le meilleur chirurgien"
    qtbot.keyClick(editor, Qt.Key.Key_F8, Qt.KeyboardModifier.ShiftModifier)
    assert editor.textCursor().selectedText() == "-20 %"
    qtbot.keyClick(editor, Qt.Key.Key_F8, Qt.KeyboardModifier.ShiftModifier)   # wraps around
    assert editor.textCursor().selectedText() not in ("-20 %", "le meilleur chirurgien")


def _accept_next_dialog(reason="Exemple cité, pas une offre."):
    seen = []

    def poll():
        dlg = QApplication.activeModalWidget()
        if dlg is None:
            QTimer.singleShot(10, poll)
            return
        seen.append(dlg.objectName())
        dlg.reason.setPlainText(reason)
        dlg.accept()
    QTimer.singleShot(10, poll)
    return seen


def test_accept_submit_and_approve_from_the_keyboard(window, tmp_path, qtbot, profile):
    path = opened(window, tmp_path)
    editor = window.editor
    window.actions["submit"].trigger()            # Ctrl+Alt+S
    assert "à relire" in window.review_panel.state_label.text()
    for needle in ("-20 %", "Code promo"):        # every error, accepted with Ctrl+Alt+A
        i = editor.text().index(needle)
        c = QTextCursor(editor.document())
        c.setPosition(i + 1)
        editor.setTextCursor(c)
        seen = _accept_next_dialog()
        window.actions["accept_finding"].trigger()
        assert seen == ["acceptDialog"]
    from editor.review.session import ReviewSession

    decisions = [e for e in ReviewSession(path).journal.entries if e.get("type") == "decision"]
    assert {d["passage"] for d in decisions} >= {"-20 %", "Code promo"}
    window.actions["approve"].trigger()           # Ctrl+Alt+P
    assert "approuvé" in window.review_panel.state_label.text()


def test_accept_without_a_problem_under_the_cursor_says_how(window, tmp_path):
    window.editor.setPlainText("Un texte sans problème.")
    window.check_now()
    assert window.accept_current() is False
    assert "F8" in window.statusBar().currentMessage()
