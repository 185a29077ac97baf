"""Findings drawn as cards: the passage, its reasons in plain words, the review decision, and
links for what can be done (Expliquer, Remplacer, Accepter…, Renvoyer…).

A :class:`CardDelegate` paints each row of a QTreeWidget that carries a :class:`Card` (rows
without one, such as group headings, are drawn as usual), sizes it to the list's width and turns a
click on a link into :attr:`CardDelegate.actionClicked`. Painting costs the same for 10 cards or
1,000: nothing is built per card but the row (no widget per card).

A row's height is stored on the row (:meth:`CardDelegate.set_size`, again for every row when the
list's width changes), not answered by a Python ``sizeHint``: laying out the list asks every row's
size, and a Python call per row made each layout wait for the checking and preview workers (the
interpreter's lock) hundreds of times.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from PySide6.QtCore import QEvent, QRect, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter, QPen
from PySide6.QtWidgets import QStyle, QStyledItemDelegate

CARD_ROLE = Qt.ItemDataRole.UserRole + 7

PAD = 8          # inside a card
ACCENT = 4       # the severity bar on the left
SPACING = 3      # between cards (top and bottom)
LINE_GAP = 3     # between the blocks of a card
LINK_GAP = 14    # between two links
LINK_COLOR = "#1f5fbf"
MAX_HEIGHTS = 20_000     # remembered card heights (by content and width)


@dataclass
class Card:
    passage: str                                   # quoted, on one line
    reasons: list[tuple[str, str]]                 # (message, colour)
    decision: str = ""
    decision_color: str = "#666666"
    actions: list[tuple[str, str]] = field(default_factory=list)   # (key, link text)
    accent: str = "#333333"
    muted: bool = False                            # accepted: drawn greyed


@dataclass
class _Layout:
    blocks: list[tuple[QRect, str, QFont, str]]    # rect, text, font, colour
    links: list[tuple[QRect, str, str]]            # rect, key, text
    height: int


class CardDelegate(QStyledItemDelegate):
    actionClicked = Signal(str, str)     # the row's key (ITEM_KEY_ROLE), the action's key

    def __init__(self, view, key_role) -> None:
        super().__init__(view)
        self.view = view
        self.key_role = key_role
        self._width = 0
        self._heights: dict[tuple, int] = {}
        # A card kept from one check to the next answers from here, without its content key.
        self._by_card: dict[int, tuple[Card, int, str, QSize]] = {}
        view.viewport().installEventFilter(self)
        self._relayout = QTimer(self)
        self._relayout.setSingleShot(True)
        self._relayout.setInterval(30)
        self._relayout.timeout.connect(self.update_sizes)

    # -- geometry -------------------------------------------------------------------------------
    def _fonts(self, base: QFont) -> tuple[QFont, QFont, QFont, QFont]:
        bold = QFont(base)
        bold.setBold(True)
        italic = QFont(base)
        italic.setItalic(True)
        link = QFont(base)
        link.setUnderline(True)
        return bold, base, italic, link

    def layout(self, card: Card, rect: QRect, font: QFont) -> _Layout:
        """Where each part of ``card`` goes inside ``rect`` (its top-left and width)."""
        bold, plain, italic, link = self._fonts(font)
        x = rect.left() + ACCENT + PAD
        width = max(80, rect.width() - ACCENT - 2 * PAD)
        y = rect.top() + PAD
        blocks = []

        def block(text: str, f: QFont, color: str) -> None:
            nonlocal y
            h = QFontMetrics(f).boundingRect(QRect(0, 0, width, 100_000),
                                             int(Qt.TextFlag.TextWordWrap), text).height()
            blocks.append((QRect(x, y, width, h), text, f, color))
            y += h + LINE_GAP
        block(card.passage, bold, "#1a1a1a" if not card.muted else "#8a8a8a")
        for text, color in card.reasons:
            block(f"• {text}", plain, color)
        if card.decision:
            block(card.decision, italic, card.decision_color)
        links = []
        if card.actions:
            fm = QFontMetrics(link)
            lx, line_h = x, fm.height()
            for key, text in card.actions:
                w = fm.horizontalAdvance(text) + 2
                if lx > x and lx + w > x + width:
                    lx, y = x, y + line_h + LINE_GAP
                links.append((QRect(lx, y, w, line_h), key, text))
                lx += w + LINK_GAP
            y += line_h + LINE_GAP
        return _Layout(blocks, links, y - rect.top() - LINE_GAP + PAD)

    def _card_rect(self, rect: QRect) -> QRect:
        return rect.adjusted(2, SPACING, -2, -SPACING)

    def size_for(self, card: Card, indented: bool = False) -> QSize:
        """The size of the row of ``card`` at the list's width (less the indentation of a row
        under a heading)."""
        width = self.view.viewport().width() - (self.view.indentation() if indented else 0)
        font = self.view.font()
        font_key = font.key()
        hit = self._by_card.get(id(card))
        if hit is not None and hit[0] is card and hit[1] == width and hit[2] == font_key:
            return hit[3]
        # The list is laid out again after every check: the same cards keep their heights.
        key = (card.passage, tuple(card.reasons), card.decision, tuple(card.actions), width,
               font_key)
        height = self._heights.get(key)
        if height is None:
            if len(self._heights) > MAX_HEIGHTS:
                self._heights.clear()
            height = self.layout(card, QRect(0, 0, max(width, 160) - 4, 0), font).height
            self._heights[key] = height
        if len(self._by_card) > MAX_HEIGHTS:
            self._by_card.clear()
        size = QSize(width, height + 2 * SPACING)
        self._by_card[id(card)] = (card, width, font_key, size)    # the card kept: its id too
        return QSize(size)

    def set_size(self, row, indented: bool = False) -> None:
        """Store the height of ``row`` (a QTreeWidgetItem) for its card, if it has one."""
        card = row.data(0, CARD_ROLE)
        if card is not None:
            row.setSizeHint(0, self.size_for(card, indented))

    def update_sizes(self) -> None:
        """The list's width changed: every card's height follows, then one layout."""
        tree = self.view
        for i in range(tree.topLevelItemCount()):
            top = tree.topLevelItem(i)
            self.set_size(top)
            for j in range(top.childCount()):
                self.set_size(top.child(j), indented=True)
        tree.doItemsLayout()

    # -- painting --------------------------------------------------------------------------------
    def paint(self, painter: QPainter, option, index) -> None:
        card = index.data(CARD_ROLE)
        if card is None:
            super().paint(painter, option, index)
            return
        r = self._card_rect(option.rect)
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(QPen(QColor("#1f6fd1" if selected else "#d5d5d5"), 1.5 if selected else 1))
        painter.setBrush(QColor("#eef4fd" if selected else "#f6f6f6" if card.muted else "#ffffff"))
        painter.drawRoundedRect(r, 5, 5)
        painter.fillRect(QRect(r.left() + 1, r.top() + 1, ACCENT, r.height() - 1),
                         QColor(card.accent))
        lay = self.layout(card, r, option.font)
        for rect, text, f, color in lay.blocks:
            painter.setFont(f)
            painter.setPen(QColor(color))
            painter.drawText(rect, int(Qt.TextFlag.TextWordWrap), text)
        painter.setFont(self._fonts(option.font)[3])
        painter.setPen(QColor(LINK_COLOR))
        for rect, _key, text in lay.links:
            painter.drawText(rect, int(Qt.AlignmentFlag.AlignLeft), text)
        painter.restore()

    def link_rect(self, visual: QRect, card: Card, key: str, font: QFont) -> QRect | None:
        """Where the link ``key`` of ``card`` is drawn, for a row shown at ``visual``."""
        for rect, k, _t in self.layout(card, self._card_rect(visual), font).links:
            if k == key:
                return rect
        return None

    # -- clicks on links -------------------------------------------------------------------------
    def editorEvent(self, event, model, option, index) -> bool:  # noqa: N802 - Qt API
        card = index.data(CARD_ROLE)
        if card is None or event.type() != QEvent.Type.MouseButtonRelease \
                or event.button() != Qt.MouseButton.LeftButton:
            return False
        pos = event.position().toPoint()
        for rect, key, _t in self.layout(card, self._card_rect(option.rect), option.font).links:
            if rect.contains(pos):
                row_key = index.data(self.key_role)
                # After this event returns: the action may rebuild the list (or open a dialog).
                QTimer.singleShot(0, lambda k=row_key, a=key: self.actionClicked.emit(k, a))
                return True
        return False

    def eventFilter(self, obj, event) -> bool:  # noqa: N802 - Qt API
        if event.type() == QEvent.Type.Resize and obj is self.view.viewport():
            width = obj.width()
            if width != self._width:        # cards wrap: heights follow the width
                self._width = width
                self._relayout.start()
        return False
