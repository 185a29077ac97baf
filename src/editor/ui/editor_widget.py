"""The Markdown editor: a QPlainTextEdit with the findings drawn as a separate layer.

Findings (code-point offsets from the engine) become extra selections through
:class:`editor.text.utf16.Utf16Map`. Each keeps a live ``QTextCursor``, so underlines move with the
text until the next check replaces them.

The post's front matter stays in the document (so every offset, the undo history and the saved file
are those of the whole file) but its lines are hidden: the title and networks are edited in the
:class:`editor.ui.front_matter_bar.FrontMatterBar` above the text, which rewrites those lines as an
ordinary (undoable) edit. The cursor and selections never enter the hidden lines. A front matter
whose YAML is broken stays visible, to be corrected as text.
"""
from __future__ import annotations

import html
import logging
import re
from collections.abc import Set
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, QEvent, Qt, Signal
from PySide6.QtGui import QColor, QFont, QKeyEvent, QPalette, QTextCharFormat, QTextCursor
from PySide6.QtWidgets import QMenu, QPlainTextEdit, QTextEdit, QToolTip

from editor.document.post import (
    FrontMatter,
    FrontMatterEditError,
    parse_front_matter,
    set_front_matter,
)
from editor.review.items import group_key
from editor.text.utf16 import Utf16Map
from editor.ui import labels
from editor.ui.highlighter import MarkdownHighlighter

log = logging.getLogger(__name__)

@dataclass
class Mark:
    """One finding placed in the document."""
    finding: object
    cursor: QTextCursor
    selection: object = None      # its ExtraSelection once drawn, and the format drawn with
    drawn: object = None          # (kept while the look stays: redrawing only what changed)

    @property
    def start(self) -> int:
        return self.cursor.selectionStart()

    @property
    def end(self) -> int:
        return self.cursor.selectionEnd()


MAX_WRAPPED_RUN = 20_000                  # characters without a space that Qt still wraps quickly
_UNBROKEN = re.compile(r"\S+")


MAX_FRONT_MATTER_LINES = 400         # a front matter is a few lines: never scan a whole long post


def document_text(doc) -> str:
    """The document's exact text: ``toPlainText()`` would turn no-break spaces into spaces."""
    return doc.toRawText().replace("\u2029", "\n")


