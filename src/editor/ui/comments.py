"""Comments anchored to passages: list (orphaned ones shown as such), add, reply, resolve,
reopen."""
from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from editor.review.session import format_time
from editor.ui.richtext import plain_label, plain_tooltip

CID_ROLE = Qt.ItemDataRole.UserRole + 2


class TextDialog(QDialog):
    """A multi-line text to write (comment, reply, reason); OK only once something is written."""

    def __init__(self, title: str, label: str, parent=None, required: bool = True,
                 context: str = "") -> None:
        super().__init__(parent)
        self.setObjectName("textDialog")
        self.setWindowTitle(title)
        self.resize(480, 260)
        self.required = required
        self.edit = QPlainTextEdit()
        self.edit.setObjectName("textDialogEdit")
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                        | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Valider"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Annuler"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        lay = QVBoxLayout(self)
        if context:
            c = plain_label(QLabel(context))     # the commented passage: the post's own words
            c.setWordWrap(True)
            c.setStyleSheet("color:#555")
            lay.addWidget(c)
        lab = QLabel(label)
        lab.setWordWrap(True)
        lay.addWidget(lab)
        lay.addWidget(self.edit)
        lay.addWidget(self.buttons)
        self.edit.textChanged.connect(self._update)
        self._update()

    def _update(self) -> None:
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(
            not self.required or bool(self.text()))

    def text(self) -> str:
        return self.edit.toPlainText().strip()


def comment_label(cs) -> str:
    c = cs.comment
    where = "" if not cs.anchor.orphaned else "\u00a0— passage supprimé (commentaire orphelin)"
    status = "\u00a0— résolu" if c.resolved else ""
    quote = c.quote.exact if len(c.quote.exact) <= 50 else c.quote.exact[:47] + "…"
    return f"«\u00a0{quote}\u00a0» — {c.by}\u00a0: {c.text}{where}{status}"


class CommentsWidget(QWidget):
    """Shows ``Overview.comments``; the buttons emit requests handled by the review panel."""
    addRequested = Signal()
    replyRequested = Signal(str)
    resolveRequested = Signal(str)
    reopenRequested = Signal(str)
    commentActivated = Signal(object)     # CommentStatus

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setObjectName("commentsWidget")
        self.statuses = []
        self.tree = QTreeWidget()
        self.tree.setObjectName("commentsTree")
        self.tree.setHeaderLabels([self.tr("Commentaire"), self.tr("Date")])
        self.tree.setColumnWidth(0, 300)
        self.add_b = QPushButton(self.tr("Commenter la sélection…"))
        self.add_b.setObjectName("commentAdd")
        self.reply_b = QPushButton(self.tr("Répondre…"))
        self.reply_b.setObjectName("commentReply")
        self.resolve_b = QPushButton(self.tr("Résoudre"))
        self.resolve_b.setObjectName("commentResolve")
        self.reopen_b = QPushButton(self.tr("Rouvrir"))
        self.reopen_b.setObjectName("commentReopen")
        row = QHBoxLayout()
        for b in (self.add_b, self.reply_b, self.resolve_b, self.reopen_b):
            row.addWidget(b)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addWidget(self.tree)
        lay.addLayout(row)
        self.add_b.clicked.connect(self.addRequested)
        self.reply_b.clicked.connect(lambda: self._emit(self.replyRequested))
        self.resolve_b.clicked.connect(lambda: self._emit(self.resolveRequested))
        self.reopen_b.clicked.connect(lambda: self._emit(self.reopenRequested))
        self.tree.currentItemChanged.connect(self._update_buttons)
        self.tree.itemClicked.connect(self._clicked)
        self._update_buttons()

    def set_comments(self, statuses) -> None:
        current = self.current_id()
        self.statuses = list(statuses)
        self.tree.clear()
        order = sorted(self.statuses, key=lambda cs: (cs.anchor.orphaned, cs.anchor.start))
        for cs in order:
            c = cs.comment
            it = QTreeWidgetItem([comment_label(cs), format_time(c.at)])
            it.setData(0, CID_ROLE, c.id)
            it.setToolTip(0, plain_tooltip(c.text))
            if cs.anchor.orphaned:
                it.setForeground(0, QBrush(QColor("#b35c00")))
            elif c.resolved:
                it.setForeground(0, QBrush(QColor("#888888")))
            for r in c.replies:
                child = QTreeWidgetItem([f"↳ {r.by}\u00a0: {r.text}", format_time(r.at)])
                child.setData(0, CID_ROLE, c.id)
                it.addChild(child)
            self.tree.addTopLevelItem(it)
            it.setExpanded(True)
            if c.id == current:
                self.tree.setCurrentItem(it)
        self._update_buttons()

    def status(self, cid: str | None):
        return next((cs for cs in self.statuses if cs.comment.id == cid), None)

    def current_id(self) -> str | None:
        it = self.tree.currentItem()
        return it.data(0, CID_ROLE) if it is not None else None

    def select(self, cid: str) -> None:
        for i in range(self.tree.topLevelItemCount()):
            it = self.tree.topLevelItem(i)
            if it.data(0, CID_ROLE) == cid:
                self.tree.setCurrentItem(it)
                return

    def _emit(self, signal) -> None:
        cid = self.current_id()
        if cid:
            signal.emit(cid)

    def _clicked(self, item, _col=0) -> None:
        cs = self.status(item.data(0, CID_ROLE))
        if cs is not None:
            self.commentActivated.emit(cs)

    def _update_buttons(self, *_a) -> None:
        cs = self.status(self.current_id())
        self.reply_b.setEnabled(cs is not None)
        self.resolve_b.setEnabled(cs is not None and not cs.comment.resolved)
        self.reopen_b.setEnabled(cs is not None and cs.comment.resolved)
