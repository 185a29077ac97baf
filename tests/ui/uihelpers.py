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
