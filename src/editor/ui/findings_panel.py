"""The findings list, the window's only one: a card per problem (an item: the findings on one
passage, see :mod:`editor.review.items`) with the passage once, its reasons in plain words, the
review decision and what can be done (Expliquer · Remplacer when the rule declares a drop-in ·
Accepter… · Renvoyer… · Retirer la décision; for a misspelling Remplacer · Ajouter au
dictionnaire). The same actions are in the card's right-click menu. Cards are in document order,
grouped or filtered by severity and category, with counts. Clicking a card selects its passage in
the editor; F8 / Maj+F8 walk through them (:meth:`FindingsPanel.step`).

The panel only asks: :attr:`FindingsPanel.actionRequested` carries ``(action, item)`` to the
window, which explains, replaces or records the decision (through the review panel).
"""
from __future__ import annotations

from collections.abc import Set

from PySide6.QtCore import QPoint, Qt, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QMenu,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from editor.compliance.findings import SEVERITY_ORDER
from editor.review.items import Item, ItemCounts, counts_of_items, group_items
from editor.ui import labels
from editor.ui.editor_widget import replacements
from editor.ui.finding_cards import CARD_ROLE, Card, CardDelegate
from editor.ui.item_rows import item_color, item_label, item_tooltip, quoted, summary
from editor.ui.review_panel import decision_label
from editor.ui.richtext import plain_tooltip

GROUP_NONE, GROUP_SEVERITY, GROUP_CATEGORY = 0, 1, 2
KEY_ROLE = Qt.ItemDataRole.UserRole + 2        # the item's group id (None: a heading)


def _short(text: str, n: int = 40) -> str:
    text = " ".join(text.split())
    return text if len(text) <= n else text[:n - 1] + "…"