class PostEditor(QPlainTextEdit):
    explainRequested = Signal(object)      # finding
    addWordRequested = Signal(str)
    suggestionApplied = Signal(object, str)
    decisionRequested = Signal(str, object)   # "accept" | "send_back", a finding of the problem
    frontMatterChanged = Signal()          # the front matter was read again (title, networks…)
    frontMatterRequested = Signal(object)  # marks lying in the hidden front matter were chosen

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
        self.setBackgroundRole(QPalette.ColorRole.Base)     # under the viewport's top margin
        self.setAutoFillBackground(True)
        self.highlighter = MarkdownHighlighter(self.document())
        self.marks: list[Mark] = []
        self.marks_changed = False
        self.accepted: Set[str] = frozenset()   # ids of the findings accepted in the review
        self._accepted_marks: tuple[bool, ...] = ()
        self._formats: dict[str, QTextCharFormat] = {}
        self.zoom_steps = 0
        # The front matter: its text (code points), where it ends in the document (UTF-16) and
        # where the shown text begins (``head_end`` when hidden, else 0).
        self.front_matter: FrontMatter | None = None
        self.front_matter_text = ""
        self.front_matter_error: str | None = None     # French, shown by the bar
        self.front_matter_editable = True              # False: YAML the bar cannot rewrite
        self.head_end = 0
        self.body_start = 0
        self._recheck_head = False      # shown front matter to hide once the cursor leaves it
        self._bar_edit = False
        self._clamping = False
        self._in_change = False
        self.document().contentsChange.connect(self._front_matter_change)
        self.cursorPositionChanged.connect(self._keep_out_of_front_matter)
        self.selectionChanged.connect(self._keep_out_of_front_matter)
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

    def body_text(self) -> str:
        """The text shown in the editor: the post without its hidden front matter."""
        text = self.text()
        return text[len(self.front_matter_text):] if self.body_start else text

    # -- front matter ------------------------------------------------------------------------------
    def _scan_head(self):
        """``(end, text, closed_at_end)`` of the front matter at the top of the document, or
        None. Only its first lines are read, never the whole post."""
        doc = self.document()
        block = doc.firstBlock()
        first = block.text()
        if first.lstrip("\ufeff").rstrip(" \t") != "---":
            return None
        parts = [first]
        block = block.next()
        while block.isValid() and len(parts) < MAX_FRONT_MATTER_LINES:
            t = block.text()
            parts.append(t)
            if t.rstrip(" \t") in ("---", "..."):
                nxt = block.next()
                if not nxt.isValid():       # nothing below the front matter to write in
                    return doc.characterCount() - 1, "\n".join(parts), True
                return nxt.position(), "\n".join(parts) + "\n", False
            block = block.next()
        return None

    def refresh_front_matter(self, allow_hide: bool = True) -> None:
        """Read the front matter again, hide its lines when its YAML is sound (``allow_hide``),
        and tell the bar (:attr:`frontMatterChanged`)."""
        head = self._scan_head()
        hide_to = 0
        if head is None:
            self.front_matter, self.front_matter_text, self.head_end = None, "", 0
            self.front_matter_error, self.front_matter_editable = None, True
            self._recheck_head = False
        else:
            end, text, closed_at_end = head
            fm = parse_front_matter(text)
            sound = fm.end == len(text) and (fm.error is None or bool(fm.data))
            self.front_matter, self.front_matter_text, self.head_end = fm, text, end
            self.front_matter_error = fm.error_fr
            self.front_matter_editable = sound
            if sound and not closed_at_end and allow_hide:
                hide_to = end
            self._recheck_head = not hide_to
        self._set_hidden(hide_to)
        self.frontMatterChanged.emit()

    def _set_hidden(self, end: int) -> None:
        """Hide the blocks before ``end`` and show the ones after it that were hidden."""
        doc = self.document()
        block = doc.firstBlock()
        dirty = 0
        while block.isValid():
            hide = block.position() < end
            if not hide and block.isVisible():
                break
            if block.isVisible() == hide:
                block.setVisible(not hide)
                block.setLineCount(0 if hide else max(1, block.layout().lineCount()))
                dirty = block.position() + block.length()
            block = block.next()
        self.body_start = end
        # QPlainTextEdit leaves the document's top margin above the first block only: with the
        # front matter hidden it is drawn above the first shown line instead (in the base colour).
        top = int(doc.documentMargin()) if end else 0
        if self.viewportMargins().top() != top:
            self.setViewportMargins(0, top, 0, 0)
        if dirty:
            doc.markContentsDirty(0, min(dirty, doc.characterCount()))
            if not self._in_change:
                # Outside an edit the view keeps its first line: have it found again (the
                # scroll bar's own signal, which QPlainTextEdit reads its top line from).
                bar = self.verticalScrollBar()
                bar.valueChanged.emit(bar.value())
            self.viewport().update()
        if end:
            self._keep_out_of_front_matter()

    def _front_matter_change(self, pos: int, removed: int, added: int) -> None:
        if not (removed or added):
            return
        whole = pos == 0 and added >= self.document().characterCount() - 1
        self._in_change = True
        try:
            if whole or self._bar_edit or pos < self.body_start:
                # A new text (opened, reloaded, restored, undone) or an edit of the front
                # matter (the bar, Ctrl+Z, a replacement in the title).
                self.refresh_front_matter(
                    allow_hide=whole or self._bar_edit or bool(self.body_start))
            elif self.front_matter is not None and not self.body_start and pos <= self.head_end:
                self.refresh_front_matter(allow_hide=False)   # typed in a front matter shown
        finally:
            self._in_change = False

    def _keep_out_of_front_matter(self) -> None:
        """The cursor and the selection stay in the shown text (Ctrl+Home, Up, Ctrl+A…)."""
        if self._clamping:
            return
        c = self.textCursor()
        if self._recheck_head and not self.body_start:
            # A front matter shown as text (broken YAML being corrected): hidden again once the
            # cursor has left it.
            if min(c.anchor(), c.position()) >= self.head_end and self.head_end:
                self._recheck_head = False
                self.refresh_front_matter(allow_hide=True)
            return
        start = self.body_start
        if not start or (c.anchor() >= start and c.position() >= start):
            return
        anchor, pos = max(c.anchor(), start), max(c.position(), start)
        c.setPosition(anchor)
        c.setPosition(pos, QTextCursor.MoveMode.KeepAnchor)
        self._clamping = True
        try:
            self.setTextCursor(c)
        finally:
            self._clamping = False

    def set_front_matter_values(self, **values) -> bool:
        """Set front-matter keys (``title="…"``, ``networks=[…]``) as one edit of the document:
        undoable with the text (Ctrl+Z), marks the post modified, creates the front matter when
        the post has none. False (logged, and :attr:`front_matter_error` set) when the front
        matter cannot be rewritten."""
        if not self.front_matter_editable:
            return False
        old = self.front_matter_text
        try:
            new = set_front_matter(old, **values)
        except FrontMatterEditError as exc:
            log.warning("front matter not changed: %s", exc)
            self.front_matter_error = QCoreApplication.translate(
                "PostEditor", "l’en-tête ne peut pas être modifié ici\u00a0: corrigez-le dans le "
                              "texte")
            self.frontMatterChanged.emit()
            return False
        if new == old:
            return True
        # Only what differs is replaced, so that typing a title merges into one undo step.
        p = 0
        limit = min(len(old), len(new))
        while p < limit and old[p] == new[p]:
            p += 1
        s = 0
        while s < limit - p and old[len(old) - 1 - s] == new[len(new) - 1 - s]:
            s += 1
        umap = Utf16Map(old)
        c = QTextCursor(self.document())
        c.setPosition(umap.to_utf16(p))
        c.setPosition(umap.to_utf16(len(old) - s), QTextCursor.MoveMode.KeepAnchor)
        self._bar_edit = True
        try:
            c.insertText(new[p:len(new) - s])
        finally:
            self._bar_edit = False
        return True

    def front_matter_marks(self) -> list[Mark]:
        """The marks lying in the hidden front matter (shown by the bar, not in the text)."""
        start = self.body_start
        return [m for m in self.marks if m.start < start] if start else []

    def keyPressEvent(self, e: QKeyEvent) -> None:  # noqa: N802
        if e.key() == Qt.Key.Key_Backspace and self.body_start:
            c = self.textCursor()
            if not c.hasSelection() and c.position() <= self.body_start:
                return      # would join the first line to the hidden front matter
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
    def set_findings(self, findings, text: str, accepted: Set[str] = frozenset()) -> list[Mark]:
        """Place ``findings`` (offsets into ``text``, which is the current text); those whose id
        is in ``accepted`` (accepted in the review) are drawn greyed.

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
        self.accepted = accepted
        flags = tuple(f.id in accepted for f, _s, _e in placed)
        # Where the underlines stand now (they followed the edits): read once.
        spans = [(m.finding.rule, m.cursor.selectionStart(), m.cursor.selectionEnd())
                 for m in old]
        if len(old) == len(placed) and flags == self._accepted_marks and all(
                sp == (f.rule, s, e) and m.finding.line == f.line
                for sp, m, (f, s, e) in zip(spans, old, placed)):
            for m, (f, _s, _e) in zip(old, placed):
                m.finding = f
            self.marks_changed = False
            return old
        doc = self.document()
        # A finding still where an underline of its rule stands keeps that underline's cursor
        # (it followed the edits); only new places get one.
        kept = {sp: m for sp, m in zip(spans, old)}
        marks: list[Mark] = []
        for f, s, e in placed:
            k = kept.pop((f.rule, s, e), None)
            if k is None:
                c = QTextCursor(doc)
                c.setPosition(s)
                c.setPosition(e, QTextCursor.MoveMode.KeepAnchor)
                marks.append(Mark(f, c))
            else:
                marks.append(Mark(f, k.cursor, k.selection, k.drawn))
        self.marks = marks
        self._accepted_marks = flags
        self.marks_changed = True
        self._paint_marks()
        return marks

    def clear_findings(self) -> None:
        self.marks = []
        self._paint_marks()

    def _format(self, finding) -> QTextCharFormat:
        key = "spelling" if finding.category == "spelling" else \
            "accepted" if finding.id in self.accepted else finding.severity
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
            fmt = self._format(m.finding)
            sel = m.selection
            if sel is None or m.drawn is not fmt:
                sel = QTextEdit.ExtraSelection()
                sel.format = fmt
                sel.cursor = m.cursor       # shares the mark's place: it follows the edits
                m.selection, m.drawn = sel, fmt
            sels.append(sel)
        self.setExtraSelections(sels)

    def marks_at(self, pos: int) -> list[Mark]:
        return [m for m in self.marks if m.start <= pos < m.end or (m.start == pos == m.end)]

    def select_mark(self, mark: Mark) -> None:
        if self.body_start and mark.end <= self.body_start:
            self.frontMatterRequested.emit([mark])     # in the title: the bar shows it
            return
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
        if self.body_start and all(m.end <= self.body_start for m in marks):
            self.frontMatterRequested.emit(marks)
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

    # -- tooltips and context menu -----------------------------------------------------------------
    def viewportEvent(self, e) -> bool:  # noqa: N802 - Qt API
        """The findings under the pointer as a tooltip. Tooltip events go to the viewport (the
        text's area), whose position ``cursorForPosition`` takes; the editor's own events
        (each key press) never pass through Python here."""
        if e.type() == QEvent.Type.ToolTip:
            c = self.cursorForPosition(e.pos())
            marks = self.marks_at(c.position())
            if marks:
                tip = tooltip_html([m.finding for m in marks], self.accepted)
                QToolTip.showText(e.globalPos(), tip, self.viewport())
            else:
                QToolTip.hideText()
                e.ignore()
            return True
        return super().viewportEvent(e)

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
            added.extend(self._finding_actions(menu, m))
        added.extend(self._decision_actions(menu, marks))
        for a in added:
            menu.removeAction(a)
        if first is not None:
            menu.insertActions(first, added)
            menu.insertSeparator(first)
        else:
            menu.addActions(added)
        return menu

    def _finding_actions(self, menu: QMenu, m: Mark) -> list:
        """The context menu's actions for the finding of ``m`` (added to ``menu``): its
        replacements, then « Ajouter au dictionnaire » (spelling) or its advice (greyed) and
        « Expliquer la règle »."""
        f = m.finding
        added = []
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
            return added
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
        return added

    def _decision_actions(self, menu: QMenu, marks: list[Mark]) -> list:
        """« Accepter… » and « Renvoyer à l’auteur… » once per problem (item, by group) among
        the findings of ``marks`` (spelling apart), added to ``menu``."""
        added = []
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
        return added

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


def tooltip_html(findings, accepted: Set[str] = frozenset()) -> str:
    """The tooltip of the findings under the pointer (``accepted``: ids accepted in the review)."""
    parts = []
    for f in findings:
        color = labels.SPELLING_COLOR if f.category == "spelling" else \
            labels.SEVERITY_COLORS.get(f.severity, "#1f6fd1")
        head = f"{labels.severity(f.severity)} · {labels.category(f.category)}"
        p = [f'<b style="color:{color}">{html.escape(head)}</b>', html.escape(f.message)]
        if f.id in accepted:
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
