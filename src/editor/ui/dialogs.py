"""Find/replace bar and the rule explanation dialog."""
from __future__ import annotations

import html

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QTextCursor, QTextDocument
from PySide6.QtWidgets import (QCheckBox, QDialog, QDialogButtonBox, QHBoxLayout, QLabel,
                               QLineEdit, QPushButton, QTextBrowser, QVBoxLayout, QWidget)

from editor.ui import labels


class FindBar(QWidget):
    """Find and replace in the editor (Ctrl+F / Ctrl+H), shown under it."""

    def __init__(self, editor, parent=None) -> None:
        super().__init__(parent)
        self.setObjectName("findBar")
        self.editor = editor
        self.find_edit = QLineEdit()
        self.find_edit.setPlaceholderText(self.tr("Rechercher"))
        self.replace_edit = QLineEdit()
        self.replace_edit.setPlaceholderText(self.tr("Remplacer par"))
        self.case = QCheckBox(self.tr("Respecter la casse"))
        self.status = QLabel()
        prev_b = QPushButton(self.tr("Précédent"))
        next_b = QPushButton(self.tr("Suivant"))
        rep_b = QPushButton(self.tr("Remplacer"))
        all_b = QPushButton(self.tr("Tout remplacer"))
        close_b = QPushButton("×")
        close_b.setFlat(True)
        close_b.setToolTip(self.tr("Fermer"))
        lay = QHBoxLayout(self)
        lay.setContentsMargins(6, 2, 6, 2)
        for w in (self.find_edit, prev_b, next_b, self.replace_edit, rep_b, all_b, self.case,
                  self.status, close_b):
            lay.addWidget(w)
        self.find_edit.returnPressed.connect(self.find_next)
        next_b.clicked.connect(self.find_next)
        prev_b.clicked.connect(self.find_previous)
        rep_b.clicked.connect(self.replace_one)
        all_b.clicked.connect(self.replace_all)
        close_b.clicked.connect(self.close_bar)
        self.hide()

    def open_bar(self, replace: bool = False) -> None:
        sel = self.editor.textCursor().selectedText()
        if sel and "\u2029" not in sel:
            self.find_edit.setText(sel)
        self.replace_edit.setVisible(True)
        self.show()
        (self.replace_edit if replace and self.find_edit.text() else self.find_edit).setFocus()
        self.find_edit.selectAll()

    def close_bar(self) -> None:
        self.hide()
        self.editor.setFocus()

    def keyPressEvent(self, e) -> None:  # noqa: N802
        if e.key() == Qt.Key.Key_Escape:
            self.close_bar()
            return
        super().keyPressEvent(e)

    def _flags(self, backward=False):
        f = QTextDocument.FindFlag(0)
        if self.case.isChecked():
            f |= QTextDocument.FindFlag.FindCaseSensitively
        if backward:
            f |= QTextDocument.FindFlag.FindBackward
        return f

    def find_next(self, backward: bool = False) -> bool:
        needle = self.find_edit.text()
        if not needle:
            return False
        doc = self.editor.document()
        c = doc.find(needle, self.editor.textCursor(), self._flags(backward))
        if c.isNull():   # wrap around
            start = QTextCursor(doc)
            if backward:
                start.movePosition(QTextCursor.MoveOperation.End)
            c = doc.find(needle, start, self._flags(backward))
        if c.isNull():
            self.status.setText(self.tr("Introuvable"))
            return False
        self.status.setText("")
        self.editor.setTextCursor(c)
        return True

    def find_previous(self) -> bool:
        return self.find_next(backward=True)

    def _matches(self, c: QTextCursor) -> bool:
        a, b = c.selectedText(), self.find_edit.text()
        return c.hasSelection() and (a == b if self.case.isChecked() else a.lower() == b.lower())

    def replace_one(self) -> None:
        c = self.editor.textCursor()
        if self._matches(c):
            c.insertText(self.replace_edit.text())
        self.find_next()

    def replace_all(self) -> int:
        needle = self.find_edit.text()
        if not needle:
            return 0
        doc = self.editor.document()
        c = QTextCursor(doc)
        n = 0
        edit = QTextCursor(doc)
        edit.beginEditBlock()   # one undo step
        while True:
            c = doc.find(needle, c, self._flags())
            if c.isNull():
                break
            c.insertText(self.replace_edit.text())
            n += 1
        edit.endEditBlock()
        self.status.setText(self.tr("{n} remplacement(s)").format(n=n))
        return n


class RuleDialog(QDialog):
    """What a rule forbids, why (legal reference) and examples."""

    def __init__(self, finding, rule=None, parent=None) -> None:
        super().__init__(parent)
        self.setObjectName("ruleDialog")
        self.setWindowTitle(self.tr("Expliquer la règle"))
        self.resize(560, 440)
        view = QTextBrowser()
        view.setOpenLinks(False)
        view.setHtml(rule_html(finding, rule, self.tr))
        self.view = view
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        buttons.button(QDialogButtonBox.StandardButton.Close).setText(self.tr("Fermer"))
        lay = QVBoxLayout(self)
        lay.addWidget(view)
        lay.addWidget(buttons)


def rule_html(finding, rule, tr=None) -> str:
    e = html.escape
    t_basis = QCoreApplication.translate("RuleDialog", "Fondement :")
    t_sugg = QCoreApplication.translate("RuleDialog", "Suggestion :")
    t_flag = QCoreApplication.translate("RuleDialog", "Exemples signalés :")
    t_ok = QCoreApplication.translate("RuleDialog", "Exemples acceptés :")
    head = f"{labels.severity(finding.severity)} · {labels.category(finding.category)}"
    parts = [f"<h3>{e(rule.message if rule else finding.message)}</h3>",
             f"<p><b>{e(head)}</b> — <code>{e(finding.rule)}</code></p>"]
    if rule is not None and rule.explanation:
        parts.append(f"<p>{e(rule.explanation)}</p>")
    ref = rule.reference if rule is not None else finding.reference
    if ref:
        parts.append(f"<p><b>{e(t_basis)}</b> {e(ref)}</p>")
    sugg = rule.suggestion if rule is not None else finding.suggestion
    if sugg:
        parts.append(f"<p><b>{e(t_sugg)}</b> {e(sugg)}</p>")
    if rule is not None and rule.flag_examples:
        parts.append(f"<p><b>{e(t_flag)}</b></p><ul>"
                     + "".join(f"<li>✗ {e(x.text)}</li>" for x in rule.flag_examples) + "</ul>")
    if rule is not None and rule.ok_examples:
        parts.append(f"<p><b>{e(t_ok)}</b></p><ul>"
                     + "".join(f"<li>✓ {e(x.text)}</li>" for x in rule.ok_examples) + "</ul>")
    return "".join(parts)
