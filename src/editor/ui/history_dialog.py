"""The history of a post's review: every recorded version, and a readable diff between two."""
from __future__ import annotations

import html

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QTextBrowser,
    QVBoxLayout,
)

from editor.review.model import ACTION_LABELS, STATE_LABELS
from editor.review.session import format_time


def version_label(v) -> str:
    who = f"{v.by} ({v.role})" if v.role else (v.by or "?")
    return (f"{v.number}. {ACTION_LABELS.get(v.action, v.action)} — {who}, "
            f"{format_time(v.at)} — «\u00a0{STATE_LABELS.get(v.state, v.state)}\u00a0»")


def diff_html(diff: str) -> str:
    """A unified diff as coloured lines (removed in red, added in green)."""
    if not diff.strip():
        return "<p><i>Aucune différence entre ces deux versions.</i></p>"
    rows = []
    for line in diff.splitlines():
        e = html.escape(line) or "&nbsp;"
        if line.startswith(("---", "+++")):
            rows.append(f'<div style="color:#555;font-weight:bold">{e}</div>')
        elif line.startswith("@@"):
            rows.append(f'<div style="color:#1f6fd1">{e}</div>')
        elif line.startswith("+"):
            rows.append(f'<div style="background:#e3f5e1;color:#1e5e27">{e}</div>')
        elif line.startswith("-"):
            rows.append(f'<div style="background:#fbe3e2;color:#8a1f1c">{e}</div>')
        else:
            rows.append(f"<div>{e}</div>")
    return '<div style="font-family:monospace;white-space:pre-wrap">' + "".join(rows) + "</div>"


class HistoryDialog(QDialog):
    def __init__(self, review, parent=None) -> None:
        super().__init__(parent)
        self.setObjectName("historyDialog")
        self.setWindowTitle(self.tr("Historique de la publication"))
        self.resize(820, 600)
        self.review = review
        self.versions = review.history()
        self.a = QComboBox()
        self.a.setObjectName("historyFrom")
        self.b = QComboBox()
        self.b.setObjectName("historyTo")
        for v in self.versions:
            self.a.addItem(version_label(v), v.number)
            self.b.addItem(version_label(v), v.number)
        self.view = QTextBrowser()
        self.view.setObjectName("historyDiff")
        self.info = QLabel()
        self.info.setWordWrap(True)
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("De\u00a0:")))
        top.addWidget(self.a, 1)
        top.addWidget(QLabel(self.tr("à\u00a0:")))
        top.addWidget(self.b, 1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.button(QDialogButtonBox.StandardButton.Close).setText(self.tr("Fermer"))
        buttons.rejected.connect(self.reject)
        lay = QVBoxLayout(self)
        lay.addWidget(self.info)
        lay.addLayout(top)
        lay.addWidget(self.view, 1)
        lay.addWidget(buttons)
        n = len(self.versions)
        if n == 0:
            self.info.setText(self.tr("Aucune version enregistrée\u00a0: la publication n'a pas "
                                      "encore été soumise, relue ni approuvée."))
            self.a.setEnabled(False)
            self.b.setEnabled(False)
        else:
            self.info.setText(self.tr("{n} version(s) enregistrée(s).").format(n=n))
            self.a.setCurrentIndex(max(0, n - 2))
            self.b.setCurrentIndex(n - 1)
        self.a.currentIndexChanged.connect(self.show_diff)
        self.b.currentIndexChanged.connect(self.show_diff)
        self.show_diff()

    def show_diff(self) -> None:
        if not self.versions:
            self.view.setHtml("")
            return
        a, b = self.a.currentData(), self.b.currentData()
        if a == b:
            v = self.versions[a - 1]
            self.view.setHtml('<div style="font-family:monospace;white-space:pre-wrap">'
                              + html.escape(v.text) + "</div>")
            return
        try:
            self.view.setHtml(diff_html(self.review.diff(a, b)))
        except ValueError as exc:
            self.view.setPlainText(str(exc))
