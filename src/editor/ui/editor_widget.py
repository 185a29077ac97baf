"""The Markdown editor: a QPlainTextEdit with the findings drawn as a separate layer.

Findings (code-point offsets from the engine) become extra selections through
:class:`editor.ui.offsets.Utf16Map`. Each keeps a live ``QTextCursor``, so underlines move with the
text until the next check replaces them.
"""
from __future__ import annotations

import html
import re
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, QEvent, Qt, Signal
from PySide6.QtGui import QColor, QFont, QKeyEvent, QTextCharFormat, QTextCursor
from PySide6.QtWidgets import QMenu, QPlainTextEdit, QTextEdit, QToolTip

from editor.ui import labels
from editor.ui.highlighter import MarkdownHighlighter
from editor.ui.offsets import Utf16Map


@dataclass
class Mark:
    """One finding placed in the document."""
    finding: object
    cursor: QTextCursor

    @property
    def start(self) -> int:
        return self.cursor.selectionStart()

    @property
    def end(self) -> int:
        return self.cursor.selectionEnd()


MAX_WRAPPED_RUN = 20_000                  # characters without a space that Qt still wraps quickly
_UNBROKEN = re.compile(r"\S+")


def document_text(doc) -> str:
    """The document's exact text: ``toPlainText()`` would turn no-break spaces into spaces."""
    return doc.toRawText().replace("\u2029", "\n")


