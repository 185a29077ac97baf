"""Helpers for the GUI tests."""
from __future__ import annotations

from pathlib import Path


def type_text(widget, text: str) -> None:
    """Type like a user, non-ASCII included (qtbot.keyClicks aborts on é, «, newline)."""
    from PySide6.QtCore import QEvent, Qt
    from PySide6.QtGui import QKeyEvent
    from PySide6.QtWidgets import QApplication

    for ch in text:
        if ch == "\n":
            key, t = Qt.Key.Key_Return, "\r"
        else:
            key, t = Qt.Key.Key_unknown, ch
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            QApplication.sendEvent(widget, QKeyEvent(kind, key, Qt.KeyboardModifier.NoModifier, t))


def post(folder: Path, name: str, body: str, networks="[instagram, x]") -> Path:
    p = folder / name
    p.write_text(f"---\ntitle: {Path(name).stem}\nnetworks: {networks}\nstatus: brouillon\n---\n"
                 + body, encoding="utf-8")
    return p


# -- the findings' cards (FindingsPanel) -----------------------------------------------------------
def card(window, needle: str):
    """The row of the card whose text (passage — reason) holds ``needle``."""
    return next(r for r in window.findings_panel.items() if needle in r.text(0))


def card_actions(window, needle: str) -> list[str]:
    panel = window.findings_panel
    return [k for k, _ in panel.actions_of(panel.item_of(card(window, needle)))]


def click_card_link(qtbot, window, needle: str, key: str) -> None:
    """Click the link ``key`` (explain, replace, accept, send_back, withdraw, add_word) drawn on
    the card of ``needle``, like a user; returns once the action has run (dialogs included)."""
    from PySide6.QtCore import Qt

    panel = window.findings_panel
    row = card(window, needle)
    panel.tree.scrollToItem(row)
    rect = panel.link_rect(row, key)
    assert rect is not None, f"no {key!r} on the card of {needle!r}: {card_actions(window, needle)}"
    with qtbot.waitSignal(panel.actionRequested, timeout=5000):
        qtbot.mouseClick(panel.tree.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())


def shown_text(label) -> str:
    """A label's text as read, each count kept with its word by no-break spaces."""
    return label.text().replace("\u00a0", " ")
