"""Find/replace bar, the new-post dialog and the rule explanation dialog."""
from __future__ import annotations

import html

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QDesktopServices, QTextCursor, QTextDocument
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

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

    def _body_start(self) -> int:
        """Where the shown text begins: the hidden front matter is edited in its own bar,
        never found or replaced here."""
        return getattr(self.editor, "body_start", 0)

    def _find(self, needle: str, cursor: QTextCursor, backward: bool) -> QTextCursor:
        c = self.editor.document().find(needle, cursor, self._flags(backward))
        start = self._body_start()
        if not c.isNull() and c.selectionStart() < start:
            if backward:
                return QTextCursor()        # before the shown text: nothing more
            from_body = QTextCursor(self.editor.document())
            from_body.setPosition(start)
            c = self.editor.document().find(needle, from_body, self._flags(False))
        return c

    def find_next(self, backward: bool = False) -> bool:
        needle = self.find_edit.text()
        if not needle:
            return False
        doc = self.editor.document()
        c = self._find(needle, self.editor.textCursor(), backward)
        if c.isNull():   # wrap around
            start = QTextCursor(doc)
            if backward:
                start.movePosition(QTextCursor.MoveOperation.End)
            else:
                start.setPosition(self._body_start())
            c = self._find(needle, start, backward)
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
        c.setPosition(self._body_start())
        n = 0
        edit = QTextCursor(doc)
        edit.beginEditBlock()   # one undo step
        while True:
            c = self._find(needle, c, False)
            if c.isNull():
                break
            c.insertText(self.replace_edit.text())
            n += 1
        edit.endEditBlock()
        self.status.setText(self.tr("{n} remplacement(s)").format(n=n))
        return n


class NewPostDialog(QDialog):
    """« Nouvelle publication »: its title and the networks it is written for (check boxes)."""

    def __init__(self, networks: list[tuple[str, str]], checked=(), parent=None) -> None:
        super().__init__(parent)
        self.setObjectName("newPostDialog")
        self.setWindowTitle(self.tr("Nouvelle publication"))
        self.title_edit = QLineEdit()
        self.title_edit.setObjectName("newPostTitle")
        self.title_edit.setPlaceholderText(self.tr("Ex.\u00a0: Rhinoplastie, ce qu’il faut savoir"))
        title_label = QLabel(self.tr("&Titre de la publication\u00a0:"))
        title_label.setBuddy(self.title_edit)
        wanted = {n.lower() for n in checked}
        self.boxes: dict[str, QCheckBox] = {}
        nets = QHBoxLayout()
        for name, label in networks:
            box = QCheckBox(label)
            box.setObjectName(f"newPostNetwork_{name}")
            box.setChecked(name.lower() in wanted)
            box.toggled.connect(self._update)
            self.boxes[name] = box
            nets.addWidget(box)
        nets.addStretch(1)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                        | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Créer"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Annuler"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.title_edit.textChanged.connect(self._update)
        lay = QVBoxLayout(self)
        lay.addWidget(title_label)
        lay.addWidget(self.title_edit)
        lay.addWidget(QLabel(self.tr("Réseaux\u00a0:")))
        lay.addLayout(nets)
        lay.addWidget(self.buttons)
        self._update()

    def _update(self, *_args) -> None:
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(
            bool(self.title().strip()))

    def title(self) -> str:
        return self.title_edit.text().strip()

    def networks(self) -> list[str]:
        return [name for name, box in self.boxes.items() if box.isChecked()]

    @classmethod
    def ask(cls, parent, networks, checked=()) -> tuple[str, list[str]] | None:
        """``(title, networks)``, or None when cancelled."""
        dlg = cls(networks, checked, parent)
        if dlg.exec() != QDialog.DialogCode.Accepted or not dlg.title():
            return None
        return dlg.title(), dlg.networks()


class RuleDialog(QDialog):
    """What a rule forbids, why (legal reference) and examples."""

    def __init__(self, finding, rule=None, parent=None, more=()) -> None:
        """``more``: further ``(finding, rule)`` of the same problem, explained after it."""
        super().__init__(parent)
        self.setObjectName("ruleDialog")
        self.setWindowTitle(self.tr("Expliquer la règle"))
        self.resize(560, 440)
        view = QTextBrowser()
        view.setOpenLinks(False)
        view.anchorClicked.connect(self._open_link)
        view.setHtml("<hr>".join(rule_html(f, r, self.tr) for f, r in [(finding, rule), *more]))
        self.view = view
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        buttons.button(QDialogButtonBox.StandardButton.Close).setText(self.tr("Fermer"))
        lay = QVBoxLayout(self)
        lay.addWidget(view)
        lay.addWidget(buttons)

    def _open_link(self, url) -> None:
        """A rule's « en savoir plus » page, in the system browser (web addresses only)."""
        if is_web_link(url.toString()):
            QDesktopServices.openUrl(url)


