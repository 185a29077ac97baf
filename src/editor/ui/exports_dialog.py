"""What was published: the archive of exports and copies of a post, and for each the difference
between the approved text and what left the app for a network (word level)."""
from __future__ import annotations

import html
from pathlib import Path

from PySide6.QtWidgets import (QComboBox, QDialog, QDialogButtonBox, QFormLayout, QLabel,
                               QTextBrowser, QVBoxLayout)

from editor.review.session import format_time

KIND_LABELS = {"export": "export", "copy": "copie"}


def diff_ops_html(ops) -> str:
    """``[(equal|delete|insert, text)]`` as HTML: removed struck out in red, added in green."""
    parts = []
    for op, text in ops:
        e = html.escape(text)
        if op == "delete":
            parts.append(f'<span style="background:#fbe3e2;color:#8a1f1c;'
                         f'text-decoration:line-through">{e}</span>')
        elif op == "insert":
            parts.append(f'<span style="background:#e3f5e1;color:#1e5e27">{e}</span>')
        else:
            parts.append(e)
    return '<div style="white-space:pre-wrap">' + "".join(parts) + "</div>"


def record_label(rec: dict) -> str:
    nets = ", ".join(rec.get("networks", {}) or {})
    review = rec.get("review") if isinstance(rec.get("review"), dict) else {}
    unreviewed = " — sans relecture" if review.get("exported_without_review") else ""
    return f"{format_time(rec.get('time', ''))} — {KIND_LABELS.get(rec.get('kind'), rec.get('kind'))}" \
           f" ({nets}){unreviewed}"


class ExportsDialog(QDialog):
    def __init__(self, post: Path, parent=None) -> None:
        super().__init__(parent)
        from editor.export.archive import find_workspace, records_for

        self.setObjectName("exportsDialog")
        self.setWindowTitle(self.tr("Exports et copies de la publication"))
        self.resize(760, 540)
        self.records = list(reversed(records_for(find_workspace(post), str(post))))
        self.record_combo = QComboBox()
        self.record_combo.setObjectName("exportsRecord")
        for rec in self.records:
            self.record_combo.addItem(record_label(rec))
        self.network_combo = QComboBox()
        self.network_combo.setObjectName("exportsNetwork")
        self.info = QLabel()
        self.info.setWordWrap(True)
        self.view = QTextBrowser()
        self.view.setObjectName("exportsDiff")
        form = QFormLayout()
        form.addRow(self.tr("Envoi\u00a0:"), self.record_combo)
        form.addRow(self.tr("Réseau\u00a0:"), self.network_combo)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.button(QDialogButtonBox.StandardButton.Close).setText(self.tr("Fermer"))
        buttons.rejected.connect(self.reject)
        lay = QVBoxLayout(self)
        lay.addWidget(self.info)
        lay.addLayout(form)
        lay.addWidget(self.view, 1)
        lay.addWidget(buttons)
        self.record_combo.currentIndexChanged.connect(self._record_changed)
        self.network_combo.currentIndexChanged.connect(self.show_diff)
        if not self.records:
            self.info.setText(self.tr("Cette publication n'a encore été ni exportée ni copiée."))
        self._record_changed()

    def _record_changed(self, *_a) -> None:
        self.network_combo.blockSignals(True)
        self.network_combo.clear()
        i = self.record_combo.currentIndex()
        if 0 <= i < len(self.records):
            rec = self.records[i]
            for n in rec.get("networks", {}) or {}:
                self.network_combo.addItem(n, n)
            review = rec.get("review") if isinstance(rec.get("review"), dict) else {}
            if review.get("approved"):
                self.info.setText(self.tr("Barré en rouge\u00a0: dans le texte approuvé "
                                          "seulement\u00a0; en vert\u00a0: ajouté pour le réseau."))
            else:       # an unreviewed export, or a copy: never call its text « approuvé »
                self.info.setText(self.tr("Barré en rouge\u00a0: dans le texte de la publication "
                                          "seulement\u00a0; en vert\u00a0: ajouté pour le "
                                          "réseau."))
        self.network_combo.blockSignals(False)
        self.show_diff()

    def show_diff(self, *_a) -> None:
        from editor.export.archive import export_diff

        i = self.record_combo.currentIndex()
        net = self.network_combo.currentData()
        if not (0 <= i < len(self.records)) or not net:
            self.view.setHtml("")
            return
        self.view.setHtml(diff_ops_html(export_diff(self.records[i], net)))