class PostEditor(QPlainTextEdit):
    explainRequested = Signal(object)      # finding
    addWordRequested = Signal(str)
    suggestionApplied = Signal(object, str)

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setObjectName("postEditor")
        self.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
        self.setTabChangesFocus(False)
        font = QFont()
        font.setPointSizeF(11.5)
        self.setFont(font)
        self.base_point_size = font.pointSizeF()
        self.document().setDocumentMargin(12)
        self.highlighter = MarkdownHighlighter(self.document())
        self.marks: list[Mark] = []
        self.marks_changed = False
        self._waived: tuple = ()
        self._formats: dict[str, QTextCharFormat] = {}
        self.zoom_steps = 0
        self.document().setModified(False)

    # -- text ------------------------------------------------------------------------------------
    def text(self) -> str:
        return document_text(self.document())

    def set_post_text(self, text: str) -> None:
        """Show ``text``; wrapping is turned off when it holds a very long run without a space,
        which Qt would lay out in quadratic time on the GUI thread (400,000 characters: 10 s)."""
        longest = max((m.end() - m.start() for m in _UNBROKEN.finditer(text)), default=0)
        self.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap if longest > MAX_WRAPPED_RUN
                             else QPlainTextEdit.LineWrapMode.WidgetWidth)
        self.setPlainText(text)

    def keyPressEvent(self, e: QKeyEvent) -> None:  # noqa: N802
        # Shift+Enter would insert a U+2028 line separator into the post: make it a newline.
        if e.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and \
                e.modifiers() & Qt.KeyboardModifier.ShiftModifier:
            self.textCursor().insertText("\n")
            return
        super().keyPressEvent(e)

    # -- zoom --------------------------------------------------------------------------------------
    def zoom(self, steps: int) -> None:
        self.zoom_steps = max(-6, min(12, self.zoom_steps + steps)) if steps else 0
        f = self.font()
        f.setPointSizeF(self.base_point_size * (1.1 ** self.zoom_steps))
        self.setFont(f)

    # -- findings layer ----------------------------------------------------------------------------
    def set_findings(self, findings, text: str) -> list[Mark]:
        """Place ``findings`` (offsets into ``text``, which is the current text).

        When the same findings stand at the same places as before (the usual case while typing
        elsewhere), the existing underlines are kept and only the findings are refreshed:
        :attr:`marks_changed` tells the window whether the panel needs rebuilding.
        """
        umap = Utf16Map(text)
        caret = self.textCursor().position()
        placed = []
        for f in findings:
            s, e = umap.to_utf16(f.start), umap.to_utf16(f.end)
            if f.category == "spelling" and e == caret and self.hasFocus():
                continue   # the word being typed is not underlined yet
            placed.append((f, s, e))
        old = self.marks
        # Accepted findings (review) are drawn differently: a change of decision repaints.
        waived = tuple(bool(getattr(f, "waived", False)) for f, _s, _e in placed)
        if len(old) == len(placed) and all(
                m.finding.rule == f.rule and m.finding.line == f.line and m.start == s
                and m.end == e for m, (f, s, e) in zip(old, placed)) \
                and waived == self._waived:
            for m, (f, _s, _e) in zip(old, placed):
                m.finding = f
            self.marks_changed = False
            return old
        doc = self.document()
        marks: list[Mark] = []
        for f, s, e in placed:
            c = QTextCursor(doc)
            c.setPosition(s)
            c.setPosition(e, QTextCursor.MoveMode.KeepAnchor)
            marks.append(Mark(f, c))
        self.marks = marks
        self._waived = waived
        self.marks_changed = True
        self._paint_marks()
        return marks

    def clear_findings(self) -> None:
        self.marks = []
        self._paint_marks()

    def _format(self, finding) -> QTextCharFormat:
        key = "spelling" if finding.category == "spelling" else \
            "accepted" if getattr(finding, "waived", False) else finding.severity
        fmt = self._formats.get(key)
        if fmt is None:
            fmt = QTextCharFormat()
            if key == "accepted":   # accepted with a reason: a discreet grey dotted underline
                fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.DotLine)
                fmt.setUnderlineColor(QColor(labels.ACCEPTED_COLOR))
            elif key == "spelling":
                fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.DotLine)
                fmt.setUnderlineColor(QColor(labels.SPELLING_COLOR))
            else:
                fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.WaveUnderline)
                fmt.setUnderlineColor(QColor(labels.SEVERITY_COLORS.get(key, "#1f6fd1")))
                if key == "error":
                    fmt.setBackground(QColor(208, 49, 45, 28))
            self._formats[key] = fmt
        return fmt

    def _paint_marks(self) -> None:
        sels = []
        for m in self.marks:
            sel = QTextEdit.ExtraSelection()
            sel.format = self._format(m.finding)
            sel.cursor = m.cursor
            sels.append(sel)
        self.setExtraSelections(sels)

    def marks_at(self, pos: int) -> list[Mark]:
        return [m for m in self.marks if m.start <= pos < m.end or (m.start == pos == m.end)]

    def select_mark(self, mark: Mark) -> None:
        c = QTextCursor(mark.cursor)
        self.setTextCursor(c)
        self.centerCursor()
        self.setFocus()

    def apply_suggestion(self, mark: Mark, replacement: str) -> None:
        c = QTextCursor(mark.cursor)
        if not c.hasSelection():
            return
        c.beginEditBlock()
        c.insertText(replacement)
        c.endEditBlock()
        self.marks = [m for m in self.marks if m is not mark]
        self._paint_marks()
        self.suggestionApplied.emit(mark.finding, replacement)

    # -- tooltips and context menu -------------------------------------------------------------------
    def event(self, e) -> bool:
        if e.type() == QEvent.Type.ToolTip:
            c = self.cursorForPosition(e.pos())
            marks = self.marks_at(c.position())
            if marks:
                QToolTip.showText(e.globalPos(), tooltip_html([m.finding for m in marks]), self)
            else:
                QToolTip.hideText()
                e.ignore()
            return True
        return super().event(e)

    def build_context_menu(self, pos) -> QMenu:
        menu = self.createStandardContextMenu(pos)
        c = self.cursorForPosition(pos)
        marks = self.marks_at(c.position())
        if not marks:
            return menu
        first = menu.actions()[0] if menu.actions() else None
        added = []
        for m in marks:
            f = m.finding
            choices = list(f.extra.get("suggestions") or []) if f.category == "spelling" else []
            if not choices and f.suggestion:
                choices = [f.suggestion]
            for s in choices[:5]:
                short = s if len(s) <= 60 else s[:57] + "…"
                a = menu.addAction(self.tr("Remplacer par « {s} »").format(s=short))
                a.triggered.connect(lambda _=False, m=m, s=s: self.apply_suggestion(m, s))
                added.append(a)
            if f.category == "spelling":
                a = menu.addAction(self.tr("Ajouter au dictionnaire"))
                a.triggered.connect(lambda _=False, w=f.text: self.addWordRequested.emit(w))
                added.append(a)
            else:
                a = menu.addAction(self.tr("Expliquer la règle"))
                a.triggered.connect(lambda _=False, f=f: self.explainRequested.emit(f))
                added.append(a)
        for a in added:
            menu.removeAction(a)
        if first is not None:
            menu.insertActions(first, added)
            menu.insertSeparator(first)
        else:
            menu.addActions(added)
        return menu

    def contextMenuEvent(self, e) -> None:  # noqa: N802
        menu = self.build_context_menu(e.pos())
        menu.exec(e.globalPos())
        menu.deleteLater()


def tooltip_html(findings) -> str:
    parts = []
    for f in findings:
        color = labels.SPELLING_COLOR if f.category == "spelling" else \
            labels.SEVERITY_COLORS.get(f.severity, "#1f6fd1")
        head = f"{labels.severity(f.severity)} · {labels.category(f.category)}"
        p = [f'<b style="color:{color}">{html.escape(head)}</b>', html.escape(f.message)]
        if getattr(f, "waived", False):
            p.append("<i>" + html.escape(QCoreApplication.translate(
                "PostEditor", "Accepté lors de la relecture (motif enregistré).")) + "</i>")
        if f.reference:
            p.append(f"<i>{html.escape(f.reference)}</i>")
        sugg = f.extra.get("suggestions") if f.category == "spelling" else None
        s = ", ".join(sugg[:5]) if sugg else f.suggestion
        if s:
            p.append(QCoreApplication.translate("PostEditor", "Suggestion : {s}").format(s=html.escape(s)))
        parts.append("<br>".join(p))
    return "<qt>" + "<hr>".join(parts) + "</qt>"