class FindingsPanel(QWidget):
    itemActivated = Signal(object)        # list[Mark]: the marks of one item, in document order
    actionRequested = Signal(str, object)  # action key, Item

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setObjectName("findingsPanel")
        self.marks = []
        self.problems: list[Item] = []          # items, in document order
        self._marks_of: dict[str, list] = {}    # item group -> its marks
        self._index: dict[str, int] = {}        # item group -> its place in ``problems``
        self.statuses: dict = {}                # item group -> ItemStatus (review)
        self.accepted: Set[str] = frozenset()   # ids of the findings accepted in the review
        self._cards: dict[str, Card] = {}
        self._counted: tuple | None = None      # (problems, accepted, their counts)
        # In document order (no grouping) each shown item keeps its row from one check to the
        # next: item group -> row, and what the row shows (see _rebuild).
        self._rows: dict[str, QTreeWidgetItem] = {}
        self._shown: dict[str, tuple] = {}
        self._shown_mode: int | None = None     # the grouping the tree holds (None: rebuild)
        self.can_decide = False                 # the review accepts decisions now
        self.summary = QLabel()
        self.summary.setObjectName("findingsSummary")
        self.summary.setWordWrap(True)
        self.group = QComboBox()
        self.group.addItems([self.tr("Ordre du texte"), self.tr("Par gravité"),
                             self.tr("Par catégorie")])
        self.group.setCurrentIndex(GROUP_NONE)
        self.severity_filter = QComboBox()
        self.severity_filter.addItem(self.tr("Toutes gravités"), "")
        for s in ("error", "warning", "info"):
            self.severity_filter.addItem(labels.severity(s, plural=True), s)
        self.category_filter = QComboBox()
        self.category_filter.addItem(self.tr("Toutes catégories"), "")
        self.tree = QTreeWidget()
        self.tree.setObjectName("findingsTree")
        self.tree.setColumnCount(2)             # 0: the card, 1: its decision (for tests, a11y)
        self.tree.setColumnHidden(1, True)
        self.tree.setHeaderHidden(True)
        self.tree.setRootIsDecorated(False)
        self.tree.setIndentation(8)
        self.tree.setUniformRowHeights(False)
        self.tree.setWordWrap(True)
        self.tree.setVerticalScrollMode(QTreeWidget.ScrollMode.ScrollPerPixel)
        self.tree.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.tree.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.delegate = CardDelegate(self.tree, KEY_ROLE)
        self.tree.setItemDelegateForColumn(0, self.delegate)
        self.delegate.actionClicked.connect(self._link_clicked)
        self.tree.customContextMenuRequested.connect(self._context_menu)
        self.tree.itemActivated.connect(self._activated)
        self.tree.itemClicked.connect(self._activated)
        top = QHBoxLayout()
        top.addWidget(self.group)
        top.addWidget(self.severity_filter)
        top.addWidget(self.category_filter)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(4, 4, 4, 4)
        lay.addWidget(self.summary)
        lay.addLayout(top)
        lay.addWidget(self.tree)
        for combo in (self.group, self.severity_filter, self.category_filter):
            combo.currentIndexChanged.connect(self._rebuild)

    # -- data -------------------------------------------------------------------------------------
    def set_marks(self, marks, text: str | None = None, items: list[Item] | None = None,
                  counts: ItemCounts | None = None) -> None:
        """Show the findings of ``marks``; ``text`` is the text they were found in (it gives
        each item's passage). ``items``: the result's items when already grouped (the review
        panel's), so that a result is grouped once; only an item some of whose findings have
        no mark (the word being typed) is grouped again. ``counts``: those items' counts when
        already made (the status bar's)."""
        self.marks = list(marks)
        by_finding = {id(m.finding): m for m in self.marks}
        self.problems = self._items_of(by_finding, text, items)
        self._counted = (self.problems, self.accepted, counts) \
            if counts is not None and self.problems is items else None
        self._index = {it.group: i for i, it in enumerate(self.problems)}
        self._marks_of = {it.group: [by_finding[id(f)] for f in it.findings]
                          for it in self.problems}
        per_cat: dict[str, int] = {}
        for it in self.problems:
            for c in it.categories:
                per_cat[c] = per_cat.get(c, 0) + 1
        current = self.category_filter.currentData()
        self.category_filter.blockSignals(True)
        self.category_filter.clear()
        self.category_filter.addItem(self.tr("Toutes catégories"), "")
        for c in sorted(per_cat, key=labels.category):
            self.category_filter.addItem(f"{labels.category(c)} ({per_cat[c]})", c)
        i = self.category_filter.findData(current)
        self.category_filter.setCurrentIndex(max(i, 0))
        self.category_filter.blockSignals(False)
        self._rebuild()

    def _items_of(self, by_finding: dict, text: str | None,
                  items: list[Item] | None) -> list[Item]:
        """The items of the marked findings: ``items`` where all their findings have a mark,
        regrouped where only some have."""
        if items is None:
            return group_items([m.finding for m in self.marks], text, self.accepted)
        out, partial, n = [], [], 0
        for it in items:
            fs = [f for f in it.findings if id(f) in by_finding]
            if len(fs) == len(it.findings):
                out.append(it)
                n += len(fs)
            else:
                partial.extend(fs)
        if partial:
            out.extend(group_items(partial, text, self.accepted))
            out.sort(key=lambda it: (it.start, it.end, it.group))
            n += len(partial)
        if n != len(by_finding):        # marks of findings the items do not hold
            return group_items([m.finding for m in self.marks], text, self.accepted)
        return out if partial else items

    def item_counts(self) -> ItemCounts:
        """The shown problems counted (once per list of items and acceptance)."""
        c = self._counted
        if c is None or c[0] is not self.problems or c[1] is not self.accepted or c[2] is None:
            c = self._counted = (self.problems, self.accepted, counts_of_items(self.problems))
        return c[2]

    def set_review(self, statuses: dict, can_decide: bool,
                   accepted: Set[str] = frozenset()) -> None:
        """The review's view of each item (group -> ItemStatus), whether decisions may be taken
        now and the ids of the findings accepted (drawn greyed, not counted); shown by the next
        :meth:`set_marks` or :meth:`refresh`."""
        self.statuses, self.can_decide, self.accepted = statuses, can_decide, accepted
        for it in self.problems:
            it.accepted = accepted

    def set_decidable(self, can_decide: bool) -> None:
        """Decisions became possible or impossible (a workflow step, an approval): the cards'
        links follow at once."""
        if can_decide != self.can_decide:
            self.can_decide = can_decide
            self.refresh()

    def refresh(self) -> None:
        """Redraw the cards whose decision or links changed (nothing when none did)."""
        if self.marks:
            self._rebuild()

    def counts(self) -> dict[str, int]:
        """Open problems by severity (spelling and accepted ones apart), as the status bar."""
        return self.item_counts().by_severity()

    def marks_of(self, item: Item) -> list:
        return self._marks_of.get(item.group, [])

    def visible_items(self) -> list[Item]:
        sev = self.severity_filter.currentData()
        cat = self.category_filter.currentData()
        return [it for it in self.problems if (not sev or it.severity == sev)
                and (not cat or cat in it.categories)]

    def visible_marks(self):
        return [m for it in self.visible_items() for m in self.marks_of(it)]

    # -- what a card offers ----------------------------------------------------------------------
    def replacements_of(self, item: Item) -> list[tuple[object, str]]:
        """``(mark, text)`` for each drop-in of the item's open findings (spelling suggestions,
        a rule's declared replacement): what « Remplacer » may put in the text."""
        out, seen = [], set()
        for m in self.marks_of(item):
            if m.finding.id in self.accepted:
                continue
            for r in replacements(m.finding):
                if (m.start, m.end, r) not in seen:
                    seen.add((m.start, m.end, r))
                    out.append((m, r))
        return out

    def actions_of(self, item: Item) -> list[tuple[str, str]]:
        """``(key, label)`` of what can be done with ``item`` now, in the card's order."""
        out = []
        repl = self.replacements_of(item)
        if repl:
            if len(repl) > 1:
                label = self.tr("Remplacer…")
            elif repl[0][1]:
                label = self.tr("Remplacer par «\u00a0{s}\u00a0»").format(s=_short(repl[0][1]))
            else:
                label = self.tr("Supprimer «\u00a0{s}\u00a0»").format(
                    s=_short(repl[0][0].finding.text))
        if item.spelling:
            if repl:
                out.append(("replace", label))
            out.append(("add_word", self.tr("Ajouter au dictionnaire")))
            return out
        out.append(("explain", self.tr("Expliquer")))
        if repl:
            out.append(("replace", label))
        x = self.statuses.get(item.group)
        if self.can_decide and x is not None:
            if x.status != "accepted":
                out.append(("accept", self.tr("Accepter…")))
            if x.status == "open":
                out.append(("send_back", self.tr("Renvoyer…")))
            if x.decided:
                out.append(("withdraw", self.tr("Retirer la décision")))
        return out

    def _card(self, item: Item) -> Card:
        reasons = []
        for message, fs in item.reason_findings():
            if item.spelling:
                color = labels.SPELLING_COLOR
            elif all(item.is_accepted(f) for f in fs):
                color = labels.ACCEPTED_COLOR
            else:
                worst = min((f.severity for f in fs), key=lambda s: SEVERITY_ORDER.get(s, 9))
                color = labels.SEVERITY_COLORS.get(worst, "#333")
            reasons.append((message, color))
        x = self.statuses.get(item.group)
        decision, dcolor = "", "#666666"
        if x is not None and (x.status != "open" or x.accepted):
            decision = decision_label(x)
            if x.decision is not None and x.decision.reason and x.status != "open":
                decision += f"\u00a0: «\u00a0{x.decision.reason}\u00a0»"
            dcolor = labels.ACCEPTED_COLOR if x.status == "accepted" else \
                "#b35c00" if x.status == "sent-back" else "#666666"
        elif item.all_accepted and not item.spelling:
            decision = self.tr("acceptée lors de la relecture")
            dcolor = labels.ACCEPTED_COLOR
        return Card(quoted(item, 90), reasons, decision, dcolor, self.actions_of(item),
                    item_color(item), item.all_accepted and not item.spelling)

    # -- view -------------------------------------------------------------------------------------
    def _content(self, item: Item) -> tuple:
        """What the card and the row of ``item`` show, compared from one check to the next
        without building them: the passage; each finding's text, message, severity, category,
        reference, acceptance and drop-ins (the card's reasons and links, the row's label and
        tooltip); each finding's review status and decision (the decision line and column);
        whether decisions may be taken now (the links)."""
        x = self.statuses.get(item.group)
        acc = self.accepted
        review = None if x is None else tuple(
            (s.status, None if s.decision is None else
             (s.decision.n, s.decision.kind, s.decision.by, s.decision.reason))
            for s in x.statuses)
        return (item.passage,
                tuple((f.id, f.text, f.message, f.severity, f.category, f.reference,
                       f.id in acc, tuple(replacements(f))) for f in item.findings),
                review, self.can_decide)

    def _rebuild(self) -> None:
        if not self.marks:
            # Nothing found is not a clearance: the engine misses wordings nobody listed.
            self.summary.setText(self.tr(
                "Aucun signalement. Tact ne repère pas tout\u00a0: relisez la publication "
                "avant de l’approuver."))
        else:
            self.summary.setText(summary(self.item_counts(), together=True))
        shown = self.visible_items()
        mode = self.group.currentIndex()
        # A card is built again only when what it shows changed (its content key): after a
        # keystroke elsewhere almost every problem comes back the same.
        contents = {it.group: self._content(it) for it in shown}
        old = self._cards
        cards = {}
        for it in shown:
            g = it.group
            card = old.get(g) if self._shown.get(g) == contents[g] else None
            cards[g] = card if card is not None else self._card(it)
        row = self.tree.currentItem()
        current = row.data(0, KEY_ROLE) if row is not None else None      # its group
        self._cards = cards
        # While typing elsewhere the same problems come back at new places: their rows stay,
        # only the rows of new, gone or changed problems are touched (a 20,000-word post has
        # hundreds of cards; rebuilding them all at each check froze the window).
        if mode == GROUP_NONE and self._shown_mode == GROUP_NONE \
                and self._update_rows(shown, contents):
            self._select(current)
            return
        self._shown_mode = mode
        self._shown = contents
        self._rows = {}
        self.tree.clear()
        if mode == GROUP_NONE:
            rows = [self._row(it) for it in shown]
            self._rows = {it.group: r for it, r in zip(shown, rows)}
            self.tree.addTopLevelItems(rows)
        else:
            groups: dict[str, list[Item]] = {}
            for it in shown:
                key = it.severity if mode == GROUP_SEVERITY else it.category
                groups.setdefault(key, []).append(it)
            order = sorted(groups, key=(lambda k: SEVERITY_ORDER.get(k, 9))
                           if mode == GROUP_SEVERITY else labels.category)
            for key in order:
                name = labels.severity(key, plural=True) if mode == GROUP_SEVERITY \
                    else labels.category(key)
                head = QTreeWidgetItem([f"{name} ({len(groups[key])})", ""])
                f = head.font(0)
                f.setBold(True)
                head.setFont(0, f)
                head.setFlags(Qt.ItemFlag.ItemIsEnabled)
                if mode == GROUP_SEVERITY:
                    head.setForeground(0, QBrush(QColor(labels.SEVERITY_COLORS.get(key, "#333"))))
                self.tree.addTopLevelItem(head)
                head.addChildren([self._row(it, indented=True) for it in groups[key]])
                head.setExpanded(True)
        self._select(current)

    def _update_rows(self, shown: list[Item], contents: dict[str, tuple]) -> bool:
        """Bring the flat list to ``shown`` by removing, inserting and refreshing only the rows
        that differ; False (nothing done) when most of them would, for a rebuild instead."""
        rows, tree = self._rows, self.tree
        keep = set(contents)
        gone = [g for g in rows if g not in keep]
        new = sum(1 for it in shown if it.group not in rows)
        if len(gone) + new > max(40, len(shown) // 2):
            return False
        for g in gone:
            tree.takeTopLevelItem(tree.indexOfTopLevelItem(rows.pop(g)))
            del self._shown[g]
        for i, it in enumerate(shown):
            g = it.group
            row = rows.get(g)
            if row is None:
                row = rows[g] = self._row(it)
                tree.insertTopLevelItem(i, row)
            else:
                if tree.topLevelItem(i) is not row:     # another order (rare): moved
                    tree.takeTopLevelItem(tree.indexOfTopLevelItem(row))
                    tree.insertTopLevelItem(i, row)
                if self._shown.get(g) != contents[g]:
                    self._fill_row(row, it)
            self._shown[g] = contents[g]
        return True

    def _select(self, current: str | None) -> None:
        """Keep the card that was current before the list changed current (``current``: its
        group); none is current once its problem is gone."""
        if current is None:
            return
        row = self.row_of(self.problems[self._index[current]]) if current in self._index \
            else None
        if row is None:
            if self.tree.currentItem() is not None:
                self.tree.setCurrentItem(None)
        elif self.tree.currentItem() is not row:
            self.tree.setCurrentItem(row)

    def _row(self, item: Item, indented: bool = False) -> QTreeWidgetItem:
        row = QTreeWidgetItem()
        self._fill_row(row, item, indented)
        return row

    def _fill_row(self, row: QTreeWidgetItem, item: Item, indented: bool = False) -> None:
        x = self.statuses.get(item.group)
        prefix = self.tr("✓ acceptée — ") if item.all_accepted and not item.spelling else ""
        row.setText(0, prefix + item_label(item))
        row.setText(1, decision_label(x) if x is not None else "")
        row.setToolTip(0, item_tooltip(item))
        if x is not None and x.decision is not None and x.status != "open":
            row.setToolTip(1, plain_tooltip(x.decision.reason))   # typed by a person: text
        else:
            row.setToolTip(1, "")
        row.setData(0, KEY_ROLE, item.group)
        row.setData(0, CARD_ROLE, self._cards.get(item.group) or self._card(item))
        self.delegate.set_size(row, indented)

    def item_of(self, row: QTreeWidgetItem | None) -> Item | None:
        g = row.data(0, KEY_ROLE) if row is not None else None
        i = self._index.get(g) if g is not None else None
        return self.problems[i] if i is not None else None

    def current_item(self) -> Item | None:
        return self.item_of(self.tree.currentItem())

    def row_of(self, item: Item) -> QTreeWidgetItem | None:
        row = self._rows.get(item.group)
        if row is not None:
            return row
        for row in self.items():
            if row.data(0, KEY_ROLE) == item.group:
                return row
        return None

    def card_of(self, row: QTreeWidgetItem) -> Card | None:
        return row.data(0, CARD_ROLE)

    def _activated(self, row: QTreeWidgetItem, _col: int = 0) -> None:
        item = self.item_of(row)
        if item is not None:
            self.itemActivated.emit(self.marks_of(item))

    def select_item(self, item: Item, activate: bool = True) -> None:
        """Make ``item`` the current card (and select its passage when ``activate``)."""
        row = self.row_of(item)
        if row is not None:
            self.tree.setCurrentItem(row)
            self.tree.scrollToItem(row)
        if activate:
            self.itemActivated.emit(self.marks_of(item))

    def select_group(self, group: str) -> None:
        """Show the card of the item ``group`` as current, without moving the editor."""
        item = next((it for it in self.problems if it.group == group), None)
        if item is not None:
            self.select_item(item, activate=False)

    def step(self, position: int, forward: bool = True) -> Item | None:
        """The next (or previous) shown item starting after (before) ``position`` (the editor's
        selection start, UTF-16), wrapping around; selects it. None when no item is shown."""
        spans = sorted(((min(m.start for m in self.marks_of(it)), it)
                        for it in self.visible_items() if self.marks_of(it)),
                       key=lambda p: p[0])
        if not spans:
            return None
        if forward:
            nxt = next((it for s, it in spans if s > position), spans[0][1])
        else:
            nxt = next((it for s, it in reversed(spans) if s < position), spans[-1][1])
        self.select_item(nxt)
        return nxt

    def items(self) -> list[QTreeWidgetItem]:
        """The cards' rows, in the order shown (headings left out)."""
        out = []
        for i in range(self.tree.topLevelItemCount()):
            top = self.tree.topLevelItem(i)
            out.append(top)
            out.extend(top.child(j) for j in range(top.childCount()))
        return [r for r in out if r.data(0, KEY_ROLE) is not None]

    # -- actions ----------------------------------------------------------------------------------
    def trigger(self, item: Item, key: str) -> None:
        """Ask the window for ``key`` on ``item`` (the card becomes current first)."""
        self.select_item(item, activate=False)
        self.actionRequested.emit(key, item)

    def _link_clicked(self, group: str, key: str) -> None:
        item = next((it for it in self.problems if it.group == group), None)
        if item is not None and key in dict(self.actions_of(item)):
            self.trigger(item, key)

    def link_rect(self, row: QTreeWidgetItem, key: str):
        """Where the link ``key`` of the card ``row`` is, in the list's viewport (or None)."""
        card = self.card_of(row)
        if card is None:
            return None
        return self.delegate.link_rect(self.tree.visualItemRect(row), card, key, self.tree.font())

    def context_menu(self, item: Item) -> QMenu:
        menu = QMenu(self)
        for key, label in self.actions_of(item):
            a = menu.addAction(label)
            a.setObjectName(f"card_{key}")
            a.triggered.connect(lambda _=False, k=key, it=item: self.trigger(it, k))
        return menu

    def _context_menu(self, pos: QPoint) -> None:
        item = self.item_of(self.tree.itemAt(pos))
        if item is None:
            return
        menu = self.context_menu(item)
        menu.exec(self.tree.viewport().mapToGlobal(pos))
        menu.deleteLater()