def is_web_link(link: str) -> bool:
    """Whether a rule's ``link`` is a web page the dialog may open (http or https only)."""
    return link.startswith(("https://", "http://")) and not any(c.isspace() for c in link)


def rule_html(finding, rule, tr=None) -> str:
    """The explanation of ``finding``'s rule: a pack rule (:class:`editor.compliance.rules.Rule`)
    or an image rule (:class:`editor.compliance.images.ImageRule`), and for a finding about an
    image's content the text Tact recognised in it."""
    e = html.escape
    t_basis = QCoreApplication.translate("RuleDialog", "Fondement :")
    t_sugg = QCoreApplication.translate("RuleDialog", "Conseil\u00a0:")
    t_repl = QCoreApplication.translate("RuleDialog", "Remplacement proposé\u00a0:")
    t_delete = QCoreApplication.translate("RuleDialog", "supprimer le passage")
    t_flag = QCoreApplication.translate("RuleDialog", "Exemples signalés :")
    t_ok = QCoreApplication.translate("RuleDialog", "Exemples acceptés :")
    t_seen = QCoreApplication.translate("RuleDialog", "Texte reconnu dans l’image\u00a0:")
    t_more = QCoreApplication.translate("RuleDialog", "Pour en savoir plus\u00a0:")
    head = f"{labels.severity(finding.severity)} · {labels.category(finding.category)}"
    parts = [f"<h3>{e(rule.message if rule else finding.message)}</h3>",
             f"<p><b>{e(head)}</b></p>"]
    if rule is not None and rule.message != finding.message:
        parts.append(f"<p>{e(finding.message)}</p>")    # what was found here (a count, words)
    if rule is not None and rule.explanation:
        parts.append(f"<p>{e(rule.explanation)}</p>")
    why = finding.extra.get("explanation") if getattr(finding, "extra", None) else None
    if why:         # the second opinion's nearest labelled examples
        parts.append(f"<p>{e(why)}</p>")
    ref = rule.reference if rule is not None else finding.reference
    if ref:
        parts.append(f"<p><b>{e(t_basis)}</b> {e(ref)}</p>")
    link = getattr(rule, "link", None) if rule is not None else None
    if link and is_web_link(link):
        parts.append(f'<p><b>{e(t_more)}</b> <a href="{e(link)}">{e(link)}</a></p>')
    sugg = rule.suggestion if rule is not None else finding.suggestion
    if sugg:        # advice: read, never inserted in the text
        parts.append(f"<p><b>{e(t_sugg)}</b> {e(sugg)}</p>")
    image = finding.extra.get("image") if getattr(finding, "extra", None) else None
    seen = (image or {}).get("text") if isinstance(image, dict) else None
    if seen and seen.strip():       # what the image analysis read in the picture
        parts.append(f"<p><b>{e(t_seen)}</b></p><blockquote>"
                     + "<br>".join(e(line) for line in seen.splitlines() if line.strip())
                     + "</blockquote>")
    repl = getattr(finding, "replacement", None)
    if repl is None and rule is not None:
        repl = getattr(rule, "replacement", None)
    if repl is not None:    # a declared drop-in (« Remplacer par » in the editor's menu)
        shown = f"«\u00a0{repl}\u00a0»" if repl else t_delete
        parts.append(f"<p><b>{e(t_repl)}</b> {e(shown)}</p>")
    flagged = getattr(rule, "flag_examples", None) or []
    accepted = getattr(rule, "ok_examples", None) or []
    if flagged:
        parts.append(f"<p><b>{e(t_flag)}</b></p><ul>"
                     + "".join(f"<li>✗ {e(x.text)}</li>" for x in flagged) + "</ul>")
    if accepted:
        parts.append(f"<p><b>{e(t_ok)}</b></p><ul>"
                     + "".join(f"<li>✓ {e(x.text)}</li>" for x in accepted) + "</ul>")
    return "".join(parts)
