"""The Markdown editor: a QPlainTextEdit with the findings drawn as a separate layer.

Findings (code-point offsets from the engine) become extra selections through
:class:`editor.ui.offsets.Utf16Map`. Each keeps a live ``QTextCursor``, so underlines move with the
text until the next check replaces them.
"""
from __future__ import annotations

import html
import logging
import re
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, QEvent, Qt, Signal
from PySide6.QtGui import QColor, QFont, QKeyEvent, QTextCharFormat, QTextCursor
from PySide6.QtWidgets import QMenu, QPlainTextEdit, QTextEdit, QToolTip

from editor.review.items import group_key
from editor.ui import labels
from editor.ui.highlighter import MarkdownHighlighter
from editor.ui.offsets import Utf16Map

log = logging.getLogger(__name__)

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
    decisionRequested = Signal(str, object)   # "accept" | "send_back", a finding of the problem

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

    def select_marks(self, marks) -> None:
        """Select the passage the ``marks`` of one item cover together (one problem)."""
        marks = list(marks)
        if not marks:
            return
        if len(marks) == 1:
            self.select_mark(marks[0])
            return
        c = QTextCursor(self.document())
        c.setPosition(min(m.start for m in marks))
        c.setPosition(max(m.end for m in marks), QTextCursor.MoveMode.KeepAnchor)
        self.setTextCursor(c)
        self.centerCursor()
        self.setFocus()

    def apply_suggestion(self, mark: Mark, replacement: str) -> bool:
        """Put ``replacement`` in place of ``mark``'s passage, as one undoable edit.

        Only what :func:`replacements` offers for the finding is ever inserted (a spelling
        suggestion, or the drop-in its rule declares): a rule's advice never is. Nothing happens
        when the passage changed since the check. An empty replacement deletes the passage with
        one space beside it, so that no double space is left.
        """
        f = mark.finding
        if replacement not in replacements(f):
            log.warning("refused to insert %r for %s: not a declared replacement", replacement,
                        f.rule)
            return False
        c = QTextCursor(mark.cursor)
        if not c.hasSelection() or c.selectedText().replace("\u2029", "\n") != f.text:
            return False
        start, end = c.selectionStart(), c.selectionEnd()
        if replacement == "":
            start, end = _deletion_span(self.document(), start, end)
        c.setPosition(start)
        c.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
        c.beginEditBlock()
        if replacement:
            c.insertText(replacement)
        else:
            c.removeSelectedText()
        c.endEditBlock()
        self.marks = [m for m in self.marks if m is not mark]
        self._paint_marks()
        self.suggestionApplied.emit(f, replacement)
        return True

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
        """The standard menu, preceded for each finding under the pointer by: « Remplacer par
        « … » » (spelling suggestions, or the rule's declared drop-in; « Supprimer « … » » when
        it is empty), the rule's advice as a greyed line (never inserted), and « Expliquer la
        règle » or « Ajouter au dictionnaire »; then, once per problem (item), « Accepter… » and
        « Renvoyer à l’auteur… » (:attr:`decisionRequested`), as on its card."""
        menu = self.createStandardContextMenu(pos)
        menu.setToolTipsVisible(True)
        c = self.cursorForPosition(pos)
        marks = self.marks_at(c.position())
        if not marks:
            return menu
        first = menu.actions()[0] if menu.actions() else None
        added = []
        for m in marks:
            f = m.finding
            for s in replacements(f):
                if s:
                    a = menu.addAction(self.tr("Remplacer par «\u00a0{s}\u00a0»").format(
                        s=_short(s)))
                else:
                    a = menu.addAction(self.tr("Supprimer «\u00a0{s}\u00a0»").format(
                        s=_short(f.text)))
                a.setObjectName("replaceAction")
                a.triggered.connect(lambda _=False, m=m, s=s: self.apply_suggestion(m, s))
                added.append(a)
            if f.category == "spelling":
                a = menu.addAction(self.tr("Ajouter au dictionnaire"))
                a.triggered.connect(lambda _=False, w=f.text: self.addWordRequested.emit(w))
                added.append(a)
                continue
            if f.suggestion:
                # Advice (« Les honoraires sont indiqués… ») is read, not inserted.
                a = menu.addAction(self.tr("Conseil\u00a0: {s}").format(s=_short(f.suggestion)))
                a.setObjectName("adviceAction")
                a.setToolTip(f.suggestion)
                a.setEnabled(False)
                added.append(a)
            a = menu.addAction(self.tr("Expliquer la règle"))
            a.triggered.connect(lambda _=False, f=f: self.explainRequested.emit(f))
            added.append(a)
        # One decision per problem: the findings under the pointer, by item (group).
        groups = list(dict.fromkeys(group_key(m.finding) for m in marks
                                    if m.finding.category != "spelling"))
        for g in groups:
            f = next(m.finding for m in marks if group_key(m.finding) == g)
            which = "" if len(groups) == 1 else f" («\u00a0{_short(f.text)}\u00a0»)"
            a = menu.addAction(self.tr("Accepter…") + which)
            a.setObjectName("acceptAction")
            a.triggered.connect(lambda _=False, f=f: self.decisionRequested.emit("accept", f))
            added.append(a)
            a = menu.addAction(self.tr("Renvoyer à l’auteur…") + which)
            a.setObjectName("sendBackAction")
            a.triggered.connect(lambda _=False, f=f: self.decisionRequested.emit("send_back", f))
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


MENU_CHARS = 60     # longest replacement or advice quoted in a menu entry


def _short(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= MENU_CHARS else text[:MENU_CHARS - 1] + "…"


def replacements(finding) -> list[str]:
    """What « Remplacer par » may put in place of ``finding``'s passage: the spelling
    suggestions of an unknown word (at most 5), or the drop-in its rule declares (``""``:
    delete). A rule's ``suggestion`` is advice and is never among them."""
    if finding.category == "spelling":
        sugg = finding.extra.get("suggestions") or ([finding.suggestion] if finding.suggestion
                                                   else [])
        return [s for s in sugg if s][:5]
    r = getattr(finding, "replacement", None)
    return [] if r is None else [r]


_SPACES = (" ", "\t")
_CLOSERS = ".,;:!?)]}»…\u00a0\u202f\u2029"


def _deletion_span(doc, start: int, end: int) -> tuple[int, int]:
    """Widen a deletion by one space so that « le N°1 de » → « le de », « le N°1. » → « le. »."""
    before = doc.characterAt(start - 1) if start > 0 else "\u2029"
    after = doc.characterAt(end) if end < doc.characterCount() - 1 else "\u2029"
    if after in _SPACES and (before in _SPACES or before == "\u2029"):
        return start, end + 1
    if before in _SPACES and after in _CLOSERS:
        return start - 1, end
    return start, end


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
        if f.category == "spelling":
            sugg = replacements(f)
            if sugg:
                p.append(QCoreApplication.translate("PostEditor", "Suggestions\u00a0: {s}").format(
                    s=html.escape(", ".join(sugg))))
        else:
            if f.suggestion:
                p.append(QCoreApplication.translate("PostEditor", "Conseil\u00a0: {s}").format(
                    s=html.escape(f.suggestion)))
            r = getattr(f, "replacement", None)
            if r is not None:
                p.append(html.escape(QCoreApplication.translate(
                    "PostEditor", "Remplacement proposé\u00a0: «\u00a0{s}\u00a0»").format(s=r)
                    if r else QCoreApplication.translate(
                        "PostEditor", "Remplacement proposé\u00a0: supprimer le passage")))
        parts.append("<br>".join(p))
    return "<qt>" + "<hr>".join(parts) + "</qt>"
