"""The findings panel: every finding in document order, grouped or filtered by severity and
category, with counts. Clicking one selects its passage in the editor."""
from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (QComboBox, QHBoxLayout, QLabel, QTreeWidget, QTreeWidgetItem,
                               QVBoxLayout, QWidget)

from editor.compliance.findings import SEVERITY_ORDER
from editor.ui import labels
from editor.ui.richtext import plain_tooltip

GROUP_NONE, GROUP_SEVERITY, GROUP_CATEGORY = 0, 1, 2
MARK_ROLE = Qt.ItemDataRole.UserRole + 1


class FindingsPanel(QWidget):
    markActivated = Signal(object)    # Mark

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setObjectName("findingsPanel")
        self.marks = []
        self._index: dict[int, int] = {}
        self.summary = QLabel()
        self.summary.setObjectName("findingsSummary")
        self.summary.setWordWrap(True)
        self.group = QComboBox()
        self.group.addItems([self.tr("Ordre du texte"), self.tr("Par gravité"),
                             self.tr("Par catégorie")])
        self.group.setCurrentIndex(GROUP_SEVERITY)
        self.severity_filter = QComboBox()
        self.severity_filter.addItem(self.tr("Toutes gravités"), "")
        for s in ("error", "warning", "info"):
            self.severity_filter.addItem(labels.severity(s, plural=True), s)
        self.category_filter = QComboBox()
        self.category_filter.addItem(self.tr("Toutes catégories"), "")
        self.tree = QTreeWidget()
        self.tree.setObjectName("findingsTree")
        self.tree.setHeaderLabels([self.tr("Signalement"), self.tr("Ligne")])
        self.tree.setRootIsDecorated(True)
        self.tree.setUniformRowHeights(True)
        self.tree.setColumnWidth(0, 330)
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
    def set_marks(self, marks) -> None:
        self.marks = list(marks)
        self._index = {id(m): i for i, m in enumerate(self.marks)}
        cats = sorted({m.finding.category for m in self.marks}, key=labels.category)
        current = self.category_filter.currentData()
        self.category_filter.blockSignals(True)
        self.category_filter.clear()
        self.category_filter.addItem(self.tr("Toutes catégories"), "")
        for c in cats:
            n = sum(1 for m in self.marks if m.finding.category == c)
            self.category_filter.addItem(f"{labels.category(c)} ({n})", c)
        i = self.category_filter.findData(current)
        self.category_filter.setCurrentIndex(max(i, 0))
        self.category_filter.blockSignals(False)
        self._rebuild()

    def counts(self) -> dict[str, int]:
        out = {"error": 0, "warning": 0, "info": 0}
        for m in self.marks:
            out[m.finding.severity] = out.get(m.finding.severity, 0) + 1
        return out

    def visible_marks(self):
        sev = self.severity_filter.currentData()
        cat = self.category_filter.currentData()
        return [m for m in self.marks if (not sev or m.finding.severity == sev)
                and (not cat or m.finding.category == cat)]

    # -- view -------------------------------------------------------------------------------------
    def _rebuild(self) -> None:
        c = self.counts()
        if not self.marks:
            self.summary.setText(self.tr("Aucun signalement."))
        else:
            self.summary.setText(self.tr("{e} erreur(s) · {w} avertissement(s) · {i} info(s)")
                                 .format(e=c["error"], w=c["warning"], i=c["info"]))
            accepted = sum(1 for m in self.marks if getattr(m.finding, "waived", False))
            if accepted:
                self.summary.setText(self.summary.text() + self.tr(
                    " · dont {a} acceptée(s)").format(a=accepted))
        self.tree.clear()
        marks = sorted(self.visible_marks(), key=lambda m: m.finding.start)
        mode = self.group.currentIndex()
        if mode == GROUP_NONE:
            for m in marks:
                self.tree.addTopLevelItem(self._item(m))
            return
        groups: dict[str, list] = {}
        for m in marks:
            key = m.finding.severity if mode == GROUP_SEVERITY else m.finding.category
            groups.setdefault(key, []).append(m)
        order = sorted(groups, key=(lambda k: SEVERITY_ORDER.get(k, 9)) if mode == GROUP_SEVERITY
                       else labels.category)
        for key in order:
            name = labels.severity(key, plural=True) if mode == GROUP_SEVERITY else labels.category(key)
            head = QTreeWidgetItem([f"{name} ({len(groups[key])})", ""])
            head.setData(0, MARK_ROLE, -1)
            f = head.font(0)
            f.setBold(True)
            head.setFont(0, f)
            if mode == GROUP_SEVERITY:
                head.setForeground(0, QBrush(QColor(labels.SEVERITY_COLORS.get(key, "#333"))))
            self.tree.addTopLevelItem(head)
            for m in groups[key]:
                head.addChild(self._item(m))
            head.setExpanded(True)

    def _item(self, m) -> QTreeWidgetItem:
        f = m.finding
        label = f"« {f.text} » — {f.message}" if f.category != "spelling" else f.message
        if getattr(f, "waived", False):   # accepted with a reason in the review
            label = self.tr("✓ acceptée — ") + label
        it = QTreeWidgetItem([label, str(f.line)])
        color = labels.SPELLING_COLOR if f.category == "spelling" else \
            labels.ACCEPTED_COLOR if getattr(f, "waived", False) else \
            labels.SEVERITY_COLORS.get(f.severity, "#333")
        it.setForeground(0, QBrush(QColor(color)))
        it.setToolTip(0, plain_tooltip(f"{labels.severity(f.severity)} · "
                                       f"{labels.category(f.category)}\n"
                                       f"{f.message}\n{f.reference or ''}"))
        it.setData(0, MARK_ROLE, self._index[id(m)])
        return it

    def _activated(self, item: QTreeWidgetItem, _col: int = 0) -> None:
        i = item.data(0, MARK_ROLE)
        if isinstance(i, int) and 0 <= i < len(self.marks):
            self.markActivated.emit(self.marks[i])

    def items(self) -> list[QTreeWidgetItem]:
        out = []
        for i in range(self.tree.topLevelItemCount()):
            top = self.tree.topLevelItem(i)
            if isinstance(top.data(0, MARK_ROLE), int):
                out.append(top)
            for j in range(top.childCount()):
                out.append(top.child(j))
        return out
